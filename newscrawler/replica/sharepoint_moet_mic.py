"""moet.gov.vn and mic.gov.vn: two SharePoint portals, each with its own markup.

Documented facts (research/vn_sites.md, S1 = 2021 snapshot):
- moet (§2.0, §2.9): SharePoint; listings `/tintuc/Pages/{thong-cao-bao-chi,Thongbao,
  tin-tong-hop}.aspx?date=&EventID=0&Page=N` (capital `Page`); RSS `/rss/Pages/index.aspx`;
  article title `#news-title`, sapo `#news-des`, body `#news-detail/div/p`; listing items
  `…g_23a2051e…/div/div/div/ul/li/div/h2/a` (a web part with a guid-based id).
- mic (§2.0, §2.6): SharePoint under `/mic_2020/Pages/`; listing
  `https://www.mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/<catId>/<page>/<Slug>.html`
  (catIds 1747 Bưu chính, 1748 Viễn thông, 1749 CNTT, 1694 ATTT, 1751 CN ICT, 1752 Báo
  chí); article `…/Pages/TinTuc/<id>/<Slug>.html` or `…/TinTuc/tinchitiet.aspx?tintucid=<id>`;
  title `#news_content/div[1]/h1`, sapo `#divArticleDescription/p`, date
  `#news_content/div[1]/div[1]/div[1]/div`, author `#news_content/div[1]/p[1]/strong`, body
  `#divArticleContent/p`, listing items `…g_915af12b…/div/div/h3/a`. The ministry was Bộ
  Thông tin và Truyền thông until 2025-03-01, then Bộ Khoa học và Công nghệ (§2.0): the
  corpus spans that date and the truth gives each article the ministry of its day.

NOT documented, a replica stress test required by the issue ("one site serving
windows-1258"): mic's pages are served as windows-1258 (header and `<meta charset>`),
with tone marks as cp1258 combining characters (research §4.2).

ASSUMPTIONS (not in the notes), for both sites unless named: every display name of a
category; the guid digits after `g_23a2051e` / `g_915af12b`; moet's article URL
`/tintuc/Pages/tin-tong-hop.aspx?ItemID=<id>` for every category, its print view
`&IsPrint=1`, its date line "Ngày đăng: M/D/YYYY h:mm:ss AM" (the month-first SharePoint
style of research §4.3), its RSS being an RSS 2.0 document that also lists document
(`/van-ban/`) items, its byline and "Theo ..." lines closing the body, images in unmarked
tables with the caption in row 2, Word-pasted paragraph markup, and an empty list past the
last page; a lower-case `page` parameter being ignored; mic's date line "Thứ sáu,
14/03/2025 10:30", images in `figure`/`figcaption`, Title-Case ASCII slugs, the landing URL
`/mic_2020/Pages/ChuyenMuc/<catId>/<Slug>.html`, a page number past the end showing the
last page, `tinchitiet.aspx` answering 301 to the `.html` URL, some listing items linking
there and some to videos; page sizes, ids, image paths, breadcrumbs, tag boxes ("Từ
khóa"), headers, menus, footers and robots.txt of both.
"""

from __future__ import annotations

import logging
import random
import unicodedata
from datetime import datetime
from email.utils import format_datetime
from functools import lru_cache
from html import escape
from urllib.parse import parse_qs, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec, slugify
from newscrawler.replica.markup import PLACEHOLDER_GIF, WEEKDAYS

logger = logging.getLogger(__name__)

_CLOCK = "\x00clock\x00"  # where the per-request clock text goes in a cached page
ROBOTS = "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n"  # ASSUMPTION
# cp1258 has precomposed â ê ô ơ ư ă đ but these five tone marks only as combining
# characters (research §4.2).
CP1258_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
BO_TTTT = "Bộ Thông tin và Truyền thông"
BO_KHCN = "Bộ Khoa học và Công nghệ"
MIC_MERGER = datetime(2025, 3, 1, tzinfo=VN_TZ)  # research §2.0


