"""The crawl state in Redis: one store for every worker of a distributed crawl.

Keys (all under `newscrawler:state:`, so the database can hold other things):
    meta                 hash  schema_version
    article:<id>         hash  site url hash sig first last version published sketch dup
    aliases:<id>         set   the article's other URLs
    url / alias          hash  canonical URL -> id / alias URL -> id
    hash:<content_hash>  zset  ids with that exact content, scored by first_seen
    band<b>:<value>      set   ids whose SimHash band b has that 16-bit value
    published:<site>     zset  ids scored by publication time (the re-check window)
    ids:<site>, sites    set   for count()
    pending:<site> ...   the discovery frontier and listing walks (redis_frontier.py)
Times are epoch seconds, as in SQLite; the signature is the unsigned 64-bit integer in
decimal, the sketch raw bytes.

Transactions: Redis runs nothing of a MULTI before EXEC, so an open transaction keeps its
writes in memory (`PendingWrites`) and every read of this handle merges them in: inside a
transaction, this handle sees its own writes, other handles see none of them until the
commit. Every key read inside the transaction is WATCHed first; the commit sends all
writes in one MULTI/EXEC, applied together or not at all. If another worker changed a
watched key meanwhile, the transaction's operations (record, add_alias, insert_new) are
replayed on fresh data and committed again: the stored result is what SQLite's locking
would give. What differs: reads the caller made inside the transaction are not replayed,
so a caller that decided something from them (reconcile's "already recorded?") acted on
data that was current when it read it, not at commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import redis
from redis.exceptions import WatchError

from newscrawler import fingerprints
from newscrawler.records import VN_TZ, now_vn
from newscrawler.state.base import ArticleState, CrawlState, StateError
from newscrawler.state.redis_frontier import RedisFrontier
from newscrawler.state.redis_store import (
    ALIASES_KEY,
    COMMIT_ATTEMPTS,
    META_KEY,
    PREFIX,
    PROBE_BANDS_SCRIPT,
    SCHEMA_VERSION,
    SITES_KEY,
    URLS_KEY,
    PendingWrites,
    WatchedTransaction,
    aliases_key,
    article_key,
    band_key,
    content_hash_key,
    epoch,
    ids_key,
    public_url,
    published_key,
    text,
)
from newscrawler.state.redis_store import guarded as _guarded

logger = logging.getLogger(__name__)

class RedisState(RedisFrontier, CrawlState):
    def __init__(self, url: str, *, socket_timeout: float = 30) -> None:
        self.url = url
        self.display_url = public_url(url)
        self.socket_timeout = socket_timeout
        self._client: redis.Redis | None = None
        self._tx: WatchedTransaction | None = None

    # --- opening ---------------------------------------------------------------------
    @_guarded
    def open(self) -> RedisState:
        if self._client is not None:
            return self
        client = redis.Redis.from_url(self.url, socket_timeout=self.socket_timeout,
                                      socket_connect_timeout=self.socket_timeout)
        try:
            client.hsetnx(META_KEY, "schema_version", SCHEMA_VERSION)
            stored = client.hget(META_KEY, "schema_version")
            if int(stored) > SCHEMA_VERSION:
                raise StateError(f"{self.display_url}: unsupported state schema version "
                                 f"{int(stored)}")
            if int(stored) < SCHEMA_VERSION:  # 1 had no frontier keys: nothing to convert
                client.hset(META_KEY, "schema_version", SCHEMA_VERSION)
        except BaseException:
            client.close()
            raise
        self._client = client
        self._probe = client.register_script(PROBE_BANDS_SCRIPT)
        return self

    def close(self) -> None:
        if self._client is not None:
            if self._tx is not None:
                self._tx.pipe.reset()
                self._tx = None
            self._client.close()
            self._client = None

    # --- reading: committed data plus this handle's open transaction ------------------
    def _read(self, keys: list[str], command: str, *args: Any) -> list[Any]:
        """One command per key, pipelined; keys are WATCHed first inside a transaction."""
        if self._tx is not None:
            self._tx.watch(keys)
        pipe = self._client.pipeline(transaction=False)
        for key in keys:
            getattr(pipe, command)(key, *args)
        return pipe.execute()

    def _changes(self) -> PendingWrites:
        return self._tx.changes if self._tx is not None else PendingWrites()

    def _hash(self, key: str) -> dict[str, bytes]:
        (stored,) = self._read([key], "hgetall")
        return self._changes().merged_hash(key, {text(n): v for n, v in stored.items()})

    def _hash_field(self, key: str, name: str) -> str | None:
        pending = self._changes().hashes.get(key, {})
        if name in pending:
            return text(pending[name])
        (stored,) = self._read([key], "hget", name)
        return text(stored)

    def _sets(self, keys: list[str]) -> dict[str, set[str]]:
        changes = self._changes()
        stored = self._read(keys, "smembers")
        return {key: changes.merged_set(key, {text(m) for m in members})
                for key, members in zip(keys, stored, strict=True)}

    def _zset(self, key: str, low: float = float("-inf"), high: float = float("inf")
              ) -> dict[str, float]:
        bounds = ["-inf" if low == float("-inf") else low, "+inf" if high == float("inf") else high]
        (stored,) = self._read([key], "zrangebyscore", *bounds, None, None, True)
        return self._changes().merged_zset(key, {text(m): s for m, s in stored}, low, high)

    def _state(self, article_id: str) -> ArticleState | None:
        values = self._hash(article_key(article_id))
        if not values:
            return None
        (aliases,) = self._sets([aliases_key(article_id)]).values()

        def number(name: str) -> int | None:
            return int(values[name]) if name in values else None

        def moment(name: str) -> datetime | None:
            epoch = number(name)
            return None if epoch is None else datetime.fromtimestamp(epoch, VN_TZ)

        return ArticleState(
            id=article_id, site=text(values["site"]),
            url=text(values["url"]), content_hash=text(values["hash"]),
            near_signature=number("sig"), near_sketch=values.get("sketch"), aliases=aliases,
            first_seen=moment("first"), last_seen=moment("last"), version=number("version"),
            published_at=moment("published"), duplicate_of=text(values.get("dup")),
        )

    @_guarded
    def lookup_id(self, article_id: str) -> ArticleState | None:
        return self._state(article_id)

    @_guarded
    def lookup_url(self, url: str) -> ArticleState | None:
        owner = self._hash_field(URLS_KEY, url) or self._hash_field(ALIASES_KEY, url)
        return None if owner is None else self._state(owner)

    @_guarded
    def lookup_hash(self, content_hash: str) -> ArticleState | None:
        holders = self._zset(content_hash_key(content_hash))
        if not holders:
            return None
        # The first recorded: earliest first_seen, then id (SQLite: insertion order).
        return self._state(min(holders, key=lambda member: (holders[member], member)))

    @_guarded
    def is_known(self, url: str) -> bool:
        return (self._hash_field(URLS_KEY, url) or self._hash_field(ALIASES_KEY, url)) is not None

    @_guarded
    def near_duplicates(
        self, signature: int, exclude_site: str | None = None, max_distance: int | None = None
    ) -> list[ArticleState]:
        limit = fingerprints.NEAR_DUPLICATE_MAX_DISTANCE if max_distance is None else max_distance
        distances = {}
        for candidate, stored in self._band_candidates(signature).items():
            if stored is not None:
                distance = fingerprints.hamming_distance(signature, int(stored))
                if distance <= limit:
                    distances[candidate] = distance
        found = [self._state(c) for c in sorted(distances, key=lambda c: (distances[c], c))]
        return [state for state in found if state and state.site != exclude_site]

    def _band_candidates(self, signature: int) -> dict[str, bytes | None]:
        """Ids in any probed band set (fingerprints.probe_values) -> their signature."""
        if self._tx is None and fingerprints.PROBE_RADIUS <= 2:
            # One server-side call instead of ~550 pipelined SMEMBERS: the client-side cost
            # of a pipeline that long dominated a crawl's time.
            bands = fingerprints.band_values(signature)
            found = self._probe(args=[PREFIX, fingerprints.PROBE_RADIUS, *bands])
            return {text(found[i]): found[i + 1] for i in range(0, len(found), 2)}
        keys = [band_key(band, value)
                for band, values in enumerate(fingerprints.probe_values(signature))
                for value in values]
        candidates = sorted(set().union(*self._sets(keys).values()))
        stored = self._read([article_key(c) for c in candidates], "hget", "sig")
        return {candidate: self._hash_field(article_key(candidate), "sig") or value
                for candidate, value in zip(candidates, stored, strict=True)}

    @_guarded
    def recheck_candidates(self, site: str, since: datetime) -> list[str]:
        published = self._zset(published_key(site), epoch(since), float("inf"))
        newest_first = sorted(published, key=lambda member: (-published[member], member))
        urls = [self._hash_field(article_key(article_id), "url") for article_id in newest_first]
        return [url for url in urls if url is not None]

    @_guarded
    def count(self, site: str | None = None) -> int:
        sites = [site] if site is not None else sorted(self._sets([SITES_KEY])[SITES_KEY])
        if not sites:
            return 0
        return sum(len(ids) for ids in self._sets([ids_key(s) for s in sites]).values())

    # --- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._client is None:
            raise StateError(f"{self.display_url}: crawl state is not open")
        outer = self._tx is None
        if outer:
            self._tx = WatchedTransaction(self._client)
        tx = self._tx
        saved = (len(tx.changes.undo), len(tx.operations))
        tx.depth += 1
        try:
            yield
        except BaseException:
            tx.depth -= 1
            if outer:
                tx.pipe.reset()
                self._tx = None
            else:  # only the inner block's writes are undone, as SQLite's savepoints
                tx.changes.rollback(saved[0])
                del tx.operations[saved[1]:]
            raise
        tx.depth -= 1
        if outer:
            try:
                self._commit(tx)
            finally:
                tx.pipe.reset()
                self._tx = None

    @_guarded
    def _commit(self, tx: WatchedTransaction) -> None:
        for _attempt in range(COMMIT_ATTEMPTS):
            try:
                tx.pipe.multi()
                tx.changes.send(tx.pipe)
                tx.pipe.execute()
                return
            except WatchError:
                logger.debug("Crawl state: concurrent change, replaying %d operations",
                             len(tx.operations))
                tx.reset(self._client)
                for name, args in tx.operations:
                    getattr(self, f"_{name}")(*args)
        raise StateError(f"{self.display_url}: transaction kept conflicting with other "
                         f"writers ({COMMIT_ATTEMPTS} attempts)")

    def _operation(self, name: str, *args: Any) -> None:
        """Apply a write operation now (reads see it) and log it for a replay."""
        with self.transaction():
            getattr(self, f"_{name}")(*args)
            self._tx.operations.append((name, args))

    # --- writes ------------------------------------------------------------------------
    @_guarded
    def record(self, article: ArticleState) -> ArticleState:
        self._operation("record", article, now_vn())
        return self.lookup_id(article.id)

    @_guarded
    def add_alias(self, article_id: str, url: str) -> None:
        self._operation("add_alias", article_id, url)

    @_guarded
    def insert_new(self, articles: Iterable[ArticleState], batch_size: int = 10_000) -> int:
        """Write articles known to be new without reading first (an import, a benchmark)."""
        total = 0
        with self.transaction():
            for article in articles:
                self._operation("insert", article, now_vn())
                total += 1
        return total

    def _record(self, article: ArticleState, now: datetime) -> None:
        changes = self._tx.changes
        owner = self._hash_field(URLS_KEY, article.url)
        if owner is not None and owner != article.id:
            raise StateError(f"{self.display_url}: conflicting record: {article.url} is the "
                             f"URL of {owner}, not of {article.id}")
        old = self._state(article.id)
        if old is None:
            self._insert(article, now)
        else:
            self._unindex(old)
            stored = ArticleState(**{**vars(article), "aliases": set()})
            stored.first_seen = old.first_seen
            stored.last_seen = article.last_seen or now
            stored.version = old.version + (old.content_hash != article.content_hash)
            stored.published_at = article.published_at or old.published_at
            self._write(stored, now)
            # The new canonical URL is no alias any more; the old one becomes one.
            if self._hash_field(ALIASES_KEY, article.url) == article.id:
                changes.hset(ALIASES_KEY, article.url, None)
                changes.sadd(aliases_key(article.id), article.url, present=False)
            if old.url != article.url:
                self._add_alias(article.id, old.url)
        for alias in article.aliases:
            self._add_alias(article.id, alias)

    def _insert(self, article: ArticleState, now: datetime) -> None:
        self._write(article, now)

    def _write(self, article: ArticleState, now: datetime) -> None:
        """The article's fields and every index entry of its current values."""
        changes, key = self._tx.changes, article_key(article.id)
        first_seen = epoch(article.first_seen or now)
        values = {
            "site": article.site, "url": article.url, "hash": article.content_hash,
            "sig": article.near_signature, "first": first_seen,
            "last": epoch(article.last_seen or now), "version": article.version or 1,
            "published": epoch(article.published_at), "sketch": article.near_sketch,
            "dup": article.duplicate_of,
        }
        for name, value in values.items():
            changes.hset(key, name, value)
        changes.hset(URLS_KEY, article.url, article.id)
        changes.zadd(content_hash_key(article.content_hash), article.id, first_seen)
        if article.near_signature is not None:
            for band, value in enumerate(fingerprints.band_values(article.near_signature)):
                changes.sadd(band_key(band, value), article.id)
        if article.published_at is not None:
            changes.zadd(published_key(article.site), article.id, epoch(article.published_at))
        changes.sadd(ids_key(article.site), article.id)
        changes.sadd(SITES_KEY, article.site)

    def _unindex(self, old: ArticleState) -> None:
        changes = self._tx.changes
        changes.hset(URLS_KEY, old.url, None)
        changes.zadd(content_hash_key(old.content_hash), old.id, None)
        if old.near_signature is not None:
            for band, value in enumerate(fingerprints.band_values(old.near_signature)):
                changes.sadd(band_key(band, value), old.id, present=False)
        changes.zadd(published_key(old.site), old.id, None)
        changes.sadd(ids_key(old.site), old.id, present=False)

    def _add_alias(self, article_id: str, url: str) -> None:
        canonical = self._hash_field(article_key(article_id), "url")
        if canonical is None:
            raise StateError(f"{self.display_url}: no article {article_id!r} to alias {url!r}")
        if url != canonical and self._hash_field(ALIASES_KEY, url) is None:
            self._tx.changes.hset(ALIASES_KEY, url, article_id)
            self._tx.changes.sadd(aliases_key(article_id), url)

    def clear(self) -> int:
        """Delete every key of the crawl state (tests, a deliberate full re-crawl)."""
        keys = list(self._client.scan_iter(match=PREFIX + "*", count=1000))
        for start in range(0, len(keys), 1000):
            self._client.delete(*keys[start:start + 1000])
        self._client.hsetnx(META_KEY, "schema_version", SCHEMA_VERSION)
        return len(keys)
