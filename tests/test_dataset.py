"""`newscrawler dataset export`: merge of the runs' export files and the three formats."""

from __future__ import annotations

import csv
import json
from dataclasses import fields
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newscrawler import dataset
from newscrawler.dataset import (
    FIELD_KINDS,
    ReadCounts,
    export_dataset,
    iter_export_records,
    merge_latest,
)
from newscrawler.items import Article

RUN_A = "20260101T080000-aaaa"
RUN_B = "20260102T080000-bbbb"
RUN_C = "20260103T080000-cccc"


def article(article_id: str, version: int = 1, *, published: str | None = "2026-01-01T07:30:00",
            crawled: str = "2026-01-01T08:05:00", duplicate_of: str | None = None,
            **overrides) -> dict:
    site, key = article_id.split(":")
    record = {
        "id": article_id, "url": f"https://{site}.example.vn/bai-{key}.html", "site": site,
        "publisher": "Báo Công Thương" if site == "congthuong" else "Bộ Công Thương",
        "ministry": "Bộ Công Thương", "title": f"Xuất khẩu gạo tăng mạnh {key} v{version}",
        "lead": "Kim ngạch xuất khẩu tăng 12,5 %.",
        "body": "Đoạn thứ nhất về thị trường.\n\nĐoạn thứ hai, có “ngoặc kép”.",
        "authors": ["Vũ Lê", "Minh Anh"], "source": "Theo TTXVN",
        "published_at": f"{published}+07:00" if published else None, "modified_at": None,
        "published_raw": "07:30 | 01/01/2026", "category": "Thị trường",
        "tags": ["xuất khẩu", "gạo"],
        "images": [{"url": f"https://{site}.example.vn/a{key}.jpg", "caption": "Cảng Cát Lái"},
                   {"url": f"https://{site}.example.vn/b{key}.jpg", "caption": None}],
        "attachments": [{"url": f"https://{site}.example.vn/qd-{key}.pdf", "title": "Quyết định"}],
        "language": "vi", "crawled_at": f"{crawled}+07:00",
        "content_hash": f"{version:040x}", "word_count": 14, "version": version,
        "changed_at": None, "duplicate_of": duplicate_of,
        "provenance": {"title": "selector", "published_at": "metadata", "body": "fallback"},
    }
    record.update(overrides)
    return record


def write_lines(path: Path, lines: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False))
                   + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    articles = tmp_path / "data" / "articles"
    older = article("congthuong:5", published="2025-12-31T20:00:00")
    del older["duplicate_of"], older["attachments"]  # an older record lacking two fields
    write_lines(articles / "congthuong" / "2026-01-01" / f"{RUN_A}.jsonl", [
        article("congthuong:1"),
        article("congthuong:2", published="2026-01-01T06:00:00"),
        article("congthuong:3", published=None),
        article("congthuong:4", duplicate_of="congthuong:1"),
    ])
    write_lines(articles / "congthuong" / "2026-01-02" / f"{RUN_B}.jsonl", [
        article("congthuong:1", 2, crawled="2026-01-02T08:00:00", lead="Bản cập nhật."),
        "{not json",
        "[1, 2]",
        json.dumps(article("congthuong:6", authors="Vũ Lê")),  # wrong type: skipped
        older,
        "",
    ])
    # A file still being written: its records must not be read.
    write_lines(articles / "congthuong" / "2026-01-03" / f"{RUN_C}.jsonl.part",
                [article("congthuong:2", 9)])
    # Same version twice: the later crawled_at wins, although its file is read first.
    write_lines(articles / "moit" / "2026-01-01" / f"{RUN_A}.jsonl", [
        article("moit:1", published="2025-12-30T10:00:00"),
        article("moit:2", crawled="2026-01-02T09:00:00", title="Bản sau"),
    ])
    write_lines(articles / "moit" / "2026-01-02" / f"{RUN_B}.jsonl", [
        article("moit:2", crawled="2026-01-01T09:00:00", title="Bản trước"),
    ])
    write_lines(articles / "moit" / "2026-01-02" / f"{RUN_B}-w2.jsonl", [
        article("moit:3", published="2026-01-02T09:15:00"),
    ])
    return tmp_path / "data"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_reading_skips_part_files_and_counts_malformed_lines(data_dir: Path) -> None:
    counts = ReadCounts()
    records = list(iter_export_records(data_dir, counts=counts))
    assert ("congthuong:2", 9) not in {(r["id"], r["version"]) for r in records}
    assert "congthuong:6" not in {r["id"] for r in records}
    assert (counts.files, counts.records, counts.skipped_lines) == (5, 10, 3)
    only_moit = list(iter_export_records(data_dir, sites=["moit"]))
    assert {r["id"] for r in only_moit} == {"moit:1", "moit:2", "moit:3"}


