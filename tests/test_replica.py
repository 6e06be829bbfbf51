"""The replica server and the congthuong.vn (MasterCMS) replica, over real HTTP."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import re
import signal
import subprocess
import sys
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs

import jsonschema
import pytest
from parsel import Selector

from newscrawler import records
from newscrawler.items import CONTENT_FIELDS, load_schema
from newscrawler.records import VN_TZ
from newscrawler.replica import load_site
from newscrawler.replica.corpus import build_corpus, slugify
from newscrawler.replica.seed import SEED_SLUG, SEED_URL
from newscrawler.replica.server import ReplicaServer, truth_main
from newscrawler.replica.truth import truth_records

from .test_crawl_congthuong import seed_lines

DOMAIN = "congthuong.vn"
SEED_CLOCK = datetime(2018, 9, 21, 11, 32, tzinfo=VN_TZ)  # the seed page's "today" bar
PAGER_NEXT = '//div[@class="grNextPage __MB_ARTICLE_PAGING lt"]//a[last()-1]/@href'


@pytest.fixture(scope="module")
def site():
    return load_site("congthuong")


@pytest.fixture(scope="module")
def server(site):
    with ReplicaServer([site], clock=lambda: SEED_CLOCK) as running:
        yield running


@pytest.fixture(scope="module")
def truth():
    return {record["url"]: record for record in truth_records("congthuong")}


def fetch(url: str, headers: dict[str, str] | None = None):
    """(status, headers, raw body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def replica_url(server: ReplicaServer, href: str) -> str:
    """What the routing middleware does: a real congthuong URL or path to the replica."""
    path = href.removeprefix(f"https://{DOMAIN}")
    assert path.startswith("/"), href
    return server.url(DOMAIN, path)


def page(server: ReplicaServer, href: str) -> Selector:
    status, _, body = fetch(replica_url(server, href))
    assert status == 200, href
    return Selector(text=body.decode("utf-8"))


def text_of(node) -> str:
    text = unicodedata.normalize("NFC", node.xpath("string(.)").get())
    return re.sub(r"\s+", " ", text).strip()


LISTED = ".article>h3>a::attr(href), a.article-title::attr(href)"


def brsr(href: str) -> int:
    """The offset of a MasterCMS listing path `<category>&s_cond=&BRSR=<offset>`."""
    path = href.removeprefix(f"https://{DOMAIN}")
    assert "?" not in path, href  # research §1: a path holding `&`, no query
    return int(parse_qs(path.partition("&")[2]).get("BRSR", ["0"])[0])


def walk(server, category: str) -> tuple[list[str], list[str]]:
    """(pages listing articles, article links) of a category, following the pager's
    2nd-last link while it leads forward."""
    pages, found, href = [], [], f"/{category}"
    while True:
        listing = page(server, href)
        links = listing.css(LISTED).getall()
        pages += [href] if links else []
        found += links
        next_href = listing.xpath(PAGER_NEXT).get()
        if next_href is None or brsr(next_href) <= brsr(href):
            return pages, found
        href = next_href


def test_listings_paginate_by_brsr_offset_through_every_article_once(server, site):
    total, steps = 0, set()
    categories = [c.slug for c in site.spec.categories]
    assert len(categories) >= 3
    for category in categories:
        pages, found = walk(server, category)
        expected = [a.url for a in site.corpus.in_category(category)]
        assert found == expected  # every article once, newest first
        offsets = [brsr(href) for href in pages]
        step = offsets[1] if len(offsets) > 1 else 0
        assert step in (15, 20) and offsets == [step * n for n in range(len(pages))]
        assert len(pages) == -(-len(expected) // step)
        steps.add(step)
        total += len(found)
    assert total == len(site.corpus.articles) >= 200
    assert steps == {15, 20}  # both steps the sister sites show (research §1)


def test_last_listing_pages_never_lead_forward_to_articles(server, site):
    ends = set()
    for category in (c.slug for c in site.spec.categories):
        pages, _ = walk(server, category)
        last = pages[-1]
        if len(pages) == 1:
            continue
        after = page(server, last).xpath(PAGER_NEXT).get()
        if brsr(after) < brsr(last):
            ends.add("backwards")
        elif after == last:
            ends.add("itself")
        else:  # one step past the end: an empty listing, no pager
            beyond = page(server, after)
            assert beyond.css(LISTED).getall() == [] and beyond.xpath(PAGER_NEXT).get() is None
            ends.add("beyond")
    assert ends == {"backwards", "itself", "beyond"}
    assert page(server, "/hoi-nhap&s_cond=&BRSR=0").css(LISTED).getall() == \
        page(server, "/hoi-nhap").css(LISTED).getall()


def test_seed_article_page_reads_like_the_seed(server):
    article = page(server, SEED_URL)
    bar = text_of(article.css(".top-bar")[0])
    assert "Đường dây nóng: 0866.59.4498 - Thứ sáu 21/09/2018 11:32" in bar
    title = "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ"
    assert text_of(article.xpath('//article[@class="article"]//h1')[0]) == title
    assert article.css('meta[property="og:title"]::attr(content)').get() == title
    assert article.xpath("//span[@class='bx-time lt']/text()").get() == "11:38 | 21/12/2017"
    lead = text_of(article.xpath("//div[@class='article-desc fw lt clearfix']")[0])
    assert lead.startswith("Ngày 21/12, tại Đà Nẵng") and lead.endswith("giai đoạn 2013 – 2020.")
    assert article.css('link[rel="canonical"]::attr(href)').get() == SEED_URL
    body = article.css("div.__MASTERCMS_CONTENT.__MB_CONTENT_FOR_PRINTER > "
                       "div.__MASTERCMS_CONTENT_BODY")[0]
    paragraphs = [text_of(p) for p in body.xpath("./p[not(@class) and not(@align)]")]
    paragraphs = [p for p in paragraphs if p]
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("Sau gần 5 năm") and "pháp 1ý" in paragraphs[0]
    assert paragraphs[-1].endswith("đạt được mục tiêu Chương trình hành động đã đề ra.")
    assert text_of(body.xpath(".//tbody[descendant::img]/tr[2]/td")[0]) == "Toàn cảnh Hội nghị"
    assert body.xpath(".//table[@class='MASTERCMS_TPL_TABLE']//img/@src").get().startswith(
        "/stores/news_dataimages/"
    )
    byline = body.xpath("./*[last()]")[0]
    assert text_of(byline) == "Vũ Lê"
    crumbs = article.css(".breadcrumb.breadcrumb-list li a span::text").getall()
    assert crumbs == ["Hội nhập"]
    assert article.xpath('//a[@class="actived"]/@title').get() == "Hội nhập"


def test_generated_article_page_matches_its_truth(server, site, truth):
    for article in site.corpus.articles[:60:3]:
        selector = page(server, article.url)
        expected = truth[article.url]
        assert text_of(selector.css("article.article h1")[0]) == expected["title"]
        assert selector.css("span.bx-time::text").get() == expected["published_raw"]
        assert text_of(selector.css("div.article-desc")[0]) == expected["lead"]
        body = selector.css("div.__MASTERCMS_CONTENT_BODY")[0]
        texts = [text_of(p) for p in body.xpath("./p[not(@class) and not(@align)]")]
        assert "\n\n".join(t for t in texts if t) == expected["body"]
        captions = [text_of(td) for td in body.xpath(".//tbody[descendant::img]/tr[2]/td")]
        assert captions == [i["caption"] for i in expected["images"] if i["caption"]]
        credited = expected["authors"] + ([expected["source"]] if expected["source"] else [])
        byline = body.xpath("./p[@class='author' or @align='right'][last()]")
        assert bool(byline) == bool(credited)
        assert all(name in text_of(byline[0]) for name in credited)
        assert selector.css(".breadcrumb.breadcrumb-list li a span::text").get() == (
            expected["category"]
        )
        assert article.url not in selector.css(".related-news li a::attr(href)").getall()


def test_clock_bar_shows_the_server_time(site):
    with ReplicaServer([site]) as live:
        before = records.now_vn()
        _, _, body = fetch(live.url(DOMAIN, "/thoi-su"))
        after = records.now_vn()
    bar = text_of(Selector(text=body.decode()).css(".top-bar")[0])
    pattern = r"Đường dây nóng: 0866\.59\.4498 - (Thứ \w+|Chủ nhật) (\d\d/\d\d/\d{4} \d\d:\d\d)"
    shown = re.search(pattern, bar)
    assert shown is not None
    moment = datetime.strptime(shown.group(2), "%d/%m/%Y %H:%M").replace(tzinfo=VN_TZ)
    weekdays = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
    assert shown.group(1) == weekdays[moment.weekday()]
    assert before.replace(second=0) <= moment <= after


def test_rss_has_the_latest_50_items(server, site):
    status, headers, body = fetch(server.url(DOMAIN, "/rss/home.rss"))
    assert status == 200 and "xml" in headers["Content-Type"]
    items = ET.fromstring(body).findall("./channel/item")
    assert len(items) == 50
    latest = site.corpus.articles[:50]
    assert [item.findtext("link") for item in items] == [a.url for a in latest]
    assert [item.findtext("title") for item in items] == [a.title for a in latest]
    for item, article in zip(items, latest, strict=True):
        assert item.findtext("pubDate").endswith("+0700")
        assert parsedate_to_datetime(item.findtext("pubDate")) == article.published


def test_robots_not_found_and_redirects(server, site):
    status, headers, body = fetch(server.url(DOMAIN, "/robots.txt"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in body.decode()
    assert fetch(server.url("example.gov.vn", "/"))[0] == 404
    assert fetch(server.url(DOMAIN, "/khong-co-trang-nay"))[0] == 404
    assert fetch(server.url(DOMAIN, "/bai-viet-khong-co-999999.html"))[0] == 404
    status, headers, _ = fetch(server.url(DOMAIN, f"/sai-slug-{SEED_URL.split('-')[-1]}"))
    assert status == 301 and headers["Location"] == SEED_URL
    assert fetch(server.url(DOMAIN, f"/{SEED_SLUG}-104523.html?utm_source=rss"))[0] == 200


def test_gzip_when_accepted(server):
    url = server.url(DOMAIN, "/cong-nghiep")
    _, plain_headers, plain = fetch(url)
    status, headers, packed = fetch(url, {"Accept-Encoding": "gzip, deflate"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert int(headers["Content-Length"]) == len(packed) < len(plain)
    assert gzip.decompress(packed) == plain
    assert "Content-Encoding" not in plain_headers
    assert plain_headers["Content-Type"] == "text/html; charset=utf-8"


def test_host_header_routing_and_hit_counter(server):
    before = server.hits["/congthuong.vn/thuong-mai&s_cond=&BRSR=15"]
    by_host = fetch(f"{server.base_url}/thuong-mai&s_cond=&BRSR=15", {"Host": DOMAIN})
    by_path = fetch(server.url(DOMAIN, "/thuong-mai&s_cond=&BRSR=15"))
    assert by_host[0] == by_path[0] == 200 and by_host[2] == by_path[2]
    assert server.hits["/congthuong.vn/thuong-mai&s_cond=&BRSR=15"] == before + 2
    assert fetch(f"{server.base_url}/thuong-mai", {"Host": "example.gov.vn"})[0] == 404


def test_seed_truth_record():
    records_by_url = {r["url"]: r for r in truth_records("congthuong")}
    seed = records_by_url[SEED_URL]
    assert list(seed) == list(CONTENT_FIELDS)
    paragraphs = seed["body"].split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("Sau gần 5 năm triển khai")
    assert paragraphs[-1].endswith("đạt được mục tiêu Chương trình hành động đã đề ra.")
    assert "hành lang pháp 1ý" in seed["body"] and "được đẩy mạnh….." in paragraphs[1]
    assert "\u00a0" not in seed["body"] and "  " not in seed["body"]
    assert seed["id"] == "congthuong:104523"
    assert seed["published_at"] == "2017-12-21T11:38:00+07:00"
    assert seed["published_raw"] == "11:38 | 21/12/2017"
    assert seed["authors"] == ["Vũ Lê"] and seed["source"] is None
    assert seed["category"] == "Hội nhập" and seed["ministry"] == "Bộ Công Thương"
    assert seed["publisher"] == "Báo Công Thương"
    assert [i["caption"] for i in seed["images"]] == ["Toàn cảnh Hội nghị"]
    assert seed["lead"].startswith("Ngày 21/12, tại Đà Nẵng, Bộ Thông tin & Truyền thông")


def test_seed_content_hash_is_the_sha1_of_the_reference_page_text():
    """The truth's hash, against one computed here from the reference page as the README
    defines it (SHA-1 of the normalised title and body): not from the truth's own fields."""
    seed = {r["url"]: r for r in truth_records("congthuong")}[SEED_URL]
    lines = seed_lines()  # clock bar, title, date, lead, caption, 7 paragraphs, author
    title, body = lines[1], "\n\n".join(lines[5:12])

    def folded(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    expected = hashlib.sha1(f"{folded(title)}\n{folded(body)}".encode()).hexdigest()
    assert seed["content_hash"] == expected
    # The same content in another case, spacing or Unicode form keeps the hash ...
    variant = unicodedata.normalize("NFD", body.upper()).replace(" ", " \t ")
    assert records.content_hash(title.upper(), variant) == expected
    # ... and one word changed changes it.
    edited = body.replace("Chương trình hành động", "Chương trình công tác", 1)
    assert edited != body and records.content_hash(title, edited) != expected


def test_truth_records_satisfy_the_export_schema(truth):
    validator = jsonschema.Draft202012Validator(load_schema())
    crawl_fields = {"crawled_at": "2026-01-01T00:00:00+07:00", "version": 1,
                    "provenance": {}, "duplicate_of": None}
    for record in truth.values():
        validator.validate({**record, **crawl_fields})
    assert len({r["id"] for r in truth.values()}) == len(truth)
    assert len({r["title"] for r in truth.values()}) == len(truth)


def test_corpus_is_deterministic_and_varied():
    first, again = build_corpus("congthuong", 60, seed=7), build_corpus("congthuong", 60, seed=7)
    assert first.articles == again.articles
    assert build_corpus("congthuong", 60, seed=8).articles != first.articles
    generated = [a for a in build_corpus("congthuong").articles if a.url != SEED_URL]
    assert all(3 <= len(a.paragraphs) <= 9 for a in generated)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.slug) for a in generated)
    assert {len(a.authors) for a in generated} == {0, 1, 2}
    assert 0.1 < sum(a.source is not None for a in generated) / len(generated) < 0.3
    assert all(a.modified is None or a.modified > a.published for a in generated)
    assert all(a.published.utcoffset() == VN_TZ.utcoffset(None) for a in generated)
    assert slugify("Đường dây nóng Bộ Công Thương") == "duong-day-nong-bo-cong-thuong"


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 4]) for i in range(len(words) - 3)}


def test_articles_are_not_near_duplicates(site):
    sample = [_shingles("\n".join(a.paragraphs)) for a in site.corpus.articles[:150]]
    worst = max(len(a & b) / len(a | b) for a, b in itertools.combinations(sample, 2))
    assert worst < 0.3


def test_pages_hide_no_ground_truth(server, site, truth):
    for article in site.corpus.articles[::30]:
        _, _, body = fetch(replica_url(server, article.url))
        html = body.decode("utf-8")
        expected = truth[article.url]
        for leak in (expected["published_at"], expected["published_at"][:16], expected["id"],
                     expected["content_hash"], "application/ld+json", "article:published_time",
                     "datePublished", "<!--", " data-"):
            assert leak not in html, leak
        assert not re.search(r"\{[a-z_]+\}", html)  # no unfilled template slot
        assert "Giấy phép hoạt động Báo điện tử số 456/GP-BTTTT" in html  # the footer


def test_truth_command_prints_json_lines(capsys):
    assert truth_main(["congthuong", "--articles", "30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 30
    assert "Báo Công Thương" in lines[0]  # ensure_ascii=False
    assert json.loads(lines[0])["site"] == "congthuong"
    assert truth_main(["no-such-site"]) == 2


def test_serve_command_prints_base_url_first_and_stops_on_sigterm():
    command = [sys.executable, "-c", "from newscrawler.replica.server import main; "
               "raise SystemExit(main(['--port', '0', '--sites', 'congthuong']))"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base_url = process.stdout.readline().decode().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
        assert fetch(f"{base_url}/{DOMAIN}/robots.txt")[0] == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0


def test_tags_are_tag_pages_and_autolinks_stay_in_the_body_text(server, site):
    """Tags `/tag/<slug>-<id>.tag` (2026) and automatic tag links inside paragraphs
    (2022): the tag box names the article's tags; autolinks are body words."""
    autolinks = 0
    for article in site.corpus.articles[:40]:
        html = page(server, article.url)
        body = html.css("div.__MASTERCMS_CONTENT_BODY")[0]
        links = body.xpath(".//p//a[starts-with(@title, 'Xem thêm tin về')]")
        for link in links:
            href = link.attrib["href"]
            assert re.fullmatch(r"https://congthuong\.vn/tag/[a-z0-9-]+-\d+\.tag", href)
            assert "color: blue" in link.attrib["style"]
            assert link.attrib["title"] == f"Xem thêm tin về {text_of(link)}"
            assert text_of(link) in " ".join(article.paragraphs)
        autolinks += len(links)
        boxed = html.xpath("//a[contains(@href, '/tag/')][not(ancestor::div[contains("
                           "@class, '__MASTERCMS_CONTENT_BODY')])]")
        assert [text_of(a) for a in boxed] == article.tags
        assert all(re.fullmatch(r"/tag/[a-z0-9-]+-\d+\.tag", a.attrib["href"]) for a in boxed)
    assert autolinks >= 10
    tagged = next(a for a in site.corpus.articles if a.tags)
    href = page(server, tagged.url).xpath(
        "//a[contains(@href, '/tag/')][not(ancestor::p)]/@href").get()
    assert tagged.url in page(server, href).css(LISTED).getall()


def test_search_and_feeds_use_the_real_paths(server, site):
    word = site.corpus.articles[0].title.split()[0]
    found = page(server, f"/search_enginer.html?p=search&q={urllib.parse.quote(word)}")
    assert site.corpus.articles[0].url in found.css(LISTED).getall()
    for feed in ("/rss/trang-chu.rss", "/rss/home.rss", "/rss/tai-chinh.rss"):
        status, _, body = fetch(server.url(DOMAIN, feed))
        assert status == 200 and b"<item>" in body, feed
