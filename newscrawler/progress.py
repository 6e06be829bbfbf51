"""Live progress of a `newscrawler crawl` run, per site, drawn with rich.

On a terminal: a table redrawn in place every second (rich's Live), one row per site
(pages, articles, errors, articles per second, and "done" once its spider closed) and a
totals row. Without one (cron, Scrapyd, a pipe): one short line per site still running,
the first after FIRST_LINE_AFTER seconds at most, then every
NEWSCRAWLER_PROGRESS_INTERVAL seconds; a site that finished gets one last line, "done".
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.console import Console
from rich.live import Live
from rich.table import Table
from scrapy import signals
from twisted.internet import task

logger = logging.getLogger(__name__)

FIRST_LINE_AFTER = 5.0  # seconds: a log shows the crawl is alive early
COLUMNS = ("site", "pages", "articles", "errors", "articles/s", "")


@dataclass
class SiteProgress:
    site: str
    pages: int = 0
    articles: int = 0
    errors: int = 0
    rate: float = 0.0
    done: str | None = None  # the finish reason once the site's spider closed

    def line(self) -> str:
        state = f"done ({self.done}), " if self.done and self.done != "finished" else (
            "done, " if self.done else "")
        return (f"{self.site}: {state}{self.pages} pages, {self.articles} articles, "
                f"{self.errors} errors, {self.rate:.1f}/s")


def progress_table(rows: list[SiteProgress]) -> Table:
    """The terminal table: one row per site, then the totals."""
    table = Table(box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False)
    done = sum(1 for row in rows if row.done)
    totals = ("total", sum(r.pages for r in rows), sum(r.articles for r in rows),
              sum(r.errors for r in rows), sum(r.rate for r in rows),
              f"{done}/{len(rows)} done")
    for index, name in enumerate(COLUMNS):
        footer = totals[index]
        footer = f"{footer:.1f}" if isinstance(footer, float) else str(footer)
        table.add_column(name, footer=footer, justify="left" if index in (0, 5) else "right")
    for row in rows:
        table.add_row(row.site, str(row.pages), str(row.articles), str(row.errors),
                      f"{row.rate:.1f}", "done" if row.done else "")
    return table


class Progress:
    def __init__(self, crawlers, out: TextIO, interactive: bool, interval: float) -> None:
        self.crawlers = list(crawlers)
        self.interactive = interactive
        self.interval = interval
        self.started = time.monotonic()
        self.finished: dict[str, tuple[str, float]] = {}  # site -> (reason, when)
        self.reported_done: set[str] = set()
        self.console = Console(file=out, force_terminal=interactive, highlight=False,
                               soft_wrap=not interactive)
        self.live: Live | None = None
        self._loop = task.LoopingCall(self.tick)
        self._first: object | None = None
        for crawler in self.crawlers:
            crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    def spider_closed(self, spider, reason: str) -> None:
        self.finished[spider.name] = (reason, time.monotonic())

    def start(self) -> None:
        if self.interactive:
            self.live = Live(progress_table(self.rows()), console=self.console,
                             auto_refresh=False, transient=False)
            self.live.start()
            self._loop.start(self.interval, now=False)
        else:
            from twisted.internet import reactor  # the one Scrapy installed, when running

            first = min(FIRST_LINE_AFTER, self.interval)
            self._first = reactor.callLater(first, self._loop.start, self.interval)

    def stop(self) -> None:
        if self._first is not None and self._first.active():
            self._first.cancel()
        if self._loop.running:
            self._loop.stop()
        self.tick()
        if self.live is not None:
            self.live.stop()

    def rows(self) -> list[SiteProgress]:
        now = time.monotonic()
        rows = []
        for crawler in self.crawlers:
            site = crawler.spidercls.name

            def stat(key: str, stats=crawler.stats) -> int:
                return stats.get_value(key, 0) if stats is not None else 0

            reason, ended = self.finished.get(site, (None, now))
            items = stat("item_scraped_count")
            rows.append(SiteProgress(site, stat("response_received_count"), items,
                                     stat(f"newscrawler/{site}/errors"),
                                     items / max(ended - self.started, 1e-6), reason))
        return rows

    def tick(self) -> None:
        rows = self.rows()
        if self.live is not None:
            self.live.update(progress_table(rows), refresh=True)
            return
        for row in rows:
            if row.site in self.reported_done:
                continue
            if row.done:
                self.reported_done.add(row.site)
            self.console.print(f"progress: {row.line()}", markup=False)
        self.console.file.flush()
