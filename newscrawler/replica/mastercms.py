"""congthuong.vn rendered in MasterCMS markup (research/vn_sites.md §1, §2.1).

Documented markup reproduced here: `.article>h3>a` listing items; the pager
`div.grNextPage.__MB_ARTICLE_PAGING` whose 2nd-last `a` is the next page; `article.article
h1`; `span.bx-time` "HH:MM | DD/MM/YYYY"; `div.article-desc`; `div.__MASTERCMS_CONTENT
__MB_CONTENT_FOR_PRINTER` > `div.__MASTERCMS_CONTENT_BODY`; images in
`table.MASTERCMS_TPL_TABLE` (caption = row 2); `p.author` or `<p align="right"><strong>`
closing the body; breadcrumbs `.breadcrumb.breadcrumb-list li a span` with `a.actived`;
`og:title`, `meta[name=description]`; the "Đường dây nóng" clock bar showing the current
time; `/rss/home.rss`. No JSON-LD, no article:published_time: none is documented.

ASSUMPTIONS (not in the research notes): the listing URL of page N >= 2 is
`/<category>?page=N`; 15 items per listing page; a page past the end is an empty listing
(200); the last page's pager has no "next"/"last" links, like common pagers that drop
them, so its 2nd-last `a` points backwards (to an already-seen page), never forwards; tag
links `/tags/<slug>.tag`; the footer address; `/robots.txt` content; category RSS feeds
`/rss/<category>.rss` beyond the documented ones; `<title>` suffix; a 301 to the right
slug when an article id is asked for with a wrong one; the places of the related-news,
tags and share/print boxes.
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
from newscrawler.replica.markup import HTML, PLACEHOLDER_GIF, WEEKDAYS, site_path
from newscrawler.replica.markup import attr as _attr
from newscrawler.replica.markup import esc as _esc
from newscrawler.replica.seed import seed_article

logger = logging.getLogger(__name__)

DOMAIN = "congthuong.vn"
ORIGIN = f"https://{DOMAIN}"
HOTLINE = "0866.59.4498"  # research §1 point 1
PAGE_SIZE = 15  # ASSUMPTION
_CLOCK = "\x00clock\x00"  # where the per-request clock text goes in a cached page
ROBOTS = "User-agent: *\nDisallow: /search\nAllow: /\n"  # ASSUMPTION


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
        '</a><div class="search rt"><form action="/search" method="get"><input name="q" '
        'placeholder="Tìm kiếm"></form></div></div></header>\n'
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


def _noisy(paragraph: str, rng: random.Random) -> str:
    """A paragraph as an editor's HTML: the odd NBSP, bold or italic run, trailing NBSP."""
    words = [_esc(word) for word in paragraph.split(" ")]
    if len(words) > 8 and rng.random() < 0.25:
        start = rng.randrange(0, len(words) - 4)
        end = start + rng.randint(2, 4)
        tag = rng.choice(("strong", "em"))
        words[start] = f"<{tag}>{words[start]}"
        words[end - 1] = f"{words[end - 1]}</{tag}>"
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
    text = " - ".join(article.authors)
    if article.source:
        text = f"{text} ({article.source})" if text else article.source
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
    for index, paragraph in enumerate(article.paragraphs):
        if gaps and gaps[0] == index:
            gaps.pop(0)
            parts.append(_image_table(images.pop(0)))
        parts.append(f"<p{justify}>{_noisy(paragraph, rng)}</p>")
    parts.extend(_image_table(image) for image in images)
    parts.append("<p>&nbsp;</p>")
    parts.append(_byline(article, rng))
    return "\n".join(parts)


def _tools() -> str:
    return (
        '<div class="article-tools rt"><a class="btn-share" href="#" rel="nofollow">Chia sẻ</a>'
        ' <a class="btn-print" href="javascript:window.print();">In bài</a></div>'
    )


def _listing_item(article: ReplicaArticle) -> str:
    thumb = article.images[0]["url"] if article.images else "/styles/web/images/no-image.png"
    title = _attr(article.title)
    return (
        f'<div class="article"><a class="article-image" href="{article.url}" title="{title}">'
        f'<img src="{_attr(_path(thumb))}" alt="{title}"></a><h3><a href="{article.url}" '
        f'title="{title}">{_esc(article.title)}</a></h3>'
        f'<p class="article-sapo">{_esc(article.lead)}</p></div>'
    )


def pager(base: str, page: int, last: int) -> str:
    """Numbers around the current page (a span), then "›" next and "»" last links; the first
    pages show no "«"/"‹", the last page no "›"/"»" (ASSUMPTION, see the module doc)."""
    def href(number: int) -> str:
        return base if number == 1 else f"{base}?page={number}"

    links = []
    if page > 1:
        links += [f'<a href="{href(1)}" title="Trang đầu">«</a>',
                  f'<a href="{href(page - 1)}" title="Trang trước">‹</a>']
    for number in range(max(1, page - 2), min(last, page + 2) + 1):
        links.append(f'<span class="current">{number}</span>' if number == page
                     else f'<a href="{href(number)}">{number}</a>')
    if page < last:
        links += [f'<a href="{href(page + 1)}" title="Trang sau">›</a>',
                  f'<a href="{href(last)}" title="Trang cuối">»</a>']
    return f'<div class="grNextPage __MB_ARTICLE_PAGING lt">{"".join(links)}</div>'


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


