"""The VHV portal platform (moit.gov.vn; moet.gov.vn by URL style): pages and routes.

Sites: `vhv_moit.py`, `vhv_moet.py`.

Facts (vn_sites_2026 §4 "Real structure (Oct 2026)", from CMW's derived moit captures of
2026-10-06 and CMW `scraper/sources/vn_ministries.py` of 2026-10-07; §12 rows of 2026-12-04):
- `<html lang="vi">`, `meta og:site_name`, `link rel=canonical`, `meta
  property=article:published_time itemprop=datePublished content="…+0700"` on articles AND,
  with a stale value, on listing pages; `itemprop=dateCreated`; Dublin Core `DC.*` with a
  malformed `DC.Date` ("2026-09-30+0721:26:36"); script `/publish/js/lib2-1.521.min.js`,
  site id 2005517 (§4, 2026-10-06).
- breadcrumb `div.pathway-category ol.breadcrumb li.first-item … li.last-item a`, on articles
  often only "Tin tức" (§4, 2026-10-06).
- listing module `div[moduleRootId=<categoryId>] section.section-list
  article.article-news.article-news-default` > `a.article-img`, `div.article-right >
  a.article-title.common-title`, `div.article-info > span.article-date` "DD/MM/YYYY",
  `div.article-brief.common-brief`; 12 items per page; the pager exists only in script:
  `VHV.using(… 'Content.Listing' …)` with a `decode64('…')` JSON config (`categoryId`, `layout`
  "Content.Article.News.default", `itemsPerPage`, `pageNo`, `totalItems`, `orderBy`
  "publishTime DESC"), no HTML pager links; listings mix very old items (2021-2022) into
  current categories (§4, 2026-10-06; CMW 2026-10-07: "Older script pagination is never
  invented"). No listing-data endpoint is documented: the replica serves page 1 only, so the
  truth is what page 1 of the categories shows (older items exist only as `totalItems`).
- article `article.article-new.new-detail-layout-type-2` > `header > span.post-date` "Thứ 4,
  30/09/2026 | 21:22" (minutes away from the meta time, 21:26:36) > outer `div.article-content`
  > `div.block-core-a3` (`h1.article-title.common-title-detail.title-detail`, share widgets,
  `div.article-brief.common-brief…font-size-text > p > strong` lead, which may link to
  congthuong.vn) and `div.block-core-a5 > div.article-content.font-size-text.clearfix.
  common-content` (body: `p`, images in `p`, `figure > figcaption > p > em`), and
  `div.article-tags.tags a.tag-news` (`/tag/<Vietnamese words %-encoded>`); a "Tin liên
  quan" panel after the article; footer `<a href="tel:0866.59.4498">` and `/en` (§4,
  2026-10-06; §12: the outer container holds title, lead, body and tags).
- URLs `/tin-tuc/<slug>.html`, `/tin-tuc/<cat>/<slug>.html`, `/tin-tuc/<cat>/<sub>/<slug>.html`;
  slugs ending in "-", with a "2" de-dup suffix, or built from NFD titles (tone marks split
  into hyphens: `bo-truo-ng-le-ma-nh-hu-ng`) (§4, 2026-10-06); categories
  `/tin-tuc/<slug>` of one or two segments (CMW 2026-10-07); search
  `/?page=search&keyword=` (§4 side by side); no feed (§4).
ASSUMPTION: the script line wrapping the `decode64` config, and `totalItems` beyond page 1.
ASSUMPTION: shares: 15 % of URLs without a category segment, 5 % slugs ending in "-", 5 %
  with a "2" suffix, 5 % NFD-built, 50 % of articles showing the generic "Tin tức"
  breadcrumb, 15 % of leads linking to congthuong.vn; in about half the categories the
  last place of page 1 holds an old item re-dated to 2021 or 2022.
ASSUMPTION: the meta time is 1-9 minutes and some seconds after the visible time.
ASSUMPTION: the byline as a right-aligned bold last body paragraph; "Chủ nhật" for Sunday.
ASSUMPTION: header, menu, sidebar, share markup, related-panel markup, image paths
  (`/upload/2005517/…`), robots.txt, the homepage module.
"""

from __future__ import annotations

import base64
import json
import random
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec, slugify
from newscrawler.replica.markup import HTML, PLACEHOLDER_GIF, attr, esc, right_byline

PAGE_SIZE = 12  # §4: 12 items per page
GENERIC_CATEGORY = "Tin tức"
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
VISIBLE_DAYS = ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật")
ROBOTS = "User-agent: *\nDisallow: /?page=search\nAllow: /\n"  # ASSUMPTION


