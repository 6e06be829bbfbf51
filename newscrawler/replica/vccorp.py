"""The VCCorp-family CMS (baochinhphu.vn, mst.gov.vn) served from a corpus; baochinhphu's spec.

baochinhphu.vn, as the evidence shows it (vn_sites_2026 §3; markup pieces and their
sources in `vccorp_markup.py`):
- article URLs `/<slug>-102<id time><0-3 digits>.htm` (PS:new_items.json, 2026-07/08);
  the id time is not the publication time, so the site object re-keys the corpus it is
  given, and its `corpus` attribute, which truth.py reads, is the one source of URLs and
  ids;
- category pages `/<cat>[/<sub>].htm` with the zone id in `#hdZoneId@value`, their first
  items in `div.box-stream.timeline_list` and a "Xem thêm" button; the following pages as
  fragments `/timelinelist/{zoneId}/{page}.htm` of bare `div.box-stream-item` elements
  (idx:67366511490, idx:55797201634, 2026; zones 1027 = kinh-te, idx:52257862409, and
  102301 = tra-loi-cong-dan, idx:55797201634);
- article: `h1.detail-title[data-role=title]` in `div.detail-mcontent`, `h2.detail-sapo
  [data-role=sapo]` opening with a dateline (variants in vccorp_markup), `div.detail-time
  > div[data-role=publishdate]`, the author `div.detail-author-top > p.detail-author-top-
  content > a.detail-author-top-name`, else bold text in `p[style*="text-align:right"]`
  (idx:65870912651, 2025), the body `div.detail-content.afcbc-body.clearfix[data-role=
  content]`, the category `div.detail-breadcrumb ul li a[data-role=cate-name]` and JSON-LD
  BreadcrumbList, tags `div.detail-tag > ul.detail-tag-list[data-role=tags] li a` (tag URLs
  `/<slug>.html`), `article:published_time` / `article:modified_time` meta with +07:00 and
  JSON-LD NewsArticle (datePublished, dateModified, author); the modification time differs
  from publication on edited articles; a trailing "./." ends the text of many articles;
  a cache stamp comment `<!--u: M/D/YYYY h:mm:ss AM-->` after `</html>` (CMW captures of
  the same CMS, 2026-10-06);
- feeds `/home.rss` and `/<cat>.rss` (PS CLAUDE.md = idx:56721480188, 2026-07-17); the old
  `/rss/home.rss` is dead (404 here);
- sitemap `/sitemaps/google-news.xml` (configured by one crawler, idx:54740777443, 2026;
  not verified: served as a Google News sitemap of the newest articles).
Text is NFC but for a few partly decomposed titles and sapos (vccorp_markup).

ASSUMPTION: the zone ids of chinh-tri/doi-ngoai, xa-hoi/phap-luat and khoa-giao/giao-duc,
  and the display names of all categories.
ASSUMPTION: 12 items per timeline page, the category page showing timeline page 1, and a
  page past the end being an empty 200 fragment.
ASSUMPTION: the visible date text (vn_sites_2026 §3: the vi format is not captured): half
  "DD/MM/YYYY HH:MM", half with " GMT+7" as the English edition shows it.
ASSUMPTION: both breadcrumb levels of a sub-category carry data-role="cate-name".
ASSUMPTION: image paths `/media/YYYY/MM/DD/...`; the header date bar, the menu, the
  footer, the "Tin cùng chuyên mục" box and `/robots.txt`; a 301 to the right slug when an
  id is asked for with a wrong one; every `/rss/...` path answering 404.
ASSUMPTION: the feed's channel layout and its 20 items; the Google News sitemap listing
  the 20 newest articles.
ASSUMPTION: half of the articles end with "./." and 15 % carry a source line
  "Theo ..." as a right-aligned plain paragraph after the body; a third of the
  right-aligned lines are styled "text-align: right;" (with a space).
"""

from __future__ import annotations

import logging
import random
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import ClassVar

from newscrawler.records import VN_TZ, iso_vn
from newscrawler.replica import vccorp_markup as parts
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec, slugify
from newscrawler.replica.markup import HTML, PLACEHOLDER_GIF, site_path
from newscrawler.replica.markup import attr as _attr
from newscrawler.replica.markup import esc as _esc

