"""A crawl whose pages come from WARC records: `reextract` and `import-warc`.

The second pass after `scan`: one crawler per site, as in `newscrawler crawl`, but its
spider starts from the site's captures instead of its listings, and the http(s) download
handler (`WarcReplayHandler`) answers each request from the record named in its meta:
no socket is ever opened, and a request without a record fails. Everything after the
download handler is the crawl's own: the downloader middlewares (decoding, charset
repair), the site's `parse_article` and extraction, the pipelines (an unchanged article
is dropped as `unchanged`, a changed one exported as `version + 1`), the crawl state,
the feeds, the monitors and the run summary.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import scrapy
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import sleep
from warcio.timeutils import iso_date_to_datetime

from newscrawler.archive.baseline import Baseline
from newscrawler.archive.middleware import REPLAYED_FLAG
from newscrawler.archive.reader import Corrupt, parse_record, read_member_at
from newscrawler.archive.scan import read_captures
from newscrawler.records import VN_TZ, now_vn
from newscrawler.spiders.base import FETCHED_AT_META
from newscrawler.state.extension import CrawlStateExtension
from newscrawler.state.frontier import PENDING_META

logger = logging.getLogger(__name__)

REPLAY_META = "newscrawler_warc"  # (file, offset) of the record that answers the request
HANDLER = "newscrawler.archive.replay.WarcReplayHandler"
# What a replay changes in the crawl settings (command-line settings still win).
REPLAY_SETTINGS = {
    "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
    "ROBOTSTXT_OBEY": False,  # robots.txt was obeyed when the page was fetched
    "NEWSCRAWLER_ARCHIVE": False,  # the pages are archived already
    "NEWSCRAWLER_MAX_PAGES_PER_SITE": 0,  # a trap guard; an archive is finite
    "RETRY_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}
# Headers of the stored record that no longer hold for the decoded body handed on.
_DECODED = {"content-encoding", "transfer-encoding", "content-length"}


class ReplayError(IOError):
    """A capture whose record cannot be read back (its file changed since the scan)."""


class WarcReplayHandler(BaseDownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.max_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")

    async def download_request(self, request):
        where = request.meta.get(REPLAY_META)
        if where is None:
            raise IgnoreRequest(f"{request.url}: not in the archive (a replay has no network)")
        path, offset = where
        # The record holds the body and its headers: room for both.
        member = read_member_at(Path(path), offset,
                                self.max_size + (1 << 20) if self.max_size else 0)
        if isinstance(member, Corrupt):
            raise ReplayError(f"{path} at offset {offset}: {member.reason}")
        record = parse_record(member.data)
        body = record.content_stream().read(self.max_size + 1 if self.max_size else -1)
        if self.max_size and len(body) > self.max_size:
            raise ReplayError(f"{path} at offset {offset}: body larger than DOWNLOAD_MAXSIZE")
        headers = Headers()
        for name, value in record.http_headers.headers:
            if name.lower() not in _DECODED:
                headers.appendlist(name, value)
        status = int(record.http_headers.get_statuscode())
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=status, headers=headers, body=body,
                   flags=[REPLAYED_FLAG], request=request,
                   protocol=record.http_headers.protocol or None)


def capture_time(warc_date: str) -> datetime:
    """The WARC-Date as an aware time in Vietnam; now if the record has none."""
    try:
        return iso_date_to_datetime(warc_date).replace(tzinfo=UTC).astimezone(VN_TZ)
    except (ValueError, TypeError, IndexError):
        return now_vn()


def replay_spider(spider_cls: type, captures: Path, counts: dict[str, int], label: str):
    """`spider_cls` starting from the captures listed in `captures` (one per line)."""

    class ReplaySpider(spider_cls):
        baseline = None  # reextract: the site's last exports, all fields compared

        async def start(self):
            if label == "reextract":
                data_dir = self.crawler.settings.get("NEWSCRAWLER_DATA_DIR")
                self.baseline = Baseline.load(Path(data_dir), self.name)
            stats = self.crawler.stats
            for reason, count in counts.items():
                stats.set_value(f"newscrawler/{self.name}/{label}/skipped/{reason}", count)
            self.state = self.crawler.get_extension(CrawlStateExtension)
            pending: set[str] = set()
            if self.state is not None:
                self.frontier = self.state.frontier
                # An archived page of a URL a crawl discovered and has not exported yet
                # settles it: the next crawl does not fetch it from the site.
                pending = {entry.url for entry in self.state.state.pending(self.name)}
            for capture in read_captures(captures):
                await self.wait_for_room()
                stats.inc_value(f"newscrawler/{self.name}/{label}/replayed")
                meta = {REPLAY_META: (capture.path, capture.offset),
                        FETCHED_AT_META: capture_time(capture.date)}
                if capture.url in pending:
                    meta[PENDING_META] = capture.url
                yield scrapy.Request(capture.url, callback=self.parse_article,
                                     errback=self.on_error, dont_filter=True, meta=meta)

        async def wait_for_room(self) -> None:
            """Scrapy takes start requests while the downloader is full (into the
            scheduler): wait instead, so a multi-gigabyte WARC is never all in memory."""
            engine = self.crawler.engine
            while engine is not None and engine.running and engine.needs_backout():
                await sleep(0.005)

    ReplaySpider.__name__ = ReplaySpider.__qualname__ = f"{spider_cls.__name__}Replay"
    return ReplaySpider
