"""bocongan.gov.vn: Cổng Thông tin điện tử Bộ Công an (Ministry of Public Security; it kept
its name in the 2025-03-01 restructuring, vn_sites.md §2.0).

Sources (vn_sites_2026 §14; CMW = VSSpowerlifting/China-Mil-Watch, facts only):
- articles `/bai-viet/<slug>-<10 digits>` (CMW `core/collection/vietnam_sources.py`,
  2026-10; 2026 links idx:66302843179, idx:70368096747);
- an older generation `/bai-viet/<slug>-d<n>-t<id>` still linked in 2025-2026
  (idx:70863723099: `…-0132025-d2-t43729`; idx:28987815702: `…-d23-t35016`);
- seven sections `/chuyen-muc/<slug>[-<10 digits>]`; a section's own list is its main
  column's 10 `article.card-large` (links `a[href^="/bai-viet/"]`); the sidebar widgets
  are site-wide; the pager is client-side only and `?page=2`, `/page/2`, `?p=2` answer a
  WAF JavaScript challenge, so no page past the first is requested (idx:55093988597, curl
  2026-07-07; `_bocongan_config` in idx:17886542170, 2026);
- `/sitemap.xml`, frozen (one `lastmod` for every URL) but holding the older articles
  (idx:55093988597, idx:55148698481, 2026-07-07);
- RSS `/api/rss/34.xml` (Thông tin Đối ngoại), item link = guid, pubDate RFC 822 with an
  offset (CMW `scraper/sources/vn_ministries.py`, fixture `mps-rss-34.bin`, 2026-10-06);
- title `h1`, lead the first `p` after it (`p.text-bca-gray-700`, `_bocongan_config`),
  body `.tinymce-content`, date `div > p.text-bca-gray-400` in the body's column holding a
  DD/MM/YYYY date, `og:url`, `meta[name=author]`, `html[lang=vi]` (CMW
  `vn_ministries.py`, 2026-10-06); JSON-LD `datePublished`, no `article:published_time`
  (idx:55093988597, 2026-07-07).
ASSUMPTION: the time printed with the date and its layout (CMW reads only DD/MM/YYYY).
ASSUMPTION: the category is the breadcrumb's last `/chuyen-muc/` link; no tags read.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry, NewsSpider

ORIGIN = "https://bocongan.gov.vn"
SECTIONS = ("chi-dao-dieu-hanh", "hoat-dong-cua-bo-cong-an-1754966863",
            "hoat-dong-cua-dia-phuong-1753170286", "hoat-dong-xa-hoi-1753170294",
            "nguoi-tot-viec-tot-1753170210", "thong-tin-doi-ngoai-1751367399",
            "tin-an-ninh-trat-tu-1753170263")


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_BODY = f"//*[{_has_class('tinymce-content')}]"


class BoconganSpider(NewsSpider):
    name = "bocongan"
    publisher = "Cổng Thông tin điện tử Bộ Công an"
    ministries = (Ministry("Bộ Công an"),)
    platform = "bocongan portal (Tailwind)"
    status = "current"
    newest_evidence = "2026-10-06"
    allowed_domains = ["bocongan.gov.vn"]
    listing_urls = [f"{ORIGIN}/chuyen-muc/{slug}" for slug in SECTIONS]
    feed_urls = [f"{ORIGIN}/api/rss/34.xml"]
    sitemap_urls = [f"{ORIGIN}/sitemap.xml"]
    # The section's own list only: the sidebar repeats site-wide widgets on every page.
    listing_link_css = "article.card-large a[href*='/bai-viet/']::attr(href)"
    article_url_pattern = (r"^https://bocongan\.gov\.vn/bai-viet/[a-z0-9-]+-"
                           r"(?:\d{10}|d\d+-t\d+)$")
    article_key_pattern = r"-(?:d\d+-t)?(\d+)$"
    selectors = {
        "title": "h1",
        # CMW: the first `p` sibling after the title; the date only within the column
        # that holds the body (elsewhere the class also marks listing dates).
        "lead": "xpath://h1/following-sibling::p[1]",
        "published": f"xpath:{_BODY}/..//div/p[{_has_class('text-bca-gray-400')}]",
        "body": ".tinymce-content",
        "category": "nav.breadcrumb a[href*='/chuyen-muc/']:last-child",
        # The metadata layer reads no plain `meta name=author`: the site selector does.
        "authors": "xpath://meta[@name='author']/@content",
    }
