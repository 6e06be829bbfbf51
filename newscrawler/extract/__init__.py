"""Article extraction: pure functions of a Scrapy response (docs/internals.md "Extraction")."""

from __future__ import annotations

from newscrawler.extract.chain import Extraction, extract_article

__all__ = ["Extraction", "extract_article"]
