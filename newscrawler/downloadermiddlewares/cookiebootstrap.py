"""Passing a script cookie wall without a JavaScript engine.

Some portals answer a client without their cookie with a tiny page whose only content is
a script that sets a cookie and reloads: mod.gov.vn's 177-byte page
`<script>document.cookie="D1N=<32 hex>"+"; expires=…2099…; path=/";
window.location.reload(true);</script>`, served for robots.txt with HTTP 200, `text/html;
charset=utf-8,gbk`, no Set-Cookie header, byte-identical 6 minutes apart (CMW =
VSSpowerlifting/China-Mil-Watch, tests/fixtures/vn_vgp/requests.json rows 3 and 26 and
docs/VIETNAM_DESK_FEASIBILITY_2026-10-05.md §5.2, measured 2026-10-06). The value is a
literal in the script, not computed: opensanctions/opensanctions reads it with a regular
expression from the same stub family (dbqh.quochoi.vn's "D1N" wall) and sets it on its
session, no JS engine (datasets/vn/national_assembly/crawler.py, PR #4385, 2026-06-04).

This middleware does the same inside Scrapy: a response that `blockpages` classifies as a
`challenge` and whose `document.cookie` assignment is made of string literals only gives
its cookie; the request is sent once more with that cookie, as is every later request to
the host (Scrapy's CookiesMiddleware puts it in the host's jar). Bounded: a request
that met the stub after its own bootstrap is passed on as it is, and the spider counts
the page `blocked: challenge` with its URL (never a record, retried next run). A cookie
that stops working later (rotated, expired) meets the stub again on a fresh request and
is bootstrapped again. A computed value (any expression but literals and `+`) is not
evaluated: the stub is passed on.

robots.txt goes through the same path (Scrapy's robots middleware downloads it through
the downloader middlewares), so the policy read is the real robots.txt fetched with the
cookie. If the wall never yields there, the stub is not read as a policy: the robots
request fails (Scrapy then applies no rules) and the failure is counted.

Settings: `NEWSCRAWLER_COOKIE_BOOTSTRAP` (bool, off by default: a spider whose site has
such a wall turns it on in its `custom_settings`, with `COOKIES_ENABLED`).
ASSUMPTION: the cookie is host-only (the stub sets no domain); its path is the stub's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.httpobj import urlparse_cached

from newscrawler.blockpages import classify_response

logger = logging.getLogger(__name__)

SETTING = "NEWSCRAWLER_COOKIE_BOOTSTRAP"
TRIED_META = "newscrawler_cookie_bootstrap"  # this request already carries a stub's cookie

_ASSIGNMENT = re.compile(r"document\.cookie\s*=\s*")
_LITERAL = re.compile(r"\"(?P<dq>[^\"\\]*)\"|'(?P<sq>[^'\\]*)'")
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass(frozen=True)
class StubCookie:
    name: str
    value: str
    path: str = "/"

    def as_request_cookie(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "path": self.path}


def _literal_expression(expr: str) -> str | None:
    """The string an expression of string literals joined by `+` stands for; None for
    anything else (a variable, a call: a computed value needs a JS engine)."""
    parts, rest = [], expr.strip()
    while rest:
        match = _LITERAL.match(rest)
        if match is None:
            return None
        parts.append(match.group("dq") if match.group("dq") is not None else match.group("sq"))
        rest = rest[match.end():].lstrip()
        if rest.startswith("+"):
            rest = rest[1:].lstrip()
        elif rest:
            return None
    return "".join(parts) if parts else None


def stub_cookie(html: str) -> StubCookie | None:
    """The cookie a cookie-and-reload stub sets, when its value is a literal; else None."""
    match = _ASSIGNMENT.search(html)
    if match is None:
        return None
    cookie = _literal_expression(_statement(html[match.end():]))
    if cookie is None:
        return None
    pair, *attributes = (part.strip() for part in cookie.split(";"))
    name, sep, value = pair.partition("=")
    if not sep or not _NAME.match(name.strip()) or not value.strip():
        return None
    path = "/"
    for attribute in attributes:
        key, _, setting = attribute.partition("=")
        if key.strip().lower() == "path" and setting.strip().startswith("/"):
            path = setting.strip()
    return StubCookie(name.strip(), value.strip(), path)


def _statement(expr: str) -> str:
    """`expr` up to the end of its statement (';', a line end or the script's end
    tag), outside the string literals, which may hold ';'."""
    position = 0
    while position < len(expr):
        char = expr[position]
        if char in "\"'":
            end = expr.find(char, position + 1)
            if end < 0:
                return expr
            position = end + 1
        elif char in ";\n<":
            return expr[:position]
        else:
            position += 1
    return expr


class CookieBootstrapMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        # host -> cookie name -> the newest cookie a stub gave: every later request
        # carries it, so that requests sent while a bootstrap is under way do not all
        # meet the stub too.
        self.latest: dict[str, dict[str, StubCookie]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool(SETTING):
            raise NotConfigured(f"{SETTING} is off")
        if not settings.getbool("COOKIES_ENABLED"):
            raise NotConfigured(f"{SETTING} needs COOKIES_ENABLED: the cookie lives in "
                                "Scrapy's cookie jar")
        return cls(crawler)

    def count(self, what: str) -> None:
        spider = self.crawler.spider
        site = getattr(spider, "name", None) or "unknown"
        self.crawler.stats.inc_value(f"newscrawler/{site}/cookie_bootstrap/{what}")

    def process_request(self, request: Request) -> None:
        cookies = self.latest.get(urlparse_cached(request).hostname or "")
        if not cookies or request.meta.get("dont_merge_cookies"):
            return
        # Before CookiesMiddleware (700), which puts a request's cookies in the jar.
        given = request.cookies
        if isinstance(given, dict):
            given = [{"name": name, "value": value} for name, value in given.items()]
        kept = [entry for entry in given if entry.get("name") not in cookies]
        request.cookies = [*kept, *(c.as_request_cookie() for c in cookies.values())]

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if not isinstance(response, TextResponse):
            return response
        blocked = classify_response(response)
        if blocked is None or blocked.kind != "challenge":
            return response
        cookie = stub_cookie(response.text)
        if cookie is None:
            self.count("not_literal")
            logger.warning("%s: a cookie stub whose value is not a literal: not passed "
                           "(no JavaScript engine)", request.url)
            return self.give_up(request, response)
        if request.meta.get(TRIED_META):
            self.count("refused")
            logger.warning("%s: the cookie wall answered its stub again after the "
                           "bootstrap (%s)", request.url, cookie.name)
            return self.give_up(request, response)
        self.latest.setdefault(urlparse_cached(request).hostname or "", {})[cookie.name] = cookie
        self.count("bootstrapped")
        logger.info("%s: cookie wall: %s set from the stub, request sent again",
                    request.url, cookie.name)
        retry = request.replace(dont_filter=True, priority=request.priority + 1)
        retry.meta[TRIED_META] = True
        return retry

    def give_up(self, request: Request, response: Response) -> Response:
        if request.url.endswith("/robots.txt"):
            # A stub is no robots policy: fail the robots request instead of parsing it.
            raise IgnoreRequest(f"cookie wall stub instead of robots.txt: {request.url}")
        return response
