"""`newscrawler doctor` over real HTTP on the replica: healthy, and with the article
template redesigned (replica serve --redesign), which breaks every selector that names
a class or an id (newscrawler/replica/redesign.py renames them all)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from newscrawler.runner import spider_loader

from .conftest import REPO, ReplicaProcess, newscrawler_command, run_newscrawler
from .test_site_files import CONGTHUONG_TOML, write

SITE = "congthuong"
REQUIRED = ("title", "published", "body")


@pytest.fixture(scope="module")
def redesigned():
    server = ReplicaProcess("--sites", SITE, "--redesign", SITE)
    yield server
    server.stop()


def doctor_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    result = subprocess.run(newscrawler_command("doctor", *args, "--json"), cwd=cwd or REPO,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    return result.returncode, json.loads(lines[0])


def renamed_by_redesign(query: str) -> bool:
    """A selector that names a class or an id misses once the redesign renamed them."""
    return bool(re.search(r"[.#][A-Za-z_]|@class|@id", query))


def test_doctor_on_a_healthy_replica_site_exits_0(replica, tmp_path):
    status, report = doctor_json(SITE, "--replica", replica.url, "--articles", "6",
                                 "--pages", "2", cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []  # no data directory, log, state or lock
    assert status == 0 and report["healthy"] and report["problems"] == []
    assert report["articles"] == 6
    selectors = spider_loader().load(SITE).selectors
    rows = {row["key"]: row for row in report["selectors"]}
    assert set(rows) == set(selectors)
    assert all(rows[key]["rate"] >= report["threshold"] for key in REQUIRED)
    assert report["listing"]["selector_rate"] == 1.0
    assert report["listing"]["fallback_links"] >= report["listing"]["selector_links"] > 0
    assert all(1 <= row["pages"] <= 2 for row in report["pager"])
    assert any(feed["status"] == "ok" and feed["items"] and feed["newest"]
               for feed in report["feeds"])
    assert all(robots["found"] for robots in report["robots"].values())
    assert report["blocked"] == []
    # Each field's provenance over the 6 articles agrees with its selector's hits.
    for key, field in (("title", "title"), ("body", "body"), ("published", "published_at")):
        assert sum(report["fields"][field].values()) == 6
        assert report["fields"][field].get("selector", 0) == rows[key]["hits"]


def test_doctor_under_a_redesign_exits_1_naming_the_broken_selectors(redesigned):
    status, report = doctor_json(SITE, "--replica", redesigned.url, "--articles", "6")
    assert status == 1 and not report["healthy"]
    selectors = spider_loader().load(SITE).selectors
    expected = {key for key in REQUIRED if renamed_by_redesign(selectors[key])}
    assert expected, "the site's required selectors all name a class or id"
    rows = {row["key"]: row for row in report["selectors"]}
    broken = {key for key, row in rows.items() if not row["ok"]}
    assert expected <= broken
    for key in expected:
        row = rows[key]
        assert row["hits"] == 0 and row["failing"]
        # What the metadata and generic layers found instead, and how often.
        assert row["fallback"]["rate"] >= 0.9, row
        assert all(page["found_instead"] and page["layer"] in ("metadata", "fallback")
                   for page in row["failing"])
        assert any(problem.startswith(f"selector {key} ") for problem in report["problems"])
    # Listing pages kept their template: discovery still works.
    assert report["listing"]["ok"]

    text = run_newscrawler("doctor", SITE, "--replica", redesigned.url, "--articles", "3",
                           timeout=180)
    assert text.returncode == 1, text.stderr
    verdict = text.stdout.strip().splitlines()[-1]
    assert verdict.startswith(f"{SITE}: DEGRADED: ")
    for key in expected:
        assert re.search(rf"selector {key} \(.*\) hits 0/3 \(0%\).*fallback layers found "
                         r"\S+ on 3/3", verdict), verdict
        assert re.search(rf"^{key}\s.*BROKEN$", text.stdout, flags=re.M), text.stdout


def test_doctor_checks_a_site_defined_in_a_toml_file(replica, tmp_path):
    site_file = write(tmp_path / "c.toml", CONGTHUONG_TOML)
    status, report = doctor_json("congthuong_file", "--site-file", str(site_file),
                                 "--replica", replica.url, "--articles", "4")
    assert status == 0, report["problems"]
    assert report["kind"] == "file" and report["selectors"] == []
    assert report["articles"] == 4
    assert {layer for field in ("title", "body", "published_at")
            for layer in report["fields"][field]} <= {"metadata", "fallback"}


@pytest.mark.parametrize("args", [
    ["no_such_site"],
    [SITE, "--articles", "0"],
    [SITE, "--articles", "many"],
    [SITE, "--replica", "http://example.com:8080"],
    [SITE, "--no-such-flag"],
    [SITE, "-s", "NEWSCRAWLER_MAX_ERROR_RATE=2"],
    [SITE, "-s", "NO_EQUALS_SIGN"],
    [SITE, "--site-file", "/no/such/site.toml"],
])
def test_doctor_usage_errors_are_one_line_and_exit_2(args):
    result = run_newscrawler("doctor", *args, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("newscrawler doctor: error: ")
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert result.stdout == ""


def test_doctor_names_the_robots_rules_and_the_urls_they_disallow(replica, tmp_path):
    status, report = doctor_json(SITE, "--replica", replica.url, "--articles", "1",
                                 "--pages", "1")
    rules = report["robots"]["https://congthuong.vn"]["rules"]
    disallowed = [rule.split(":", 1)[1].strip() for rule in rules
                  if rule.startswith("Disallow:") and rule.split(":", 1)[1].strip() != ""]
    assert disallowed, rules
    # A file site whose start URL lies under a disallowed path: not fetched, and named.
    start = f"https://congthuong.vn{disallowed[0].rstrip('*$')}x"
    site_file = write(tmp_path / "c.toml", CONGTHUONG_TOML.replace(
        '["https://congthuong.vn/"]', f'["https://congthuong.vn/", "{start}"]'))
    status, report = doctor_json("congthuong_file", "--site-file", str(site_file),
                                 "--replica", replica.url, "--articles", "1", "--pages", "1")
    assert report["robots"]["https://congthuong.vn"]["disallowed"] == [start]
    assert any(problem.startswith(f"start page {start}: ") for problem in report["problems"])
    assert status == 1


def test_a_listing_selector_that_finds_nothing_is_named_with_the_fallbacks_hit_rate(
        replica, tmp_path):
    site_file = write(tmp_path / "c.toml", CONGTHUONG_TOML + '[selectors]\n'
                      'listing = "div.no-such-list a::attr(href)"\n')
    status, report = doctor_json("congthuong_file", "--site-file", str(site_file),
                                 "--replica", replica.url, "--articles", "3", "--pages", "2")
    assert status == 1
    listing = report["listing"]
    assert listing["selector_links"] == 0 and listing["selector_rate"] == 0
    assert listing["fallback_rate"] == 1.0 and listing["fallback_links"] > 0
    assert listing["failing"]
    assert any(problem.startswith("listing selector (div.no-such-list a::attr(href)) found "
                                  "links on 0/") for problem in report["problems"])
    # The articles the fallback found were still checked.
    assert report["articles"] == 3
