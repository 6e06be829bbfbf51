"""Generic fallbacks: main text, title, date, lead, category and images of any article page.

Main text is trafilatura's, chosen by measurement on the AEB dev half (90 pages,
metric aeb_metric.py of tests/fixtures/reference; prediction = lead + blank line + body, as
benchmarks/bench_extraction.py scores it). Numbers measured 2026-11-26, trafilatura 2.3.1:

    trafilatura alone, favor_precision, comments off ... F1 0.9642  P 0.9535  R 0.9752
    trafilatura alone, default ......................... F1 0.9573  P 0.9365  R 0.9790
    trafilatura alone, favor_recall .................... F1 0.9596  P 0.9406  R 0.9793
    precision, then default when shorter than 1000 chars F1 0.9645  (+0.0003, +3 ms/page)
    precision, tables off .............................. F1 0.9563

The option sweep moves F1 by noise only, so this module runs favor_precision once, on the
already parsed tree (trafilatura copies it; parsing again would cost ~5 ms/page). What the
chain adds on top was measured the same way (lead + body prediction):

    lead = description as is, body = trafilatura .............. F1 0.9316  P 0.8940
    + a lead the body repeats becomes the first paragraph ...... F1 0.9456
    + JSON-LD articleBody only as last resort ................. F1 0.9515
    + whole-body repeat test (was: first 3 paragraphs) ......... F1 0.9595
    + a description not shown on the page is no lead ........... F1 0.9632
    + the page's [itemprop=articleBody] element, link blocks cut F1 0.9645
    + sapo fallback only right after the <h1>, leads >= 8 words  F1 0.9655  P 0.9520  R 0.9793
    trafilatura favor_precision alone, same run ............... F1 0.9646  P 0.9536  R 0.9758

Dates come only from the main content zone: a short text node near the article's <h1>, never
inside a header/footer/nav or an element whose class or id marks a header, top bar or clock
(the seed page's "Đường dây nóng: 0866.59.4498 - Thứ sáu 21/09/2018 11:32" is the site's
clock, research/vn_sites.md §1 point 2). htmldate is deliberately not used: it looks at the
whole page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime

import trafilatura
from lxml import etree
from parsel import Selector

from newscrawler.extract.dates import parse_date
from newscrawler.extract.html import ContainerContent, container_content
from newscrawler.extract.text import (
    is_boilerplate,
    normalize_paragraphs,
    normalize_text,
    normalized_longer_than,
)

logger = logging.getLogger(__name__)

# Captions and image boxes are pruned before trafilatura so they never reach the body.
CAPTION_PRUNE_XPATH = [
    "//figcaption",
    "//*[contains(@class, 'PhotoCMS_Caption')]",
    "//table[contains(@class, 'MASTERCMS_TPL_TABLE')]//tr[not(.//img)]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]",
]
_EXCLUDED_ZONE = re.compile(
    r"(?<![a-z])(header|footer|top(?!ic)|clock|hotline|time-now|date-now|navbar|menu)"
)
_EXCLUDED_ZONE_TAGS = frozenset({"header", "footer", "nav", "aside"})
_NOT_DATE_HOLDERS = frozenset({"script", "style", "a", "title", "option"})
_LEAD_CLASS = re.compile(r"(?<![a-z])(sapo|lead|summary|description|desc|intro|excerpt)")
# A day and month, or a year: a bare clock time ("11:32") is no publication date.
_DATE_LIKE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}|\b(19|20)\d\d\b|tháng", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:]\s+")
# As //*[contains(@class, 'readcrum')]//a, testing the class attributes only: an XPath
# predicate on every element of the page costs more than the rest of the lookup.
_BREADCRUMB_LINKS = etree.XPath("//@class[contains(., 'readcrum')]/..//a")
MAX_DATE_TEXT = 80
DATE_SCAN_AFTER_TITLE = 40
DATE_SCAN_BEFORE_TITLE = 8
MAX_DATE_ATTEMPTS = 4
LEAD_SCAN_AFTER_TITLE = 30


def main_text(root: etree._Element, url: str | None) -> list[str]:
    """Main-text paragraphs of the page by trafilatura (favor_precision), captions pruned."""
    try:
        text = trafilatura.extract(
            root, url=url, favor_precision=True, include_comments=False,
            prune_xpath=CAPTION_PRUNE_XPATH,
        )
    except Exception:  # trafilatura has raised on odd trees; a missing body is recoverable
        logger.warning("trafilatura failed on %s", url, exc_info=True)
        return []
    return normalize_paragraphs((text or "").split("\n"))


def title_element(selector: Selector) -> Selector | None:
    """The article's <h1>: outside header/footer/nav, not a logo, the longest such text."""
    best, best_length = None, 0
    for h1 in selector.xpath("//h1"):
        if h1.xpath("ancestor::header | ancestor::footer | ancestor::nav | .//img"):
            continue
        length = len(normalize_text(h1.xpath("string(.)").get()))
        if length > best_length:
            best, best_length = h1, length
    return best


def find_title(selector: Selector) -> str | None:
    h1 = title_element(selector)
    if h1 is not None:
        return normalize_text(h1.xpath("string(.)").get()) or None
    return strip_site_name(normalize_text(selector.xpath("string(//title)").get())) or None


