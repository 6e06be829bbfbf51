"""bvhttdl.gov.vn evidence (vn_sites_2026 §14, `_bvhttdl_config` in idx:17886542170, 2026;
idx:17450655753, 2026; vn_sites.md §2.9; idx:48517665343, undated): timestamp article URLs,
topic pages, the pager link and the article selectors, on markup typed from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "bvhttdl"
ORIGIN = "https://bvhttdl.gov.vn"
STAMP = "20260120162634507"  # YYYYMMDDhhmmss + ms (idx:17450655753)
ARTICLE = f"{ORIGIN}/du-lich-an-giang-vuon-tam-quoc-te-{STAMP}.htm"

CASES = [
    UrlCase(SITE, "§14 article URL, 17-digit stamp (idx:17450655753, 2026)", ARTICLE, True),
    UrlCase(SITE, "§14 14-digit stamp (`_bvhttdl_config` \\d{14,17})",
            f"{ORIGIN}/le-hoi-mua-xuan-20260120162634.htm", True),
    UrlCase(SITE, "vn_sites.md §2.9 2021 article (S1)",
            f"{ORIGIN}/hoi-nghi-van-hoa-20210507084003259.htm", True),
    UrlCase(SITE, "§14 `-t<id>.htm` is a topic page, not an article (_bvhttdl_config)",
            f"{ORIGIN}/le-hoi-van-hoa-t112.htm", False),
    UrlCase(SITE, "§14 category `/<slug>.htm`", f"{ORIGIN}/du-lich.htm", False),
    UrlCase(SITE, "2021 listing page `/<cat>/trang-<N>.htm` (S1)",
            f"{ORIGIN}/tin-tuc-va-su-kien/van-hoa/trang-2.htm", False),
    UrlCase(SITE, "a 6-digit id is outside `\\d{14,17}` (_bvhttdl_config)",
            f"{ORIGIN}/quy-hoach-khu-du-lich-quoc-gia-620238.htm", False),
    UrlCase(SITE, "a 2026 link through `/Pages/chi-tiet.aspx?url=` carries no stamp "
            "(idx:69387923249): no article key, not taken",
            f"{ORIGIN}/Pages/chi-tiet.aspx?url=%2Fchuyen-gia-hoan-tat-khao-sat-khu-di-tich.htm",
            False),
    UrlCase(SITE, "an 18-digit number is no stamp",
            f"{ORIGIN}/bai-viet-202601201626345071.htm", False),
    ListingCase(
        SITE, "§14 listing: `.htm` links that are article URLs (_bvhttdl_config); topic "
        "and category links skipped",
        f"{ORIGIN}/du-lich.htm",
        '<html><body><a href="/van-hoa.htm">Văn hóa</a><div class="content-right left">'
        f'<div class="item"><a href="/du-lich-an-giang-vuon-tam-quoc-te-{STAMP}.htm"><img '
        f'src="/a.jpg"></a><h3><a href="/du-lich-an-giang-vuon-tam-quoc-te-{STAMP}.htm">Một'
        '</a></h3></div><div class="item"><h3><a href="https://bvhttdl.gov.vn/le-hoi-mua-'
        'xuan-20260120162634.htm">Hai</a></h3></div><ul class="pager"><li class="pager_next">'
        '<a href="/du-lich/trang-2.htm">Trang sau</a></li></ul></div><a href="/le-hoi-van-'
        'hoa-t112.htm">Chuyên đề</a></body></html>',
        (ARTICLE, f"{ORIGIN}/le-hoi-mua-xuan-20260120162634.htm"),
    ),
    FieldCase(
        SITE, "title `h2.title`, date `span.time.margin-bottom`, sapo `p.sapo`, body "
        "`div.entry-body`, author `p.author` (idx:48517665343; `p.sapo` _bvhttdl_config 2026)",
        ARTICLE,
        '<html><body><div class="detail"><h2 class="title">An Giang vươn tầm du lịch quốc '
        'tế</h2><span class="time margin-bottom">20/01/2026 16:26</span><p class="sapo">Tỉnh'
        ' đặt mục tiêu đón thêm nhiều du khách quốc tế trong năm tới.</p><div class="entry-'
        'body"><p>Đoạn đầu về các tuyến du lịch.</p><p>Đoạn sau về hạ tầng đón khách.</p>'
        '</div><p class="author">Minh Anh</p></div></body></html>',
        {"title": "An Giang vươn tầm du lịch quốc tế",
         "lead": "Tỉnh đặt mục tiêu đón thêm nhiều du khách quốc tế trong năm tới.",
         "published_at": "2026-01-20T16:26:00+07:00",
         "body": "Đoạn đầu về các tuyến du lịch.\n\nĐoạn sau về hạ tầng đón khách.",
         "authors": ["Minh Anh"]},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector"},
    ),
    FieldCase(
        SITE, "ASSUMPTION variants: `h1.title`, time before the date",
        ARTICLE,
        '<html><body><h1 class="title">Ngày hội văn hóa các dân tộc</h1><span class="time '
        'margin-bottom">08:05 21/01/2026</span><p class="sapo">Ngày hội diễn ra trong ba '
        'ngày với nhiều hoạt động.</p><div class="entry-body"><p>Nội dung chính.</p></div>'
        "</body></html>",
        {"title": "Ngày hội văn hóa các dân tộc",
         "published_at": "2026-01-21T08:05:00+07:00", "body": "Nội dung chính."},
        {"title": "selector", "published_at": "selector"},
    ),
    FieldCase(
        SITE, "ASSUMPTION variant: VCCorp-family names, as the images sit on "
        "bvhttdl.mediacdn.vn (idx:59427081656, 2021)",
        ARTICLE,
        '<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/du-lich.htm">'
        'Du lịch</a></div><h1 class="detail-title">Lễ hội hoa xuân</h1><div class="detail-'
        'time">Thứ ba, 20/01/2026 - 16:26</div><p class="sapo">Lễ hội mở cửa trong một tuần '
        'đón du khách.</p><div class="detail-content"><p>Nội dung về lễ hội.</p></div>'
        '<p class="author">Thu Hà</p></body></html>',
        {"title": "Lễ hội hoa xuân", "published_at": "2026-01-20T16:26:00+07:00",
         "lead": "Lễ hội mở cửa trong một tuần đón du khách.", "body": "Nội dung về lễ hội.",
         "category": "Du lịch", "authors": ["Thu Hà"]},
        {"title": "selector", "published_at": "selector", "body": "selector"},
    ),
]
