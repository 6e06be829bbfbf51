"""moj, mae and thanhtra (issue 17): real crawls of their replicas over HTTP.

A second run on the same data directory fetches none of the articles the first exported;
the withdrawn article each first section links (portal.py) and any article that answers
404 are failures with their reason, never exported. moj's articles share their path with
the section pages and differ by `?ItemID=` only, thanhtra's by a bare `?<id>`: the crawl
must keep that query. mae's replica answers two linked article URLs with the portal's
refusal pages ("Thông báo từ chối truy cập", "Hệ thống đang gặp vấn đề khi xử lý yêu cầu
của bạn", HTTP 200): each is a failure `blocked: access-denied`, never an article.
"""

from __future__ import annotations

import re

import pytest

from newscrawler.replica import load_site

from .conftest import ReplicaProcess, exported_records, replica_truth
from .test_ministries_min1 import crawl as crawl_allowing_alarms
from .test_ministries_min1 import withdrawn
from .test_ministries_min2 import crawl, hits, latest_summary, replica_path

SITES = ["moj", "mae", "thanhtra"]
REFUSAL_REASON = "blocked: access-denied"
pytestmark = pytest.mark.slow


def expected_failures(site: str) -> dict[str, str]:
    """The replica's linked pages that are no articles, with the reason each must get."""
    refused = getattr(load_site(site), "refused", {})
    return {**dict.fromkeys(withdrawn(site), "HTTP 404"),
            **{fake.url: REFUSAL_REASON for fake, _ in refused.values()}}


@pytest.mark.parametrize("site", SITES)
def test_rerun_fetches_no_known_article_and_withdrawn_page_is_a_failure(
        site, replica, tmp_path):
    crawl(replica, site, tmp_path)
    truth = replica_truth(site)
    first = exported_records(tmp_path, site)
    assert sorted(r["url"] for r in first) == sorted(r["url"] for r in truth)
    if site == "moj":
        assert all("?ItemID=" in r["url"] for r in first)
    failures = latest_summary(tmp_path)["sites"][site]["failures"]
    assert {f["url"]: f["reason"] for f in failures} == expected_failures(site)
    assert len(failures) == len(expected_failures(site))
    before = hits(replica)
    # mae's rerun fetches only its refused URLs (a blocked page is retried), all blocked:
    # the run's health check may then flag the site (exit 1), as it should.
    rerun = crawl_allowing_alarms(replica, tmp_path, site)
    assert {f["url"]: f["reason"] for f in rerun["sites"][site]["failures"]} == (
        expected_failures(site))
    after = hits(replica)
    fetched = {path for path, count in after.items() if count > before.get(path, 0)}
    known = {replica_path(r["url"]) for r in truth}
    assert fetched, "the rerun fetched nothing at all (not even a listing)"
    assert fetched & known == set(), "the rerun fetched known articles"
    assert len(exported_records(tmp_path, site)) == len(first)


@pytest.mark.parametrize("site", SITES)
def test_a_missing_article_is_a_failure_with_its_reason_never_exported(site, tmp_path):
    records = replica_truth(site)
    gone = records[len(records) // 2]["url"]
    replica = ReplicaProcess("--sites", site, "--faults",
                             f"not_found=1,scope=articles,match=^/"
                             f"{re.escape(gone.removeprefix('https://'))}$")
    try:
        crawl(replica, site, tmp_path)
    finally:
        replica.stop()
    failures = latest_summary(tmp_path)["sites"][site]["failures"]
    assert {f["url"]: f["reason"] for f in failures} == {
        **expected_failures(site), gone: "HTTP 404"}
    urls = {r["url"] for r in exported_records(tmp_path, site)}
    assert urls == {r["url"] for r in records} - {gone}


def test_mae_refusal_pages_are_both_served_and_never_exported(replica, tmp_path):
    refused = load_site("mae").refused
    assert sorted(message for _, message in refused.values()) == sorted([
        "Thông báo từ chối truy cập", "Hệ thống đang gặp vấn đề khi xử lý yêu cầu của bạn"])
    crawl(replica, "mae", tmp_path)
    failures = latest_summary(tmp_path)["sites"]["mae"]["failures"]
    blocked = {f["url"] for f in failures if f["reason"] == REFUSAL_REASON}
    assert blocked == {fake.url for fake, _ in refused.values()}
    records = exported_records(tmp_path, "mae")
    assert blocked.isdisjoint(r["url"] for r in records)
    assert not any("từ chối truy cập" in r["title"] or "gặp vấn đề" in r["title"]
                   for r in records)


@pytest.mark.parametrize("message", ["Thông báo từ chối truy cập",
                                     "Hệ thống đang gặp vấn đề khi xử lý yêu cầu của bạn"])
def test_mae_refusal_in_a_full_page_is_blocked_by_the_site_markers(message):
    # A long page (menus, footer) hides the notice from the generic size-bound rules:
    # only mae's own markers (`_mae_config`, vn_sites_2026 §14) catch it.
    from scrapy.http import HtmlResponse

    from newscrawler.blockpages import classify_response
    from newscrawler.spiders.mae import MaeSpider

    menu = "".join(f'<li><a href="/chuyen-muc/muc-{n}-{n}.htm">Chuyên mục số {n} của Bộ</a>'
                   "</li>" for n in range(120))
    html = (f'<html><body><ul class="menu">{menu}</ul><div class="notice"><h2>{message}</h2>'
            "</div></body></html>")
    response = HtmlResponse("https://mae.gov.vn/bai-a-1.htm", body=html.encode(),
                            encoding="utf-8")
    assert classify_response(response) is None
    blocked = classify_response(response, MaeSpider.block_markers)
    assert blocked is not None and blocked.reason == "blocked: access-denied"
