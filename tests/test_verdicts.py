"""Verdict semantics (issue 13, item 6), with real crawls against the replica.

- An expected permanent failure (a known article now 404, a robots.txt disallow) is
  reported in the run summary (`"permanent": true`), not a run failure, unless the error
  rate crosses NEWSCRAWLER_MAX_ERROR_RATE. The quiet reruns below export nothing new:
  before, one such failure failed them.
- A run cut short by CLOSESPIDER_TIMEOUT, NEWSCRAWLER_MAX_PAGES_PER_SITE or a signal is
  `incomplete` in the summary and fails, unless `--allow-partial` is given.

The replicas are deterministic: a clean one and a faulty one with the same `--articles`
serve the same articles, so a first crawl of the clean one makes them known, and a rerun
against the faulty one meets its faults on known articles.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ReplicaProcess, run_id_of, run_newscrawler

pytestmark = pytest.mark.slow

SITE, DOMAIN = "congthuong", "congthuong.vn"
ARTICLES = 40
# Every known article is due a re-check: the rerun fetches them all again.
RECHECK_ALL = ("-s", "NEWSCRAWLER_RECHECK_DAYS=100000")


@pytest.fixture(scope="module")
def known(tmp_path_factory) -> Path:
    """A data directory after a complete crawl of the clean replica."""
    replica = ReplicaProcess("--sites", SITE, "--articles", str(ARTICLES))
    try:
        data_dir = tmp_path_factory.mktemp("known") / "data"
        result = crawl(replica, data_dir)
    finally:
        replica.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    return data_dir


@pytest.fixture
def faulty():
    replicas: list[ReplicaProcess] = []

    def start(profile: str) -> ReplicaProcess:
        replicas.append(ReplicaProcess("--sites", SITE, "--articles", str(ARTICLES),
                                       "--faults", profile, "--fault-seed", "3"))
        return replicas[-1]

    yield start
    for replica in replicas:
        replica.stop()


def crawl(replica: ReplicaProcess, data_dir: Path, *extra: str
          ) -> subprocess.CompletedProcess:
    result = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                             str(data_dir), *extra)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def entry_of(data_dir: Path, result: subprocess.CompletedProcess) -> dict:
    run_id = run_id_of(result.stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    return summary["sites"][SITE]


def copy_of(known: Path, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(known, data_dir)
    return data_dir


def test_a_known_article_now_404_is_reported_not_a_failure(known, faulty, tmp_path):
    data_dir = copy_of(known, tmp_path)
    result = crawl(faulty("not_found=0.1,scope=articles"), data_dir, *RECHECK_ALL)
    entry = entry_of(data_dir, result)
    assert entry["items"] == 0 and entry["items_dropped"] > 0  # quiet: nothing changed
    gone = [f for f in entry["failures"] if f["reason"] == "HTTP 404"]
    assert gone and all(f["permanent"] for f in gone), entry["failures"]
    assert entry["permanent_failures"] == len(entry["failures"]) == len(gone)
    assert result.returncode == 0, result.stdout + result.stderr
    assert entry["verdict"] == {"ok": True, "reasons": [], "incomplete": None}
    assert f"{SITE}: 0 articles, {len(gone)} errors" in result.stdout


def test_a_robots_disallow_on_a_quiet_run_is_reported_not_a_failure(known, faulty, tmp_path):
    data_dir = copy_of(known, tmp_path)
    result = crawl(faulty("robots_disallow=1"), data_dir)
    entry = entry_of(data_dir, result)
    assert entry["items"] == 0
    assert entry["failures"] == [{"url": f"https://{DOMAIN}/thoi-su", "permanent": True,
                                  "reason": "IgnoreRequest: Forbidden by robots.txt"}]
    assert result.returncode == 0, result.stdout + result.stderr
    assert entry["verdict"]["ok"]


def test_permanent_failures_above_the_error_rate_fail_the_run(known, faulty, tmp_path):
    data_dir = copy_of(known, tmp_path)
    result = crawl(faulty("not_found=1,scope=articles"), data_dir, *RECHECK_ALL)
    entry = entry_of(data_dir, result)
    assert entry["permanent_failures"] == ARTICLES
    assert result.returncode == 1
    assert any("requests failed" in reason for reason in entry["verdict"]["reasons"])
    assert "threshold 20%" in result.stdout


def assert_incomplete(data_dir: Path, result, reason: str, allowed: bool) -> None:
    entry = entry_of(data_dir, result)
    assert reason in entry["incomplete"], entry["incomplete"]
    assert entry["verdict"]["incomplete"] == entry["incomplete"]
    if allowed:
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"(incomplete: {entry['incomplete']})" in result.stdout
    else:
        assert result.returncode == 1, result.stdout + result.stderr
        assert f"incomplete: {entry['incomplete']}" in entry["verdict"]["reasons"]
        assert f"{SITE}: FAILED: " in result.stdout


@pytest.mark.parametrize("allowed", [False, True])
def test_a_run_stopped_by_closespider_timeout_is_incomplete(faulty, tmp_path, allowed):
    # Every answer takes 2 s; a listing page and an article take 4 s: past the 1 s limit.
    replica = faulty("slow=1,slow_s=2")
    data_dir = tmp_path / "data"
    result = crawl(replica, data_dir, "-s", "CLOSESPIDER_TIMEOUT=1",
                   *(["--allow-partial"] if allowed else []))
    assert_incomplete(data_dir, result, "CLOSESPIDER_TIMEOUT", allowed)
    assert entry_of(data_dir, result)["finish_reason"] == "closespider_timeout"


@pytest.mark.parametrize("allowed", [False, True])
@pytest.mark.parametrize(("setting", "reason"), [
    ("NEWSCRAWLER_MAX_PAGES_PER_SITE=12", "page budget NEWSCRAWLER_MAX_PAGES_PER_SITE"),
    # SIGTERM at the 8th response: a clean stop, files completed, state committed.
    ("NEWSCRAWLER_TEST_KILL_AT=responses:8:TERM", "interrupted before the end (shutdown)"),
])
def test_a_run_stopped_by_the_page_budget_or_a_signal_is_incomplete(
        faulty, tmp_path, setting, reason, allowed):
    replica = faulty("slow=0")  # no fault: a plain replica of its own
    data_dir = tmp_path / "data"
    result = crawl(replica, data_dir, "-s", setting, *(["--allow-partial"] if allowed else []))
    assert_incomplete(data_dir, result, reason, allowed)
