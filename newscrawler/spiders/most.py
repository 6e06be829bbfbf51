"""most.gov.vn: Cổng Thông tin điện tử Bộ Khoa học và Công nghệ (Ministry of Science and
Technology; since 2025-03-01 it also holds the former Ministry of Information and
Communications, vn_sites.md §2.0).

ARCHIVE: after the 2025-03-01 merger the ministry publishes on mst.gov.vn (a VCCorp-family
CMS, vn_sites_2026 §5, §9, §14; spider `mst`); most.gov.vn's current state is undocumented
and its own evidence ends in 2025 (a 2025 crawler config notes "SSL issues",
idx:12618406675, inference). Kept for its back issues, not crawled by default.

Sources (vn_sites_2026 §5, compiled 2026-12-04; vn_sites.md §2.0, §2.9; S1 =
tpnanh/DACNTT2_N26:WebDB.sql, 2021-07-15):
- the shared SharePoint template (S1);
- listings `/vn/chuyen-muc/493/Tin-tong-hop.aspx?page=N` (Tin tổng hợp) and
  `/vn/chuyen-muc/570/Diem-bao-KHCN.aspx?page=N` (Điểm báo KH&CN), page list
  `.Paging select option/@value` (S1);
- listing items `…_pnListNews/div/div/a` (S1);
- two article generations: S1 (2021) has the title in `#divArticleDescription3 h1` and
  the date in `…_pnNguontin/p[1]/font`; a C# crawler (idx:62105976497, ≥2019) and the
  crawler of MOST's journal vjst.vn on the same template (idx:66157873719, 2025-2026)
  have `h1.News_Detail_Title` and the date in `span.News_Time_Post` as "<weekday>,
  DD/MM/YYYY …"; the spider reads both;
- sapo `#divArticleDescription1` (bare text), body `#divArticleDescription2 div p`, author
  in `…_pnNguontin/p/font` (S1) or `div.Author_Write_TG` (vjst, idx:66157873719);
- article URLs `https://www.most.gov.vn/vn/tin-tuc/<id>/<slug>.aspx` (idx:25854120081,
  2017; `www.` is folded by the URL rules).
ASSUMPTION: the 2021 generation's date text "Ngày DD/MM/YYYY HH:MM" (day first) and the
  time after the date in `span.News_Time_Post`.
ASSUMPTION: the author being the `font` of the `p`s after the date; the category from the
  breadcrumb; no RSS feed is known.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint import SharePointNewsSpider


class MostSpider(SharePointNewsSpider):
    name = "most"
    publisher = "Cổng Thông tin điện tử Bộ Khoa học và Công nghệ"
    ministries = (Ministry("Bộ Khoa học và Công nghệ"),)
    enabled = False
    status = "archive"
    status_reason = ("superseded by mst.gov.vn after the 2025-03-01 merger; most.gov.vn's "
                     "own evidence ends in 2025")
    newest_evidence = "2025-03-01"
    allowed_domains = ["most.gov.vn"]
    listing_urls = [
        "https://most.gov.vn/vn/chuyen-muc/493/Tin-tong-hop.aspx?page=1",
        "https://most.gov.vn/vn/chuyen-muc/570/Diem-bao-KHCN.aspx?page=1",
    ]
    listing_link_css = '[id$="_pnListNews"] > div > div > a::attr(href)'
    article_url_pattern = r"^https://most\.gov\.vn/vn/tin-tuc/\d+/[^/?#]+\.aspx$"
    article_key_pattern = r"/vn/tin-tuc/(\d+)/"
    selectors = {
        "title": "h1.News_Detail_Title, #divArticleDescription3 h1",
        "lead": "#divArticleDescription1",
        "body": "#divArticleDescription2",
        "published": 'span.News_Time_Post, [id$="_pnNguontin"] > p:first-child > font',
        "authors": '[id$="_pnNguontin"] > p + p > font, div.Author_Write_TG',
        "category": "div.breadcrumb > a:last-of-type",
    }
