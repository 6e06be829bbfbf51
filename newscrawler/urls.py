"""Canonical URLs: one article, one URL, whatever link led to it.

`canonicalize_url` removes what never selects content (tracking parameters, fragments,
credentials, default ports) and folds what only selects a server variant (http vs https,
`www.`); `variant_to_article` also maps print, mobile and AMP views back to the article.
Both return ASCII URLs (IDNA host, percent-encoded UTF-8 path and query, query sorted),
both are idempotent, and both raise `ValueError` only for input that is not an absolute
http(s) URL with a host (relative links must be joined with the page URL first).

Tracking parameters dropped by default (decision): `utm_*`, the click ids `fbclid`,
`gclid`, `dclid`, `gbraid`, `wbraid`, `msclkid`, `yclid`, `igshid`, the Facebook
`fb_action_*`/`fb_ref`/`fb_source`, Google Analytics `_ga`/`_gl`, Mailchimp `mc_cid`/
`mc_eid`, `ref`, and Zalo's share parameters `zarsrc`, `gidzl` and `zalo*` (assumption: seen
on shared Vietnamese news links, not in research/vn_sites.md). `source` is dropped only when
its value is `rss` (other values may select content on a portal).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize_url

logger = logging.getLogger(__name__)

DEFAULT_TRACKING_PARAMS: tuple[str, ...] = (
    "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
    "fb_action_*", "fb_ref", "fb_source", "_ga", "_gl", "mc_cid", "mc_eid", "ref",
    "zarsrc", "gidzl", "zalo*",
)
# (name, value) pairs dropped only with that value, case-insensitive.
TRACKING_PAIRS: frozenset[tuple[str, str]] = frozenset({("source", "rss")})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Generic print/mobile/AMP forms; a site adds its own through UrlRules.
DEFAULT_VARIANT_HOSTS: tuple[str, ...] = (r"^(m|mobile|amp)\.",)
DEFAULT_VARIANT_PATHS: tuple[tuple[str, str], ...] = (
    (r"/amp(?=/)", ""),                      # /amp/<path> and /<path>/amp/...
    (r"/amp/?$", ""),                        # .../article/amp
    (r"\.amp\.(html?)$", r".\1"),            # slug.amp.html
    (r"^/(print|in-bai|ban-in)(?=/)", ""),  # /print/<path>; "in bài" = print (assumption)
)
DEFAULT_VARIANT_QUERY: tuple[str, ...] = (
    r"amp(=.*)?", r"print(=.*)?", r"printable(=.*)?", r"view=print", r"output(type)?=amp",
    r"(m|mobile)=(1|true|yes)",
)
_SAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                   *(f"LPT{i}" for i in range(10))}


@dataclass(frozen=True)
class UrlRules:
    """Per-site URL rules: canonicalisation options plus print/mobile/AMP variant forms."""

    fold_www: bool = True
    force_https: bool = True
    extra_tracking_params: tuple[str, ...] = ()
    # Host regexes whose match is removed ("m.example.vn" -> "example.vn").
    variant_hosts: tuple[str, ...] = DEFAULT_VARIANT_HOSTS
    # (regex, replacement) applied in order to the path.
    variant_paths: tuple[tuple[str, str], ...] = DEFAULT_VARIANT_PATHS
    # Regexes fully matching a "name=value" (or bare "name") query item that marks a variant.
    variant_query: tuple[str, ...] = DEFAULT_VARIANT_QUERY


DEFAULT_RULES = UrlRules()


# Characters no host name may hold (RFC 3986 reg-name, before IDNA).
_BAD_HOST_CHARS = re.compile(r'[\s\\\x00-\x1f\x7f-\x9f<>"{}|^`/?#@]')


def _split_http(url: str):
    if not isinstance(url, str):
        raise ValueError(f"not a URL: {url!r}")
    cleaned = unicodedata.normalize("NFC", url.strip())
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if not parts.hostname or _BAD_HOST_CHARS.search(parts.hostname):
        raise ValueError(f"URL has no valid host: {url!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ValueError(f"URL has an invalid port: {url!r}") from exc
    return parts


def _is_tracking(name: str, value: str, patterns: Iterable[str]) -> bool:
    lowered = name.lower()
    if (lowered, value.lower()) in TRACKING_PAIRS:
        return True
    for pattern in patterns:
        if pattern.endswith("*"):
            if lowered.startswith(pattern[:-1]):
                return True
        elif lowered == pattern:
            return True
    return False


def _clean_query(query: str, drop_params: Sequence[str]) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not _is_tracking(name, value, drop_params)]
    return urlencode(kept)


def _netloc(scheme: str, host: str, port: int | None, fold_www: bool) -> str:
    host = host.rstrip(".")
    if fold_www and host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return host if port is None or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"


def canonicalize_url(
    url: str,
    *,
    fold_www: bool = True,
    force_https: bool = True,
    drop_params: Sequence[str] = DEFAULT_TRACKING_PARAMS,
) -> str:
    """The canonical form of an absolute http(s) URL. Raises ValueError for anything else.

    An explicit non-default port keeps its scheme: `http://host:8080` is another server,
    not the https site.
    """
    parts = _split_http(url)
    scheme = parts.scheme.lower()
    port = parts.port
    if port == DEFAULT_PORTS[scheme]:
        port = None
    if force_https and port is None:
        scheme = "https"
    netloc = _netloc(scheme, parts.hostname, port, fold_www)
    query = _clean_query(parts.query, drop_params)
    rebuilt = urlunsplit((scheme, netloc, parts.path or "/", query, ""))
    # w3lib: IDNA host, lowercase host, percent-encoding normalised, dot segments, sorted query.
    canonical = _keep_bare_keys(w3lib_canonicalize_url(rebuilt, keep_fragments=False),
                                parts.query)
    host = urlsplit(canonical).hostname
    # w3lib leaves a host that is not valid IDNA as it is; an empty one is no host either.
    if (not canonical.isascii() or not host or host.startswith(".")
            or _BAD_HOST_CHARS.search(host)):
        raise ValueError(f"URL has no valid host: {url!r}")
    return canonical


def _keep_bare_keys(canonical: str, query: str) -> str:
    """w3lib writes a bare query key (`?12345`) as `?12345=`; a portal that takes its
    content id as a bare query (thanhtra.gov.vn's Liferay, vn_sites_2026 §14) may not
    answer that form, so bare keys stay bare."""
    bare = {item for item in query.split("&") if item and "=" not in item}
    if not bare:
        return canonical
    parts = urlsplit(canonical)
    items = [item[:-1] if item.endswith("=") and item[:-1] in bare else item
             for item in parts.query.split("&")]
    return urlunsplit(parts._replace(query="&".join(items)))


def _strip_variant_query(query: str, patterns: Sequence[str]) -> str:
    kept = []
    for item in query.split("&") if query else []:
        if any(re.fullmatch(p, item, flags=re.IGNORECASE) for p in patterns):
            continue
        kept.append(item)
    return "&".join(kept)


def _strip_variant_host(netloc: str, patterns: Sequence[str]) -> str:
    """Remove variant prefixes ("m.", "m.amp."...) while a dotted host remains."""
    changed = True
    while changed:
        changed = False
        for pattern in patterns:
            stripped = re.sub(pattern, "", netloc, count=1, flags=re.IGNORECASE)
            if stripped != netloc and "." in stripped.split(":")[0]:
                netloc, changed = stripped, True
    return netloc


def variant_to_article(url: str, rules: UrlRules | None = None) -> str:
    """The canonical article URL of a print, mobile or AMP view (or of the article itself)."""
    rules = rules or DEFAULT_RULES
    drop = (*DEFAULT_TRACKING_PARAMS, *rules.extra_tracking_params)
    canonical = canonicalize_url(
        url, fold_www=rules.fold_www, force_https=rules.force_https, drop_params=drop
    )
    parts = urlsplit(canonical)
    netloc = _strip_variant_host(parts.netloc, rules.variant_hosts)
    path = parts.path
    for pattern, replacement in rules.variant_paths:
        path = re.sub(pattern, replacement, path, flags=re.IGNORECASE)
    query = _strip_variant_query(parts.query, rules.variant_query)
    rebuilt = urlunsplit((parts.scheme, netloc, path or "/", query, ""))
    return canonicalize_url(
        rebuilt, fold_www=rules.fold_www, force_https=rules.force_https, drop_params=drop
    )


def site_host(url: str) -> str:
    """The host with `www.`, `m.`, `mobile.` and `amp.` prefixes removed, lowercased."""
    host = _split_http(url).hostname.rstrip(".")
    return re.sub(r"^((www|m|mobile|amp)\.)+(?=[^.]+\.[^.]+)", "", host)


def same_site(url_a: str, url_b: str) -> bool:
    """Whether two URLs belong to one site: hosts equal once www/m/mobile/amp are removed.

    Other subdomains count as other sites (`en.moit.gov.vn` is not `moit.gov.vn`): without
    a public-suffix list, "registered domain" would wrongly make every *.gov.vn one site.
    False when either is not an http(s) URL.
    """
    try:
        return site_host(url_a) == site_host(url_b)
    except ValueError:
        return False


def safe_path_component(text: str, max_length: int = 100) -> str:
    """A file or directory name made from a site key or a URL piece.

    Only ASCII letters, digits, '.', '_' and '-'; never empty, '.', '..', hidden, absolute
    or a Windows device name. Changed (or too long) names get a hash suffix so that two
    different inputs keep two different names.
    """
    text = str(text)
    name = _SAFE_CHARS.sub("_", text)
    if name.startswith("."):
        name = "_" + name[1:]
    if name.split(".")[0].upper() in _RESERVED_NAMES:
        name = "_" + name
    if name != text or not name or len(name) > max_length:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        name = f"{name[: max_length - 11]}-{digest}" if name else f"_-{digest}"
    return name
