"""The crawl state in one SQLite file: `DATA_DIR/state.sqlite3`.

WAL journal: readers (a report, a second spider process) never block the writer and see
only committed batches. `synchronous=NORMAL`: in WAL mode a commit is not fsynced until the
next checkpoint, so an application crash loses nothing and an OS crash or power cut can
lose only the last commits, never corrupt the file. A lost commit means those articles look
new next run and are re-fetched; their ids are stable, so the dataset still has one record
each after assembly. Pass `synchronous="FULL"` to fsync every commit instead.

Content hashes are stored as 20-byte blobs, signatures as signed 64-bit integers with
their four 16-bit bands in indexed columns, and the verification sketch as a 256-byte blob
(see newscrawler.fingerprints): a million articles take about 680 MiB, 708 bytes each
(benchmarks/bench_state.py). The file is marked with `PRAGMA application_id`, so a
foreign or corrupted file fails with `StateError` at open instead of deep in a query.

Schema versions: 1 had no `near_sketch`; opening a version-1 file adds the column in
place (NULL for the old rows, which can then never be verified as duplicates). 2 had no
`duplicate_of` (the id a syndicated copy duplicates, kept for its later versions). 3 had
no discovery frontier (`pending`, `listing_walks`: see `sqlite_frontier.py`); opening a
version-3 file adds the empty tables, so every listing walk counts as incomplete once.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from newscrawler import fingerprints
from newscrawler.records import now_vn
from newscrawler.state.base import ArticleState, CrawlState, StateError
from newscrawler.state.sqlite_frontier import FRONTIER_SCHEMA, SQLiteFrontier
from newscrawler.state.sqlite_frontier import epoch as _epoch
from newscrawler.state.sqlite_frontier import guarded as _guarded
from newscrawler.state.sqlite_frontier import moment as _moment

logger = logging.getLogger(__name__)

STATE_FILENAME = "state.sqlite3"
APPLICATION_ID = 0x4E435354  # "NCST"
SCHEMA_VERSION = 4
_SQLITE_HEADER = b"SQLite format 3\x00"
_COLUMNS = (
    "rowid, id, site, url, content_hash, near_signature, first_seen, last_seen, version, "
    "published_at, near_sketch, duplicate_of"
)
_SCHEMA = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE articles (
        id TEXT NOT NULL UNIQUE, site TEXT NOT NULL, url TEXT NOT NULL UNIQUE,
        content_hash BLOB NOT NULL, near_signature INTEGER,
        band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
        first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
        version INTEGER NOT NULL, published_at INTEGER, near_sketch BLOB,
        duplicate_of TEXT)""",
    """CREATE TABLE aliases (url TEXT PRIMARY KEY, article INTEGER NOT NULL)
        WITHOUT ROWID""",
    "CREATE INDEX aliases_article ON aliases (article)",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    "CREATE INDEX articles_published ON articles (site, published_at)",
    # Covering (band, signature): a near-duplicate probe never touches the table.
    *(f"CREATE INDEX articles_band{b} ON articles (band{b}, near_signature)" for b in range(4)),
    *FRONTIER_SCHEMA,
]
# Statements that bring a file of version `key - 1` to version `key`, applied in order.
_MIGRATIONS = {
    2: ["ALTER TABLE articles ADD COLUMN near_sketch BLOB"],
    3: ["ALTER TABLE articles ADD COLUMN duplicate_of TEXT"],
    4: FRONTIER_SCHEMA,
}


def _hash_key(content_hash: str) -> bytes | str:
    try:
        return bytes.fromhex(content_hash)
    except ValueError:
        return content_hash  # not a hex digest: stored as text, still exact-matchable


def _hash_text(value: bytes | str) -> str:
    return value.hex() if isinstance(value, bytes) else value


