"""Pre-flight checks: every setting we rely on, and the paths a crawl writes, are checked
before anything is written, so a bad value is one line and exit status 2 at start rather
than a traceback mid-crawl (or after it, in a monitor).

`SETTINGS` is the table: setting name -> what its value must be. `check_settings` checks
them all (and refuses NEWSCRAWLER_* names we do not know: a typo would otherwise be
ignored silently); `check_paths` checks the data directory and the crawl state without
writing anything. Both raise `ConfigError`. The `newscrawler crawl` command calls both
(runner.check_crawl_settings); the Preflight add-on calls `check_settings` when a crawl
is started by `scrapy crawl` or Scrapyd.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
RUN_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")
REDIS_SCHEMES = ("redis", "rediss", "unix")
SQLITE_HEADER = b"SQLite format 3\x00"
# Names that are loopback by definition (RFC 6761 §6.3); resolved from the hosts file.
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
HOSTNAME_RESOLVER = "scrapy.resolver.CachingHostnameResolver"  # IPv4 and IPv6


class ConfigError(Exception):
    """A setting or path the crawl cannot run with; reported as one line, exit 2."""


@dataclass(frozen=True)
class Number:
    kind: type  # int or float
    low: float | None = None
    high: float | None = None
    above: bool = False  # low itself excluded

    def check(self, settings, name: str) -> str | None:
        try:
            value = (settings.getint if self.kind is int else settings.getfloat)(name)
        except (TypeError, ValueError):
            return f"expected {'an integer' if self.kind is int else 'a number'}"
        if self.low is not None and (value <= self.low if self.above else value < self.low):
            return f"expected a number {'above' if self.above else 'at least'} {self.low:g}"
        if self.high is not None and value > self.high:
            return f"expected a number from {self.low:g} to {self.high:g}"
        return None


@dataclass(frozen=True)
class OptionalNumber(Number):
    """A Number, or unset (None or empty)."""

    def check(self, settings, name: str) -> str | None:
        return None if settings.get(name) in (None, "") else super().check(settings, name)


@dataclass(frozen=True)
class Flag:
    def check(self, settings, name: str) -> str | None:
        try:
            settings.getbool(name)
        except ValueError:
            return "expected True or False"
        return None


@dataclass(frozen=True)
class Choice:
    choices: tuple[str, ...]

    def check(self, settings, name: str) -> str | None:
        if settings.get(name) not in self.choices:
            return f"expected one of {', '.join(self.choices)}"
        return None


@dataclass(frozen=True)
class Text:
    """A string checked by `test`, which returns what is wrong with it or None."""

    test: Callable[[str], str | None] | None = None
    required: bool = False
    whole: bool = False  # the test's message names the value itself: no "setting ..."

    def check(self, settings, name: str) -> str | None:
        value = settings.get(name)
        if value in (None, ""):
            return "must not be empty" if self.required else None
        if not isinstance(value, str):
            return "expected a string"
        return self.test(value) if self.test else None


@dataclass(frozen=True)
class PathList:
    """A list of file paths, or one string of paths joined by os.pathsep; each must exist."""

    def check(self, settings, name: str) -> str | None:
        value = settings.get(name) or []
        items = value.split(os.pathsep) if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
            return "expected a list of file paths"
        missing = [item for item in items if item and not os.path.isfile(item)]
        return f"no such file: {missing[0]}" if missing else None


def log_level_problem(value: Any) -> str | None:
    if isinstance(value, int) or str(value) in LOG_LEVELS:
        return None
    return f"expected one of {', '.join(LOG_LEVELS)}"


@dataclass(frozen=True)
class LogLevel:
    def check(self, settings, name: str) -> str | None:
        return log_level_problem(settings.get(name))


def since_problem(value: str) -> str | None:
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"malformed date {value!r}: expected YYYY-MM-DD"
    return None


def run_id_problem(value: str) -> str | None:
    # It names files under DATA_DIR: it must never name a path.
    if RUN_ID.fullmatch(value):
        return None
    return f"run id {value!r}: only letters, digits, '.', '_', '-'"


def redis_url_problem(value: str) -> str | None:
    if urlsplit(value).scheme not in REDIS_SCHEMES:
        return "expected redis://host:port/db (or rediss://, unix://)"
    return None


def kill_point_problem(value: str) -> str | None:
    from newscrawler.killpoints import parse_kill_point

    try:
        parse_kill_point(value)
    except ValueError as error:
        return str(error)
    return None


def loopback_problem(url: str) -> str | None:
    """What keeps `url` from being a loopback HTTP URL, or None.

    The host must be an IP literal in 127.0.0.0/8 or ::1, or a name that is loopback by
    definition (`localhost`), resolved from the hosts file with every address checked.
    Any other name is refused without a lookup: `127.evil.example` is a DNS name like any
    other, and what a resolver answers for it is not ours to trust.
    """
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises on a bad port
    except ValueError as error:
        return f"not a valid URL ({error})"
    if parts.scheme not in ("http", "https") or not host:
        return "expected http://HOST:PORT"
    try:
        return None if ipaddress.ip_address(host).is_loopback else "not a loopback address"
    except ValueError:
        pass
    if host.lower() not in LOOPBACK_NAMES:
        return "the host must be a loopback IP address (127.0.0.1, ::1) or localhost"
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError as error:
        return f"{host} does not resolve ({error})"
    if not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        return f"{host} resolves to a non-loopback address ({', '.join(sorted(addresses))})"
    return None


def ipv6_resolver_problem(settings) -> str | None:
    """An IPv6 replica needs a resolver that knows IPv6 (Scrapy's default does not)."""
    host = urlsplit(settings.get("NEWSCRAWLER_REPLICA_URL") or "").hostname or ""
    if ":" in host and settings.get("TWISTED_DNS_RESOLVER") != HOSTNAME_RESOLVER:
        return (f"an IPv6 replica needs -s TWISTED_DNS_RESOLVER={HOSTNAME_RESOLVER} "
                "(newscrawler crawl --replica sets it)")
    return None


def is_loopback_url(url: str) -> bool:
    return loopback_problem(url) is None


SELECTOR_FIELDS = ("title", "lead", "published", "modified", "body", "authors", "source",
                   "category", "tags")


@dataclass(frozen=True)
class SelectorOverrides:
    """{site: {field: selector}}, as a dict or JSON text (-s)."""

    def check(self, settings, name: str) -> str | None:
        try:
            value = settings.getdict(name)
        except (TypeError, ValueError):
            return "expected JSON {site: {field: selector}}"
        for site, fields in value.items():
            if not isinstance(fields, dict) or not all(
                    isinstance(v, str) and v for v in fields.values()):
                return f"site {site!r}: expected {{field: selector}}"
            unknown = sorted(set(fields) - set(SELECTOR_FIELDS))
            if unknown:
                return (f"site {site!r}: unknown field {', '.join(unknown)} (fields: "
                        f"{', '.join(SELECTOR_FIELDS)})")
        return None


SHARE = Number(float, 0, 1)
COUNT = Number(int, 0)
POSITIVE_COUNT = Number(int, 1)
SECONDS = Number(float, 0)

SETTINGS: dict[str, Any] = {
    # newscrawler's own (newscrawler/settings.py)
    "NEWSCRAWLER_DATA_DIR": Text(required=True),
    "NEWSCRAWLER_RUN_ID": Text(run_id_problem, whole=True),
    "NEWSCRAWLER_REPLICA_URL": Text(loopback_problem),
    "NEWSCRAWLER_TLS_SECURITY_LEVEL": OptionalNumber(int, 0, 5),  # OpenSSL's levels
    "NEWSCRAWLER_MAX_LISTING_PAGES": POSITIVE_COUNT,
    "NEWSCRAWLER_STATE": Text(),  # opened by check_paths
    "NEWSCRAWLER_RECHECK_DAYS": SECONDS,
    "NEWSCRAWLER_STALE_PAGES": POSITIVE_COUNT,
    "NEWSCRAWLER_FULL": Flag(),
    "NEWSCRAWLER_MAX_ATTEMPTS": POSITIVE_COUNT,
    "NEWSCRAWLER_FRONTIER_BACKOFF": SECONDS,
    "NEWSCRAWLER_FRONTIER_BACKOFF_MAX": SECONDS,
    "NEWSCRAWLER_SINCE": Text(since_problem, whole=True),
    "NEWSCRAWLER_PROGRESS_INTERVAL": Number(float, 0, above=True),
    "NEWSCRAWLER_MAX_ERROR_RATE": SHARE,
    "NEWSCRAWLER_MAX_MISSING_SHARE": SHARE,
    "NEWSCRAWLER_MAX_FALLBACK_SHARE": SHARE,
    "NEWSCRAWLER_MAX_REJECTED_SHARE": SHARE,
    "NEWSCRAWLER_MAX_BLOCKED_SHARE": SHARE,
    "NEWSCRAWLER_COOKIE_BOOTSTRAP": Flag(),
    "NEWSCRAWLER_MAX_ARTICLES": COUNT,
    "NEWSCRAWLER_AUTODISCOVER": Flag(),
    "NEWSCRAWLER_USE_SITE_SELECTORS": Flag(),
    "NEWSCRAWLER_MAX_PAGES_PER_SITE": COUNT,
    "NEWSCRAWLER_RETRY_BACKOFF": SECONDS,
    "NEWSCRAWLER_RETRY_BACKOFF_MAX": SECONDS,
    "NEWSCRAWLER_RETRY_AFTER_MAX": SECONDS,
    "NEWSCRAWLER_DUPLICATES": Choice(("mark", "drop")),
    "NEWSCRAWLER_ALLOW_PARTIAL": Flag(),
    "NEWSCRAWLER_REDIS_URL": Text(redis_url_problem),
    "NEWSCRAWLER_WORKER_ID": Text(),
    "NEWSCRAWLER_WORKER_TTL": Number(float, 0, above=True),
    "NEWSCRAWLER_ARCHIVE": Flag(),
    # A record pair must fit in a file: below 1 MiB files would hold one page each.
    "NEWSCRAWLER_ARCHIVE_MAX_BYTES": Number(int, 1024 ** 2),
    "NEWSCRAWLER_SELECTOR_OVERRIDES": SelectorOverrides(),
    "NEWSCRAWLER_TEST_KILL_AT": Text(kill_point_problem),
    "NEWSCRAWLER_TEST_DISK_FULL_AFTER": COUNT,
    "NEWSCRAWLER_SITES_DIR": Text(),
    "NEWSCRAWLER_SITE_FILES": PathList(),
    # Scrapy's, that our defaults and README rely on
    "LOG_LEVEL": LogLevel(),
    "DOWNLOAD_DELAY": SECONDS,
    "DOWNLOAD_DELAY_JITTER": SHARE,
    "CONCURRENT_REQUESTS": POSITIVE_COUNT,
    "CONCURRENT_REQUESTS_PER_DOMAIN": POSITIVE_COUNT,
    "CONCURRENT_ITEMS": POSITIVE_COUNT,
    "FEED_EXPORT_BATCH_ITEM_COUNT": COUNT,
    "RETRY_ENABLED": Flag(),
    "RETRY_TIMES": COUNT,
    "DOWNLOAD_MAXSIZE": COUNT,
    "DOWNLOAD_WARNSIZE": COUNT,
    "DOWNLOAD_TIMEOUT": Number(float, 0, above=True),
    "DNS_TIMEOUT": Number(float, 0, above=True),
    "CLOSESPIDER_TIMEOUT": SECONDS,
    "CLOSESPIDER_ITEMCOUNT": COUNT,
    "CLOSESPIDER_PAGECOUNT": COUNT,
    "CLOSESPIDER_ERRORCOUNT": COUNT,
    "REDIRECT_MAX_TIMES": COUNT,
    "DEPTH_LIMIT": COUNT,
    "ROBOTSTXT_OBEY": Flag(),
    "AUTOTHROTTLE_ENABLED": Flag(),
    "AUTOTHROTTLE_START_DELAY": SECONDS,
    "AUTOTHROTTLE_MAX_DELAY": SECONDS,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": Number(float, 0, above=True),
    "COOKIES_ENABLED": Flag(),
    "FEED_STORE_EMPTY": Flag(),
}


def known_setting_names() -> set[str]:
    import newscrawler.settings as project_settings

    return {name for name in dir(project_settings) if name.isupper()}


def check_settings(settings) -> None:
    """Raise ConfigError for the first setting whose value the crawl cannot use."""
    known = known_setting_names()
    for name in sorted(settings.attributes):
        if name.startswith("NEWSCRAWLER_") and name not in known:
            raise ConfigError(f"unknown setting {name} (see newscrawler/settings.py)")
    for name, rule in SETTINGS.items():
        problem = rule.check(settings, name)
        if problem and getattr(rule, "whole", False):
            raise ConfigError(problem)
        if problem:
            raise ConfigError(f"setting {name}={settings.get(name)!r}: {problem}")
    problem = ipv6_resolver_problem(settings)
    if problem:
        raise ConfigError(problem)


_CHECKED: set[tuple[str, str]] = set()  # (data dir, state) found usable in this process


def check_paths(settings, data_dir: Path) -> None:
    """Check, without writing, that the data directory and the crawl state are usable.
    Once per process and pair: `newscrawler crawl` checks them, then each of its
    crawlers' Preflight add-on would again (a large state takes seconds to read)."""
    from newscrawler.state import sqlite_state_path
    from newscrawler.state.extension import state_target

    target = state_target(settings)
    if (str(data_dir), target) in _CHECKED:
        return
    try:
        check_writable_dir(data_dir, "data directory")
        if target == "off" or target.startswith(tuple(f"{s}://" for s in REDIS_SCHEMES)):
            return  # a Redis state is checked by opening it (runner.check_crawl_settings)
        check_sqlite_state(sqlite_state_path(target))
    except ValueError as error:
        raise ConfigError(f"crawl state {target}: {error}") from None
    except OSError as error:  # e.g. a directory we may not even look into
        raise ConfigError(f"{error.filename}: {error.strerror}") from None
    _CHECKED.add((str(data_dir), target))


def check_writable_dir(path: Path, what: str) -> None:
    """`path` is a directory we may write in, or could be created as one."""
    existing = path
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise ConfigError(f"{what} {path} is not writable: {existing} is not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ConfigError(f"{what} {path} is not writable ({existing})")


def check_sqlite_state(path: Path) -> None:
    """An existing state file is checked page by page (`PRAGMA quick_check`): a damaged
    one is refused before the crawl instead of failing mid-way. Opened read-write, not
    `mode=ro`: a read-only connection of a WAL file leaves its -wal and -shm behind,
    where the last read-write connection to close removes them."""
    check_writable_dir(path.parent, "crawl state directory")
    if not path.exists():
        return
    if not path.is_file():
        raise ConfigError(f"crawl state {path}: not a file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise ConfigError(f"crawl state {path}: not a newscrawler state database")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            return  # in use by a running crawl: the data directory's lock names it
        raise ConfigError(f"crawl state {path}: not a newscrawler state database "
                          f"({error})") from None
    except sqlite3.DatabaseError as error:
        raise ConfigError(f"crawl state {path}: not a newscrawler state database "
                          f"({error})") from None
    if problems != ["ok"]:
        first = " ".join(line for line in problems[0].splitlines() if "***" not in line)
        raise ConfigError(f"crawl state {path}: damaged ({first.strip()}); restore it from "
                          "a backup, or move it away to start afresh")
