"""Writes WARC/1.1 files: one `request` and one `response` record per fetch.

Each record is built with warcio (the IIPC reference library) and compressed as a gzip
member of its own, then written with one `write()` call: a reader can seek to any record,
and a kill can only tear the last member, which `recovery` cuts off. A file is written as
`<name>.warc.gz.part` and renamed to `<name>.warc.gz` once complete and flushed to disk,
like the feeds (`export.storage`): a `*.warc.gz` is always whole.

Files roll over at `max_bytes`: `<name>.warc.gz`, `<name>.2.warc.gz`, ...
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from newscrawler import __version__
from newscrawler.archive import PART_SUFFIX, WARC_SUFFIX
from newscrawler.atomic import fsync_path

logger = logging.getLogger(__name__)

# zlib's default level (warcio's own gzip wrapper uses 9): about as fast and 1 % larger
# on these pages (benchmarks/bench_archive.py); the member is compressed in one go, so
# that it reaches the file in one write.
GZIP_LEVEL = 6
# The body is stored as Scrapy's handler returns it: de-chunked, still content-encoded.
_DROPPED_RESPONSE_HEADERS = {"transfer-encoding"}


@dataclass
class ArchiveFile:
    path: Path  # the final name
    records: int = 0
    responses: int = 0
    bytes: int = 0

    def as_dict(self) -> dict:
        return {"path": str(self.path), "records": self.records,
                "responses": self.responses, "bytes": self.bytes}


def gzip_member(data: bytes) -> bytes:
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(data) + compressor.flush()


def http_status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def header_pairs(headers, dropped: set[str] = frozenset()) -> list[tuple[str, str]]:
    """Scrapy Headers (bytes, multi-valued) as warcio's (name, value) pairs."""
    pairs = []
    for name, values in headers.items():
        text = name.decode("latin-1")
        if text.lower() in dropped:
            continue
        pairs.extend((text, value.decode("latin-1")) for value in values)
    return pairs


def request_target(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return path, parts.netloc


@dataclass
class ArchiveWriter:
    """The archive of one site in one run; files are opened only when a page comes."""

    directory: Path  # DATA_DIR/archive/<site>/<YYYY-MM-DD>
    name: str  # <run_id>[-<worker>]
    max_bytes: int
    files: list[ArchiveFile] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._out = None  # the open .part file
        self._builder = WARCWriter(None, gzip=False, warc_version="1.1")

    @property
    def current(self) -> ArchiveFile | None:
        return self.files[-1] if self._out is not None else None

    def write_exchange(self, method: str, url: str, request_headers, request_body: bytes,
                       status: int, protocol: str | None, response_headers,
                       body: bytes, fetched_at: datetime | None = None,
                       notes: list[tuple[str, str]] | None = None) -> None:
        """One fetch: its response record, then its request record (WARC-Concurrent-To),
        then, given `notes` (how it was reached: redirects, retries), a metadata record."""
        date = datetime_to_iso_date((fetched_at or datetime.now(UTC))
                                    .astimezone(UTC).replace(tzinfo=None), use_micros=True)
        protocol = protocol or "HTTP/1.1"
        response = self._builder.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(http_status_line(status),
                                          header_pairs(response_headers,
                                                       _DROPPED_RESPONSE_HEADERS),
                                          protocol=protocol))
        path, host = request_target(url)
        pairs = header_pairs(request_headers)
        if not any(name.lower() == "host" for name, _ in pairs):
            pairs.insert(0, ("Host", host))
        request = self._builder.create_warc_record(
            url, "request", payload=io.BytesIO(request_body), length=len(request_body),
            warc_headers_dict={"WARC-Date": date,
                               "WARC-Concurrent-To":
                                   response.rec_headers.get_header("WARC-Record-ID")},
            http_headers=StatusAndHeaders(f"{method} {path} {protocol}", pairs,
                                          is_http_request=True))
        members = [gzip_member(self._serialize(response)),
                   gzip_member(self._serialize(request))]
        if notes:
            members.append(gzip_member(self._serialize(self._metadata(url, date, response,
                                                                      notes))))
        size = sum(map(len, members))
        current = self.current
        if current is not None and current.bytes and current.bytes + size > self.max_bytes:
            self.close_file()
        self._write(members, responses=1)

    def _metadata(self, url: str, date: str, response, notes: list[tuple[str, str]]):
        fields = "".join(f"{name}: {value}\r\n" for name, value in notes).encode("utf-8")
        return self._builder.create_warc_record(
            url, "metadata", payload=io.BytesIO(fields), length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To":
                               response.rec_headers.get_header("WARC-Record-ID")})

    def _serialize(self, record) -> bytes:
        buffer = io.BytesIO()
        self._builder.out = buffer
        self._builder.write_record(record)
        return buffer.getvalue()

    def _write(self, members: list[bytes], responses: int) -> None:
        if self._out is None:
            self._open()
        data = b"".join(members)
        # One write: a kill tears at most the last record, which recovery cuts off.
        self._out.write(data)
        self._out.flush()  # in the kernel: a kill -9 loses nothing written so far
        current = self.files[-1]
        current.records += len(members)
        current.responses += responses
        current.bytes += len(data)

    def _open(self) -> None:
        number = len(self.files) + 1
        suffix = "" if number == 1 else f".{number}"
        final = self.directory / f"{self.name}{suffix}{WARC_SUFFIX}"
        self.directory.mkdir(parents=True, exist_ok=True)
        self._out = open(final.with_name(final.name + PART_SUFFIX), "wb")  # noqa: SIM115
        self.files.append(ArchiveFile(final))
        info = self._builder.create_warcinfo_record(final.name, {
            "software": f"newscrawler/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                          "warc-format/warc-1.1/",
        })
        self._write([gzip_member(self._serialize(info))], responses=0)

    def sync(self) -> None:
        """Flush the open file to disk (before a feed batch that relies on it commits)."""
        if self._out is not None:
            os.fsync(self._out.fileno())

    def close_file(self) -> None:
        if self._out is None:
            return
        out, self._out = self._out, None
        final = self.files[-1].path
        out.flush()
        os.fsync(out.fileno())
        out.close()
        os.replace(final.with_name(final.name + PART_SUFFIX), final)
        fsync_path(final.parent)
        logger.info("Archive complete: %s (%d records)", final, self.files[-1].records)

    def close(self) -> None:
        self.close_file()

    def abandon(self) -> None:
        """After a failed write: the `.part` may end in a torn record, so it is not
        renamed; the next run's recovery keeps its whole records (recovery.py)."""
        out, self._out = self._out, None
        if out is not None:
            with contextlib.suppress(OSError):
                out.close()
