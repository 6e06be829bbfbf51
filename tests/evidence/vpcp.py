"""vpcp.chinhphu.vn evidence (vn_sites_2026 §14; `_vpcp_config` in idx:17886542170, 2026;
idx:17450655753, 2026): `-115…htm` article ids, its category pages, `a.box-stream-link-title`
and `a.box-focus-link-title` listings, as markup typed from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "vpcp"
ORIGIN = "https://vpcp.chinhphu.vn"
ID = "115260109145352342"  # "115" + 26-01-09 14:53:52 + 3 digits (idx:17450655753)
OLD = "115221225123659938"  # a 2022 article linked in 2026 (idx:57184310354)
ARTICLE = f"{ORIGIN}/mot-bai-viet-{ID}.htm"

CASES = [
    UrlCase(SITE, "§14 article URL `-115…htm` (idx:17450655753, 2026)", ARTICLE, True),
    UrlCase(SITE, "§14 older article id of 2022 (idx:57184310354)",
            f"{ORIGIN}/hoan-thanh-dich-vu-cong-thiet-yeu-{OLD}.htm", True),
    UrlCase(SITE, "§14 category page", f"{ORIGIN}/thong-tin-hoat-dong.htm", False),
    UrlCase(SITE, "§14 nested category page (idx:17450655753)",
            f"{ORIGIN}/cong-ttdt-chinh-phu/thong-cao-bao-chi.htm", False),
    UrlCase(SITE, "_vpcp_config denies /video", f"{ORIGIN}/video.htm", False),
    UrlCase(SITE, "_vpcp_config denies /video items",
            f"{ORIGIN}/video/mot-bai-viet-{ID}.htm", False),
    UrlCase(SITE, "the old portal's `.vgp` pages (idx:19837588184, idx:43540211600, undated)",
            "http://vpcp.chinhphu.vn/Home/gioi-thieu-vpcp/lanh-dao-van-phong-chinh-phu.vgp",
            False),
    UrlCase(SITE, "baochinhphu's `-102…` id is another site's",
            f"{ORIGIN}/mot-bai-viet-102260109145352342.htm", False),
    ListingCase(
        SITE, "§14 listing `a.box-stream-link-title`, `a.box-focus-link-title` "
        "(_vpcp_config, 2026)",
        f"{ORIGIN}/thong-tin-hoat-dong.htm",
        '<html><body><a href="/thong-tin-hoat-dong.htm">Thông tin hoạt động</a>'
        f'<div class="box-focus"><h3><a class="box-focus-link-title" href="/mot-bai-viet-{ID}'
        '.htm">Một</a></h3></div><div class="box-stream"><div class="box-stream-item">'
        f'<a class="box-stream-link-with-avatar" href="/hai-{OLD}.htm"><img src="/a.jpg"></a>'
        f'<h2><a class="box-stream-link-title" href="/hai-{OLD}.htm">Hai</a></h2></div>'
        '<div class="box-stream-item"><h2><a class="box-stream-link-title" href="/video/ba-'
        f'{ID}.htm">Ba</a></h2></div></div></body></html>',
        (ARTICLE, f"{ORIGIN}/hai-{OLD}.htm"),
    ),
    FieldCase(
        SITE, "§14 VCCorp-family article (ASSUMPTION: baochinhphu's template, sapo in a div)",
        ARTICLE,
        '<html><head><meta property="article:published_time" content="2026-01-09T15:02:00'
        '+07:00"></head><body><div class="detail-breadcrumb"><ul><li><a href="/thong-tin-'
        'hoat-dong.htm" data-role="cate-name">Thông tin hoạt động</a></li></ul></div>'
        '<h1 class="detail-title" data-role="title">Văn phòng Chính phủ họp giao ban tháng'
        '</h1><div class="detail-sapo" data-role="sapo">Cuộc họp rà soát các nhiệm vụ được '
        'giao trong tháng.</div><div class="detail-content afcbc-body clearfix" data-role='
        '"content"><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></body></html>',
        {"title": "Văn phòng Chính phủ họp giao ban tháng",
         "lead": "Cuộc họp rà soát các nhiệm vụ được giao trong tháng.",
         "published_at": "2026-01-09T15:02:00+07:00",
         "category": "Thông tin hoạt động",
         "body": "Đoạn một của bài.\n\nĐoạn hai của bài."},
        {"title": "selector", "lead": "selector", "body": "selector"},
    ),
]
