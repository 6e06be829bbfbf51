"""congthuong.vn: Báo Công Thương, the newspaper of the Ministry of Industry and Trade.

Sources (the research notes (vn_sites.md) §1 and §2.1, compiled 2026):
- categories `thoi-su, thuong-mai, cong-nghiep, hoi-nhap, ...` (public code, [med]);
- listing items `.article>h3>a` (public spider 9895299792);
- article URL `https://congthuong.vn/<slug>-<id>.html` (many public links, [high]);
- title `article.article h1`, date `span.bx-time` as `HH:MM | DD/MM/YYYY`,
  sapo `div.article-desc`, body `div.__MASTERCMS_CONTENT_BODY`, author `p.author`
  (S2 congthuong config 2019-2020; spiders 48417647467, 9895299792);
- breadcrumbs `.breadcrumb.breadcrumb-list li a span` (spiders);
- RSS `/rss/home.rss` (public code, [med]).
The top bar "Đường dây nóng: 0866.59.4498 - <weekday> DD/MM/YYYY HH:MM" is the current
time, never the article's date (§1 point 2).
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.mastercms import MasterCMSSpider


class CongthuongSpider(MasterCMSSpider):
    name = "congthuong"
    publisher = "Báo Công Thương"
    ministries = (Ministry("Bộ Công Thương"),)
    allowed_domains = ["congthuong.vn"]
    listing_urls = [
        f"https://congthuong.vn/{category}"
        for category in ("thoi-su", "thuong-mai", "cong-nghiep", "hoi-nhap", "thi-truong",
                         "doanh-nghiep", "xa-hoi")
    ]
    feed_urls = ["https://congthuong.vn/rss/home.rss"]
    listing_link_css = ".article > h3 > a::attr(href)"
    article_url_pattern = r"^https?://(?:www\.)?congthuong\.vn/[a-z0-9-]+-\d+\.html$"
    article_key_pattern = r"-(\d+)\.html$"
    selectors = {
        "title": "article.article h1",
        "published": "span.bx-time",
        "lead": "div.article-desc",
        "body": "div.__MASTERCMS_CONTENT_BODY",
        # `p.author` (spider 48417647467); `<p align="right"><strong>` is the MasterCMS
        # byline of thoibaonganhang's markup (research §1 point 4).
        "authors": "p.author, p[align=right] > strong",
        "category": ".breadcrumb.breadcrumb-list li:last-child a span",
        # ASSUMPTION: the notes document no tag markup for congthuong.vn.
        "tags": "div.article-tags a",
    }
