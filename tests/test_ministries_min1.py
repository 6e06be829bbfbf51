"""Issue 17 sites vpcp, bvhttdl and mofa over real HTTP: an incremental rerun fetches no
known article, and the pages they serve that are no articles (the 404 of a withdrawn
article that bvhttdl's and mofa's listings link, portal.py; any missing article's 404;
bvhttdl's `-t<id>.htm` topic pages) are counted as failures or refused links, never
exported. Expectations come from the replica's truth and its request log, never from the
crawler's own pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newscrawler.replica import load_site
from tests.conftest import ReplicaProcess, read_jsonl, run_newscrawler

SITES = ["vpcp", "bvhttdl", "mofa"]
pytestmark = pytest.mark.slow


def crawl(replica: ReplicaProcess, data_dir: Path, *sites: str) -> dict:
    result = run_newscrawler("crawl", *sites, "--replica", replica.url,
                             "--data-dir", str(data_dir))
    assert result.returncode in (0, 1), result.stdout + result.stderr
    latest = max((data_dir / "runs").glob("*.json"), key=lambda path: path.stat().st_mtime)
    return json.loads(latest.read_text(encoding="utf-8"))


def truth(site: str) -> list[dict]:
    result = run_newscrawler("replica", "truth", site)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def hits(replica: ReplicaProcess) -> dict[str, int]:
    import urllib.request

    with urllib.request.urlopen(f"{replica.url}/_replica/hits", timeout=60) as response:
        return json.loads(response.read())


def withdrawn(site: str) -> set[str]:
    """The linked article URLs the replica answers with 404 (its own data)."""
    gone = getattr(load_site(site), "withdrawn", None)
    return {gone.url} if gone is not None else set()


def failures(run: dict, site: str) -> dict[str, str]:
    return {failure["url"]: failure["reason"] for failure in run["sites"][site]["failures"]}


def exported(data_dir: Path, site: str) -> list[dict]:
    return read_jsonl(sorted((data_dir / "articles" / site).rglob("*.jsonl")))


def test_an_incremental_rerun_fetches_no_known_article(tmp_path):
    replica = ReplicaProcess("--sites", *SITES)
    try:
        first = crawl(replica, tmp_path, *SITES)
        for site in SITES:
            assert len(exported(tmp_path, site)) == len(truth(site)), site
            assert failures(first, site) == dict.fromkeys(withdrawn(site), "HTTP 404"), site
        before = hits(replica)
        second = crawl(replica, tmp_path, *SITES)
        after = hits(replica)
    finally:
        replica.stop()
    for site in SITES:
        stats = second["sites"][site]["stats"]
        # Only what failed is asked again (test_faults: permanent failures are retried).
        assert stats.get(f"newscrawler/{site}/article_requests", 0) == len(withdrawn(site))
        assert failures(second, site) == dict.fromkeys(withdrawn(site), "HTTP 404"), site
        assert stats.get(f"newscrawler/{site}/links_known", 0) > 0, (site, stats)
        assert len(exported(tmp_path, site)) == len(truth(site)), site
    articles = {re.sub(r"^https://", "/", record["url"]) for site in SITES
                for record in truth(site)}
    assert articles <= set(after)  # the log names the pages as built here
    asked_again = {path for path, count in after.items()
                   if path in articles and count > before.get(path, 0)}
    assert asked_again == set()


@pytest.mark.parametrize("site", SITES)
def test_withdrawn_and_missing_articles_are_failures_with_their_reason_never_exported(
        site, tmp_path):
    records = truth(site)
    gone = records[len(records) // 2]["url"]
    path = re.escape(gone.removeprefix("https://"))
    replica = ReplicaProcess("--sites", site, "--faults",
                             f"not_found=1,scope=articles,match=^/{path}$")
    try:
        run = crawl(replica, tmp_path, site)
    finally:
        replica.stop()
    assert failures(run, site) == dict.fromkeys({gone} | withdrawn(site), "HTTP 404")
    urls = {record["url"] for record in exported(tmp_path, site)}
    assert urls.isdisjoint({gone} | withdrawn(site))
    assert urls == {record["url"] for record in records} - {gone}


def test_bvhttdl_topic_pages_are_linked_but_never_fetched_or_exported(replica, tmp_path):
    before = hits(replica)
    run = crawl(replica, tmp_path, "bvhttdl")
    requested = {path for path, count in hits(replica).items()
                 if count > before.get(path, 0) and path.startswith("/bvhttdl.gov.vn/")}
    topics = re.compile(r"-t\d+\.htm$")
    wanted = {re.sub(r"^https://", "/", record["url"]) for record in truth("bvhttdl")}
    assert wanted <= requested  # the log holds this crawl's requests
    assert not any(topics.search(path) for path in requested), sorted(requested)[:5]
    stats = run["sites"]["bvhttdl"]["stats"]
    assert stats["newscrawler/bvhttdl/links_not_article"] > 0
    assert not any(topics.search(r["url"]) for r in exported(tmp_path, "bvhttdl"))
