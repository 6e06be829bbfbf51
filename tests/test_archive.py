"""The WARC archive of a crawl (issue 19, item 1): every fetched page once, read back with
warcio; rotation; off by setting; a kill -9 leaves no file a reader trips on."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from parsel import Selector
from warcio.archiveiterator import ArchiveIterator

from newscrawler.archive.recovery import recover_archive
from newscrawler.archive.writer import ArchiveWriter
from newscrawler.replica import REPLICA_SITES
from newscrawler.runner import spider_loader
from tests.conftest import exported_records, replica_truth, run_id_of, run_newscrawler

pytestmark = pytest.mark.slow


def warc_records(path: Path) -> list:
    """(type, target URI, status) of every record, read by warcio (raises if invalid).
    A POST is told apart by its body too (mof's lists: one URL, a category per body), as
    a WARC index keys it (pywb appends the POST body to the URL key): its records carry
    `<URI> <body>` as their target."""
    out, posted = [], {}
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            status = record.http_headers.get_statuscode() if record.http_headers else None
            body = record.content_stream().read()  # the payload decodes too
            exchange = (record.rec_headers.get_header("WARC-Concurrent-To")
                        or record.rec_headers.get_header("WARC-Record-ID"))
            if record.rec_type == "request" and record.http_headers.protocol == "POST":
                posted[exchange] = body.decode("utf-8", "replace")
            out.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                        status, exchange))
    return [(kind, f"{uri} {posted[exchange]}" if exchange in posted else uri, status)
            for kind, uri, status, exchange in out]


def declared_canonicals(files: list[Path]) -> set[str]:
    """The `<link rel="canonical">` URLs that archived pages name."""
    found = set()
    for path in files:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    body = record.content_stream().read().decode("utf-8", "replace")
                    found.update(Selector(text=body or "<html/>", type="html").xpath(
                        "//link[@rel='canonical']/@href").getall())
    return found


def archive_files(data_dir: Path, site: str, pattern: str = "*.warc.gz") -> list[Path]:
    return sorted((data_dir / "archive" / site).rglob(pattern))


def summary(data_dir: Path, stdout: str) -> dict:
    return json.loads((data_dir / "runs" / f"{run_id_of(stdout)}.json").read_text())


@pytest.mark.parametrize("site", sorted(REPLICA_SITES))
def test_a_crawl_archives_every_fetched_page_once_under_its_real_url(site,
                                                                    crawl_replica_site):
    data_dir, result = crawl_replica_site(site)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = summary(data_dir, result.stdout)["sites"][site]
    files = archive_files(data_dir, site)
    assert [Path(f["path"]) for f in entry["archive"]] == files
    records = [r for path in files for r in warc_records(path)]
    responses = [r for r in records if r[0] == "response"]
    assert len(responses) == entry["pages"] > entry["items"] > 0
    assert sum(f["responses"] for f in entry["archive"]) == entry["pages"]
    assert sum(f["records"] for f in entry["archive"]) == len(records)
    assert sum(f["bytes"] for f in entry["archive"]) == sum(p.stat().st_size for p in files)
    urls = Counter(uri for _, uri, _ in responses)
    assert max(urls.values()) == 1  # each page once
    domains = tuple(spider_loader().load(site).allowed_domains)
    hosts = {urlsplit(uri).hostname for uri in urls}
    assert all(host in domains or host.endswith(tuple("." + d for d in domains))
               for host in hosts), hosts
    requests = Counter(uri for kind, uri, _ in records if kind == "request")
    assert requests == urls
    # How a page was reached (redirect hops, retries): a metadata record beside it.
    notes = Counter(uri for kind, uri, _ in records if kind == "metadata")
    assert set(notes) <= set(urls) and max(notes.values(), default=1) == 1
    assert len(records) == 1 + 2 * len(responses) + sum(notes.values())
    exported = {record["url"] for record in exported_records(data_dir, site)}
    # A page fetched under another URL (moh's friendly `/web/guest/-/<slug>`) is archived
    # under the URL fetched; its record takes the canonical URL that page names. A site
    # read through an API (mof) names its records' URLs in the archived answers.
    named = getattr(spider_loader().load(site), "record_urls_in_archive", None)
    assert exported <= set(urls) | (declared_canonicals(files) if exported - set(urls)
                                    else set()) | (named(files) if named else set())
    # one gzip member per record: gzip reads them all, as one stream
    with gzip.open(files[0]) as whole:
        assert whole.read().count(b"WARC/1.1\r\n") == len(warc_records(files[0]))


def test_the_archive_rolls_over_and_can_be_turned_off(replica, tmp_path):
    rolled = tmp_path / "rolled"
    result = run_newscrawler("crawl", "congthuong", "--replica", replica.url, "--data-dir",
                             str(rolled), "-s", "NEWSCRAWLER_ARCHIVE_MAX_BYTES=1048576")
    assert result.returncode == 0, result.stdout + result.stderr
    files = archive_files(rolled, "congthuong")
    assert len(files) >= 2 and any(path.name.endswith(".2.warc.gz") for path in files)
    assert all(path.stat().st_size <= 1048576 for path in files)
    entry = summary(rolled, result.stdout)["sites"]["congthuong"]
    responses = [r for path in files for r in warc_records(path) if r[0] == "response"]
    assert len(responses) == entry["pages"]
    off = tmp_path / "off"
    result = run_newscrawler("crawl", "congthuong", "--replica", replica.url, "--data-dir",
                             str(off), "-s", "NEWSCRAWLER_ARCHIVE=0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (off / "archive").exists()
    assert summary(off, result.stdout)["sites"]["congthuong"]["archive"] == []


@pytest.mark.parametrize("value", ["12", "-1", "lots"])
def test_a_bad_archive_size_is_refused_in_one_line(tmp_path, value):
    result = run_newscrawler("crawl", "congthuong", "--data-dir", str(tmp_path / "d"),
                             "-s", f"NEWSCRAWLER_ARCHIVE_MAX_BYTES={value}")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "NEWSCRAWLER_ARCHIVE_MAX_BYTES" in result.stderr


def written_part(tmp_path: Path, pages: int) -> tuple[Path, list[int]]:
    """A `.part` as a killed writer leaves it; the offsets where each record pair ends."""
    from scrapy.http import Headers

    writer = ArchiveWriter(tmp_path / "archive" / "congthuong" / "2026-12-05", "run",
                           1 << 30)
    ends = []
    for number in range(pages):
        writer.write_exchange("GET", f"https://congthuong.vn/a-{number}.html",
                              Headers({"User-Agent": "t"}), b"", 200, "HTTP/1.1",
                              Headers({"Content-Type": "text/html"}),
                              f"<html><p>page {number}</p></html>".encode() * 50)
        ends.append(writer.files[-1].bytes)
    writer._out.close()  # killed: never renamed
    return writer.files[-1].path.with_name("run.warc.gz.part"), ends


def test_recovery_cuts_a_torn_record_and_renames_the_file(tmp_path):
    part, ends = written_part(tmp_path, 5)
    with open(part, "r+b") as handle:
        handle.truncate(ends[3] + 40)  # the 5th response record torn mid-member
    assert recover_archive(tmp_path) == Counter({"recovered": 1})
    final = part.with_name("run.warc.gz")
    assert not part.exists() and final.stat().st_size == ends[3]
    kinds = Counter(kind for kind, _, _ in warc_records(final))
    assert kinds == {"warcinfo": 1, "response": 4, "request": 4}


def test_recovery_sets_aside_a_part_without_a_whole_record(tmp_path):
    part, ends = written_part(tmp_path, 1)
    with open(part, "r+b") as handle:
        handle.truncate(20)
    assert recover_archive(tmp_path) == Counter({"set_aside": 1})
    assert not list(part.parent.glob("*.warc.gz")) and not part.exists()
    assert part.with_name("run.warc.gz.torn").exists()


@pytest.mark.parametrize("point", ["responses:40", "items:25", "feed_stored:1"])
def test_kill_9_while_archiving_then_rerun_every_warc_valid_no_article_lost(
        replica, tmp_path, point):
    args = ("crawl", "congthuong", "--replica", replica.url, "--data-dir", str(tmp_path),
            "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=20")
    killed = run_newscrawler(*args, "-s", f"NEWSCRAWLER_TEST_KILL_AT={point}")
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    parts = archive_files(tmp_path, "congthuong", "*.warc.gz.part")
    assert len(parts) == 1 and not archive_files(tmp_path, "congthuong")
    rerun = run_newscrawler(*args)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert not archive_files(tmp_path, "congthuong", "*.part")
    files = archive_files(tmp_path, "congthuong")
    assert len(files) == 2  # the killed run's, recovered, and the rerun's
    check = subprocess.run([str(Path(sys.executable).parent / "warcio"), "check", *files],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr  # every digest right
    archived = {uri for path in files for kind, uri, status in warc_records(path)
                if kind == "response" and status == "200"}
    exported = exported_records(tmp_path, "congthuong")
    truth = {record["url"] for record in replica_truth("congthuong")}
    assert {record["url"] for record in exported} == truth
    assert len(exported) == len(truth)  # none lost, none twice
    assert truth <= archived  # every exported article's page is in the archive
    stats = summary(tmp_path, rerun.stdout)["sites"]["congthuong"]["stats"]
    assert stats["newscrawler/archive/recovered"] == 1


def test_an_archive_that_cannot_be_written_fails_the_run_not_the_export(replica, tmp_path):
    (tmp_path / "archive").write_text("not a directory")
    result = run_newscrawler("crawl", "congthuong", "--replica", replica.url, "--data-dir",
                             str(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cannot write the archive in" in result.stdout
    truth = {record["url"] for record in replica_truth("congthuong")}
    assert {record["url"] for record in exported_records(tmp_path, "congthuong")} == truth
