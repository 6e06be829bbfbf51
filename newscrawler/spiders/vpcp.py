"""vpcp.chinhphu.vn: Website Văn phòng Chính phủ, the Government Office's own news, beside
the Government's newspaper baochinhphu.vn, on the same VCCorp-family CMS.

Sources (vn_sites_2026 §14):
- article URLs `https://vpcp.chinhphu.vn/<slug>-115<YYMMDDhhmmss><digits>.htm`:
  `…-115260109145352342.htm` (idx:17450655753, 2026), `…-115221225123659938.htm`
  (idx:57184310354, 2026); `_vpcp_config` (idx:17886542170, 2026) takes `-\\d{8,}\\.htm$`
  and denies `/video`, `/anh` paths;
- categories `/thong-tin-hoat-dong.htm`, `/cong-ttdt-chinh-phu/thong-cao-bao-chi.htm`
  (idx:17450655753, 2026), `/tin-noi-bat.htm`, `/cong-tac-dang-doan-the.htm`
  (`_vpcp_config`, 2026);
- listing links `a.box-stream-link-title`, `a.box-focus-link-title` anywhere on a
  category page (`_vpcp_config`, 2026).
Ministry: Văn phòng Chính phủ, which kept its name in the 2025-03-01 mergers (vn_sites.md
§2.0).
ASSUMPTION: ids of `115` + 12 to 15 digits, as baochinhphu's `102…` (both cited have 18).
ASSUMPTION: the article template as baochinhphu.vn's (same CMS family): title
  `h1.detail-title`, the first `.detail-sapo` (h2 or div), `article:*_time` meta else
  `div[data-role=publishdate]`, body the first `div.detail-content`, author, breadcrumb
  `a[data-role=cate-name]`, tags `ul.detail-tag-list a`.
ASSUMPTION: the pager: a category page with `#hdZoneId` is walked through
  `/timelinelist/{zone}/{page}.htm` (spiders/vccorp.py); one without shows all its items.
ASSUMPTION: no feed or sitemap URL is known.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.vccorp import ID_DIGITS, VCCorpSpider


class VpcpSpider(VCCorpSpider):
    name = "vpcp"
    publisher = "Website Văn phòng Chính phủ"
    ministries = (Ministry("Văn phòng Chính phủ"),)
    newest_evidence = "2026-01-09"
    zone_optional = True
    allowed_domains = ["vpcp.chinhphu.vn"]
    listing_urls = [
        f"https://vpcp.chinhphu.vn/{category}.htm"
        for category in ("thong-tin-hoat-dong", "tin-noi-bat",
                         "cong-ttdt-chinh-phu/thong-cao-bao-chi", "cong-tac-dang-doan-the")
    ]
    listing_link_css = ("a.box-stream-link-title::attr(href), "
                        "a.box-focus-link-title::attr(href)")
    article_url_pattern = (
        rf"^https?://vpcp\.chinhphu\.vn/(?!video/|anh/)[a-z0-9-]+-115{ID_DIGITS}\.htm$")
    article_key_pattern = rf"-(115{ID_DIGITS})\.htm$"
    selectors = {
        "title": "h1.detail-title",
        "lead": ("xpath:(//*[contains(concat(' ', normalize-space(@class), ' '),"
                 " ' detail-sapo ')])[1]"),
        "published": ("xpath://meta[@property='article:published_time']/@content"
                      " | //div[@data-role='publishdate']"),
        "modified": "xpath://meta[@property='article:modified_time']/@content",
        # The first `detail-content` block, with or without baochinhphu's `afcbc-body`.
        "body": ("xpath:(//div[contains(concat(' ', normalize-space(@class), ' '),"
                 " ' detail-content ')])[1]"),
        "authors": ('a.detail-author-top-name, p[style*="text-align:right"] b, '
                    'p[style*="text-align: right"] b'),
        "category": ("xpath:(//div[contains(@class, 'detail-breadcrumb')]"
                     "//a[@data-role='cate-name'])[last()]"),
        "tags": "ul.detail-tag-list a",
    }
