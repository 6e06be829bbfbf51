r"""Fault profiles: the replica sites misbehaving the way real servers do.

`newscrawler replica serve --faults PROFILE [--fault-seed N]` serves the same sites, but a
share of the requests meets a fault. Whether a request meets one, and which, depends only
on the seed, the request's path and how many times that path was asked for before: the
same crawl against the same seed meets the same faults, and a retry is a new draw (so a
transient fault goes away, as it does on a real server).

PROFILE is a name in `PROFILES` or comma-separated `NAME=VALUE` items:
- `KIND=RATE`: that kind on this share of the requests it applies to (`http_503=0.2`);
- `GROUP=RATE`: this share of the requests, spread evenly over the group's kinds that
  apply to each request (`transient=0.1`); groups are in `GROUPS`;
- options: `scope=articles` (fault article pages only), `retry_after_s=S` (the
  Retry-After of 429 and 503), `slow_s=S` (delay of `slow`), `stall_s=S` (silence of
  `timeout`), `match=REGEX` (fault only requests whose `/<domain><path>` matches, e.g.
  `match=^/congthuong\.vn/thoi-su\?page=3$`), `until=N` (a path meets faults on its
  first N requests only, then is served as is: a failure that later recovers, e.g.
  `http_500=1,until=3,match=...` fails one crawl's three tries of a listing page and no
  later one; `not_found=0.1,until=1`: a 404 on the first request of 10% of the articles).

The kinds, and what a correct crawler does about each:
- transient (retry, with backoff): `http_500`, `http_502`, `http_503` (Retry-After as an
  HTTP date), `http_429` (Retry-After in seconds), `slow` (answers late, but within the
  crawler's timeout), `timeout` (never answers), `reset` (TCP reset, no answer),
  `truncated` (the connection drops half-way through the declared Content-Length);
- quirks (extract the same record anyway): `invalid_html` (unclosed `<p>`/`<li>`, stray
  end tags), `no_charset` (no charset anywhere), `wrong_charset` (header says ISO-8859-1,
  body is UTF-8), `nfd` (text in Unicode NFD), `redirect_chain` (301, 302, 307, ending on
  the page's URL with tracking parameters), `tracking_links` (listing and feed links to
  articles carry tracking parameters or fragments, differently per link);
- permanent (give up, report the URL and the reason, try again next run): `not_found`
  (404 on an article), `redirect_loop` (302s between two URLs, forever),
  `offsite_redirect` (302 to another host), `scheme_redirect` (302 to a `file:` URL),
  `oversize` (a body over 20 MiB, the default
  DOWNLOAD_MAXSIZE), `gzip_bomb` (64 MiB of gzip-compressed spaces in 64 KiB);
- blocks (count as `blocked: <kind>`, never export, retry next run; `blockfaults.py`):
  `block_firewall`, `block_challenge`, `block_captcha`, `block_denied`, `block_shell`,
  group `blocked` (not part of `all`);
- traps and policy: `trap` (a listing whose pager never ends, past the end it repeats
  page 1, plus calendar links to the day before and after, forever; the pager trap is
  written for MasterCMS pagers `div.grNextPage` and their `&s_cond=&BRSR=<offset>`
  links), `robots_disallow` (robots.txt
  disallows the site's first listing section).

What each kind writes is in `faultkinds.py`. The faults' own redirect hops are marked
with `utm_source=replica-...`, a tracking parameter, so that a canonicalised URL is the
page's own again.
"""

from __future__ import annotations

import logging
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newscrawler.replica.blockfaults import BLOCK_FAULTS, BLOCKS
from newscrawler.replica.faultkinds import FAULTS, Hit, marked_hop, site_path, strip_marker

logger = logging.getLogger(__name__)

TRANSIENT = ("http_500", "http_502", "http_503", "http_429", "slow", "timeout", "reset",
             "truncated")
QUIRKS = ("invalid_html", "no_charset", "wrong_charset", "nfd", "redirect_chain",
          "tracking_links")
