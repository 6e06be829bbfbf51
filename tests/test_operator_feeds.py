"""Scrapy's own feeds (`scrapy crawl SITE -O/-o FILE`) are written beside ours, with the
same records, and a run whose articles reached no file is never reported OK (issue 14,
point 5). Each case runs the real `scrapy crawl` command against the replica."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, exported_records, read_jsonl

SCRAPY = str(Path(sys.executable).parent / "scrapy")


def scrapy_crawl(site: str, replica_url: str, data_dir: Path, *args: str
                 ) -> subprocess.CompletedProcess:
    command = [SCRAPY, "crawl", site, "-s", f"NEWSCRAWLER_REPLICA_URL={replica_url}",
               "-s", f"NEWSCRAWLER_DATA_DIR={data_dir}", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=300,
                          check=False)


def by_id(record: dict) -> str:
    return record["id"]


def run_summary(data_dir: Path) -> dict:
    (path,) = (data_dir / "runs").glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_overwrite_feed_gets_the_same_records_as_ours(replica, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"stale": true}\n', encoding="utf-8")  # -O overwrites
    data_dir = tmp_path / "data"
    result = scrapy_crawl("congthuong", replica.url, data_dir, "-O", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    ours = exported_records(data_dir, "congthuong")
    assert len(ours) > 100
    assert read_jsonl([out]) == ours
    entry = run_summary(data_dir)["sites"]["congthuong"]
    assert entry["verdict"]["ok"], entry["verdict"]
    assert entry["user_feeds"] == [{"path": str(out), "items": len(ours)}]
    assert sum(f["items"] for f in entry["files"]) == len(ours)
    html = next((data_dir / "runs").glob("*.html")).read_text(encoding="utf-8")
    assert "Your own feeds (-o, -O)" in html and f"<code>{out}</code>" in html


def test_a_feed_named_by_batch_is_cut_in_batches(replica, tmp_path):
    data_dir = tmp_path / "data"
    result = scrapy_crawl("moh", replica.url, data_dir, "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=100",
                          "-O", str(tmp_path / "out-%(batch_id)d.jsonl"))
    assert result.returncode == 0, result.stderr[-3000:]
    ours = exported_records(data_dir, "moh")
    theirs = sorted(tmp_path.glob("out-*.jsonl"))
    assert [p.name for p in theirs] == ["out-1.jsonl", "out-2.jsonl"]
    # The same records (our batch files sort by name as <run>.2.jsonl, <run>.jsonl).
    assert len(ours) > 100 and sorted(read_jsonl(theirs), key=by_id) == sorted(ours, key=by_id)


def test_append_feed_keeps_what_the_file_held(replica, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"earlier": 1}\n', encoding="utf-8")
    data_dir = tmp_path / "data"
    result = scrapy_crawl("moh", replica.url, data_dir, "-o", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl([out])
    assert records[0] == {"earlier": 1}
    assert records[1:] == exported_records(data_dir, "moh")
    # Our state committed our files, not the user's: a rerun fetches no known article.
    assert run_summary(data_dir)["sites"]["moh"]["verdict"]["ok"]


def test_articles_that_reached_no_file_fail_the_run(replica, tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / "articles").mkdir(parents=True)
    # A file where the site's directory must go: no feed file can be written.
    (data_dir / "articles" / "congthuong").write_text("in the way", encoding="utf-8")
    scrapy_crawl("congthuong", replica.url, data_dir)
    entry = run_summary(data_dir)["sites"]["congthuong"]
    assert entry["items"] > 0 and entry["files"] == []
    assert not entry["verdict"]["ok"]
    assert any("in no completed file" in reason for reason in entry["verdict"]["reasons"])
