"""The moh.gov.vn (Liferay) and thoibaonganhang.vn (MasterCMS) replicas (and moit's truth),
walked with their own spiders' discovery code, without a crawl process."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ
from newscrawler.replica import load_site
from newscrawler.replica.truth import truth_records
from newscrawler.spiders.moh import MohSpider
from newscrawler.spiders.moit import MoitSpider
from newscrawler.spiders.thoibaonganhang import ThoibaonganhangSpider

NOW = datetime(2025, 11, 3, 8, 15, tzinfo=VN_TZ)
CONTENT = ("title", "lead", "body", "authors", "source", "published_at", "published_raw",
           "category", "tags", "images")


def spider_of(spider_cls):
    crawler = get_crawler(spider_cls, {"NEWSCRAWLER_MAX_LISTING_PAGES": 500})
    return spider_cls.from_crawler(crawler)


def get(site, url: str) -> HtmlResponse:
    parts = urlsplit(url)
    status, _, body = site.handle(parts.path + (f"?{parts.query}" if parts.query else ""), NOW)
    assert status == 200, url
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def walk(site, spider, start: str) -> tuple[list[str], list[str]]:
    """(listing URLs visited, article URLs requested, in order) from one start listing;
    a pager link back to a visited page ends the walk, as in the spider."""
    visited, articles, url, page = [], [], start, 1
    while url and url not in visited:
        response = get(site, url)
        visited.append(url)
        links = [response.urljoin(h) for h in response.css(spider.listing_link_css).getall()]
        articles += [r.url for r in spider.article_requests(links)]
        url = next(iter(spider.next_listing_urls(response, page)), None)
        page += 1
        assert page < 50, "pager loops"
    return visited, list(dict.fromkeys(articles))


def same_content(site, spider_cls, url: str) -> dict:
    fields = extract_article(get(site, url), spider_cls.selectors, fetched_at=NOW).fields
    return {name: fields[name] for name in CONTENT}


@pytest.mark.parametrize("key, spider_cls", [
    ("moh", MohSpider), ("moit", MoitSpider),
])
def test_truth_ministry_agrees_with_the_spider(key, spider_cls):
    truth = truth_records(key)
    assert len(truth) >= 100
    for record in truth:
        day = datetime.fromisoformat(record["published_at"]).date()
        assert record["ministry"] == spider_cls.ministry_on(day)
        assert record["publisher"] == spider_cls.publisher
        assert spider_cls().is_article_url(record["url"]), record["url"]


# moh.gov.vn: tests/test_replica_moh.py; moit.gov.vn (VHV portal): tests/test_replica_vhv.py


# --- thoibaonganhang.vn: MasterCMS variant ---------------------------------------------


@pytest.fixture(scope="module")
def tbnh():
    return load_site("thoibaonganhang")


def test_tbnh_documented_date_markup(tbnh):
    article = tbnh.corpus.articles[7]
    page = get(tbnh, article.url)
    date = page.css("span.datetime")
    assert date.css("span.format_time::text").get() == f"{article.published:%H:%M}"
    assert date.css("span.format_date::text").get() == f"{article.published:%d/%m/%Y}"
    text = " ".join(date.xpath(".//text()").getall())
    assert re.sub(r"\s+", " ", text) == tbnh.published_raw(article)
    assert page.css('div.__MASTERCMS_CONTENT p[align="right"] > strong') or not (
        article.authors or article.source)
    assert page.css("p.detail-sapo::text").get() == article.lead


def test_tbnh_pager_walk_and_feed(tbnh):
    spider = spider_of(ThoibaonganhangSpider)
    category = tbnh.spec.categories[0].slug
    visited, articles = walk(tbnh, spider, f"https://thoibaonganhang.vn/{category}")
    assert articles == [a.url for a in tbnh.corpus.in_category(category)]
    assert len(visited) == -(-len(articles) // 15)
    status, _, body = tbnh.handle("/rss/home.rss", NOW)
    links = Selector(text=body.decode(), type="xml").xpath("//item/link/text()").getall()
    assert status == 200 and links == [a.url for a in tbnh.corpus.articles[:50]]


def test_tbnh_pages_carry_no_congthuong_branding(tbnh):
    article = tbnh.corpus.articles[0]
    pages = [get(tbnh, article.url).text, get(tbnh, "https://thoibaonganhang.vn/").text,
             tbnh.handle("/no-such-page", NOW)[2].decode(),
             tbnh.handle("/rss/home.rss", NOW)[2].decode()]
    for text in pages:
        assert "Báo Công Thương" not in text and "0866.59.4498" not in text
        assert "Thời báo Ngân hàng" in text or "THỜI BÁO NGÂN HÀNG" in text
    tag = get(tbnh, article.url).css("div.detail-tags a::attr(href)").get()
    assert tag.startswith("/tag/") and not ThoibaonganhangSpider().is_article_url(
        "https://thoibaonganhang.vn" + tag)


def test_tbnh_truth_names_the_state_bank():
    truth = truth_records("thoibaonganhang")
    assert {r["ministry"] for r in truth} == {"Ngân hàng Nhà nước Việt Nam"}
    assert {r["publisher"] for r in truth} == {"Thời báo Ngân hàng"}


def test_tbnh_2026_listing_preview_links_and_hidden_body_elements(tbnh):
    """Items `div.article[id^=article-] > h3.article-title > a.article-link` with
    `span.format_date` and no `.list-news` (2026-07-14); `/preview_article/t/` links
    (folded); hidden elements in the body container stay out of the body."""
    category = tbnh.spec.categories[1].slug
    page = get(tbnh, f"https://thoibaonganhang.vn/{category}")
    assert page.css(".list-news").getall() == []
    items = page.xpath("//div[@class='article'][starts-with(@id, 'article-')]")
    links = items.xpath("./h3[@class='article-title']/a[@class='article-link']/@href").getall()
    assert len(links) > 10 and items.css("span.format_date").getall()
    previews = [h for c in tbnh.spec.categories for h in get(
        tbnh, f"https://thoibaonganhang.vn/{c.slug}").css("a.article-link::attr(href)").getall()
        if "/preview_article/t/" in h]
    assert previews
    spider = ThoibaonganhangSpider()
    for href in previews:
        canonical = spider.canonical_article_url(href)
        assert canonical == href.replace("/preview_article/t/", "/")
        assert get(tbnh, href).css("h1.detail-title").get()
    article = tbnh.corpus.articles[2]
    fields = same_content(tbnh, ThoibaonganhangSpider, article.url)
    assert article.lead not in fields["body"] and "__MB_ARTICLE_ID" not in fields["body"]
