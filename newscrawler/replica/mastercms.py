"""congthuong.vn rendered in MasterCMS markup (vn_sites_2026 §1; vn_sites.md §1, §2.1).

Markup reproduced from dated sources:
- listing items `.article>h3>a` (idx:9895299792) and, as a second generation served on
  one category in three, bare `a.article-title` items (idx:48417647467, idx:48741293469);
- paging `<category>&s_cond=&BRSR=<offset>` and the pager `div.grNextPage.__MB_ARTICLE_PAGING
  lt` (see `mastercms_parts`, 2023-2026 sister sites);
- `article.article h1`; `span.bx-time lt` "HH:MM | DD/MM/YYYY"; `div.article-desc fw lt
  clearfix`; body `div.__MASTERCMS_CONTENT_BODY clearfix` inside `__MASTERCMS_CONTENT
  __MB_CONTENT_FOR_PRINTER fw lt mb-15 clearfix` (idx:48417647467; §12 row, 2026);
  images in `table.MASTERCMS_TPL_TABLE` (caption = row 2); `p.author` closing the body;
  breadcrumbs `.breadcrumb.breadcrumb-list li a span` with `a.actived` (idx:9895299792);
  `og:title`, `meta[name=description]`; the "Đường dây nóng" clock bar showing the
  current time (seed page, 2017-12-21);
- in-body automatic tag links (2022, idx:8829734521); tags `/tag/<slug>-<id>.tag` and
  topics `/chu-de/<slug>.topic` (2026-09-30, CMW derived moit fixture), neither an article;
- search `/search_enginer.html?p=search&q=` (2026, idx:61997304903);
- feeds `/rss/trang-chu.rss`, `/rss/home.rss`, `/rss/<category>.rss` (2025-2026 feed
  lists idx:24151061523, idx:66445490741; `/rss/tai-chinh.rss` verified 2026-10,
  idx:70982189649);
- images `/stores/news_dataimages/YYYY/MMYYYY/DD/HH/…?rt=` (2022, idx:13042074689), on
  `cdn-i2.congthuong.vn` in 2023 (idx:53134114011).
No JSON-LD, no article:published_time: none is documented.

ASSUMPTION: the tag box markup: three variants (`div.article-tags`, `div.box-tags`,
  `ul.tags-list`), one per article key modulo 3.
ASSUMPTION: the `a.article-title` generation's wrapper markup and its share (one category
  in three).
ASSUMPTION: images of articles published from 2023 on sit on `cdn-i2.congthuong.vn`, older
  ones on the main host.
ASSUMPTION: a page past the end is an empty listing (HTTP 200); `?page=N` is ignored.
ASSUMPTION: `/robots.txt` content (disallows the search); the footer address; the
  `<title>` suffix; a 301 to the right slug for a wrong one; the places of the
  related-news, tags and share/print boxes; a topic box naming the first tag.
ASSUMPTION: the RSS pubDate format (RFC 822); feeds beyond tai-chinh answer.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from urllib.parse import parse_qs, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec, slugify
from newscrawler.replica.markup import HTML, PLACEHOLDER_GIF, WEEKDAYS, byline_text, site_path
from newscrawler.replica.markup import attr as _attr
from newscrawler.replica.markup import esc as _esc
from newscrawler.replica.mastercms_parts import (
    autolink,
    last_variant_of,
    listing_href,
    pager,
    split_listing_route,
    step_of,
    tag_box,
)
from newscrawler.replica.seed import seed_article

logger = logging.getLogger(__name__)

DOMAIN = "congthuong.vn"
ORIGIN = f"https://{DOMAIN}"
HOTLINE = "0866.59.4498"  # research §1 point 1
_CLOCK = "\x00clock\x00"  # where the per-request clock text goes in a cached page
ROBOTS = "User-agent: *\nDisallow: /search_enginer.html\nAllow: /\n"  # ASSUMPTION


def _path(url: str) -> str:
    return site_path(url, ORIGIN)


def published_text(moment: datetime) -> str:
    return f"{moment.astimezone(VN_TZ):%H:%M | %d/%m/%Y}"


def clock_text(now: datetime) -> str:
    now = now.astimezone(VN_TZ)
    return f"{WEEKDAYS[now.weekday()]} {now:%d/%m/%Y %H:%M}"


def _shell(title: str, head: str, main: str, sidebar: str, categories) -> str:
    menu = "".join(
        f'<li><a href="/{c.slug}" title="{_attr(c.name)}">{_esc(c.name)}</a></li>'
        for c in categories
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n{head}"
        '<link rel="stylesheet" href="/styles/web/css/style.css?v=2.1.7">\n'
        '<script src="/styles/web/js/jquery.min.js"></script>\n'
        "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push("
        "arguments);} gtag('js', new Date());</script>\n</head>\n<body>\n"
        '<div class="top-bar fw lt"><div class="container">'
        f'<div class="top-hotline lt">Đường dây nóng: {HOTLINE} - {_CLOCK}</div>'
        '<div class="top-links rt"><a href="/rss" title="RSS">RSS</a> '
        '<a href="/lien-he" title="Liên hệ">Liên hệ</a></div></div></div>\n'
        '<header class="header fw lt"><div class="container"><a class="logo lt" href="/" '
        'title="Báo Công Thương"><img src="/styles/web/images/logo.png" alt="Báo Công Thương">'
        '</a><div class="search rt"><form action="/search_enginer.html" method="get"><input '
        'type="hidden" name="p" value="search"><input name="q" placeholder="Tìm kiếm">'
        '</form></div></div></header>\n'
        f'<nav class="menu fw lt"><ul class="main-menu"><li><a href="/" class="home" '
        f'title="Trang chủ">Trang chủ</a></li>{menu}</ul></nav>\n'
        f'<div class="main container fw lt">\n<div class="col-left lt">\n{main}\n</div>\n'
        f'<aside class="col-right rt">{sidebar}<div class="banner-zone" id="adsZoneRight">'
        f'</div></aside>\n</div>\n{_FOOTER}<script src="/styles/web/js/main.js?v=2.1.7">'
        "</script>\n<script>$(function(){ $('.btn-print').on('click', function(){ "
        "window.print(); return false; }); });</script>\n</body>\n</html>\n"
    )


# ASSUMPTION: the address; licence, hotline and e-mail are from research §1 point 1.
_FOOTER = (
    '<footer class="footer fw lt"><div class="container">'
    "<p><strong>BÁO CÔNG THƯƠNG</strong> - Cơ quan ngôn luận của Bộ Công Thương</p>"
    "<p>Giấy phép hoạt động Báo điện tử số 456/GP-BTTTT</p>"
    "<p>Địa chỉ: Tầng 7, số 655 Phạm Văn Đồng, Bắc Từ Liêm, Hà Nội</p>"
    f"<p>Đường dây nóng: {HOTLINE} - Email: baodientubct@gmail.com</p>"
    "<p>© Bản quyền thuộc về Báo Công Thương. Ghi rõ nguồn khi phát hành lại thông tin "
    "từ website này.</p></div></footer>\n"
)


def _breadcrumb(category: Category) -> str:
    return (
        '<ul class="breadcrumb breadcrumb-list"><li><a href="/" title="Trang chủ">'
        '<i class="icon-home"></i></a></li><li><a class="actived" '
        f'href="/{category.slug}" title="{_attr(category.name)}"><span>{_esc(category.name)}'
        "</span></a></li></ul>"
    )


def _link_list(css_class: str, heading: str, articles: list[ReplicaArticle]) -> str:
    items = "".join(
        f'<li><a href="{a.url}" title="{_attr(a.title)}">{_esc(a.title)}</a></li>'
        for a in articles
    )
    return f'<div class="{css_class}"><h3 class="box-title">{heading}</h3><ul>{items}</ul></div>'


def _noisy(paragraph: str, rng: random.Random, link_origin: str | None = None) -> str:
    """A paragraph as an editor's HTML: the odd NBSP, bold or italic run, trailing NBSP;
    with `link_origin`, sometimes an automatic tag link around a few of its words."""
    words = [_esc(word) for word in paragraph.split(" ")]
    busy = range(0)
    if len(words) > 8 and rng.random() < 0.25:
        start = rng.randrange(0, len(words) - 4)
        end = start + rng.randint(2, 4)
        busy = range(start, end)
        tag = rng.choice(("strong", "em"))
        words[start] = f"<{tag}>{words[start]}"
        words[end - 1] = f"{words[end - 1]}</{tag}>"
    if link_origin and len(words) > 6 and rng.random() < 0.25:
        autolink(words, rng, link_origin, busy)
    html = " ".join(words)
    if len(words) > 3 and rng.random() < 0.3:
        position = rng.randrange(1, len(words) - 1)
        html = " ".join(words[:position]) + "&nbsp;" + " ".join(words[position:])
    if rng.random() < 0.2:
        html += "&nbsp;"
    return html


def _image_table(image: dict) -> str:
    src = _path(image["url"])
    caption = image.get("caption")
    rows = f'<tr><td><img src="{_attr(src)}" alt="{_attr(caption or "")}"></td></tr>'
    if caption:
        rows += f'<tr><td class="image-caption">{_esc(caption)}</td></tr>'
    return (
        '<table class="MASTERCMS_TPL_TABLE" align="center" border="0" cellpadding="3" '
        f'cellspacing="0" width="100%"><tbody>{rows}</tbody></table>'
    )


def _byline(article: ReplicaArticle, rng: random.Random) -> str:
    text = byline_text(article)
    if not text:
        return ""
    if rng.random() < 0.3:
        return f'<p align="right"><strong>{_esc(text)}</strong></p>'
    return f'<p class="author">{_esc(text)}</p>'


def _body(article: ReplicaArticle) -> str:
    rng = random.Random(article.key)  # the same noise on every render of an article
    justify = ' style="text-align: justify;"' if rng.random() < 0.5 else ""
    images = list(article.images)
    parts = ["<p>&nbsp;</p>"]
    if images:
        parts.append(_image_table(images.pop(0)))
    gaps = sorted(rng.sample(range(1, len(article.paragraphs)), min(len(images),
                  len(article.paragraphs) - 1)))
    links = 0
    for index, paragraph in enumerate(article.paragraphs):
        if gaps and gaps[0] == index:
            gaps.pop(0)
            parts.append(_image_table(images.pop(0)))
        html = _noisy(paragraph, rng, ORIGIN if links < 3 else None)
        links += 'title="Xem thêm tin về' in html
        parts.append(f"<p{justify}>{html}</p>")
    parts.extend(_image_table(image) for image in images)
    parts.append("<p>&nbsp;</p>")
    parts.append(_byline(article, rng))
    return "\n".join(parts)


def _tools() -> str:
    return (
        '<div class="article-tools rt"><a class="btn-share" href="#" rel="nofollow">Chia sẻ</a>'
        ' <a class="btn-print" href="javascript:window.print();">In bài</a></div>'
    )


def _listing_item(article: ReplicaArticle, generation: int = 0) -> str:
    thumb = article.images[0]["url"] if article.images else "/styles/web/images/no-image.png"
    title = _attr(article.title)
    image = (f'<a class="article-image" href="{article.url}" title="{title}">'
             f'<img src="{_attr(_path(thumb))}" alt="{title}"></a>')
    if generation == 1:  # the `a.article-title` generation (ASSUMPTION: its wrapper)
        return (f'<div class="story fw lt">{image}<a class="article-title" href="'
                f'{article.url}" title="{title}">{_esc(article.title)}</a>'
                f'<p class="story-sapo">{_esc(article.lead)}</p></div>')
    return (
        f'<div class="article">{image}<h3><a href="{article.url}" '
        f'title="{title}">{_esc(article.title)}</a></h3>'
        f'<p class="article-sapo">{_esc(article.lead)}</p></div>'
    )


def rss(title: str, link: str, articles: list[ReplicaArticle]) -> str:
    items = []
    for article in articles:
        thumb = article.images[0]["url"] if article.images else ""
        image = f'<a href="{article.url}"><img src="{thumb}" /></a>' if thumb else ""
        items.append(
            f"<item><title><![CDATA[{article.title}]]></title><link>{article.url}</link>"
            f'<guid isPermaLink="true">{article.url}</guid>'
            f"<description><![CDATA[{image}{article.lead}]]></description>"
            f"<pubDate>{format_datetime(article.published.astimezone(VN_TZ))}</pubDate></item>"
        )
    built = format_datetime(articles[0].published.astimezone(VN_TZ)) if articles else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{_esc(title)}</title><link>{link}</link>"
        "<description>Báo Công Thương - Cơ quan ngôn luận của Bộ Công Thương</description>"
        f"<language>vi-vn</language><lastBuildDate>{built}</lastBuildDate>"
        + "\n".join(items) + "</channel></rss>\n"
    )


@dataclass(frozen=True)
class _Page:
    """A rendered page, split around the clock bar (the only part that changes)."""

    status: int
    head: bytes = b""
    tail: bytes = b""
    location: str | None = None  # for redirects
    cache: bool = True  # False for pages of unbounded URL spaces (unknown, past the end)

    @classmethod
    def of(cls, html: str, status: int = 200, cache: bool = True) -> _Page:
        head, _, tail = html.partition(_CLOCK)
        return cls(status, head.encode("utf-8"), tail.encode("utf-8"), cache=cache)


@dataclass(frozen=True)
class Listing:
    """One listing page to render: what it lists and how it pages."""

    title: str
    base: str  # the page-1 path
    articles: list  # this page's articles
    pager: str  # the pager's HTML ("" without one)
    category: Category | None = None
    generation: int = 0  # listing item markup (0: `.article>h3>a`, 1: `a.article-title`)


class MasterCMSSite:
    """congthuong.vn: a corpus served as MasterCMS pages, each rendered once and cached."""

    shows_modified = False  # no modification time is documented on congthuong pages
    name = "Báo Công Thương"

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.corpus = corpus
        self.domain = spec.domain
        self._pages: dict[str, _Page] = {}
        self._most_read = corpus.articles[3:8]
        self._by_tag: dict[str, list[ReplicaArticle]] = {}
        for article in corpus.articles:
            for tag in article.tags:
                self._by_tag.setdefault(slugify(tag), []).append(article)
        main = '<div class="page-404"><h1>404</h1><p>Trang bạn tìm không tồn tại.</p></div>'
        self._not_found = self._page_404(main)

    def _page_404(self, main: str) -> _Page:
        return _Page.of(_shell(f"Không tìm thấy trang | {self.name}", "", main, "",
                               self.spec.categories), 404, cache=False)

    def published_raw(self, article: ReplicaArticle) -> str:
        return published_text(article.published)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        route = parts.path.rstrip("/") or "/"
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith("/stores/"):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        if route.startswith("/rss/") and route.endswith(".rss"):
            return self._feed(route[len("/rss/"):-len(".rss")])
        if route == "/search_enginer.html":
            page = _Page.of(self._search(parse_qs(parts.query).get("q", [""])[0]),
                            cache=False)
        else:
            page = self._pages.get(route)
            if page is None:
                page = self._render(route) or self._not_found
                if page.cache:
                    self._pages[route] = page
        headers = {"Content-Type": HTML}
        if page.location:
            headers["Location"] = page.location
            return page.status, headers, b""
        return page.status, headers, page.head + clock_text(now).encode("utf-8") + page.tail

    def _render(self, route: str) -> _Page | None:
        if route == "/":
            return _Page.of(self._listing(Listing(self.name, "/", self.corpus.articles[:20],
                                                  "")))
        if route.endswith(".html"):
            return self._article_page(route.lstrip("/")[:-len(".html")])
        base, offset = split_listing_route(route)
        name = base.lstrip("/")
        if name.startswith("tag/") and name.endswith(".tag"):
            slug = name[len("tag/"):-len(".tag")].rpartition("-")[0]
            return self._paged(base, offset, self._by_tag.get(slug), 0, f"Tag {slug}")
        if name.startswith("chu-de/") and name.endswith(".topic"):
            slug = name[len("chu-de/"):-len(".topic")]
            return self._paged(base, offset, self._by_tag.get(slug), 1, f"Chủ đề {slug}")
        index = next((i for i, c in enumerate(self.spec.categories) if c.slug == name), None)
        if index is None:
            return None
        category = self.spec.categories[index]
        return self._paged(base, offset, self.corpus.in_category(category.slug), index,
                           category.name, category)

    def _article_page(self, name: str) -> _Page | None:
        stem, _, key = name.rpartition("-")
        article = self.corpus.by_key.get(int(key)) if key.isdigit() else None
        if article is None:
            return None
        if stem != article.slug:  # the CMS finds articles by id and fixes the slug
            return _Page(301, location=article.url)
        return _Page.of(self._article(article))

    def _paged(self, base: str, offset: int, articles, index: int, title: str,
               category: Category | None = None) -> _Page | None:
        """A page of a listing paged by `&s_cond=&BRSR=<offset>`."""
        if articles is None:
            return None
        step = step_of(index)
        chunk = articles[offset:offset + step]
        pages = pager(base, offset, step, len(articles), last_variant_of(index)) \
            if chunk and len(articles) > step else ""
        listing = Listing(title, base, chunk, pages, category, int(index % 3 == 2))
        # Past the end: an empty listing, like the real CMS, but not worth caching.
        return _Page.of(self._listing(listing), cache=bool(chunk))

    def _article(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        same = self.corpus.in_category(article.category)
        position = same.index(article)
        related = same[position + 1:position + 4]  # older stories of the same section
        topic = (f'<div class="box-topic fw lt"><a href="/chu-de/{slugify(article.tags[0])}'
                 f'.topic">{_esc(article.tags[0])}</a></div>\n' if article.tags else "")
        main = (
            f"{_breadcrumb(category)}\n<article class=\"article\">\n"
            f'<h1 class="article-title">{_esc(article.title)}</h1>\n'
            f'<div class="article-meta fw lt"><span class="bx-time lt">'
            f"{published_text(article.published)}</span>{_tools()}</div>\n"
            f'<div class="article-desc fw lt clearfix">{_esc(article.lead)}&nbsp;</div>\n'
            '<div class="__MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER fw lt mb-15 clearfix">\n'
            f'<div class="__MASTERCMS_CONTENT_BODY clearfix">\n{_body(article)}\n</div>\n'
            "</div>\n" + tag_box(article.tags, article.key % 3) + topic
            + f'<div class="article-footer fw lt">{_tools()}</div>\n'
            + (_link_list("related-news fw lt", "Tin liên quan", related) if related else "")
            + '\n</article>\n<div class="box-comment fw lt"><h3 class="box-title">Bình luận'
            '</h3><form class="comment-form"><textarea name="content"></textarea>'
            '<button type="submit">Gửi bình luận</button></form></div>'
        )
        head = (
            f'<meta name="description" content="{_attr(article.lead)}">\n'
            f'<meta property="og:title" content="{_attr(article.title)}">\n'
            f'<link rel="canonical" href="{article.url}">\n'
        )
        sidebar = _link_list("box-most-read", "Đọc nhiều", self._most_read)
        return _shell(f"{article.title} | {self.name}", head, main, sidebar,
                      self.spec.categories)

    def _listing(self, listing: Listing) -> str:
        items = "\n".join(_listing_item(a, listing.generation) for a in listing.articles)
        if not items:
            items = '<p class="no-data">Không có dữ liệu</p>'
        main = ((_breadcrumb(listing.category) if listing.category else "")
                + f'\n<div class="list-news fw lt">\n{items}\n</div>\n' + listing.pager)
        head = f'<link rel="canonical" href="{ORIGIN}{listing_href(listing.base, 0)}">\n'
        sidebar = _link_list("box-most-read", "Đọc nhiều", self._most_read)
        title = listing.title if listing.title == self.name else \
            f"{listing.title} | {self.name}"
        return _shell(title, head, main, sidebar, self.spec.categories)

    def _search(self, query: str) -> str:
        words = query.lower().split()
        found = [a for a in self.corpus.articles
                 if words and all(w in a.title.lower() for w in words)][:20]
        return self._listing(Listing(f"Tìm kiếm: {query}", "/search_enginer.html", found, ""))

    def _feed(self, name: str) -> tuple[int, dict[str, str], bytes]:
        if name in ("home", "trang-chu"):
            articles, title = self.corpus.articles[:50], f"{self.name} - Trang chủ"
        elif any(c.slug == name for c in self.spec.categories):
            articles = self.corpus.in_category(name)[:50]
            title = f"{self.name} - {self.spec.category(name).name}"
        else:
            return 404, {"Content-Type": HTML}, b"Not Found"
        body = rss(title, ORIGIN, articles).encode("utf-8")
        return 200, {"Content-Type": "text/xml; charset=utf-8"}, body


CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        # Slugs from research §2.1 and the verified tai-chinh feed (idx:70982189649); the
        # display names are the obvious Vietnamese of each slug (ASSUMPTION: spelling).
        ("thoi-su", "Thời sự"), ("thuong-mai", "Thương mại"), ("cong-nghiep", "Công nghiệp"),
        ("hoi-nhap", "Hội nhập"), ("thi-truong", "Thị trường"),
        ("doanh-nghiep", "Doanh nghiệp"), ("xa-hoi", "Xã hội"), ("tai-chinh", "Tài chính"),
    )
)
CDN = "https://cdn-i2.congthuong.vn"  # 2023 image host (idx:53134114011)


def _image_url(published: datetime, key: int, index: int) -> str:
    # The 2022 layout /stores/news_dataimages/YYYY/MMYYYY/DD/HH/…?rt= (research §2.1).
    # ASSUMPTION: the file name, and that path and rt carry the upload time, some minutes
    # before publication (so they are no exact copy of the publication time).
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=5 + (key * 7 + index) % 175)
    host = CDN if uploaded.year >= 2023 else ORIGIN
    return (f"{host}/stores/news_dataimages/{uploaded:%Y/%m%Y/%d/%H}/"
            f"anh-{key}-{index + 1}.jpg?rt={uploaded:%Y%m%d%H%M%S}")


CONGTHUONG = SiteSpec(
    key="congthuong",
    domain=DOMAIN,
    publisher="Báo Công Thương",
    ministry="Bộ Công Thương",
    categories=CATEGORIES,
    article_key_pattern=r"-(\d+)\.html$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.html",
    image_url=_image_url,
    factory=MasterCMSSite,
    fixed_articles=lambda: [seed_article()],
    n_articles=240,
    seed=20171221,
    # ASSUMPTION: generated ids (6 digits, growing with time) and the corpus end date.
    first_key=380000,
    corpus_end=datetime(2025, 10, 31, 17, 45, tzinfo=VN_TZ),
)
