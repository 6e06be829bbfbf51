"""Each Spidermon check of newscrawler/monitors.py fails a real crawl of the replica: the
crawl exits 1, prints the check's reason, and the run summary records it. Each is caused by
what the check is there to catch (failed requests, a missing field, a layout change,
articles that never arrive, invalid records), and a raised threshold (-s) silences the
checks that have one. tests/test_monitoring.py has the drift's report in detail."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest

from .conftest import ReplicaProcess, run_newscrawler

pytestmark = pytest.mark.slow

ARTICLES = 30


class Run:
    """One crawl of one site of a replica started with `replica_args`."""

    def __init__(self, data_dir: Path, replica: ReplicaProcess, site: str, *extra: str):
        self.result = run_newscrawler("crawl", site, "--replica", replica.url,
                                      "--data-dir", str(data_dir), *extra)
        output = self.result.stdout + self.result.stderr
        assert "Traceback" not in output, output
        self.lines = self.result.stdout.strip().splitlines()
        summary = json.loads(next((data_dir / "runs").glob("*.json")).read_text("utf-8"))
        self.summary = summary
        self.site = summary["sites"][site]
        self.reasons = self.site["verdict"]["reasons"]

    def failed_with(self, pattern: str) -> re.Match:
        """The run failed, and this check's reason is on its line and in its summary."""
        assert self.result.returncode == 1, self.result.stdout + self.result.stderr
        assert self.summary["verdict"]["ok"] is False
        [reason] = [r for r in self.reasons if re.fullmatch(pattern, r)] or [None]
        assert reason is not None, f"{pattern!r} not in {self.reasons}"
        assert reason in self.lines[-1], self.lines
        return re.fullmatch(pattern, reason)


@pytest.fixture
def replica_with():
    started: list[ReplicaProcess] = []

    def start(site: str, *args: str) -> ReplicaProcess:
        started.append(ReplicaProcess("--sites", site, "--articles", str(ARTICLES), *args))
        return started[-1]

    yield start
    for replica in started:
        replica.stop()


def faults_injected(replica: ReplicaProcess, kind: str) -> set[str]:
    with urllib.request.urlopen(f"{replica.url}/_replica/faults", timeout=10) as reply:
        events = json.load(reply)["events"]
    return {event["path"] for event in events if event["kind"] == kind}


ERROR_RATE = r"congthuong: (\d+) of (\d+) requests failed \((\d+)%, threshold (\d+)%\)"


def test_error_rate(replica_with, tmp_path):
    replica = replica_with("congthuong", "--faults", "not_found=0.5,scope=articles",
                           "--fault-seed", "3")
    run = Run(tmp_path / "a", replica, "congthuong")
    errors, requests, _share, threshold = map(int, run.failed_with(ERROR_RATE).groups())
    # The errors counted are the article pages the replica answered with a 404.
    missing = faults_injected(replica, "not_found")
    assert errors == len(missing) > 0.2 * requests and threshold == 20
    assert run.site["items"] == ARTICLES - len(missing)
    raised = Run(tmp_path / "b", replica, "congthuong", "-s", "NEWSCRAWLER_MAX_ERROR_RATE=0.9")
    assert not [r for r in raised.reasons if re.fullmatch(ERROR_RATE, r)], raised.reasons


def test_field_coverage(replica_with, tmp_path):
    # Without its selectors, the metadata and generic layers find no date on moh's pages.
    replica = replica_with("moh")
    off = ("-s", "NEWSCRAWLER_USE_SITE_SELECTORS=False")
    run = Run(tmp_path / "a", replica, "moh", *off)
    run.failed_with(r"moh: published_at missing in 100% of records \(threshold 10%\)")
    assert run.site["stats"]["field/moh/published_at/missing"] == ARTICLES
    raised = Run(tmp_path / "b", replica, "moh", *off, "-s",
                 "NEWSCRAWLER_MAX_MISSING_SHARE=1.0")
    assert raised.result.returncode == 0, raised.reasons


def test_extraction_drift_threshold(replica_with, tmp_path):
    replica = replica_with("congthuong", "--redesign", "congthuong")
    run = Run(tmp_path / "a", replica, "congthuong")
    run.failed_with(r"congthuong: extraction drift: .*body not from its selector in 100% "
                    r"of records .*\(threshold 20%\)")
    raised = Run(tmp_path / "b", replica, "congthuong", "-s",
                 "NEWSCRAWLER_MAX_FALLBACK_SHARE=1.0")
    assert raised.result.returncode == 0, raised.reasons


def test_articles_exported(replica_with, tmp_path):
    # Every article page is gone (404): the listings show articles, none is exported.
    replica = replica_with("congthuong", "--faults", "not_found=1.0,scope=articles")
    run = Run(tmp_path / "a", replica, "congthuong")
    run.failed_with(r"congthuong: listings showed \d+ new articles but none was exported")
    assert run.site["items"] == 0
    assert len(faults_injected(replica, "not_found")) == ARTICLES


def test_schema_validation(replica_with, tmp_path):
    # A normalisation step missing (a broken pipeline configuration): the records lack
    # their id and content hash, and the JSON Schema rejects every one of them.
    replica = replica_with("congthuong")
    pipelines = {"newscrawler.pipelines.validate.ValidatePipeline": 300,
                 "newscrawler.pipelines.dedup.DedupPipeline": 400}
    run = Run(tmp_path / "a", replica, "congthuong",
              "-s", f"ITEM_PIPELINES={json.dumps(pipelines)}")
    run.failed_with(rf"congthuong: {ARTICLES} of {ARTICLES} records failed the JSON Schema "
                    r"\(threshold 5%\)")
    [kept] = (tmp_path / "a" / "rejected" / "congthuong").glob("*.jsonl")
    assert len(kept.read_text("utf-8").splitlines()) == ARTICLES
    assert not list((tmp_path / "a" / "articles").rglob("*.jsonl"))
