"""moc.gov.vn: Cổng Thông tin điện tử Bộ Xây dựng (Ministry of Construction; since
2025-03-01 it also holds the former Ministry of Transport, vn_sites.md §2.0).

Sources (vn_sites_2026 §7, compiled 2026-12-04; vn_sites.md §2.0, §2.9; S1 =
tpnanh/DACNTT2_N26:WebDB.sql, 2021-07-15; W = the Cloudflare Worker news collector
idx:70873076763, `batch-v2.4-20260928`, 2026-09-28):
- the shared SharePoint template (S1);
- listings `/vn/chuyen-muc/<id>/<slug>.aspx?page=N` (S1; a public audit note of
  2026-08-08) for 1173, 1184, 1166, 1196 (S1 slugs) and 1176, 1303, 1207 (W's feeds); the
  pager also links `/vn/Pages/chuyenmuctin.aspx?ChuyenmucID=&page=&tieude=` (W), read by
  its `page` parameter like the first shape;
- seven per-category feeds `/rss/<catId>/<slug>.rss` (W);
- listing items `…_pnListNews/div/ul/li/div/a`, pager links `…_PhanTrang_D/div/a` (S1);
  items `<a href='http://moc.gov.vn/vn/tin-tuc/…'>` + `span.news_datetime` (audit
  2026-08-08);
- title `#divArticleDescription3 h1`, sapo `#divArticleDescription1/p`, body
  `#divArticleDescription2/p`, date `…_pnHide/div[2]/span`, author `…_pnNguontin/p/font`
  (S1); visible date `DD/MM/YYYY HH:MM` (W);
- article URLs `/vn/tin-tuc/<category id>/<id>/<slug>.aspx` (public links 2025-2026; W)
  and the legacy `/vn/Pages/chitiettin.aspx?ChuyenmucID=<cat>&IDNews=<id>&tieude=<slug>`
  (W): the legacy URL folds into the first shape, the record's one identity;
- some `/vn/tin-tuc/` fetches answer HTTP 500 to automated clients while the legacy
  detail endpoint works (W): on a 500 the spider fetches the same article at its legacy
  URL and exports it under the canonical URL (stat `newscrawler/moc/legacy_fallback`).
xaydung.gov.vn/rss (vn_sites_2026 §7, idx:70116538661) is not used: the merged ministry's
other portal links its own pages, not moc.gov.vn articles.
ASSUMPTION: `tieude` of a legacy URL is the article's URL slug (W shows the slug there).
ASSUMPTION: the category names of 1173 and 1184 (S1's labels contradict their slugs; the
  slugs are followed); the breadcrumb.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from newscrawler.items import Article
from newscrawler.spiders.base import Ministry
from newscrawler.spiders.sharepoint import SharePointNewsSpider
from newscrawler.state.frontier import PENDING_META
from newscrawler.urls import canonicalize_url

ORIGIN = "https://moc.gov.vn"
CANONICAL_META = "moc_canonical_url"  # request.meta of a legacy fallback: the record's URL
_CANONICAL = re.compile(r"^https://moc\.gov\.vn/vn/tin-tuc/(\d+)/(\d+)/([^/?#]+)\.aspx$")
FEEDS = ("1176/tin-chi-dao--dieu-hanh", "1173/tin-hoat-dong", "1184/tin-tong-hop",
         "1196/gioi-thieu-van-ban-moi", "1166/tin-cai-cach-hanh-chinh",
         "1303/chien-luoc--quy-hoach--ke-hoach", "1207/thong-tin---tu-lieu")


def legacy_to_canonical(url: str) -> str | None:
    """`/vn/Pages/chitiettin.aspx?ChuyenmucID=&IDNews=&tieude=` as `/vn/tin-tuc/…`."""
    try:
        parts = urlsplit(canonicalize_url(url))
    except ValueError:
        return None
    if parts.netloc != "moc.gov.vn" or parts.path.lower() != "/vn/pages/chitiettin.aspx":
        return None
    query = {name.lower(): value for name, value in parse_qsl(parts.query)}
    cat, news = query.get("chuyenmucid", ""), query.get("idnews", "")
    slug = re.sub(r"\.aspx$", "", query.get("tieude", ""), flags=re.IGNORECASE)
    if not (cat.isdigit() and news.isdigit() and re.fullmatch(r"[^/?#&]+", slug)):
        return None
    return f"{ORIGIN}/vn/tin-tuc/{cat}/{news}/{slug}.aspx"


def canonical_to_legacy(url: str) -> str | None:
    match = _CANONICAL.match(url)
    if match is None:
        return None
    cat, news, slug = match.groups()
    return f"{ORIGIN}/vn/Pages/chitiettin.aspx?ChuyenmucID={cat}&IDNews={news}&tieude={slug}"


class MocSpider(SharePointNewsSpider):
    name = "moc"
    publisher = "Cổng Thông tin điện tử Bộ Xây dựng"
    ministries = (Ministry("Bộ Xây dựng"),)
    status = "current"
    newest_evidence = "2026-09-28"
    allowed_domains = ["moc.gov.vn"]
    listing_urls = [
        f"{ORIGIN}/vn/chuyen-muc/{path}.aspx?page=1"
        for path in ("1173/tin-hoat-dong", "1184/tin-tong-hop", "1166/tin-cai-cach-hanh-chinh",
                     "1196/Gioi-thieu-van-ban-moi", "1176/tin-chi-dao--dieu-hanh",
                     "1303/chien-luoc--quy-hoach--ke-hoach", "1207/thong-tin---tu-lieu")
    ]
    feed_urls = [f"{ORIGIN}/rss/{feed}.rss" for feed in FEEDS]
    listing_link_css = '[id$="_pnListNews"] > div > ul > li > div > a::attr(href)'
    article_url_pattern = r"^https://moc\.gov\.vn/vn/tin-tuc/\d+/\d+/[^/?#]+\.aspx$"
    article_key_pattern = r"/vn/tin-tuc/\d+/(\d+)/"
    selectors = {
        "title": "#divArticleDescription3 h1",
        "lead": "#divArticleDescription1",
        "body": "#divArticleDescription2",
        "published": '[id$="_pnHide"] > div:nth-of-type(2) > span',
        "authors": '[id$="_pnNguontin"] > p > font',
        "category": "div.breadcrumb > a:last-of-type",
    }

    def canonical_article_url(self, url: str) -> str | None:
        canonical = super().canonical_article_url(url)
        if canonical is None and (folded := legacy_to_canonical(url)) is not None:
            canonical = super().canonical_article_url(folded)
        return canonical

    def on_error(self, failure):
        """A 500 at `/vn/tin-tuc/`: fetch the legacy endpoint of the same article."""
        request = failure.request
        response = getattr(failure.value, "response", None)
        legacy = canonical_to_legacy(request.url)
        if (failure.check(HttpError) and response is not None and response.status == 500
                and legacy is not None and CANONICAL_META not in request.meta):
            self.crawler.stats.inc_value(f"newscrawler/{self.name}/legacy_fallback")
            meta = {CANONICAL_META: request.url}
            if PENDING_META in request.meta:
                meta[PENDING_META] = request.meta[PENDING_META]
            return [scrapy.Request(legacy, callback=self.parse_article,
                                   errback=self.on_error, meta=meta, dont_filter=True)]
        return super().on_error(failure)

    def build_article(self, response, fields, provenance, fetched_at) -> Article:
        article = super().build_article(response, fields, provenance, fetched_at)
        article.url = response.meta.get(CANONICAL_META) or article.url
        return article
