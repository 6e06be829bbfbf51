"""mof.gov.vn (issue 18): a Vue app whose articles come only from its JSON API, crawled
for real over HTTP from its replica (`newscrawler replica serve`, `newscrawler crawl`).

- robots.txt answers with the app shell (HTML, HTTP 200): no robots policy, nothing
  disallowed;
- a rerun asks the API for no detail of a known article (requests per path from the
  replica's own log); the malformed list items and the broken articleContent are
  failures with their reasons, never records;
- a detail answered with the app shell is `blocked: app-shell` with its URL, never
  exported, and taken by the next run (also when its detail lacks the list fields and
  when its list page is not walked again); a run whose details are all shells fails its
  verdict naming the reason;
- reextract rebuilds every record from the archived API answers alone.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from protego import Protego

from newscrawler.items import CONTENT_FIELDS
from newscrawler.replica import load_site

from .conftest import ReplicaProcess, exported_records, replica_truth, run_newscrawler
from .test_ministries_min1 import crawl
from .test_ministries_min2 import hits

SITE = "mof"
FIXTURES = Path(__file__).parent / "fixtures" / "sites" / SITE
DETAIL = "/mof.gov.vn/api/article/getbyslug?slug="
pytestmark = pytest.mark.slow


def detail_hits(replica) -> dict[str, int]:
    """Requests per slug to the detail endpoint, from the replica's request log."""
    return {path[len(DETAIL):]: count for path, count in hits(replica).items()
            if path.startswith(DETAIL)}


