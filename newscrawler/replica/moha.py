"""moha.gov.vn (Bộ Nội vụ) replica, on the shared portal routes (`portal.py`).

Facts (see spiders/moha.py for the sources and dates):
- sections `/chuyen-muc/<slug>---id<id>`, articles `/tin-tuc/<slug>---id<id>`
  (`_moha_config`, 2026) and `/tin-tuc/<slug>---oid<id>` (2026 links, idx:58786395552,
  idx:60368112704); a slug ending in a dash gives four dashes;
- title in `#news_details … h1`, sapo `#show_description p`, date the `p` under the title,
  body `#show_content` (S1 2021, vn_sites.md §2.9); the page number in `?page=N` (S1 2021).
ASSUMPTION: shares of the two id markers: `---oid` 3 in 4, `---id` 1 in 4.
ASSUMPTION: date layouts, per article: "DD/MM/YYYY HH:MM" 1/2, "HH:MM DD/MM/YYYY" 1/4,
  "<Thứ>, DD/MM/YYYY - HH:MM" 1/4.
ASSUMPTION: listing items, sections in turn: `div.news-item > h3 > a` or `li > a.title`
  rows; pager, sections in turn: numbered or a lone "Trang sau" link; 10 items a page.
ASSUMPTION: section names and ids, article ids (5 digits), the header and footer wording.
"""

from __future__ import annotations

from datetime import datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import esc
from newscrawler.replica.portal import PortalSite, body_html, dated, news_items, pick

DOMAIN = "moha.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Nội vụ"
SECTION_IDS = {"tin-noi-vu": 3, "lao-dong-viec-lam": 12, "thong-bao": 7}


class MohaSite(PortalSite):
    frame = ('<header class="header"><a href="/" class="logo">{name}</a><ul class="menu">'
             '{menu}</ul></header>\n<div class="container">{main}</div>\n<footer class="footer">'
             "<p>Bộ Nội vụ - Địa chỉ: Số 8 Tôn Thất Thuyết, Hà Nội</p></footer>")

    def url_of(self, article: ReplicaArticle) -> str:
        marker = pick(f"moha-url-{article.key}", (("oid", 0.75), ("id", 0.25)))
        return f"{ORIGIN}/tin-tuc/{article.slug}---{marker}{article.key}"

    def section_path(self, category: Category) -> str:
        return f"/chuyen-muc/{category.slug}---id{SECTION_IDS[category.slug]}"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"moha-date-{article.key}", article.published)

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        main = (
            f'{self.breadcrumb(category)}\n<div id="news_details"><div class="tool"></div>'
            '<div class="social"></div><div class="row"><div class="col-md-12">'
            f"<h1>{esc(article.title)}</h1><p class=\"date\">{self.published_raw(article)}"
            f'</p><div id="show_description"><p>{esc(article.lead)}</p></div>'
            f'<div id="show_content">{body_html(article)}</div></div></div></div>'
        )
        return self.shell(f"{article.title} - {NAME}", main)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        rows = self.alternate(category, ("blocks", "rows"), shift=1)
        style = self.alternate(category, ("numbers", "next"))
        path = self.section_path(category)
        items = news_items(articles, ORIGIN, rows)
        main = (f"{self.breadcrumb(category)}\n<div class=\"list\">{items}</div>"
                f"{self.pager(path, page, last, style)}")
        return self.shell(f"{category.name} - {NAME}", main)


CATEGORIES = (
    Category("tin-noi-vu", "Tin Nội vụ"),
    Category("lao-dong-viec-lam", "Lao động - Việc làm"),
    Category("thong-bao", "Thông báo"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/uploads/{published:%Y/%m}/moha-{key}-{index + 1}.jpg"


MOHA = SiteSpec(
    key="moha",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Nội vụ",
    categories=CATEGORIES,
    article_key_pattern=r"-{3,}o?id(\d+)$",
    article_url=lambda slug, key: f"{ORIGIN}/tin-tuc/{slug}---oid{key}",
    image_url=_image_url,
    factory=MohaSite,
    n_articles=100,
    seed=20260823,
    first_key=57000,
    corpus_end=datetime(2026, 8, 20, 16, 30, tzinfo=VN_TZ),
)
