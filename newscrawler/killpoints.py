"""Deterministic interruption for tests: signal this process at a point the crawl reaches.

`NEWSCRAWLER_TEST_KILL_AT = "EVENT:N[:SIGNAL]"` sends SIGNAL (KILL by default; TERM, INT)
to the crawl's own process when EVENT happens for the N-th time (STOP: frozen until a
test sends SIGCONT). Kill tests then hit the
moment they name instead of a wall-clock guess. Events:

- `responses`: a response was received (discovery or article);
- `items`: an item was handed to the feed exporter (its line is not yet in a complete file);
- `feed_stored`: a feed file was renamed into place, *before* the crawl state commits it;
- `batch_committed`: a feed batch's articles were committed to the crawl state.

Off (NotConfigured) unless the setting is given. Never set it in production.
"""

from __future__ import annotations

import logging
import os
import signal

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawler import signals as our_signals

logger = logging.getLogger(__name__)

EVENTS = {
    "responses": signals.response_received,
    "items": signals.item_scraped,
    "feed_stored": signals.feed_slot_closed,
    "batch_committed": our_signals.batch_committed,
}
# STOP freezes the crawl where it is, for a test to change the world (a lock, a file)
# and resume it with SIGCONT.
SIGNALS = {"KILL": signal.SIGKILL, "TERM": signal.SIGTERM, "INT": signal.SIGINT,
           "STOP": signal.SIGSTOP}


def parse_kill_point(text: str) -> tuple[str, int, int]:
    """'items:45' -> ('items', 45, SIGKILL); ValueError on anything else."""
    parts = text.split(":")
    if len(parts) not in (2, 3) or parts[0] not in EVENTS:
        raise ValueError(f"NEWSCRAWLER_TEST_KILL_AT {text!r}: expected EVENT:N[:SIGNAL] "
                         f"with EVENT one of {', '.join(EVENTS)}")
    count = int(parts[1])
    if count < 1:
        raise ValueError(f"NEWSCRAWLER_TEST_KILL_AT {text!r}: N must be at least 1")
    name = parts[2].upper() if len(parts) == 3 else "KILL"
    if name not in SIGNALS:
        raise ValueError(f"NEWSCRAWLER_TEST_KILL_AT {text!r}: SIGNAL is KILL, TERM, INT "
                         "or STOP")
    return parts[0], count, SIGNALS[name]


class KillPoint:
    """Enabled before CrawlStateExtension, so `feed_stored` fires before its commit."""

    def __init__(self, event: str, count: int, signum: int) -> None:
        self.event, self.count, self.signum = event, count, signum
        self.seen = 0
        self.sent = False

    @classmethod
    def from_crawler(cls, crawler):
        text = crawler.settings.get("NEWSCRAWLER_TEST_KILL_AT") or ""
        if not text:
            raise NotConfigured("NEWSCRAWLER_TEST_KILL_AT is not set")
        extension = cls(*parse_kill_point(text))
        crawler.signals.connect(extension.happened, signal=EVENTS[extension.event])
        return extension

    def happened(self, *args, **kwargs) -> None:
        self.seen += 1
        if self.seen == self.count and not self.sent:
            self.sent = True
            logger.warning("Test kill point %s:%d reached: sending signal %d to myself",
                           self.event, self.count, self.signum)
            os.kill(os.getpid(), self.signum)
