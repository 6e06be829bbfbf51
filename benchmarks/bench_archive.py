"""The WARC archive's cost (issue 19): crawl pages/s with and without it, in the same run,
its bytes per page, and the libraries measured before choosing.

- crawl: `newscrawler crawl` of the replica sites (the fast replica, as bench_crawl),
  alternating archive on / off (`NEWSCRAWLER_ARCHIVE=0`), fresh data dir each run; the
  archive's bytes per page from the run summary (`archive` entries) and the pages.
- formats: N replica article pages written as request + response records and read back:
  warcio's own gzip writer (level 9) vs ours (warcio records, zlib level 6, one write per
  record), read with warcio's ArchiveIterator, FastWARC's ArchiveIterator, and ours
  (`archive.reader`: resilient member split + warcio parse).

    python -m benchmarks.bench_archive [--articles 2000] [--runs 2] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import shutil
import statistics
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.bench_crawl import WORK, crawl_sites, one_run, per_site
from benchmarks.replica_ceiling import FIXED_NOW, FastReplica

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent


def archive_bytes(data_dir: Path) -> tuple[int, int]:
    """(bytes, responses) of the archive files the run summary lists."""
    size = responses = 0
    for summary in (data_dir / "runs").glob("*.json"):
        for site in json.loads(summary.read_text())["sites"].values():
            for entry in site.get("archive", []):
                size += entry["bytes"]
                responses += entry["responses"]
    return size, responses


def crawl(total_articles: int, runs: int, work: Path = WORK / "archive") -> dict[str, Any]:
    sites = crawl_sites()
    work.mkdir(parents=True, exist_ok=True)
    results = []
    with FastReplica(per_site(total_articles, sites), sites) as replica:
        one_run("full", replica, sites, work, 0)  # warms the server's page cache
        for number in range(1, runs + 1):
            for kind, settings in (("archive", {}), ("no_archive",
                                                     {"NEWSCRAWLER_ARCHIVE": "0"})):
                result = one_run("full", replica, sites, work, number, settings=settings)
                data_dir = work / f"full-{number}" / "data"
                size, responses = archive_bytes(data_dir)
                result.update(kind=kind, archive_bytes=size, archive_responses=responses,
                              bytes_per_page=size / max(result["pages"], 1))
                results.append(result)
    def median(kind: str, metric: str) -> float:
        return statistics.median(r[metric] for r in results if r["kind"] == kind)

    return {"sites": sites, "articles": total_articles, "runs": results,
            "pages_per_s": {k: median(k, "pages_per_s") for k in ("archive", "no_archive")},
            "cpu_ms_per_page": {k: median(k, "cpu_ms_per_page")
                                for k in ("archive", "no_archive")},
            "bytes_per_page": median("archive", "bytes_per_page")}


def sample_pages(count: int) -> list[tuple[str, bytes]]:
    from newscrawler.replica import load_site

    now, pages = datetime.fromisoformat(FIXED_NOW), []
    for key in crawl_sites():
        site = load_site(key, count)
        for article in site.corpus.articles[:count]:
            path = article.url.split("/", 3)[3]
            status, _, body = site.handle("/" + path, now)
            if status == 200:
                pages.append((article.url, body))
    return pages[:count]


def formats(count: int, work: Path = WORK / "archive") -> dict[str, Any]:
    from scrapy.http import Headers
    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newscrawler.archive.reader import Member, iter_members, parse_record
    from newscrawler.archive.writer import ArchiveWriter

    pages = sample_pages(count)
    work.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    ours = ArchiveWriter(work / "formats", "ours", 1 << 40)
    for url, body in pages:
        ours.write_exchange("GET", url, Headers({"User-Agent": "b"}), b"", 200, "HTTP/1.1",
                            Headers({"Content-Type": "text/html; charset=utf-8"}), body)
    ours.close()
    timings["write: ours (warcio records, zlib 6)"] = time.perf_counter() - started
    plain = work / "formats" / "warcio.warc.gz"
    started = time.perf_counter()
    with open(plain, "wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        for url, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=http))
            writer.write_record(writer.create_warc_record(url, "request", http_headers=
                StatusAndHeaders("GET / HTTP/1.1", [("User-Agent", "b")],
                                 is_http_request=True)))
    timings["write: warcio WARCWriter (gzip 9)"] = time.perf_counter() - started
    ours_path = ours.files[0].path
    sizes = {"ours": ours_path.stat().st_size, "warcio": plain.stat().st_size}

    def read_warcio() -> int:
        with open(ours_path, "rb") as handle:
            return sum(len(r.content_stream().read()) for r in ArchiveIterator(handle)
                       if r.rec_type == "response")

    def read_ours() -> int:
        total = 0
        for member in iter_members(ours_path):
            assert isinstance(member, Member)
            record = parse_record(member.data)
            if record.rec_type == "response":
                total += len(record.content_stream().read())
        return total

    readers = {"read: warcio ArchiveIterator": read_warcio, "read: ours (resilient)": read_ours}
    try:
        from fastwarc.warc import ArchiveIterator as FastIterator
        from fastwarc.warc import WarcRecordType

        def read_fastwarc() -> int:
            with open(ours_path, "rb") as handle:
                return sum(len(r.reader.read()) for r in FastIterator(
                    handle, record_types=WarcRecordType.response))

        readers["read: FastWARC ArchiveIterator"] = read_fastwarc
    except ImportError:
        timings["read: FastWARC ArchiveIterator"] = float("nan")
    for name, read in readers.items():
        started = time.perf_counter()
        read()
        timings[name] = time.perf_counter() - started
    return {"pages": len(pages), "page_bytes": sum(len(b) for _, b in pages),
            "file_bytes": sizes,
            "ms_per_page": {name: 1000 * s / len(pages) for name, s in timings.items()}}


def build_warc(path: Path, count: int, site_key: str = "congthuong") -> int:
    """A WARC of `count` distinct article pages of one replica site, with our writer."""
    from scrapy.http import Headers

    from newscrawler.archive.writer import ArchiveWriter
    from newscrawler.replica import load_site

    site, now = load_site(site_key, count), datetime.fromisoformat(FIXED_NOW)
    writer = ArchiveWriter(path.parent, path.name.removesuffix(".warc.gz"), 1 << 40)
    written = 0
    for article in site.corpus.articles[:count]:
        status, headers, body = site.handle("/" + article.url.split("/", 3)[3], now)
        if status == 200:
            writer.write_exchange("GET", article.url, Headers({"User-Agent": "b"}), b"", 200,
                                  "HTTP/1.1", Headers(headers), body)
            written += 1
    writer.close()
    return written


def import_memory(sizes: tuple[int, ...] = (300, 3000), work: Path = WORK / "archive"
                  ) -> dict[str, Any]:
    """Peak RSS of `import-warc` over WARCs of growing size: flat if it streams."""
    import sys

    from benchmarks.bench_crawl import run_measured

    rows = []
    for count in sizes:
        target = work / f"import-{count}"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        warc = target / "in.warc.gz"
        pages = build_warc(warc, count)
        result = run_measured([sys.executable, "-m", "newscrawler.cli", "import-warc",
                               str(warc), "--data-dir", str(target / "data")],
                              target / "output.log")
        rows.append({"pages": pages, "warc_bytes": warc.stat().st_size, **result,
                     "pages_per_s": pages / result["wall_s"]})
        logger.info("import of %d pages: %.0f MB peak, %.1f s", pages,
                    result["peak_rss_mb"], result["wall_s"])
    return {"rows": rows}


def markdown(results: dict[str, Any]) -> str:
    lines = ["| measure | value |", "|---|---|"]
    crawl_part = results.get("crawl")
    if crawl_part:
        pps, cpu = crawl_part["pages_per_s"], crawl_part["cpu_ms_per_page"]
        lines += [f"| crawl pages/s, archive on | {pps['archive']:.0f} |",
                  f"| crawl pages/s, archive off (same run) | {pps['no_archive']:.0f} |",
                  f"| on / off | {pps['archive'] / pps['no_archive']:.2f} |",
                  f"| CPU ms/page on / off | {cpu['archive']:.2f} / {cpu['no_archive']:.2f} |",
                  f"| archive bytes per page | {crawl_part['bytes_per_page']:.0f} |"]
    fmt = results.get("formats")
    if fmt:
        for name, value in fmt["ms_per_page"].items():
            lines.append(f"| {name} (ms/page) | {value:.3f} |")
        lines.append(f"| file bytes, ours / warcio gzip 9 | {fmt['file_bytes']['ours']} / "
                     f"{fmt['file_bytes']['warcio']} ({fmt['pages']} pages, "
                     f"{fmt['page_bytes']} bytes of HTML) |")
    for row in results.get("import_memory", {}).get("rows", []):
        lines.append(f"| import-warc of {row['pages']} pages ({row['warc_bytes']:,} bytes): "
                     f"peak RSS | {row['peak_rss_mb']:.0f} MB ({row['pages_per_s']:.0f} "
                     "pages/s) |")
    return "\n".join(lines) + "\n"


def formats_median(count: int, repeats: int = 3) -> dict[str, Any]:
    """`formats` `repeats` times (the first also warms imports); medians per measure."""
    trials = [formats(count) for _ in range(repeats)]
    return {**trials[-1], "repeats": repeats, "trials": [t["ms_per_page"] for t in trials],
            "ms_per_page": {name: statistics.median(t["ms_per_page"][name] for t in trials)
                            for name in trials[-1]["ms_per_page"]}}


def run(articles: int = 2_000, runs: int = 2, sample: int = 500) -> dict[str, Any]:
    return {"crawl": crawl(articles, runs), "formats": formats_median(sample),
            "import_memory": import_memory((sample, 10 * sample))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--out", type=Path, default=HERE / "archive_results.json")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    results = run(args.articles, args.runs, args.sample)
    args.out.write_text(json.dumps(results, indent=1, default=str))
    table = markdown(results)
    args.out.with_suffix(".md").write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
