"""Progress drawn with rich (issue 14, point 8): on a terminal a table with a totals row
and each site's "done"; off a terminal one short line per site, the first within
FIRST_LINE_AFTER seconds whatever NEWSCRAWLER_PROGRESS_INTERVAL is."""

from __future__ import annotations

import io
import re
import subprocess

from rich.console import Console

from newscrawler.progress import FIRST_LINE_AFTER, SiteProgress, progress_table

from .conftest import REPO, newscrawler_command, replica_truth


def test_table_has_totals_and_done_marks():
    rows = [SiteProgress("congthuong", 262, 240, 1, 18.5, "finished"),
            SiteProgress("moh", 40, 30, 2, 6.25)]
    out = io.StringIO()
    Console(file=out, force_terminal=True, width=100).print(progress_table(rows))
    text = out.getvalue()
    assert "\x1b[" in text  # drawn for a terminal
    plain = io.StringIO()
    Console(file=plain, width=100, color_system=None).print(progress_table(rows))
    lines = [line.split() for line in plain.getvalue().splitlines()]
    assert ["congthuong", "262", "240", "1", "18.5", "done"] in lines
    assert ["moh", "40", "30", "2", "6.2"] in lines
    assert ["total", "302", "270", "3", "24.8", "1/2", "done"] in lines


def test_lines_without_a_terminal(replica, tmp_path):
    # The crawl lasts well over FIRST_LINE_AFTER seconds (262 pages one at a time, 0.05 s
    # apart at least), and the interval is far longer than the crawl: only the early
    # first line can show the running sites.
    assert FIRST_LINE_AFTER == 5.0
    result = subprocess.run(
        newscrawler_command("crawl", "congthuong", "moh", "--replica", replica.url,
                            "--data-dir", str(tmp_path), "-s", "DOWNLOAD_DELAY=0.05",
                            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
                            "-s", "NEWSCRAWLER_PROGRESS_INTERVAL=600"),
        capture_output=True, text=True, cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "\x1b[" not in result.stdout
    progress = [line for line in result.stdout.splitlines() if line.startswith("progress: ")]
    assert all(len(line) < 100 for line in progress), progress
    running = [line for line in progress if ": done" not in line]
    done = [line for line in progress if ": done" in line]
    assert {line.split()[1] for line in running[:2]} == {"congthuong:", "moh:"}
    # One "done" line per site, at the end, with the site's articles (from the truth).
    assert len(done) == 2 and set(progress[-2:]) == set(done)
    for site in ("congthuong", "moh"):
        (line,) = [line for line in done if line.startswith(f"progress: {site}: done, ")]
        assert re.search(rf", {len(replica_truth(site))} articles, 0 errors, [\d.]+/s$", line)
