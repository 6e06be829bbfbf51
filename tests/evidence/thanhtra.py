"""thanhtra.gov.vn evidence (vn_sites_2026 §14; `_thanhtra_config`, idx:17886542170, 2026):
the Liferay detail URL whose bare query id is part of the article's identity, as markup
typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "thanhtra"
ORIGIN = "https://thanhtra.gov.vn"
DETAIL = f"{ORIGIN}/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//Content/"

CASES = [
    UrlCase(SITE, "§14 article `…/Content/<slug>?<id>` (_thanhtra_config, 2026)",
            f"{DETAIL}hoi-nghi-tong-ket-cong-tac-thanh-tra?48123", True),
    UrlCase(SITE, "§14: the query id is required",
            f"{DETAIL}hoi-nghi-tong-ket-cong-tac-thanh-tra", False),
    UrlCase(SITE, "the bare id stays bare through canonicalisation; www and http fold",
            "http://www.thanhtra.gov.vn/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//"
            "Content/tiep-cong-dan-dinh-ky?48124", True,
            canonical=f"{DETAIL}tiep-cong-dan-dinh-ky?48124"),
    UrlCase(SITE, "a section page is no article", f"{ORIGIN}/web/guest/tin-tuc-su-kien", False),
    ListingCase(
        SITE, "links to the §14 detail shape are articles; pager links are not",
        f"{ORIGIN}/web/guest/tin-tuc-su-kien",
        '<html><body><ul><li><a href="/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//'
        'Content/mot?48130">Một</a></li><li><a href="https://thanhtra.gov.vn/web/guest/xem-'
        'chi-tiet-tin-tuc/-/asset_publisher//Content/hai?48131">Hai</a></li></ul><a href="'
        '/web/guest/tin-tuc-su-kien?p_p_id=101_INSTANCE_x&amp;_101_INSTANCE_x_cur=2">Tiếp '
        'theo</a></body></html>',
        (f"{DETAIL}mot?48130", f"{DETAIL}hai?48131"),
    ),
    FieldCase(
        SITE, "ASSUMPTION markup (no source gives the detail page): Liferay asset content",
        f"{DETAIL}thanh-tra-dot-xuat?48140",
        '<html><body><div class="breadcrumb"><a href="/web/guest/trang-chu">Trang chủ</a> '
        '<a href="/web/guest/hoat-dong-thanh-tra">Hoạt động thanh tra</a></div><div class='
        '"asset-full-content"><h3 class="header-title">Thanh tra đột xuất</h3><div class='
        '"news-date">17/08/2026 14:20</div><div class="news-sapo"><strong>Đoàn thanh tra '
        'công bố quyết định.</strong></div><div class="journal-content-article"><p>Đoạn một.'
        '</p><p>Đoạn hai.</p></div></div></body></html>',
        {"title": "Thanh tra đột xuất", "lead": "Đoàn thanh tra công bố quyết định.",
         "published_at": "2026-08-17T14:20:00+07:00", "body": "Đoạn một.\n\nĐoạn hai.",
         "category": "Hoạt động thanh tra"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
    ),
]
