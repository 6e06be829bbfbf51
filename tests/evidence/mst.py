"""mst.gov.vn evidence (vn_sites_2026 §9, §14): `-197…htm` article ids, mic.gov.vn as the same
site, `div.box-category-item` listings and `div.detail-sapo`, as markup typed from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "mst"
ORIGIN = "https://mst.gov.vn"
SLUG = "chuyen-doi-so-trong-co-quan-nha-nuoc"
ID18 = "197260909094710524"  # "197" + 26-09-09 09:47:10 + 3 digits (idx:71046867293)
ID17 = "19724042616014143"  # a 2024 link of 17 digits (idx:55047140965)

CASES = [
    UrlCase(SITE, "§14 article URL, 18-digit id (idx:71353710595, 2026-03-29)",
            f"{ORIGIN}/{SLUG}-{ID18}.htm", True),
    UrlCase(SITE, "§9 article URL, 17-digit id (idx:55047140965, 2024)",
            f"{ORIGIN}/{SLUG}-{ID17}.htm", True),
    UrlCase(SITE, "§9 mic.gov.vn serves the same site (idx:14191498223): folds to mst",
            f"https://mic.gov.vn/{SLUG}-{ID18}.htm", True,
            canonical=f"{ORIGIN}/{SLUG}-{ID18}.htm"),
    UrlCase(SITE, "§9 www.mic.gov.vn over http folds too",
            f"http://www.mic.gov.vn/{SLUG}-{ID17}.htm", True,
            canonical=f"{ORIGIN}/{SLUG}-{ID17}.htm"),
    UrlCase(SITE, "§14 category page", f"{ORIGIN}/tin-tuc-su-kien/chuyen-doi-so.htm", False),
    UrlCase(SITE, "§14 section page", f"{ORIGIN}/tin-tuc-su-kien.htm", False),
    UrlCase(SITE, "§14 draft legal document is no news article",
            f"{ORIGIN}/van-ban-phap-luat/du-thao/1234.htm", False),
    UrlCase(SITE, "§9 old SharePoint URL is the mic archive's, not mst's",
            "https://www.mic.gov.vn/mic_2020/Pages/TinTuc/150123/Tin-Moi.html", False),
    ListingCase(
        SITE, "§14 listing `div.box-category-item a` (_mst_config, idx:17886542170)",
        f"{ORIGIN}/tin-tuc-su-kien/khoa-hoc-va-cong-nghe.htm",
        '<html><body><div class="box-category">'
        f'<div class="box-category-item"><a class="box-category-link-title" href="/{SLUG}-'
        f'{ID18}.htm">Một</a><a class="box-category-category" href="/tin-tuc-su-kien/'
        'chuyen-doi-so.htm">Chuyển đổi số</a></div>'
        f'<div class="box-category-item"><a href="https://mic.gov.vn/bai-hai-{ID17}.htm">Hai'
        '</a></div></div><div class="footer"><a href="/bai-ba-197260101101010101.htm">Ba</a>'
        "</div></body></html>",
        (f"{ORIGIN}/{SLUG}-{ID18}.htm", f"{ORIGIN}/bai-hai-{ID17}.htm"),
    ),
    FieldCase(
        SITE, "§14 sapo `div.detail-sapo`, date in `div.detail-time` DD/MM/YYYY, body "
        "`div.detail-content.afcbc-body` (idx:14191498223)",
        f"{ORIGIN}/{SLUG}-{ID18}.htm",
        '<html><head><meta name="author" content="Hải Đăng"></head><body><h1 class="detail-'
        'title">Chuyển đổi số trong cơ quan nhà nước</h1><div class="detail-time"><div '
        'data-role="publishdate">09/09/2026 09:55</div></div><div class="detail-sapo">Các bộ '
        'ngành đẩy mạnh chuyển đổi số trong xử lý hồ sơ công việc.</div><div class="detail-'
        'content afcbc-body clearfix"><p>Đoạn thứ nhất về nền tảng số.</p><p>Đoạn thứ hai '
        'về dữ liệu dùng chung.</p></div></body></html>',
        {"title": "Chuyển đổi số trong cơ quan nhà nước",
         "lead": "Các bộ ngành đẩy mạnh chuyển đổi số trong xử lý hồ sơ công việc.",
         "published_at": "2026-09-09T09:55:00+07:00",
         "body": "Đoạn thứ nhất về nền tảng số.\n\nĐoạn thứ hai về dữ liệu dùng chung."},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector"},
    ),
]
