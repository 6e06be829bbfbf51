"""mae.gov.vn: Cổng Thông tin điện tử Bộ Nông nghiệp và Môi trường (formed on 2025-03-01
from the Ministry of Agriculture and Rural Development and the Ministry of Natural
Resources and Environment; vn_sites.md §2.0, dantri.com.vn 2025-10-27).

Sources:
- sections `/chuyen-muc/<slug>-<id>.htm` (`/chuyen-muc/tin-tong-hop-300.htm`,
  idx:61997304903; vn_sites_2026 §14 row mae.gov.vn);
- articles `/<slug>-<id>.htm` or `/tin-<…>/<slug>-<id>.htm` (also `/tin-tuc--su-kien/…`),
  never under `/chuyen-muc`, `/gioi-thieu`, `/Pages`, `/lien-ket`, `/van-ban`; listing
  links `a.item-tintuc`; refusal pages "Thông báo từ chối truy cập" and "Hệ thống đang gặp
  vấn đề khi xử lý yêu cầu của bạn" (`_mae_config` in idx:17886542170, 2026, by year only:
  newest_evidence takes its first day; vn_sites_2026 §14);
ASSUMPTION: section pager links with `?page=N`, numbered or a lone "next" (spiders/paged.py).
ASSUMPTION: detail markup (no source gives it): title `h1`, sapo `.sapo` or `.detail-sapo`,
  date `.date` or `.time-post`, body `.detail-content` or `.content-detail`; the category
  is the breadcrumb's last link; no tags, no feed.
ASSUMPTION: sections other than tin-tong-hop-300 and their ids.
"""

from __future__ import annotations

from datetime import date

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.paged import PagedListingSpider

_ARTICLE = (r"^https://mae\.gov\.vn/(?:(?:tin-[^/]+|tin-tuc--su-kien)/)?"
            r"(?!chuyen-muc|gioi-thieu|Pages|lien-ket|van-ban)[^/]+-\d+\.htm$")


class MaeSpider(PagedListingSpider):
    name = "mae"
    publisher = "Cổng Thông tin điện tử Bộ Nông nghiệp và Môi trường"
    ministries = (Ministry("Bộ Nông nghiệp và Môi trường", since=date(2025, 3, 1)),)
    platform = "mae portal"
    status = "current"
    newest_evidence = "2026-01-01"
    allowed_domains = ["mae.gov.vn"]
    listing_urls = [
        "https://mae.gov.vn/chuyen-muc/tin-tong-hop-300.htm",
        "https://mae.gov.vn/chuyen-muc/hoat-dong-cua-lanh-dao-bo-301.htm",
        "https://mae.gov.vn/chuyen-muc/thong-bao-302.htm",
    ]
    page_params = ("page",)
    listing_link_css = "a.item-tintuc::attr(href)"
    article_url_pattern = _ARTICLE
    article_key_pattern = r"-(\d+)\.htm$"
    block_markers = {"access-denied": ("Thông báo từ chối truy cập",
                                       "Hệ thống đang gặp vấn đề khi xử lý yêu cầu của bạn")}
    selectors = {
        "title": "h1",
        "lead": ".sapo, .detail-sapo",
        "published": ".date, .time-post",
        "body": ".detail-content, .content-detail",
        "category": ".breadcrumb a:last-child",
    }
