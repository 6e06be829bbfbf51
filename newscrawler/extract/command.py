"""`newscrawler extract PATH...`: records of saved pages, with their provenance.

The tool to reach for when a site misbehaves: save the page, run this on it, and see
which layer (selector, metadata, fallback) produced each field.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from scrapy.http import HtmlResponse

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


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def site_selectors(site: str | None) -> tuple[dict[str, str] | None, bool]:
    if site is None:
        return None, False
    from newscrawler.runner import spider_loader

    spider_cls = spider_loader().load(site)
    return dict(spider_cls.selectors) or None, spider_cls.month_first_dates


def extract_file(path: Path, url: str | None, selectors, month_first: bool) -> dict:
    response = HtmlResponse(url=url or path.resolve().as_uri(), body=read_page(path))
    extraction = extract_article(response, selectors, fetched_at=now_vn(),
                                 month_first=month_first)
    return {"file": str(path), **extraction.fields, "provenance": extraction.provenance,
            "missing": extraction.missing}


def run_extract(paths: list[Path], url: str | None, site: str | None, out: TextIO,
                err: TextIO) -> int:
    try:
        selectors, month_first = site_selectors(site)
    except KeyError:
        err.write(f"newscrawler: error: unknown site {site!r}\n")
        return 2
    files = page_files(paths)
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        err.write(f"newscrawler: error: no such page: {', '.join(missing)}\n")
        return 2
    for path in files:
        record = extract_file(path, url, selectors, month_first)
        if len(files) == 1:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
