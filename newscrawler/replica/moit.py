"""moit.gov.vn (Bộ Công Thương), the current custom portal (2026), with its re-filing quirk.

Documented facts reproduced here (research/vn_sites.md §2.2, public code, [med]):
- listing `https://moit.gov.vn/tin-tuc/<category>` (`thi-truong-trong-nuoc`,
  `phat-trien-nang-luong`, `thong-bao`, `quoc-te`); article
  `https://moit.gov.vn/tin-tuc/[<category>/]<slug>.html` (the category segment is optional);
  site search `/?page=search&keyword=<q>`; legal documents under `/van-ban-phap-luat/`;
- `<meta property="article:published_time" itemprop="datePublished"
  content="YYYY-MM-DDTHH:MM:SS+0700">` on article pages;
- quirks: articles get re-filed under other categories and slugs change without notice,
  slugs sometimes drop the year; no RSS ([low]): none is served.

Re-filing as served here: a few articles were first filed under category A with a slug
ending in the year, then re-filed under category B with the year dropped. Both filings are
listed (A's listing still shows the old link) and both URLs serve the same article, whose
breadcrumb shows its current category B. The ground truth lists each article once, under
its newest filing (`ReplicaArticle.url`); `MoitSite.superseded_urls` maps each old URL to it.
A crawl sees the article twice with equal content (same `content_hash`, different URL and
id): only content-hash dedup can merge the two (see the report to the lead).

ASSUMPTIONS (not in the notes): page N >= 2 of a listing is `/tin-tuc/<category>/trang-N`
(`?page=` is the site's route parameter, taken by search); 12 items per page; a page past the
end is an empty listing (200); all markup and class names (the 2021 EcoIT selectors of S1 are
obsolete); the visible date layout; figures with figcaption; the byline as a right-aligned
bold last paragraph; tag links `/tags/<slug>.html`; print view `?print=1`; image URLs under
`/upload/`; which articles omit the category segment; header, footer, robots.txt.
"""

from __future__ import annotations

import logging
import random
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec, slugify
from newscrawler.replica.mastercms import (
    _CLOCK,
    HTML,
    PLACEHOLDER_GIF,
    WEEKDAYS,
    _attr,
    _esc,
    _noisy,
    _Page,
)

logger = logging.getLogger(__name__)

DOMAIN = "moit.gov.vn"
ORIGIN = f"https://{DOMAIN}"
PAGE_SIZE = 12  # ASSUMPTION
NO_CATEGORY_SHARE = 0.15  # ASSUMPTION: share of URLs without the category segment
REFILED_COUNT = 8  # articles filed twice (research §2.2 quirk; the number is ours)
ROBOTS = "User-agent: *\nDisallow: /?page=search\nAllow: /\n"  # ASSUMPTION


def published_meta(moment: datetime) -> str:
    """The documented `article:published_time` layout, `+0700` without a colon."""
    return f"{moment.astimezone(VN_TZ):%Y-%m-%dT%H:%M:%S}+0700"


def visible_date(moment: datetime) -> str:
    moment = moment.astimezone(VN_TZ)
    return f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y - %H:%M}"


def clock_text(now: datetime) -> str:
    now = now.astimezone(VN_TZ)
    return f"{WEEKDAYS[now.weekday()]}, ngày {now:%d/%m/%Y}"


def listing_path(category: str, page: int) -> str:
    return f"/tin-tuc/{category}" if page == 1 else f"/tin-tuc/{category}/trang-{page}"


def _shell(title: str, head: str, main: str, sidebar: str, categories) -> str:
    submenu = "".join(f'<li><a href="/tin-tuc/{c.slug}">{_esc(c.name)}</a></li>'
                      for c in categories)
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n{head}"
        '<link rel="stylesheet" href="/static/css/main.min.css?v=20260112">\n</head>\n<body>\n'
        f'<div class="top-bar"><div class="container"><span class="today">{_CLOCK}</span>'
        '<a href="/en" class="lang">English</a></div></div>\n<header class="header"><div '
        'class="container"><a class="logo" href="/"><img src="/static/images/logo.png" '
        'alt="Bộ Công Thương Việt Nam"></a><form class="search" action="/" method="get">'
        '<input type="hidden" name="page" value="search"><input name="keyword" placeholder='
        '"Tìm kiếm"></form></div></header>\n<nav class="main-nav"><ul><li><a href="/">Trang '
        f'chủ</a></li><li><a href="/tin-tuc">Tin tức</a><ul class="sub-menu">{submenu}</ul>'
        '</li><li><a href="/van-ban-phap-luat">Văn bản pháp luật</a></li><li><a href='
        '"/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li></ul></nav>\n<main class="container'
        f' main"><div class="row"><div class="col-main">\n{main}\n</div>\n<aside class="col-'
        f'side">{sidebar}</aside></div></main>\n{_FOOTER}<script src="/static/js/main.min.js'
        '?v=20260112"></script>\n</body>\n</html>\n'
    )


