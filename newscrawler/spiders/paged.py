"""Listing walks over plain pager links that carry the page number in the query.

Shared by moha.gov.vn (`?page=N`, S1 2021) and cema.gov.vn (`?p=N`, S1 2021): the next
page is whichever link on the page keeps the listing's own path and names page current + 1
in one of `page_params`. That holds for a numbered pager and for a lone "next" link alike,
so the spider does not depend on which pager markup a portal prints (the markup is
documented for neither).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar
from urllib.parse import parse_qsl, urlsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider


class PagedListingSpider(NewsSpider):
    page_params: ClassVar[tuple[str, ...]] = ("page",)

    def page_in(self, url: str) -> int:
        """The page number `url` names (1 when it names none)."""
        for name, value in parse_qsl(urlsplit(url).query):
            if name.lower() in self.page_params and value.isdigit():
                return int(value)
        return 1

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        here = urlsplit(response.url).path.rstrip("/")
        wanted = self.page_in(response.url) + 1
        for href in response.css("a::attr(href)").getall():
            href = href.strip()
            if not href or href.lower().startswith(("javascript:", "#", "mailto:")):
                continue
            url = response.urljoin(href)
            if urlsplit(url).path.rstrip("/") == here and self.page_in(url) == wanted:
                return (url,)
        return ()
