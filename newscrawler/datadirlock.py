"""One crawl per data directory: an exclusive `flock` on `DATA_DIR/.lock`.

Two crawls writing one data directory export the same articles twice (both see them as
new) and race on the crawl state; a cron run that outlasts its schedule does exactly
that. So every crawl holds `DATA_DIR/.lock` from before it writes anything until its
process ends: `newscrawler crawl` takes it in the runner, a plain `scrapy crawl` or a
Scrapyd job through the `DataDirLockExtension` (the first extension built, before the
crawl state opens). The kernel releases a flock when its holder dies, `kill -9`
included, so a stale lock is simply taken over.

Holding the lock, a crawl first removes the leftovers of killed runs (`cleanup.py`).
The file holds the holder's pid and start time, for the one-line refusal:
`data directory D is in use by pid P (started T)`. A lock is held once per process and
data directory, whatever the number of crawlers (sites) in the process.
"""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import time
from collections import Counter
from pathlib import Path

from scrapy.exceptions import NotConfigured

from newscrawler.cleanup import remove_leftovers
from newscrawler.records import iso_vn, now_vn

logger = logging.getLogger(__name__)

LOCK_NAME = ".lock"
# Locks this process holds: resolved data directory -> open descriptor (kept open: the
# flock lives as long as the descriptor, i.e. until the process ends).
_HELD: dict[Path, int] = {}
_CREATED: set[Path] = set()  # lock files this process created
_REMOVED: dict[Path, Counter[str]] = {}  # leftovers removed, per data directory and site
# Archive `.part` files of killed runs, per data directory: recovered / set_aside.
_ARCHIVE_RECOVERED: dict[Path, Counter[str]] = {}


class DataDirInUse(RuntimeError):
    """Another live process holds the data directory."""

    def __init__(self, data_dir: Path, holder: dict) -> None:
        pid = holder.get("pid", "?")
        started = holder.get("started", "unknown time")
        super().__init__(f"data directory {data_dir} is in use by pid {pid} "
                         f"(started {started})")
        self.holder = holder


def lock_data_dir(data_dir: Path) -> Path:
    """Take the data directory's lock for this process (again: no-op); DataDirInUse if
    another process holds it; OSError if the directory cannot be created or written."""
    data_dir = Path(data_dir).resolve()
    if data_dir in _HELD:
        return data_dir / LOCK_NAME
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_NAME
    while True:
        created = not path.exists()
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise DataDirInUse(data_dir, read_holder(path)) from None
            raise
        # A refused run removes the lock file it created: whoever locked that file in
        # the meantime holds a name no longer in the directory, and tries again.
        if _same_file(fd, path):
            break
        os.close(fd)
    holder = json.dumps({"pid": os.getpid(), "started": iso_vn(now_vn())}).encode()
    # Written over the old content, then cut: a reader never sees an empty file after
    # the first run (it may see the previous holder's pid for an instant).
    os.pwrite(fd, holder + b"\n", 0)
    os.ftruncate(fd, len(holder) + 1)
    _HELD[data_dir] = fd
    if created:
        _CREATED.add(data_dir)
    return path


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), path.stat()
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def read_holder(path: Path, attempts: int = 20) -> dict:
    """The holder's pid and start time (a new lock file may still be empty: wait a bit)."""
    for _ in range(attempts):
        try:
            return json.loads(path.read_bytes() or b"null") or {}
        except (OSError, ValueError):
            pass
        time.sleep(0.025)
    return {}


def unlock_data_dir(data_dir: Path, *, remove_if_created: bool = False) -> None:
    """Release this process's lock (a crawl keeps it until it exits). A crawl refused
    before it started removes the lock file it created: it wrote nothing."""
    data_dir = Path(data_dir).resolve()
    fd = _HELD.pop(data_dir, None)
    if fd is None:
        return
    if remove_if_created and data_dir in _CREATED:
        (data_dir / LOCK_NAME).unlink(missing_ok=True)
    _CREATED.discard(data_dir)
    os.close(fd)


def clean_once(data_dir: Path, redis_url: str = "") -> Counter[str]:
    """Remove the leftovers of killed runs under the data directory, once per process,
    while holding its lock: no other crawl owns them (cleanup.py). A distributed worker
    first completes the `.part` files other workers committed for it (staging.py)."""
    data_dir = Path(data_dir).resolve()
    if data_dir not in _REMOVED:
        if redis_url:
            from newscrawler.staging import roll_forward_settled

            roll_forward_settled(redis_url, data_dir)
        from newscrawler.archive.recovery import recover_archive

        # Before the leftovers go: an archive .part keeps its whole records (recovery.py).
        _ARCHIVE_RECOVERED[data_dir] = recover_archive(data_dir)
        _REMOVED[data_dir] = remove_leftovers(data_dir)
    return _REMOVED[data_dir]


class DataDirLockExtension:
    """Takes the lock for `scrapy crawl` and Scrapyd runs, before anything is written
    (an exception here stops the crawler before its spider opens), then removes the
    leftovers of killed runs and counts them: `newscrawler/cleanup/removed`, and
    `newscrawler/<site>/cleanup/removed` for the site's own files."""

    @classmethod
    def from_crawler(cls, crawler):
        data_dir = crawler.settings.get("NEWSCRAWLER_DATA_DIR")
        if not data_dir:
            raise NotConfigured("no NEWSCRAWLER_DATA_DIR")
        try:
            lock_data_dir(Path(data_dir))
        except DataDirInUse as error:
            logger.error("newscrawler: error: %s", error)
            raise
        removed = clean_once(Path(data_dir), crawler.settings.get("NEWSCRAWLER_REDIS_URL"))
        crawler.stats.set_value("newscrawler/cleanup/removed", sum(removed.values()))
        for outcome, count in _ARCHIVE_RECOVERED.get(Path(data_dir).resolve(), {}).items():
            crawler.stats.set_value(f"newscrawler/archive/{outcome}", count)
        site = getattr(crawler.spidercls, "name", "")
        if site:
            crawler.stats.set_value(f"newscrawler/{site}/cleanup/removed", removed[site])
        return cls()
