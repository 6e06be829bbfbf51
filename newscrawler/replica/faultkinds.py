"""What each fault kind of `faults.py` does to a request: the bytes on the socket.

Each fault is a function `(injector, hit)` that answers the request `hit` in its own way
through the server's handler (`send_reply`, or the raw socket for resets, truncation and
stalls). `faults.FaultInjector` decides which request meets which fault.
"""

from __future__ import annotations

import gzip
import logging
import re
import socket
import struct
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from newscrawler.replica.mastercms_parts import listing_href, split_listing_route

if TYPE_CHECKING:
    from newscrawler.replica.faults import FaultInjector

logger = logging.getLogger(__name__)

OFFSITE_HOST = "quangcao.example.net"  # reserved name: no real site
OVERSIZE_BYTES = 21 * 1024 * 1024  # over the default DOWNLOAD_MAXSIZE (20 MiB)
BOMB_BYTES = 64 * 1024 * 1024  # decompressed size of the gzip bomb
MARKER = "replica-"  # utm_source values of the faults' own redirect hops
HTML = "text/html; charset=utf-8"


@dataclass
class Hit:
    """One request that meets a fault, with what the site would have answered."""

    handler: Any  # the server's request handler: its socket, send_reply()
    site: Any
    path: str  # the path on the site, with its query
    status: int
    headers: dict[str, str]
    body: bytes
    send_body: bool


# --- paths and markers ----------------------------------------------------------------

def site_path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _with_param(path: str, param: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{param}"


def _marker_value(path: str) -> str | None:
    values = parse_qs(urlsplit(path).query).get("utm_source", [])
    return next((value for value in values if value.startswith(MARKER)), None)


def marked_hop(path: str) -> str | None:
    """The hop kind of a fault's own redirect URL ('replica-hop-1'...), else None."""
    marker = _marker_value(path)
    return marker if marker in HOPS else None


def strip_marker(path: str) -> str:
    marker = _marker_value(path)
    if marker is None:
        return path
    stripped = re.sub(rf"[?&]utm_source={re.escape(marker)}", "", path)
    return stripped if "?" in stripped or "&" not in stripped else stripped.replace("&", "?", 1)


# --- writing to the socket ------------------------------------------------------------

def _abort(handler: Any) -> None:
    """Drop the connection with a TCP reset (SO_LINGER 0), whatever was sent before."""
    handler.close_connection = True
    try:
        handler.wfile.flush()
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                      struct.pack("ii", 1, 0))
        handler.connection.close()
    except OSError:
        pass


def _send_head(hit: Hit, status: int, headers: dict[str, str]) -> None:
    hit.handler.send_response(status)
    for name, value in headers.items():
        hit.handler.send_header(name, value)
    hit.handler.end_headers()


def _redirect(hit: Hit, status: int, location: str) -> None:
    hit.handler.send_reply(status, {"Content-Type": HTML, "Location": location}, b"",
                           hit.send_body)


# --- the faults -----------------------------------------------------------------------

def _error(status: int, retry_after: str | None = None) -> Callable[[FaultInjector, Hit], None]:
    def fault(injector: FaultInjector, hit: Hit) -> None:
        headers = {"Content-Type": HTML}
        seconds = injector.profile.retry_after_s
        if retry_after == "seconds":
            headers["Retry-After"] = str(seconds)
        elif retry_after == "date":  # the other form RFC 9110 allows
            moment = datetime.now(UTC) + timedelta(seconds=seconds + 1)
            headers["Retry-After"] = format_datetime(moment, usegmt=True)
        body = f"<html><body><h1>{status}</h1></body></html>".encode()
        hit.handler.send_reply(status, headers, body, hit.send_body)
    return fault


def _slow(injector: FaultInjector, hit: Hit) -> None:
    time.sleep(injector.profile.slow_s)
    hit.handler.send_reply(hit.status, hit.headers, hit.body, hit.send_body)


def _timeout(injector: FaultInjector, hit: Hit) -> None:
    time.sleep(injector.profile.stall_s)
    _abort(hit.handler)


def _reset(injector: FaultInjector, hit: Hit) -> None:
    _abort(hit.handler)


