"""most.gov.vn: Cổng Thông tin điện tử Bộ Khoa học và Công nghệ (Ministry of Science and
Technology; since 2025-03-01 it also holds the former Ministry of Information and
Communications, research §2.0).

Sources (the research notes (vn_sites.md) §2.0, §2.9; S1 = tpnanh/DACNTT2_N26:WebDB.sql,
2021-07-15):
- the shared SharePoint template (S1, [med]);
- listings `/vn/chuyen-muc/493/Tin-tong-hop.aspx?page=N` (Tin tổng hợp) and
  `/vn/chuyen-muc/570/Diem-bao-KHCN.aspx?page=N` (Điểm báo KH&CN), page list
  `.Paging select option/@value` (S1);
- listing items `…_pnListNews/div/div/a` (S1, not copied into vn_sites.md);
- title `#divArticleDescription3 h1`, sapo `#divArticleDescription1` (bare text), body
  `#divArticleDescription2 div p`, date in `…_pnNguontin/p[1]/font`, author in
  `…_pnNguontin/p/font` (S1; one older S1 version reads the date from `…_pnHide/div[1]/
  span`);
- article URLs `https://www.most.gov.vn/vn/tin-tuc/<id>/<slug>.aspx` (public links, 2017;
  `www.` is folded by the URL rules).
ASSUMPTIONS: the date layout "Ngày DD/MM/YYYY HH:MM" (day first); the author being the
`font` of the following `p`s; the category from the breadcrumb; no RSS feed is known.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint import SharePointNewsSpider


class MostSpider(SharePointNewsSpider):
    name = "most"
    publisher = "Cổng Thông tin điện tử Bộ Khoa học và Công nghệ"
    ministries = (Ministry("Bộ Khoa học và Công nghệ"),)
    allowed_domains = ["most.gov.vn"]
    listing_urls = [
        "https://most.gov.vn/vn/chuyen-muc/493/Tin-tong-hop.aspx?page=1",
        "https://most.gov.vn/vn/chuyen-muc/570/Diem-bao-KHCN.aspx?page=1",
    ]
    listing_link_css = '[id$="_pnListNews"] > div > div > a::attr(href)'
    article_url_pattern = r"^https://most\.gov\.vn/vn/tin-tuc/\d+/[^/?#]+\.aspx$"
    article_key_pattern = r"/vn/tin-tuc/(\d+)/"
    selectors = {
        "title": "#divArticleDescription3 h1",
        "lead": "#divArticleDescription1",
        "body": "#divArticleDescription2",
        "published": '[id$="_pnNguontin"] > p:first-child > font',
        "authors": '[id$="_pnNguontin"] > p + p > font',
        "category": "div.breadcrumb > a:last-of-type",
    }
