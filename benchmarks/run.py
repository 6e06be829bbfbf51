"""`make bench`: runs every benchmark and writes benchmarks/RESULTS.md.

    python -m benchmarks.run                # everything (~30-45 min on 2 loaded cores)
    python -m benchmarks.run --quick        # smoke run, small sizes, one run each
    python -m benchmarks.run --only crawl,newsplease

Sections: crawl (throughput full vs bare, 20k-page RSS, replica ceiling), newsplease,
extraction, memory (100k-page crawl), state, dataset, dates, workers (if
benchmarks/bench_workers.py exists), archive (crawl with and without the WARC
archive, bytes per page, WARC libraries), profile (pyinstrument, if installed). A quick or
partial run writes to benchmarks/.work/ unless --out is given, so that RESULTS.md only
ever holds a full run. Raw numbers go to benchmarks/.work/results.json.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import json
import logging
import os
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import report

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
SECTIONS = ("crawl", "newsplease", "extraction", "memory", "state", "dataset", "dates",
            "workers", "frontier", "archive", "profile")
SIZES = {
    "full": {"articles": 20_000, "runs": 3, "np_sample": 1_000, "np_runs": 3,
             "rss_articles": 100_000, "extraction_runs": 3, "state_n": 1_000_000,
             "dataset_records": 100_000, "profile_articles": 2_000, "frontier_runs": 3,
             "archive_articles": 5_000, "archive_runs": 3, "archive_sample": 1_000},
    "quick": {"articles": 2_000, "runs": 1, "np_sample": 100, "np_runs": 1,
              "rss_articles": 4_000, "extraction_runs": 1, "state_n": 20_000,
              "dataset_records": 5_000, "profile_articles": 400, "frontier_runs": 1,
              "archive_articles": 1_000, "archive_runs": 1, "archive_sample": 100},
}


def spread(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "min": min(values), "median": statistics.median(values),
            "max": max(values)}


def machine() -> dict[str, Any]:
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                  .splitlines() if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gib": round(mem_kb / 2**20, 1),
            "kernel": platform.release(), "load_before": os.getloadavg()}


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in ("newscrawler", "scrapy", "twisted", "lxml", "parsel", "trafilatura",
                 "pyinstrument"):
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


# --- sections ------------------------------------------------------------------------------

def section_crawl(size: dict, results: dict) -> dict:
    from benchmarks import bench_crawl

    raw = bench_crawl.throughput(size["articles"], size["runs"])
    by_kind = {kind: [r for r in raw["runs"] if r["kind"] == kind] for kind in ("full", "bare")}
    summary = {kind: {metric: spread([r[metric] for r in runs])
                      for metric in ("pages_per_s", "cpu_ms_per_page", "peak_rss_mb", "wall_s")}
               for kind, runs in by_kind.items()}
    ratios = [f["pages_per_s"] / b["pages_per_s"]
              for f, b in zip(by_kind["full"], by_kind["bare"], strict=True)]
    return {**raw, "summary": summary, "ratio_per_pair": ratios,
            "ratio_of_medians": summary["full"]["pages_per_s"]["median"]
            / summary["bare"]["pages_per_s"]["median"]}


def section_newsplease(size: dict, results: dict) -> dict:
    from benchmarks import bench_newsplease

    export_dir = results.get("crawl", {}).get("export_dir")
    raw = bench_newsplease.run(size["articles"], size["np_sample"], size["np_runs"],
                               Path(export_dir) if export_dir else None)
    raw["summary"] = {metric: spread([r[metric] for r in raw["runs"]])
                      for metric in ("pages_per_s", "cpu_ms_per_page", "peak_rss_mb")}
    return raw


def section_extraction(size: dict, results: dict) -> dict:
    import gc

    from benchmarks import bench_extraction

    pages = bench_extraction.load_pages() + replica_pages()
    for page in pages:  # warm imports and caches outside the timings
        bench_extraction.our_prediction(bench_extraction._response(page), page["selectors"])
        bench_extraction.trafilatura_prediction(bench_extraction._response(page))
    gc.collect()
    gc.freeze()  # as bench_extraction.run(): long-lived library objects out of the GC's way
    aeb = [p for p in pages if p["truth"] is not None and p.get("subset") != "replica"]
    subsets = {"AEB dev": aeb, "VnExpress": [p for p in pages if p["id"] == "vnexpress"],
               "replica": [p for p in pages if p.get("subset") == "replica"]}
    paths = {
        "selector path": lambda page: (lambda r: bench_extraction.our_prediction(
            r, page["selectors"], page.get("month_first", False))),
        "generic path": lambda page: (lambda r: bench_extraction.our_prediction(r, None)),
        "trafilatura alone": lambda page: bench_extraction.trafilatura_prediction,
    }
    runs: dict[str, dict[str, list[float]]] = {}
    for _ in range(size["extraction_runs"]):  # each run: median of 3 timings per page
        for subset, chosen in subsets.items():
            for path, make in paths.items():
                total = sum(bench_extraction._time_ms(make(page), page, 3) for page in chosen)
                runs.setdefault(subset, {}).setdefault(path, []).append(total / len(chosen))
    return {"n_pages": {name: len(chosen) for name, chosen in subsets.items()},
            "ms_per_page": {subset: {path: spread(values) for path, values in paths.items()}
                            for subset, paths in runs.items()},
            # Body quality on AEB dev: our generic chain against trafilatura, same run.
            "quality": bench_extraction.quality(bench_extraction.load_pages())}


def replica_pages(per_site: int = 25) -> list[dict[str, Any]]:
    """Article pages of the replica sites with their spiders' real selectors."""
    from urllib.parse import urlsplit

    from scrapy.http import HtmlResponse

    from benchmarks import bench_crawl
    from benchmarks.replica_ceiling import FIXED_NOW
    from newscrawler.replica import load_site
    from newscrawler.runner import spider_loader

    loader, now, pages = spider_loader(), datetime.fromisoformat(FIXED_NOW), []
    for key in bench_crawl.crawl_sites():
        site, spider = load_site(key, 250), loader.load(key)
        for article in site.corpus.articles[:: len(site.corpus.articles) // per_site][:per_site]:
            parts = urlsplit(article.url)
            status, _, body = site.handle(parts.path + (f"?{parts.query}" if parts.query
                                                        else ""), now)
            if status == 200:
                # "truth" marks a page for bench_extraction.speed's first subset
                pages.append({"id": f"{key}:{article.key}", "url": article.url, "body": body,
                              "truth": "", "subset": "replica",
                              "selectors": dict(spider.selectors),
                              # as the spider passes it (moet's archive pages print
                              # month-first dates, its 2026 pages not)
                              "month_first": spider().month_first_for(
                                  HtmlResponse(url=article.url, body=body))})
    return pages


def section_memory(size: dict, results: dict) -> dict:
    from benchmarks import bench_crawl

    return bench_crawl.memory(size["rss_articles"])


def section_state(size: dict, results: dict) -> dict:
    from benchmarks import bench_state

    started = time.perf_counter()
    return {"rows": bench_state.run(size["state_n"]), "n": size["state_n"],
            "seconds": time.perf_counter() - started}


def section_dataset(size: dict, results: dict) -> dict:
    from benchmarks import bench_dataset

    return {"rows": bench_dataset.run(size["dataset_records"]),
            "records": size["dataset_records"]}


def section_dates(size: dict, results: dict) -> dict:
    from benchmarks import bench_dates

    return {"rows": bench_dates.run()}


def section_workers(size: dict, results: dict) -> dict:
    try:
        module = importlib.import_module("benchmarks.bench_workers")
    except ModuleNotFoundError:
        return {"skipped": "no benchmarks/bench_workers.py yet (the distributed issue)"}
    return {"rows": module.run()}


def section_frontier(size: dict, results: dict) -> dict:
    from benchmarks import bench_frontier

    # 2,000 articles in both modes: the rerun target is stated for that size.
    return bench_frontier.run(2_000, size["frontier_runs"])


def section_archive(size: dict, results: dict) -> dict:
    from benchmarks import bench_archive

    return bench_archive.run(size["archive_articles"], size["archive_runs"],
                             size["archive_sample"])


def section_profile(size: dict, results: dict) -> dict:
    from benchmarks import bench_crawl

    try:
        importlib.import_module("pyinstrument")
    except ModuleNotFoundError:
        return {"skipped": "pyinstrument is not installed (.venv/bin/pip install pyinstrument)"}
    return bench_crawl.profile(size["profile_articles"])


def run_section_in_child(name: str, mode: str, results: dict[str, Any]) -> dict[str, Any]:
    """Each section in a fresh process: its memory (and that of the processes it starts,
    whose ru_maxrss counts their parent's) owes nothing to the sections before it."""
    import subprocess

    state = WORK / "results-so-far.json"
    state.write_text(json.dumps(results, default=str))
    out = WORK / f"section-{name}.json"
    out.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "benchmarks.run", "--section", name, "--mode", mode,
                    "--state", str(state), "--section-out", str(out)], cwd=HERE.parent)
    if not out.exists():
        return {"failed": "the section's process died (see the log above)"}
    return json.loads(out.read_text())