def esc(text: str) -> str:
    return escape(text, quote=False)


def attr(text: str) -> str:
    return escape(text, quote=True)


@lru_cache(maxsize=4096)
def _cp1258_form(char: str) -> str:
    try:
        char.encode("cp1258")
        return char
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFD", char)
    shape = "".join(mark for mark in decomposed if mark not in CP1258_TONE_MARKS)
    tones = "".join(mark for mark in decomposed if mark in CP1258_TONE_MARKS)
    return unicodedata.normalize("NFC", shape) + tones


def encode_cp1258(text: str) -> bytes:
    """`text` in windows-1258: a letter cp1258 lacks becomes its base letter (with â, ơ...
    precomposed) plus combining tone marks. Strict: raises on anything else unmappable."""
    return "".join(map(_cp1258_form, text)).encode("cp1258")


def clock_text(now: datetime) -> str:
    now = now.astimezone(VN_TZ)
    return f"{WEEKDAYS[now.weekday()]}, {now:%d/%m/%Y}"


class _Page:
    """A rendered page, encoded once and split around the clock bar."""

    def __init__(self, status: int, html: str = "", encode=None, *, location: str = "",
                 cache: bool = True):
        head, _, tail = html.partition(_CLOCK)
        self.status, self.location, self.cache = status, location, cache
        self.head, self.tail = encode(head) if html else b"", encode(tail) if html else b""


class SharePointSite:
    """Routing, caching and encoding shared by both sites; subclasses render."""

    shows_modified = False  # neither site is documented to show a modification time
    charset = "utf-8"
    image_prefixes: tuple[str, ...] = ()

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec, self.corpus, self.domain = spec, corpus, spec.domain
        self.origin = f"https://{spec.domain}"
        self._pages: dict[str, _Page] = {}

    def encode(self, text: str) -> bytes:
        return text.encode(self.charset)

    def html_page(self, html: str, status: int = 200, cache: bool = True) -> _Page:
        return _Page(status, html, self.encode, cache=cache)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        if parts.path == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if parts.path.startswith(self.image_prefixes):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        feed = self.feed(parts.path)
        if feed is not None:
            return 200, {"Content-Type": "text/xml; charset=utf-8"}, feed.encode("utf-8")
        key = f"{parts.path}?{parts.query}"
        page = self._pages.get(key)
        if page is None:
            page = self.render(parts.path, parse_qs(parts.query, keep_blank_values=True))
            page = page or self.html_page(self.not_found(), 404, cache=False)
            if page.cache:
                self._pages[key] = page
        headers = {"Content-Type": f"text/html; charset={self.charset}"}
        if page.location:
            return page.status, {**headers, "Location": page.location}, b""
        return page.status, headers, page.head + self.encode(clock_text(now)) + page.tail

    def feed(self, path: str) -> str | None:
        return None

    def render(self, path: str, query: dict[str, list[str]]) -> _Page | None:
        raise NotImplementedError

    def not_found(self) -> str:
        return "<html><body><h1>404 NOT FOUND</h1></body></html>"

    def published_raw(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def related(self, article: ReplicaArticle, count: int = 5) -> list[ReplicaArticle]:
        same = self.corpus.in_category(article.category)
        position = same.index(article)
        return same[position + 1:position + 1 + count]


def shell(lang_head: str, title: str, body: str) -> str:
    """The SharePoint page frame: form, view state and workspace divs around `body`."""
    return (
        f'<!DOCTYPE html>\n<html dir="ltr" lang="vi-VN">\n<head>\n{lang_head}'
        '<meta http-equiv="X-UA-Compatible" content="IE=10">\n'
        f"<title>{esc(title)}</title>\n"
        '<link rel="stylesheet" href="/_layouts/15/1033/styles/Themable/corev15.css">\n'
        '<script src="/_layouts/15/init.js"></script>\n</head>\n<body>\n'
        '<form method="post" action="" id="aspnetForm"><div class="aspNetHidden">'
        '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QW'
        'AgIBD2QWBAIBD2QWAmYPZBYCZg8WAh4FY2xhc3MFB2hlYWRlcmQCAw9kFgI"></div>\n'
        f'<div id="s4-workspace"><div id="s4-bodyContainer">\n{body}\n</div></div>\n'
        "</form>\n<script>var _spBodyOnLoadFunctionNames = [];</script>\n</body>\n</html>\n"
    )


def page_numbers(page: int, last: int, href) -> str:
    links = [f'<a href="{attr(href(1))}" title="Trang đầu">«</a>'] if page > 1 else []
    for number in range(max(1, page - 2), min(last, page + 2) + 1):
        links.append(f'<span class="current">{number}</span>' if number == page
                     else f'<a href="{attr(href(number))}">{number}</a>')
    if page < last:
        links.append(f'<a href="{attr(href(page + 1))}" title="Trang sau">»</a>')
    return "".join(links)


def rss(title: str, link: str, items: list[tuple[str, str, str, datetime]]) -> str:
    entries = "".join(
        f"<item><title><![CDATA[{name}]]></title><link>{url}</link>"
        f"<description><![CDATA[{summary}]]></description>"
        f"<pubDate>{format_datetime(moment.astimezone(VN_TZ))}</pubDate></item>\n"
        for name, url, summary, moment in items
    )
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{esc(title)}</title><link>{link}</link><language>vi-VN</language>\n"
            f"{entries}</channel></rss>\n")