# ASSUMPTION: wording of the footer.
_FOOTER = (
    '<footer class="footer"><div class="container"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ BỘ CÔNG '
    "THƯƠNG</strong></p><p>Ghi rõ nguồn "
    "“Cổng Thông tin điện tử Bộ Công Thương” khi trích dẫn thông tin từ địa chỉ này.</p>"
    "</div></footer>\n"
)


def _breadcrumb(category: Category) -> str:
    return (
        '<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">'
        f'Tin tức</a></li><li class="active"><a href="/tin-tuc/{category.slug}">'
        f"{_esc(category.name)}</a></li></ol>"
    )


def _figure(image: dict) -> str:
    caption = image.get("caption")
    figcaption = f"<figcaption>{_esc(caption)}</figcaption>" if caption else ""
    return (f'<figure class="image"><img src="{_attr(image["url"])}" alt="'
            f'{_attr(caption or "")}">{figcaption}</figure>')


def _content(article: ReplicaArticle) -> str:
    rng = random.Random(article.key)  # the same editor noise on every render
    images = list(article.images)
    parts = [_figure(images.pop(0))] if images else []
    for index, paragraph in enumerate(article.paragraphs):
        if images and index and rng.random() < 0.5:
            parts.append(_figure(images.pop(0)))
        parts.append(f'<p style="text-align: justify;">{_noisy(paragraph, rng)}</p>')
    parts.extend(_figure(image) for image in images)
    byline = " - ".join(article.authors)
    if article.source:
        byline = f"{byline} ({article.source})" if byline else article.source
    if byline:
        parts.append(f'<p style="text-align: right;"><strong>{_esc(byline)}</strong></p>')
    return "\n".join(parts)


