"""The VCCorp-family CMS (baochinhphu.vn since ~2022, mst.gov.vn): discovery shared by its sites.

Facts (vn_sites_2026 §3):
- a category page `/<cat>[/<sub>].htm` shows the first items in `div.box-stream.
  timeline_list div.box-stream-item` with `a.box-stream-link-with-avatar` (idx:65870912651,
  2025) and `h2 > a.box-stream-link-title[data-linktype=newsdetail]` (CMW listing capture,
  2026-10-06; idx:55797201634, 2026), and a "Xem thêm" button that loads more by script;
- the following items come from `/timelinelist/{zoneId}/{page}.htm`, a fragment of bare
  `body > div.box-stream-item` elements; the zone id is `#hdZoneId@value` on the category
  page (idx:67366511490, 2026; idx:8723094790, cn.baochinhphu.vn);
- category boxes `div.box-category-item` with `a.box-category-link-title` beside the
  stream (idx:52257862409, idx:52155887549, 2026).
So the spider computes the fragment URLs itself: page 2, 3, ... until a fragment holds no
item. A site without zone ids (mst.gov.vn) sets `timeline = False`: page 1 only.
ASSUMPTION: the category page shows the items of timeline page 1 (so the walk starts at
  page 2), and a page past the end is a fragment without items (vn_sites_2026 §3: "page
  size, past-end behaviour unverified").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import ClassVar
from urllib.parse import urlsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)

_TIMELINE_PATH = re.compile(r"^/timelinelist/(\d+)/(\d+)\.htm$")
# The id-based article URL of the family: "<slug>-<prefix><id time><0-3 digits>.htm".
ID_DIGITS = r"\d{12,15}"


class VCCorpSpider(NewsSpider):
    platform = "VCCorp"
    timeline: ClassVar[bool] = True
    # A site whose category pages may lack a zone id (vpcp): such a page is all there is.
    zone_optional: ClassVar[bool] = False
    zone_id_css = "#hdZoneId::attr(value)"
    category_item_css = "div.box-stream.timeline_list div.box-stream-item"
    fragment_item_css = "body > div.box-stream-item"
    # Items of a category page and of a timeline fragment alike, avatar and title links,
    # and the category boxes' title links.
    listing_link_css = ", ".join(
        [f"{items} {link}::attr(href)"
         for items in ("div.box-stream.timeline_list div.box-stream-item",
                       "body > div.box-stream-item")
         for link in ("a.box-stream-link-with-avatar", "a.box-stream-link-title")]
        + ["div.box-category-item a.box-category-link-title::attr(href)"])

    def listing_links(self, response: Response) -> list[str]:
        # Avatar and title link of an item point to the same article: once each.
        return list(dict.fromkeys(super().listing_links(response)))

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        if not self.timeline:
            return ()
        fragment = _TIMELINE_PATH.match(urlsplit(response.url).path)
        if fragment:
            if not response.css(self.fragment_item_css):
                return ()  # past the last page: the walk ends here
            zone = fragment.group(1)
        else:
            zone = (response.css(self.zone_id_css).get() or "").strip()
            if not zone.isdigit():
                if self.zone_optional:
                    return ()
                logger.warning("%s: no zone id on %s", self.name, response.url)
                return ()
        return (self.timeline_url(response, zone, page + 1),)

    @staticmethod
    def timeline_url(response: Response, zone: str, page: int) -> str:
        return response.urljoin(f"/timelinelist/{zone}/{page}.htm")
