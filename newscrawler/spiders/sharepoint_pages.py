"""Plain SharePoint portals whose listings take the page number in the URL.

Facts (the research notes (vn_sites.md) §2.0, §2.6, §2.9; S1 = a 2021 crawler config):
SharePoint portals (`/Pages/*.aspx`, web parts with ids `ctl00_…_g_<guid>`) page their news
lists by a URL part: a query parameter (`moet.gov.vn …aspx?date=&EventID=0&Page=N`, capital
`Page`; `moj.gov.vn …&Page=N`; `baohiemxahoi.gov.vn …&Page=N`) or a path segment
(`mic.gov.vn …/ChuyenMuc/PhanTrang/<catId>/<page>/<Slug>.html`). The notes document no
pager markup for them, so the next page is computed from the URL rather than read from a
pager, and a walk stops at the first page that brings no article link it has not already
seen (an empty page past the end, or a portal repeating its last page). Links are compared
by their canonical URL (tracking parameters and fragments removed), never as written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)


class SharePointPagesSpider(NewsSpider):
    platform = "SharePoint"
    # Exactly one of the two: the query parameter holding the page number (case matters:
    # SharePoint reads `Page`, not `page`), or a regex whose group 1 is the page number in
    # the path.
    listing_page_param: ClassVar[str | None] = None
    listing_page_path: ClassVar[str | None] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_path_re = re.compile(self.listing_page_path or r"$^")
        self._walk_links: dict[str, set[str]] = {}  # listing walk -> article links seen

    def listing_page_url(self, url: str, page: int) -> str | None:
        """`url` (a page of a listing) turned into the URL of page `page`."""
        parts = urlsplit(url)
        if self.listing_page_param:
            query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                     if k != self.listing_page_param]
            query.append((self.listing_page_param, str(page)))
            return urlunsplit(parts._replace(query=urlencode(query)))
        match = self._page_path_re.search(parts.path)
        if match is None:
            return None
        path = f"{parts.path[:match.start(1)]}{page}{parts.path[match.end(1):]}"
        return urlunsplit(parts._replace(path=path))

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        walk = self.listing_page_url(response.url, 1) or response.url
        seen = self._walk_links.setdefault(walk, set())
        # Canonical URLs, as article_requests() tests them: a link with tracking
        # parameters or a fragment is the same article, not "no article".
        links = {self.canonical_article_url(response.urljoin(link.strip()))
                 for link in response.css(self.listing_link_css).getall()}
        new = links - {None} - seen
        if not new:
            logger.debug("%s: listing walk ends at page %d (%s)", self.name, page, response.url)
            return ()
        seen |= new
        next_url = self.listing_page_url(response.url, page + 1)
        return (next_url,) if next_url else ()
