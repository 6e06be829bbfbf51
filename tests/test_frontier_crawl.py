"""Nothing lost: crawls interrupted (kill -9, SIGTERM) or hit by single failed fetches are
completed by plain reruns, thanks to the discovery frontier (issue 13, item 1).

Real processes only: the replica server and each crawl run in their own process; the
kills happen at points the crawl signals (NEWSCRAWLER_TEST_KILL_AT), never at a guess.
The truth is the replica's (`newscrawler replica truth`), never the crawler's pages.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO, ReplicaProcess, newscrawler_command, run_newscrawler

pytestmark = pytest.mark.slow

SITES = ["congthuong", "most", "moh"]
ARTICLES = 120  # per site: several listing pages and four batches of 30 per site
BATCH = "FEED_EXPORT_BATCH_ITEM_COUNT=30"


def truth_records(site: str, articles: int = ARTICLES) -> list[dict]:
    result = run_newscrawler("replica", "truth", site, "--articles", str(articles))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def truth_ids(site: str, articles: int = ARTICLES) -> set[str]:
    return {record["id"] for record in truth_records(site, articles)}


def exported_ids(data_dir: Path, site: str) -> list[str]:
    """Every id in every completed export of the site; each line must be whole JSON."""
    ids = []
    for path in sorted((data_dir / "articles" / site).rglob("*.jsonl")):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n"), f"{path}: torn last line"
        for number, line in enumerate(text.splitlines(), 1):
            try:
                ids.append(json.loads(line)["id"])
            except json.JSONDecodeError:
                pytest.fail(f"{path}:{number}: torn line {line[:60]!r}")
    return ids


def crawl(replica: ReplicaProcess, data_dir: Path, sites: list[str], *extra: str):
    return run_newscrawler("crawl", *sites, "--replica", replica.url, "--data-dir",
                           str(data_dir), "-s", BATCH, *extra)


def problems(data_dir: Path, truth: dict[str, set[str]]) -> list[str]:
    found = []
    for site, expected in truth.items():
        ids = exported_ids(data_dir, site)
        twice = sorted(key for key, n in Counter(ids).items() if n > 1)
        missing = sorted(expected - set(ids))
        extra = sorted(set(ids) - expected)
        if twice or missing or extra:
            found.append(f"{site}: {len(missing)} missing, {len(twice)} twice, "
                         f"{len(extra)} unexpected (first: {(missing + twice + extra)[:2]})")
    return found


def rerun_until_complete(replica, data_dir, truth, sites, *extra: str, reruns: int = 2
                         ) -> tuple[int, list[str]]:
    """Plain reruns (no --full), at most `reruns`; returns (reruns used, problems)."""
    for used in range(1, reruns + 1):
        result = crawl(replica, data_dir, sites, *extra)
        assert result.returncode in (0, 1), result.stdout + result.stderr
        found = problems(data_dir, truth)
        if not found:
            return used, []
    return reruns, found


def run_summary(data_dir: Path) -> dict:
    latest = sorted((data_dir / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)[-1]
    return json.loads(latest.read_text(encoding="utf-8"))


def frontier_stats(summary: dict, site: str) -> dict[str, int]:
    prefix = f"newscrawler/{site}/frontier/"
    stats = summary["sites"][site]["stats"]
    return {key[len(prefix):]: value for key, value in stats.items() if key.startswith(prefix)}


# --- the reproduction --------------------------------------------------------------


def test_kill_after_the_second_committed_batch_then_one_rerun_exports_all_200(tmp_path):
    """Issue 13: 200 articles, batches of 30, kill -9 after the 2nd committed batch: the
    reruns found 60 of 200. Now the first plain rerun completes it."""
    replica = ReplicaProcess("--sites", "most", "--articles", "200")
    try:
        killed = crawl(replica, tmp_path, ["most"], "-s",
                       "NEWSCRAWLER_TEST_KILL_AT=batch_committed:2")
        assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
        assert len(exported_ids(tmp_path, "most")) == 60
        truth = {"most": truth_ids("most", 200)}
        assert len(truth["most"]) == 200
        used, found = rerun_until_complete(replica, tmp_path, truth, ["most"], reruns=1)
        assert found == [], found
        stats = frontier_stats(run_summary(tmp_path), "most")
        assert stats["pending"] == 0 and stats["given_up"] == 0
        assert stats["resumed"] + stats["discovered"] == 140, stats
    finally:
        replica.stop()


# --- kills at signalled points, three sites, SQLite and Redis ---------------------------------


@pytest.fixture(scope="module")
def kill_replica():
    replica = ReplicaProcess("--sites", *SITES, "--articles", str(ARTICLES))
    yield replica
    replica.stop()


@pytest.fixture(scope="module")
def truth() -> dict[str, set[str]]:
    return {site: truth_ids(site) for site in SITES}


# Events are counted per site (one crawler each): ~130 responses, 120 items, 4 batches.
KILLS = [
    ("sqlite", "items:75"),
    ("sqlite", "feed_stored:3"),
    ("sqlite", "responses:100:TERM"),
    ("sqlite", "batch_committed:3:TERM"),
    ("redis", "batch_committed:2"),
    ("redis", "responses:90"),
    ("redis", "items:60:TERM"),
]


@pytest.mark.parametrize(("backend", "kill_at"), KILLS)
def test_an_interrupted_crawl_is_completed_by_at_most_two_plain_reruns(
        request, kill_replica, truth, tmp_path, backend, kill_at):
    extra: list[str] = []
    if backend == "redis":
        server = request.getfixturevalue("redis_server")
        server.flush(7)
        extra = ["--state", server.url(7)]
    killed = crawl(kill_replica, tmp_path, SITES, *extra, "-s",
                   f"NEWSCRAWLER_TEST_KILL_AT={kill_at}")
    expected = -signal.SIGTERM if kill_at.endswith("TERM") else -signal.SIGKILL
    if kill_at.endswith("TERM"):  # a clean stop: its files completed, its state committed
        assert killed.returncode in (0, 1), killed.stdout + killed.stderr
    else:
        assert killed.returncode == expected, killed.stdout + killed.stderr
    assert problems(tmp_path, truth), "the kill came too late to interrupt anything"
    used, found = rerun_until_complete(kill_replica, tmp_path, truth, SITES, *extra)
    assert found == [], f"after {used} plain reruns: {found}"
    summary = run_summary(tmp_path)
    for site in SITES:
        assert frontier_stats(summary, site)["pending"] == 0, site
    # A last rerun, nothing new: no article fetched, nothing exported.
    files = sorted((tmp_path / "articles").rglob("*.jsonl"))
    quiet = crawl(kill_replica, tmp_path, SITES, *extra)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert sorted((tmp_path / "articles").rglob("*.jsonl")) == files
    for site in SITES:
        entry = run_summary(tmp_path)["sites"][site]
        assert entry["items"] == 0 and entry["pages"] < 25, (site, entry["pages"])
        assert frontier_stats(run_summary(tmp_path), site)["resumed"] == 0


# --- single failed fetches that later recover ---------------------------------------------


def test_404s_and_redirect_loops_on_first_fetch_are_exported_by_the_next_run(tmp_path):
    replica = ReplicaProcess("--sites", *SITES, "--articles", str(ARTICLES), "--faults",
                             "not_found=0.05,redirect_loop=0.05,scope=articles,until=1",
                             "--fault-seed", "13")
    try:
        first = crawl(replica, tmp_path, SITES)
        assert first.returncode in (0, 1), first.stdout + first.stderr
        summary = run_summary(tmp_path)
        failed = {site: summary["sites"][site]["failures"] for site in SITES}
        reasons = " ".join(f["reason"] for fs in failed.values() for f in fs)
        assert "HTTP 404" in reasons and "redirect loop" in reasons, reasons
        # The failed ones wait in the frontier, listed with their attempt and reason.
        listed = run_newscrawler("state", "pending", "congthuong", "--data-dir",
                                 str(tmp_path))
        assert listed.returncode == 0, listed.stderr
        lines = [line.split("\t") for line in listed.stdout.splitlines()]
        assert sorted(url for url, *_ in lines) == sorted(f["url"] for f in failed["congthuong"])
        assert lines and all(attempts == "1" and reason for _, attempts, _, reason in lines)
        truth = {site: truth_ids(site) for site in SITES}
        assert problems(tmp_path, truth)
        used, found = rerun_until_complete(replica, tmp_path, truth, SITES, reruns=1)
        assert found == [], found
        stats = frontier_stats(run_summary(tmp_path), "congthuong")
        assert stats["resumed"] == len(lines) and stats["pending"] == 0
    finally:
        replica.stop()


def test_a_500_on_listing_page_3_is_walked_again_by_the_next_plain_run(tmp_path):
    """Listing page 3 answers 500 to the first crawl's three tries, then recovers. The
    next plain run may not stop that walk at known pages 1-2: it was not complete."""
    # MasterCMS pages listings as `<category>&s_cond=&BRSR=<offset>`; thoi-su steps by 15.
    replica = ReplicaProcess("--sites", "congthuong", "--articles", "400",
                             "--faults", r"http_500=1,until=3,match=^/congthuong\.vn/"
                                         r"thoi-su&s_cond=&BRSR=30$")
    try:
        first = crawl(replica, tmp_path, ["congthuong"])
        assert first.returncode in (0, 1), first.stdout + first.stderr
        failures = run_summary(tmp_path)["sites"]["congthuong"]["failures"]
        assert [f["url"] for f in failures] == ["https://congthuong.vn/thoi-su&s_cond=&BRSR=30"]
        stats = frontier_stats(run_summary(tmp_path), "congthuong")
        assert stats["walks_incomplete"] >= 1
        truth = {"congthuong": truth_ids("congthuong", 400)}
        assert problems(tmp_path, truth), "page 3 held no article only it lists"
        used, found = rerun_until_complete(replica, tmp_path, truth, ["congthuong"],
                                           reruns=1)
        assert found == [], found
        assert frontier_stats(run_summary(tmp_path), "congthuong")["walks_incomplete"] == 0
    finally:
        replica.stop()


def test_a_url_failing_every_run_is_given_up_after_max_attempts(tmp_path):
    gone = truth_records("congthuong")[7]["url"]  # 404 on every request
    path = re.escape("/" + gone.split("://", 1)[1])
    replica = ReplicaProcess("--sites", "congthuong", "--articles", str(ARTICLES),
                             "--faults", f"not_found=1,scope=articles,match=^{path}$")
    try:
        attempts = "NEWSCRAWLER_MAX_ATTEMPTS=2"
        crawl(replica, tmp_path, ["congthuong"], "-s", attempts)
        first = run_newscrawler("state", "pending", "congthuong", "--data-dir", str(tmp_path))
        assert [line.split("\t")[:2] for line in first.stdout.splitlines()] == [[gone, "1"]]
        crawl(replica, tmp_path, ["congthuong"], "-s", attempts)
        given_up = run_newscrawler("state", "pending", "congthuong", "--data-dir",
                                   str(tmp_path), "--given-up")
        lines = [line.split("\t") for line in given_up.stdout.splitlines()]
        assert lines == [[gone, "2", "given-up", "HTTP 404"]]
        stats = frontier_stats(run_summary(tmp_path), "congthuong")
        assert stats["given_up"] == stats["given_up_new"] == 1 and stats["pending"] == 0
        # Given up: the next run does not ask for them again.
        crawl(replica, tmp_path, ["congthuong"], "-s", attempts)
        stats = frontier_stats(run_summary(tmp_path), "congthuong")
        assert stats["resumed"] == 0 and stats["given_up"] == 1
        assert run_summary(tmp_path)["sites"]["congthuong"]["errors"] == 0
    finally:
        replica.stop()


# --- the state command's bad input ----------------------------------------------------------


@pytest.mark.parametrize("args", [["nope"], ["congthuong", "--state", "foo://x"],
                                  ["congthuong", "--state", "redis://127.0.0.1:1/0"]])
def test_state_pending_refuses_bad_input_in_one_line(tmp_path, args):
    result = run_newscrawler("state", "pending", *args, "--data-dir", str(tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("newscrawler: error: ")
    assert len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_state_pending_without_a_state_is_an_error_not_a_new_file(tmp_path):
    result = run_newscrawler("state", "pending", "congthuong", "--data-dir", str(tmp_path))
    assert result.returncode == 2 and "no crawl state" in result.stderr
    assert not (tmp_path / "state.sqlite3").exists()


# --- distributed mode: the frontier in the shared Redis --------------------------------------


def replica_hits(replica: ReplicaProcess) -> Counter:
    import urllib.request

    with urllib.request.urlopen(f"{replica.url}/_replica/hits", timeout=60) as response:
        return Counter(json.loads(response.read()))


def test_distributed_workers_finish_a_killed_workers_round_fetching_each_article_once(
        redis_server, tmp_path):
    """A worker is killed after its first committed batch; two workers started together
    then resume its pending URLs through the shared queue (deduplicated per round)."""
    redis_server.flush(8)
    common = ["congthuong", "--redis", redis_server.url(8), "-s", BATCH,
              "-s", "NEWSCRAWLER_WORKER_TTL=1"]
    replica = ReplicaProcess("--sites", "congthuong", "--articles", str(ARTICLES))
    try:
        common += ["--replica", replica.url]
        killed = run_newscrawler("crawl", *common, "--data-dir", str(tmp_path / "w1"), "-s",
                                 "NEWSCRAWLER_WORKER_ID=w1", "-s",
                                 "NEWSCRAWLER_TEST_KILL_AT=batch_committed:1")
        assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
        listed = run_newscrawler("state", "pending", "congthuong", "--state",
                                 redis_server.url(8))
        assert listed.returncode == 0 and listed.stdout.count("\n") > 0, listed.stderr
        before = replica_hits(replica)
        workers = [subprocess.Popen(
            newscrawler_command("crawl", *common, "--data-dir", str(tmp_path / worker),
                                "-s", f"NEWSCRAWLER_WORKER_ID={worker}"),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO)
            for worker in ("w2", "w3")]
        for worker in workers:
            output, _ = worker.communicate(timeout=240)
            assert worker.returncode == 0, output
        fetched = replica_hits(replica) - before
        ids = [key for name in ("w1", "w2", "w3") for key in exported_ids(tmp_path / name,
                                                                           "congthuong")]
        assert sorted(ids) == sorted(truth_ids("congthuong"))  # each exactly once
        articles = {path: n for path, n in fetched.items() if path.endswith(".html")}
        assert articles and max(articles.values()) == 1, articles
        after = run_newscrawler("state", "pending", "congthuong", "--state",
                                redis_server.url(8))
        assert after.stdout == "", after.stdout
    finally:
        replica.stop()
