"""mic.gov.vn: Cổng Thông tin điện tử Bộ Thông tin và Truyền thông (SharePoint).

Sources (the research notes (vn_sites.md), compiled 2026):
- listing `https://www.mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/<catId>/<page>/<Slug>
  .html`, catIds 1747 Bưu chính, 1748 Viễn thông, 1749 CNTT, 1694 ATTT, 1751 CN ICT,
  1752 Báo chí (§2.6, S1 = 2021 snapshot);
- article `…/Pages/TinTuc/<id>/<Slug>.html` or `…/Pages/TinTuc/tinchitiet.aspx?tintucid=<id>`
  (§2.6, public code);
- selectors (§2.6, S1 2021): title `//*[@id="news_content"]/div[1]/h1`, sapo
  `//*[@id="divArticleDescription"]/p`, date `//*[@id="news_content"]/div[1]/div[1]/div[1]
  /div`, author `//*[@id="news_content"]/div[1]/p[1]/strong`, body
  `//*[@id="divArticleContent"]/p`, listing items `…g_915af12b…/div/div/h3/a`;
- the ministry: Bộ Thông tin và Truyền thông until 2025-03-01, then merged into Bộ Khoa học
  và Công nghệ (Nghị quyết 176/2025/QH15, §2.0).

Disabled: after the merger the old domain "may redirect, freeze or vanish" (§2.0); its
spider and replica stay so that the archive can still be crawled on demand.

ASSUMPTIONS (not in the notes): the URL slugs of the categories; the date layout
"Thứ sáu, 14/03/2025 - 10:30"; the "Theo ..." line closing the body; the breadcrumb and the
"Từ khóa" tag box. The replica serves windows-1258 (an issue requirement, not a documented
fact). The body selector takes the `#divArticleContent` container rather than its `p`
children so that images between paragraphs are kept.
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
    enabled = False  # the domain may redirect, freeze or vanish after 2025-03-01 (§2.0)
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
        "lead": 'xpath://*[@id="divArticleDescription"]/p',
        "published": 'xpath://*[@id="news_content"]/div[1]/div[1]/div[1]/div',
        "authors": 'xpath://*[@id="news_content"]/div[1]/p[1]/strong',
        "body": "#divArticleContent",
        "category": "ul.breadcrumb li.active a",  # ASSUMPTION
        "tags": "div.list-tags a",  # ASSUMPTION
    }
