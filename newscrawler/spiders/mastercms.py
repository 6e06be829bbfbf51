"""MasterCMS, the CMS of congthuong.vn, thoibaonganhang.vn and haiquanonline.com.vn.

Facts (vn_sites_2026 §1, §2, compiled 2026-12-04):
- the pager is `div.grNextPage.__MB_ARTICLE_PAGING lt`; its next-page link is the
  second-to-last `a` (two public Scrapy spiders, idx:48417647467, idx:48741293469, use
  `//div[@class="grNextPage __MB_ARTICLE_PAGING lt"]//a[last()-1]/@href`);
- listing pages are `<category>&s_cond=&BRSR=<offset>`: a path holding `&` with no `?`,
  offset step 15 or 20, `BRSR=0` = page 1 (five MasterCMS sites 2023-2026:
  idx:65759427366, idx:33167285917, idx:69504469829 (2026-09), idx:32520872935,
  idx:26106354540); the spider follows the pager, so either step works;
- the body is `div.__MASTERCMS_CONTENT_BODY` (congthuong) or `div.__MASTERCMS_CONTENT`,
  images sit in `table.MASTERCMS_TPL_TABLE` with the caption in the 2nd row.
ASSUMPTION: what the last page's pager shows is undocumented: "›" may be gone (the
  2nd-last link points backwards), point at the page itself or one step past the end. The
  spider follows the 2nd-last link only when its BRSR offset is beyond the current one,
  and the walk ends at a page with no pager (an empty page past the end).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider


def brsr_offset(url: str) -> int | None:
    """The `BRSR` offset of a MasterCMS listing URL (0 for a bare category path; None
    for a URL that pages some other way, e.g. a query)."""
    parts = urlsplit(url)
    if parts.query:
        return None
    _, amp, params = parts.path.partition("&")
    if not amp:
        return 0
    values = parse_qs(params, keep_blank_values=True).get("BRSR") or [""]
    return int(values[0]) if values[0].isdigit() else None


class MasterCMSSpider(NewsSpider):
    platform = "MasterCMS"
    pager_css = "div.grNextPage.__MB_ARTICLE_PAGING"

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        links = response.css(f"{self.pager_css} a")
        if len(links) < 2:
            return ()
        href = (links[-2].attrib.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            return ()
        url = response.urljoin(href)
        here, there = brsr_offset(response.url), brsr_offset(url)
        if here is not None and there is not None and there <= here:
            return ()  # the last page: its 2nd-last link points back or at itself
        return () if url == response.url else (url,)