# --- moet.gov.vn ----------------------------------------------------------------------

MOET_DOMAIN = "moet.gov.vn"
MOET_ORIGIN = f"https://{MOET_DOMAIN}"
MOET_LIST_PART = "ctl00_ctl43_g_23a2051e_8b9d_4a5e_bd4f_6d2c0f81e7a4"  # guid tail: ASSUMPTION
MOET_PAGE_SIZE = 10  # ASSUMPTION
MOET_CATEGORIES = (  # page names from research §2.9; display names: ASSUMPTION
    Category("thong-cao-bao-chi", "Thông cáo báo chí"),
    Category("Thongbao", "Thông báo"),
    Category("tin-tong-hop", "Tin tổng hợp"),
)
_MOET_FOOTER = (  # ASSUMPTION: wording of the footer
    '<div class="footer"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ BỘ GIÁO DỤC VÀ ĐÀO TẠO</strong>'
    "</p><p>Địa chỉ: 35 Đại Cồ Việt, Hai Bà Trưng, Hà Nội</p><p>© Bản quyền thuộc về Bộ "
    "Giáo dục và Đào tạo. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>"
)


def moet_published_text(moment: datetime) -> str:
    # SharePoint's en-US `%m/%d/%Y %I:%M:%S %p`, unpadded month, day and hour.
    moment = moment.astimezone(VN_TZ)
    hour = moment.hour % 12 or 12
    return (f"Ngày đăng: {moment.month}/{moment.day}/{moment.year} "
            f"{hour}:{moment:%M:%S} {'AM' if moment.hour < 12 else 'PM'}")


def _word_paragraph(text: str, rng: random.Random) -> str:
    """A paragraph pasted from Word: MsoNormal, lang spans split at a space, `<o:p>`."""
    words = esc(text).split(" ")
    if len(words) > 6 and rng.random() < 0.5:
        cut = rng.randrange(2, len(words) - 2)
        style = 'font-size:14.0pt;font-family:"Times New Roman",serif'
        inner = (f'<span lang="VI" style="{attr(style)}">{" ".join(words[:cut])} </span>'
                 f'<span lang="VI" style="{attr(style)}">{" ".join(words[cut:])}</span>')
    else:
        inner = " ".join(words)
    if rng.random() < 0.3:
        inner += "<o:p></o:p>"
    if rng.random() < 0.2:
        inner = "&#160;" + inner
    return f'<p class="MsoNormal" style="text-align:justify">{inner}</p>'


