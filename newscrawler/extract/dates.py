"""Parsing of the publication dates shown on Vietnamese news and government pages.

Order in :func:`parse_date`: labels stripped ("Cập nhật lúc", "(GMT+7)", "Hà Nội, ngày"),
relative phrases against the crawl time ("2 giờ trước", "hôm kia"), the regex fast path
for the layouts in research/vn_sites.md §4.3, a strict "one date in a short label" search,
then dateparser. Day-first always, unless the site is known to be month-first (SharePoint
``%m/%d/%Y %I:%M:%S %p``). Every result is an aware datetime in UTC+7 without
microseconds; anything doubtful gives None, never an exception.
"""

from __future__ import annotations

import calendar
import logging
import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

import dateparser

from newscrawler.records import VN_TZ, now_vn

logger = logging.getLogger(__name__)

MIN_YEAR = 1990
MAX_YEAR = 2100
# dateparser is slow and erratic on long strings; a date label is short.
_DATEPARSER_MAX_CHARS = 120

_INVALID = object()  # the text has a date's shape but impossible values: stop, no fallback

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_LABEL = re.compile(
    r"^(?:ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản|phát\s+hành)|thời\s+gian\s+(?:đăng|cập\s+nhật)"
    r"|cập\s+nhật\s+(?:lúc|ngày|vào)|cập\s+nhật|đăng\s+(?:lúc|ngày|vào)|đăng\s+tải"
    r"|xuất\s+bản\s+(?:lúc|ngày|vào)|xuất\s+bản|last\s+updated|updated|published|posted\s+on"
    r"|posted)\b\s*[:\-|]?\s*",
    re.IGNORECASE,
)
_GMT7 = re.compile(r"\(?\s*\b(?:gmt|utc)\s*\+\s*0?7(?::?00)?\s*\)?", re.IGNORECASE)
# "Hà Nội, ngày 05/3/2024" / "Thứ tư, 22/10/2025": words and a comma before a date.
_DATELINE = re.compile(
    r"^[^\d,|:()]{2,40},\s*(?=ngày\s*\d|\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{2,4})",
    re.IGNORECASE,
)
_EDGE_PUNCT = " ,|-–—:;"

_WEEKDAY = re.compile(
    r"(?:\bthứ\s*(?:hai|ba|tư|bốn|năm|sáu|bảy|bẩy|[2-7])|\bchủ\s*nhật|\bt[2-7]|\bcn)\b\s*[,.]?"
)
_TIME = (
    r"(?P<hour>\d{1,2})\s*(?::|h|\s*giờ\s*)\s*(?P<minute>\d{2})(?:\s*phút)?"
    r"(?:\s*:\s*(?P<second>\d{2}))?'?"
    r"(?:\s*(?P<ampm>am|pm|sa|ch|sáng|chiều|tối)\b)?"
)
_TIME_RE = re.compile(rf"(?<![\d:.]){_TIME}(?![\d:])")
_DMY = re.compile(
    r"(?<![\d.:/\-])(?P<first>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<second>\d{1,2})"
    r"\s?(?P=sep)\s?(?P<year>\d{4}|\d{2})(?![\d.:/\-])"
)
_YMD = re.compile(
    r"(?<![\d.:/\-])(?P<year>\d{4})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?![\d.:/\-])"
)
_TEXT_DATE = re.compile(
    r"(?P<day>\d{1,2})\s*(?:tháng|thg)\s*(?P<month>\d{1,2})\s*(?:năm|,|/|-)?\s*"
    r"(?P<year>\d{4})(?!\d)"
)
# What may surround the date and time of a fast-path string.
_NOISE = re.compile(r"(?:[\s,|\-–—/()\[\].:]|\bngày\b|\blúc\b|\bvào\b|\bhồi\b)*")
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d{1,9})?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def strip_date_labels(text: str | None) -> str:
    """The date text without its labels: "Cập nhật lúc", "Ngày đăng:", "(GMT+7)", a
    leading place or weekday before a comma ("Hà Nội, ngày 05/3/2024" -> "ngày 05/3/2024")
    and stray separators at the ends."""
    if not text:
        return ""
    s = _clean(text)
    lowered = s.lower()
    if "gmt" in lowered or "utc" in lowered:  # cheap tests first: this runs per date field
        s = _GMT7.sub(" ", s)
    if s[:1].isalpha():
        for _ in range(3):  # "Cập nhật: Ngày đăng: ..." on badly templated pages
            stripped = _LABEL.sub("", s.strip(_EDGE_PUNCT))
            if "," in stripped:
                stripped = _DATELINE.sub("", stripped)
            if stripped == s:
                break
            s = stripped
    return _SPACES.sub(" ", s).strip(_EDGE_PUNCT)


