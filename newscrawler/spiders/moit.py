r"""moit.gov.vn: Cổng Thông tin điện tử Bộ Công Thương, on the VHV portal (2026).

Sources (vn_sites_2026 §4 and §12; derived moit captures 2026-10-06; CMW 2026-10-07):
- listings `https://moit.gov.vn/tin-tuc/<category>`: `phat-trien-nang-luong` (module
  5238390) and `phat-trien-cong-nghiep/cong-nghiep-nen-tang` (5238380) (CMW
  `core/collection/vietnam_sources.py`, 2026-10-07), `thi-truong-trong-nuoc`, `thong-bao`,
  `quoc-te` (vn_sites.md §2.2, 2026), `hoat-dong/hoat-dong-cua-cac-don-vi` (§12 URL row,
  2026-12-04). Page 1 only: the pager is script-only (see `spiders/vhv.py`).
- articles `/tin-tuc/<slug>.html`, `/tin-tuc/<cat>/<slug>.html` and
  `/tin-tuc/<cat>/<sub>/<slug>.html`; slugs may end in "-", carry a "2" suffix or come from
  NFD titles (§4, 2026-10-06; §12); any depth under `/tin-tuc/` is accepted, as CMW's
  live-measured rule does (`/tin-tuc/(?:[a-z0-9-]+/)*[a-z0-9-]+\.html`, 2026-10-07); no
  numeric id, so the record id hashes the URL;
- selectors: the VHV ones of `spiders/vhv.py` (§4, 2026-10-06); no feed exists (§4 side by
  side, "Feeds: none seen"); search `/?page=search&keyword=` is no listing;
- foreign datacenter IPs get their connections dropped (vn_sites.md §2.0, 2026);
- the Ministry of Industry and Trade kept its name in the 2025-03-01 mergers (§2.0).
ASSUMPTION: three categories kept from the 2021 portal (`thoi-su`, `thong-tin-hop-bao`,
  `phat-trien-nguon-nhan-luc`, S1 2021) still list news on the 2026 portal.
ASSUMPTION: the byline is the last, right-aligned paragraph of the body.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.vhv import VhvSpider

CATEGORIES = (
    "phat-trien-nang-luong", "phat-trien-cong-nghiep/cong-nghiep-nen-tang",
    "thi-truong-trong-nuoc", "thong-bao", "quoc-te", "hoat-dong/hoat-dong-cua-cac-don-vi",
    "thoi-su", "thong-tin-hop-bao", "phat-trien-nguon-nhan-luc",
)


class MoitSpider(VhvSpider):
    name = "moit"
    publisher = "Cổng Thông tin điện tử Bộ Công Thương"
    ministries = (Ministry("Bộ Công Thương"),)
    platform = "VHV portal (moit.gov.vn, 2026)"
    status = "current"
    newest_evidence = "2026-10-07"
    allowed_domains = ["moit.gov.vn"]
    listing_urls = [f"https://moit.gov.vn/tin-tuc/{category}" for category in CATEGORIES]
    feed_urls = []  # none exists (§4)
    article_url_pattern = (
        r"^https?://(?:www\.)?moit\.gov\.vn/tin-tuc/(?:[a-z0-9-]+/)*[a-z0-9-]+\.html$"
    )
    article_key_pattern = None
