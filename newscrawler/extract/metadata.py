"""Structured metadata of an article page, read once: JSON-LD, OpenGraph, Dublin Core, microdata.

Each source is read in a fixed order of trust (JSON-LD, OpenGraph/``article:*``, Dublin
Core ``DC.*``, itemprop microdata, then plain ``<meta name=description|keywords>``) and the
first good value of every field wins. Values are raw strings as the page states them; the
chain parses dates and normalises text.

Dublin Core is worth reading on Vietnamese state portals: Thông tư 24/2011/TT-BTTTT required
it from 2011 to 2024 (research/vn_sites.md §2.0), so older portal pages often carry it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel import Selector
from tldextract import TLDExtract

logger = logging.getLogger(__name__)

# The bundled public-suffix snapshot only: never reach the network from an extractor.
_split_domain = TLDExtract(suffix_list_urls=())

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
     "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report"}
)
PAGE_TYPES = frozenset({"WebPage", "ItemPage"})
# An author typed as an organisation is the publisher's name, not a byline.
NON_PERSON_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                              "GovernmentOrganization", "WebSite"})

FIELDS = ("title", "description", "published", "modified", "authors", "section", "tags",
          "images", "body", "canonical_url")

# Compiled once (Element.xpath() compiles on every call); plain strings as results.
_TEXTS = etree.XPath("text()", smart_strings=False)
# Attribute values, not elements: most [itemprop] nodes are not article properties, and
# their elements need not be built. Each value knows its element (getparent()).
_ITEMPROP_VALUES = etree.XPath("//@itemprop")
_SCOPE_TYPE = etree.XPath("ancestor::*[@itemscope][1]/@itemtype", smart_strings=False)
_NAMED = etree.XPath('.//*[@itemprop="name"]')
_VISIBLE_TEXTS = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]",
                             smart_strings=False)


@dataclass
class PageMetadata:
    """First good value per field and the source it came from ("json-ld", "opengraph",
    "dublin-core", "microdata", "meta")."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    invalid_json_ld: int = 0

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def offer(self, name: str, value: Any, source: str) -> None:
        """Keep ``value`` unless an earlier, more trusted source already gave this field."""
        if name in self.values or not _is_good(value):
            return
        self.values[name] = value
        self.sources[name] = source


def _is_good(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_is_good(item) for item in value)
    return value is not None


def read_metadata(selector: Selector, page_url: str) -> PageMetadata:
    """All metadata of the page behind ``selector`` (an already parsed document)."""
    meta = PageMetadata()
    nodes = _MetadataNodes.of(selector.root)
    _read_json_ld(nodes.json_ld_texts, meta)
    named = _meta_by_key(nodes.metas)
    _read_open_graph(named, meta)
    _read_dublin_core(named, meta)
    _read_microdata(selector, meta)
    meta.offer("description", named.get("name:description", [None])[0], "meta")
    meta.offer("tags", _split_keywords(named.get("name:keywords", [None])[0]), "meta")
    _choose_canonical(nodes.canonical_link, named, meta, page_url)
    return meta


@dataclass
class _MetadataNodes:
    """What ``//meta[@content]``, ``//script[@type="application/ld+json"]/text()`` and
    ``//link[@rel="canonical"]/@href`` select, in document order, found in one walk over
    the tree instead of three XPath scans."""

    metas: list[etree._Element] = field(default_factory=list)
    json_ld_texts: list[str] = field(default_factory=list)
    canonical_link: str | None = None

    @classmethod
    def of(cls, root: etree._Element) -> _MetadataNodes:
        found = cls()
        for element in root.iter("meta", "script", "link"):
            tag = element.tag
            if tag == "meta":
                if element.get("content") is not None:
                    found.metas.append(element)
            elif tag == "script":
                if element.get("type") == "application/ld+json":
                    found.json_ld_texts += _TEXTS(element)
            elif found.canonical_link is None and element.get("rel") == "canonical":
                found.canonical_link = element.get("href")
        return found


# -- JSON-LD ---------------------------------------------------------------------------------

