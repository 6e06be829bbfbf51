"""The SharePoint news template replicas (most, mt, moc) and their spiders' discovery:
pagination walks, URL patterns, documented control ids, dates, the mt merger."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract.dates import parse_date
from newscrawler.records import VN_TZ
from newscrawler.replica import load_site
from newscrawler.replica.sharepoint import PAGE_SIZE, _dotnet_vi, sharepoint_slug
from newscrawler.replica.truth import truth_records
from newscrawler.runner import spider_loader
from newscrawler.spiders.sharepoint import page_of, with_page

SITES = ("most", "mt", "moc")
NOW = datetime(2026, 1, 5, 9, 30, tzinfo=VN_TZ)


def fetch(site, url: str, now: datetime = NOW) -> HtmlResponse:
    path = url.split(site.domain, 1)[1]
    status, headers, body = site.handle(path, now)
    assert status == 200, url
    return HtmlResponse(url=url, body=body, headers=headers)


def spider_of(key: str):
    return spider_loader().load(key)()


def walk_listing(site, spider, start: str) -> tuple[list[int], set[str]]:
    """Follow a listing the way the spider does: its links, then its next pages."""
    pages, articles, url = [], set(), start
    while True:
        response = fetch(site, url)
        pages.append(page_of(url))
        for href in response.css(spider.listing_link_css).getall():
            canonical = spider.canonical_article_url(response.urljoin(href))
            assert canonical is not None, href
            articles.add(canonical)
        following = list(spider.next_listing_urls(response, len(pages)))
        if not following:
            return pages, articles
        assert len(following) == 1
        url = following[0]


@pytest.mark.parametrize("key", SITES)
def test_listing_walk_reaches_every_article_page_by_page(key):
    site, spider = load_site(key), spider_of(key)
    found = set()
    for start in spider.listing_urls:
        pages, articles = walk_listing(site, spider, start)
        category = next(c for c in site.spec.categories if f"/{c.slug}.aspx" in start)
        expected = {a.url for a in site.corpus.in_category(category.slug)}
        assert articles == expected
        assert pages == list(range(1, -(-len(expected) // PAGE_SIZE) + 1))
        found |= articles
    assert found == {article.url for article in site.corpus.articles}


def test_most_page_list_names_every_page_and_moc_pager_only_a_window():
    most = load_site("most")
    category = most.spec.categories[0]
    last = -(-len(most.corpus.in_category(category.slug)) // PAGE_SIZE)
    response = fetch(most, f"https://most.gov.vn/vn/chuyen-muc/{category.slug}.aspx?page=1")
    options = response.css(".Paging select option::attr(value)").getall()
    assert options == [str(n) for n in range(1, last + 1)] and last >= 4
    moc = load_site("moc")
    biggest = max(moc.spec.categories, key=lambda c: len(moc.corpus.in_category(c.slug)))
    last = -(-len(moc.corpus.in_category(biggest.slug)) // PAGE_SIZE)
    response = fetch(moc, f"https://moc.gov.vn/vn/chuyen-muc/{biggest.slug}.aspx?page=1")
    assert response.css(".Paging select").getall() == []
    numbers = {page_of(h) for h in response.css('[id$="_PhanTrang_D"] a::attr(href)').getall()}
    assert numbers == {1, 2, 3, last} and last >= 3  # a window: page 4 is named only later


@pytest.mark.parametrize("key", SITES)
def test_page_past_the_end_is_an_empty_list_without_next(key):
    site, spider = load_site(key), spider_of(key)
    url = with_page(spider.listing_urls[0], 99)
    response = fetch(site, url)
    assert response.css(spider.listing_link_css).getall() == []
    assert list(spider.next_listing_urls(response, 99)) == []


@pytest.mark.parametrize("key", SITES)
def test_article_pattern_keeps_listing_print_and_other_links_out(key):
    site, spider = load_site(key), spider_of(key)
    article = site.corpus.articles[3]
    response = fetch(site, article.url)
    hrefs = [response.urljoin(h) for h in response.css("a::attr(href)").getall()
             if not h.startswith(("javascript:", "#"))]
    assert any("/vn/chuyen-muc/" in h for h in hrefs)
    assert any("InTinTuc.aspx" in h for h in hrefs)
    accepted = {spider.canonical_article_url(h) for h in hrefs} - {None}
    rejected = [h for h in hrefs if spider.canonical_article_url(h) is None]
    corpus_urls = {a.url for a in site.corpus.articles}
    assert accepted and accepted <= corpus_urls  # related news only
    assert all("/vn/tin-tuc/" not in h for h in rejected)


def test_moc_listing_links_are_http_or_legacy_and_fold_to_the_https_article_url():
    """Items `<a href='http://moc.gov.vn/vn/tin-tuc/…'>` (2026-08 audit) and the legacy
    `chitiettin.aspx` endpoint (2026-09-28): both fold to one article URL."""
    site, spider = load_site("moc"), spider_of("moc")
    hrefs = [h for start in spider.listing_urls
             for h in fetch(site, start).css(spider.listing_link_css).getall()]
    modern = [h for h in hrefs if h.startswith("http://moc.gov.vn/vn/tin-tuc/")]
    legacy = [h for h in hrefs
              if h.startswith("http://moc.gov.vn/vn/Pages/chitiettin.aspx?ChuyenmucID=")]
    assert modern and legacy and len(modern) + len(legacy) == len(hrefs)
    articles = {a.url for a in site.corpus.articles}
    assert {spider.canonical_article_url(h) for h in hrefs} <= articles
    for href in legacy[:5]:  # the legacy endpoint serves the same article
        canonical = spider.canonical_article_url(href)
        article = next(a for a in site.corpus.articles if a.url == canonical)
        page = fetch(site, href.replace("http://", "https://"))
        assert page.css("#divArticleDescription3 h1::text").get() == article.title


def test_moc_feeds_and_the_second_pager_shape():
    site = load_site("moc")
    for feed in ("1176/tin-chi-dao--dieu-hanh", "1303/chien-luoc--quy-hoach--ke-hoach",
                 "1207/thong-tin---tu-lieu", "1196/gioi-thieu-van-ban-moi"):
        status, _, body = site.handle(f"/rss/{feed}.rss", NOW)
        assert status == 200 and body.count(b"<item>") >= 5, feed
    hrefs = [h for c in site.spec.categories for h in fetch(
        site, f"https://moc.gov.vn/vn/chuyen-muc/{c.slug}.aspx?page=1").css(
        '[id$="_PhanTrang_D"] a::attr(href)').getall()]
    assert any(h.startswith("/vn/Pages/chuyenmuctin.aspx?ChuyenmucID=") for h in hrefs)
    assert any(h.startswith("/vn/chuyen-muc/") for h in hrefs)


def test_moc_500s_hit_the_same_urls_every_time():
    site = load_site("moc")
    answers = [[site.handle(a.url.split("moc.gov.vn", 1)[1], NOW)[0]
                for a in site.corpus.articles] for _ in range(2)]
    assert answers[0] == answers[1] and set(answers[0]) == {200, 500}
    assert 0.05 < answers[0].count(500) / len(answers[0]) < 0.25


@pytest.mark.parametrize(("key", "control"), [
    ("most", "ctl00_SPWebPartManager1_g_275cd07f_7dd8_4f62_97b3_19577a1ec443_ctl00_pnNguontin"),
    ("mt", "ctl00_SPWebPartManager1_g_275cd07f_7dd8_4f62_97b3_19577a1ec443_ctl00_pnHide"),
    ("moc", "ctl00_SPWebPartManager1_g_9c0a5a28_df68_408d_abaa_1ef0666cf35c_ctl00_pnHide"),
])
def test_article_pages_carry_the_control_ids_of_s1(key, control):
    site = load_site(key)
    response = fetch(site, site.corpus.articles[0].url)
    assert response.css(f"#{control}")
    assert response.css("#divArticleDescription3 h1::text").get() == site.corpus.articles[0].title


@pytest.mark.parametrize("key", SITES)
def test_header_clock_is_the_request_time_not_the_article_date(key):
    site = load_site(key)
    article = site.corpus.articles[0]
    first = fetch(site, article.url, NOW).text
    later = fetch(site, article.url, datetime(2026, 2, 7, 8, 0, tzinfo=VN_TZ)).text
    assert "Thứ hai, ngày 05/01/2026" in first and "Thứ bảy, ngày 07/02/2026" in later
    assert first.replace("Thứ hai, ngày 05/01/2026", "") == \
        later.replace("Thứ bảy, ngày 07/02/2026", "")


def test_mt_truth_names_the_ministry_of_each_publication_date():
    records = truth_records("mt")
    spider_cls = spider_loader().load("mt")
    ministries = {r["ministry"] for r in records}
    assert ministries == {"Bộ Giao thông vận tải", "Bộ Xây dựng"}
    for record in records:
        day = date.fromisoformat(record["published_at"][:10])
        assert (record["ministry"] == "Bộ Xây dựng") == (day >= date(2025, 3, 1))
    assert spider_cls.enabled is False


@pytest.mark.parametrize(("hour", "minute", "shown"), [
    (0, 5, "01/03/2025 12:05:00 SA"), (12, 5, "01/03/2025 12:05:00 CH"),
    (23, 59, "01/03/2025 11:59:00 CH"), (9, 7, "01/03/2025 9:07:00 SA"),
])
def test_mt_dotnet_dates_round_trip_through_the_parser(hour, minute, shown):
    moment = datetime(2025, 3, 1, hour, minute, tzinfo=VN_TZ)
    assert _dotnet_vi(moment) == shown
    assert parse_date(shown) == moment


@pytest.mark.parametrize(("title", "slug"), [
    ("Thứ trưởng Bộ GTVT khảo sát, kiểm tra dự án luồng tàu biển sông Hậu",
     "thu-truong-bo-gtvt-khao-sat--kiem-tra-du-an-luong-tau-bien-song-hau"),
    ("Đà Nẵng: 1.055 doanh nghiệp tham gia", "da-nang--1-055-doanh-nghiep-tham-gia"),
])
def test_sharepoint_slug_keeps_one_hyphen_per_mark(title, slug):
    assert sharepoint_slug(title) == slug


def test_page_helpers():
    url = "https://moc.gov.vn/vn/chuyen-muc/1166/tin-cai-cach-hanh-chinh.aspx?page=3#x"
    assert page_of(url) == 3 and page_of(url.replace("page=3", "page=abc")) == 1
    assert with_page(url, 4) == url.replace("page=3#x", "page=4")
