"""`newscrawler extract PATH...`: records of saved pages, with their provenance.

The tool to reach for when a site misbehaves: save the page, run this on it, and see
which layer (selector, metadata, fallback) produced each field. Pages are bounded by
DOWNLOAD_MAXSIZE, compressed and decompressed (a gzip bomb is refused in one line).
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from scrapy.http import HtmlResponse
from scrapy.utils.gz import gunzip

from newscrawler.extract import extract_article
from newscrawler.records import now_vn

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def page_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.name.endswith(PAGE_SUFFIXES)))
        else:
            files.append(path)
    return files


class PageError(Exception):
    """A page that cannot be read: one line on stderr, exit status 2."""


def read_page(path: Path, max_size: int = 0) -> bytes:
    """The page's bytes, gunzipped for `.gz`; at most `max_size` bytes (0 = no bound),
    before and after decompression, as DOWNLOAD_MAXSIZE bounds a crawl's downloads."""
    try:
        if max_size and path.stat().st_size > max_size:
            raise PageError(f"{path}: larger than {max_size:,} bytes (DOWNLOAD_MAXSIZE)")
        data = path.read_bytes()
        if not path.name.endswith(".gz"):
            return data
        return gunzip(data, max_size=max_size)
    except ValueError:  # scrapy's gunzip: over max_size once decompressed
        raise PageError(f"{path}: larger than {max_size:,} bytes once decompressed "
                        "(DOWNLOAD_MAXSIZE)") from None
    except (OSError, EOFError, zlib.error, struct.error) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise PageError(f"{path}: cannot read ({reason})") from None


def max_page_size() -> int:
    from newscrawler.runner import base_settings

    return base_settings().getint("DOWNLOAD_MAXSIZE")


def site_selectors(site: str | None) -> tuple[dict[str, str] | None, Callable]:
    """The site's selectors, and which pages print month-first dates (a site serving two
    generations of pages may differ per page)."""
    if site is None:
        return None, lambda response: False
    from newscrawler.runner import spider_loader

    spider_cls = spider_loader().load(site)
    return dict(spider_cls.selectors) or None, spider_cls().month_first_for


def api_page_of(site: str | None) -> Callable | None:
    """A site read through a JSON API (mof): its stored answer -> the page to extract."""
    if site is None:
        return None
    from newscrawler.runner import spider_loader

    return getattr(spider_loader().load(site), "api_page", None)


def extract_file(path: Path, url: str | None, selectors, month_first: Callable,
                 max_size: int = 0, to_page: Callable | None = None) -> dict:
    response = HtmlResponse(url=url or path.resolve().as_uri(),
                            body=read_page(path, max_size))
    if to_page is not None:
        try:
            response = to_page(response, reader=url)
        except ValueError as error:  # the API's own errors are ValueErrors
            raise PageError(f"{path}: not an article answer of the site's API ({error})"
                            ) from None
    extraction = extract_article(response, selectors, fetched_at=now_vn(),
                                 month_first=month_first(response))
    return {"file": str(path), **extraction.fields, "provenance": extraction.provenance,
            "missing": extraction.missing}


def run_extract(paths: list[Path], url: str | None, site: str | None, out: TextIO,
                err: TextIO) -> int:
    try:
        selectors, month_first = site_selectors(site)
        to_page = api_page_of(site)
    except KeyError:
        err.write(f"newscrawler: error: unknown site {site!r}\n")
        return 2
    files = page_files(paths)
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        err.write(f"newscrawler: error: no such page: {', '.join(missing)}\n")
        return 2
    max_size = max_page_size()
    for path in files:
        try:
            record = extract_file(path, url, selectors, month_first, max_size, to_page)
        except PageError as error:
            err.write(f"newscrawler: error: {error}\n")
            return 2
        if len(files) == 1:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
