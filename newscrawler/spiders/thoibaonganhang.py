"""thoibaonganhang.vn: Thời báo Ngân hàng, the newspaper of the State Bank of Vietnam.

Sources (the research notes (vn_sites.md), compiled 2026):
- MasterCMS, like congthuong.vn and haiquanonline.com.vn (§2.0 "Platforms seen", S2);
- date markup `<span class="datetime"><span class="format_time">09:00</span> |
  <span class="format_date">10/03/2021</span></span>` (§1 point 3, real 2021 markup;
  2019: `//div[@class='tool']/i`, §2.10);
- sapo `p.detail-sapo` (2021; 2019 `//div[@class='sabo']/p`), body `__MASTERCMS_CONTENT`
  (2019 `//div[@class='detail_info ']`) (§2.10, S2 2019-2020 and 2021 markup);
- byline `<p align="right"><strong>…` closing the article (§1 point 4), read by the
  extraction chain's trailing-attribution rule;
- the State Bank (Ngân hàng Nhà nước Việt Nam) kept its name in the 2025-03-01 mergers (§2.0).

ASSUMPTIONS (the notes lack them): the URL scheme `/<slug>-<id>.html` and the `?page=N`
listings, pager and `/rss/home.rss` feed shared with congthuong.vn's MasterCMS; the category
slugs; the title `h1.detail-title`; the listing item, breadcrumb and tag markup.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.mastercms import MasterCMSSpider


class ThoibaonganhangSpider(MasterCMSSpider):
    name = "thoibaonganhang"
    publisher = "Thời báo Ngân hàng"
    ministries = (Ministry("Ngân hàng Nhà nước Việt Nam"),)
    allowed_domains = ["thoibaonganhang.vn"]
    listing_urls = [
        f"https://thoibaonganhang.vn/{category}"
        for category in ("ngan-hang", "tai-chinh", "doanh-nghiep", "thoi-su", "quoc-te")
    ]
    feed_urls = ["https://thoibaonganhang.vn/rss/home.rss"]
    listing_link_css = ".list-news h3 a::attr(href)"
    article_url_pattern = r"^https?://(?:www\.)?thoibaonganhang\.vn/[a-z0-9-]+-\d+\.html$"
    article_key_pattern = r"-(\d+)\.html$"
    selectors = {
        "title": "h1.detail-title",
        "published": "span.datetime",
        "lead": "p.detail-sapo",
        "body": "div.__MASTERCMS_CONTENT",
        "category": ".breadcrumb a.actived span",
        "tags": "div.detail-tags a",
    }
