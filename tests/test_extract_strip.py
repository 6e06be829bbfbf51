"""The `"<key>:strip"` selector rule (docs/internals.md, extract/chain.py): a prefix regex cut
off the texts of one field, for text its selector cannot leave out (a sapo's dateline)."""

from __future__ import annotations

import logging

from scrapy.http import HtmlResponse

from newscrawler.extract import extract_article
from newscrawler.monitors import drift_fields
from newscrawler.records import now_vn

PAGE = ('<html><body><h1 class="t">(Tin) Tiêu đề bài</h1><h2 class="s">(Báo) – Sáng nay, hội '
        'nghị Việt Nam - Lào khai mạc tại Hà Nội với nhiều nội dung.</h2><div class="b"><p>'
        "Nội dung bài viết.</p></div></body></html>")


def extract(selectors: dict[str, str]):
    response = HtmlResponse(url="https://example.vn/a-1.htm", body=PAGE.encode("utf-8"))
    return extract_article(response, selectors, fetched_at=now_vn()).fields


def test_prefix_is_cut_from_its_field_only_and_only_at_the_start():
    fields = extract({"title": "h1.t", "lead": "h2.s", "body": "div.b",
                      "lead:strip": r"\(Báo\)\s*[-–]?\s*"})
    assert fields["lead"] == ("Sáng nay, hội nghị Việt Nam - Lào khai mạc tại Hà Nội với "
                              "nhiều nội dung.")
    assert fields["title"] == "(Tin) Tiêu đề bài"


def test_a_pattern_that_does_not_match_leaves_the_text_and_a_bad_one_is_logged(caplog):
    kept = extract({"lead": "h2.s", "lead:strip": r"\(Khác\)"})["lead"]
    assert kept.startswith("(Báo) – Sáng nay")
    with caplog.at_level(logging.WARNING):
        assert extract({"lead": "h2.s", "lead:strip": r"(unclosed"})["lead"] == kept
    assert "Bad strip pattern" in caplog.text


def test_strip_rules_are_no_fields_for_the_drift_monitor():
    class Spider:
        selectors = {"title": "h1", "lead": "h2", "lead:strip": "x", "tags": "a"}
    assert drift_fields(Spider()) == ["title", "lead"]
