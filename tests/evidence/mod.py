"""mod.gov.vn evidence (vn_sites_2026 §14 row mod.gov.vn; vn_sites.md §2.9): IBM WCM
`/home/detail?urile=wcm:path:…` articles, `/home/news…` sections, the 2021 `#listArticle`
listing and the opaque WPS URLs, as markup and URLs typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "mod"
ORIGIN = "https://mod.gov.vn"
DETAIL = f"{ORIGIN}/home/detail?urile=wcm%3Apath%3A%2Fmod%2F"


def canonical(area: str, name: str) -> str:
    return f"{DETAIL}{area}%2F{name}"


CASES = [
    UrlCase(SITE, "§14 article `/home/detail?…urile=wcm:path:…` (_modgov_config, 2026)",
            f"{ORIGIN}/home/detail?urile=wcm:path:/mod/sa-tin-tuc/hoi-nghi-quan-chinh-35001",
            True, canonical=canonical("sa-tin-tuc", "hoi-nghi-quan-chinh-35001")),
    UrlCase(SITE, "the same article, its query percent-encoded in lower case",
            f"{ORIGIN}/home/detail?urile=wcm%3apath%3a%2fmod%2fsa-su-kien%2fdien-tap-35002",
            True, canonical=canonical("sa-su-kien", "dien-tap-35002")),
    UrlCase(SITE, "the canonical form itself", canonical("sa-thoi-su", "tin-ba-35003"), True),
    UrlCase(SITE, "§14 section `/home/news?…urile=` is no article (_modgov_config)",
            f"{ORIGIN}/home/news?urile=wcm:path:/mod/sa-tin-tuc", False),
    UrlCase(SITE, "§14 section prefix `/home/news/event` is no article",
            f"{ORIGIN}/home/news/event?urile=wcm:path:/mod/sa-su-kien&page=2", False),
    UrlCase(SITE, "home `/home` is no article (_modgov_config home_path)",
            f"{ORIGIN}/home", False),
    UrlCase(SITE, "`/home/detail` without a content path is no article",
            f"{ORIGIN}/home/detail", False),
    UrlCase(SITE, "S1 2021 opaque WPS URL: article or listing cannot be told, not followed",
            f"{ORIGIN}/wps/portal/!ut/p/b1/04_Sj9CPykssy0xPLMnMz0vMAfGjzOI9Q3yNgh0N/", False),
    UrlCase(SITE, "another host", "https://qdnd.vn/home/detail?urile=wcm:path:/mod/a-1",
            False),
    ListingCase(
        SITE, "vn_sites.md §2.9 (S1 2021): listing `//*[@id=\"listArticle\"]/div/div/h1/a`",
        f"{ORIGIN}/home/news?urile=wcm:path:/mod/sa-tin-tuc",
        '<html><body><ul class="menu"><li><a href="/home/news/td?urile=wcm:path:/mod/sa-'
        'thoi-su">Thời sự</a></li></ul><div id="listArticle"><div><div><h1><a href="/home/'
        'detail?urile=wcm:path:/mod/sa-tin-tuc/bai-mot-35010">Bài một</a></h1></div></div>'
        '<div><div><h1><a href="/home/detail?urile=wcm%3Apath%3A%2Fmod%2Fsa-tin-tuc%2Fbai-'
        'hai-35009">Bài hai</a></h1></div></div></div><ul class="pagination"><li><a href="'
        '/home/news?urile=wcm:path:/mod/sa-tin-tuc&amp;page=2">2</a></li></ul></body></html>',
        (canonical("sa-tin-tuc", "bai-mot-35010"), canonical("sa-tin-tuc", "bai-hai-35009")),
    ),
    FieldCase(
        SITE, "ASSUMPTION markup (no WCM article page documented): `div.article-detail`",
        canonical("sa-tin-tuc", "hoi-nghi-quan-chinh-35020"),
        '<html><body><div class="breadcrumb"><a href="/home">Trang chủ</a> <a href="/home/'
        'news?urile=wcm:path:/mod/sa-tin-tuc">Tin tức - Sự kiện</a></div><div class="'
        'article-detail"><h1 class="title">Hội nghị Quân chính toàn quân</h1><div class="'
        'date-time">05/10/2026 08:30</div><div class="sapo"><strong>Bộ Quốc phòng tổ chức '
        'hội nghị tổng kết.</strong></div><div class="detail-content"><p>Đoạn thứ nhất về '
        'huấn luyện.</p><p>Đoạn thứ hai về hậu cần.</p><p style="text-align: right;"><strong>'
        'Minh Anh</strong></p></div></div></body></html>',
        {"title": "Hội nghị Quân chính toàn quân",
         "lead": "Bộ Quốc phòng tổ chức hội nghị tổng kết.",
         "published_at": "2026-10-05T08:30:00+07:00",
         "body": "Đoạn thứ nhất về huấn luyện.\n\nĐoạn thứ hai về hậu cần.",
         "authors": ["Minh Anh"], "category": "Tin tức - Sự kiện"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector"},
    ),
    FieldCase(
        SITE, "ASSUMPTION markup, second variant: `article.news-detail`, time first",
        canonical("sa-su-kien", "dien-tap-phong-thu-35021"),
        '<html><body><div class="breadcrumb"><a href="/home">Trang chủ</a> <a href="/home/'
        'news/event?urile=wcm:path:/mod/sa-su-kien">Hoạt động quốc phòng</a></div><article '
        'class="news-detail"><h2 class="news-title">Diễn tập khu vực phòng thủ</h2><p class'
        '="news-date">14:05 01/10/2026</p><div class="news-summary">Tỉnh tổ chức diễn tập.'
        '</div><div class="news-content"><p>Nội dung diễn tập gồm ba giai đoạn.</p></div>'
        '</article></body></html>',
        {"title": "Diễn tập khu vực phòng thủ", "lead": "Tỉnh tổ chức diễn tập.",
         "published_at": "2026-10-01T14:05:00+07:00",
         "body": "Nội dung diễn tập gồm ba giai đoạn.", "category": "Hoạt động quốc phòng"},
        {"title": "selector", "lead": "selector", "published_at": "selector",
         "body": "selector", "category": "selector"},
    ),
]