def _two_digit_year(year: str) -> int | None:
    value = int(year)
    if len(year) == 4:
        return value
    if value < 70:
        return 2000 + value
    return 1900 + value if value >= 90 else None


def _hour_24(hour: int, ampm: str | None) -> int | None:
    if ampm in ("am", "sa", "sáng"):
        return 0 if hour == 12 else (hour if hour <= 12 else None)
    if ampm in ("pm", "ch", "chiều", "tối"):
        return hour + 12 if hour < 12 else hour
    return hour


def _build(year: int | None, month: int, day: int, time_match: re.Match[str] | None) -> object:
    """An aware datetime, or _INVALID when a value is out of range."""
    hour = minute = second = 0
    if time_match is not None:
        hour_24 = _hour_24(int(time_match["hour"]), time_match["ampm"])
        if hour_24 is None:
            return _INVALID
        hour, minute = hour_24, int(time_match["minute"])
        second = int(time_match["second"] or 0)
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return _INVALID
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)
    except ValueError:
        return _INVALID


def _find_date(s: str, month_first: bool) -> tuple[re.Match[str], int | None, int, int] | None:
    """The first date in ``s``: (match, year, month, day)."""
    match = _DMY.search(s)
    if match:
        first, second = int(match["first"]), int(match["second"])
        month, day = (first, second) if month_first else (second, first)
        return match, _two_digit_year(match["year"]), month, day
    match = _TEXT_DATE.search(s) or _YMD.search(s)
    if match:
        return match, int(match["year"]), int(match["month"]), int(match["day"])
    return None


def _fast(text: str, month_first: bool) -> object:
    """Regex path on a label-free string: datetime, None (not recognised) or _INVALID."""
    s = text.lower()
    if s[:4].isdigit() and s[4:5] == "-":
        return parse_iso(s) or None
    if _LETTER.search(s):
        s = _WEEKDAY.sub(" ", s)
    found = _find_date(s, month_first)
    if found is None:
        return None
    match, year, month, day = found
    rest = f"{s[: match.start()]} {s[match.end() :]}"
    time_match = _TIME_RE.search(rest)
    if time_match:
        rest = f"{rest[: time_match.start()]} {rest[time_match.end() :]}"
    if not _NOISE.fullmatch(rest):
        return None
    return _build(year, month, day, time_match)


def fast_parse(text: str | None) -> datetime | None:
    """The regex path alone (day-first): the common layouts, labels stripped, no
    relative phrases, no dateparser."""
    if not text:
        return None
    result = _fast(strip_date_labels(text), month_first=False)
    return result if isinstance(result, datetime) else None


def parse_iso(text: str | None) -> datetime | None:
    """ISO 8601 ``YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|+07:00|+0700]``, in UTC+7. Without an
    offset the time is taken as Vietnam time."""
    if not text:
        return None
    match = _ISO.fullmatch(text.strip())
    if not match:
        return None
    try:
        moment = datetime(
            int(match["year"]), int(match["month"]), int(match["day"]),
            int(match["hour"] or 0), int(match["minute"] or 0), int(match["second"] or 0),
        )  # fmt: skip
        moment = moment.replace(tzinfo=_parse_offset(match["tz"]))
        moment = moment.astimezone(VN_TZ)
    except (ValueError, OverflowError):
        return None
    return moment if MIN_YEAR <= moment.year <= MAX_YEAR else None


def _parse_offset(offset: str | None) -> timezone:
    if offset is None:
        return VN_TZ
    if offset.upper() == "Z":
        return UTC
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        raise ValueError(f"offset out of range: {offset}")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if offset[0] == "-" else delta)


# --- relative dates ----------------------------------------------------------------------

_AGO = re.compile(r"(?P<count>\d{1,4})\s*(?P<unit>giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*trước")
_JUST_NOW = re.compile(r"(?:vài|mấy)\s*giây\s*trước|vừa\s*(?:xong|mới|đăng)|(?:ngay\s*)?bây\s*giờ")
_LATER_TIME = _TIME.replace("?P<", "?P<later_")
_DAY_WORD = re.compile(
    rf"(?:{_TIME}\s*[,|\-]?\s*)?(?:ngày\s*)?(?P<day_word>hôm\s*(?:nay|qua|kia))"
    rf"(?:\s*[,|\-]?\s*(?:lúc\s*)?{_LATER_TIME})?"
)
_LAST_PERIOD = {"tuần trước": "1 tuần trước", "tháng trước": "1 tháng trước",
                "năm trước": "1 năm trước", "năm ngoái": "1 năm trước"}  # fmt: skip
_DAYS_BACK = {"nay": 0, "qua": 1, "kia": 2}
_UNIT_SECONDS = {"giây": 1, "phút": 60, "giờ": 3600, "tiếng": 3600, "ngày": 86400,
                 "tuần": 7 * 86400}  # fmt: skip


