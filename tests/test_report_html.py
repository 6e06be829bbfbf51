"""The HTML run report: content, escaping, robustness, structure."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from newscrawler.export.report_html import render_report, write_report

VOID = {"meta", "br", "hr", "img", "input", "link"}
HOSTILE = '<script>alert("x")</script>'


class PageParser(HTMLParser):
    """Checks that tags nest and close, and collects table rows and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.seen: dict[str, int] = {}
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.cell = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if tag in ("td", "th"):
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    assert parser.problems == []
    assert parser.stack == []
    return parser


def field_stats(site: str, counts: dict[str, dict[str, int]]) -> dict[str, int]:
    return {f"field/{site}/{name}/{layer}": value
            for name, layers in counts.items() for layer, value in layers.items()}


@pytest.fixture
def summary() -> dict:
    congthuong_stats = {
        **field_stats("congthuong", {
            "title": {"selector": 190, "metadata": 8, "fallback": 2},
            "published_at": {"metadata": 150, "selector": 40, "missing": 10},
            "authors": {"selector": 120, "missing": 80},
        }),
        "newscrawler/congthuong/articles/new": 170,
        "newscrawler/congthuong/articles/updated": 30,
        "newscrawler/congthuong/duplicates/near_duplicate": 7,
        "newscrawler/congthuong/duplicates/unchanged": 412,
        "newscrawler/congthuong/rejected/title": 3,
        "newscrawler/congthuong/errors": 5,
    }
    return {
        "run_id": "20261126T143200-3f9a",
        "items": 200,
        "verdict": {"ok": False, "reasons": ["moit: 0 articles, 12 errors",
                                             f"title coverage fell {HOSTILE}"]},
        "sites": {
            "congthuong": {
                "items": 200, "items_dropped": 422, "pages": 1234, "errors": 5,
                "failures": [
                    {"url": "https://congthuong.vn/a-1.html", "reason": "HTTP 503"},
                    {"url": "https://congthuong.vn/a-2.html", "reason": "HTTP 503"},
                    {"url": f"https://congthuong.vn/?q={HOSTILE}", "reason": "HTTP 404"},
                ],
                "finish_reason": "finished", "started_at": "2026-11-26T14:32:00+07:00",
                "finished_at": "2026-11-26T15:34:05+07:00", "duration_s": 3725.0,
                "files": [{"path": "data/articles/congthuong/2026-11-26/x.jsonl",
                           "items": 200}],
                "stats": congthuong_stats,
            },
            "moit": {
                "items": 0, "pages": 12, "errors": 12, "duration_s": 42.5,
                "failures": [{"url": "https://moit.gov.vn/", "reason":
                              "DNS lookup failed for moit.gov.vn"}] * 12,
                "files": [], "stats": {}, "verdict": {"ok": False, "reasons": ["no article"]},
            },
            HOSTILE: {"items": 1, "stats": field_stats(HOSTILE, {"title": {"selector": 1}})},
        },
    }


def test_page_shows_verdict_sites_and_numbers(summary: dict) -> None:
    page = parse(render_report(summary))
    text = " ".join(" ".join(page.text).split())
    assert "Verdict: FAILED" in text
    assert "moit: 0 articles, 12 errors" in text
    for site in ("congthuong", "moit", HOSTILE):
        assert site in text
    assert ["pages fetched", "1,234"] in page.rows
    assert ["articles new", "170"] in page.rows
    assert ["articles updated", "30"] in page.rows
    assert ["duration", "1 h 02 min"] in page.rows
    assert ["near_duplicate", "7"] in page.rows and ["unchanged", "412"] in page.rows
    assert ["title", "3"] in page.rows  # validation drops by field
    assert ["503", "2"] in page.rows and ["404", "1"] in page.rows
    assert ["DNS lookup failed for moit.gov.vn", "12", "https://moit.gov.vn/"] in page.rows
    assert "3 of 5 failures listed." in text


def test_field_coverage_and_provenance(summary: dict) -> None:
    page = parse(render_report(summary))
    header = ["field", "coverage", "selector", "metadata", "fallback", "unknown", "missing"]
    assert header in page.rows
    assert ["title", "100 %", "190", "8", "2", "0", "0"] in page.rows
    assert ["published_at", "95 %", "40", "150", "0", "0", "10"] in page.rows
    assert ["authors", "60 %", "120", "0", "0", "0", "80"] in page.rows
    # One chart per site that has field counts; one bar segment per non-zero layer.
    assert page.seen["svg"] == 2
    assert page.seen["rect"] == 3 + 3 + 2 + 1


def test_untrusted_values_are_escaped(summary: dict) -> None:
    page = render_report(summary)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    # Self-contained: nothing fetched from elsewhere.
    assert "src=" not in page and "<link" not in page and "url(" not in page


@pytest.mark.parametrize("minimal", [
    {},
    {"run_id": "r1", "sites": {}},
    {"run_id": "r1", "sites": {"congthuong": {}}},
    {"run_id": "r1", "sites": {"congthuong": {"stats": [], "failures": {"x": 1}, "files": None,
                                              "duration_s": "soon", "verdict": "ok"}}},
    {"sites": ["not", "a", "dict"], "verdict": {"reasons": None}},
])
def test_older_or_minimal_summaries_render(minimal: dict) -> None:
    page = parse(render_report(minimal))
    text = " ".join(page.text)
    assert "Verdict: not recorded" in text
    if minimal.get("sites") and isinstance(minimal["sites"], dict):
        assert ["pages fetched", "n/a"] in page.rows


def test_verdict_ok_with_no_reasons() -> None:
    page = render_report({"run_id": "r1", "verdict": {"ok": True, "reasons": []}, "sites": {}})
    assert 'class="verdict ok"><strong>Verdict: OK</strong></div>' in page


def test_write_report(summary: dict, tmp_path: Path) -> None:
    path = write_report(summary, tmp_path / "runs" / "r.html")
    assert path.read_text(encoding="utf-8") == render_report(summary)
    assert [p.name for p in path.parent.iterdir()] == ["r.html"]
