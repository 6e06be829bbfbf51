"""`newscrawler dataset export`: every crawled article once, in its latest version.

Reads the complete export files `DATA_DIR/articles/<site>/**/*.jsonl` (never `*.part`: a
file still being written), keeps the highest `version` of each `id` (ties: the latest
`crawled_at`, then the file read last) and writes one file in JSON Lines, Parquet or CSV.

- Order: by `published_at`, then `id`; records without `published_at` come last.
- `since`: keeps records published on or after that date (Vietnam time); records with a
  null `published_at` are excluded, since nothing says they are recent.
- `include_duplicates=False` drops records whose `duplicate_of` is set.
- The columns are the Article fields, in declaration order; a field absent from an older
  record is null (an empty list for list fields).
- Parquet: strings, int64 for `word_count` and `version`; `authors` and `tags` are
  list<string>, `images` list<struct<url, caption>>, `attachments` list<struct<url, title>>;
  `provenance` is a JSON object in a string column, because its keys vary per record and
  pandas, DuckDB and Spark all read a string column the same way (a map column comes back
  from pandas as a list of pairs). The dates (`published_at`, `modified_at`, `crawled_at`,
  `changed_at`) are timestamps with the +07:00 offset (`timestamp[us, tz=+07:00]`): the
  same instants as the ISO strings, and readers compare and filter them as dates.
- CSV: UTF-8 with a header row; lists and objects as JSON; null as an empty cell.

A line that is not a JSON object with a string `id`, a positive integer `version` and
fields of the Article's types is malformed: it is logged, counted and skipped.

Memory: a first pass keeps, per id, only where its latest line is (file, byte offset) and
the fields the filters and the order need; a second pass reads the chosen lines back in
output order. The writer holds one Parquet batch at most.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

from newscrawler.atomic import write_atomically

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "parquet", "csv")

# Every Article field (newscrawler/items.py), in export order, with its value kind.
FIELD_KINDS: dict[str, str] = {
    "id": "str", "url": "str", "site": "str", "publisher": "str", "ministry": "str",
    "title": "str", "lead": "str", "body": "str", "authors": "strings", "source": "str",
    "published_at": "date", "modified_at": "date", "published_raw": "str", "category": "str",
    "tags": "strings", "images": "images", "attachments": "attachments", "language": "str",
    "crawled_at": "date", "content_hash": "str", "word_count": "int", "version": "int",
    "changed_at": "date", "duplicate_of": "str", "provenance": "object",
}
STRUCT_KEYS = {"images": ("url", "caption"), "attachments": ("url", "title")}
LIST_KINDS = ("strings", "images", "attachments")

MAX_LOGGED_SKIPS = 20
PARQUET_BATCH_ROWS = 2000
PARQUET_TZ = "+07:00"  # Vietnam time, as in the JSON records
SUFFIX_FORMATS = {".jsonl": "jsonl", ".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}
OPEN_FILES_MAX = 64
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class ReadCounts:
    files: int = 0
    records: int = 0
    skipped_lines: int = 0

    def skip(self, path: Path, line_no: int, reason: str) -> None:
        self.skipped_lines += 1
        if self.skipped_lines <= MAX_LOGGED_SKIPS:
            logger.warning("Skipped malformed line %s:%d: %s", path, line_no, reason)
        elif self.skipped_lines == MAX_LOGGED_SKIPS + 1:
            logger.warning("More malformed lines: counted, no longer logged one by one")


class ExportResult(NamedTuple):
    count: int
    skipped_lines: int
    path: Path
    files_read: int = 0


# --- reading ---------------------------------------------------------------------------

def _is_struct_list(value: Any, keys: tuple[str, str]) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and isinstance(item.get(keys[0]), str)
        and isinstance(item.get(keys[1]), str | None) for item in value)


def _is_date(value: Any) -> bool:
    """An ISO 8601 date-time with its offset (what the Article's date fields hold)."""
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


_KIND_CHECKS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "date": _is_date,
    "int": lambda v: type(v) is int,
    "strings": lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v),
    "images": lambda v: _is_struct_list(v, STRUCT_KEYS["images"]),
    "attachments": lambda v: _is_struct_list(v, STRUCT_KEYS["attachments"]),
    "object": lambda v: isinstance(v, dict) and all(isinstance(s, str) for s in v.values()),
}


