"""congthuong.vn facts (vn_sites_2026 §1 and its §12 row), typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "congthuong"
ARTICLE = "https://congthuong.vn/gia-dien-mua-kho-dieu-chinh-the-nao-437945.html"

# The 2017-2019 article template (idx:48417647467, idx:9895299792) with the real body class
# `__MASTERCMS_CONTENT_BODY clearfix` (§12 row) and a 2022 in-body autolink
# (idx:8829734521); the tag box markup is unverified (one of the served variants).
PAGE = """<html><head><meta property="og:title" content="Giá điện mùa khô điều chỉnh thế nào">
</head><body>
<div class="top-hotline">Đường dây nóng: 0866.59.4498 - Thứ sáu 05/12/2026 09:15</div>
<ul class="breadcrumb breadcrumb-list"><li><a href="/"><i></i></a></li>
<li><a class="actived" href="/nang-luong" title="Năng lượng"><span>Năng lượng</span></a></li></ul>
<article class="article"><h1 class="article-title">Giá điện mùa khô điều chỉnh thế nào</h1>
<div class="article-meta"><span class="bx-time lt">08:05 | 14/01/2026</span></div>
<div class="article-desc fw lt clearfix">Mùa khô tới sớm, ngành điện tính lại biểu giá
cho các hộ dùng nhiều.&nbsp;</div>
<div class="__MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER fw lt mb-15 clearfix">
<div class="__MASTERCMS_CONTENT_BODY clearfix">
<p>Các nhà máy thủy điện giữ nước từ cuối năm để bù cho tháng nắng.</p>
<p>Theo đề xuất, <a href="https://congthuong.vn/tag/gia-dien-4412.tag" title="Xem thêm tin về
giá điện" style="font-weight: bold; color: blue;">giá điện</a> bậc cao sẽ tăng nhẹ.</p>
<p class="author">Minh Châu</p>
</div></div>
<div class="article-tags fw lt"><span>Tags:</span>
<a href="/tag/nang-luong-2231.tag" title="năng lượng">năng lượng</a>,
<a href="/tag/mua-kho-90871.tag" title="mùa khô">mùa khô</a></div>
</article></body></html>"""

LISTING = """<html><body><div class="list-news fw lt">
<div class="article"><a class="article-image" href="/a-b-437901.html"><img src="/x.png"></a>
<h3><a href="/a-b-437901.html" title="A">A</a></h3></div>
<div class="article"><h3><a href="https://congthuong.vn/c-d-437899.html">C</a></h3></div>
</div>
<div class="grNextPage __MB_ARTICLE_PAGING lt"><span class="current">1</span>
<a href="/thoi-su&s_cond=&BRSR=15">2</a><a href="/thoi-su&s_cond=&BRSR=15">›</a>
<a href="/thoi-su&s_cond=&BRSR=45">»</a></div>
<div class="box-most-read"><ul><li><a href="/e-f-437000.html">E</a></li></ul></div>
</body></html>"""

# The `a.article-title` generation (idx:48417647467: `//a[@class="article-title"]`).
LISTING_TITLE_LINKS = """<html><body><div class="cate">
<div class="story"><a class="article-title" href="/g-h-437800.html" title="G">G</a></div>
<div class="story"><a class="article-title" href="/tag/chinh-phu-143147.tag">tag</a></div>
<div class="story"><a class="article-title" href="/i-k-437790.html" title="I">I</a></div>
</div></body></html>"""

CASES = [
    UrlCase(SITE, "§1 article URL /<slug>-<6-digit id>.html, Jan 2026", ARTICLE, True),
    UrlCase(SITE, "§1 www and http fold to the article URL",
            ARTICLE.replace("https://", "http://www."), True, ARTICLE),
    UrlCase(SITE, "§1 tag URL /tag/<slug>-<id>.tag is no article (2026-09-30)",
            "https://congthuong.vn/tag/chinh-phu-143147.tag", False),
    UrlCase(SITE, "§1 topic URL /chu-de/<slug>.topic is no article (2026-09-30)",
            "https://congthuong.vn/chu-de/gia-xang-dau-hom-nay.topic", False),
    UrlCase(SITE, "§1 search /search_enginer.html?p=search&q= is no article (2026)",
            "https://congthuong.vn/search_enginer.html?p=search&q=gi%C3%A1", False),
    UrlCase(SITE, "§1 BRSR listing page is no article (sister sites 2023-2026)",
            "https://congthuong.vn/thoi-su&s_cond=&BRSR=15", False),
    FieldCase(
        SITE, "§12 body selector on the real class __MASTERCMS_CONTENT_BODY clearfix",
        ARTICLE, PAGE,
        {"title": "Giá điện mùa khô điều chỉnh thế nào",
         "published_at": "2026-01-14T08:05:00+07:00",
         "lead": "Mùa khô tới sớm, ngành điện tính lại biểu giá cho các hộ dùng nhiều.",
         "body": "Các nhà máy thủy điện giữ nước từ cuối năm để bù cho tháng nắng.\n\n"
                 "Theo đề xuất, giá điện bậc cao sẽ tăng nhẹ.",
         "authors": ["Minh Châu"], "category": "Năng lượng",
         # The autolink's "giá điện" stays body text and is no tag of the record.
         "tags": ["năng lượng", "mùa khô"]},
        {"title": "selector", "body": "selector", "published_at": "selector"},
        absent_from_body=("Đường dây nóng", "Xem thêm tin về"),
    ),
    ListingCase(SITE, "§1 listing .article>h3>a (idx:9895299792)",
                "https://congthuong.vn/thoi-su", LISTING,
                ("https://congthuong.vn/a-b-437901.html",
                 "https://congthuong.vn/c-d-437899.html")),
    ListingCase(SITE, "§1 listing a.article-title generation (idx:48417647467)",
                "https://congthuong.vn/thoi-su&s_cond=&BRSR=20", LISTING_TITLE_LINKS,
                ("https://congthuong.vn/g-h-437800.html",
                 "https://congthuong.vn/i-k-437790.html")),
]