def slug_of(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def failures(run: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for failure in run["sites"][SITE]["failures"]:
        found.setdefault(failure["url"], []).append(failure["reason"])
    return found


def test_robots_txt_is_the_app_shell_and_disallows_nothing(replica):
    with urllib.request.urlopen(f"{replica.url}/mof.gov.vn/robots.txt", timeout=30) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"].startswith("text/html")
        body = answer.read().decode("utf-8")
    assert '<div id="app"></div>' in body and "Disallow" not in body
    # What Scrapy's RobotsTxtMiddleware does with it: its default parser (the project
    # sets no ROBOTSTXT_PARSER) decodes the body and hands it to Protego.
    from scrapy.robotstxt import ProtegoRobotParser

    from newscrawler.settings import USER_AGENT

    rules = ProtegoRobotParser(body.encode("utf-8"), None)
    for path in ("/api/article/reads?offset=0&limit=20", "/api/article/getbyslug?slug=a",
                 "/"):
        assert rules.allowed(f"https://mof.gov.vn{path}", USER_AGENT)
    assert rules.crawl_delay(USER_AGENT) is None and list(rules.rp.sitemaps) == []
    # A real policy in the same body would count: the check above is not vacuous.
    assert not Protego.parse("User-agent: *\nDisallow: /api/\n").can_fetch(
        "https://mof.gov.vn/api/article/reads", USER_AGENT)


def test_rerun_asks_for_no_detail_of_a_known_article(replica, tmp_path):
    first = crawl(replica, tmp_path, SITE)
    truth = replica_truth(SITE)
    records = exported_records(tmp_path, SITE)
    assert sorted(r["url"] for r in records) == sorted(r["url"] for r in truth)
    broken = load_site(SITE).broken
    found = failures(first)
    listing = "https://mof.gov.vn/api/article/reads?offset=0&limit=20"
    assert sorted(found[listing]) == [
        "malformed list item 3: no slug (https://mof.gov.vn/api/article/reads?offset=0&"
        "limit=20&rootCategoryId=f0d30405-0417-46a5-9dd0-fd1472428c57)",
        "malformed list item 4: no title (https://mof.gov.vn/api/article/reads?offset=0&"
        "limit=20&rootCategoryId=f0d30405-0417-46a5-9dd0-fd1472428c57)"]
    broken_detail = f"https://mof.gov.vn/api/article/getbyslug?slug={broken.slug}"
    assert [r.split(" (")[0] for r in found[broken_detail]] == [
        "articleContent is broken JSON"]
    assert set(found) == {listing, broken_detail}
    assert broken.url not in {r["url"] for r in records}
    stats = first["sites"][SITE]["stats"]
    assert stats["newscrawler/mof/skipped/malformed_item"] == 2
    assert stats["newscrawler/mof/frontier/pending"] == 1

    before = detail_hits(replica)
    rerun = crawl(replica, tmp_path, SITE)
    asked = {slug for slug, count in detail_hits(replica).items()
             if count > before.get(slug, 0)}
    # Only the broken one is asked again (a failure is retried), never a known article.
    assert asked == {broken.slug}
    assert asked & {slug_of(r["url"]) for r in truth} == set()
    assert rerun["sites"][SITE]["stats"]["newscrawler/mof/listing_pages"] > 0
    assert len(exported_records(tmp_path, SITE)) == len(records)


def blocked_targets() -> tuple[str, str]:
    """Two articles (replica data): one with a bare detail (no list fields) on its
    category's first list page, one deep in a list, whose page a rerun does not walk."""
    site = load_site(SITE)
    lists = [[a for a in articles if not isinstance(a, int)]
             for articles in site.by_root.values()]
    bare = next(a for a in lists[0][:15] if "publicationTime" not in site.detail(a)
                and a is not site.broken)
    deep = next(a for a in lists[0][45:] if "publicationTime" in site.detail(a))
    return bare.slug, deep.slug


def test_an_app_shell_answer_is_blocked_never_exported_and_taken_next_run(tmp_path):
    slugs = blocked_targets()
    match = "|".join(re.escape(quote(slug)) for slug in slugs)
    replica = ReplicaProcess("--sites", SITE, "--faults",
                             f"block_shell=1,scope=articles,until=1,match=^{re.escape(DETAIL)}"
                             f"(?:{match})$")
    try:
        first = crawl(replica, tmp_path, SITE)
        entry = first["sites"][SITE]
        urls = {f"https://mof.gov.vn/api/article/getbyslug?slug={slug}" for slug in slugs}
        assert {(b["url"], b["kind"]) for b in entry["blocked"]} == {
            (url, "app-shell") for url in urls}
        for url in urls:
            assert failures(first)[url] == ["blocked: app-shell"]
        exported = {slug_of(r["url"]) for r in exported_records(tmp_path, SITE)}
        assert exported.isdisjoint(slugs)
        assert entry["stats"]["newscrawler/mof/frontier/pending"] == 3  # + the broken one

        crawl(replica, tmp_path, SITE)
        records = exported_records(tmp_path, SITE)
        truth = {r["url"]: r for r in replica_truth(SITE)}
        assert sorted(r["url"] for r in records) == sorted(truth)  # each once
        for record in records:
            if slug_of(record["url"]) in slugs:  # complete, list fields included
                assert {k: record[k] for k in ("title", "lead", "published_at", "body")} == {
                    k: truth[record["url"]][k] for k in ("title", "lead", "published_at",
                                                         "body")}
    finally:
        replica.stop()


def test_a_run_whose_details_are_all_app_shells_fails_naming_the_reason(tmp_path):
    replica = ReplicaProcess("--sites", SITE, "--faults", "block_shell=1,scope=articles")
    try:
        run = crawl(replica, tmp_path, SITE)
    finally:
        replica.stop()
    entry = run["sites"][SITE]
    assert entry["verdict"]["ok"] is False
    assert any("were blocked (app-shell" in reason
               for reason in entry["verdict"]["reasons"]), entry["verdict"]
    assert exported_records(tmp_path, SITE) == []
    assert len(entry["blocked"]) == len(replica_truth(SITE))
    assert json.dumps(entry["blocked"]).count("getbyslug") == len(entry["blocked"])


def test_reextract_rebuilds_every_record_from_the_archived_api_answers(tmp_path):
    """The WARC holds API answers, not pages: reextract turns each archived detail into
    its record again, a detail without the list fields with the list answer archived
    beside it; with the replica stopped, in a fresh data directory, field for field."""
    replica = ReplicaProcess("--sites", SITE)
    try:
        data_dir = tmp_path / "data"
        crawl(replica, data_dir, SITE)
    finally:
        replica.stop()
    crawled = {r["url"]: r for r in exported_records(data_dir, SITE)}
    assert len(crawled) == len(replica_truth(SITE))
    fresh = tmp_path / "fresh"
    shutil.copytree(data_dir / "archive", fresh / "archive")
    result = run_newscrawler("reextract", SITE, "--data-dir", str(fresh))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(crawled)} new" in result.stdout
    again = {r["url"]: r for r in exported_records(fresh, SITE)}
    assert again.keys() == crawled.keys()
    for url, record in crawled.items():
        for field in (*CONTENT_FIELDS, "crawled_at"):
            assert again[url][field] == record[field], (url, field)
    # Over the crawl's own directory: nothing changed, nothing exported.
    result = run_newscrawler("reextract", SITE, "--data-dir", str(data_dir))
    assert f"0 new, 0 updated (version + 1), {len(crawled)} unchanged" in result.stdout


def test_extract_reads_a_stored_api_answer_and_refuses_a_page_in_one_line(tmp_path):
    fixture = sorted(FIXTURES.glob("*.json"))[0]
    expected = json.loads(fixture.read_text(encoding="utf-8"))
    result = run_newscrawler("extract", "--site", SITE, "--url", expected["url"],
                             str(fixture.with_suffix(".html.gz")))
    assert result.returncode == 0, result.stderr
    fields = json.loads(result.stdout)
    assert {k: fields[k] for k in expected["expected"]} == expected["expected"]
    assert fields["provenance"]["published_at"] == "metadata"
    page = tmp_path / "shell.html"
    page.write_text('<html><body><div id="app"></div><script src="/js/app.js"></script>'
                    "</body></html>", encoding="utf-8")
    result = run_newscrawler("extract", "--site", SITE, str(page))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not an article answer" in result.stderr


BROKEN = ('{"data": {"title": "Tin", "slug": "tin", "publicationTime": "2026-08-25T04:08:45Z",'
          ' "categorySlug": "thoi-su", "rootCategorySlug": "tin-tuc-su-kien-8", '
          '"articleContent": "{\\"Content\\": \\"<p>Đoạn'
          '"}}')


@pytest.mark.parametrize("answer, reason", [
    (BROKEN, "articleContent is broken JSON"),
    ('{"success": false, "data": null}', "detail answer holds no article"),
    ('{"data": {"slug": "tin", "articleContent": "{\\"Content\\": \\"<p>x</p>\\"}"}}',
     "the detail names no category slugs and no list item is known"),
    ('{"data": {"title": "Tin", "articleContent": {"Content": ""}}}',
     "articleContent holds no Content"),
])
def test_an_unusable_detail_answer_raises_with_its_reason(answer, reason):
    from scrapy.http import TextResponse

    from newscrawler.spiders.mof import MofSpider
    from newscrawler.spiders.mof_api import ApiError

    response = TextResponse("https://mof.gov.vn/api/article/getbyslug?slug=tin",
                            body=answer.encode("utf-8"), encoding="utf-8")
    with pytest.raises(ApiError, match=re.escape(reason)):
        MofSpider.api_page(response)


def test_a_bare_detail_is_completed_by_its_list_item():
    from scrapy.http import TextResponse

    from newscrawler.spiders.mof import MofSpider

    item = {"title": "Tin ngân sách", "slug": "tin-ngan-sach",
            "publicationTime": "2025-04-10T08:31:01", "categorySlug": "thoi-su",
            "rootCategorySlug": "tin-tuc-su-kien-8", "description": "Tóm tắt."}
    answer = json.dumps({"data": {"slug": "tin-ngan-sach", "articleContent": json.dumps(
        {"Content": "<p>Nội dung bài.</p>"})}})
    response = TextResponse("https://mof.gov.vn/api/article/getbyslug?slug=tin-ngan-sach",
                            body=answer.encode(), encoding="utf-8")
    reader = "https://mof.gov.vn/tin-tuc-su-kien-8/thoi-su/tin-ngan-sach"
    page = MofSpider.api_page(response, item, reader)
    assert page.url == reader
    assert page.css('meta[property="article:published_time"]::attr(content)').get() == (
        "2025-04-10T08:31:01")
    assert page.css("div.mof-content p::text").get() == "Nội dung bài."


def test_list_requests_differ_by_body_only_and_are_not_deduplicated():
    """Scrapy's request fingerprint covers the body: the lists of two categories, one URL,
    are two requests (and they are sent with dont_filter besides)."""
    from scrapy.utils.request import fingerprint

    from newscrawler.spiders.mof import MofSpider

    spider = MofSpider()
    spider.max_listing_pages = 5
    first, second = (spider.listing_request(url, 1, 0) for url in MofSpider.listing_urls[:2])
    assert first.method == second.method == "POST"
    assert first.url == second.url == "https://mof.gov.vn/api/article/reads?offset=0&limit=20"
    assert json.loads(first.body) != json.loads(second.body)
    assert set(json.loads(first.body)) == {"rootCategoryId"}
    assert fingerprint(first) != fingerprint(second)
    assert first.dont_filter and second.dont_filter


def test_doctor_samples_the_api_and_names_the_unusable_detail(replica):
    result = run_newscrawler("doctor", SITE, "--replica", replica.url, "--json",
                             "--articles", "12")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["healthy"] is True and report["problems"] == []
    assert report["articles"] == 11  # one of the twelve sampled is the broken one
    broken = load_site(SITE).broken
    assert report["failures"] == [{
        "url": f"https://mof.gov.vn/api/article/getbyslug?slug={broken.slug}",
        "reason": report["failures"][0]["reason"]}]
    assert report["failures"][0]["reason"].startswith("articleContent is broken JSON")
    assert report["blocked"] == []
