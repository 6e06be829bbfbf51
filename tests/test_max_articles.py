"""--max-articles N (NEWSCRAWLER_MAX_ARTICLES): exactly N exported, the run complete by
request, and the articles not taken still there for the next run (issue 16, item 5).

Real processes: the replica server and each crawl; the truth is `replica truth`.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.conftest import ReplicaProcess, exported_records, run_id_of, run_newscrawler

pytestmark = pytest.mark.slow

SITE = "congthuong"


@pytest.fixture(scope="module")
def congthuong_replica():
    server = ReplicaProcess("--sites", SITE)
    yield server
    server.stop()


def summary_entry(data_dir, stdout: str) -> dict:
    run_id = run_id_of(stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    return summary["sites"][SITE]


def test_max_articles_exports_exactly_n_and_the_next_run_the_rest(congthuong_replica,
                                                                  tmp_path):
    data_dir = tmp_path / "data"
    first = run_newscrawler("crawl", SITE, "--replica", congthuong_replica.url,
                            "--data-dir", str(data_dir), "--max-articles", "10")
    assert first.returncode == 0, first.stdout + first.stderr
    assert len(exported_records(data_dir, SITE)) == 10
    entry = summary_entry(data_dir, first.stdout)
    assert entry["finish_reason"] == "max_articles"
    assert entry["incomplete"] is None
    assert entry["verdict"]["ok"], entry["verdict"]

    second = run_newscrawler("crawl", SITE, "--replica", congthuong_replica.url,
                             "--data-dir", str(data_dir))
    assert second.returncode == 0, second.stdout + second.stderr
    truth = run_newscrawler("replica", "truth", SITE)
    expected = {json.loads(line)["id"] for line in truth.stdout.splitlines()}
    counts = Counter(record["id"] for record in exported_records(data_dir, SITE))
    assert set(counts) == expected
    assert [article for article, n in counts.items() if n > 1] == []


def test_max_articles_setting_gives_the_same_limit(congthuong_replica, tmp_path):
    data_dir = tmp_path / "data"
    result = run_newscrawler("crawl", SITE, "--replica", congthuong_replica.url,
                             "--data-dir", str(data_dir), "-s", "NEWSCRAWLER_MAX_ARTICLES=3",
                             "-s", "NEWSCRAWLER_STATE=off")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(exported_records(data_dir, SITE)) == 3


@pytest.mark.parametrize("args", [["--max-articles", "0"],
                                  ["-s", "NEWSCRAWLER_MAX_ARTICLES=many"]])
def test_a_bad_max_articles_is_one_line_and_exit_2(args, tmp_path):
    result = run_newscrawler("crawl", SITE, "--data-dir", str(tmp_path / "data"), *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "MAX_ARTICLES" in result.stderr.upper().replace("-", "_")
