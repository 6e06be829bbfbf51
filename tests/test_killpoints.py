"""The test kill point: a crawl interrupted exactly where the setting names."""

from __future__ import annotations

import signal

import pytest

from newscrawler.killpoints import parse_kill_point
from tests.conftest import exported_records, run_newscrawler

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", ["", "items", "items:0", "items:x", "nope:3", "items:3:HUP"])
def test_malformed_kill_points_are_refused(text):
    with pytest.raises(ValueError):
        parse_kill_point(text)


def test_signal_names_map_to_signals():
    assert parse_kill_point("feed_stored:2") == ("feed_stored", 2, signal.SIGKILL)
    assert parse_kill_point("items:7:term") == ("items", 7, signal.SIGTERM)


def test_kill_after_the_second_committed_batch_leaves_exactly_two_files(replica, tmp_path):
    result = run_newscrawler("crawl", "congthuong", "--replica", replica.url,
                             "--data-dir", str(tmp_path), "-s",
                             "FEED_EXPORT_BATCH_ITEM_COUNT=10", "-s",
                             "NEWSCRAWLER_TEST_KILL_AT=batch_committed:2")
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    files = sorted((tmp_path / "articles" / "congthuong").rglob("*.jsonl"))
    # Scrapy closes a full batch in a task of its own: under load the 3rd batch's file
    # may be renamed (not committed) before the 2nd batch's commit signal. Never fewer.
    assert len(files) in (2, 3), files
    assert len(exported_records(tmp_path, "congthuong")) == 10 * len(files)
    assert not (tmp_path / "runs").exists() or not list((tmp_path / "runs").glob("*.json"))
