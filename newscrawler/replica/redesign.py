"""A site's article template redesigned: the replica's stand-in for a layout change.

Research notes show these sites' markup changing every few years. A redesign here renames
every class and id token on the site's article pages (listing pages keep working, as
they often do when only the article template is replaced), so the site selectors miss
and extraction must fall back to metadata and the generic extractor. The monitors must
then fail the run and name the site and the drifting fields.

A listing redesign (`--redesign-listing`) is the other half: every non-article HTML page
renamed the same way, so the listing link selectors and the pagers miss, and discovery
must fall back to the pages' own links (spiders/discovery.py) and report discovery drift.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from newscrawler.replica.faultkinds import site_path

_ATTRIBUTE = re.compile(rb'\b(class|id)="([^"]*)"')
SUFFIX = b"-v2"


def _rename(match: re.Match) -> bytes:
    tokens = match.group(2).split()
    return match.group(1) + b'="' + b" ".join(t + SUFFIX for t in tokens) + b'"'


def redesign_html(body: bytes) -> bytes:
    return _ATTRIBUTE.sub(_rename, body)


class RedesignedSite:
    """Wraps a served site; its article pages come out with the new template, or (with
    `listings=True`, `replica serve --redesign-listing SITE`) every other HTML page:
    listing links, pagers and zone ids all renamed, article pages as they were."""

    def __init__(self, site: Any, listings: bool = False) -> None:
        self.site = site
        self.listings = listings
        self.domain = site.domain
        pattern = site.spec.article_key_pattern
        self._article_path = re.compile(pattern) if pattern else None
        # Sites whose article URLs carry no key in the path (?ItemID=...): by the corpus.
        self._articles = frozenset(site_path(article.url) for article in site.corpus.articles)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.site, name)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        status, headers, body = self.site.handle(path, now)
        content_type = headers.get("Content-Type", "")
        # The article template, or (listings) every other page's.
        changed = self.is_article(path) != self.listings
        if status == 200 and "html" in content_type and changed:
            body = redesign_html(body)
        return status, headers, body

    def is_article(self, path: str) -> bool:
        if path in self._articles:
            return True
        return bool(self._article_path and self._article_path.search(urlsplit(path).path))