class MasterCMSSite:
    """congthuong.vn: a corpus served as MasterCMS pages, each rendered once and cached."""

    shows_modified = False  # no modification time is documented on congthuong pages

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.corpus = corpus
        self.domain = spec.domain
        self._pages: dict[str, _Page] = {}
        self._most_read = corpus.articles[3:8]
        main = '<div class="page-404"><h1>404</h1><p>Trang bạn tìm không tồn tại.</p></div>'
        self._not_found = _Page.of(
            _shell("Không tìm thấy trang | Báo Công Thương", "", main, "", spec.categories),
            404, cache=False,
        )

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
        page_number = _page_number(parts.query)
        cache_key = f"{route}?{page_number}"
        page = self._pages.get(cache_key)
        if page is None:
            page = self._render(route, page_number)
            if page is None:
                page = self._not_found
            if page.cache:
                self._pages[cache_key] = page
        headers = {"Content-Type": HTML}
        if page.location:
            headers["Location"] = page.location
            return page.status, headers, b""
        return page.status, headers, page.head + clock_text(now).encode("utf-8") + page.tail

    def _render(self, route: str, page: int) -> _Page | None:
        name = route.lstrip("/")
        if route == "/":
            return _Page.of(self._listing(None, self.corpus.articles[:20], 1, 1))
        if name.endswith(".html"):
            stem, _, key = name[:-len(".html")].rpartition("-")
            article = self.corpus.by_key.get(int(key)) if key.isdigit() else None
            if article is None:
                return None
            if stem != article.slug:  # the CMS finds articles by id and fixes the slug
                return _Page(301, location=article.url)
            return _Page.of(self._article(article))
        try:
            category = self.spec.category(name)
        except KeyError:
            return None
        articles = self.corpus.in_category(category.slug)
        last = max(1, -(-len(articles) // PAGE_SIZE))
        chunk = articles[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
        # Past the end: an empty listing, like the real CMS, but not worth caching.
        return _Page.of(self._listing(category, chunk, page, last), cache=bool(chunk))

    def _article(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        same = self.corpus.in_category(article.category)
        position = same.index(article)
        related = same[position + 1:position + 4]  # older stories of the same section
        tags = ", ".join(
            f'<a href="/tags/{slugify(tag)}.tag" title="{_attr(tag)}">{_esc(tag)}</a>'
            for tag in article.tags
        )
        main = (
            f"{_breadcrumb(category)}\n<article class=\"article\">\n"
            f'<h1 class="article-title">{_esc(article.title)}</h1>\n'
            f'<div class="article-meta fw lt"><span class="bx-time lt">'
            f"{published_text(article.published)}</span>{_tools()}</div>\n"
            f'<div class="article-desc fw lt clearfix">{_esc(article.lead)}&nbsp;</div>\n'
            '<div class="__MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER fw lt mb-15 clearfix">\n'
            f'<div class="__MASTERCMS_CONTENT_BODY">\n{_body(article)}\n</div>\n</div>\n'
            + (f'<div class="article-tags fw lt"><span>Tags:</span> {tags}</div>\n' if tags
               else "")
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
        return _shell(f"{article.title} | Báo Công Thương", head, main, sidebar,
                      self.spec.categories)

    def _listing(self, category: Category | None, articles, page: int, last: int) -> str:
        base = f"/{category.slug}" if category else "/"
        items = "\n".join(_listing_item(article) for article in articles)
        if not items:
            items = '<p class="no-data">Không có dữ liệu</p>'
        main = (
            (_breadcrumb(category) if category else "")
            + f'\n<div class="list-news fw lt">\n{items}\n</div>\n'
            + (pager(base, page, last) if category and articles and last > 1 else "")
        )
        title = f"{category.name} | Báo Công Thương" if category else "Báo Công Thương"
        head = f'<link rel="canonical" href="{ORIGIN}{base}">\n'
        sidebar = _link_list("box-most-read", "Đọc nhiều", self._most_read)
        return _shell(title, head, main, sidebar, self.spec.categories)

    def _feed(self, name: str) -> tuple[int, dict[str, str], bytes]:
        if name == "home":
            articles, title = self.corpus.articles[:50], "Báo Công Thương - Trang chủ"
        elif any(c.slug == name for c in self.spec.categories):
            articles = self.corpus.in_category(name)[:50]
            title = f"Báo Công Thương - {self.spec.category(name).name}"
        else:
            return 404, {"Content-Type": HTML}, b"Not Found"
        body = rss(title, ORIGIN, articles).encode("utf-8")
        return 200, {"Content-Type": "text/xml; charset=utf-8"}, body


def _page_number(query: str) -> int:
    values = parse_qs(query).get("page") or ["1"]
    return int(values[0]) if values[0].isdigit() and int(values[0]) > 0 else 1


CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        # Slugs from research §2.1; the display names are the obvious Vietnamese of each
        # slug (ASSUMPTION: exact spelling and capitalisation on the site).
        ("thoi-su", "Thời sự"), ("thuong-mai", "Thương mại"), ("cong-nghiep", "Công nghiệp"),
        ("hoi-nhap", "Hội nhập"), ("thi-truong", "Thị trường"),
        ("doanh-nghiep", "Doanh nghiệp"), ("xa-hoi", "Xã hội"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # The 2022 layout /stores/news_dataimages/YYYY/MMYYYY/DD/HH/…?rt= (research §2.1).
    # ASSUMPTION: the file name, and that path and rt carry the upload time, some minutes
    # before publication (so they are no exact copy of the publication time).
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=5 + (key * 7 + index) % 175)
    return (f"{ORIGIN}/stores/news_dataimages/{uploaded:%Y/%m%Y/%d/%H}/"
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
