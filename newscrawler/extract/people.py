"""Author bylines and source attributions of Vietnamese news articles.

A byline is a short line of capitalised name words ("Vũ Lê", "Minh Anh - Hoàng Long"),
often with a role prefix ("Bài và ảnh:", "PV") and sometimes a source in parentheses
("Vũ Lê (Theo TTXVN)"). A source line starts with "Theo" or "Nguồn" ("Theo TTXVN",
"Nguồn: Bộ Y tế"). Body sentences must never be taken for either, so every check here is
strict: short, capitalised, no sentence punctuation.

Decision on agency names: a known news agency or a web domain standing alone ("TTXVN",
"VOV", "Chinhphu.vn") is a *source*, not an author, because it names an organisation;
role labels standing alone ("PV", "Nhóm PV") are an anonymous byline: ``([], None)``.
"""

from __future__ import annotations

import logging
import re
import unicodedata

logger = logging.getLogger(__name__)

MAX_LINE_CHARS = 60
MAX_NAME_WORDS = 6
MAX_NAMES = 6
MAX_SOURCE_WORDS = 10

# Compared case-insensitively. Assumption: the common Vietnamese and foreign agencies
# credited on ministry news; extend as sites show others.
KNOWN_AGENCIES = frozenset(
    {
        "ttxvn", "vna", "ttxvn/vna", "vtv", "vov", "vtc", "vnews", "vietnamplus", "vietnam+",
        "ttxva", "afp", "ap", "reuters", "xinhua", "tân hoa xã", "kyodo", "yonhap", "bloomberg",
        "bbc", "cnn", "sputnik", "tass", "ria novosti",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_SOURCE_PREFIX = re.compile(r"^(?:theo|nguồn(?:\s+tin)?)\b\s*:?\s*", re.IGNORECASE)
_ROLE_PREFIX = re.compile(
    r"^(?:bài\s*(?:và|,|&|/)\s*ảnh|bài\s*viết|bài|tác\s*giả|thực\s*hiện|nhóm\s*phóng\s*viên"
    r"|nhóm\s*pv|phóng\s*viên|pv|ctv|btv)\b\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
_ROLE_ONLY = re.compile(r"(?:nhóm\s*)?(?:pv|phóng\s*viên|ctv|btv)(?:\s*/\s*\w+)?", re.IGNORECASE)
# Notes after a byline that carry no name: "(tổng hợp)", "(t/h)", "(lược dịch)".
_NOTE = re.compile(r"(?:tổng\s*hợp|t/h|th|lược\s*dịch|dịch|biên\s*dịch)", re.IGNORECASE)
_TRAILING_PARENS = re.compile(r"^(?P<head>.*?)\s*[(\[](?P<inner>[^()\[\]]*)[)\]]\s*\.?$")
_NAME_SEPARATOR = re.compile(r"\s*[-–—,;/&|]\s*|\s+(?:và|and)\s+", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|info)(?:\.vn)?$", re.IGNORECASE)
# A name word: a capital, then letters, with dots for initials ("H.Anh", "T.L").
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|\.(?=[^\W\d_])|\.$|')*$")
# First words that make a line an organisation or a caption, never a person.
_NOT_PERSON_START = frozenset(
    {
        "bộ", "sở", "cục", "vụ", "ban", "viện", "tổng", "ủy", "uỷ", "ubnd", "hội", "báo",
        "tạp", "cổng", "đài", "ảnh", "nguồn", "theo", "video", "clip", "infographic", "tin",
        "bài", "xem", "chia", "tp", "tỉnh", "huyện", "quận", "xã", "phường", "chủ", "giám",
        "thủ", "lãnh", "ông", "bà",
    }
)  # fmt: skip
# Capitalised place names that stand alone on a line (datelines, captions).
_PLACES = frozenset(
    {"việt nam", "hà nội", "đà nẵng", "hải phòng", "cần thơ", "huế", "hồ chí minh",
     "tp hồ chí minh", "tp.hcm", "tphcm", "tp.hồ chí minh"}
)  # fmt: skip
# Lowercase words a source name may start with: "Theo báo Nhân Dân".
_SOURCE_LOWER_START = frozenset({"báo", "tạp", "trang", "cổng", "đài", "kênh", "hãng", "thông"})


def _clean(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _is_agency(text: str) -> bool:
    return text.casefold() in KNOWN_AGENCIES or bool(_DOMAIN.match(text))


def _is_source_name(name: str) -> bool:
    """The part after "Theo"/"Nguồn": a short name, not the start of a sentence."""
    name = name.rstrip(".").strip()
    words = name.split()
    if not words or len(words) > MAX_SOURCE_WORDS or len(name) > 80:
        return False
    if _is_agency(name):
        return True
    if re.search(r"[,;:!?\"“”]", name) or any(char.isdigit() for char in name):
        return False
    first = words[0]
    return first[0].isupper() or first.casefold() in _SOURCE_LOWER_START


def _source_line(text: str) -> str | None:
    """The source as shown ("Theo TTXVN", "TTXVN"), or None when ``text`` is not one."""
    text = text.strip().rstrip(".")
    if _is_agency(text):
        return text
    match = _SOURCE_PREFIX.match(text)
    if match and match.end() < len(text) and _is_source_name(text[match.end() :]):
        return text
    return None


def _is_person_name(name: str) -> bool:
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or name.casefold() in _PLACES:
        return False
    if words[0].casefold().rstrip(".") in _NOT_PERSON_START:
        return False
    return all(word[0].isupper() and _NAME_WORD.match(word) for word in words)


def _strip_role(text: str) -> str:
    for _ in range(2):  # "Bài và ảnh: PV Minh Anh"
        text = _ROLE_PREFIX.sub("", text, count=1).strip()
    return text


def _split_names(text: str) -> list[str]:
    return [part.strip(" .:") for part in _NAME_SEPARATOR.split(text) if part.strip(" .:")]


def parse_attribution(line: str | None) -> tuple[list[str], str | None] | None:
    """(authors, source) when ``line`` is a byline and/or a source attribution, else None.

    "Vũ Lê" -> (["Vũ Lê"], None); "Theo TTXVN" -> ([], "Theo TTXVN");
    "Vũ Lê (Theo TTXVN)" -> (["Vũ Lê"], "Theo TTXVN"); "PV" -> ([], None).
    """
    if not line or not isinstance(line, str):
        return None
    text = _clean(line)
    if not text or len(text) > 2 * MAX_LINE_CHARS:
        return None
    source = _source_line(text)
    if source is not None:
        return [], source
    head, source = text, None
    parens = _TRAILING_PARENS.match(text)
    if parens:
        inner = parens["inner"].strip()
        source = _source_line(inner)
        if source is None and not _NOTE.fullmatch(inner):
            return None
        head = parens["head"].strip()
    authors, head_source = _parse_byline(head)
    if authors is None:
        return None
    if source is None:
        source = head_source
    if not authors and source is None and not _ROLE_ONLY.fullmatch(head):
        return None
    return authors, source


def _parse_byline(head: str) -> tuple[list[str] | None, str | None]:
    """(names, trailing agency) of a byline without parentheses; (None, None) if it is not
    a byline."""
    if len(head) > MAX_LINE_CHARS:
        return None, None
    if _ROLE_ONLY.fullmatch(head):
        return [], None
    names, source = [], None
    for part in _split_names(_strip_role(head)):
        if _is_agency(part):
            source = source or part
        elif _ROLE_ONLY.fullmatch(part):
            continue
        elif _is_person_name(part):
            names.append(part)
        else:
            return None, None
    if len(names) > MAX_NAMES:
        return None, None
    return names, source


def split_authors(text: str | None) -> list[str]:
    """Names from an author field ("Minh Anh - Hoàng Long", "Bài và ảnh: Vũ Lê, Thu Hà").

    More lenient than :func:`parse_attribution` (the field is known to hold authors): role
    prefixes, role labels, agencies, sources in parentheses, e-mail addresses and URLs are
    dropped; duplicates are removed, order kept.
    """
    if not text or not isinstance(text, str):
        return []
    cleaned = _clean(text)
    cleaned = re.sub(r"[(\[][^()\[\]]*[)\]]", " ", cleaned)
    cleaned = re.sub(r"\S+@\S+|https?://\S+", " ", cleaned)
    names: list[str] = []
    for part in _split_names(_strip_role(cleaned)):
        part = _strip_role(part)
        if not part or _ROLE_ONLY.fullmatch(part) or _is_agency(part):
            continue
        if _SOURCE_PREFIX.match(part) or any(char.isdigit() for char in part):
            continue
        if not any(char.isalpha() for char in part):
            continue
        if part not in names:
            names.append(part)
    return names
