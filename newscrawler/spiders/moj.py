"""moj.gov.vn: Cổng Thông tin điện tử Bộ Tư pháp (Ministry of Justice).

Sources:
- a SharePoint portal (`/Pages/*.aspx`, web parts `ctl00_…_g_<guid>`; vn_sites.md §2.0);
- `_moj_config` is dated 2026 by year only: newest_evidence takes its first day;
- articles `/qt/tintuc/Pages/<slug>.aspx?ItemID=<id>`, listing links `a[href*='ItemID=']`
  (`_moj_config` in idx:17886542170, 2026; vn_sites_2026 §14 row moj.gov.vn): the ItemID
  is the article's identity, the page name before it is not;
- sections `/qt/tintuc/Pages/{van-ban-chinh-sach-moi,chi-dao-dieu-hanh}.aspx?Date=&Page=N`,
  the page number in `Page` (S1 = tpnanh/DACNTT2_N26:WebDB.sql, 2021-07, vn_sites.md
  §2.9), so the next page is computed from the URL (spiders/sharepoint_pages.py);
- title the `h1` inside web part `g_7165e992…`, with the date in a `span` and the sapo in
  a `div` beside it (S1 2021, vn_sites.md §2.9).
ASSUMPTION: the date `span` and the sapo `div.sapo` follow the `h1` as its siblings; the
  body is SharePoint's rich text field `.ms-rtestate-field` (§2.0 names it).
ASSUMPTION: a third section `hoat-dong-cua-lanh-dao-bo`; the category is the breadcrumb's
  last link; no tags, no feed.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint_pages import SharePointPagesSpider


class MojSpider(SharePointPagesSpider):
    name = "moj"
    publisher = "Cổng Thông tin điện tử Bộ Tư pháp"
    ministries = (Ministry("Bộ Tư pháp"),)
    status = "current"
    newest_evidence = "2026-01-01"
    allowed_domains = ["moj.gov.vn"]
    listing_urls = [
        f"https://moj.gov.vn/qt/tintuc/Pages/{slug}.aspx?Date=&Page=1"
        for slug in ("van-ban-chinh-sach-moi", "chi-dao-dieu-hanh", "hoat-dong-cua-lanh-dao-bo")
    ]
    listing_page_param = "Page"
    listing_link_css = "a[href*='ItemID=']::attr(href)"
    article_url_pattern = r"^https://moj\.gov\.vn/qt/tintuc/Pages/[A-Za-z0-9-]+\.aspx\?ItemID=\d+$"
    article_key_pattern = r"[?&]ItemID=(\d+)$"
    selectors = {
        "title": "[id*='g_7165e992'] h1",
        "lead": "[id*='g_7165e992'] h1 ~ div.sapo",
        "published": "[id*='g_7165e992'] h1 ~ span",
        "body": "[id*='g_7165e992'] .ms-rtestate-field",
        "category": ".breadcrumb a:last-child",
    }
