"""The VCCorp-family replicas (baochinhphu.vn, mst.gov.vn) and their spiders, in-process:
ids as the real feed shows them, the timeline walk and where it stops, datelines, meta
dates, partly decomposed text, feeds and sitemaps, and URL kinds the pattern keeps out.

Expectations are typed from the facts of vn_sites_2026 §3, §9 and §14, not read from the
replica or spider modules."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime

import pytest
from scrapy.http import HtmlResponse, XmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ, now_vn
from newscrawler.replica import load_site
from newscrawler.replica.truth import truth_records
from newscrawler.spiders.baochinhphu import BaochinhphuSpider
from newscrawler.spiders.mst import MstSpider

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=VN_TZ)
ORIGIN = "https://baochinhphu.vn"
# vn_sites_2026 §3: "102" + YYMMDDhhmmss + up to 3 digits.
ID = re.compile(r"-(102)(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{0,3})\.htm$")


@pytest.fixture(scope="module")
def site():
    return load_site("baochinhphu")


@pytest.fixture(scope="module")
def spider():
    return BaochinhphuSpider()


def fetch(site, url: str) -> HtmlResponse:
    path = url.split(".vn", 1)[1]
    status, headers, body = site.handle(path, NOW)
    return HtmlResponse(url=url, status=status, headers=headers, body=body)


def test_ids_have_15_to_18_digits_and_an_id_time_that_is_not_the_publication_minute(site):
    lengths = Counter()
    differs = 0
    for article in site.corpus.articles:
        found = ID.search(article.url)
        assert found, article.url
        lengths[len(str(article.key))] += 1
        _, yy, mm, dd, hh, mi, ss, _ = found.groups()
        id_time = datetime(2000 + int(yy), int(mm), int(dd), int(hh), int(mi), int(ss),
                           tzinfo=VN_TZ)
        gap = (article.published - id_time).total_seconds() / 60
        assert -5.5 * 60 <= gap <= 9 * 24 * 60  # §3: -5.4 h … +8.9 days
        differs += id_time.replace(second=0) != article.published
    assert set(lengths) == {15, 16, 17, 18}
    assert lengths[18] > 0.8 * len(site.corpus.articles)
    assert differs > 0.9 * len(site.corpus.articles)


def walk(site, spider, category_url: str):
    """Follow the spider's listing logic from a category page; returns (links, pages)."""
    links, pages, page, url = [], [], 1, category_url
    while url is not None:
        assert len(pages) < 50, "the walk does not stop"
        response = fetch(site, url)
        assert response.status == 200
        pages.append(url)
        links += spider.listing_article_urls(response)
        following = list(spider.next_listing_urls(response, page))
        assert len(following) <= 1
        url, page = (following[0] if following else None), page + 1
    return links, pages


@pytest.mark.parametrize("slug, zone", [("kinh-te", 1027), ("tra-loi-cong-dan", 102301)])
def test_timeline_walk_finds_every_article_once_and_stops_after_the_last_page(
        site, spider, slug, zone):
    expected = [article.url for article in site.corpus.in_category(slug)]
    links, pages = walk(site, spider, f"{ORIGIN}/{slug}.htm")
    assert links == expected  # newest first, each once: the focus box is not listing
    assert pages[0] == f"{ORIGIN}/{slug}.htm"
    assert pages[1:] == [f"{ORIGIN}/timelinelist/{zone}/{n}.htm" for n in range(2, len(pages) + 1)]
    assert fetch(site, pages[-1]).body == b""


def test_listing_items_have_the_real_structure(site):
    response = fetch(site, f"{ORIGIN}/kinh-te.htm")
    item = response.css("div.box-stream.timeline_list div.box-stream-item")[0]
    link = item.css("div.box-stream-content > h2 > a.box-stream-link-title")
    assert link.attrib["data-type"] == "title" and link.attrib["data-linktype"] == "newsdetail"
    assert link.attrib["data-id"] == item.attrib["data-id"]
    assert item.css("a.box-stream-category::attr(href)").get() == "/kinh-te.htm"
    time = item.css("span.time-ago.box-stream-time")
    assert re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M", time.attrib["title"])
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", time.css("::text").get())
    assert item.css("p.box-stream-sapo[data-type=sapo]")


