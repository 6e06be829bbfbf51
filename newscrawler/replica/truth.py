"""Ground truth of a replica site: the record the crawler should export for each article.

Computed from the corpus data the pages are rendered from, never by parsing the pages, and
with the same derivations as the pipelines (`newscrawler.records`), so that truth and
output agree when, and only when, the crawler extracted the same content.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

from newscrawler import records
from newscrawler.items import CONTENT_FIELDS
from newscrawler.replica import load_site
from newscrawler.replica.corpus import ReplicaArticle

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str | None:
    """The record's text form (docs/internals.md, `normalize_text`): NFC, no-break and
    other spaces folded to one space, stripped. Corpus text only needs this much."""
    if text is None:
        return None
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def truth_record(site: Any, article: ReplicaArticle) -> dict[str, Any]:
    """The expected exported record of one article, with exactly `CONTENT_FIELDS`."""
    spec = site.spec
    title = clean(article.title)
    body = "\n\n".join(clean(paragraph) for paragraph in article.paragraphs)
    record = {
        "id": records.article_id(spec.key, article.url, spec.article_key_pattern),
        "url": article.url,
        "site": spec.key,
        "publisher": spec.publisher,
        "ministry": spec.ministry_at(article.published),
        "title": title,
        "lead": clean(article.lead),
        "body": body,
        "authors": [clean(author) for author in article.authors],
        "source": clean(article.source),
        "published_at": records.iso_vn(article.published),
        "modified_at": records.iso_vn(article.modified) if site.shows_modified else None,
        "published_raw": site.published_raw(article),
        "category": clean(article.category_name),
        "tags": [clean(tag) for tag in article.tags],
        "images": [
            {"url": image["url"], "caption": clean(image.get("caption"))}
            for image in article.images
        ],
        "attachments": [
            {"url": item["url"], "title": clean(item.get("title"))}
            for item in article.attachments
        ],
        "language": "vi",
        "content_hash": records.content_hash(title, body),
        "word_count": records.word_count(body),
    }
    return {field: record[field] for field in CONTENT_FIELDS}


def truth_records(site_key: str, n_articles: int | None = None) -> list[dict[str, Any]]:
    """Expected records of every article of the replica site, newest first."""
    site = load_site(site_key, n_articles)
    return [truth_record(site, article) for article in site.corpus.articles]
