"""VHV portals (moit.gov.vn; moet.gov.vn by URL style): page 1 of every category, no pager.

Facts (vn_sites_2026 §4, derived moit captures of 2026-10-06 and CMW
`scraper/sources/vn_ministries.py` of 2026-10-07):
- listing items `article.article-news-default a.article-title` inside `div[moduleRootId=
  <categoryId>] section.section-list`, 12 per page (§4, 2026-10-06);
- the pager exists only in script: `VHV.using(… 'Content.Listing' …)` with a JSON config in
  `decode64('…')` (`categoryId`, `itemsPerPage`, `pageNo`, `totalItems`, `orderBy`
  "publishTime DESC"); there are no HTML pager links, and no endpoint that loads a listing's
  further pages is documented anywhere in the evidence (CMW 2026-10-07 reads "the published
  first page" only: "Older script pagination is never invented"). So each run reads page 1
  of every category (`listing_urls` must name them all), never an invented page 2; the
  config's `totalItems` is read only to report how much of each listing page 1 reaches
  (`discovery_reach`, shown in the run summary);
- article: title `article.article-new h1.article-title`, lead `div.article-brief` with
  `font-size-text` (§4 lists `div.article-brief.common-brief…font-size-text`; CMW's live
  reader requires exactly one `div.article-brief.font-size-text`, 2026-10-07), date
  `span.post-date` "Thứ N, DD/MM/YYYY | HH:MM", body = the INNER `div.article-content.
  common-content` (the outer `div.article-content` also holds title, lead, share widgets and
  tags, §12 row "body selector: 2 matches"), category `li.last-item a` (often only "Tin tức"),
  tags `div.article-tags a.tag-news` (§4 and §12, 2026-10-06);
- date: the record takes the visible `span.post-date`, not `article:published_time`: the
  two differ by minutes (visible 21:22, meta 21:26:36), CMW (2026-10-07) takes "the printed
  dates" as publication dates and keeps metadata instants apart, and listing pages carry a
  stale `article:published_time` of their own (§4), so the meta is the weaker witness.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable

import scrapy
from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider

_DECODE64 = re.compile(r"decode64\('([A-Za-z0-9+/=]+)'\)")

VHV_SELECTORS = {
    "title": "article.article-new h1.article-title",
    "published": "article.article-new span.post-date",
    "lead": "article.article-new div.article-brief.font-size-text",
    "body": "div.article-content.common-content",
    "category": "div.pathway-category li.last-item a",
    "tags": "div.article-tags a.tag-news",
}


def script_pager_configs(text: str) -> list[dict]:
    """The listing configs a VHV page carries in `decode64('…')` script calls."""
    configs = []
    for encoded in _DECODE64.findall(text):
        try:
            config = json.loads(base64.b64decode(encoded, validate=True))
        except (ValueError, binascii.Error, UnicodeError):
            continue
        if isinstance(config, dict) and "totalItems" in config:
            configs.append(config)
    return configs


def _count(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


class VhvSpider(NewsSpider):
    platform = "VHV portal"
    # The item markup, wherever its module sits: other modules of items like these list
    # articles too, and the module's wrapper is the part most likely to vary.
    listing_link_css = "article.article-news-default a.article-title::attr(href)"
    selectors = VHV_SELECTORS

    def parse_listing(self, response: Response, page: int, stale: int = 0
                      ) -> Iterable[scrapy.Request]:
        stats = self.crawler.stats
        for config in script_pager_configs(response.text):
            total, size = _count(config.get("totalItems")), _count(config.get("itemsPerPage"))
            stats.inc_value(f"newscrawler/{self.name}/script_pager/listings")
            stats.inc_value(f"newscrawler/{self.name}/script_pager/items_total", total)
            stats.inc_value(f"newscrawler/{self.name}/script_pager/items_on_page_1",
                            min(total, size))
            stats.max_value(f"newscrawler/{self.name}/script_pager/page_size", size)
        yield from super().parse_listing(response, page, stale)

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        return ()  # script-only pager, no documented endpoint: never an invented page 2

    @classmethod
    def discovery_reach(cls, stats: dict) -> str:
        """How deep this run's discovery reached, for the run summary."""
        prefix = f"newscrawler/{cls.name}/script_pager/"
        listings = stats.get(prefix + "listings", 0)
        size = stats.get(prefix + "page_size", 0)
        reached = stats.get(prefix + "items_on_page_1", 0)
        total = stats.get(prefix + "items_total", 0)
        return (f"page 1 of {len(cls.listing_urls)} listings only (script-only pager, no "
                f"documented endpoint): newest {size or '?'} per category; {listings} pager "
                f"configs read, {reached} of {total} listed items on page 1")
