"""A crawl of a VHV replica (script-only pager) says in its run summary how deep discovery
reaches: page 1 of each listing, and how many listed items lie beyond it (issue 15, item 5)."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import run_id_of


@pytest.mark.parametrize("site", ["moit", "moet"])
def test_run_summary_says_discovery_reads_page_one_only(site, crawl_replica_site):
    data_dir, result = crawl_replica_site(site)
    assert result.returncode == 0, result.stdout + result.stderr
    run_id = run_id_of(result.stdout)
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    discovery = summary["sites"][site]["discovery"]
    match = re.fullmatch(r"page 1 of 9 listings only \(script-only pager, no documented "
                         r"endpoint\): newest 12 per category; 9 pager configs read, "
                         r"(\d+) of (\d+) listed items on page 1", discovery)
    assert match, discovery
    reached, listed = map(int, match.groups())
    assert reached == 9 * 12 and listed > reached
    stats = summary["sites"][site]["stats"]
    assert stats[f"newscrawler/{site}/listing_pages"] == 9  # never a page 2
    assert "page 1 of 9 listings only" in (data_dir / "runs" / f"{run_id}.html").read_text("utf-8")
