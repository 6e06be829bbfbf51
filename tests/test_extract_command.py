"""`newscrawler extract`: records of saved pages with their provenance."""

from __future__ import annotations

import gzip
import json
import shutil

from .conftest import FIXTURES, run_newscrawler

VNEXPRESS = FIXTURES / "reference" / "VnExpress_2025_10_22.html.gz"
VNEXPRESS_URL = ("https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-"
                 "ruot-non-4954454.html")
SITE_DIR = FIXTURES / "sites" / "congthuong"


def test_one_page_pretty_with_provenance():
    result = run_newscrawler("extract", str(VNEXPRESS), "--url", VNEXPRESS_URL)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert result.stdout.startswith("{\n")
    assert record["title"] == "Đau bụng kéo dài, phát hiện ung thư lymphoma ruột non"
    assert record["published_at"] == "2025-10-22T19:25:52+07:00"
    assert record["provenance"]["title"] in ("metadata", "fallback")
    assert record["file"] == str(VNEXPRESS)


def test_directory_one_line_per_page_with_site_selectors(tmp_path):
    pages = sorted(SITE_DIR.glob("*.html.gz"))
    for page in pages:
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "plain.html").write_bytes(gzip.decompress(pages[0].read_bytes()))
    result = run_newscrawler("extract", str(tmp_path), "--site", "congthuong")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(pages) + 1
    records = [json.loads(line) for line in lines]
    assert {r["provenance"]["body"] for r in records} == {"selector"}
    by_file = {record["file"]: record for record in records}
    plain = by_file.pop(str(tmp_path / "plain.html"))
    assert plain["title"] == by_file[str(tmp_path / pages[0].name)]["title"]


def test_unknown_site_and_missing_page_are_one_line_errors(tmp_path):
    result = run_newscrawler("extract", str(VNEXPRESS), "--site", "nosuchsite")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "newscrawler: error: unknown site 'nosuchsite'"
    result = run_newscrawler("extract", str(tmp_path / "absent.html"))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("newscrawler: error: no such page:")
