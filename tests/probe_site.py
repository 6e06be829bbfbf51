"""A small test-only site, `tin.example`, and its spider `probe`: every discovery path of
issue 16 item 1 over real HTTP, each article reachable by one path only.

- robots.txt names a sitemap index and a news sitemap (`Sitemap:` lines);
- the index names a gzip sitemap, a plain sitemap and (again) the news sitemap;
- the home page announces an RSS and an Atom feed (`<link rel="alternate">`); the
  listing announces the RSS feed again (each must be fetched once);
- the listing's markup no longer matches the spider's link selector, nor its pager
  (none declared): the fallback takes the page's links and finds page 2;
- one article is a one-paragraph notice: an article, exported.

Served by `newscrawler.replica.server.ReplicaServer` (a site object: `domain`, `spec`,
`handle`); crawled with `-s SPIDER_MODULES=tests.probe_site`. Markup is ours.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace

from newscrawler.records import VN_TZ
from newscrawler.replica.sentences import EVENTS, PROVINCES
from newscrawler.spiders.base import Ministry, NewsSpider

DOMAIN = "tin.example"
ORIGIN = f"https://{DOMAIN}"
HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"


@dataclass(frozen=True)
class ProbeArticle:
    number: int
    route: str  # how it is discovered: gzip, plain, news, rss, atom, listing, page2

    @property
    def path(self) -> str:
        return f"/tin-tuc/thong-tin-so-{self.number}-{1000 + self.number}.html"

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def published(self) -> datetime:
        return datetime(2026, 11, 1, 8, 0, tzinfo=VN_TZ) + timedelta(days=self.number)

    @property
    def title(self) -> str:
        return f"Thông tin số {self.number} về hoạt động của cơ quan"

    @property
    def paragraphs(self) -> list[str]:
        if self.route == "page2":  # the one-paragraph notice
            return ["Cơ quan thông báo lịch tiếp công dân tháng 12 vào sáng thứ Năm hằng "
                    "tuần tại trụ sở chính."]
        # Distinct text per article (near-duplicates would be dropped as such).
        place, event = PROVINCES[self.number % len(PROVINCES)], EVENTS[self.number % 3]
        return [f"Ngày {self.number}/11, tại {place}, {event} với {self.number * 37} "
                f"đại biểu; nội dung {n} bàn về {TOPIC_WORDS[(self.number + n) % 7]}."
                for n in (1, 2, 3)]


TOPIC_WORDS = ("cải cách hành chính", "chuyển đổi số", "đầu tư công", "xuất khẩu nông sản",
               "an toàn thực phẩm", "giáo dục nghề nghiệp", "phòng chống thiên tai")
ROUTES = ["gzip"] * 3 + ["plain"] * 3 + ["news"] * 2 + ["rss", "atom", "listing", "page2"]
ARTICLES = [ProbeArticle(number, route) for number, route in enumerate(ROUTES, 1)]


def _urlset(articles: list[ProbeArticle], news: bool = False) -> str:
    entries = []
    for article in articles:
        extra = ("<news:news><news:publication><news:name>Tin mẫu</news:name>"
                 "<news:language>vi</news:language></news:publication>"
                 f"<news:publication_date>{article.published.isoformat()}"
                 f"</news:publication_date><news:title>{article.title}</news:title>"
                 "</news:news>") if news else ""
        entries.append(f"<url><loc>{article.url}</loc><lastmod>"
                       f"{article.published.isoformat()}</lastmod>{extra}</url>")
    namespace = (' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
                 if news else "")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.'
            f'org/schemas/sitemap/0.9"{namespace}>' + "".join(entries) + "</urlset>\n")


def _by(route: str) -> list[ProbeArticle]:
    return [article for article in ARTICLES if article.route == route]


def _page(title: str, head: str, main: str) -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}'
            f'</title>{head}</head><body><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">'
            f"Tin tức</a></nav><main>{main}</main><footer>Tin mẫu, tin.example</footer>"
            "</body></html>")


def _listing(page: int) -> str:
    feed = '<link rel="alternate" type="application/rss+xml" href="/rss/home.rss">'
    items = _by("listing") if page == 1 else _by("page2")
    links = "".join(f'<div class="news-item-v3"><h2><a href="{a.path}">{a.title}</a></h2>'
                    "</div>" for a in items)
    pager = ('<div class="paging-v3"><span>1</span> <a href="/tin-tuc?trang=2">2</a></div>'
             if page == 1 else '<div class="paging-v3"><a href="/tin-tuc">1</a> '
             "<span>2</span></div>")
    return _page("Tin tức", feed, links + pager)


def _article(article: ProbeArticle) -> str:
    body = "".join(f"<p>{text}</p>" for text in article.paragraphs)
    return _page(article.title, "", f'<article><h1 class="title">{article.title}</h1>'
                 f'<span class="date">{article.published:%d/%m/%Y %H:%M}</span>'
                 f'<div class="content">{body}</div></article>')


def _feeds() -> dict[str, tuple[str, str]]:
    rss_items = "".join(f"<item><title>{a.title}</title><link>{a.url}</link></item>"
                        for a in _by("rss"))
    atom_entries = "".join(f'<entry><title>{a.title}</title><link href="{a.url}"/></entry>'
                           for a in _by("atom"))
    index = "".join(f"<sitemap><loc>{ORIGIN}{path}</loc></sitemap>" for path in
                    ("/sitemaps/2026-11.xml.gz", "/sitemaps/2026-12.xml",
                     "/sitemaps/google-news.xml"))
    return {
        "/robots.txt": ("text/plain; charset=utf-8",
                        f"User-agent: *\nAllow: /\nSitemap: {ORIGIN}/sitemap_index.xml\n"
                        f"sitemap: {ORIGIN}/sitemaps/google-news.xml\n"),
        "/sitemap_index.xml": (XML, '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex '
                               'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                               + index + "</sitemapindex>\n"),
        "/sitemaps/2026-12.xml": (XML, _urlset(_by("plain"))),
        "/sitemaps/google-news.xml": (XML, _urlset(_by("news"), news=True)),
        "/rss/home.rss": ("application/rss+xml; charset=utf-8",
                          '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
                          f"<channel><title>Tin mẫu</title>{rss_items}</channel></rss>\n"),
        "/atom.xml": ("application/atom+xml; charset=utf-8",
                      '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.'
                      f'org/2005/Atom"><title>Tin mẫu</title>{atom_entries}</feed>\n'),
        "/": (HTML, _page("Tin mẫu", '<link rel="alternate" type="application/rss+xml" '
                          'href="/rss/home.rss"><link rel="alternate" type="application/'
                          'atom+xml" href="/atom.xml">', "<p>Trang chủ</p>")),
        "/tin-tuc": (HTML, _listing(1)),
        "/tin-tuc?trang=2": (HTML, _listing(2)),
    }


class ProbeSite:
    """The served site object (see newscrawler.replica)."""

    domain = DOMAIN
    spec = SimpleNamespace(key="probe", article_key_pattern=r"-(\d+)\.html$")

    def __init__(self) -> None:
        self.pages = _feeds()
        self.pages.update({a.path: (HTML, _article(a)) for a in ARTICLES})
        self.gzip_sitemap = gzip.compress(_urlset(_by("gzip")).encode("utf-8"), mtime=0)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        if path == "/sitemaps/2026-11.xml.gz":
            return 200, {"Content-Type": "application/x-gzip"}, self.gzip_sitemap
        if path not in self.pages:
            return 404, {"Content-Type": "text/plain"}, b"Not Found"
        content_type, text = self.pages[path]
        return 200, {"Content-Type": content_type}, text.encode("utf-8")


class ProbeSpider(NewsSpider):
    """The test site's spider: a listing selector and no pager that match nothing (the
    site changed), no declared feed or sitemap."""

    name = "probe"
    publisher = "Tin mẫu"
    ministries = (Ministry("Bộ Mẫu"),)
    allowed_domains = [DOMAIN]
    listing_urls = [f"{ORIGIN}/tin-tuc"]
    listing_link_css = ".news-item h3 a::attr(href)"
    article_url_pattern = r"^https://tin\.example/tin-tuc/[a-z0-9-]+-\d+\.html$"
    article_key_pattern = r"-(\d+)\.html$"
    selectors = {"title": "h1.title", "published": "span.date", "body": "div.content"}
    newest_evidence = "2026-12-05"