logger = logging.getLogger(__name__)

DOMAIN = "baochinhphu.vn"
ORIGIN = f"https://{DOMAIN}"
PAGE_SIZE = 12  # ASSUMPTION
# ASSUMPTION. Fewer than two timeline pages, so that what a feed already gave never fills
# two listing pages in a row (which would end an incremental walk early, spiders/base.py).
FEED_SIZE = 20
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
_CLOCK = "\x00clock\x00"  # where the per-request date bar goes in a cached page
ROBOTS = "User-agent: *\nAllow: /\n"  # the EN edition's (CMW, 2026-10-06)
_TIMELINE_PATH = re.compile(r"^/timelinelist/(\d+)/(\d+)\.htm$")
END_MARK_SHARE = 0.5  # ASSUMPTION


def date_bar(now: datetime) -> str:
    now = now.astimezone(VN_TZ)
    return f"{WEEKDAYS[now.weekday()]}, {now:%d/%m/%Y}"


def _byline(article: ReplicaArticle, at_top: bool) -> str:
    # Editors' inline styles come with and without the space (ASSUMPTION, module doc).
    style = "text-align: right;" if article.key % 3 == 0 else "text-align:right;"
    lines = []
    if article.authors and not at_top:
        lines.append(f'<p style="{style}"><b>{_esc(" - ".join(article.authors))}</b></p>')
    if article.source:
        lines.append(f'<p style="{style}">{_esc(article.source)}</p>')
    return "".join(lines)


@dataclass(frozen=True)
class _Page:
    status: int
    head: bytes = b""
    tail: bytes = b""
    location: str | None = None


