"""sbv.gov.vn evidence (vn_sites_2026 §14 row sbv.gov.vn; idx:62053534597, measured
2026-08-14/15; idx:70140710717, 2026-10-09; idx:58641831063, 2026-09; idx:60031584248,
2026-06): Liferay 7 URL shapes, the one-item open-market page, an article whose title
carries its session date and whose body is a table with an inline style, as markup typed
here from those facts (the numbers are made up)."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "sbv"
ORIGIN = "https://sbv.gov.vn"
OMO = f"{ORIGIN}/vi/nghi%E1%BB%87p-v%E1%BB%A5-th%E1%BB%8B-tr%C6%B0%E1%BB%9Dng-m%E1%BB%9F"
NAMESPACE = "_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_Ab12Cd34Ef56_"

CASES = [
    UrlCase(SITE, "§14 / idx:70140710717 article `/vi/w/sbv570036` (2026-10-09)",
            f"{ORIGIN}/vi/w/sbv570036", True),
    UrlCase(SITE, "www and http fold onto the portal's https origin",
            "http://www.sbv.gov.vn/vi/w/sbv570036", True, canonical=f"{ORIGIN}/vi/w/sbv570036"),
    UrlCase(SITE, "a URL title with Vietnamese letters, percent-encoded (lower-case hex folds)",
            f"{ORIGIN}/vi/w/l%c3%a3i-su%e1%ba%a5t", True,
            canonical=f"{ORIGIN}/vi/w/l%C3%A3i-su%E1%BA%A5t"),
    UrlCase(SITE, "§14 news listing `/vi/web/sbv_portal/tin-tuc-su-kien` is no article",
            f"{ORIGIN}/vi/web/sbv_portal/tin-tuc-su-kien", False),
    UrlCase(SITE, "§14 category page `/-/categories/94000` is no article",
            f"{ORIGIN}/-/categories/94000", False),
    UrlCase(SITE, "§14 exchange-rate page `/vi/web/guest/ty-gia` is no article",
            f"{ORIGIN}/vi/web/guest/ty-gia", False),
    UrlCase(SITE, "§3.3 the open-market page (a Vietnamese friendly URL) is no article",
            OMO, False),
    UrlCase(SITE, "idx:60031584248 the headless delivery API is no article",
            f"{ORIGIN}/o/headless-delivery/v1.0/content-structures/3450514/structured-contents",
            False),
    UrlCase(SITE, "vn_sites.md §2.8: the Oracle WebCenter generation is not crawled",
            "https://www.sbv.gov.vn/webcenter/portal/vi/menu/trangchu/ttsk", False),
    ListingCase(
        SITE, "idx:58641831063 (2026-09): entries in `ul.doc-list`, PDFs beside them in "
              "`a.doc-icon`; the Liferay 7 pager link is no article",
        f"{ORIGIN}/vi/web/sbv_portal/tin-tuc-su-kien",
        '<html><body><section class="portlet"><ul class="doc-list"><li><a class="doc-title" '
        'href="/vi/w/sbv571001">Một</a> <a class="doc-icon" href="/documents/d/sbv/a.pdf">'
        '</a></li><li><a href="https://sbv.gov.vn/vi/w/thong-cao-bao-chi-ve-lai-suat">Hai'
        f'</a></li></ul><a href="/vi/web/sbv_portal/tin-tuc-su-kien?{NAMESPACE}cur=2">Tiếp '
        "theo</a></section></body></html>",
        (f"{ORIGIN}/vi/w/sbv571001", f"{ORIGIN}/vi/w/thong-cao-bao-chi-ve-lai-suat"),
    ),
    ListingCase(
        SITE, "§3.3 / §6 (2026-08-15): the open-market page shows exactly one item, no pager",
        OMO,
        '<html><body><div class="asset-full-content"><h3 class="asset-title"><a href="/vi/w/'
        'sbv571234">KẾT QUẢ ĐẤU THẦU THỊ TRƯỜNG MỞ (02.09.26)</a></h3><div class="journal-'
        'content-article"><p>Bảng.</p></div></div><a href="/vi/web/guest/ty-gia">Tỷ giá</a>'
        "</body></html>",
        (f"{ORIGIN}/vi/w/sbv571234",),
    ),
    FieldCase(
        SITE, "§3.3 (2026-08-15): date in the title `(dd.mm.yy)`, a table with an inline "
              "<style> and `ls01-*` classes, Vietnamese numbers; ASSUMPTION detail markup",
        f"{ORIGIN}/vi/w/sbv571234",
        '<html><body><article class="journal-article"><h1 class="title">KẾT QUẢ ĐẤU THẦU THỊ '
        'TRƯỜNG MỞ (02.09.26)</h1><div class="meta"><span class="date">02/09/2026 16:10</span>'
        '<div class="audio-player"><audio controls src="/documents/d/sbv/x-mp3"></audio></div>'
        '</div><div class="summary"><p>Ngân hàng Nhà nước công bố số liệu phiên giao dịch.</p>'
        '</div><div class="journal-content-article"><p>Chi tiết như bảng dưới đây.</p><style>'
        '.ls01-table td{padding:4px}</style><table class="ls01-table"><tr class="ls01-group">'
        '<td colspan="4">Mua kỳ hạn</td></tr><tr><td>Kỳ hạn 7 ngày</td><td>3/3</td><td>'
        '1.204,55</td><td>4,5</td></tr><tr class="ls01-total"><td>Tổng</td><td></td><td>'
        '1.204,55</td><td></td></tr></table></div><div class="categories"><a class="category-'
        'tag" href="/vi/-/categories/94012">Chính sách tiền tệ</a></div></article><article '
        'class="related"><h2>Tin cùng chuyên mục</h2><ul><li><a href="/vi/w/sbv1">Khác</a>'
        "</li></ul></article></body></html>",
        {"title": "KẾT QUẢ ĐẤU THẦU THỊ TRƯỜNG MỞ (02.09.26)",
         "lead": "Ngân hàng Nhà nước công bố số liệu phiên giao dịch.",
         "published_at": "2026-09-02T16:10:00+07:00",
         "body": "Chi tiết như bảng dưới đây.\n\nMua kỳ hạn\n\nKỳ hạn 7 ngày\n\n3/3\n\n"
                 "1.204,55\n\n4,5\n\nTổng\n\n1.204,55",
         "category": "Chính sách tiền tệ"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
        absent_from_body=("padding", "Khác"),
    ),
    FieldCase(
        SITE, "ASSUMPTION detail markup, asset publisher full view (Liferay 7 defaults)",
        f"{ORIGIN}/vi/w/thong-cao-bao-chi-ve-lai-suat",
        '<html><body><section class="portlet"><div class="asset-full-content"><h3 class="asset-'
        'title">Thông cáo báo chí về lãi suất</h3><div class="asset-metadata"><span class="'
        'metadata-publish-date">09:30 03/09/2026</span></div><div class="asset-summary"><strong>'
        'Ngân hàng Nhà nước giữ nguyên các mức lãi suất điều hành.</strong></div><div class="'
        'asset-content"><div class="journal-content-article"><p>Đoạn một.</p><p>Đoạn hai.</p>'
        '</div></div><div class="asset-categories"><a class="category-tag" href="/vi/-/'
        'categories/94013">Thông cáo báo chí</a></div></div></section></body></html>',
        {"title": "Thông cáo báo chí về lãi suất",
         "lead": "Ngân hàng Nhà nước giữ nguyên các mức lãi suất điều hành.",
         "published_at": "2026-09-03T09:30:00+07:00", "body": "Đoạn một.\n\nĐoạn hai.",
         "category": "Thông cáo báo chí"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
    ),
]
