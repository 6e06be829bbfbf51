"""The generic spider of sites defined in a TOML file (newscrawler/sitefiles.py).

A file site gives start URLs and an article URL pattern, and maybe feeds, sitemaps, a
pager selector and site selectors. Discovery then needs no site markup:
- a listing page's article links are all its links that match the article pattern
  (or the file's `selectors.listing`);
- the walk goes on to the page's on-site links that are not articles, lie under a start
  URL's path and may be listings (no file extension, a query of pager parameters only:
  `autodiscovery.section_links`), to `rel="next"` links and to the file's `pager`
  links (listing pages even where the article pattern matches them too), bounded by
  NEWSCRAWLER_MAX_LISTING_PAGES (link hops per start URL, and pages per start URL in
  all);
- feeds announced by `<link rel="alternate" type="application/rss+xml">` on listing
  pages and sitemaps named by `Sitemap:` in robots.txt are read beside the declared ones.
A guessed listing link that answers 404/410 (or that robots.txt disallows) is counted
in `newscrawler/<site>/discovery/dead_links`, not as a failure of the site.
Articles go through the full extraction chain (site selectors when the file has them,
else metadata and the generic extractor), then the same pipelines as any site.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse

from newscrawler.autodiscovery import (
    css_links,
    feed_links,
    listing_scope,
    on_site,
    rel_next_links,
    robots_sitemaps,
    section_links,
)
from newscrawler.failures import is_expected_permanent
from newscrawler.sitefiles import SiteFile
from newscrawler.spiders.base import Ministry, NewsSpider

logger = logging.getLogger(__name__)

EXPLORED_META = "newscrawler_explored"  # a listing page found by the walk, not a start URL


class FileSiteSpider(NewsSpider):
    platform = "file"
    # The TOML file this site comes from (shown by `newscrawler sites`).
    site_file: ClassVar[str] = ""
    # The file's `pager`: CSS of the next-page link(s), optional.
    pager_css: ClassVar[str] = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._scopes = [listing_scope(url) for url in self.listing_urls]
        self._feeds_seen: set[str] = set(self.feed_urls) | set(self.sitemap_urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        async for request in super().start():
            yield request
        origins = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
                   for url in self.listing_urls}
        for origin in sorted(origins):
            yield scrapy.Request(f"{origin}/robots.txt", callback=self.parse_robots,
                                 errback=self.on_error, dont_filter=True,
                                 meta={EXPLORED_META: True})

    def parse_robots(self, response: Response) -> Iterable[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        for url in robots_sitemaps(response.text):
            if url not in self._feeds_seen and on_site(url, self.allowed_domains):
                self._feeds_seen.add(url)
                self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/sitemaps")
                yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error,
                                     dont_filter=True, meta={EXPLORED_META: True})

    def listing_request(self, url: str, page: int, stale: int, walk: str | None = None
                        ) -> scrapy.Request | None:
        if len(self._seen_listings) >= self.max_listing_pages * max(1, len(self.listing_urls)):
            if url not in self._seen_listings:
                self.crawler.stats.inc_value(f"newscrawler/{self.name}/listing_cap_reached")
            return None
        request = super().listing_request(url, page, stale, walk)
        if request is not None and url not in self.listing_urls:
            request.meta[EXPLORED_META] = True
        return request

    def parse_listing(self, response: Response, page: int, stale: int = 0
                      ) -> Iterable[scrapy.Request]:
        if not isinstance(response, TextResponse):  # a guessed link to a file
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/not_listing")
            self.walk_ended(response.meta.get("newscrawler_walk", response.url))
            return
        for url in feed_links(response):
            if url not in self._feeds_seen and on_site(url, self.allowed_domains):
                self._feeds_seen.add(url)
                self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/feeds")
                yield scrapy.Request(url, callback=self.parse_feed, errback=self.on_error,
                                     dont_filter=True, meta={EXPLORED_META: True})
        yield from super().parse_listing(response, page, stale)

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        # A page the pager points to is a listing page even where a loose article pattern
        # matches it too (`/tin-tuc/page-2.html`); section links are never articles.
        pager = css_links(response, self.pager_css) if self.pager_css else []
        following = [*pager, *rel_next_links(response),
                     *section_links(response, self, self._scopes)]
        return [url for url in dict.fromkeys(following) if on_site(url, self.allowed_domains)]

    def on_error(self, failure) -> None:
        request = failure.request
        if request.meta.get(EXPLORED_META) and is_expected_permanent(failure):
            # A guessed link, not a page the site promised: no failure of the site.
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/dead_links")
            logger.debug("%s: dead discovery link %s", self.name, request.url)
            return
        super().on_error(failure)


def spider_class(site: SiteFile) -> type[FileSiteSpider]:
    """A FileSiteSpider subclass for one checked site file."""
    selectors = {key: query for key, query in site.selectors.items() if key != "listing"}
    attributes = {
        "__module__": __name__,
        "__doc__": f"The site defined in {site.path}.",
        "name": site.name,
        "publisher": site.publisher,
        "ministries": tuple(Ministry(m.name, m.since, m.until) for m in site.ministries),
        "allowed_domains": list(site.allowed_domains),
        "listing_urls": list(site.start_urls),
        "feed_urls": list(site.feeds),
        "sitemap_urls": list(site.sitemaps),
        "listing_link_css": site.selectors.get("listing", "a::attr(href)"),
        "article_url_pattern": site.article_url_pattern,
        "article_key_pattern": site.article_key_pattern,
        "selectors": selectors,
        "month_first_dates": site.month_first,
        "pager_css": site.pager,
        "site_file": str(site.path),
    }
    class_name = "".join(part.title() for part in site.name.split("_")) + "FileSpider"
    return type(class_name, (FileSiteSpider,), attributes)
