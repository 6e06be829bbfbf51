"""Live progress of a `newscrawler crawl` run, per site.

On a terminal it redraws a small table in place every second (pages, articles, errors,
rate per site). Without one (cron, Scrapyd, a pipe) it prints a one-line summary every
NEWSCRAWLER_PROGRESS_INTERVAL seconds instead, which reads well in a log.
"""

from __future__ import annotations

import logging
import time
from typing import TextIO

from twisted.internet import task

logger = logging.getLogger(__name__)

COLUMNS = ("site", "pages", "articles", "errors", "articles/s")


class Progress:
    def __init__(self, crawlers, out: TextIO, interactive: bool, interval: float) -> None:
        self.crawlers = list(crawlers)
        self.out = out
        self.interactive = interactive
        self.interval = interval
        self.started = time.monotonic()
        self._drawn_lines = 0
        self._loop = task.LoopingCall(self.tick)

    def start(self) -> None:
        self._loop.start(self.interval, now=False)

    def stop(self) -> None:
        if self._loop.running:
            self._loop.stop()
        if self.interactive:
            self.tick()

    def rows(self) -> list[tuple[str, int, int, int, float]]:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rows = []
        for crawler in self.crawlers:
            stats = crawler.stats
            site = crawler.spidercls.name
            items = stats.get_value("item_scraped_count", 0)
            rows.append((site, stats.get_value("response_received_count", 0), items,
                         stats.get_value(f"newscrawler/{site}/errors", 0), items / elapsed))
        return rows

    def tick(self) -> None:
        rows = self.rows()
        if self.interactive:
            self.redraw(rows)
        else:
            line = " | ".join(f"{site}: {pages} pages, {items} articles, {errors} errors, "
                              f"{rate:.1f}/s" for site, pages, items, errors, rate in rows)
            self.out.write(f"progress: {line}\n")
            self.out.flush()

    def redraw(self, rows) -> None:
        lines = [f"{COLUMNS[0]:<18}{COLUMNS[1]:>8}{COLUMNS[2]:>10}{COLUMNS[3]:>8}"
                 f"{COLUMNS[4]:>12}"]
        lines += [f"{site:<18}{pages:>8}{items:>10}{errors:>8}{rate:>12.1f}"
                  for site, pages, items, errors, rate in rows]
        # Move up over the previous table and clear each line before writing it again.
        prefix = f"\x1b[{self._drawn_lines}F" if self._drawn_lines else ""
        self.out.write(prefix + "".join(f"\x1b[2K{line}\n" for line in lines))
        self.out.flush()
        self._drawn_lines = len(lines)