def record_problem(record: Any) -> str | None:
    """Why `record` cannot be exported, or None. Cheap: runs on every line read."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("id"), str) or not record["id"]:
        return "no string id"
    version = record.get("version")
    if type(version) is not int or version < 1:
        return "version is not a positive integer"
    for name, kind in FIELD_KINDS.items():
        value = record.get(name)
        if value is not None and not _KIND_CHECKS[kind](value):
            return f"{name} is not of type {kind}"
    return None


def export_files(data_dir: Path | str, sites: Iterable[str] | None = None) -> list[Path]:
    """The complete export files, sorted (so runs are read in run-id order)."""
    articles = Path(data_dir) / "articles"
    if not articles.is_dir():
        return []
    wanted = ({sites} if isinstance(sites, str) else set(sites)) if sites else None
    site_dirs = sorted(p for p in articles.iterdir()
                       if p.is_dir() and (wanted is None or p.name in wanted))
    # A `.jsonl.part` file does not end in `.jsonl`, so rglob never yields one.
    return [path for site_dir in site_dirs for path in sorted(site_dir.rglob("*.jsonl"))
            if path.is_file()]


def _read_lines(path: Path, counts: ReadCounts) -> Iterator[tuple[int, dict]]:
    """(byte offset, record) of each well-formed line of one file."""
    counts.files += 1
    offset = 0
    with path.open("rb") as stream:
        for line_no, line in enumerate(stream, 1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
                counts.skip(path, line_no, f"not JSON ({error})")
                continue
            problem = record_problem(record)
            if problem:
                counts.skip(path, line_no, problem)
                continue
            counts.records += 1
            yield start, record


def iter_export_records(data_dir: Path | str, sites: Iterable[str] | None = None,
                        counts: ReadCounts | None = None) -> Iterator[dict]:
    """Every well-formed record of every complete export file, streamed.

    Pass a ReadCounts to see the counts while iterating; the generator also returns it
    (`counts = yield from iter_export_records(...)`).
    """
    counts = counts if counts is not None else ReadCounts()
    for path in export_files(data_dir, sites):
        for _offset, record in _read_lines(path, counts):
            yield record
    return counts


def _newer(version: int, crawled_at: str | None, old_version: int,
           old_crawled_at: str | None) -> bool:
    # Same-format +07:00 timestamps compare correctly as strings. A full tie goes to the
    # record read last, i.e. the later run.
    return (version, crawled_at or "") >= (old_version, old_crawled_at or "")


def merge_latest(records: Iterable[dict]) -> dict[str, dict]:
    """id -> its record of highest `version` (ties: the latest `crawled_at`)."""
    latest: dict[str, dict] = {}
    for record in records:
        old = latest.get(record["id"])
        if old is None or _newer(record["version"], record.get("crawled_at"),
                                 old["version"], old.get("crawled_at")):
            latest[record["id"]] = record
    return latest


class _Pointer(NamedTuple):
    """Where an id's latest line is, and what filtering and ordering need of it."""
    version: int
    crawled_at: str | None
    published_at: str | None
    duplicate_of: str | None
    file_no: int
    offset: int


def _index_latest(files: list[Path], counts: ReadCounts) -> dict[str, _Pointer]:
    index: dict[str, _Pointer] = {}
    for file_no, path in enumerate(files):
        for offset, record in _read_lines(path, counts):
            old = index.get(record["id"])
            if old is None or _newer(record["version"], record.get("crawled_at"),
                                     old.version, old.crawled_at):
                index[record["id"]] = _Pointer(
                    record["version"], record.get("crawled_at"), record.get("published_at"),
                    record.get("duplicate_of"), file_no, offset)
    return index


def _select(index: dict[str, _Pointer], since: date | None,
            include_duplicates: bool) -> list[_Pointer]:
    since_text = since.isoformat() if since else None
    chosen = []
    for article_id, pointer in index.items():
        if pointer.duplicate_of and not include_duplicates:
            continue
        if since_text and (not pointer.published_at or pointer.published_at[:10] < since_text):
            continue
        chosen.append((pointer.published_at is None, pointer.published_at or "", article_id,
                       pointer))
    chosen.sort(key=lambda row: row[:3])
    return [row[3] for row in chosen]


def _read_back(files: list[Path], pointers: list[_Pointer]) -> Iterator[dict]:
    """The records at `pointers`, in that order; a few files are kept open at a time."""
    handles: OrderedDict[int, IO[bytes]] = OrderedDict()
    try:
        for pointer in pointers:
            stream = handles.pop(pointer.file_no, None)
            if stream is None:
                stream = files[pointer.file_no].open("rb")
                if len(handles) >= OPEN_FILES_MAX:
                    handles.popitem(last=False)[1].close()
            handles[pointer.file_no] = stream
            stream.seek(pointer.offset)
            yield normalize_record(json.loads(stream.readline()))
    finally:
        for stream in handles.values():
            stream.close()


def normalize_record(record: dict) -> dict:
    """The Article fields of `record`, in export order; absent ones null (lists empty)."""
    return {name: record.get(name, [] if kind in LIST_KINDS else None)
            for name, kind in FIELD_KINDS.items()}


# --- writing ---------------------------------------------------------------------------

