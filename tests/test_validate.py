"""ValidatePipeline: valid records pass, invalid ones are kept with their errors and counted.

The pipeline checks each record with a validator compiled from the schema and asks
jsonschema only to explain a rejection; the property test holds the two to the same
verdict on records mutated the ways a broken extraction would break them.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawler.items import load_schema
from newscrawler.pipelines.validate import ValidatePipeline, compiled_check
from newscrawler.replica.truth import truth_records

CRAWL_FIELDS = {"crawled_at": "2026-01-01T00:00:00+07:00", "version": 1,
                "provenance": {"title": "selector", "body": "metadata"}, "duplicate_of": None}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [{**record, **CRAWL_FIELDS} for record in truth_records("congthuong", 20)]


@pytest.fixture
def pipeline(tmp_path) -> ValidatePipeline:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_DATA_DIR": str(tmp_path),
                                         "NEWSCRAWLER_RUN_ID": "run1"})
    crawler.stats.open_spider()
    return ValidatePipeline.from_crawler(crawler)


def test_valid_records_pass_and_their_fields_are_counted(pipeline, records):
    for record in records:
        assert pipeline.process_item(dict(record)) == record
    stats = pipeline.stats.get_stats()
    assert stats["field/congthuong/title/selector"] == len(records)
    assert stats["field/congthuong/body/metadata"] == len(records)
    assert stats["field/congthuong/tags/missing"] == sum(not r["tags"] for r in records)


def test_an_invalid_record_is_kept_with_every_error_and_counted(pipeline, records, tmp_path):
    broken = {**records[0], "published_at": "21/12/2017", "title": "", "extra": 1}
    with pytest.raises(DropItem, match="invalid record"):
        pipeline.process_item(broken)
    kept = [json.loads(line) for line in
            (tmp_path / "rejected" / "congthuong" / "run1.jsonl").read_text().splitlines()]
    assert len(kept) == 1 and kept[0]["record"] == broken
    errors = " | ".join(kept[0]["errors"])
    assert "published_at" in errors and "title" in errors and "extra" in errors
    stats = pipeline.stats.get_stats()
    assert stats["newscrawler/congthuong/rejected/published_at"] == 1
    assert stats["newscrawler/congthuong/rejected/title"] == 1


BREAKAGES = st.one_of(
    st.tuples(st.sampled_from(["title", "body", "url", "id", "site", "published_at",
                               "crawled_at", "content_hash", "language", "lead"]),
              st.one_of(st.none(), st.text(max_size=30), st.integers(-2, 2),
                        st.just("2017-12-21T11:38:00+07:00"), st.just("https://x.vn/a"))),
    st.tuples(st.sampled_from(["authors", "tags"]),
              st.one_of(st.lists(st.text(max_size=5), max_size=2), st.text(max_size=3))),
    st.tuples(st.sampled_from(["word_count", "version"]),
              st.one_of(st.integers(-3, 3), st.floats(allow_nan=False), st.text(max_size=2))),
    st.tuples(st.just("images"),
              st.lists(st.fixed_dictionaries({}, optional={
                  "url": st.one_of(st.text(max_size=5), st.none()),
                  "caption": st.one_of(st.none(), st.integers()),
                  "alt": st.text(max_size=2)}), max_size=2)),
    st.tuples(st.just("provenance"),
              st.dictionaries(st.sampled_from(["title", "body"]),
                              st.sampled_from(["selector", "metadata", "fallback", "guess"]))),
    st.tuples(st.just("unexpected"), st.integers()),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(BREAKAGES, min_size=1, max_size=3), st.integers(0, 19), st.booleans())
def test_the_compiled_check_agrees_with_jsonschema(records, breakages, which, drop_one):
    schema = load_schema()
    reference = jsonschema.Draft202012Validator(schema)
    is_valid = compiled_check(schema)
    record = dict(records[which])
    for field, value in breakages:
        record[field] = value
    if drop_one:
        record.pop(breakages[0][0], None)
    assert is_valid(record) == reference.is_valid(record)
