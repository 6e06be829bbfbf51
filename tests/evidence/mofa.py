"""mofa.gov.vn evidence (vn_sites_2026 §14, `_mofa_config` in idx:17886542170, 2026; links
in idx:70075177794, idx:71045573098, idx:70705104545, idx:60153906833, idx:69166403460):
both URL shapes, category pages, the listing selector and `div.article-summary`, on markup
typed from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "mofa"
ORIGIN = "https://mofa.gov.vn"
DETAIL = f"{ORIGIN}/tin-chi-tiet/chi-tiet"
NEW = f"{DETAIL}/thong-tin-co-ban-ve-mot-quoc-gia-59199-652.html"
OLD = f"{DETAIL}/tai-lieu-co-ban-ve-quan-he-song-phuong-589.html"

CASES = [
    UrlCase(SITE, "§14 `<slug>-<id>-<cat>.html` (idx:70075177794, 2026)", NEW, True),
    UrlCase(SITE, "§14 older `<slug>-<cat>.html` (idx:70705104545, 2026)", OLD, True),
    UrlCase(SITE, "§14 www. folds to the bare host",
            "https://www.mofa.gov.vn/tin-chi-tiet/chi-tiet/thong-tin-57163-596.html", True,
            canonical=f"{DETAIL}/thong-tin-57163-596.html"),
    UrlCase(SITE, "a slug ending in a hyphen gives `--<cat>` (idx:70705104545, 2026)",
            f"{DETAIL}/hoan-thanh-phan-gioi-cam-moc-su-kien-lich-su-trong-dai--589.html", True),
    UrlCase(SITE, "an apostrophe folded into the slug, `-39-s-` (idx:71045573098, 2025-06-30)",
            f"{DETAIL}/viet-nam-39-s-visa-exemption-list-57163-596.html", True),
    UrlCase(SITE, "§14 category `/tin-…`", f"{ORIGIN}/tin-hoat-dong-cua-lanh-dao", False),
    UrlCase(SITE, "§14 category `/hoat-dong-…`", f"{ORIGIN}/hoat-dong-cua-bo?p=2", False),
    UrlCase(SITE, "_mofa_config: `/tin-chi-tiet` alone is no article",
            f"{ORIGIN}/tin-chi-tiet/chi-tiet", False),
    UrlCase(SITE, "the 2004 SharePoint-era path is not this site's shape (vn_sites.md §2.9)",
            "http://www.mofa.gov.vn/vi/bng_vietnam/nr040824153458/", False),
    ListingCase(
        SITE, "§14 listing `a[href*='/tin-chi-tiet/chi-tiet/']` (_mofa_config, 2026)",
        f"{ORIGIN}/tin-bao-chi",
        '<html><body><ul class="menu"><li><a href="/hoat-dong-cua-bo">Hoạt động</a></li>'
        '</ul><div class="news-list"><div class="news-item"><a href="/tin-chi-tiet/chi-tiet/'
        'thong-tin-co-ban-ve-mot-quoc-gia-59199-652.html"><img src="/a.jpg"></a><a href="'
        '/tin-chi-tiet/chi-tiet/thong-tin-co-ban-ve-mot-quoc-gia-59199-652.html">Một</a></div>'
        '<div class="news-item"><a href="https://mofa.gov.vn/tin-chi-tiet/chi-tiet/tai-lieu-'
        'co-ban-ve-quan-he-song-phuong-589.html">Hai</a></div></div><ul class="pagination">'
        '<li><a rel="next" href="/tin-bao-chi?page=2">›</a></li></ul></body></html>',
        (NEW, OLD),
    ),
    FieldCase(
        SITE, "§14 lead `div.article-summary` (_mofa_config, 2026); title, date and body "
        "ASSUMPTION",
        NEW,
        '<html><body><h1 class="logo"><a href="/">Bộ Ngoại giao</a></h1>'
        '<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href='
        '"/tin-bao-chi">Thông cáo báo chí</a></li></ol><div class="article"><h1 class="'
        'article-title">Thứ trưởng tiếp Đại sứ mới</h1><div class="article-date">Ngày đăng: '
        '30/06/2025 - 10:15</div><div class="article-summary">Thứ trưởng tiếp Đại sứ nhân '
        'dịp bắt đầu nhiệm kỳ công tác tại Việt Nam.</div><div class="article-content"><p>'
        "Hai bên trao đổi về quan hệ hợp tác.</p><p>Đại sứ cảm ơn sự hỗ trợ.</p></div></div>"
        "</body></html>",
        {"title": "Thứ trưởng tiếp Đại sứ mới",
         "lead": "Thứ trưởng tiếp Đại sứ nhân dịp bắt đầu nhiệm kỳ công tác tại Việt Nam.",
         "published_at": "2025-06-30T10:15:00+07:00",
         "category": "Thông cáo báo chí",
         "body": "Hai bên trao đổi về quan hệ hợp tác.\n\nĐại sứ cảm ơn sự hỗ trợ."},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector"},
    ),
]
