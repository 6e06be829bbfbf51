"""moha.gov.vn evidence (vn_sites_2026 §14; vn_sites.md §2.9): `---id`/`---oid` article URLs,
`/chuyen-muc/` sections, `a[href*='/tin-tuc/']` listings and the 2021 detail ids, as markup
typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "moha"
ORIGIN = "https://moha.gov.vn"

CASES = [
    UrlCase(SITE, "§14 article `/tin-tuc/<slug>---id<id>` (_moha_config, 2026)",
            f"{ORIGIN}/tin-tuc/hoi-nghi-trien-khai-nhiem-vu-cong-tac-noi-vu---id12345", True),
    UrlCase(SITE, "2026 link with `---oid` (idx:58786395552, 2026)",
            f"{ORIGIN}/tin-tuc/thong-bao-lich-nghi-tet---oid57001", True),
    UrlCase(SITE, "2026 link whose slug ends in a dash: four dashes (idx:58786395552)",
            f"{ORIGIN}/tin-tuc/thong-bao-ve-viec-nghi----oid57002", True),
    UrlCase(SITE, "2026 link with an empty slug (idx:60368112704, 2026-08-23)",
            f"{ORIGIN}/tin-tuc/---oid57003", True),
    UrlCase(SITE, "www. and http fold (S1 2021 used www.moha.gov.vn)",
            "http://www.moha.gov.vn/tin-tuc/tin-mot---oid57004", True,
            canonical=f"{ORIGIN}/tin-tuc/tin-mot---oid57004"),
    UrlCase(SITE, "§14 `_moha_config` allows a trailing slash (idx:17886542170, 2026)",
            f"{ORIGIN}/tin-tuc/tin-hai---id57005/", True),
    UrlCase(SITE, "§14 section page is no article",
            f"{ORIGIN}/chuyen-muc/tin-noi-vu---id3", False),
    UrlCase(SITE, "S1 2021 listing `/tin-tuc-su-kien.html?page=N` is no article",
            f"{ORIGIN}/tin-tuc-su-kien.html?page=2", False),
    UrlCase(SITE, "a /tin-tuc/ link without an id is no article",
            f"{ORIGIN}/tin-tuc/", False),
    UrlCase(SITE, "colab.moha.gov.vn is another site",
            "https://colab.moha.gov.vn/tin-tuc/5647/Tuyen-chon.aspx", False),
    ListingCase(
        SITE, "§14 listing links `a[href*='/tin-tuc/']` (_moha_config, 2026)",
        f"{ORIGIN}/chuyen-muc/tin-noi-vu---id3",
        '<html><body><ul class="menu"><li><a href="/chuyen-muc/thong-bao---id7">Thông báo'
        '</a></li></ul><div class="list"><h3><a href="/tin-tuc/bai-mot---oid57010">Một</a>'
        '</h3><a href="https://moha.gov.vn/tin-tuc/bai-hai---id57009"><img src="/a.jpg"></a>'
        '<a href="/tin-tuc/bai-hai---id57009">Hai</a></div><ul class="pagination"><li><a '
        'href="/chuyen-muc/tin-noi-vu---id3?page=2">2</a></li></ul></body></html>',
        (f"{ORIGIN}/tin-tuc/bai-mot---oid57010", f"{ORIGIN}/tin-tuc/bai-hai---id57009"),
    ),
    FieldCase(
        SITE, "vn_sites.md §2.9 (S1 2021): title `#news_details … h1`, sapo "
        "`#show_description p`, date under the title, body `#show_content`",
        f"{ORIGIN}/tin-tuc/hoi-nghi-can-bo---oid57020",
        '<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/chuyen-muc/'
        'tin-noi-vu---id3">Tin Nội vụ</a></div><div id="news_details"><div></div><div></div>'
        '<div><div><h1>Hội nghị cán bộ ngành Nội vụ</h1><p>14/08/2026 09:15</p><div id="show_'
        'description"><p>Bộ Nội vụ tổ chức hội nghị tổng kết công tác năm.</p></div><div '
        'id="show_content"><p>Đoạn thứ nhất nói về tổ chức bộ máy.</p><p>Đoạn thứ hai nói về '
        'việc làm.</p><p style="text-align: right;"><strong>Minh Anh</strong></p></div></div>'
        '</div></div></body></html>',
        {"title": "Hội nghị cán bộ ngành Nội vụ",
         "lead": "Bộ Nội vụ tổ chức hội nghị tổng kết công tác năm.",
         "published_at": "2026-08-14T09:15:00+07:00",
         "body": "Đoạn thứ nhất nói về tổ chức bộ máy.\n\nĐoạn thứ hai nói về việc làm.",
         "authors": ["Minh Anh"], "category": "Tin Nội vụ"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
    ),
]
