"""Crawl throughput and memory: the full pipeline against a bare Scrapy spider.

Both crawl the enabled replica sites, served by the fast replica (`replica_ceiling.py`),
politeness lifted (`REPLICA_OVERRIDES`: 32 requests in flight, 16 per domain, no delay).

- full: `newscrawler crawl SITE... --replica URL --data-dir DIR` in a child process, a fresh
  data dir (so a fresh crawl state) each run: discovery, extraction, normalisation,
  validation, deduplication against the SQLite state, JSON Lines export, run summary.
- bare: a Scrapy spider (below) in a child process that fetches the same pages (every path
  the full crawl requested, read from the server) through the same replica download
  handler, with the same concurrency, and yields only `{"url": ...}` to a JSON Lines feed.

pages/s = pages the server answered during the run / the child's wall time, start-up
included; CPU s/page and peak RSS come from `os.wait4` on the child (user + system time,
ru_maxrss). Runs alternate full, bare, full, bare... so that drift hits both alike.

    python -m benchmarks.bench_crawl [--articles 20000] [--runs 3] [--rss-articles 100000]
    python -m benchmarks.bench_crawl --bare REPLICA_URL URLS_FILE OUT   (the bare child)
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import scrapy

from benchmarks.replica_ceiling import FastReplica, ceiling_in_child

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / ".work"


def crawl_sites() -> list[str]:
    """The sites a default `newscrawler crawl` visits that the replica serves."""
    from newscrawler.replica import REPLICA_SITES
    from newscrawler.runner import enabled_sites, spider_loader

    return [site for site in enabled_sites(spider_loader()) if site in REPLICA_SITES]


def per_site(total_articles: int, sites: list[str]) -> int:
    return math.ceil(total_articles / len(sites))


def run_measured(command: list[str], log: Path) -> dict[str, Any]:
    """Runs `command`; wall seconds, CPU seconds and peak RSS of that child alone.

    Peak RSS is the child's VmHWM, read from /proc while it runs: its ru_maxrss would also
    count the parent's memory at spawn time (Linux keeps the pre-exec high-water mark)."""
    started = time.perf_counter()
    peak_kb = 0
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        status_file = Path(f"/proc/{process.pid}/status")
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak_kb = max(peak_kb, _vm_hwm_kb(status_file))
            time.sleep(0.05)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": (peak_kb or usage.ru_maxrss) / 1024,
            "returncode": process.returncode}


def _vm_hwm_kb(status_file: Path) -> int:
    try:
        for line in status_file.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):  # the process is exiting
        pass
    return 0


def full_command(replica_url: str, sites: list[str], data_dir: Path,
                 settings: dict[str, str] | None = None) -> list[str]:
    command = [sys.executable, "-m", "newscrawler.cli", "crawl", *sites,
               "--replica", replica_url, "--data-dir", str(data_dir)]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    return command


def bare_command(replica_url: str, urls_file: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "benchmarks.bench_crawl", "--bare", replica_url,
            str(urls_file), str(out)]


def exported_records(data_dir: Path) -> int:
    return sum(1 for path in data_dir.glob("articles/*/*/*.jsonl") for _ in path.open("rb"))


def run_summary_counts(data_dir: Path, keep_dir: Path, kind: str, number: int
                       ) -> dict[str, Any]:
    """Dropped items and capped listings of a full run, from its run summary, which is
    kept (the data dir is not): a run exporting fewer records than articles can be
    explained afterwards."""
    summaries = sorted((data_dir / "runs").glob("*.json"))
    if not summaries:
        return {}
    keep_dir.mkdir(parents=True, exist_ok=True)
    kept = keep_dir / f"{kind}-{number}.json"
    shutil.copyfile(summaries[-1], kept)
    sites = json.loads(kept.read_text())["sites"].values()
    return {"items_dropped": sum(site.get("items_dropped", 0) for site in sites),
            "listing_cap_reached": sum(
                value for site in sites for key, value in site.get("stats", {}).items()
                if key.endswith("/listing_cap_reached")),
            "run_summary": str(kept)}


