"""Extraction over every stored page fixture, against its expected record.

Fixtures live in tests/fixtures/sites/<site>/<name>.html.gz + <name>.json and are made by
`newscrawler fixture record` (the expected record comes from the replica's ground truth).
Each site must have at least three.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract import extract_article
from newscrawler.records import now_vn
from newscrawler.replica import REPLICA_SITES
from newscrawler.runner import spider_loader

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "sites"
FIXTURES = sorted(FIXTURE_DIR.glob("*/*.json"))


def test_every_site_has_three_fixtures():
    per_site = Counter(path.parent.name for path in FIXTURES)
    assert {site: per_site[site] for site in REPLICA_SITES if per_site[site] < 3} == {}


@pytest.mark.parametrize("fixture_path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_extraction_matches_expected_record(fixture_path: Path):
    fixture = json.loads(fixture_path.read_text(encoding="utf-8"))
    body = gzip.decompress(fixture_path.with_suffix(".html.gz").read_bytes())
    spider_cls = spider_loader().load(fixture["site"])
    response = HtmlResponse(url=fixture["url"], body=body)
    if hasattr(spider_cls, "api_page"):  # an API site (mof): its stored JSON answer
        response = spider_cls.api_page(response, reader=fixture["url"])
    fields = extract_article(response, spider_cls.selectors or None, fetched_at=now_vn(),
                             month_first=spider_cls().month_first_for(response)).fields
    for field, expected in fixture["expected"].items():
        assert fields.get(field) == expected, field
