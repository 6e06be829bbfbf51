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
    write_table(table, out, width)


def write_table(table: Table, out: TextIO, width: int) -> None:
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


# The Government's 17 bodies since the 2025-03-01 restructuring (issue 17): 14 ministries
# and 3 ministerial-level agencies, named as the spiders' `Ministry` objects name them.
GOVERNMENT_2025 = (
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp",
    "Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng",
    "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
    "Văn phòng Chính phủ", "Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam",
)


def ministry_entries(loader=None, day=None) -> list[dict[str, Any]]:
    """One entry per body of GOVERNMENT_2025 with the sites that carry its news on `day`
    (default today; a site belongs to the body its `ministry_on(day)` names), each with
    its status. A body no site covers has an empty `sites` list."""
    from datetime import date

    loader = loader or spider_loader()
    day = day or date.today()
    carried: dict[str, list[dict[str, Any]]] = {}
    for name in sorted(loader.list()):
        spider_cls = loader.load(name)
        body = spider_cls.ministry_on(day)
        if body:
            carried.setdefault(body, []).append({
                "site": name, "enabled": bool(spider_cls.enabled),
                "status": status_text(spider_cls)})
    return [{"ministry": body, "sites": carried.get(body, [])} for body in GOVERNMENT_2025]


def print_ministries(out: TextIO, width: int = WIDTH, loader=None) -> None:
    """The ministry view as a table: a body per row, its sites and their status."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("ministry", ratio=2, overflow="fold")
    table.add_column("sites", ratio=3, overflow="fold")
    for entry in ministry_entries(loader):
        sites = "; ".join(f"{site['site']} ({site['status']})" for site in entry["sites"])
        table.add_row(entry["ministry"], sites or "none")
    write_table(table, out, width)


def print_ministries_json(out: TextIO, loader=None) -> None:
    for entry in ministry_entries(loader):
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
