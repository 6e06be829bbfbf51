"""Derived fields of an Article: id, content hash, word count, timestamps.

Shared by the pipelines and by the replica's ground truth, so that both derive these
fields the same way from the same content.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def article_id(site: str, url: str, key_pattern: str | None = None) -> str:
    """'<site>:<key>': the site's own numeric article id when its URL pattern has one,
    else the first 16 hex digits of the SHA-1 of the canonical URL."""
    if key_pattern:
        match = re.search(key_pattern, url)
        if match:
            return f"{site}:{match.group(1)}"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    return f"{site}:{digest}"


def fingerprint_text(text: str | None) -> str:
    """Title or body reduced to what identifies content: NFC, casefolded, single spaces."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return _SPACE.sub(" ", text).strip()


def content_hash(title: str | None, body: str | None) -> str:
    payload = fingerprint_text(title) + "\n" + fingerprint_text(body)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def word_count(text: str | None) -> int:
    return len(_WORD.findall(text or ""))


def iso_vn(moment: datetime | None) -> str | None:
    """ISO 8601 in Vietnam time with seconds: '2017-12-21T11:38:00+07:00'."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def now_vn() -> datetime:
    return datetime.now(VN_TZ).replace(microsecond=0)
