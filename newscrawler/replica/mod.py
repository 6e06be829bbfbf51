"""mod.gov.vn (Bộ Quốc phòng) replica: IBM WCM pages behind a script cookie wall.

Facts (sources and dates in spiders/mod.py and downloadermiddlewares/cookiebootstrap.py):
- every answer to a client without the wall's cookie, robots.txt included, is a page of
  about 177 bytes, HTTP 200, `text/html; charset=utf-8,gbk`, no Set-Cookie header, whose
  only content is a script that sets the cookie `D1N` (32 hex digits, a literal in the
  script, expiry in 2099, `path=/`) and reloads (CMW fixture and request log, measured
  2026-10-06; opensanctions PR #4385, 2026-06-04): `CookieWall` below. The stub here is
  typed from that description, not copied;
- sections `/home/news?…urile=wcm:path:…`, `/home/news/td…`, `/home/news/event…`, articles
  `/home/detail?…urile=wcm:path:…`, home `/home` (`_modgov_config` in idx:17886542170,
  2026);
- the 2021 listing `//*[@id="listArticle"]/div/div/h1/a/@href` (S1, vn_sites.md §2.9).
ASSUMPTION: the cookie changes during a crawl (expiry or rotation; the two 2026-10-06
  reads, 6 minutes apart, showed one value): each value here is admitted for
  `ROTATE_AFTER` pages, then the wall answers its stub with the next value.
ASSUMPTION: with the cookie, robots.txt is a plain policy allowing everything; `/`
  answers as `/home`; a withdrawn article still linked answers 404 (as portal.py).
ASSUMPTION: the WCM library `/mod`, site area names `sa-<slug>`, content names
  `<slug>-<id>` (5-digit ids), the section names.
ASSUMPTION: listing links, per article: `urile=wcm:path:/…` 1/2, percent-encoded
  upper case 3/10, lower case (`wcm%3apath%3a…`) 1/5; all relative.
ASSUMPTION: listing markup, sections in turn: the 2021 `#listArticle > div > div > h1 > a`,
  `div.news-item > h3 > a`, `ul.list-news li > a.title`; pager `&page=N`, numbered or a
  lone "next" link, sections in turn; 10 items a page.
ASSUMPTION: article markup, per article: `div.article-detail` (`h1.title`, `div.date-time`,
  `div.sapo`, `div.detail-content`) 1/2, `article.news-detail` (`h2.news-title`,
  `p.news-date`, `div.news-summary`, `div.news-content`) 1/2; date layouts as portal.py's
  `dated`; images under `/wps/wcm/connect/`; no tags, no modification time shown.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import PLACEHOLDER_GIF, attr, esc
from newscrawler.replica.portal import ROBOTS, PortalSite, body_html, dated, pick

DOMAIN = "mod.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Quốc phòng"
LIBRARY = "/mod"
STUB_TYPE = "text/html; charset=utf-8,gbk"
COOKIE = "D1N"
ROTATE_AFTER = 80  # pages per cookie value (ASSUMPTION): over twice the crawl's concurrency
# Section listing path per section (the three prefixes of `_modgov_config`).
SECTION_PATHS = {"sa-tin-tuc": "/home/news", "sa-thoi-su": "/home/news/td",
                 "sa-su-kien": "/home/news/event"}


def wcm_path(*parts: str) -> str:
    return "wcm:path:" + "/".join((LIBRARY, *parts))


def encoded(value: str, lower: bool = False) -> str:
    text = quote(value, safe="")
    return text.replace("%3A", "%3a").replace("%2F", "%2f") if lower else text


class CookieWall:
    """Admits a request carrying the current `D1N` value; answers any other with the
    stub. `refuse`: a wall that never admits (the stub never yields)."""

    def __init__(self, seed: str = "mod", rotate_after: int | None = ROTATE_AFTER,
                 refuse: bool = False) -> None:
        self.seed, self.rotate_after, self.refuse = seed, rotate_after, refuse
        self.generation = 0
        self.admitted = 0
        self.stubs = 0
        self._lock = threading.Lock()

    def value(self, generation: int) -> str:
        return hashlib.sha256(f"{self.seed}:{generation}".encode()).hexdigest()[:32]

    def admits(self, headers) -> bool:
        sent = _cookie(headers.get("Cookie", ""), COOKIE)
        with self._lock:
            if self.refuse or sent != self.value(self.generation):
                self.stubs += 1
                if self.refuse:  # a new value every time, none of them admitted
                    self.generation += 1
                return False
            self.admitted += 1
            if self.rotate_after and self.admitted % self.rotate_after == 0:
                self.generation += 1  # this request is served; the next meets the stub
            return True

    def stub(self) -> bytes:
        with self._lock:
            value = self.value(self.generation)
        # Our own typing of the described shape: a literal cookie, a 2099 expiry,
        # path=/, then a reload; 177 bytes like the measured page.
        return ('<html><body><script>document.cookie="' + COOKIE + "=" + value
                + '"+"; expires=Thu, 31 Dec 2099 12:00:00 GMT; path=/";'
                "window.location.reload(true);</script></body></html>").encode()


def _cookie(header: str, name: str) -> str | None:
    jar = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


class ModSite(PortalSite):
    image_prefix = "/wps/wcm/connect/"
    home_path = "/home"
    robots = ROBOTS  # served to a client with the cookie

    def __init__(self, spec: SiteSpec, corpus, wall: CookieWall | None = None):
        super().__init__(spec, corpus)
        self.wall = wall or CookieWall()
        self.by_urile = {self.urile_of(a): a for a in self.corpus.articles}
        self.gone_urile = self.urile_of(self.withdrawn)

    @staticmethod
    def urile_of(article: ReplicaArticle) -> str:
        return unquote(urlsplit(article.url).query.partition("urile=")[2])

    def url_of(self, article: ReplicaArticle) -> str:
        return f"{ORIGIN}/home/detail?urile={encoded(_article_path(article))}"

    def link_of(self, article: ReplicaArticle) -> str:
        form = pick(f"mod-link-{article.key}", (("plain", 0.5), ("upper", 0.3),
                                                ("lower", 0.2)))
        value = _article_path(article)
        if form != "plain":
            value = encoded(value, lower=form == "lower")
        return f"/home/detail?urile={value}"

    def section_path(self, category: Category) -> str:
        return f"{SECTION_PATHS[category.slug]}?urile={wcm_path(category.slug)}"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"mod-date-{article.key}", article.published)

    # --- routing -------------------------------------------------------------------------

    def refuse(self, path: str, headers):
        """The wall, before any page (the server's hook): the stub, or None to serve."""
        if self.wall.admits(headers):
            return None
        return 200, {"Content-Type": STUB_TYPE}, self.wall.stub()

    def handle(self, path: str, now: datetime):
        parts = urlsplit(path)
        query = dict(parse_qsl(parts.query))
        urile = query.get("urile", "")
        if parts.path == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, self.robots.encode()
        if parts.path.startswith(self.image_prefix):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        if parts.path in ("/", "/home"):
            return self.page(self.shell(NAME, f'<ul class="menu">{self.section_links()}</ul>'))
        if parts.path == "/home/detail" and urile in self.by_urile:
            return self.page(self.article_html(self.by_urile[urile]))
        for category in self.spec.categories:
            if (parts.path, urile) == (SECTION_PATHS[category.slug], wcm_path(category.slug)):
                return self.section(category, self.page_number(parts.query))
        return self.page(self.not_found_html(), 404)

    def section(self, category: Category, page: int):
        articles = self.corpus.in_category(category.slug)
        last = max(1, -(-len(articles) // self.page_size))
        shown = articles[(page - 1) * self.page_size:page * self.page_size]
        if page == 1 and category == self.spec.categories[0] and shown:
            shown = [shown[0], self.withdrawn, *shown[1:]]
        return self.page(self.listing_html(category, shown, page, last))

    # --- markup --------------------------------------------------------------------------

    def shell(self, title: str, main: str) -> str:
        return ('<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8">'
                f"<title>{esc(title)}</title></head>\n<body>\n<div class=\"wpthemeHeader\">"
                f'<a href="/home" class="logo">{NAME}</a><ul class="menu">'
                f"{self.section_links()}</ul></div>\n<div class=\"wpthemeMain\">{main}</div>"
                '\n<div class="wpthemeFooter"><p>Bộ Quốc phòng - Số 7 Nguyễn Tri Phương, '
                "Hà Nội</p></div>\n</body>\n</html>\n")

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        crumbs = self.breadcrumb(category)
        date = self.published_raw(article)
        if pick(f"mod-markup-{article.key}", (("detail", 0.5), ("news", 0.5))) == "detail":
            main = (f'{crumbs}<div class="article-detail"><h1 class="title">'
                    f'{esc(article.title)}</h1><div class="date-time">{date}</div>'
                    f'<div class="sapo"><strong>{esc(article.lead)}</strong></div>'
                    f'<div class="detail-content">{body_html(article)}</div></div>')
        else:
            main = (f'{crumbs}<article class="news-detail"><h2 class="news-title">'
                    f'{esc(article.title)}</h2><p class="news-date">{date}</p>'
                    f'<div class="news-summary">{esc(article.lead)}</div>'
                    f'<div class="news-content">{body_html(article)}</div></article>')
        return self.shell(f"{article.title} - {NAME}", main)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        markup = self.alternate(category, ("listArticle", "blocks", "rows"))
        style = self.alternate(category, ("numbers", "next"), shift=1)
        pager = self.pager(self.section_path(category), page, last, style)
        main = f"{self.breadcrumb(category)}\n{self.items(articles, markup)}{pager}"
        return self.shell(f"{category.name} - {NAME}", main)

    def items(self, articles: list[ReplicaArticle], markup: str) -> str:
        if markup == "listArticle":
            return '<div id="listArticle">' + "".join(
                f'<div class="item"><div class="info"><h1><a href="{attr(self.link_of(a))}">'
                f"{esc(a.title)}</a></h1><p>{esc(a.lead)}</p></div></div>"
                for a in articles) + "</div>"
        if markup == "blocks":
            return "".join(
                f'<div class="news-item"><h3><a href="{attr(self.link_of(a))}" title="'
                f'{attr(a.title)}">{esc(a.title)}</a></h3></div>' for a in articles)
        return '<ul class="list-news">' + "".join(
            f'<li><a class="title" href="{attr(self.link_of(a))}">{esc(a.title)}</a></li>'
            for a in articles) + "</ul>"


def _article_path(article: ReplicaArticle) -> str:
    return wcm_path(article.category, f"{article.slug}-{article.key}")


CATEGORIES = (
    Category("sa-tin-tuc", "Tin tức - Sự kiện"),
    Category("sa-thoi-su", "Thời sự quốc phòng"),
    Category("sa-su-kien", "Hoạt động quốc phòng"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    return f"{ORIGIN}/wps/wcm/connect/mod/{published:%Y%m}/{key}-{index + 1}.jpg"


MOD = SiteSpec(
    key="mod",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Quốc phòng",
    categories=CATEGORIES,
    article_key_pattern=r"-(\d+)$",
    article_url=lambda slug, key: f"{ORIGIN}/home/detail?urile=" + encoded(
        wcm_path("sa-tin-tuc", f"{slug}-{key}")),
    image_url=_image_url,
    factory=ModSite,
    n_articles=100,
    seed=20261006,
    first_key=31000,
    corpus_end=datetime(2026, 10, 5, 17, 0, tzinfo=VN_TZ),
)
