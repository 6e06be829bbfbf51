"""Feeds and sitemaps found on their own, a sitemap index, a news sitemap and a gzip
sitemap, and the listing fallbacks, over real HTTP against a small test-only site
(tests/probe_site.py) served by the replica server (issue 16, item 1).
"""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from scrapy.http import HtmlResponse

from newscrawler.autodiscovery import (
    fallback_listing_links,
    feed_links,
    next_page_link,
    robots_sitemaps,
)
from newscrawler.replica.server import ReplicaServer
from tests.conftest import exported_records, run_id_of, run_newscrawler
from tests.probe_site import ARTICLES, DOMAIN, ProbeSite

pytestmark = pytest.mark.slow

FEEDS = ["/robots.txt", "/sitemap_index.xml", "/sitemaps/2026-11.xml.gz",
         "/sitemaps/2026-12.xml", "/sitemaps/google-news.xml", "/rss/home.rss", "/atom.xml"]


def test_every_discovery_path_finds_its_articles_each_feed_fetched_once(tmp_path):
    with ReplicaServer([ProbeSite()]) as server:
        data_dir = tmp_path / "data"
        result = run_newscrawler("crawl", "probe", "--replica", server.base_url,
                                 "--data-dir", str(data_dir),
                                 "-s", "SPIDER_MODULES=tests.probe_site",
                                 "-s", "NEWSCRAWLER_MAX_FALLBACK_SHARE=1")
        hits = dict(server.hits)
    assert result.returncode == 0, result.stdout + result.stderr
    records = {record["url"]: record for record in exported_records(data_dir, "probe")}
    assert set(records) == {article.url for article in ARTICLES}
    assert len(exported_records(data_dir, "probe")) == len(ARTICLES)
    for path in FEEDS:
        assert hits.get(f"/{DOMAIN}{path}") == 1, (path, hits)
    notice = next(a for a in ARTICLES if a.route == "page2")
    assert records[notice.url]["body"] == notice.paragraphs[0]
    run_id = run_id_of(result.stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    stats = summary["sites"]["probe"]["stats"]
    assert stats["newscrawler/probe/discovery/sitemaps_found"] == 4
    assert stats["newscrawler/probe/discovery/feeds_found"] == 2
    assert stats["newscrawler/probe/discovery/fallback"] == 2
    assert stats["newscrawler/probe/discovery/pager_fallback"] == 1


def test_autodiscovery_can_be_turned_off(tmp_path):
    with ReplicaServer([ProbeSite()]) as server:
        data_dir = tmp_path / "data"
        run_newscrawler("crawl", "probe", "--replica", server.base_url, "--data-dir",
                        str(data_dir), "-s", "SPIDER_MODULES=tests.probe_site",
                        "-s", "NEWSCRAWLER_AUTODISCOVER=False")
        hits = dict(server.hits)
    # robots.txt is still read (robots rules are obeyed), its Sitemap lines ignored.
    assert not [path for path in FEEDS[1:] if f"/{DOMAIN}{path}" in hits]
    exported = {record["url"] for record in exported_records(data_dir, "probe")}
    assert exported == {a.url for a in ARTICLES if a.route in ("listing", "page2")}


def page(url: str, html: str) -> HtmlResponse:
    return HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")


def test_feed_links_only_rss_and_atom_alternates():
    html = ('<head><link rel="alternate" type="application/rss+xml" href="/rss/a.rss">'
            '<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="b.xml">'
            '<link rel="alternate" hreflang="en" type="text/html" href="/en">'
            '<link rel="stylesheet" type="text/css" href="/s.css"></head>')
    assert feed_links(page("https://a.vn/tin/", html)) == [
        "https://a.vn/rss/a.rss", "https://a.vn/tin/b.xml"]


def test_robots_sitemaps_any_case_with_comments():
    text = ("User-agent: *\nDisallow: /search\nSitemap: https://a.vn/sitemap.xml\n"
            "SITEMAP:/news.xml # the news one\nsitemap: https://a.vn/sitemap.xml\n")
    assert robots_sitemaps(text, "https://a.vn/robots.txt") == [
        "https://a.vn/sitemap.xml", "https://a.vn/news.xml"]


def is_article(url: str) -> bool:
    return re.search(r"/bai-[a-z]+-\d+\.html$", url) is not None


@pytest.mark.parametrize(("url", "page_number", "links", "expected"), [
    ("https://a.vn/thoi-su", 1, ["/thoi-su?page=3", "/thoi-su?page=2"],
     "https://a.vn/thoi-su?page=2"),
    ("https://a.vn/thoi-su?page=2", 2, ["/thoi-su", "/thoi-su?page=3"],
     "https://a.vn/thoi-su?page=3"),
    ("https://a.vn/tin-tuc.html", 1, ["/tin-tuc/trang-2.html", "/khac/trang-2.html"],
     "https://a.vn/tin-tuc/trang-2.html"),
    ("https://a.vn/l?p_id=2&_x_cur=1", 1, ["/l?p_id=2&_x_cur=2&col=2"],
     "https://a.vn/l?p_id=2&_x_cur=2&col=2"),
    ("https://a.vn/thoi-su?page=3", 3, ["/thoi-su?page=2", "/bai-moi-4.html"], None),
])
def test_next_page_link_without_the_site_pager(url, page_number, links, expected):
    html = "".join(f'<a href="{link}">x</a>' for link in links)
    assert next_page_link(page(url, html), page_number, is_article) == expected


def test_fallback_listing_links_are_on_site_article_links_once():
    html = ('<a href="/bai-mot-1.html">1</a><a href="https://b.vn/bai-hai-2.html">2</a>'
            '<a href="/chuyen-muc">c</a><a href="/bai-mot-1.html">again</a>'
            '<a href="https://www.a.vn/bai-ba-3.html">3</a>')
    spider = SimpleNamespace(allowed_domains=["a.vn"],
                             canonical_article_url=lambda url: url if is_article(url) else None)
    assert fallback_listing_links(page("https://a.vn/x", html), spider) == [
        "https://a.vn/bai-mot-1.html", "https://www.a.vn/bai-ba-3.html"]