def _read_json_ld(texts: list[str], meta: PageMetadata) -> None:
    articles: list[dict] = []
    pages: list[dict] = []
    for raw in texts:
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            meta.invalid_json_ld += 1
            logger.debug("Skipping invalid JSON-LD block (%d chars)", len(raw))
            continue
        for node in _walk_json(data):
            types = _types_of(node)
            if types & ARTICLE_TYPES:
                articles.append(node)
            elif types & PAGE_TYPES:
                pages.append(node)
    for node in articles + pages:
        _offer_json_ld_node(node, meta)


def _walk_json(data: Any, depth: int = 0) -> Iterator[dict]:
    """Every object in a JSON-LD document: lists, ``@graph`` and nested values."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_json(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _walk_json(value, depth + 1)


def _types_of(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    # "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if k}


def _offer_json_ld_node(node: dict, meta: PageMetadata) -> None:
    source = "json-ld"
    meta.offer("title", _as_text(node.get("headline") or node.get("name")), source)
    meta.offer("description", _as_text(node.get("description")), source)
    meta.offer("published", _as_text(node.get("datePublished")), source)
    meta.offer("modified", _as_text(node.get("dateModified")), source)
    meta.offer("authors", _json_ld_people(node.get("author")), source)
    meta.offer("section", _first_text(node.get("articleSection")), source)
    meta.offer("tags", _split_keywords(node.get("keywords")), source)
    meta.offer("images", _json_ld_images(node.get("image")), source)
    meta.offer("body", _as_text(node.get("articleBody")), source)
    if _types_of(node) & ARTICLE_TYPES:
        page = node.get("mainEntityOfPage")
        page_id = page.get("@id") if isinstance(page, dict) else page
        meta.offer("canonical_url", _as_text(page_id) or _as_text(node.get("url")), source)


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        return next((text for text in map(_as_text, value) if text), None)
    return _as_text(value)


def _json_ld_people(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
        elif isinstance(item, dict) and not (_types_of(item) & NON_PERSON_TYPES):
            name = _as_text(item.get("name"))
            if name:
                names.append(name)
    return names


def _json_ld_images(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    urls = []
    for item in items:
        url = _as_text(item.get("url") or item.get("contentUrl")) if isinstance(item, dict) \
            else _as_text(item)
        if url and url not in urls:
            urls.append(url)
    return urls


def _split_keywords(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    words: list[str] = []
    for item in items:
        if not isinstance(item, str):
            continue
        for word in item.split(","):
            word = word.strip()
            if word and word not in words:
                words.append(word)
    return words


# -- <meta> based sources ----------------------------------------------------------------------

def _meta_by_key(metas: list[etree._Element]) -> dict[str, list[str]]:
    """``{"property:og:title": [...], "name:dc.title": [...]}``, keys lower-cased, in page order."""
    found: dict[str, list[str]] = {}
    # Plain lxml here and below: a parsel Selector per node costs more than the reading.
    for node in metas:
        content = node.get("content", "").strip()
        if not content:
            continue
        for attribute in ("property", "name"):
            key = node.get(attribute)
            if key:
                found.setdefault(f"{attribute}:{key.strip().lower()}", []).append(content)
    return found


def _first(named: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for prefix in ("property:", "name:"):
            values = named.get(prefix + key)
            if values:
                return values[0]
    return None


def _all(named: dict[str, list[str]], key: str) -> list[str]:
    return named.get("property:" + key, []) + named.get("name:" + key, [])


def _read_open_graph(named: dict[str, list[str]], meta: PageMetadata) -> None:
    source = "opengraph"
    meta.offer("title", _first(named, "og:title"), source)
    meta.offer("description", _first(named, "og:description"), source)
    meta.offer("published", _first(named, "article:published_time"), source)
    meta.offer("modified", _first(named, "article:modified_time", "og:updated_time"), source)
    meta.offer("section", _first(named, "article:section"), source)
    meta.offer("tags", _split_keywords(_all(named, "article:tag")), source)
    # article:author is often a profile URL, which is not a name.
    authors = [a for a in _all(named, "article:author") if not a.startswith(("http:", "https:"))]
    meta.offer("authors", authors, source)
    meta.offer("images", _all(named, "og:image")[:1], source)


def _read_dublin_core(named: dict[str, list[str]], meta: PageMetadata) -> None:
    source = "dublin-core"
    meta.offer("title", _first(named, "dc.title"), source)
    meta.offer("description", _first(named, "dc.description"), source)
    meta.offer("published",
               _first(named, "dc.date.issued", "dc.date.created", "dc.date"), source)
    meta.offer("modified", _first(named, "dc.date.modified"), source)
    meta.offer("authors", _all(named, "dc.creator"), source)
    meta.offer("tags", _split_keywords(_all(named, "dc.subject")), source)
    identifier = _first(named, "dc.identifier")
    if identifier and identifier.startswith(("http:", "https:")):
        meta.offer("canonical_url", identifier, source)


def _read_microdata(selector: Selector, meta: PageMetadata) -> None:
    source = "microdata"
    by_property = _itemprop_nodes(selector)
    for name, prop in (("title", "headline"), ("description", "description"),
                       ("published", "datePublished"), ("modified", "dateModified"),
                       ("section", "articleSection"), ("body", "articleBody")):
        meta.offer(name, next(filter(None, map(_node_value, by_property.get(prop, []))), None),
                   source)
    authors = by_property.get("author")
    if authors:
        named = _NAMED(authors[0])
        meta.offer("authors", [_node_value(named[0] if named else authors[0])], source)


_MICRODATA_PROPERTIES = frozenset({"headline", "description", "datePublished", "dateModified",
                                   "articleSection", "articleBody", "author"})


def _itemprop_nodes(selector: Selector) -> dict[str, list[etree._Element]]:
    """The page's article properties, in one pass over the ``[itemprop]`` elements."""
    found: dict[str, list[etree._Element]] = {}
    for value in _ITEMPROP_VALUES(selector.root):
        props = _MICRODATA_PROPERTIES.intersection(value.split())
        if not props:
            continue
        node = value.getparent()
        if _belongs_to_article(node):
            for prop in props:
                found.setdefault(prop, []).append(node)
    return found


