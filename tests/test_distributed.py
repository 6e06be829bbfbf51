"""Crawling from several machines (issue 7): workers sharing one Redis frontier and state.

The process tests start real worker processes (`newscrawler crawl --redis`) against a
replica server and a real redis-server (conftest `redis_server`), with
ScrapyDeprecationWarning turned into errors inside the workers. The unit tests drive the
scheduler in-process against the same Redis.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler
from twisted.internet.task import Clock

from newscrawler.distributed import (
    CanonicalRequestFingerprinter,
    DistributedMode,
    FrontierKeys,
    SharedFrontierScheduler,
)
from newscrawler.export.storage import feed_uri_params
from newscrawler.items import CONTENT_FIELDS
from newscrawler.replica.truth import truth_records
from newscrawler.spiders.congthuong import CongthuongSpider

from .conftest import REPO, ReplicaProcess, run_newscrawler
from .test_incremental import ARTICLE_PATH, control, hits_between, read_completed

pytestmark = pytest.mark.slow

SITE = "congthuong"
ARTICLES = 80
FRONTIER_DB, STATE_DB = 5, 6
WORKER_TTL = 1.5  # seconds: a killed worker is noticed quickly
# A worker process with ScrapyDeprecationWarning as an error (scrapy-redis 0.9.1 still
# passes `spider=` to the stats and calls Spider.log(): none of that may run).
WORKER = (
    "import sys, warnings; from scrapy.exceptions import ScrapyDeprecationWarning; "
    "warnings.simplefilter('error', ScrapyDeprecationWarning); "
    "from newscrawler.cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.fixture(scope="module")
def replica():
    server = ReplicaProcess("--sites", SITE, "--articles", str(ARTICLES))
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server) -> str:
    redis_server.flush(FRONTIER_DB)
    return redis_server.url(FRONTIER_DB)


def start_worker(replica, redis_url: str, root: Path, worker: str, *extra: str
                 ) -> subprocess.Popen:
    """A worker with its own data directory, `root/<worker>` (one crawl per data
    directory: the README's rule for workers)."""
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, "crawl", SITE, "--replica", replica.url,
         "--data-dir", str(root / worker), "--redis", redis_url,
         "-s", f"NEWSCRAWLER_WORKER_ID={worker}", "-s", f"NEWSCRAWLER_WORKER_TTL={WORKER_TTL}",
         *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO,
    )


def finish(process: subprocess.Popen) -> str:
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    return output


def worker_logs(root: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8")
                     for path in sorted(root.glob("*/logs/*.log")))


def read_all_workers(root: Path) -> list[dict]:
    """The completed exports of every worker's data directory under `root`."""
    return [record for data_dir in sorted(root.iterdir()) if (data_dir / "articles").is_dir()
            for record in read_completed(data_dir)]


def assert_exactly_the_truth(root: Path) -> list[dict]:
    records = read_all_workers(root)
    twice = [key for key, n in Counter(r["id"] for r in records).items() if n > 1]
    assert twice == [], f"exported more than once: {twice[:5]}"
    exported = {record["id"]: record for record in records}
    truth = {record["id"]: record for record in truth_records(SITE, ARTICLES)}
    assert sorted(exported) == sorted(truth)
    wrong = [(key, name) for key, want in truth.items() for name in CONTENT_FIELDS
             if exported[key][name] != want[name]]
    assert wrong == [], wrong[:5]
    return records


def article_hits(replica, before: dict[str, int]) -> Counter:
    return Counter({path: n for path, n in hits_between(before, control(replica, "hits"))
                    .items() if ARTICLE_PATH.match(path)})


# --- worker processes ---------------------------------------------------------------------


