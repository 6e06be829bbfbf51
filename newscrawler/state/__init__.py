"""The crawl state: what is known between runs (see `base.CrawlState`).

`open_state("data")`, `open_state("data/state.sqlite3")` or `open_state("sqlite:///abs/path")`
open the SQLite state; `open_state("redis://host:6379/0")` (or `rediss://`, `unix://`) the
Redis state that the workers of a distributed crawl share (`state/redis.py`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from newscrawler.state.base import (
    ArticleState,
    CrawlState,
    ListingWalk,
    PendingURL,
    RetryPolicy,
    StateError,
)
from newscrawler.state.sqlite import STATE_FILENAME, SQLiteState

logger = logging.getLogger(__name__)

__all__ = ["ArticleState", "CrawlState", "ListingWalk", "PendingURL", "RetryPolicy", "SQLiteState",
           "StateError", "open_state"]

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def open_state(uri_or_path: str | Path, **options) -> CrawlState:
    """Open the crawl state named by a path (file or data directory) or a URI.

    A directory means `<dir>/state.sqlite3`. `sqlite:///rel/path` is relative and
    `sqlite:////abs/path` absolute (SQLAlchemy's convention). A Redis URL that cannot be
    reached raises StateError ("redis://...: cannot connect (Connection refused)").
    """
    target = str(uri_or_path)
    if target.startswith(REDIS_SCHEMES):
        # Imported here: the redis client is only needed by distributed crawls.
        from newscrawler.state.redis import RedisState

        return RedisState(target, **options).open()
    return SQLiteState(sqlite_state_path(target), **options).open()


def sqlite_state_path(target: str) -> Path:
    """The SQLite file a path or sqlite:/// URI names; ValueError for another scheme."""
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    elif "://" in target:
        raise ValueError(f"unknown crawl state URI scheme: {target!r}")
    path = Path(target)
    if path.is_dir() or target.endswith(("/", "\\")):
        path = path / STATE_FILENAME
    return path
