"""Liferay portals with Asset Publisher portlets: moh.gov.vn (and moit.gov.vn until ~2021),
sbv.gov.vn (Liferay 7).

Facts:
- a portlet's parameters are namespaced by its instance: listing page N is
  `?p_p_id=101_INSTANCE_<x>&…&_101_INSTANCE_<x>_delta=20&…&_101_INSTANCE_<x>_cur=N`, and the
  instance id `<x>` differs from page to page, so it is read from the page, never
  hard-coded (2021-07, vn_sites.md §2.9 S1; vn_sites_2026 §10, idx:43632364874);
- the pager: the search container's page iterator `…_ocerSearchContainerPageIterator`
  (2021, S1's moit pager XPath) or a next button reading "Tiếp theo" (~2023, vn_sites_2026
  §10, idx:49334494293); the next page is found by its `_cur=N+1` link, whichever markup;
- listing links may exist only as `onclick="location.href='…'"` on a `div` (2026,
  vn_sites_2026 §10, idx:17450655753): `listing_links` reads them too.

ASSUMPTION: asset links carry `inheritRedirect` and `redirect` (the listing the reader
  came from) in their query, as Liferay's asset publisher writes them; they select no
  content, so they are dropped like tracking parameters (`url_rules`).
ASSUMPTION: an article page reached under a URL the spider cannot fold by itself (the
  journal friendly URL `/web/guest/-/<slug>`) names its canonical URL in `<link
  rel="canonical">`; the record takes that URL when it is an article URL of the site, and
  the friendly URL becomes an alias in the crawl state.
ASSUMPTION: an asset's URL title (the slug) is unique within the site, as Liferay keeps
  journal URL titles unique per site: a run requests one URL per slug.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)

# Lower case: tracking parameter names are compared lower-cased (urls.py).
NAVIGATION_PARAMS = ("redirect", "inheritredirect")
# `location.href='…'` (or "…", or window.location) in an onclick handler.
ONCLICK_HREF = re.compile(r"""location(?:\.href)?\s*=\s*(['"])(.+?)\1""")
# Liferay 6.2 names an asset publisher instance `101_INSTANCE_<x>`, Liferay 7
# `com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_<x>`
# (ncov.moh.gov.vn, 2021, vn_sites_2026 §10, idx:43836721312); group 1 is the portlet id.
_CUR_PARAM = re.compile(
    r"^_((?:101|com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet)"
    r"_INSTANCE_[A-Za-z0-9]+)_cur$")
NEXT_LABELS = ("tiếp theo", "tiếp", "next", "›", "»")
_ASSET_SLUG = re.compile(r"/(?:content|web/guest/-)/([^/]+)$")
FRIENDLY_PREFIX = "/web/guest/-/"


def asset_slug(url: str) -> str | None:
    """The URL title of an asset URL (`…/content/<slug>` or `/web/guest/-/<slug>`)."""
    match = _ASSET_SLUG.search(urlsplit(url).path)
    return match.group(1) if match else None


class LiferaySpider(NewsSpider):
    platform = "Liferay"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._slug_urls: dict[str, str] = {}  # URL title -> the URL requested for it
        self._seen_friendly: set[str] = set()  # URL titles met as friendly URLs this run

    def article_request(self, url: str, pending: bool = False):
        slug = asset_slug(url)
        if slug:  # resumed pending URLs come this way only
            self._slug_urls.setdefault(slug, url)
            if FRIENDLY_PREFIX in url:
                self._seen_friendly.add(slug)
        return super().article_request(url, pending)

    def article_requests(self, urls: Iterable[str]) -> list:
        """One URL per URL title and run, met once: an article linked both by its asset
        URL and by its friendly URL is fetched once (the friendly page names the asset
        URL), and a friendly URL is not recorded as pending again while its fetch is
        under way (the crawl state learns it as an alias only at the end of the run)."""
        kept = []
        for url in urls:
            canonical = self.canonical_article_url(url)
            slug = asset_slug(canonical) if canonical else None
            first = self._slug_urls.setdefault(slug, canonical) if slug else canonical
            # A repeated asset URL is left to the base rules (known, re-check, dupefilter).
            if first != canonical or (slug in self._seen_friendly):
                self.crawler.stats.inc_value(f"newscrawler/{self.name}/links_same_asset")
                continue
            if canonical and FRIENDLY_PREFIX in canonical:
                self._seen_friendly.add(slug)
            kept.append(url)
        return super().article_requests(kept)

    def listing_links(self, response: Response) -> list[str]:
        """The `listing_link_css` links and the `onclick` links, in page order."""
        anchor_css = self.listing_link_css.replace("::attr(href)", "")
        anchors = {node.root for node in response.css(anchor_css)}
        links = []
        for node in response.css(f"{anchor_css}, [onclick]"):
            href = node.attrib.get("href") if node.root in anchors else None
            if href:
                links.append(response.urljoin(href.strip()))
            match = ONCLICK_HREF.search(node.attrib.get("onclick", ""))
            if match:
                links.append(response.urljoin(match.group(2).strip()))
        return links

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        """The link of page `page + 1` of this listing's asset publisher: a link to the
        same path whose `_<portlet>_cur` is page + 1 (`<portlet>` a Liferay 6.2 or 7
        asset publisher instance), the portlet the link's own `p_p_id` names (when it
        names one). A next button is preferred to
        a page number; both lead to the same page."""
        path = urlsplit(response.url).path
        candidates = []
        for anchor in response.xpath("//a[@href]"):
            url = response.urljoin(anchor.attrib["href"])
            parts = urlsplit(url)
            if parts.path != path or not parts.query:
                continue
            query = parse_qs(parts.query)
            for name, values in query.items():
                match = _CUR_PARAM.match(name)
                if not match or values != [str(page + 1)]:
                    continue
                if query.get("p_p_id", [match.group(1)]) != [match.group(1)]:
                    continue
                label = " ".join(anchor.xpath("string()").get().split()).lower()
                candidates.append((label not in NEXT_LABELS, url))
        return (min(candidates)[1],) if candidates else ()

    def build_article(self, response, fields, provenance, fetched_at):
        article = super().build_article(response, fields, provenance, fetched_at)
        named = fields.get("canonical_url")
        if named and named != response.url:
            canonical = self.canonical_article_url(named)
            if canonical and self.canonical_article_url(response.url) != canonical:
                article = replace(article, url=canonical)
        return article
