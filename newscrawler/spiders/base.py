"""Discovery shared by every site: listings with pagination, RSS feeds, article pages.

A site spider is declarative (class attributes); a platform base may override
`next_listing_urls`. Extraction is not done here: each article response goes to
`newscrawler.extract.extract_article`, and the result becomes an Article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap

from newscrawler.autodiscovery import feed_links
from newscrawler.blockpages import BlockPage, classify_response
from newscrawler.extract import extract_article
from newscrawler.failures import describe_failure, is_expected_permanent
from newscrawler.items import Article
from newscrawler.records import iso_vn, now_vn
from newscrawler.spiders.discovery import FOUND_META, DiscoveryMixin
from newscrawler.state.extension import CrawlStateExtension
from newscrawler.state.frontier import PENDING_META, WALK_META, SiteFrontier, pending_url_of
from newscrawler.urls import UrlRules, canonicalize_url, variant_to_article

logger = logging.getLogger(__name__)

# Request meta: when the page was fetched, for a page replayed from a WARC record.
FETCHED_AT_META = "newscrawler_fetched_at"


@dataclass(frozen=True)
class Ministry:
    """The ministry a publisher belonged to, from `since` (inclusive) to `until` (exclusive)."""

    name: str
    since: date | None = None
    until: date | None = None

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.until is None
        return (self.since is None or day >= self.since) and (
            self.until is None or day < self.until
        )


class NewsSpider(DiscoveryMixin, scrapy.Spider):
    """Base of every site spider. Subclasses set the class attributes below."""

    publisher: ClassVar[str] = ""
    ministries: ClassVar[tuple[Ministry, ...]] = ()
    platform: ClassVar[str] = ""
    enabled: ClassVar[bool] = True
    # "current" (the live 2025-2026 site), "archive" (a site that stopped publishing; kept
    # for its back issues, disabled) or "disabled" (live, but not crawled: see the reason).
    status: ClassVar[str] = "current"
    status_reason: ClassVar[str] = ""
    # The date of the newest dated source the module docstring cites (ISO, YYYY-MM-DD).
    newest_evidence: ClassVar[str] = ""
    listing_urls: ClassVar[list[str]] = []
    feed_urls: ClassVar[list[str]] = []
    # XML sitemaps or sitemap indexes, where a site publishes them.
    sitemap_urls: ClassVar[list[str]] = []
    # Links to articles on a listing page (CSS, attribute selector included).
    listing_link_css: ClassVar[str] = "a::attr(href)"
    # Only URLs matching this become article requests: keeps listings, tags, print pages out.
    article_url_pattern: ClassVar[str] = r"$^"
    # Group 1 is the site's own article id, used in the record id.
    article_key_pattern: ClassVar[str | None] = None
    selectors: ClassVar[dict[str, str]] = {}
    # SharePoint sites that print month-first dates declare it.
    month_first_dates: ClassVar[bool] = False
    # How this site's URLs fold (scheme, www, print/AMP/mobile variants).
    url_rules: ClassVar[UrlRules] = UrlRules()
    # The site's own block pages: kind (newscrawler.blockpages.KINDS) -> strings that,
    # anywhere in a page, mean that kind; beside the generic signals.
    block_markers: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._article_re = re.compile(self.article_url_pattern)
        self._seen_listings: set[str] = set()
        self.state: CrawlStateExtension | None = None
        self.frontier: SiteFrontier | None = None
        # Listing walks that the stale-page rule may not stop (incomplete before the run).
        self.incomplete_walks: set[str] = set()
        # Of the last article_requests() call: its article links (canonical), and how many
        # were new or due a re-check.
        self._last_links: list[str] = []
        self._fresh_links = 0
        # Per incomplete walk, the article links it showed so far (hashes): a pager that
        # only repeats them (a loop, a trap) ends the walk.
        self._walk_links: dict[str, set[int]] = {}
        # Feeds and sitemaps asked for this run, declared or found: each fetched once.
        self._feeds_seen: set[str] = set()
        # Per listing walk, the on-site article links its pages showed (discovery.py).
        self._walk_page_links: dict[str, set[str]] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_listing_pages = settings.getint("NEWSCRAWLER_MAX_LISTING_PAGES")
        spider.stale_pages_to_stop = settings.getint("NEWSCRAWLER_STALE_PAGES")
        spider.full_walk = settings.getbool("NEWSCRAWLER_FULL")
        spider.use_site_selectors = settings.getbool("NEWSCRAWLER_USE_SITE_SELECTORS")
        spider.autodiscover = settings.getbool("NEWSCRAWLER_AUTODISCOVER")
        since = settings.get("NEWSCRAWLER_SINCE")
        spider.since = date.fromisoformat(since) if since else None
        # A selector fixed by configuration, ahead of a release (re-extraction, issue 19).
        fixed = settings.getdict("NEWSCRAWLER_SELECTOR_OVERRIDES").get(spider.name)
        if fixed:
            spider.selectors = {**cls.selectors, **fixed}
        return spider

    # --- site metadata --------------------------------------------------------------

    @classmethod
    def ministry_on(cls, day: date | None) -> str | None:
        for ministry in cls.ministries:
            if ministry.covers(day):
                return ministry.name
        return None

    def is_article_url(self, url: str) -> bool:
        return bool(self._article_re.match(url))

    def is_article_link(self, url: str) -> bool:
        """Whether a link found on a page leads to an article (platforms whose links
        carry navigation parameters clean them first)."""
        return self.canonical_article_url(url) is not None

    # --- discovery ------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Extensions exist only once the crawl starts, after the spider is built.
        self.state = self.crawler.get_extension(CrawlStateExtension)
        if self.state is not None:
            self.frontier = self.state.frontier
            # What earlier runs discovered and did not export (killed, failed) comes first.
            for url in self.frontier.resume():
                yield self.article_request(url, pending=True)
            self.incomplete_walks = self.frontier.begin_walks(self.listing_urls)
            # Recent articles may still change: re-fetch those within the recheck window.
            for request in self.article_requests(self.state.recheck_urls(self.name)):
                yield request
        declared = [*self.feed_requests(self.feed_urls, self.parse_feed),
                    *self.feed_requests(self.sitemap_urls, self.parse_sitemap)]
        if getattr(self, "autodiscover", False):
            declared += self.autodiscovery_requests()
        for request in declared:
            yield request
        for url in self.listing_urls:
            request = self.listing_request(url, page=1, stale=0, walk=url)
            if request is not None:
                yield request

    def listing_request(self, url: str, page: int, stale: int, walk: str | None = None
                        ) -> scrapy.Request | None:
        # Listings are fetched on every run; within a run, each once (pagers loop back).
        if url in self._seen_listings:
            return None
        if page > self.max_listing_pages:
            # A trap guard, but also where a long backfill stops: say so, in numbers.
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/listing_cap_reached")
            logger.warning("%s: listing walk stopped at page %d (NEWSCRAWLER_MAX_LISTING_"
                           "PAGES); articles beyond it are not discovered", url,
                           self.max_listing_pages)
            return None
        self._seen_listings.add(url)
        return scrapy.Request(url, callback=self.parse_listing, errback=self.on_error,
                              dont_filter=True, cb_kwargs={"page": page, "stale": stale},
                              meta={WALK_META: walk or url})

    def canonical_article_url(self, url: str) -> str | None:
        try:
            canonical = canonicalize_url(variant_to_article(url, self.url_rules),
                                         fold_www=self.url_rules.fold_www,
                                         force_https=self.url_rules.force_https)
        except ValueError:
            return None
        return canonical if self.is_article_url(canonical) else None

    def article_request(self, url: str, pending: bool = False) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_article, errback=self.on_error,
                              meta={PENDING_META: url} if pending else None)

    def article_requests(self, urls: Iterable[str]) -> list[scrapy.Request]:
        """Requests for the article URLs among `urls` that are new, pending and due, or
        due a re-check. New ones are recorded as pending first, in one transaction.
        `self._fresh_links` is left at the count of new and re-check ones."""
        stats = self.crawler.stats
        requests, unknown = [], []
        self._last_links = []
        for url in urls:
            canonical = self.canonical_article_url(url)
            if canonical is None:
                stats.inc_value(f"newscrawler/{self.name}/links_not_article")
                continue
            self._last_links.append(canonical)
            if self.state is None:
                requests.append(self.article_request(canonical))
            elif (known := self.state.known_before_run(canonical)) is None:
                unknown.append(canonical)
            elif self.state.in_recheck_window(known):
                requests.append(self.article_request(canonical))
            else:
                stats.inc_value(f"newscrawler/{self.name}/links_known")
        self._fresh_links = len(requests)
        fetch = self.frontier.discover(unknown) if unknown else {}
        for url in dict.fromkeys(unknown):
            if url in fetch:
                requests.append(self.article_request(url, pending=True))
                self._fresh_links += fetch[url]
            else:  # given up, or waiting for its backoff
                stats.inc_value(f"newscrawler/{self.name}/links_pending_later")
        stats.inc_value(f"newscrawler/{self.name}/article_requests", len(requests))
        return requests

    def parse_feed(self, response: Response) -> Iterable[scrapy.Request]:
        # By local name: Atom (and RSS 1.0) put their elements in a default namespace.
        links = response.xpath("//*[local-name()='item']/*[local-name()='link']/text() | "
                               "//*[local-name()='entry']/*[local-name()='link']/@href"
                               ).getall()
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/feed_links", len(links))
        yield from self.article_requests(response.urljoin(link.strip()) for link in links)

    def parse_sitemap(self, response: Response) -> Iterable[scrapy.Request]:
        body = sitemap_body(response, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        if body is None:
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/skipped/bad_sitemap")
            logger.warning("Skipped %s: not a sitemap", response.url)
            return
        sitemap = Sitemap(body)
        entries = list(sitemap)
        if sitemap.type == "sitemapindex":
            yield from self.feed_requests(
                (response.urljoin(entry["loc"]) for entry in entries), self.parse_sitemap,
                found=response.meta.get(FOUND_META, False) if response.request else False)
            return
        # Entries last modified before --since cannot hold articles published after it.
        fresh = [e["loc"] for e in entries if not self.is_older_than_since(e.get("lastmod"))]
        yield from self.article_requests(response.urljoin(loc) for loc in fresh)

    def parse_listing(self, response: Response, page: int, stale: int = 0
                      ) -> Iterable[scrapy.Request]:
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/listing_pages")
        if self.listing_blocked(response):
            return
        walk = response.meta.get(WALK_META, response.url)
        requests, fallback = self.article_requests(self.listing_links(response)), False
        found = self.walk_fallback_links(response, walk)  # on every page: it records
        if not self._last_links and found:
            # The selector found no article where the page links to some: drift.
            requests, fallback = self.article_requests(found), True
            stats = self.crawler.stats
            stats.inc_value(f"newscrawler/{self.name}/discovery/fallback")
            stats.inc_value(f"newscrawler/{self.name}/discovery/fallback_links", len(found))
        yield from requests
        if getattr(self, "autodiscover", False):
            yield from self.feed_requests(feed_links(response), self.parse_feed,
                                          found=True)
        if walk in self.incomplete_walks:
            # Known territory does not stop a walk that never completed: only pages that
            # show no article link this walk has not shown yet (a pager loop, a trap).
            shown = self._walk_links.setdefault(walk, set())
            unseen = {hash(url) for url in self._last_links} - shown
            shown |= unseen
            stale = 0 if unseen else stale + 1
        else:
            # An incremental run stops walking a listing after N pages with nothing new
            # (known or already pending).
            stale = 0 if self._fresh_links else stale + 1
        if not self.full_walk and stale >= self.stale_pages_to_stop:
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/listing_walks_stopped")
            self.walk_ended(walk)
            return
        following = [self.listing_request(url, page + 1, stale, walk)
                     for url in self.following_listing_urls(response, page, fallback)]
        following = [request for request in following if request is not None]
        if not following:  # the pager's end (or its cap)
            self.walk_ended(walk)
        yield from following

    def listing_links(self, response: Response) -> list[str]:
        """The absolute links a listing page offers as articles (not yet filtered by the
        article URL pattern). Platform bases add links found elsewhere (onclick...)."""
        return [response.urljoin(link.strip())
                for link in response.css(self.listing_link_css).getall()]

    def listing_article_urls(self, response: Response) -> list[str]:
        """The canonical article URLs of a listing page, in page order, once each: pure,
        usable on a stored page with a spider built without a crawler."""
        canonical = (self.canonical_article_url(url) for url in self.listing_links(response))
        return list(dict.fromkeys(url for url in canonical if url))

    def walk_ended(self, walk: str) -> None:
        if self.frontier is not None:
            self.frontier.walk_ended(walk)

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        """URLs of the following listing pages; platform bases override this."""
        return ()

    # --- articles -------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterable[Article]:
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/skipped/not_text")
            logger.warning("Skipped %s: not a text response", response.url)
            if self.frontier is not None:
                self.frontier.fail(pending_url_of(response), "not a text response")
            return
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/article_pages")
        # Before extraction: a block page must never become a record, nor settle the URL.
        blocked = self.block_page(response)
        if blocked is not None:
            self.page_blocked(response, blocked)
            return
        # An archived page (reextract, import-warc) was fetched when it was captured.
        fetched_at = response.meta.get(FETCHED_AT_META) or now_vn()
        selectors = self.selectors if self.use_site_selectors else None
        extraction = extract_article(response, selectors or None, fetched_at=fetched_at,
                                     month_first=self.month_first_for(response))
        if self.is_older_than_since(extraction.fields.get("published_at")):
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/skipped/older_than_since")
            if self.frontier is not None:
                self.frontier.resolve(pending_url_of(response))
            return
        yield self.build_article(response, extraction.fields, extraction.provenance, fetched_at)

    def month_first_for(self, response: Response) -> bool:
        """Whether this page prints month-first dates (a site serving two generations
        of pages may differ per page)."""
        return self.month_first_dates

    def is_older_than_since(self, published_at: str | None) -> bool:
        if not (self.since and published_at):
            return False
        try:
            return date.fromisoformat(published_at[:10]) < self.since
        except ValueError:
            return False

    def build_article(self, response: Response, fields: dict[str, Any],
                      provenance: dict[str, str], fetched_at) -> Article:
        published = fields.get("published_at")
        day = date.fromisoformat(published[:10]) if published else None
        values = {k: v for k, v in fields.items() if k != "canonical_url"}
        return Article(
            url=response.url,
            site=self.name,
            publisher=self.publisher,
            ministry=self.ministry_on(day),
            crawled_at=iso_vn(fetched_at),
            provenance=dict(provenance),
            **values,
        )

    # --- failures -------------------------------------------------------------------

    def log(self, message: Any, level: int = logging.DEBUG, **kw: Any) -> None:
        # Spidermon 1.27 still calls Spider.log(), deprecated since Scrapy 2.18.
        self.logger.log(level, message, **kw)

    def on_error(self, failure) -> None:
        """Count and remember failures: the run summary reports them per site."""
        request = failure.request
        # Report the URL that was asked for, not the last hop of a redirect chain.
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        reason = describe_failure(failure)
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/errors")
        self.record_failure(url, reason, is_expected_permanent(failure))
        self.frontier_failed(request, reason)

    def record_failure(self, url: str, reason: str, permanent: bool = False) -> None:
        stats = self.crawler.stats
        failures = stats.get_value(f"newscrawler/{self.name}/failures") or []
        if len(failures) < 1000:
            failures.append({"url": url, "reason": reason, "permanent": permanent})
            stats.set_value(f"newscrawler/{self.name}/failures", failures)
        logger.warning("%s: %s (%s)", self.name, reason, url)

    def block_page(self, response: TextResponse) -> BlockPage | None:
        """The block kind of a page (blockpages.py, with the site's own markers)."""
        return classify_response(response, self.block_markers)

    def listing_blocked(self, response: Response) -> bool:
        """Whether a listing page is a block page (a firewall answering the walk): then
        it is a blocked page with its URL, and the walk is failed, so a later run walks
        it again. A run meeting only such pages says why it found nothing."""
        blocked = self.block_page(response) if isinstance(response, TextResponse) else None
        if blocked is None:
            return False
        self.page_blocked(response, blocked)
        self.frontier_failed(response.request, blocked.reason)
        return True

    def page_blocked(self, response: Response, blocked: BlockPage) -> None:
        """A block, challenge or shell page where an article or a listing was expected: a
        failure of this attempt (an article's URL stays pending), counted per kind, listed
        with its URL."""
        stats = self.crawler.stats
        stats.inc_value(f"newscrawler/{self.name}/blocked_pages")
        stats.inc_value(f"newscrawler/{self.name}/blocked/{blocked.kind}")
        listed = stats.get_value(f"newscrawler/{self.name}/blocked_urls") or []
        if len(listed) < 1000:
            listed.append({"url": response.url, "kind": blocked.kind})
            stats.set_value(f"newscrawler/{self.name}/blocked_urls", listed)
        logger.info("%s: %s is a %s page (%s)", self.name, response.url, blocked.kind,
                    blocked.evidence)
        self.record_failure(response.url, blocked.reason)
        if self.frontier is not None:
            self.frontier.fail(pending_url_of(response), blocked.reason)

    def frontier_failed(self, request: scrapy.Request, reason: str) -> None:
        """A failed attempt of a pending URL, or a failed page of a listing walk."""
        if self.frontier is not None:
            self.frontier.request_failed(request, reason)



def sitemap_body(response: Response, max_size: int) -> bytes | None:
    """The XML of a sitemap response, gunzipped (bounded by max_size) when needed."""
    if gzip_magic_number(response):
        try:
            return gunzip(response.body, max_size=max_size)
        except (OSError, ValueError):  # corrupt, or larger than allowed once unpacked
            return None
    body = response.body.lstrip()
    return body if body.startswith(b"<") else None
