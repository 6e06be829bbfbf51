"""The moh.gov.vn (Liferay) replica, walked with the moh spider's own discovery code
without a crawl process. Expectations come from the facts of vn_sites_2026 §10 (typed
here), and from the replica's corpus for which articles exist, never from a constant the
spider and the replica share."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ
from newscrawler.replica import load_site
from newscrawler.spiders.moh import MohSpider

NOW = datetime(2025, 11, 3, 8, 15, tzinfo=VN_TZ)
ROOT = "https://moh.gov.vn"
CATEGORIES = ("hoat-dong-cua-lanh-dao-bo", "tin-tong-hop", "hoat-dong-cua-dia-phuong",
              "tin-lien-quan")  # S1, 2021-07


@pytest.fixture(scope="module")
def moh():
    return load_site("moh")


@pytest.fixture(scope="module")
def spider():
    crawler = get_crawler(MohSpider, {"NEWSCRAWLER_MAX_LISTING_PAGES": 500})
    return MohSpider.from_crawler(crawler)


def fetch(site, url: str) -> tuple[int, HtmlResponse]:
    parts = urlsplit(url)
    status, _, body = site.handle(parts.path + (f"?{parts.query}" if parts.query else ""), NOW)
    return status, HtmlResponse(url=url, body=body, encoding="utf-8")


def get(site, url: str) -> HtmlResponse:
    status, response = fetch(site, url)
    assert status == 200, url
    return response


def walk(site, spider, start: str) -> tuple[list[str], list[HtmlResponse], list[str]]:
    """(listing URLs visited, their responses, article URLs in order) from one start
    listing; a pager link back to a visited page ends the walk, as in the spider."""
    visited, pages, articles, url, page = [], [], [], start, 1
    while url and url not in visited:
        response = get(site, url)
        visited.append(url)
        pages.append(response)
        articles += spider.listing_article_urls(response)
        url = next(iter(spider.next_listing_urls(response, page)), None)
        page += 1
        assert page < 50, "pager loops"
    return visited, pages, list(dict.fromkeys(articles))


def slug_without_d(title: str) -> str:
    """The 2021-2026 fact typed as a rule: 'chủ động ứng phó' -> 'chu-ong-ung-pho'."""
    text = unicodedata.normalize("NFD", title.lower().replace("đ", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def test_slugs_drop_d_stroke(moh):
    titled = [a for a in moh.corpus.articles if "đ" in a.title.lower()]
    assert titled, "the corpus has titles with đ"
    for article in moh.corpus.articles:
        assert urlsplit(article.url).path.endswith(f"/content/{slug_without_d(article.title)}")
    assert slug_without_d("Chủ động ứng phó") == "chu-ong-ung-pho"


def test_categories_have_their_own_instance_ids(moh):
    ids = {urlsplit(a.url).path.split("/")[4] for a in moh.corpus.articles}
    assert len(ids) == len(CATEGORIES)
    assert all(re.fullmatch(r"[A-Za-z0-9]{12}", x) for x in ids)


@pytest.mark.parametrize("category", CATEGORIES)
def test_pager_walk_finds_every_article_once(moh, spider, category):
    visited, pages, found = walk(moh, spider, f"{ROOT}/{category}")
    wanted = moh.corpus.in_category(category)
    # A friendly `/web/guest/-/<slug>` link cannot be folded before the fetch.
    folded = [moh.by_friendly[urlsplit(u).path].url if "/web/guest/-/" in u else u
              for u in found]
    assert folded == [a.url for a in wanted]
    assert len(visited) == -(-len(wanted) // 20)  # delta=20, no detour via delta menus
    for url in visited[1:]:
        query = parse_qs(urlsplit(url).query)
        instance = query["p_p_id"][0].removeprefix("101_INSTANCE_")
        assert query[f"_101_INSTANCE_{instance}_delta"] == ["20"]
    assert not any("/vi_VN/" in u or ":443" in u for u in found)


def test_listings_mix_the_evidenced_link_forms_and_both_pagers(moh, spider):
    pages = [page for category in CATEGORIES
             for page in walk(moh, spider, f"{ROOT}/{category}")[1]]
    html = "".join(page.text for page in pages)
    for form in ("href=\"/vi_VN/", "https://moh.gov.vn:443/", "href=\"/web/guest/-/",
                 "href=\"/web/guest/", "location.href='", "inheritRedirect=false"):
        assert form in html, form
    assert any(p.css("h3.asset-title a") and p.css("span.time") for p in pages)
    nexts = {label for p in pages for label in p.css("a::text").getall()
             if label in ("Tiếp", "Tiếp theo")}
    assert nexts == {"Tiếp", "Tiếp theo"}  # the 2023 button and the 6.2 iterator
    # Some articles are linked only by an onclick handler on their item.
    onclick_only = [d for p in pages for d in p.css("div[onclick]") if not d.css("a")]
    assert onclick_only


def test_vi_vn_answers_502_and_web_guest_category_is_empty(moh, spider):
    article = moh.corpus.in_category("tin-tong-hop")[0]
    path = urlsplit(article.url).path
    assert fetch(moh, f"{ROOT}/vi_VN{path}")[0] == 502
    assert spider.canonical_article_url(f"{ROOT}/vi_VN{path}") == article.url
    status, guest = fetch(moh, f"{ROOT}/web/guest/tin-tong-hop")
    assert status == 200 and spider.listing_article_urls(guest) == []
    assert get(moh, f"{ROOT}/web/guest{path}").css("h3::text").get() == article.title


def test_friendly_url_page_gives_the_record_its_canonical_url(moh, spider):
    article = moh.corpus.in_category("tin-lien-quan")[2]
    friendly = f"{ROOT}/web/guest/-/{slug_without_d(article.title)}"
    assert spider.canonical_article_url(friendly) == friendly  # fetched as it is
    response = get(moh, friendly)
    extraction = extract_article(response, MohSpider.selectors, fetched_at=NOW)
    record = spider.build_article(response, extraction.fields, extraction.provenance, NOW)
    assert record.url == article.url and record.title == article.title
    direct = get(moh, article.url)
    fields = extract_article(direct, MohSpider.selectors, fetched_at=NOW).fields
    assert spider.build_article(direct, fields, {}, NOW).url == article.url


def test_next_page_from_a_tiep_theo_button_without_iterator_id(spider):
    ns = "_101_INSTANCE_k206Q9qkZOqn_"
    page2 = f"{ROOT}/tin-tong-hop?p_p_id=101_INSTANCE_k206Q9qkZOqn&{ns}cur=2"
    other = f"{ROOT}/tin-tong-hop?p_p_id=101_INSTANCE_zzzzzzzzzzzz&{ns}cur=2"
    html = (f'<ul class="pagination"><li><a href="{other.replace("&", "&amp;")}">2</a></li>'
            f'<li><a href="{page2.replace("&", "&amp;")}">Tiếp theo</a></li></ul>')
    response = HtmlResponse(url=f"{ROOT}/tin-tong-hop", body=html.encode(), encoding="utf-8")
    assert list(spider.next_listing_urls(response, 1)) == [page2]
    assert list(spider.next_listing_urls(response, 2)) == []


def test_print_and_tag_links_are_no_articles(moh, spider):
    article = get(moh, moh.corpus.in_category("tin-tong-hop")[0].url)
    print_link = article.css('a[title="In bài"]::attr(href)').get()
    tag_link = article.css(".taglib-asset-tags-summary a::attr(href)").get()
    for url in (print_link, tag_link, f"{ROOT}/tin-tong-hop"):
        assert spider.canonical_article_url(url) is None, url
        get(moh, url)  # served, so a looser pattern would have crawled them


def test_documented_detail_structure(moh):
    article = moh.corpus.in_category("tin-lien-quan")[3]
    page = get(moh, article.url)
    portlet = page.xpath('//*[starts-with(@id, "p_p_id_101_INSTANCE_")]')[0]
    assert portlet.xpath(".//div[1]/div[1]/h3/text()").get() == article.title  # S1 XPath
    content_id = portlet.xpath('.//div[@class="asset-content"]/@id').get()
    lead = page.xpath(f'//*[@id="{content_id}"]/div[1]/p/strong/text()').get()
    assert lead == article.lead
    assert page.css("div.journal-content-article") and "p_p_id" in page.text


def test_past_the_end_is_an_empty_listing(moh, spider):
    instance = urlsplit(moh.corpus.in_category("tin-tong-hop")[0].url).path.split("/")[4]
    url = (f"{ROOT}/tin-tong-hop?p_p_id=101_INSTANCE_{instance}"
           f"&_101_INSTANCE_{instance}_delta=20&_101_INSTANCE_{instance}_cur=99")
    page = get(moh, url)
    assert spider.listing_article_urls(page) == []
    assert list(spider.next_listing_urls(page, 99)) == []


def test_rss_lists_canonical_urls(moh):
    status, _, body = moh.handle("/rss/-/asset_publisher/7ng11fEWgASC/rss", NOW)
    links = Selector(text=body.decode(), type="xml").xpath("//item/link/text()").getall()
    assert status == 200 and len(links) == 20
    assert links == [a.url for a in moh.corpus.articles[:20]]