def test_datelines_come_in_the_real_variants_and_the_lead_drops_them(site, spider):
    truth = {record["url"]: record for record in truth_records("baochinhphu")}
    openings = Counter()
    for article in site.corpus.articles:
        response = fetch(site, article.url)
        sapo = unicodedata.normalize("NFC", response.css("h2.detail-sapo::text").get())
        opening = sapo[:len(sapo) - len(unicodedata.normalize("NFC", article.lead))]
        openings[opening] += 1
    assert openings["(Chinhphu.vn) - "] > 0.85 * len(site.corpus.articles)
    assert {"(Chinhphu.vn) – ", "(Chinhphu.vn)-", "(Chinhphu.vn) - (Chinhphu.vn) - ",
            "(Chinh phu.vn) - "} <= set(openings)
    for article in site.corpus.articles[:30]:
        fields = extract_article(fetch(site, article.url), spider.selectors,
                                 fetched_at=now_vn()).fields
        assert fields["lead"] == truth[article.url]["lead"]


def test_meta_dates_json_ld_and_modified_times(site, spider):
    edited = [a for a in site.corpus.articles if a.modified != a.published]
    assert edited and len(edited) < len(site.corpus.articles)
    article = edited[0]
    response = fetch(site, article.url)
    published = response.css('meta[property="article:published_time"]::attr(content)').get()
    modified = response.css('meta[property="article:modified_time"]::attr(content)').get()
    assert published.endswith("+07:00") and modified.endswith("+07:00") and published < modified
    assert '"@type": "NewsArticle"' in response.text and '"BreadcrumbList"' in response.text
    extraction = extract_article(response, spider.selectors, fetched_at=now_vn())
    assert (extraction.fields["published_at"], extraction.fields["modified_at"]) == (
        published, modified)


def test_body_noise_stays_out_and_the_closing_mark_stays_in(site, spider):
    truth = {record["url"]: record for record in truth_records("baochinhphu")}
    seen = Counter()
    for article in site.corpus.articles[:60]:
        response = fetch(site, article.url)
        text = response.text
        seen["type-2"] += "<!-- bonewsrelation -->" in text
        seen["type-6"] += "kbwscwl-relatedbox type-6" in text
        seen["end"] += article.paragraphs[-1].endswith("./.")
        assert re.search(r"</html><!--u: [^>]+-->\s*$", text)
        body = extract_article(response, spider.selectors, fetched_at=now_vn()).fields["body"]
        assert body == truth[article.url]["body"]
        titles = response.css("li.kbwscwlrl::attr(data-title)").getall()
        assert not any(unicodedata.normalize("NFC", title) in body for title in titles)
    assert seen["type-2"] and seen["type-6"] and seen["end"]


def test_a_few_titles_are_partly_decomposed_and_truth_is_nfc(site):
    mixed = [a for a in site.corpus.articles if not unicodedata.is_normalized("NFC", a.title)]
    assert 0 < len(mixed) < 0.1 * len(site.corpus.articles)
    title = mixed[0].title
    # Precomposed letter with its tone mark, then the combining shape mark (§3).
    assert any(ch in "\u0302\u0306\u031b" for ch in title)
    assert not unicodedata.is_normalized("NFD", title)
    records = {r["url"]: r for r in truth_records("baochinhphu")}
    assert records[mixed[0].url]["title"] == unicodedata.normalize("NFC", title)


