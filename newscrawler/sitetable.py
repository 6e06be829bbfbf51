"""`newscrawler sites`: the site registry as a table, as JSON, or one site's assumptions."""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table

from newscrawler.provenance import assumptions_of
from newscrawler.runner import spider_loader

WIDTH = 100  # fits a terminal split in two, and a mail or a log
# Columns that wrap share the width left by the others in these proportions.
RATIOS = {"publisher": 3, "ministry": 3, "platform": 2, "status": 2}


def ministry_history(spider_cls) -> str:
    parts = []
    for ministry in spider_cls.ministries:
        since = ministry.since.isoformat() if ministry.since else "…"
        until = ministry.until.isoformat() if ministry.until else "now"
        parts.append(ministry.name if not (ministry.since or ministry.until)
                     else f"{ministry.name} ({since} → {until})")
    return "; ".join(parts)


def loader_with(settings: dict[str, Any] | None = None):
    """The spider loader with these settings over the project's (e.g. --site-file)."""
    from newscrawler.runner import base_settings

    base = base_settings()
    for name, value in (settings or {}).items():
        base.set(name, value, priority="cmdline")
    return spider_loader(base)


def status_text(spider_cls) -> str:
    if getattr(spider_cls, "site_file", ""):  # a site defined in a TOML file
        return f"file: {spider_cls.site_file}"
    status = spider_cls.status if spider_cls.enabled else (
        spider_cls.status if spider_cls.status != "current" else "disabled")
    return f"{status}: {spider_cls.status_reason}" if spider_cls.status_reason else status


def site_entries(loader=None) -> list[dict[str, Any]]:
    """One entry per registered site, in the `--json` shape (a file site's status is
    "file: PATH", its platform "file")."""
    loader = loader or spider_loader()
    entries = []
    for name in sorted(loader.list()):
        spider_cls = loader.load(name)
        entries.append({
            "site": name,
            "publisher": spider_cls.publisher,
            "ministry": ministry_history(spider_cls),
            "platform": spider_cls.platform,
            "enabled": bool(spider_cls.enabled),
            "status": status_text(spider_cls),
            "newest_evidence": spider_cls.newest_evidence or None,
            "assumptions": len(assumptions_of(spider_cls)),
            "domains": list(spider_cls.allowed_domains),
        })
    return entries


def site_rows(loader=None) -> list[dict[str, str]]:
    return [{
        "site": entry["site"],
        "publisher": entry["publisher"],
        "ministry": entry["ministry"],
        "platform": entry["platform"],
        "status": entry["status"],
        "evidence": entry["newest_evidence"] or "none",
        "assum.": str(entry["assumptions"]),
    } for entry in site_entries(loader)]


def print_sites(out: TextIO, width: int = WIDTH, loader=None) -> None:
    """The registry as a table at most `width` columns wide (rich wraps long cells)."""
    rows = site_rows(loader)
    if not rows:
        out.write("no sites\n")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    for column in rows[0]:
        table.add_column(column, no_wrap=column not in RATIOS, ratio=RATIOS.get(column),
                         min_width=8 if column in RATIOS else None, overflow="fold")
    for row in rows:
        table.add_row(*row.values())
    console = Console(width=width, color_system=None, highlight=False, emoji=False,
                      markup=False)
    with console.capture() as captured:
        console.print(table)
    out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def print_sites_json(out: TextIO, loader=None) -> None:
    for entry in site_entries(loader):
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")


def print_sites_markdown(out: TextIO, loader=None) -> None:
    """The registry as the README's Markdown table (the README is checked against it)."""
    out.write("| site | publisher | ministry | platform | status | newest evidence |\n")
    out.write("|---|---|---|---|---|---|\n")
    for entry in site_entries(loader):
        cells = [f"`{entry['site']}`", entry["publisher"], entry["ministry"],
                 entry["platform"], entry["status"], entry["newest_evidence"] or "none"]
        out.write("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |\n")


def print_assumptions(site: str, out: TextIO, loader=None) -> None:
    """Raises KeyError for an unknown site."""
    spider_cls = (loader or spider_loader()).load(site)
    found = assumptions_of(spider_cls)
    out.write(f"{site}: {len(found)} assumption(s); newest evidence "
              f"{spider_cls.newest_evidence or 'none'}\n")
    for number, text in enumerate(found, 1):
        out.write(f"{number:3d}. {text}\n")
