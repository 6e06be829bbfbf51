"""mst.gov.vn, the portal of Bộ Khoa học và Công nghệ on the VCCorp-family CMS (mic.gov.vn
serves the same site), rendered by the shared VCCorp replica base.

Facts (vn_sites_2026 §9 and §14, and the sources they cite):
- article URLs `/<slug>-197YYMMDDhhmmssNNN.htm` (`_mst_config` in idx:17886542170, 2026:
  `-\\d{8,}\\.htm$`; idx:55047140965, 2024: a 17-digit id; idx:71353710595, 2026-03-29,
  and idx:70400660355, 2025-01: 18-digit ids);
- categories `/tin-tuc-su-kien[/<slug>].htm` (`_mst_config`), slugs khoa-hoc-va-cong-nghe,
  doi-moi-sang-tao, tin-tong-hop (idx:71604652858, 2026), chuyen-doi-so (idx:60472065614,
  2026), nang-luong-nguyen-tu (idx:52203515066, 2026);
- listing items `div.box-category-item a` and sapo `div.detail-sapo` (`_mst_config`);
- `div.detail-time` holding "DD/MM/YYYY", body `div.detail-content.afcbc-body > p`,
  `meta[name=author]`, sitemap index `/sitemap.xml` whose entries are sub-sitemaps under
  `/sitemaps/sitemaps…` or article URLs, and "mic.gov.vn and mst.gov.vn are one site"
  (idx:14191498223, Go crawler N-0056, 2025-2026);
- RSS `/rss/home.rss` (idx:58027474802, 2026).
ASSUMPTION: id lengths as baochinhphu's (18/17/16/15 digits, vccorp_markup) and the id
  time drawn the same way.
ASSUMPTION: the inner markup of `div.box-category-item` (avatar link, `h3 > a.box-
  category-link-title`, time, sapo), the title `h1.detail-title`, the breadcrumb, tags,
  `article:*_time` meta and JSON-LD as on baochinhphu.vn (same CMS family), and no
  dateline in the sapo.
ASSUMPTION: the sub-sitemap names `/sitemaps/sitemaps-YYYY-MM.xml` (one per month) and the
  category names; category pages show their 12 newest items and no pager (articles are
  found through the sitemap and the feed).
ASSUMPTION: one listing link in eight is written with the host mic.gov.vn.
ASSUMPTION: 20 articles of the CMS's mic.gov.vn years (the ministry then Bộ Thông tin và
  Truyền thông; idx:55047140965 links a 2024 one) dated the last days before 2025-03-01.
"""

from __future__ import annotations

import logging
import random
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache

from newscrawler.records import VN_TZ, iso_vn
from newscrawler.replica import vccorp_markup as parts
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec, write_articles
from newscrawler.replica.markup import attr, esc
from newscrawler.replica.vccorp import PAGE_SIZE, VCCorpSite

logger = logging.getLogger(__name__)

DOMAIN = "mst.gov.vn"
ORIGIN = f"https://{DOMAIN}"
MIC_ORIGIN = "https://mic.gov.vn"
BO_TTTT = "Bộ Thông tin và Truyền thông"
BO_KHCN = "Bộ Khoa học và Công nghệ"
MERGER = datetime(2025, 3, 1, tzinfo=VN_TZ)  # Nghị quyết 176/2025/QH15 (vn_sites.md §2.0)
SECTION = "tin-tuc-su-kien"


