"""SiteFrontier: one site's discovery frontier during a run (used by CrawlStateExtension).

An article URL that discovery accepts and the state does not know is recorded as pending
at once (one transaction per listing, feed or sitemap page), so a kill right after
discovery loses nothing. It leaves the frontier when
- its article is exported and the feed file holding it committed (same transaction), or
- it is resolved without export: dropped by dedup (unchanged, duplicate, alias) or older
  than --since (buffered here, committed with the next batch or at the end of the run: a
  kill before that only means a harmless re-fetch), or
- it is given up after NEWSCRAWLER_MAX_ATTEMPTS failed runs (`RetryPolicy`).
A failed fetch, a rejected record or a callback error counts one attempt for the run.

Listing walks: each walk starts incomplete (written at the start of the run, so a killed
run leaves it so); a walk that reached known territory or the pager's end is marked
complete only when the spider closes with reason `finished`, and only if none of its
pages failed. A spider applies the stale-page rule only to walks complete before the run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from scrapy import Request
from scrapy.exceptions import DropItem

from newscrawler.records import now_vn
from newscrawler.state.base import CrawlState, RetryPolicy

logger = logging.getLogger(__name__)

PENDING_META = "newscrawler_pending"  # request.meta: the pending URL this request fetches
WALK_META = "newscrawler_walk"  # request.meta: the listing start URL of this listing page
# A request refused by the page budget says nothing about the URL itself.
NOT_AN_ATTEMPT = ("NEWSCRAWLER_MAX_PAGES_PER_SITE",)


class ResolvedWithoutExport(DropItem):
    """A drop that settles the article (unchanged, a duplicate): its URL leaves the
    frontier. Any other drop (a rejected record) counts as a failed attempt."""


class NotTaken(DropItem):
    """A drop that says nothing about the article (NEWSCRAWLER_MAX_ARTICLES reached): its
    URL stays pending, no attempt counted, for the next run."""


def retry_policy(settings) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=max(1, settings.getint("NEWSCRAWLER_MAX_ATTEMPTS")),
        backoff=settings.getfloat("NEWSCRAWLER_FRONTIER_BACKOFF") * 3600,
        backoff_max=settings.getfloat("NEWSCRAWLER_FRONTIER_BACKOFF_MAX") * 3600,
    )


def pending_url_of(response) -> str | None:
    request = getattr(response, "request", None)
    return None if request is None else request.meta.get(PENDING_META)


class SiteFrontier:
    def __init__(self, state: CrawlState, site: str, stats, policy: RetryPolicy) -> None:
        self.state, self.site, self.stats, self.policy = state, site, stats, policy
        self.started = now_vn()
        self.resolved: set[str] = set()  # resolved without export, not yet committed
        self.failed: dict[str, str] = {}  # url -> reason, not yet committed
        self.walks: list[str] = []
        self.incomplete_walks: set[str] = set()  # incomplete before this run
        self.walks_ended: set[str] = set()
        self.walks_failed: set[str] = set()

    def _count(self, name: str, value: int = 1) -> None:
        self.stats.inc_value(f"newscrawler/{self.site}/frontier/{name}", value)

    # --- the start of a run ------------------------------------------------------------

    def resume(self) -> list[str]:
        """The pending URLs due now; ones known meanwhile (a reconciled file) resolved."""
        due = self.state.due_pending(self.site, now_vn())
        known = {url for url in due if self.state.is_known(url)}
        if known:
            self.state.resolve_pending(self.site, sorted(known))
        resumed = [url for url in due if url not in known]
        self._count("resumed", len(resumed))
        if resumed:
            logger.info("%s: %d pending articles from earlier runs fetched first",
                        self.site, len(resumed))
        return resumed

    def begin_walks(self, listing_urls: Iterable[str]) -> set[str]:
        """Mark the walks started (incomplete); return those incomplete before."""
        self.walks = list(dict.fromkeys(listing_urls))
        before = self.state.listing_walks(self.site)
        self.incomplete_walks = {url for url in self.walks
                                 if url not in before or not before[url].complete}
        if self.walks:
            self.state.begin_listing_walks(self.site, self.walks)
        self._count("walks_resumed", len(self.incomplete_walks))
        return self.incomplete_walks

    # --- during the run ----------------------------------------------------------------

    def discover(self, urls: list[str]) -> dict[str, bool]:
        """Record unknown article URLs as pending (one transaction); those to fetch now."""
        fetch = self.state.add_pending(self.site, urls, now_vn())
        self._count("discovered", sum(fetch.values()))
        return fetch

    def resolve(self, url: str | None) -> None:
        if url is not None:
            self.resolved.add(url)
            self.failed.pop(url, None)

    def fail(self, url: str | None, reason: str) -> None:
        if url is not None and url not in self.resolved:
            self.failed[url] = reason[:300]

    def request_failed(self, request: Request, reason: str) -> None:
        """From the spider's errback: an attempt for a pending URL, a failed walk page."""
        if any(marker in reason for marker in NOT_AN_ATTEMPT):
            # Refused before it was sent: not the URL's failure, but the walk is cut short.
            if WALK_META in request.meta:
                self.walk_failed(request.meta[WALK_META])
            return
        self.fail(request.meta.get(PENDING_META), reason)
        if WALK_META in request.meta:
            self.walk_failed(request.meta[WALK_META])

    def walk_failed(self, walk: str) -> None:
        """Written at once: another worker may be about to mark the walk complete."""
        self.walks_failed.add(walk)
        self.state.fail_listing_walk(self.site, walk, now_vn())

    def walk_ended(self, walk: str) -> None:
        self.walks_ended.add(walk)

    def flush(self) -> None:
        """Commit buffered resolutions and failures (inside the caller's transaction)."""
        if self.resolved:
            self.state.resolve_pending(self.site, sorted(self.resolved))
            self.resolved.clear()
        if self.failed:
            updated = self.state.fail_pending(self.site, self.failed, now_vn(), self.policy)
            self.failed.clear()
            given_up = [entry for entry in updated if entry.given_up]
            self._count("given_up_new", len(given_up))
            for entry in given_up:
                logger.warning("%s: %s given up after %d failed runs (last: %s); see "
                               "`newscrawler state pending %s --given-up`", self.site,
                               entry.url, entry.attempts, entry.reason, self.site)

    # --- the end of a run --------------------------------------------------------------

    def finish_walks(self, reason: str) -> None:
        complete = [walk for walk in self.walks
                    if walk in self.walks_ended and walk not in self.walks_failed]
        if reason == "finished" and complete:
            self.state.complete_listing_walks(self.site, complete, self.started)
        incomplete = len(self.walks) - (len(complete) if reason == "finished" else 0)
        self.stats.set_value(f"newscrawler/{self.site}/frontier/walks_incomplete", incomplete)

    def report(self) -> None:
        pending, given_up = self.state.pending_counts(self.site)
        self.stats.set_value(f"newscrawler/{self.site}/frontier/pending", pending)
        self.stats.set_value(f"newscrawler/{self.site}/frontier/given_up", given_up)
