"""congthuong.vn: Báo Công Thương, the newspaper of the Ministry of Industry and Trade.

Sources (vn_sites_2026 §1, compiled 2026-12-04; vn_sites.md §1, §2.1):
- categories `thoi-su, thuong-mai, cong-nghiep, hoi-nhap, ...` (idx:9895299792, 11
  category slugs) and `tai-chinh` (feed verified 2026-10, idx:70982189649);
- listing items `.article>h3>a` (idx:9895299792) and, in another generation, bare
  `a.article-title` (idx:48417647467, idx:48741293469; both undated);
- paging `<category>&s_cond=&BRSR=<offset>` through the MasterCMS pager (see
  `spiders/mastercms.py`; sister sites 2023-2026);
- article URL `https://congthuong.vn/<slug>-<id>.html` (links of 2025 and Jan 2026,
  idx:33050254316, idx:70920622935); tags `/tag/<slug>-<id>.tag` and topics
  `/chu-de/<slug>.topic` are no articles (2026-09-30, CMW derived moit fixture);
- title `article.article h1`, date `span.bx-time` as `HH:MM | DD/MM/YYYY`, sapo
  `div.article-desc`, body `div.__MASTERCMS_CONTENT_BODY` (real class
  `__MASTERCMS_CONTENT_BODY clearfix`, §12 row 2026), author `p.author` (idx:48417647467,
  idx:9895299792; S2 2019-2020);
- in-body automatic tag links `<a href="…/tag/<slug>-<id>.tag" title="Xem thêm tin về …">`
  inside paragraphs (2022, idx:8829734521): their words are body text; they are not the
  article's tags (the source shows them in the body only);
- breadcrumbs `.breadcrumb.breadcrumb-list li a span` (idx:9895299792);
- feeds `/rss/trang-chu.rss`, `/rss/home.rss` (feed lists 2025-2026, idx:24151061523,
  idx:66445490741) and `/rss/tai-chinh.rss` (verified 2026-10, idx:70982189649);
- search is `/search_enginer.html?p=search&q=` (2026, idx:61997304903), never crawled.
The top bar "Đường dây nóng: 0866.59.4498 - <weekday> DD/MM/YYYY HH:MM" is the current
time, never the article's date (seed page, 2017-12-21).
ASSUMPTION: the tag box markup (`div.article-tags`, `div.box-tags`, `ul.tags-list`): no
  source shows it; tag links are told from autolinks by the box, not by URL.
ASSUMPTION: `<p align=right><strong>` as a second byline form (thoibaonganhang's
  MasterCMS markup, vn_sites.md §1 point 4).
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.mastercms import MasterCMSSpider


class CongthuongSpider(MasterCMSSpider):
    name = "congthuong"
    publisher = "Báo Công Thương"
    ministries = (Ministry("Bộ Công Thương"),)
    status = "current"
    newest_evidence = "2026-10-08"
    allowed_domains = ["congthuong.vn"]
    listing_urls = [
        f"https://congthuong.vn/{category}"
        for category in ("thoi-su", "thuong-mai", "cong-nghiep", "hoi-nhap", "thi-truong",
                         "doanh-nghiep", "xa-hoi", "tai-chinh")
    ]
    feed_urls = [f"https://congthuong.vn/rss/{name}.rss"
                 for name in ("trang-chu", "home", "tai-chinh")]
    listing_link_css = ".article > h3 > a::attr(href), a.article-title::attr(href)"
    article_url_pattern = r"^https?://(?:www\.)?congthuong\.vn/[a-z0-9-]+-\d+\.html$"
    article_key_pattern = r"-(\d+)\.html$"
    selectors = {
        "title": "article.article h1",
        "published": "span.bx-time",
        "lead": "div.article-desc",
        "body": "div.__MASTERCMS_CONTENT_BODY",
        "authors": "p.author, p[align=right] > strong",
        "category": ".breadcrumb.breadcrumb-list li:last-child a span",
        "tags": "div.article-tags a, div.box-tags li a, ul.tags-list li a",
    }
