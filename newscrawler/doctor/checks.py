"""Pure checks the doctor runs on fetched pages: a blocked page, feed and sitemap dates,
the robots.txt rules that apply to a crawler.

`blocked_kind` asks the crawl's own block detection (`blockpages.classify_response`, with
the site's markers) and adds one doctor-only rule: a thin page with no paragraph of an
article's size is "no content" (the crawl lets extraction judge such pages).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime

from scrapy.http import TextResponse
from scrapy.utils.sitemap import Sitemap

from newscrawler.blockpages import classify_response
from newscrawler.extract.dates import parse_iso
from newscrawler.records import VN_TZ

# Visible text shorter than this, with no paragraph of an article's size, is no article.
MIN_PAGE_TEXT = 300
MIN_PARAGRAPH = 80
# The doctor's two words for the crawl's block kinds: an application shell has no content,
# every other kind (firewall, challenge, captcha, access-denied) is a block notice.
NO_CONTENT_KINDS = frozenset({"app-shell"})
_SPACE = re.compile(r"\s+")


def page_text(response: TextResponse) -> str:
    texts = response.xpath("//body//text()[not(ancestor::script or ancestor::style "
                           "or ancestor::noscript)]").getall()
    return _SPACE.sub(" ", " ".join(texts)).strip()


def blocked_kind(response: TextResponse,
                 site_markers: Mapping[str, Iterable[str]] | None = None) -> str | None:
    """"block notice", "no content" or None: a page that cannot be the article or
    listing it was asked for. `site_markers`: the spider's `block_markers`."""
    block = classify_response(response, site_markers)
    if block is not None:
        return "no content" if block.kind in NO_CONTENT_KINDS else "block notice"
    text = page_text(response)
    if len(text) < MIN_PAGE_TEXT and not any(
            len(p.strip()) >= MIN_PARAGRAPH for p in response.css("p::text").getall()):
        return "no content"
    return None


def feed_dates(response: TextResponse) -> list[datetime]:
    """The item dates of an RSS or Atom feed, as aware datetimes."""
    dates = []
    for text in response.xpath("//item/pubDate/text()").getall():
        try:
            dates.append(parsedate_to_datetime(text.strip()))
        except (TypeError, ValueError):
            continue
    for text in response.xpath("//*[local-name()='entry']/*[local-name()='updated' or "
                               "local-name()='published']/text()").getall():
        moment = parse_iso(text.strip())
        if moment is not None:
            dates.append(moment)
    return [d for d in dates if d.tzinfo is not None]


def sitemap_dates(body: bytes) -> tuple[list[str], list[str], list[datetime]]:
    """(page URLs, child sitemap URLs, lastmod dates) of a sitemap or sitemap index."""
    sitemap = Sitemap(body)
    entries = list(sitemap)
    locations = [e["loc"] for e in entries if e.get("loc")]
    dates = [moment for e in entries if (moment := lastmod(e.get("lastmod") or ""))]
    if sitemap.type == "sitemapindex":
        return [], locations, dates
    return locations, [], dates


def lastmod(text: str) -> datetime | None:
    """A sitemap's lastmod: W3C date-time, or a bare date (midnight, Vietnam time)."""
    text = text.strip()
    if len(text) == 10:
        try:
            return datetime.combine(date.fromisoformat(text), time(), VN_TZ)
        except ValueError:
            return None
    return parse_iso(text)


def robots_rules(text: str, agent: str) -> list[str]:
    """The Allow/Disallow/Crawl-delay lines of the robots.txt group that applies to
    `agent` (its own group, else `*`), as written."""
    groups: list[tuple[list[str], list[str]]] = []
    agents: list[str] = []
    rules: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        name, sep, value = line.partition(":")
        if not sep:
            continue
        name, value = name.strip().lower(), value.strip()
        if name == "user-agent":
            if rules:
                groups.append((agents, rules))
                agents, rules = [], []
            agents.append(value.lower())
        elif name in ("allow", "disallow", "crawl-delay") and agents:
            rules.append(f"{name.capitalize()}: {value}")
    if agents:
        groups.append((agents, rules))
    token = agent.lower().split("/")[0]
    for wanted in (token, "*"):
        for names, group_rules in groups:
            if wanted in names:
                return group_rules
    return []
