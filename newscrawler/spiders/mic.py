"""mic.gov.vn: Cổng Thông tin điện tử Bộ Thông tin và Truyền thông, its 2020-2021 SharePoint
portal `mic_2020` (an archive: the live site is mst.gov.vn's VCCorp CMS, spider `mst`).

Sources (S1 = tpnanh/DACNTT2_N26:WebDB.sql, 2021-07-15; vn_sites.md §2.6; vn_sites_2026 §9):
- listing `https://www.mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/<catId>/<page>/<Slug>
  .html`, catIds 1747 Bưu chính, 1748 Viễn thông, 1749 CNTT, 1694 ATTT, 1751 CN ICT,
  1752 Báo chí (S1, 2021);
- article `…/Pages/TinTuc/<id>/<Slug>.html` or `…/Pages/TinTuc/tinchitiet.aspx?tintucid=<id>`
  (vn_sites.md §2.6, public code);
- title `//*[@id="news_content"]/div[1]/h1`, date `//*[@id="news_content"]/div[1]/div[1]
  /div[1]/div`, author `//*[@id="news_content"]/div[1]/p[1]/strong`, listing items
  `…g_915af12b…/div/div/h3/a` (S1, 2021);
- lead: `#divArticleDescription` holds the dateline "(Mic.gov.vn) –", the lead in a
  `<strong>` directly inside it, then an empty `<p>&nbsp;</p>` (a 2021-05/06 article
  copied into a 2023 SQL dump, idx:26739936300); S1's `#divArticleDescription/p` gives only
  that empty paragraph there (vn_sites_2026 §12), so the lead is the `strong`, or a `p`
  with text;
- body `#divArticleContent` (the container, so that images between paragraphs are kept;
  S1 and idx:26739936300);
- the ministry: Bộ Thông tin và Truyền thông until 2025-03-01, then merged into Bộ Khoa học
  và Công nghệ (Nghị quyết 176/2025/QH15, vn_sites.md §2.0); mic.gov.vn moved to the
  VCCorp CMS it shares with mst.gov.vn by 2024 (idx:55047140965, idx:14191498223).
ASSUMPTION: the URL slugs of the categories.
ASSUMPTION: the date layout "Thứ sáu, 14/03/2025 - 10:30".
ASSUMPTION: the "Theo ..." line closing the body.
ASSUMPTION: the breadcrumb `ul.breadcrumb li.active a` and the "Từ khóa" box `div.list-tags`.
ASSUMPTION: windows-1258 pages (a replica stress test required by an earlier issue, not
  evidence).
"""

from __future__ import annotations

from datetime import date

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint_pages import SharePointPagesSpider
from newscrawler.urls import UrlRules

_CATEGORY_SLUGS = {  # catIds from §2.6; slugs: ASSUMPTION
    "1747": "Buu-chinh", "1748": "Vien-thong", "1749": "Cong-nghe-thong-tin",
    "1694": "An-toan-thong-tin", "1751": "Cong-nghiep-ICT", "1752": "Bao-chi",
}
_MERGER = date(2025, 3, 1)


class MicSpider(SharePointPagesSpider):
    name = "mic"
    enabled = False
    status = "archive"
    status_reason = "SharePoint portal, evidence ends 2021-07-15; now = site mst"
    newest_evidence = "2021-07-15"
    publisher = "Cổng Thông tin điện tử Bộ Thông tin và Truyền thông"
    ministries = (
        Ministry("Bộ Thông tin và Truyền thông", until=_MERGER),
        Ministry("Bộ Khoa học và Công nghệ", since=_MERGER),
    )
    allowed_domains = ["mic.gov.vn"]
    url_rules = UrlRules(fold_www=False)  # the portal lives on www.mic.gov.vn (§2.6)
    listing_urls = [
        f"https://www.mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/{cat_id}/1/{slug}.html"
        for cat_id, slug in _CATEGORY_SLUGS.items()
    ]
    listing_page_path = r"/PhanTrang/\d+/(\d+)/"
    listing_link_css = 'div[id*="_g_915af12b"] > div > div > h3 > a::attr(href)'
    article_url_pattern = (
        r"^https?://(?:www\.)?mic\.gov\.vn/mic_2020/Pages/TinTuc/"
        r"(?:\d+/[A-Za-z0-9-]+\.html|tinchitiet\.aspx\?tintucid=\d+)$"
    )
    article_key_pattern = r"/TinTuc/(\d+)/"
    selectors = {
        "title": 'xpath://*[@id="news_content"]/div[1]/h1',
        "lead": ('xpath://*[@id="divArticleDescription"]/strong'
                 ' | //*[@id="divArticleDescription"]/p'),
        "published": 'xpath://*[@id="news_content"]/div[1]/div[1]/div[1]/div',
        "authors": 'xpath://*[@id="news_content"]/div[1]/p[1]/strong',
        "body": "#divArticleContent",
        "category": "ul.breadcrumb li.active a",  # ASSUMPTION
        "tags": "div.list-tags a",  # ASSUMPTION
    }
