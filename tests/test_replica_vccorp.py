"""The baochinhphu.vn replica (VCCorp-style CMS) and its spider, in-process: ids that encode
the publication time, the timeline walk and where it stops, pages in NFD, the sapo
dateline, and URL kinds the article pattern must keep out."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import pytest
from scrapy.http import HtmlResponse, XmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ, now_vn
from newscrawler.replica import load_site
from newscrawler.replica.truth import truth_records
from newscrawler.replica.vccorp import FEED_SIZE, PAGE_SIZE, timed_id
from newscrawler.spiders.baochinhphu import BaochinhphuSpider

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=VN_TZ)
ORIGIN = "https://baochinhphu.vn"


@pytest.fixture(scope="module")
def site():
    return load_site("baochinhphu")


@pytest.fixture(scope="module")
def spider():
    return BaochinhphuSpider()


def fetch(site, url: str) -> HtmlResponse:
    path = url.removeprefix(ORIGIN)
    status, headers, body = site.handle(path, NOW)
    return HtmlResponse(url=url, status=status, headers=headers, body=body)


def test_article_ids_encode_the_publication_time(site):
    keys = [article.key for article in site.corpus.articles]
    assert len(set(keys)) == len(keys) >= 100
    for article in site.corpus.articles:
        match = re.search(site.spec.article_key_pattern, article.url)
        assert match and int(match.group(1)) == article.key
        assert str(article.key)[:13] == "102" + article.published.strftime("%y%m%d%H%M")
    # The documented example: ...-102251013174542881.htm is 2025-10-13 17:45:42.
    example = timed_id(datetime(2025, 10, 13, 17, 45, tzinfo=VN_TZ), 0)
    assert str(example).startswith("1022510131745") and len(str(example)) == 18


def walk(site, spider, category_url: str):
    """Follow the spider's listing logic from a category page; returns (links, pages)."""
    links, pages, page, url = [], [], 1, category_url
    while url is not None:
        assert len(pages) < 50, "the walk does not stop"
        response = fetch(site, url)
        assert response.status == 200
        pages.append(url)
        links += [response.urljoin(href) for href in response.css(spider.listing_link_css).getall()]
        following = list(spider.next_listing_urls(response, page))
        assert len(following) <= 1
        url, page = (following[0] if following else None), page + 1
    return links, pages


@pytest.mark.parametrize("slug, zone", [("kinh-te", 1027), ("tra-loi-cong-dan", 102301),
                                        ("xa-hoi/phap-luat", 102808)])