class VCCorpSite:
    """A corpus served as VCCorp-family pages, rendered once per route and cached.

    Site subclasses set the class attributes and may override the hooks `listing_item`,
    `sapo` and `feed_route` / `sitemap_route`."""

    shows_modified = True  # `article:modified_time` (vn_sites_2026 §3)
    brand: ClassVar[str] = ""
    id_prefix: ClassVar[str] = ""
    zones: ClassVar[dict[str, int]] = {}
    parents: ClassVar[dict[str, str]] = {}  # parent section slug -> name
    feeds: ClassVar[dict[str, str | None]] = {}  # feed path -> category slug (None: all)

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.domain = spec.domain
        self.origin = f"https://{spec.domain}"
        self.corpus = SiteCorpus(spec, [self.served_article(a) for a in corpus.articles])
        if len(self.corpus.by_key) != len(self.corpus.articles):
            raise ValueError(f"{spec.key}: two articles share an id")
        self._zone_categories = {zone: slug for slug, zone in self.zones.items()}
        self._pages: dict[str, _Page] = {}
        self._article_path = re.compile(rf"^/([a-z0-9-]+)-({self.id_prefix}\d+)\.htm$")

    def served_article(self, article: ReplicaArticle) -> ReplicaArticle:
        """The article as this CMS holds it: its own id (not the corpus order), the
        modification time equal to publication until edited, "./." ending many texts and
        a few partly decomposed titles and sapos."""
        key = parts.article_id(self.id_prefix, article.published, article.key)
        images = [dict(image, url=self.spec.image_url(article.published, key, index))
                  for index, image in enumerate(article.images)]
        paragraphs = list(article.paragraphs)
        rng = random.Random(f"end:{article.key}")
        if paragraphs and paragraphs[-1].endswith(".") and rng.random() < END_MARK_SHARE:
            paragraphs[-1] += "/."
        title, lead = article.title, article.lead
        if parts.is_partly_decomposed(article.key):
            title, lead = parts.partly_decomposed(title), parts.partly_decomposed(lead)
        return replace(article, key=key, url=self.spec.article_url(article.slug, key),
                       images=images, paragraphs=paragraphs, title=title, lead=lead,
                       modified=article.modified or article.published)

    def published_raw(self, article: ReplicaArticle) -> str:
        # The spider reads `article:published_time` first: its text is the raw date.
        return iso_vn(article.published)

    def encode(self, text: str) -> bytes:
        return text.encode("utf-8")

    def path(self, url: str) -> str:
        return site_path(url, self.origin)

    # --- routes -------------------------------------------------------------------------

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        route = path.split("?", 1)[0].split("#", 1)[0]
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith(("/media/", "/images/")):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        xml = self.xml_route(route)
        if xml is not None:
            return 200, {"Content-Type": "text/xml; charset=utf-8"}, self.encode(xml)
        if route.endswith((".rss", ".xml")):
            return 404, {"Content-Type": HTML}, b"Not Found"
        timeline = _TIMELINE_PATH.match(route)
        if timeline:  # unbounded URL space: rendered on each request, never cached
            return 200, {"Content-Type": HTML}, self.encode(self._timeline(*timeline.groups()))
        page = self._pages.get(route)
        if page is None:
            page = self._render(route)
            if page.status != 404:
                self._pages[route] = page
        if page.location:
            return page.status, {"Content-Type": HTML, "Location": page.location}, b""
        body = page.head + self.encode(date_bar(now)) + page.tail
        return page.status, {"Content-Type": HTML}, body

    def xml_route(self, route: str) -> str | None:
        """A feed or sitemap document for `route`, or None."""
        if route in self.feeds:
            slug = self.feeds[route]
            articles = self.corpus.in_category(slug) if slug else self.corpus.articles
            title = self.brand + (f" - {self.spec.category(slug).name}" if slug else "")
            return parts.feed(title, self.origin, articles[:FEED_SIZE])
        return None

    def _page(self, html: str, status: int = 200) -> _Page:
        head, _, tail = html.partition(_CLOCK)
        return _Page(status, self.encode(head), self.encode(tail))

    def _render(self, route: str) -> _Page:
        if route in ("/", "/index.htm"):
            items = "\n".join(self.listing_item(a) for a in self.corpus.articles[:20])
            return self._page(self._shell(self.brand, f'<div class="box-stream">{items}</div>'))
        found = self._article_path.match(route)
        if found:
            article = self.corpus.by_key.get(int(found.group(2)))
            if article is None:
                return self._not_found()
            if found.group(1) != article.slug:  # the CMS finds articles by id
                return _Page(301, location=article.url)
            return self._page(self._shell(f"{article.title} | {self.brand}",
                                          self._article(article), self._head(article),
                                          self._stamp(article)))
        slug = route.removeprefix("/").removesuffix(".htm")
        if route.endswith(".htm") and slug in self.category_slugs():
            category = self.spec.category(slug)
            return self._page(self._shell(f"{category.name} | {self.brand}",
                                          self._category(category)))
        return self._not_found()

    def category_slugs(self) -> set[str]:
        return set(self.zones)

    def _not_found(self) -> _Page:
        main = '<div class="page-404"><h1>404</h1><p>Không tìm thấy trang yêu cầu.</p></div>'
        return self._page(self._shell(f"Không tìm thấy trang | {self.brand}", main), 404)

    def _timeline(self, zone: str, page: str) -> str:
        slug = self._zone_categories.get(int(zone))
        number = int(page)
        if slug is None or number < 1:
            return ""
        chunk = self.corpus.in_category(slug)[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
        return "\n".join(self.listing_item(article) for article in chunk)

    # --- page parts -------------------------------------------------------------------

    def listing_item(self, article: ReplicaArticle) -> str:
        return parts.stream_item(article, self.path(article.url), f"/{article.category}.htm")

    def sapo(self, article: ReplicaArticle) -> str:
        return (f'<h2 class="detail-sapo" data-role="sapo">'
                f"{_esc(parts.dateline(article.key) + article.lead)}</h2>")

    def _sections(self, category: Category) -> list[tuple[str, str]]:
        parent = category.slug.partition("/")[0]
        sections = [(parent, self.parents[parent])] if parent in self.parents else []
        return [*sections, (category.slug, category.name)]

    def _menu(self) -> str:
        return "".join(f'<li><a href="/{slug}.htm" title="{_attr(name)}">{_esc(name)}</a></li>'
                       for category in self.spec.categories
                       for slug, name in self._sections(category))

    def _shell(self, title: str, main: str, head: str = "", after: str = "") -> str:
        latest = "\n".join(self.listing_item(a) for a in self.corpus.articles[:5])
        return (
            '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(title)}</title>\n{head}"
            '<link rel="stylesheet" href="/web/css/main.min.css?v=1.0.35">\n'
            '<script src="/web/js/jquery.min.js"></script>\n</head>\n<body>\n'
            f'<div class="header__top"><span class="header__date">{_CLOCK}</span> '
            '<a href="/rss.htm" title="RSS">RSS</a> <a href="/tim-kiem.htm" title="Tìm kiếm">'
            'Tìm kiếm</a></div>\n<header class="header"><a class="header__logo" href="/" '
            f'title="{_attr(self.brand)}"><img src="/web/images/logo.png" alt="'
            f'{_attr(self.brand)}"></a><nav class="menu"><ul><li><a href="/" title="Trang chủ">'
            f"Trang chủ</a></li>{self._menu()}</ul></nav></header>\n"
            f'<div class="main">\n{main}\n</div>\n<aside class="sidebar"><div class='
            f'"box-latest"><h3 class="box-title">Tin mới</h3>{latest}</div></aside>\n'
            f'<footer class="footer"><p><strong>{_esc(self.brand.upper())}</strong></p>'
            f"<p>© Bản quyền thuộc {_esc(self.brand)}.</p></footer>\n"
            '<script src="/web/js/main.min.js?v=1.0.35"></script>\n'
            f"</body>\n</html>{after}\n"
        )

    def _stamp(self, article: ReplicaArticle) -> str:
        return f"<!--u: {parts.feed_time(article.modified or article.published)}-->"

    def _head(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        crumbs = [(name, f"{self.origin}/{slug}.htm") for slug, name in self._sections(category)]
        return (parts.news_meta(article, article.lead)
                + parts.json_ld(article, self.brand, crumbs))

    def _breadcrumb(self, category: Category) -> str:
        links = "".join(f'<li><a href="/{slug}.htm" title="{_attr(name)}" data-role="cate-name">'
                        f"{_esc(name)}</a></li>" for slug, name in self._sections(category))
        return ('<div class="detail-breadcrumb"><ul><li><a href="/" title="Trang chủ">'
                f"Trang chủ</a></li>{links}</ul></div>")

    def _category(self, category: Category) -> str:
        articles = self.corpus.in_category(category.slug)
        focus = "\n".join(self.listing_item(a) for a in articles[:3])
        first = "\n".join(self.listing_item(a) for a in articles[:PAGE_SIZE])
        return (
            f'<div class="list__focus">{focus}</div>\n'
            f'<div class="box-stream timeline_list">\n{first}\n</div>\n'
            '<div class="list__viewmore"><a href="javascript:;" class="btn-viewmore" '
            'title="Xem thêm">Xem thêm</a></div>\n'
            f'<input type="hidden" id="hdZoneId" value="{self.zones[category.slug]}">\n'
            '<input type="hidden" id="hdPageIndex" value="1">'
        )

    def _article(self, article: ReplicaArticle) -> str:
        rng = random.Random(article.key)  # the same markup on every render
        category = self.spec.category(article.category)
        same = self.corpus.in_category(article.category)
        position = same.index(article)
        at_top = bool(article.authors) and rng.random() < 0.5
        authors = "".join(
            f'<a class="detail-author-top-name" href="/tac-gia/{slugify(name)}.htm" '
            f'title="{_attr(name)}">{_esc(name)}</a>' for name in article.authors
        ) if at_top else ""
        tags = "".join(f'<li><a href="/{slugify(tag)}.html" title="{_attr(tag)}">'
                       f"{_esc(tag)}</a></li>" for tag in article.tags)
        older = same[position + 1:position + 4]
        body = self._body(article, same[max(0, position - 2):position], at_top, rng)
        return (
            f'{self._breadcrumb(category)}\n<div class="detail-mcontent">\n'
            f'<h1 class="detail-title" data-role="title">{_esc(article.title)}</h1>\n'
            '<div class="detail-info"><div class="detail-author-top"><p class="detail-author-'
            f'top-content">{authors}</p></div><div class="detail-time"><div data-role='
            f'"publishdate">{parts.visible_time(article)}</div></div></div>\n'
            f"{self.sapo(article)}\n"
            '<div class="detail-content afcbc-body clearfix" data-role="content">\n'
            f"{body}\n{parts.cms_comment(article)}\n</div>\n"
            + ('<div class="detail-tag"><ul class="detail-tag-list" data-role="tags">'
               f"{tags}</ul></div>\n" if tags else "")
            + ('<div class="detail-related"><h3 class="box-title">Tin cùng chuyên mục</h3>'
               + "".join(self.listing_item(a) for a in older) + "</div>\n" if older else "")
            + "</div>"
        )

    def _body(self, article: ReplicaArticle, related: list[ReplicaArticle], at_top: bool,
              rng: random.Random) -> str:
        paragraphs = [parts.paragraph(text, rng) for text in article.paragraphs]
        images = [parts.photo(self.path(image["url"]), image.get("caption"))
                  for image in article.images]
        # The first photo opens the body, the others follow in their order further down.
        places = [0, *sorted(rng.randint(1, len(paragraphs)) for _ in images[1:])]
        for place, image in reversed(list(zip(places[:len(images)], images, strict=True))):
            paragraphs.insert(place, image)
        if related and len(paragraphs) > 2:
            box = parts.related_box([(a, self.path(a.url)) for a in related], rng)
            paragraphs.insert(rng.randint(1, len(paragraphs) - 1), box)
        return "\n".join(paragraphs) + "\n" + _byline(article, at_top)


class BaochinhphuSite(VCCorpSite):
    brand = "Báo Điện tử Chính phủ"
    id_prefix = "102"
    zones = {
        "kinh-te": 1027, "tra-loi-cong-dan": 102301,  # idx:52257862409, idx:55797201634
        # ASSUMPTION (module docstring): these zone ids.
        "chinh-tri/doi-ngoai": 102504, "xa-hoi/phap-luat": 102808,
        "khoa-giao/giao-duc": 102903,
    }
    parents = {"chinh-tri": "Chính trị", "xa-hoi": "Xã hội", "khoa-giao": "Khoa giáo"}
    feeds = {"/home.rss": None, "/kinh-te.rss": "kinh-te",
             "/tra-loi-cong-dan.rss": "tra-loi-cong-dan"}

    def xml_route(self, route: str) -> str | None:
        if route == "/sitemaps/google-news.xml":
            return parts.news_sitemap(self.brand, self.corpus.articles[:FEED_SIZE])
        return super().xml_route(route)


BAOCHINHPHU_CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        # Slugs: vn_sites.md §2.4 (idx:65870912651 lists 19 sub-categories); names: ASSUMPTION.
        ("kinh-te", "Kinh tế"), ("tra-loi-cong-dan", "Trả lời công dân"),
        ("chinh-tri/doi-ngoai", "Đối ngoại"), ("xa-hoi/phap-luat", "Pháp luật"),
        ("khoa-giao/giao-duc", "Giáo dục"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: path and file name; uploaded some minutes before publication.
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=3 + (key + index) % 90)
    return f"{ORIGIN}/media/{uploaded:%Y/%m/%d}/{uploaded:%Y%m%d%H%M}-{key % 100000}-{index}.jpg"


BAOCHINHPHU = SiteSpec(
    key="baochinhphu",
    domain=DOMAIN,
    publisher="Báo Điện tử Chính phủ",
    # The Government Office (VPCP) kept its name in the 2025 mergers (vn_sites.md §2.0);
    # ASSUMPTION: that it runs baochinhphu.vn (the project lead's statement, not the notes').
    ministry="Văn phòng Chính phủ",
    categories=BAOCHINHPHU_CATEGORIES,
    article_key_pattern=r"-(102\d{12,15})\.htm$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.htm",
    image_url=_image_url,
    factory=BaochinhphuSite,
    n_articles=220,
    # A seed whose generated bodies are all far apart for the SimHash dedup (min
    # Hamming distance 16 > 13): another seed made two of them "near duplicates".
    seed=2,
    source_rate=0.15,
    corpus_end=datetime(2025, 10, 13, 17, 45, tzinfo=VN_TZ),
)
