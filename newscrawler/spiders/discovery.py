"""Discovery that survives a changed site: fallbacks and autodiscovery, pure functions.

- `page_links`: every link of a page, absolute, once each. When a listing page's own
  selector finds no article link, the on-site links among these that match the article
  URL pattern are taken instead (counted `discovery/fallback` by the spider; the drift
  monitor then reports discovery drift).
- `next_page_link`: the link to page N+1 of a listing, found without the site's pager
  selector, for a listing whose selectors no longer match.
- `alternate_feeds`: `<link rel="alternate" type="application/rss+xml|atom+xml">` of a
  home or section page; `robots_sitemaps`: the `Sitemap:` lines of a robots.txt.

Sources: feed autodiscovery by `<link rel="alternate">` is the RSS Advisory Board's
RSS Autodiscovery specification; `Sitemap:` in robots.txt is the sitemaps.org protocol
(also RFC 9309 §2.2.4 leaves other records such as Sitemap to their own specs).
ASSUMPTION: a pager's next-page link carries the number N+1 in a query value or in the
  last path segment of the listing's own path (true of every pager in the research notes:
  `?page=N`, `?Page=N`, `_cur=N`, `/trang-N`); the parameter names page, trang, cur, p
  are preferred when several links qualify.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse

from newscrawler.failures import describe_failure

logger = logging.getLogger(__name__)

FOUND_META = "newscrawler_found"  # request.meta: a feed or sitemap autodiscovery found
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
_NOT_LINKS = ("javascript:", "mailto:", "tel:", "#")
_PAGE_PARAM = re.compile(r"page|trang|cur|^p$|^pg$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def page_links(response) -> list[str]:
    """The page's `<a href>` links, absolute, in page order, once each."""
    links = (href.strip() for href in response.css("a::attr(href)").getall())
    return list(dict.fromkeys(response.urljoin(href) for href in links
                              if href and not href.lower().startswith(_NOT_LINKS)))


def on_site(url: str, domains: Iterable[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def fallback_article_links(response, domains: Iterable[str],
                           is_article: Callable[[str], bool]) -> list[str]:
    """The on-site links of a page that `is_article` accepts."""
    domains = list(domains) or [urlsplit(response.url).hostname or ""]
    return [url for url in page_links(response) if on_site(url, domains) and is_article(url)]


def next_page_link(response, page: int, is_article: Callable[[str], bool]) -> str | None:
    """The link to listing page `page + 1` (the current page is `page`), or None."""
    want = str(page + 1)
    here = urlsplit(response.url)
    stem = re.sub(r"\.\w+$", "", here.path.rstrip("/"))
    best: tuple[int, str] | None = None
    for url in page_links(response):
        parts = urlsplit(url)
        if parts.hostname != here.hostname or url == response.url or is_article(url):
            continue
        score = 0
        if parts.path == here.path:
            names = [name for name, value in parse_qsl(parts.query) if value == want]
            score = 2 if any(_PAGE_PARAM.search(name) for name in names) else int(bool(names))
        elif (_DIGITS.sub("#", parts.path) == _DIGITS.sub("#", here.path)
              or parts.path.startswith((stem + "/", stem + "-"))):
            last = parts.path.rstrip("/").rsplit("/", 1)[-1]
            score = 2 if want in _DIGITS.findall(last) else 0
        if score and (best is None or score > best[0]):
            best = (score, url)
    return best[1] if best else numbered_link(response, want, is_article)


def numbered_link(response, want: str, is_article: Callable[[str], bool]) -> str | None:
    """An on-site link whose text is the page number: pagers that count by item offset
    (MasterCMS `&BRSR=15`) or by opaque tokens still print page numbers."""
    host = urlsplit(response.url).hostname
    for anchor in response.css("a[href]"):
        if " ".join(anchor.css("::text").getall()).strip() != want:
            continue
        url = response.urljoin(anchor.attrib["href"].strip())
        if urlsplit(url).hostname == host and url != response.url and not is_article(url):
            return url
    return None


def alternate_feeds(response) -> list[str]:
    """RSS and Atom feeds a page announces in its `<link rel="alternate">` elements."""
    feeds = []
    for link in response.xpath("//link[@href and @type]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = link.attrib["type"].split(";")[0].strip().lower()
        if "alternate" in rel and kind in FEED_TYPES:
            feeds.append(response.urljoin(link.attrib["href"].strip()))
    return list(dict.fromkeys(feeds))


def robots_sitemaps(text: str, base_url: str) -> list[str]:
    """The sitemap URLs of a robots.txt (`Sitemap:` lines, any case, anywhere)."""
    found = []
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == "sitemap" and value.split("#")[0].strip():
            found.append(urljoin(base_url, value.split("#")[0].strip()))
    return list(dict.fromkeys(found))


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
        return fallback_article_links(response, self.allowed_domains, self.is_article_link)

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
            yield from self.feed_requests(alternate_feeds(response), self.parse_feed,
                                          found=True)

    def discovery_failed(self, failure) -> None:
        """A feed, sitemap, robots.txt or home page looked for, not there: no failure of
        the site (nothing declared it), but counted."""
        self.crawler.stats.inc_value(f"newscrawler/{self.name}/discovery/unavailable")
        logger.info("%s: autodiscovery: %s (%s)", self.name, describe_failure(failure),
                    failure.request.url)
