"""moet.gov.vn: the sheet's §12 moet row and the §8 facts (2026 URLs from ≥6 files of
2026; SharePoint `ItemID` URLs still linked in 2026, ≤2025 sources; S1 2021 old template),
on markup typed here with filler text of our own. The 2026 article markup is an inference
(§8: VHV-style by URL), so the cases feed both layouts the replica serves."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "moet"
ORIGIN = "https://moet.gov.vn"
S8 = "§8 2026"

TITLE = "Bài mẫu về tuyển sinh năm học mới"
LEAD = "Đoạn dẫn mẫu của bài kiểm thử trang giáo dục."
BODY = ["Đoạn thân thứ nhất của bài mẫu giáo dục.", "Đoạn thân thứ hai của bài mẫu giáo dục."]


def vhv_article(title_class: str, lead_class: str, body: str, date: str) -> str:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta property="article:published_time" content="2026-09-30T21:26:36+0700"></head><body>
<div class="pathway-category"><ol class="breadcrumb"><li class="first-item"><a href="/">Trang
 chủ</a></li><li class="last-item"><a href="/tin-tuc/tin-tong-hop2">Tin tổng hợp</a></li></ol>
</div>
<article class="article-new"><header><span class="post-date">{date}</span></header>
<div class="article-content"><h1 class="{title_class}">{TITLE}</h1>
<div class="{lead_class}"><p><strong>{LEAD}</strong></p></div>
{body}
<div class="article-tags tags"><a class="tag-news" href="/tag/tuy%E1%BB%83n%20sinh">tuyển
 sinh</a></div></div></article>
<div class="related"><h3>Tin liên quan</h3></div></body></html>"""


BODY_HTML = "".join(f"<p>{p}</p>" for p in BODY)
NESTED = vhv_article("article-title common-title-detail title-detail",
                     "article-brief common-brief", '<div class="block-core-a5"><div class='
                     f'"article-content common-content">{BODY_HTML}</div></div>',
                     "Thứ 4, 30/09/2026 | 21:22")
FLAT = vhv_article("title-detail", "article-sapo",
                   f'<div class="article-body common-content">{BODY_HTML}</div>',
                   "30/09/2026 21:22")

ARCHIVE_URL = f"{ORIGIN}/tintuc/pages/tin-hoat-dong-cua-bo.aspx?ItemID=5755"
# S1 2021: `#news-title`, `#news-des`, `#news-detail/div/p`.
ARCHIVE = f"""<!DOCTYPE html><html lang="vi-VN"><head><meta charset="utf-8"></head><body>
<form id="aspnetForm"><div id="ctl00_ctl43_g_mau"><h1 id="news-title">{TITLE}</h1>
<div class="news-info"><span class="news-date">Ngày đăng: 9/3/2025 9:15:00 AM</span></div>
<div id="news-des"><p><strong>{LEAD}</strong></p></div>
<div id="news-detail"><div class="ms-rtestate-field">{BODY_HTML}</div></div>
</div></form></body></html>"""

LISTING_URL = f"{ORIGIN}/tin-tuc/tin-tong-hop2"
HREFS = ["/tin-tuc/tin-tong-hop2/huong-dan-mau-nam-2026.html", "/tin-tuc/mau-tong-ket2.html",
         "/tin-tuc/mau-khong-chuyen-muc.html", "/tintuc/Pages/tin-tong-hop.aspx?ItemID=8979",
         "/tintuc/pages/tin-hoat-dong-cua-bo.aspx?ItemID=5755"]
LISTING = ('<html lang="vi"><body><div moduleRootId="1"><section class="section-list">'
           + "".join(f'<article class="article-news article-news-default"><div class='
                     f'"article-right"><a class="article-title common-title" href="{h}">Mẫu'
                     "</a></div></article>" for h in HREFS)
           + '</section></div><aside><a href="/tin-tuc-cot-phai/chuong-trinh-giao-duc-pho-'
             'thong">Chương trình</a></aside></body></html>')

EXPECTED = {"title": TITLE, "lead": LEAD, "body": "\n\n".join(BODY)}
SELECTOR = {"title": "selector", "lead": "selector", "body": "selector"}

CASES = [
    # §12 moet: "ItemID with Pages matches; lower-case pages rejected; /tin-tuc/…html rejected".
    UrlCase(SITE, "§12 ItemID with Pages", f"{ORIGIN}/tintuc/Pages/tin-tong-hop.aspx?ItemID=8979",
            True),
    UrlCase(SITE, "§12 ItemID with lower-case pages", ARCHIVE_URL, True),
    UrlCase(SITE, "§12 /tin-tuc/…html", f"{ORIGIN}/tin-tuc/mau-khong-chuyen-muc.html", True),
    UrlCase(SITE, f"{S8} tin-tong-hop2 category URL",
            f"{ORIGIN}/tin-tuc/tin-tong-hop2/huong-dan-mau-nam-2026.html", True),
    UrlCase(SITE, f"{S8} slug with the 2 suffix", f"{ORIGIN}/tin-tuc/mau-tong-ket2.html", True),
    UrlCase(SITE, f"{S8} other page names", f"{ORIGIN}/tintuc/Pages/CT-GDPT-Tong-The.aspx"
            "?ItemID=7032", True),
    UrlCase(SITE, f"{S8} giaoducquocdan subsite", f"{ORIGIN}/giaoducquocdan/giao-duc-trung-hoc"
            "/Pages/tin-tuc.aspx?ItemID=5853", True),
    UrlCase(SITE, f"{S8} topic page (no .html)",
            f"{ORIGIN}/tin-tuc-cot-phai/chuong-trinh-giao-duc-pho-thong", False),
    UrlCase(SITE, f"{S8} document page", f"{ORIGIN}/van-ban/vanban/Pages/chi-tiet-van-ban.aspx"
            "?ItemID=1600", False),
    UrlCase(SITE, f"{S8} category listing", f"{ORIGIN}/tin-tuc/tin-tong-hop2", False),
    UrlCase(SITE, f"{S8} RSS address", f"{ORIGIN}/rss/Pages/index.aspx", False),
    FieldCase(SITE, f"{S8} VHV layout as on moit (ASSUMPTION)",
              f"{ORIGIN}/tin-tuc/tin-tong-hop2/huong-dan-mau-nam-2026.html", NESTED,
              expected={**EXPECTED, "published_at": "2026-09-30T21:22:00+07:00",
                        "category": "Tin tổng hợp", "tags": ["tuyển sinh"]},
              provenance={**SELECTOR, "published_at": "selector"},
              absent_from_body=(TITLE, LEAD, "tuyển")),
    FieldCase(SITE, f"{S8} second VHV layout (ASSUMPTION)",
              f"{ORIGIN}/tin-tuc/mau-tong-ket2.html", FLAT,
              expected={**EXPECTED, "published_at": "2026-09-30T21:22:00+07:00"},
              provenance={**SELECTOR, "published_at": "selector"},
              absent_from_body=(TITLE, LEAD)),
    # The archive date line is an ASSUMPTION (month-first SharePoint style): read per page.
    FieldCase(SITE, "§8 S1 2021 archive template", ARCHIVE_URL, ARCHIVE,
              expected={**EXPECTED, "published_at": "2025-09-03T09:15:00+07:00"},
              provenance=SELECTOR),
    ListingCase(SITE, f"{S8} listing with both generations", LISTING_URL, LISTING,
                expected=tuple(ORIGIN + h for h in HREFS)),
]
