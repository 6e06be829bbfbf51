"""moc.gov.vn: Cổng Thông tin điện tử Bộ Xây dựng (Ministry of Construction; since
2025-03-01 it also holds the former Ministry of Transport, research §2.0).

Sources (the research notes (vn_sites.md) §2.0, §2.9; S1 = tpnanh/DACNTT2_N26:WebDB.sql,
2021-07-15):
- the shared SharePoint template (S1, [med]);
- listings `/vn/chuyen-muc/<id>/<slug>.aspx?page=N` for 1173, 1184, 1166, 1196; slugs (S1,
  not copied into vn_sites.md): 1173 `tin-hoat-dong`, 1184 `tin-tong-hop`, 1166
  `tin-cai-cach-hanh-chinh`, 1196 `Gioi-thieu-van-ban-moi`;
- listing items `…_pnListNews/div/ul/li/div/a`, pager links `…_PhanTrang_D/div/a` (S1);
  items as `<a href='http://moc.gov.vn/vn/tin-tuc/…'>` + `span.news_datetime` and `?page=N`
  paging, checked on the live site in a public 2026-08-08 audit note;
- title `#divArticleDescription3 h1`, sapo `#divArticleDescription1/p`, body
  `#divArticleDescription2/p`, date `…_pnHide/div[2]/span`, author `…_pnNguontin/p/font`
  (S1);
- article URLs `https://moc.gov.vn/vn/tin-tuc/<category id>/<id>/<slug>.aspx` (public
  links, 2025-2026); http links are folded to https by the URL rules.
xaydung.gov.vn/rss (§2.9) is not used: it is the merged ministry's new portal on another
domain, whose items link to xaydung.gov.vn pages, not to moc.gov.vn articles.
ASSUMPTIONS: the date layout "DD/MM/YYYY HH:MM"; the category names of 1173 and 1184 (S1's
labels contradict their slugs; the slugs are followed); the breadcrumb.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint import SharePointNewsSpider


class MocSpider(SharePointNewsSpider):
    name = "moc"
    publisher = "Cổng Thông tin điện tử Bộ Xây dựng"
    ministries = (Ministry("Bộ Xây dựng"),)
    allowed_domains = ["moc.gov.vn"]
    listing_urls = [
        f"https://moc.gov.vn/vn/chuyen-muc/{path}.aspx?page=1"
        for path in ("1173/tin-hoat-dong", "1184/tin-tong-hop", "1166/tin-cai-cach-hanh-chinh",
                     "1196/Gioi-thieu-van-ban-moi")
    ]
    listing_link_css = '[id$="_pnListNews"] > div > ul > li > div > a::attr(href)'
    article_url_pattern = r"^https://moc\.gov\.vn/vn/tin-tuc/\d+/\d+/[^/?#]+\.aspx$"
    article_key_pattern = r"/vn/tin-tuc/\d+/(\d+)/"
    selectors = {
        "title": "#divArticleDescription3 h1",
        "lead": "#divArticleDescription1",
        "body": "#divArticleDescription2",
        "published": '[id$="_pnHide"] > div:nth-of-type(2) > span',
        "authors": '[id$="_pnNguontin"] > p > font',
        "category": "div.breadcrumb > a:last-of-type",
    }
