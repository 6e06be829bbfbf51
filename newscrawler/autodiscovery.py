"""Discovery without site selectors: pure functions over a page a spider fetched.

One API for both users: the coded sites' fallbacks and autodiscovery (`spiders/discovery.py`,
`DiscoveryMixin`) and the generic spider of sites defined in a TOML file
(`spiders/filesite.py`), and `newscrawler doctor`, which compares a site's listing
selector with `fallback_listing_links`. None of them needs a crawler: each takes a
response (and the spider, for its URL rules), so they can be tested on stored pages.

- `page_links`: every link of a page, absolute, once each. `fallback_listing_links`: the
  on-site ones that are article URLs, what a listing offers when its own selector finds
  none (counted `discovery/fallback` by the spider; the drift monitor then reports
  discovery drift).
- `next_page_link`: the link to page N+1 of a listing, found without the site's pager
  selector; `rel_next_links`, `section_links`: what a file site's walk follows.
- `feed_links`: `<link rel="alternate" type="application/rss+xml|atom+xml">` of a home or
  section page; `robots_sitemaps`: the `Sitemap:` lines of a robots.txt.

Sources: feed autodiscovery by `<link rel="alternate">` is the RSS Advisory Board's
RSS Autodiscovery specification; `Sitemap:` in robots.txt is the sitemaps.org protocol
(also RFC 9309 §2.2.4 leaves other records such as Sitemap to their own specs).
ASSUMPTION: a pager's next-page link carries the number N+1 in a query value or in the
  last path segment of the listing's own path (true of every pager in the research notes:
  `?page=N`, `?Page=N`, `_cur=N`, `/trang-N`); the parameter names page, trang, cur, p
  are preferred when several links qualify.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

from scrapy.http import Response

# <link rel="alternate"> types that announce a feed.
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
_NOT_LINKS = ("javascript:", "mailto:", "tel:", "#")
_PAGE_PARAM = re.compile(r"page|trang|cur|^p$|^pg$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# Links to files, not pages: never listing pages.
_STATIC = re.compile(
    r"\.(?:css|js|json|xml|rss|jpe?g|png|gif|webp|svg|ico|bmp|pdf|docx?|xlsx?|pptx?|zip|rar"
    r"|7z|gz|mp[34]|avi|mov|wmv|flv|swf|woff2?|ttf|eot|apk|exe)$", re.I)
# Query parameters a pager uses; a query with any other key (search, sort, calendar,
# session) opens an unbounded URL space and is not followed.
PAGER_PARAMETERS = frozenset({"page", "p", "pg", "paged", "trang", "pageindex", "pagenumber",
                              "page_index", "start", "offset"})


def page_links(response: Response) -> list[str]:
    """The absolute http(s) URLs of the page's <a href>, fragments removed, in page order,
    once each (script, mail, phone and same-page links left out)."""
    links = []
    for href in response.css("a::attr(href)").getall():
        href = href.strip()
        if not href or href.lower().startswith(_NOT_LINKS):
            continue
        parts = urlsplit(response.urljoin(href))
        if parts.scheme in ("http", "https") and parts.netloc:
            links.append(urlunsplit(parts._replace(fragment="")))
    return list(dict.fromkeys(links))


def on_site(url: str, domains: Iterable[str]) -> bool:
    """True if the URL's host is one of `domains` or a subdomain of one."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in (d.lower() for d in domains))


def fallback_listing_links(response: Response, spider) -> list[str]:
    """Every on-site link of a listing page (the spider's `allowed_domains`, else the
    page's host) that is an article URL of `spider` (`canonical_article_url`: its article
    pattern and URL rules), canonical, in page order, once each: what a listing shows
    when its link selector has stopped matching."""
    domains = list(getattr(spider, "allowed_domains", None) or ()) or [
        urlsplit(response.url).hostname or ""]
    found = []
    for url in page_links(response):
        if on_site(url, domains) and (canonical := spider.canonical_article_url(url)):
            found.append(canonical)
    return list(dict.fromkeys(found))


