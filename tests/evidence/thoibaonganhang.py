"""thoibaonganhang.vn facts (vn_sites_2026 §2 and its §12 row), typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "thoibaonganhang"
ARTICLE = "https://thoibaonganhang.vn/lai-suat-tiet-kiem-dau-nam-186132.html"

# The homepage items fetched 2026-07-14 (idx:54660080281): `div.article[id^=article-] >
# h3.article-title > a.article-link`, `span.format_date`, a banner item without a date.
HOME = """<html><body><div class="home-block">
<div class="article" id="article-186140"><a class="thumb" href="/a-186140.html"><img></a>
<h3 class="article-title"><a class="article-link" href="/a-186140.html">A</a></h3>
<span class="format_date">14/07/2026</span></div>
<div class="article" id="article-186101">
<h3 class="article-title"><a class="article-link" href="https://thoibaonganhang.vn/b-186101.html"
title="B">B</a></h3><span class="format_date">13/07/2026</span></div>
<div class="article" id="article-900001">
<h3 class="article-title"><a class="article-link" href="https://www.sbv.gov.vn/">Banner</a></h3>
</div>
<div class="article" id="article-186099">
<h3 class="article-title"><a class="article-link"
href="/preview_article/t/c-186099.html">C</a></h3><span class="format_date">13/07/2026</span>
</div></div></body></html>"""

# The 2020-2021 article markup (vn_sites.md §1 point 3; idx:8423226795) in the 2020 body
# container, with hidden and script elements inside it (the 2021 page has such elements;
# which ones is not detailed).
PAGE = """<html><body><div class="breadcrumb"><a href="/">Trang chủ</a>
<a class="actived" href="/ngan-hang"><span>Ngân hàng</span></a></div>
<h1 class="detail-title">Lãi suất tiết kiệm đầu năm</h1>
<div class="tool"><span class="datetime"><span class="format_time">09:00</span> |
<span class="format_date">10/03/2021</span></span></div>
<p class="detail-sapo">Nhiều ngân hàng giữ nguyên biểu lãi suất trong quý đầu.</p>
<div class="category article-content __MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER">
<div style="display:none">Bản in: Nhiều ngân hàng giữ nguyên biểu lãi suất.</div>
<div class="inner"><p>Kỳ hạn ngắn vẫn ở mức thấp so với cùng kỳ.</p>
<p>Khách hàng lớn được cộng thêm một phần lãi.</p>
<p align="right"><strong>Thu Hà</strong></p></div>
<script>var articleId = 186132;</script><div class="clearfix"></div>
</div></body></html>"""

CASES = [
    UrlCase(SITE, "§2 article URL /<slug>-<id>.html, 2026-08", ARTICLE, True),
    UrlCase(SITE, "§2 /preview_article/t/ variant folds into the article URL",
            "https://thoibaonganhang.vn/preview_article/t/lai-suat-tiet-kiem-dau-nam-186132.html",
            True, ARTICLE),
    UrlCase(SITE, "§2 BRSR listing page is no article",
            "https://thoibaonganhang.vn/ngan-hang&s_cond=&BRSR=15", False),
    ListingCase(SITE, "§12 listing selector vs the 2026-07 homepage item",
                "https://thoibaonganhang.vn/", HOME,
                ("https://thoibaonganhang.vn/a-186140.html",
                 "https://thoibaonganhang.vn/b-186101.html",
                 "https://thoibaonganhang.vn/c-186099.html")),
    FieldCase(
        SITE, "§2 2021 article markup in the 2020 body container with hidden elements",
        ARTICLE, PAGE,
        {"title": "Lãi suất tiết kiệm đầu năm",
         "published_at": "2021-03-10T09:00:00+07:00",
         "lead": "Nhiều ngân hàng giữ nguyên biểu lãi suất trong quý đầu.",
         "body": "Kỳ hạn ngắn vẫn ở mức thấp so với cùng kỳ.\n\n"
                 "Khách hàng lớn được cộng thêm một phần lãi.",
         "authors": ["Thu Hà"], "category": "Ngân hàng"},
        {"title": "selector", "lead": "selector", "body": "selector",
         "published_at": "selector"},
        absent_from_body=("Bản in", "articleId"),
    ),
]
