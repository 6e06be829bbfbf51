"""moh.gov.vn: Cổng Thông tin điện tử Bộ Y tế, the Ministry of Health's portal (Liferay).

Sources:
- Liferay with Asset Publisher portlets `101_INSTANCE_<x>` (2021, vn_sites.md §2.0; the
  6.2-style namespace, unlike ncov.moh.gov.vn's Liferay 7, vn_sites_2026 §10,
  idx:43836721312);
- categories `hoat-dong-cua-lanh-dao-bo`, `tin-tong-hop`, `hoat-dong-cua-dia-phuong`,
  `tin-lien-quan`; listing `/<cat>?p_p_id=101_INSTANCE_<x>&…_delta=20&…_cur=N`; instance
  ids are page-specific (2021-07, vn_sites.md §2.9 S1; vn_sites_2026 §10, idx:43632364874);
- article URL `/<cat>/-/asset_publisher/<x>/content/<slug>` (2021-2022, idx:48171354077,
  idx:14506677381; 2025-2026, idx:56685279483, category `thong-tin-chi-dao-dieu-hanh`);
  slugs drop "đ" ("ien-tu"), so they are `[a-z0-9-]` (same sources);
- link variants folded before any fetch (2026, vn_sites_2026 §10 and §12, idx:17450655753
  tests, whose newest timestamp is 2026-01-20, and idx:17886542170 `_moh_config`):
  `/vi_VN/…` (answers 502: never fetched, the locale is stripped),
  `https://moh.gov.vn:443/…` (default port dropped), `/web/guest/…` before a category
  path (the same page); the journal friendly URL `/web/guest/-/<slug>`
  is fetched and the record takes the page's canonical URL (spiders/liferay.py);
- listing titles `h3.asset-title a`, dates `span.time`, next button "Tiếp theo" (~2023,
  idx:49334494293); links also only in `div onclick="location.href='…'"` (2026,
  idx:17450655753);
- weak-DH TLS: the server's DH key is too small for OpenSSL 3's default security level
  (2026, idx:17886542170, vn_sites_2026 §10): this crawler alone runs at OpenSSL security
  level 1 (`custom_settings`; newscrawler/handlers.py), no other crawler;
- RSS `https://moh.gov.vn/rss/-/asset_publisher/7ng11fEWgASC/rss` (≤2025, idx:63107919836;
  the URL only);
- title `#p_p_id_101_INSTANCE_<x>_ …/div[1]/div[1]/h3`, date `…/div[1]/div[2]/div[1]/p`,
  sapo `…_<entry>"]/div[1]/p/strong` (2021-07, vn_sites.md §2.9 S1);
- the Ministry of Health kept its name in the 2025-03-01 mergers (vn_sites.md §2.0).

ASSUMPTION: the RSS items carry the canonical article URL as `<link>` (unverified after 2025).
ASSUMPTION: `.asset-abstract a` (Liferay 6.2's default abstract) as a second listing
  selector beside the evidenced `h3.asset-title a`.
ASSUMPTION: the 2021 detail structure (S1's XPaths) still holds: the detail template is
  unverified since 2021; the entry div's id ends in the entry's digits.
ASSUMPTION: the breadcrumb `ul.breadcrumb li.last a` and the tags
  `.taglib-asset-tags-summary a.tag` (Liferay 6.2 defaults).
ASSUMPTION: the byline is the last paragraph of the content (read by the extraction
  chain's trailing-attribution rule).
ASSUMPTION: the date layout `DD/MM/YYYY HH:MM`.
ASSUMPTION: the publisher's exact name.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.liferay import NAVIGATION_PARAMS, LiferaySpider
from newscrawler.urls import DEFAULT_VARIANT_PATHS, UrlRules

# The asset publisher portlets (S1: `p_p_id_101_INSTANCE_<x>_`); the instance id differs
# per page. The article's own entry div is `_101_INSTANCE_<x>_<entry id>` (S1's `…_753365`).
_PORTLET = "//div[starts-with(@id, 'p_p_id_101_INSTANCE_')]"
_ENTRY = "//div[starts-with(@id, '_101_INSTANCE_')][translate(substring(@id, " \
         "string-length(@id)), '0123456789', '') = '']"
_ASSET = r"[a-z0-9-]+/-/asset_publisher/[A-Za-z0-9]+/content/[a-z0-9-]+"


class MohSpider(LiferaySpider):
    name = "moh"
    publisher = "Cổng Thông tin điện tử Bộ Y tế"
    ministries = (Ministry("Bộ Y tế"),)
    status = "current"
    newest_evidence = "2026-01-20"
    allowed_domains = ["moh.gov.vn"]
    # The weak-DH handshake: OpenSSL security level 1 (accepts a 1024-bit DH key), for this
    # spider's crawler only (see newscrawler/handlers.py).
    custom_settings = {
        "NEWSCRAWLER_TLS_SECURITY_LEVEL": 1,
        "DOWNLOAD_HANDLERS": {"https": "newscrawler.handlers.SiteTLSDownloadHandler"},
    }
    listing_urls = [
        f"https://moh.gov.vn/{category}"
        for category in ("hoat-dong-cua-lanh-dao-bo", "tin-tong-hop",
                         "hoat-dong-cua-dia-phuong", "tin-lien-quan")
    ]
    feed_urls = ["https://moh.gov.vn/rss/-/asset_publisher/7ng11fEWgASC/rss"]
    listing_link_css = "h3.asset-title a::attr(href), .asset-abstract a::attr(href)"
    url_rules = UrlRules(
        extra_tracking_params=NAVIGATION_PARAMS,
        variant_paths=(
            *DEFAULT_VARIANT_PATHS,
            (r"^/vi_VN(?=/)", ""),                    # the locale prefix (answers 502)
            (rf"^/web/guest(?=/{_ASSET}$)", ""),      # the site's own prefix
        ),
    )
    article_url_pattern = (
        rf"^https://moh\.gov\.vn/(?:{_ASSET}|web/guest/-/[a-z0-9-]+)$"
    )
    article_key_pattern = None  # no numeric id in the URL: the record id hashes the URL
    # S1's XPaths (2021-07), the first match in the page: no class name is documented.
    selectors = {
        "title": f"xpath:({_PORTLET}//div[1]/div[1]/h3)[1]",
        "published": f"xpath:({_PORTLET}//div[1]/div[2]/div[1]/p)[1]",
        # The documented `div[1]/p/strong`, narrowed to the first paragraph: bold runs
        # inside later paragraphs and the bold byline are not the sapo.
        "lead": f"xpath:({_ENTRY}/div[1]/p[1]/strong)[1]",
        "body": f"xpath:({_ENTRY}/div[1])[1]",
        "category": "ul.breadcrumb li.last a",
        "tags": ".taglib-asset-tags-summary a.tag",
    }
