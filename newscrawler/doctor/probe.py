"""The doctor's fetch: a small real Scrapy crawl of one site that collects, exports nothing.

Why a Scrapy crawl and not plain HTTP: the doctor must see what a crawl sees. The same
project settings give the same robots.txt obedience, politeness (delays, AutoThrottle,
per-domain concurrency), retries, charset repair, site bounds and replica routing. What
is left out is what writes: the crawl state, feeds, the run summary, the monitors and the
data directory's lock (settings below), so a doctor run can stand beside a running crawl.

The site's own spider class is subclassed (`probe_class`): its discovery code runs as in
a crawl (listing selector, pager, feeds, sitemaps), but each callback records what it
found in `Findings` and the walk stops at the doctor's bounds (pages per listing, N
articles). Extraction is `extract_article` with the site's selectors, as in a crawl.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse

from newscrawler.autodiscovery import fallback_listing_links, feed_links, robots_sitemaps
from newscrawler.doctor.checks import blocked_kind, feed_dates, sitemap_dates
from newscrawler.extract import extract_article
from newscrawler.failures import describe_failure
from newscrawler.records import now_vn
from newscrawler.spiders.base import sitemap_body

logger = logging.getLogger(__name__)

# Settings of a doctor run: nothing written, nothing judged (see the module doc).
OFF_EXTENSIONS = (
    "newscrawler.datadirlock.DataDirLockExtension",
    "newscrawler.killpoints.KillPoint",
    "newscrawler.state.extension.CrawlStateExtension",
    "spidermon.contrib.scrapy.extensions.Spidermon",
    "newscrawler.export.runsummary.RunSummary",
)
MAX_SITEMAPS = 10  # sitemap files read (an index may list hundreds)


@dataclass
class ListingPage:
    url: str
    walk: str
    page: int
    selector_links: list[str]
    fallback_links: list[str]
    blocked: str | None = None


@dataclass
class FeedFound:
    url: str
    kind: str  # "feed" or "sitemap"
    source: str  # "declared", "robots.txt", "<link rel=alternate>", "sitemap index"
    status: str = "not fetched"  # "ok", a failure's reason, "not a sitemap"...
    items: int = 0
    newest: str | None = None  # ISO date-time of the newest item


@dataclass
class ArticlePage:
    url: str
    found_by: str  # "listing selector", "listing fallback", "feed", "sitemap"
    provenance: dict[str, str] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    blocked: str | None = None


@dataclass
class Findings:
    site: str
    listings: list[ListingPage] = field(default_factory=list)
    walks: dict[str, int] = field(default_factory=dict)  # listing URL -> pages reached
    walk_capped: set[str] = field(default_factory=set)  # walks stopped by --pages
    feeds: dict[str, FeedFound] = field(default_factory=dict)
    articles: list[ArticlePage] = field(default_factory=list)
    robots: dict[str, str] = field(default_factory=dict)  # origin -> robots.txt text
    failures: list[dict[str, str]] = field(default_factory=list)


class DoctorProbe:
    """Mixed in before a site's spider class (`probe_class`): its callbacks collect
    Findings and stop at the bounds."""

    doctor_articles: int = 10  # article pages to fetch
    doctor_pages: int = 3  # listing pages per walk
    findings: Findings

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.findings = Findings(self.name)
        self._queued: set[str] = set()
        self._per_walk: dict[str | None, int] = {}
        self._reserve: dict[str, str] = {}  # article URL -> how it was found
        for url in self.feed_urls:
            self.findings.feeds[url] = FeedFound(url, "feed", "declared")
        for url in self.sitemap_urls:
            self.findings.feeds[url] = FeedFound(url, "sitemap", "declared")

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.fill_from_reserve, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        origins = dict.fromkeys(origin_of(url) for url in
                                [*self.listing_urls, *self.feed_urls, *self.sitemap_urls])
        for origin in origins:
            yield scrapy.Request(f"{origin}/robots.txt", callback=self.doctor_robots,
                                 errback=self.on_error, dont_filter=True)
        for origin in origins:  # home pages announce feeds with <link rel=alternate>
            yield scrapy.Request(f"{origin}/", callback=self.doctor_home,
                                 errback=self.on_error, dont_filter=True)
        async for request in super().start():
            yield request

    def doctor_robots(self, response: Response) -> Iterable[scrapy.Request]:
        text = response.text if isinstance(response, TextResponse) else ""
        self.findings.robots[origin_of(response.url)] = text
        for url in robots_sitemaps(text):
            yield from self.found_feed(url, "sitemap", "robots.txt")

    def doctor_home(self, response: Response) -> Iterable[scrapy.Request]:
        if isinstance(response, TextResponse):
            for url in feed_links(response):
                yield from self.found_feed(url, "feed", "<link rel=alternate>")

    def found_feed(self, url: str, kind: str, source: str) -> Iterable[scrapy.Request]:
        if url in self.findings.feeds:
            return
        sitemaps = sum(1 for f in self.findings.feeds.values() if f.kind == "sitemap")
        if kind == "sitemap" and sitemaps >= MAX_SITEMAPS:
            return
        self.findings.feeds[url] = FeedFound(url, kind, source)
        callback = self.parse_feed if kind == "feed" else self.parse_sitemap
        yield scrapy.Request(url, callback=callback, errback=self.on_error,
                             dont_filter=True)

    def listing_request(self, url: str, page: int, stale: int, walk: str | None = None):
        if page > self.doctor_pages:
            self.findings.walk_capped.add(walk or url)
            return None
        return super().listing_request(url, page, 0, walk)

    def parse_listing(self, response: Response, page: int, stale: int = 0):
        walk = response.meta.get("newscrawler_walk", response.url)
        self.findings.walks[walk] = self.findings.walks.get(walk, 0) + 1
        if not isinstance(response, TextResponse):
            self.findings.failures.append({"url": response.url, "reason": "not text"})
            return
        selector_links = self.listing_article_urls(response)
        # A JSON list (an API site: mof) has no markup for the fallback, feeds or blocks.
        markup = response.selector.type != "json"
        fallback = fallback_listing_links(response, self) if markup else []
        self.findings.listings.append(ListingPage(
            response.url, walk, page, selector_links, fallback,
            blocked_kind(response, self.block_markers) if markup else None))
        if hasattr(self, "remember_list"):  # its items complete the details asked for
            self.remember_list(response)
        for url in feed_links(response) if markup else ():
            yield from self.found_feed(url, "feed", "<link rel=alternate>")
        yield from self.sample(selector_links, "listing selector", walk)
        yield from self.sample(fallback, "listing fallback", walk)
        for url in self.next_listing_urls(response, page):
            request = self.listing_request(url, page + 1, 0, walk)
            if request is not None:
                yield request

    def parse_feed(self, response: Response):
        entry = self.feed_entry(response, "feed")
        if not isinstance(response, TextResponse):
            entry.status = "not a feed"
            return
        links = response.xpath("//item/link/text() | //entry/link/@href").getall()
        dates = feed_dates(response)
        entry.status, entry.items = "ok", len(links)
        entry.newest = max(dates).isoformat() if dates else None
        yield from self.sample([response.urljoin(link.strip()) for link in links], "feed")

    def parse_sitemap(self, response: Response):
        entry = self.feed_entry(response, "sitemap")
        body = sitemap_body(response, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        if body is None:
            entry.status = "not a sitemap"
            return
        locations, children, dates = sitemap_dates(body)
        entry.status, entry.items = "ok", len(locations) + len(children)
        entry.newest = max(dates).isoformat() if dates else None
        for url in children:
            yield from self.found_feed(response.urljoin(url), "sitemap", "sitemap index")
        yield from self.sample([response.urljoin(url) for url in locations], "sitemap")

    def feed_entry(self, response: Response, kind: str) -> FeedFound:
        url = (response.meta.get("redirect_urls") or [response.url])[0]
        return self.findings.feeds.setdefault(url, FeedFound(url, kind, "declared"))

    def sample(self, urls: Iterable[str], found_by: str, walk: str | None = None
               ) -> Iterable[scrapy.Request]:
        """Article requests, spread over the listings: each walk gets its share of
        the N articles first; feed, sitemap and surplus links wait in reserve until
        the crawl is idle (`fill_from_reserve`)."""
        share = -(-self.doctor_articles // max(1, len(self.listing_urls)))
        for url in urls:
            canonical = self.canonical_article_url(url)
            if canonical is None or canonical in self._queued:
                continue
            if len(self._queued) >= self.doctor_articles:
                return
            taken = self._per_walk.get(walk, 0)
            if self.listing_urls and (walk is None or taken >= share):
                self._reserve.setdefault(canonical, found_by)
                continue
            self._per_walk[walk] = taken + 1
            yield self.sampled_request(canonical, found_by)

    def sampled_request(self, url: str, found_by: str) -> scrapy.Request:
        self._queued.add(url)
        if hasattr(self, "article_page"):  # an API site: the request for its answer
            return self.article_request(url).replace(
                callback=self.parse_article, cb_kwargs={"found_by": found_by})
        return scrapy.Request(url, callback=self.parse_article, errback=self.on_error,
                              cb_kwargs={"found_by": found_by})

    def fill_from_reserve(self) -> None:
        """spider_idle: fewer than N articles sampled, and links in reserve."""
        added = False
        for url, found_by in list(self._reserve.items()):
            if len(self._queued) >= self.doctor_articles:
                break
            del self._reserve[url]
            if url not in self._queued:
                self.crawler.engine.crawl(self.sampled_request(url, found_by))
                added = True
        if added:
            raise DontCloseSpider

    def parse_article(self, response: Response, found_by: str = ""):
        if isinstance(response, TextResponse) and hasattr(self, "article_page"):
            try:  # an API site's answer (mof): the page its spider extracts
                response = self.article_page(response)
            except ValueError as error:  # a block page, or an answer with no article
                markup = response.selector.type != "json"
                kind = blocked_kind(response, self.block_markers) if markup else None
                if kind:
                    self.findings.articles.append(ArticlePage(response.url, found_by,
                                                              blocked=kind))
                else:
                    self.findings.failures.append({"url": response.url, "reason": str(error)})
                return
        page = ArticlePage(response.url, found_by)
        self.findings.articles.append(page)
        if not isinstance(response, TextResponse):
            page.blocked = "not a text response"
            return
        page.blocked = blocked_kind(response, self.block_markers)
        selectors = self.selectors if self.use_site_selectors else None
        extraction = extract_article(response, selectors or None, fetched_at=now_vn(),
                                     month_first=self.month_first_dates)
        page.provenance = dict(extraction.provenance)
        page.fields = extraction.fields
        return
        yield  # a generator, as Scrapy callbacks are

    def on_error(self, failure) -> None:
        request = failure.request
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        reason = describe_failure(failure)
        self.findings.failures.append({"url": url, "reason": reason})
        if url in self.findings.feeds:
            self.findings.feeds[url].status = reason
        if urlsplit(url).path == "/robots.txt":
            self.findings.robots.setdefault(origin_of(url), "")


def probe_class(spider_cls: type, n_articles: int, max_pages: int) -> type:
    """`spider_cls` with the DoctorProbe callbacks and these bounds."""
    return type(f"Doctor{spider_cls.__name__}", (DoctorProbe, spider_cls),
                {"doctor_articles": n_articles, "doctor_pages": max_pages,
                 "__module__": __name__})


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def doctor_settings(base, data_dir: Path):
    """The project settings (robots, politeness, replica routing) without what writes."""
    settings = base.copy()
    settings.set("NEWSCRAWLER_DATA_DIR", str(data_dir), priority="cmdline")
    settings.set("NEWSCRAWLER_STATE", "off", priority="cmdline")
    settings.set("FEEDS", {}, priority="cmdline")
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    settings.set("SPIDERMON_ENABLED", False, priority="cmdline")
    extensions = dict(settings.getdict("EXTENSIONS"))
    extensions.update(dict.fromkeys(OFF_EXTENSIONS))
    settings.set("EXTENSIONS", extensions, priority="cmdline")
    if settings.getpriority("LOG_LEVEL") < 40:  # -s LOG_LEVEL=... still wins
        settings.set("LOG_LEVEL", "ERROR", priority="cmdline")
    return settings


def run_probe(spider_cls: type, base_settings, n_articles: int, max_pages: int) -> Findings:
    """Crawl the site within the bounds; return what was found."""
    probe = probe_class(spider_cls, n_articles, max_pages)
    with tempfile.TemporaryDirectory(prefix="newscrawler-doctor-") as scratch:
        process = CrawlerProcess(doctor_settings(base_settings, Path(scratch)))
        crawler = process.create_crawler(probe)
        process.crawl(crawler)
        process.start()
    return crawler.spider.findings
