"""baochinhphu.vn evidence (vn_sites_2026 §3 and §12), as markup typed here from the facts:
ids of 15-18 digits, the dateline variants of the sapo, the 2026 breadcrumb, tag list,
meta dates and body noise of the VCCorp template, and the listing stream item."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "baochinhphu"
ORIGIN = "https://baochinhphu.vn"
SLUG = "chinh-phu-ban-hanh-nghi-dinh-moi"
# "102" + id time 26-08-22 21:15:00 + 0-3 digits (§3: 18/17/16/15 digits, 776/90/4/1).
IDS = {18: "102260822211500123", 17: "10226082221150012", 16: "1022608222115001",
       15: "102260822211500"}
FEED_IDS = "PS:new_items.json 2026-07/08 (§3 id lengths, §12 row 1)"

URL_CASES = [
    *(UrlCase(SITE, f"{FEED_IDS}: {n} digits", f"{ORIGIN}/{SLUG}-{key}.htm", True)
      for n, key in IDS.items()),
    UrlCase(SITE, "§3: 14 digits is no article id", f"{ORIGIN}/{SLUG}-10226082221150.htm",
            False),
    UrlCase(SITE, "§3: 19 digits is no article id",
            f"{ORIGIN}/{SLUG}-1022608222115001234.htm", False),
    UrlCase(SITE, "§3: http and www fold", f"http://www.baochinhphu.vn/{SLUG}-{IDS[17]}.htm",
            True, canonical=f"{ORIGIN}/{SLUG}-{IDS[17]}.htm"),
    UrlCase(SITE, "§3: category page", f"{ORIGIN}/kinh-te.htm", False),
    UrlCase(SITE, "§3: timeline fragment", f"{ORIGIN}/timelinelist/1027/2.htm", False),
    UrlCase(SITE, "§3: home feed", f"{ORIGIN}/home.rss", False),
    UrlCase(SITE, "CMW 2026-10-06: tag page /<slug>.html", f"{ORIGIN}/chinh-sach-moi.html",
            False),
]


def page(sapo: str, *, head: str = "", title: str = "Chính phủ ban hành nghị định mới",
         time: str = "22/08/2026 21:15", body: str = "<p>Đoạn thứ nhất của bài.</p>",
         extra: str = "") -> str:
    """An article page of the 2026 template (CMW captures, 2026-10-06)."""
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f'{head}</head><body><div class="detail-mcontent"><h1 class="detail-title" '
        f'data-role="title">{title}</h1><div class="detail-info"><div class="detail-time">'
        f'<div data-role="publishdate">{time}</div></div></div><h2 class="detail-sapo" '
        f'data-role="sapo">{sapo}</h2><div class="detail-content afcbc-body clearfix" '
        f'data-role="content">{body}</div>{extra}</div></body></html>'
    )


URL = f"{ORIGIN}/{SLUG}-{IDS[18]}.htm"
LEAD = "Chính phủ vừa ban hành nghị định về quản lý đầu tư công năm 2026."
SCORE = "Giành chiến thắng 2-0 trước đội chủ nhà, đội tuyển vào bán kết."
DATELINE_CASES = [
    FieldCase(SITE, f"§12 {name}", URL, page(sapo), {"lead": lead}, {"lead": "selector"})
    for name, sapo, lead in (
        ("'(Chinhphu.vn) - ' (96.4 %)", f"(Chinhphu.vn) - {LEAD}", LEAD),
        ("en dash (3.6 %)", f"(Chinhphu.vn) – {LEAD}", LEAD),
        ("en dash, hyphen inside the text", f"(Chinhphu.vn) – {SCORE}", SCORE),
        ("hyphen, hyphen inside the text", f"(Chinhphu.vn) - {SCORE}", SCORE),
        ("doubled dateline", f"(Chinhphu.vn) - (Chinhphu.vn) - {LEAD}", LEAD),
        ("no space", f"(Chinhphu.vn)-{LEAD}", LEAD),
        ("no space, en dash", f"(Chinhphu.vn)–{SCORE}", SCORE),
        ("'(Chinh phu.vn)'", f"(Chinh phu.vn) - {LEAD}", LEAD),
        ("no dateline: a sapo is kept whole", "Hội nghị Việt Nam - Lào khai mạc sáng nay.",
         "Hội nghị Việt Nam - Lào khai mạc sáng nay."),
        ("NBSP after the dash", f"(Chinhphu.vn) -&nbsp;{LEAD}", LEAD),
    )
]

CLASSIFIED = page(
    f"(Chinhphu.vn) - {LEAD}",
    head=('<script type="application/ld+json">{"@context":"https://schema.org","@type":'
          '"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":'
          '"Chính trị","item":"https://baochinhphu.vn/chinh-tri.htm"},{"@type":"ListItem",'
          '"position":2,"name":"Đối ngoại","item":"https://baochinhphu.vn/chinh-tri/doi-ngoai'
          '.htm"}]}</script>'),
    extra=('<div class="detail-breadcrumb"><ul><li><a href="/" title="Trang chủ">Trang chủ'
           '</a></li><li><a href="/chinh-tri.htm" data-role="cate-name">Chính trị</a></li>'
           '<li><a href="/chinh-tri/doi-ngoai.htm" data-role="cate-name">Đối ngoại</a></li>'
           '</ul></div><div class="detail-tag"><ul class="detail-tag-list" data-role="tags">'
           '<li><a href="/dau-tu-cong.html" title="Đầu tư công">Đầu tư công</a></li><li><a '
           'href="/nghi-dinh.html" title="Nghị định">Nghị định</a></li></ul></div>'),
)

META = ('<meta property="article:published_time" content="2026-08-22T21:15:00+07:00">'
        '<meta property="article:modified_time" content="2026-08-23T08:02:00+07:00">'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"NewsArticle","headline":"Chính phủ ban hành nghị định mới","datePublished":'
        '"2026-08-22T21:15:00+07:00","dateModified":"2026-08-23T08:02:00+07:00","author":'
        '[{"@type":"Person","name":"Minh Anh"}]}</script>')

NOISY_BODY = (
    "<p>Đoạn thứ nhất của bài viết về đầu tư công.</p>"
    "<!-- bonewsrelation --><div class=\"VCSortableInPreviewMode  alignRight\" "
    "type=\"RelatedNewsBox\" relatednewsboxtype=\"type-2\"><div class=\"kbwscwl-relatedbox "
    "type-2 fl\"><ul class=\"kbwscwlr-list\"><li class=\"kbwscwlrl\" data-date=\"21/08/2026 "
    "10:41\" data-id=\"102260821104100321\" data-url=\"/bai-lien-quan-102260821104100321.htm\" "
    "data-title=\"Bài liên quan về ngân sách\"><a href=\"/bai-lien-quan-102260821104100321.htm\">"
    "Bài liên quan về ngân sách</a></li></ul></div></div><!-- eonewsrelation -->"
    "<p>Đoạn thứ hai của bài.</p>"
    "<div class=\"VCSortableInPreviewMode alignCenter type-6\" type=\"RelatedNewsBox\"><div "
    "class=\"kbwscwl-relatedbox type-6\"><a href=\"/tin-khac-10226082010000012.htm\">Tin khác "
    "cùng chủ đề</a></div></div>"
    "<p>Đoạn cuối khép lại bài viết./.</p>"
    "<!-- 23/08/2026 08:02:11 | 22/08/2026 21:15:00 | 22/08/2026 20:40:05 -->"
)

FIELD_CASES = [
    *DATELINE_CASES,
    FieldCase(SITE, "§12 category and tags vs detail-breadcrumb / detail-tag-list "
              "(CMW 2026-10-06)", URL, CLASSIFIED,
              {"category": "Đối ngoại", "tags": ["Đầu tư công", "Nghị định"]},
              {"category": "selector", "tags": "selector"}),
    FieldCase(SITE, "§3 article:published_time / modified_time win over the visible date",
              URL, page(f"(Chinhphu.vn) - {LEAD}", head=META, time="22/08/2026 21:19 GMT+7"),
              {"published_at": "2026-08-22T21:15:00+07:00",
               "modified_at": "2026-08-23T08:02:00+07:00"}),
    FieldCase(SITE, "§3 without meta tags the visible date (format unverified, GMT+7)", URL,
              page(f"(Chinhphu.vn) - {LEAD}", time="22/08/2026 21:19 GMT+7"),
              {"published_at": "2026-08-22T21:19:00+07:00", "modified_at": None},
              {"published_at": "selector"}),
    FieldCase(SITE, "§3 body: related boxes and CMS comment out, './.' kept (CMW)", URL,
              page(f"(Chinhphu.vn) - {LEAD}", body=NOISY_BODY) + "<!--u: 8/23/2026 8:02:11 AM-->",
              {"body": "Đoạn thứ nhất của bài viết về đầu tư công.\n\nĐoạn thứ hai của bài."
                       "\n\nĐoạn cuối khép lại bài viết./."},
              {"body": "selector"},
              absent_from_body=("Bài liên quan", "Tin khác", "08:02:11", "8/23/2026")),
    FieldCase(SITE, "§3 author: right-aligned bold line (idx:65870912651), styled with a space",
              URL, page(f"(Chinhphu.vn) - {LEAD}", body='<p>Đoạn thứ nhất của bài.</p><p '
                   'style="text-align: right;"><b>Minh Anh</b></p>'),
              {"authors": ["Minh Anh"], "body": "Đoạn thứ nhất của bài."}),
    FieldCase(SITE, "§3 partly decomposed title (feed: 'Bọ'+U+0302) comes out NFC", URL,
              page(f"(Chinhphu.vn) - {LEAD}", title="Bo\u0323\u0302 Xa\u0302y du\u031b\u0323ng "
                   "họp báo"),
              {"title": "Bộ Xây dựng họp báo"}),
]


def stream_item(key: str, slug: str) -> str:
    """The listing stream item (§3 "Listing item", CMW listing capture 2026-10-06)."""
    href = f"/{slug}-{key}.htm"
    return (
        f'<div class="box-stream-item" data-id="{key}"><a class="box-stream-link-with-avatar" '
        f'data-id="{key}" href="{href}" title="t"><img class="box-stream-avatar" src="/a.jpg">'
        f'</a><div class="box-stream-content"><h2><a class="box-stream-link-title" '
        f'data-type="title" data-linktype="newsdetail" data-id="{key}" href="{href}" '
        f'title="t">Tiêu đề</a></h2><a class="box-stream-category" href="/kinh-te.htm">Kinh tế'
        '</a><span class="time-ago box-stream-time" title="8/22/2026 9:15:00 PM">22/08/2026 '
        '21:15</span><p class="box-stream-sapo" data-type="sapo">Tóm tắt.</p></div></div>'
    )


LISTING = ('<html><body><div class="box-stream timeline_list">'
           + stream_item(IDS[18], "bai-mot") + stream_item(IDS[17], "bai-hai")
           + stream_item(IDS[16], "bai-ba") + '</div><input type="hidden" id="hdZoneId" '
           'value="1027"></body></html>')
FRAGMENT = stream_item(IDS[15], "bai-bon") + stream_item(IDS[18], "bai-nam")

LISTING_CASES = [
    ListingCase(SITE, "§3 category page stream items (ids of 18/17/16 digits)",
                f"{ORIGIN}/kinh-te.htm", LISTING,
                tuple(f"{ORIGIN}/{slug}-{IDS[n]}.htm" for slug, n in
                      (("bai-mot", 18), ("bai-hai", 17), ("bai-ba", 16)))),
    ListingCase(SITE, "§3 timeline fragment of bare stream items",
                f"{ORIGIN}/timelinelist/1027/2.htm", FRAGMENT,
                (f"{ORIGIN}/bai-bon-{IDS[15]}.htm", f"{ORIGIN}/bai-nam-{IDS[18]}.htm")),
]

CASES = [*URL_CASES, *FIELD_CASES, *LISTING_CASES]
