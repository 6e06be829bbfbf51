"""mae.gov.vn evidence (vn_sites_2026 §14; `_mae_config`, idx:17886542170, 2026;
idx:61997304903): article and section URL shapes, `a.item-tintuc` listings, as markup typed
here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "mae"
ORIGIN = "https://mae.gov.vn"

CASES = [
    UrlCase(SITE, "§14 article `/<slug>-<id>.htm` (_mae_config, 2026)",
            f"{ORIGIN}/hoi-nghi-tong-ket-nganh-nong-nghiep-12345.htm", True),
    UrlCase(SITE, "§14 article `/tin-…/<slug>-<id>.htm`",
            f"{ORIGIN}/tin-tuc/ra-quan-trong-rung-12346.htm", True),
    UrlCase(SITE, "_mae_config: `/tin-tuc--su-kien/<slug>-<id>.htm`",
            f"{ORIGIN}/tin-tuc--su-kien/bao-ve-moi-truong-12347.htm", True),
    UrlCase(SITE, "section `/chuyen-muc/tin-tong-hop-300.htm` (idx:61997304903) is no article",
            f"{ORIGIN}/chuyen-muc/tin-tong-hop-300.htm", False),
    UrlCase(SITE, "_mae_config denies `/gioi-thieu` at the root",
            f"{ORIGIN}/gioi-thieu-chuc-nang-12.htm", False),
    UrlCase(SITE, "_mae_config denies `/van-ban`",
            f"{ORIGIN}/van-ban-moi-15.htm", False),
    UrlCase(SITE, "_mae_config: articles end in `.htm`",
            f"{ORIGIN}/hoi-nghi-12348.html", False),
    UrlCase(SITE, "a folder not `tin-…` is no article",
            f"{ORIGIN}/video/phong-su-12349.htm", False),
    ListingCase(
        SITE, "§14 listing links `a.item-tintuc` (_mae_config, 2026)",
        f"{ORIGIN}/chuyen-muc/tin-tong-hop-300.htm",
        '<html><body><ul class="menu"><li><a href="/chuyen-muc/thong-bao-302.htm">Thông báo'
        '</a></li></ul><div><a class="item-tintuc" href="/ra-quan-12350.htm">Một</a><a '
        'class="item-tintuc" href="https://mae.gov.vn/tin-tuc/mua-vu-12351.htm">Hai</a><a '
        'href="/chuyen-muc/tin-tong-hop-300.htm?page=2">2</a></div></body></html>',
        (f"{ORIGIN}/ra-quan-12350.htm", f"{ORIGIN}/tin-tuc/mua-vu-12351.htm"),
    ),
    FieldCase(
        SITE, "ASSUMPTION markup (no source gives the detail page): h1, .sapo, .date, "
        ".detail-content",
        f"{ORIGIN}/hoi-nghi-12352.htm",
        '<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/chuyen-muc/'
        'tin-tong-hop-300.htm">Tin tổng hợp</a></div><article><h1 class="title">Hội nghị '
        'mùa vụ</h1><span class="date">16/08/2026 08:30</span><p class="sapo">Bộ tổng kết '
        'vụ hè thu.</p><div class="detail-content"><p>Đoạn một về lúa.</p><p>Đoạn hai về '
        'nước.</p></div></article></body></html>',
        {"title": "Hội nghị mùa vụ", "lead": "Bộ tổng kết vụ hè thu.",
         "published_at": "2026-08-16T08:30:00+07:00",
         "body": "Đoạn một về lúa.\n\nĐoạn hai về nước.", "category": "Tin tổng hợp"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
    ),
]
