"""Run checks: a healthy run exits 0 with a report matching its files; a site whose
replica changed its article layout fails the run, and the report names the site, the
field and the drift."""

from __future__ import annotations

import json

import pytest

from .conftest import ReplicaProcess, exported_records, run_newscrawler


@pytest.fixture(scope="module")
def redesigned_replica():
    server = ReplicaProcess("--redesign", "congthuong")
    yield server
    server.stop()


def test_healthy_run_report_matches_files(crawl_replica_site):
    data_dir, result = crawl_replica_site("congthuong")
    assert result.returncode == 0
    [summary_path] = (data_dir / "runs").glob("*.json")
    summary = json.loads(summary_path.read_text("utf-8"))
    assert summary["verdict"] == {"ok": True, "reasons": []}
    site = summary["sites"]["congthuong"]
    files = site["files"]
    assert sum(f["items"] for f in files) == site["items"]
    assert site["items"] == len(exported_records(data_dir, "congthuong"))
    for entry in files:
        with open(entry["path"], encoding="utf-8") as lines:
            assert sum(1 for _ in lines) == entry["items"]
    assert summary_path.with_suffix(".html").exists()


def test_layout_change_fails_the_run_and_names_the_drift(redesigned_replica, tmp_path):
    result = run_newscrawler("crawl", "congthuong", "--replica", redesigned_replica.url,
                             "--data-dir", str(tmp_path))
    assert result.returncode == 1, result.stdout
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line.startswith("congthuong: FAILED: congthuong: extraction drift:")
    summary = json.loads(next((tmp_path / "runs").glob("*.json")).read_text("utf-8"))
    assert summary["verdict"]["ok"] is False
    [reason] = summary["sites"]["congthuong"]["verdict"]["reasons"]
    for field in ("title", "body", "published_at"):
        assert f"{field} not from its selector in 100% of records" in reason
    html = (tmp_path / "runs" / f"{summary['run_id']}.html").read_text("utf-8")
    assert "extraction drift" in html