def next_page_link(response: Response, page: int, is_article: Callable[[str], bool]
                   ) -> str | None:
    """The link to listing page `page + 1` (the current page is `page`), or None."""
    want = str(page + 1)
    here = urlsplit(response.url)
    stem = re.sub(r"\.\w+$", "", here.path.rstrip("/"))
    best: tuple[int, str] | None = None
    for url in page_links(response):
        parts = urlsplit(url)
        if parts.hostname != here.hostname or url == response.url or is_article(url):
            continue
        score = 0
        if parts.path == here.path:
            names = [name for name, value in parse_qsl(parts.query) if value == want]
            score = 2 if any(_PAGE_PARAM.search(name) for name in names) else int(bool(names))
        elif (_DIGITS.sub("#", parts.path) == _DIGITS.sub("#", here.path)
              or parts.path.startswith((stem + "/", stem + "-"))):
            last = parts.path.rstrip("/").rsplit("/", 1)[-1]
            score = 2 if want in _DIGITS.findall(last) else 0
        if score and (best is None or score > best[0]):
            best = (score, url)
    return best[1] if best else numbered_link(response, want, is_article)


def numbered_link(response: Response, want: str, is_article: Callable[[str], bool]
                  ) -> str | None:
    """An on-site link whose text is the page number: pagers that count by item offset
    (MasterCMS `&BRSR=15`) or by opaque tokens still print page numbers."""
    host = urlsplit(response.url).hostname
    for anchor in response.css("a[href]"):
        if " ".join(anchor.css("::text").getall()).strip() != want:
            continue
        url = response.urljoin(anchor.attrib["href"].strip())
        if urlsplit(url).hostname == host and url != response.url and not is_article(url):
            return url
    return None


def feed_links(response: Response) -> list[str]:
    """Feeds the page announces with <link rel="alternate" type="application/rss+xml">
    (or atom+xml)."""
    links = []
    for link in response.css("link[href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = (link.attrib.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            links.append(response.urljoin(link.attrib["href"].strip()))
    return list(dict.fromkeys(links))


def robots_sitemaps(robots_text: str, base_url: str = "") -> list[str]:
    """The `Sitemap:` lines of a robots.txt (any case, anywhere, comments dropped; they
    apply to every user agent), resolved against `base_url` when given."""
    found = []
    for line in robots_text.splitlines():
        name, sep, value = line.partition(":")
        value = value.split("#")[0].strip()
        if sep and name.strip().lower() == "sitemap" and value:
            found.append(urljoin(base_url, value))
    return list(dict.fromkeys(found))


def rel_next_links(response: Response) -> list[str]:
    """`<a rel="next">` and `<link rel="next">`: the pager's next page, where marked."""
    hrefs = response.xpath(
        "//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
        " | //link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
    ).getall()
    return list(dict.fromkeys(response.urljoin(h.strip()) for h in hrefs))


def css_links(response: Response, css: str) -> list[str]:
    """The links a CSS selector gives: `::attr(...)`/`::text` as written, else each
    selected element's href (the element itself or the <a> inside it)."""
    if "::" in css:
        values = response.css(css).getall()
    else:
        values = response.css(css).xpath("(@href | .//a/@href)").getall()
    return list(dict.fromkeys(response.urljoin(v.strip()) for v in values if v.strip()))


def listing_scope(start_url: str) -> tuple[str, str]:
    """(host, path prefix) of the pages a walk from `start_url` explores: the start path,
    or its directory when the start is a file (`/tin-tuc/index.html` -> `/tin-tuc/`)."""
    parts = urlsplit(start_url)
    path = parts.path or "/"
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        path = path[: len(path) - len(last)]
    return (parts.hostname or "").lower(), path


def in_scope(url: str, scope: tuple[str, str]) -> bool:
    host, prefix = scope
    parts = urlsplit(url)
    if (parts.hostname or "").lower().removeprefix("www.") != host.removeprefix("www."):
        return False
    path = parts.path or "/"
    if prefix.endswith("/"):
        return path.startswith(prefix) or path == prefix.rstrip("/")
    return path == prefix or path.startswith(prefix + "/")


def is_listing_candidate(url: str) -> bool:
    """A link that may be a listing page: not a file, and a query (if any) of pager
    parameters only."""
    parts = urlsplit(url)
    if _STATIC.search(parts.path):
        return False
    keys = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return keys <= PAGER_PARAMETERS


def section_links(response: Response, spider, scopes: Iterable[tuple[str, str]]) -> list[str]:
    """On-site links of a listing page that are not articles, under one of `scopes`, and
    may be listings (sections, pager pages): what a walk without a pager selector follows."""
    scopes = list(scopes)
    found = []
    for url in page_links(response):
        if spider.canonical_article_url(url) or not is_listing_candidate(url):
            continue
        if any(in_scope(url, scope) for scope in scopes):
            found.append(url)
    return found
