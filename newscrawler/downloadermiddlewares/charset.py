"""UTF-8 pages served with a wrong charset label.

Servers misconfigured to send `charset=ISO-8859-1` (or windows-1252, or ASCII) with a
UTF-8 page are common; the HTTP header wins over the page's own `<meta charset>` in
Scrapy as in browsers, and Vietnamese text comes out as mojibake. A body that decodes
as UTF-8 and has non-ASCII bytes is, in practice, never Latin-1 text (Latin-1 letters
would have to fall into valid UTF-8 multi-byte sequences throughout), so such a body is
read as UTF-8. Other labels (legacy Vietnamese encodings included) are left alone.
"""

from __future__ import annotations

import logging

from scrapy.http import Response, TextResponse
from scrapy.http.request import Request

logger = logging.getLogger(__name__)

SINGLE_BYTE_LABELS = frozenset({
    "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "windows-1252", "cp1252",
    "us-ascii", "ascii",
})


def declared_charset(content_type: bytes | None) -> str | None:
    if not content_type:
        return None
    for parameter in content_type.decode("latin-1").split(";")[1:]:
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return None


def is_utf8_text(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class CharsetRepairMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse):
            return response
        declared = declared_charset(response.headers.get("Content-Type"))
        if declared in SINGLE_BYTE_LABELS and is_utf8_text(response.body):
            self.crawler.stats.inc_value("newscrawler/charset_repaired")
            logger.debug("Read %s as UTF-8, not %s as labelled", response.url, declared)
            return response.replace(encoding="utf-8")
        return response
