"""End to end: a real `newscrawler crawl congthuong --replica` process against the replica.

Every exported record must equal the replica's ground truth on every content field,
every article must be there, and none twice. The seed article, the project's reference
record, is checked field by field against the real page's text.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from .conftest import FIXTURES, exported_records, run_newscrawler

SEED_TEXT = FIXTURES / "reference" / "000_fcc801ffa7c6ee77.txt"


@pytest.fixture(scope="module")
def crawl(crawl_replica_site):
    data_dir, result = crawl_replica_site("congthuong")
    assert result.returncode == 0, result.stdout + result.stderr
    return data_dir, result


@pytest.fixture(scope="module")
def records(crawl):
    return exported_records(crawl[0], "congthuong")


def test_export_is_utf8_jsonl_renamed_complete(crawl):
    data_dir, _ = crawl
    files = list((data_dir / "articles" / "congthuong").rglob("*"))
    assert [f for f in files if f.name.endswith(".part")] == []
    jsonl = [f for f in files if f.suffix == ".jsonl"]
    assert len(jsonl) == 1
    text = jsonl[0].read_text(encoding="utf-8")
    assert "\\u" not in text and "Công Thương" in text


def test_run_summary_counts_match_export(crawl, records):
    data_dir, result = crawl
    summaries = list((data_dir / "runs").glob("*.json"))
    assert len(summaries) == 1
    summary = json.loads(summaries[0].read_text(encoding="utf-8"))
    site = summary["sites"]["congthuong"]
    assert site["items"] == len(records)
    assert site["errors"] == 0
    assert site["duration_s"] > 0
    assert f"congthuong: {len(records)} articles" in result.stdout


def seed_lines() -> list[str]:
    """The reference page's lines, NFC, with its no-break and repeated spaces folded
    (the record's text is cleaned of stray whitespace; nothing else may change)."""
    text = unicodedata.normalize("NFC", SEED_TEXT.read_text(encoding="utf-8"))
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines()]
    return [line for line in lines if line]


def test_seed_article_field_by_field(records):
    lines = seed_lines()
    # The reference page: clock bar, title, date, lead, caption, 7 body paragraphs, author.
    assert len(lines) == 13 and lines[-1] == "Vũ Lê"
    title = "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ"
    [seed] = [r for r in records if r["title"] == title]
    assert seed["published_at"] == "2017-12-21T11:38:00+07:00"
    assert seed["published_raw"] == "11:38 | 21/12/2017"
    assert seed["lead"] == lines[3] and seed["lead"].startswith("Ngày 21/12, tại Đà Nẵng,")
    body = seed["body"].split("\n\n")
    assert body == lines[5:12]
    assert body[0].startswith("Sau gần 5 năm")
    assert body[-1].endswith("đạt được mục tiêu Chương trình hành động đã đề ra.")
    assert "0866.59.4498" not in seed["body"] and "Toàn cảnh Hội nghị" not in seed["body"]
    assert "Vũ Lê" not in seed["body"]
    assert seed["authors"] == ["Vũ Lê"]
    assert [image["caption"] for image in seed["images"]] == ["Toàn cảnh Hội nghị"]
    assert seed["site"] == "congthuong" and seed["publisher"] == "Báo Công Thương"
    assert seed["ministry"] == "Bộ Công Thương"
    assert seed["url"].startswith("https://congthuong.vn/")
    for value in (seed["title"], seed["lead"], seed["body"]):
        assert value == value.strip() and "  " not in value and "\u00a0" not in value


def test_exported_urls_are_real_site_urls(records):
    assert records and all(r["url"].startswith("https://congthuong.vn/") for r in records)
    assert not any("127.0.0.1" in json.dumps(r) for r in records)


def test_unknown_site_is_one_line_error(tmp_path: Path):
    result = run_newscrawler("crawl", "nosuchsite", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown site nosuchsite" in lines[0]
