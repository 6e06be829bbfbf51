"""The moh.gov.vn (Liferay), moit.gov.vn (2026 portal) and thoibaonganhang.vn (MasterCMS)
replicas, walked with their own spiders' discovery code, without a crawl process."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler import records
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


# --- moh.gov.vn: Liferay -------------------------------------------------------------


@pytest.fixture(scope="module")
def moh():
    return load_site("moh")


def test_moh_categories_have_their_own_instance_ids(moh):
    ids = set(moh.instances.values())
    assert len(ids) == len(moh.spec.categories) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9]{12}", x) for x in ids)


@pytest.mark.parametrize("category", ["tin-tong-hop", "hoat-dong-cua-dia-phuong"])
def test_moh_pager_walk_reads_the_instance_id_from_the_page(moh, category):
    spider = spider_of(MohSpider)
    visited, articles = walk(moh, spider, f"https://moh.gov.vn/{category}")
    expected = [a.url for a in moh.corpus.in_category(category)]
    assert articles == expected  # every article once, redirect parameters removed
    assert len(visited) == -(-len(expected) // 20)  # delta=20, no detour via delta menus
    instance = moh.instances[category]
    for url in visited[1:]:
        query = parse_qs(urlsplit(url).query)
        assert query["p_p_id"] == [f"101_INSTANCE_{instance}"]
        assert query[f"_101_INSTANCE_{instance}_delta"] == ["20"]


def test_moh_listing_links_carry_redirect_and_other_links_are_no_articles(moh):
    spider = spider_of(MohSpider)
    page = get(moh, "https://moh.gov.vn/tin-tong-hop")
    first = page.css(".asset-title a::attr(href)").get()
    assert "redirect=" in first and not spider.is_article_url(first)
    article = get(moh, [r.url for r in spider.article_requests([first])][0])
    print_link = article.css('a[title="In bài"]::attr(href)').get()
    tag_link = article.css(".taglib-asset-tags-summary a::attr(href)").get()
    for url in (print_link, tag_link, "https://moh.gov.vn/tin-tong-hop"):
        assert not spider.is_article_url(url), url
        get(moh, url)  # served, so a looser pattern would have crawled them
    assert "Tin tổng hợp" in get(moh, tag_link).css("h2::text").get()


def test_moh_documented_detail_structure(moh):
    article = moh.corpus.in_category("tin-lien-quan")[3]
    page = get(moh, article.url)
    portlet = f'//*[@id="p_p_id_101_INSTANCE_{moh.instances["tin-lien-quan"]}_"]'
    assert page.xpath(f"{portlet}//div[1]/div[1]/h3/text()").get() == article.title
    content_id = page.xpath(f'{portlet}//div[@class="asset-content"]/@id').get()
    lead = page.xpath(f'//*[@id="{content_id}"]/div[1]/p/strong/text()').get()
    assert lead == article.lead
    assert page.css("div.journal-content-article") and "p_p_id" in page.text


def test_moh_past_the_end_is_an_empty_listing(moh):
    instance = moh.instances["tin-tong-hop"]
    url = (f"https://moh.gov.vn/tin-tong-hop?p_p_id=101_INSTANCE_{instance}"
           f"&_101_INSTANCE_{instance}_delta=20&_101_INSTANCE_{instance}_cur=99")
    page = get(moh, url)
    assert page.css(".asset-abstract") == [] and page.css(".taglib-page-iterator") == []
    assert list(spider_of(MohSpider).next_listing_urls(page, 99)) == []


def test_moh_rss_lists_articles_of_the_truth(moh):
    status, headers, body = moh.handle("/rss/-/asset_publisher/7ng11fEWgASC/rss", NOW)
    links = Selector(text=body.decode(), type="xml").xpath("//item/link/text()").getall()
    assert status == 200 and len(links) == 20
    assert links == [a.url for a in moh.corpus.articles[:20]]


# --- moit.gov.vn: the 2026 portal and its re-filed articles ----------------------------


@pytest.fixture(scope="module")
def moit():
    return load_site("moit")


def test_moit_pager_walk_lists_current_and_old_filings(moit):
    spider = spider_of(MoitSpider)
    seen = []
    for category in moit.spec.categories:
        visited, articles = walk(moit, spider, f"https://moit.gov.vn/tin-tuc/{category.slug}")
        assert articles == [link for link, _ in moit.listed(category.slug)]
        assert visited[1:2] == [f"https://moit.gov.vn/tin-tuc/{category.slug}/trang-2"]
        seen += articles
    truth = {record["url"] for record in truth_records("moit")}
    assert set(seen) == truth | set(moit.superseded_urls)
    assert not truth & set(moit.superseded_urls)  # the truth has the newest filing only


def test_moit_refiled_articles_serve_the_same_content_under_both_urls(moit):
    assert len(moit.superseded_urls) == 8
    for old, new in moit.superseded_urls.items():
        old_path, new_path = urlsplit(old).path, urlsplit(new).path
        assert old_path.split("/")[2] != new_path.split("/")[2]  # another category
        assert old_path.removesuffix(".html").endswith(("-2024", "-2025"))  # slug lost the year
        old_fields = same_content(moit, MoitSpider, old)
        assert old_fields == same_content(moit, MoitSpider, new)
        assert old_fields["title"] and old_fields["body"]
        assert records.content_hash(old_fields["title"], old_fields["body"])


def test_moit_article_metadata_is_only_the_documented_one(moit):
    article = moit.corpus.articles[10]
    page = get(moit, article.url)
    meta = page.css('meta[property="article:published_time"]')
    assert meta.attrib["itemprop"] == "datePublished"
    assert meta.attrib["content"] == f"{article.published:%Y-%m-%dT%H:%M:%S}+0700"
    assert page.css('script[type="application/ld+json"], meta[property^="og:"], '
                    'link[rel=canonical]') == []


def test_moit_url_pattern_and_routes(moit):
    spider = MoitSpider()
    article = next(a for a in moit.corpus.articles if a.url.count("/") == 5)
    bare = next(a for a in moit.corpus.articles if a.url.count("/") == 4)
    page = get(moit, article.url)
    assert spider.is_article_url(article.url) and spider.is_article_url(bare.url)
    rejected = [page.css(".article-tools a::attr(href)").get(),
                page.urljoin(page.css(".article-tags a::attr(href)").get()),
                page.urljoin(page.css(".box-documents a::attr(href)").get()),
                "https://moit.gov.vn/tin-tuc/quoc-te/trang-2"]
    assert rejected[0].endswith("?print=1")
    assert [url for url in rejected if spider.is_article_url(url)] == []
    assert moit.handle("/rss", NOW)[0] == 404 and spider.feed_urls == []
    assert moit.handle("/tin-tuc/quoc-te/trang-1", NOW)[0] == 404
    empty = get(moit, "https://moit.gov.vn/tin-tuc/quoc-te/trang-40")
    assert empty.css(".news-item") == [] and empty.css("ul.pagination") == []


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
