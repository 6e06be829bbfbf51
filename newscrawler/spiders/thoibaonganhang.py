"""thoibaonganhang.vn: Thời báo Ngân hàng, the newspaper of the State Bank of Vietnam.

Sources (vn_sites_2026 §2, compiled 2026-12-04; vn_sites.md §1, §2.0, §2.10):
- MasterCMS, like congthuong.vn and haiquanonline.com.vn (S2 2019-2020); paging through
  the MasterCMS pager, `&s_cond=&BRSR=<offset>` on the sister sites (2023-2026; see
  `spiders/mastercms.py`);
- listing items `div.article[id^=article-] > h3.article-title > a.article-link`, with no
  `.list-news` wrapper (homepage fetched 2026-07-14, idx:54660080281; §12 row);
- article URL `/<slug>-<id>.html` (idx:58509434562, 2026-08; idx:873434746, 2019) and
  its `/preview_article/t/<slug>-<id>.html` variant (idx:39587696189), folded into the
  article URL: the same id names the same article;
- date markup `<span class="datetime"><span class="format_time">09:00</span> |
  <span class="format_date">10/03/2021</span></span>` (a real 2021 page, vn_sites.md §1
  point 3; idx:8423226795, 2020);
- title `h1.detail-title`, sapo `p.detail-sapo` (2021 page; 2019 `div.sabo/p`), body
  `div.__MASTERCMS_CONTENT` (2020 class `category article-content __MASTERCMS_CONTENT
  __MB_CONTENT_FOR_PRINTER`, idx:8423226795); hidden elements inside it are skipped by
  the extraction (the 2021 page holds wrapper/hidden elements, vn_sites_2026 §2);
- byline `<p align="right"><strong>…` closing the article (vn_sites.md §1 point 4), read
  by the extraction chain's trailing-attribution rule;
- `/rss/home.rss` configured in 2026 feed lists (idx:66445490741, idx:66782398944);
- the State Bank kept its name in the 2025-03-01 mergers (vn_sites.md §2.0).
ASSUMPTION: the category slugs (none found, vn_sites_2026 §2).
ASSUMPTION: the breadcrumb (`.breadcrumb a.actived span`) and tag (`div.detail-tags a`)
  markup.
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.mastercms import MasterCMSSpider
from newscrawler.urls import DEFAULT_VARIANT_PATHS, UrlRules


class ThoibaonganhangSpider(MasterCMSSpider):
    name = "thoibaonganhang"
    publisher = "Thời báo Ngân hàng"
    ministries = (Ministry("Ngân hàng Nhà nước Việt Nam"),)
    status = "current"
    newest_evidence = "2026-08-01"
    allowed_domains = ["thoibaonganhang.vn"]
    listing_urls = [
        f"https://thoibaonganhang.vn/{category}"
        for category in ("ngan-hang", "tai-chinh", "doanh-nghiep", "thoi-su", "quoc-te")
    ]
    feed_urls = ["https://thoibaonganhang.vn/rss/home.rss"]
    listing_link_css = ("div.article[id^=article-] > h3.article-title > a.article-link"
                        "::attr(href)")
    article_url_pattern = r"^https?://(?:www\.)?thoibaonganhang\.vn/[a-z0-9-]+-\d+\.html$"
    article_key_pattern = r"-(\d+)\.html$"
    url_rules = UrlRules(variant_paths=(*DEFAULT_VARIANT_PATHS,
                                        (r"^/preview_article/t(?=/)", "")))
    selectors = {
        "title": "h1.detail-title",
        "published": "span.datetime",
        "lead": "p.detail-sapo",
        "body": "div.__MASTERCMS_CONTENT",
        "category": ".breadcrumb a.actived span",
        "tags": "div.detail-tags a",
    }