PERMANENT = ("not_found", "redirect_loop", "offsite_redirect", "scheme_redirect", "oversize",
             "gzip_bomb")
TRAPS = ("trap", "robots_disallow")
KINDS = TRANSIENT + QUIRKS + PERMANENT + TRAPS + BLOCKS
GROUPS: dict[str, tuple[str, ...]] = {
    "transient": TRANSIENT, "quirks": QUIRKS, "permanent": PERMANENT, "traps": TRAPS,
    # Served on article URLs only; not in "all" (hostile): a block is no server fault.
    "blocked": BLOCKS,
    # What a correct crawler gets right within one run: retries and careful parsing.
    "recoverable": TRANSIENT + QUIRKS,
    "all": TRANSIENT + QUIRKS + PERMANENT + TRAPS,
}
PROFILES = {
    # 10% of the requests meet a fault that a retry or a careful parser overcomes.
    "flaky": "recoverable=0.1",
    # 10% of the requests meet any fault, the permanent ones and traps included.
    "hostile": "all=0.1",
}
OPTIONS = ("retry_after_s", "slow_s", "stall_s")


@dataclass(frozen=True)
class FaultProfile:
    rates: Mapping[str, float] = field(default_factory=dict)  # kind -> share
    groups: Mapping[str, float] = field(default_factory=dict)  # group -> share, spread
    articles_only: bool = False
    retry_after_s: int = 1
    slow_s: float = 1.0
    stall_s: float = 20.0  # longer than the crawler's replica-mode DOWNLOAD_TIMEOUT (15 s)
    match: str = ""  # a regex over `/<domain><path>`: only those requests meet faults
    until: int = 0  # a path meets faults on its first `until` requests only (0: always)
    spec: str = field(default="", compare=False)

    def rates_for(self, applicable: list[str]) -> list[tuple[str, float]]:
        rates = Counter({kind: self.rates[kind] for kind in applicable if kind in self.rates})
        for group, share in self.groups.items():
            members = [kind for kind in GROUPS[group] if kind in applicable]
            for kind in members:
                rates[kind] += share / len(members)
        return [(kind, rates[kind]) for kind in KINDS if rates[kind] > 0]


def parse_profile(spec: str) -> FaultProfile:
    """A FaultProfile from a profile name or `NAME=VALUE,...` (module doc); ValueError."""
    text = PROFILES.get(spec.strip(), spec)
    rates: dict[str, float] = {}
    groups: dict[str, float] = {}
    options: dict[str, Any] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"fault profile item {item!r}: expected NAME=VALUE "
                             f"(profiles: {', '.join(PROFILES)})")
        if name == "scope":
            if value not in ("articles", "all"):
                raise ValueError(f"fault scope {value!r}: expected articles or all")
            options["articles_only"] = value == "articles"
            continue
        if name == "match":
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"fault match {value!r}: not a regex ({error})") from None
            options["match"] = value
            continue
        if name == "until":
            options["until"] = int(_number(name, value))
            continue
        number = _number(name, value)
        if name in OPTIONS:
            options[name] = int(number) if name == "retry_after_s" else number
        elif name in KINDS or name in GROUPS:
            if not 0 <= number <= 1:
                raise ValueError(f"fault rate {name}={value}: expected 0..1")
            (rates if name in KINDS else groups)[name] = number
        else:
            raise ValueError(f"unknown fault kind {name!r}; kinds: {', '.join(KINDS)}; "
                             f"groups: {', '.join(GROUPS)}")
    return FaultProfile(rates, groups, spec=spec, **options)


def _number(name: str, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"fault profile {name}={value!r}: not a number") from None


