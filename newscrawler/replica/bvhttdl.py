"""bvhttdl.gov.vn, Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch, on the shared
portal routes (`portal.py`).

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
  `div.entry-body`, author `p.author` (idx:48517665343, undated; its FEED_URI setting is
  older than Scrapy 2.1, 2020: inference; `p.sapo` also `_bvhttdl_config`, 2026);
- images on `bvhttdl.mediacdn.vn/291773308735864832/2021/9/4/<name>-<ms stamps>.jpg`
  (idx:59427081656, an image of 2021-09-04): VCCorp's image CDN, whose CMS family
  (tuoitre.vn) also writes 17-digit `YYYYMMDDhhmmssmmm` article stamps (inference).
ASSUMPTION: stamp lengths 17 (85 %), 16 (7 %), 15 (4 %), 14 (4 %): shorter stamps drop
  milliseconds digits; the stamp is the publication minute, a drawn second and
  milliseconds.
ASSUMPTION: the later pages' URL, two variants: `/<slug>/trang-<N>.htm` (S1's shape) for
  tin-tuc-va-su-kien, van-hoa and du-lich, `/<slug>.htm?page=<N>` for the others.
ASSUMPTION: two article templates: idx:48517665343's (70 %; its title in `h2.title` 70 %,
  `h1.title` 30 %) and, as the CDN suggests a VCCorp-family CMS, `h1.detail-title`,
  `div.detail-time`, `div.detail-content` (30 %); `p.sapo` and `p.author` in both.
ASSUMPTION: the date text, three variants: "DD/MM/YYYY HH:MM" (40 %), "HH:MM DD/MM/YYYY"
  (30 %), "Thứ ba, DD/MM/YYYY - HH:MM" (30 %).
ASSUMPTION: the breadcrumb `div.breadcrumb a` (category last), the listing item markup
  inside `div.content-right.left`, the "Chuyên đề" box of `-t<id>.htm` topic links beside
  each listing, the topic pages themselves, the section names, image file names, the
  header and footer.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import esc
from newscrawler.replica.portal import PortalSite, Response, body_html, dated, listing_items, pick

DOMAIN = "bvhttdl.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Văn hóa, Thể thao và Du lịch"
STAMP_LENGTHS = (("17", 0.85), ("16", 0.07), ("15", 0.04), ("14", 0.04))
TRANG = frozenset({"tin-tuc-va-su-kien", "van-hoa", "du-lich"})
TOPICS = (("le-hoi-van-hoa", 112), ("chuyen-doi-so-nganh-van-hoa", 187))  # ASSUMPTION
DATE_LAYOUTS = (("%d/%m/%Y %H:%M", 0.4), ("%H:%M %d/%m/%Y", 0.3),
                ("{weekday}, %d/%m/%Y - %H:%M", 0.3))
ITEM = ('<div class="item"><a class="thumb" href="{href}"><img src="/uploads/thumb/{key}.jpg" '
        'alt="{alt}"></a><h3><a href="{href}">{title}</a></h3><p class="sapo">{lead}</p></div>')
_TRANG_PATH = re.compile(r"^/([a-z-]+)/trang-(\d+)\.htm$")


def stamp(published: datetime, key: int) -> str:
    rng = random.Random(f"bvhttdl-stamp-{key}")
    length = int(pick(f"bvhttdl-stamp-length-{key}", STAMP_LENGTHS))
    digits = (f"{published.astimezone(VN_TZ):%Y%m%d%H%M}{rng.randrange(60):02d}"
              f"{rng.randrange(1000):03d}")
    return digits[:length]


class BvhttdlSite(PortalSite):
    frame = ('<div class="top-header"><a href="/" class="logo">{name}</a></div>\n'
             '<div class="main-menu"><ul>{menu}</ul></div>\n<div class="wrapper">{main}</div>\n'
             '<div class="bottom-footer"><p>Bộ Văn hóa, Thể thao và Du lịch - 51 Ngô Quyền, '
             "Hà Nội</p></div>")

    def url_of(self, article: ReplicaArticle) -> str:
        return f"{ORIGIN}/{article.slug}-{stamp(article.published, article.key)}.htm"

    def section_path(self, category: Category) -> str:
        return f"/{category.slug}.htm"

    def page_path(self, category: Category, page: int) -> str:
        if page == 1:
            return self.section_path(category)
        if category.slug in TRANG:
            return f"/{category.slug}/trang-{page}.htm"
        return f"/{category.slug}.htm?{self.page_param}={page}"

    def handle(self, path: str, now: datetime) -> Response:
        route = path.split("?", 1)[0]
        trang = _TRANG_PATH.match(route)
        if trang and trang.group(1) in TRANG and int(trang.group(2)) > 1:
            # The later pages of these sections are paths (S1), not queries.
            section = self.section_path(self.spec.category(trang.group(1)))
            return super().handle(f"{section}?{self.page_param}={trang.group(2)}", now)
        for slug, number in TOPICS:  # a topic page: a few articles, no article itself
            if route == f"/{slug}-t{number}.htm":
                items = "".join(f'<li><a href="{a.url[len(ORIGIN):]}">{esc(a.title)}</a></li>'
                                for a in self.corpus.articles[number % 7::9][:5])
                return self.page(self.shell("Chuyên đề", f'<div class="topic"><ul>{items}'
                                            "</ul></div>"))
        return super().handle(path, now)

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"bvhttdl-date-{article.key}", article.published, DATE_LAYOUTS)

    def not_found_html(self) -> str:
        return self.shell(f"Không tìm thấy trang - {NAME}",
                          '<div class="page-404"><p>Trang không tồn tại.</p></div>')

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        items = listing_items(ITEM, articles, ORIGIN)
        following = (f'<li class="pager_next"><a href="{self.page_path(category, page + 1)}">'
                     "Trang sau</a></li>" if page < last else "")
        topics = "".join(f'<li><a href="/{slug}-t{number}.htm">Chuyên đề</a></li>'
                         for slug, number in TOPICS)
        main = (f'<div class="content-right left"><h2 class="cat-title">{esc(category.name)}'
                f'</h2>{items}<ul class="pager"><li class="pager_current">{page}</li>'
                f'{following}</ul></div>\n<div class="content-left right"><h3>Chuyên đề</h3>'
                f"<ul>{topics}</ul></div>")
        return self.shell(f"{category.name} - {NAME}", main)

    def article_html(self, article: ReplicaArticle) -> str:
        template = pick(f"bvhttdl-template-{article.key}", (("entry", 0.7), ("detail", 0.3)))
        authors = (f'<p class="author">{esc(" - ".join(article.authors))}</p>'
                   if article.authors else "")
        # The author stands in `p.author` (idx:48517665343): the body ends with the source.
        text = body_html(replace(article, authors=[]))
        date = esc(self.published_raw(article))
        if template == "entry":  # idx:48517665343's template
            heading = pick(f"bvhttdl-title-{article.key}", (("h2", 0.7), ("h1", 0.3)))
            top = (f'<{heading} class="title">{esc(article.title)}</{heading}>\n'
                   f'<span class="time margin-bottom">{date}</span>\n')
            body_class = "entry-body"
        else:  # the CDN's CMS family's names (module docstring)
            top = (f'<h1 class="detail-title">{esc(article.title)}</h1>\n'
                   f'<div class="detail-time">{date}</div>\n')
            body_class = "detail-content"
        main = (
            f"{self.breadcrumb(self.spec.category(article.category))}\n"
            f'<div class="detail">{top}<p class="sapo">{esc(article.lead)}</p>\n'
            f'<div class="{body_class}">\n{text}\n</div>\n{authors}</div>'
        )
        return self.shell(f"{article.title} - {NAME}", main)


BVHTTDL_CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        ("tin-tuc-va-su-kien", "Tin tức và sự kiện"), ("van-hoa", "Văn hóa"),
        ("the-ducthe-thao", "Thể dục thể thao"), ("du-lich", "Du lịch"),
        ("gia-dinh", "Gia đình"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # bvhttdl.mediacdn.vn/<18 digits>/YYYY/M/D/<name>-<ms stamps>.jpg (module docstring).
    moment = published.astimezone(VN_TZ)
    stamp_ms = int(moment.timestamp() * 1000) - 60000 * (3 + (key + index) % 50)
    return (f"https://bvhttdl.mediacdn.vn/291773308735864832/{moment.year}/{moment.month}/"
            f"{moment.day}/anh-{key}-{index}-{stamp_ms}.jpg")


BVHTTDL = SiteSpec(
    key="bvhttdl",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Văn hóa, Thể thao và Du lịch",
    categories=BVHTTDL_CATEGORIES,
    article_key_pattern=r"-(\d{14,17})\.htm$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.htm",  # see url_of
    image_url=_image_url,
    factory=BvhttdlSite,
    n_articles=100,
    seed=16,
    source_rate=0.15,
    corpus_end=datetime(2026, 1, 20, 16, 26, tzinfo=VN_TZ),
)