def _truncated(injector: FaultInjector, hit: Hit) -> None:
    _send_head(hit, hit.status, {**hit.headers, "Content-Length": str(len(hit.body))})
    try:
        hit.handler.wfile.write(hit.body[: len(hit.body) // 2])
    except OSError:
        pass
    _abort(hit.handler)


def _transform(change: Callable[[bytes], bytes], content_type: str | None = None
               ) -> Callable[[FaultInjector, Hit], None]:
    def fault(injector: FaultInjector, hit: Hit) -> None:
        headers = dict(hit.headers)
        if content_type is not None:
            headers["Content-Type"] = content_type
        hit.handler.send_reply(hit.status, headers, change(hit.body), hit.send_body)
    return fault


_UNCLOSED = re.compile(rb"</(p|li|body|html)>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta\s+(charset=[^>]*|http-equiv=[\"']?content-type[^>]*)>",
                           re.IGNORECASE)


def invalid_html(body: bytes) -> bytes:
    """Markup a browser repairs: no closing p/li/body/html, stray end tags, no doctype."""
    body = _UNCLOSED.sub(b"", re.sub(rb"<!DOCTYPE[^>]*>", b"", body, flags=re.IGNORECASE))
    return re.sub(rb"(<body[^>]*>)", rb"\1</font></b></span>", body, count=1)


def without_charset(body: bytes) -> bytes:
    return _META_CHARSET.sub(b"", body)


def nfd(body: bytes) -> bytes:
    return unicodedata.normalize("NFD", body.decode("utf-8")).encode("utf-8")


_HOP_LOCATIONS = {"redirect_chain": (301, "replica-hop-1"),
                  "replica-hop-1": (302, "replica-hop-2"),
                  "replica-hop-2": (307, "replica-hop-end"),
                  "redirect_loop": (302, "replica-loop-a"),
                  "replica-loop-a": (302, "replica-loop-b"),
                  "replica-loop-b": (302, "replica-loop-a")}
HOPS = {*_HOP_LOCATIONS, "replica-hop-end"} - {"redirect_chain", "redirect_loop"}


def _hop_fault(kind: str) -> Callable[[FaultInjector, Hit], None]:
    def fault(injector: FaultInjector, hit: Hit) -> None:
        status, marker = _HOP_LOCATIONS[kind]
        _redirect(hit, status, _with_param(strip_marker(hit.path), f"utm_source={marker}"))
    return fault


def _hop_end(injector: FaultInjector, hit: Hit) -> None:
    hit.handler.send_reply(hit.status, hit.headers, hit.body, hit.send_body)


def _offsite(injector: FaultInjector, hit: Hit) -> None:
    _redirect(hit, 302, f"https://{OFFSITE_HOST}{hit.path}")


def _scheme_redirect(injector: FaultInjector, hit: Hit) -> None:
    _redirect(hit, 302, "file:///etc/passwd")


def _oversize(injector: FaultInjector, hit: Hit) -> None:
    _send_head(hit, 200, {"Content-Type": HTML, "Content-Length": str(OVERSIZE_BYTES)})
    if not hit.send_body:
        return
    chunk = b"<!-- " + b"x" * (64 * 1024 - 9) + b" -->"
    try:
        for _ in range(OVERSIZE_BYTES // len(chunk)):
            hit.handler.wfile.write(chunk)
        hit.handler.wfile.write(b" " * (OVERSIZE_BYTES % len(chunk)))
    except OSError:  # the crawler hung up, as it should
        hit.handler.close_connection = True


@cache
def gzip_bomb() -> bytes:
    member = gzip.compress(b" " * (1024 * 1024), compresslevel=9, mtime=0)
    # Concatenated gzip members decompress to the concatenation (RFC 1952).
    return member * (BOMB_BYTES // (1024 * 1024))


def _gzip_bomb(injector: FaultInjector, hit: Hit) -> None:
    bomb = gzip_bomb()
    _send_head(hit, 200, {"Content-Type": HTML, "Content-Encoding": "gzip",
                          "Content-Length": str(len(bomb))})
    if hit.send_body:
        try:
            hit.handler.wfile.write(bomb)
        except OSError:
            hit.handler.close_connection = True


def _not_found(injector: FaultInjector, hit: Hit) -> None:
    hit.handler.send_reply(404, {"Content-Type": HTML},
                           b"<html><body><h1>404</h1></body></html>", hit.send_body)


_TRACKING = (b"utm_source=facebook&amp;utm_medium=social&amp;fbclid=IwAR0replica",
             b"zarsrc=31&amp;utm_source=zalo&amp;utm_medium=zalo", b"#binh-luan")
_LINK = re.compile(rb'(href="|<link>)([^"<#]+)')


def _tracking_links(injector: FaultInjector, hit: Hit) -> None:
    articles = injector.article_paths(hit.site)
    count = 0

    def tag(match: re.Match) -> bytes:
        nonlocal count
        url = match.group(2).decode("utf-8", "replace").replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.netloc and parts.hostname not in (hit.site.domain, f"www.{hit.site.domain}"):
            return match.group(0)
        if site_path(url) not in articles:
            return match.group(0)
        count += 1
        extra = _TRACKING[count % len(_TRACKING)]
        if extra.startswith(b"#"):
            return match.group(0) + extra
        return match.group(0) + (b"&amp;" if parts.query else b"?") + extra

    hit.handler.send_reply(hit.status, hit.headers, _LINK.sub(tag, hit.body), hit.send_body)


_PAGER = re.compile(rb'<div class="grNextPage[^"]*">.*?</div>', re.DOTALL)
TRAP_STEP = 15  # BRSR offset step of the trap's pager (MasterCMS sites use 15 or 20)


def _trap(injector: FaultInjector, hit: Hit) -> None:
    """An endless pager (MasterCMS markup and BRSR offsets) and an endless calendar, on a
    listing page."""
    base, offset = split_listing_route(urlsplit(hit.path).path)
    page = offset // TRAP_STEP + 1
    body = hit.body
    articles = injector.article_paths(hit.site)
    if not any(path.encode() in body for path in articles):  # past the end: page 1 again
        _, _, body = hit.site.handle(base, hit.handler.server.replica.clock())
    pager = (f'<div class="grNextPage __MB_ARTICLE_PAGING lt"><a href="'
             f'{listing_href(base, offset - TRAP_STEP)}">‹</a><span class="current">{page}</span>'
             f'<a href="{listing_href(base, offset + TRAP_STEP)}">›</a>'
             f'<a href="{listing_href(base, offset + 1000 * TRAP_STEP)}">»</a></div>')
    body, replaced = _PAGER.subn(pager.encode(), body, count=1)
    day = (datetime(2026, 1, 1) - timedelta(days=page)).date()
    calendar = (f'<div class="calendar"><a href="{base}?ngay={day - timedelta(days=1)}">'
                f'« Ngày trước</a> <a href="{base}?ngay={day + timedelta(days=1)}">'
                "Ngày sau »</a></div>")
    extra = calendar if replaced else pager + calendar  # a one-page listing has no pager
    body = body.replace(b"</body>", extra.encode() + b"</body>", 1)
    hit.handler.send_reply(200, hit.headers, body, hit.send_body)


def _robots_disallow(injector: FaultInjector, hit: Hit) -> None:
    """The whole first section: its page 1 (`/<slug>`), its MasterCMS pages
    (`/<slug>&s_cond=&BRSR=<n>`) and query variants, never articles named `/<slug>-...`."""
    section = "/" + hit.site.spec.categories[0].slug
    rules = (f"User-agent: *\nDisallow: {section}$\nDisallow: {section}?\n"
             f"Disallow: {section}&\n").encode()
    hit.handler.send_reply(200, hit.headers, rules + hit.body, hit.send_body)


FAULTS: dict[str, Callable[[FaultInjector, Hit], None]] = {
    "http_500": _error(500), "http_502": _error(502), "http_503": _error(503, "date"),
    "http_429": _error(429, "seconds"),
    "slow": _slow, "timeout": _timeout, "reset": _reset, "truncated": _truncated,
    "invalid_html": _transform(invalid_html),
    "no_charset": _transform(without_charset, "text/html"),
    "wrong_charset": _transform(lambda body: body, "text/html; charset=iso-8859-1"),
    "nfd": _transform(nfd),
    "redirect_chain": _hop_fault("redirect_chain"),
    "replica-hop-1": _hop_fault("replica-hop-1"),
    "replica-hop-2": _hop_fault("replica-hop-2"),
    "replica-hop-end": _hop_end,
    "redirect_loop": _hop_fault("redirect_loop"),
    "replica-loop-a": _hop_fault("replica-loop-a"),
    "replica-loop-b": _hop_fault("replica-loop-b"),
    "tracking_links": _tracking_links,
    "not_found": _not_found, "offsite_redirect": _offsite,
    "scheme_redirect": _scheme_redirect, "oversize": _oversize,
    "gzip_bomb": _gzip_bomb, "trap": _trap, "robots_disallow": _robots_disallow,
}
