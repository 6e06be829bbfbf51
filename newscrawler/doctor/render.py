"""The doctor's report as rich tables (the `--json` object, laid out for a terminal)."""

from __future__ import annotations

from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table

from newscrawler.doctor.report import percent

WIDTH = 100


def table(title: str, *columns: str) -> Table:
    result = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                   show_edge=False, expand=False)
    for column in columns:
        result.add_column(column, overflow="fold")
    return result


def selector_table(report: dict[str, Any]) -> Table:
    result = table("Selectors (hit rate on the fetched articles)",
                   "key", "selector", "hits", "rate", "instead: found by other layers",
                   "status")
    for row in report["selectors"]:
        fallback = row["fallback"]
        layers = ", ".join(f"{k} {v}" for k, v in sorted(fallback["layers"].items()))
        instead = (f"{fallback['found']}/{fallback['of']} ({layers})" if fallback["of"]
                   else "-")
        result.add_row(row["key"], row["selector"], f"{row['hits']}/{row['pages']}",
                       percent(row["rate"]), instead, selector_status(row))
    return result


def selector_status(row: dict[str, Any]) -> str:
    if not row["ok"]:
        return "BROKEN"
    # No layer found the field: nothing to judge the selector by (optional fields).
    return "ok" if row["pages"] else "no data"


def listing_table(report: dict[str, Any]) -> Table:
    listing = report["listing"]
    result = table("Listing links: the selector against the fallback (on-site links "
                   "matching the article pattern)", "", "selector", "fallback")
    result.add_row("pages with article links",
                   f"{listing['selector_hits']}/{listing['pages_with_articles']} "
                   f"({percent(listing['selector_rate'])})",
                   f"{listing['fallback_hits']}/{listing['pages_with_articles']} "
                   f"({percent(listing['fallback_rate'])})")
    result.add_row("article links", str(listing["selector_links"]),
                   f"{listing['fallback_links']} ({listing['only_fallback']} not by the "
                   "selector)")
    result.add_row("selector", listing["selector"], "")
    return result


def fields_table(report: dict[str, Any]) -> Table:
    layers = ("selector", "metadata", "fallback", "missing")
    result = table("Fields by layer (provenance)", "field", *layers)
    for field, counts in report["fields"].items():
        result.add_row(field, *(str(counts.get(layer, 0)) for layer in layers))
    return result


def pager_table(report: dict[str, Any]) -> Table:
    result = table("Pages reachable by the pager", "listing", "pages")
    for row in report["pager"]:
        pages = f"{row['pages']}+ (bound)" if row["bounded"] else str(row["pages"])
        result.add_row(row["listing"], pages)
    return result


def feeds_table(report: dict[str, Any]) -> Table:
    result = table("Feeds and sitemaps", "url", "kind", "found in", "status", "items",
                   "newest", "age (days)")
    for feed in report["feeds"]:
        result.add_row(feed["url"], feed["kind"], feed["source"], feed["status"],
                       str(feed["items"]),
                       (feed["newest"] or "-")[:16].replace("T", " "),
                       "-" if feed["age_days"] is None else f"{feed['age_days']:g}")
    return result


def print_report(report: dict[str, Any], out: TextIO, width: int = WIDTH) -> None:
    console = Console(width=width, color_system=None, highlight=False, emoji=False,
                      markup=False)
    with console.capture() as captured:
        console.print(f"{report['site']} ({report['kind']} site): {report['articles']} "
                      f"articles fetched, {report['listing']['pages']} listing pages")
        for part, rows, empty in (
                (selector_table, report["selectors"],
                 "Selectors: none (metadata and generic layers only)"),
                (listing_table, True, ""), (fields_table, True, ""), (pager_table, True, ""),
                (feeds_table, report["feeds"], "Feeds and sitemaps: none found")):
            console.print()
            console.print(part(report) if rows else empty)
    out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    # Unwrapped: URLs and problems stay whole lines, to copy or grep.
    out.write("\n" + "".join(line + "\n" for line in detail_lines(report)))


def detail_lines(report: dict[str, Any]) -> list[str]:
    lines = []
    for row in report["selectors"]:
        if row["ok"]:
            continue
        lines.append(f"selector {row['key']} ({row['selector']}) failed on:")
        for page in row["failing"]:
            lines.append(f"  {page['url']}")
            lines.append(f"    {page['layer']}: {page['found_instead'] or '(nothing)'}")
    if not report["listing"]["ok"]:
        lines.append("listing selector found no article link on:")
        lines.extend(f"  {url}" for url in report["listing"]["failing"])
    for origin, robots in report["robots"].items():
        rules = "; ".join(robots["rules"]) or ("no rule for us" if robots["found"]
                                               else "no robots.txt")
        lines.append(f"robots.txt {origin}: {rules}")
        lines.extend(f"  disallowed: {url}" for url in robots["disallowed"])
    for page in report["blocked"]:
        lines.append(f"blocked ({page['kind']}): {page['url']}")
    for failure in report["failures"][:10]:
        lines.append(f"failed: {failure['url']}: {failure['reason']}")
    lines.extend(f"problem: {problem}" for problem in report["problems"])
    verdict = "HEALTHY" if report["healthy"] else "DEGRADED"
    lines.append(f"{report['site']}: {verdict}" + (
        ": " + "; ".join(report["problems"]) if report["problems"] else ""))
    return lines
