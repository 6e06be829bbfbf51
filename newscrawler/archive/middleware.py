"""The downloader middlewares that put every page a crawl receives into the WARC archive.

Enabled by default (NEWSCRAWLER_ARCHIVE = True); NotConfigured when off. Two places in
the chain (DOWNLOADER_MIDDLEWARES):

- `WireTap` (950, next to the download handler) notes each response as it came off the
  wire (status, headers, body still content-encoded) and when, in the request's meta;
- `ArchiveMiddleware` (540, below the retry (550) and redirect (600) middlewares) writes
  the responses that reach the spider, each once, from that wire form: so the archive's
  response records are the run summary's `pages` (Scrapy's response_received), a page
  reached through redirects or retries is archived as fetched last, and how it was
  reached (`redirected-from: URL (301)`, `retried: N`) goes into a `metadata` record
  beside it. An error page with its body (404, a 500 after its retries) is archived.

In replica mode the replica download handler gives every response its real URL back
before any middleware sees it, so the archive holds the real sites' URLs. Files are
closed (renamed into place) when the spider closes, before the run summary is written,
which lists them (`archive` in the site's entry). The open file is flushed to disk
before a feed file is renamed: a committed article's page is in the archive.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawler import signals as our_signals
from newscrawler.archive import ARCHIVE_DIR
from newscrawler.archive.writer import ArchiveWriter
from newscrawler.export.storage import run_date, run_id_from_settings, worker_id_from_settings
from newscrawler.records import now_vn
from newscrawler.spiders.base import FETCHED_AT_META

logger = logging.getLogger(__name__)

# Responses the replay handler built from a WARC record: never archived again.
REPLAYED_FLAG = "warc-replay"
# Request meta: (status, protocol, headers, body, fetched at) as received (WireTap).
WIRE_META = "_newscrawler_wire"


def archive_enabled(settings) -> None:
    if not settings.getbool("NEWSCRAWLER_ARCHIVE"):
        raise NotConfigured("NEWSCRAWLER_ARCHIVE is off")


class WireTap:
    """Notes each response as received, before decoding or charset repair change it."""

    @classmethod
    def from_crawler(cls, crawler):
        archive_enabled(crawler.settings)
        return cls()

    def process_response(self, request, response):
        if REPLAYED_FLAG not in response.flags:
            # The headers are copied: HttpCompressionMiddleware edits them in place.
            request.meta[WIRE_META] = (response.status, getattr(response, "protocol", None),
                                       response.headers.copy(), response.body, now_vn())
        return response


def how_reached(request) -> list[tuple[str, str]]:
    """Redirect hops and retries of the request that gave this response."""
    meta = request.meta
    reasons = meta.get("redirect_reasons") or []
    notes = []
    for index, url in enumerate(meta.get("redirect_urls") or []):
        reason = reasons[index] if index < len(reasons) else None
        notes.append(("redirected-from", url if reason is None else f"{url} ({reason})"))
    if meta.get("retry_times"):
        notes.append(("retried", str(meta["retry_times"])))
    return notes


def archive_writer(settings, site: str) -> ArchiveWriter:
    run_id = run_id_from_settings(settings)
    worker = worker_id_from_settings(settings)
    data_dir = Path(settings.get("NEWSCRAWLER_DATA_DIR")).resolve()
    return ArchiveWriter(data_dir / ARCHIVE_DIR / site / run_date(run_id),
                         f"{run_id}-{worker}" if worker else run_id,
                         settings.getint("NEWSCRAWLER_ARCHIVE_MAX_BYTES"))


class ArchiveMiddleware:
    def __init__(self, crawler, writer: ArchiveWriter) -> None:
        self.crawler = crawler
        self.writer = writer
        self.site = crawler.spidercls.name
        self.failed = False

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        archive_enabled(settings)
        middleware = cls(crawler, archive_writer(settings, crawler.spidercls.name))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(middleware.feed_file_complete,
                                signal=our_signals.feed_file_complete)
        return middleware

    def process_response(self, request, response):
        if REPLAYED_FLAG in response.flags or self.failed:
            return response
        status, protocol, headers, body, fetched_at = request.meta.pop(WIRE_META, None) or (
            response.status, getattr(response, "protocol", None), response.headers,
            response.body, now_vn())
        # The record's WARC-Date is the article's crawled_at: reextract gives it back.
        request.meta[FETCHED_AT_META] = fetched_at
        try:
            self.writer.write_exchange(
                request.method, response.url, request.headers, request.body or b"",
                status, protocol, headers, body, fetched_at, how_reached(request))
        except OSError as error:
            self.write_failed(error)
        return response

    def write_failed(self, error: OSError) -> None:
        """A full disk or a broken archive directory: the crawl goes on (its feeds are
        what the dataset is), the site's run fails with the reason."""
        self.failed = True
        self.writer.abandon()
        reason = f"cannot write the archive in {self.writer.directory}: " \
                 f"{error.strerror or error}"
        logger.error("Archive failed: %s", reason)
        key = f"newscrawler/{self.site}/write_failures"
        failures = self.crawler.stats.get_value(key) or []
        failures.append({"path": str(self.writer.directory), "reason": reason})
        self.crawler.stats.set_value(key, failures)

    def feed_file_complete(self, part=None, final=None) -> None:
        try:
            self.writer.sync()
        except OSError as error:
            self.write_failed(error)

    def spider_closed(self, spider, reason: str) -> None:
        try:
            self.writer.close()
        except OSError as error:
            self.write_failed(error)
        files = [f.as_dict() for f in self.writer.files if f.path.is_file()]
        stats = self.crawler.stats
        prefix = f"newscrawler/{self.site}/archive/"
        stats.set_value(prefix + "files", files)
        stats.set_value(prefix + "records", sum(f["records"] for f in files))
        stats.set_value(prefix + "responses", sum(f["responses"] for f in files))
        stats.set_value(prefix + "bytes", sum(f["bytes"] for f in files))
