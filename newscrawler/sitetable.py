"""`newscrawler sites`: the site registry as a table (one spider per site)."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table

from newscrawler.runner import spider_loader

WIDTH = 100  # fits a terminal split in two, and a mail or a log
# Columns that wrap share the width left by the others in these proportions.
RATIOS = {"publisher": 3, "ministry": 3, "platform": 2}


def ministry_history(spider_cls) -> str:
    parts = []
    for ministry in spider_cls.ministries:
        since = ministry.since.isoformat() if ministry.since else "…"
        until = ministry.until.isoformat() if ministry.until else "now"
        parts.append(ministry.name if not (ministry.since or ministry.until)
                     else f"{ministry.name} ({since} → {until})")
    return "; ".join(parts)


def site_rows() -> list[dict[str, str]]:
    loader = spider_loader()
    rows = []
    for name in sorted(loader.list()):
        spider_cls = loader.load(name)
        rows.append({
            "site": name,
            "publisher": spider_cls.publisher,
            "ministry": ministry_history(spider_cls),
            "platform": spider_cls.platform,
            "enabled": "yes" if spider_cls.enabled else "no",
            "domain": ", ".join(spider_cls.allowed_domains),
        })
    return rows


def print_sites(out: TextIO, width: int = WIDTH) -> None:
    """The registry as a table at most `width` columns wide (rich wraps long cells)."""
    rows = site_rows()
    if not rows:
        out.write("no sites\n")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    for column in rows[0]:
        table.add_column(column, no_wrap=column not in RATIOS, ratio=RATIOS.get(column),
                         min_width=10 if column in RATIOS else None, overflow="fold")
    for row in rows:
        table.add_row(*row.values())
    console = Console(width=width, color_system=None, highlight=False, emoji=False,
                      markup=False)
    with console.capture() as captured:
        console.print(table)
    out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
