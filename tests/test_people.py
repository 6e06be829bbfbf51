"""Author bylines and source attributions."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from newscrawler.extract.people import parse_attribution, split_authors

SEED = Path(__file__).parent / "fixtures" / "reference" / "000_fcc801ffa7c6ee77.txt"
SEED_LINES = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
# Everything of the seed but its last line (the byline "Vũ Lê"), blank lines dropped.
SEED_NON_BYLINES = [line for line in SEED_LINES[:-1] if line.strip("\u00a0 ")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Vũ Lê", (["Vũ Lê"], None)),  # the seed's byline
        ("  Vũ  Lê ", (["Vũ Lê"], None)),
        (unicodedata.normalize("NFD", "Vũ Lê"), (["Vũ Lê"], None)),
        ("Minh Anh - Hoàng Long", (["Minh Anh", "Hoàng Long"], None)),
        ("Minh Anh – Hoàng Long", (["Minh Anh", "Hoàng Long"], None)),
        ("Minh Anh, Hoàng Long", (["Minh Anh", "Hoàng Long"], None)),
        ("Thu Hà và Minh Anh", (["Thu Hà", "Minh Anh"], None)),
        ("Nguyễn Thị Quỳnh Anh", (["Nguyễn Thị Quỳnh Anh"], None)),
        ("H.Anh", (["H.Anh"], None)),
        ("Bài và ảnh: Vũ Lê", (["Vũ Lê"], None)),
        ("Bài, ảnh: Thu Hà", (["Thu Hà"], None)),
        ("Tác giả: Hoàng Long", (["Hoàng Long"], None)),
        ("PV Minh Anh", (["Minh Anh"], None)),
        ("Nhóm PV", ([], None)),  # anonymous byline: recognised, no name
        ("PV", ([], None)),
        ("Theo TTXVN", ([], "Theo TTXVN")),
        ("Theo VnExpress", ([], "Theo VnExpress")),
        ("Theo Chinhphu.vn", ([], "Theo Chinhphu.vn")),
        ("Theo báo Nhân Dân", ([], "Theo báo Nhân Dân")),
        ("Nguồn: Bộ Y tế", ([], "Nguồn: Bộ Y tế")),
        ("(Theo Chinhphu.vn)", ([], "Theo Chinhphu.vn")),
        ("Vũ Lê (Theo TTXVN)", (["Vũ Lê"], "Theo TTXVN")),
        ("Minh Anh (TTXVN)", (["Minh Anh"], "TTXVN")),
        ("Minh Anh/TTXVN", (["Minh Anh"], "TTXVN")),
        (
            "Minh Anh - Hoàng Long (Nguồn: Bộ Công Thương)",
            (["Minh Anh", "Hoàng Long"], "Nguồn: Bộ Công Thương"),
        ),
        ("Vũ Lê (tổng hợp)", (["Vũ Lê"], None)),
        # Agencies and domains alone name an organisation: a source, not an author.
        ("TTXVN", ([], "TTXVN")),
        ("VOV", ([], "VOV")),
        ("TTXVN/VNA", ([], "TTXVN/VNA")),
        ("Chinhphu.vn", ([], "Chinhphu.vn")),
    ],
)
def test_parse_attribution(line: str, expected: tuple[list[str], str | None]) -> None:
    assert parse_attribution(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        *SEED_NON_BYLINES,  # every body paragraph, the title, the hotline bar, the caption
        "Toàn cảnh Hội nghị",
        "Ảnh minh họa",
        "Bộ Công Thương",
        "Hà Nội",
        "Việt Nam",
        "Ông Nguyễn Văn A",
        "Theo Bộ Công Thương, năm 2017 xuất khẩu tăng 21%",
        "Theo kế hoạch, hội nghị sẽ diễn ra vào tháng 12",
        "Nguồn: ",
        "Vũ Lê (phát biểu tại hội nghị)",
        "Vũ Lê nói.",
        "11:38 | 21/12/2017",
        "Chia sẻ",
        "",
        "   ",
        None,
    ],
)
def test_parse_attribution_none(line: str | None) -> None:
    assert parse_attribution(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vũ Lê", ["Vũ Lê"]),
        ("Minh Anh - Hoàng Long", ["Minh Anh", "Hoàng Long"]),
        ("Minh Anh, Hoàng Long, Minh Anh", ["Minh Anh", "Hoàng Long"]),
        ("Bài và ảnh: Vũ Lê, Thu Hà", ["Vũ Lê", "Thu Hà"]),
        ("Minh Anh (TTXVN)", ["Minh Anh"]),
        ("Minh Anh; Thu Hà & Hoàng Long", ["Minh Anh", "Thu Hà", "Hoàng Long"]),
        ("PV", []),
        ("Theo Bộ Công Thương, năm 2017 xuất khẩu tăng 21%", []),
        ("TTXVN", []),
        ("Theo TTXVN", []),
        ("admin@congthuong.vn", []),
        ("https://www.facebook.com/someone", []),
        ("", []),
        (None, []),
    ],
)
def test_split_authors(text: str | None, expected: list[str]) -> None:
    assert split_authors(text) == expected