class SQLiteState(SQLiteFrontier, CrawlState):
    def __init__(self, path: str | Path, *, synchronous: str = "NORMAL", timeout: float = 30):
        path = Path(path)
        self.path = path / STATE_FILENAME if path.is_dir() else path
        self.synchronous = synchronous
        self.timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._depth = 0

    # --- opening -------------------------------------------------------------------
    @_guarded
    def open(self) -> SQLiteState:
        if self._conn is not None:
            return self
        self._check_header()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.timeout)
        try:
            self._conn = conn
            self._prepare(conn)
        except BaseException:
            self._conn = None
            conn.close()
            raise
        return self

    def _check_header(self) -> None:
        if self.path.is_file() and self.path.stat().st_size > 0:
            with self.path.open("rb") as handle:
                if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                    raise StateError(f"{self.path}: not a newscrawler state database")

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA synchronous={self.synchronous}")
        conn.execute("BEGIN IMMEDIATE")  # one creator when two processes start together
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application_id == 0 and objects == 0:
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            elif application_id != APPLICATION_ID:
                raise StateError(f"{self.path}: not a newscrawler state database")
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None or int(row[0]) > SCHEMA_VERSION:
                raise StateError(f"{self.path}: unsupported state schema version {row}")
            self._migrate(conn, int(row[0]))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA journal_mode=WAL")

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        """Upgrade an older file in place, inside the opening transaction (all or nothing)."""
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _MIGRATIONS[target]:
                conn.execute(statement)
            conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (target,))
            logger.info("%s: crawl state upgraded to schema version %d", self.path, target)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._depth = 0

    # --- transactions ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._conn is None:
            raise StateError(f"{self.path}: crawl state is not open")
        conn, depth = self._conn, self._depth
        conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT level{depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth = depth
            if depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO level{depth}")
                conn.execute(f"RELEASE level{depth}")
            raise
        self._depth = depth
        conn.execute("COMMIT" if depth == 0 else f"RELEASE level{depth}")

    # --- lookups ---------------------------------------------------------------------
    def _state(self, row: tuple) -> ArticleState:
        (rowid, article_id, site, url, digest, signature, first, last, version, published,
         sketch, duplicate_of) = row
        aliases = {
            alias for (alias,) in self._conn.execute(
                "SELECT url FROM aliases WHERE article=?", (rowid,)
            )
        }
        return ArticleState(
            id=article_id, site=site, url=url, content_hash=_hash_text(digest),
            near_signature=None if signature is None else fingerprints.from_signed(signature),
            near_sketch=sketch, aliases=aliases, first_seen=_moment(first), last_seen=_moment(last),
            version=version, published_at=_moment(published), duplicate_of=duplicate_of,
        )

    def _one(self, where: str, params: tuple) -> ArticleState | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE {where} LIMIT 1", params
        ).fetchone()
        return None if row is None else self._state(row)

    @_guarded
    def lookup_id(self, article_id: str) -> ArticleState | None:
        return self._one("id=?", (article_id,))

    @_guarded
    def lookup_url(self, url: str) -> ArticleState | None:
        found = self._one("url=?", (url,))
        if found is None:
            found = self._one("rowid=(SELECT article FROM aliases WHERE url=?)", (url,))
        return found

    @_guarded
    def lookup_hash(self, content_hash: str) -> ArticleState | None:
        return self._one("content_hash=? ORDER BY rowid", (_hash_key(content_hash),))

    @_guarded
    def is_known(self, url: str) -> bool:
        row = self._conn.execute(
            "SELECT EXISTS(SELECT 1 FROM articles WHERE url=?)"
            " OR EXISTS(SELECT 1 FROM aliases WHERE url=?)", (url, url)
        ).fetchone()
        return bool(row[0])

    @_guarded
    def near_duplicates(
        self, signature: int, exclude_site: str | None = None, max_distance: int | None = None
    ) -> list[ArticleState]:
        limit = fingerprints.NEAR_DUPLICATE_MAX_DISTANCE if max_distance is None else max_distance
        distances: dict[int, int] = {}
        for band, values in enumerate(fingerprints.probe_values(signature)):
            marks = ",".join("?" * len(values))
            rows = self._conn.execute(
                f"SELECT rowid, near_signature FROM articles WHERE band{band} IN ({marks})",
                values,
            )
            for rowid, stored in rows:
                distance = fingerprints.hamming_distance(
                    signature, fingerprints.from_signed(stored)
                )
                if distance <= limit:
                    distances[rowid] = distance
        found = [self._one("rowid=?", (rowid,)) for rowid in sorted(distances, key=distances.get)]
        return [state for state in found if state and state.site != exclude_site]

    @_guarded
    def recheck_candidates(self, site: str, since: datetime) -> list[str]:
        rows = self._conn.execute(
            "SELECT url FROM articles WHERE site=? AND published_at>=? ORDER BY published_at DESC",
            (site, _epoch(since)),
        )
        return [url for (url,) in rows]

    @_guarded
    def count(self, site: str | None = None) -> int:
        if site is None:
            return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self._conn.execute(
            "SELECT count(*) FROM articles WHERE site=?", (site,)
        ).fetchone()[0]

    # --- writes ----------------------------------------------------------------------
    @staticmethod
    def _values(article: ArticleState, now: datetime) -> tuple:
        signature = article.near_signature
        bands = fingerprints.band_values(signature) if signature is not None else [None] * 4
        return (
            article.id, article.site, article.url, _hash_key(article.content_hash),
            None if signature is None else fingerprints.to_signed(signature), *bands,
            _epoch(article.first_seen or now), _epoch(article.last_seen or now),
            article.version or 1, _epoch(article.published_at), article.near_sketch,
            article.duplicate_of,
        )

    _INSERT = (
        "INSERT INTO articles (id, site, url, content_hash, near_signature, band0, band1,"
        " band2, band3, first_seen, last_seen, version, published_at, near_sketch,"
        " duplicate_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )

    @_guarded
    def record(self, article: ArticleState) -> ArticleState:
        now = now_vn()
        with self.transaction():
            old = self.lookup_id(article.id)
            if old is None:
                self._conn.execute(self._INSERT, self._values(article, now))
            else:
                self._update(old, article, now)
            for alias in article.aliases:
                self.add_alias(article.id, alias)
        return self.lookup_id(article.id)

    def _update(self, old: ArticleState, article: ArticleState, now: datetime) -> None:
        version = old.version + (old.content_hash != article.content_hash)
        values = self._values(article, now)
        self._conn.execute(
            "UPDATE articles SET site=?, url=?, content_hash=?, near_signature=?, band0=?,"
            " band1=?, band2=?, band3=?, last_seen=?, version=?, published_at=?,"
            " near_sketch=?, duplicate_of=? WHERE id=?",
            (*values[1:9], _epoch(article.last_seen or now), version,
             _epoch(article.published_at or old.published_at), article.near_sketch,
             article.duplicate_of, article.id),
        )
        self._conn.execute(
            "DELETE FROM aliases WHERE url=? AND article=(SELECT rowid FROM articles WHERE id=?)",
            (article.url, article.id),
        )
        if old.url != article.url:
            self.add_alias(article.id, old.url)

    @_guarded
    def add_alias(self, article_id: str, url: str) -> None:
        row = self._conn.execute(
            "SELECT rowid, url FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if row is None:
            raise StateError(f"{self.path}: no article {article_id!r} to alias {url!r}")
        if url != row[1]:
            self._conn.execute("INSERT OR IGNORE INTO aliases VALUES (?, ?)", (url, row[0]))

    @_guarded
    def insert_new(self, articles: Iterable[ArticleState], batch_size: int = 10_000) -> int:
        """Bulk-insert articles known to be new (an import, a benchmark); returns the count."""
        now, total, batch = now_vn(), 0, []
        with self.transaction():
            for article in articles:
                batch.append(self._values(article, now))
                if len(batch) >= batch_size:
                    self._conn.executemany(self._INSERT, batch)
                    total, batch = total + len(batch), []
            self._conn.executemany(self._INSERT, batch)
        return total + len(batch)
