"""moit.gov.vn: Cổng Thông tin điện tử Bộ Công Thương, the current portal (2026).

Sources (the research notes (vn_sites.md) §2.2, public code and link hits, [med]):
- listing `https://moit.gov.vn/tin-tuc/<category>` (`thi-truong-trong-nuoc`,
  `phat-trien-nang-luong`, `thong-bao`, `quoc-te`); article
  `https://moit.gov.vn/tin-tuc/[<category>/]<slug>.html`; search `/?page=search&keyword=`;
  legal documents under `/van-ban-phap-luat/`;
- date `<meta property="article:published_time" itemprop="datePublished"
  content="YYYY-MM-DDTHH:MM:SS+0700">` (public code; 69446064485);
- "RSS / public API: none exists" (a 2026 design note, [low]): no feed;
- articles get re-filed under other categories and slugs change without notice, so one
  article can be listed under two URLs: only content-hash dedup merges them (no canonical
  link is documented, so none is relied on);
- foreign datacenter IPs get their connections dropped (§2.0): expect timeouts/resets;
- the Ministry of Industry and Trade kept its name in the 2025-03-01 mergers (§2.0).
The 2021 Liferay/EcoIT selectors of S1 no longer apply (the portal was rebuilt).

ASSUMPTIONS (the notes lack them): page N >= 2 of a listing is `/tin-tuc/<category>/trang-N`
(`?page=` is the site's route parameter, used by search); every class name below (title,
sapo, body, breadcrumb, tags, pager, listing items); that the byline is the last paragraph
of the body (read by the extraction chain's trailing-attribution rule); the publisher's
exact name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from scrapy.http import Response

from newscrawler.spiders.base import Ministry, NewsSpider

_PAGE_NUMBER = re.compile(r"/trang-(\d+)$")


class MoitSpider(NewsSpider):
    name = "moit"
    publisher = "Cổng Thông tin điện tử Bộ Công Thương"
    ministries = (Ministry("Bộ Công Thương"),)
    platform = "moit.gov.vn portal (2026)"
    allowed_domains = ["moit.gov.vn"]
    listing_urls = [
        f"https://moit.gov.vn/tin-tuc/{category}"
        for category in ("thi-truong-trong-nuoc", "phat-trien-nang-luong", "thong-bao",
                         "quoc-te")
    ]
    feed_urls = []  # none exists (research §2.2)
    # Broad on purpose: category labels inside items are listings, which the URL pattern
    # keeps out.
    listing_link_css = ".list-news a::attr(href)"
    article_url_pattern = (
        r"^https?://(?:www\.)?moit\.gov\.vn/tin-tuc/(?:[a-z0-9-]+/)?[a-z0-9-]+\.html$"
    )
    article_key_pattern = None  # no numeric id in the URL: the record id hashes the URL
    selectors = {
        "title": "article.article-detail h1.article-title",
        "published": "xpath://meta[@property='article:published_time']/@content",
        "lead": "div.article-sapo",
        "body": "div.article-content",
        "category": "ol.breadcrumb li.active a",
        "tags": "div.article-tags a",
    }

    def next_listing_urls(self, response: Response, page: int) -> Iterable[str]:
        for href in response.css("ul.pagination a::attr(href)").getall():
            url = response.urljoin(href)
            # The path, not the raw link: tracking parameters or a fragment must not
            # hide the page number.
            match = _PAGE_NUMBER.search(urlsplit(url).path)
            if match and int(match.group(1)) == page + 1:
                return (url,)
        return ()
