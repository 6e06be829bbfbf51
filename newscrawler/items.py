"""The Article record: the one item type newscrawler exports.

Field order is export order (Scrapy exports dataclass fields in declaration order).
Every field is documented in README.md and constrained in schemas/article.schema.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

# Fields that come from the page (as opposed to crawl bookkeeping). The replica's ground
# truth is compared on these.
CONTENT_FIELDS = (
    "id", "url", "site", "publisher", "ministry", "title", "lead", "body", "authors",
    "source", "published_at", "modified_at", "published_raw", "category", "tags",
    "images", "attachments", "language", "content_hash", "word_count",
)


@dataclass
class Article:
    id: str | None = None
    url: str | None = None
    site: str | None = None
    publisher: str | None = None
    ministry: str | None = None
    title: str | None = None
    lead: str | None = None
    body: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    published_raw: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    language: str = "vi"
    crawled_at: str | None = None
    content_hash: str | None = None
    word_count: int = 0
    version: int = 1
    # When a change was detected (the crawl time of a version > 1); modified_at is only
    # ever what the page shows.
    changed_at: str | None = None
    duplicate_of: str | None = None
    # field name -> layer that produced it: "selector", "metadata", "fallback"
    provenance: dict[str, str] = field(default_factory=dict)


def load_schema() -> dict[str, Any]:
    """The JSON Schema of an exported Article, shipped as package data."""
    text = resources.files("newscrawler").joinpath("schemas/article.schema.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)
