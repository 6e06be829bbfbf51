"""Normalisation of extracted Vietnamese text and recognition of page boilerplate lines.

The article's own words, punctuation and typos are never changed: only the encoding
(legacy TCVN3/VNI repair, Unicode NFC) and the spacing are.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from itertools import islice

from newscrawler.extract.legacy import convert_legacy, detect_legacy

logger = logging.getLogger(__name__)

# Removed before anything else, so that they cannot hide a base letter from the
# combining mark after it (NFC would then compose only on a second pass).
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Removed only after legacy repair: in TCVN3 the byte 0xAD (soft hyphen) is the letter ư.
_SOFT_HYPHEN = "\u00ad"


def _normalize_once(s: str) -> tuple[str, bool]:
    """The normalised text, and whether it may still be legacy mojibake (true only after
    a legacy repair or a soft hyphen removal: otherwise a second look finds nothing new)."""
    s = _ZERO_WIDTH.sub("", s)
    s = unicodedata.normalize("NFC", s)
    kind = detect_legacy(s)
    unsure = kind is not None
    if unsure:
        s = convert_legacy(s, kind)
    if _SOFT_HYPHEN in s:
        s = unicodedata.normalize("NFC", s.replace(_SOFT_HYPHEN, ""))
        unsure = True
    # str.split() splits on every Unicode space (NBSP, U+2000-U+200A, U+202F, U+205F,
    # U+3000, tabs, newlines) and is much faster than a regex substitution.
    return " ".join(s.split()), unsure


def normalize_text(s: str | None) -> str:
    """Legacy-encoding repair, NFC, Unicode spaces folded, invisible characters dropped.

    Idempotent. Every step but the legacy repair is a no-op on its own output, so a second
    round can only differ if the output still looks like legacy mojibake (possible in
    contrived strings where removing a soft hyphen joins two characters): repeat then.
    """
    if not s:
        return ""
    if s.isascii():  # nothing to compose or repair: only the spacing changes
        return " ".join(s.split())
    result, unsure = _normalize_once(s)
    for _ in range(3):
        # Folding spaces never changes what detect_legacy finds, so a round without a
        # repair is final.
        if not unsure or result.isascii() or detect_legacy(result) is None:
            break
        result, unsure = _normalize_once(result)
    return result


# A whitespace-separated token holding an ASCII letter or digit (tried at token starts only).
_ASCII_WORD_TOKEN = re.compile(r"(?<!\S)[^\sA-Za-z0-9]*+[A-Za-z0-9]")


def normalized_longer_than(s: str, limit: int) -> bool:
    """True when ``normalize_text(s)`` is surely longer than ``limit``, found cheaply: no
    step of it removes whitespace or empties a token holding an ASCII letter or digit, so
    k such tokens give at least 2k - 1 characters. False means "not known"."""
    needed = (limit + 1) // 2 + 1
    if len(s) < 2 * needed - 1:  # too short to hold that many tokens
        return False
    return len(list(islice(_ASCII_WORD_TOKEN.finditer(s), needed))) == needed


def normalize_paragraphs(paragraphs: Iterable[str | None]) -> list[str]:
    """``normalize_text`` on each paragraph; empty and boilerplate ones are dropped."""
    cleaned = []
    for paragraph in paragraphs:
        text = normalize_text(paragraph)
        if text and not is_boilerplate(text):
            cleaned.append(text)
    return cleaned


# --- boilerplate ------------------------------------------------------------------------


class _NoCombiningMarks(dict):
    """A str.translate() table deleting combining marks, filled as characters show up:
    one C-level pass instead of a Python test per character."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_NO_COMBINING_MARKS = _NoCombiningMarks()


def _fold(s: str) -> str:
    """Lowercase, no diacritics, đ -> d, single spaces: for tolerant keyword matching."""
    decomposed = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    return " ".join(decomposed.translate(_NO_COMBINING_MARKS).split())


# Whole lines (after folding and trimming decoration) that are page furniture.
_BOILERPLATE_LINES = frozenset(
    {
        "chia se", "chia se bai viet", "chia se bai nay", "in bai", "in bai viet", "in trang",
        "ban in", "phien ban in", "tin lien quan", "bai lien quan", "tin cung chuyen muc",
        "tin khac", "cac tin khac", "binh luan", "gui binh luan", "y kien ban doc",
        "xem them", "doc them", "len dau trang", "ve dau trang", "quay lai", "tro ve",
        "facebook", "zalo", "twitter", "email", "gui email", "linkedin", "copy link",
        "sao chep lien ket", "thich", "like", "share", "tweet", "print",
    }
)  # fmt: skip
# Share/print bars made of several labels: "Chia sẻ: Facebook | Zalo | In bài".
_SHARE_WORDS = (
    r"(?:chia se|in bai(?: viet)?|ban in|facebook|zalo|twitter|email|gui email|linkedin"
    r"|copy link|sao chep lien ket|thich|like|share|tweet|print)(?:\s*\(?\d+\)?)?"
)
_SHARE_BAR = re.compile(rf"{_SHARE_WORDS}(?:\s*[:|/•·,\-]?\s*{_SHARE_WORDS})+")
_MAX_BOILERPLATE_WORDS = 40  # the longest kind: copyright footers
_DECORATION = " \t:|»«›‹>•·*-–—"
_COUNTED_LABEL = re.compile(r"(?:binh luan|y kien|chia se|thich|like)\s*\(?\d+\)?")
# "Đường dây nóng: 0866.59.4498 - Thứ sáu 21/09/2018 11:32": a label, then digits.
_HOTLINE = re.compile(r"(?:duong day nong|hotline|tong dai)\s*:?\s*(?P<rest>.*)")
_COPYRIGHT = re.compile(
    r"(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d|ban quyen thuoc ve|ban quyen ©|ghi ro nguon)"
)
# "Xem thêm: <title of another article>"; needs the colon to stay out of sentences.
_LINK_LABEL = re.compile(r"(?:xem them|doc them|tin lien quan|bai lien quan|tin cung chuyen muc)"
                         r"\s*(?::|>>|»)")  # fmt: skip


def is_boilerplate(line: str | None) -> bool:
    """True for page furniture: share/print labels, related-links headers, hotline and
    clock bars, copyright lines. Whole-line matches only: a real sentence that merely
    contains "chia sẻ" or "bình luận" is not boilerplate."""
    # maxsplit: a long paragraph need not be split whole to know it is too long.
    if not line or len(line.split(None, _MAX_BOILERPLATE_WORDS)) > _MAX_BOILERPLATE_WORDS:
        return False
    folded = _fold(line).strip(_DECORATION)
    if not folded:
        return False
    if folded in _BOILERPLATE_LINES or _SHARE_BAR.fullmatch(folded):
        return True
    if _COUNTED_LABEL.fullmatch(folded):
        return True
    words = len(folded.split())
    hotline = _HOTLINE.match(folded)
    if hotline and words <= 14 and sum(char.isdigit() for char in hotline["rest"]) >= 6:
        return True
    if _COPYRIGHT.match(folded):
        return True
    return bool(_LINK_LABEL.match(folded) and words <= 25)
