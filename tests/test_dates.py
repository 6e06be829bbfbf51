"""Dates as Vietnamese news and government pages show them (research/vn_sites.md §4.3-4.4)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from newscrawler.extract.dates import fast_parse, parse_date, parse_iso, strip_date_labels
from newscrawler.records import VN_TZ

# The crawl time every relative date is computed from: Wednesday 22 Oct 2025, 09:30 (+07).
FETCHED = datetime(2025, 10, 22, 9, 30, 0, tzinfo=VN_TZ)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


# Layouts seen on real sites (§4.3) and docbao's pattern list: all handled by the fast path.
FAST_PATH_CASES = [
    ("11:38 | 21/12/2017", vn(2017, 12, 21, 11, 38)),  # MasterCMS: the seed page
    ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", vn(2025, 10, 22, 19, 25)),  # VnExpress fixture
    ("Thứ Sáu, 21/9/2018, 11:32 (GMT+7)", vn(2018, 9, 21, 11, 32)),
    ("11:38, 21/12/2017", vn(2017, 12, 21, 11, 38)),  # old baochinhphu
    ("11:38 21/12/2017", vn(2017, 12, 21, 11, 38)),
    ("08:39 AM 25/10/2017", vn(2017, 10, 25, 8, 39)),  # cema
    ("08:39 PM 25/10/2017", vn(2017, 10, 25, 20, 39)),
    ("12:05 AM 25/10/2017", vn(2017, 10, 25, 0, 5)),
    ("21/12/2017 - 11:38", vn(2017, 12, 21, 11, 38)),  # haiphong.gov.vn
    ("21-12-2017 - 11:38", vn(2017, 12, 21, 11, 38)),
    ("21/12/2017 | 11:38", vn(2017, 12, 21, 11, 38)),
    ("11:38 ngày 21-12-2017", vn(2017, 12, 21, 11, 38)),
    ("11:38' 21/12/2017", vn(2017, 12, 21, 11, 38)),
    ("lúc 11:38 ngày 21/12/2017", vn(2017, 12, 21, 11, 38)),
    ("ngày 5 tháng 3 năm 2024", vn(2024, 3, 5)),
    ("Ngày 21 tháng 12 năm 2017", vn(2017, 12, 21)),
    ("ngày 5 tháng 3, 2024", vn(2024, 3, 5)),
    ("ngày 5 tháng 3 , 2024", vn(2024, 3, 5)),
    ("21 thg 12 2017", vn(2017, 12, 21)),
    ("Thứ Năm, 21 tháng 12 năm 2017", vn(2017, 12, 21)),
    ("NGÀY 5 THÁNG 3, 2024 | 10:20", vn(2024, 3, 5, 10, 20)),
    ("Thứ sáu 21/09/2018 11:32", vn(2018, 9, 21, 11, 32)),
    ("Chủ nhật, 23/09/2018", vn(2018, 9, 23)),
    ("Thứ 6, 21/09/2018", vn(2018, 9, 21)),
    ("T6, 21/09/2018", vn(2018, 9, 21)),  # dateparser alone fails on "T6"
    ("CN, 23/09/2018 08:00", vn(2018, 9, 23, 8, 0)),
    ("Chủ nhật, 23/09/2018 08:00 SA", vn(2018, 9, 23, 8, 0)),
    ("21-12-2017", vn(2017, 12, 21)),
    ("21.12.2017", vn(2017, 12, 21)),
    ("21/12/2017", vn(2017, 12, 21)),
    ("1/2/2018", vn(2018, 2, 1)),
    ("21/12/17", vn(2017, 12, 21)),
    ("21.12.05", vn(2005, 12, 21)),
    ("11h30 21/12/2017", vn(2017, 12, 21, 11, 30)),
    ("21/12/2017 11:38:45", vn(2017, 12, 21, 11, 38, 45)),
    ("2017/12/21 11:38", vn(2017, 12, 21, 11, 38)),
    ("2017-12-21T11:38:00+07:00", vn(2017, 12, 21, 11, 38)),
    ("2017-12-21T11:38:00+0700", vn(2017, 12, 21, 11, 38)),
    ("2017-12-21T04:38:00Z", vn(2017, 12, 21, 11, 38)),
    ("2017-12-21 11:38", vn(2017, 12, 21, 11, 38)),
    # Labels stripped first (dateparser alone returns None on these).
    ("Cập nhật lúc 11:38 21/12/2017", vn(2017, 12, 21, 11, 38)),
    ("Cập nhật: 21/12/2017 11:38", vn(2017, 12, 21, 11, 38)),
    ("Cập nhật 11:38 | 21/12/2017", vn(2017, 12, 21, 11, 38)),
    ("Ngày đăng: 21/12/2017", vn(2017, 12, 21)),
    ("Ngày cập nhật: 21/12/2017", vn(2017, 12, 21)),
    ("Đăng lúc 11:38 (GMT+7) ngày 21/12/2017", vn(2017, 12, 21, 11, 38)),
    ("Đăng ngày 21/12/2017", vn(2017, 12, 21)),
    ("Xuất bản 21/12/2017 11:38", vn(2017, 12, 21, 11, 38)),
    ("Ngày xuất bản: 21/12/2017", vn(2017, 12, 21)),
    ("21/12/2017 11:38 GMT+7", vn(2017, 12, 21, 11, 38)),
    ("Hà Nội, ngày 05/3/2024", vn(2024, 3, 5)),
    ("TP Hồ Chí Minh, 05/03/2024", vn(2024, 3, 5)),
    # Day-first always: 05/06/2018 is 5 June (dateparser without "vi" says 6 May).
    ("05/06/2018", vn(2018, 6, 5)),
    ("05.06.2018 07:00", vn(2018, 6, 5, 7, 0)),
    (unicodedata.normalize("NFD", "Thứ tư, 22/10/2025, 19:25"), vn(2025, 10, 22, 19, 25)),
    ("  \u00a011:38\u00a0|\u00a021/12/2017 ", vn(2017, 12, 21, 11, 38)),
]


@pytest.mark.parametrize(("text", "expected"), FAST_PATH_CASES)
def test_fast_parse(text: str, expected: datetime) -> None:
    result = fast_parse(text)
    assert result == expected
    assert result.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(("text", "expected"), FAST_PATH_CASES)
def test_parse_date_agrees_with_fast_path(text: str, expected: datetime) -> None:
    assert parse_date(text, fetched_at=FETCHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0866.59.4498",  # the seed's hotline digits (dateparser's search_dates saw years)
        "0866",
        "4498",
        "Đường dây nóng: 0866.59.4498 - Thứ sáu 21/09/2018 11:32",  # a clock bar, not a date
        "0866 59 4498",
        "11:32",  # time only
        "11:32 (GMT+7)",
        "Thứ Hai",  # weekday only
        "31/02/2018",  # impossible day
        "29/02/2019",
        "25/13/2017",  # month 13
        "24:00 21/12/2017",  # hour 24
        "11:60 21/12/2017",
        "13:00 AM 21/12/2017",  # 13 o'clock in the morning
        "3/25/2019 10:20:30 AM",  # month-first is not guessed: needs month_first=True
        "21/12/1985",  # before 1990
        "21/12/85",
        "01/01/2101",
        "2017-13-01",
        "2017-12-21T25:38:00",
        "2017-12-21T11:38:00+25:00",
        "12.5",
        "1/2/3",
        "2018",
        "200 năm trước",  # before 1990
        "99999 ngày trước",
        "Bộ Công Thương",
        "Vũ Lê",
        "",
        "   ",
        None,
    ],
)
def test_parse_date_none(text: str | None) -> None:
    assert parse_date(text, fetched_at=FETCHED) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 phút trước", FETCHED - timedelta(minutes=5)),
        ("30 giây trước", FETCHED - timedelta(seconds=30)),
        ("2 giờ trước", FETCHED - timedelta(hours=2)),
        ("2 tiếng trước", FETCHED - timedelta(hours=2)),
        ("3 ngày trước", FETCHED - timedelta(days=3)),
        ("1 tuần trước", FETCHED - timedelta(days=7)),
        ("3 tháng trước", vn(2025, 7, 22, 9, 30)),
        ("2 năm trước", vn(2023, 10, 22, 9, 30)),
        ("vài giây trước", FETCHED),  # dateparser fails on this one
        ("vừa xong", FETCHED),
        ("hôm nay", vn(2025, 10, 22)),
        ("Hôm nay, 08:15", vn(2025, 10, 22, 8, 15)),
        ("hôm qua", vn(2025, 10, 21)),
        ("10:20 hôm qua", vn(2025, 10, 21, 10, 20)),
        ("hôm qua lúc 10:20", vn(2025, 10, 21, 10, 20)),
        ("hôm kia", vn(2025, 10, 20)),  # dateparser fails on this one
        ("HÔM KIA", vn(2025, 10, 20)),
        ("tuần trước", FETCHED - timedelta(days=7)),
        ("tháng trước", vn(2025, 9, 22, 9, 30)),
        ("năm ngoái", vn(2024, 10, 22, 9, 30)),
        ("Cập nhật: 2 giờ trước", FETCHED - timedelta(hours=2)),
        ("Cập nhật lúc 10:20 hôm qua", vn(2025, 10, 21, 10, 20)),
    ],
)
def test_relative_dates(text: str, expected: datetime) -> None:
    assert parse_date(text, fetched_at=FETCHED) == expected
    assert fast_parse(text) is None  # the fast path has no crawl time


@pytest.mark.parametrize(
    ("fetched_at", "expected"),
    [
        (datetime(2025, 3, 31, 12, 0, tzinfo=VN_TZ), vn(2025, 2, 28, 12, 0)),  # clamped
        (datetime(2024, 3, 31, 12, 0, tzinfo=VN_TZ), vn(2024, 2, 29, 12, 0)),  # leap year
        (datetime(2025, 1, 15, 12, 0, tzinfo=VN_TZ), vn(2024, 12, 15, 12, 0)),
        (datetime(2025, 3, 31, 12, 0), vn(2025, 2, 28, 12, 0)),  # naive = Vietnam time
        (datetime(2025, 3, 31, 20, 0, tzinfo=UTC), vn(2025, 3, 1, 3, 0)),  # 1 Apr 03:00 +07
    ],
)
def test_month_arithmetic_and_crawl_time_zone(fetched_at: datetime, expected: datetime) -> None:
    assert parse_date("1 tháng trước", fetched_at=fetched_at) == expected


def test_relative_default_base_is_now() -> None:
    before = datetime.now(VN_TZ).replace(microsecond=0)
    result = parse_date("vừa xong")
    after = datetime.now(VN_TZ)
    assert result is not None and before <= result <= after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/06/2018", vn(2018, 5, 6)),
        ("3/25/2019 10:20:30 AM", vn(2019, 3, 25, 10, 20, 30)),  # SharePoint style
        ("12/1/2019 3:05:00 PM", vn(2019, 12, 1, 15, 5)),
        ("25/3/2019", None),
    ],
)
def test_month_first(text: str, expected: datetime | None) -> None:
    assert parse_date(text, fetched_at=FETCHED, month_first=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Beyond the fast path: the strict "one date in a label" search, then dateparser.
        ("Cập nhật 21/12/2017 bởi Minh Anh", vn(2017, 12, 21)),
        ("ngày 21 tháng mười hai năm 2017", vn(2017, 12, 21)),
    ],
)
def test_fallbacks(text: str, expected: datetime) -> None:
    assert fast_parse(text) is None
    assert parse_date(text, fetched_at=FETCHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-12-21T11:38:00+07:00", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T11:38:00+0700", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T11:38:00+07", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T04:38:00Z", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T04:38:00.123456Z", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T05:38:00+01:00", vn(2017, 12, 21, 11, 38)),
        ("2017-12-20T23:38:00-05:00", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T11:38", vn(2017, 12, 21, 11, 38)),  # no offset: Vietnam time
        ("2017-12-21", vn(2017, 12, 21)),
        (" 2017-12-21T11:38:00+07:00 ", vn(2017, 12, 21, 11, 38)),
        ("2017-12-21T11:38:00+07:99", None),
        ("2017-02-30", None),
        ("21/12/2017", None),
        ("1800-01-01", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_iso(text: str | None, expected: datetime | None) -> None:
    assert parse_iso(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cập nhật lúc 11:38 21/12/2017", "11:38 21/12/2017"),
        ("Cập nhật: 21/12/2017", "21/12/2017"),
        ("Ngày đăng: 21/12/2017", "21/12/2017"),
        ("Đăng lúc: 11:38", "11:38"),
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", "22/10/2025, 19:25"),
        ("Hà Nội, ngày 05/3/2024", "ngày 05/3/2024"),
        ("| 11:38 | 21/12/2017 |", "11:38 | 21/12/2017"),
        ("ngày 5 tháng 3, 2024", "ngày 5 tháng 3, 2024"),
        ("hôm qua, 10:20", "hôm qua, 10:20"),  # no date after the comma: nothing to strip
        ("Bộ Công Thương", "Bộ Công Thương"),
        (None, ""),
    ],
)
def test_strip_date_labels(text: str | None, expected: str) -> None:
    assert strip_date_labels(text) == expected
