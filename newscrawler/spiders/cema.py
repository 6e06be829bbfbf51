"""cema.gov.vn: Cổng Thông tin điện tử Bộ Dân tộc và Tôn giáo (a ministry since 2025-03-01;
before that Ủy ban Dân tộc, a ministerial-level committee, vn_sites.md §2.0).

Sources:
- plain HTTP: the HTTPS certificate does not match the host (`_cema_config` in
  idx:17886542170, 2026, base_url `http://cema.gov.vn`), so every URL is http:// and an
  https:// or www. link folds to it; 2025 pages link `https://www.cema.gov.vn/tin-tuc/…`
  (idx:56151249264, 2025);
- articles `/tin-tuc/<group>/<cat>/<slug>.htm`, sections `/tin-tuc/<group>/<cat>.htm`
  (`_cema_config`; idx:17450655753, 2026-01-20: `/tin-tuc/tin-tuc-su-kien/thoi-su-chinh-
  tri.htm`; idx:56151249264: `/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban/<slug>.htm`);
- listing links in `.news-block`, `.news-block-body`, `.news-block-other` (`_cema_config`);
- section pager `?p=N` on `/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban.htm?p=` (S1 =
  tpnanh/DACNTT2_N26:WebDB.sql, 2021-07, idx:43420469881);
- date "08:39 AM 25/10/2017" (hh:mm AM/PM DD/MM/YYYY), title, date and content in ASP.NET
  controls `BodyContent_ctl00_ctl01_newsTitle`, `_lblDate`, `_newsContent` (vn_sites.md
  §2.9, archived 2017 pages); matched on the id's suffix (the `ctl00` ids are why the
  platform is named ASP.NET: an inference).
ASSUMPTION: the sapo is a control `…_newsSapo` beside the title (not documented).
ASSUMPTION: the category is the breadcrumb's last link; no tags; no feed is read (an RSS
  `/tin-tuc-hoat-dong.rss` is named in an undated list, idx:54591883868, never checked).
"""

from __future__ import annotations

from datetime import date

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.paged import PagedListingSpider
from newscrawler.urls import UrlRules

MERGER = date(2025, 3, 1)


class CemaSpider(PagedListingSpider):
    name = "cema"
    publisher = "Cổng Thông tin điện tử Bộ Dân tộc và Tôn giáo"
    ministries = (Ministry("Ủy ban Dân tộc", until=MERGER),
                  Ministry("Bộ Dân tộc và Tôn giáo", since=MERGER))
    platform = "cema portal (ASP.NET)"
    status = "current"
    newest_evidence = "2026-01-20"
    allowed_domains = ["cema.gov.vn"]
    listing_urls = [
        "http://cema.gov.vn/tin-tuc/tin-hoat-dong/hoat-dong-cua-uy-ban.htm",
        "http://cema.gov.vn/tin-tuc/tin-hoat-dong/hoat-dong-cua-bo-truong.htm",
        "http://cema.gov.vn/tin-tuc/tin-tuc-su-kien/thoi-su-chinh-tri.htm",
    ]
    page_params = ("p",)
    listing_link_css = (".news-block a::attr(href), .news-block-body a::attr(href), "
                        ".news-block-other a::attr(href)")
    article_url_pattern = r"^http://cema\.gov\.vn/tin-tuc/[a-z0-9-]+/[a-z0-9-]+/[a-z0-9-]+\.htm$"
    article_key_pattern = None  # no id in the URL: the record id hashes it
    url_rules = UrlRules(force_https=False)
    selectors = {
        "title": '[id$="_newsTitle"]',
        "lead": '[id$="_newsSapo"]',
        "published": '[id$="_lblDate"]',
        "body": '[id$="_newsContent"]',
        "category": ".breadcrumb a:last-child",
    }

    def canonical_article_url(self, url: str) -> str | None:
        # The HTTPS certificate does not match: an https:// link is read over http://.
        if url.lower().startswith("https://"):
            url = "http://" + url[len("https://"):]
        return super().canonical_article_url(url)