def nfd_slug(title: str) -> str:
    """A slug built from the NFD title: tone marks become hyphens, shape marks vanish
    ("Bộ trưởng Lê Mạnh Hùng" -> "bo-truo-ng-le-ma-nh-hu-ng", §4)."""
    out = []
    for char in unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D")):
        if char in TONE_MARKS:
            out.append("-")
        elif unicodedata.category(char) != "Mn":
            out.append(char.lower() if char.isascii() and char.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


def visible_date(moment: datetime) -> str:
    moment = moment.astimezone(VN_TZ)
    return f"{VISIBLE_DAYS[moment.weekday()]}, {moment:%d/%m/%Y | %H:%M}"


def meta_time(moment: datetime) -> str:
    return f"{moment.astimezone(VN_TZ):%Y-%m-%dT%H:%M:%S}+0700"


def dc_date(moment: datetime) -> str:
    """The malformed Dublin Core date of §4: "2026-09-30+0721:26:36"."""
    return f"{moment.astimezone(VN_TZ):%Y-%m-%d}+07{moment.astimezone(VN_TZ):%H:%M:%S}"


def script_pager(category_id: str, total: int) -> str:
    config = {"categoryId": category_id, "layout": "Content.Article.News.default",
              "itemsPerPage": str(PAGE_SIZE), "pageNo": 1, "totalItems": str(total),
              "orderBy": "publishTime DESC", "hasPagination": "1"}
    encoded = base64.b64encode(json.dumps(config).encode()).decode()
    return (f"<script>VHV.using({{module: 'Content.Listing'}}, JSON.parse(decode64('{encoded}'))"
            f", '{category_id}');</script>")


class VhvSite:
    """A corpus served as VHV pages: page 1 of each category, articles, a homepage."""

    shows_modified = False  # no modification time is documented (§4)
    site_name = ""
    footer_extra = ""  # what the footer shows under the portal's name
    module_ids: dict[str, str] = {}
    site_id = ""  # the portal's site id (moit's is 2005517, §4)

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec, self.domain = spec, spec.domain
        self.origin = f"https://{spec.domain}"
        taken: set[str] = set()
        # Oldest first, and every draw seeded by the article: an article keeps its URL when
        # newer ones arrive (timeline days), and the newer one of two equal slugs gets "2".
        dressed = {a.key: self._dress(a, random.Random(f"{spec.key}:url:{a.key}"), taken)
                   for a in reversed(corpus.articles)}
        shown, self.hidden = [], {}
        for category in spec.categories:
            members = [dressed[a.key] for a in corpus.in_category(category.slug)]
            page = [self.finish(a) for a in self.page_one(category.slug, members)]
            shown += page
            archive = random.Random(f"{spec.key}:total:{category.slug}").randint(40, 2400)
            self.hidden[category.slug] = len(members) - len(page) + archive
        # Only page 1 is served (no listing endpoint is documented): the truth is that.
        self.corpus = SiteCorpus(spec, sorted(shown, key=lambda a: (a.published, a.key),
                                              reverse=True))
        self.by_path = {urlsplit(a.url).path: a for a in self.corpus.articles}
        self._pages: dict[str, tuple[int, bytes]] = {}

    @staticmethod
    def page_one(slug: str, members: list[ReplicaArticle]) -> list[ReplicaArticle]:
        """The newest PAGE_SIZE articles; in about half the categories (ASSUMPTION) the last
        place holds an old item of 2021-2022 instead (§4: "listings mix very old items")."""
        rest = members[PAGE_SIZE - 1:]
        if len(rest) < 2 or random.Random(f"old:{slug}").random() < 0.5:
            return members[:PAGE_SIZE]
        old = min(rest[1:], key=lambda a: random.Random(f"old:{a.key}").random())
        year = 2021 + old.key % 2
        return members[:PAGE_SIZE - 1] + [replace(old, published=old.published.replace(
            year=year, day=min(old.published.day, 28)))]

    def finish(self, article: ReplicaArticle) -> ReplicaArticle:
        """A shown article's last touch (a platform generation by date, for moet)."""
        return article

    @staticmethod
    def meta_shift(article: ReplicaArticle) -> timedelta:
        """The meta time is minutes after the visible one (§4; the amount: ASSUMPTION)."""
        return timedelta(seconds=random.Random(f"meta:{article.key}").randint(60, 599))

    def _dress(self, article: ReplicaArticle, rng: random.Random,
               taken: set[str]) -> ReplicaArticle:
        slug = article.slug
        draw = rng.random()
        if draw < 0.05:
            slug = nfd_slug(article.title)
        elif draw < 0.10:
            slug += "-"
        elif draw < 0.15:
            slug += "2"
        folder = "" if rng.random() < 0.15 else f"{article.category}/"
        url = f"{self.origin}/tin-tuc/{folder}{slug}.html"
        while url in taken:  # the site's de-dup suffix
            url = url.removesuffix(".html") + "2.html"
        taken.add(url)
        name = GENERIC_CATEGORY if rng.random() < 0.5 else article.category_name
        return replace(article, url=url, category_name=name)

    def published_raw(self, article: ReplicaArticle) -> str:
        return visible_date(article.published)

    def listed(self, slug: str) -> list[ReplicaArticle]:
        return self.corpus.in_category(slug)

    # --- routing ----------------------------------------------------------------------

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        route = parts.path.rstrip("/") or "/"
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith("/upload/"):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        extra = self.extra_route(route, parts.query)
        if extra is not None:
            return extra
        key = "search" if route == "/" and "page=search" in parts.query else route
        if key not in self._pages:
            html = self._search() if key == "search" else self.render(route)
            self._pages[key] = (200, html.encode()) if html else (404, self._not_found())
        status, body = self._pages[key]
        return status, {"Content-Type": HTML}, body

    def extra_route(self, route: str, query: str) -> tuple[int, dict[str, str], bytes] | None:
        return None

    def render(self, route: str) -> str | None:
        if route == "/":
            return self._listing(None, self.corpus.articles[:PAGE_SIZE])
        if route.endswith(".html"):
            article = self.by_path.get(route)
            return self.article_page(article) if article else None
        slug = route.removeprefix("/tin-tuc/")
        if slug == route or slug not in self.module_ids:
            return None
        return self._listing(self.spec.category(slug), self.listed(slug))

    # --- pages ------------------------------------------------------------------------

    def shell(self, title: str, head: str, main: str) -> str:
        menu = "".join(f'<li><a href="/tin-tuc/{c.slug}">{esc(c.name)}</a></li>'
                       for c in self.spec.categories)
        return (
            '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n"
            f'<meta property="og:site_name" content="{self.site_name}">\n{head}'
            '<script src="/publish/js/lib2-1.521.min.js"></script>\n</head>\n<body>\n'
            f'<header class="header"><a class="logo" href="/"><img src="/upload/{self.site_id}/'
            f'logo.png" alt="{esc(self.spec.publisher)}"></a><form class="search" action="/">'
            '<input type="hidden" name="page" value="search"><input name="keyword"></form>'
            '</header>\n'
            f'<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li>{menu}</ul></nav>\n'
            f'<main class="container">\n{main}\n</main>\n{self.footer()}'
            f"<script>VHV.init({{site: '{self.site_id}'}});</script>\n</body>\n</html>\n"
        )

    def footer(self) -> str:
        return (f'<footer class="footer"><p><strong>{self.spec.publisher.upper()}</strong></p>'
                f"{self.footer_extra}</footer>\n")

    def head(self, url: str, title: str, moment: datetime) -> str:
        return (f'<link rel="canonical" href="{attr(url)}">\n<meta property="article:published_'
                f'time" itemprop="datePublished" content="{meta_time(moment)}">\n<meta itemprop'
                f'="dateCreated" content="{meta_time(moment)}">\n<meta name="DC.Title" content="'
                f'{attr(title)}">\n<meta name="DC.Date" content="{dc_date(moment)}">\n'
                f'<meta name="DC.Language" content="vi">\n')

    def breadcrumb(self, name: str, href: str) -> str:
        return ('<div class="pathway-category"><ol class="breadcrumb"><li class="first-item">'
                f'<a href="/">Trang chủ</a></li><li class="last-item"><a href="{href}">'
                f"{esc(name)}</a></li></ol></div>")

    def listing_item(self, article: ReplicaArticle) -> str:
        href = attr(self.link_of(article))
        none = f"/upload/{self.site_id}/none.jpg"
        thumb = article.images[0]["url"] if article.images else none
        return (f'<article class="article-news article-news-default"><a class="article-img" '
                f'href="{href}"><img src="{attr(thumb)}" alt=""></a><div class="article-right">'
                f'<a class="article-title common-title" href="{href}">{esc(article.title)}</a>'
                f'<div class="article-info"><span class="article-date">'
                f'{article.published:%d/%m/%Y}</span></div><div class="article-brief '
                f'common-brief">{esc(article.lead)}</div></div></article>')

    def link_of(self, article: ReplicaArticle) -> str:
        return article.url.removeprefix(self.origin)

    def _listing(self, category: Category | None, articles: list[ReplicaArticle]) -> str:
        slug = category.slug if category else ""
        module = self.module_ids.get(slug, self.site_id)
        items = "\n".join(map(self.listing_item, articles))
        main = ((self.breadcrumb(category.name, f"/tin-tuc/{slug}") if category else "")
                + f'\n<div class="module" moduleRootId="{module}"><section class="section-list">'
                f"\n{items}\n</section></div>\n"
                + script_pager(module, len(articles) + self.hidden.get(slug, 0)))
        url = f"{self.origin}/tin-tuc/{slug}" if category else f"{self.origin}/"
        # A stale article time on listing pages too (§4): the newest article's of the site.
        stale = self.corpus.articles[-1].published if self.corpus.articles else datetime.now(VN_TZ)
        title = category.name if category else self.spec.publisher
        return self.shell(title, self.head(url, title, stale), main)

    def article_page(self, article: ReplicaArticle) -> str:
        """An article: its breadcrumb and block (`article_main`), the related panel, a head
        whose meta time is minutes after the visible one."""
        main = f"{self.article_main(article)}\n{self.related_panel(article)}"
        head = self.head(article.url, article.title,
                         article.published + self.meta_shift(article))
        return self.shell(article.title, head, main)

    def article_main(self, article: ReplicaArticle) -> str:
        """The breadcrumb and the `article` block of moit's layout (§4)."""
        share = (f'<div class="article-share"><a href="https://www.facebook.com/sharer/sharer.php'
                 f'?u={attr(article.url)}" rel="nofollow">Chia sẻ</a> <a href="javascript:'
                 'window.print()">In bài</a></div>')
        generic = article.category_name == GENERIC_CATEGORY
        crumb = self.breadcrumb(article.category_name,
                                "/tin-tuc" if generic else f"/tin-tuc/{article.category}")
        return (
            f'{crumb}\n<article class="article-new new-detail-layout-type-2">\n<header><span '
            f'class="post-date">{visible_date(article.published)}</span></header>\n'
            '<div class="article-content">\n<div class="block-core-a3">\n<h1 class="article-title'
            f' common-title-detail title-detail">{esc(article.title)}</h1>\n{share}\n<div class='
            f'"article-brief common-brief font-size-text">{lead_html(article)}</div>\n</div>\n'
            '<div class="block-core-a5">\n<div class="article-content font-size-text clearfix '
            f'common-content">\n{body_html(article)}\n</div>\n</div>\n{tag_links(article.tags)}'
            "\n</div>\n</article>"
        )

    def related_panel(self, article: ReplicaArticle) -> str:
        same = self.listed(article.category)
        position = same.index(article)
        items = "".join(f'<li><a href="{attr(self.link_of(a))}">{esc(a.title)}</a></li>'
                        for a in same[position + 1:position + 5])
        return (f'<div class="related-news"><div class="title-box">Tin liên quan</div><ul>'
                f"{items}</ul></div>") if items else ""

    def _search(self) -> str:
        return self.shell("Tìm kiếm", "", '<div class="search-result">Tìm thấy 0 kết quả.</div>')

    def _not_found(self) -> bytes:
        return self.shell("404", "", "<h1>Không tìm thấy trang</h1>").encode()


def body_html(article: ReplicaArticle) -> str:
    """Body paragraphs with images in `p` (no caption) or `figure > figcaption > p > em`."""
    rng = random.Random(article.key)
    images = list(article.images)
    parts = []
    for index, paragraph in enumerate(article.paragraphs):
        if images and (index == 0 or rng.random() < 0.4):
            parts.append(image_html(images.pop(0)))
        parts.append(f'<p style="text-align: justify;">{esc(paragraph)}</p>')
    parts.extend(map(image_html, images))
    byline = right_byline(article)
    return "\n".join([*parts, byline] if byline else parts)


def image_html(image: dict) -> str:
    img = f'<img src="{attr(image["url"])}" alt="">'
    if not image.get("caption"):
        return f'<p style="text-align: center;">{img}</p>'
    return (f'<figure class="image">{img}<figcaption><p><em>{esc(image["caption"])}</em></p>'
            "</figcaption></figure>")


def tag_links(tags: list[str]) -> str:
    links = " ".join(f'<a class="tag-news" href="/tag/{quote(tag.lower())}">{esc(tag)}</a>'
                     for tag in tags)
    return f'<div class="article-tags tags"><span>Từ khóa:</span> {links}</div>' if tags else ""


def lead_html(article: ReplicaArticle) -> str:
    """The lead in `p > strong`; some leads link their last words to congthuong.vn (§4)."""
    words = esc(article.lead).split(" ")
    if len(words) > 6 and random.Random(f"lead:{article.key}").random() < 0.15:
        linked = " ".join(words[-3:])
        href = f"https://congthuong.vn/{slugify(article.lead)[:40]}-{article.key % 100000}.html"
        words = words[:-3] + [f'<a href="{href}">{linked}</a>']
    return f'<p><strong>{" ".join(words)}</strong></p>'
