"""`newscrawler reextract` and `newscrawler import-warc`: crawls without a network.

- `reextract [SITE...] [--since D] [--data-dir D]`: the newest archived capture of every
  article page in DATA_DIR/archive/<site>/ (days on or after D) goes through extraction
  and the pipelines again: an unchanged article is counted (`unchanged`) and not
  exported, a changed one (a fixed selector) is exported as `version + 1`.
- `import-warc FILE.warc[.gz]... [--site S] [--data-dir D]`: the `response` records of
  WARC files from elsewhere (Common Crawl, CC-NEWS, another crawler) whose URL is an
  article URL of a known site (or of S), in file order, like a crawl of them.

Both scan the files first (`archive.scan`, streaming), then run one crawler per site over
the captures (`archive.replay`). Their run summary is the crawl's, plus a `reextract` or
`import` section: records read, captures per site, every skip by reason, and the file
and offset of each record that could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from newscrawler.cli import parse_overrides


class ArchiveCommandError(Exception):
    """Bad input: one line, exit status 2."""


def add_archive_parsers(commands) -> None:
    reextract = commands.add_parser(
        "reextract", help="extract the archived article pages again (no network)")
    reextract.add_argument("sites", nargs="*", help="site keys (default: every archived site)")
    reextract.add_argument("--since", metavar="YYYY-MM-DD",
                           help="only pages archived on or after this day")
    reextract.add_argument("--data-dir", type=Path, default=Path("data"))
    reextract.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                           help="override a Scrapy setting")
    imported = commands.add_parser(
        "import-warc", help="import the article pages of WARC files (no network)")
    imported.add_argument("files", nargs="+", type=Path, metavar="FILE.warc[.gz]")
    imported.add_argument("--site", help="only this site's article pages")
    imported.add_argument("--data-dir", type=Path, default=Path("data"))
    imported.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                          help="override a Scrapy setting")


def site_spiders(names: list[str]) -> dict[str, Any]:
    """{site: spider instance} (built without a crawler: URL rules and hosts only)."""
    from newscrawler.runner import spider_loader

    loader = spider_loader()
    known = sorted(loader.list())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ArchiveCommandError(f"unknown site {', '.join(unknown)}; known sites: "
                                  f"{', '.join(known)}")
    return {name: loader.load(name)() for name in names or known}


def checked_overrides(pairs: list[str], data_dir: Path) -> dict[str, Any]:
    """The replay settings under the user's -s; checked before the (long) scan."""
    from newscrawler import preflight
    from newscrawler.archive.replay import REPLAY_SETTINGS
    from newscrawler.runner import base_settings

    overrides = {**REPLAY_SETTINGS, **parse_overrides(pairs)}
    settings = base_settings()
    settings.set("NEWSCRAWLER_DATA_DIR", str(data_dir), priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    try:
        preflight.check_settings(settings)
    except preflight.ConfigError as error:
        raise ArchiveCommandError(str(error)) from None
    return overrides


def archived_files(data_dir: Path, site: str, since: date | None) -> list[Path]:
    from newscrawler.archive import ARCHIVE_DIR, WARC_SUFFIX

    files = []
    for day in sorted((data_dir / ARCHIVE_DIR / site).glob("*")):
        try:
            archived_on = date.fromisoformat(day.name)
        except ValueError:
            continue
        if since is None or archived_on >= since:
            files.extend(sorted(day.glob(f"*{WARC_SUFFIX}")))
    return files


def command_reextract(args: argparse.Namespace) -> int:
    from newscrawler.archive import ARCHIVE_DIR
    from newscrawler.archive.scan import Scan

    data_dir = args.data_dir.resolve()
    try:
        since = parse_since(args.since)
        overrides = checked_overrides(args.set, data_dir)
        names = args.sites or sorted(p.name for p in (data_dir / ARCHIVE_DIR).glob("*")
                                     if p.is_dir())
        spiders = site_spiders(names) if names else {}
        if (data_dir / ARCHIVE_DIR).is_dir():
            take_data_dir(data_dir)
        files = {site: archived_files(data_dir, site, since) for site in spiders}
        if not any(files.values()):
            raise ArchiveCommandError(f"no archived pages in {data_dir / ARCHIVE_DIR}"
                                      + (f" since {since}" if since else ""))
        with tempfile.TemporaryDirectory(prefix="newscrawler-reextract-") as work:
            scan = Scan(spiders, Path(work), latest_only=True,
                        max_record=max_record(overrides))
            for site, paths in files.items():
                scan.spiders = {site: spiders[site]}  # a site's archive holds its pages
                for path in paths:
                    scan.scan(path)
            scan.spiders = spiders
            scan.finish()
            return replay(scan, "reextract", data_dir, overrides)
    except ArchiveCommandError as error:
        print(f"newscrawler: error: {error}", file=sys.stderr)
        return 2


def command_import(args: argparse.Namespace) -> int:
    from newscrawler.archive.reader import NotAWarc, check_warc
    from newscrawler.archive.scan import Scan

    data_dir = args.data_dir.resolve()
    try:
        overrides = checked_overrides(args.set, data_dir)
        spiders = site_spiders([args.site] if args.site else [])
        for path in args.files:
            if not path.is_file():
                raise ArchiveCommandError(f"no such file: {path}")
            try:
                check_warc(path)
            except NotAWarc as error:
                raise ArchiveCommandError(str(error)) from None
        with tempfile.TemporaryDirectory(prefix="newscrawler-import-") as work:
            scan = Scan(spiders, Path(work), max_record=max_record(overrides))
            for path in args.files:
                scan.scan(path.resolve())
            scan.finish()
            return replay(scan, "import", data_dir, overrides)
    except ArchiveCommandError as error:
        print(f"newscrawler: error: {error}", file=sys.stderr)
        return 2


def take_data_dir(data_dir: Path) -> None:
    """The data directory's lock, then a killed run's archive `.part` files recovered
    (and its torn exports removed), as a crawl does at start: before the scan reads it."""
    from newscrawler.datadirlock import DataDirInUse, clean_once, lock_data_dir

    try:
        lock_data_dir(data_dir)
    except DataDirInUse as error:
        raise ArchiveCommandError(str(error)) from None
    except OSError as error:
        raise ArchiveCommandError(f"data directory {data_dir}: {error.strerror}") from None
    clean_once(data_dir)


def parse_since(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArchiveCommandError(f"malformed date {text!r}: expected YYYY-MM-DD") from None


def max_record(overrides: dict[str, Any]) -> int:
    """A record may hold a body of DOWNLOAD_MAXSIZE plus its headers."""
    from newscrawler.runner import base_settings

    limit = int(overrides.get("DOWNLOAD_MAXSIZE") or base_settings().getint("DOWNLOAD_MAXSIZE"))
    return limit + (1 << 20) if limit else 0


def replay(scan, label: str, data_dir: Path, overrides: dict[str, Any]) -> int:
    """Run the crawlers over the scan's captures; print and record what happened."""
    from newscrawler.archive.replay import replay_spider
    from newscrawler.runner import CrawlConfigError, read_summary, run_crawl

    sites = sorted(site for site in scan.spiders if scan.captured[site])
    report = scan.report()
    run_id, verdicts = None, []
    if sites:
        def spider_for(spider_cls):
            site = spider_cls.name
            return replay_spider(spider_cls, scan.capture_path(site), scan.site_counts(site),
                                 label)

        try:
            run_id, verdicts = run_crawl(sites, data_dir, None, overrides,
                                         spider_for=spider_for)
        except CrawlConfigError as error:
            raise ArchiveCommandError(str(error)) from None
        record_report(data_dir, run_id, label, report)
        print(f"run {run_id}: report in {data_dir / 'runs' / (run_id + '.json')}")
    print(report_line(label, report))
    summary = read_summary(data_dir, run_id) if run_id else {}
    for verdict in verdicts:
        print(verdict.line)
        entry = summary.get("sites", {}).get(verdict.site)
        if entry is not None:
            print(outcome_line(verdict.site, label, entry["stats"]))
    return 0 if all(v.ok for v in verdicts) else 1


def report_line(label: str, report: dict) -> str:
    skipped = ", ".join(f"{reason} {n}" for reason, n in report["skipped"].items())
    line = (f"{label}: {report['records']} records read, "
            f"{sum(report['captures'].values())} article pages; "
            f"skipped: {skipped or 'none'}")
    for corrupt in report["corrupt"][:10]:
        line += f"\n{label}: corrupt record in {corrupt['file']} at offset " \
                f"{corrupt['offset']}: {corrupt['reason']}"
    return line


def outcome_line(site: str, label: str, stats: dict) -> str:
    def count(key: str) -> int:
        return stats.get(f"newscrawler/{site}/{key}", 0)

    return (f"{site}: {count(label + '/replayed')} pages {label}ed: "
            f"{count('articles/new')} new, {count('articles/updated')} updated "
            f"(version + 1), {count('duplicates/unchanged')} unchanged (not exported)")


def record_report(data_dir: Path, run_id: str, label: str, report: dict) -> None:
    """The scan's section in the run summary (JSON and HTML), written atomically."""
    from newscrawler.atomic import write_text_atomically
    from newscrawler.export.report_html import write_report

    path = data_dir / "runs" / f"{run_id}.json"
    if not path.exists():
        return
    summary = json.loads(path.read_text(encoding="utf-8"))
    summary[label] = report
    write_report(summary, path.with_suffix(".html"))
    write_text_atomically(path, json.dumps(summary, ensure_ascii=False, indent=2))