def test_feeds_sitemap_and_the_dead_home_feed(site):
    status, headers, body = site.handle("/home.rss", NOW)
    response = XmlResponse(url=f"{ORIGIN}/home.rss", headers=headers, body=body)
    newest = response.xpath("//item/link/text()").get()
    assert status == 200 and newest == site.corpus.articles[0].url
    for date in response.xpath("//item/pubDate/text()").getall():
        assert re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M", date)
    _, _, kinh_te = site.handle("/kinh-te.rss", NOW)
    assert site.corpus.in_category("kinh-te")[0].url.encode() in kinh_te
    assert site.handle("/rss/home.rss", NOW)[0] == 404
    status, _, sitemap = site.handle("/sitemaps/google-news.xml", NOW)
    assert status == 200 and b"<news:publication_date>" in sitemap


def test_article_pattern_keeps_listing_tag_and_timeline_urls_out(site, spider):
    article = site.corpus.articles[0]
    response = fetch(site, article.url)
    tags = [response.urljoin(h) for h in response.css("ul.detail-tag-list a::attr(href)").getall()]
    assert tags and all(url.endswith(".html") for url in tags)
    rejected = {*tags, f"{ORIGIN}/kinh-te.htm", f"{ORIGIN}/chinh-tri/doi-ngoai.htm",
                f"{ORIGIN}/timelinelist/1027/2.htm", f"{ORIGIN}/home.rss"}
    assert not any(spider.is_article_url(url) for url in rejected)
    assert spider.is_article_url(article.url)


def test_wrong_slug_redirects_and_unknown_id_is_404(site):
    article = site.corpus.articles[3]
    status, headers, _ = site.handle(f"/sai-duong-dan-{article.key}.htm", NOW)
    assert (status, headers["Location"]) == (301, article.url)
    assert site.handle("/khong-co-102000101000000000.htm", NOW)[0] == 404


def test_mst_listing_sitemap_and_the_mic_host():
    mst, spider = load_site("mst"), MstSpider()
    status, headers, body = mst.handle("/tin-tuc-su-kien/chuyen-doi-so.htm", NOW)
    response = HtmlResponse(url="https://mst.gov.vn/tin-tuc-su-kien/chuyen-doi-so.htm",
                            status=status, headers=headers, body=body)
    expected = [a.url for a in mst.corpus.in_category("tin-tuc-su-kien/chuyen-doi-so")[:12]]
    # The page's own items first; the "Tin mới" box after them links newest articles too.
    assert spider.listing_article_urls(response)[:12] == expected
    assert all(url.startswith("https://mst.gov.vn/") for url in expected)
    hrefs = [href for category in mst.spec.categories for href in HtmlResponse(
        url="https://mst.gov.vn/", body=mst.handle(f"/{category.slug}.htm", NOW)[2]).css(
        "div.box-category-item a::attr(href)").getall()]
    other_host = [href for href in hrefs if href.startswith("https://mic.gov.vn/")]
    assert other_host  # §9: mic.gov.vn serves the same site; links fold to mst.gov.vn
    assert {spider.canonical_article_url(href) for href in other_host} <= {
        a.url for a in mst.corpus.articles}
    _, _, index = mst.handle("/sitemap.xml", NOW)
    months = re.findall(r"<loc>(https://mst\.gov\.vn/sitemaps/sitemaps-[\d-]+\.xml)</loc>",
                        index.decode())
    listed = []
    for month in months:
        listed += re.findall(r"<loc>([^<]+)</loc>",
                             mst.handle(month.removeprefix("https://mst.gov.vn"), NOW)[2].decode())
    assert sorted(listed) == sorted(a.url for a in mst.corpus.articles)
    assert mst.handle("/rss/home.rss", NOW)[0] == 200
    # §9: the CMS was mic.gov.vn's before the 2025-03-01 merger; its articles stay served.
    ministries = {(r["published_at"] < "2025-03-01", r["ministry"]) for r in truth_records("mst")}
    assert ministries == {(True, "Bộ Thông tin và Truyền thông"),
                          (False, "Bộ Khoa học và Công nghệ")}
