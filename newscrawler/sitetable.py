"""`newscrawler sites`: the site registry as a table (one spider per site)."""

from __future__ import annotations

from typing import TextIO

from newscrawler.runner import spider_loader


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
            "start URLs": str(len(spider_cls.listing_urls) + len(spider_cls.feed_urls)),
        })
    return rows


def print_sites(out: TextIO) -> None:
    rows = site_rows()
    if not rows:
        out.write("no sites\n")
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    out.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip() + "\n")
    out.write("  ".join("-" * widths[c] for c in columns) + "\n")
    for row in rows:
        out.write("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip() + "\n")