def _crawl_time(fetched_at: datetime | None) -> datetime:
    """The crawl time in UTC+7 (naive values are taken as Vietnam time)."""
    if fetched_at is None:
        return now_vn()
    if fetched_at.tzinfo is None:
        return fetched_at.replace(tzinfo=VN_TZ, microsecond=0)
    return fetched_at.astimezone(VN_TZ).replace(microsecond=0)


def _months_back(moment: datetime, months: int) -> datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _relative(s: str, base: datetime) -> datetime | None:
    """'2 giờ trước', 'hôm kia', 'vừa xong'... against the crawl time. Calendar-day words
    without a time ('hôm qua') give that day's midnight: the hour is unknown."""
    if _JUST_NOW.fullmatch(s):
        return base
    match = _AGO.fullmatch(_LAST_PERIOD.get(s, s))
    if match:
        count, unit = int(match["count"]), match["unit"]
        try:
            if unit == "tháng":
                return _months_back(base, count)
            if unit == "năm":
                return _months_back(base, 12 * count)
            return base - timedelta(seconds=count * _UNIT_SECONDS[unit])
        except (ValueError, OverflowError):
            return None
    match = _DAY_WORD.fullmatch(s)
    if not match:
        return None
    day = base - timedelta(days=_DAYS_BACK[match["day_word"][-3:].strip()])
    prefix = "" if match["hour"] else "later_"
    hour, minute = match[prefix + "hour"], match[prefix + "minute"]
    ampm = match[prefix + "ampm"]
    hour_24 = _hour_24(int(hour), ampm) if hour else 0
    if hour_24 is None or hour_24 > 23 or int(minute or 0) > 59:
        return None
    return day.replace(hour=hour_24, minute=int(minute or 0), second=0)


# --- fallbacks ---------------------------------------------------------------------------

_DIGIT_RUN = re.compile(r"\d+")


def _lone_date(s: str, month_first: bool) -> object:
    """A short label with exactly one full date (4-digit year) and at most one time, and no
    other number: "Cập nhật 21/12/2017 bởi Minh". Other digits (a hotline) make it None."""
    found = _find_date(s, month_first)
    if found is None or len(found[0]["year"]) != 4:
        return None
    match, year, month, day = found
    rest = f"{s[: match.start()]} {s[match.end() :]}"
    time_match = _TIME_RE.search(rest)
    if time_match:
        rest = f"{rest[: time_match.start()]} {rest[time_match.end() :]}"
    if _DIGIT_RUN.search(rest):
        return None
    return _build(year, month, day, time_match)


def _with_dateparser(s: str, base: datetime, month_first: bool) -> datetime | None:
    settings = {
        "DATE_ORDER": "MDY" if month_first else "DMY",
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": base.replace(tzinfo=None),
        "PREFER_DAY_OF_MONTH": "first",
    }
    try:
        result = dateparser.parse(s, languages=["vi"], settings=settings)
    except Exception:  # dateparser has raised on odd input; a date is optional, so move on
        logger.debug("dateparser failed on %r", s, exc_info=True)
        return None
    if result is None or not MIN_YEAR <= result.year <= MAX_YEAR:
        return None
    if result.tzinfo is None:
        result = result.replace(tzinfo=VN_TZ)
    return result.astimezone(VN_TZ).replace(microsecond=0)


def parse_date(
    text: str | None, *, fetched_at: datetime | None = None, month_first: bool = False
) -> datetime | None:
    """The date and time ``text`` shows, as an aware datetime in UTC+7, or None.

    ``fetched_at`` is the crawl time, the base of relative phrases (default: now).
    """
    if not text or not isinstance(text, str):
        return None
    stripped = strip_date_labels(text)
    if not stripped:
        return None
    lowered = stripped.lower()
    if _letters(lowered) and (moment := _relative(lowered, _crawl_time(fetched_at))):
        return moment if MIN_YEAR <= moment.year <= MAX_YEAR else None
    result = _fast(stripped, month_first)
    if result is _INVALID:
        return None
    if result is None:
        result = _lone_date(_WEEKDAY.sub(" ", lowered), month_first)
    if result is _INVALID:
        return None
    if isinstance(result, datetime):
        return result
    # Without letters the regexes are the authority: dateparser reads "0866" as a year
    # and a bare "11:32" as today.
    if not _letters(lowered) or len(stripped) > _DATEPARSER_MAX_CHARS:
        return None
    core = _NOISE.sub("", _WEEKDAY.sub(" ", lowered)).strip()
    if not core or _TIME_RE.fullmatch(core):  # a weekday or a time alone is not a date
        return None
    return _with_dateparser(stripped, _crawl_time(fetched_at), month_first)


def _letters(s: str) -> bool:
    return _LETTER.search(s) is not None
