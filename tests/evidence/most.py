"""most.gov.vn facts (vn_sites_2026 §5), typed here from the facts; the site is an
archive (superseded by mst.gov.vn), its pages stay readable."""

from __future__ import annotations

from tests.evidence import FieldCase, UrlCase

SITE = "most"
ARTICLE = "https://most.gov.vn/vn/tin-tuc/13245/hoi-thao-cong-nghe-sinh-hoc.aspx"
GUID = "ctl00_SPWebPartManager1_g_275cd07f_7dd8_4f62_97b3_19577a1ec443_ctl00"

# The News_Time_Post generation: C# crawler (idx:62105976497) and vjst.vn on the same
# template (idx:66157873719, 2025-2026): `h1.News_Detail_Title`, `span.News_Time_Post`
# "<weekday>, DD/MM/YYYY …", `#divArticleDescription1`, `#divArticleDescription2`,
# `div.Author_Write_TG`.
TIME_POST = """<html><body>
<div id="divArticleDescription3"><h1 class="News_Detail_Title">Hội thảo công nghệ sinh học</h1>
<div><span class="News_Time_Post">Thứ năm, 23/10/2025 10:30</span></div></div>
<div id="divArticleDescription1">Các viện trình bày kết quả nghiên cứu giống mới.</div>
<div id="divArticleDescription2"><div><p>Hội thảo kéo dài hai ngày.</p>
<p>Nhiều đề tài được đề xuất chuyển giao.</p></div></div>
<div class="Author_Write_TG">Lan Anh</div>
</body></html>"""

# S1 (2021-07): title `#divArticleDescription3/h1`, date `…_pnNguontin/p[1]/font`.
NGUONTIN = f"""<html><body>
<div id="divArticleDescription3"><h1>Hội thảo công nghệ sinh học</h1></div>
<div id="divArticleDescription1">Các viện trình bày kết quả nghiên cứu giống mới.</div>
<div id="divArticleDescription2"><div><p>Hội thảo kéo dài hai ngày.</p></div></div>
<div id="{GUID}_pnNguontin"><p><font>Ngày 07/12/2017 14:20</font></p>
<p><font><b>Lan Anh</b></font></p></div>
</body></html>"""

CASES = [
    UrlCase(SITE, "§5 www article URL /vn/tin-tuc/<id>/<slug>.aspx (2017) folds www",
            ARTICLE.replace("https://", "https://www."), True, ARTICLE),
    FieldCase(
        SITE, "§5 News_Time_Post generation (C# crawler; vjst 2025-2026)", ARTICLE,
        TIME_POST,
        {"title": "Hội thảo công nghệ sinh học",
         "published_at": "2025-10-23T10:30:00+07:00",
         "lead": "Các viện trình bày kết quả nghiên cứu giống mới.",
         "body": "Hội thảo kéo dài hai ngày.\n\nNhiều đề tài được đề xuất chuyển giao.",
         "authors": ["Lan Anh"]},
        {"title": "selector", "published_at": "selector", "authors": "selector"},
    ),
    FieldCase(
        SITE, "§5 pnNguontin generation (S1 2021)", ARTICLE, NGUONTIN,
        {"title": "Hội thảo công nghệ sinh học",
         "published_at": "2017-12-07T14:20:00+07:00", "authors": ["Lan Anh"]},
        {"title": "selector", "published_at": "selector"},
    ),
]
