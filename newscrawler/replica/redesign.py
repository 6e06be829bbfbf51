"""A site's article template redesigned: the replica's stand-in for a layout change.

Research notes show these sites' markup changing every few years. A redesign here renames
every class and id token on the site's article pages (listing pages keep working, as
they often do when only the article template is replaced), so the site selectors miss
and extraction must fall back to metadata and the generic extractor. The monitors must
then fail the run and name the site and the drifting fields.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

_ATTRIBUTE = re.compile(rb'\b(class|id)="([^"]*)"')
SUFFIX = b"-v2"


def _rename(match: re.Match) -> bytes:
    tokens = match.group(2).split()
    return match.group(1) + b'="' + b" ".join(t + SUFFIX for t in tokens) + b'"'


def redesign_html(body: bytes) -> bytes:
    return _ATTRIBUTE.sub(_rename, body)


class RedesignedSite:
    """Wraps a served site; its article pages come out with the new template."""

    def __init__(self, site: Any) -> None:
        self.site = site
        self.domain = site.domain
        self._article_path = re.compile(site.spec.article_key_pattern)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.site, name)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        status, headers, body = self.site.handle(path, now)
        content_type = headers.get("Content-Type", "")
        if status == 200 and "html" in content_type and self.is_article(path):
            body = redesign_html(body)
        return status, headers, body

    def is_article(self, path: str) -> bool:
        return bool(self._article_path.search(urlsplit(path).path))
