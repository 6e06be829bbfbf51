"""The crawl-state interface: what newscrawler remembers between runs.

Per article: its id, site, canonical URL, the other URLs it was seen under (aliases), its
exact and near-duplicate fingerprints, when it was first and last seen, its version and its
publication date. The spiders ask it whether a URL is known (to fetch only what is new);
the dedup pipeline asks it whether the content is known (same hash, or a near-duplicate on
another site) and records what was exported.

Every operation is a lookup by one key (URL, id, hash, signature band) or a range over one
site's publication dates, so a key-value store (Redis) can implement it: no semantics here
depend on joins. A batch of records is committed atomically with `transaction()`; the
caller commits only once the export file holding those articles is complete and renamed.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime

logger = logging.getLogger(__name__)


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