def _write_jsonl(records: Iterable[dict], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(records: Iterable[dict], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(FIELD_KINDS)
        for record in records:
            writer.writerow([_csv_cell(record[name]) for name in FIELD_KINDS])
            count += 1
    return count


def parquet_schema():
    """The Arrow schema of the Parquet export (see the module docstring)."""
    import pyarrow as pa

    def struct_list(keys: tuple[str, str]):
        return pa.list_(pa.struct([(key, pa.string()) for key in keys]))

    types = {"str": pa.string(), "date": pa.timestamp("us", tz=PARQUET_TZ),
             "int": pa.int64(), "strings": pa.list_(pa.string()),
             "images": struct_list(STRUCT_KEYS["images"]),
             "attachments": struct_list(STRUCT_KEYS["attachments"]),
             "object": pa.string()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in FIELD_KINDS.items()])


def _write_parquet(records: Iterable[dict], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        columns: dict[str, list] = {name: [] for name in FIELD_KINDS}

        def flush() -> None:
            arrays = [pa.array(columns[name], type=schema.field(name).type)
                      for name in FIELD_KINDS]
            writer.write_batch(pa.record_batch(arrays, schema=schema))
            for values in columns.values():
                values.clear()

        for record in records:
            for name, kind in FIELD_KINDS.items():
                value = record[name]
                if kind == "object" and value is not None:
                    value = json.dumps(value, ensure_ascii=False)
                elif kind == "date" and value is not None:
                    value = datetime.fromisoformat(value)
                columns[name].append(value)
            count += 1
            if count % PARQUET_BATCH_ROWS == 0:
                flush()
        if count == 0 or count % PARQUET_BATCH_ROWS:
            flush()
    return count


WRITERS: dict[str, Callable[[Iterable[dict], Path], int]] = {
    "jsonl": _write_jsonl, "parquet": _write_parquet, "csv": _write_csv,
}


def export_dataset(data_dir: Path | str, out_path: Path | str, fmt: str, *,
                   sites: Iterable[str] | None = None, since: date | None = None,
                   include_duplicates: bool = False) -> ExportResult:
    """Write the latest version of every article under `data_dir` to `out_path`."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out_path = Path(out_path)
    counts = ReadCounts()
    files = export_files(data_dir, sites)
    pointers = _select(_index_latest(files, counts), since, include_duplicates)
    count = write_atomically(out_path, lambda tmp: WRITERS[fmt](_read_back(files, pointers),
                                                               tmp))
    logger.info("Exported %d records to %s (%s) from %d files, %d malformed lines skipped",
                count, out_path, fmt, counts.files, counts.skipped_lines)
    return ExportResult(count, counts.skipped_lines, out_path, counts.files)


# --- command line ----------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawler dataset",
                                     description="Datasets built from the crawled articles.")
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser(
        "export", help="the latest version of every article, as one file",
        description="Write the latest version of every article to OUT.")
    export.add_argument("--format", choices=FORMATS,
                        help="default: from OUT's extension (.jsonl, .parquet, .csv)")
    export.add_argument("--data-dir", type=Path, default=Path("data"))
    export.add_argument("--site", action="append", dest="sites", metavar="SITE",
                        help="only this site (repeatable)")
    export.add_argument("--since", metavar="YYYY-MM-DD",
                        help="only articles published on or after this date")
    export.add_argument("--include-duplicates", action="store_true",
                        help="keep records marked as near-duplicates of another")
    export.add_argument("out", type=Path, metavar="OUT")
    return parser


def _fail(message: str, status: int) -> int:
    print(f"newscrawler dataset: error: {message}", file=sys.stderr)
    return status


def parse_since(text: str) -> date:
    """A strict YYYY-MM-DD date (date.fromisoformat alone also takes '20240101')."""
    if not _DATE.match(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def main(argv: list[str] | None = None) -> int:
    """`newscrawler dataset ...`; `argv` is what follows `dataset` on the command line."""
    args = build_parser().parse_args(argv)
    if args.format is None:
        args.format = SUFFIX_FORMATS.get(args.out.suffix.lower())
        if args.format is None:
            return _fail(f"cannot tell the format of {args.out} from its extension: give "
                         f"--format ({', '.join(FORMATS)})", 2)
    try:
        since = parse_since(args.since) if args.since is not None else None
    except ValueError:
        return _fail(f"--since expects a date YYYY-MM-DD, got {args.since!r}", 2)
    articles = args.data_dir / "articles"
    if not articles.is_dir():
        return _fail(f"no export files: {articles} is not a directory", 2)
    known = {p.name for p in articles.iterdir() if p.is_dir()}
    unknown = sorted(set(args.sites or ()) - known)
    if unknown:
        return _fail(f"no exports for site {', '.join(unknown)} in {articles}; sites: "
                     f"{', '.join(sorted(known)) or 'none'}", 2)
    try:
        result = export_dataset(args.data_dir, args.out, args.format, sites=args.sites,
                                since=since, include_duplicates=args.include_duplicates)
    except ImportError as error:  # pyarrow, imported only for Parquet
        package = (error.name or "pyarrow").partition(".")[0]
        return _fail(f"{args.format} export needs {package}: pip install {package}", 2)
    except OSError as error:
        return _fail(f"cannot export to {args.out}: {error}", 1)
    print(f"{result.count} articles -> {result.path} ({args.format}); "
          f"{result.files_read} files read, {result.skipped_lines} malformed lines skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
