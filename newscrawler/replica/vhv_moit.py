"""moit.gov.vn (Bộ Công Thương) on the VHV platform (`vhv.py`, whose docstring holds the facts).

Categories and module ids: `phat-trien-nang-luong` = 5238390, `phat-trien-cong-nghiep/
cong-nghiep-nen-tang` = 5238380 (CMW `core/collection/vietnam_sources.py`, 2026-10-07);
`thi-truong-trong-nuoc`, `thong-bao`, `quoc-te` (vn_sites.md §2.2, 2026);
`hoat-dong/hoat-dong-cua-cac-don-vi` (vn_sites_2026 §12 URL row). Site id 2005517, footer
hotline `tel:0866.59.4498` and `/en` link (§4, 2026-10-06).
ASSUMPTION: the module ids of the other categories, and three more categories kept from
  the 2021 portal (`thoi-su`, `thong-tin-hop-bao`, `phat-trien-nguon-nhan-luc`, S1 2021).
ASSUMPTION: the category display names, the footer wording, image file names.
"""

from __future__ import annotations

import random
from datetime import datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, SiteSpec
from newscrawler.replica.vhv import VhvSite


class MoitSite(VhvSite):
    site_id = "2005517"  # §4
    site_name = "moit.gov.vn"
    module_ids = {
        "phat-trien-nang-luong": "5238390",  # CMW 2026-10-07
        "phat-trien-cong-nghiep/cong-nghiep-nen-tang": "5238380",  # CMW 2026-10-07
        "thi-truong-trong-nuoc": "5238310", "thong-bao": "5238320", "quoc-te": "5238330",
        "hoat-dong/hoat-dong-cua-cac-don-vi": "5238350", "thoi-su": "5238300",
        "thong-tin-hop-bao": "5238360", "phat-trien-nguon-nhan-luc": "5238370",
    }
    footer_extra = ('<p>Đường dây nóng: <a href="tel:0866.59.4498">0866.59.4498</a></p>'
                    '<p><a href="https://moit.gov.vn/en">English</a></p>')


MOIT_CATEGORIES = tuple(Category(slug, name) for slug, name in (
    ("phat-trien-nang-luong", "Phát triển năng lượng"),
    ("phat-trien-cong-nghiep/cong-nghiep-nen-tang", "Công nghiệp nền tảng"),
    ("thi-truong-trong-nuoc", "Thị trường trong nước"),
    ("thong-bao", "Thông báo"),
    ("quoc-te", "Quốc tế"),
    ("hoat-dong/hoat-dong-cua-cac-don-vi", "Hoạt động của các đơn vị"),
    ("thoi-su", "Thời sự"),
    ("thong-tin-hop-bao", "Thông tin họp báo"),
    ("phat-trien-nguon-nhan-luc", "Phát triển nguồn nhân lực"),
))


def _moit_image_url(published: datetime, key: int, index: int) -> str:
    name = f"{random.Random(f'{key}:{index}').getrandbits(64):016x}"
    return f"https://moit.gov.vn/upload/2005517/{published.astimezone(VN_TZ):%Y%m%d}/{name}.jpg"


MOIT = SiteSpec(
    key="moit",
    domain="moit.gov.vn",
    publisher="Cổng Thông tin điện tử Bộ Công Thương",
    ministry="Bộ Công Thương",
    categories=MOIT_CATEGORIES,
    article_key_pattern=None,  # no numeric id in the URL: the record id hashes the URL
    article_url=lambda slug, key: f"https://moit.gov.vn/tin-tuc/{slug}.html",  # set by MoitSite
    image_url=_moit_image_url,
    factory=MoitSite,
    n_articles=160,  # page 1 of the nine categories then shows 100-108 of them
    seed=20260112,
    first_key=900000,
    corpus_end=datetime(2026, 9, 30, 21, 22, tzinfo=VN_TZ),
)
