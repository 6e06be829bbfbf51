"""Speed of the regex date fast path against dateparser on the common layouts.

Run: ``python -m benchmarks.bench_dates`` (or through ``make bench``, which calls
:func:`run`). Both parsers get the same strings; dateparser gets the settings
``parse_date`` itself uses for its fallback (vi, DMY, Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable
from datetime import datetime

import dateparser

from newscrawler.extract.dates import fast_parse

logger = logging.getLogger(__name__)

# The layouts of research/vn_sites.md §4.3, as they appear on the pages.
SAMPLES = [
    "11:38 | 21/12/2017",
    "Thứ tư, 22/10/2025, 19:25 (GMT+7)",
    "11:38, 21/12/2017",
    "08:39 AM 25/10/2017",
    "21/12/2017 - 11:38",
    "21/12/2017 | 11:38",
    "11:38 ngày 21-12-2017",
    "ngày 5 tháng 3 năm 2024",
    "Thứ sáu 21/09/2018 11:32",
    "21.12.2017",
    "2025-10-22T19:25:00+07:00",
]
DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "RELATIVE_BASE": datetime(2025, 10, 22, 12, 0),
    "PREFER_DAY_OF_MONTH": "first",
}


def _with_dateparser(text: str) -> datetime | None:
    return dateparser.parse(text, languages=["vi"], settings=DATEPARSER_SETTINGS)


def _median_us(parse: Callable[[str], object], text: str, *, calls: int, repeats: int) -> float:
    """Median over ``repeats`` runs of the mean time of one call, in microseconds."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            parse(text)
        timings.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(timings)


def run(*, repeats: int = 7) -> list[dict]:
    """One row per sample: the string, µs per call of each parser, speed-up, and whether
    both parsers agree on the result."""
    for text in SAMPLES:  # warm dateparser's lazy locale loading and regex caches
        _with_dateparser(text)
        fast_parse(text)
    rows = []
    for text in SAMPLES:
        fast_us = _median_us(fast_parse, text, calls=2000, repeats=repeats)
        slow_us = _median_us(_with_dateparser, text, calls=50, repeats=repeats)
        expected = _with_dateparser(text)
        rows.append(
            {
                "benchmark": "dates",
                "text": text,
                "fast_parse_us": round(fast_us, 2),
                "dateparser_us": round(slow_us, 1),
                "speedup": round(slow_us / fast_us, 1),
                "same_result": fast_parse(text) == expected,
            }
        )
    return rows


def to_markdown(rows: list[dict]) -> str:
    lines = [
        "| text | fast_parse µs | dateparser µs | speed-up | same result |",
        "|---|---:|---:|---:|:---:|",
    ]
    for row in rows:
        text = row["text"].replace("|", "\\|")  # a pipe would end the table cell
        lines.append(
            f"| `{text}` | {row['fast_parse_us']:.2f} | {row['dateparser_us']:.1f} "
            f"| {row['speedup']:.0f}× | {'yes' if row['same_result'] else 'NO'} |"
        )
    speedups = [row["speedup"] for row in rows]
    lines.append(f"\nMedian speed-up {statistics.median(speedups):.0f}×, "
                 f"minimum {min(speedups):.0f}×.")  # fmt: skip
    return "\n".join(lines)


if __name__ == "__main__":
    print(to_markdown(run()))
