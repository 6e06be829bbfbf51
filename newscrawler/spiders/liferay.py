"""Liferay portals with Asset Publisher portlets: moh.gov.vn (and moit.gov.vn until ~2021).

Facts (the research notes (vn_sites.md) §2.0 "Platforms seen", §2.2, §2.9, S1 2021):
- a portlet's parameters are namespaced by its instance: listing page N is
  `?p_p_id=101_INSTANCE_<x>&…&_101_INSTANCE_<x>_delta=20&…&_101_INSTANCE_<x>_cur=N`, and the
  instance id `<x>` differs from page to page, so it is read from the page, never hard-coded;
- the pager is the search container's page iterator `…_ocerSearchContainerPageIterator`
  (S1's moit pager XPath `…_ocerSearchContainerPageIterator/div/ul//a/@href`, 2021).

ASSUMPTION (not in the notes): asset links carry `inheritRedirect` and `redirect` (the
listing the reader came from) in their query, as Liferay's asset publisher writes them; they
select no content, so they are removed before an article URL is matched and requested —
otherwise every listing page would give the same article a new URL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

import scrapy
from scrapy.http import Response
from w3lib.url import url_query_cleaner

from newscrawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)

PAGE_ITERATOR_SUFFIX = "ocerSearchContainerPageIterator"


class LiferaySpider(NewsSpider):
    platform = "Liferay"
    # Query parameters of asset links that only say where the reader came from.
    navigation_params: tuple[str, ...] = ("redirect", "inheritRedirect")

    def article_requests(self, urls: Iterable[str]) -> Iterable[scrapy.Request]:
        cleaned = (url_query_cleaner(url, self.navigation_params, remove=True) for url in urls)
        return super().article_requests(cleaned)

    def is_article_link(self, url: str) -> bool:
        return super().is_article_link(url_query_cleaner(url, self.navigation_params,
                                                         remove=True))

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        """The link of page `page + 1` in the main portlet's page iterator. The portlet
        namespace (`_101_INSTANCE_<x>_`) comes from the iterator's id on this very page."""
        iterators = response.xpath(
            f'//div[substring(@id, string-length(@id) - {len(PAGE_ITERATOR_SUFFIX) - 1})'
            f' = "{PAGE_ITERATOR_SUFFIX}"]'
        )
        for iterator in iterators:
            portlet_namespace = iterator.attrib["id"].removesuffix(PAGE_ITERATOR_SUFFIX)
            for href in iterator.css("a::attr(href)").getall():
                if href.startswith("javascript:"):
                    continue
                url = response.urljoin(href)
                query = parse_qs(urlsplit(url).query)
                if query.get(f"{portlet_namespace}cur") == [str(page + 1)]:
                    return (url,)
        return ()
