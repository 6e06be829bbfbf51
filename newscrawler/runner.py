"""Runs a crawl of several sites in one process and judges it.

`newscrawler crawl` is a thin layer over this module: it builds the settings, runs one
Scrapy crawler per site in one CrawlerProcess, then reads the run summary the RunSummary
extension wrote and turns it into one line per site and an exit status.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader, get_spider_loader

import newscrawler.settings as project_settings
from newscrawler import preflight
from newscrawler.datadirlock import DataDirInUse, lock_data_dir, unlock_data_dir
from newscrawler.export.runsummary import summary_write_failure
from newscrawler.export.storage import new_run_id
from newscrawler.progress import Progress
from newscrawler.sitefiles import SiteFileError
from newscrawler.state import StateError, open_state
from newscrawler.state.extension import state_target

logger = logging.getLogger(__name__)


class CrawlConfigError(Exception):
    """A problem with what the user asked for; reported as one line, exit status 2."""


@dataclass
class SiteVerdict:
    site: str
    ok: bool
    line: str


def base_settings() -> Settings:
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    return settings


def spider_loader(settings: Settings | None = None) -> SpiderLoader:
    """The project's loader (SPIDER_LOADER_CLASS: coded sites and TOML site files); a bad
    site file raises sitefiles.SiteFileError."""
    return get_spider_loader(settings or base_settings())


def enabled_sites(loader: SpiderLoader) -> list[str]:
    return [name for name in sorted(loader.list()) if getattr(loader.load(name), "enabled", True)]


def crawl_settings(data_dir: Path, run_id: str, replica_url: str | None,
                   overrides: dict[str, Any]) -> Settings:
    settings = base_settings()
    settings.set("NEWSCRAWLER_DATA_DIR", str(data_dir), priority="cmdline")
    settings.set("NEWSCRAWLER_RUN_ID", run_id, priority="cmdline")
    log_file = data_dir / "logs" / f"{run_id}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    settings.set("LOG_FILE", str(log_file), priority="cmdline")
    set_replica(settings, replica_url)
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def set_replica(settings: Settings, replica_url: str | None) -> None:
    if replica_url:
        settings.set("NEWSCRAWLER_REPLICA_URL", replica_url, priority="cmdline")
        # Scrapy's default resolver is IPv4-only: `--replica http://[::1]:PORT` needs this.
        settings.set("TWISTED_DNS_RESOLVER", preflight.HOSTNAME_RESOLVER, priority="cmdline")


def check_crawl_settings(settings: Settings, data_dir: Path) -> None:
    """Fail early, in one line, on what would otherwise fail mid-crawl: every setting
    and path is checked (newscrawler/preflight.py) before anything is written."""
    try:
        preflight.check_settings(settings)
    except preflight.ConfigError as error:
        raise CrawlConfigError(str(error)) from None
    if data_dir.is_dir():
        # A crawl running here holds its state open: name that crawl, not the state's lock.
        try:
            lock_data_dir(data_dir)
        except DataDirInUse as error:
            raise CrawlConfigError(str(error)) from None
        except OSError:
            pass  # an unwritable directory: check_paths says so in its own words
    try:
        preflight.check_paths(settings, data_dir)
    except preflight.ConfigError as error:
        raise CrawlConfigError(str(error)) from None
    try:
        # The data directory's lock first: one crawl per data directory, and a second
        # one writes nothing, not even the probe.
        lock_data_dir(data_dir)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except DataDirInUse as error:
        raise CrawlConfigError(str(error)) from None
    except OSError as error:
        raise CrawlConfigError(f"data directory {data_dir} is not writable: "
                               f"{error.strerror}") from None
    target = state_target(settings)
    if target != "off":
        try:
            open_state(target).close()
        except (StateError, ValueError, NotImplementedError, OSError) as error:
            raise CrawlConfigError(f"crawl state {target}: {error}") from None


def run_crawl(sites: list[str], data_dir: Path, replica_url: str | None = None,
              overrides: dict[str, Any] | None = None, run_id: str | None = None,
              spider_for: Callable[[type], type] | None = None
              ) -> tuple[str, list[SiteVerdict]]:
    """Crawl `sites` (all enabled ones when empty); return the run id and the verdicts.
    `spider_for` turns each site's spider class into the one to run (archive replay)."""
    run_id = run_id or new_run_id()
    settings = base_settings()
    # The state is checked where this run keeps it, not in the default data directory.
    settings.set("NEWSCRAWLER_DATA_DIR", str(data_dir), priority="cmdline")
    set_replica(settings, replica_url)
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    # Unknown sites first: a rejected command must not create the data directory.
    try:
        loader = spider_loader(settings)
    except SiteFileError as error:
        raise CrawlConfigError(str(error)) from None
    known = set(loader.list())
    unknown = [site for site in sites if site not in known]
    if unknown:
        raise CrawlConfigError(
            f"unknown site {', '.join(unknown)}; known sites: {', '.join(sorted(known))}"
        )
    try:
        check_crawl_settings(settings, data_dir)
    except CrawlConfigError:
        unlock_data_dir(data_dir, remove_if_created=True)  # refused: nothing written
        raise
    settings = crawl_settings(data_dir, run_id, replica_url, overrides or {})
    sites = sites or enabled_sites(loader)
    process = CrawlerProcess(settings)
    for site in sites:
        spider_cls = loader.load(site)
        process.crawl(spider_for(spider_cls) if spider_for else spider_cls)
    progress = start_progress(process, settings)
    process.start()
    progress.stop()
    summary = read_summary(data_dir, run_id)
    unfinished = summary_write_failure(data_dir, run_id) or "the crawl did not finish"
    return run_id, [judge_site(site, summary.get("sites", {}).get(site), unfinished)
                    for site in sites]


def start_progress(process: CrawlerProcess, settings: Settings) -> Progress:
    interactive = sys.stdout.isatty()
    interval = 1.0 if interactive else settings.getfloat("NEWSCRAWLER_PROGRESS_INTERVAL")
    progress = Progress(process.crawlers, sys.stdout, interactive, interval)
    from twisted.internet import reactor

    reactor.callWhenRunning(progress.start)
    return progress


def read_summary(data_dir: Path, run_id: str) -> dict[str, Any]:
    path = data_dir / "runs" / f"{run_id}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def judge_site(site: str, entry: dict[str, Any] | None,
               unfinished: str = "the crawl did not finish") -> SiteVerdict:
    if entry is None:
        return SiteVerdict(site, False, f"{site}: FAILED: {unfinished}")
    reasons = entry["verdict"]["reasons"]
    if reasons:
        return SiteVerdict(site, False, f"{site}: FAILED: {'; '.join(reasons)}")
    # Only files that exist are named, whatever happened to them since.
    files = ", ".join(f["path"] for f in entry["files"] if Path(f["path"]).is_file())
    skipped = entry.get("stats", {}).get(f"newscrawler/{site}/skipped/older_than_since")
    since = f", {skipped} older than --since skipped" if skipped else ""
    line = (f"{site}: {entry['items']} articles{since}, {entry['errors']} errors, "
            f"{entry['pages']} pages -> {files or 'no new file'}")
    if entry.get("incomplete"):
        line += f" (incomplete: {entry['incomplete']})"
    return SiteVerdict(site, True, line)
