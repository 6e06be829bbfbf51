"""cema.gov.vn evidence (vn_sites_2026 §14; vn_sites.md §2.9): plain HTTP, `/tin-tuc/<group>/
<cat>/<slug>.htm` articles, `.news-block` listings, the ASP.NET detail controls and the
"08:39 AM 25/10/2017" date, as markup typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "cema"
ORIGIN = "http://cema.gov.vn"
ARTICLE = "/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban/bo-truong-lam-viec-voi-tinh.htm"

CASES = [
    UrlCase(SITE, "§14 article `/tin-tuc/<group>/<cat>/<slug>.htm`, http (_cema_config, 2026)",
            f"{ORIGIN}{ARTICLE}", True),
    UrlCase(SITE, "§14 HTTPS certificate mismatch: an https://www. link (idx:56151249264, "
            "2025) is read over http", f"https://www.cema.gov.vn{ARTICLE}", True,
            canonical=f"{ORIGIN}{ARTICLE}"),
    UrlCase(SITE, "§14 section page `/tin-tuc/<group>/<cat>.htm` is no article "
            "(idx:17450655753, 2026-01-20)", f"{ORIGIN}/tin-tuc/tin-tuc-su-kien/"
            "thoi-su-chinh-tri.htm", False),
    UrlCase(SITE, "S1 2021 pager `?p=N` page is no article",
            f"{ORIGIN}/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban.htm?p=2", False),
    UrlCase(SITE, "top section `/tin-tuc.htm` is no article", f"{ORIGIN}/tin-tuc.htm", False),
    UrlCase(SITE, "home `/home.htm` is no article", f"{ORIGIN}/home.htm", False),
    ListingCase(
        SITE, "§14 listing `.news-block`, `.news-block-body`, `.news-block-other` "
        "(_cema_config, 2026)", f"{ORIGIN}/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban.htm",
        '<html><body><div class="menu"><a href="/tin-tuc/tin-tuc-su-kien/thoi-su-chinh-tri.'
        'htm">Thời sự</a></div><div class="news-block"><a href="/tin-tuc/tin-hoat-dong/hoat-'
        'dong-cua-uy-ban/tin-mot.htm"><img src="/a.jpg"></a><div class="news-block-body"><h3>'
        '<a href="/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban/tin-mot.htm">Một</a></h3></div>'
        '</div><div class="news-block-other"><a href="https://www.cema.gov.vn/tin-tuc/tin-hoat'
        '-dong/hoat-dong-cua-uy-ban/tin-hai.htm">Hai</a></div><div class="footer"><a href="'
        '/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban/tin-ba.htm">Ba</a></div></body></html>',
        (f"{ORIGIN}/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban/tin-mot.htm",
         f"{ORIGIN}/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban/tin-hai.htm"),
    ),
    FieldCase(
        SITE, "vn_sites.md §2.9 (2017 pages): controls `…_newsTitle`, `…_lblDate`, "
        "`…_newsContent`; date \"08:39 AM 25/10/2017\"", f"{ORIGIN}{ARTICLE}",
        '<html><body><div class="breadcrumb"><a href="/home.htm">Trang chủ</a> » <a href="'
        '/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban.htm">Hoạt động của Bộ</a></div><h1 id='
        '"BodyContent_ctl00_ctl01_newsTitle">Bộ trưởng làm việc với tỉnh</h1><span id="Body'
        'Content_ctl00_ctl01_lblDate">08:39 AM 25/10/2017</span><div id="BodyContent_ctl00_'
        'ctl01_newsSapo">Đoàn công tác làm việc về chính sách dân tộc.</div><div id="Body'
        'Content_ctl00_ctl01_newsContent"><p>Nội dung buổi làm việc thứ nhất.</p><p>Nội dung '
        'buổi làm việc thứ hai.</p></div></body></html>',
        {"title": "Bộ trưởng làm việc với tỉnh",
         "lead": "Đoàn công tác làm việc về chính sách dân tộc.",
         "published_at": "2017-10-25T08:39:00+07:00",
         "published_raw": "08:39 AM 25/10/2017",
         "body": "Nội dung buổi làm việc thứ nhất.\n\nNội dung buổi làm việc thứ hai.",
         "category": "Hoạt động của Bộ"},
        {"title": "selector", "published_at": "selector", "body": "selector"},
    ),
    FieldCase(
        SITE, "vn_sites.md §2.9: a PM time in the documented layout",
        f"{ORIGIN}{ARTICLE}",
        '<html><body><h1 id="BodyContent_ctl00_ctl01_newsTitle">Tiêu đề</h1><span id="Body'
        'Content_ctl00_ctl01_lblDate">03:05 PM 02/03/2025</span><div id="BodyContent_ctl00_'
        'ctl01_newsContent"><p>Một đoạn văn bản đủ dài cho phần thân bài.</p></div>'
        "</body></html>",
        {"published_at": "2025-03-02T15:05:00+07:00"},
        {"published_at": "selector"},
    ),
]
