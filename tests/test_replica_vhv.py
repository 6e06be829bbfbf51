"""The VHV replicas (moit.gov.vn, moet.gov.vn), held to the 2026 facts (vn_sites_2026 §4,
§8) and read with their spiders' own parsers, without a crawl process. Expectations are
typed here from the facts, never taken from a replica or spider constant."""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ, iso_vn
from newscrawler.replica import load_site
from newscrawler.replica.truth import truth_records
from newscrawler.replica.vhv import nfd_slug
from newscrawler.spiders.moet import MoetSpider
from newscrawler.spiders.moit import MoitSpider

NOW = datetime(2026, 10, 6, 9, 0, tzinfo=VN_TZ)
VISIBLE = re.compile(r"^(?:Thứ [2-7]|Chủ nhật), (\d\d/\d\d/\d{4}) \| (\d\d:\d\d)$")


def get(site, url: str) -> HtmlResponse:
    parts = urlsplit(url)
    status, _, body = site.handle(parts.path + (f"?{parts.query}" if parts.query else ""), NOW)
    assert status == 200, url
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def pager_configs(page: HtmlResponse) -> list[dict]:
    return [json.loads(base64.b64decode(encoded))
            for encoded in re.findall(r"decode64\('([A-Za-z0-9+/=]+)'\)", page.text)]


@pytest.fixture(scope="module")
def moit():
    return load_site("moit")


@pytest.fixture(scope="module")
def moet():
    return load_site("moet")


@pytest.mark.parametrize("spider_cls", [MoitSpider, MoetSpider], ids=["moit", "moet"])
def test_page_one_of_every_category_reaches_exactly_the_truth(spider_cls):
    site, spider = load_site(spider_cls.name), spider_cls()
    found = []
    for url in spider.listing_urls:
        page = get(site, url)
        links = spider.listing_article_urls(page)
        assert 0 < len(links) <= 12  # §4: 12 items per page
        # §4: the pager lives only in script; no HTML pager link, no invented page 2.
        assert page.css("ul.pagination, a[href*='/trang-'], a[href*='pageNo']") == []
        assert list(spider.next_listing_urls(page, 1)) == []
        (config,) = pager_configs(page)
        assert config["pageNo"] == 1 and config["orderBy"] == "publishTime DESC"
        assert int(config["itemsPerPage"]) == 12 and int(config["totalItems"]) > 12
        found += links
    assert sorted(found) == sorted(record["url"] for record in truth_records(spider.name))


def test_moit_article_nests_the_body_in_the_outer_container(moit):
    article = next(a for a in moit.corpus.articles if a.tags)
    page = get(moit, article.url)
    outer = page.css("article.article-new div.article-content:not(.common-content)")
    assert len(outer) == 1
    # §12: the outer container holds title, lead, body and tags; the inner one the body.
    assert outer.css("h1.article-title") and outer.css("div.article-brief")
    assert outer.css("div.article-tags a.tag-news") and outer.css("div.common-content")
    inner = page.css("div.article-content.common-content")
    assert len(inner) == 1 and inner.css("h1, div.article-brief, a.tag-news") == []
    assert page.css("footer a[href='tel:0866.59.4498']")
    related = page.xpath("//article/following::*[contains(., 'Tin liên quan')]")
    assert related, "the 'Tin liên quan' panel follows the article"


def test_moit_visible_time_is_minutes_away_from_the_meta_time(moit):
    for article in moit.corpus.articles[:30]:
        page = get(moit, article.url)
        visible = page.css("span.post-date::text").get()
        day, clock = VISIBLE.match(visible).groups()
        shown = datetime.strptime(f"{day} {clock}", "%d/%m/%Y %H:%M").replace(tzinfo=VN_TZ)
        meta = page.css('meta[property="article:published_time"]::attr(content)').get()
        assert meta.endswith("+0700")
        stamped = datetime.strptime(meta, "%Y-%m-%dT%H:%M:%S%z")
        assert timedelta(0) < stamped - shown < timedelta(minutes=10)
        dc_date = page.css('meta[name="DC.Date"]::attr(content)').get()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d\+07\d\d:\d\d:\d\d", dc_date)  # malformed (§4)
        # The record takes the visible time, the truth too.
        fields = extract_article(page, MoitSpider.selectors, fetched_at=NOW).fields
        assert fields["published_at"] == iso_vn(shown)


