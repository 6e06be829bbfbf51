"""ValidatePipeline: every record checked against the JSON Schema before export.

Invalid records are not exported; they are kept, with their errors, in
DATA_DIR/rejected/<site>/<run_id>.jsonl and counted, so nothing is silently lost.
Every record is checked by a validator compiled from the schema (fastjsonschema, ~15x
cheaper than jsonschema on a valid record); jsonschema explains only the rejected ones,
listing every error rather than the first.
Field provenance is counted here too: `field/<site>/<field>/<layer>` and
`field/<site>/<field>/missing`, so a drift from selectors to fallbacks shows in numbers.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

import fastjsonschema
from itemadapter import ItemAdapter
from jsonschema import Draft202012Validator
from scrapy.exceptions import DropItem

from newscrawler.export.storage import run_id_from_settings
from newscrawler.items import load_schema

logger = logging.getLogger(__name__)

# The fields whose provenance and coverage are counted.
TRACKED_FIELDS = ("title", "lead", "body", "authors", "source", "published_at",
                  "modified_at", "category", "tags", "images")


class ValidatePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.is_valid, self.validator = article_validators()
        data_dir = Path(crawler.settings.get("NEWSCRAWLER_DATA_DIR")).resolve()
        self.rejected_dir = data_dir / "rejected"
        self.run_id = run_id_from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        record = ItemAdapter(item).asdict()
        site = record.get("site") or "unknown"
        self.count_fields(site, record)
        if self.is_valid(record):
            return item
        errors = sorted(self.validator.iter_errors(record), key=lambda e: list(e.path))
        if not errors:  # the two validators disagree: jsonschema is the reference
            logger.warning("Validation: the compiled schema rejected %s, jsonschema did "
                           "not; exported", record.get("url"))
            return item
        messages = [f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message}" for e in errors]
        for error in errors:
            field = error.path[0] if error.path else "record"
            self.stats.inc_value(f"newscrawler/{site}/rejected/{field}")
        # Per record: a record with two bad fields is one rejection (the monitor's share).
        self.stats.inc_value(f"newscrawler/{site}/rejected_records")
        self.keep_rejected(site, record, messages)
        raise DropItem(f"invalid record {record.get('url')}: {'; '.join(messages)}")

    def count_fields(self, site: str, record: dict) -> None:
        provenance = record.get("provenance") or {}
        for field in TRACKED_FIELDS:
            if record.get(field):
                layer = provenance.get(field, "unknown")
                self.stats.inc_value(f"field/{site}/{field}/{layer}")
            else:
                self.stats.inc_value(f"field/{site}/{field}/missing")

    def keep_rejected(self, site: str, record: dict, messages: list[str]) -> None:
        path = self.rejected_dir / site / f"{self.run_id}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"errors": messages, "record": record}, ensure_ascii=False)
        with path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


@lru_cache(maxsize=1)
def article_validators():
    """(fast yes/no check, jsonschema validator) of the Article schema, built once per
    process: a crawl of ten sites has ten pipelines and one schema."""
    schema = load_schema()
    return compiled_check(schema), Draft202012Validator(schema)


def compiled_check(schema: dict):
    """A fast yes/no validator of `schema`: True when the record is valid."""
    check = fastjsonschema.compile(schema)

    def is_valid(record: dict) -> bool:
        try:
            check(record)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True

    return is_valid
