"""The `.part` archive files of a killed run, made whole at the start of the next one.

A `.warc.gz.part` holds complete gzip members (one record each) and, if the writer was
killed mid-write, a torn last one. It is cut back to the end of its last complete record
(checked as `reader.iter_members` checks any record), flushed to disk and renamed to its
final name: every page it held stays in the archive. A file with no complete record
left is set aside (renamed `<name>.torn`), never under a name readers open.

Run by `datadirlock.clean_once`, holding the data directory's lock (no writer is alive),
before the generic leftover cleanup, which would delete every `.part`.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path

from newscrawler.archive import ARCHIVE_DIR, PART_SUFFIX, SET_ASIDE_SUFFIX, WARC_SUFFIX
from newscrawler.archive.reader import Member, iter_members
from newscrawler.atomic import fsync_path

logger = logging.getLogger(__name__)


def complete_end(path: Path) -> int:
    """The offset after the last record of the unbroken run of whole ones from the start."""
    end = 0
    for member in iter_members(path):
        if not isinstance(member, Member) or member.offset != end:
            break
        end = member.end
    return end


def recover_part(part: Path) -> str:
    """'recovered' or 'set_aside', after making `part` whole or moving it aside."""
    final = part.with_name(part.name[: -len(PART_SUFFIX)])
    end = complete_end(part)
    if end == 0 or final.exists():
        part.rename(part.with_name(final.name + SET_ASIDE_SUFFIX))
        logger.warning("Archive %s: no complete record; set aside as %s%s", part,
                       final.name, SET_ASIDE_SUFFIX)
        return "set_aside"
    size = part.stat().st_size
    with open(part, "r+b") as handle:
        handle.truncate(end)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, final)
    fsync_path(final.parent)
    logger.warning("Archive %s recovered from a killed run: %d torn bytes cut off",
                   final, size - end)
    return "recovered"


def recover_archive(data_dir: Path) -> Counter[str]:
    """Recover every `.warc.gz.part` under DATA_DIR/archive; counts by outcome."""
    outcomes: Counter[str] = Counter()
    root = Path(data_dir) / ARCHIVE_DIR
    if not root.is_dir():
        return outcomes
    for part in sorted(root.rglob(f"*{WARC_SUFFIX}{PART_SUFFIX}")):
        try:
            outcomes[recover_part(part)] += 1
        except OSError as error:
            logger.error("Archive %s: cannot recover (%s)", part, error.strerror or error)
            outcomes["failed"] += 1
    return outcomes