def _belongs_to_article(node: etree._Element) -> bool:
    # Only properties of the page's article, not of a nested ImageObject or Person (the
    # caption of a figure is often itemprop="description").
    scope = next(iter(_SCOPE_TYPE(node)), None)
    if scope is None:
        return True
    kind = scope.rstrip("/").rsplit("/", 1)[-1]
    return kind in ARTICLE_TYPES or kind in PAGE_TYPES


def _node_value(node: etree._Element) -> str:
    for attribute in ("content", "datetime"):
        value = node.get(attribute)
        if value and value.strip():
            return value.strip()
    return " ".join(_VISIBLE_TEXTS(node)).strip()


# -- canonical URL ---------------------------------------------------------------------------

def _choose_canonical(link: str | None, named: dict[str, list[str]], meta: PageMetadata,
                      page_url: str) -> None:
    """The first canonical URL candidate on the page's own site; off-site ones are ignored
    (a syndicated copy pointing at the original would otherwise take the original's id)."""
    candidates = [(link, "meta"), (_first(named, "og:url"), "opengraph")]
    if "canonical_url" in meta.values:
        candidates.append((meta.values.pop("canonical_url"), meta.sources.pop("canonical_url")))
    for url, source in candidates:
        if not url:
            continue
        absolute = _absolute(url.strip(), page_url)
        if absolute and same_site(absolute, page_url):
            meta.offer("canonical_url", absolute, source)
            return
        logger.debug("Ignoring off-site canonical URL %s on %s", url, page_url)


def _absolute(url: str, page_url: str) -> str | None:
    joined = urljoin(page_url, url)
    return joined if urlsplit(joined).scheme in ("http", "https") else None


def registered_domain(url: str) -> str:
    """``moit.gov.vn`` for ``https://www.moit.gov.vn/x``; the bare host for IPs and localhost."""
    return _registered_domain_of_host((urlsplit(url).hostname or "").lower())


@lru_cache(maxsize=1024)
def _registered_domain_of_host(host: str) -> str:
    parts = _split_domain(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host.removeprefix("www.")


def same_site(url: str, other_url: str) -> bool:
    return registered_domain(url) == registered_domain(other_url)