def test_merge_keeps_highest_version_then_latest_crawl(data_dir: Path) -> None:
    records = list(iter_export_records(data_dir))
    for ordering in (records, records[::-1]):
        latest = merge_latest(ordering)
        assert latest["congthuong:1"]["version"] == 2
        assert latest["congthuong:1"]["lead"] == "Bản cập nhật."
        assert latest["moit:2"]["title"] == "Bản sau"
        assert len(latest) == 8


def test_jsonl_export_is_latest_versions_in_publication_order(data_dir: Path,
                                                              tmp_path: Path) -> None:
    result = export_dataset(data_dir, tmp_path / "out" / "all.jsonl", "jsonl")
    records = read_jsonl(result.path)
    assert [r["id"] for r in records] == [
        "moit:1", "congthuong:5", "congthuong:2", "congthuong:1", "moit:2", "moit:3",
        "congthuong:3",  # no published_at: last
    ]
    assert (result.count, result.skipped_lines, result.files_read) == (7, 3, 5)
    assert all(list(r) == list(FIELD_KINDS) for r in records)
    by_id = {r["id"]: r for r in records}
    assert by_id["congthuong:1"] == article("congthuong:1", 2, crawled="2026-01-02T08:00:00",
                                            lead="Bản cập nhật.")
    assert by_id["congthuong:5"]["attachments"] == []
    assert by_id["congthuong:5"]["duplicate_of"] is None


