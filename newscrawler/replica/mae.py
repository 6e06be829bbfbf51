"""mae.gov.vn (Bộ Nông nghiệp và Môi trường) replica, on the shared portal routes
(`portal.py`), with the portal's refusal pages.

Facts (see spiders/mae.py for the sources and dates):
- sections `/chuyen-muc/<slug>-<id>.htm`, articles `/<slug>-<id>.htm` or
  `/tin-<…>/<slug>-<id>.htm`, listing links `a.item-tintuc`;
- refusal pages "Thông báo từ chối truy cập" and "Hệ thống đang gặp vấn đề khi xử lý yêu
  cầu của bạn", answered for article URLs (`_mae_config`, 2026).
ASSUMPTION: article URL shapes: root `/<slug>-<id>.htm` 1/2, `/tin-tuc/<slug>-<id>.htm`
  1/4, `/tin-tuc--su-kien/<slug>-<id>.htm` 1/4.
ASSUMPTION: detail markup, per article: `h1.title` + `p.sapo` + `span.date` +
  `div.detail-content` 1/2, or `h1.detail-title` + `div.detail-sapo` + `div.time-post` +
  `div.content-detail` 1/2; dates via portal.dated (its shares).
ASSUMPTION: the refusal pages come with HTTP 200 and the site's header; two linked
  article URLs (one per message) answer them on every request: such a URL is never an
  article, so it stays out of the truth like the withdrawn one.
ASSUMPTION: pager numbered or "Trang sau" with `?page=N`; 10 items a page; section names.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import attr, esc
from newscrawler.replica.portal import PortalSite, Response, body_html, dated, pick

DOMAIN = "mae.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Nông nghiệp và Môi trường"
SECTION_IDS = {"tin-tong-hop": 300, "hoat-dong-cua-lanh-dao-bo": 301, "thong-bao": 302}
REFUSALS = ("Thông báo từ chối truy cập",
            "Hệ thống đang gặp vấn đề khi xử lý yêu cầu của bạn")


class MaeSite(PortalSite):
    frame = ('<header><a href="/">{name}</a><ul class="menu">{menu}</ul></header>\n'
             "<main>{main}</main>\n<footer><p>Bộ Nông nghiệp và Môi trường - Số 2 Ngọc Hà, "
             "Hà Nội</p></footer>")

    def __init__(self, spec: SiteSpec, corpus) -> None:
        super().__init__(spec, corpus)
        # Linked from the first page of the 2nd and 3rd sections; never articles.
        self.refused: dict[str, tuple[ReplicaArticle, str]] = {}
        pairs = zip(spec.categories[1:], REFUSALS, strict=True)
        for offset, (category, message) in enumerate(pairs):
            base = self.corpus.in_category(category.slug)[0]
            fake = replace(base, key=self.withdrawn.key + 1 + offset,
                           slug=f"bai-bi-chan-{offset + 1}",
                           published=base.published + timedelta(minutes=1))
            fake = replace(fake, url=self.url_of(fake))
            self.refused[fake.url[len(ORIGIN):]] = (fake, message)

    def url_of(self, article: ReplicaArticle) -> str:
        folder = pick(f"mae-url-{article.key}",
                      (("", 0.5), ("tin-tuc/", 0.25), ("tin-tuc--su-kien/", 0.25)))
        return f"{ORIGIN}/{folder}{article.slug}-{article.key}.htm"

    def section_path(self, category: Category) -> str:
        return f"/chuyen-muc/{category.slug}-{SECTION_IDS[category.slug]}.htm"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"mae-date-{article.key}", article.published)

    def handle(self, path: str, now: datetime) -> Response:
        refused = self.refused.get(path.split("?")[0])
        if refused is not None:
            return self.page(self.shell(refused[1], f"<div class=\"notice\"><h2>{refused[1]}"
                                        "</h2><p>Vui lòng thử lại sau.</p></div>"))
        return super().handle(path, now)

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        if pick(f"mae-markup-{article.key}", (("a", 0.5), ("b", 0.5))) == "a":
            detail = (f'<h1 class="title">{esc(article.title)}</h1><span class="date">'
                      f'{self.published_raw(article)}</span><p class="sapo">'
                      f'{esc(article.lead)}</p><div class="detail-content">'
                      f"{body_html(article)}</div>")
        else:
            detail = (f'<h1 class="detail-title">{esc(article.title)}</h1><div class="time-'
                      f'post">{self.published_raw(article)}</div><div class="detail-sapo">'
                      f'{esc(article.lead)}</div><div class="content-detail">'
                      f"{body_html(article)}</div>")
        main = f'{self.breadcrumb(category)}\n<article class="detail">{detail}</article>'
        return self.shell(f"{article.title} - {NAME}", main)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        if page == 1:
            articles = [*articles, *(fake for fake, _ in self.refused.values()
                                     if fake.category == category.slug)]
        items = "".join(
            f'<div class="box-item"><a class="item-tintuc" href="{a.url[len(ORIGIN):]}" '
            f'title="{attr(a.title)}">{esc(a.title)}</a><p>{esc(a.lead)}</p></div>'
            for a in articles)
        style = self.alternate(category, ("numbers", "next"))
        main = (f"{self.breadcrumb(category)}\n<div class=\"list-tintuc\">{items}</div>"
                f"{self.pager(self.section_path(category), page, last, style)}")
        return self.shell(f"{category.name} - {NAME}", main)


CATEGORIES = (
    Category("tin-tong-hop", "Tin tổng hợp"),
    Category("hoat-dong-cua-lanh-dao-bo", "Hoạt động của Lãnh đạo Bộ"),
    Category("thong-bao", "Thông báo"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/uploads/{published:%Y/%m}/mae-{key}-{index + 1}.jpg"


MAE = SiteSpec(
    key="mae",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Nông nghiệp và Môi trường",
    categories=CATEGORIES,
    article_key_pattern=r"-(\d+)\.htm$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.htm",
    image_url=_image_url,
    factory=MaeSite,
    n_articles=100,
    seed=20261027,
    first_key=2300,
    corpus_end=datetime(2026, 8, 20, 16, 30, tzinfo=VN_TZ),
)
