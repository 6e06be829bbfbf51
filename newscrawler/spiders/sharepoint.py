"""The SharePoint news template shared by most.gov.vn, mt.gov.vn and moc.gov.vn.

Facts (the research notes (vn_sites.md) §2.0 and §2.9, source S1 = tpnanh/DACNTT2_N26:
WebDB.sql, last touched 2021-07-15; vn_sites_2026 §7):
- listings `/vn/chuyen-muc/<id>/<slug>.aspx?page=N`, and on moc also
  `/vn/Pages/chuyenmuctin.aspx?ChuyenmucID=&page=&tieude=` (2026-09-28, idx:70873076763):
  both carry the page in `page`;
- the page list is `//*[@class="Paging"]/select/option/@value` (most); S1 walks moc with
  the links of `…_PhanTrang_D/div/a` (S1, not copied into vn_sites.md);
- control ids `ctl00_SPWebPartManager1_g_<guid>_ctl00_<control>` whose guid differs per
  portal (S1), so selectors match the id's suffix: `[id$="_pnNguontin"]`.
ASSUMPTION: option values are page numbers (`?page=<value>`); a value that is a URL is
  followed as such.

The walk is one page at a time: the next page is the one the page list or pager names as
current + 1, so an incremental run stops early (NewsSpider's stale-page rule) and the page
limit counts real pages, although one page's `select` names every page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)


def page_of(url: str, param: str = "page") -> int:
    """The page number in `url`'s query (1 when absent or not a number)."""
    for name, value in parse_qsl(urlsplit(url).query):
        if name.lower() == param and value.isdigit():
            return int(value)
    return 1


def with_page(url: str, number: int, param: str = "page") -> str:
    """`url` with its page parameter set to `number` (other parameters kept)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() != param]
    query.append((param, str(number)))
    return urlunsplit(parts._replace(query=urlencode(query), fragment=""))


class SharePointNewsSpider(NewsSpider):
    platform = "SharePoint"
    page_param: ClassVar[str] = "page"
    page_list_css: ClassVar[str] = ".Paging select option::attr(value)"
    pager_link_css: ClassVar[str] = '[id$="_PhanTrang_D"] a::attr(href), .Paging a::attr(href)'

    def page_urls(self, response: Response) -> dict[int, str]:
        """Every listing page the current page names, by page number."""
        pages: dict[int, str] = {}
        for value in response.css(self.page_list_css).getall():
            value = value.strip()
            if value.isdigit():
                pages.setdefault(int(value), with_page(response.url, int(value),
                                                       self.page_param))
            elif value and not value.lower().startswith("javascript:"):
                url = response.urljoin(value)
                pages.setdefault(page_of(url, self.page_param), url)
        for href in response.css(self.pager_link_css).getall():
            href = href.strip()
            if href and not href.lower().startswith(("javascript:", "#")):
                url = response.urljoin(href)
                pages.setdefault(page_of(url, self.page_param), url)
        return pages

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        current = page_of(response.url, self.page_param)
        later = sorted(number for number in self.page_urls(response) if number > current)
        if not later:
            return ()
        return (self.page_urls(response)[later[0]],)
