"""archive.reader: records of any WARC file, whole or reported with their offset."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawler.archive.reader import (
    Corrupt,
    Member,
    NotAWarc,
    check_warc,
    iter_members,
    parse_record,
    read_member_at,
)


def record_bytes(number: int, compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress, warc_version="1.1")
    body = f"<html><p>page {number}</p></html>".encode() * 40
    writer.write_record(writer.create_warc_record(
        f"https://moh.gov.vn/a-{number}", "response", payload=io.BytesIO(body),
        length=len(body), http_headers=StatusAndHeaders("200 OK", [], protocol="HTTP/1.1")))
    return out.getvalue()


def summary(path) -> list[tuple[str, int]]:
    return [(type(m).__name__, m.offset) for m in iter_members(path)]


@pytest.mark.parametrize("compress", [True, False])
def test_a_torn_record_is_reported_at_its_offset_and_reading_goes_on(tmp_path, compress):
    records = [record_bytes(n, compress) for n in range(4)]
    torn = records[1][: len(records[1]) // 2]
    path = tmp_path / ("x.warc.gz" if compress else "x.warc")
    path.write_bytes(records[0] + torn + records[2] + records[3])
    offsets = [0, len(records[0]), len(records[0]) + len(torn),
               len(records[0]) + len(torn) + len(records[2])]
    found = summary(path)
    assert found == [("Member", offsets[0]), ("Corrupt", offsets[1]),
                     ("Member", offsets[2]), ("Member", offsets[3])]
    members = [m for m in iter_members(path) if isinstance(m, Member)]
    uris = [parse_record(m.data).rec_headers.get_header("WARC-Target-URI") for m in members]
    assert uris == ["https://moh.gov.vn/a-0", "https://moh.gov.vn/a-2", "https://moh.gov.vn/a-3"]
    again = read_member_at(path, offsets[2])
    assert isinstance(again, Member) and again.data == members[1].data
    assert isinstance(read_member_at(path, offsets[1]), Corrupt)


def test_a_file_gzipped_whole_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(record_bytes(1, False) + record_bytes(2, False)))
    [only] = list(iter_members(path))
    assert isinstance(only, Corrupt) and "recompress" in only.reason


def test_check_warc_refuses_what_is_not_a_warc(tmp_path):
    good = tmp_path / "good.warc.gz"
    good.write_bytes(record_bytes(1, True))
    check_warc(good)
    for name, data in [("page.warc.gz", gzip.compress(b"<html>")), ("notes.warc", b"hi\n"),
                       ("empty.warc", b"")]:
        bad = tmp_path / name
        bad.write_bytes(data)
        with pytest.raises(NotAWarc, match="not a WARC file"):
            check_warc(bad)


def test_records_over_the_size_bound_are_counted_too_large_not_corrupt(tmp_path):
    from newscrawler.archive.scan import Scan
    from newscrawler.runner import spider_loader

    path = tmp_path / "x.warc.gz"
    path.write_bytes(b"".join(record_bytes(n, True) for n in range(3)))
    scan = Scan({"moh": spider_loader().load("moh")()}, tmp_path, max_record=500)
    scan.scan(path)
    scan.finish()
    assert scan.report()["skipped"] == {"too_large": 3}
    assert scan.report()["corrupt"] == []
