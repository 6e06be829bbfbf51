"""`newscrawler sites`: the registry's provenance columns, `--json` and `--assumptions`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newscrawler.provenance import assumptions_in

NEWSCRAWLER = str(Path(sys.executable).parent / "newscrawler")
JSON_KEYS = {"site", "publisher", "ministry", "platform", "enabled", "status",
             "newest_evidence", "assumptions"}


def run_sites(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSCRAWLER, "sites", *args],
                          capture_output=True, text=True, timeout=120)


def test_assumptions_are_read_one_per_mark_with_their_continuation_lines():
    docstring = """Site.

Sources:
- title `h1` (2026-10-06, idx:1).
- ASSUMPTION: the pager is
  `?page=N`.
ASSUMPTION: the date is day first.

Not an assumption: a word ASSUMPTION inside a sentence.
"""
    assert assumptions_in(docstring) == ["the pager is `?page=N`.",
                                         "the date is day first."]


def test_json_has_one_object_per_site_with_the_documented_keys():
    result = run_sites("--json")
    assert result.returncode == 0, result.stderr
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert entries and all(JSON_KEYS <= set(entry) for entry in entries)
    assert all(entry["status"].split(":")[0] in {"current", "archive", "disabled"}
               for entry in entries)
    assert all(isinstance(entry["assumptions"], int) for entry in entries)


def test_assumptions_of_a_site_are_counted_as_in_the_table():
    entries = {e["site"]: e for e in map(json.loads, run_sites("--json").stdout.splitlines())}
    for site, entry in entries.items():
        listed = run_sites("--assumptions", site)
        assert listed.returncode == 0, listed.stderr
        header, *items = listed.stdout.splitlines()
        assert header.startswith(f"{site}: {entry['assumptions']} assumption(s)")
        assert len(items) == entry["assumptions"]


def test_unknown_site_is_one_line_and_exit_2():
    result = run_sites("--assumptions", "no_such_site")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no_such_site" in result.stderr
