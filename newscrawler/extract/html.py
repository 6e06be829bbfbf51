"""Turn an article's content container into paragraphs, images and attachments.

The walk keeps the reading order of the container and splits the text at block elements.
Image boxes are moved out of the text with their captions, so a caption never becomes a body
paragraph:

* MasterCMS (congthuong.vn and sister sites) puts an image in ``table.MASTERCMS_TPL_TABLE``
  whose second row is the caption (research/vn_sites.md §1 point 4, §2.1).
* ``figure`` + ``figcaption`` (VnExpress fixture and HTML5 sites), ``.caption`` /
  ``.PhotoCMS_Caption`` beside an image (old baochinhphu.vn: images in ``table``, caption
  ``.caption > p``, research §2.4).

Related-news boxes inside the container are skipped (baochinhphu.vn's
``div.VCSortableInPreviewMode.alignCenter.type-6``, research §2.4, and common class names).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.extract.text import normalize_paragraphs, normalize_text

logger = logging.getLogger(__name__)

SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea",
    "svg", "video", "audio", "object", "embed", "template", "nav", "head", "map", "canvas",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "center", "address", "hr", "br", "figure",
    "caption",
})
# An <h1> inside the container repeats the title, which is its own field.
DROPPED_TEXT_TAGS = frozenset({"h1"})
RELATED_MARKERS = ("related", "tin-lien-quan", "tinlienquan", "box-related", "relate",
                   "vcsortableinpreviewmode")
CAPTION_MARKERS = ("caption", "photocms_caption", "image-caption", "img-caption")
IMAGE_TABLE_MARKERS = ("mastercms_tpl_table", "tplcaption", "image", "picture", "photo")
ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar")
# Lazy-loading sites keep the real image URL in a data-* attribute and a placeholder in src.
IMAGE_URL_ATTRIBUTES = ("data-src", "data-original", "data-lazy-src", "data-srcset", "src")
# Any of the markers, in one regex search instead of a substring test per marker.
_RELATED = re.compile("|".join(map(re.escape, RELATED_MARKERS)))
_CAPTION = re.compile("|".join(map(re.escape, CAPTION_MARKERS)))
_IMAGE_TABLE = re.compile("|".join(map(re.escape, IMAGE_TABLE_MARKERS)))
# A letter or digit: a block without one is punctuation or decoration only.
_HAS_TEXT = re.compile(r"[^\W_]")
LINK_BLOCK_SHARE = 0.8
# Compiled once: Element.xpath() compiles its query on every call.
_VISIBLE_TEXTS = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]",
                             smart_strings=False)
_IMAGES = etree.XPath(".//img")
_ROWS = etree.XPath(".//tr")
_LINKS = etree.XPath(".//a[@href]")
_PHOTO_MARKS = etree.XPath(".//figcaption | .//*[contains(@class, 'PhotoCMS_Caption')]")
_CAPTION_QUERIES = tuple(etree.XPath(query) for query in (
    ".//figcaption", ".//*[contains(@class, 'PhotoCMS_Caption')]",
    ".//*[contains(@class, 'caption') or contains(@class, 'Caption')]"))


@dataclass
class ContainerContent:
    paragraphs: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)


def class_and_id(element: etree._Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def is_related_box(element: etree._Element) -> bool:
    markers = class_and_id(element)
    if not _RELATED.search(markers):
        return False
    # VCCorp-style CMSs wrap photos in the same sortable box as related news (assumption:
    # not in research/vn_sites.md); a figure, a type="Photo" box or one with a caption slot
    # (even an empty one) is a photo, not news.
    return not ("vcsortableinpreviewmode" in markers and _is_photo_box(element))


def _is_photo_box(element: etree._Element) -> bool:
    return (
        element.tag == "figure"
        or element.get("type", "").lower() == "photo"
        or bool(_PHOTO_MARKS(element))
    )


def is_image_box(element: etree._Element) -> bool:
    tag = element.tag
    if tag == "figure":
        return True
    if tag == "table":
        if not _IMAGES(element):
            return False
        markers = class_and_id(element)
        if _IMAGE_TABLE.search(markers):
            return True
        # An unmarked table holding an image and a line or two of text is an image box.
        return len(_ROWS(element)) <= 3 and len(_text_of(element)) < 300
    if tag == "div" and "vcsortableinpreviewmode" in class_and_id(element):
        return bool(_IMAGES(element))
    return False


def is_hidden(element: etree._Element) -> bool:
    """Hidden from readers (`hidden`, inline `display: none`): a print copy, a data slot."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def is_caption(element: etree._Element) -> bool:
    return bool(_CAPTION.search(element.get("class", "").lower()))


def _text_of(element: etree._Element) -> str:
    return normalize_text(" ".join(_VISIBLE_TEXTS(element)))


