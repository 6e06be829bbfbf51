"""bvhttdl.gov.vn: Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch.

Sources (vn_sites_2026 §14, vn_sites.md §2.9):
- article URLs `https://bvhttdl.gov.vn/<slug>-<14-17 digit timestamp>.htm`, e.g.
  `…-20260120162634507.htm` (idx:17450655753, 2026; `_bvhttdl_config` in idx:17886542170,
  2026: `^/[^/]+-\\d{14,17}\\.htm$`; S1, 2021: `…-20210507084003259.htm`); the stamp is
  the article's key;
- `-t<id>.htm` pages are topic pages, not articles (`_bvhttdl_config`, 2026), and so are
  root `/<slug>.htm` pages (categories) and shorter ids such as `…-620238.htm`
  (`_bvhttdl_config` takes 14-17 digits only);
- categories `/<slug>.htm`: tin-tuc-va-su-kien, van-hoa, the-ducthe-thao, du-lich,
  gia-dinh (`_bvhttdl_config`, 2026);
- listing links: any `.htm` link of the page that is an article URL (`_bvhttdl_config`
  reads `a[href$='.htm']`); the next page `li.pager_next a` (idx:48517665343, undated
  Scrapy spider), page URLs `/<cat>/trang-<N>.htm` (S1, 2021) or others (followed as
  linked);
- sapo `p.sapo` (`_bvhttdl_config`, 2026; idx:48517665343); title `h2.title`, date
  `span.time.margin-bottom`, body `div.entry-body`, author `p.author` (idx:48517665343).
The walk follows the page's next link, whatever its URL shape.
Ministry: Bộ Văn hóa, Thể thao và Du lịch kept its name in the 2025-03-01 mergers
(vn_sites.md §2.0).
ASSUMPTION: a newer template may put the title in `h1.title`: the first `.title` heading
  (h1 or h2) is read.
ASSUMPTION: images on `bvhttdl.mediacdn.vn` (idx:59427081656, 2021) point to a VCCorp-
  family CMS: its names `h1.detail-title`, `div.detail-time`, `div.detail-content` are
  read too.
ASSUMPTION: the date text is day first, with the time before or after it, with or without
  a weekday (not in the evidence; the date parser reads all of these).
ASSUMPTION: the category is the last link of `div.breadcrumb`.
ASSUMPTION: a pager marked `a[rel=next]` instead of `li.pager_next` is followed too.
"""

from __future__ import annotations

from collections.abc import Iterable

from scrapy.http import Response

from newscrawler.spiders.base import Ministry, NewsSpider

_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_TITLE = (f"xpath:(//h1[{_CLASS.format('title')} or {_CLASS.format('detail-title')}]"
          f" | //h2[{_CLASS.format('title')}])[1]")


class BvhttdlSpider(NewsSpider):
    name = "bvhttdl"
    publisher = "Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch"
    ministries = (Ministry("Bộ Văn hóa, Thể thao và Du lịch"),)
    platform = "bvhttdl portal"
    newest_evidence = "2026-01-20"
    allowed_domains = ["bvhttdl.gov.vn"]
    listing_urls = [f"https://bvhttdl.gov.vn/{slug}.htm"
                    for slug in ("tin-tuc-va-su-kien", "van-hoa", "the-ducthe-thao",
                                 "du-lich", "gia-dinh")]
    listing_link_css = "a[href*='.htm']::attr(href)"  # tracking parameters may follow
    article_url_pattern = r"^https?://bvhttdl\.gov\.vn/[a-z0-9-]+-\d{14,17}\.htm$"
    article_key_pattern = r"-(\d{14,17})\.htm$"
    selectors = {
        "title": _TITLE,
        "lead": "p.sapo",
        "published": "span.time.margin-bottom, div.detail-time",
        "body": "div.entry-body, div.detail-content",
        "authors": "p.author",
        "category": "div.breadcrumb a:last-child",
    }

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        link = (response.css("li.pager_next a::attr(href), a[rel=next]::attr(href)").get()
                or "").strip()
        return (response.urljoin(link),) if link else ()
