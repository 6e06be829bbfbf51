"""bvhttdl.gov.vn, Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch, on the portal
frame of `portals.py`.

Facts (vn_sites_2026 §14, vn_sites.md §2.9, and the sources they cite):
- article URLs `/<slug>-<14-17 digit timestamp>.htm`, the stamp YYYYMMDDhhmmss plus
  milliseconds, e.g. `…-20260120162634507.htm` (idx:17450655753, 2026; `_bvhttdl_config`
  in idx:17886542170, 2026, "16-17 digits" in its notes, `\\d{14,17}` in its rules;
  S1 2021: `…-20210507084003259.htm`);
- categories `/<slug>.htm`: tin-tuc-va-su-kien, van-hoa, the-ducthe-thao, du-lich,
  gia-dinh (`_bvhttdl_config`; `/du-lich.htm` also idx:48517665343); `-t<id>.htm` pages
  are topic pages, not articles (`_bvhttdl_config`);
- later listing pages `/<cat>/trang-<N>.htm` (S1, 2021, under tin-tuc-va-su-kien);
  listing links in `div.content-right.left`, the next page `li.pager_next a`
  (idx:48517665343, an undated Scrapy spider);
- article: title `h2.title`, date `span.time.margin-bottom`, sapo `p.sapo`, body
  `div.entry-body`, author `p.author` (idx:48517665343; `p.sapo` also `_bvhttdl_config`).
ASSUMPTION: stamp lengths 17 (85 %), 16 (7 %), 15 (4 %), 14 (4 %): shorter stamps drop
  milliseconds digits; the stamp is the publication second.
ASSUMPTION: the later pages' URL, two variants: `/<slug>/trang-<N>.htm` (S1's shape) for
  tin-tuc-va-su-kien, van-hoa and du-lich, `/<slug>.htm?page=<N>` for the others.
ASSUMPTION: the title in `h2.title` (70 %) or `h1.title` (30 %, a newer template).
ASSUMPTION: the date text, three variants: "DD/MM/YYYY HH:MM" (40 %), "HH:MM DD/MM/YYYY"
  (30 %), "Thứ ba, DD/MM/YYYY - HH:MM" (30 %).
ASSUMPTION: the breadcrumb `div.breadcrumb a` (category last), the listing item markup
  inside `div.content-right.left`, the "Chuyên đề" box of `-t<id>.htm` topic links beside
  each listing, the topic pages themselves, source lines at the end of the body and image
  paths `/uploads/YYYY/MM/…`.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import WEEKDAYS, attr, esc
from newscrawler.replica.portals import PortalSite, pick

DOMAIN = "bvhttdl.gov.vn"
ORIGIN = f"https://{DOMAIN}"
STAMP_LENGTHS = (("17", 85), ("16", 7), ("15", 4), ("14", 4))
TRANG = frozenset({"tin-tuc-va-su-kien", "van-hoa", "du-lich"})
TOPICS = (("le-hoi-van-hoa", 112), ("chuyen-doi-so-nganh-van-hoa", 187))  # ASSUMPTION


def stamp(published: datetime, key: int) -> int:
    rng = random.Random(f"stamp:{key}")
    length = int(pick(key, "stamp-length", [(n, float(w)) for n, w in STAMP_LENGTHS]))
    digits = f"{published.astimezone(VN_TZ):%Y%m%d%H%M%S}{rng.randrange(1000):03d}"
    return int(digits[:length])


class BvhttdlSite(PortalSite):
    brand = "Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch"

    def served(self, article: ReplicaArticle) -> ReplicaArticle:
        key = stamp(article.published, article.key)
        return replace(article, key=key, url=f"{ORIGIN}/{article.slug}-{key}.htm")

    def published_raw(self, article: ReplicaArticle) -> str:
        moment = article.published.astimezone(VN_TZ)
        layout = pick(article.key, "date", [("dmy", 0.4), ("hm-first", 0.3), ("weekday", 0.3)])
        if layout == "dmy":
            return f"{moment:%d/%m/%Y %H:%M}"
        if layout == "hm-first":
            return f"{moment:%H:%M %d/%m/%Y}"
        return f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y - %H:%M}"

    def category_page(self, route, query):
        slug, _, rest = route.removeprefix("/").partition("/")
        slug = slug.removesuffix(".htm")
        try:
            category = self.spec.category(slug)
        except KeyError:
            return None
        if slug in TRANG and rest.startswith("trang-") and rest.endswith(".htm"):
            number = rest.removeprefix("trang-").removesuffix(".htm")
            return (category, int(number)) if number.isdigit() and number != "1" else None
        if route == f"/{slug}.htm":
            number = (query.get("page") or ["1"])[0]
            if slug in TRANG and "page" in query:
                return None
            return (category, int(number)) if number.isdigit() else None
        return None

    def page_url(self, category: Category, page: int) -> str:
        if page == 1:
            return f"/{category.slug}.htm"
        if category.slug in TRANG:
            return f"/{category.slug}/trang-{page}.htm"
        return f"/{category.slug}.htm?page={page}"

    def listing(self, category, articles, page, following):
        items = "".join(
            f'<div class="item"><a class="thumb" href="{self.path(a.url)}"><img src="/uploads/'
            f'thumb/{a.key}.jpg" alt="{attr(a.title)}"></a><h3><a href="{self.path(a.url)}">'
            f'{esc(a.title)}</a></h3><p class="sapo">{esc(a.lead)}</p></div>'
            for a in articles)
        pager = (f'<ul class="pager"><li class="pager_current">{page}</li><li class="pager_'
                 f'next"><a href="{attr(following)}">Trang sau</a></li></ul>'
                 if following else f'<ul class="pager"><li class="pager_current">{page}</li></ul>')
        topics = "".join(f'<li><a href="/{slug}-t{number}.htm">Chuyên đề</a></li>'
                         for slug, number in TOPICS)
        return (f'<div class="content-right left"><h2 class="cat-title">{esc(category.name)}'
                f'</h2>{items}{pager}</div>\n<div class="content-left right"><h3>Chuyên đề</h3>'
                f"<ul>{topics}</ul></div>")

    def extra_route(self, route: str) -> str | None:
        for slug, number in TOPICS:  # a topic page: a few articles, it is no article itself
            if route == f"/{slug}-t{number}.htm":
                items = "".join(f'<li><a href="{self.path(a.url)}">{esc(a.title)}</a></li>'
                                for a in self.corpus.articles[number % 7::9][:5])
                return self.shell("Chuyên đề", f'<div class="topic"><ul>{items}</ul></div>')
        return None

    def article_main(self, article: ReplicaArticle) -> str:
        heading = pick(article.key, "title", [("h2", 0.7), ("h1", 0.3)])
        category = self.spec.category(article.category)
        authors = (f'<p class="author">{esc(" - ".join(article.authors))}</p>'
                   if article.authors else "")
        return (
            f'<div class="breadcrumb"><a href="/">Trang chủ</a> <a href="'
            f'{self.page_url(category, 1)}">{esc(category.name)}</a></div>\n'
            f'<div class="detail"><{heading} class="title">{esc(article.title)}</{heading}>\n'
            f'<span class="time margin-bottom">{esc(self.published_raw(article))}</span>\n'
            f'<p class="sapo">{esc(article.lead)}</p>\n'
            f'<div class="entry-body">\n{self.body_paragraphs(article, byline=False)}\n</div>\n'
            f"{authors}</div>"
        )


BVHTTDL_CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        ("tin-tuc-va-su-kien", "Tin tức và sự kiện"), ("van-hoa", "Văn hóa"),
        ("the-ducthe-thao", "Thể dục thể thao"), ("du-lich", "Du lịch"),
        ("gia-dinh", "Gia đình"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    return f"{ORIGIN}/uploads/{published.astimezone(VN_TZ):%Y/%m}/{key}-{index}.jpg"


BVHTTDL = SiteSpec(
    key="bvhttdl",
    domain=DOMAIN,
    publisher=BvhttdlSite.brand,
    ministry="Bộ Văn hóa, Thể thao và Du lịch",
    categories=BVHTTDL_CATEGORIES,
    article_key_pattern=r"-(\d{14,17})\.htm$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.htm",  # re-keyed by the site
    image_url=_image_url,
    factory=BvhttdlSite,
    n_articles=100,
    seed=16,
    source_rate=0.15,
    corpus_end=datetime(2026, 1, 20, 16, 26, tzinfo=VN_TZ),
)