def _caption_of(box: etree._Element) -> str | None:
    for query in _CAPTION_QUERIES:
        found = query(box)
        if found:
            return _text_of(found[0]) or None
    if box.tag == "table":
        # MasterCMS: the rows without the image hold the caption.
        rows = [row for row in _ROWS(box) if not _IMAGES(row)]
        text = normalize_text(" ".join(_text_of(row) for row in rows))
        return text or None
    return None


def image_url(img: etree._Element, urljoin: Callable[[str], str]) -> str | None:
    for attribute in IMAGE_URL_ATTRIBUTES:
        value = (img.get(attribute) or "").strip()
        if attribute == "data-srcset":
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith("data:"):
            return urljoin(value)
    return None


def is_attachment(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(ATTACHMENT_EXTENSIONS)


class _ContainerWalker:
    """One walk over one or more containers, collecting text blocks, images and links."""

    def __init__(self, urljoin: Callable[[str], str], excluded: Iterable[etree._Element],
                 drop_link_blocks: bool):
        self.urljoin = urljoin
        self.excluded = set(excluded)
        self.drop_link_blocks = drop_link_blocks
        self.blocks: list[str] = []
        self.pending: list[str] = []
        self.pending_link_chars = 0
        self.link_depth = 0
        self.content = ContainerContent()

    def add_text(self, text: str) -> None:
        self.pending.append(text)
        if self.link_depth:
            self.pending_link_chars += len(text.strip())

    def flush(self) -> None:
        if self.pending:
            block = "".join(self.pending)
            if not (self.drop_link_blocks and self._is_link_block(block)):
                self.blocks.append(block)
            self.pending = []
            self.pending_link_chars = 0

    def _is_link_block(self, block: str) -> bool:
        return bool(_HAS_TEXT.search(block)) and (
            self.pending_link_chars >= LINK_BLOCK_SHARE * len(block.strip()))

    def walk(self, element: etree._Element) -> None:
        # Each read of .tag, .text or .tail builds a new string: read each once.
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions
            return
        # Most elements carry no class or id: skip the marker tests for them.
        marked = element.get("class") is not None or element.get("id") is not None
        if tag in SKIPPED_TAGS or element in self.excluded or is_hidden(element) or (
            marked and is_related_box(element)
        ):
            return
        if tag in ("figure", "table", "div") and is_image_box(element):
            self.flush()
            self.add_image_box(element)
            return
        if marked and self.content.images and is_caption(element):
            # A caption standing after an image, outside any box: belongs to that image.
            self.content.images[-1]["caption"] = self.content.images[-1]["caption"] \
                or _text_of(element) or None
            return
        if tag == "img":
            self.add_image(element, None)
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag == "a":
            self.add_link(element)
            self.link_depth += 1
        text = element.text
        if text and tag not in DROPPED_TEXT_TAGS:
            self.add_text(text)
        for child in element:
            self.walk(child)
            tail = child.tail
            if tail:
                self.add_text(tail)
        if tag == "a":
            self.link_depth -= 1
        if block:
            if tag in DROPPED_TEXT_TAGS:
                self.pending = []
            self.flush()

    def add_image_box(self, box: etree._Element) -> None:
        caption = _caption_of(box)
        for img in _IMAGES(box):
            self.add_image(img, caption)
        for link in _LINKS(box):
            self.add_link(link)

    def add_image(self, img: etree._Element, caption: str | None) -> None:
        url = image_url(img, self.urljoin)
        if url and all(image["url"] != url for image in self.content.images):
            self.content.images.append({"url": url, "caption": caption})

    def add_link(self, link: etree._Element) -> None:
        href = (link.get("href") or "").strip()
        # Test the raw href first: joining every link of a page costs more than the walk.
        if not href or not is_attachment(href) or href.startswith(("javascript:", "mailto:")):
            return
        url = self.urljoin(href)
        if all(a["url"] != url for a in self.content.attachments):
            title = _text_of(link) or urlsplit(url).path.rsplit("/", 1)[-1]
            self.content.attachments.append({"url": url, "title": title})


def container_content(
    containers: Iterable[etree._Element],
    urljoin: Callable[[str], str],
    excluded: Iterable[etree._Element] = (),
    *,
    drop_link_blocks: bool = False,
) -> ContainerContent:
    """Paragraphs (normalised, boilerplate dropped), images and attachments of the given
    container elements, in order. ``excluded`` elements (e.g. an author line matched by its
    own selector) are left out of the text. ``drop_link_blocks`` drops blocks made mostly of
    link text (share bars, tag lists, related links): right for a container found by
    guessing, too eager for one a site selector names (its author line may be a link)."""
    walker = _ContainerWalker(urljoin, excluded, drop_link_blocks)
    for container in containers:
        walker.walk(container)
        walker.flush()
    walker.content.paragraphs = [
        paragraph
        for paragraph in normalize_paragraphs(walker.blocks)
        if _HAS_TEXT.search(paragraph)
    ]
    return walker.content