def test_two_workers_at_once_export_the_truth_once_and_a_rerun_fetches_nothing_known(
        replica, redis_url, tmp_path):
    before = control(replica, "hits")
    # Paced, so that a worker started a second later under load still finds work left.
    paced = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "DOWNLOAD_DELAY=0.05")
    workers = [start_worker(replica, redis_url, tmp_path, name, *paced)
               for name in ("w1", "w2")]
    outputs = [finish(process) for process in workers]
    records = assert_exactly_the_truth(tmp_path)
    fetched = article_hits(replica, before)
    assert sum(fetched.values()) == ARTICLES and set(fetched.values()) == {1}, (
        "an article was fetched by both workers")
    # Each worker wrote its own file, named after it; both took part.
    files = sorted(path.name for path in tmp_path.glob("*/articles/**/*.jsonl"))
    assert sorted(name.rsplit("-", 1)[1] for name in files) == ["w1.jsonl", "w2.jsonl"], files
    assert all(" articles, " in output for output in outputs)
    logs = worker_logs(tmp_path)
    assert "Traceback" not in logs and "DeprecationWarning" not in logs
    # The workers' articles trees copied into one directory (rsync in the README): the
    # dataset export reads both workers' files as one dataset.
    merged = tmp_path / "merged"
    for worker in ("w1", "w2"):
        shutil.copytree(tmp_path / worker / "articles", merged / "articles",
                        dirs_exist_ok=True)
    out = tmp_path / "dataset.jsonl"
    result = run_newscrawler("dataset", "export", "--format", "jsonl",
                             "--data-dir", str(merged), str(out))
    assert result.returncode == 0, result.stderr
    dataset = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in dataset) == sorted(r["id"] for r in records)
    shutil.rmtree(merged)

    # A rerun on the same Redis: the listings again, no known article.
    before = control(replica, "hits")
    finish(start_worker(replica, redis_url, tmp_path, "w3"))
    assert article_hits(replica, before) == Counter()
    assert len(read_all_workers(tmp_path)) == ARTICLES


def test_a_worker_killed_mid_crawl_loses_no_article(replica, redis_server, redis_url,
                                                   tmp_path):
    """SIGKILL one worker once it holds leased requests and exported articles into its
    unfinished file; the other finishes the round alone, then the killed one restarts."""
    before = control(replica, "hits")
    slow = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "DOWNLOAD_DELAY=0.02")
    survivor = start_worker(replica, redis_url, tmp_path, "w1", *slow)
    victim = start_worker(replica, redis_url, tmp_path, "w2", *slow)
    leases = FrontierKeys(SITE, "w2").leases
    with redis_server.client(FRONTIER_DB) as client:
        deadline = time.monotonic() + 60
        while client.hlen(leases) < 15 and victim.poll() is None:
            assert time.monotonic() < deadline, "w2 never leased requests"
            time.sleep(0.01)
    assert victim.poll() is None, "w2 finished before it could be killed"
    os.kill(victim.pid, signal.SIGKILL)
    assert victim.wait() == -signal.SIGKILL, "w2 ended before the kill landed"
    output = finish(survivor)
    logs = worker_logs(tmp_path)
    assert "worker w2 of congthuong stopped answering" in logs, output
    assert not list(tmp_path.glob("w2/articles/**/*.jsonl")), "w2 completed its file"
    assert_exactly_the_truth(tmp_path)

    # The killed worker restarts: a new round; every article is known, none is fetched.
    middle = control(replica, "hits")
    finish(start_worker(replica, redis_url, tmp_path, "w2"))
    assert article_hits(replica, middle) == Counter()
    assert_exactly_the_truth(tmp_path)
    with redis_server.client(FRONTIER_DB) as client:
        frontier = sorted(key.decode() for key in client.keys("newscrawler:frontier:*"))
    assert frontier == [], "the round's keys outlived the round"
    fetched = article_hits(replica, before)
    assert set(fetched) == {path for path in fetched if ARTICLE_PATH.match(path)}
    assert len(fetched) == ARTICLES


# --- in-process: the scheduler, the fingerprints, the feed names ---------------------------


def make_scheduler(redis_url: str, worker: str, ttl: float = 60.0):
    crawler = get_crawler(CongthuongSpider, {
        "ADDONS": {DistributedMode: 0}, "NEWSCRAWLER_REDIS_URL": redis_url,
        "NEWSCRAWLER_WORKER_ID": worker, "NEWSCRAWLER_WORKER_TTL": ttl,
        "NEWSCRAWLER_STATE": "off",
    })
    spider = CongthuongSpider.from_crawler(crawler)
    scheduler = SharedFrontierScheduler.from_crawler(crawler)
    scheduler.clock = Clock()
    scheduler.open(spider)
    return scheduler, spider


def article_request(spider, number: int, **kwargs) -> Request:
    return Request(f"https://congthuong.vn/bai-{number}.html", callback=spider.parse_article,
                   **kwargs)


