"""mof.gov.vn: Cổng Thông tin điện tử Bộ Tài chính (which absorbed the Ministry of Planning
and Investment on 2025-03-01, vn_sites.md §2.0; the ministry kept its name).

Sources (vn_sites_2026 §14 row mof.gov.vn):
- a Vue single-page app: every HTML page is `<div id="app"></div>` and scripts; lists
  and articles come only from its JSON API (idx:54660080281, "Fix 2026-07-14", MOF_ISA;
  `_mof_config` in idx:17886542170, 2026: "Trang sử dụng SPA, danh sách bài lấy qua API
  nội bộ"); robots.txt answers with the app shell (CMW
  `tests/fixtures/vn_ministries/mof-robots-app-shell.bin`);
- list `POST /api/article/reads?offset=<n>&limit=<n>` with the JSON body
  `{"rootCategoryId": <id>}` -> `data[]` items with title, slug, publicationTime (ISO),
  categorySlug, rootCategorySlug, description; an item without title or slug is skipped
  (idx:54660080281, 2026-07-14); limits 25 and 100 in that project's registry
  (idx:54491294349, idx:60005427547, 2026-07), 10 in others (idx:54543500267,
  idx:66214387071);
- detail `GET /api/article/getbyslug?slug=<slug>` -> `data.articleContent`, a JSON string
  `{"Content": "<html>"}` (idx:54660080281, 2026-07-14);
- publicationTime with `Z` (and milliseconds) or without a zone, then Vietnam time
  (idx:54660080281, 2026-07-14; "2026-08-25T04:08:45Z" in idx:66214387071);
- the record's URL is the reader URL `/{rootCategorySlug}/{categorySlug}/{slug}`
  (idx:54660080281; `_mof_config`); category ids are UUIDs, slugs such as
  tin-tuc-su-kien-8, thoi-su, tai-chinh-trong-nuoc, thong-cao-bao-chi-2, beside
  `success` and `total` in the answers (idx:66214387071, undated, 2026 by its
  "2026-08-25" example; newest_evidence stays the dated 2026-07-14).
- robots.txt: Scrapy's RobotsTxtMiddleware hands the body to Protego, which keeps only
  `User-agent`/`Allow`/`Disallow`/... lines: an HTML shell has none, so it disallows
  nothing (tests/test_mof_portal.py checks both the parser and a crawl).
- Scrapy's request fingerprint covers method, URL and body
  (`scrapy.utils.request.fingerprint`), so list requests that differ by their JSON body
  only are distinct; they are sent with dont_filter anyway. The crawl state and the
  frontier know articles by reader URL: a known one is never asked for its detail.
ASSUMPTION: which categories are roots and their UUIDs as rootCategoryId (the UUIDs of
  idx:66214387071, sent there as `categoryId`): tin-tuc-su-kien-8,
  tin-chinh-sach-tai-chinh, thong-cao-bao-chi-2; category names by slug (used when the
  detail has no categoryName).
ASSUMPTION: limit 20; the next page starts after the items this one held; the list ends
  on `data` null or [] or once `total` items were seen.
ASSUMPTION: the detail may lack description, publicationTime and the slugs: they come
  from the list item then (a URL retried without its item waits for the lists, and is
  fetched alone once they are done); articleContent may be an object, not a string.
ASSUMPTION: the extraction reads the content through a page of ours
  (`mof_api.detail_page`): the content in `div.mof-content`, the byline its trailing
  paragraph; title, lead, date and category come from the API as page metadata.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse
from warcio.archiveiterator import ArchiveIterator

from newscrawler.archive.replay import REPLAY_META
from newscrawler.blockpages import BlockPage, classify_response
from newscrawler.spiders import mof_api
from newscrawler.spiders.base import Ministry, NewsSpider
from newscrawler.state.frontier import PENDING_META, WALK_META, pending_url_of

logger = logging.getLogger(__name__)


def archived_answers(paths: Iterable[str | Path]) -> Iterator[tuple[str, bytes]]:
    """(URL, body) of the response records of WARC files."""
    for path in paths:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    yield (record.rec_headers.get_header("WARC-Target-URI"),
                           record.content_stream().read())


READER_META = "mof_reader_url"  # request.meta: the reader URL a detail request is for
ITEM_META = "mof_list_item"  # request.meta: the list item that led to it
LIMIT = 20
ROOT_CATEGORIES = {
    "tin-tuc-su-kien-8": "f0d30405-0417-46a5-9dd0-fd1472428c57",
    "tin-chinh-sach-tai-chinh": "38ccd03f-ccaf-4e4d-9319-b90df2207feb",
    "thong-cao-bao-chi-2": "5760ab6b-0e52-47e8-937e-62525c66a877",
}
CATEGORY_NAMES = {
    "thoi-su": "Thời sự", "tai-chinh-trong-nuoc": "Tài chính trong nước",
    "tai-chinh-quoc-te": "Tài chính quốc tế",
    "tin-tai-chinh-dia-phuong": "Tin tài chính địa phương",
    "chi-dao-dieu-hanh-1": "Chỉ đạo điều hành", "tai-chinh-phap-luat": "Tài chính - Pháp luật",
    "thong-bao-9": "Thông báo",
}
JSON_HEADERS = {"Content-Type": "application/json; charset=UTF-8",
                "Accept": "application/json, text/plain, */*"}


class MofSpider(NewsSpider):
    name = "mof"
    publisher = "Cổng Thông tin điện tử Bộ Tài chính"
    ministries = (Ministry("Bộ Tài chính"),)
    platform = "Vue SPA + JSON API"
    status = "current"
    newest_evidence = "2026-07-14"
    allowed_domains = ["mof.gov.vn"]
    # One listing walk per root category: the list URL plus its category (sent as JSON).
    listing_urls = [mof_api.list_walk_url(uuid, LIMIT) for uuid in ROOT_CATEGORIES.values()]
    # Reader URLs (the records' URLs) and detail API URLs (what a WARC holds: reextract).
    article_url_pattern = (r"^https://mof\.gov\.vn/(?:(?!api/)[a-z0-9-]+/[a-z0-9-]+/[^/?#]+"
                           r"|api/article/getbyslug\?slug=[^&#]+)$")
    article_key_pattern = r"^https://mof\.gov\.vn/[^/]+/[^/]+/([^/?#]+)$"
    selectors: ClassVar[dict[str, str]] = {"body": "div.mof-content"}
    # Autodiscovery reads feed links from HTML and Sitemap lines from robots.txt: here
    # both are the app shell, and the lists are JSON (no <link> to read).
    custom_settings: ClassVar[dict[str, Any]] = {"NEWSCRAWLER_AUTODISCOVER": False}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._items: dict[str, dict] = {}  # reader URL -> its list item, until requested
        self._held: dict[str, scrapy.Request] = {}  # detail requests without their item
        self._asked: set[str] = set()  # reader URLs whose detail was requested this run
        self._archived: dict[Path, dict] = {}  # WARC folder -> its list items by slug

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.release_held, signal=signals.spider_idle)
        return spider

    @staticmethod
    def record_urls_in_archive(paths: Iterable[str | Path]) -> set[str]:
        """The reader URLs of the articles whose details these WARC files hold (a record's
        URL is never fetched: it is named by the API's answers)."""
        return mof_api.record_urls(archived_answers(paths))

    def archived_item(self, response: Response) -> tuple[str, dict] | None:
        """For a detail replayed from a WARC file (reextract, import-warc): its reader URL
        and list item, from the list answers archived beside it (same directory)."""
        where = response.meta.get(REPLAY_META)
        if not where:
            return None
        folder = Path(where[0]).parent
        if folder not in self._archived:
            self._archived[folder] = mof_api.listed_items(
                archived_answers(sorted(folder.glob("*.warc.gz"))))
        slug = dict(parse_qsl(urlsplit(response.url).query)).get("slug", "")
        item = self._archived[folder].get(slug)
        return (item.url, item.fields) if item else None

    # --- lists -----------------------------------------------------------------------

    def listing_request(self, url: str, page: int, stale: int, walk: str | None = None
                        ) -> scrapy.Request | None:
        request = super().listing_request(url, page, stale, walk)
        if request is None:
            return None
        requested, category, _, _ = mof_api.split_walk_url(url)
        return request.replace(url=requested, method="POST", headers=JSON_HEADERS,
                               body=json.dumps({"rootCategoryId": category}))

    def listing_links(self, response: Response) -> list[str]:
        return [item.url for item in mof_api.read_list(response.body).items]

    def fallback_listing_links(self, response: Response) -> list[str]:
        return []  # JSON: there is no page markup to fall back on

    def parse_listing(self, response: Response, page: int, stale: int = 0
                      ) -> Iterable[scrapy.Request]:
        listing = mof_api.read_list(response.body)
        for problem in listing.problems:
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/skipped/malformed_item")
            walk = response.meta.get(WALK_META, response.url)
            self.record_failure(response.url, f"{problem} ({walk})", permanent=True)
        if listing.error is not None:
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/listing_pages")
            if not self.listing_blocked(response):
                self.record_failure(response.url, listing.error)
                self.frontier_failed(response.request, listing.error)
            return
        self.remember_list(response)
        yield from super().parse_listing(response, page, stale)

    def remember_list(self, response: Response) -> None:
        """Keep a list answer's items: their details are asked for with them."""
        self._items.update((item.url, item.fields)
                           for item in mof_api.read_list(response.body).items)

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        listing = mof_api.read_list(response.body)
        walk = response.meta.get(WALK_META, "")
        _, category, _, limit = mof_api.split_walk_url(walk or response.url)
        _, _, offset, _ = mof_api.split_walk_url(response.url)
        seen = offset + listing.count
        if listing.count == 0 or (listing.total is not None and seen >= listing.total):
            return []
        return [mof_api.list_walk_url(category, limit, seen)]

    # --- articles --------------------------------------------------------------------

    def article_request(self, url: str, pending: bool = False) -> scrapy.Request:
        """The detail request of the article whose reader URL is `url`."""
        meta: dict[str, Any] = {READER_META: url}
        if pending:
            meta[PENDING_META] = url
        item = self._items.pop(url, None)
        if item is not None:
            meta[ITEM_META] = item
            self._asked.add(url)
        return scrapy.Request(self.fetch_url(url), callback=self.parse_article,
                              errback=self.on_error, meta=meta)

    @staticmethod
    def fetch_url(reader: str) -> str:
        """Where the article of a reader URL is fetched: its detail answer."""
        return mof_api.detail_url(reader.rstrip("/").rsplit("/", 1)[-1])

    async def start(self) -> AsyncIterator[scrapy.Request]:
        async for request in super().start():
            reader = request.meta.get(READER_META)
            if reader and ITEM_META not in request.meta:
                # Resumed or re-checked: its list item comes with the walk (release_held).
                self._held[reader] = request
                continue
            yield request

    def release_held(self) -> None:
        """Once the lists are read: the held URLs they did not show, without an item."""
        held = [request for url, request in self._held.items() if url not in self._asked]
        self._held.clear()
        for request in held:
            self.crawler.engine.crawl(request)
        if held:
            raise DontCloseSpider

    @staticmethod
    def api_page(response: TextResponse, item: dict | None = None,
                 reader: str | None = None) -> HtmlResponse:
        """The page the extraction chain reads for a detail answer (pure; raises
        mof_api.ApiError): its reader URL, the API's fields as metadata."""
        return mof_api.detail_page(mof_api.read_detail(response.body), item, reader,
                                   CATEGORY_NAMES)

    def article_page(self, response: TextResponse) -> HtmlResponse:
        """The page of a detail answer with what the request knew (its reader URL and list
        item, or those archived beside a replayed answer); raises mof_api.ApiError."""
        meta = response.meta if response.request is not None else {}
        reader, item = meta.get(READER_META), meta.get(ITEM_META)
        if reader is None and (archived := self.archived_item(response)) is not None:
            reader, item = archived
        return self.api_page(response, item, reader).replace(request=response.request)

    def parse_article(self, response: Response) -> Iterable[Any]:
        if not isinstance(response, TextResponse):
            yield from super().parse_article(response)
            return
        try:
            page = self.article_page(response)
        except mof_api.ApiError as error:
            if self.block_page(response) is not None:
                yield from super().parse_article(response)  # counted as blocked there
            else:
                self.article_failed(response, str(error))
            return
        yield from super().parse_article(page)

    def block_page(self, response: TextResponse) -> BlockPage | None:
        """The block kind of an answer that is no JSON (a JSON answer is the API's own)."""
        try:
            json.loads(response.body)
        except ValueError:
            return classify_response(response, self.block_markers)
        return None

    def article_failed(self, response: Response, reason: str) -> None:
        """A detail answer with no usable article: a failure, retried by a later run."""
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/article_pages")
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/skipped/bad_detail")
        self.record_failure(response.url, reason)
        if self.frontier is not None:
            self.frontier.fail(pending_url_of(response), reason)