def test_moit_listing_pages_carry_a_stale_published_time(moit):
    page = get(moit, MoitSpider.listing_urls[0])
    meta = page.css('meta[property="article:published_time"]::attr(content)').get()
    newest = max(a.published for a in moit.corpus.in_category("phat-trien-nang-luong"))
    assert meta and datetime.strptime(meta, "%Y-%m-%dT%H:%M:%S%z") < newest


def test_moit_url_shapes_of_the_facts(moit):
    paths = [urlsplit(r["url"]).path for r in truth_records("moit")]
    depths = {path.count("/") - 2 for path in paths}
    assert depths == {0, 1, 2}  # /tin-tuc/[<cat>/[<sub>/]]<slug>.html
    assert any(path.endswith("-.html") for path in paths)
    assert any(path.endswith("2.html") for path in paths)
    years = {int(r["published_at"][:4]) for r in truth_records("moit")}
    assert years & {2021, 2022} and 2026 in years  # old items mixed in (§4)
    categories = {r["category"] for r in truth_records("moit")}
    assert "Tin tức" in categories and len(categories) > 2


def test_nfd_slug_splits_tone_marks_into_hyphens():
    # §4: "bo-truo-ng-le-ma-nh-hu-ng-la-m-vie-c…" built from an NFD title.
    assert nfd_slug("Bộ trưởng Lê Mạnh Hùng làm việc") == "bo-truo-ng-le-ma-nh-hu-ng-la-m-vie-c"


def test_moit_links_that_are_no_articles(moit):
    spider = MoitSpider()
    page = get(moit, moit.corpus.articles[2].url)
    others = [page.urljoin(href) for href in page.css(
        "div.article-tags a::attr(href), div.pathway-category a::attr(href), "
        "nav a::attr(href), footer a::attr(href), div.article-share a::attr(href)").getall()]
    assert others and [url for url in others if spider.canonical_article_url(url)] == []
    assert moit.handle("/rss", NOW)[0] == 404


def test_moet_serves_the_archive_generation_in_both_spellings(moet):
    archive = [a for a in moet.corpus.articles if "ItemID=" in a.url]
    assert {"/tintuc/Pages/", "/tintuc/pages/"} <= {urlsplit(a.url).path[:14] for a in archive}
    for article in archive[:5]:
        page = get(moet, article.url)
        assert page.css("#news-title::text").get() == article.title
        other = article.url.replace("/Pages/", "/x/").replace("/pages/", "/Pages/") \
            .replace("/x/", "/pages/")
        assert moet.handle(urlsplit(other).path + "?" + urlsplit(other).query, NOW)[0] == 200
    assert len(archive) < len(moet.corpus.articles) / 2  # the 2026 URLs dominate


def test_moet_dates_are_read_per_generation(moet):
    spider = MoetSpider()
    for article in moet.corpus.articles:
        if article.published.day > 12:
            continue
        page = get(moet, article.url)
        fields = extract_article(page, MoetSpider.selectors, fetched_at=NOW,
                                 month_first=spider.month_first_for(page)).fields
        assert fields["published_at"] == iso_vn(article.published), article.url


def test_moet_feed_and_topic_pages(moet):
    spider = MoetSpider()
    status, headers, feed = moet.handle("/rss/Pages/index.aspx", NOW)
    assert status == 200 and headers["Content-Type"].startswith("text/xml")
    links = re.findall(rb"<link>([^<]+)</link>", feed)[1:]
    assert any(b"chi-tiet-van-ban" in link for link in links)
    assert {spider.canonical_article_url(link.decode()) is None for link in links} == {
        True, False}
    assert spider.canonical_article_url(
        "https://moet.gov.vn/tin-tuc-cot-phai/chuong-trinh-giao-duc-pho-thong") is None
