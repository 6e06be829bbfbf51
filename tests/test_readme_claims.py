"""README promises that had no test, each checked by running what the README says to run:
`NEWSCRAWLER_DUPLICATES=drop`, `dataset export --since`, a Retry-After over
`NEWSCRAWLER_RETRY_AFTER_MAX`, `REDIRECT_MAX_TIMES`, `newscrawler sites`, `scrapy list`,
`make demo` and `newscrawler fixture record`. (SIGINT: tests/test_progress_and_signals.py;
exit status 2 for bad input: tests/test_bad_input.py.)"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from newscrawler.fixtures import EXTRACTED_FIELDS
from newscrawler.replica import REPLICA_SITES
from newscrawler.replica.timeline import Timeline, TimelineConfig, parse_epoch

from .conftest import REPO, ReplicaProcess, exported_records, replica_truth, run_newscrawler
from .test_faults import FaultyRun, canonical, failed_urls, real_url
from .test_incremental import crawl, epoch_now, read_completed, set_day

pytestmark = pytest.mark.slow

README = (REPO / "README.md").read_text(encoding="utf-8")


# --- NEWSCRAWLER_DUPLICATES=drop ------------------------------------------------------------

def test_duplicates_drop_exports_no_syndicated_copy(tmp_path):
    """README: a syndicated copy on another site is exported with `duplicate_of` set;
    `NEWSCRAWLER_DUPLICATES=drop` drops it instead (counted by reason in the summary)."""
    sites, days, articles = ["congthuong", "baochinhphu"], 2, 60
    epoch = epoch_now()
    replica = ReplicaProcess("--sites", *sites, "--articles", str(articles),
                             "--day", "0", "--epoch", epoch)
    try:
        for day in range(days + 1):
            set_day(replica, day)
            crawl(replica, tmp_path, sites, "-s", "NEWSCRAWLER_DUPLICATES=drop")
    finally:
        replica.stop()
    history = Timeline(sites, TimelineConfig(epoch=parse_epoch(epoch)),
                       articles).expected_history(days)
    copies = {key for key, versions in history.items() if versions[0]["duplicate_of"]}
    assert copies, "the timeline syndicated nothing: the test could not fail"
    records = read_completed(tmp_path)
    assert [r["id"] for r in records if r["duplicate_of"] is not None] == []
    assert {r["id"] for r in records} == set(history) - copies
    dropped = 0
    for path in (tmp_path / "runs").glob("*.json"):
        for entry in json.loads(path.read_text("utf-8"))["sites"].values():
            dropped += sum(value for key, value in entry["stats"].items()
                           if re.fullmatch(r"newscrawler/[a-z]+/duplicates/.+", key))
    assert dropped >= len(copies)


# --- dataset export --since -------------------------------------------------------------------

def test_dataset_export_since_keeps_the_articles_published_from_that_day(
        crawl_replica_site, tmp_path):
    data_dir, result = crawl_replica_site("congthuong")
    assert result.returncode == 0, result.stdout
    truth = replica_truth("congthuong")
    days = sorted(record["published_at"][:10] for record in truth)
    since = days[len(days) // 2]  # a day in the middle: some before, some after
    out = tmp_path / "since.jsonl"
    exported = run_newscrawler("dataset", "export", "--format", "jsonl", "--data-dir",
                               str(data_dir), "--since", since, str(out))
    assert exported.returncode == 0, exported.stdout + exported.stderr
    urls = [json.loads(line)["url"] for line in out.read_text("utf-8").splitlines()]
    wanted = {r["url"] for r in truth if r["published_at"][:10] >= since}
    assert 0 < len(wanted) < len(truth)
    assert sorted(urls) == sorted(wanted)


# --- Retry-After over its maximum, REDIRECT_MAX_TIMES ----------------------------------------

def injected(run: FaultyRun, kind: str) -> set[str]:
    """Canonical real URLs the replica answered with `kind`."""
    return {canonical(real_url(e["path"])) for e in run.events() if e["kind"] == kind}


def test_a_retry_after_over_the_maximum_is_not_waited_but_reported_and_retried_next_run(
        tmp_path):
    """README: a Retry-After over NEWSCRAWLER_RETRY_AFTER_MAX (120 s) is not waited:
    reported, retried next run. The replica asks for 600 s: a run that waited would not
    end within run_newscrawler's 300 s."""
    run = FaultyRun(tmp_path, "http_429=0.3,scope=articles,retry_after_s=600", seed=4)
    try:
        entry = run.crawl()
        asked = injected(run, "http_429")
        assert asked, "no 429 was served: the test could not fail"
        assert entry["stats"]["newscrawler/retry_after_too_long"] == len(asked)
        assert failed_urls(entry) == {url: "HTTP 429" for url in asked}
        first = {canonical(r["url"]) for r in read_completed(run.data_dir)}
        assert not first & asked
        before = Counter(canonical(real_url(e["path"])) for e in run.events())
        run.crawl()  # the next run asks for each of them again
        after = Counter(canonical(real_url(e["path"])) for e in run.events())
        assert all(after[url] > before[url] for url in asked)
    finally:
        run.stop()


