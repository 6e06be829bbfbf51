"""The run report as one self-contained HTML page: DATA_DIR/runs/<run_id>.html.

Rendered from the run summary dict (runsummary.py), for a person reading it after an
unattended run: the verdict first, then a table of the sites, then one section per site.
No JavaScript and no external asset: inline CSS, inline SVG charts. Every value from the
summary is escaped, since titles, URLs and even site keys come from crawled pages or
configuration. Keys absent from older summaries are shown as "n/a" or left out.

The summary's `options` (command line, data directory, crawl state, settings given on the
command line) are shown under the verdict.

What is read from a site's entry: `items`, `items_dropped`, `pages`, `errors`, `failures`
([{url, reason, permanent}]), `finish_reason`, `incomplete`, `permanent_failures`,
`leftovers_removed`, `started_at`, `finished_at`, `duration_s`, `files` ([{path, items}]),
`verdict` ({ok, reasons}) and these `stats` keys:

- `field/<site>/<field>/<layer>` and `field/<site>/<field>/missing`: field coverage and
  provenance (layers: selector, metadata, fallback; unknown when a record had none);
- `newscrawler/<site>/articles/new` and `newscrawler/<site>/articles/updated`;
- `newscrawler/<site>/duplicates/<reason>`: records dropped as duplicates, by reason;
- `newscrawler/<site>/rejected/<field>`: validation failures, by field;
- `newscrawler/<site>/skipped/older_than_since`: articles skipped by `--since`.

Errors are grouped by the failure's reason (failures.describe_failure); "HTTP <status>"
reasons are also counted per status.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newscrawler.atomic import write_text_atomically

logger = logging.getLogger(__name__)

LAYERS = ("selector", "metadata", "fallback", "unknown", "missing")
LAYER_COLORS = {"selector": "#2e7d32", "metadata": "#1565c0", "fallback": "#ef6c00",
                "unknown": "#757575", "missing": "#e0e0e0"}
BAR_WIDTH = 320
BAR_HEIGHT = 16
LABEL_WIDTH = 110
_HTTP_STATUS = re.compile(r"^HTTP (\d{3})\b")

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 62em;
       padding: 0 1em; color: #212121; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; }
table { border-collapse: collapse; margin: .3em 0; }
th, td { border: 1px solid #ddd; padding: .2em .6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { padding: .6em 1em; border-radius: 4px; }
.ok { background: #e8f5e9; border: 1px solid #2e7d32; }
.failed { background: #ffebee; border: 1px solid #c62828; }
.unknown { background: #f5f5f5; border: 1px solid #9e9e9e; }
.muted { color: #757575; }
.legend span { display: inline-block; margin-right: 1em; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; }
code { font-size: .9em; word-break: break-all; }
"""


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def number(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return esc(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def duration(seconds: Any) -> str:
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return "n/a"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {secs:02d} s"


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


# --- numbers taken from a site's entry -------------------------------------------------

def stats_under(stats: dict, prefix: str) -> dict[str, Any]:
    """{rest of key: value} for the stats keys that start with `prefix`."""
    return {key[len(prefix):]: value for key, value in stats.items()
            if isinstance(key, str) and key.startswith(prefix) and key != prefix}


def field_layers(stats: dict, site: str) -> dict[str, dict[str, int]]:
    """field -> {layer: count} from the `field/<site>/<field>/<layer>` stats."""
    fields: dict[str, dict[str, int]] = {}
    for rest, value in stats_under(stats, f"field/{site}/").items():
        name, _, layer = rest.rpartition("/")
        if name and isinstance(value, int):
            fields.setdefault(name, {})[layer] = value
    return fields


def error_counts(failures: list) -> tuple[Counter, Counter, dict[str, str]]:
    """(count per reason, count per HTTP status, one example URL per reason)."""
    by_reason: Counter = Counter()
    by_status: Counter = Counter()
    example: dict[str, str] = {}
    for failure in failures:
        if not isinstance(failure, dict):
            continue
        reason = str(failure.get("reason") or "unknown")
        by_reason[reason] += 1
        example.setdefault(reason, str(failure.get("url") or ""))
        status = _HTTP_STATUS.match(reason)
        if status:
            by_status[status.group(1)] += 1
    return by_reason, by_status, example


# --- HTML pieces -----------------------------------------------------------------------

def table(header: Iterable[str], rows: Iterable[Iterable[str]], numeric: set[int] = frozenset()
          ) -> str:
    """A table from cells that are already HTML (escaped by the caller)."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
                         for i, cell in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def counts_table(title: str, label: str, counts: dict[str, Any]) -> str:
    if not counts:
        return f"<h3>{esc(title)}</h3><p class=\"muted\">none</p>"
    rows = [(esc(key), number(value)) for key, value in sorted(counts.items())]
    return f"<h3>{esc(title)}</h3>" + table([esc(label), "count"], rows, {1})


def verdict_block(verdict: Any) -> str:
    if not isinstance(verdict, dict) or "ok" not in verdict:
        return '<div class="verdict unknown"><strong>Verdict: not recorded</strong></div>'
    ok = bool(verdict.get("ok"))
    reasons = "".join(f"<li>{esc(reason)}</li>" for reason in _list(verdict.get("reasons")))
    reasons = f"<ul>{reasons}</ul>" if reasons else ""
    word = "OK" if ok else "FAILED"
    return (f'<div class="verdict {"ok" if ok else "failed"}"><strong>Verdict: {word}'
            f"</strong>{reasons}</div>")


def provenance_chart(fields: dict[str, dict[str, int]]) -> str:
    """Inline SVG: one stacked bar per field, the share of records per layer."""
    names = sorted(fields)
    height = BAR_HEIGHT * len(names) + 4 * (len(names) + 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LABEL_WIDTH + BAR_WIDTH + 60}"'
             f' height="{height}" role="img" aria-label="field provenance">']
    for row, name in enumerate(names):
        layers = fields[name]
        total = sum(layers.values()) or 1
        y = 4 + row * (BAR_HEIGHT + 4)
        parts.append(f'<text x="0" y="{y + BAR_HEIGHT - 4}" font-size="12">{esc(name)}</text>')
        x = float(LABEL_WIDTH)
        for layer in _ordered_layers(layers):
            width = BAR_WIDTH * layers[layer] / total
            color = LAYER_COLORS.get(layer, LAYER_COLORS["unknown"])
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}"'
                         f' fill="{color}"><title>{esc(name)}: {esc(layer)} {layers[layer]:,}'
                         f" ({100 * layers[layer] / total:.0f} %)</title></rect>")
            x += width
        found = total - layers.get("missing", 0)
        parts.append(f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + BAR_HEIGHT - 4}"'
                     f' font-size="12">{100 * found / total:.0f} %</text>')
    parts.append("</svg>")
    legend = "".join(f'<span><span class="swatch" style="background:{LAYER_COLORS[layer]}">'
                     f"</span>{layer}</span>" for layer in LAYERS)
    return "".join(parts) + f'<p class="legend">{legend}</p>'


def _ordered_layers(layers: dict[str, int]) -> list[str]:
    known = [layer for layer in LAYERS if layers.get(layer)]
    return known + sorted(layer for layer in layers if layer not in LAYERS and layers[layer])


def coverage_section(fields: dict[str, dict[str, int]]) -> str:
    if not fields:
        return '<h3>Field coverage and provenance</h3><p class="muted">no field counts</p>'
    extra = sorted({layer for layers in fields.values() for layer in layers} - set(LAYERS))
    columns = list(LAYERS) + extra
    rows = []
    for name in sorted(fields):
        layers = fields[name]
        total = sum(layers.values())
        found = total - layers.get("missing", 0)
        coverage = f"{100 * found / total:.0f} %" if total else "n/a"
        rows.append([esc(name), coverage] + [number(layers.get(c, 0)) for c in columns])
    numeric = set(range(1, len(columns) + 2))
    return ("<h3>Field coverage and provenance</h3>" + provenance_chart(fields)
            + table(["field", "coverage"] + [esc(c) for c in columns], rows, numeric))


def errors_section(entry: dict) -> str:
    failures = _list(entry.get("failures"))
    by_reason, by_status, example = error_counts(failures)
    total = entry.get("errors", len(failures))
    note = ""
    if isinstance(total, int) and total > len(failures):
        note = f'<p class="muted">{len(failures):,} of {total:,} failures listed.</p>'
    if not by_reason:
        return f"<h3>Errors: {number(total)}</h3>{note}"
    rows = [(esc(reason), number(count), f"<code>{esc(example[reason])}</code>")
            for reason, count in by_reason.most_common()]
    status_table = counts_table("Errors by HTTP status", "status", dict(by_status)) \
        if by_status else ""
    return (f"<h3>Errors: {number(total)}</h3>{note}"
            + table(["kind", "count", "example URL"], rows, {1}) + status_table)


def files_section(files: list, title: str = "Files written",
                  when_none: str = '<p class="muted">none</p>') -> str:
    rows = []
    for file in files:
        file = file if isinstance(file, dict) else {"path": file}
        rows.append((f"<code>{esc(file.get('path', '?'))}</code>", number(file.get("items"))))
    if not rows:
        return f"<h3>{title}</h3>{when_none}" if when_none else ""
    return f"<h3>{title}</h3>" + table(["file", "records"], rows, {1})


def archive_section(files: list) -> str:
    """The WARC files of the pages fetched (newscrawler/archive/)."""
    rows = [(f"<code>{esc(f.get('path', '?'))}</code>", number(f.get("responses")),
             number(f.get("records")), number(f.get("bytes"))) for f in files
            if isinstance(f, dict)]
    if not rows:
        return ""
    return "<h3>Archive (WARC)</h3>" + table(["file", "pages", "records", "bytes"], rows,
                                              {1, 2, 3})


def scan_section(summary: dict) -> str:
    """`reextract` / `import-warc`: the records read, skipped by reason, and corrupt."""
    html = ""
    for label in ("reextract", "import"):
        scan = _dict(summary.get(label))
        if not scan:
            continue
        html += (f"<h2>{label}: {number(scan.get('records'))} records read</h2>"
                 + counts_table("Records skipped", "reason", _dict(scan.get("skipped"))))
        rows = [(f"<code>{esc(c.get('file'))}</code>", number(c.get("offset")),
                 esc(c.get("reason"))) for c in _list(scan.get("corrupt"))]
        if rows:
            html += "<h3>Corrupt records</h3>" + table(["file", "offset", "reason"], rows, {1})
    return html


def options_section(options: dict) -> str:
    """The run's options: command line, data directory, crawl state, given settings."""
    if not options:
        return ""
    rows = [(esc(label), f"<code>{esc(options[key])}</code>")
            for key, label in (("command", "command"), ("data_dir", "data directory"),
                               ("state", "crawl state")) if key in options]
    rows += [(f"<code>{esc(name)}</code>", f"<code>{esc(value)}</code>")
             for name, value in sorted(_dict(options.get("settings")).items())]
    return "<h3>Run options</h3>" + table(["option", "value"], rows)


def site_section(anchor: str, site: str, entry: dict) -> str:
    stats = _dict(entry.get("stats"))
    prefix = f"newscrawler/{site}/"
    articles = stats_under(stats, prefix + "articles/")
    key_numbers = [
        ("pages fetched", number(entry.get("pages"))),
        ("articles exported", number(entry.get("items"))),
        ("articles new", number(articles.get("new"))),
        ("articles updated", number(articles.get("updated"))),
        ("records dropped", number(entry.get("items_dropped"))),
        ("skipped, older than --since",
         number(stats.get(prefix + "skipped/older_than_since", 0))),
        ("duration", esc(duration(entry.get("duration_s")))),
        ("started", esc(entry.get("started_at") or "n/a")),
        ("finished", esc(entry.get("finished_at") or "n/a")),
        ("finish reason", esc(entry.get("finish_reason") or "n/a")),
        # A run cut short (timeout, page budget, signal); known 404/410 and robots
        # disallows; torn files of killed runs removed at start.
        ("incomplete", esc(entry.get("incomplete") or "no")),
        ("expected permanent failures", number(entry.get("permanent_failures", 0))),
        ("leftover files removed", number(entry.get("leftovers_removed", 0))),
    ]
    if entry.get("discovery"):  # how deep discovery can reach (script-only pagers)
        key_numbers.append(("discovery", esc(str(entry["discovery"]))))
    verdict = verdict_block(entry["verdict"]) if "verdict" in entry else ""
    return (f'<section id="{anchor}"><h2>{esc(site)}</h2>{verdict}'
            + table(["measure", "value"], [(esc(k), v) for k, v in key_numbers], {1})
            + counts_table("Duplicates dropped", "reason",
                           stats_under(stats, prefix + "duplicates/"))
            + counts_table("Validation drops", "field",
                           stats_under(stats, prefix + "rejected/"))
            + errors_section(entry)
            + coverage_section(field_layers(stats, site))
            + files_section(_list(entry.get("files")))
            + files_section(_list(entry.get("user_feeds")), "Your own feeds (-o, -O)", "")
            + archive_section(_list(entry.get("archive")))
            + "</section>")


def overview(sites: dict[str, dict]) -> str:
    rows = []
    for index, (site, entry) in enumerate(sites.items()):
        verdict = _dict(entry.get("verdict"))
        status = ("OK" if verdict.get("ok") else "FAILED") if "ok" in verdict else "n/a"
        rows.append((f'<a href="#site-{index}">{esc(site)}</a>', esc(status),
                     number(entry.get("items")), number(entry.get("pages")),
                     number(entry.get("errors")), esc(duration(entry.get("duration_s")))))
    if not rows:
        return '<p class="muted">No site in this run.</p>'
    return table(["site", "verdict", "articles", "pages", "errors", "duration"], rows,
                 {2, 3, 4})


def render_report(summary: dict) -> str:
    """The whole page for one run summary."""
    summary = _dict(summary)
    sites = {str(site): _dict(entry) for site, entry in _dict(summary.get("sites")).items()}
    run_id = esc(summary.get("run_id") or "unknown run")
    sections = "".join(site_section(f"site-{index}", site, entry)
                       for index, (site, entry) in enumerate(sites.items()))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>newscrawler run {run_id}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS}</style></head><body>"
        f"<header><h1>newscrawler run {run_id}</h1>"
        f"{verdict_block(summary.get('verdict'))}"
        f"<p>{number(summary.get('items'))} articles exported from {len(sites)} "
        f"site{'' if len(sites) == 1 else 's'}.</p>"
        f"{options_section(_dict(summary.get('options')))}</header><main>{overview(sites)}{scan_section(summary)}{sections}</main></body></html>\n"
    )


def write_report(summary: dict, path: Path | str) -> Path:
    """Write the page atomically (a reader never sees half a page); return its path."""
    path = Path(path)
    write_text_atomically(path, render_report(summary))
    logger.info("Run report: %s", path)
    return path