class MstSite(VCCorpSite):
    brand = "Cổng Thông tin điện tử Bộ Khoa học và Công nghệ"
    id_prefix = "197"
    parents = {SECTION: "Tin tức - Sự kiện"}
    feeds = {"/rss/home.rss": None}

    def category_slugs(self) -> set[str]:
        return {SECTION} | {category.slug for category in self.spec.categories}

    def listing_item(self, article: ReplicaArticle) -> str:
        path = self.path(article.url)
        if random.Random(f"host:{article.key}").random() < 0.125:
            path = MIC_ORIGIN + path  # the other host of the same site
        return parts.category_item(article, path)

    def sapo(self, article: ReplicaArticle) -> str:
        return f'<div class="detail-sapo" data-role="sapo">{esc(article.lead)}</div>'

    def _head(self, article: ReplicaArticle) -> str:
        author = (f'<meta name="author" content="{attr(", ".join(article.authors))}">\n'
                  if article.authors else "")
        return author + super()._head(article)

    def _render(self, route: str):
        if route == f"/{SECTION}.htm":  # the section page: newest of all its categories
            items = "\n".join(self.listing_item(a) for a in self.corpus.articles[:PAGE_SIZE])
            return self._page(self._shell(f"Tin tức - Sự kiện | {self.brand}",
                                          f'<div class="box-category">{items}</div>'))
        return super()._render(route)

    def _category(self, category: Category) -> str:
        items = "\n".join(self.listing_item(a)
                          for a in self.corpus.in_category(category.slug)[:PAGE_SIZE])
        return f'<div class="box-category">{items}</div>'

    def xml_route(self, route: str) -> str | None:
        months = self._months()
        if route == "/sitemap.xml":
            entries = "".join(f"<sitemap><loc>{ORIGIN}/sitemaps/sitemaps-{month}.xml</loc>"
                              "</sitemap>\n" for month in months)
            return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.'
                    f'sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n')
        month = route.removeprefix("/sitemaps/sitemaps-").removesuffix(".xml")
        if route.startswith("/sitemaps/sitemaps-") and month in months:
            urls = "".join(f"<url><loc>{a.url}</loc><lastmod>{iso_vn(a.modified)}</lastmod>"
                           "</url>\n" for a in months[month])
            return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.'
                    f'sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
        return super().xml_route(route)

    def _months(self) -> dict[str, list[ReplicaArticle]]:
        months: dict[str, list[ReplicaArticle]] = {}
        for article in self.corpus.articles:
            months.setdefault(f"{article.published:%Y-%m}", []).append(article)
        return months


MST_CATEGORIES = tuple(
    Category(f"{SECTION}/{slug}", name) for slug, name in (
        ("khoa-hoc-va-cong-nghe", "Khoa học và Công nghệ"),
        ("doi-moi-sang-tao", "Đổi mới sáng tạo"), ("chuyen-doi-so", "Chuyển đổi số"),
        ("tin-tong-hop", "Tin tổng hợp"), ("nang-luong-nguyen-tu", "Năng lượng nguyên tử"),
    )
)


def mst_ministry(published: datetime) -> str:
    # Before the merger this CMS was mic.gov.vn's (vn_sites_2026 §9: ids -197… since ≤2024).
    return BO_TTTT if published < MERGER else BO_KHCN


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the CDN path (mic.mediacdn.vn holds the site's files, idx:55047140965).
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=5 + (key + index) % 60)
    return f"{ORIGIN}/media/{uploaded:%Y/%m/%d}/{key % 1000000}-{index}.jpg"


@lru_cache(maxsize=1)
def _before_the_merger() -> tuple[ReplicaArticle, ...]:
    """Articles of the CMS's mic.gov.vn years, still served (module docstring)."""
    older = replace(MST, corpus_end=datetime(2025, 2, 27, 16, 0, tzinfo=VN_TZ),
                    first_key=40000, fixed_articles=tuple)
    return tuple(write_articles(older, 20, "mst:before-the-merger"))


MST = SiteSpec(
    key="mst",
    domain=DOMAIN,
    publisher=MstSite.brand,
    ministry=BO_KHCN,
    ministry_on=mst_ministry,
    categories=MST_CATEGORIES,
    article_key_pattern=r"-(197\d{12,15})\.htm$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.htm",
    image_url=_image_url,
    factory=MstSite,
    fixed_articles=lambda: _before_the_merger(),
    n_articles=170,
    seed=197,
    source_rate=0.1,
    corpus_end=datetime(2026, 9, 9, 10, 30, tzinfo=VN_TZ),
)
