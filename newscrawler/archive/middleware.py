"""ArchiveMiddleware: every response the downloader receives goes into the WARC archive.

Enabled by default (NEWSCRAWLER_ARCHIVE = True); NotConfigured when off. It sits next to
the download handler (DOWNLOADER_MIDDLEWARES order 950, above HttpCompression 590 and the
retry and redirect middlewares), so it sees each response as it came off the wire: still
content-encoded, once per fetch (a redirect, a retried 503 and an error page with its
body each count), and under the real site's URL even in replica mode, where the replica
download handler gives the response its real URL back before any middleware sees it.

Files are closed (renamed into place) when the spider closes, before the run summary is
written, which lists them (`archive` in the site's entry). The open file is flushed to
disk before a feed file is renamed: a committed article's page is in the archive.
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
        if not settings.getbool("NEWSCRAWLER_ARCHIVE"):
            raise NotConfigured("NEWSCRAWLER_ARCHIVE is off")
        middleware = cls(crawler, archive_writer(settings, crawler.spidercls.name))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(middleware.feed_file_complete,
                                signal=our_signals.feed_file_complete)
        return middleware

    def process_response(self, request, response):
        if REPLAYED_FLAG in response.flags or self.failed:
            return response
        fetched_at = now_vn()
        # The record's WARC-Date is the article's crawled_at: reextract gives it back.
        request.meta[FETCHED_AT_META] = fetched_at
        try:
            self.writer.write_exchange(
                request.method, response.url, request.headers, request.body or b"",
                response.status, getattr(response, "protocol", None), response.headers,
                response.body, fetched_at)
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
