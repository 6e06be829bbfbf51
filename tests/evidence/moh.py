"""moh.gov.vn: the §12 row (URL pattern: canonical, `/vi_VN/…`, `/web/guest/-/…`) with the
fixed expectations, and the key facts of vn_sites_2026 §10: `:443` links, `onclick`
listing links, `h3.asset-title a` listings, slugs without "đ". URLs and markup typed here
from those facts; titles and text are filler. The detail page follows S1's XPaths
(2021-07): title `#p_p_id_101_INSTANCE_<x>_ …/div[1]/div[1]/h3`, date
`…/div[1]/div[2]/div[1]/p`, sapo `…_<entry>"]/div[1]/p/strong`; no class names."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "moh"
ROOT = "https://moh.gov.vn"
# The URL shape of idx:48171354077 / idx:14506677381 (2021-2022), its slug without "đ".
CANONICAL = f"{ROOT}/tin-tong-hop/-/asset_publisher/k206Q9qkZOqn/content/chu-ong-ung-pho"
PATH = CANONICAL.removeprefix(ROOT)
# 2025-2026 (idx:56685279483): another category and instance, "điện tử" -> "ien-tu".
RECENT = (f"{ROOT}/thong-tin-chi-dao-dieu-hanh/-/asset_publisher/DOHhlnDN87WZ/content/"
          "huong-dan-moi-nhat-trien-khai-ho-so-benh-an-ien-tu")
# The article of idx:17450655753's onclick test (2026).
ONCLICK_PATH = ("/tin-noi-bat/-/asset_publisher/3Yst7YhbkA5j/content/"
                "sang-nay-khai-mac-trong-the-ai-hoi-ai-bieu-toan-quoc-lan-thu-xiv-cua-ang")

NS = "_101_INSTANCE_k206Q9qkZOqn_"
ROW = "§12 moh URL pattern (2026)"
VARIANTS = "§10 link variants (2026, idx:17450655753, idx:17886542170)"

CASES = [
    UrlCase(SITE, f"{ROW}: canonical", CANONICAL, accepted=True),
    UrlCase(SITE, f"{ROW}: /vi_VN/ folded (it answers 502)", f"{ROOT}/vi_VN{PATH}",
            accepted=True, canonical=CANONICAL),
    UrlCase(SITE, f"{ROW}: /web/guest/ before the category path folded",
            f"{ROOT}/web/guest{PATH}", accepted=True, canonical=CANONICAL),
    # The journal friendly URL has no category or instance to fold to: accepted, and the
    # page's canonical link gives the record its URL (tests/test_replica_moh.py).
    UrlCase(SITE, f"{ROW}: /web/guest/-/ friendly URL accepted",
            f"{ROOT}/web/guest/-/tin-chi-tiet", accepted=True),
    UrlCase(SITE, f"{VARIANTS}: :443 folded", f"https://moh.gov.vn:443{PATH}",
            accepted=True, canonical=CANONICAL),
    UrlCase(SITE, f"{VARIANTS}: /vi_VN/ and :443 together folded",
            f"https://moh.gov.vn:443/vi_VN{PATH}", accepted=True, canonical=CANONICAL),
    UrlCase(SITE, "§10 2025-2026 article URL (idx:56685279483), slug without đ", RECENT,
            accepted=True),
    UrlCase(SITE, "§10 slug without đ: 'cac-ia-phuong' (idx:14506677381, 2021-2022)",
            f"{ROOT}/tin-tong-hop/-/asset_publisher/k206Q9qkZOqn/content/cac-ia-phuong",
            accepted=True),
    UrlCase(SITE, "§10 listing page is no article (S1, 2021-07)",
            f"{ROOT}/tin-tong-hop?p_p_id=101_INSTANCE_k206Q9qkZOqn&p_p_lifecycle=0"
            "&_101_INSTANCE_k206Q9qkZOqn_delta=20&_101_INSTANCE_k206Q9qkZOqn_cur=2",
            accepted=False),
    UrlCase(SITE, "§10 /web/guest/<cat> listing is no article (2026)",
            f"{ROOT}/web/guest/tin-tong-hop", accepted=False),
    UrlCase(SITE, "§10 RSS is no article (idx:63107919836)",
            f"{ROOT}/rss/-/asset_publisher/7ng11fEWgASC/rss", accepted=False),
    ListingCase(
        SITE, f"{VARIANTS}: a div's onclick is the only link (relative path)",
        f"{ROOT}/tin-noi-bat",
        f"""<html><body><div class="list">
<div onclick="location.href='{ONCLICK_PATH}';" class="item"><h3>Khai mạc phiên họp</h3></div>
</div></body></html>""",
        (f"{ROOT}{ONCLICK_PATH}",),
    ),
    ListingCase(
        SITE, "§10 listing h3.asset-title a with span.time (~2023, idx:49334494293), "
              "mixed with onclick, /vi_VN/ and :443 links (2026)",
        f"{ROOT}/tin-tong-hop",
        f"""<html><body><div id="p_p_id_101_INSTANCE_k206Q9qkZOqn_">
<div class="item"><h3 class="asset-title"><a href="/vi_VN{PATH}">Tin một</a></h3>
<span class="time">03/11/2025</span></div>
<div class="item" onclick="location.href='https://moh.gov.vn:443{RECENT.removeprefix(ROOT)}'">
<h3 class="asset-title">Tin hai</h3><span class="time">02/11/2025</span></div>
<div class="item"><h3 class="asset-title"><a href="{CANONICAL}">Tin một lần nữa</a></h3>
<span class="time">01/11/2025</span></div>
<a class="next" href="/tin-tong-hop?p_p_id=101_INSTANCE_k206Q9qkZOqn&amp;{NS}cur=2">Tiếp theo</a>
</div></body></html>""",
        (CANONICAL, RECENT),
    ),
    FieldCase(
        SITE, "§10 detail by S1's XPaths (2021-07), no class names (date layout assumed)",
        CANONICAL,
        """<html><body><div id="p_p_id_101_INSTANCE_k206Q9qkZOqn_"><div><div>
<div><div><h3>Chủ động ứng phó mùa mưa bão</h3></div>
<div><div><p>03/11/2025 08:15</p></div><div><a href="#">In bài</a></div></div></div>
<div id="_101_INSTANCE_k206Q9qkZOqn_753365"><div>
<p><strong>Bộ Y tế đề nghị các địa phương chuẩn bị sẵn sàng.</strong></p>
<p>Các cơ sở y tế rà soát thuốc, vật tư và phương án trực.</p>
<p>Người dân theo dõi thông tin từ cơ quan chức năng.</p>
</div></div></div></div></div></body></html>""",
        {"title": "Chủ động ứng phó mùa mưa bão",
         "lead": "Bộ Y tế đề nghị các địa phương chuẩn bị sẵn sàng.",
         "published_at": "2025-11-03T08:15:00+07:00"},
        provenance={"title": "selector", "lead": "selector", "published_at": "selector"},
        absent_from_body=("Chủ động ứng phó mùa mưa bão", "03/11/2025"),
    ),
]
