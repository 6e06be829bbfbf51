"""Bring the crawl state up to date with export files it never heard of.

The state commits a file's articles right after the file is renamed into place. A run
killed between the two leaves a complete export whose articles the state does not know,
and the next run would export them again. At start, each completed export file of the
site is checked: if the state does not know its last record, the whole file is recorded.
Only the last line of each file is read in the common case.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from newscrawler.extract.dates import parse_iso
from newscrawler.fingerprints import near_fingerprints
from newscrawler.state.base import ArticleState, CrawlState

logger = logging.getLogger(__name__)


def last_line(path: Path, block: int = 65536) -> bytes:
    with path.open("rb") as file:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(max(0, size - block))
        data = file.read().rstrip(b"\n")
    if len(data) >= block and b"\n" not in data:  # a very long last record
        data = path.read_bytes().rstrip(b"\n")
    return data.rsplit(b"\n", 1)[-1]


def is_recorded(state: CrawlState, record: dict) -> bool:
    known = state.lookup_id(record["id"])
    return known is not None and known.version >= record.get("version", 1)


def records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def article_state(record: dict) -> ArticleState:
    signature, sketch = near_fingerprints(record.get("body"))
    crawled = parse_iso(record.get("crawled_at")) or datetime.now().astimezone()
    return ArticleState(
        id=record["id"], site=record["site"], url=record["url"],
        content_hash=record["content_hash"], near_signature=signature, near_sketch=sketch,
        first_seen=crawled, last_seen=crawled, version=record.get("version", 1),
        published_at=parse_iso(record.get("published_at")),
        duplicate_of=record.get("duplicate_of"),
    )


def reconcile_exports(state: CrawlState, site_dir: Path) -> int:
    """Record the articles of completed export files the state does not know yet."""
    recorded = 0
    for path in sorted(site_dir.glob("*/*.jsonl")):
        try:
            if is_recorded(state, json.loads(last_line(path))):
                continue
            with state.transaction():
                for record in records(path):
                    if not is_recorded(state, record):
                        state.record(article_state(record))
                        recorded += 1
        except (OSError, ValueError, KeyError) as error:
            logger.error("Crawl state: cannot reconcile %s: %s", path, error)
            continue
        logger.warning("Crawl state: recorded the articles of %s, an export the state "
                       "had not committed (a run stopped between rename and commit)", path)
    return recorded