def real_urls(paths: list[str]) -> list[str]:
    """`/<domain>/<path>` as the server saw it -> the real URL the crawler asked for."""
    return ["https:/" + path for path in paths if not path.startswith("/_")]


def one_run(kind: str, replica: FastReplica, sites: list[str], work: Path, number: int,
            urls_file: Path | None = None, settings: dict[str, str] | None = None
            ) -> dict[str, Any]:
    target = work / f"{kind}-{number}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    replica.count(reset=True)
    if kind == "full":
        command = full_command(replica.url, sites, target / "data", settings)
    else:
        command = bare_command(replica.url, urls_file, target / "urls.jsonl")
    result = run_measured(command, target / "output.log")
    pages = replica.count(reset=True)
    result.update(kind=kind, run=number, pages=pages, pages_per_s=pages / result["wall_s"],
                  cpu_ms_per_page=1000 * result["cpu_s"] / max(pages, 1))
    if kind == "full":
        result["records"] = exported_records(target / "data")
        result.update(run_summary_counts(target / "data", work / "summaries", kind, number))
    logger.info("%s run %d: %d pages in %.1f s (%.0f pages/s, %.2f CPU ms/page, %.0f MB)",
                kind, number, pages, result["wall_s"], result["pages_per_s"],
                result["cpu_ms_per_page"], result["peak_rss_mb"])
    return result


def throughput(total_articles: int = 20_000, runs: int = 3,
               work: Path = WORK / "crawl") -> dict[str, Any]:
    """`runs` alternating full/bare pairs. The first full run gives the page list of the
    bare runs and fills the server's cache (the server renders each page on first request,
    in its own process: a cost outside the crawler, on the other core). The last full
    run's data dir is kept (`export_dir`) for the quality comparison."""
    sites = crawl_sites()
    articles = per_site(total_articles, sites)
    work.mkdir(parents=True, exist_ok=True)
    with FastReplica(articles, sites) as replica:
        results, urls_file, paths = [], work / "urls.txt", []
        for number in range(1, runs + 1):
            results.append(one_run("full", replica, sites, work, number))
            if not paths:
                paths = replica.paths()
                urls_file.write_text("\n".join(real_urls(paths)) + "\n")
            results.append(one_run("bare", replica, sites, work, number, urls_file))
        ceiling = ceiling_in_child(replica.url, paths, max(20_000, len(paths)), work)
    for number in range(1, runs):  # keep the last full run only
        shutil.rmtree(work / f"full-{number}", ignore_errors=True)
    return {"sites": sites, "articles_per_site": articles, "paths": len(paths),
            "runs": results, "ceiling": ceiling,
            "export_dir": str(work / f"full-{runs}" / "data")}


# A backfill's setting: most's listings need 522 pages at 12,500 articles per site, past
# the default trap guard of 500 (README, "Limits and failure handling").
BACKFILL_SETTINGS = {"NEWSCRAWLER_MAX_LISTING_PAGES": "900"}  # under DEPTH_LIMIT (1000)


def memory(total_articles: int = 100_000, settings: dict[str, str] | None = None,
           work: Path = WORK / "memory") -> dict[str, Any]:
    """Peak RSS of one full crawl of `total_articles` articles (one child process)."""
    settings = BACKFILL_SETTINGS if settings is None else settings
    sites = crawl_sites()
    articles = per_site(total_articles, sites)
    work.mkdir(parents=True, exist_ok=True)
    with FastReplica(articles, sites) as replica:
        result = one_run("full", replica, sites, work, total_articles, settings=settings)
    shutil.rmtree(work / f"full-{total_articles}", ignore_errors=True)
    result.update(articles=articles * len(sites), settings=settings)
    return result


