"""The rough edges an operator hits first (issue 14, point 7): each case runs the real
command and fails on the behaviour the issue describes."""

from __future__ import annotations

import csv
import gzip
import json
import subprocess

import pyarrow.parquet as pq
import pytest

from newscrawler.spiders.congthuong import CongthuongSpider

from .conftest import REPO, newscrawler_command, replica_truth, run_newscrawler

# --- --since, run options, the report's path ------------------------------------------


@pytest.fixture(scope="module")
def since_run(replica, tmp_path_factory):
    """A crawl whose --since window holds nothing: every article is older."""
    data_dir = tmp_path_factory.mktemp("since")
    result = run_newscrawler("crawl", "moh", "--replica", replica.url, "--data-dir",
                             str(data_dir), "--since", "2099-01-01", "--full",
                             "-s", "NEWSCRAWLER_MAX_ERROR_RATE=0.3")
    return data_dir, result


def test_since_skips_are_counted_and_not_a_failure(since_run):
    data_dir, result = since_run
    assert result.returncode == 0, result.stdout + result.stderr
    articles = len(replica_truth("moh"))
    assert result.stdout.splitlines()[-1].startswith(
        f"moh: 0 articles, {articles} older than --since skipped, 0 errors")
    (summary,) = [json.loads(p.read_text()) for p in (data_dir / "runs").glob("*.json")]
    entry = summary["sites"]["moh"]
    assert entry["verdict"]["ok"] and entry["verdict"]["reasons"] == []
    assert entry["stats"]["newscrawler/moh/skipped/older_than_since"] == articles
    html = next((data_dir / "runs").glob("*.html")).read_text(encoding="utf-8")
    assert f"skipped, older than --since</td><td class=\"n\">{articles}</td>" in html


def test_the_report_shows_the_run_options_and_its_path_is_printed(since_run, replica):
    data_dir, result = since_run
    (json_path,) = (data_dir / "runs").glob("*.json")
    summary = json.loads(json_path.read_text(encoding="utf-8"))
    printed = f"run {summary['run_id']}: report in {json_path} and {json_path.with_suffix('.html')}"
    assert printed in result.stdout.splitlines()
    options = summary["options"]
    assert options["command"].startswith("cli.py crawl moh --replica")
    assert options["data_dir"] == str(data_dir)
    assert options["state"] == str(data_dir / "state.sqlite3")
    assert options["settings"] == {
        "NEWSCRAWLER_FULL": True, "NEWSCRAWLER_MAX_ERROR_RATE": "0.3",
        "NEWSCRAWLER_REPLICA_URL": replica.url, "NEWSCRAWLER_SINCE": "2099-01-01"}
    html = json_path.with_suffix(".html").read_text(encoding="utf-8")
    assert "<h3>Run options</h3>" in html
    for shown in ("NEWSCRAWLER_SINCE", "2099-01-01", "NEWSCRAWLER_FULL", replica.url):
        assert f"<code>{shown}</code>" in html


# --- DNS failures -----------------------------------------------------------------------


def test_dns_failures_are_not_retried(tmp_path):
    # The production politeness settings on purpose: the failure must not wait for them.
    # Whether or not this machine has network, a resolver that resolves nothing.
    extra = ["-s", "TWISTED_DNS_RESOLVER=tests.no_network.NoNetworkResolver"]
    result = run_newscrawler("crawl", "congthuong", "--data-dir", str(tmp_path), *extra)
    start_urls = len(CongthuongSpider.feed_urls) + len(CongthuongSpider.listing_urls)
    assert result.stdout.splitlines()[-1] == (
        f"congthuong: FAILED: DNS lookup failed for congthuong.vn ({start_urls} URLs)")
    (summary,) = [json.loads(p.read_text()) for p in (tmp_path / "runs").glob("*.json")]
    stats = summary["sites"]["congthuong"]["stats"]
    # robots.txt, the home page (feed autodiscovery: not a site failure) and every start
    # URL failed once each, and none was tried again; after robots.txt, the host's
    # requests failed at once, without waiting for their slot.
    assert stats["newscrawler/retry/dns_not_retried"] == start_urls + 2
    assert stats["newscrawler/dns/failed_fast"] == start_urls + 1
    assert stats["newscrawler/congthuong/discovery/unavailable"] == 1
    assert "newscrawler/retry_backoff_s" not in stats
    log = next((tmp_path / "logs").glob("*.log")).read_text(encoding="utf-8")
    assert "Retrying" not in log and "Gave up retrying" not in log
    # Failed at once, they still count as requests sent (the error rate stays a share).
    assert f"{start_urls} of {start_urls + 2} requests failed" in log


# --- dataset, sites, replica truth, extract -------------------------------------------


def csv_rows(path) -> int:
    with path.open(encoding="utf-8", newline="") as stream:
        return sum(1 for _ in csv.DictReader(stream))


def test_dataset_help_and_format_from_the_file_name(crawl_replica_site, tmp_path):
    result = run_newscrawler("dataset", "--help")
    assert result.returncode == 0 and "export" in result.stdout, result.stderr
    result = run_newscrawler("dataset", "export", "--help")
    assert result.returncode == 0 and "--format" in result.stdout
    data_dir, _ = crawl_replica_site("moh")
    records = len(replica_truth("moh"))
    for name, check in (("all.parquet", lambda p: pq.read_table(p).num_rows),
                        ("all.csv", csv_rows),
                        ("all.jsonl", lambda p: len(p.read_text().splitlines()))):
        out = tmp_path / name
        result = run_newscrawler("dataset", "export", "--data-dir", str(data_dir), str(out))
        assert result.returncode == 0, result.stderr
        assert check(out) == records, name
    result = run_newscrawler("dataset", "export", "--data-dir", str(data_dir),
                             str(tmp_path / "all.txt"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "give --format" in result.stderr and not (tmp_path / "all.txt").exists()


def test_sites_fit_100_columns():
    result = run_newscrawler("sites")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 100
    starts = {line.split()[0] for line in lines if line and not line.startswith(" ")}
    for site in ("baochinhphu", "congthuong", "moh", "moit", "thoibaonganhang", "mt"):
        assert site in starts


def test_replica_truth_into_a_closed_pipe_exits_quietly():
    # Like `truth SITE | head -1`: the reader leaves after one line.
    process = subprocess.Popen(newscrawler_command("replica", "truth", "congthuong"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0, stderr
    assert json.loads(first)["site"] == "congthuong"
    assert stderr == b""


def test_extract_is_bounded_like_download_maxsize(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    # 21 MiB of spaces compress to about 21 KiB: over the 20 MiB DOWNLOAD_MAXSIZE.
    bomb.write_bytes(gzip.compress(b"<html><body>" + b" " * (21 * 1024 * 1024), 9))
    torn = tmp_path / "torn.html.gz"
    torn.write_bytes(b"not gzip at all")
    for page, reason in ((bomb, "larger than 20,971,520 bytes once decompressed"),
                         (torn, "cannot read")):
        result = run_newscrawler("extract", str(page))
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"newscrawler: error: {page}: {reason}"
            + result.stderr.split(reason, 1)[1].rstrip("\n")]
        assert result.stdout == ""
    fine = tmp_path / "fine.html.gz"
    fine.write_bytes(gzip.compress("<html><body><h1>Tiêu đề</h1></body></html>".encode()))
    result = run_newscrawler("extract", str(fine))
    assert result.returncode == 0 and json.loads(result.stdout)["title"] == "Tiêu đề"


