"""`newscrawler state pending SITE [--data-dir D] [--state URI] [--given-up]`.

Prints the site's pending article URLs (discovered, not yet exported and committed), or
the given-up ones, one per line: URL, failed attempts, when it is due again (or when it
was given up: `given-up`), and the last failure reason. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from newscrawler.records import iso_vn


class StateCommandError(Exception):
    """Bad input: one line, exit status 2."""


def add_state_parser(commands) -> None:
    state = commands.add_parser("state", help="what the crawl state holds (pending URLs)")
    state.add_argument("action", choices=["pending"])
    state.add_argument("site")
    state.add_argument("--data-dir", type=Path, default=Path("data"))
    state.add_argument("--state", metavar="URI",
                       help="crawl state: a path, sqlite:///path (default DATA_DIR) or "
                            "redis://host:port/db")
    state.add_argument("--given-up", action="store_true",
                       help="the URLs given up after NEWSCRAWLER_MAX_ATTEMPTS failed runs")


def known_sites() -> list[str]:
    from newscrawler.runner import spider_loader

    return sorted(spider_loader().list())


def open_existing_state(data_dir: Path, uri: str | None):
    """The state named, opened only if it exists: listing must not create one."""
    from newscrawler.state import REDIS_SCHEMES, StateError, open_state
    from newscrawler.state.sqlite import STATE_FILENAME

    target = uri or str(data_dir / STATE_FILENAME)
    if not target.startswith(REDIS_SCHEMES):
        if "://" in target and not target.startswith("sqlite:///"):
            raise StateCommandError(f"unknown crawl state URI scheme: {target!r}")
        path = Path(target.removeprefix("sqlite:///"))
        if path.is_dir():
            path = path / STATE_FILENAME
        if not path.is_file():
            raise StateCommandError(f"no crawl state at {path}")
    try:
        return open_state(target)
    except (StateError, ValueError) as error:
        raise StateCommandError(f"crawl state {target}: {error}") from None


def list_pending(site: str, data_dir: Path, uri: str | None, given_up: bool,
                 out: TextIO) -> int:
    sites = known_sites()
    if site not in sites:
        raise StateCommandError(f"unknown site {site}; known sites: {', '.join(sites)}")
    from newscrawler.state import StateError

    state = open_existing_state(data_dir, uri)
    try:
        entries = state.pending(site, given_up=given_up)
    except StateError as error:
        raise StateCommandError(str(error)) from None
    finally:
        state.close()
    for entry in entries:
        due = "given-up" if entry.given_up else iso_vn(entry.due)
        out.write(f"{entry.url}\t{entry.attempts}\t{due}\t{entry.reason or ''}\n")
    return 0


def command_state(args: argparse.Namespace) -> int:
    try:
        return list_pending(args.site, args.data_dir, args.state, args.given_up, sys.stdout)
    except StateCommandError as error:
        print(f"newscrawler: error: {error}", file=sys.stderr)
        return 2
