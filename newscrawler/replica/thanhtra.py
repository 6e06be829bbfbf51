"""thanhtra.gov.vn (Thanh tra Chính phủ) replica, on the shared portal routes (`portal.py`).

Facts (see spiders/thanhtra.py for the sources and dates): articles
`/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//Content/<slug>?<id>`, the bare query id
required (a request without it, or with another id, is answered 404); Liferay pages its
listings by `_<instance>_cur=N`.
ASSUMPTION: sections `/web/guest/<slug>`; pager, sections in turn: Liferay links
  `?p_p_id=101_INSTANCE_<x>&_101_INSTANCE_<x>_cur=N` or plain `?page=N` ("Trang sau" only).
ASSUMPTION: detail markup, per article: Liferay asset (`.asset-full-content
  h3.header-title`, `.news-date`, `.news-sapo`, `.journal-content-article`) 1/2, or a
  themed one (`h1.title-news`, `.date-news`, `.sapo-news`, `.content-news`) 1/2; dates via
  portal.dated (its shares); 10 items a page; section names; ids (5 digits).
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import esc
from newscrawler.replica.portal import PortalSite, Response, body_html, dated, pick

DOMAIN = "thanhtra.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Thanh tra Chính phủ"
DETAIL = "/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//Content/"
INSTANCE = "101_INSTANCE_tT7kQ2m"


class ThanhtraSite(PortalSite):
    home_path = "/web/guest/trang-chu"
    frame = ('<div id="banner"><a href="{home}">{name}</a><ul class="nav">{menu}</ul></div>\n'
             '<div id="content">{main}</div>\n<div id="footer"><p>Thanh tra Chính phủ - Lô D29 '
             "Khu đô thị mới Cầu Giấy, Hà Nội</p></div>")

    def url_of(self, article: ReplicaArticle) -> str:
        return f"{ORIGIN}{DETAIL}{article.slug}?{article.key}"

    def section_path(self, category: Category) -> str:
        return f"/web/guest/{category.slug}"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"thanhtra-date-{article.key}", article.published)

    def handle(self, path: str, now: datetime) -> Response:
        parts = urlsplit(path)
        article = self.by_path.get(parts.path)
        if article is not None and parts.query != str(article.key):
            return self.page(self.not_found_html(), 404)
        return super().handle(path, now)

    def page_number(self, query: str) -> int:
        for name, value in parse_qsl(query):
            if (name == "page" or name.endswith("_cur")) and value.isdigit() and int(value):
                return int(value)
        return 1

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        if pick(f"thanhtra-markup-{article.key}", (("asset", 0.5), ("theme", 0.5))) == "asset":
            detail = (f'<div class="asset-full-content"><h3 class="header-title">'
                      f'{esc(article.title)}</h3><div class="news-date">'
                      f'{self.published_raw(article)}</div><div class="news-sapo"><strong>'
                      f'{esc(article.lead)}</strong></div><div class="journal-content-article">'
                      f"{body_html(article)}</div></div>")
        else:
            detail = (f'<div class="news-detail"><h1 class="title-news">{esc(article.title)}'
                      f'</h1><p class="date-news">{self.published_raw(article)}</p><div '
                      f'class="sapo-news">{esc(article.lead)}</div><div class="content-news">'
                      f"{body_html(article)}</div></div>")
        return self.shell(f"{article.title} - {NAME}", f"{self.breadcrumb(category)}\n{detail}")

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        items = "".join(
            f'<li class="news-item"><a href="{a.url[len(ORIGIN):]}">{esc(a.title)}</a>'
            f'<span class="summary">{esc(a.lead)}</span></li>' for a in articles)
        path = self.section_path(category)
        if page >= last:
            pager = ""
        elif self.alternate(category, ("liferay", "plain")) == "liferay":
            pager = (f'<div class="lfr-pagination"><a href="{path}?p_p_id={INSTANCE}&amp;'
                     f'_{INSTANCE}_cur={page + 1}">Tiếp theo</a></div>')
        else:
            pager = f'<div class="paging"><a href="{path}?page={page + 1}">Trang sau</a></div>'
        main = f'{self.breadcrumb(category)}\n<ul class="list-news">{items}</ul>{pager}'
        return self.shell(f"{category.name} - {NAME}", main)


CATEGORIES = (
    Category("tin-tuc-su-kien", "Tin tức - Sự kiện"),
    Category("hoat-dong-thanh-tra", "Hoạt động thanh tra"),
    Category("tiep-cong-dan", "Tiếp công dân"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/documents/{published:%Y%m}/thanhtra-{key}-{index + 1}.jpg"


THANHTRA = SiteSpec(
    key="thanhtra",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Thanh tra Chính phủ",
    categories=CATEGORIES,
    article_key_pattern=r"\?(\d+)$",
    article_url=lambda slug, key: f"{ORIGIN}{DETAIL}{slug}?{key}",
    image_url=_image_url,
    factory=ThanhtraSite,
    n_articles=100,
    seed=20260314,
    first_key=48000,
    corpus_end=datetime(2026, 8, 20, 16, 30, tzinfo=VN_TZ),
)
