"""moj.gov.vn evidence (vn_sites_2026 §14; vn_sites.md §2.9): `?ItemID=` article URLs,
`a[href*='ItemID=']` listings and the detail web part `g_7165e992…`, as markup typed here
from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "moj"
ORIGIN = "https://moj.gov.vn"
PAGES = f"{ORIGIN}/qt/tintuc/Pages"

CASES = [
    UrlCase(SITE, "§14 article `/qt/tintuc/Pages/<slug>.aspx?ItemID=` (_moj_config, 2026)",
            f"{PAGES}/chi-dao-dieu-hanh.aspx?ItemID=4321", True),
    UrlCase(SITE, "the ItemID survives canonicalisation; tracking and www fold",
            "http://www.moj.gov.vn/qt/tintuc/Pages/van-ban-chinh-sach-moi.aspx?ItemID=77"
            "&utm_source=zalo", True,
            canonical=f"{PAGES}/van-ban-chinh-sach-moi.aspx?ItemID=77"),
    UrlCase(SITE, "S1 2021 section `…aspx?Date=&Page=N` is no article",
            f"{PAGES}/van-ban-chinh-sach-moi.aspx?Date=&Page=2", False),
    UrlCase(SITE, "a page name without ItemID is no article",
            f"{PAGES}/chi-dao-dieu-hanh.aspx", False),
    UrlCase(SITE, "ItemID must be a number",
            f"{PAGES}/chi-dao-dieu-hanh.aspx?ItemID=abc", False),
    ListingCase(
        SITE, "§14 listing links `a[href*='ItemID=']` (_moj_config, 2026)",
        f"{PAGES}/chi-dao-dieu-hanh.aspx?Date=&Page=1",
        '<html><body><ul><li><a href="/qt/tintuc/Pages/van-ban-chinh-sach-moi.aspx">Văn bản'
        '</a></li></ul><div class="list"><h3><a href="/qt/tintuc/Pages/chi-dao-dieu-hanh.aspx'
        '?ItemID=501">Một</a></h3><a href="https://moj.gov.vn/qt/tintuc/Pages/chi-tiet-tin.'
        'aspx?ItemID=502">Hai</a></div><a href="/qt/tintuc/Pages/chi-dao-dieu-hanh.aspx?Date'
        '=&amp;Page=2">2</a></body></html>',
        (f"{PAGES}/chi-dao-dieu-hanh.aspx?ItemID=501", f"{PAGES}/chi-tiet-tin.aspx?ItemID=502"),
    ),
    FieldCase(
        SITE, "vn_sites.md §2.9 (S1 2021): title `h1` in web part g_7165e992…, date `span`, "
        "sapo beside it",
        f"{PAGES}/chi-dao-dieu-hanh.aspx?ItemID=503",
        '<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/qt/tintuc/'
        'Pages/chi-dao-dieu-hanh.aspx">Chỉ đạo điều hành</a></div><div id="ctl00_ctl50_g_'
        '7165e992_0000"><div></div><div><div></div><div><div><h1>Bộ Tư pháp họp giao ban</h1>'
        '<span>15/08/2026 10:05</span><div class="sapo">Bộ trưởng chủ trì cuộc họp tháng.</div>'
        '<div class="ms-rtestate-field"><p>Đoạn một về xây dựng pháp luật.</p><p>Đoạn hai về '
        'thi hành án.</p></div></div></div></div></div></body></html>',
        {"title": "Bộ Tư pháp họp giao ban", "lead": "Bộ trưởng chủ trì cuộc họp tháng.",
         "published_at": "2026-08-15T10:05:00+07:00",
         "body": "Đoạn một về xây dựng pháp luật.\n\nĐoạn hai về thi hành án.",
         "category": "Chỉ đạo điều hành"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
    ),
]
