"""mofa.gov.vn: Cổng Thông tin điện tử Bộ Ngoại giao.

Sources (vn_sites_2026 §14):
- article URLs `https://mofa.gov.vn/tin-chi-tiet/chi-tiet/<slug>-<id>[-<cat>].html`
  (`_mofa_config` in idx:17886542170, 2026); links seen: `…-59199-652.html`
  (idx:70075177794, 2026), `…-57163-596.html` (idx:71045573098, page of 2025-06-30):
  id then category number; `…-589.html`, `…-254.html`, `…-10.html` (idx:70705104545,
  idx:60153906833, idx:69166403460, 2026): one number shared by different articles, so
  no id (their key is a hash of the URL);
- categories `/tin-…`, `/hoat-dong-…` (`_mofa_config`), never `/tin-chi-tiet…` pages;
- listing links `a[href*='/tin-chi-tiet/chi-tiet/']`, sapo `div.article-summary`
  (`_mofa_config`, 2026).
Ministry: Bộ Ngoại giao kept its name in the 2025-03-01 mergers (vn_sites.md §2.0).
ASSUMPTION: ids of 5 or more digits (both seen have 5), so that a year ending a slug
  ("…-2025-589.html") is never taken for an id.
ASSUMPTION: the category slugs of `listing_urls`.
ASSUMPTION: the pager: a link to the same section naming the next page in `?page=` or
  `?p=` (spiders/paged.py), whatever the pager's markup.
ASSUMPTION: title the first `h1.article-title` or `h1.title`; date `.article-date` (or
  `article:published_time` meta), day first, the time before or after, with or without a label; body
  `div.article-content` or `div.article-body`; category the last `ol.breadcrumb` link.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.paged import PagedListingSpider


class MofaSpider(PagedListingSpider):
    name = "mofa"
    publisher = "Cổng Thông tin điện tử Bộ Ngoại giao"
    ministries = (Ministry("Bộ Ngoại giao"),)
    platform = "mofa portal"
    newest_evidence = "2025-06-30"  # the newest source with a full date (idx:71045573098)
    allowed_domains = ["mofa.gov.vn"]
    listing_urls = [f"https://mofa.gov.vn/{slug}"
                    for slug in ("tin-hoat-dong-cua-lanh-dao", "hoat-dong-cua-bo",
                                 "tin-bao-chi")]
    listing_link_css = "a[href*='/tin-chi-tiet/chi-tiet/']::attr(href)"
    page_params = ("page", "p")
    article_url_pattern = (
        r"^https?://(?:www\.)?mofa\.gov\.vn/tin-chi-tiet/chi-tiet/[a-z0-9-]+-\d+\.html$")
    article_key_pattern = r"-(\d{5,})-\d{1,4}\.html$"
    selectors = {
        # Not any h1: portals often wrap their logo in one. Else metadata (og:title).
        "title": ("xpath:(//h1[contains(concat(' ', normalize-space(@class), ' '),"
                  " ' article-title ') or contains(concat(' ', normalize-space(@class),"
                  " ' '), ' title ')])[1]"),
        "lead": "div.article-summary",
        "published": ("xpath://meta[@property='article:published_time']/@content"
                      " | //*[contains(concat(' ', normalize-space(@class), ' '),"
                      " ' article-date ')]"),
        "body": "div.article-content, div.article-body",
        "category": "xpath:(//ol[contains(@class, 'breadcrumb')]//a)[last()]",
    }
