"""sbv.gov.vn (issue 18): real crawls of its replica over HTTP, behind its firewall.

The firewall answers a client that looks like a library with HTTP 200 and a 246-byte
"Request Rejected" page with a support id (idx:62053534597, 2026-08-15). The crawler keeps
its own User-Agent and sends browser-like Accept headers, which pass; a rejection page is
a failure `blocked: firewall` with its URL, never a record, never known, taken by the next
run; a run whose pages are all rejected fails its verdict and says why.

Real processes: the replica server and each crawl.
"""

from __future__ import annotations

import json
import urllib.request
from collections import Counter

import pytest

from newscrawler.replica import load_site

from .conftest import ReplicaProcess, exported_records, replica_truth, run_newscrawler
from .test_ministries_min2 import crawl, hits, latest_summary, replica_path

SITE = "sbv"
pytestmark = pytest.mark.slow
NEWS = "https://sbv.gov.vn/vi/web/sbv_portal/tin-tuc-su-kien"
OMO = ("https://sbv.gov.vn/vi/nghi%E1%BB%87p-v%E1%BB%A5-th%E1%BB%8B-tr%C6%B0%E1%BB%9Dng-"
       "m%E1%BB%9F")
# What newscrawler sends (settings.USER_AGENT's form) and what a browser sends.
HONEST_AGENT = "newscrawler/0 (+https://github.com/newscrawler/newscrawler)"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def fetch(replica: ReplicaProcess, path: str, headers: dict[str, str]) -> bytes:
    request = urllib.request.Request(f"{replica.url}/sbv.gov.vn{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        return response.read()


@pytest.fixture(scope="module")
def sbv_replica():
    server = ReplicaProcess("--sites", SITE)
    yield server
    server.stop()


@pytest.mark.parametrize("headers", [
    {"User-Agent": "python-requests/2.32.3", "Accept": "*/*"},  # requests' defaults
    {"User-Agent": "curl/8.5.0", "Accept": "*/*"},
    {"User-Agent": "Go-http-client/1.1"},
    {"User-Agent": HONEST_AGENT},  # no Accept at all
    {"User-Agent": HONEST_AGENT, "Accept": "*/*"},
    {"Accept": BROWSER_ACCEPT},  # urllib's own User-Agent
], ids=["python-requests", "curl", "go", "no-accept", "accept-any", "urllib"])
def test_the_firewall_rejects_a_library_fingerprint_with_a_246_byte_page(sbv_replica, headers):
    body = fetch(sbv_replica, "/vi/web/sbv_portal/tin-tuc-su-kien", headers)
    assert len(body) == 246
    text = body.decode("utf-8")
    assert "<title>Request Rejected</title>" in text and "Your support ID is: " in text


def test_the_crawlers_headers_pass_the_firewall(sbv_replica):
    body = fetch(sbv_replica, "/vi/web/sbv_portal/tin-tuc-su-kien",
                 {"User-Agent": HONEST_AGENT, "Accept": BROWSER_ACCEPT,
                  "Accept-Language": "vi-VN,vi;q=0.9"})
    assert len(body) > 4000 and b"Request Rejected" not in body
    assert b"/vi/w/" in body


def test_rerun_fetches_no_known_article_and_withdrawn_page_is_a_failure(
        sbv_replica, tmp_path):
    crawl(sbv_replica, SITE, tmp_path)
    truth = replica_truth(SITE)
    first = exported_records(tmp_path, SITE)
    assert sorted(r["url"] for r in first) == sorted(r["url"] for r in truth)
    # The open-market result is linked from its one-item page only.
    assert "https://sbv.gov.vn/vi/w/sbv570036" in {r["url"] for r in first}
    entry = latest_summary(tmp_path)["sites"][SITE]
    withdrawn = load_site(SITE).withdrawn.url
    assert [(f["url"], f["reason"]) for f in entry["failures"]] == [(withdrawn, "HTTP 404")]
    assert entry["blocked"] == []

    before = hits(sbv_replica)
    crawl(sbv_replica, SITE, tmp_path)
    after = hits(sbv_replica)
    fetched = {path for path, count in after.items() if count > before.get(path, 0)}
    known = {replica_path(r["url"]) for r in truth}
    assert fetched & known == set(), "the rerun fetched known articles"
    assert "/sbv.gov.vn/vi/web/sbv_portal/tin-tuc-su-kien" in fetched
    assert len(exported_records(tmp_path, SITE)) == len(first)


def test_rejections_despite_good_headers_are_blocked_never_exported_and_taken_next_run(
        tmp_path):
    # A real firewall rejected rapid requests with browser headers too (idx:58641831063):
    # each article path meets the rejection page on its first request only.
    replica = ReplicaProcess("--sites", SITE, "--faults",
                             "block_firewall=0.1,scope=articles,until=1")
    try:
        crawl(replica, SITE, tmp_path)
        entry = latest_summary(tmp_path)["sites"][SITE]
        blocked = {page["url"] for page in entry["blocked"]}
        assert blocked and {page["kind"] for page in entry["blocked"]} == {"firewall"}
        with urllib.request.urlopen(f"{replica.url}/_replica/faults", timeout=30) as answer:
            served = [event for event in json.loads(answer.read())["events"]
                      if event["kind"] == "block_firewall"]
        assert len(served) == len(blocked) == entry["stats"]["newscrawler/sbv/blocked/firewall"]
        reasons = {f["url"]: f["reason"] for f in entry["failures"]}
        assert all(reasons[url] == "blocked: firewall" for url in blocked)
        assert not blocked & {r["url"] for r in exported_records(tmp_path, SITE)}
        # Left pending for the next run: the rejected URLs, and the withdrawn one (404).
        pending = blocked | {load_site(SITE).withdrawn.url}
        assert entry["stats"]["newscrawler/sbv/frontier/pending"] == len(pending)

        crawl(replica, SITE, tmp_path)
        counts = Counter(r["url"] for r in exported_records(tmp_path, SITE))
        assert set(counts) == {r["url"] for r in replica_truth(SITE)}
        assert max(counts.values()) == 1
    finally:
        replica.stop()


@pytest.mark.parametrize("settings", [
    # The spider's header setting removed: no Accept header is sent at all.
    ["-s", "DEFAULT_REQUEST_HEADERS={}"],
    # python-requests' fingerprint.
    ["-s", "USER_AGENT=python-requests/2.32.3", "-s", 'DEFAULT_REQUEST_HEADERS={"Accept": "*/*"}'],
], ids=["headers-removed", "python-requests"])
def test_a_plain_client_is_rejected_and_the_run_fails_naming_the_firewall(
        sbv_replica, tmp_path, settings):
    result = run_newscrawler("crawl", SITE, "--replica", sbv_replica.url, "--data-dir",
                             str(tmp_path), *settings)
    assert result.returncode == 1, result.stdout + result.stderr
    entry = latest_summary(tmp_path)["sites"][SITE]
    assert entry["verdict"]["ok"] is False
    reasons = entry["verdict"]["reasons"]
    assert any("were blocked (firewall" in reason for reason in reasons), reasons
    blocked = {page["url"]: page["kind"] for page in entry["blocked"]}
    assert blocked == {NEWS: "firewall", OMO: "firewall"}
    failures = {f["url"]: f["reason"] for f in entry["failures"]}
    assert failures == {NEWS: "blocked: firewall", OMO: "blocked: firewall"}
    assert exported_records(tmp_path, SITE) == []
