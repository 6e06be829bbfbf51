"""moj (issue 17): a real crawl of its replica over HTTP. A second run on the same data
directory fetches none of the articles the first exported, and the withdrawn article its
first section links (portal.py) and any article that answers 404 are failures with their
reason, never exported. moj's article pages share their path with the section pages and
differ by `?ItemID=` only: the crawl must keep that query (a section page exported as an
article, or two articles folded into one, would break the exact comparison).
"""

from __future__ import annotations

import re

import pytest

from .conftest import ReplicaProcess, exported_records, replica_truth
from .test_ministries_min1 import withdrawn
from .test_ministries_min2 import crawl, hits, latest_summary, replica_path

SITES = ["moj"]
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("site", SITES)
def test_rerun_fetches_no_known_article_and_withdrawn_page_is_a_failure(
        site, replica, tmp_path):
    crawl(replica, site, tmp_path)
    truth = replica_truth(site)
    first = exported_records(tmp_path, site)
    assert sorted(r["url"] for r in first) == sorted(r["url"] for r in truth)
    assert all("?ItemID=" in r["url"] for r in first)
    failures = latest_summary(tmp_path)["sites"][site]["failures"]
    assert [(f["url"], f["reason"]) for f in failures] == [
        (url, "HTTP 404") for url in withdrawn(site)]
    before = hits(replica)
    crawl(replica, site, tmp_path)
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
    assert {f["url"]: f["reason"] for f in failures} == dict.fromkeys(
        {gone} | withdrawn(site), "HTTP 404")
    urls = {r["url"] for r in exported_records(tmp_path, site)}
    assert urls == {r["url"] for r in records} - {gone}
