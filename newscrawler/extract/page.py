"""The parsed page the chain reads: one lxml tree per response, and site selectors run on it.

Scrapy's ``response.selector`` decodes the body to text and parsel encodes that text back
to UTF-8 for lxml. For a UTF-8 page whose bytes give lxml exactly that input, the body is
parsed as it is: the same tree, for ~0.45 ms less on a 250 kB page (VnExpress). Every other
page goes through ``response.selector``.

Site selectors run as compiled XPath on the lxml tree, as parsel runs them, but without a
Selector wrapped around every result.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from urllib.parse import urljoin

from lxml import etree, html
from parsel import Selector
from parsel.csstranslator import HTMLTranslator
from scrapy.http import HtmlResponse, TextResponse
from w3lib.html import get_base_url

# What Scrapy reads a <base href> from: the first 4096 characters.
_BASE_SEARCH_CHARS = 4096
_CSS = HTMLTranslator()
# parsel's prefixes. It maps the EXSLT sets one only for queries that use it and then
# compiles afresh: a reused evaluator mapping it adds to its error log on every call.
_REGEXP_NAMESPACE = {"re": "http://exslt.org/regular-expressions"}
_ALL_NAMESPACES = {**_REGEXP_NAMESPACE, "set": "http://exslt.org/sets"}


@dataclass
class ParsedPage:
    selector: Selector
    urljoin: Callable[[str], str]


def parse_page(response: TextResponse) -> ParsedPage:
    """The response's document and a ``urljoin`` equal to ``response.urljoin``."""
    if not isinstance(response, HtmlResponse):
        return ParsedPage(response.selector, response.urljoin)
    stripped = response.body.strip()
    encoding = response.encoding  # a property that redoes its lookups on every read
    text = _utf8_text(response.body, stripped, encoding)
    if text is None:
        return ParsedPage(response.selector, response.urljoin)
    # As scrapy.utils.response.get_base_url and parsel.selector.create_root_node.
    base_url = get_base_url(text[:_BASE_SEARCH_CHARS], response.url, encoding)
    parser = html.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    root = etree.fromstring(stripped, parser=parser, base_url=base_url)
    if root is None:
        root = etree.fromstring(b"<html/>", parser=parser, base_url=base_url)
    return ParsedPage(Selector(root=root, type="html"), partial(urljoin, base_url))


def _utf8_text(body: bytes, stripped: bytes, encoding: str) -> str | None:
    """The response's text when its stripped body is the very input parsel would give lxml
    (``text.strip().replace("\\x00", "").encode("utf-8")``), else None: a body in valid
    UTF-8, without NUL bytes, starting with "<" (so no byte order mark) and ending with ">"
    after ASCII spaces (so bytes.strip() removes what str.strip() would)."""
    if stripped[:1] != b"<" or stripped[-1:] != b">" or b"\x00" in body:
        return None
    if codecs.lookup(encoding).name != "utf-8":
        return None
    try:
        return body.decode("utf-8")  # what response.text holds for valid UTF-8
    except UnicodeDecodeError:
        return None


def select(root: etree._Element, query: str) -> list:
    """What a site selector ("xpath:..." or CSS) matches, as lxml elements and strings;
    a scalar result (``concat(...)``) as a list of one, as parsel gives it."""
    if query.startswith("xpath:"):
        xpath = query.removeprefix("xpath:")
    else:
        xpath = _CSS.css_to_xpath(query)  # cached by the translator
    if "set:" in xpath:
        evaluator = etree.XPath(xpath, namespaces=_ALL_NAMESPACES, smart_strings=False)
    else:
        evaluator = _compiled(xpath)
    result = evaluator(root)
    return result if isinstance(result, list) else [result]


@lru_cache(maxsize=256)
def _compiled(xpath: str) -> etree.XPath:
    # The same few selectors serve every page of a site.
    return etree.XPath(xpath, namespaces=_REGEXP_NAMESPACE, smart_strings=False)


# Elements whose edges separate words; inline ones (a, strong, em, span...) do not, so a
# link followed by its sentence's full stop stays "link." (moit leads link congthuong.vn).
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
                     "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
                     "header", "hr", "li", "main", "nav", "ol", "p", "section", "table", "tbody",
                     "td", "th", "thead", "tr", "ul"})
_SKIPPED = frozenset({"script", "style"})


def node_text(node: etree._Element | str) -> str:
    """The text of a selected element without scripts and styles, or a selected string."""
    if isinstance(node, str):
        return node
    parts: list[str] = []
    _collect_text(node, parts)
    return "".join(parts)


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED:
        return
    block = tag in _BLOCKS
    if block:
        parts.append(" ")
    if isinstance(element.tag, str) and element.text:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append(" ")