def strip_site_name(title: str) -> str:
    """'Article title - Site name' -> 'Article title' when the last part is short."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1 and len(parts[-1].split()) <= 4 and len(parts[-1]) < len(title) / 2:
        return title[: title.rfind(parts[-1])].rstrip(" -|–—:")
    return title


def in_excluded_zone(node: etree._Element, title: etree._Element | None) -> bool:
    """True inside a header/footer/clock zone, unless that zone also holds the article title
    (an <article><header> with title and date is the article's own header)."""
    for ancestor in node.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        marked = ancestor.tag in _EXCLUDED_ZONE_TAGS or _EXCLUDED_ZONE.search(
            f"{ancestor.get('class', '')} {ancestor.get('id', '')}".lower()
        )
        if marked and (title is None or not _contains(ancestor, title)):
            return True
    return False


def _contains(ancestor: etree._Element, node: etree._Element) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


def find_date(
    selector: Selector, *, fetched_at: datetime | None, month_first: bool = False
) -> tuple[datetime, str] | None:
    """(date, text as shown) of the first short date text near the <h1>, after it first."""
    h1 = title_element(selector)
    if h1 is None:
        return None
    title = h1.root
    # Plain lxml: its text results know their parent element, parsel's plain strings do not.
    after = title.xpath(
        f"following::text()[normalize-space()][position() <= {DATE_SCAN_AFTER_TITLE}]"
    )
    before = title.xpath(
        f"preceding::text()[normalize-space()][position() <= {DATE_SCAN_BEFORE_TITLE}]"
    )
    scan = _DateScan(title)
    attempts = 0
    for node in list(after) + list(reversed(before)):
        text = scan.candidate(node)
        if text is None:
            continue
        if text not in scan.parsed:
            scan.parsed[text] = parse_date(text, fetched_at=fetched_at, month_first=month_first)
        if scan.parsed[text]:
            return scan.parsed[text], text
        attempts += 1
        # dateparser costs ~1 ms a try; a date this far from the title is no byline date.
        if attempts >= MAX_DATE_ATTEMPTS:
            break
    return None


class _DateScan:
    """The date candidates around one title. Each holder element is tried once; the
    neighbouring candidates widen to the same elements and often to the same text, so each
    element's text is read once and each text parsed once (dateparser costs ~1 ms)."""

    def __init__(self, title: etree._Element):
        self.title = title
        # Elements, not id()s: a freed element's id can come back for another element.
        self.tried: set[etree._Element] = set()
        self.texts: dict[etree._Element, str | None] = {}
        self.parsed: dict[str, datetime | None] = {}

    def candidate(self, node: str) -> str | None:
        """The text around a text node when it may be a date; None when it is no candidate
        (or its holder was tried already)."""
        # A tail text's getparent() is the element before it, not the one that holds it.
        owner = node.getparent() if hasattr(node, "getparent") else None
        parent = owner.getparent() if owner is not None and node.is_tail else owner
        if parent is None or not isinstance(parent.tag, str) or parent.tag in _NOT_DATE_HOLDERS:
            return None
        if parent in self.tried:
            return None
        self.tried.add(parent)
        text = self.widest_text(parent)
        if not text or not _DATE_LIKE.search(text) or is_boilerplate(text):
            return None
        if in_excluded_zone(parent, self.title) or parent.tag in _EXCLUDED_ZONE_TAGS:
            return None
        return text

    def widest_text(self, element: etree._Element) -> str | None:
        """The widest short text around a node: "09:00 | 10/03/2021" split over two <span>s
        (MasterCMS, research/vn_sites.md §1 point 3) is read whole, not as a bare time."""
        found = None
        for _ in range(3):
            text = self.short_text(element)
            if text is None:
                break
            found = text
            element = element.getparent()
            if element is None or element.tag in ("body", "html"):
                break
            if _contains(element, self.title):
                break
        return found

    def short_text(self, element: etree._Element) -> str | None:
        """The element's normalised text, None when longer than MAX_DATE_TEXT."""
        if element not in self.texts:
            raw = " ".join(element.itertext())
            # Widening soon reaches a whole article: tell it is too long before normalising.
            text = None if normalized_longer_than(raw, MAX_DATE_TEXT) else normalize_text(raw)
            if text is not None and len(text) > MAX_DATE_TEXT:
                text = None
            self.texts[element] = text
        return self.texts[element]


def find_lead(selector: Selector) -> str | None:
    """A sapo-like block (class sapo/lead/summary/description...) shortly after the <h1>;
    further away such blocks are the teasers of other articles."""
    h1 = title_element(selector)
    if h1 is None:
        return None
    for node in h1.xpath(f"following::*[@class][position() <= {LEAD_SCAN_AFTER_TITLE}]"):
        if node.root.tag not in ("p", "div", "h2", "span") or not _LEAD_CLASS.search(
            node.attrib.get("class", "").lower()
        ):
            continue
        text = normalize_text(node.xpath("string(.)").get())
        if 40 <= len(text) <= 1000 and not in_excluded_zone(node.root, h1.root):
            return text
    return None


def find_category(selector: Selector) -> str | None:
    """The deepest breadcrumb entry that is a link."""
    # "readcrum" matches breadcrumb, Breadcrumb and baochinhphu.vn's old "breadcrums"
    # (research/vn_sites.md §2.4) without a translate() on every element.
    crumbs = _BREADCRUMB_LINKS(selector.root)
    names = [normalize_text(" ".join(crumb.itertext())) for crumb in crumbs]
    names = [name for name in names if name and len(name) < 60]
    return names[-1] if len(names) > 1 else None


def main_zone_content(selector: Selector, urljoin: Callable[[str], str]) -> ContainerContent:
    """Images and attachments of the main content zone (articleBody, else the largest
    <article>, else <main>); empty when the page has no such zone."""
    zone = selector.xpath('//*[@itemprop="articleBody"]')
    if not zone:
        articles = selector.xpath("//article")
        zone = sorted(articles, key=lambda a: len(a.xpath("string(.)").get()))[-1:]
    if not zone:
        zone = selector.xpath("//main")[:1]
    return container_content([node.root for node in zone], urljoin)