def run_section(name: str, mode: str, state: Path, out: Path) -> None:
    results = json.loads(state.read_text())
    try:
        section = globals()[f"section_{name}"](SIZES[mode], results)
    except Exception as error:  # one broken bench must not hide the others' numbers
        logger.exception("section %s failed", name)
        section = {"failed": f"{type(error).__name__}: {error}"}
    out.write_text(json.dumps(section, default=str))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--only", action="append", default=[],
                        help=f"comma-separated sections among {', '.join(SECTIONS)}")
    parser.add_argument("--out", type=Path, help="where to write the results (Markdown)")
    parser.add_argument("--section", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="full", help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--section-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if args.section:
        run_section(args.section, args.mode, args.state, args.section_out)
        return 0
    only = [name for value in args.only for name in value.split(",") if name]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}")
    mode = "quick" if args.quick else "full"
    out = args.out or (HERE / "RESULTS.md" if mode == "full" and not only
                       else WORK / f"RESULTS-{mode}{'-only' if only else ''}.md")
    WORK.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"mode": mode, "sizes": SIZES[mode], "machine": machine(),
                               "versions": versions(), "started": datetime.now().isoformat(
                                   timespec="seconds"), "command": " ".join(sys.argv)}
    started = time.perf_counter()
    for name in only or SECTIONS:
        logger.info("section %s", name)
        section_started = time.perf_counter()
        results[name] = run_section_in_child(name, mode, results)
        results[name]["section_s"] = time.perf_counter() - section_started
        results["machine"].setdefault("load_during", []).append((name, os.getloadavg()))
    results["total_s"] = time.perf_counter() - started
    if "newsplease" in results and "version" in results["newsplease"]:
        results["versions"]["news-please"] = results["newsplease"]["version"]
    (WORK / f"results-{mode}.json").write_text(json.dumps(results, indent=1, default=str))
    out.write_text(report.markdown(results), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