def _moet_image(image: dict) -> str:
    src = image["url"].removeprefix(MOET_ORIGIN)
    caption = image.get("caption")
    rows = f'<tr><td><img alt="" src="{attr(src)}" style="width:600px;"></td></tr>'
    if caption:
        rows += f"<tr><td><em>{esc(caption)}</em></td></tr>"
    return f'<table align="center" border="0" cellpadding="1" cellspacing="1"><tbody>{rows}' \
           "</tbody></table>"


class MoetSite(SharePointSite):
    image_prefixes = ("/tintuc/PublishingImages/", "/Style%20Library/")

    def published_raw(self, article: ReplicaArticle) -> str:
        return moet_published_text(article.published)

    def feed(self, path: str) -> str | None:
        if path != "/rss/Pages/index.aspx":
            return None
        items = [(a.title, a.url, a.lead, a.published) for a in self.corpus.articles[:30]]
        # The feed mixes in legal documents, which are no news articles.
        for index, article in enumerate(self.corpus.articles[:30:10]):
            number = 40 + index
            items.insert(index * 10 + 3, (
                f"Thông tư số {number}/{article.published.year}/TT-BGDĐT",
                f"{MOET_ORIGIN}/van-ban/Pages/chi-tiet-van-ban.aspx?ItemID={1500 + number}",
                "Văn bản quy phạm pháp luật", article.published))
        return rss("Bộ Giáo dục và Đào tạo - Tin tức", MOET_ORIGIN, items)

    def render(self, path: str, query: dict[str, list[str]]) -> _Page | None:
        if path in ("/", "/Pages/home.aspx"):
            return self.html_page(self._listing(None, self.corpus.articles[:10], 1, 1))
        if not (path.startswith("/tintuc/Pages/") and path.endswith(".aspx")):
            return None
        name = path[len("/tintuc/Pages/"):-len(".aspx")]
        if not any(c.slug == name for c in self.spec.categories):
            return None
        item = query.get("ItemID", [""])[0]
        if item:
            article = self.corpus.by_key.get(int(item)) if item.isdigit() else None
            if article is None:
                return None
            printing = query.get("IsPrint", [""])[0] == "1"
            return self.html_page(self._print(article) if printing else self._article(article))
        page_text = query.get("Page", ["1"])[0]  # SharePoint reads only the capital `Page`
        page = int(page_text) if page_text.isdigit() and int(page_text) > 0 else 1
        category = self.spec.category(name)
        articles = self.corpus.in_category(name)
        chunk = articles[(page - 1) * MOET_PAGE_SIZE:page * MOET_PAGE_SIZE]
        last = max(1, -(-len(articles) // MOET_PAGE_SIZE))
        return self.html_page(self._listing(category, chunk, page, last), cache=bool(chunk))

    def _frame(self, title: str, main: str, head: str = "") -> str:
        menu = "".join(f'<li><a href="/tintuc/Pages/{c.slug}.aspx">{esc(c.name)}</a></li>'
                       for c in self.spec.categories)
        body = (
            f'<div class="header-top"><span class="date-now">{_CLOCK}</span>'
            '<a href="/rss/Pages/index.aspx">RSS</a> <a href="/Pages/sitemap.aspx">Sơ đồ '
            'cổng</a></div>\n<div class="header"><a href="/Pages/home.aspx"><img '
            'src="/Style%20Library/images/banner.png" alt="Bộ Giáo dục và Đào tạo"></a></div>\n'
            '<ul class="menu-top"><li><a href="/Pages/home.aspx">Trang chủ</a></li>'
            f'{menu}<li><a href="/van-ban/Pages/default.aspx">Văn bản</a></li></ul>\n'
            f'<div class="main-content">{main}</div>\n{_MOET_FOOTER}'
        )
        return shell(f'<meta charset="utf-8">\n{head}', title, body)

    def _listing(self, category: Category | None, articles, page: int, last: int) -> str:
        items = "".join(
            '<li><div class="item-news">'
            f'<a class="thumb" href="{attr(a.url)}"><img src="'
            f'{attr(a.images[0]["url"].removeprefix(MOET_ORIGIN) if a.images else "")}"></a>'
            f'<h2><a href="{attr(a.url)}" title="{attr(a.title)}">{esc(a.title)}</a></h2>'
            f'<span class="date">{a.published:%d/%m/%Y}</span><p>{esc(a.lead)}</p></div></li>'
            for a in articles
        ) or '<li><div class="item-news">Không có dữ liệu</div></li>'
        pager = ""
        if category and last > 1:
            base = f"/tintuc/Pages/{category.slug}.aspx?date=&EventID=0&Page="
            pager = f'<div class="paging">{page_numbers(page, last, lambda n: f"{base}{n}")}</div>'
        heading = esc(category.name) if category else "Tin mới"
        # The documented item path: web part/div/div/div/ul/li/div/h2/a (research §2.9).
        main = (f'<div id="{MOET_LIST_PART}"><div class="ms-webpart-chrome"><div class="list-news">'
                f'<div class="title-box"><span>{heading}</span></div><div class="list-inner">'
                f"<ul>{items}</ul></div></div>{pager}</div></div>")
        return self._frame(f"{category.name if category else 'Trang chủ'} - Bộ Giáo dục và "
                           "Đào tạo", main)

    def _article(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        rng = random.Random(article.key)  # the same noise on every render
        images = list(article.images)
        parts = [_moet_image(images.pop(0))] if images and rng.random() < 0.7 else []
        for paragraph in article.paragraphs:
            parts.append(_word_paragraph(paragraph, rng))
            if images and rng.random() < 0.4:
                parts.append(_moet_image(images.pop(0)))
        parts += [_moet_image(image) for image in images]
        parts.append("<p>&#160;</p>")
        if article.authors:
            parts.append(f'<p style="text-align:right"><strong>{esc(" - ".join(article.authors))}'
                         "</strong></p>")
        if article.source:
            parts.append(f'<p style="text-align:right"><em>{esc(article.source)}</em></p>')
        tags = ", ".join(f'<a href="/tintuc/Pages/tim-kiem.aspx?k={attr(slugify(tag))}">'
                         f"{esc(tag)}</a>" for tag in article.tags)
        others = "".join(f'<li><a href="{attr(a.url)}">{esc(a.title)}</a> '
                         f"<span>({a.published:%d/%m/%Y})</span></li>"
                         for a in self.related(article))
        views = 150 + article.key % 3000
        main = (
            f'<div class="breadcrumb"><a href="/Pages/home.aspx">Trang chủ</a> » <a '
            f'href="/tintuc/Pages/tin-tong-hop.aspx">Tin tức</a> » <a href="/tintuc/Pages/'
            f'{category.slug}.aspx">{esc(category.name)}</a></div>\n'
            '<div id="ctl00_ctl43_g_7e1b52c4_2f0d_4c8e_a1a9_3b6d8e0f5c21">'
            '<div class="news-content">'
            f'<h1 id="news-title">{esc(article.title)}</h1>\n<div class="news-info">'
            f'<span class="news-date">{moet_published_text(article.published)}</span> '
            f'<span class="news-view">Lượt xem: {views}</span></div>\n'
            f'<div id="news-des"><p><strong>{esc(article.lead)}</strong></p></div>\n'
            '<div id="news-detail"><div class="ms-rtestate-field">\n'
            + "\n".join(parts) + "\n</div></div>\n"
            + (f'<div class="news-tags"><span>Từ khóa:</span> {tags}</div>' if tags else "")
            + f'<div class="news-tool"><a href="{attr(article.url)}&amp;IsPrint=1">In bài</a>'
            ' <a href="#" class="send-mail">Gửi email</a> <a href="#" class="share">Chia sẻ</a>'
            f'</div></div></div>\n<div class="other-news"><h3>Các tin khác</h3><ul>{others}'
            "</ul></div>"
        )
        return self._frame(f"{article.title} - Bộ Giáo dục và Đào tạo", main)

    def _print(self, article: ReplicaArticle) -> str:
        body = "".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
        return shell('<meta charset="utf-8">\n', article.title,
                     f"<h1>{esc(article.title)}</h1><p>{esc(article.lead)}</p>{body}"
                     f'<p class="print-date">Ngày in: {_CLOCK}</p><script>window.print();</script>')


def _moet_image_url(published: datetime, key: int, index: int) -> str:
    return f"{MOET_ORIGIN}/tintuc/PublishingImages/{published:%Y/%m}/anh-{key}-{index + 1}.jpg"


MOET = SiteSpec(
    key="moet",
    domain=MOET_DOMAIN,
    publisher="Cổng Thông tin điện tử Bộ Giáo dục và Đào tạo",
    ministry="Bộ Giáo dục và Đào tạo",
    categories=MOET_CATEGORIES,
    article_key_pattern=r"[?&]ItemID=(\d+)",
    article_url=lambda slug, key: f"{MOET_ORIGIN}/tintuc/Pages/tin-tong-hop.aspx?ItemID={key}",
    image_url=_moet_image_url,
    factory=MoetSite,
    n_articles=240,
    seed=35,
    first_key=9000,  # ASSUMPTION: ids and the corpus end
    corpus_end=datetime(2025, 11, 14, 16, 20, tzinfo=VN_TZ),
)


# --- www.mic.gov.vn (windows-1258) ----------------------------------------------------

MIC_DOMAIN = "www.mic.gov.vn"  # research §2.6 gives the www. host
MIC_ORIGIN = f"https://{MIC_DOMAIN}"
MIC_PAGES = "/mic_2020/Pages"
MIC_LIST_PART = "ctl00_ctl45_g_915af12b_4c1d_4f8e_9a2b_7d3e6f0a1c58"  # guid tail: ASSUMPTION
MIC_PAGE_SIZE = 10  # ASSUMPTION
# catIds from research §2.6; display names expanded from its abbreviations, URL slugs:
# ASSUMPTION.
MIC_CATEGORIES = tuple(Category(cat_id, name) for cat_id, name in (
    ("1747", "Bưu chính"), ("1748", "Viễn thông"), ("1749", "Công nghệ thông tin"),
    ("1694", "An toàn thông tin"), ("1751", "Công nghiệp ICT"), ("1752", "Báo chí"),
))
MIC_SLUGS = {"1747": "Buu-chinh", "1748": "Vien-thong", "1749": "Cong-nghe-thong-tin",
             "1694": "An-toan-thong-tin", "1751": "Cong-nghiep-ICT", "1752": "Bao-chi"}


def mic_ministry(published: datetime) -> str:
    return BO_TTTT if published < MIC_MERGER else BO_KHCN


def mic_published_text(moment: datetime) -> str:
    moment = moment.astimezone(VN_TZ)
    return f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y - %H:%M}"


def mic_listing_url(cat_id: str, page: int) -> str:
    return f"{MIC_PAGES}/ChuyenMuc/PhanTrang/{cat_id}/{page}/{MIC_SLUGS[cat_id]}.html"


def _title_case_slug(slug: str) -> str:
    return "-".join(word.capitalize() for word in slug.split("-"))


def _mic_paragraph(text: str, rng: random.Random) -> str:
    words = esc(text).split(" ")
    if len(words) > 8 and rng.random() < 0.25:
        start = rng.randrange(0, len(words) - 4)
        words[start] = f"<strong>{words[start]}"
        words[start + 2] += "</strong>"
    html = " ".join(words) + ("&nbsp;" if rng.random() < 0.3 else "")
    return f'<p style="text-align: justify;">{html}</p>'


def _mic_image(image: dict) -> str:
    caption = image.get("caption")
    return (f'<figure class="image"><img src="{attr(image["url"].removeprefix(MIC_ORIGIN))}" '
            f'alt="{attr(caption or "")}">'
            + (f"<figcaption>{esc(caption)}</figcaption>" if caption else "") + "</figure>")


def _mic_description(article: ReplicaArticle) -> str:
    """The 2021 markup (idx:26739936300, vn_sites_2026 §9): the dateline and the lead in a
    `<strong>` directly in the box, then an empty paragraph; else the lead in a `<p>` (S1's
    `#divArticleDescription/p`). ASSUMPTION: the share, 60 % the 2021 form."""
    if random.Random(f"lead:{article.key}").random() < 0.6:
        return ('<div id="divArticleDescription">(Mic.gov.vn) &ndash; <strong>'
                f"{esc(article.lead)}</strong><p>&nbsp;</p></div>")
    return f'<div id="divArticleDescription"><p>{esc(article.lead)}</p></div>'


class MicSite(SharePointSite):
    charset = "windows-1258"
    image_prefixes = ("/Upload_Moi/", "/mic_2020/Style%20Library/")

    def encode(self, text: str) -> bytes:
        return encode_cp1258(text)

    def published_raw(self, article: ReplicaArticle) -> str:
        return mic_published_text(article.published)

    def render(self, path: str, query: dict[str, list[str]]) -> _Page | None:
        if path in ("/", f"{MIC_PAGES}/TrangChu.aspx"):
            return self.html_page(self._listing(None, self.corpus.articles[:10], 1, 1))
        parts = path.removeprefix(MIC_PAGES + "/").split("/")
        if parts[:2] == ["TinTuc", "tinchitiet.aspx"]:
            key = query.get("tintucid", [""])[0]
            article = self.corpus.by_key.get(int(key)) if key.isdigit() else None
            return _Page(301, location=article.url) if article else None
        if len(parts) == 3 and parts[0] == "TinTuc" and parts[1].isdigit():
            article = self.corpus.by_key.get(int(parts[1]))
            if article is None:
                return None
            if path != article.url.removeprefix(MIC_ORIGIN):  # found by id, slug fixed
                return _Page(301, location=article.url)
            return self.html_page(self._article(article))
        if parts[:2] == ["ChuyenMuc", "PhanTrang"] and len(parts) == 5 and parts[3].isdigit():
            cat_id, page = parts[2], max(1, int(parts[3]))
        elif parts[0] == "ChuyenMuc" and len(parts) == 3:
            cat_id, page = parts[1], 1
        else:
            return None
        if cat_id not in MIC_SLUGS:
            return None
        articles = self.corpus.in_category(cat_id)
        last = max(1, -(-len(articles) // MIC_PAGE_SIZE))
        page = min(page, last)  # a page past the end shows the last one
        chunk = articles[(page - 1) * MIC_PAGE_SIZE:page * MIC_PAGE_SIZE]
        return self.html_page(self._listing(self.spec.category(cat_id), chunk, page, last))

    def _frame(self, title: str, main: str) -> str:
        menu = "".join(f'<li><a href="{mic_listing_url(c.slug, 1)}">{esc(c.name)}</a></li>'
                       for c in self.spec.categories)
        body = (
            f'<div class="top-header"><span class="today">{_CLOCK}</span> <a href="'
            'https://english.mic.gov.vn">English</a></div>\n<div class="banner"><a href="/">'
            f'<img src="/mic_2020/Style%20Library/images/banner.png" alt="{BO_TTTT}"></a></div>\n'
            f'<ul class="main-menu"><li><a href="/">Trang chủ</a></li>{menu}</ul>\n'
            f'<div class="container">{main}</div>\n<div class="footer"><p>Cơ quan chủ quản: '
            f"{BO_TTTT}</p><p>Địa chỉ: 18 Nguyễn Du, Hai Bà Trưng, Hà Nội</p><p>© Bản quyền "
            f"thuộc về {BO_TTTT}</p></div>"
        )
        return shell('<meta charset="windows-1258">\n', title, body)

    def _listing(self, category: Category | None, articles, page: int, last: int) -> str:
        items = []
        for article in articles:
            href = article.url  # some items link the old tinchitiet.aspx form
            if article.key % 4 == 0:
                href = f"{MIC_PAGES}/TinTuc/tinchitiet.aspx?tintucid={article.key}"
            items.append(f'<div class="item"><h3><a href="{attr(href)}">{esc(article.title)}'
                         f'</a></h3><p class="date">{article.published:%d/%m/%Y}</p>'
                         f"<p>{esc(article.lead)}</p></div>")
        if category and page == 1:
            items.insert(2, f'<div class="item video"><h3><a href="{MIC_PAGES}/Video/'
                            f'{category.slug}1/Video-{MIC_SLUGS[category.slug]}.html">Video: '
                            f"{esc(category.name)} trong tuần</a></h3></div>")
        pager = ""
        if category and last > 1:
            numbers = page_numbers(page, last, lambda n: mic_listing_url(category.slug, n))
            pager = f'<div class="pagination">{numbers}</div>'
        main = (f'<div id="{MIC_LIST_PART}"><div class="list-news">{"".join(items)}</div>'
                f'{pager}</div>')
        return self._frame(category.name if category else "Trang chủ", main)

    def _article(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        rng = random.Random(article.key)
        images = list(article.images)
        parts = []
        for paragraph in article.paragraphs:
            parts.append(_mic_paragraph(paragraph, rng))
            if images and rng.random() < 0.5:
                parts.append(_mic_image(images.pop(0)))
        parts += [_mic_image(image) for image in images]
        if article.source:
            parts.append(f'<p style="text-align: right;"><em>{esc(article.source)}</em></p>')
        author = (f'<p class="author"><strong>{esc(" - ".join(article.authors))}</strong></p>'
                  if article.authors else "")
        tags = " ".join(f'<a href="{MIC_PAGES}/TimKiem.aspx?tag={attr(slugify(tag))}">'
                        f"{esc(tag)}</a>" for tag in article.tags)
        related = "".join(
            f'<li><a href="{MIC_PAGES}/TinTuc/tinchitiet.aspx?tintucid={a.key}">{esc(a.title)}'
            "</a></li>" for a in self.related(article))
        main = (
            f'<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li class="active"><a '
            f'href="{mic_listing_url(category.slug, 1)}">{esc(category.name)}</a></li></ul>\n'
            '<div id="news_content"><div class="news-detail"><div class="news-meta">'
            f'<div class="date-box"><div>{mic_published_text(article.published)}</div></div>'
            '<div class="tools"><a href="javascript:window.print()">In bài</a> <a href="#">'
            f'Chia sẻ</a></div></div>\n<h1>{esc(article.title)}</h1>\n'
            f'{_mic_description(article)}\n'
            f'<div id="divArticleContent">{"".join(parts)}</div>\n{author}'
            f'<div class="list-tags"><b>Từ khóa:</b> {tags}</div></div>\n'
            f'<div class="other-news"><h3>Tin liên quan</h3><ul>{related}</ul></div></div>'
        )
        return self._frame(article.title, main)


def _mic_image_url(published: datetime, key: int, index: int) -> str:
    return f"{MIC_ORIGIN}/Upload_Moi/Image/{published:%Y/%m}/{key}_{index + 1}.jpg"


MIC = SiteSpec(
    key="mic",
    domain=MIC_DOMAIN,
    publisher=f"Cổng Thông tin điện tử {BO_TTTT}",
    ministry=BO_KHCN,  # the ministry today; `ministry_on` gives each article's
    ministry_on=mic_ministry,
    categories=MIC_CATEGORIES,
    article_key_pattern=r"/TinTuc/(\d+)/",
    article_url=lambda slug, key: (
        f"{MIC_ORIGIN}{MIC_PAGES}/TinTuc/{key}/{_title_case_slug(slug)}.html"),
    image_url=_mic_image_url,
    factory=MicSite,
    n_articles=220,
    seed=1258,
    first_key=150000,  # ASSUMPTION: ids and the corpus end (spanning 2025-03-01)
    corpus_end=datetime(2025, 3, 17, 17, 30, tzinfo=VN_TZ),
)
