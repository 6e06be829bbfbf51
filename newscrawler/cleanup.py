"""Leftovers of killed writers under DATA_DIR, removed at the start of the next crawl.

- `*.part`: an export being written (`export.storage`). Its complete lines were never
  committed to the crawl state (a file is committed only once renamed), so its articles
  are fetched again: the file is torn by definition, and simply deleted.
- `.<name>.<pid>-<hex>.tmp`: a report, summary or dataset being written
  (`atomic.write_atomically`); the final file is the previous version or absent.

Only a crawl holding the data directory's lock (`datadirlock`) cleans up, so no other
crawl owns these files; a `.tmp` whose writer (the pid in its name) is still alive, such
as a `dataset export` writing into DATA_DIR, is left alone.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from pathlib import Path

logger = logging.getLogger(__name__)

# `.<name>.<pid>-<8 hex>.tmp`, as atomic.write_atomically names its temporary files.
_TMP_NAME = re.compile(r"^\..+\.(\d+)-[0-9a-f]{8}\.tmp$")
# Trees a site's files live in: DATA_DIR/<tree>/<site>/...
_SITE_TREES = ("articles", "rejected")


def is_leftover(path: Path) -> bool:
    return path.name.endswith(".part") or bool(_TMP_NAME.match(path.name))


def writer_alive(path: Path) -> bool:
    """Whether the process that writes this `.tmp` file still runs."""
    match = _TMP_NAME.match(path.name)
    if match is None:
        return False
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def site_of(path: Path, data_dir: Path) -> str:
    parts = path.relative_to(data_dir).parts
    return parts[1] if len(parts) > 2 and parts[0] in _SITE_TREES else ""


def remove_leftovers(data_dir: Path) -> Counter[str]:
    """Delete the leftovers under `data_dir`; the counts per site ('' = no site's)."""
    removed: Counter[str] = Counter()
    for path in sorted(Path(data_dir).rglob("*")):
        if not is_leftover(path) or not path.is_file() or writer_alive(path):
            continue
        try:
            path.unlink()
        except OSError as error:
            logger.warning("Cannot remove the leftover %s: %s", path, error.strerror)
            continue
        removed[site_of(path, data_dir)] += 1
        logger.info("Removed %s, left by a run that did not finish", path)
    return removed
