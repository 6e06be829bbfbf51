"""The MasterCMS pager as the spiders follow it, on markup typed from the facts.

Pager `div.grNextPage.__MB_ARTICLE_PAGING lt`, next = its 2nd-last `a` (idx:48417647467);
listing pages `<category>&s_cond=&BRSR=<offset>`, step 15 or 20 (vn_sites_2026 §1). What the
last page shows is not documented: each plausible variant must end the walk.
"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from newscrawler.spiders.congthuong import CongthuongSpider
from newscrawler.spiders.mastercms import brsr_offset
from newscrawler.spiders.thoibaonganhang import ThoibaonganhangSpider
from newscrawler.urls import canonicalize_url


def pager_page(url: str, links: str) -> HtmlResponse:
    html = f'<html><body><div class="grNextPage __MB_ARTICLE_PAGING lt">{links}</div></body></html>'
    return HtmlResponse(url=url, body=html.encode(), encoding="utf-8")


@pytest.mark.parametrize("spider_cls, origin", [
    (CongthuongSpider, "https://congthuong.vn"),
    (ThoibaonganhangSpider, "https://thoibaonganhang.vn"),
])
@pytest.mark.parametrize("step", [15, 20])
def test_the_pager_leads_from_page_to_page_by_offset(spider_cls, origin, step):
    first = pager_page(f"{origin}/thoi-su", (
        f'<span>1</span><a href="/thoi-su&s_cond=&BRSR={step}">2</a>'
        f'<a href="/thoi-su&s_cond=&BRSR={step}">›</a>'
        f'<a href="/thoi-su&s_cond=&BRSR={4 * step}">»</a>'))
    assert list(spider_cls().next_listing_urls(first, 1)) == [
        f"{origin}/thoi-su&s_cond=&BRSR={step}"]
    second = pager_page(f"{origin}/thoi-su&s_cond=&BRSR={step}", (
        f'<a href="/thoi-su">«</a><a href="/thoi-su">‹</a><a href="/thoi-su">1</a><span>2</span>'
        f'<a href="/thoi-su&s_cond=&BRSR={2 * step}">3</a>'
        f'<a href="/thoi-su&s_cond=&BRSR={2 * step}">›</a>'
        f'<a href="/thoi-su&s_cond=&BRSR={4 * step}">»</a>'))
    assert list(spider_cls().next_listing_urls(second, 2)) == [
        f"{origin}/thoi-su&s_cond=&BRSR={2 * step}"]


@pytest.mark.parametrize("links", [
    # "›" and "»" dropped: the 2nd-last link is page 4, backwards.
    '<a href="/thoi-su">«</a><a href="/thoi-su&s_cond=&BRSR=45">4</a><span>5</span>'
    '<a href="/thoi-su&s_cond=&BRSR=30">3</a><a href="/thoi-su&s_cond=&BRSR=45">4</a>',
    # "›" and "»" kept, both at the page itself.
    '<a href="/thoi-su&s_cond=&BRSR=45">4</a><span>5</span>'
    '<a href="/thoi-su&s_cond=&BRSR=60">›</a><a href="/thoi-su&s_cond=&BRSR=60">»</a>',
    # Only a "›" back to the first page (a wrapping pager).
    '<a href="/thoi-su&s_cond=&BRSR=45">4</a><a href="/thoi-su">›</a><span>5</span>',
    # No links at all, or a script link.
    "<span>5</span>",
    '<a href="javascript:void(0)">›</a><a href="#">»</a>',
])
def test_the_last_page_ends_the_walk(links):
    last = pager_page("https://congthuong.vn/thoi-su&s_cond=&BRSR=60", links)
    assert list(CongthuongSpider().next_listing_urls(last, 5)) == []


def test_a_step_past_the_end_is_followed_once_and_its_empty_page_ends_the_walk():
    last = pager_page("https://congthuong.vn/thoi-su&s_cond=&BRSR=60",
                      '<span>5</span><a href="/thoi-su&s_cond=&BRSR=75">›</a>'
                      '<a href="/thoi-su&s_cond=&BRSR=60">»</a>')
    assert list(CongthuongSpider().next_listing_urls(last, 5)) == [
        "https://congthuong.vn/thoi-su&s_cond=&BRSR=75"]
    empty = HtmlResponse(url="https://congthuong.vn/thoi-su&s_cond=&BRSR=75",
                         body=b"<html><body><p>Kh\xc3\xb4ng c\xc3\xb3</p></body></html>")
    assert list(CongthuongSpider().next_listing_urls(empty, 6)) == []


@pytest.mark.parametrize(("url", "offset"), [
    ("https://congthuong.vn/thoi-su", 0),
    ("https://congthuong.vn/thoi-su&s_cond=&BRSR=0", 0),
    ("https://congthuong.vn/chu-de/gia-ca-phe.topic&s_cond=&BRSR=30", 30),
    ("https://congthuong.vn/thoi-su?page=2", None),
])
def test_brsr_offsets(url, offset):
    assert brsr_offset(url) == offset


def test_canonicalisation_keeps_brsr_paths():
    for url in ("https://congthuong.vn/thoi-su&s_cond=&BRSR=15",
                "https://congthuong.vn/chu-de/gia-ca-phe.topic&s_cond=&BRSR=30"):
        assert canonicalize_url(url) == url
    assert canonicalize_url("http://www.congthuong.vn/thoi-su&s_cond=&BRSR=15#top") == \
        "https://congthuong.vn/thoi-su&s_cond=&BRSR=15"
