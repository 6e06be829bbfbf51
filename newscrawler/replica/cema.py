"""cema.gov.vn (Bộ Dân tộc và Tôn giáo, until 2025-03-01 Ủy ban Dân tộc) replica, served
over plain HTTP, on the shared portal routes (`portal.py`).

Facts (see spiders/cema.py for the sources and dates):
- http:// only (HTTPS certificate mismatch, `_cema_config` 2026); pages link
  `https://www.cema.gov.vn/…` too (idx:56151249264, 2025);
- sections `/tin-tuc/<group>/<cat>.htm`, articles `/tin-tuc/<group>/<cat>/<slug>.htm`
  (`_cema_config`; idx:17450655753, 2026-01-20; idx:56151249264);
- listing blocks `.news-block`, `.news-block-body`, `.news-block-other` (`_cema_config`);
  pager `?p=N` (S1 2021);
- ASP.NET controls `BodyContent_ctl00_ctl01_newsTitle`, `_lblDate`, `_newsContent` and the
  date "08:39 AM 25/10/2017" (vn_sites.md §2.9, 2017 pages).
ASSUMPTION: date layouts, per article: "hh:mm AM DD/MM/YYYY" (documented) 4 in 5,
  "HH:MM DD/MM/YYYY" 1 in 5 (the 2017 layout may have changed since).
ASSUMPTION: one listing link in four written `https://www.cema.gov.vn/…`.
ASSUMPTION: the sapo control `…_newsSapo`, the breadcrumb, the listing items' inner
  markup (first item of a page in `.news-block-body`, others in `.news-block-other` rows),
  pager numbered or a lone "next" link (sections in turn); section names; no URL ids.
ASSUMPTION: the corpus spans the 2025-03-01 change, so both ministry names appear.
"""

from __future__ import annotations

from datetime import datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import attr, esc
from newscrawler.replica.portal import PortalSite, body_html, dated, pick

DOMAIN = "cema.gov.vn"
ORIGIN = f"http://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Dân tộc và Tôn giáo"
MERGER = datetime(2025, 3, 1, tzinfo=VN_TZ)
GROUPS = {"hoat-dong-cua-uy-ban": "tin-hoat-dong", "hoat-dong-cua-bo-truong": "tin-hoat-dong",
          "thoi-su-chinh-tri": "tin-tuc-su-kien"}
CONTROL = "BodyContent_ctl00_ctl01"
DATE_LAYOUTS = (("%I:%M %p %d/%m/%Y", 0.8), ("%H:%M %d/%m/%Y", 0.2))


class CemaSite(PortalSite):
    page_param = "p"
    home_path = "/home.htm"
    breadcrumb_separator = " » "
    frame = ('<form id="form1" method="post"><div class="header"><a href="{home}">{name}</a>'
             '<ul class="menu">{menu}</ul></div>\n<div class="main">{main}</div>\n<div class='
             '"footer">Bộ Dân tộc và Tôn giáo - 349 Đội Cấn, Ba Đình, Hà Nội</div></form>')

    def url_of(self, article: ReplicaArticle) -> str:
        return f"{ORIGIN}/tin-tuc/{GROUPS[article.category]}/{article.category}/{article.slug}.htm"

    def section_path(self, category: Category) -> str:
        return f"/tin-tuc/{GROUPS[category.slug]}/{category.slug}.htm"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"cema-date-{article.key}", article.published, DATE_LAYOUTS)

    def link(self, article: ReplicaArticle) -> str:
        if pick(f"cema-link-{article.key}", (("rel", 0.75), ("www", 0.25))) == "www":
            return "https://www." + article.url[len("http://"):]
        return article.url[len(ORIGIN):]

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        main = (
            f'{self.breadcrumb(category)}\n<div class="news-detail"><h1 id="{CONTROL}_'
            f'newsTitle" class="news-title">{esc(article.title)}</h1><span id="{CONTROL}_'
            f'lblDate" class="news-date">{self.published_raw(article)}</span><div id="'
            f'{CONTROL}_newsSapo" class="news-sapo">{esc(article.lead)}</div><div id="'
            f'{CONTROL}_newsContent" class="news-content">{body_html(article)}</div></div>'
        )
        return self.shell(f"{article.title}", main)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        style = self.alternate(category, ("numbers", "next"))
        blocks = []
        for index, a in enumerate(articles):
            href = self.link(a)
            if index == 0:
                blocks.append(
                    f'<div class="news-block"><a class="news-block-image" href="{href}">'
                    f'<img src="/uploads/thumb-{a.key}.jpg" alt="{attr(a.title)}"></a><div '
                    f'class="news-block-body"><h3><a href="{href}">{esc(a.title)}</a></h3>'
                    f"<p>{esc(a.lead)}</p></div></div>")
            else:
                blocks.append(f'<div class="news-block-other"><a href="{href}">'
                              f"{esc(a.title)}</a></div>")
        main = (f"{self.breadcrumb(category)}\n<div class=\"news-list\">{''.join(blocks)}"
                f"</div>{self.pager(self.section_path(category), page, last, style)}")
        return self.shell(category.name, main)


CATEGORIES = (
    Category("hoat-dong-cua-uy-ban", "Hoạt động của Bộ"),
    Category("hoat-dong-cua-bo-truong", "Hoạt động của Bộ trưởng"),
    Category("thoi-su-chinh-tri", "Thời sự - Chính trị"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/uploads/{published:%Y%m%d}/cema-{key}-{index + 1}.jpg"


CEMA = SiteSpec(
    key="cema",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Dân tộc và Tôn giáo",
    categories=CATEGORIES,
    article_key_pattern=r"$^",  # no id in the URL: the record id hashes it
    article_url=lambda slug, key: f"{ORIGIN}/tin-tuc/{slug}.htm",  # replaced by url_of
    image_url=_image_url,
    factory=CemaSite,
    n_articles=100,
    seed=20171025,
    first_key=30000,
    corpus_end=datetime(2025, 3, 10, 17, 5, tzinfo=VN_TZ),
    ministry_on=lambda moment: ("Bộ Dân tộc và Tôn giáo" if moment >= MERGER
                                else "Ủy ban Dân tộc"),
)
