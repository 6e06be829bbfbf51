"""The crawl-state interface: what newscrawler remembers between runs.

Per article: its id, site, canonical URL, the other URLs it was seen under (aliases), its
exact and near-duplicate fingerprints, when it was first and last seen, its version and its
publication date. The spiders ask it whether a URL is known (to fetch only what is new);
the dedup pipeline asks it whether the content is known (same hash, or a near-duplicate on
another site) and records what was exported.

It also holds the discovery frontier: per site, the article URLs discovered and not yet
exported and committed (`PendingURL`), with their failed attempts and when each is due
again, and whether each listing's last walk completed (`ListingWalk`).

Every operation is a lookup by one key (URL, id, hash, signature band) or a range over one
site's publication dates, pending URLs or listing walks, so a key-value store (Redis) can
implement it: no semantics here depend on joins. A batch of records is committed
atomically with `transaction()`; the caller commits only once the export file holding those
articles is complete and renamed.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newscrawler.records import VN_TZ

logger = logging.getLogger(__name__)


def epoch(moment: datetime | None) -> int | None:
    """Epoch seconds, as both backends store times (a naive time is Vietnam time)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VN_TZ)
    return int(moment.timestamp())


class StateError(Exception):
    """The crawl state cannot be used (foreign or corrupted file, newer schema, closed)."""


@dataclass
class ArticleState:
    """What the crawl state knows of one article."""

    id: str
    site: str
    url: str
    content_hash: str
    # 64-bit SimHash of the body (newscrawler.fingerprints.signature), unsigned.
    near_signature: int | None = None
    # Bottom-k MinHash of the body (fingerprints.sketch): verifies a SimHash candidate.
    # None for articles recorded before sketches existed: such a candidate is never
    # accepted as a duplicate (an extra record is better than a lost article).
    near_sketch: bytes | None = None
    aliases: set[str] = field(default_factory=set)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    version: int = 1
    published_at: datetime | None = None
    # For a syndicated copy: the id of the first record it duplicates (another site's).
    duplicate_of: str | None = None


@dataclass
class PendingURL:
    """An article URL discovered and not yet exported and committed (the frontier)."""

    site: str
    url: str
    since: datetime  # when it was first discovered
    attempts: int = 0  # runs in which fetching it failed
    due: datetime | None = None  # when it may be fetched again; None once given up
    reason: str | None = None  # the last failure
    given_up: bool = False


@dataclass(frozen=True)
class RetryPolicy:
    """When a pending URL whose fetch failed is due again, across runs.

    The first retry is due at once (the very next run); each further one waits
    `backoff` seconds, doubled per attempt, at most `backoff_max`; after `max_attempts`
    failed runs the URL is given up (kept, listed, never fetched again by itself).
    """

    max_attempts: int = 5
    backoff: float = 3600.0
    backoff_max: float = 3 * 86400.0

    def next_due(self, attempts: int, now: datetime) -> datetime | None:
        if attempts >= self.max_attempts:
            return None
        if attempts <= 1:
            return now
        wait = min(self.backoff * 2 ** (attempts - 2), self.backoff_max)
        return now + timedelta(seconds=wait)


@dataclass
class ListingWalk:
    """Whether the last walk of a listing (by its start URL) reached its end.

    `failed_at`: when a page of a walk of it last failed; a walk started before that
    moment cannot be marked complete (another worker's page of the same walk failed).
    """

    complete: bool = False
    failed_at: datetime | None = None


class CrawlState(ABC):
    """Abstract crawl state. Implementations: `newscrawler.state.sqlite.SQLiteState`."""

    @abstractmethod
    def open(self) -> CrawlState:
        """Open (creating if needed) and return self. Raises StateError if unusable."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> CrawlState:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @abstractmethod
    def lookup_url(self, url: str) -> ArticleState | None:
        """The article whose canonical URL or alias is `url` (already canonicalised)."""

    @abstractmethod
    def lookup_id(self, article_id: str) -> ArticleState | None: ...

    @abstractmethod
    def lookup_hash(self, content_hash: str) -> ArticleState | None:
        """An article with this exact content hash (the first recorded one)."""

    @abstractmethod
    def is_known(self, url: str) -> bool:
        """Whether `url` is a known canonical URL or alias (cheap: no row decoding)."""

    @abstractmethod
    def near_duplicates(
        self, signature: int, exclude_site: str | None = None, max_distance: int | None = None
    ) -> list[ArticleState]:
        """Articles whose near signature is within `max_distance` bits, nearest first.

        Unverified candidates: each carries its `near_sketch`, and the caller keeps only
        those whose sketch similarity reaches `fingerprints.NEAR_DUPLICATE_MIN_JACCARD`.
        """

    @abstractmethod
    def record(self, article: ArticleState) -> ArticleState:
        """Insert the article, or update the one with its id, and return what is stored.

        Updating keeps `first_seen`, moves `last_seen`, and adds 1 to `version` when the
        content hash changed. A changed canonical URL keeps the old one as an alias.
        """

    @abstractmethod
    def add_alias(self, article_id: str, url: str) -> None:
        """Remember `url` as another address of the article (no-op if already known)."""

    @abstractmethod
    def recheck_candidates(self, site: str, since: datetime) -> list[str]:
        """Canonical URLs of the site's articles published at or after `since`, newest first."""

    @abstractmethod
    def count(self, site: str | None = None) -> int: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Everything recorded inside is committed together, or not at all on exception."""

    # --- the discovery frontier ------------------------------------------------------

    @abstractmethod
    def add_pending(self, site: str, urls: Iterable[str], now: datetime) -> dict[str, bool]:
        """Record discovered article URLs (canonical) as pending; return those to fetch now.

        A URL already known (canonical URL or alias of an article) is skipped. The result
        maps each URL to fetch now to True (newly pending) or False (pending before and
        due); given-up URLs and URLs waiting for their backoff are left out.
        """

    @abstractmethod
    def due_pending(self, site: str, now: datetime) -> list[str]:
        """The site's pending URLs due at `now` (not given up), longest waiting first."""

    @abstractmethod
    def fail_pending(self, site: str, failures: Mapping[str, str], now: datetime,
                     policy: RetryPolicy) -> list[PendingURL]:
        """Count one failed attempt for each pending URL (url -> reason); return the
        updated entries. URLs that are not pending (known articles) are ignored."""

    @abstractmethod
    def resolve_pending(self, site: str, urls: Iterable[str]) -> None:
        """Forget these URLs (exported and committed, or resolved without export)."""

    @abstractmethod
    def pending(self, site: str, given_up: bool = False) -> list[PendingURL]:
        """Every pending (or given-up) URL of the site, in order of discovery."""

    @abstractmethod
    def pending_counts(self, site: str) -> tuple[int, int]:
        """(pending, given up) URLs of the site."""

    @abstractmethod
    def listing_walks(self, site: str) -> dict[str, ListingWalk]:
        """The site's listing start URLs -> how their last walk went."""

    @abstractmethod
    def begin_listing_walks(self, site: str, urls: Iterable[str]) -> None:
        """Walks of these listings start: incomplete until a finished run says otherwise."""

    @abstractmethod
    def fail_listing_walk(self, site: str, url: str, now: datetime) -> None:
        """A page of this listing's walk failed: the walk is incomplete."""

    @abstractmethod
    def complete_listing_walks(self, site: str, urls: Iterable[str], started: datetime) -> None:
        """Walks that reached known territory or the pager's end, in a run started at
        `started` that finished: complete, unless one of their pages failed since then."""
