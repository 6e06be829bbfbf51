"""The README's dataset examples run as printed on the data of a real `make demo` crawl
(issue 14, point 7): the shell line, then the pandas and DuckDB code, taken from
README.md itself, and their answers checked against the exported JSON Lines."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from collections import Counter

import pytest

from .conftest import REPO, exported_records, newscrawler_command

SINCE = "2025-10-01T00:00:00+07:00"  # the examples' filter


def dataset_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return text[text.index("## The dataset\n"):text.index("\n## ", text.index("## The dataset"))]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", dataset_section(), re.S)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """A directory holding `data/demo` as `make demo` leaves it."""
    root = tmp_path_factory.mktemp("readme")
    result = subprocess.run([sys.executable, "-m", "newscrawler.demo", "--data-dir",
                             str(root / "data" / "demo")],
                            capture_output=True, text=True, cwd=REPO, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return root


def test_readme_dataset_examples_run_as_printed(demo_dir, monkeypatch):
    (shell,) = blocks("sh")
    argv = shlex.split(shell)
    assert argv[0] == ".venv/bin/newscrawler"
    result = subprocess.run(newscrawler_command(*argv[1:]), capture_output=True, text=True,
                            cwd=demo_dir, timeout=300)
    assert result.returncode == 0, result.stderr

    (code,) = blocks("python")
    monkeypatch.chdir(demo_dir)
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README

    # Ground truth: the crawl's own export files, read without pandas or DuckDB.
    data_dir = demo_dir / "data" / "demo"
    sites = sorted(p.name for p in (data_dir / "articles").iterdir())
    records = [r for site in sites for r in exported_records(data_dir, site)
               if not r["duplicate_of"]]
    expected = Counter(r["site"] for r in records
                       if r["published_at"] and r["published_at"] >= SINCE)
    assert len(expected) >= 5, expected  # the filter keeps most sites: not an empty answer
    assert len(namespace["df"]) == len(records)
    assert str(namespace["df"]["published_at"].dtype) == "datetime64[us, UTC+07:00]"
    assert dict(namespace["recent"].groupby("site").size()) == dict(expected)
    rows = namespace["by_site"].fetchall()
    assert [(site, count) for site, count, _words in rows] == sorted(expected.items())
    assert "datetime64[us, UTC+07:00]" in printed.getvalue()
