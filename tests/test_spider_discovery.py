"""Discovery on stored responses: sitemaps and sitemap indexes (gzipped too), the
--since filter on their lastmod, and the article URL pattern keeping other pages out."""

from __future__ import annotations

import gzip

from scrapy.http import Response, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.spiders.congthuong import CongthuongSpider

ARTICLE = "https://congthuong.vn/xuat-khau-ca-phe-tang-manh-386171.html"
OLD_ARTICLE = "https://congthuong.vn/tin-cu-nam-2019-100001.html"
URLSET = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{ARTICLE}?utm_source=sitemap</loc><lastmod>2025-10-20</lastmod></url>
  <url><loc>{OLD_ARTICLE}</loc><lastmod>2019-03-01T08:00:00+07:00</lastmod></url>
  <url><loc>https://congthuong.vn/thoi-su</loc></url>
  <url><loc>https://congthuong.vn/tags/ca-phe.tag</loc></url>
</urlset>""".encode()
INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://congthuong.vn/sitemaps/2025-10.xml</loc></sitemap>
  <sitemap><loc>/sitemaps/2025-09.xml.gz</loc></sitemap>
</sitemapindex>"""


def make_spider(**settings):
    crawler = get_crawler(CongthuongSpider, {"NEWSCRAWLER_MAX_LISTING_PAGES": 10,
                                             "NEWSCRAWLER_STALE_PAGES": 2, **settings})
    crawler.spider = CongthuongSpider.from_crawler(crawler)
    return crawler.spider


def urls(requests) -> list[str]:
    return [request.url for request in requests]


def test_urlset_yields_canonical_article_requests_only():
    spider = make_spider()
    response = XmlResponse("https://congthuong.vn/sitemap.xml", body=URLSET)
    assert urls(spider.parse_sitemap(response)) == [ARTICLE, OLD_ARTICLE]
    assert spider.crawler.stats.get_value("newscrawler/congthuong/links_not_article") == 2


def test_gzipped_sitemap_and_since_filter():
    spider = make_spider(NEWSCRAWLER_SINCE="2025-01-01")
    response = Response("https://congthuong.vn/sitemap.xml.gz", body=gzip.compress(URLSET))
    assert urls(spider.parse_sitemap(response)) == [ARTICLE]


def test_sitemap_index_follows_children():
    spider = make_spider()
    response = XmlResponse("https://congthuong.vn/sitemap.xml", body=INDEX)
    assert urls(spider.parse_sitemap(response)) == [
        "https://congthuong.vn/sitemaps/2025-10.xml",
        "https://congthuong.vn/sitemaps/2025-09.xml.gz",
    ]


def test_not_a_sitemap_is_a_counted_skip():
    spider = make_spider()
    response = Response("https://congthuong.vn/sitemap.xml", body=b"Not Found")
    assert urls(spider.parse_sitemap(response)) == []
    assert spider.crawler.stats.get_value("newscrawler/congthuong/skipped/bad_sitemap") == 1