def profile(total_articles: int = 2_000, work: Path = WORK / "profile") -> dict[str, Any]:
    """pyinstrument over one full crawl: the session file and where the time goes."""
    sites = crawl_sites()
    work.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work / "data", ignore_errors=True)
    session_file = work / "crawl.pyisession"
    with FastReplica(per_site(total_articles, sites), sites) as replica:
        one_run("full", replica, sites, work, 0)  # fills the server's cache
        replica.count(reset=True)
        command = [sys.executable, "-m", "pyinstrument", "--renderer", "pyisession",
                   "--outfile", str(session_file), "-m", "newscrawler.cli", "crawl", *sites,
                   "--replica", replica.url, "--data-dir", str(work / "data")]
        result = run_measured(command, work / "output.log")
        pages = replica.count(reset=True)
    shutil.rmtree(work / "full-0", ignore_errors=True)
    return {"pages": pages, "wall_s": result["wall_s"], "cpu_s": result["cpu_s"],
            "session": str(session_file), **profile_summary(session_file, pages)}


def profile_summary(session_file: Path, pages: int, top: int = 25) -> dict[str, Any]:
    """ms/page by function: inclusive time (each function counted once per stack, so
    recursion is not double-counted) and self time, over the whole profiled process."""
    from pyinstrument.session import Session

    root = Session.load(str(session_file)).root_frame()
    inclusive: dict[str, float] = {}
    self_time: dict[str, float] = {}
    stack = [(root, frozenset(), "")]
    while stack:
        frame, above, parent = stack.pop()
        if frame.function.startswith("["):  # pyinstrument's "[self]": the parent's own time
            self_time[parent] = self_time.get(parent, 0.0) + frame.time
            continue
        key = f"{frame.function} ({frame.file_path_short}:{frame.line_no})"
        if key not in above:
            inclusive[key] = inclusive.get(key, 0.0) + frame.time
        self_time[key] = self_time.get(key, 0.0) + frame.total_self_time
        stack.extend((child, above | {key}, key) for child in frame.children)

    def ranked(times: dict[str, float], keep) -> list[tuple[str, float]]:
        rows = sorted(((k, 1000 * t / pages) for k, t in times.items() if keep(k)),
                      key=lambda row: -row[1])
        return [(k, round(ms, 3)) for k, ms in rows[:top]]

    ours = ranked(inclusive, lambda key: "newscrawler" in key and "cli.py" not in key
                  and "runner.py" not in key)
    return {"total_ms_per_page": round(1000 * root.time / pages, 3),
            "ours_inclusive": ours, "self": ranked(self_time, lambda key: True)}


class BareSpider(scrapy.Spider):
    """Fetches the given URLs and yields only their URL."""

    name = "bare"

    def __init__(self, urls_file: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.urls_file = urls_file

    async def start(self):
        with open(self.urls_file, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield scrapy.Request(line.strip(), callback=self.parse)

    def parse(self, response):
        yield {"url": response.url}


def bare_crawl(replica_url: str, urls_file: Path, out: Path) -> None:
    from scrapy.crawler import CrawlerProcess

    import newscrawler.settings as project

    settings = {
        **{name: value for name, value in project.REPLICA_OVERRIDES.items()},
        "NEWSCRAWLER_REPLICA_URL": replica_url,
        "ROBOTSTXT_OBEY": False,  # robots.txt paths are in the list like any page
        "COOKIES_ENABLED": False,  # as the project's settings
        "TELNETCONSOLE_ENABLED": False,
        "HTTPERROR_ALLOW_ALL": True,  # the same pages, whatever their status
        "LOG_LEVEL": "INFO",
        "FEEDS": {str(out): {"format": "jsonlines", "encoding": "utf-8"}},
    }
    process = CrawlerProcess(settings)
    process.crawl(BareSpider, urls_file=str(urls_file))
    process.start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rss-articles", type=int, default=0, help="0 = skip")
    parser.add_argument("--profile", type=int, default=0, help="articles to profile, 0 = skip")
    parser.add_argument("--bare", nargs=3, metavar=("URL", "URLS_FILE", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bare:
        bare_crawl(args.bare[0], Path(args.bare[1]), Path(args.bare[2]))
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.profile:
        print(json.dumps(profile(args.profile), indent=1))
    if args.runs:
        print(json.dumps(throughput(args.articles, args.runs), indent=1, default=str))
    if args.rss_articles:
        print(json.dumps(memory(args.rss_articles), indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
