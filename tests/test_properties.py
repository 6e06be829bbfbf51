"""Properties of the text, date and byline functions on arbitrary input (hypothesis)."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.extract.dates import fast_parse, parse_date, parse_iso, strip_date_labels
from newscrawler.extract.legacy import TCVN3_TO_UNICODE, VNI_PAIRS, VNI_SINGLES, detect_legacy
from newscrawler.extract.people import parse_attribution, split_authors
from newscrawler.extract.text import is_boilerplate, normalize_paragraphs, normalize_text
from newscrawler.records import VN_TZ

FETCHED = datetime(2025, 10, 22, 9, 30, tzinfo=VN_TZ)
SETTINGS = settings(max_examples=300, deadline=None)

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯƠ"
)
COMBINING = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"
INVISIBLE = "\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u2002\u202f\u3000\t\n "
LEGACY = "".join(TCVN3_TO_UNICODE) + "".join({*"".join(VNI_PAIRS), *VNI_SINGLES})
# UTF-8 Vietnamese read as windows-1252, the other classic mojibake.
CP1252_MOJIBAKE = st.text(alphabet=VIETNAMESE + " ", max_size=30).map(
    lambda s: s.encode("utf-8").decode("cp1252", errors="replace")
)
TEXTS = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=VIETNAMESE + COMBINING + INVISIBLE + LEGACY + "aeouy .,-|", max_size=80),
    st.text(alphabet=VIETNAMESE + " ", max_size=60).map(lambda s: unicodedata.normalize("NFD", s)),
    CP1252_MOJIBAKE,
)
DATE_LIKE = st.from_regex(
    r"(Cập nhật:|Thứ [2-7],|hôm|T[2-7])? ?\d{1,4}[:/.\- |h]\d{1,4}([/.\-]\d{1,4})?"
    r"( \d{1,2}:\d{2})?( (AM|PM|SA|CH))?( trước| qua| kia)?",
    fullmatch=True,
)


@SETTINGS
@given(TEXTS)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert "  " not in once and "\u200b" not in once and "\u00ad" not in once


@SETTINGS
@given(st.text(alphabet=VIETNAMESE + " ,.", min_size=1, max_size=80))
def test_genuine_vietnamese_is_never_legacy(text: str) -> None:
    assert detect_legacy(text) is None
    assert normalize_text(text) == " ".join(text.split())


@SETTINGS
@given(st.lists(TEXTS, max_size=6))
def test_normalize_paragraphs_is_idempotent(paragraphs: list[str]) -> None:
    once = normalize_paragraphs(paragraphs)
    assert normalize_paragraphs(once) == once
    assert all(paragraph and not is_boilerplate(paragraph) for paragraph in once)


@SETTINGS
@given(st.one_of(TEXTS, DATE_LIKE))
def test_parse_date_never_raises(text: str) -> None:
    for month_first in (False, True):
        result = parse_date(text, fetched_at=FETCHED, month_first=month_first)
        assert result is None or (result.utcoffset() == VN_TZ.utcoffset(None)
                                  and 1990 <= result.year <= 2100)  # fmt: skip
    fast = fast_parse(text)
    assert fast is None or fast == parse_date(text, fetched_at=FETCHED)
    parse_iso(text)
    strip_date_labels(text)


@SETTINGS
@given(TEXTS)
def test_parse_attribution_never_raises(text: str) -> None:
    result = parse_attribution(text)
    if result is not None:
        authors, source = result
        assert all(isinstance(name, str) and name for name in authors)
        assert source is None or isinstance(source, str)
    assert all(name for name in split_authors(text))
