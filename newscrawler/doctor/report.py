"""The doctor's diagnosis of its Findings: one JSON-ready dict, and its rich tables.

Healthy means no problem was found:
- each content selector hits on at least THRESHOLD of the articles (title, published
  and body: of every article; the others: of the articles where some layer found the
  field, since not every article has tags or an author);
- the listing selector finds article links on at least THRESHOLD of the listing pages
  where the fallback (every on-site link matching the article pattern) finds some;
- at least one article was fetched, none was blocked, the start pages answered, and
  every declared feed or sitemap answered with items;
- title, published date and body are found (by any layer) on at least THRESHOLD of
  the articles: what a site without selectors needs.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from protego import Protego

from newscrawler.doctor.checks import robots_rules
from newscrawler.doctor.probe import Findings
from newscrawler.extract.chain import FIELD_NAMES, SELECTOR
from newscrawler.records import now_vn

THRESHOLD = 0.9
REQUIRED_KEYS = ("title", "published", "body")
FIELD_OF = {"published": "published_at", "modified": "modified_at"}
FAILING_SHOWN = 5  # failing URLs named per selector


def diagnose(findings: Findings, spider_cls: type, agent: str,
             use_selectors: bool = True) -> dict[str, Any]:
    articles = [a for a in findings.articles if not a.blocked and a.provenance]
    selectors = (spider_cls.selectors or {}) if use_selectors else {}
    report: dict[str, Any] = {
        "site": findings.site,
        "kind": "file" if getattr(spider_cls, "site_file", "") else "coded",
        "threshold": THRESHOLD,
        "articles": len(articles),
        "selectors": [selector_row(key, query, articles) for key, query in selectors.items()],
        "listing": listing_summary(findings, spider_cls.listing_link_css),
        "fields": field_layers(articles),
        "pager": [{"listing": url, "pages": findings.walks.get(url, 0),
                   "bounded": url in findings.walk_capped}
                  for url in spider_cls.listing_urls],
        "feeds": feed_rows(findings),
        "robots": robots_summary(findings, spider_cls, agent),
        "blocked": [{"url": p.url, "kind": p.blocked} for p in
                    [*findings.listings, *findings.articles] if p.blocked],
        "failures": findings.failures,
        "sampled": [{"url": a.url, "found_by": a.found_by} for a in findings.articles],
    }
    report["problems"] = problems(report, spider_cls)
    report["healthy"] = not report["problems"]
    return report


def selector_row(key: str, query: str, articles: list) -> dict[str, Any]:
    field = FIELD_OF.get(key, key)
    hits = [a for a in articles if a.provenance.get(field) == SELECTOR]
    if key in REQUIRED_KEYS:
        pages = articles
    else:  # pages where the field exists at all
        pages = [a for a in articles if field in a.provenance]
    misses = [a for a in pages if a.provenance.get(field) != SELECTOR]
    instead = Counter(a.provenance[field] for a in misses if field in a.provenance)
    rate = len(hits) / len(pages) if pages else None
    return {
        "key": key, "field": field, "selector": query,
        "hits": len(hits), "pages": len(pages), "rate": rate,
        "ok": rate is None or rate >= THRESHOLD,
        "fallback": {"found": sum(instead.values()), "of": len(misses),
                     "rate": sum(instead.values()) / len(misses) if misses else None,
                     "layers": dict(instead)},
        "failing": [{"url": a.url, "layer": a.provenance.get(field, "missing"),
                     "found_instead": short(a.fields.get(field))}
                    for a in misses[:FAILING_SHOWN]],
    }


def listing_summary(findings: Findings, css: str) -> dict[str, Any]:
    pages = [p for p in findings.listings if not p.blocked]
    with_articles = [p for p in pages if p.fallback_links or p.selector_links]
    selector_hits = [p for p in with_articles if p.selector_links]
    by_selector = {u for p in pages for u in p.selector_links}
    by_fallback = {u for p in pages for u in p.fallback_links}
    rate = len(selector_hits) / len(with_articles) if with_articles else None
    return {
        "selector": css, "pages": len(pages), "pages_with_articles": len(with_articles),
        "selector_hits": len(selector_hits), "selector_rate": rate,
        "fallback_hits": sum(1 for p in with_articles if p.fallback_links),
        "fallback_rate": (sum(1 for p in with_articles if p.fallback_links)
                          / len(with_articles) if with_articles else None),
        "selector_links": len(by_selector), "fallback_links": len(by_fallback),
        "only_fallback": len(by_fallback - by_selector),
        "ok": rate is None or rate >= THRESHOLD,
        "failing": [p.url for p in with_articles if not p.selector_links][:FAILING_SHOWN],
    }


def field_layers(articles: list) -> dict[str, dict[str, int]]:
    layers: dict[str, dict[str, int]] = {}
    for field in FIELD_NAMES:
        counts = Counter(a.provenance.get(field, "missing") for a in articles)
        if counts and set(counts) != {"missing"}:
            layers[field] = dict(sorted(counts.items()))
    return layers


def feed_rows(findings: Findings) -> list[dict[str, Any]]:
    now = now_vn()
    rows = []
    for feed in findings.feeds.values():
        age = None
        if feed.newest:
            age = round((now - datetime.fromisoformat(feed.newest)).total_seconds() / 86400, 1)
        rows.append({"url": feed.url, "kind": feed.kind, "source": feed.source,
                     "status": feed.status, "items": feed.items, "newest": feed.newest,
                     "age_days": age})
    return rows


def robots_summary(findings: Findings, spider_cls: type, agent: str) -> dict[str, Any]:
    wanted = [*spider_cls.listing_urls, *spider_cls.feed_urls, *spider_cls.sitemap_urls,
              *(a.url for a in findings.articles), *(f["url"] for f in findings.failures)]
    summary = {}
    for origin, text in findings.robots.items():
        parser = Protego.parse(text)
        summary[origin] = {
            "found": bool(text),
            "rules": robots_rules(text, agent),
            "disallowed": list(dict.fromkeys(
                url for url in wanted
                if url.startswith(origin + "/") and not parser.can_fetch(url, agent))),
        }
    return summary


def problems(report: dict[str, Any], spider_cls: type) -> list[str]:
    found = []
    for row in report["selectors"]:
        if not row["ok"]:
            fallback = row["fallback"]
            found.append(
                f"selector {row['key']} ({row['selector']}) hits {row['hits']}/{row['pages']}"
                f" ({row['rate']:.0%}), below {THRESHOLD:.0%}; fallback layers found "
                f"{row['field']} on {fallback['found']}/{fallback['of']}")
    listing = report["listing"]
    if not listing["ok"]:
        found.append(
            f"listing selector ({listing['selector']}) found links on "
            f"{listing['selector_hits']}/{listing['pages_with_articles']} listing pages; the "
            f"fallback found {listing['fallback_links']} article links on "
            f"{listing['fallback_hits']}/{listing['pages_with_articles']}")
    if spider_cls.listing_urls and not listing["pages_with_articles"]:
        found.append("no listing page shows an article link (selector or fallback)")
    if not report["articles"]:
        found.append("no article page was fetched")
    found.extend(missing_fields(report))
    if report["blocked"]:
        found.append(f"{len(report['blocked'])} blocked pages")
    starts = set(spider_cls.listing_urls)
    found.extend(f"start page {f['url']}: {f['reason']}" for f in report["failures"]
                 if f["url"] in starts)
    found.extend(f"{feed['kind']} {feed['url']}: {feed['status']}"
                 if feed["status"] != "ok" else f"{feed['kind']} {feed['url']}: no items"
                 for feed in report["feeds"]
                 if feed["source"] == "declared" and (feed["status"] != "ok"
                                                      or not feed["items"]))
    return found


def missing_fields(report: dict[str, Any]) -> list[str]:
    total = report["articles"]
    found = []
    for field in ("title", "published_at", "body"):
        counts = report["fields"].get(field)
        missing = counts.get("missing", 0) if counts else total
        if total and missing / total > 1 - THRESHOLD:
            found.append(f"{field} missing on {missing}/{total} articles")
    return found


def short(value: Any, width: int = 70) -> str | None:
    if value in (None, "", []):
        return None
    text = value if isinstance(value, str) else ", ".join(map(str, value)) \
        if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.0%}"
