"""The first pass over WARC files: which records are article pages of which site.

Every record is classified, streaming (one record in memory at a time): a `response` of
status 200 whose URL is an article URL of a site becomes a *capture* (file, offset, URL,
date) written to that site's capture list on disk; every other record is counted by
reason, and a record that cannot be read is listed with its file and offset. The second
pass (`replay`) reads the captures back one by one.

Reasons: `not_response` (request, warcinfo, metadata records), `revisit`, `non_200`,
`truncated` (a payload the capturing crawler cut short: WARC-Truncated), `foreign_host`
(no site of this run), `not_article` (a listing, feed, robots.txt of a known site),
`too_large` (over DOWNLOAD_MAXSIZE), `corrupt` (with offsets), and for `reextract`,
`older_capture` (the same article archived again later: only the newest is re-extracted).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from warcio.exceptions import ArchiveLoadFailed
from warcio.timeutils import iso_date_to_datetime

from newscrawler.archive.reader import TOO_LARGE, Corrupt, iter_members, parse_record

logger = logging.getLogger(__name__)

# Corrupt records listed in the report, at most (all are counted).
MAX_LISTED = 1000


@dataclass
class Capture:
    path: str
    offset: int
    url: str  # the site's canonical article URL
    date: str  # WARC-Date

    def as_json(self) -> str:
        return json.dumps([self.path, self.offset, self.url, self.date])

    @classmethod
    def from_json(cls, line: str) -> Capture:
        return cls(*json.loads(line))


@dataclass
class Scan:
    """Classifies the records of WARC files for `spiders` ({site: spider instance})."""

    spiders: dict
    workdir: Path
    latest_only: bool = False  # reextract: one capture per article, the newest
    max_record: int = 0
    counts: Counter = field(default_factory=Counter)  # (site or "", reason) -> records
    captured: Counter = field(default_factory=Counter)  # site -> captures
    corrupt: list = field(default_factory=list)  # {file, offset, reason}
    records: int = 0

    def __post_init__(self) -> None:
        self._latest: dict[str, dict[str, Capture]] = {site: {} for site in self.spiders}
        self._outs = {}

    def capture_path(self, site: str) -> Path:
        return self.workdir / f"{site}.captures.jsonl"

    def site_of(self, url: str) -> str | None:
        host = (urlsplit(url).hostname or "").lower()
        for site, spider in self.spiders.items():
            if any(host == d or host.endswith("." + d) for d in spider.allowed_domains):
                return site
        return None

    def scan(self, path: Path) -> None:
        for member in iter_members(path, self.max_record):
            self.records += 1
            if isinstance(member, Corrupt):
                if member.reason.startswith(TOO_LARGE):
                    self.skip(None, "too_large")
                else:
                    self.skip_corrupt(path, member.offset, member.reason)
                continue
            try:
                record = parse_record(member.data)
                self.classify(path, member.offset, record)
            except (ArchiveLoadFailed, ValueError, EOFError) as error:
                self.skip_corrupt(path, member.offset, f"unreadable record ({error})")

    def skip_corrupt(self, path: Path, offset: int, reason: str) -> None:
        self.counts[("", "corrupt")] += 1
        if len(self.corrupt) < MAX_LISTED:
            self.corrupt.append({"file": str(path), "offset": offset, "reason": reason})
        logger.warning("%s: record at offset %d skipped: %s", path, offset, reason)

    def classify(self, path: Path, offset: int, record) -> None:
        kind = record.rec_type
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        site = self.site_of(url) if url else None
        if kind == "revisit":
            return self.skip(site, "revisit")
        if kind != "response":
            return self.skip(site, "not_response")
        if site is None:
            return self.skip(None, "foreign_host")
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return self.skip(site, "non_200")
        if record.rec_headers.get_header("WARC-Truncated"):
            return self.skip(site, "truncated")
        canonical = self.spiders[site].canonical_article_url(url)
        if canonical is None:
            return self.skip(site, "not_article")
        date = record.rec_headers.get_header("WARC-Date") or ""
        self.add(site, Capture(str(path), offset, canonical, date))
        return None

    def skip(self, site: str | None, reason: str) -> None:
        self.counts[(site or "", reason)] += 1

    def add(self, site: str, capture: Capture) -> None:
        if self.latest_only:
            known = self._latest[site].get(capture.url)
            if known is not None:
                self.skip(site, "older_capture")
                if _when(known.date) > _when(capture.date):
                    return
            self._latest[site][capture.url] = capture
            return
        self.write(site, capture)

    def write(self, site: str, capture: Capture) -> None:
        out = self._outs.get(site)
        if out is None:
            out = self._outs[site] = open(self.capture_path(site), "w",  # noqa: SIM115
                                          encoding="utf-8")
        out.write(capture.as_json() + "\n")
        self.captured[site] += 1

    def finish(self) -> None:
        for site, latest in self._latest.items():
            for capture in sorted(latest.values(), key=lambda c: (c.path, c.offset)):
                self.write(site, capture)
        for out in self._outs.values():
            out.close()

    def site_counts(self, site: str) -> dict[str, int]:
        return {reason: n for (s, reason), n in sorted(self.counts.items()) if s == site}

    def report(self) -> dict:
        """The scan's part of the run summary: every skip by reason, corrupt offsets."""
        skipped: Counter = Counter()
        for (_, reason), count in self.counts.items():
            skipped[reason] += count
        return {"records": self.records, "captures": dict(self.captured),
                "skipped": dict(sorted(skipped.items())), "corrupt": self.corrupt}


def _when(date: str):
    try:
        return iso_date_to_datetime(date)
    except (ValueError, TypeError):
        return iso_date_to_datetime("1970-01-01T00:00:00Z")


def read_captures(path: Path):
    """The captures of one site, one at a time (memory stays flat)."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            yield Capture.from_json(line)
