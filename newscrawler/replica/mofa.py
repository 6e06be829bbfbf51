"""mofa.gov.vn, Cổng Thông tin điện tử Bộ Ngoại giao, on the shared portal routes (`portal.py`).

Facts (vn_sites_2026 §14, and the sources it cites):
- article URLs `/tin-chi-tiet/chi-tiet/<slug>-<id>[-<cat>].html` (`_mofa_config` in
  idx:17886542170, 2026: `^/tin-chi-tiet/chi-tiet/.+-\\d+(?:-\\d+)?\\.html$`); links seen:
  `…-59199-652.html` (idx:70075177794, 2026), `…-57163-596.html` (idx:71045573098, a page
  updated 2025-06-30): a 5-digit id and a category number; and `…-589.html`, `…-254.html`,
  `…-10.html` (idx:70705104545, idx:60153906833, idx:69166403460, 2026), where different
  articles share the one number (589 three times): older pages whose URL carries the
  category number only, the slug telling them apart;
- categories `/tin-…`, `/hoat-dong-…` (`_mofa_config`);
- listing links `a[href*='/tin-chi-tiet/chi-tiet/']` and sapo `div.article-summary`
  (`_mofa_config`).
ASSUMPTION: the older URL shape (no id) for 20 % of the articles, the oldest ones.
ASSUMPTION: the category slugs, names and numbers (652, 596, 589 as in the links seen).
ASSUMPTION: the pager, two variants: `?page=<N>` with `ul.pagination a[rel=next]` on
  tin-hoat-dong-cua-lanh-dao and tin-bao-chi, `?p=<N>` with `ul.pagination li.next > a`
  on hoat-dong-cua-bo; ten items a page.
ASSUMPTION: the article template: title `h1` (class `article-title` or `title`), date in
  `.article-date` as "DD/MM/YYYY HH:MM" (50 %), "HH:MM, DD/MM/YYYY" (25 %) or
  "Ngày đăng: DD/MM/YYYY - HH:MM" (25 %), body `div.article-content` (70 %) or
  `div.article-body` (30 %), the breadcrumb `ol.breadcrumb` (category last), image paths
  `/uploads/…`, the header (its logo in an `h1`) and footer.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qsl

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec
from newscrawler.replica.markup import esc
from newscrawler.replica.portal import PortalSite, body_html, dated, listing_items, pick

DOMAIN = "mofa.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Ngoại giao"
DETAIL = "/tin-chi-tiet/chi-tiet/"
OLD_SHAPE_SHARE = 0.2
CATEGORY_NUMBERS = {"tin-hoat-dong-cua-lanh-dao": 652, "hoat-dong-cua-bo": 596,
                    "tin-bao-chi": 589}
DATE_LAYOUTS = (("%d/%m/%Y %H:%M", 0.5), ("%H:%M, %d/%m/%Y", 0.25),
                ("Ngày đăng: %d/%m/%Y - %H:%M", 0.25))
ITEM = ('<div class="news-item"><a class="news-thumb" href="{href}"><img src="/uploads/thumb/'
        '{key}.jpg" alt="{alt}"></a><a class="news-title" href="{href}">{title}</a><p class='
        '"news-summary">{lead}</p></div>')
PAGE_PARAMS = {"tin-hoat-dong-cua-lanh-dao": "page", "hoat-dong-cua-bo": "p",
               "tin-bao-chi": "page"}


class MofaSite(PortalSite):
    breadcrumb_tag = "ol"
    frame = ('<header class="site-header"><h1 class="logo"><a href="/">{name}</a></h1><nav>'
             '<ul class="nav">{menu}</ul></nav></header>\n<main class="site-main">{main}</main>\n'
             '<footer class="site-footer"><p>Bộ Ngoại giao nước Cộng hòa xã hội chủ nghĩa Việt '
             "Nam</p></footer>")

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        ordered = sorted(corpus.articles, key=lambda a: a.published)
        self._old = {a.key for a in ordered[:round(len(ordered) * OLD_SHAPE_SHARE)]}
        super().__init__(spec, corpus)

    def url_of(self, article: ReplicaArticle) -> str:
        number = CATEGORY_NUMBERS[article.category]
        tail = f"{number}" if article.key in self._old else f"{article.key}-{number}"
        return f"{ORIGIN}{DETAIL}{article.slug}-{tail}.html"

    def section_path(self, category: Category) -> str:
        return f"/{category.slug}"

    def page_number(self, query: str) -> int:
        # Each section's own parameter (module docstring); a number in either is read.
        for name, value in parse_qsl(query):
            if name in ("page", "p") and value.isdigit() and int(value) > 0:
                return int(value)
        return 1

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"mofa-date-{article.key}", article.published, DATE_LAYOUTS)

    def not_found_html(self) -> str:
        return self.shell(f"Không tìm thấy trang - {NAME}",
                          '<div class="page-404"><p>Không tìm thấy trang.</p></div>')

    def article_html(self, article: ReplicaArticle) -> str:
        title_class = pick(f"mofa-title-{article.key}", (("article-title", 0.6), ("title", 0.4)))
        body_class = pick(f"mofa-body-{article.key}",
                          (("article-content", 0.7), ("article-body", 0.3)))
        main = (
            f"{self.breadcrumb(self.spec.category(article.category))}\n"
            f'<div class="article"><h1 class="{title_class}">{esc(article.title)}</h1>\n'
            f'<div class="article-date">{esc(self.published_raw(article))}</div>\n'
            f'<div class="article-summary">{esc(article.lead)}</div>\n'
            f'<div class="{body_class}">\n{body_html(article)}\n</div></div>'
        )
        return self.shell(f"{article.title} - {NAME}", main)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        items = listing_items(ITEM, articles, ORIGIN)
        following = f"/{category.slug}?{PAGE_PARAMS[category.slug]}={page + 1}"
        if page >= last:
            nav = ""
        elif PAGE_PARAMS[category.slug] == "page":
            nav = f'<li><a rel="next" href="{following}">›</a></li>'
        else:
            nav = f'<li class="next"><a href="{following}">Sau</a></li>'
        main = (f'<h2 class="category-title">{esc(category.name)}</h2>\n<div class="news-list">'
                f'{items}</div>\n<ul class="pagination"><li class="active"><span>{page}</span>'
                f"</li>{nav}</ul>")
        return self.shell(f"{category.name} - {NAME}", main)


MOFA_CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        ("tin-hoat-dong-cua-lanh-dao", "Hoạt động của Lãnh đạo"),
        ("hoat-dong-cua-bo", "Hoạt động của Bộ"), ("tin-bao-chi", "Thông cáo báo chí"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    return f"{ORIGIN}/uploads/{published.astimezone(VN_TZ):%Y%m}/{key}-{index}.jpg"


MOFA = SiteSpec(
    key="mofa",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Ngoại giao",
    categories=MOFA_CATEGORIES,
    # The 5-digit id before the category number; the older shape has none (hash ids).
    article_key_pattern=r"-(\d{5,})-\d{1,4}\.html$",
    article_url=lambda slug, key: f"{ORIGIN}{DETAIL}{slug}-{key}.html",  # see url_of
    image_url=_image_url,
    factory=MofaSite,
    n_articles=100,
    seed=59,
    first_key=57100,
    source_rate=0.1,
    corpus_end=datetime(2026, 6, 30, 9, 0, tzinfo=VN_TZ),
)
