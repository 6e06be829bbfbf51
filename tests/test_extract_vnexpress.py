"""The extraction chain on a real saved page: VnExpress, 2025-10-22 (fundus fixture, MIT).

Expectations come from the fixture's own expected.fundus.json, not from this code."""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import VN_TZ

# A real vnexpress.net page (MIT, see fixtures/reference/README.md).
FIXTURE_DIR = Path(__file__).parent / "fixtures" / "reference"
PAGE = "VnExpress_2025_10_22.html.gz"
FETCHED_AT = datetime(2025, 10, 22, 21, 57, tzinfo=VN_TZ)
SELECTORS = {
    "title": "h1.title-detail",
    "lead": "p.description",
    "published": "span.date",
    "body": "article.fck_detail",
    "authors": "article.fck_detail p[style*='text-align:right'] strong",
}


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((FIXTURE_DIR / "expected.fundus.json").read_text(encoding="utf-8"))["V1"]


@pytest.fixture(scope="module")
def response() -> HtmlResponse:
    url = json.loads((FIXTURE_DIR / "meta.json").read_text(encoding="utf-8"))[PAGE]["url"]
    body = gzip.decompress((FIXTURE_DIR / PAGE).read_bytes())
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def _body_paragraphs_without_caption(expected: dict) -> list[str]:
    caption_start = expected["images"][0]["caption"]
    paragraphs = [p for section in expected["body"]["sections"] for p in section["paragraphs"]]
    kept = [p for p in paragraphs if not p.startswith(caption_start)]
    assert len(kept) == len(paragraphs) - 1  # the fixture holds exactly one caption paragraph
    return kept


@pytest.mark.parametrize("selectors", [None, SELECTORS], ids=["generic", "site-selectors"])
def test_vnexpress_fields(response, expected, selectors):
    extraction = extract_article(response, selectors, fetched_at=FETCHED_AT)
    fields = extraction.fields
    assert fields["title"] == expected["title"]
    assert fields["authors"] == expected["authors"]
    assert fields["lead"] == expected["body"]["summary"][0]
    assert fields["body"].split("\n\n") == _body_paragraphs_without_caption(expected)
    assert fields["canonical_url"] == response.url


def test_vnexpress_generic_dates_and_provenance(response, expected):
    extraction = extract_article(response, None, fetched_at=FETCHED_AT)
    published = datetime.fromisoformat(expected["publishing_date"])
    assert extraction.fields["published_at"] == published.isoformat()
    assert extraction.fields["published_at"] == "2025-10-22T19:25:52+07:00"
    assert extraction.fields["published_raw"] == "2025-10-22T19:25:52+07:00"
    assert extraction.provenance["published_at"] == "metadata"
    assert extraction.provenance["body"] == "fallback"
    assert extraction.provenance["authors"] == "fallback"  # the JSON-LD author is an Organization


def test_vnexpress_caption_goes_to_images_not_body(response, expected):
    caption_start = expected["images"][0]["caption"]
    for selectors in (None, SELECTORS):
        fields = extract_article(response, selectors, fetched_at=FETCHED_AT).fields
        assert caption_start not in fields["body"]
        captions = [image["caption"] for image in fields["images"]]
        assert any(caption and caption.startswith(caption_start) for caption in captions)
        assert all(image["url"].startswith("https://") for image in fields["images"])


def test_vnexpress_site_selectors_win(response):
    extraction = extract_article(response, SELECTORS, fetched_at=FETCHED_AT)
    for name in ("title", "lead", "body", "authors", "published_at", "published_raw"):
        assert extraction.provenance[name] == "selector", name
    # The page shows minutes only; the shown text is kept as published_raw.
    assert extraction.fields["published_at"] == "2025-10-22T19:25:00+07:00"
    assert extraction.fields["published_raw"] == "Thứ tư, 22/10/2025, 19:25 (GMT+7)"
    assert extraction.fields["modified_at"] == "2025-10-22T19:25:52+07:00"
    assert extraction.provenance["modified_at"] == "metadata"
