"""moet.gov.vn: Cổng Thông tin điện tử Bộ Giáo dục và Đào tạo (SharePoint).

Sources (the research notes (vn_sites.md), compiled 2026):
- SharePoint platform (§2.0: `/Pages/*.aspx`, web-part ids `ctl00_…_g_<guid>`);
- listings `/tintuc/Pages/{thong-cao-bao-chi,Thongbao,tin-tong-hop}.aspx?date=&EventID=0
  &Page=N`, capital `Page`; RSS `/rss/Pages/index.aspx` (§2.9, public code);
- title `#news-title`, sapo `#news-des`, body `#news-detail/div/p`, listing items
  `…g_23a2051e…/div/div/div/ul/li/div/h2/a` (§2.9, S1 = 2021 snapshot);
- the ministry kept its name through the 2025-03-01 mergers (§2.0).

ASSUMPTIONS (not in the notes): the article URL `/tintuc/Pages/<page>.aspx?ItemID=<id>`;
the date line "Ngày đăng: M/D/YYYY h:mm:ss AM|PM" in `span.news-date`, month-first like the
SharePoint `%m/%d/%Y %I:%M:%S %p` style of §4.3 (hence `month_first_dates`); the byline and
"Theo ..." lines closing the body; the breadcrumb and the "Từ khóa" tag box; the RSS
address serving an RSS document. The body selector takes the `#news-detail > div`
container rather than its `p` children so that images between paragraphs are kept.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint_pages import SharePointPagesSpider


class MoetSpider(SharePointPagesSpider):
    name = "moet"
    publisher = "Cổng Thông tin điện tử Bộ Giáo dục và Đào tạo"
    ministries = (Ministry("Bộ Giáo dục và Đào tạo"),)
    allowed_domains = ["moet.gov.vn"]
    listing_urls = [
        f"https://moet.gov.vn/tintuc/Pages/{page}.aspx?date=&EventID=0&Page=1"
        for page in ("thong-cao-bao-chi", "Thongbao", "tin-tong-hop")
    ]
    feed_urls = ["https://moet.gov.vn/rss/Pages/index.aspx"]
    listing_page_param = "Page"
    listing_link_css = (
        'div[id*="_g_23a2051e"] > div > div > div > ul > li > div > h2 > a::attr(href)'
    )
    # `$` after the id keeps the print view (`&IsPrint=1`) out.
    article_url_pattern = (
        r"^https?://(?:www\.)?moet\.gov\.vn/tintuc/Pages/[A-Za-z-]+\.aspx\?ItemID=\d+$"
    )
    article_key_pattern = r"[?&]ItemID=(\d+)"
    month_first_dates = True  # ASSUMPTION, see the module doc
    selectors = {
        "title": "#news-title",
        "lead": "#news-des",
        "body": "#news-detail > div",
        "published": "span.news-date",  # ASSUMPTION
        "category": "div.breadcrumb > a:last-of-type",  # ASSUMPTION
        "tags": "div.news-tags a",  # ASSUMPTION
    }
