"""Extraction benchmark: quality of the generic chain and speed of each path.

(a) Quality on the AEB dev half (../shared/bench/aeb-dev, 90 real news pages, metric
    ../shared/bench/aeb_metric.py): our chain with no site selectors, predicting a page as
    its ``lead`` and ``body`` joined by a blank line, against trafilatura 2.3.1 with
    favor_precision (its strongest setting here) on the same pages in the same run.
(b) Milliseconds per page, parsing included, of: our selector path (site selectors give the
    body), our generic path (selectors=None) and trafilatura alone. Pages: the AEB dev pages
    (their body selector, standing in for a site's real one, is an XPath to the element whose
    text best matches the labelled body) and the real VnExpress page with selectors written
    for it.

    python benchmarks/bench_extraction.py [--write PATH] [--repeat N]

``run()`` returns the rows; ``__main__`` prints both tables (and writes them with --write).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib.util
import json
import logging
import re
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import trafilatura
from scrapy.http import HtmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ

logger = logging.getLogger(__name__)

SHARED = Path(__file__).resolve().parents[2] / "shared"
AEB_DIR = SHARED / "bench" / "aeb-dev"  # 90 pages, too large for the repository
# The metric and the VnExpress page: the copies the tests read (tests/fixtures/reference).
REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "reference"
METRIC_PATH = REFERENCE / "aeb_metric.py"
VNEXPRESS_DIR = REFERENCE
FETCHED_AT = datetime(2026, 1, 1, 12, 0, tzinfo=VN_TZ)
# Written for the saved page from its markup (research/vn_sites.md §3 names the same blocks).
VNEXPRESS_SELECTORS = {
    "title": "h1.title-detail",
    "lead": "p.description",
    "published": "span.date",
    "body": "article.fck_detail",
    "authors": "article.fck_detail p[style*='text-align:right'] strong",
}


def load_metric():
    spec = importlib.util.spec_from_file_location("aeb_metric", METRIC_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages() -> list[dict[str, Any]]:
    """AEB dev pages then the VnExpress page: ``{id, url, body, truth, selectors}``."""
    truth = json.loads((AEB_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        body = gzip.decompress((AEB_DIR / "html" / f"{page_id}.html.gz").read_bytes())
        url, labelled = truth[page_id]["url"], truth[page_id]["articleBody"]
        container = _container_for(url, body, labelled)
        pages.append({"id": page_id, "url": url, "body": body, "truth": labelled,
                      "selectors": {"title": "h1", "body": container}})
    meta = json.loads((VNEXPRESS_DIR / "meta.json").read_text(encoding="utf-8"))
    for name, info in meta.items():
        body = gzip.decompress((VNEXPRESS_DIR / name).read_bytes())
        pages.append({"id": "vnexpress", "url": info["url"], "body": body, "truth": None,
                      "selectors": VNEXPRESS_SELECTORS})
    return pages


def _container_for(url: str, body: bytes, truth: str) -> str:
    """An XPath to the element a site's author would name: the one whose text matches the
    labelled body best (by word 4-gram F1), as a site selector would point at it."""
    truth_shingles = _shingles(truth)
    root = HtmlResponse(url=url, body=body).selector.root
    best, best_score = "body", 0.0
    for element in root.iter("div", "article", "section", "main", "td", "body"):
        text = " ".join(element.itertext())
        if not 0.5 * len(truth) <= len(text) <= 4 * len(truth) + 2000:
            continue
        found = _shingles(text)
        shared = len(found & truth_shingles)
        score = 2 * shared / (len(found) + len(truth_shingles) or 1)
        if score > best_score:
            best, best_score = "xpath:" + root.getroottree().getpath(element), score
    return best


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text)
    return {tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3))}


def _response(page: dict[str, Any]) -> HtmlResponse:
    return HtmlResponse(url=page["url"], body=page["body"])


def our_prediction(response: HtmlResponse, selectors: dict[str, str] | None,
                   month_first: bool = False) -> str:
    fields = extract_article(response, selectors, fetched_at=FETCHED_AT,
                             month_first=month_first).fields
    return "\n\n".join(part for part in (fields["lead"], fields["body"]) if part)


def trafilatura_prediction(response: HtmlResponse) -> str:
    return trafilatura.extract(response.text, url=response.url, favor_precision=True,
                               include_comments=False) or ""


def quality(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    metric = load_metric()
    labelled = [page for page in pages if page["truth"] is not None]
    truth = {page["id"]: {"articleBody": page["truth"]} for page in labelled}
    rows = []
    for name, predict in (("newscrawler generic chain", lambda r: our_prediction(r, None)),
                          ("trafilatura 2.3.1 favor_precision", trafilatura_prediction)):
        predictions = {page["id"]: {"articleBody": predict(_response(page))} for page in labelled}
        scores = metric.evaluate(truth, predictions)
        rows.append({"extractor": name, **{key: scores[key] for key in (
            "f1", "f1_std", "precision", "recall", "accuracy", "n_docs", "n_empty_pred")}})
    return rows


def _time_ms(function, page: dict[str, Any], repeat: int) -> float:
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(_response(page))  # a fresh response: parsing is part of the cost
        durations.append(time.perf_counter() - started)
    return statistics.median(durations) * 1000


def speed(pages: list[dict[str, Any]], repeat: int = 3) -> list[dict[str, Any]]:
    paths = {
        "selector path": lambda page: (lambda r: our_prediction(r, page["selectors"])),
        "generic path": lambda page: (lambda r: our_prediction(r, None)),
        "trafilatura alone": lambda page: trafilatura_prediction,
    }
    rows = []
    for subset, chosen in (("AEB dev", [p for p in pages if p["truth"] is not None]),
                           ("VnExpress", [p for p in pages if p["truth"] is None])):
        totals = {name: sum(_time_ms(make(page), page, repeat) for page in chosen)
                  for name, make in paths.items()}
        reference = totals["trafilatura alone"]
        for name, total in totals.items():
            rows.append({"pages": subset, "path": name, "ms_per_page": total / len(chosen),
                         "vs_trafilatura": total / reference, "n_pages": len(chosen)})
    return rows


def selector_hits(pages: list[dict[str, Any]]) -> int:
    """How many pages the selector path really served from the body selector."""
    return sum(
        extract_article(_response(page), page["selectors"], fetched_at=FETCHED_AT)
        .provenance.get("body") == "selector"
        for page in pages
    )


def run(repeat: int = 3) -> dict[str, Any]:
    pages = load_pages()
    for page in pages:  # warm caches (imports, dateparser) outside the timings
        our_prediction(_response(page), page["selectors"])
        trafilatura_prediction(_response(page))
    # Move the libraries' long-lived objects (tldextract's suffix trie, dateparser's data)
    # out of the collector's sight: otherwise each full collection walks ~86k objects
    # (~35 ms), and where it lands decides which path looks slow. Same for all three paths.
    gc.collect()
    gc.freeze()
    return {"quality": quality(pages), "speed": speed(pages, repeat),
            "selector_hits": selector_hits(pages), "n_pages": len(pages)}


def markdown(results: dict[str, Any]) -> str:
    lines = ["| extractor (AEB dev) | F1 | ± | P | R | exact | empty |",
             "|---|---|---|---|---|---|---|"]
    for row in results["quality"]:
        lines.append(f"| {row['extractor']} | {row['f1']:.4f} | {row['f1_std']:.4f} | "
                     f"{row['precision']:.4f} | {row['recall']:.4f} | {row['accuracy']:.3f} | "
                     f"{row['n_empty_pred']}/{row['n_docs']} |")
    lines += ["", "| pages | path | ms/page | × trafilatura |", "|---|---|---|---|"]
    for row in results["speed"]:
        lines.append(f"| {row['pages']} ({row['n_pages']}) | {row['path']} | "
                     f"{row['ms_per_page']:.1f} | {row['vs_trafilatura']:.2f} |")
    lines += ["", f"Selector path served the body from the selector on "
                  f"{results['selector_hits']}/{results['n_pages']} pages."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="also write the tables to this file")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    table = markdown(run(args.repeat))
    print(table)
    if args.write:
        args.write.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
