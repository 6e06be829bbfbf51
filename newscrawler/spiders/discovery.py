"""The crawler-bound half of discovery: `DiscoveryMixin`, NewsSpider's fallbacks (listing
links and pager without the site's selectors) and autodiscovery (feeds a page announces,
sitemaps robots.txt names) as requests and stats. The pure functions it applies are in
`newscrawler/autodiscovery.py`, shared with the file sites' spider and the doctor.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse

from newscrawler.autodiscovery import (
    fallback_listing_links,
    feed_links,
    next_page_link,
    robots_sitemaps,
)
from newscrawler.failures import describe_failure

logger = logging.getLogger(__name__)

FOUND_META = "newscrawler_found"  # request.meta: a feed or sitemap autodiscovery found


class DiscoveryMixin:
    """NewsSpider's fallbacks and autodiscovery (the spider provides name, crawler,
    listing_urls, feed_urls, allowed_domains, is_article_link, next_listing_urls,
    parse_feed, parse_sitemap, on_error and `_feeds_seen`)."""

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # robots.txt is fetched once, by the robots middleware: its Sitemap lines from there.
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        return spider

    def fallback_listing_links(self, response: Response) -> list[str]:
        """The page's on-site links that are article URLs: what a listing offers when its
        selector finds nothing (a changed template). Pure."""
        return fallback_listing_links(response, self)

    def walk_fallback_links(self, response: Response, walk: str) -> list[str]:
        """The fallback links of a listing page, if one of them is new to its walk: a
        page past a listing's end shows only side boxes its first page showed already."""
        found = self.fallback_listing_links(response)
        seen = self._walk_page_links.setdefault(walk, set())
        new = not seen.issuperset(found)
        seen.update(found)
        return found if new else []

    def following_listing_urls(self, response: Response, page: int, fallback: bool
                               ) -> list[str]:
        """The site's pager; on a page whose link selector failed, a generic pager when
        the site's finds nothing (its selector failed too, most likely)."""
        following = list(self.next_listing_urls(response, page))
        if fallback and not following:
            found = next_page_link(response, page, self.is_article_link)
            if found:
                self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/"
                                             "pager_fallback")
                following = [found]
        return following

    # --- feeds and sitemaps, declared and found ----------------------------------------

    def feed_requests(self, urls: Iterable[str], callback, found: bool = False
                      ) -> list[scrapy.Request]:
        """Requests for the feeds or sitemaps among `urls` not yet asked for this run.
        Found ones (autodiscovery) are counted, and their failures are not the site's."""
        requests = []
        for url in urls:
            if url in self._feeds_seen:
                continue
            self._feeds_seen.add(url)
            if found:
                kind = "sitemaps" if callback == self.parse_sitemap else "feeds"
                self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/"
                                             f"{kind}_found")
                logger.info("%s: found %s %s", self.name, kind[:-1], url)
            requests.append(scrapy.Request(
                url, callback=callback, dont_filter=True, meta={FOUND_META: found},
                errback=self.discovery_failed if found else self.on_error))
        return requests

    def autodiscovery_requests(self) -> list[scrapy.Request]:
        """robots.txt (its Sitemap: lines) and the home page (its feed links) of each
        host the listings are on."""
        origins = dict.fromkeys(f"{parts.scheme}://{parts.netloc}" for parts in
                                map(urlsplit, self.listing_urls or self.feed_urls))
        requests = []
        # Obeying robots.txt, the middleware fetches it (robots_parsed); else we do.
        own_robots = not self.crawler.settings.getbool("ROBOTSTXT_OBEY")
        for origin in origins:
            if own_robots:
                requests.append(scrapy.Request(
                    f"{origin}/robots.txt", callback=self.parse_robots, dont_filter=True,
                    errback=self.discovery_failed, meta={"dont_obey_robotstxt": True}))
            if f"{origin}/" not in self.listing_urls:
                requests.append(scrapy.Request(f"{origin}/", callback=self.parse_home,
                                               errback=self.discovery_failed))
        return requests

    def parse_robots(self, response: Response) -> Iterable[scrapy.Request]:
        if isinstance(response, TextResponse):
            yield from self.feed_requests(robots_sitemaps(response.text, response.url),
                                          self.parse_sitemap, found=True)

    def robots_parsed(self, robotparser, request) -> None:
        """Scrapy's robots_parsed signal: schedule the sitemaps robots.txt names."""
        if not getattr(self, "autodiscover", False):
            return
        # Protego (Scrapy's default ROBOTSTXT_PARSER) keeps the Sitemap lines.
        listed = getattr(getattr(robotparser, "rp", None), "sitemaps", None) or ()
        origin = f"{urlsplit(request.url).scheme}://{urlsplit(request.url).netloc}/"
        urls = [urljoin(origin, url.strip()) for url in listed]
        for sitemap in self.feed_requests(urls, self.parse_sitemap, found=True):
            self.crawler.engine.crawl(sitemap)

    def parse_home(self, response: Response) -> Iterable[scrapy.Request]:
        if isinstance(response, TextResponse):
            yield from self.feed_requests(feed_links(response), self.parse_feed,
                                          found=True)

    def discovery_failed(self, failure) -> None:
        """A feed, sitemap, robots.txt or home page looked for, not there: no failure of
        the site (nothing declared it), but counted."""
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/unavailable")
        logger.info("%s: autodiscovery: %s (%s)", self.name, describe_failure(failure),
                    failure.request.url)
