"""thanhtra.gov.vn: Cổng Thông tin điện tử Thanh tra Chính phủ (Government Inspectorate).

Sources:
- a Liferay portal; articles `/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//Content/
  <slug>?<id>`, the query id required: it is part of the article's identity, so the URL
  keeps its bare query (`_thanhtra_config` in idx:17886542170, 2026, by year only:
  newest_evidence takes its first day; vn_sites_2026 §14 row thanhtra.gov.vn);
- Liferay listings page by `_<portlet instance>_cur=N` (vn_sites.md §2.9 S1 for moh/moit,
  2021; spiders/liferay.py).
ASSUMPTION: sections `/web/guest/<slug>` (tin-tuc-su-kien, hoat-dong-thanh-tra,
  tiep-cong-dan); their pager a `_…_cur=N` link or a plain `?page=N` link.
ASSUMPTION: listing links are any link to the detail URL shape; detail markup (no source
  gives it): title `h1.title-news` or `.asset-full-content h3.header-title`, date
  `.date-news` or `.news-date`, sapo `.sapo-news` or `.news-sapo`, body `.content-news` or
  `.journal-content-article`; category the breadcrumb's last link; no tags, no feed.
ASSUMPTION: not the Liferay base (spiders/liferay.py): it folds an asset to its slug, while
  here the id in the query names the article.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.paged import PagedListingSpider


class ThanhtraSpider(PagedListingSpider):
    name = "thanhtra"
    publisher = "Cổng Thông tin điện tử Thanh tra Chính phủ"
    ministries = (Ministry("Thanh tra Chính phủ"),)
    platform = "Liferay"
    status = "current"
    newest_evidence = "2026-01-01"
    allowed_domains = ["thanhtra.gov.vn"]
    listing_urls = [f"https://thanhtra.gov.vn/web/guest/{slug}"
                    for slug in ("tin-tuc-su-kien", "hoat-dong-thanh-tra", "tiep-cong-dan")]
    listing_link_css = "a[href*='/xem-chi-tiet-tin-tuc/']::attr(href)"
    article_url_pattern = (r"^https://thanhtra\.gov\.vn/web/guest/xem-chi-tiet-tin-tuc/-/"
                           r"asset_publisher//Content/[a-z0-9-]+\?\d+$")
    article_key_pattern = r"\?(\d+)$"
    selectors = {
        "title": "h1.title-news, .asset-full-content h3.header-title",
        "lead": ".sapo-news, .news-sapo",
        "published": ".date-news, .news-date",
        "body": ".content-news, .journal-content-article",
        "category": ".breadcrumb a:last-child",
    }

    def page_in(self, url: str) -> int:
        for name, value in parse_qsl(urlsplit(url).query):
            if (name.lower() == "page" or name.endswith("_cur")) and value.isdigit():
                return int(value)
        return 1
