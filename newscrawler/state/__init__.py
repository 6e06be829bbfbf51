"""The crawl state: what is known between runs (see `base.CrawlState`).

`open_state("data")`, `open_state("data/state.sqlite3")` or `open_state("sqlite:///abs/path")`
open the SQLite state; `redis://` URIs are reserved for the distributed crawl.
"""

from __future__ import annotations

import logging
from pathlib import Path

from newscrawler.state.base import ArticleState, CrawlState, StateError
from newscrawler.state.sqlite import STATE_FILENAME, SQLiteState

logger = logging.getLogger(__name__)

__all__ = ["ArticleState", "CrawlState", "SQLiteState", "StateError", "open_state"]


def open_state(uri_or_path: str | Path, **options) -> CrawlState:
    """Open the crawl state named by a path (file or data directory) or a URI.

    A directory means `<dir>/state.sqlite3`. `sqlite:///rel/path` is relative and
    `sqlite:////abs/path` absolute (SQLAlchemy's convention).
    """
    target = str(uri_or_path)
    if target.startswith(("redis://", "rediss://")):
        raise NotImplementedError("redis state comes with the distributed issue")
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    elif "://" in target:
        raise ValueError(f"unknown crawl state URI scheme: {target!r}")
    path = Path(target)
    if path.is_dir() or target.endswith(("/", "\\")):
        path = path / STATE_FILENAME
    return SQLiteState(path, **options).open()
