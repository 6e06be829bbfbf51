"""Small pieces every replica platform renders with: escaping, weekdays, a placeholder image.

Kept in one place so that the platform modules hold only what differs between platforms.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscrawler.replica.corpus import ReplicaArticle

HTML = "text/html; charset=utf-8"
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
# A 1x1 GIF stands in for every image: the crawler needs image URLs, not image bytes.
PLACEHOLDER_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def esc(text: str) -> str:
    """Element text; a no-break space is written as `&nbsp;`, as CMS editors leave it."""
    return escape(text, quote=False).replace("\u00a0", "&nbsp;")


def attr(text: str) -> str:
    """An attribute value (no-break spaces become plain spaces)."""
    return escape(text.replace("\u00a0", " "), quote=True)


def site_path(url: str, origin: str) -> str:
    """A link as the site writes it: relative to its own origin."""
    return url[len(origin):] if url.startswith(origin) else url


def byline_text(article: ReplicaArticle) -> str:
    """The signature: names joined by " - ", then the source in parentheses ("" if none)."""
    names = " - ".join(article.authors)
    if not article.source:
        return names
    return f"{names} ({article.source})" if names else article.source


def right_byline(article: ReplicaArticle) -> str:
    """The byline as a bold right-aligned paragraph, or "" for an unsigned article (the
    portal and VHV replicas end their bodies so; each module says what that rests on)."""
    byline = byline_text(article)
    return f'<p style="text-align: right;"><strong>{esc(byline)}</strong></p>' if byline else ""
