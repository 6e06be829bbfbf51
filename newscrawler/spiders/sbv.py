"""sbv.gov.vn: Cổng Thông tin điện tử Ngân hàng Nhà nước Việt Nam, the State Bank's portal.

Sources:
- the portal moved from Oracle WebCenter (`/webcenter/portal/vi/menu/trangchu/ttsk`, 2021,
  vn_sites.md §2.8, S1) to Liferay 7 (vn_sites_2026 §14 row sbv.gov.vn, measured
  2026-08-14/15, idx:62053534597); the WebCenter URLs are an older generation, not
  crawled (no source shows them answering after the move);
- news listing `/vi/web/sbv_portal/tin-tuc-su-kien` (idx:55678565675, a 2026 registry of
  economic news sources that reads it as plain HTML);
- article URLs `/vi/w/<id or URL title>`, e.g. `/vi/w/sbv570036` (idx:70140710717, accessed
  2026-10-09; vn_sites_2026 §14);
- pages with Vietnamese friendly URLs, percent-encoded in links:
  `/vi/nghi%E1%BB%87p-v%E1%BB%A5-th%E1%BB%8B-tr%C6%B0%E1%BB%9Dng-m%E1%BB%9F` (open-market
  operations), whose asset publisher shows exactly one item, the newest, with no
  pagination, no date parameter and no category link (idx:62053534597 §3.3 and §6,
  2026-08-15): a listing of one, walked every run; its older items are out of reach;
- category pages `/-/categories/94000` and the exchange-rate page `/vi/web/guest/ty-gia`,
  `/vi/t%E1%BB%B7-gi%C3%A1` are no articles (vn_sites_2026 §14; idx:60031584248, 2026-06);
- listing markup `ul.doc-list` (Liferay portlet, `/en/press-release`), `a.doc-icon` links
  to the PDF beside each entry (idx:58641831063, "confirmed live" 2026-09-01/02);
- an article page carries an audio player and a category tag; the statistics pages need
  JavaScript and hold their data in the first `<article>`, a second `<article>` lists
  related reports (idx:58641831063, 2026-09-02);
- in-article tables with an inline `<style>` and editor classes `ls01-table`,
  `ls01-group`, `ls01-total`; Vietnamese number formats (`6.307,47`); the session date in
  the title, `(14.08.26)` (idx:62053534597 §3.3, 2026-08-15): the table cells are body
  text and the title is kept as written;
- the firewall: python-requests with its default User-Agent gets HTTP 200 and a 246-byte
  page `<title>Request Rejected</title> … Your support ID is: …`; full browser headers get
  the ~414 KB page; PowerShell's Invoke-WebRequest without added headers passes too, so the
  firewall rejects by client fingerprint, not every non-browser client (idx:62053534597
  §3.3 and §6, 2026-08-15); working fetchers send `Accept: …text/html…` and
  `Accept-Language: vi-VN,vi;q=0.9,en;q=0.8` (idx:60031584248, 2026-06). This crawler keeps
  its own User-Agent (settings.USER_AGENT: it says who it is) and sends browser-like
  `Accept` and `Accept-Language` headers (`custom_settings`); a rejection page is a failure
  `blocked: firewall` (newscrawler/blockpages.py), on an article and on a listing alike;
- rapid requests met the rejection page even so: one reader keeps 5 s between requests
  to sbv.gov.vn (idx:58641831063, 2026-09-01): DOWNLOAD_DELAY 5 here;
- the internal search is blocked by the firewall (idx:62053534597 §3.3): not used;
- the headless delivery API `/o/headless-delivery/v1.0/content-structures/<id>/
  structured-contents` answers paged JSON (`items`, `lastPage`, `totalCount`; `page`,
  `pageSize`) for the exchange-rate structure 3450514 (idx:60031584248, 2026-06; the
  page shape is Liferay's documented one, help.liferay.com "Working with Collections of
  Data"): no news structure id is known, so discovery reads HTML only;
- Liferay 7 names a portlet instance `com_liferay_asset_publisher_web_portlet_
  AssetPublisherPortlet_INSTANCE_<x>` (ncov.moh.gov.vn, 2021, vn_sites_2026 §10,
  idx:43836721312): the pager is read by the Liferay base (spiders/liferay.py);
- the State Bank kept its name in the 2025-03-01 mergers (vn_sites.md §2.0).

ASSUMPTION: the news listing pages by `_<Liferay 7 asset publisher>_cur=N` links (a
  numbered pager or a lone next link); no source shows its pager.
ASSUMPTION: listing items are Liferay's default abstracts (`h3.asset-title a`) or the
  evidenced `ul.doc-list` entries (that markup is documented on another listing).
ASSUMPTION: the detail markup (no source gives it): a display page (`article h1.title`,
  `span.date`, `div.summary`, `div.journal-content-article`) or an asset publisher's full
  view (`h3.asset-title`, `span.metadata-publish-date`, `div.asset-summary`, the same
  journal content); the category tag `a.category-tag`.
ASSUMPTION: an article URL title is the id form `sbv<digits>`, an ASCII slug or a
  percent-encoded Vietnamese slug; the date layouts are those of portal.py's `dated`.
ASSUMPTION: the firewall's exact rule (which fingerprints it rejects) is unknown; the
  headers sent here pass the rules the replica serves (replica/sbv.py).
ASSUMPTION: the publisher's exact name.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.liferay import NAVIGATION_PARAMS, LiferaySpider
from newscrawler.urls import UrlRules

ORIGIN = "https://sbv.gov.vn"
# What a browser sends (idx:62053534597: browser headers pass; idx:60031584248: the
# Accept-Language of a fetcher that passes). The User-Agent stays newscrawler's own.
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8",
}
OMO_PAGE = f"{ORIGIN}/vi/nghi%E1%BB%87p-v%E1%BB%A5-th%E1%BB%8B-tr%C6%B0%E1%BB%9Dng-m%E1%BB%9F"


class SbvSpider(LiferaySpider):
    name = "sbv"
    publisher = "Cổng Thông tin điện tử Ngân hàng Nhà nước Việt Nam"
    ministries = (Ministry("Ngân hàng Nhà nước Việt Nam"),)
    platform = "Liferay 7"
    status = "current"
    newest_evidence = "2026-10-09"
    allowed_domains = ["sbv.gov.vn"]
    custom_settings = {
        "DEFAULT_REQUEST_HEADERS": BROWSER_HEADERS,
        "DOWNLOAD_DELAY": 5.0,
    }
    listing_urls = [f"{ORIGIN}/vi/web/sbv_portal/tin-tuc-su-kien", OMO_PAGE]
    listing_link_css = "h3.asset-title a::attr(href), ul.doc-list li a::attr(href)"
    url_rules = UrlRules(extra_tracking_params=NAVIGATION_PARAMS)
    # The URL title: letters, digits and hyphens, or percent-encoded UTF-8 (Vietnamese).
    article_url_pattern = r"^https://sbv\.gov\.vn/vi/w/(?:[a-z0-9-]|%[0-9A-F]{2})+$"
    article_key_pattern = None  # not every URL has a numeric id: the record id hashes it
    block_markers = {"firewall": ("<title>Request Rejected</title>",)}
    selectors = {
        "title": "article h1.title, .asset-full-content h3.asset-title",
        "lead": "div.summary, div.asset-summary",
        "published": "span.date, span.metadata-publish-date",
        "body": "div.journal-content-article",
        "category": "a.category-tag",
    }
