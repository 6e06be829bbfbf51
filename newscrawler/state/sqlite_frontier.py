"""The discovery frontier of the SQLite crawl state (a mixin of `SQLiteState`).

Two tables, each keyed by (site, URL), so every operation is a lookup by one key or a
range over one site:
    pending        site url since attempts due reason given_up   (due NULL once given up)
    listing_walks  site url complete failed_at
Times are epoch seconds, as in the articles table.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime

from newscrawler.records import VN_TZ
from newscrawler.state.base import ListingWalk, PendingURL, RetryPolicy, StateError, epoch

logger = logging.getLogger(__name__)

FRONTIER_SCHEMA = [
    """CREATE TABLE pending (
        site TEXT NOT NULL, url TEXT NOT NULL, since INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, due INTEGER, reason TEXT,
        given_up INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (site, url)) WITHOUT ROWID""",
    "CREATE INDEX pending_due ON pending (site, given_up, due)",
    """CREATE TABLE listing_walks (
        site TEXT NOT NULL, url TEXT NOT NULL, complete INTEGER NOT NULL,
        failed_at INTEGER, PRIMARY KEY (site, url)) WITHOUT ROWID""",
]
_PENDING_COLUMNS = "site, url, since, attempts, due, reason, given_up"


def moment(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, VN_TZ)


def guarded(method):
    """sqlite3 errors from a broken file become StateError with the file name."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self._conn is None and method.__name__ != "open":
            raise StateError(f"{self.path}: crawl state is not open")
        try:
            return method(self, *args, **kwargs)
        except sqlite3.IntegrityError as exc:
            raise StateError(f"{self.path}: conflicting record: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{self.path}: not a newscrawler state database ({exc})") from exc

    return wrapper


def _entry(row: tuple) -> PendingURL:
    site, url, since, attempts, due, reason, given_up = row
    return PendingURL(site=site, url=url, since=moment(since), attempts=attempts,
                      due=moment(due), reason=reason, given_up=bool(given_up))


class SQLiteFrontier:
    """Frontier operations over `self._conn`; `self.transaction()` and `is_known` come
    from SQLiteState."""

    @guarded
    def add_pending(self, site: str, urls: Iterable[str], now: datetime) -> dict[str, bool]:
        fetch: dict[str, bool] = {}
        with self.transaction():
            for url in dict.fromkeys(urls):
                if self.is_known(url):
                    continue
                row = self._conn.execute(
                    "SELECT due, given_up FROM pending WHERE site=? AND url=?", (site, url)
                ).fetchone()
                if row is None:
                    self._conn.execute(
                        "INSERT INTO pending (site, url, since, due) VALUES (?,?,?,?)",
                        (site, url, epoch(now), epoch(now)))
                    fetch[url] = True
                elif not row[1] and row[0] <= epoch(now):
                    fetch[url] = False
        return fetch

    @guarded
    def due_pending(self, site: str, now: datetime) -> list[str]:
        rows = self._conn.execute(
            "SELECT url FROM pending WHERE site=? AND given_up=0 AND due<=?"
            " ORDER BY due, url", (site, epoch(now)))
        return [url for (url,) in rows]

    @guarded
    def fail_pending(self, site: str, failures: Mapping[str, str], now: datetime,
                     policy: RetryPolicy) -> list[PendingURL]:
        updated = []
        with self.transaction():
            for url, reason in failures.items():
                row = self._conn.execute(
                    f"SELECT {_PENDING_COLUMNS} FROM pending WHERE site=? AND url=?",
                    (site, url)).fetchone()
                if row is None or row[6]:
                    continue  # not pending (a known article re-checked), or given up
                entry = _entry(row)
                entry.attempts += 1
                entry.reason = reason
                entry.due = policy.next_due(entry.attempts, now)
                entry.given_up = entry.due is None
                self._conn.execute(
                    "UPDATE pending SET attempts=?, due=?, reason=?, given_up=?"
                    " WHERE site=? AND url=?",
                    (entry.attempts, epoch(entry.due), reason, int(entry.given_up), site, url))
                updated.append(entry)
        return updated

    @guarded
    def resolve_pending(self, site: str, urls: Iterable[str]) -> None:
        with self.transaction():
            self._conn.executemany("DELETE FROM pending WHERE site=? AND url=?",
                                   [(site, url) for url in urls])

    @guarded
    def pending(self, site: str, given_up: bool = False) -> list[PendingURL]:
        rows = self._conn.execute(
            f"SELECT {_PENDING_COLUMNS} FROM pending WHERE site=? AND given_up=?"
            " ORDER BY since, url", (site, int(given_up)))
        return [_entry(row) for row in rows]

    @guarded
    def pending_counts(self, site: str) -> tuple[int, int]:
        counts = dict(self._conn.execute(
            "SELECT given_up, count(*) FROM pending WHERE site=? GROUP BY given_up", (site,)))
        return counts.get(0, 0), counts.get(1, 0)

    @guarded
    def listing_walks(self, site: str) -> dict[str, ListingWalk]:
        rows = self._conn.execute(
            "SELECT url, complete, failed_at FROM listing_walks WHERE site=?", (site,))
        return {url: ListingWalk(bool(complete), moment(failed)) for url, complete, failed in rows}

    @guarded
    def begin_listing_walks(self, site: str, urls: Iterable[str]) -> None:
        with self.transaction():
            for url in urls:
                self._conn.execute(
                    "INSERT INTO listing_walks (site, url, complete) VALUES (?,?,0)"
                    " ON CONFLICT (site, url) DO UPDATE SET complete=0", (site, url))

    @guarded
    def fail_listing_walk(self, site: str, url: str, now: datetime) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO listing_walks (site, url, complete, failed_at) VALUES (?,?,0,?)"
                " ON CONFLICT (site, url) DO UPDATE SET complete=0, failed_at=excluded.failed_at",
                (site, url, epoch(now)))

    @guarded
    def complete_listing_walks(self, site: str, urls: Iterable[str], started: datetime) -> None:
        with self.transaction():
            for url in urls:
                self._conn.execute(
                    "INSERT INTO listing_walks (site, url, complete) VALUES (?,?,1)"
                    " ON CONFLICT (site, url) DO UPDATE SET complete=1"
                    " WHERE failed_at IS NULL OR failed_at<?", (site, url, epoch(started)))
