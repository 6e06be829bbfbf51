"""Block, challenge and shell pages: answers that look like a page but hold no article.

A firewall may answer a crawler with HTTP 200 and a short rejection page, a bot wall with
a tiny script that sets a cookie and reloads, a portal with an access-denied notice or a
JavaScript application's empty shell. Extracting such a page would export garbage, or
drop the article silently. `classify_response` names the kind before extraction; the
spider then records the URL as a failure `blocked: <kind>` (retried by a later run, per
the frontier's rules; never marked known, never exported).

Pure: nothing but the response (and the site's own markers) decides.

Kinds and the evidence for their signals:
- `firewall`: a WAF rejection served with HTTP 200, about 246 bytes, "Request Rejected"
  (sbv.gov.vn answering python-requests, measured 2026-08-14/15, vn_sites_2026 §14,
  idx:62053534597);
- `challenge`: a 177-byte script that sets `document.cookie` and reloads (mod.gov.vn's
  robots.txt, vn_sites_2026 §13-14; opensanctions PR #4385, 2026-06-04). A full page
  with a non-gating `document.cookie` script (chinhphu.vn's home page, §14, 2026-10-06)
  is not one: the signal requires a tiny page with no text;
- `access-denied`: "Thông báo từ chối truy cập", "Hệ thống đang gặp vấn đề khi xử lý yêu
  cầu của bạn" (mae.gov.vn block markers, vn_sites_2026 §14, idx:61997304903);
- `app-shell`: a single-page application's shell, an empty root element and scripts,
  no text (mof.gov.vn's Vue SPA, fix of 2026-07-14, idx:54660080281);
ASSUMPTION: `captcha` markup (reCAPTCHA/hCaptcha/Turnstile widgets, a captcha field)
  and the generic English markers ("Access Denied", "403 Forbidden") are common web
  knowledge, not seen on these sites.
ASSUMPTION: the size limits (4 KiB for a script stub, 1500 characters of visible text
  for a notice) are ours: a one-paragraph article page with its site's menus is longer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

KINDS = ("firewall", "challenge", "captcha", "access-denied", "app-shell")

STUB_BYTES = 4096  # a cookie-challenge stub is ~177 bytes
NOTICE_CHARS = 1500  # visible text of a rejection/denial notice, at most
SHELL_CHARS = 200  # visible text of an application shell, at most

FIREWALL_MARKERS = ("the requested url was rejected", "request rejected",
                    "your support id is")
DENIED_MARKERS = ("thông báo từ chối truy cập",
                  "hệ thống đang gặp vấn đề khi xử lý yêu cầu của bạn",
                  "truy cập bị từ chối", "access denied", "403 forbidden",
                  "you don't have permission to access")
CAPTCHA_MARKUP = ("g-recaptcha", "h-captcha", "cf-turnstile", "recaptcha/api.js",
                  'name="captcha"', 'id="captcha"')
CAPTCHA_TEXT = ("captcha", "không phải là robot", "i'm not a robot")
_COOKIE_SET = re.compile(r"document\.cookie\s*=")
_RELOAD = re.compile(r"location\.(reload|replace|href)|window\.location\s*=")
_VISIBLE = ("//body//text()[not(ancestor::script) and not(ancestor::style)"
            " and not(ancestor::noscript) and not(ancestor::template)]")


@dataclass(frozen=True)
class BlockPage:
    kind: str  # one of KINDS
    evidence: str  # what gave it away, for the log

    @property
    def reason(self) -> str:
        return f"blocked: {self.kind}"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _first(markers: Iterable[str], haystack: str) -> str | None:
    return next((marker for marker in markers if _fold(marker) in haystack), None)


def classify_response(response, site_markers: Mapping[str, Iterable[str]] | None = None
                      ) -> BlockPage | None:
    """The block kind of a text response, or None for a page that may be an article.
    `site_markers`: kind -> strings that, anywhere in the page, mean that kind (a
    site's own block page)."""
    html = _fold(response.text)
    for kind, markers in (site_markers or {}).items():
        if (marker := _first(markers, html)) is not None:
            return BlockPage(kind, f"site marker {marker!r}")
    text = _fold(" ".join(response.xpath(_VISIBLE).getall()))
    return classify_text(html, text, len(response.body))


def classify_text(html: str, text: str, size: int) -> BlockPage | None:
    """The generic rules, on folded (NFC, lower case, single-spaced) markup and visible
    text, and the body's size in bytes."""
    if len(text) <= NOTICE_CHARS:
        if (marker := _first(FIREWALL_MARKERS, text)) is not None:
            return BlockPage("firewall", f"{marker!r} in {len(text)} characters")
        if (marker := _first(DENIED_MARKERS, text)) is not None:
            return BlockPage("access-denied", f"{marker!r} in {len(text)} characters")
        marker = _first(CAPTCHA_MARKUP, html) or _first(CAPTCHA_TEXT, text)
        if marker is not None:
            return BlockPage("captcha", f"{marker!r} in {len(text)} characters")
    if len(text) <= SHELL_CHARS and "<script" in html:
        if size <= STUB_BYTES and _COOKIE_SET.search(html) and _RELOAD.search(html):
            return BlockPage("challenge", f"a {size}-byte script setting a cookie")
        return BlockPage("app-shell", f"scripts and {len(text)} characters of text")
    return None