def test_add_on_turns_a_redis_url_into_the_shared_frontier(redis_url):
    scheduler, _spider = make_scheduler(redis_url, "unit")
    settings = scheduler.crawler.settings
    assert settings["SCHEDULER"] == "newscrawler.distributed.SharedFrontierScheduler"
    assert settings.getbool("SCHEDULER_PERSIST") is True
    assert settings["REDIS_URL"] == redis_url
    assert settings["NEWSCRAWLER_STATE"] == "off"  # an explicit state is kept
    plain = get_crawler(CongthuongSpider, {"ADDONS": {DistributedMode: 0}})
    assert plain.settings["SCHEDULER"] != settings["SCHEDULER"]
    assert plain.settings["NEWSCRAWLER_STATE"] in ("", None)


def test_fingerprints_follow_canonical_urls():
    fingerprinter = CanonicalRequestFingerprinter(CongthuongSpider.url_rules)
    canonical = fingerprinter.fingerprint(Request("https://congthuong.vn/bai-1.html"))
    for variant in ("http://www.congthuong.vn/bai-1.html?utm_source=fb#top",
                    "https://congthuong.vn/bai-1.html?fbclid=abc"):
        assert fingerprinter.fingerprint(Request(variant)) == canonical, variant
    assert fingerprinter.fingerprint(Request("https://congthuong.vn/bai-2.html")) != canonical


def test_leases_go_back_to_the_queue_when_their_worker_dies(redis_server, redis_url):
    first, spider = make_scheduler(redis_url, "a")
    second, _ = make_scheduler(redis_url, "b", ttl=0.5)
    assert first.enqueue_request(article_request(spider, 1))
    assert not second.enqueue_request(article_request(spider, 1))  # seen this round
    popped = second.next_request()
    assert popped.url == "https://congthuong.vn/bai-1.html" and first.next_request() is None
    # "b" dies: no more heartbeat, its alive key expires.
    second._heartbeat.stop()
    time.sleep(0.6)
    assert first.recover_dead_workers() == 1
    assert first.next_request().url == popped.url
    with redis_server.client(FRONTIER_DB) as client:
        assert client.hkeys(first.keys.workers) == [b"a"]


def test_start_requests_are_queued_once_per_round_and_a_drained_round_ends(
        redis_server, redis_url):
    first, spider = make_scheduler(redis_url, "a")
    second, _ = make_scheduler(redis_url, "b")
    listing = {"url": "https://congthuong.vn/thoi-su", "dont_filter": True,
               "callback": spider.parse_listing}
    assert first.enqueue_request(Request(**listing, meta={"newscrawler_start": True}))
    assert not second.enqueue_request(Request(**listing, meta={"newscrawler_start": True}))
    assert second.enqueue_request(Request(**listing))  # a retry or a later page: queued
    for scheduler in (first, second):
        while scheduler.next_request() is not None:
            pass
        scheduler.close("finished")
    first.engine_stopped()
    with redis_server.client(FRONTIER_DB) as client:
        assert client.exists(first.keys.starts)  # "b" still works in this round
        second.engine_stopped()
        assert client.keys("newscrawler:frontier:*") == []


def test_a_cancelled_worker_puts_back_what_it_popped(redis_url):
    first, spider = make_scheduler(redis_url, "a")
    for number in (1, 2):
        first.enqueue_request(article_request(spider, number))
    first.next_request()
    first.close("shutdown")
    first.engine_stopped()
    second, _ = make_scheduler(redis_url, "b")
    assert len(second) == 2


def test_feed_names_carry_the_worker_id_only_in_distributed_mode(redis_url, tmp_path):
    def name(settings: dict) -> str:
        crawler = get_crawler(CongthuongSpider, {"NEWSCRAWLER_RUN_ID": "20261126T120000-ab12",
                                                 "NEWSCRAWLER_DATA_DIR": str(tmp_path),
                                                 **settings})
        spider = CongthuongSpider.from_crawler(crawler)
        return feed_uri_params({}, spider)["feed_name"]

    assert name({}) == "20261126T120000-ab12"
    assert name({"NEWSCRAWLER_WORKER_ID": "node 1/a"}) == "20261126T120000-ab12-node-1-a"
    default = name({"NEWSCRAWLER_REDIS_URL": redis_url})
    assert default.startswith("20261126T120000-ab12-") and str(os.getpid()) in default
    assert name({"NEWSCRAWLER_REDIS_URL": redis_url}) == default  # one id per process