def test_timeline_walk_finds_every_article_once_and_stops_after_the_last_page(
        site, spider, slug, zone):
    expected = [article.url for article in site.corpus.in_category(slug)]
    links, pages = walk(site, spider, f"{ORIGIN}/{slug}.htm")
    assert links == expected  # newest first, each once: the focus box is not listing
    last = -(-len(expected) // PAGE_SIZE)
    # Page 1 is the category page; fragments 2..last, then one empty fragment ends it.
    assert pages == [f"{ORIGIN}/{slug}.htm"] + [
        f"{ORIGIN}/timelinelist/{zone}/{number}.htm" for number in range(2, last + 2)]
    assert fetch(site, pages[-1]).body == b""


def test_category_page_has_the_zone_id_and_no_pager_link(site):
    response = fetch(site, f"{ORIGIN}/kinh-te.htm")
    assert response.css("#hdZoneId::attr(value)").get() == "1027"
    assert response.css(".list__viewmore a::attr(href)").get() == "javascript:;"
    assert "timelinelist" not in response.text  # the spider has to build those URLs


def test_unknown_zone_and_page_zero_are_empty_fragments(site, spider):
    for url in (f"{ORIGIN}/timelinelist/999/2.htm", f"{ORIGIN}/timelinelist/1027/0.htm"):
        response = fetch(site, url)
        assert response.body == b""
        assert list(spider.next_listing_urls(response, 2)) == []


def test_pages_are_served_in_nfd_and_truth_is_nfc(site):
    article = site.corpus.articles[0]
    for url in (article.url, f"{ORIGIN}/kinh-te.htm", f"{ORIGIN}/timelinelist/1027/2.htm"):
        text = fetch(site, url).text
        assert unicodedata.is_normalized("NFD", text)
        assert not unicodedata.is_normalized("NFC", text)
    _, _, feed = site.handle("/rss/home.rss", NOW)
    assert not unicodedata.is_normalized("NFC", feed.decode("utf-8"))
    record = truth_records("baochinhphu")[0]
    assert all(unicodedata.is_normalized("NFC", record[field])
               for field in ("title", "lead", "body", "category"))


CHECKED_FIELDS = ("title", "lead", "body", "authors", "source", "published_at",
                  "published_raw", "category")


def test_extraction_of_nfd_pages_gives_the_nfc_truth(site, spider):
    truth = {record["url"]: record for record in truth_records("baochinhphu")}
    # A spread of articles: top-of-page and closing bylines, sources, sub-categories.
    for article in site.corpus.articles[:40:3]:
        response = fetch(site, article.url)
        fields = extract_article(response, spider.selectors, fetched_at=now_vn()).fields
        expected = truth[article.url]
        assert {f: fields[f] for f in CHECKED_FIELDS} == {f: expected[f] for f in CHECKED_FIELDS}


def test_sapo_shows_a_dateline_the_lead_drops(site, spider):
    article = site.corpus.articles[5]
    response = fetch(site, article.url)
    sapo = unicodedata.normalize("NFC", response.css("h2.detail-sapo::text").get())
    assert sapo == f"(Chinhphu.vn) - {article.lead}"


@pytest.mark.parametrize("sapo, lead", [
    ("(Chinhphu.vn) - Sáng 13/10, Thủ tướng chủ trì hội nghị Việt Nam - Lào.",
     "Sáng 13/10, Thủ tướng chủ trì hội nghị Việt Nam - Lào."),
    ("Sáng 13/10, Thủ tướng chủ trì hội nghị Việt Nam - Lào.",
     "Sáng 13/10, Thủ tướng chủ trì hội nghị Việt Nam - Lào."),
])
def test_lead_selector_drops_only_a_dateline(spider, sapo, lead):
    html = (f'<html><body><h1 class="detail-title">Tiêu đề</h1><h2 class="detail-sapo '
            f'mb-2">{sapo}</h2><div class="detail-content afcbc-body clearfix" '
            'data-role="content"><p>Nội dung bài viết.</p></div></body></html>')
    response = HtmlResponse(url=f"{ORIGIN}/a-102251013174542881.htm", body=html.encode())
    assert extract_article(response, spider.selectors, fetched_at=now_vn()).fields["lead"] == lead


def test_related_box_in_the_body_is_rendered_and_not_extracted(site, spider):
    article = next(a for a in site.corpus.articles[1:]
                   if 'type-6' in fetch(site, a.url).text)
    response = fetch(site, article.url)
    box = response.css("div.detail-content div.VCSortableInPreviewMode.alignCenter.type-6")
    titles = [unicodedata.normalize("NFC", t) for t in box.css("a::attr(title)").getall()]
    body = extract_article(response, spider.selectors, fetched_at=now_vn()).fields["body"]
    assert titles and not any(title in body for title in titles)


def test_article_pattern_keeps_listing_tag_print_and_timeline_urls_out(site, spider):
    article = site.corpus.articles[0]
    response = fetch(site, article.url)
    hrefs = {response.urljoin(h) for h in response.css("a::attr(href)").getall()}
    others = {h for h in hrefs if re.search(r"/(tag|print|tac-gia)/", h)}
    assert {"tag", "print"} <= {re.search(r"/(tag|print|tac-gia)/", h).group(1) for h in others}
    rejected = others | {f"{ORIGIN}/kinh-te.htm", f"{ORIGIN}/chinh-tri/doi-ngoai.htm",
                         f"{ORIGIN}/timelinelist/1027/2.htm", f"{ORIGIN}/rss/home.rss"}
    assert not any(spider.is_article_url(url) for url in rejected)
    assert spider.is_article_url(article.url)


def test_wrong_slug_redirects_and_unknown_id_is_404(site):
    article = site.corpus.articles[3]
    status, headers, _ = site.handle(f"/sai-duong-dan-{article.key}.htm", NOW)
    assert (status, headers["Location"]) == (301, article.url)
    assert site.handle("/khong-co-102000101000000000.htm", NOW)[0] == 404


def test_feeds_list_the_newest_articles_of_their_section(site):
    _, headers, body = site.handle("/rss/kinh-te.rss", NOW)
    response = XmlResponse(url=f"{ORIGIN}/rss/kinh-te.rss", headers=headers, body=body)
    links = response.xpath("//item/link/text()").getall()
    assert links == [a.url for a in site.corpus.in_category("kinh-te")[:FEED_SIZE]]
    assert site.handle("/rss/khong-co.rss", NOW)[0] == 404


def test_spider_metadata_agrees_with_the_replica(site, spider):
    assert spider.publisher == site.spec.publisher
    for article in site.corpus.articles[::50]:
        assert spider.ministry_on(article.published.date()) == site.spec.ministry
    assert spider.article_key_pattern == site.spec.article_key_pattern
