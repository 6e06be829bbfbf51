"""MasterCMS, the CMS of congthuong.vn, thoibaonganhang.vn and haiquanonline.com.vn.

Facts (the research notes (vn_sites.md) §1, §2.0, §2.1, checked 2026-11):
- the pager is `div.grNextPage.__MB_ARTICLE_PAGING`; its next-page link is the
  second-to-last `a` (two independent public Scrapy spiders use
  `//div[@class="grNextPage __MB_ARTICLE_PAGING lt"]//a[last()-1]/@href`);
- the body is `div.__MASTERCMS_CONTENT_BODY`, images sit in `table.MASTERCMS_TPL_TABLE`
  with the caption in the 2nd row, the author closes the article.
"""

from __future__ import annotations

from collections.abc import Iterable

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider


class MasterCMSSpider(NewsSpider):
    platform = "MasterCMS"
    pager_css = "div.grNextPage.__MB_ARTICLE_PAGING"

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        links = response.css(f"{self.pager_css} a")
        if len(links) < 2:
            return ()
        href = links[-2].attrib.get("href")
        return (response.urljoin(href),) if href else ()
