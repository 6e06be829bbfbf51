"""The storage layer of `RedisState`: key names, the server-side band probe, and the
pending writes of a transaction (which its own reads merge in before EXEC)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from newscrawler.state.base import StateError, epoch  # noqa: F401  (re-exported)

logger = logging.getLogger(__name__)

PREFIX = "newscrawler:state:"
# 2: the discovery frontier (pending:, given_up:, pinfo:, walks: per site).
SCHEMA_VERSION = 2
COMMIT_ATTEMPTS = 50
META_KEY, URLS_KEY, ALIASES_KEY, SITES_KEY = (
    PREFIX + name for name in ("meta", "url", "alias", "sites"))
# Every band value within RADIUS bit flips of each of the 4 band values (as
# fingerprints.probe_values), the ids in those band sets, and each id's signature.
# Key names are built in the script: fine on one Redis server, not on a Redis Cluster.
PROBE_BANDS_SCRIPT = """
local prefix, radius = ARGV[1], tonumber(ARGV[2])
local seen, found = {}, {}
local function collect(band, value)
  for _, id in ipairs(redis.call('SMEMBERS', prefix .. 'band' .. band .. ':' .. value)) do
    if not seen[id] then
      seen[id] = true
      found[#found + 1] = id
      found[#found + 1] = redis.call('HGET', prefix .. 'article:' .. id, 'sig')
    end
  end
end
for band = 0, 3 do
  local value = tonumber(ARGV[3 + band])
  collect(band, value)
  for i = 0, 15 do
    local one = bit.bxor(value, bit.lshift(1, i))
    if radius >= 1 then collect(band, one) end
    if radius >= 2 then
      for j = i + 1, 15 do collect(band, bit.bxor(one, bit.lshift(1, j))) end
    end
  end
end
return found
"""


def public_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + netloc))


def failure_reason(error: BaseException) -> str:
    """'Connection refused' rather than redis-py's 'Error 111 connecting to ...'."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    return str(error) or type(error).__name__


def guarded(method):
    """Redis errors become StateError, in one line that names the server."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self._client is None and method.__name__ != "open":
            raise StateError(f"{self.display_url}: crawl state is not open")
        try:
            return method(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            reason = failure_reason(error)
            raise StateError(f"{self.display_url}: cannot connect ({reason})") from error
        except RedisError as error:
            raise StateError(f"{self.display_url}: {error}") from error

    return wrapper


def article_key(article_id: str) -> str:
    return f"{PREFIX}article:{article_id}"


def aliases_key(article_id: str) -> str:
    return f"{PREFIX}aliases:{article_id}"


def content_hash_key(content_hash: str) -> str:
    return f"{PREFIX}hash:{content_hash}"


def band_key(band: int, value: int) -> str:
    return f"{PREFIX}band{band}:{value}"


def published_key(site: str) -> str:
    return f"{PREFIX}published:{site}"


def ids_key(site: str) -> str:
    return f"{PREFIX}ids:{site}"


def pending_key(site: str) -> str:
    return f"{PREFIX}pending:{site}"


def given_up_key(site: str) -> str:
    return f"{PREFIX}given_up:{site}"


def pending_info_key(site: str) -> str:
    return f"{PREFIX}pinfo:{site}"


def walks_key(site: str) -> str:
    return f"{PREFIX}walks:{site}"


def text(value: bytes | str | None) -> str | None:
    return value.decode("utf-8") if isinstance(value, bytes) else value


_MISSING = object()


@dataclass
class PendingWrites:
    """The writes of an open transaction; None marks a deleted field or member.

    Every write logs what it replaced, so that a nested transaction that fails can be
    undone alone (SQLite's savepoints) without copying everything written before it.
    """

    hashes: dict[str, dict[str, bytes | None]] = field(default_factory=dict)
    sets: dict[str, dict[str, bool]] = field(default_factory=dict)
    zsets: dict[str, dict[str, float | None]] = field(default_factory=dict)
    undo: list[tuple[dict, str, Any]] = field(default_factory=list)

    def _put(self, container: dict, name: str, value: Any) -> None:
        self.undo.append((container, name, container.get(name, _MISSING)))
        container[name] = value

    def rollback(self, mark: int) -> None:
        for container, name, previous in reversed(self.undo[mark:]):
            if previous is _MISSING:
                del container[name]
            else:
                container[name] = previous
        del self.undo[mark:]

    def hset(self, key: str, name: str, value: Any) -> None:
        if value is not None and not isinstance(value, bytes):
            value = str(value).encode("utf-8")
        self._put(self.hashes.setdefault(key, {}), name, value)

    def sadd(self, key: str, member: str, present: bool = True) -> None:
        self._put(self.sets.setdefault(key, {}), member, present)

    def zadd(self, key: str, member: str, score: float | None) -> None:
        self._put(self.zsets.setdefault(key, {}), member, score)

    def merged_hash(self, key: str, stored: dict[str, bytes]) -> dict[str, bytes]:
        merged = dict(stored)
        for name, value in self.hashes.get(key, {}).items():
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = value
        return merged

    def merged_set(self, key: str, stored: set[str]) -> set[str]:
        changes = self.sets.get(key, {})
        return {m for m in stored if changes.get(m, True)} | {
            m for m, present in changes.items() if present}

    def merged_zset(self, key: str, stored: dict[str, float], low: float, high: float
                    ) -> dict[str, float]:
        merged = dict(stored)
        for member, score in self.zsets.get(key, {}).items():
            if score is None or not low <= score <= high:
                merged.pop(member, None)
            else:
                merged[member] = score
        return merged

    def send(self, pipe) -> None:
        for key, fields in self.hashes.items():
            present = {n: v for n, v in fields.items() if v is not None}
            deleted = [n for n, v in fields.items() if v is None]
            if present:
                pipe.hset(key, mapping=present)
            if deleted:
                pipe.hdel(key, *deleted)
        for key, members in self.sets.items():
            added = [m for m, present in members.items() if present]
            removed = [m for m, present in members.items() if not present]
            if added:
                pipe.sadd(key, *added)
            if removed:
                pipe.srem(key, *removed)
        for key, scores in self.zsets.items():
            added = {m: s for m, s in scores.items() if s is not None}
            removed = [m for m, s in scores.items() if s is None]
            if added:
                pipe.zadd(key, added)
            if removed:
                pipe.zrem(key, *removed)


class WatchedTransaction:
    """A WATCHing pipeline, the pending writes and the operations that made them."""

    def __init__(self, client: redis.Redis) -> None:
        self.pipe = client.pipeline(transaction=True)
        self.changes = PendingWrites()
        self.operations: list[tuple[str, tuple]] = []
        self.watched: set[str] = set()
        self.depth = 0

    def watch(self, keys: Iterable[str]) -> None:
        new = [key for key in keys if key not in self.watched]
        if new:
            self.pipe.watch(*new)
            self.watched.update(new)

    def reset(self, client: redis.Redis) -> None:
        self.pipe.reset()
        self.pipe = client.pipeline(transaction=True)
        self.changes = PendingWrites()
        self.watched.clear()
