"""Discovery that survives a listing redesign (issue 16, item 1): with every listing
selector of a replica site broken (`replica serve --redesign-listing SITE`: link
selectors, pagers and zone ids renamed), a crawl still exports >= 95 % of the truth,
and its verdict reports discovery drift. A healthy site takes no fallback.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import ReplicaProcess, exported_records, run_id_of, run_newscrawler

pytestmark = pytest.mark.slow

SITES = ["congthuong", "thoibaonganhang"]


@pytest.fixture(scope="module")
def redesigned_replica():
    server = ReplicaProcess("--sites", *SITES, "--redesign-listing", *SITES)
    yield server
    server.stop()


def entry_of(data_dir, stdout: str, site: str) -> dict:
    run_id = run_id_of(stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    return summary["sites"][site]


@pytest.mark.parametrize("site", SITES)
def test_a_listing_redesign_still_exports_the_truth_and_reports_drift(
        redesigned_replica, tmp_path, site):
    data_dir = tmp_path / "data"
    result = run_newscrawler("crawl", site, "--replica", redesigned_replica.url,
                             "--data-dir", str(data_dir))
    assert result.returncode == 1, result.stdout + result.stderr
    truth = run_newscrawler("replica", "truth", site)
    expected = {json.loads(line)["id"] for line in truth.stdout.splitlines()}
    exported = {record["id"] for record in exported_records(data_dir, site)}
    assert not exported - expected
    assert len(exported) >= 0.95 * len(expected), (len(exported), len(expected))
    entry = entry_of(data_dir, result.stdout, site)
    reasons = entry["verdict"]["reasons"]
    assert any("discovery drift" in reason for reason in reasons), reasons
    assert f"{site}: FAILED: {site}: discovery drift" in result.stdout
    assert entry["stats"][f"newscrawler/{site}/discovery/fallback"] >= 1


def test_a_healthy_site_takes_no_fallback(crawl_replica_site):
    data_dir, result = crawl_replica_site("congthuong")
    assert result.returncode == 0, result.stdout + result.stderr
    entry = entry_of(data_dir, result.stdout, "congthuong")
    assert "newscrawler/congthuong/discovery/fallback" not in entry["stats"]
