"""mst.gov.vn: Cổng Thông tin điện tử Bộ Khoa học và Công nghệ, on the VCCorp-family CMS
that mic.gov.vn moved to before the 2025-03-01 merger; mic.gov.vn serves the same site.

Sources (vn_sites_2026 §9, §14):
- article URLs `https://mst.gov.vn/<slug>-197<YYMMDDhhmmss><0-3 digits>.htm`: 18 digits
  (idx:70400660355, 2025-01; idx:71353710595, 2026-03-29; idx:71046867293, 2026-09-09),
  17 digits (idx:55047140965, 2024-04-26; idx:67315913380, 2026-07-14); `_mst_config`
  (idx:17886542170, 2026) accepts `-\\d{8,}\\.htm$`;
- categories `/tin-tuc-su-kien[/<slug>].htm` (`_mst_config`): khoa-hoc-va-cong-nghe,
  doi-moi-sang-tao, tin-tong-hop (idx:71604652858, 2026), chuyen-doi-so
  (idx:60472065614, 2026), nang-luong-nguyen-tu (idx:52203515066, 2026);
- listing links `div.box-category-item a` and sapo `div.detail-sapo` (`_mst_config`);
- date in `div.detail-time` as "DD/MM/YYYY …", body `div.detail-content.afcbc-body`,
  sitemap index `https://mst.gov.vn/sitemap.xml` (sub-sitemaps `/sitemaps/sitemaps…`),
  and "mic.gov.vn and mst.gov.vn are one site" (idx:14191498223, 2025-2026): links on
  mic.gov.vn fold to mst.gov.vn;
- RSS `/rss/home.rss` (idx:58027474802, 2026).
Ministry: the CMS was mic.gov.vn's (Bộ Thông tin và Truyền thông; a 2024 white book of
that ministry sits at mst.gov.vn, idx:55047140965) until the merger of 2025-03-01
(Nghị quyết 176/2025/QH15, vn_sites.md §2.0), then Bộ Khoa học và Công nghệ's.
ASSUMPTION: title `h1.detail-title`, the visible date in `div[data-role=publishdate]`,
  `article:*_time` meta, author line, breadcrumb and tags as on baochinhphu.vn (same CMS
  family).
ASSUMPTION: ids of `197` + 6 to 15 digits: 18 and 17 digits are seen, 16 and 15 as on
  baochinhphu.vn, and a 9-digit link (`…-197152208.htm`, idx:54002192581, undated) looks
  like an id migrated from the old portal.
ASSUMPTION: no pager: the category pages are read once, the sitemap and feed give the rest.
"""

from __future__ import annotations

import re
from datetime import date

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.vccorp import VCCorpSpider

_MERGER = date(2025, 3, 1)
_OTHER_HOST = re.compile(r"^(https?://)(?:www\.)?mic\.gov\.vn/(?=[a-z0-9-]+-197\d+\.htm$)")


class MstSpider(VCCorpSpider):
    name = "mst"
    publisher = "Cổng Thông tin điện tử Bộ Khoa học và Công nghệ"
    ministries = (
        Ministry("Bộ Thông tin và Truyền thông", until=_MERGER),
        Ministry("Bộ Khoa học và Công nghệ", since=_MERGER),
    )
    newest_evidence = "2026-09-09"
    timeline = False
    allowed_domains = ["mst.gov.vn", "mic.gov.vn"]
    listing_urls = [
        f"https://mst.gov.vn/tin-tuc-su-kien/{slug}.htm"
        for slug in ("khoa-hoc-va-cong-nghe", "doi-moi-sang-tao", "chuyen-doi-so",
                     "tin-tong-hop", "nang-luong-nguyen-tu")
    ]
    feed_urls = ["https://mst.gov.vn/rss/home.rss"]
    sitemap_urls = ["https://mst.gov.vn/sitemap.xml"]
    listing_link_css = "div.box-category-item a::attr(href)"
    article_url_pattern = r"^https?://mst\.gov\.vn/[a-z0-9-]+-197\d{6,15}\.htm$"
    article_key_pattern = r"-(197\d{6,15})\.htm$"
    selectors = {
        "title": "h1.detail-title",
        "lead": "div.detail-sapo",
        "published": ("xpath://meta[@property='article:published_time']/@content"
                      " | //div[contains(@class, 'detail-time')]"),
        "modified": "xpath://meta[@property='article:modified_time']/@content",
        "body": "div.detail-content.afcbc-body",
        "authors": ('a.detail-author-top-name, p[style*="text-align:right"] b, '
                    'p[style*="text-align: right"] b'),
        "category": ("xpath:(//div[contains(@class, 'detail-breadcrumb')]"
                     "//a[@data-role='cate-name'])[last()]"),
        "tags": "ul.detail-tag-list a",
    }

    def canonical_article_url(self, url: str) -> str | None:
        return super().canonical_article_url(_OTHER_HOST.sub(r"\1mst.gov.vn/", url))
