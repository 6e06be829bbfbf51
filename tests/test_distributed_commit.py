"""The distributed commit window (issue 13, item 5).

A worker killed after renaming its export file and before committing it to the shared
crawl state (the `feed_stored` kill point fires exactly there) left a complete file the
other workers knew nothing of: they fetched its articles again from its leases and
exported them a second time. Now the file's articles are staged in Redis before the
rename, and whoever recovers the dead worker's leases commits them first.
"""

from __future__ import annotations

import json
import signal

import pytest

from newscrawler.staging import roll_forward_settled, settled_key, staged_key

from .test_distributed import (
    FRONTIER_DB,
    SITE,
    assert_exactly_the_truth,
    finish,
    replica,  # noqa: F401 - the module's replica fixture
    start_worker,
    worker_logs,
)
from .test_incremental import read_completed

pytestmark = pytest.mark.slow

BATCH = 10
SLOW = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "DOWNLOAD_DELAY=0.02",
        "-s", f"FEED_EXPORT_BATCH_ITEM_COUNT={BATCH}")


@pytest.fixture
def redis_url(redis_server) -> str:
    redis_server.flush(FRONTIER_DB)
    redis_server.flush(FRONTIER_DB + 1)
    return redis_server.url(FRONTIER_DB)


def test_a_worker_killed_between_rename_and_commit_exports_nothing_twice(
        replica, redis_server, redis_url, tmp_path):  # noqa: F811
    survivor = start_worker(replica, redis_url, tmp_path, "w1", *SLOW)
    victim = start_worker(replica, redis_url, tmp_path, "w2", *SLOW,
                          "-s", "NEWSCRAWLER_TEST_KILL_AT=feed_stored:1")
    victim.communicate(timeout=120)
    assert victim.returncode == -signal.SIGKILL, "w2 never completed a file"
    files = list((tmp_path / "w2" / "articles").rglob("*.jsonl"))
    assert len(files) == 1 and len(read_completed(tmp_path / "w2")) == BATCH
    finish(survivor)
    assert_exactly_the_truth(tmp_path)
    logs = worker_logs(tmp_path)
    assert f"committed {BATCH} articles of {files[0].name}, exported by worker w2" in logs
    with redis_server.client(FRONTIER_DB) as client:
        assert not client.exists(staged_key(SITE, "w2"))

    # w2 comes back: its file is known, nothing is exported again.
    finish(start_worker(replica, redis_url, tmp_path, "w2"))
    assert_exactly_the_truth(tmp_path)


def test_a_complete_part_committed_by_another_worker_is_rolled_forward(
        redis_server, redis_url, tmp_path):
    day = tmp_path / "articles" / SITE / "2026-12-01"
    day.mkdir(parents=True)
    complete = day / "r1-w2.jsonl.part"
    complete.write_text("".join(json.dumps({"id": f"a{n}"}) + "\n" for n in range(3)))
    torn = day / "r1-w2.2.jsonl.part"
    torn.write_text('{"id": "b1"}\n{"id": "b')
    with redis_server.client(FRONTIER_DB) as client:
        client.hset(settled_key(SITE), mapping={"r1-w2.jsonl": 3, "r1-w2.2.jsonl": 2})
    assert roll_forward_settled(redis_url, tmp_path) == 1
    assert (day / "r1-w2.jsonl").is_file() and not complete.exists()
    assert torn.exists()  # not whole: cleanup deletes it, its articles are fetched again
