"""What `reextract` compares a re-extracted record with: the site's last exported records.

The crawl state keeps one content hash per article, of its title and body: enough for a
crawl, where a page that changed shows it there. A fixed selector may change any field
(authors, category, tags, dates) with the same title and body, so a re-extraction is
compared with the newest exported version of the article, all its content fields. The
exports are read once per site (one digest per article in memory).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from pathlib import Path

from newscrawler.items import CONTENT_FIELDS

logger = logging.getLogger(__name__)

# The fields extraction gives (id, url and the hashes follow from them or the state).
COMPARED = tuple(f for f in CONTENT_FIELDS if f not in ("id", "url", "content_hash",
                                                         "word_count"))


def record_digest(record: Mapping) -> str:
    values = [record.get(name) for name in COMPARED]
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Baseline:
    def __init__(self, digests: dict[str, tuple[int, str]]) -> None:
        self.digests = digests  # article id -> (version, digest) of its newest export

    @classmethod
    def load(cls, data_dir: Path, site: str) -> Baseline:
        digests: dict[str, tuple[int, str]] = {}
        for path in sorted((Path(data_dir) / "articles" / site).rglob("*.jsonl")):
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue  # a completed file is whole; never mind a stray one
                    version = int(record.get("version") or 1)
                    known = digests.get(record.get("id"))
                    if known is None or known[0] <= version:
                        digests[record.get("id")] = (version, record_digest(record))
        logger.info("Re-extraction baseline of %s: %d articles", site, len(digests))
        return cls(digests)

    def changed(self, article_id: str, record: Mapping) -> bool:
        """The record differs from the article's newest export (False if none is known)."""
        known = self.digests.get(article_id)
        return known is not None and known[1] != record_digest(record)
