"""Atomic feed files and the URI parameters of newscrawler's exports.

A feed is written to `<final name>.part` and renamed to its final name only once complete
and flushed to disk, so a reader (or a crashed run's successor) never sees a torn file:
every `*.jsonl` under `DATA_DIR/articles/` is whole.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import socket
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage

from newscrawler.atomic import fsync_path
from newscrawler.records import VN_TZ

logger = logging.getLogger(__name__)

PART_SUFFIX = ".part"
# feed_name = the run id, or `<run_id>-<worker_id>` for a worker of a distributed crawl, so
# that the exports of workers sharing (or later merging) a data directory never collide.
# A run's export is cut into batches of FEED_EXPORT_BATCH_ITEM_COUNT articles, each file
# committed to the crawl state once complete: `<feed_name>.jsonl`, `<feed_name>.2.jsonl`...
FEED_URI_TEMPLATE = "%(data_dir)s/articles/%(name)s/%(run_date)s/%(feed_name)s%(batch_id)s.jsonl"
# Our URI parameters for our feed only: a user's own feed (-o/-O) keeps Scrapy's, where
# %(batch_id)d is a number.
FEED_OPTIONS = {"format": "jsonlines", "encoding": "utf-8", "overwrite": True,
                "uri_params": "newscrawler.export.storage.feed_uri_params"}

_process_run_id: str | None = None
_process_worker_id: str | None = None
_UNSAFE_IN_NAMES = re.compile(r"[^A-Za-z0-9._-]+")


def new_run_id(now: datetime | None = None) -> str:
    """Sortable and unique: '20261126T143200-3f9a'."""
    now = now or datetime.now(VN_TZ)
    return f"{now:%Y%m%dT%H%M%S}-{secrets.token_hex(2)}"


def run_id_from_settings(settings) -> str:
    """The run id set by the crawl command, else one id for this whole process."""
    global _process_run_id
    configured = settings.get("NEWSCRAWLER_RUN_ID")
    if configured:
        return configured
    if _process_run_id is None:
        _process_run_id = new_run_id()
    return _process_run_id


def worker_id_from_settings(settings) -> str:
    """This process's worker id: NEWSCRAWLER_WORKER_ID, else in a distributed crawl
    (NEWSCRAWLER_REDIS_URL set) `<host>-<pid>-<random>`, unique per process; else ''."""
    global _process_worker_id
    configured = settings.get("NEWSCRAWLER_WORKER_ID")
    if configured:
        return _UNSAFE_IN_NAMES.sub("-", str(configured)).strip("-") or "worker"
    if not settings.get("NEWSCRAWLER_REDIS_URL"):
        return ""
    if _process_worker_id is None:
        name = f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(2)}"
        _process_worker_id = _UNSAFE_IN_NAMES.sub("-", name)
    return _process_worker_id


def run_date(run_id: str) -> str:
    return f"{run_id[0:4]}-{run_id[4:6]}-{run_id[6:8]}"


def feed_uri_params(params: dict[str, Any], spider) -> dict[str, Any]:
    settings = spider.crawler.settings
    run_id = run_id_from_settings(settings)
    data_dir = Path(settings.get("NEWSCRAWLER_DATA_DIR")).resolve()
    worker_id = worker_id_from_settings(settings)
    feed_name = f"{run_id}-{worker_id}" if worker_id else run_id
    return {**params, "data_dir": str(data_dir), "run_id": run_id, "run_date": run_date(run_id),
            "feed_name": feed_name, "batch_id": batch_suffix(params.get("batch_id", 1))}


def is_articles_feed(slot) -> bool:
    """True for a slot of our articles feed, False for a user's own (-o, -O, Scrapyd)."""
    return getattr(slot, "uri_template", None) == FEED_URI_TEMPLATE


def batch_suffix(batch_id: int) -> str:
    """'' for a run's first (often only) file, '.<n>' for the n-th."""
    return "" if batch_id == 1 else f".{batch_id}"


class AtomicFileFeedStorage(FileFeedStorage):
    """FileFeedStorage that renames a complete `.part` file into place."""

    def open(self, spider) -> IO[bytes]:
        final = Path(self.path)
        final.parent.mkdir(parents=True, exist_ok=True)
        self.part_path = final.with_name(final.name + PART_SUFFIX)
        # A leftover .part of the same name is a torn file of a killed run: start afresh.
        if self.write_mode == "ab" and final.is_file():
            # `scrapy crawl -o FILE` appends: the new file starts as a copy of the old one.
            shutil.copyfile(final, self.part_path)
            return self.part_path.open("ab")
        return self.part_path.open("wb")

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        final = Path(self.path)
        os.replace(self.part_path, final)
        fsync_path(final.parent)
        logger.info("Feed complete: %s", final)