def _link_box(css_class: str, heading: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{_esc(text)}</a></li>' for href, text in links)
    return f'<div class="{css_class}"><h3 class="box-title">{heading}</h3><ul>{items}</ul></div>'


def _pager(category: str, page: int, last: int) -> str:
    links = []
    if page > 1:
        links.append(f'<li><a href="{listing_path(category, page - 1)}" aria-label="Trang '
                     'trước">‹</a></li>')
    for number in range(max(1, page - 2), min(last, page + 2) + 1):
        links.append(f'<li class="active"><span>{number}</span></li>' if number == page else
                     f'<li><a href="{listing_path(category, number)}">{number}</a></li>')
    if page < last:
        links.append(f'<li><a href="{listing_path(category, page + 1)}" aria-label="Trang '
                     f'sau">›</a></li><li><a href="{listing_path(category, last)}" aria-label='
                     '"Trang cuối">»</a></li>')
    return f'<ul class="pagination">{"".join(links)}</ul>'


class MoitSite:
    """moit.gov.vn: a corpus served as the current portal's pages, cached per route."""

    shows_modified = False  # no modification time is documented on moit pages

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.domain = spec.domain
        rng = random.Random(f"{spec.key}:urls")
        articles: list[ReplicaArticle] = []
        taken: set[str] = set()
        for article in corpus.articles:
            url = self._url(article, rng, taken)
            taken.add(url)
            articles.append(replace(article, url=url))
        self.corpus = SiteCorpus(spec, articles)
        # Old filings: (old category, old URL) per re-filed article, oldest articles spared
        # so that both listings show them on their first pages now and then.
        self.old_filings: dict[int, tuple[str, str]] = {}
        for article in rng.sample(articles[5:100], REFILED_COUNT):
            old_category = rng.choice([c.slug for c in spec.categories
                                       if c.slug != article.category])
            old_slug = f"{urlsplit(article.url).path.rsplit('/', 1)[-1][:-5]}-" \
                       f"{article.published.year}"
            self.old_filings[article.key] = (
                old_category, f"{ORIGIN}/tin-tuc/{old_category}/{old_slug}.html")
        self.superseded_urls = {old: self.corpus.by_key[key].url
                                for key, (_, old) in self.old_filings.items()}
        self.by_path = {urlsplit(a.url).path: a for a in articles}
        self.by_path.update({urlsplit(old).path: self.corpus.by_key[key]
                             for key, (_, old) in self.old_filings.items()})
        self._pages: dict[str, _Page] = {}
        self._not_found = _Page.of(_shell("Không tìm thấy trang", "", '<div class="page-404">'
                                          "<h1>404</h1><p>Không tìm thấy trang.</p></div>", "",
                                          spec.categories), 404, cache=False)

    @staticmethod
    def _url(article: ReplicaArticle, rng: random.Random, taken: set[str]) -> str:
        # The newest filing; the slug drops the year, like the site's newer slugs, unless
        # that URL is another article's: titles are unique only with their year (two
        # articles under one URL would make one of them unreachable).
        without_category = rng.random() < NO_CATEGORY_SHARE
        for slug in (article.slug.removesuffix(f"-{article.published.year}"), article.slug):
            if without_category:
                url = f"{ORIGIN}/tin-tuc/{slug}.html"
            else:
                url = f"{ORIGIN}/tin-tuc/{article.category}/{slug}.html"
            if url not in taken:
                break
        return url

    def published_raw(self, article: ReplicaArticle) -> str:
        return published_meta(article.published)

    def listed(self, category: str) -> list[tuple[str, ReplicaArticle]]:
        """(link, article) on a category's listing, newest first: the articles filed there
        now, plus the old filings the listing still shows."""
        entries = [(a.url, a) for a in self.corpus.in_category(category)]
        entries += [(old, self.corpus.by_key[key])
                    for key, (old_category, old) in self.old_filings.items()
                    if old_category == category]
        return sorted(entries, key=lambda e: (e[1].published, e[1].key), reverse=True)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        route = parts.path.rstrip("/") or "/"
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith("/upload/"):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        query = parse_qs(parts.query)
        search = route == "/" and query.get("page") == ["search"]
        printing = "print" in query and route.endswith(".html")
        cache_key = "search" if search else f"{route}?print={printing}"
        page = self._pages.get(cache_key)
        if page is None:
            page = (self._search() if search else self._render(route, printing)) \
                or self._not_found
            if page.cache:
                self._pages[cache_key] = page
        clock = clock_text(now).encode("utf-8") if page.tail else b""  # print: no header
        return page.status, {"Content-Type": HTML}, page.head + clock + page.tail

    def _render(self, route: str, printing: bool) -> _Page | None:
        if route == "/":
            return _Page.of(self._listing(None, [(a.url, a) for a in self.corpus.articles[:20]],
                                          1, 1))
        if route.endswith(".html"):
            article = self.by_path.get(route)
            if article is None:
                return None
            if printing:
                return _Page(200, self._print(article).encode("utf-8"))
            return _Page.of(self._article(article, ORIGIN + route))
        segments = route.split("/")  # ["", "tin-tuc", category, ("trang-N")]
        if len(segments) not in (3, 4) or segments[1] != "tin-tuc":
            return None
        try:
            category = self.spec.category(segments[2])
        except KeyError:
            return None
        number = 1
        if len(segments) == 4:
            label, _, digits = segments[3].partition("-")
            if label != "trang" or not digits.isdigit() or int(digits) < 2:
                return None
            number = int(digits)
        entries = self.listed(category.slug)
        last = max(1, -(-len(entries) // PAGE_SIZE))
        chunk = entries[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
        return _Page.of(self._listing(category, chunk, number, last), cache=bool(chunk))

    def _sidebar(self) -> str:
        most_read = [(a.url, a.title) for a in self.corpus.articles[4:9]]
        documents = [  # ASSUMPTION: document slugs; the folder is documented
            (f"/van-ban-phap-luat/thong-tu-so-{n}-2025-tt-bct.html", f"Thông tư số {n}/2025/TT-BCT")
            for n in (38, 41, 45)
        ]
        return (_link_box("box-most-read", "Tin đọc nhiều", most_read)
                + _link_box("box-documents", "Văn bản mới", documents))

    def _listing(self, category: Category | None, entries, page: int, last: int) -> str:
        items = []
        for href, article in entries:
            shown = category or self.spec.category(article.category)
            thumb = article.images[0]["url"] if article.images else "/static/images/no-image.jpg"
            items.append(
                f'<div class="news-item"><a class="thumb" href="{href}"><img src="'
                f'{_attr(thumb)}" alt="{_attr(article.title)}"></a><div class="info"><h3 '
                f'class="title"><a href="{href}">{_esc(article.title)}</a></h3><div class="meta">'
                f'<a class="cat" href="/tin-tuc/{shown.slug}">{_esc(shown.name)}</a> <span class='
                f'"date">{article.published:%d/%m/%Y}</span></div><p class="sapo">'
                f"{_esc(article.lead)}</p></div></div>"
            )
        listing = "\n".join(items) or '<p class="no-data">Chưa có dữ liệu.</p>'
        main = ((_breadcrumb(category) if category else "")
                + f'\n<div class="list-news">\n{listing}\n</div>\n'
                + (_pager(category.slug, page, last) if category and entries and last > 1
                   else ""))
        title = f"{category.name} - Bộ Công Thương" if category else "Bộ Công Thương Việt Nam"
        return _shell(title, "", main, self._sidebar(), self.spec.categories)

    def _article(self, article: ReplicaArticle, page_url: str) -> str:
        category = self.spec.category(article.category)
        tags = " ".join(f'<a href="/tags/{slugify(tag)}.html">{_esc(tag)}</a>'
                        for tag in article.tags)
        same = self.corpus.in_category(category.slug)
        position = same.index(article)
        related = [(a.url, a.title) for a in same[position + 1:position + 5]]
        main = (
            f"{_breadcrumb(category)}\n<article class=\"article-detail\">\n"
            f'<h1 class="article-title">{_esc(article.title)}</h1>\n<div class="article-meta">'
            f'<span class="article-date">{visible_date(article.published)}</span> <div class='
            f'"article-tools"><a href="{page_url}?print=1" rel="nofollow">In bài</a> <a href="'
            f'https://www.facebook.com/sharer/sharer.php?u={page_url}" rel="nofollow">Chia sẻ'
            f'</a></div></div>\n<div class="article-sapo">{_esc(article.lead)}</div>\n'
            f'<div class="article-content">\n{_content(article)}\n</div>\n'
            + (f'<div class="article-tags">Từ khóa: {tags}</div>\n' if tags else "")
            + "</article>\n"
            + (_link_box("related-news", "Tin cùng chuyên mục", related) if related else "")
        )
        head = (f'<meta property="article:published_time" itemprop="datePublished" '
                f'content="{published_meta(article.published)}">\n')
        return _shell(f"{article.title} - Bộ Công Thương", head, main, self._sidebar(),
                      self.spec.categories)

    def _print(self, article: ReplicaArticle) -> str:
        return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>'
                f'{_esc(article.title)}</title></head><body onload="window.print()"><h1>'
                f'{_esc(article.title)}</h1><p>{visible_date(article.published)}</p><p><b>'
                f'{_esc(article.lead)}</b></p>{_content(article)}</body></html>')

    def _search(self) -> _Page:
        main = '<div class="search-result"><p>Tìm thấy 0 kết quả.</p></div>'
        return _Page.of(_shell("Tìm kiếm - Bộ Công Thương", "", main, self._sidebar(),
                               self.spec.categories), cache=False)


CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        # Slugs from research §2.2; the display names are the Vietnamese of each slug
        # (ASSUMPTION: exact spelling on the site).
        ("thi-truong-trong-nuoc", "Thị trường trong nước"),
        ("phat-trien-nang-luong", "Phát triển năng lượng"),
        ("thong-bao", "Thông báo"),
        ("quoc-te", "Quốc tế"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload folder layout and file names.
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=4 + (key * 13 + index) % 150)
    name = f"{random.Random(f'{key}:{index}').getrandbits(64):016x}"
    return f"{ORIGIN}/upload/2005517/{uploaded:%Y%m%d}/{name}.jpg"


MOIT = SiteSpec(
    key="moit",
    domain=DOMAIN,
    publisher="Cổng Thông tin điện tử Bộ Công Thương",
    ministry="Bộ Công Thương",
    categories=CATEGORIES,
    article_key_pattern=None,  # no numeric id in the URL: the record id hashes the URL
    # Provisional: MoitSite sets each article's newest-filing URL.
    article_url=lambda slug, key: f"{ORIGIN}/tin-tuc/{slug}.html",
    image_url=_image_url,
    factory=MoitSite,
    n_articles=180,
    seed=20260105,
    first_key=900000,
    corpus_end=datetime(2025, 10, 31, 10, 5, tzinfo=VN_TZ),
)
