"""sbv.gov.vn (Ngân hàng Nhà nước Việt Nam) replica: a Liferay 7 portal behind a firewall.

Facts (see spiders/sbv.py for the sources and dates):
- news listing `/vi/web/sbv_portal/tin-tuc-su-kien`; articles `/vi/w/<id or URL title>`
  (`/vi/w/sbv570036`); category pages `/vi/-/categories/<id>`; page friendly URLs in
  Vietnamese, percent-encoded in links;
- the open-market page `/vi/nghi%E1%BB%87p-v%E1%BB%A5-th%E1%BB%8B-tr%C6%B0%E1%BB%9Dng-m%E1%BB%9F`
  shows one item, the newest result, with no pager and no date parameter: the replica's
  one open-market article is linked from there only (older ones are out of reach on the
  real site, so the corpus has none);
- that article's title carries the session date `(dd.mm.yy)`; its body holds a table
  with an inline `<style>` and classes `ls01-table`, `ls01-group`, `ls01-total`, four
  columns (transaction type with the term in the row label, members taking part/winning,
  volume in billion đồng, rate in %/year) and Vietnamese number formats; the numbers here
  are drawn, not the real ones;
- listing entries `ul.doc-list` with a PDF link `a.doc-icon` beside each; article pages
  with an audio player and a category tag; a second `<article>` of related items;
- Liferay 7's portlet namespace `com_liferay_asset_publisher_web_portlet_
  AssetPublisherPortlet_INSTANCE_<x>`;
- the firewall answers a client that looks like a library (python-requests with its
  default headers) with HTTP 200 and a 246-byte "Request Rejected" page with a support id
  (blockfaults.firewall_page), every path alike; rapid requests met it even with browser
  headers (served by the fault `block_firewall`, `--faults block_firewall=RATE`).

ASSUMPTION: the firewall's rule: a request is rejected when its User-Agent is missing or
  names a library (python-requests, python-urllib, curl, Wget, Go-http-client, okhttp,
  Java, libwww-perl, aiohttp, httpx, Scrapy), or its Accept is missing or only `*/*`
  (python-requests sends `*/*`); any other client passes, as PowerShell did.
ASSUMPTION: the news listing holds every article but the open-market one, 10 a page,
  newest first; its pager is Liferay 7's `_<portlet>_cur=N`, numbered links with `p_p_id`
  (odd pages) or a lone "Tiếp theo" link (even pages); a page past the end is empty (200).
ASSUMPTION: listing entries as Liferay abstracts (`div.asset-abstract h3.asset-title a`,
  odd pages) or as `ul.doc-list` entries (even pages), links relative or absolute.
ASSUMPTION: article URL titles `sbv<digits>` 1/2, an ASCII slug (đ dropped, as moh's
  Liferay does) 1/4, a percent-encoded Vietnamese slug 1/4.
ASSUMPTION: detail markup 1/2 a display page (`article.journal-article h1.title`,
  `span.date`, `div.summary`), 1/2 an asset publisher's full view (`h3.asset-title`,
  `span.metadata-publish-date`, `div.asset-summary`), both with the journal content
  `div.journal-content-article` and the category tag `a.category-tag`; dates via
  portal.dated (its shares); images as portal.body_html writes them, under `/documents/`.
ASSUMPTION: category names and ids; category pages list the category's ten newest
  entries and are not walked; the withdrawn article (portal.py) is linked from the news
  listing's first page; robots.txt allows everything; `/`, `/vi` and the home page
  `/vi/web/sbv_portal` show the ten newest news entries.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.blockfaults import firewall_page
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec
from newscrawler.replica.liferay import instance_id, liferay_slug
from newscrawler.replica.markup import HTML, attr, esc, site_path
from newscrawler.replica.portal import PortalSite, Response, body_html, dated, pick

DOMAIN = "sbv.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Ngân hàng Nhà nước Việt Nam"
NEWS_PATH = "/vi/web/sbv_portal/tin-tuc-su-kien"
OMO_PATH = "/vi/" + quote("nghiệp-vụ-thị-trường-mở")
RATES_PATH = "/vi/web/guest/ty-gia"
PORTLET = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet"
INSTANCE = f"{PORTLET}_INSTANCE_{instance_id('sbv:tin-tuc-su-kien')}"
NAMESPACE = f"_{INSTANCE}_"
PAGE_SIZE = 10
OMO_KEY = 570036  # the key of the one open-market article (its URL is /vi/w/sbv<key>)
LIBRARY_AGENTS = ("python-requests", "python-urllib", "curl/", "wget/", "go-http-client",
                  "okhttp", "java/", "libwww-perl", "aiohttp", "python-httpx", "scrapy/")


def refusal(headers) -> str | None:
    """Why the firewall rejects a request with these headers (module docstring: the rule
    is an assumption), or None. `headers`: a case-insensitive mapping (http.server's)."""
    agent = (headers.get("User-Agent") or "").lower()
    accept = (headers.get("Accept") or "").strip()
    if not agent:
        return "no User-Agent"
    if any(token in agent for token in LIBRARY_AGENTS):
        return "a library's User-Agent"
    if not accept:
        return "no Accept"
    if accept == "*/*":
        return "Accept */* only"
    return None


def vietnamese_slug(title: str) -> str:
    """A URL title that keeps the Vietnamese letters, percent-encoded (upper-case hex)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", title.lower()))
    return quote("-".join(words))


class SbvSite(PortalSite):
    image_prefix = "/documents/"
    home_path = "/vi/web/sbv_portal"

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus) -> None:
        super().__init__(spec, corpus)
        self.omo = self.corpus.by_key[OMO_KEY]
        self.news = [a for a in self.corpus.articles if a is not self.omo]

    def url_of(self, article: ReplicaArticle) -> str:
        form = "id" if article.key == OMO_KEY else pick(
            f"sbv-url-{article.key}", (("id", 0.5), ("ascii", 0.25), ("vi", 0.25)))
        if form == "ascii":
            return f"{ORIGIN}/vi/w/{liferay_slug(article.title)}"
        if form == "vi":
            return f"{ORIGIN}/vi/w/{vietnamese_slug(article.title)}"
        return f"{ORIGIN}/vi/w/sbv{article.key}"

    def section_path(self, category: Category) -> str:
        return f"/vi/-/categories/{category.slug}"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"sbv-date-{article.key}", article.published)

    # --- routing ---------------------------------------------------------------------

    def refuse(self, path: str, headers) -> Response | None:
        """The firewall, before any page: HTTP 200 and the 246-byte rejection page."""
        if refusal(headers) is None:
            return None
        return 200, {"Content-Type": HTML}, firewall_page(path).encode("utf-8")

    def handle(self, path: str, now: datetime) -> Response:
        parts = urlsplit(path)
        route = quote(unquote(parts.path))  # one spelling of the percent-encoding
        if route == NEWS_PATH:
            return self.page(self.news_html(self.news_page(parts.query)))
        if route == OMO_PATH:
            return self.page(self.omo_html())
        if route in ("/", "/vi", self.home_path):
            body = self.entries(self.news[:PAGE_SIZE], "abstracts")
            return self.page(self.shell("Trang chủ", self.portlet(body)))
        if route in self.sections:
            category = self.sections[route]
            return self.page(self.listing_html(category, self.corpus.in_category(
                category.slug)[:PAGE_SIZE], 1, 1))
        return super().handle(route, now)

    def news_page(self, query: str) -> int:
        for name, value in parse_qsl(query):
            if name == f"{NAMESPACE}cur" and value.isdigit() and int(value) > 0:
                return int(value)
        return 1

    # --- pages -----------------------------------------------------------------------

    def shell(self, title: str, main: str) -> str:
        menu = "".join(
            f'<li class="lfr-nav-item"><a href="{href}"><span>{name}</span></a></li>'
            for href, name in ((self.home_path, "Trang chủ"), (NEWS_PATH, "Tin tức - Sự kiện"),
                               (OMO_PATH, "Nghiệp vụ thị trường mở"), (RATES_PATH, "Tỷ giá"),
                               ("/en/web/sbv_portal", "English")))
        return (
            '<!DOCTYPE html>\n<html class="ltr" dir="ltr" lang="vi-VN">\n<head>\n'
            f"<title>{esc(title)} - {NAME}</title>\n"
            '<meta content="text/html; charset=UTF-8" http-equiv="content-type">\n'
            '<script>var themeDisplay = Liferay.ThemeDisplay = {getLanguageId: function() '
            '{return "vi_VN";}, getPathThemeImages: function() {return "/o/sbv-theme/images";}'
            '};</script>\n</head>\n<body class="controls-visible guest-site signed-out '
            'public-page site">\n<header id="banner"><a class="logo" href="'
            f'{self.home_path}">{NAME}</a><nav id="navigation"><ul role="menubar">{menu}'
            '</ul></nav></header>\n<section id="content"><div id="main-content" role="main">'
            f"\n{main}\n</div></section>\n<footer id=\"footer\"><p>Ngân hàng Nhà nước Việt "
            "Nam - 49 Lý Thái Tổ, Hoàn Kiếm, Hà Nội</p></footer>\n</body>\n</html>\n"
        )

    def portlet(self, body: str) -> str:
        return (f'<section class="portlet" id="portlet_{INSTANCE}"><div class="portlet-'
                f'content"><div class="portlet-body">{body}</div></div></section>')

    def link(self, article: ReplicaArticle) -> str:
        """Relative or absolute, per article (both are met on Liferay pages)."""
        if article.key % 3 == 0:
            return article.url
        return site_path(article.url, ORIGIN)

    def entries(self, articles: list[ReplicaArticle], style: str) -> str:
        if style == "abstracts":
            return "".join(
                f'<div class="asset-abstract"><h3 class="asset-title"><a href="'
                f'{attr(self.link(a))}">{esc(a.title)}</a></h3><div class="asset-summary">'
                f'{esc(a.lead)}</div><span class="metadata-publish-date">'
                f"{a.published:%d/%m/%Y}</span></div>" for a in articles)
        return '<ul class="doc-list">' + "".join(
            f'<li><a class="doc-title" href="{attr(self.link(a))}">{esc(a.title)}</a> '
            f'<span class="doc-date">{a.published:%d/%m/%Y}</span> <a class="doc-icon" '
            f'href="/documents/d/sbv/{a.key}-pdf" title="Tải về"></a></li>'
            for a in articles) + "</ul>"

    def news_html(self, page: int) -> str:
        last = max(1, -(-len(self.news) // PAGE_SIZE))
        shown = self.news[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
        if page == 1:
            shown = [shown[0], self.withdrawn, *shown[1:]]
        style = "abstracts" if page % 2 else "doc-list"
        body = (f'<h2 class="portlet-title-text">Tin tức - Sự kiện</h2>\n'
                f"{self.entries(shown, style)}\n{self.news_pager(page, last)}")
        return self.shell("Tin tức - Sự kiện", self.portlet(body))

    def news_pager(self, page: int, last: int) -> str:
        def url(number: int, with_id: bool) -> str:
            query = f"p_p_id={INSTANCE}&amp;p_p_lifecycle=0&amp;" if with_id else ""
            return f"{NEWS_PATH}?{query}{NAMESPACE}cur={number}"
        if page >= last:
            return ""
        if page % 2 == 0:
            return (f'<div class="lfr-pagination"><a class="next" href="{url(page + 1, False)}'
                    '">Tiếp theo</a></div>')
        items = "".join(
            f'<li class="page-item active"><span class="page-link">{n}</span></li>' if n == page
            else f'<li class="page-item"><a class="page-link" href="{url(n, True)}">{n}</a></li>'
            for n in range(max(1, page - 2), min(last, page + 2) + 1))
        return f'<ul class="pagination">{items}</ul>'

    def omo_html(self) -> str:
        article = self.omo
        body = (f'<div class="asset-full-content"><h3 class="asset-title"><a href="'
                f'{attr(self.link(article))}">{esc(article.title)}</a></h3>'
                f'<div class="journal-content-article">{omo_body(article)}</div></div>')
        return self.shell("Nghiệp vụ thị trường mở", self.portlet(body))

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        body = (f'<h2 class="portlet-title-text">{esc(category.name)}</h2>'
                f'{self.entries(articles, "doc-list")}')
        return self.shell(category.name, self.portlet(body))

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        parts = {
            "tag": (f'<a class="category-tag" href="{self.section_path(category)}">'
                    f"{esc(category.name)}</a>"),
            "audio": (f'<div class="audio-player"><audio controls preload="none" src="'
                      f'/documents/d/sbv/{article.key}-mp3"></audio></div>'),
            "content": omo_body(article) if article.key == OMO_KEY else body_html(article),
            "when": self.published_raw(article), "title": esc(article.title),
            "lead": esc(article.lead),
        }
        template = pick(f"sbv-markup-{article.key}", (("display", 0.5), ("asset", 0.5)))
        detail = (DISPLAY_PAGE if template == "display" else self.portlet(ASSET_VIEW))
        same = [a for a in self.corpus.in_category(category.slug) if a is not article][:4]
        related = "".join(f'<li><a href="{attr(self.link(a))}">{esc(a.title)}</a></li>'
                          for a in same)
        main = (f"{detail.format_map(parts)}\n<article class=\"related\"><h2>Tin cùng chuyên "
                f"mục</h2><ul>{related}</ul></article>")
        return self.shell(article.title, main)


# The two detail templates (module docstring: both are assumptions), filled per article.
DISPLAY_PAGE = (
    '<article class="journal-article"><h1 class="title">{title}</h1><div class="meta">'
    '<span class="date">{when}</span>{audio}</div><div class="summary"><p>{lead}</p></div>'
    '<div class="journal-content-article">{content}</div><div class="categories">{tag}</div>'
    "</article>")
ASSET_VIEW = (
    '<div class="asset-full-content"><h3 class="asset-title">{title}</h3><div class="asset-'
    'metadata"><span class="metadata-publish-date">{when}</span></div>{audio}<div class='
    '"asset-summary"><strong>{lead}</strong></div><div class="asset-content"><div class='
    '"journal-content-article">{content}</div></div><div class="asset-categories">{tag}'
    "</div></div>")


# --- the open-market article ------------------------------------------------------------

TERMS = (7, 14, 28, 35, 63, 91)
OMO_STYLE = (".ls01-table{border-collapse:collapse;width:100%}.ls01-table td{border:1px "
             "solid #ccc;padding:4px;text-align:right}.ls01-group td{font-weight:bold;"
             "text-align:left}.ls01-total td{font-weight:bold}")


def _vn_number(value: float) -> str:
    whole, _, decimals = f"{value:,.2f}".partition(".")
    return f"{whole.replace(',', '.')},{decimals}"


def omo_rows(seed: int) -> list[tuple[str, str, str, str]]:
    """Drawn rows of a "Mua kỳ hạn" session: (label, members, volume, rate)."""
    rng = random.Random(seed)
    rows, total = [], 0.0
    for term in sorted(rng.sample(TERMS, 4)):
        members = rng.randint(1, 9)
        volume = round(rng.uniform(150, 9000), 2)
        total += volume
        rows.append((f"Kỳ hạn {term} ngày", f"{members}/{rng.randint(1, members)}",
                     _vn_number(volume), "4,5"))
    rows.append(("Tổng", "", _vn_number(total), ""))
    return rows


HEADER = ("Loại hình giao dịch", "Số thành viên tham gia/trúng thầu",
          "Khối lượng trúng thầu (Tỷ đồng)", "Lãi suất trúng thầu (%/năm)")


def omo_body(article: ReplicaArticle) -> str:
    rows = omo_rows(article.key)
    cells = "".join(f"<td>{esc(text)}</td>" for text in HEADER)
    lines = [f"<tr>{cells}</tr>", '<tr class="ls01-group"><td colspan="4">Mua kỳ hạn</td></tr>']
    for number, row in enumerate(rows):
        css = ' class="ls01-total"' if number == len(rows) - 1 else ""
        lines.append(f"<tr{css}>" + "".join(f"<td>{esc(text)}</td>" for text in row) + "</tr>")
    return (f"<p>{esc(article.paragraphs[0])}</p><style>{OMO_STYLE}</style>"
            f'<table class="ls01-table"><tbody>{"".join(lines)}</tbody></table>')


def omo_paragraphs(key: int, intro: str) -> list[str]:
    """The body as text: the intro, then every non-empty cell in reading order."""
    cells = [*HEADER, "Mua kỳ hạn", *(text for row in omo_rows(key) for text in row)]
    return [intro, *(cell for cell in cells if cell)]


def _omo_article() -> tuple[ReplicaArticle, ...]:
    published = datetime(2026, 8, 14, 16, 5, tzinfo=VN_TZ)
    intro = "Chi tiết các giao dịch mua kỳ hạn trong phiên được nêu ở bảng dưới đây."
    return (ReplicaArticle(
        key=OMO_KEY, slug=f"sbv{OMO_KEY}", url=f"{ORIGIN}/vi/w/sbv{OMO_KEY}",
        category="94012", category_name="Chính sách tiền tệ",
        title=f"KẾT QUẢ ĐẤU THẦU THỊ TRƯỜNG MỞ ({published:%d.%m.%y})",
        lead=f"Ngân hàng Nhà nước công bố số liệu phiên giao dịch ngày {published:%d/%m/%Y}.",
        paragraphs=omo_paragraphs(OMO_KEY, intro), authors=[], source=None,
        published=published, modified=None),)


CATEGORIES = (
    Category("94011", "Tin hoạt động ngành Ngân hàng"),
    Category("94012", "Chính sách tiền tệ"),
    Category("94013", "Thông cáo báo chí"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=5 + index)
    return f"{ORIGIN}/documents/d/sbv/{uploaded:%Y%m%d}-{key}-{index + 1}-jpg"


SBV = SiteSpec(
    key="sbv",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Ngân hàng Nhà nước Việt Nam",
    categories=CATEGORIES,
    article_key_pattern=None,  # not every URL has a numeric id: the record id hashes it
    article_url=lambda slug, key: f"{ORIGIN}/vi/w/sbv{key}",
    image_url=_image_url,
    factory=SbvSite,
    fixed_articles=_omo_article,
    n_articles=100,
    seed=20260815,
    first_key=560000,
    corpus_end=datetime(2026, 8, 14, 11, 30, tzinfo=VN_TZ),
)