def test_a_redirect_chain_longer_than_redirect_max_times_is_given_up_and_reported(tmp_path):
    """The replica's redirect chain is 3 hops (301, 302, 307); REDIRECT_MAX_TIMES=2 gives
    those articles up and reports them; the others are exported."""
    run = FaultyRun(tmp_path, "redirect_chain=0.3,scope=articles", articles=30, seed=2)
    try:
        entry = run.crawl("-s", "REDIRECT_MAX_TIMES=2")
        chained = injected(run, "redirect_chain")
        assert chained, "no redirect chain was served: the test could not fail"
        failed = failed_urls(entry)
        assert set(failed) == chained, failed
        exported = {canonical(r["url"]) for r in read_completed(run.data_dir)}
        assert not exported & chained and len(exported) == 30 - len(chained)
    finally:
        run.stop()


# --- newscrawler sites, scrapy list -----------------------------------------------------------

def readme_sites_section() -> str:
    return README.split("\n## Sites\n", 1)[1].split("\n## ", 1)[0]


def readme_site_keys() -> list[str]:
    """The site keys of the table in the README's section "Sites"."""
    return sorted(re.findall(r"^\| `([a-z_]+)`", readme_sites_section(), flags=re.MULTILINE))


def test_newscrawler_sites_lists_every_site_of_the_readme():
    result = run_newscrawler("sites")
    assert result.returncode == 0, result.stderr
    keys = readme_site_keys()
    assert len(keys) == len(set(keys)) and set(REPLICA_SITES) <= set(keys)
    for key in keys:
        assert re.search(rf"(^|\W){key}(\W|$)", result.stdout, re.MULTILINE), key


def test_readme_site_table_is_the_registry_with_status_and_evidence():
    """The README's table is what `newscrawler sites --markdown` prints: its status and
    newest-evidence columns cannot fall behind a site module."""
    result = run_newscrawler("sites", "--markdown")
    assert result.returncode == 0, result.stderr
    site_part = readme_sites_section().split("### By ministry", 1)[0]
    table = [line for line in site_part.splitlines() if line.startswith("|")]
    assert table == result.stdout.splitlines()
    assert table[0].split("|")[5:7] == [" status ", " newest evidence "]


def test_scrapy_list_names_every_site():
    scrapy = Path(sys.executable).with_name("scrapy")
    result = subprocess.run([str(scrapy), "list"], capture_output=True, text=True,
                            cwd=REPO, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == readme_site_keys()


# --- make demo ----------------------------------------------------------------------------

def test_make_demo_crawls_every_replica_site_completely(tmp_path):
    """`make demo` runs `$(BIN)/python -m newscrawler.demo --data-dir $(DATA_DIR)/demo`:
    the same command here, into a temporary data directory."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo: venv\n\t(.+)$", makefile, re.MULTILINE).group(1)
    assert recipe == "$(BIN)/python -m newscrawler.demo --data-dir $(DATA_DIR)/demo"
    data_dir = tmp_path / "demo"
    result = subprocess.run([sys.executable, "-m", "newscrawler.demo", "--data-dir",
                             str(data_dir)], capture_output=True, text=True, cwd=REPO,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    shown = dict(re.findall(r"^  ([a-z]+): (\d+) articles in \d+ file", result.stdout,
                            re.MULTILINE))
    assert sorted(shown) == sorted(REPLICA_SITES)
    for site in REPLICA_SITES:
        truth = {record["url"] for record in replica_truth(site)}
        urls = [record["url"] for record in exported_records(data_dir, site)]
        assert int(shown[site]) == len(urls) == len(set(urls)) == len(truth), site


# --- newscrawler fixture record -----------------------------------------------------------------

def test_fixture_record_saves_the_page_and_the_truth_record(replica, tmp_path):
    truth = replica_truth("congthuong")[3]
    result = run_newscrawler("fixture", "record", "congthuong", truth["url"], "--replica",
                             replica.url, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    [saved] = (tmp_path / "congthuong").glob("*.json")
    assert result.stdout.strip() == str(saved)
    fixture = json.loads(saved.read_text("utf-8"))
    assert fixture["url"] == truth["url"] and fixture["site"] == "congthuong"
    assert "reviewed" not in fixture  # from the replica's truth: no review needed
    assert fixture["expected"] == {field: truth[field] for field in EXTRACTED_FIELDS}
    page = gzip.decompress(saved.with_suffix("").with_suffix(".html.gz").read_bytes())
    assert truth["title"] in page.decode("utf-8")


def test_readme_ministry_table_is_the_by_ministry_view():
    result = run_newscrawler("sites", "--by-ministry", "--json")
    assert result.returncode == 0, result.stderr
    section = readme_sites_section().split("### By ministry", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    expected = []
    for entry in map(json.loads, result.stdout.splitlines()):
        sites = "; ".join(f"`{s['site']}` ({s['status'].split(':')[0]})"
                          for s in entry["sites"]) or "none"
        expected.append(f"| {entry['ministry']} | {sites} |")
    assert rows == expected and len(rows) == 17
