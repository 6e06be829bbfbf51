"""mod.gov.vn behind its script cookie wall (issue 18): the stub is passed without a
JavaScript engine, the crawl is exact and incremental, and a wall that never yields is
counted `blocked: challenge` and fails the run.

The stub's facts (vn_sites_2026 §13-14; CMW request log rows 3 and 26, measured
2026-10-06): HTTP 200, about 177 bytes, `text/html; charset=utf-8,gbk`, no Set-Cookie,
a script setting `D1N` to a 32-hex literal with a 2099 expiry and `path=/`, then a reload.
The stubs below are typed here from those facts.

Real processes and real HTTP: the replica (a child process, or a server thread for the
refusing wall) and one `newscrawler crawl` process per run.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections import Counter

import pytest
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newscrawler.blockpages import classify_response
from newscrawler.downloadermiddlewares.cookiebootstrap import (
    CookieBootstrapMiddleware,
    stub_cookie,
)
from newscrawler.replica.corpus import build_corpus
from newscrawler.replica.mod import MOD, CookieWall, ModSite
from newscrawler.replica.server import ReplicaServer
from newscrawler.spiders.mod import ModSpider
from tests.conftest import ReplicaProcess, exported_records, run_id_of, run_newscrawler

SITE = "mod"
HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
STUB = ('<html><body><script>document.cookie="D1N=' + HEX + '"+"; expires=Thu, 31 Dec '
        '2099 23:00:00 GMT; path=/";window.location.reload(true);</script></body></html>')
ARTICLE_HIT = re.compile(r"^/mod\.gov\.vn/home/detail\?")


def summary_entry(data_dir, stdout: str) -> dict:
    run_id = run_id_of(stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    return summary["sites"][SITE]


def get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


# --- the stub, without a JavaScript engine ------------------------------------------


def test_the_stubs_cookie_is_read_from_its_literal():
    cookie = stub_cookie(STUB)
    assert (cookie.name, cookie.value, cookie.path) == ("D1N", HEX, "/")


@pytest.mark.parametrize("script", [
    'document.cookie="D1N="+token+"; path=/";window.location.reload(true);',
    'document.cookie=atob("RDFOPWFiYw==");location.reload();',
    'document.cookie = makeCookie();window.location.reload();',
])
def test_a_computed_cookie_is_not_evaluated(script):
    assert stub_cookie(f"<html><body><script>{script}</script></body></html>") is None


def test_the_stub_with_its_odd_content_type_is_a_challenge_page():
    response = HtmlResponse("https://mod.gov.vn/robots.txt", body=STUB.encode(),
                            headers={"Content-Type": "text/html; charset=utf-8,gbk"})
    blocked = classify_response(response)
    assert blocked is not None and blocked.reason == "blocked: challenge"


def stub_response(url: str, request: Request) -> HtmlResponse:
    return HtmlResponse(url, body=STUB.encode(), request=request,
                        headers={"Content-Type": "text/html; charset=utf-8,gbk"})


@pytest.mark.parametrize("settings", [{}, {"NEWSCRAWLER_COOKIE_BOOTSTRAP": True,
                                           "COOKIES_ENABLED": False}])
def test_the_middleware_is_off_unless_a_spider_turns_it_on_with_cookies(settings):
    with pytest.raises(NotConfigured):
        CookieBootstrapMiddleware.from_crawler(get_crawler(settings_dict=settings))


def test_the_middleware_sends_a_request_once_more_then_lets_the_stub_through():
    crawler = get_crawler(ModSpider, {"NEWSCRAWLER_COOKIE_BOOTSTRAP": True,
                                      "COOKIES_ENABLED": True})
    crawler._apply_settings()
    middleware = CookieBootstrapMiddleware.from_crawler(crawler)
    url = "https://mod.gov.vn/home/news?urile=wcm:path:/mod/sa-tin-tuc"
    request = Request(url)
    again = middleware.process_response(request, stub_response(url, request))
    assert isinstance(again, Request) and again.url == url and again.dont_filter
    middleware.process_request(again)
    assert again.cookies == [{"name": "D1N", "value": HEX, "path": "/"}]
    later = Request("https://mod.gov.vn/home")
    middleware.process_request(later)  # every later request to the host carries it
    assert later.cookies == again.cookies
    stub = stub_response(url, again)
    assert middleware.process_response(again, stub) is stub  # bounded: once
    robots = Request("https://mod.gov.vn/robots.txt")
    robots_again = middleware.process_response(robots, stub_response(robots.url, robots))
    with pytest.raises(IgnoreRequest):  # a stub is never read as a robots policy
        middleware.process_response(robots_again, stub_response(robots.url, robots_again))
    page = HtmlResponse(url, body=b"<html><body><p>" + b"text " * 100 + b"</p></body></html>")
    assert middleware.process_response(Request(url), page) is page


def test_the_replica_answers_the_stub_without_the_cookie_and_the_page_with_it():
    site = MOD.factory(MOD, build_corpus(SITE, 12))
    with ReplicaServer([site]) as server:
        for path in ("/robots.txt", "/home", site.link_of(site.corpus.articles[0])):
            status, headers, body = get(server.url("mod.gov.vn", path))
            assert status == 200
            assert headers["Content-Type"] == "text/html; charset=utf-8,gbk"
            assert headers.get("Set-Cookie") is None  # the script sets it
            assert 150 <= len(body) <= 200
            cookie = stub_cookie(body.decode())
            assert cookie is not None and cookie.name == "D1N"
            assert re.fullmatch(r"[0-9a-f]{32}", cookie.value)
            status, headers, body = get(server.url("mod.gov.vn", path),
                                        f"{cookie.name}={cookie.value}")
            assert status == 200
            if path == "/robots.txt":
                assert headers["Content-Type"].startswith("text/plain")
                assert body.startswith(b"User-agent:")
            else:
                assert b"</html>" in body and len(body) > 1000


# --- crawls --------------------------------------------------------------------------


@pytest.mark.slow
def test_crawl_through_a_rotating_cookie_is_exact_and_a_rerun_fetches_no_article(tmp_path):
    replica = ReplicaProcess("--sites", SITE)
    try:
        truth = run_newscrawler("replica", "truth", SITE)
        truth_ids = {json.loads(line)["id"] for line in truth.stdout.splitlines()}
        data_dir = tmp_path / "data"
        first = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                str(data_dir))
        assert first.returncode == 0, first.stdout + first.stderr
        stats = summary_entry(data_dir, first.stdout)["stats"]
        # robots.txt, then at least once when the value rotates (after 80 pages).
        assert stats[f"newscrawler/{SITE}/cookie_bootstrap/bootstrapped"] >= 2
        assert f"newscrawler/{SITE}/cookie_bootstrap/refused" not in stats
        counts = Counter(record["id"] for record in exported_records(data_dir, SITE))
        assert set(counts) == truth_ids and max(counts.values()) == 1

        before = hits(replica)
        second = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                 str(data_dir))
        assert second.returncode == 0, second.stdout + second.stderr
        after = hits(replica)
        fetched = {key for key in after if ARTICLE_HIT.match(key)
                   and after[key] > before.get(key, 0)}
        # The withdrawn article (404) stays pending and is asked for again; nothing else.
        assert len(fetched) <= 1, sorted(fetched)
        counts = Counter(record["id"] for record in exported_records(data_dir, SITE))
        assert max(counts.values()) == 1
    finally:
        replica.stop()


def crawl_own_replica(data_dir, *replica_args: str):
    """One crawl of a replica process of its own (started with `replica_args`)."""
    replica = ReplicaProcess("--sites", SITE, *replica_args)
    try:
        return run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                               str(data_dir))
    finally:
        replica.stop()


def hits(replica: ReplicaProcess) -> dict[str, int]:
    with urllib.request.urlopen(f"{replica.url}/_replica/hits", timeout=30) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_a_wall_that_never_yields_is_blocked_challenge_and_fails_the_run(tmp_path):
    site = ModSite(MOD, build_corpus(SITE, 30), wall=CookieWall(refuse=True))
    with ReplicaServer([site]) as server:
        data_dir = tmp_path / "data"
        result = run_newscrawler("crawl", SITE, "--replica", server.base_url,
                                 "--data-dir", str(data_dir))
    assert result.returncode == 1, result.stdout + result.stderr
    entry = summary_entry(data_dir, result.stdout)
    assert exported_records(data_dir, SITE) == []
    listings = {"https://mod.gov.vn/home/news?urile=wcm:path:/mod/sa-tin-tuc",
                "https://mod.gov.vn/home/news/td?urile=wcm:path:/mod/sa-thoi-su",
                "https://mod.gov.vn/home/news/event?urile=wcm:path:/mod/sa-su-kien"}
    assert {page["url"] for page in entry["blocked"]} == listings
    assert {page["kind"] for page in entry["blocked"]} == {"challenge"}
    reasons = {f["url"]: f["reason"] for f in entry["failures"]}
    assert all(reasons[url] == "blocked: challenge" for url in listings)
    stats = entry["stats"]
    # Each page (robots.txt and the home page too): one bootstrap, then the stub again.
    assert stats[f"newscrawler/{SITE}/cookie_bootstrap/refused"] >= len(listings) + 1
    assert any("were blocked (challenge 3" in reason
               for reason in entry["verdict"]["reasons"]), entry["verdict"]
    assert "blocked" in result.stdout


@pytest.mark.slow
def test_article_pages_that_keep_their_stub_are_blocked_and_taken_by_the_next_run(tmp_path):
    # Every article request meets a cookie stub (replica fault `block_challenge`), also
    # after its bootstrap: blocked, never exported, pending; a run without it exports all.
    truth = run_newscrawler("replica", "truth", SITE)
    truth_urls = {json.loads(line)["url"] for line in truth.stdout.splitlines()}
    data_dir = tmp_path / "data"
    first = crawl_own_replica(data_dir, "--faults", "block_challenge=1,scope=articles")
    assert first.returncode == 1, first.stdout + first.stderr
    entry = summary_entry(data_dir, first.stdout)
    assert exported_records(data_dir, SITE) == []
    blocked = {page["url"] for page in entry["blocked"]}
    assert truth_urls <= blocked
    assert {page["kind"] for page in entry["blocked"]} == {"challenge"}
    assert any("were blocked (challenge" in reason
               for reason in entry["verdict"]["reasons"]), entry["verdict"]

    second = crawl_own_replica(data_dir)
    assert second.returncode == 0, second.stdout + second.stderr
    counts = Counter(record["url"] for record in exported_records(data_dir, SITE))
    assert set(counts) == truth_urls and max(counts.values()) == 1


@pytest.mark.slow
def test_robots_txt_is_read_behind_the_wall_not_the_stub(tmp_path):
    # The stub parses as an empty policy (all allowed); the real robots.txt, fetched
    # again with the cookie, disallows one section: it is never asked for.
    site = ModSite(MOD, build_corpus(SITE, 30))
    site.robots = "User-agent: *\nDisallow: /home/news/event\n"
    with ReplicaServer([site]) as server:
        result = run_newscrawler("crawl", SITE, "--replica", server.base_url,
                                 "--data-dir", str(tmp_path / "data"))
        asked = dict(server.hits)
    assert result.returncode == 0, result.stdout + result.stderr
    assert asked["/mod.gov.vn/robots.txt"] == 2  # the stub, then the policy
    assert not [key for key in asked if key.startswith("/mod.gov.vn/home/news/event")]
    categories = {record["category"] for record in exported_records(tmp_path / "data", SITE)}
    assert categories == {"Tin tức - Sự kiện", "Thời sự quốc phòng"}
