"""`newscrawler doctor SITE [--replica URL] [--articles N] [--pages N] [--json]`.

Exit status: 0 healthy, 1 degraded (report.py says what counts), 2 usage error (unknown
site, a bad flag or site file: one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

DEFAULT_ARTICLES = 10
DEFAULT_PAGES = 3  # listing pages walked per listing URL


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def add_doctor_parser(commands) -> None:
    doctor = commands.add_parser(
        "doctor", help="check one site: selectors, listing links, pager, feeds, robots")
    doctor.add_argument("site", help="a site key (coded, or from a TOML site file)")
    doctor.add_argument("--replica", metavar="URL", help="check the replica server at URL")
    doctor.add_argument("--articles", type=positive, default=DEFAULT_ARTICLES, metavar="N",
                        help=f"article pages to fetch (default {DEFAULT_ARTICLES})")
    doctor.add_argument("--pages", type=positive, default=DEFAULT_PAGES, metavar="N",
                        help="listing pages to walk per listing URL, at most "
                             f"(default {DEFAULT_PAGES})")
    doctor.add_argument("--json", action="store_true", help="the report as one JSON object")
    doctor.add_argument("--site-file", action="append", default=[], metavar="PATH",
                        type=__import__("pathlib").Path,
                        help="a site defined in a TOML file (repeatable)")
    doctor.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting")

    def one_line_error(message: str) -> NoReturn:
        print(f"newscrawler doctor: error: {message}", file=sys.stderr)
        raise SystemExit(2)

    doctor.error = one_line_error  # bad flags: one line, exit 2 (not argparse's usage)


def usage_error(message: str) -> int:
    print(f"newscrawler doctor: error: {message}", file=sys.stderr)
    return 2


def run_doctor(args: argparse.Namespace, extra: dict[str, Any]) -> int:
    from newscrawler import preflight
    from newscrawler.cli import parse_overrides
    from newscrawler.doctor.probe import run_probe
    from newscrawler.doctor.render import print_report
    from newscrawler.doctor.report import diagnose
    from newscrawler.runner import base_settings, set_replica, spider_loader
    from newscrawler.sitefiles import SiteFileError

    if args.replica and (problem := preflight.loopback_problem(args.replica)):
        return usage_error(f"--replica {args.replica}: {problem}")
    settings = base_settings()
    try:
        overrides = {**parse_overrides(args.set), **extra}
    except SystemExit as error:
        return usage_error(str(error).removeprefix("newscrawler: error: "))
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    set_replica(settings, args.replica)
    try:
        preflight.check_settings(settings)
        loader = spider_loader(settings)
        spider_cls = loader.load(args.site)
    except (preflight.ConfigError, SiteFileError) as error:
        return usage_error(str(error))
    except KeyError:
        return usage_error(f"unknown site {args.site!r}; known sites: "
                           f"{', '.join(sorted(loader.list()))}")
    findings = run_probe(spider_cls, settings, args.articles, args.pages)
    report = diagnose(findings, spider_cls, settings.get("USER_AGENT"),
                      settings.getbool("NEWSCRAWLER_USE_SITE_SELECTORS"))
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        print_report(report, sys.stdout)
    return 0 if report["healthy"] else 1
