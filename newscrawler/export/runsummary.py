"""The run summary: DATA_DIR/runs/<run_id>.json, one entry per site crawled in the run.

Each spider's entry is merged into the run's file when the spider closes, so one file
holds every site of a `newscrawler crawl` run (several spiders in one process).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.settings import SETTINGS_PRIORITIES

from newscrawler.atomic import write_text_atomically
from newscrawler.export.report_html import write_report
from newscrawler.export.storage import is_articles_feed, run_id_from_settings
from newscrawler.records import VN_TZ, iso_vn
from newscrawler.state.extension import state_target

logger = logging.getLogger(__name__)


class RunSummary:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.data_dir = Path(crawler.settings.get("NEWSCRAWLER_DATA_DIR")).resolve()
        self.run_id = run_id_from_settings(crawler.settings)
        self.files: list[dict[str, Any]] = []
        self.user_feeds: list[dict[str, Any]] = []  # -o/-O files, written beside ours
        self.started: datetime | None = None
        self.ended: datetime | None = None
        self.spider = None
        self.finish_reason = ""

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        # Written at engine stop: the feed exporter completes its files during spider_closed.
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def spider_opened(self, spider) -> None:
        self.started = datetime.now(VN_TZ)

    def feed_slot_closed(self, slot) -> None:
        # Scrapy signals a closed slot even when storing it failed: only a stored file
        # is named (the failure itself is in the stats, from the storage).
        path = Path(getattr(slot.storage, "path", slot.uri))
        if getattr(slot.storage, "stored", True) and path.is_file():
            written = self.files if is_articles_feed(slot) else self.user_feeds
            written.append({"path": str(path), "items": slot.itemcount})

    def spider_closed(self, spider, reason: str) -> None:
        self.spider, self.finish_reason = spider, reason
        self.ended = datetime.now(VN_TZ)

    def engine_stopped(self) -> None:
        if self.spider is None:
            return
        entry = self.site_entry(self.spider, self.finish_reason)
        path = self.data_dir / "runs" / f"{self.run_id}.json"
        try:
            merge_into_summary(path, self.run_id, self.spider.name, entry,
                               run_options(self.crawler.settings))
        except OSError as error:
            # No summary to carry the verdict: the crawl command reads it from here.
            reason = f"cannot write the run summary {path}: {error.strerror or error}"
            SUMMARY_WRITE_FAILURES[str(path)] = reason
            logger.error("Run summary failed: %s", reason)

    def site_entry(self, spider, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats()
        ended = self.ended or datetime.now(VN_TZ)
        prefix = f"newscrawler/{spider.name}/"
        failures = stats.get(prefix + "failures") or []
        return {
            "items": stats.get("item_scraped_count", 0),
            "items_dropped": stats.get("item_dropped_count", 0),
            "pages": stats.get("response_received_count", 0),
            "errors": stats.get(prefix + "errors", 0),
            "failures": failures,
            # Block, challenge and shell pages met instead of articles (blockpages.py).
            "blocked": stats.get(prefix + "blocked_urls") or [],
            "error_summary": summarize_failures(failures),
            "verdict": site_verdict(stats, prefix, reason, failures, self.files,
                                    self.crawler.settings.getbool("NEWSCRAWLER_ALLOW_PARTIAL")),
            "finish_reason": reason,
            "incomplete": incomplete_reason(stats, reason),
            "permanent_failures": sum(1 for f in failures if f.get("permanent")),
            # Torn .part/.tmp files of killed runs removed at start (all sites: stats).
            "leftovers_removed": stats.get(prefix + "cleanup/removed", 0),
            "started_at": iso_vn(self.started),
            "finished_at": iso_vn(ended),
            "duration_s": round((ended - self.started).total_seconds(), 3)
            if self.started else None,
            "files": self.files,
            # The WARC files of the pages fetched (newscrawler/archive/): records, bytes.
            "archive": stats.get(prefix + "archive/files", []),
            "user_feeds": self.user_feeds,
            # How deep discovery can reach, for sites whose pager cannot be followed.
            "discovery": (spider.discovery_reach(stats)
                          if hasattr(spider, "discovery_reach") else None),
            "stats": {k: v for k, v in stats.items()
                      if k.startswith(("field/", "newscrawler/"))
                      and not k.endswith(("/failures", "/verdict", "/blocked_urls",
                                               "/archive/files"))},
        }


# Set by the crawl command for every run: bookkeeping, not the operator's choices.
_NOT_OPTIONS = {"NEWSCRAWLER_DATA_DIR", "NEWSCRAWLER_RUN_ID", "LOG_FILE",
                "TWISTED_DNS_RESOLVER"}
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@/\s]+@")


def run_options(settings) -> dict[str, Any]:
    """What the run was asked to do: its command line, data directory, crawl state and
    every setting given on the command line (-s, --full, --since, --replica, -O, ...).
    Passwords in URLs are masked."""
    cmdline = SETTINGS_PRIORITIES["cmdline"]
    given = {name: settings[name] for name in sorted(settings.attributes)
             if (settings.getpriority(name) or 0) >= cmdline and name not in _NOT_OPTIONS}
    options = {
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "data_dir": str(Path(settings.get("NEWSCRAWLER_DATA_DIR")).resolve()),
        "state": state_target(settings),
        "settings": json.loads(json.dumps(given, default=str)),
    }
    return json.loads(_URL_PASSWORD.sub(r"\1***@", json.dumps(options, ensure_ascii=False)))


def site_verdict(stats: dict, prefix: str, finish_reason: str,
                 failures: list[dict[str, Any]], files: list[dict[str, Any]] | None = None,
                 allow_partial: bool = False) -> dict[str, Any]:
    """The monitors' verdict, plus what they cannot see: exports, reports or state
    commits that failed, a site that answered nothing, and a run stopped before its end.

    Expected permanent failures (404/410, robots.txt disallow) are reported, and fail the
    run only through the monitors' error rate. A run cut short (timeout, page budget,
    signal) fails unless partial runs are allowed (`--allow-partial`)."""
    reasons = list((stats.get(prefix + "verdict") or {}).get("reasons", []))
    # Requests the page budget refused were never sent: that is `incomplete`, not the
    # site failing.
    unexpected = [failure for failure in failures if not failure.get("permanent")
                  and "(NEWSCRAWLER_MAX_PAGES_PER_SITE)" not in failure["reason"]]
    if failures and not stats.get("response_received_count"):
        # The site answered nothing: the one reason that matters is why.
        reasons = [summarize_failures(failures)]
    elif unexpected and not stats.get("item_scraped_count"):
        reasons.insert(0, summarize_failures(unexpected))
    reasons[:0] = write_problems(stats, prefix, files or [])
    incomplete = incomplete_reason(stats, finish_reason)
    if incomplete and not allow_partial:
        reasons.append(f"incomplete: {incomplete}")
    return {"ok": not reasons, "reasons": reasons, "incomplete": incomplete}


def write_problems(stats: dict, prefix: str, files: list[dict[str, Any]]) -> list[str]:
    """Failed exports and state commits, and exported articles in no stored file."""
    problems = []
    write_failures = stats.get(prefix + "write_failures") or []
    if write_failures:
        more = f" (and {len(write_failures) - 1} more)" if len(write_failures) > 1 else ""
        problems.append(f"export failed: {write_failures[0]['reason']}{more}")
    lost = stats.get("item_scraped_count", 0) - sum(file["items"] for file in files)
    if lost > 0:
        problems.append(f"{lost} exported articles are in no completed file; "
                        "the next run fetches them again")
    commit_failures = stats.get(prefix + "state/commit_failures") or []
    if commit_failures:
        problems.append(f"crawl state commit failed for {len(commit_failures)} file(s): "
                        f"{commit_failures[0]}; the next run records them")
    return problems


def incomplete_reason(stats: dict, finish_reason: str) -> str | None:
    """Why the run stopped before its end, or None: a close reason other than
    `finished` (closespider_timeout, shutdown on SIGINT/SIGTERM, ...), or requests
    refused by the page budget (NEWSCRAWLER_MAX_PAGES_PER_SITE)."""
    # max_articles: stopped at NEWSCRAWLER_MAX_ARTICLES, complete as asked.
    if finish_reason and finish_reason not in ("finished", "max_articles"):
        named = {"shutdown": "interrupted before the end (shutdown)",
                 "closespider_timeout": "stopped by CLOSESPIDER_TIMEOUT (closespider_timeout)"}
        return named.get(finish_reason, f"stopped before the end ({finish_reason})")
    refused = stats.get("newscrawler/refused/page_budget", 0)
    if refused:
        return (f"page budget NEWSCRAWLER_MAX_PAGES_PER_SITE reached ({refused} requests "
                "refused)")
    return None


def summarize_failures(failures: list[dict[str, str]]) -> str | None:
    """The most common failure reason, as one line: 'DNS lookup failed for x.vn (3 URLs)'."""
    if not failures:
        return None
    counts: dict[str, int] = {}
    for failure in failures:
        counts[failure["reason"]] = counts.get(failure["reason"], 0) + 1
    reason, count = max(counts.items(), key=lambda item: item[1])
    return f"{reason} ({count} URL{'s' if count > 1 else ''})"


# Run summaries that could not be written, path -> reason (read by the crawl command).
SUMMARY_WRITE_FAILURES: dict[str, str] = {}


def summary_write_failure(data_dir: Path, run_id: str) -> str | None:
    return SUMMARY_WRITE_FAILURES.get(str(Path(data_dir).resolve() / "runs" / f"{run_id}.json"))


def merge_into_summary(path: Path, run_id: str, site: str, entry: dict[str, Any],
                       options: dict[str, Any] | None = None) -> None:
    """Merge the site's entry into the run's summary and rewrite the HTML report; a
    report that cannot be written fails the site's verdict (OSError: the JSON itself)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    summary: dict[str, Any] = {"run_id": run_id, "sites": {}}
    if path.exists():
        summary = json.loads(path.read_text(encoding="utf-8"))
    if options is not None:
        summary["options"] = options
    summary["sites"][site] = entry
    summarize(summary)
    try:
        write_report(summary, path.with_suffix(".html"))
    except OSError as error:
        reason = f"cannot write the report {path.with_suffix('.html')}: {error.strerror}"
        logger.error("Run report failed: %s", reason)
        entry["verdict"]["ok"] = False
        entry["verdict"]["reasons"].append(reason)
        summarize(summary)
    write_text_atomically(path, json.dumps(summary, ensure_ascii=False, indent=2))


def summarize(summary: dict[str, Any]) -> None:
    sites = summary["sites"]
    summary["items"] = sum(entry["items"] for entry in sites.values())
    summary["verdict"] = {
        "ok": all(entry["verdict"]["ok"] for entry in sites.values()),
        "reasons": [f"{name}: {reason}" for name, entry in sorted(sites.items())
                    for reason in entry["verdict"]["reasons"]],
    }
