"""NormalizePipeline: the last word on every text field before validation.

Extraction already normalises what it returns; this pass makes the record's invariants
hold whatever produced it (NFC, clean whitespace, no boilerplate paragraphs, canonical URL,
derived id, hash and word count). It is idempotent: a normalised record passes unchanged.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter

from newscrawler.extract.text import normalize_paragraphs, normalize_text
from newscrawler.records import article_id, content_hash, word_count
from newscrawler.urls import canonicalize_url

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "lead", "source", "published_raw", "category", "publisher", "ministry")


def unique(values) -> list:
    seen, result = set(), []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            result.append(value)
    return result


class NormalizePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        for name in TEXT_FIELDS:
            if adapter.get(name) is not None:
                adapter[name] = normalize_text(adapter[name]) or None
        body = adapter.get("body") or ""
        adapter["body"] = "\n\n".join(normalize_paragraphs(body.split("\n\n")))
        adapter["authors"] = unique(normalize_text(a) for a in adapter.get("authors") or [])
        adapter["tags"] = unique(normalize_text(t) for t in adapter.get("tags") or [])
        adapter["images"] = [normalize_media(i, "caption") for i in adapter.get("images") or []]
        adapter["attachments"] = [
            normalize_media(a, "title") for a in adapter.get("attachments") or []
        ]
        spider = self.crawler.spider
        rules = getattr(spider, "url_rules", None)
        if rules is None:
            adapter["url"] = canonicalize_url(adapter["url"])
        else:
            adapter["url"] = canonicalize_url(adapter["url"], fold_www=rules.fold_www,
                                              force_https=rules.force_https)
        adapter["id"] = article_id(adapter["site"], adapter["url"],
                                   getattr(spider, "article_key_pattern", None))
        adapter["content_hash"] = content_hash(adapter.get("title"), adapter["body"])
        adapter["word_count"] = word_count(adapter["body"])
        return item


def normalize_media(entry: dict, text_key: str) -> dict:
    text = normalize_text(entry.get(text_key)) or None
    return {"url": entry["url"], text_key: text}