class FaultInjector:
    """Serves every non-control request of a ReplicaServer, injecting the profile's faults."""

    def __init__(self, profile: FaultProfile, seed: int = 0) -> None:
        self.profile = profile
        self.seed = seed
        self._lock = threading.Lock()
        self._draws: Counter[str] = Counter()
        self._article_paths: dict[int, tuple[Any, frozenset[str]]] = {}
        self.events: list[dict[str, Any]] = []
        self._in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()

    def report(self) -> dict[str, Any]:
        with self._lock:
            return {"profile": self.profile.spec, "seed": self.seed,
                    "events": list(self.events), "max_in_flight": dict(self.max_in_flight)}

    def serve(self, handler: Any, send_body: bool) -> None:
        replica = handler.server.replica
        host = handler.headers.get("Host")
        site, path_on_site, hit_key = replica.route(handler.path, host)
        with self._counting(site.domain if site is not None else ""):
            status, headers, body = replica.respond(handler.path, host, handler.headers,
                                                    getattr(handler, "request_body", None))
            if site is None:
                handler.send_reply(status, headers, body, send_body)
                return
            hit = Hit(handler, site, path_on_site, status, headers, body, send_body)
            kind = marked_hop(path_on_site) or self.draw(hit_key, self.applicable(hit))
            self._record(hit_key, kind)
            if kind is None:
                handler.send_reply(status, headers, body, send_body)
                return
            (FAULTS.get(kind) or BLOCK_FAULTS[kind])(self, hit)

    def draw(self, hit_key: str, applicable: list[str]) -> str | None:
        with self._lock:
            self._draws[hit_key] += 1
            number = self._draws[hit_key]
        if self.profile.until and number > self.profile.until:
            return None  # recovered
        if self.profile.match and not re.search(self.profile.match, hit_key):
            return None
        chance = random.Random(f"{self.seed}|{hit_key}|{number}").random()
        for kind, rate in self.profile.rates_for(applicable):
            if chance < rate:
                return kind
            chance -= rate
        return None

    def applicable(self, hit: Hit) -> list[str]:
        """The kinds that make sense for this request (a 404 only on an article...)."""
        is_article = self.is_article(hit.site, hit.path)
        if self.profile.articles_only and not is_article:
            return []
        content_type = hit.headers.get("Content-Type", "")
        page = hit.status == 200 and "html" in content_type
        kinds = list(TRANSIENT)
        if page:
            kinds += ["invalid_html", "no_charset", "wrong_charset", "nfd", "redirect_chain",
                      "redirect_loop", "offsite_redirect", "scheme_redirect", "oversize",
                      "gzip_bomb"]
        if hit.status == 200 and not is_article and ("html" in content_type
                                                       or "xml" in content_type):
            kinds.append("tracking_links")
        if page and not is_article:
            kinds.append("trap")
        if is_article:
            kinds.append("not_found")
        if is_article and (page or (hit.status == 200 and "json" in content_type)):
            kinds += BLOCKS  # an API's article answer (mof) may be a shell too
        if urlsplit(hit.path).path == "/robots.txt":
            kinds.append("robots_disallow")
        return kinds

    def is_article(self, site: Any, path: str) -> bool:
        return strip_marker(path) in self.article_paths(site)

    def article_paths(self, site: Any) -> frozenset[str]:
        known = self._article_paths.get(id(site))
        if known is None or known[0] is not site:
            # A site read through an API (mof) names the paths its articles are fetched at.
            fetched = getattr(site, "article_fetch_paths", None)
            paths = frozenset(fetched() if fetched else
                              (site_path(article.url) for article in site.corpus.articles))
            known = self._article_paths[id(site)] = (site, paths)
        return known[1]

    def _record(self, hit_key: str, kind: str | None) -> None:
        """Every request, with its fault (None: served as is), for tests to check timing."""
        with self._lock:
            self.events.append({"path": hit_key, "kind": kind, "at": time.time()})

    @contextmanager
    def _counting(self, domain: str):
        """Requests being answered per site, and the most at once (politeness checks)."""
        with self._lock:
            self._in_flight[domain] += 1
            self.max_in_flight[domain] = max(self.max_in_flight[domain],
                                             self._in_flight[domain])
        try:
            yield
        finally:
            with self._lock:
                self._in_flight[domain] -= 1
