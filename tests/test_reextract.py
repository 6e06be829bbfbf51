"""`newscrawler reextract` (issue 19, item 2): the archive extracted again, no network."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from newscrawler.items import CONTENT_FIELDS
from newscrawler.runner import spider_loader
from tests.conftest import (
    ReplicaProcess,
    exported_records,
    replica_truth,
    run_newscrawler,
)

pytestmark = pytest.mark.slow

SITE = "congthuong"


def crawl_then_stop(tmp_path: Path, *serve_args: str) -> Path:
    """Crawl SITE from a replica of its own, then stop the replica: nothing to fetch."""
    replica = ReplicaProcess(*serve_args)
    try:
        data_dir = tmp_path / "data"
        run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir", str(data_dir))
    finally:
        replica.stop()
    assert list((data_dir / "archive" / SITE).rglob("*.warc.gz"))
    return data_dir


def by_url(records: list[dict], version: int | None = None) -> dict[str, dict]:
    return {r["url"]: r for r in records if version is None or r["version"] == version}


def test_reextract_with_the_replica_stopped_reproduces_every_record(tmp_path):
    data_dir = crawl_then_stop(tmp_path)
    crawled = by_url(exported_records(data_dir, SITE))
    # Over the crawl's own data directory: every article unchanged, nothing exported.
    result = run_newscrawler("reextract", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(crawled)} unchanged (not exported)" in result.stdout
    assert by_url(exported_records(data_dir, SITE)) == crawled
    summary = json.loads((data_dir / "runs" / f"{run_id(result)}.json").read_text())
    assert summary["reextract"]["captures"] == {SITE: len(crawled)}
    stats = summary["sites"][SITE]["stats"]
    assert stats[f"newscrawler/{SITE}/duplicates/unchanged"] == len(crawled)
    assert stats[f"newscrawler/{SITE}/reextract/replayed"] == len(crawled)
    # The archive alone, in a fresh data directory: the same records, field for field.
    fresh = tmp_path / "fresh"
    shutil.copytree(data_dir / "archive", fresh / "archive")
    result = run_newscrawler("reextract", SITE, "--data-dir", str(fresh))
    assert result.returncode == 0, result.stdout + result.stderr
    again = by_url(exported_records(fresh, SITE))
    assert again.keys() == crawled.keys()
    for url, record in crawled.items():
        for field in (*CONTENT_FIELDS, "crawled_at", "version"):
            assert again[url][field] == record[field], (url, field)


def run_id(result) -> str:
    match = re.search(r"^run (\S+): report in ", result.stdout, flags=re.M)
    assert match, result.stdout
    return match.group(1)


def fixed_selectors() -> dict[str, str]:
    """The site's selectors fixed for the redesign (every class and id renamed `-v2`)."""
    rename = re.compile(r"([.#])([A-Za-z_][\w-]*)")
    return {field: rename.sub(r"\1\2-v2", css) for field, css in
            spider_loader().load(SITE).selectors.items() if not css.startswith("xpath:")}


def test_a_fixed_selector_reextracts_drifted_records_as_new_versions(tmp_path):
    data_dir = crawl_then_stop(tmp_path, "--redesign", SITE)
    truth = by_url(replica_truth(SITE))
    crawled = by_url(exported_records(data_dir, SITE))
    drifted = {url for url, record in crawled.items()
               if any(record[f] != truth[url][f] for f in CONTENT_FIELDS)}
    assert len(drifted) > len(crawled) // 2  # the redesign broke the selectors
    # Without the fix: the same drifted records, nothing to export.
    result = run_newscrawler("reextract", SITE, "--data-dir", str(data_dir))
    assert f"0 updated (version + 1), {len(crawled)} unchanged" in result.stdout
    overrides = json.dumps({SITE: fixed_selectors()})
    result = run_newscrawler("reextract", SITE, "--data-dir", str(data_dir), "-s",
                             f"NEWSCRAWLER_SELECTOR_OVERRIDES={overrides}")
    assert result.returncode == 0, result.stdout + result.stderr
    records = exported_records(data_dir, SITE)
    corrected = by_url(records, version=2)
    assert corrected.keys() == drifted
    for url, record in corrected.items():
        assert {f: record[f] for f in CONTENT_FIELDS} == {f: truth[url][f] for f in
                                                          CONTENT_FIELDS}
        assert record["changed_at"] == record["crawled_at"] == crawled[url]["crawled_at"]
    assert len(records) == len(crawled) + len(drifted)
    # The dataset: the latest version of every article, i.e. the truth.
    out = tmp_path / "dataset.jsonl"
    result = run_newscrawler("dataset", "export", "--format", "jsonl", "--data-dir",
                             str(data_dir), str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    dataset = by_url([json.loads(line) for line in out.read_text().splitlines()])
    assert dataset.keys() == crawled.keys()
    assert all({f: dataset[url][f] for f in CONTENT_FIELDS} ==
               {f: truth[url][f] for f in CONTENT_FIELDS} for url in dataset)
    # Once more: all settled, nothing new.
    result = run_newscrawler("reextract", SITE, "--data-dir", str(data_dir), "-s",
                             f"NEWSCRAWLER_SELECTOR_OVERRIDES={overrides}")
    assert f"0 updated (version + 1), {len(crawled)} unchanged" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["nosuchsite"], "unknown site nosuchsite"),
    (["--since", "2026-13-01"], "malformed date"),
    ([], "no archived pages"),
    (["-s", "NEWSCRAWLER_SELECTOR_OVERRIDES={\"congthuong\": {\"titel\": \"h1\"}}"],
     "unknown field titel"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    result = run_newscrawler("reextract", *args, "--data-dir", str(tmp_path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert not (tmp_path / "runs").exists()


def test_after_a_kill_reextract_exports_the_archived_pages_and_settles_them(replica, tmp_path):
    """A crawl killed before its feed was complete: its archive is recovered, reextract
    exports the articles whose pages it holds (resolving their pending URLs), and the
    next crawl fetches only the rest: every article exactly once."""
    args = ("--data-dir", str(tmp_path), "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=20")
    killed = run_newscrawler("crawl", SITE, "--replica", replica.url, *args,
                             "-s", "NEWSCRAWLER_TEST_KILL_AT=items:45")
    assert killed.returncode == -9, killed.stdout + killed.stderr
    before = len(exported_records(tmp_path, SITE))
    result = run_newscrawler("reextract", SITE, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list((tmp_path / "archive").rglob("*.part"))
    recovered = len(exported_records(tmp_path, SITE))
    assert recovered > before
    rerun = run_newscrawler("crawl", SITE, "--replica", replica.url, *args)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    records = exported_records(tmp_path, SITE)
    truth = {record["url"] for record in replica_truth(SITE)}
    assert sorted(r["url"] for r in records) == sorted(truth)  # each once, none lost
