"""The mic.gov.vn SharePoint replica: windows-1258, pagination walks, the mic ministry
across the 2025-03-01 merger, URL patterns (and moet's archive URLs and feed; moet's 2026
portal: tests/test_replica_vhv.py)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ, now_vn
from newscrawler.replica import load_site
from newscrawler.replica.sharepoint_moet_mic import encode_cp1258
from newscrawler.replica.truth import truth_records
from newscrawler.spiders.mic import MicSpider
from newscrawler.spiders.moet import MoetSpider

NOW = datetime(2025, 11, 20, 9, 30, tzinfo=VN_TZ)


def fetch(site, url: str) -> tuple[int, dict[str, str], bytes]:
    return site.handle(url.split(site.domain, 1)[1] or "/", NOW)


def response(site, url: str, with_headers: bool = True) -> HtmlResponse:
    status, headers, body = fetch(site, url)
    assert status == 200, url
    return HtmlResponse(url=url, body=body, headers=headers if with_headers else None)


def corpus_texts(site) -> list[str]:
    texts = [c.name for c in site.spec.categories]
    for article in site.corpus.articles:
        texts += [article.title, article.lead, *article.paragraphs, *article.authors,
                  *article.tags, article.source or ""]
        texts += [image["caption"] or "" for image in article.images]
    return texts


# --- windows-1258 -------------------------------------------------------------------


def test_cp1258_encoding_matches_the_research_example():
    # research §4.2: tone marks become combining characters after the precomposed vowel.
    encoded = encode_cp1258("Việt Nam – Bộ Công Thương, đường dây nóng")
    assert encoded.startswith(b"Vi\xea\xf2t Nam \x96 B\xf4\xf2")
    assert unicodedata.normalize("NFC", encoded.decode("cp1258")) == (
        "Việt Nam – Bộ Công Thương, đường dây nóng")


def test_cp1258_round_trips_the_whole_mic_corpus():
    site = load_site("mic")
    texts = corpus_texts(site)
    assert all(text == unicodedata.normalize("NFC", text) for text in texts)
    failures = [text for text in texts
                if unicodedata.normalize("NFC", encode_cp1258(text).decode("cp1258")) != text]
    assert failures == []


def test_mic_pages_are_windows_1258_and_extract_to_nfc_text():
    site = load_site("mic")
    article = site.corpus.articles[0]
    status, headers, body = fetch(site, article.url)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=windows-1258"
    assert b'<meta charset="windows-1258">' in body[:1024]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    # Decoded by the header, and by the <meta> alone (as the stored fixtures are).
    for with_headers in (True, False):
        page = response(site, article.url, with_headers)
        assert page.encoding == "cp1258"
        fields = extract_article(page, MicSpider.selectors, fetched_at=now_vn()).fields
        assert fields["title"] == unicodedata.normalize("NFC", article.title)
        assert fields["lead"] == article.lead


# --- the mic ministry across the merger ---------------------------------------------


def test_mic_truth_gives_each_article_the_ministry_of_its_day():
    records = truth_records("mic")
    days = {record["ministry"]: set() for record in records}
    for record in records:
        day = date.fromisoformat(record["published_at"][:10])
        days[record["ministry"]].add(day)
        assert record["ministry"] == MicSpider.ministry_on(day)
    assert set(days) == {"Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"}
    assert max(days["Bộ Thông tin và Truyền thông"]) < date(2025, 3, 1)
    assert min(days["Bộ Khoa học và Công nghệ"]) >= date(2025, 3, 1)


def test_mic_is_disabled_and_moet_enabled():
    assert MicSpider.enabled is False
    assert MoetSpider.enabled is True


# --- pagination walks ---------------------------------------------------------------


def walk(spider, site, start_url: str) -> tuple[list[str], set[str]]:
    """The spider's own listing walk over the replica: (pages fetched, article URLs)."""
    pages, found, url, page = [], set(), start_url, 1
    while url:
        pages.append(url)
        listing = response(site, url)
        for link in listing.css(spider.listing_link_css).getall():
            link = listing.urljoin(link)
            if spider.is_article_url(link):
                status, headers, _ = fetch(site, link)
                found.add(headers["Location"] if status == 301 else link)
        url = next(iter(spider.next_listing_urls(listing, page)), None)
        page += 1
        assert page < 50, "the walk does not stop"
    return pages, found


@pytest.mark.parametrize("spider_cls", [MicSpider], ids=["mic"])
def test_listing_walks_find_every_article_and_stop_after_the_last_page(spider_cls):
    spider = spider_cls()
    site = load_site(spider.name)
    found_all = set()
    for start_url in spider.listing_urls:
        pages, found = walk(spider, site, start_url)
        category = next(article.category for article in site.corpus.articles
                        if article.url in found)
        expected = {article.url for article in site.corpus.in_category(category)}
        assert found == expected
        # Every page once, plus the page past the end that shows nothing new.
        assert len(pages) == -(-len(expected) // 10) + 1
        found_all |= found
    assert found_all == {article.url for article in site.corpus.articles}


def test_mic_page_urls_follow_the_documented_path():
    url = "https://www.mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/1748/1/Vien-thong.html"
    assert MicSpider().listing_page_url(url, 2) == url.replace("/1748/1/", "/1748/2/")


# --- dates and URL patterns ---------------------------------------------------------


def test_article_patterns_keep_print_document_listing_and_video_links_out():
    moet, mic = MoetSpider(), MicSpider()
    moet_article = "https://moet.gov.vn/tintuc/Pages/tin-tong-hop.aspx?ItemID=18213"
    assert moet.is_article_url(moet_article)
    assert not moet.is_article_url(moet_article + "&IsPrint=1")
    assert not moet.is_article_url(
        "https://moet.gov.vn/van-ban/Pages/chi-tiet-van-ban.aspx?ItemID=1540")
    assert not any(moet.is_article_url(url) for url in moet.listing_urls)
    assert not any(mic.is_article_url(url) for url in mic.listing_urls)
    assert mic.is_article_url(
        "https://www.mic.gov.vn/mic_2020/Pages/TinTuc/tinchitiet.aspx?tintucid=158454")
    assert not mic.is_article_url(
        "https://www.mic.gov.vn/mic_2020/Pages/Video/17481/Video-Vien-thong.html")


def test_moet_feed_and_mic_listings_carry_links_that_are_not_articles():
    moet, mic = load_site("moet"), load_site("mic")
    status, headers, feed = fetch(moet, "https://moet.gov.vn/rss/Pages/index.aspx")
    assert status == 200 and headers["Content-Type"].startswith("text/xml")
    assert b"/van-ban/Pages/chi-tiet-van-ban.aspx?ItemID=" in feed
    listing = response(mic, MicSpider.listing_urls[0])
    links = [listing.urljoin(href) for href in listing.css(MicSpider.listing_link_css).getall()]
    assert any("/Pages/Video/" in link for link in links)
    assert any("tinchitiet.aspx" in link for link in links)


def test_mic_old_article_urls_redirect_to_the_canonical_one():
    site = load_site("mic")
    article = site.corpus.articles[5]
    status, headers, _ = fetch(site, f"https://www.mic.gov.vn/mic_2020/Pages/TinTuc/"
                                     f"tinchitiet.aspx?tintucid={article.key}")
    assert (status, headers["Location"]) == (301, article.url)
    wrong_slug = article.url.rsplit("/", 1)[0] + "/Sai-Duong-Dan.html"
    assert fetch(site, wrong_slug)[:2] == (301, {**headers, "Location": article.url})
