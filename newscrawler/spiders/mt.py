"""mt.gov.vn: Cổng Thông tin điện tử Bộ Giao thông vận tải (Ministry of Transport).

Ministry: Bộ Giao thông vận tải until 2025-03-01, then merged into Bộ Xây dựng (Nghị quyết
176/2025/QH15, Nghị định 35/2025/NĐ-CP; research §2.0).

DISABLED (vn_sites_2026 §6): no evidence of the domain after 2021-12-14; vn_sites.md
§2.0 says the old domains of merged ministries (mpi, mic, mt, …) "may redirect, freeze or
vanish"; mt.gov.vn's state after the merger is unknown, so it is not
crawled by default (`newscrawler crawl mt` still runs it). The spider and its replica are
kept for the archive and for when the domain's fate is known.

Sources (the research notes (vn_sites.md) §2.0, §2.9; S1 = tpnanh/DACNTT2_N26:WebDB.sql,
2021-07-15):
- the shared SharePoint template (S1, [med]);
- listings `/vn/chuyen-muc/<id>/<slug>.aspx` for 856, 855, 877, 889, 858, 973, 1184; their
  slugs and labels (S1, not copied into vn_sites.md): 856 `hoat-dong-lanh-dao-` Hoạt động
  lãnh đạo, 855 `Tin-hoat-dong-nganh` Tin hoạt động ngành GTVT, 877 `dau-thau` Tin đấu
  thầu, 889 `thong-cao-bao-chi` Thông cáo báo chí, 858 `van-ban-moi-ban-hanh` Văn bản mới
  ban hành, 973 `Cong-trinh-giao-thong` Công trình giao thông, 1184 `tinvideo` Video;
- listing items `…_pnListNews/div/h3/a` (S1);
- title `#divArticleDescription3 h1`, sapo `#divArticleDescription1/p`, body
  `#divArticleDescription2/p/span/span`, date `…_pnHide/span`, author `…_pnNguontin/p/font`
  (S1);
- article URLs `https://mt.gov.vn/vn/tin-tuc/<id>/<slug>.aspx` (public links, 2021).
- article URLs confirmed by a link dated 2021-12-14 (idx:39607439825) and an `http://www.`
  link (idx:4865547760), slugs with double hyphens (vn_sites_2026 §6).
ASSUMPTION: pagination like most.gov.vn (`?page=N`, `.Paging select`; S1 does not page mt).
ASSUMPTION: the date layout "DD/MM/YYYY h:mm:ss SA|CH" (.NET's vi-VN culture).
ASSUMPTION: the breadcrumb; 1184 (Video) is left out: video items are no text articles.
"""

from __future__ import annotations

from datetime import date

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint import SharePointNewsSpider

MERGER = date(2025, 3, 1)


class MtSpider(SharePointNewsSpider):
    name = "mt"
    publisher = "Cổng Thông tin điện tử Bộ Giao thông vận tải"
    ministries = (Ministry("Bộ Giao thông vận tải", until=MERGER),
                  Ministry("Bộ Xây dựng", since=MERGER))
    enabled = False  # see the module docstring: the domain's fate after the merger is unknown
    status = "disabled"
    status_reason = ("the domain's state after the 2025-03-01 merger into Bộ Xây dựng is "
                     "unknown; evidence ends 2021-12-14")
    newest_evidence = "2021-12-14"
    allowed_domains = ["mt.gov.vn"]
    listing_urls = [
        f"https://mt.gov.vn/vn/chuyen-muc/{path}.aspx?page=1"
        for path in ("856/hoat-dong-lanh-dao-", "855/Tin-hoat-dong-nganh", "877/dau-thau",
                     "889/thong-cao-bao-chi", "858/van-ban-moi-ban-hanh",
                     "973/Cong-trinh-giao-thong")
    ]
    listing_link_css = '[id$="_pnListNews"] > div > h3 > a::attr(href)'
    article_url_pattern = r"^https://mt\.gov\.vn/vn/tin-tuc/\d+/[^/?#]+\.aspx$"
    article_key_pattern = r"/vn/tin-tuc/(\d+)/"
    selectors = {
        "title": "#divArticleDescription3 h1",
        "lead": "#divArticleDescription1",
        "body": "#divArticleDescription2",
        "published": '[id$="_pnHide"] > span',
        "authors": '[id$="_pnNguontin"] > p > font',
        "category": "div.breadcrumb > a:last-of-type",
    }
