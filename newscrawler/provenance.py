"""Where a site's facts come from: its evidence date and the assumptions its module marks.

A site module's docstring cites a source and a date for every selector and URL rule, or
marks the rule with a line that starts with `ASSUMPTION:` (after an optional "- " bullet).
An assumption may continue on the following indented lines; it ends at a blank line, at
the next bullet or at the next `ASSUMPTION:`.
"""

from __future__ import annotations

import inspect
import re

_MARK = re.compile(r"^\s*(?:[-*]\s+)?ASSUMPTION:\s*(.*)$")
_BULLET = re.compile(r"^\s*[-*]\s+")


def module_docstring(spider_cls) -> str:
    module = inspect.getmodule(spider_cls)
    return (inspect.getdoc(module) or "") if module is not None else ""


def assumptions_in(docstring: str) -> list[str]:
    """Each `ASSUMPTION:` of a docstring, as one line of text."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in docstring.splitlines():
        mark = _MARK.match(line)
        if mark:
            current = [mark.group(1).strip()]
            found.append(current)
        elif current is not None and line.strip() and not _BULLET.match(line):
            current.append(line.strip())
        else:
            current = None
    return [" ".join(part for part in parts if part) for parts in found]


def assumptions_of(spider_cls) -> list[str]:
    """The site module's assumptions, then its platform bases' (the crawl base excluded)."""
    from newscrawler.spiders.base import NewsSpider

    found: list[str] = []
    seen_modules: set[str] = set()
    for cls in spider_cls.__mro__:
        if not (isinstance(cls, type) and issubclass(cls, NewsSpider)) or cls is NewsSpider:
            continue
        if cls.__module__ in seen_modules:
            continue
        seen_modules.add(cls.__module__)
        found.extend(assumptions_in(module_docstring(cls)))
    return found
