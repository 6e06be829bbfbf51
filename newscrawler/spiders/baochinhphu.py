"""baochinhphu.vn: Báo Điện tử Chính phủ, the Government's online newspaper (VCCorp-family CMS).

Sources (vn_sites_2026 §3; PS = hangkrypton/press-scanning, CMW = VSSpowerlifting/
China-Mil-Watch, facts only):
- article URL `https://baochinhphu.vn/<slug>-102<YYMMDDhhmmss><0-3 digits>.htm`: ids of
  18/17/16/15 digits (776/90/4/1 of the 871 `/home.rss` links of PS:new_items.json,
  2026-07-17 … 08-23); the id time is not the publication time (never read as a date);
- category URLs `/<cat>[/<sub>].htm`, e.g. `kinh-te.htm`, `tra-loi-cong-dan.htm`,
  `chinh-tri/doi-ngoai`, `xa-hoi/phap-luat`, `khoa-giao/giao-duc` (idx:65870912651, 2025;
  zone 1027 = kinh-te idx:52257862409, 2026; 102301 = tra-loi-cong-dan idx:55797201634,
  2026); the timeline walk is in spiders/vccorp.py;
- title `h1.detail-title` (idx:65870912651; CMW captures 2026-10-06);
- lead `h2.detail-sapo` without its dateline: "(Chinhphu.vn)" then "-", "–" or nothing,
  with or without spaces, sometimes twice, sometimes "(Chinh phu.vn)" (PS feed items,
  2026-07/08; idx:55797201634 strips `^\\(Chinhphu\\.vn\\)\\s*-\\s*`); a hyphen inside the
  text ("2-0") is text (vn_sites_2026 §12);
- published / modified: `meta[property=article:published_time]` / `article:modified_time`
  (+07:00) when present (idx:55797201634, 2026; CMW captures), else the visible
  `div.detail-time > div[data-role=publishdate]` (idx:65870912651);
- body `div.detail-content[data-role="content"]` (`detail-content afcbc-body clearfix`);
  its related boxes (`VCSortableInPreviewMode` type-2 and type-6) are skipped by the
  extractor; a trailing "./." is the article's own text (CMW captures);
- author `a.detail-author-top-name` else bold text in `p[style*="text-align:right"] b`
  (idx:65870912651; "text-align: right" with a space too, as editors' styles come);
- category: the last `a[data-role=cate-name]` of `div.detail-breadcrumb` (real: `ul li
  a[data-role=cate-name]`); tags `ul.detail-tag-list a` (real: `div.detail-tag >
  ul.detail-tag-list[data-role=tags] li a`) (CMW captures 2026-10-06; idx:55797201634,
  2026, reads `[data-role=cate-name]` and `.detail-tag-list a`);
- feeds `/home.rss` and `/kinh-te.rss` (PS CLAUDE.md = idx:56721480188, 2026-07-17:
  `/rss/home.rss` is dead); sitemap `/sitemaps/google-news.xml` (idx:54740777443, 2026,
  configured by one crawler, not verified).
Ministry: the Government Office (Văn phòng Chính phủ, VPCP), which kept its name in the
2025-03-01 mergers (vn_sites.md §2.0).
ASSUMPTION: that VPCP runs the paper is the project lead's statement; the notes do not
  say it.
ASSUMPTION: when a sub-category page's breadcrumb marks both levels as cate-name, the
  last one is the article's category.
ASSUMPTION: the visible date's text (not captured for the vi site): read day first, with
  or without " GMT+7"; it counts only where the meta tags are missing.

Pages may carry partly decomposed letters (PS feed items): extraction normalises every
field to NFC.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.vccorp import ID_DIGITS, VCCorpSpider

# The sapo's dateline, once or more: "(Chinhphu.vn) - ", "(Chinhphu.vn) – ",
# "(Chinhphu.vn)-", "(Chinh phu.vn) - ". Only a dash right behind the dateline goes.
DATELINE = r"(?:\(\s*Chinh\s?phu\.vn\s*\)\s*[-–—]?\s*)+"


class BaochinhphuSpider(VCCorpSpider):
    name = "baochinhphu"
    publisher = "Báo Điện tử Chính phủ"
    ministries = (Ministry("Văn phòng Chính phủ"),)
    newest_evidence = "2026-10-06"
    allowed_domains = ["baochinhphu.vn"]
    listing_urls = [
        f"https://baochinhphu.vn/{category}.htm"
        for category in ("kinh-te", "tra-loi-cong-dan", "chinh-tri/doi-ngoai",
                         "xa-hoi/phap-luat", "khoa-giao/giao-duc")
    ]
    feed_urls = ["https://baochinhphu.vn/home.rss", "https://baochinhphu.vn/kinh-te.rss"]
    sitemap_urls = ["https://baochinhphu.vn/sitemaps/google-news.xml"]
    article_url_pattern = (
        rf"^https?://(?:www\.)?baochinhphu\.vn/[a-z0-9-]+-102{ID_DIGITS}\.htm$")
    article_key_pattern = rf"-(102{ID_DIGITS})\.htm$"
    selectors = {
        "title": "h1.detail-title",
        # The article's sapo: the first one (the page's boxes may reuse the class).
        "lead": ("xpath:(//h2[contains(concat(' ', normalize-space(@class), ' '),"
                 " ' detail-sapo ')])[1]"),
        "lead:strip": f"(?i){DATELINE}",
        # Document order: the meta tags in <head> come first, the visible date after.
        "published": ("xpath://meta[@property='article:published_time']/@content"
                      " | //div[@data-role='publishdate']"),
        "modified": "xpath://meta[@property='article:modified_time']/@content",
        "body": 'div.detail-content[data-role="content"]',
        "authors": ('a.detail-author-top-name, p[style*="text-align:right"] b, '
                    'p[style*="text-align: right"] b'),
        "category": ("xpath:(//div[contains(@class, 'detail-breadcrumb')]"
                     "//a[@data-role='cate-name'])[last()]"),
        "tags": "ul.detail-tag-list a",
    }