def test_filters(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.jsonl"
    export_dataset(data_dir, out, "jsonl", sites=["moit"])
    assert [r["id"] for r in read_jsonl(out)] == ["moit:1", "moit:2", "moit:3"]
    export_dataset(data_dir, out, "jsonl", since=date(2026, 1, 1))
    assert [r["id"] for r in read_jsonl(out)] == [
        "congthuong:2", "congthuong:1", "moit:2", "moit:3"]
    result = export_dataset(data_dir, out, "jsonl", include_duplicates=True,
                            sites=["congthuong"])
    ids = [r["id"] for r in read_jsonl(out)]
    assert result.count == 5 and "congthuong:4" in ids
    assert read_jsonl(out)[ids.index("congthuong:4")]["duplicate_of"] == "congthuong:1"


@pytest.fixture
def merged_jsonl(data_dir: Path, tmp_path: Path) -> list[dict]:
    path = export_dataset(data_dir, tmp_path / "merged.jsonl", "jsonl",
                          include_duplicates=True).path
    records = read_jsonl(path)
    assert len(records) == 8
    return records


def test_parquet_holds_the_same_records(data_dir: Path, tmp_path: Path,
                                        merged_jsonl: list[dict]) -> None:
    result = export_dataset(data_dir, tmp_path / "all.parquet", "parquet",
                            include_duplicates=True)
    table = pq.read_table(result.path)
    assert table.schema.field("authors").type == pa.list_(pa.string())
    assert table.schema.field("images").type == pa.list_(
        pa.struct([("url", pa.string()), ("caption", pa.string())]))
    assert table.schema.field("word_count").type == pa.int64()
    dates = [name for name, kind in FIELD_KINDS.items() if kind == "date"]
    assert dates == ["published_at", "modified_at", "crawled_at", "changed_at"]
    for name in dates:  # timestamps in Vietnam time, not strings
        assert table.schema.field(name).type == pa.timestamp("us", tz="+07:00")
    rows = table.to_pylist()
    for row in rows:
        row["provenance"] = json.loads(row["provenance"])
        for name in dates:
            row[name] = row[name] and row[name].isoformat()
    assert rows == merged_jsonl


def decode_csv_row(row: dict[str, str]) -> dict:
    decoded = {}
    for name, kind in FIELD_KINDS.items():
        cell = row[name]
        if cell == "":
            decoded[name] = None
        elif kind in ("str", "date"):
            decoded[name] = cell
        elif kind == "int":
            decoded[name] = int(cell)
        else:
            decoded[name] = json.loads(cell)
    return decoded


def test_csv_holds_the_same_records(data_dir: Path, tmp_path: Path,
                                    merged_jsonl: list[dict]) -> None:
    result = export_dataset(data_dir, tmp_path / "all.csv", "csv", include_duplicates=True)
    with result.path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == list(FIELD_KINDS)
        rows = [decode_csv_row(row) for row in reader]
    assert rows == merged_jsonl
    assert "\n\n" in rows[0]["body"]


def test_export_of_nothing_is_a_valid_empty_file(tmp_path: Path) -> None:
    result = export_dataset(tmp_path / "empty", tmp_path / "e.parquet", "parquet")
    assert result.count == 0
    assert pq.read_table(result.path).num_rows == 0


def test_failed_export_keeps_the_previous_file(data_dir: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out" / "all.jsonl"
    export_dataset(data_dir, out, "jsonl")
    before = out.read_bytes()

    def torn_writer(records, path: Path) -> int:
        path.write_text('{"id": "half', encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(dataset.WRITERS, "jsonl", torn_writer)
    with pytest.raises(OSError, match="disk full"):
        export_dataset(data_dir, out, "jsonl", include_duplicates=True)
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["all.jsonl"]


def test_field_kinds_cover_the_article_record() -> None:
    assert list(FIELD_KINDS) == [f.name for f in fields(Article)]


@pytest.mark.parametrize("change", [
    {"version": "2"}, {"version": True}, {"version": 0}, {"id": None}, {"authors": "Vũ Lê"},
    {"images": [{"caption": "no url"}]}, {"provenance": {"title": 1}}, {"word_count": 1.5},
])
def test_wrongly_typed_records_are_malformed(change: dict) -> None:
    assert dataset.record_problem(article("moit:1")) is None
    assert dataset.record_problem({**article("moit:1"), **change}) is not None


# --- command line ----------------------------------------------------------------------

def test_cli_exports_and_prints_one_line(data_dir: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "cli.csv"
    status = dataset.main(["export", "--format", "csv", "--data-dir", str(data_dir),
                           "--site", "moit", "--since", "2026-01-01", str(out)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines == [f"2 articles -> {out} (csv); 3 files read, 0 malformed lines skipped"]
    assert out.exists()


@pytest.mark.parametrize("since", ["2026-13-01", "20260101", "yesterday", "2026-1-1"])
def test_cli_bad_since_is_one_line_and_status_2(data_dir: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture,
                                                since: str) -> None:
    status = dataset.main(["export", "--format", "jsonl", "--data-dir", str(data_dir),
                           "--since", since, str(tmp_path / "x.jsonl")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.splitlines() == [
        f"newscrawler dataset: error: --since expects a date YYYY-MM-DD, got {since!r}"]
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize("args, message", [
    (["--data-dir", "{tmp}/nowhere"], "is not a directory"),
    (["--site", "nosuchsite"], "no exports for site nosuchsite"),
])
def test_cli_usage_errors(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
                          args: list[str], message: str) -> None:
    argv = ["export", "--format", "jsonl", "--data-dir", str(data_dir)]
    argv += [arg.replace("{tmp}", str(tmp_path)) for arg in args] + [str(tmp_path / "x")]
    assert dataset.main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and message in err[0]
