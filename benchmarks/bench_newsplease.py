"""news-please 1.6.16 on the same replica pages: speed and field accuracy beside ours.

news-please is not a project dependency: it is installed into its own venv,
`benchmarks/.work/newsplease-venv` (`python -m venv` + `pip install news-please==1.6.16`).

What is measured. news-please's own crawler cannot be pointed at the replica: it takes
start URLs and follows the links of the pages, and those are the real sites' https URLs,
which only our download handler routes to the replica (research/crawl_throughput.md: even
on a plain local site it needed robots.txt off, more than 4 requests per domain, its
no-images extractor and the site on port 80). So the bench runs, in a child process of that
venv, the part that decides its speed and its records: one keep-alive HTTP connection
fetches each sampled article page from the fast replica (gzip, like a crawler), and
`NewsPlease.from_html(html, url=real_url, fetch_images=False)` extracts it. This favours
news-please: no discovery, no listing pages, no request scheduling, no file per article
(its crawler measured 59 ms/page against 47 ms for `from_html` alone on a real page).

pages/s = sampled article pages / the child's wall time (start-up included). Accuracy,
for news-please and for our exported records of the same URLs, against the replica's
truth (`truth_records`): share of exact titles, exact publication dates (ours: the ISO
string; news-please's naive `date_publish` against the Vietnam wall time) and exact bodies
(whitespace folded on both sides; news-please's `maintext` also counts when it is the lead
followed by the body, since it keeps the sapo in the main text).

    python -m benchmarks.bench_newsplease [--articles 20000] [--sample 1000] [--runs 3]

This module imports only the standard library at its top: the child runs it with the
news-please venv's interpreter (`--child`).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import logging
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / ".work"
VENV = WORK / "newsplease-venv"
NEWSPLEASE = "news-please==1.6.16"


def ensure_venv(venv: Path = VENV) -> Path:
    """The venv's python, after creating the venv and installing news-please if needed."""
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import newsplease"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    logger.info("creating %s with %s", venv, NEWSPLEASE)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", NEWSPLEASE], check=True)
    return python


def venv_version(python: Path) -> str:
    result = subprocess.run([str(python), "-m", "pip", "show", "news-please"],
                            capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return "?"


# --- the child, run by the news-please venv's interpreter ---------------------------------

def child(replica_url: str, urls_file: Path, out: Path) -> None:
    import warnings

    warnings.simplefilter("ignore")  # newspaper4k warns that nltk is missing
    from newsplease import NewsPlease

    host, port = replica_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    with out.open("w", encoding="utf-8") as records:
        for url in urls_file.read_text(encoding="utf-8").split():
            connection.request("GET", "/" + url.split("://", 1)[1],
                               headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            body = response.read()
            if response.getheader("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            article = NewsPlease.from_html(body.decode("utf-8", "replace"), url=url,
                                           fetch_images=False)
            date = article.date_publish
            records.write(json.dumps({
                "url": url, "title": article.title, "description": article.description,
                "maintext": article.maintext,
                "date_publish": str(date) if date is not None else None,
            }, ensure_ascii=False) + "\n")


# --- accuracy ---------------------------------------------------------------------------

def fold(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _vn_wall_time(iso: str | None) -> str | None:
    return iso[:19].replace("T", " ") if iso else None


def score_newsplease(record: dict[str, Any], truth: dict[str, Any]) -> dict[str, bool]:
    body, lead = fold(truth["body"]), fold(truth["lead"])
    maintext = fold(record.get("maintext"))
    return {
        "title": fold(record.get("title")) == fold(truth["title"]),
        "date": record.get("date_publish") is not None
        and record["date_publish"][:19] == _vn_wall_time(truth["published_at"]),
        "body": bool(body) and maintext in (body, f"{lead} {body}".strip()),
    }


def score_ours(record: dict[str, Any], truth: dict[str, Any]) -> dict[str, bool]:
    return {
        "title": fold(record.get("title")) == fold(truth["title"]),
        "date": record.get("published_at") == truth["published_at"],
        "body": fold(record.get("body")) == fold(truth["body"]) != "",
    }


def accuracy(records: dict[str, dict], truth: dict[str, dict], score) -> dict[str, float]:
    """Share of the truth's URLs with an exact field; a missing record counts as wrong."""
    totals = {"title": 0, "date": 0, "body": 0}
    for url, expected in truth.items():
        if url in records:
            for name, exact in score(records[url], expected).items():
                totals[name] += exact
    return {name: count / len(truth) for name, count in totals.items()}


def our_records(export_dir: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(export_dir.glob("articles/*/*/*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                found[record["url"]] = record
    return found


def sample_truth(sites: list[str], articles_per_site: int, sample: int) -> dict[str, dict]:
    """`sample` articles spread evenly over the sites and over each site's corpus."""
    from newscrawler.replica.truth import truth_records

    per_site = max(1, sample // len(sites))
    chosen = {}
    for site in sites:
        records = truth_records(site, articles_per_site)
        step = max(1, len(records) // per_site)
        for record in records[::step][:per_site]:
            chosen[record["url"]] = record
    return chosen


# --- the bench ----------------------------------------------------------------------------

def run(total_articles: int = 20_000, sample: int = 1_000, runs: int = 3,
        export_dir: Path | None = None, work: Path = WORK / "newsplease") -> dict[str, Any]:
    """news-please on `sample` article pages of the replica of `total_articles` articles,
    `runs` times; our records come from `export_dir` (a full crawl of the same replica)
    or, when None, from a full crawl run here."""
    from benchmarks import bench_crawl
    from benchmarks.replica_ceiling import FastReplica

    python = ensure_venv()
    sites = bench_crawl.crawl_sites()
    articles = bench_crawl.per_site(total_articles, sites)
    truth = sample_truth(sites, articles, sample)
    work.mkdir(parents=True, exist_ok=True)
    urls_file = work / "urls.txt"
    urls_file.write_text("\n".join(truth) + "\n", encoding="utf-8")
    timings = []
    with FastReplica(articles, sites) as replica:
        if export_dir is None:
            export_dir = Path(bench_crawl.throughput(total_articles, 1, work / "ours")
                              ["export_dir"])
        for number in range(runs):
            out = work / f"records-{number}.jsonl"
            command = [str(python), str(Path(__file__)), "--child", replica.url,
                       str(urls_file), str(out)]
            result = bench_crawl.run_measured(command, work / f"child-{number}.log")
            if result["returncode"] != 0:
                raise RuntimeError(f"news-please child failed: see {work}/child-{number}.log")
            result["pages_per_s"] = len(truth) / result["wall_s"]
            result["cpu_ms_per_page"] = 1000 * result["cpu_s"] / len(truth)
            timings.append(result)
    theirs = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        theirs[record["url"]] = record
    return {"version": venv_version(python), "pages": len(truth), "runs": timings,
            "accuracy_newsplease": accuracy(theirs, truth, score_newsplease),
            "accuracy_ours": accuracy(our_records(export_dir), truth, score_ours),
            "export_dir": str(export_dir)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--export-dir", type=Path, help="our records of the same replica")
    parser.add_argument("--child", nargs=3, metavar=("URL", "URLS_FILE", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sys.path.insert(0, str(REPO))
    result = run(args.articles, args.sample, args.runs, args.export_dir)
    print(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
