"""A run's export cut into batch files, each committed to the crawl state once complete.

Real processes: a replica server and `newscrawler crawl` with a small
FEED_EXPORT_BATCH_ITEM_COUNT. The files together hold the site's truth exactly once, no
file holds more than a batch, each file was committed on its own (the run's log), and a
rerun finds every article known.
"""

from __future__ import annotations

import re

import pytest

from newscrawler.replica.truth import truth_records

from .conftest import ReplicaProcess, read_jsonl, run_newscrawler

pytestmark = pytest.mark.slow

ARTICLES = 60
BATCH = 13
COMMITTED = re.compile(r"Crawl state: (\d+) articles committed \((\S+)\)")


@pytest.fixture(scope="module")
def replica():
    server = ReplicaProcess("--sites", "congthuong", "--articles", str(ARTICLES))
    yield server
    server.stop()


def crawl(replica, data_dir):
    result = run_newscrawler("crawl", "congthuong", "--replica", replica.url,
                             "--data-dir", str(data_dir),
                             "-s", f"FEED_EXPORT_BATCH_ITEM_COUNT={BATCH}")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_batches_hold_the_truth_once_and_each_is_committed_when_complete(replica, tmp_path):
    crawl(replica, tmp_path)
    files = sorted((tmp_path / "articles" / "congthuong").rglob("*.jsonl"))
    sizes = {path.name: len(read_jsonl([path])) for path in files}
    assert len(files) == -(-ARTICLES // BATCH), sizes
    assert all(size <= BATCH for size in sizes.values()), sizes
    names = sorted(sizes)
    run_id = min(names, key=len).removesuffix(".jsonl")
    assert names == sorted([f"{run_id}.jsonl"] + [f"{run_id}.{n}.jsonl"
                                                    for n in range(2, len(files) + 1)])
    records = read_jsonl(files)
    truth = {record["url"] for record in truth_records("congthuong", ARTICLES)}
    assert sorted(record["url"] for record in records) == sorted(truth)

    log = next((tmp_path / "logs").glob(f"{run_id}*.log")).read_text(encoding="utf-8")
    commits = {name: int(count) for count, name in COMMITTED.findall(log)}
    assert commits == sizes  # one commit per file, of exactly its articles
    # The first batch was committed while the crawl was still exporting articles.
    first_commit = log.index(f"committed ({run_id}.jsonl)")
    assert log.rfind("Feed complete") > first_commit


def test_a_rerun_after_batched_runs_exports_nothing(replica, tmp_path):
    crawl(replica, tmp_path)
    crawl(replica, tmp_path)
    files = sorted((tmp_path / "articles" / "congthuong").rglob("*.jsonl"))
    assert len(read_jsonl(files)) == ARTICLES
