"""Server-rendered portals whose category pages link their next page (bvhttdl.gov.vn,
mofa.gov.vn): the walk follows that link, whatever its URL shape, until a page has none.
The URL shapes differ between and within these sites and are partly unknown (see each
site's module), so the spider never builds page URLs itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider


class NextLinkSpider(NewsSpider):
    next_link_css: ClassVar[str] = ""

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        link = (response.css(self.next_link_css).get() or "").strip()
        return (response.urljoin(link),) if link else ()

    def listing_links(self, response: Response) -> list[str]:
        # A page may link an article twice (thumbnail and title): once each.
        return list(dict.fromkeys(super().listing_links(response)))
