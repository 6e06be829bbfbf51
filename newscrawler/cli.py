"""The `newscrawler` command: crawl, sites, doctor, extract, replica, reextract, import-warc."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawler", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    crawl = commands.add_parser("crawl", help="crawl sites into DATA_DIR/articles")
    crawl.add_argument("sites", nargs="*", help="site keys (default: every enabled site)")
    crawl.add_argument("--data-dir", type=Path, default=Path("data"))
    crawl.add_argument("--replica", metavar="URL", help="crawl the replica server at URL")
    crawl.add_argument("--full", action="store_true",
                       help="walk every listing page (backfill), not only up to known ones")
    crawl.add_argument("--since", metavar="YYYY-MM-DD",
                       help="only articles published on or after this date")
    crawl.add_argument("--state", metavar="URI",
                       help="crawl state: a path, sqlite:///path (default DATA_DIR), "
                            "redis://host:port/db or off")
    crawl.add_argument("--redis", metavar="URL",
                       help="be one worker of a distributed crawl: shared frontier and "
                            "crawl state in this Redis (redis://host:port/db)")
    crawl.add_argument("--allow-partial", action="store_true",
                       help="a run cut short (CLOSESPIDER_TIMEOUT, page budget, SIGINT/SIGTERM)"
                            " is reported as incomplete but does not fail")
    crawl.add_argument("--max-articles", type=int, metavar="N",
                       help="stop each site after exactly N exported articles; the rest "
                            "stays pending for the next run")
    crawl.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                       help="override a Scrapy setting")
    add_site_file_argument(crawl)

    sites = commands.add_parser("sites", help="list the sites and their metadata")
    sites.add_argument("--json", action="store_true",
                       help="one JSON object per site instead of the table")
    sites.add_argument("--markdown", action="store_true",
                       help="the table in Markdown, as the README shows it")
    sites.add_argument("--assumptions", metavar="SITE",
                       help="list what SITE's module marks ASSUMPTION (no dated source)")
    sites.add_argument("--by-ministry", action="store_true",
                       help="the Government's 17 bodies and the sites carrying their news")
    add_site_file_argument(sites)

    from newscrawler.doctor.command import add_doctor_parser

    add_doctor_parser(commands)

    extract = commands.add_parser("extract", help="extract records from saved pages")
    extract.add_argument("paths", nargs="+", type=Path, help=".html, .html.gz or directories")
    extract.add_argument("--url", help="the page's URL (default: from the page or file name)")
    extract.add_argument("--site", help="use this site's selectors (default: generic chain)")

    dataset = commands.add_parser("dataset", help="merge completed runs into one dataset",
                                  add_help=False)
    dataset.add_argument("args", nargs=argparse.REMAINDER)

    fixture = commands.add_parser("fixture", help="save a page and its expected record")
    fixture.add_argument("action", choices=["record"])
    fixture.add_argument("site")
    fixture.add_argument("urls", nargs="+", metavar="URL")
    fixture.add_argument("--replica", metavar="URL", help="fetch from this replica server")
    fixture.add_argument("--out", type=Path, default=Path("tests/fixtures/sites"))

    from newscrawler.statecmd import add_state_parser

    add_state_parser(commands)

    from newscrawler.archivecmd import add_archive_parsers

    add_archive_parsers(commands)

    replica = commands.add_parser("replica", help="the offline replica sites")
    replica.add_argument("action", choices=["serve", "truth"])
    replica.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def add_site_file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-file", action="append", default=[], type=Path,
                        metavar="PATH", help="a site defined in a TOML file (repeatable; "
                        "the files in ./sites.d are always read)")


def site_file_settings(paths: list[Path]) -> dict[str, list[str]]:
    """The setting that gives the loader the --site-file files (absolute: the crawl's
    settings are read from other directories too)."""
    return {"NEWSCRAWLER_SITE_FILES": [str(path.resolve()) for path in paths]} if paths else {}


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"newscrawler: error: -s expects NAME=VALUE, got {pair!r}")
        overrides[name] = value
    return overrides


def command_crawl(args: argparse.Namespace) -> int:
    from newscrawler.runner import CrawlConfigError, run_crawl

    overrides: dict = {**parse_overrides(args.set), **site_file_settings(args.site_file)}
    if args.full:
        overrides["NEWSCRAWLER_FULL"] = True
    if args.since:
        overrides["NEWSCRAWLER_SINCE"] = args.since
    if args.allow_partial:
        overrides["NEWSCRAWLER_ALLOW_PARTIAL"] = True
    if args.max_articles is not None:
        if args.max_articles < 1:
            print("newscrawler: error: --max-articles expects a number from 1",
                  file=sys.stderr)
            return 2
        overrides["NEWSCRAWLER_MAX_ARTICLES"] = args.max_articles
    if args.state:
        overrides["NEWSCRAWLER_STATE"] = args.state
    if args.redis:
        overrides["NEWSCRAWLER_REDIS_URL"] = args.redis
        # What the add-on would do; set here so the pre-flight check opens this Redis.
        overrides.setdefault("NEWSCRAWLER_STATE", args.redis)
    try:
        run_id, verdicts = run_crawl(args.sites, args.data_dir.resolve(), args.replica,
                                     overrides)
    except CrawlConfigError as error:
        print(f"newscrawler: error: {error}", file=sys.stderr)
        return 2
    print(f"run {run_id}: log in {args.data_dir / 'logs' / (run_id + '.log')}")
    report = args.data_dir / "runs" / f"{run_id}.json"
    if report.exists():  # before the verdicts: the last lines say which site failed
        print(f"run {run_id}: report in {report} and {report.with_suffix('.html')}")
    for verdict in verdicts:
        print(verdict.line)
    return 0 if all(v.ok for v in verdicts) else 1


def command_sites(args: argparse.Namespace) -> int:
    from newscrawler import sitetable
    from newscrawler.sitefiles import SiteFileError

    try:
        loader = sitetable.loader_with(site_file_settings(args.site_file))
    except SiteFileError as error:
        print(f"newscrawler sites: error: {error}", file=sys.stderr)
        return 2
    if args.assumptions:
        try:
            sitetable.print_assumptions(args.assumptions, sys.stdout, loader)
        except KeyError:
            print(f"newscrawler sites: unknown site {args.assumptions!r}", file=sys.stderr)
            return 2
    elif args.by_ministry:
        (sitetable.print_ministries_json if args.json else sitetable.print_ministries)(
            sys.stdout, loader=loader)
    elif args.json:
        sitetable.print_sites_json(sys.stdout, loader)
    elif args.markdown:
        sitetable.print_sites_markdown(sys.stdout, loader)
    else:
        sitetable.print_sites(sys.stdout, loader=loader)
    return 0


def command_extract(args: argparse.Namespace) -> int:
    from newscrawler.extract.command import run_extract

    return run_extract(args.paths, url=args.url, site=args.site, out=sys.stdout,
                       err=sys.stderr)


def command_dataset(args: argparse.Namespace) -> int:
    from newscrawler import dataset

    return dataset.main(args.args)


def command_fixture(args: argparse.Namespace) -> int:
    from newscrawler.fixtures import record_fixture

    for url in args.urls:
        print(record_fixture(args.site, url, args.out, args.replica))
    return 0


def command_replica(args: argparse.Namespace) -> int:
    from newscrawler.replica import server

    if args.action == "serve":
        return server.main(args.args) or 0
    return server.truth_main(args.args) or 0


def command_doctor(args: argparse.Namespace) -> int:
    from newscrawler.doctor.command import run_doctor

    return run_doctor(args, site_file_settings(args.site_file))


def command_state(args: argparse.Namespace) -> int:
    from newscrawler.statecmd import command_state as run_state_command

    return run_state_command(args)


def command_reextract(args: argparse.Namespace) -> int:
    from newscrawler.archivecmd import command_reextract as run_reextract

    return run_reextract(args)


def command_import_warc(args: argparse.Namespace) -> int:
    from newscrawler.archivecmd import command_import

    return command_import(args)


COMMANDS = {
    "state": command_state,
    "reextract": command_reextract,
    "import-warc": command_import_warc,
    "crawl": command_crawl,
    "sites": command_sites,
    "doctor": command_doctor,
    "extract": command_extract,
    "dataset": command_dataset,
    "fixture": command_fixture,
    "replica": command_replica,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["dataset"]:
        # Its own parser (dataset.build_parser), `--help` included.
        from newscrawler import dataset

        return dataset.main(argv[1:])
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command == "doctor":  # doctor's usage errors are one line
        print(f"newscrawler doctor: error: unrecognized arguments: {' '.join(unknown)}",
              file=sys.stderr)
        return 2
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
