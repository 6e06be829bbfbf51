"""Files that readers see whole or not at all: write beside, flush to disk, rename.

Free of Scrapy imports, so commands that need no crawler (dataset export) stay light.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def fsync_path(path: Path) -> None:
    """Flush a file, or a directory's entries (a rename), to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(out_path: Path, write: Callable[[Path], T]) -> T:
    """Run `write(temporary path)`, then rename the file to `out_path`: readers of
    `out_path` see the old file or the complete new one, never a torn one."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        result = write(tmp)
        fsync_path(tmp)
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_path(out_path.parent)
    return result


def write_text_atomically(out_path: Path, text: str) -> None:
    write_atomically(out_path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
