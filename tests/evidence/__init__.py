"""Evidence checks: each site's facts from the research sheet's §12 table and its cited
sources, as markup and URLs typed here from those facts (never copied pages).

Each module `tests/evidence/<site>.py` defines `CASES`, a list of the case types below;
`tests/test_evidence.py` runs them all. A case's `source` names the fact it re-creates
(sheet section or row, and the source's date), so a failure says which fact broke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class UrlCase:
    """`url` is (or is not) an article URL of `site`; when accepted, it folds to
    `canonical` (default: itself)."""

    site: str
    source: str
    url: str
    accepted: bool
    canonical: str | None = None


@dataclass(frozen=True)
class FieldCase:
    """Extraction with the site's selectors on `html` (served at `url`) gives `expected`
    for each field named there; `provenance` maps fields to the layer that must give them
    ("selector", "metadata", ...). `absent` lists texts the body must not contain."""

    site: str
    source: str
    url: str
    html: str
    expected: dict[str, Any]
    provenance: dict[str, str] = field(default_factory=dict)
    absent_from_body: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListingCase:
    """The site's listing parser on `html` (served at `url`) yields exactly `expected`
    (canonical article URLs, in page order)."""

    site: str
    source: str
    url: str
    html: str
    expected: tuple[str, ...]
