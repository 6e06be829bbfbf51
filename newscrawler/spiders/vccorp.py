"""The VCCorp-style CMS of baochinhphu.vn since ~2022 (research/vn_sites.md §2.0, §2.4).

Facts (the research notes (vn_sites.md) §2.4, compiled 2026; public crawler code [high]):
- a category page `/<cat>[/<sub>].htm` shows the first items in
  `div.box-stream.timeline_list div.box-stream-item a.box-stream-link-with-avatar` and a
  "Xem thêm" button that loads more by JavaScript;
- the following items come from `/timelinelist/{zoneId}/{page}.htm`, a fragment of bare
  `body > div.box-stream-item` elements; the zone id is `#hdZoneId@value` on the category
  page.
So the spider computes the fragment URLs itself: page 2, 3, ... until a fragment holds no
item. ASSUMPTIONS: the category page shows the items of timeline page 1 (so the walk
starts at page 2), and a page past the end is a fragment without items.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from scrapy.http import Response

from newscrawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)

_TIMELINE_PATH = re.compile(r"^/timelinelist/(\d+)/(\d+)\.htm$")


class VCCorpSpider(NewsSpider):
    platform = "VCCorp"
    zone_id_css = "#hdZoneId::attr(value)"
    category_item_css = "div.box-stream.timeline_list div.box-stream-item"
    fragment_item_css = "body > div.box-stream-item"
    item_link_css = "a.box-stream-link-with-avatar::attr(href)"
    # Items of a category page and of a timeline fragment alike.
    listing_link_css = (f"{category_item_css} {item_link_css}, "
                        f"{fragment_item_css} {item_link_css}")

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        fragment = _TIMELINE_PATH.match(urlsplit(response.url).path)
        if fragment:
            if not response.css(self.fragment_item_css):
                return ()  # past the last page: the walk ends here
            zone = fragment.group(1)
        else:
            zone = (response.css(self.zone_id_css).get() or "").strip()
            if not zone.isdigit():
                logger.warning("%s: no zone id on %s", self.name, response.url)
                return ()
        return (self.timeline_url(response, zone, page + 1),)

    @staticmethod
    def timeline_url(response: Response, zone: str, page: int) -> str:
        return response.urljoin(f"/timelinelist/{zone}/{page}.htm")
