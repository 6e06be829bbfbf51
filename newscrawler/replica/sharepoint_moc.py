"""moc.gov.vn's own routes on top of the shared SharePoint template (vn_sites_2026 §7).

Facts (a Cloudflare Worker news collector, `BUILD_VERSION = "batch-v2.4-20260928"`,
idx:70873076763, 2026-09-28):
- seven per-category feeds `/rss/<catId>/<slug>.rss`: 1176 `tin-chi-dao--dieu-hanh`,
  1173 `tin-hoat-dong`, 1184 `tin-tong-hop`, 1196 `gioi-thieu-van-ban-moi`, 1166
  `tin-cai-cach-hanh-chinh`, 1303 `chien-luoc--quy-hoach--ke-hoach`, 1207
  `thong-tin---tu-lieu`;
- a second listing URL shape `/vn/Pages/chuyenmuctin.aspx?ChuyenmucID=<id>&page=<n>
  &tieude=<slug>.aspx`;
- articles at `/vn/tin-tuc/<cat>/<id>/<slug>.aspx` or at the legacy
  `/vn/Pages/chitiettin.aspx?ChuyenmucID=<cat>&IDNews=<id>&tieude=<slug>`;
- "some /vn/tin-tuc/... URLs can return HTTP 500 from automated clients, while the site's
  legacy detail endpoint works".
ASSUMPTION: the share of `/vn/tin-tuc/` article fetches answering 500 (one in eight, chosen
  by a seeded draw per article, the same URLs every time), and the error page's markup.
ASSUMPTION: one listed article in six (listings and feeds) is linked by its legacy URL; the
  legacy endpoint serves the article page itself, whatever `tieude` says.
ASSUMPTION: the pagers of every other category link the `chuyenmuctin.aspx` shape.
ASSUMPTION: the feed markup (RSS 2.0, RFC 822 `pubDate` with +0700), 20 items per feed, and
  the feed slug being matched without regard to case.
"""

from __future__ import annotations

import random
from email.utils import format_datetime
from urllib.parse import parse_qsl, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle
from newscrawler.replica.markup import HTML, esc
from newscrawler.replica.sharepoint import (
    SERVER_HEADERS,
    SharePointNewsSite,
    category_id,
)

LEGACY_SHARE = 1 / 6
FAILING_SHARE = 1 / 8
FEED_ITEMS = 20
ERROR_PAGE = (
    "<!DOCTYPE html><html><head><title>Lỗi</title></head><body><div id=\"ms-error\">"
    "<h1>Sorry, something went wrong</h1><p>An unexpected error has occurred.</p>"
    "</div></body></html>"
)


def legacy_path(article: ReplicaArticle) -> str:
    return (f"/vn/Pages/chitiettin.aspx?ChuyenmucID={category_id(article.category)}"
            f"&IDNews={article.key}&tieude={article.slug}")


class MocSite(SharePointNewsSite):
    """moc.gov.vn: the template, plus feeds, legacy URLs and the 500 quirk."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The article pages that answer 500 at their /vn/tin-tuc/ URL.
        self.failing_paths = {
            urlsplit(a.url).path for a in self.corpus.articles
            if random.Random(f"moc500:{a.key}").random() < FAILING_SHARE
        }

    @staticmethod
    def linked_as_legacy(article: ReplicaArticle) -> bool:
        return random.Random(f"legacy:{article.key}").random() < LEGACY_SHARE

    def href(self, article: ReplicaArticle) -> str:
        """How listings and feeds link an article: canonical, or the legacy endpoint."""
        if self.linked_as_legacy(article):
            return f"http://{self.domain}{legacy_path(article)}"
        return article.url.replace("https://", "http://")

    def handle(self, path: str, now):
        parts = urlsplit(path)
        route = parts.path
        query = {k.lower(): v for k, v in parse_qsl(parts.query)}
        if route in self.failing_paths:
            return 500, {**SERVER_HEADERS, "Content-Type": HTML}, ERROR_PAGE.encode()
        if route.startswith("/rss/") and route.endswith(".rss"):
            return self._feed(route[len("/rss/"):-len(".rss")])
        lowered = route.lower()
        if lowered == "/vn/pages/chitiettin.aspx":
            key = query.get("idnews", "")
            article = self.corpus.by_key.get(int(key)) if key.isdigit() else None
            if article is not None:
                return self.cached(f"chitiettin?{key}", now,
                                    lambda: (200, self._article(article), True))
        if lowered == "/vn/pages/chuyenmuctin.aspx":
            category = self._category_by_id(query.get("chuyenmucid", ""))
            page = query.get("page", "1")
            page = int(page) if page.isdigit() and int(page) > 0 else 1
            if category is not None:
                return self.cached(f"chuyenmuctin?{category.slug}?{page}", now,
                                    lambda: self._listing(category, page))
        return super().handle(path, now)

    def _category_by_id(self, cat_id: str) -> Category | None:
        return next((c for c in self.spec.categories if category_id(c.slug) == cat_id), None)

    def _pager_base(self, category: Category) -> str:
        index = self.spec.categories.index(category)
        if index % 2:
            slug = category.slug.split("/", 1)[1].lower()
            return (f"/vn/Pages/chuyenmuctin.aspx?ChuyenmucID={category_id(category.slug)}"
                    f"&page={{page}}&tieude={slug}.aspx")
        return super()._pager_base(category)

    def _listing_item(self, article: ReplicaArticle) -> str:
        html = super()._listing_item(article)
        canonical = article.url.replace("https://", "http://")
        return html.replace(canonical, self.href(article))

    def _feed(self, name: str):
        cat_id, _, slug = name.partition("/")
        category = self._category_by_id(cat_id)
        if category is None or category.slug.split("/", 1)[1].lower() != slug.lower():
            return 404, {**SERVER_HEADERS, "Content-Type": HTML}, b"Not Found"
        articles = self.corpus.in_category(category.slug)[:FEED_ITEMS]
        items = "\n".join(
            f"<item><title>{esc(a.title)}</title><link>{esc(self.href(a))}</link>"
            f"<description>{esc(a.lead)}</description>"
            f"<pubDate>{format_datetime(a.published.astimezone(VN_TZ))}</pubDate></item>"
            for a in articles
        )
        body = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                f"<title>{esc(category.name)}</title><link>https://{self.domain}"
                f"{self._listing_path(category)}</link><description>{esc(category.name)}"
                f"</description>\n{items}\n</channel></rss>\n")
        return 200, {**SERVER_HEADERS, "Content-Type": "text/xml; charset=utf-8"}, \
            body.encode("utf-8")
