"""Atomic feed files and the URI parameters of newscrawler's exports.

A feed is written to `<final name>.part` and renamed to its final name only once complete
and flushed to disk, so a reader (or a crashed run's successor) never sees a torn file:
every `*.jsonl` under `DATA_DIR/articles/` is whole.
"""

from __future__ import annotations

import contextlib
import errno
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

from newscrawler import signals as our_signals
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
    """FileFeedStorage that renames a complete `.part` file into place.

    Scrapy's feed exporter logs a storage error and carries on (it even signals the
    slot as closed), so a failed open, write, flush or rename is also recorded in the
    stats (`newscrawler/<site>/write_failures`: path and reason): the run summary fails
    the site's verdict on it, and names only files that were stored (`stored`).
    """

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None,
                 crawler=None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        self.stored = False
        self.part_path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict[str, Any] | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider) -> IO[bytes]:
        final = Path(self.path)
        self.part_path = final.with_name(final.name + PART_SUFFIX)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            # A leftover .part of the same name is a torn file of a killed run: start afresh.
            if self.write_mode == "ab" and final.is_file():
                # `scrapy crawl -o FILE` appends: the new file starts as a copy of the old one.
                shutil.copyfile(final, self.part_path)
                file = self.part_path.open("ab")
            else:
                file = self.part_path.open("wb")
        except OSError as error:
            self.record_failure(error)
            raise
        limit = self.crawler.settings.getint(DISK_FULL_SETTING) if self.crawler else 0
        return DiskFullAfter(file, limit, self.record_failure) if limit > 0 else file

    def store(self, file: IO[bytes]) -> None:
        final = Path(self.path)
        try:
            file.flush()
            os.fsync(file.fileno())
            file.close()
            if self.crawler is not None:
                self.crawler.signals.send_catch_log(our_signals.feed_file_complete,
                                                    part=self.part_path, final=final)
            os.replace(self.part_path, final)
            fsync_path(final.parent)
        except OSError as error:
            self.record_failure(error)
            with contextlib.suppress(OSError):
                file.close()
            with contextlib.suppress(OSError):  # torn and never committed; frees space
                self.part_path.unlink(missing_ok=True)
            raise
        self.stored = True
        logger.info("Feed complete: %s", final)

    def record_failure(self, error: OSError) -> None:
        reason = f"cannot write {self.path}: {error.strerror or error}"
        logger.error("Export failed: %s", reason)
        if self.crawler is None:
            return
        key = f"newscrawler/{self.crawler.spidercls.name}/write_failures"
        failures = self.crawler.stats.get_value(key) or []
        if reason not in (failure["reason"] for failure in failures):
            failures.append({"path": str(self.path), "reason": reason})
            self.crawler.stats.set_value(key, failures)


# Tests only: the export's writes fail with ENOSPC once this many bytes were written to a
# file (0 = off), as on a full disk; the failure then also hits the flush at store time.
DISK_FULL_SETTING = "NEWSCRAWLER_TEST_DISK_FULL_AFTER"


class DiskFullAfter:
    """A file whose writes fail with ENOSPC past `limit` bytes (disk-full tests)."""

    def __init__(self, file: IO[bytes], limit: int, on_error) -> None:
        self.file, self.limit, self.on_error = file, limit, on_error
        self.written = 0
        self.full = False

    def write(self, data: bytes) -> int:
        if self.full or self.written + len(data) > self.limit:
            self.full = True
            error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self.on_error(error)
            raise error
        self.written += len(data)
        return self.file.write(data)

    def flush(self) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.file.flush()

    def __getattr__(self, name: str):
        return getattr(self.file, name)
