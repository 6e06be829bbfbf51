"""A crawl meeting block, challenge, captcha, denial and shell pages (replica faults
`block_*`): each counted per kind with its URL, never exported, left pending and taken
by the next run; too many of them fail the run (NEWSCRAWLER_MAX_BLOCKED_SHARE).

Real processes: the replica server (with `--faults`) and each crawl.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.conftest import ReplicaProcess, exported_records, run_id_of, run_newscrawler

pytestmark = pytest.mark.slow

SITE = "congthuong"
KINDS = {"firewall", "challenge", "captcha", "access-denied", "app-shell"}


def truth_ids() -> set[str]:
    truth = run_newscrawler("replica", "truth", SITE)
    return {json.loads(line)["id"] for line in truth.stdout.splitlines()}


def entry_of(data_dir, stdout: str) -> dict:
    run_id = run_id_of(stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    return summary["sites"][SITE]


def test_blocked_pages_are_counted_never_exported_and_taken_next_run(tmp_path):
    # Each article path meets a block page on its first request only: the next run's
    # request is served the article.
    replica = ReplicaProcess("--sites", SITE, "--faults", "blocked=0.1,scope=articles,until=1")
    try:
        data_dir = tmp_path / "data"
        first = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                str(data_dir))
        assert first.returncode == 0, first.stdout + first.stderr
        entry = entry_of(data_dir, first.stdout)
        blocked = entry["blocked"]
        assert {page["kind"] for page in blocked} == KINDS
        for kind in KINDS:
            count = sum(1 for page in blocked if page["kind"] == kind)
            assert entry["stats"][f"newscrawler/{SITE}/blocked/{kind}"] == count
        exported_urls = {record["url"] for record in exported_records(data_dir, SITE)}
        blocked_urls = {page["url"] for page in blocked}
        assert not exported_urls & blocked_urls
        reasons = {f["reason"] for f in entry["failures"] if f["url"] in blocked_urls}
        assert reasons == {f"blocked: {kind}" for kind in KINDS}
        assert entry["stats"][f"newscrawler/{SITE}/frontier/pending"] == len(blocked_urls)

        second = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                 str(data_dir))
        assert second.returncode == 0, second.stdout + second.stderr
        counts = Counter(record["id"] for record in exported_records(data_dir, SITE))
        assert set(counts) == truth_ids()
        assert max(counts.values()) == 1
    finally:
        replica.stop()


def test_too_many_blocked_pages_fail_the_run(tmp_path):
    replica = ReplicaProcess("--sites", SITE, "--faults", "block_firewall=0.5,scope=articles")
    try:
        data_dir = tmp_path / "data"
        result = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                 str(data_dir), "-s", "NEWSCRAWLER_MAX_BLOCKED_SHARE=0.3")
        assert result.returncode == 1, result.stdout + result.stderr
        reasons = entry_of(data_dir, result.stdout)["verdict"]["reasons"]
        assert any("were blocked (firewall" in r for r in reasons), reasons
    finally:
        replica.stop()


def test_a_bad_max_blocked_share_is_one_line_and_exit_2(tmp_path):
    result = run_newscrawler("crawl", SITE, "--data-dir", str(tmp_path / "data"),
                             "-s", "NEWSCRAWLER_MAX_BLOCKED_SHARE=2")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "NEWSCRAWLER_MAX_BLOCKED_SHARE" in result.stderr
