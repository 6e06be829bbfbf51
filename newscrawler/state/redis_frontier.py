"""The discovery frontier of the Redis crawl state (a mixin of `RedisState`).

Keys, per site (under `newscrawler:state:`, see redis_store.py):
    pending:<site>   zset  pending URL -> when it is due (epoch seconds)
    given_up:<site>  zset  given-up URL -> when it was discovered
    pinfo:<site>     hash  URL -> "since|attempts|last reason" (pending or given up)
    walks:<site>     hash  listing start URL -> "complete|failed_at"
Every write is a logged operation of the handle's transaction, as `record` is: replayed
on fresh data if another worker changed a key it read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from newscrawler.records import VN_TZ
from newscrawler.state.base import ListingWalk, PendingURL, RetryPolicy
from newscrawler.state.redis_store import (
    epoch,
    given_up_key,
    guarded,
    pending_info_key,
    pending_key,
    text,
    walks_key,
)

logger = logging.getLogger(__name__)


def _moment(value: Any) -> datetime | None:
    return None if value in (None, "") else datetime.fromtimestamp(int(float(value)), VN_TZ)


def _info(raw: str) -> tuple[int, int, str | None]:
    since, attempts, reason = raw.split("|", 2)
    return int(since), int(attempts), reason or None


class RedisFrontier:
    """Frontier operations; `_operation`, `_hash`, `_hash_field`, `_zset`, `_read`,
    `is_known` and `transaction` come from RedisState."""

    def _logged(self, name: str, *args: Any) -> Any:
        """`_operation` that returns what the operation returned (first attempt)."""
        with self.transaction():
            result = getattr(self, f"_{name}")(*args)
            self._tx.operations.append((name, args))
        return result

    def _zscore(self, key: str, member: str) -> float | None:
        pending = self._changes().zsets.get(key, {})
        if member in pending:
            return pending[member]
        (stored,) = self._read([key], "zscore", member)
        return stored

    # --- pending URLs ------------------------------------------------------------------
    @guarded
    def add_pending(self, site: str, urls: Iterable[str], now: datetime) -> dict[str, bool]:
        return self._logged("add_pending", site, list(dict.fromkeys(urls)), now)

    def _add_pending(self, site: str, urls: list[str], now: datetime) -> dict[str, bool]:
        changes, fetch, at = self._tx.changes, {}, epoch(now)
        for url in urls:
            if self.is_known(url):
                continue
            if self._hash_field(pending_info_key(site), url) is None:
                changes.hset(pending_info_key(site), url, f"{at}|0|")
                changes.zadd(pending_key(site), url, at)
                fetch[url] = True
                continue
            due = self._zscore(pending_key(site), url)
            if due is not None and due <= at:
                fetch[url] = False
        return fetch

    @guarded
    def due_pending(self, site: str, now: datetime) -> list[str]:
        due = self._zset(pending_key(site), float("-inf"), epoch(now))
        return sorted(due, key=lambda url: (due[url], url))

    @guarded
    def fail_pending(self, site: str, failures: Mapping[str, str], now: datetime,
                     policy: RetryPolicy) -> list[PendingURL]:
        return self._logged("fail_pending", site, dict(failures), now, policy)

    def _fail_pending(self, site: str, failures: dict[str, str], now: datetime,
                      policy: RetryPolicy) -> list[PendingURL]:
        changes, updated = self._tx.changes, []
        for url, reason in failures.items():
            raw = self._hash_field(pending_info_key(site), url)
            if raw is None or self._zscore(pending_key(site), url) is None:
                continue  # not pending, or given up
            since, attempts, _ = _info(raw)
            attempts += 1
            due = policy.next_due(attempts, now)
            changes.hset(pending_info_key(site), url, f"{since}|{attempts}|{reason}")
            if due is None:
                changes.zadd(pending_key(site), url, None)
                changes.zadd(given_up_key(site), url, since)
            else:
                changes.zadd(pending_key(site), url, epoch(due))
            updated.append(PendingURL(site=site, url=url, since=_moment(since),
                                      attempts=attempts, due=due, reason=reason,
                                      given_up=due is None))
        return updated

    @guarded
    def resolve_pending(self, site: str, urls: Iterable[str]) -> None:
        self._logged("resolve_pending", site, list(urls))

    def _resolve_pending(self, site: str, urls: list[str]) -> None:
        changes = self._tx.changes
        for url in urls:
            changes.hset(pending_info_key(site), url, None)
            changes.zadd(pending_key(site), url, None)
            changes.zadd(given_up_key(site), url, None)

    @guarded
    def pending(self, site: str, given_up: bool = False) -> list[PendingURL]:
        scores = self._zset(given_up_key(site) if given_up else pending_key(site))
        info = self._hash(pending_info_key(site))
        entries = []
        for url, score in scores.items():
            raw = info.get(url)
            if raw is None:
                continue
            since, attempts, reason = _info(text(raw))
            entries.append(PendingURL(site=site, url=url, since=_moment(since),
                                      attempts=attempts,
                                      due=None if given_up else _moment(score),
                                      reason=reason, given_up=given_up))
        return sorted(entries, key=lambda entry: (entry.since, entry.url))

    @guarded
    def pending_counts(self, site: str) -> tuple[int, int]:
        return len(self._zset(pending_key(site))), len(self._zset(given_up_key(site)))

    # --- listing walks -----------------------------------------------------------------
    @guarded
    def listing_walks(self, site: str) -> dict[str, ListingWalk]:
        walks = {}
        for url, raw in self._hash(walks_key(site)).items():
            complete, failed = text(raw).split("|", 1)
            walks[url] = ListingWalk(complete == "1", _moment(failed))
        return walks

    def _walk(self, site: str, url: str) -> tuple[str, str]:
        raw = self._hash_field(walks_key(site), url)
        complete, failed = (raw or "0|").split("|", 1)
        return complete, failed

    @guarded
    def begin_listing_walks(self, site: str, urls: Iterable[str]) -> None:
        self._logged("begin_listing_walks", site, list(urls))

    def _begin_listing_walks(self, site: str, urls: list[str]) -> None:
        for url in urls:
            _, failed = self._walk(site, url)
            self._tx.changes.hset(walks_key(site), url, f"0|{failed}")

    @guarded
    def fail_listing_walk(self, site: str, url: str, now: datetime) -> None:
        self._logged("fail_listing_walk", site, url, now)

    def _fail_listing_walk(self, site: str, url: str, now: datetime) -> None:
        self._tx.changes.hset(walks_key(site), url, f"0|{epoch(now)}")

    @guarded
    def complete_listing_walks(self, site: str, urls: Iterable[str], started: datetime) -> None:
        self._logged("complete_listing_walks", site, list(urls), started)

    def _complete_listing_walks(self, site: str, urls: list[str], started: datetime) -> None:
        for url in urls:
            _, failed = self._walk(site, url)
            if not failed or int(failed) < epoch(started):
                self._tx.changes.hset(walks_key(site), url, f"1|{failed}")
