"""bocongan.gov.vn evidence (vn_sites_2026 §14; CMW `scraper/sources/vn_ministries.py` and
`core/collection/vietnam_sources.py`, 2026-10): article URLs of both generations, the
Tailwind detail markup, as markup typed here from the facts (never the CMW fixtures)."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "bocongan"
ORIGIN = "https://bocongan.gov.vn"

CASES = [
    UrlCase(SITE, "§14 article `/bai-viet/<slug>-<10 digits>` (CMW vietnam_sources.py, 2026)",
            f"{ORIGIN}/bai-viet/canh-giac-lua-dao-qua-mang-1790562304", True),
    UrlCase(SITE, "www. folds (2026 links idx:70368096747 use www.)",
            "https://www.bocongan.gov.vn/bai-viet/canh-giac-lua-dao-qua-mang-1790562304", True,
            canonical=f"{ORIGIN}/bai-viet/canh-giac-lua-dao-qua-mang-1790562304"),
    UrlCase(SITE, "older generation `-d<n>-t<id>` still linked (idx:70863723099, 2025)",
            f"{ORIGIN}/bai-viet/huong-dan-to-giac-tu-ngay-0132025-d2-t43729", True),
    UrlCase(SITE, "9 digits is no article id", f"{ORIGIN}/bai-viet/tin-mot-179056230", False),
    UrlCase(SITE, "§14 section `/chuyen-muc/<slug>` is no article",
            f"{ORIGIN}/chuyen-muc/thong-tin-doi-ngoai", False),
    UrlCase(SITE, "§14 RSS `/api/rss/34.xml` is no article", f"{ORIGIN}/api/rss/34.xml", False),
    UrlCase(SITE, "2021 URL `/tin-tuc-su-kien/<slug>-<id>.html` is gone (vn_sites.md §2.9)",
            f"{ORIGIN}/tin-tuc-su-kien/thong-tin-doi-ngoai-20.html", False),
    UrlCase(SITE, "section slug with its 10-digit suffix is no article (idx:55093988597, "
            "2026-07-07)", f"{ORIGIN}/chuyen-muc/thong-tin-doi-ngoai-1751367399", False),
    ListingCase(
        SITE, "section list = main column `article.card-large` links, not the site-wide "
        "sidebar `card-medium`/`card-small` (idx:55093988597, curl 2026-07-07)",
        f"{ORIGIN}/chuyen-muc/thong-tin-doi-ngoai-1751367399",
        '<html><body><div class="grid"><div class="lg:col-span-8"><h3 class="category-title">'
        'Thông tin Đối ngoại</h3><article class="card-large"><figure><a href="/bai-viet/tin-'
        'mot-1790000002"><picture></picture></a><figcaption class="card-content"><a href="/'
        'bai-viet/tin-mot-1790000002"><h2>Một</h2></a><p class="text-bca-gray-700">Tóm tắt'
        '</p><span class="text-bca-gray-700 text-xs">06/07/2026</span></figcaption></figure>'
        '</article><article class="card-large"><figure><a href="/bai-viet/tin-hai-d3-t40001">'
        '</a></figure></article><div><select><option>10</option></select> of 193 pages</div>'
        '</div><div class="lg:col-span-4"><section><h3>Tin đọc nhiều trong tuần</h3><article '
        'class="card-medium"><a href="/bai-viet/tin-doc-nhieu-1790000003">Ba</a></article>'
        '<article class="card-small"><a href="/bai-viet/tin-moi-1790000004">Bốn</a></article>'
        '</section></div></div></body></html>',
        (f"{ORIGIN}/bai-viet/tin-mot-1790000002", f"{ORIGIN}/bai-viet/tin-hai-d3-t40001"),
    ),
    FieldCase(
        SITE, "§14 (CMW vn_ministries.py, 2026-10-06): title `h1`, lead the next `p` "
        "(`p.text-bca-gray-700`), body `.tinymce-content`, date `div > p.text-bca-gray-400`",
        f"{ORIGIN}/bai-viet/hoi-dam-hop-tac-1790562304",
        '<!DOCTYPE html><html lang="vi"><head><meta property="og:url" content="https://'
        'bocongan.gov.vn/bai-viet/hoi-dam-hop-tac-1790562304"><meta property="og:title" '
        'content="Hội đàm hợp tác phòng chống tội phạm"><meta name="author" content="Thu Hà">'
        '</head><body><main><div class="col-span-8"><nav class="breadcrumb"><a href="/">Trang '
        'chủ</a><a href="/chuyen-muc/thong-tin-doi-ngoai">Thông tin Đối ngoại</a></nav><h1 '
        'class="text-2xl">Hội đàm hợp tác phòng chống tội phạm</h1><p class="text-bca-gray-'
        '700">Hai bên thống nhất tăng cường trao đổi thông tin.</p><div class="flex"><p class='
        '"text-bca-gray-400">28/09/2026 10:12</p></div><div class="tinymce-content"><p>Đoạn '
        'thứ nhất của bài viết.</p><p>Đoạn thứ hai của bài viết.</p></div></div></main>'
        '</body></html>',
        {"title": "Hội đàm hợp tác phòng chống tội phạm",
         "lead": "Hai bên thống nhất tăng cường trao đổi thông tin.",
         "published_at": "2026-09-28T10:12:00+07:00",
         "body": "Đoạn thứ nhất của bài viết.\n\nĐoạn thứ hai của bài viết.",
         "authors": ["Thu Hà"], "category": "Thông tin Đối ngoại"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector"},
        absent_from_body=("Hai bên thống nhất",),
    ),
    FieldCase(
        SITE, "§14 (CMW vn_ministries.py): the lead is the first `p` sibling after `h1` (not "
        "only an adjacent one); the date is read only in the body's column",
        f"{ORIGIN}/bai-viet/hoi-dam-hop-tac-1790562304",
        '<html lang="vi"><body><aside><div><p class="text-bca-gray-400">01/01/2020 07:00</p>'
        '</div><a href="/bai-viet/tin-khac-1700000000">Tin khác</a></aside><main><div><h1>'
        'Tiêu đề bài</h1><div class="share"></div><p class="text-bca-gray-700">Đoạn dẫn của '
        'bài.</p><p>Không phải đoạn dẫn.</p><div><p class="text-bca-gray-400">Thứ hai, '
        '28/09/2026, 10:12</p></div><div class="tinymce-content"><p>Thân bài đủ dài để đọc '
        'được.</p></div></div></main></body></html>',
        {"lead": "Đoạn dẫn của bài.", "published_at": "2026-09-28T10:12:00+07:00",
         "published_raw": "Thứ hai, 28/09/2026, 10:12"},
        {"lead": "selector", "published_at": "selector"},
    ),
]
