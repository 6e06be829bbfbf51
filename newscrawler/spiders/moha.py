"""moha.gov.vn: Cổng Thông tin điện tử Bộ Nội vụ (Ministry of Home Affairs; on 2025-03-01 it
absorbed the Ministry of Labour, Invalids and Social Affairs, vn_sites.md §2.0).

Sources:
- sections `/chuyen-muc/<slug>---id<id>`, articles `/tin-tuc/<slug>---id<id>`, listing
  links `a[href*='/tin-tuc/']` (`_moha_config` in idx:17886542170, 2026; vn_sites_2026 §14);
- article links written `/tin-tuc/<slug>---oid<id>`, the slug possibly ending in a dash
  (`…-nghi----oid57695`) or empty (`/tin-tuc/---oid57326`) (idx:58786395552 and
  idx:70156492657, 2026 holiday tables; idx:60368112704, ADR dated 2026-08-23), so the id
  marker is `id` or `oid` after three or more dashes;
- the 2021 listing `/tin-tuc-su-kien.html?page=N` (S1 = tpnanh/DACNTT2_N26:WebDB.sql,
  2021-07, vn_sites_2026 §14): the page number in `?page=`;
- title `#news_details … h1`, sapo `#show_description p`, date in the `p` under the title,
  body `#show_content`, author in bold in the content (S1 2021, vn_sites.md §2.9).
ASSUMPTION: the 2021 ids (`news_details`, `show_description`, `show_content`) still stand in
  2026, and the date is the first `p` after the title.
ASSUMPTION: the section pager is links with `?page=N` (as S1's 2021 listing); numbered or
  "next" only (see spiders/paged.py).
ASSUMPTION: the category is the breadcrumb's last `/chuyen-muc/` link; no tags, no feed.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.paged import PagedListingSpider


class MohaSpider(PagedListingSpider):
    name = "moha"
    publisher = "Cổng Thông tin điện tử Bộ Nội vụ"
    ministries = (Ministry("Bộ Nội vụ"),)
    platform = "moha portal"
    status = "current"
    newest_evidence = "2026-08-23"
    allowed_domains = ["moha.gov.vn"]
    listing_urls = [
        "https://moha.gov.vn/chuyen-muc/tin-noi-vu---id3",
        "https://moha.gov.vn/chuyen-muc/lao-dong-viec-lam---id12",
        "https://moha.gov.vn/chuyen-muc/thong-bao---id7",
    ]
    page_params = ("page",)
    listing_link_css = "a[href*='/tin-tuc/']::attr(href)"
    # `_moha_config` allows a trailing slash.
    article_url_pattern = r"^https://moha\.gov\.vn/tin-tuc/[a-z0-9-]*-{3,}o?id\d+/?$"
    article_key_pattern = r"-{3,}o?id(\d+)/?$"
    selectors = {
        "title": "#news_details h1",
        "lead": "#show_description p",
        "published": "#news_details h1 + p",
        "body": "#show_content",
        "category": ".breadcrumb a[href*='/chuyen-muc/']:last-child",
    }
