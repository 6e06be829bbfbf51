"""Streaming, resilient reading of WARC files: ours, Common Crawl's, anyone's.

warcio's ArchiveIterator parses records but stops at the first broken one. A backfill
from a multi-gigabyte file must go on past a torn record, so the file is first cut into
records here (`iter_members`): a `.warc.gz` into its gzip members (the standard: one
member per record), a plain `.warc` by each record's Content-Length; a member or record
that does not decode is reported with its offset (`Corrupt`) and the reading resumes at
the next gzip header (or `WARC/1.` line). Each whole record is then parsed by warcio
(`parse_record`). Memory holds one record at a time, bounded by `max_record`.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

CHUNK = 1 << 16  # most records are smaller: a member is read in a read or two
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
TOO_LARGE = "record larger than"


class NotAWarc(Exception):
    """A file that is not a WARC at all: one line, exit status 2."""


@dataclass(frozen=True)
class Member:
    offset: int  # where the record starts in the file
    end: int  # where the next one starts
    data: bytes  # the record, uncompressed


@dataclass(frozen=True)
class Corrupt:
    offset: int
    reason: str


def is_gzip_path(path: Path) -> bool:
    return path.name.endswith((".gz", ".gz.part"))


def check_warc(path: Path) -> None:
    """Raise NotAWarc unless `path` starts like a (gzipped) WARC file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError as error:
        raise NotAWarc(f"{path}: cannot read ({error.strerror})") from None
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS + 16).decompress(head)
        except zlib.error:
            head = b""
        if head and not head.startswith(WARC_MAGIC[: len(head)]):
            raise NotAWarc(f"{path}: not a WARC file (gzip, but no WARC record inside)")
        return
    if not head.startswith(WARC_MAGIC):
        raise NotAWarc(f"{path}: not a WARC file (no 'WARC/1.x' record header)")


def iter_members(path: Path, max_record: int = 0) -> Iterator[Member | Corrupt]:
    """The records of `path`, whole, or the offsets where they could not be read."""
    with open(path, "rb") as handle:
        if is_gzip_path(path) or handle.read(3) == GZIP_MAGIC:
            handle.seek(0)
            yield from _gzip_members(handle, max_record)
        else:
            handle.seek(0)
            yield from _plain_records(handle, max_record)


def _gzip_members(handle, max_record: int) -> Iterator[Member | Corrupt]:
    offset = 0
    while True:
        handle.seek(offset)
        head = handle.read(3)
        if not head:
            return
        if head != GZIP_MAGIC:
            yield Corrupt(offset, "not a gzip member")
            offset = _next_magic(handle, offset + 1, GZIP_MAGIC)
            if offset < 0:
                return
            continue
        member = _one_member(handle, offset, max_record)
        yield member
        if isinstance(member, Member):
            offset = member.end
        else:
            offset = _next_magic(handle, offset + 1, GZIP_MAGIC)
            if offset < 0:
                return


def _one_member(handle, offset: int, max_record: int) -> Member | Corrupt:
    handle.seek(offset)
    decompressor = zlib.decompressobj(zlib.MAX_WBITS + 16)
    out, size, consumed = [], 0, 0
    while not decompressor.eof:
        chunk = handle.read(CHUNK)
        if not chunk:
            return Corrupt(offset, "truncated gzip member")
        try:
            data = decompressor.decompress(chunk)
        except zlib.error as error:
            return Corrupt(offset, f"corrupt gzip member ({error})")
        consumed += len(chunk) - len(decompressor.unused_data)
        size += len(data)
        if max_record and size > max_record:
            return Corrupt(offset, f"{TOO_LARGE} {max_record:,} bytes")
        out.append(data)
    data = b"".join(out)
    if not data.startswith(WARC_MAGIC):
        return Corrupt(offset, "gzip member without a WARC record")
    problem = _record_length_problem(data)
    if problem:
        return Corrupt(offset, problem)
    return Member(offset, offset + consumed, data)


def _record_length_problem(data: bytes) -> str | None:
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        return "WARC record without the end of its headers"
    length = _content_length(data[:head_end])
    if length is None:
        return "WARC record without Content-Length"
    if len(data) < head_end + 4 + length:
        return "truncated WARC record (shorter than its Content-Length)"
    if data[head_end + 4 + length:].strip(b"\r\n"):
        return ("several WARC records in one gzip member (a file gzipped whole?): "
                "`warcio recompress` it into one member per record")
    return None


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None


def _next_magic(handle, start: int, magic: bytes) -> int:
    """The offset of the next `magic` at or after `start`, or -1."""
    position = start
    handle.seek(position)
    carry = b""
    while True:
        chunk = handle.read(CHUNK)
        if not chunk:
            return -1
        window = carry + chunk
        found = window.find(magic)
        if found >= 0:
            return position - len(carry) + found
        carry = window[-(len(magic) - 1):]
        position += len(chunk)


def _plain_records(handle, max_record: int, offset: int = 0
                   ) -> Iterator[Member | Corrupt]:
    while True:
        handle.seek(offset)
        head = handle.read(min(CHUNK, 65536))
        if not head.strip():
            return
        stripped = len(head) - len(head.lstrip(b"\r\n"))
        offset += stripped
        head = head[stripped:]
        head_end = head.find(b"\r\n\r\n")
        length = _content_length(head[:head_end]) if head_end >= 0 else None
        if not head.startswith(WARC_MAGIC) or length is None:
            yield Corrupt(offset, "not a WARC record header")
        elif max_record and length > max_record:
            yield Corrupt(offset, f"{TOO_LARGE} {max_record:,} bytes")
        else:
            total = head_end + 4 + length
            handle.seek(offset)
            data = handle.read(total + 4)
            trailer = data[total:]
            if len(data) < total:
                yield Corrupt(offset, "truncated WARC record (shorter than its "
                                      "Content-Length)")
                return
            if trailer and trailer != b"\r\n\r\n":
                # The block runs into the next record: this one was cut short.
                yield Corrupt(offset, "WARC record that does not end where its "
                                      "Content-Length says")
            else:
                yield Member(offset, offset + len(data), data[:total])
                offset += len(data)
                continue
        offset = _next_magic(handle, offset + 1, WARC_MAGIC)
        if offset < 0:
            return


def parse_record(data: bytes):
    """warcio's record of one whole WARC record (ArchiveLoadFailed if malformed)."""
    iterator = ArchiveIterator(io.BytesIO(data), ensure_http_headers=False)
    try:
        return next(iterator)
    except StopIteration:
        raise ArchiveLoadFailed("empty record") from None


def read_member_at(path: Path, offset: int, max_record: int = 0) -> Member | Corrupt:
    """The one record at `offset` (as `iter_members` reported it)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        magic = handle.read(3)
        if magic == GZIP_MAGIC:
            return _one_member(handle, offset, max_record)
        return next(_plain_records(handle, max_record, offset),
                    Corrupt(offset, "no record at this offset"))
