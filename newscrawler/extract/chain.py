"""The extraction chain: per field, site selector -> structured metadata -> generic fallback.

The response is parsed once (page.py: from its bytes when that gives Scrapy's tree);
metadata is read once; trafilatura runs only when no site selector gave the body, because
it costs about three times the whole selector path (benchmarks/bench_extraction.py).

Exceptions to the plain order, and why:

* ``images`` and ``attachments`` come with the body: from the body container when the
  selector gave it, else from the page's main zone; the metadata cover image is the last
  resort, because it carries no caption and is usually a resized copy of a body image.
* ``authors`` and ``source`` also come from the trailing attribution lines of the body
  ("Vũ Lê", "Theo TTXVN"), which are always taken out of the body; they count for the
  layer that produced the body.
* ``body`` metadata is the page's ``[itemprop=articleBody]`` element, walked like a site
  container; JSON-LD ``articleBody`` text comes after trafilatura (often truncated, no
  paragraphs: measured worse on AEB, see generic.py).
* ``lead`` from metadata must be shown on the page and be at least 8 words; a lead the body
  repeats is replaced by the body's first paragraph, so lead + body never say it twice.
* ``canonical_url`` has no selector; its fallback is the response URL.

A selector key ``"<key>:strip"`` holds a regex whose match at the start of each text that
``<key>``'s selector gives is cut off (a sapo's dateline "(Chinhphu.vn) - ", which no
selector can leave out: it is text in the same element).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from cssselect import SelectorError
from lxml import etree
from scrapy.http import TextResponse

from newscrawler.extract import generic
from newscrawler.extract.dates import parse_date, parse_iso
from newscrawler.extract.html import ContainerContent, container_content
from newscrawler.extract.metadata import PageMetadata, read_metadata
from newscrawler.extract.page import node_text, parse_page, select
from newscrawler.extract.people import parse_attribution, split_authors
from newscrawler.extract.text import normalize_paragraphs, normalize_text
from newscrawler.records import iso_vn

logger = logging.getLogger(__name__)

SELECTOR, METADATA, FALLBACK = "selector", "metadata", "fallback"
FIELD_NAMES = ("title", "lead", "body", "authors", "source", "published_at", "modified_at",
               "published_raw", "category", "tags", "images", "attachments", "canonical_url")
SELECTOR_KEYS = ("title", "lead", "published", "modified", "body", "authors", "source",
                 "category", "tags")
STRIP_SUFFIX = ":strip"  # "<key>:strip" -> regex cut off the start of that key's texts
_KEY_CHARACTERS = re.compile(r"\W+")
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")
# A lead counts as repeated when most of its word 4-grams occur in the body.
LEAD_REPEAT_SHARE = 0.6
MIN_LEAD_WORDS = 8
MAX_VISIBLE_CHUNKS = 6
_INVISIBLE = frozenset({"script", "style", "noscript", "template"})


@dataclass
class Extraction:
    """``fields`` keyed by FIELD_NAMES; ``provenance`` = {field: layer} for the fields found;
    ``missing`` = the fields no layer found."""

    fields: dict[str, Any]
    provenance: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def extract_article(
    response: TextResponse,
    selectors: Mapping[str, str] | None,
    *,
    fetched_at: datetime,
    month_first: bool = False,
) -> Extraction:
    """All article fields of ``response``; see docs/internals.md "Extraction"."""
    return _ArticlePage(response, selectors or {}, fetched_at, month_first).extract()


def _text(node: etree._Element | str) -> str:
    return normalize_text(node_text(node))


def _key(text: str) -> str:
    # Spaces are non-word characters too; str.split() drops them faster than the regex.
    return _KEY_CHARACTERS.sub("", "".join(text.split())).casefold()


def _visible_text(root: etree._Element) -> str:
    """Text of <body> without scripts and styles; a plain loop is 2x faster than XPath."""
    body = root.find("body")
    parts = []
    for element in (body if body is not None else root).iter():
        tag = element.tag  # each .tag/.text/.tail read builds a new string: read once
        if isinstance(tag, str) and tag not in _INVISIBLE:
            text = element.text
            if text:
                parts.append(text)
        tail = element.tail
        if tail:
            parts.append(tail)
    return " ".join(parts)


def _is_lead_sized(text: str | None) -> bool:
    # A dateline or a title-like phrase in a description is no lead.
    return bool(text) and len(_WORD.findall(text)) >= MIN_LEAD_WORDS


def _shingles(folded: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(folded)
    if len(words) < 4:
        return {tuple(words)}
    return set(zip(words, words[1:], words[2:], words[3:], strict=False))


def _repeats(lead: str, text: str) -> bool:
    lead_shingles = _shingles(lead.casefold())
    folded = text.casefold()
    # A shared shingle has all its words in the text: when too few shingles can be shared,
    # the text need not be split into words (the costly part, and the usual answer).
    present = {word for word in set().union(*lead_shingles) if word in folded}
    possible = sum(present.issuperset(shingle) for shingle in lead_shingles)
    if possible < LEAD_REPEAT_SHARE * len(lead_shingles):
        return False
    shared = len(lead_shingles & _shingles(folded))
    return bool(lead_shingles) and shared >= LEAD_REPEAT_SHARE * len(lead_shingles)


class _ArticlePage:
    def __init__(self, response: TextResponse, selectors: Mapping[str, str],
                 fetched_at: datetime, month_first: bool):
        self.response = response
        self.selectors = selectors
        self.fetched_at = fetched_at
        self.month_first = month_first
        parsed = parse_page(response)
        self.page = parsed.selector
        self.urljoin = parsed.urljoin
        self.metadata: PageMetadata = read_metadata(self.page, response.url)
        self.fields: dict[str, Any] = dict.fromkeys(FIELD_NAMES)
        self.provenance: dict[str, str] = {}
        self._matches: dict[str, list] = {}

    def extract(self) -> Extraction:
        self.set("title", *self._title())
        self._dates()
        content, body_layer = self._body()
        self.set("lead", *self._lead())
        paragraphs = self._without_lead(content.paragraphs)
        paragraphs, trailing_authors, trailing_source = self._pop_attribution(paragraphs)
        self.set("body", "\n\n".join(paragraphs), body_layer)
        self._people(trailing_authors, trailing_source, body_layer)
        self._classification()
        self._media(content, body_layer)
        self.set("canonical_url", self.metadata.get("canonical_url"), METADATA)
        self.set("canonical_url", self.response.url, FALLBACK)
        missing = [name for name in FIELD_NAMES if name not in self.provenance]
        return Extraction(fields=self.fields, provenance=self.provenance, missing=missing)

    def set(self, name: str, value: Any, layer: str | None) -> None:
        if value and layer and name not in self.provenance:
            self.fields[name] = value
            self.provenance[name] = layer

    # -- site selectors ---------------------------------------------------------------

    def select(self, key: str) -> list:
        """What the site selector for ``key`` matches: elements and strings."""
        if key not in self._matches:
            query = self.selectors.get(key)
            matches = []
            if query:
                try:
                    matches = select(self.page.root, query)
                except (ValueError, SelectorError, etree.XPathError):
                    logger.warning("Bad %s selector %r for %s", key, query, self.response.url)
            self._matches[key] = matches
        return self._matches[key]

    def selected_texts(self, key: str) -> list[str]:
        texts = map(_text, self.select(key))
        prefix = self.selectors.get(key + STRIP_SUFFIX)
        if prefix:
            texts = (_strip_prefix(prefix, text) for text in texts)
        return [text for text in texts if text]

    # -- fields -------------------------------------------------------------------------

    def _title(self) -> tuple[str | None, str]:
        texts = self.selected_texts("title")
        if texts:
            return texts[0], SELECTOR
        title = normalize_text(self.metadata.get("title"))
        if title:
            return title, METADATA
        return generic.find_title(self.page), FALLBACK

    def _body(self) -> tuple[ContainerContent, str | None]:
        containers = [node for node in self.select("body") if not isinstance(node, str)]
        if containers:
            # Fields with their own selector are not body text when they sit inside it.
            excluded = [node for key in SELECTOR_KEYS if key != "body"
                        for node in self.select(key) if not isinstance(node, str)]
            content = container_content(containers, self.urljoin, excluded)
            if content.paragraphs:
                return content, SELECTOR
        # The page's own articleBody element beats trafilatura on AEB (F1 +0.0013); its
        # JSON-LD text twin does not (often truncated, no paragraphs): last resort only.
        zone = [node.root for node in self.page.xpath('//*[@itemprop="articleBody"]')[:1]]
        if zone:
            content = container_content(zone, self.urljoin, drop_link_blocks=True)
            if content.paragraphs:
                return content, METADATA
        paragraphs = generic.main_text(self.page.root, self.response.url)
        if paragraphs:
            return ContainerContent(paragraphs=paragraphs), FALLBACK
        article_body = self.metadata.get("body")
        if article_body:
            paragraphs = normalize_paragraphs(article_body.split("\n"))
            if paragraphs:
                return ContainerContent(paragraphs=paragraphs), METADATA
        return ContainerContent(), None

    def _lead(self) -> tuple[str | None, str]:
        texts = self.selected_texts("lead")
        if texts:
            return " ".join(texts), SELECTOR
        description = normalize_text(self.metadata.get("description"))
        if _is_lead_sized(description) and self._is_visible(description):
            return description, METADATA
        found = generic.find_lead(self.page)
        return (found, FALLBACK) if _is_lead_sized(found) else (None, FALLBACK)

    def _is_visible(self, text: str) -> bool:
        """Whether the page shows ``text`` to its readers: a description only in <meta> is a
        search-engine summary, not the article's lead."""
        # Words joined by single spaces on both sides, so punctuation and markup between
        # words do not matter; plain substring tests (a regex per chunk costs more).
        page_words = f" {_NON_WORD.sub(' ', _visible_text(self.page.root)).casefold()} "
        words = _WORD.findall(text.casefold())
        chunks = [words[i:i + 4] for i in range(0, len(words), 4)][:MAX_VISIBLE_CHUNKS]
        found = sum(f" {' '.join(chunk)} " in page_words for chunk in chunks)
        return bool(chunks) and found >= LEAD_REPEAT_SHARE * len(chunks)

    def _without_lead(self, paragraphs: list[str]) -> list[str]:
        """Drop the title, date and lead where the body repeats them. A lead that merely
        repeats the opening of the body (a description cut from the first paragraph) is no
        separate lead: the first paragraph becomes the lead, so nothing is said twice."""
        lead = self.fields["lead"]
        # The generic extractor may start the body with the title or the date line.
        heading_keys = {_key(text) for text in (self.fields["title"],
                                                self.fields["published_raw"]) if text}
        first_key = _key(paragraphs[0]) if paragraphs else None
        while paragraphs and first_key in heading_keys:
            paragraphs = paragraphs[1:]
            first_key = _key(paragraphs[0]) if paragraphs else None
        if not lead or not paragraphs:
            return paragraphs
        if first_key == _key(lead):
            return paragraphs[1:]
        if _repeats(lead, " ".join(paragraphs)):
            self.fields["lead"] = paragraphs[0]
            return paragraphs[1:]
        return paragraphs

    def _pop_attribution(self, paragraphs: list[str]) -> tuple[list[str], list[str], str | None]:
        """Take the author/source lines off the end of the body: "Vũ Lê", "Theo TTXVN"."""
        authors: list[str] = []
        source = None
        paragraphs = list(paragraphs)
        while len(paragraphs) > 1:
            attribution = parse_attribution(paragraphs[-1])
            if attribution is None:
                break
            paragraphs.pop()
            names, line_source = attribution
            authors = [*names, *authors]
            source = source or line_source
        return paragraphs, authors, source

    def _people(self, trailing_authors: list[str], trailing_source: str | None,
                body_layer: str | None) -> None:
        selected: list[str] = []
        byline_source = None
        for text in self.selected_texts("authors"):
            # A byline may carry its source: "Ngọc Hương (Theo Chinhphu.vn)".
            attribution = parse_attribution(text)
            if attribution is None:
                selected += split_authors(text)
            else:
                selected += attribution[0]
                byline_source = byline_source or attribution[1]
        self.set("authors", _unique(selected), SELECTOR)
        if body_layer == SELECTOR:
            self.set("authors", trailing_authors, SELECTOR)
        if "authors" not in self.provenance:  # skip the normalising when it cannot count
            self.set("authors", _unique(map(normalize_text, self.metadata.get("authors") or [])),
                     METADATA)
        self.set("authors", trailing_authors, FALLBACK)
        if not self.fields["authors"]:
            self.fields["authors"] = []

        for text in self.selected_texts("source"):
            attribution = parse_attribution(text)
            self.set("source", (attribution and attribution[1]) or text, SELECTOR)
        self.set("source", byline_source, SELECTOR)
        self.set("source", trailing_source, SELECTOR if body_layer == SELECTOR else FALLBACK)

    def _dates(self) -> None:
        for name, key in (("published_at", "published"), ("modified_at", "modified")):
            for text in self.selected_texts(key):
                moment = parse_date(text, fetched_at=self.fetched_at, month_first=self.month_first)
                if moment:
                    self.set(name, iso_vn(moment), SELECTOR)
                    if name == "published_at":
                        self.set("published_raw", text, SELECTOR)
                    break
            if name in self.provenance:
                continue
            raw = self.metadata.get(key)
            moment = raw and (parse_iso(raw) or parse_date(
                raw, fetched_at=self.fetched_at, month_first=self.month_first))
            if moment:
                self.set(name, iso_vn(moment), METADATA)
                if name == "published_at":
                    self.set("published_raw", raw, METADATA)
        if "published_at" not in self.provenance:
            found = generic.find_date(self.page, fetched_at=self.fetched_at,
                                      month_first=self.month_first)
            if found:
                self.set("published_at", iso_vn(found[0]), FALLBACK)
                self.set("published_raw", found[1], FALLBACK)

    def _classification(self) -> None:
        categories = self.selected_texts("category")
        self.set("category", categories[0] if categories else None, SELECTOR)
        self.set("category", normalize_text(self.metadata.get("section")), METADATA)
        if "category" not in self.provenance:
            self.set("category", generic.find_category(self.page), FALLBACK)

        tags: list[str] = []
        for node in self.select("tags"):
            text = _text(node)
            # A tag link is one tag even with a comma ("Bộ Văn hóa, Thể thao và Du lịch");
            # a plain text or attribute value is a comma-separated list.
            is_link = not isinstance(node, str) and node.tag == "a"
            tags += [text] if is_link else [tag.strip() for tag in text.split(",")]
        self.set("tags", _unique(tags), SELECTOR)
        if "tags" not in self.provenance:
            self.set("tags", _unique(map(normalize_text, self.metadata.get("tags") or [])),
                     METADATA)
        self.fields["tags"] = self.fields["tags"] or []

    def _media(self, content: ContainerContent, body_layer: str | None) -> None:
        if body_layer != SELECTOR:
            content = generic.main_zone_content(self.page, self.urljoin)
        layer = SELECTOR if body_layer == SELECTOR else FALLBACK
        self.set("images", content.images, layer)
        self.set("attachments", content.attachments, layer)
        if "images" not in self.provenance:
            covers = [{"url": self.urljoin(url), "caption": None}
                      for url in self.metadata.get("images") or []]
            self.set("images", covers, METADATA)
        self.fields["images"] = self.fields["images"] or []
        self.fields["attachments"] = self.fields["attachments"] or []


@lru_cache(maxsize=64)
def _prefix_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _strip_prefix(pattern: str, text: str) -> str:
    """``text`` without what ``pattern`` matches at its start (NFC text, like the pattern)."""
    try:
        found = _prefix_re(pattern).match(text)
    except re.error:
        logger.warning("Bad strip pattern %r", pattern)
        return text
    return text[found.end():].strip() if found else text


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen
