"""moh.gov.vn: Cổng Thông tin điện tử Bộ Y tế, the Ministry of Health's portal (Liferay).

Sources (the research notes (vn_sites.md), compiled 2026):
- Liferay with Asset Publisher portlets `101_INSTANCE_<x>` (§2.0 "Platforms seen");
- categories `hoat-dong-cua-lanh-dao-bo`, `tin-tong-hop`, `hoat-dong-cua-dia-phuong`,
  `tin-lien-quan`; listing `/<cat>?p_p_id=101_INSTANCE_<x>&…_delta=20&…_cur=N`; instance
  ids are page-specific (§2.9 row moh, S1 2021-07);
- RSS `https://moh.gov.vn/rss/-/asset_publisher/7ng11fEWgASC/rss` (§2.9, public spider
  63107919836);
- title `#p_p_id_101_INSTANCE_<x>_ …/div[1]/div[1]/h3`, date `…/div[1]/div[2]/div[1]/p`,
  sapo `…_<entry>"]/div[1]/p/strong` (§2.9, S1 2021-07);
- the Ministry of Health kept its name in the 2025-03-01 mergers (§2.0).

ASSUMPTIONS (the notes lack them): the article URL
`/<cat>/-/asset_publisher/<x>/content/<slug>` (the usual Liferay asset view URL) and the
`redirect` parameters on listing links (see spiders/liferay.py); the class names around the
documented structure (`asset-full-content`, `asset-content`, `asset-abstract`), the
breadcrumb and the asset tags summary; that the byline is the last paragraph of the
content (read by the extraction chain's trailing-attribution rule); the date layout
`DD/MM/YYYY HH:MM`; the publisher's exact name.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.liferay import LiferaySpider

# The main asset publisher portlet; its instance id differs per page.
_PORTLET = "//div[starts-with(@id, 'p_p_id_101_INSTANCE_')]"
_FULL = f"{_PORTLET}//div[contains(@class, 'asset-full-content')]"
_CONTENT = f"{_PORTLET}//div[@class='asset-content']/div[1]"


class MohSpider(LiferaySpider):
    name = "moh"
    publisher = "Cổng Thông tin điện tử Bộ Y tế"
    ministries = (Ministry("Bộ Y tế"),)
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
    listing_link_css = ".asset-abstract a::attr(href)"
    article_url_pattern = (
        r"^https?://(?:www\.)?moh\.gov\.vn/[a-z0-9-]+/-/asset_publisher/[A-Za-z0-9]+"
        r"/content/[a-z0-9-]+$"
    )
    article_key_pattern = None  # no numeric id in the URL: the record id hashes the URL
    selectors = {
        "title": f"xpath:{_FULL}/div[1]/div[1]/h3",
        "published": f"xpath:{_FULL}/div[1]/div[2]/div[1]/p",
        # The documented `div[1]/p/strong`, narrowed to the first paragraph: bold runs
        # inside later paragraphs and the bold byline are not the sapo.
        "lead": f"xpath:{_CONTENT}/p[1]/strong",
        "body": f"xpath:{_CONTENT}",
        "category": "ul.breadcrumb li.last a",
        "tags": ".taglib-asset-tags-summary a.tag",
    }
