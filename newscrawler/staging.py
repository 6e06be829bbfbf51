"""The distributed commit window: a worker's complete export, staged in Redis.

A worker renames its export file, then commits its articles to the shared crawl state. A
worker killed between the two leaves a complete file on its own disk that the state does
not know; its leases then go back to the queue (distributed.py), and the other workers,
who cannot see that disk, would fetch and export the same articles again. So, in a
distributed crawl, once the file is complete and on disk (flushed, before the rename) its
articles are staged in Redis (`newscrawler:frontier:<site>:staged:<worker>`, one field per
file), and unstaged once committed (`batch_committed`).

- A worker that recovers a dead worker's leases first commits its staged files' articles
  to the state (what the dead worker would have done), and notes each such file in
  `settled` (file name -> line count); then the leased requests are fetched again, known,
  and not exported twice.
- If the dead worker was killed before its rename, its complete file is still a `.part`
  on its disk: the next crawl in that data directory renames a `.part` noted in `settled`
  with that many whole lines into place (roll forward) instead of deleting it as torn.
- A worker restarting under its own id drops its staged files: each is either renamed
  (its own reconcile at start records it) or a `.part` (deleted; its articles are
  fetched again from the requeued leases).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from newscrawler import signals as our_signals
from newscrawler.state.base import ArticleState, CrawlState
from newscrawler.state.reconcile import article_state, records

logger = logging.getLogger(__name__)

KEY_PREFIX = "newscrawler:frontier"
SETTLED_TTL_S = 30 * 24 * 3600  # a worker that never comes back: forget after a month


def staged_key(site: str, worker: str) -> str:
    return f"{KEY_PREFIX}:{site}:staged:{worker}"


def settled_key(site: str) -> str:
    return f"{KEY_PREFIX}:{site}:settled"


# --- ArticleState <-> JSON -------------------------------------------------------------

def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, bytes):
        return {"b": value.hex()}
    if isinstance(value, set):
        return {"set": sorted(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "b" in value:
            return bytes.fromhex(value["b"])
        if "set" in value:
            return set(value["set"])
    return value


def encode_articles(articles: list[ArticleState]) -> str:
    return json.dumps([{f.name: _encode(getattr(a, f.name)) for f in fields(ArticleState)}
                       for a in articles])


def decode_articles(text: str | bytes) -> list[ArticleState]:
    return [ArticleState(**{k: _decode(v) for k, v in item.items()})
            for item in json.loads(text)]


# --- staging (the worker that writes) ------------------------------------------------------

class CommitWindowExtension:
    """Stages each complete export file before its rename; unstages it once committed.
    Enabled by the DistributedMode add-on."""

    def __init__(self, crawler, server, worker: str) -> None:
        self.crawler, self.server, self.worker = crawler, server, worker

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured
        from scrapy_redis.connection import get_redis_from_settings

        from newscrawler.export.storage import worker_id_from_settings

        if not crawler.settings.get("NEWSCRAWLER_REDIS_URL"):
            raise NotConfigured("not a distributed crawl")
        extension = cls(crawler, get_redis_from_settings(crawler.settings),
                        worker_id_from_settings(crawler.settings))
        crawler.signals.connect(extension.feed_file_complete,
                                signal=our_signals.feed_file_complete)
        crawler.signals.connect(extension.batch_committed, signal=our_signals.batch_committed)
        return extension

    @property
    def key(self) -> str:
        return staged_key(self.crawler.spidercls.name, self.worker)

    def feed_file_complete(self, part: Path, final: Path) -> None:
        articles = [article_state(record) for record in records(part)]
        self.server.hset(self.key, final.name, json.dumps(
            {"count": len(articles), "articles": encode_articles(articles)}))

    def batch_committed(self, path: Path, articles: int) -> None:
        self.server.hdel(self.key, Path(path).name)


# --- recovery (another worker, or the same one restarting) ------------------------------

def commit_staged(server, site: str, worker: str, state: CrawlState | None) -> int:
    """Commit a dead worker's staged files to the state and note them as settled; the
    number of articles recorded. Without a state (off), nothing can be committed."""
    key = staged_key(site, worker)
    recorded = 0
    for name, raw in server.hgetall(key).items():
        staged = json.loads(raw)
        if state is not None:
            articles = decode_articles(staged["articles"])
            with state.transaction():
                for article in articles:
                    known = state.lookup_id(article.id)
                    if known is None or known.version < article.version:
                        state.record(article)
                        recorded += 1
            server.hset(settled_key(site), name, staged["count"])
            server.expire(settled_key(site), SETTLED_TTL_S)
            logger.warning("Frontier: committed %d articles of %s, exported by worker %s "
                           "which stopped before its commit", len(articles), name.decode(),
                           worker)
        server.hdel(key, name)
    return recorded


def drop_own_staged(server, site: str, worker: str) -> None:
    server.delete(staged_key(site, worker))


def roll_forward_settled(redis_url: str, data_dir: Path) -> int:
    """Rename into place the complete `.part` files other workers committed for this
    data directory's killed worker (see the module doc); the number renamed."""
    parts = sorted(Path(data_dir).glob("articles/*/*/*.jsonl.part"))
    if not parts:
        return 0
    import redis

    renamed = 0
    with redis.Redis.from_url(redis_url) as server:
        for part in parts:
            site, final = part.parent.parent.name, part.with_suffix("")
            count = server.hget(settled_key(site), final.name)
            if count is None or not whole_lines(part, int(count)):
                continue
            os.replace(part, final)
            server.hdel(settled_key(site), final.name)
            renamed += 1
            logger.warning("Export %s completed: its articles were committed by another "
                           "worker after this one was killed before its rename", final)
    return renamed


def whole_lines(path: Path, count: int) -> bool:
    """Whether `path` holds exactly `count` whole JSON lines."""
    try:
        text = path.read_bytes()
        lines = text.splitlines()
        return (text.endswith(b"\n") and len(lines) == count
                and all(json.loads(line) is not None for line in lines))
    except (OSError, ValueError):
        return False

