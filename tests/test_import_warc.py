"""`newscrawler import-warc` (issue 19, item 3): WARC files from elsewhere, imported like a
crawl of their article pages; every record that is not one counted by reason."""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawler.items import CONTENT_FIELDS
from tests.conftest import exported_records, replica_truth, run_newscrawler

pytestmark = pytest.mark.slow


def fetch(replica_url: str, url: str) -> tuple[int, list[tuple[str, str]], bytes]:
    parts = urlsplit(url)
    routed = f"{replica_url}/{parts.hostname}{parts.path}"
    try:
        with urllib.request.urlopen(routed, timeout=10) as response:
            return response.status, list(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, list(error.headers.items()), error.read()


class WarcBuilder:
    """Records, each its own gzip member (or plain), with the offset of each."""

    def __init__(self, gzip: bool = True) -> None:
        self.out = io.BytesIO()
        self.gzip = gzip
        self.offsets: list[int] = []

    def add(self, record_type: str, url: str, status: int = 200, headers=(), body=b"",
            extra=None, cut: bool = False) -> int:
        member = io.BytesIO()
        writer = WARCWriter(member, gzip=self.gzip, warc_version="1.1")
        http = StatusAndHeaders(f"{status} X", [(k, v) for k, v in headers
                                                if k.lower() != "transfer-encoding"],
                                protocol="HTTP/1.1")
        if record_type == "revisit":
            record = writer.create_revisit_record(url, "sha1:AAAA", url,
                                                  "2026-01-01T00:00:00Z", http_headers=http)
        elif record_type == "request":
            record = writer.create_warc_record(
                url, "request", http_headers=StatusAndHeaders(
                    f"GET {urlsplit(url).path} HTTP/1.1", [("Host", urlsplit(url).netloc)],
                    is_http_request=True))
        else:
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               length=len(body), http_headers=http,
                                               warc_headers_dict=extra or {})
        writer.write_record(record)
        data = member.getvalue()
        offset = self.out.tell()
        self.out.write(data[: len(data) // 2] if cut else data)
        self.offsets.append(offset)
        return offset

    def save(self, path: Path) -> Path:
        path.write_bytes(self.out.getvalue())
        return path


def test_import_exports_exactly_the_truth_of_the_whole_article_records(replica, tmp_path):
    truth = {site: replica_truth(site)[:12] for site in ("congthuong", "moh")}
    gz, plain = WarcBuilder(), WarcBuilder(gzip=False)
    expected = []
    for site, records in truth.items():
        for number, record in enumerate(records):
            status, headers, body = fetch(replica.url, record["url"])
            assert status == 200
            builder = plain if site == "moh" and number >= 8 else gz
            builder.add("request", record["url"])
            if number == 3 and site == "congthuong":
                cut_at = builder.add("response", record["url"], status, headers, body,
                                     cut=True)
                continue
            if number == 4 and site == "congthuong":  # cut short by the capturing crawler
                builder.add("response", record["url"], status, headers, body[:500],
                            extra={"WARC-Truncated": "length"})
                continue
            builder.add("response", record["url"], status, headers, body)
            expected.append(record)
    missing = "https://congthuong.vn/khong-co-bai-nay-999999999.html"
    gz.add("response", missing, *fetch(replica.url, missing))
    gz.add("revisit", truth["moh"][0]["url"])
    listing = "https://congthuong.vn/thoi-su"
    gz.add("response", listing, *fetch(replica.url, listing))
    gz.add("response", "https://vnexpress.net/tin-khac-4800000.html", 200,
           [("Content-Type", "text/html")], b"<html><h1>Other</h1></html>")
    files = [gz.save(tmp_path / "mixed.warc.gz"), plain.save(tmp_path / "more.warc")]
    data_dir = tmp_path / "data"
    result = run_newscrawler("import-warc", *map(str, files), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    exported = [r for site in truth for r in exported_records(data_dir, site)]
    assert sorted(r["url"] for r in exported) == sorted(r["url"] for r in expected)
    wanted = {r["url"]: r for r in expected}
    for record in exported:
        assert {f: record[f] for f in CONTENT_FIELDS} == {
            f: wanted[record["url"]][f] for f in CONTENT_FIELDS}, record["url"]
    run_id = re.search(r"^run (\S+): report in ", result.stdout, flags=re.M).group(1)
    report = json.loads((data_dir / "runs" / f"{run_id}.json").read_text())["import"]
    requests = sum(len(r) for r in truth.values())
    assert report["skipped"] == {"corrupt": 1, "foreign_host": 1, "non_200": 1,
                                 "not_article": 1, "not_response": requests, "revisit": 1,
                                 "truncated": 1}
    assert [(Path(c["file"]).name, c["offset"]) for c in report["corrupt"]] == [
        ("mixed.warc.gz", cut_at)]
    assert report["captures"] == {"congthuong": 10, "moh": 12}
    html = (data_dir / "runs" / f"{run_id}.html").read_text()
    assert "Corrupt records" in html and "mixed.warc.gz" in html
    assert f"mixed.warc.gz at offset {cut_at}" in result.stdout
    # Imported again: known, unchanged, nothing exported twice.
    result = run_newscrawler("import-warc", *map(str, files), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "congthuong: 10 pages imported: 0 new, 0 updated (version + 1), 10 unchanged" \
        in result.stdout
    assert len([r for site in truth for r in exported_records(data_dir, site)]) == len(expected)


def test_site_option_keeps_one_site(replica, tmp_path):
    record = replica_truth("moh")[0]
    other = replica_truth("congthuong")[0]
    builder = WarcBuilder()
    for url in (record["url"], other["url"]):
        builder.add("response", url, *fetch(replica.url, url))
    path = builder.save(tmp_path / "two.warc.gz")
    result = run_newscrawler("import-warc", str(path), "--site", "moh", "--data-dir",
                             str(tmp_path / "d"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert [r["url"] for r in exported_records(tmp_path / "d", "moh")] == [record["url"]]
    assert not (tmp_path / "d" / "articles" / "congthuong").exists()
    assert "foreign_host 1" in result.stdout


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    not_warc = tmp_path / "page.warc.gz"
    not_warc.write_bytes(zlib.compress(b"<html></html>"))
    text = tmp_path / "notes.warc"
    text.write_text("hello\n")
    for args, message in [([str(tmp_path / "missing.warc.gz")], "no such file"),
                          ([str(not_warc)], "not a WARC file"),
                          ([str(text)], "not a WARC file"),
                          ([str(text), "--site", "nosuchsite"], "unknown site")]:
        result = run_newscrawler("import-warc", *args, "--data-dir", str(tmp_path / "d"))
        assert result.returncode == 2, (args, result.stdout + result.stderr)
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert not (tmp_path / "d").exists()
