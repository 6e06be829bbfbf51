"""Discovery without site selectors and the doctor's page checks, on markup typed here."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from newscrawler.autodiscovery import (
    fallback_listing_links,
    feed_links,
    in_scope,
    is_listing_candidate,
    listing_scope,
    rel_next_links,
    robots_sitemaps,
    section_links,
)
from newscrawler.doctor.checks import blocked_kind, robots_rules
from newscrawler.spiders.base import NewsSpider


class ExampleSpider(NewsSpider):
    name = "example"
    allowed_domains = ["example.gov.vn"]
    article_url_pattern = r"^https://example\.gov\.vn/tin-tuc/[a-z0-9-]+-\d+\.html$"


def page(url: str, body: str, head: str = "") -> HtmlResponse:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")


LISTING = page(
    "https://example.gov.vn/tin-tuc",
    '<ul class="new-layout"><li><a href="/tin-tuc/mot-bai-12.html">Một</a></li>'
    '<li><a href="https://example.gov.vn/tin-tuc/hai-bai-13.html#top">Hai</a></li>'
    '<li><a href="https://other.vn/tin-tuc/ba-bai-14.html">Khác</a></li></ul>'
    '<a href="/tin-tuc/mot-bai-12.html">Một lần nữa</a>'
    '<a href="/tin-tuc?page=2" rel="next">Sau</a><a href="/tin-tuc/the-thao">Thể thao</a>'
    '<a href="/gioi-thieu">Giới thiệu</a><a href="/tin-tuc?q=abc">Tìm</a>'
    '<a href="/tin-tuc/bao-cao.pdf">PDF</a>',
    '<link rel="alternate" type="application/rss+xml" href="/rss/tin-tuc.rss">'
    '<link rel="stylesheet" href="/style.css">',
)


def test_fallback_listing_links_are_the_on_site_article_links_once_each():
    assert fallback_listing_links(LISTING, ExampleSpider()) == [
        "https://example.gov.vn/tin-tuc/mot-bai-12.html",
        "https://example.gov.vn/tin-tuc/hai-bai-13.html",
    ]


def test_feeds_pager_and_sections_of_a_listing_page():
    assert feed_links(LISTING) == ["https://example.gov.vn/rss/tin-tuc.rss"]
    assert rel_next_links(LISTING) == ["https://example.gov.vn/tin-tuc?page=2"]
    scope = listing_scope("https://example.gov.vn/tin-tuc")
    assert section_links(LISTING, ExampleSpider(), [scope]) == [
        "https://example.gov.vn/tin-tuc?page=2", "https://example.gov.vn/tin-tuc/the-thao"]


def test_listing_scope_is_the_start_path_or_its_directory():
    assert listing_scope("https://x.gov.vn/tin-tuc/index.html") == ("x.gov.vn", "/tin-tuc/")
    scope = listing_scope("https://x.gov.vn/tin-tuc")
    assert in_scope("https://www.x.gov.vn/tin-tuc/a", scope)
    assert not in_scope("https://x.gov.vn/tin-tuc-khac", scope)
    assert not in_scope("https://y.gov.vn/tin-tuc", scope)
    assert is_listing_candidate("https://x.gov.vn/a?page=3")
    assert not is_listing_candidate("https://x.gov.vn/a?sort=new")
    assert not is_listing_candidate("https://x.gov.vn/a/b.JPG")


def test_robots_sitemaps_and_the_rules_for_our_agent():
    text = ("User-agent: *\nDisallow: /search\n\nUser-agent: newscrawler\nDisallow: /tmp\n"
            "Crawl-delay: 5\n# Sitemap: https://x.gov.vn/old.xml\n"
            "Sitemap: https://x.gov.vn/sitemap.xml\n")
    assert robots_sitemaps(text) == ["https://x.gov.vn/sitemap.xml"]
    assert robots_rules(text, "newscrawler/0.1 (+https://...)") == [
        "Disallow: /tmp", "Crawl-delay: 5"]
    assert robots_rules(text, "otherbot") == ["Disallow: /search"]
    assert robots_rules("", "newscrawler") == []


def test_a_block_notice_and_an_empty_shell_are_blocked_but_a_short_article_is_not():
    rejected = page("https://x.gov.vn/a", "<h1>Request Rejected</h1><p>The requested URL "
                    "was rejected. Please consult with your administrator.</p>")
    shell = page("https://x.gov.vn/a", '<div id="app"></div><script>boot()</script>')
    notice = page("https://x.gov.vn/a", "<h1>Thông báo nghỉ lễ</h1><p>Cơ quan thông báo "
                  "lịch nghỉ lễ Quốc khánh năm nay từ ngày 30 tháng 8 đến hết ngày 2 tháng 9, "
                  "các bộ phận trực theo phân công.</p>")
    assert blocked_kind(rejected) == "block notice"
    assert blocked_kind(shell) == "no content"
    assert blocked_kind(notice) is None


def test_the_doctor_knows_a_sites_own_block_page_as_the_crawl_does():
    # A site's denial page may be long (menus, footer); only its own marker gives it away.
    filler = "<p>" + "Cổng thông tin điện tử của cơ quan nhà nước, mục lục và liên kết. " * 30
    denied = page("https://x.gov.vn/a", f"<h1>Thông báo từ chối truy cập</h1>{filler}</p>")
    markers = {"access-denied": ("Thông báo từ chối truy cập",)}
    assert blocked_kind(denied) is None
    assert blocked_kind(denied, markers) == "block notice"
