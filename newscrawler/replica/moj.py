"""moj.gov.vn (Bộ Tư pháp) replica, on the shared portal routes (`portal.py`), routing
articles by their `ItemID` since a section page and its articles share one path.

Facts (see spiders/moj.py for the sources and dates):
- sections `/qt/tintuc/Pages/<slug>.aspx?Date=&Page=N` (S1 2021), articles
  `/qt/tintuc/Pages/<slug>.aspx?ItemID=<id>` (`_moj_config`, 2026), listing links carry
  `ItemID=`;
- the detail web part `g_7165e992…` holds the `h1` title, a `span` date and the sapo (S1).
ASSUMPTION: an article's page name is its section's page name (3 in 4) or
  `chi-tiet-tin` (1 in 4).
ASSUMPTION: date layouts, per article: "DD/MM/YYYY HH:MM" 1/2, "HH:MM DD/MM/YYYY" 1/4,
  "<Thứ>, DD/MM/YYYY - HH:MM" 1/4.
ASSUMPTION: listing items, sections in turn: `div.news-item > h3 > a` blocks or
  `li > a.title` rows, links relative or absolute; pager numbered or a lone "Trang sau"
  link; 10 items a page; section names, ids (4 digits), header and footer wording.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import esc
from newscrawler.replica.portal import PortalSite, Response, body_html, dated, news_items, pick

DOMAIN = "moj.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Tư pháp"
PAGES = "/qt/tintuc/Pages"
WEB_PART = "ctl00_ctl45_g_7165e992_9c5e_4f3a_8b1d_2a6c0e4f7b21"


class MojSite(PortalSite):
    page_param = "page"  # compared case-blind: the portal writes `Page`
    image_prefix = "/qt/tintuc/PublishingImages/"
    frame = ('<div class="header"><a href="/">{name}</a><ul class="menu">{menu}</ul></div>\n'
             '<div class="main">{main}</div>\n<div class="footer"><p>Bộ Tư pháp - 58-60 Trần '
             "Phú, Hà Nội</p></div>")

    def url_of(self, article: ReplicaArticle) -> str:
        page = pick(f"moj-page-{article.key}",
                    ((article.category, 0.75), ("chi-tiet-tin", 0.25)))
        return f"{ORIGIN}{PAGES}/{page}.aspx?ItemID={article.key}"

    def section_path(self, category: Category) -> str:
        return f"{PAGES}/{category.slug}.aspx"

    def handle(self, path: str, now: datetime) -> Response:
        query = dict(parse_qsl(urlsplit(path).query))
        if "ItemID" not in query:
            return super().handle(path, now)
        article = self.by_item.get(query["ItemID"])
        if article is None or urlsplit(article.url).path != urlsplit(path).path:
            return self.page(self.not_found_html(), 404)
        return self.page(self.article_html(article))

    def __init__(self, spec: SiteSpec, corpus) -> None:
        super().__init__(spec, corpus)
        self.by_item = {str(a.key): a for a in self.corpus.articles}
        self.by_path = {}  # a bare page name is a section, never an article

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"moj-date-{article.key}", article.published)

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        main = (
            f'{self.breadcrumb(category)}\n<div id="{WEB_PART}"><div class="tool"></div>'
            '<div class="row"><div class="col-left"></div><div class="col-right"><div>'
            f"<h1>{esc(article.title)}</h1><span class=\"date\">{self.published_raw(article)}"
            f'</span><div class="sapo">{esc(article.lead)}</div><div class="ms-rtestate-field">'
            f"{body_html(article)}</div></div></div></div></div>"
        )
        return self.shell(f"{article.title} - {NAME}", main)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        rows = self.alternate(category, ("blocks", "rows"), shift=1)
        style = self.alternate(category, ("numbers", "next"))
        items = news_items(articles, ORIGIN, rows)
        pager = self.pager(self.section_path(category), page, last, style).replace(
            "?page=", "?Date=&amp;Page=")
        main = f"{self.breadcrumb(category)}\n<div class=\"list\">{items}</div>{pager}"
        return self.shell(f"{category.name} - {NAME}", main)


CATEGORIES = (
    Category("van-ban-chinh-sach-moi", "Văn bản chính sách mới"),
    Category("chi-dao-dieu-hanh", "Chỉ đạo điều hành"),
    Category("hoat-dong-cua-lanh-dao-bo", "Hoạt động của Lãnh đạo Bộ"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/qt/tintuc/PublishingImages/{published:%Y%m}/moj-{key}-{index + 1}.jpg"


MOJ = SiteSpec(
    key="moj",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Tư pháp",
    categories=CATEGORIES,
    article_key_pattern=r"[?&]ItemID=(\d+)$",
    article_url=lambda slug, key: f"{ORIGIN}{PAGES}/chi-tiet-tin.aspx?ItemID={key}",
    image_url=_image_url,
    factory=MojSite,
    n_articles=100,
    seed=20260101,
    first_key=4100,
    corpus_end=datetime(2026, 8, 20, 16, 30, tzinfo=VN_TZ),
)
