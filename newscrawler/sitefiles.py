"""Sites defined without code: one TOML file per site.

Where they come from: every `*.toml` in the sites directory (`NEWSCRAWLER_SITES_DIR`,
default `sites.d`, relative to the current directory, as DATA_DIR is) and every file of
`NEWSCRAWLER_SITE_FILES` (the `--site-file PATH` options). Each becomes a spider class
(`spiders.filesite.FileSiteSpider` subclass) that the spider loader (`siteloader.py`)
offers beside the coded sites, so a file site runs through the same pipelines, state,
exports, reports and monitors.

Keys (docs/internals.md "Sites without code"): required `name`, `publisher`, `ministry`
(or `[[ministries]]` with `name`, `since`, `until`), `start_urls`,
`article_url_pattern`; optional `feeds`, `sitemaps`, `allowed_domains`, `selectors`,
`pager`, `date_order`, `article_key_pattern`. Anything else is an error: a file is
checked whole before any crawl, and a problem is one line naming the file, the key and
what is allowed (`SiteFileError`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cssselect import SelectorError
from lxml import etree
from parsel.csstranslator import HTMLTranslator

from newscrawler.extract.chain import SELECTOR_KEYS

NAME = re.compile(r"[A-Za-z0-9_]+")
HOST = re.compile(r"(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*"
                  r"[a-z0-9])?)+")
DATE_ORDERS = ("day_first", "month_first")
# `listing`: the CSS of article links on a listing page (default: every link).
SITE_SELECTOR_KEYS = (*SELECTOR_KEYS, "listing")
REQUIRED = ("name", "publisher", "start_urls", "article_url_pattern")
OPTIONAL = ("ministry", "ministries", "feeds", "sitemaps", "allowed_domains", "selectors",
            "pager", "date_order", "article_key_pattern")


class SiteFileError(ValueError):
    """An unusable site file; the message is one line: file, key, what is allowed."""


@dataclass(frozen=True)
class MinistrySpan:
    name: str
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class SiteFile:
    path: Path
    name: str
    publisher: str
    ministries: tuple[MinistrySpan, ...]
    start_urls: tuple[str, ...]
    article_url_pattern: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    selectors: dict[str, str] = field(default_factory=dict)
    pager: str = ""
    month_first: bool = False
    article_key_pattern: str | None = None


class _Checker:
    """Reads one parsed TOML table, raising SiteFileError at the first bad key."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, allowed: str, value: Any = None) -> SiteFileError:
        got = "" if value is None else f" (got {_short(value)})"
        return SiteFileError(f"{self.path}: {key}: {allowed}{got}")

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "a non-empty string is required", value)
        return value.strip()

    def urls(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key, [] if not required else None)
        if not isinstance(value, list) or (required and not value):
            raise self.fail(key, "a non-empty list of http(s) URLs is required" if required
                            else "a list of http(s) URLs", value)
        for url in value:
            parts = urlsplit(url) if isinstance(url, str) else None
            if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
                raise self.fail(key, "each item must be an http(s) URL", url)
        return tuple(value)

    def pattern(self, key: str, required: bool = False, groups: int = 0) -> str | None:
        value = self.text(key, required)
        if not value:
            return None
        try:
            compiled = re.compile(value)
        except re.error as error:
            raise self.fail(key, f"a Python regular expression ({error})", value) from None
        if compiled.groups < groups:
            raise self.fail(key, "a regular expression whose group 1 is the article id",
                            value)
        return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_site_file(path: Path) -> SiteFile:
    """The checked site of one TOML file; SiteFileError when anything is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SiteFileError(f"{path}: cannot read: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SiteFileError(f"{path}: not valid TOML: {error}") from None
    check = _Checker(path, data)
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            raise check.fail(key, "unknown key; allowed: " + ", ".join(REQUIRED + OPTIONAL))
    name = check.text("name", required=True)
    if not NAME.fullmatch(name):
        raise check.fail("name", "letters, digits and underscore only", name)
    start_urls = check.urls("start_urls", required=True)
    domains = _domains(check, start_urls)
    return SiteFile(
        path=path,
        name=name,
        publisher=check.text("publisher", required=True),
        ministries=_ministries(check),
        start_urls=start_urls,
        article_url_pattern=check.pattern("article_url_pattern", required=True) or "",
        feeds=check.urls("feeds"),
        sitemaps=check.urls("sitemaps"),
        allowed_domains=domains,
        selectors=_selectors(check),
        pager=_css(check, "pager", check.text("pager")) if "pager" in data else "",
        month_first=_date_order(check) == "month_first",
        article_key_pattern=check.pattern("article_key_pattern", groups=1),
    )


def _domains(check: _Checker, start_urls: tuple[str, ...]) -> tuple[str, ...]:
    value = check.data.get("allowed_domains")
    if value is None:
        hosts = [urlsplit(url).hostname or "" for url in start_urls]
        return tuple(dict.fromkeys(host.removeprefix("www.") for host in hosts))
    if not isinstance(value, list) or not value or not all(
            isinstance(host, str) and HOST.fullmatch(host) for host in value):
        raise check.fail("allowed_domains", "a non-empty list of lower-case host names "
                         "(example.gov.vn)", value)
    for url in start_urls:
        host = urlsplit(url).hostname or ""
        if not any(host == d or host.endswith("." + d) for d in value):
            raise check.fail("allowed_domains", "must cover every start URL's host", url)
    return tuple(value)


def _ministries(check: _Checker) -> tuple[MinistrySpan, ...]:
    if ("ministry" in check.data) == ("ministries" in check.data):
        raise check.fail("ministry", "exactly one of ministry = \"...\" or [[ministries]] "
                         "is required")
    if "ministry" in check.data:
        return (MinistrySpan(check.text("ministry", required=True)),)
    value = check.data["ministries"]
    if not isinstance(value, list) or not value:
        raise check.fail("ministries", "a non-empty array of tables [[ministries]]", value)
    spans = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or \
                not entry["name"].strip() or set(entry) - {"name", "since", "until"}:
            raise check.fail("ministries", "each entry has name (text) and optionally "
                             "since, until (dates YYYY-MM-DD)", entry)
        days = {}
        for key in ("since", "until"):
            day = entry.get(key)
            if isinstance(day, str):
                try:
                    day = date.fromisoformat(day)
                except ValueError:
                    pass
            if day is not None and type(day) is not date:
                raise check.fail(f"ministries.{key}", "a date YYYY-MM-DD", entry.get(key))
            days[key] = day
        spans.append(MinistrySpan(entry["name"].strip(), days["since"], days["until"]))
    return tuple(spans)


def _selectors(check: _Checker) -> dict[str, str]:
    value = check.data.get("selectors", {})
    if not isinstance(value, dict):
        raise check.fail("selectors", "a table of " + ", ".join(SITE_SELECTOR_KEYS), value)
    selectors = {}
    for key, query in value.items():
        if key not in SITE_SELECTOR_KEYS:
            raise check.fail(f"selectors.{key}",
                             "unknown selector; allowed: " + ", ".join(SITE_SELECTOR_KEYS))
        if not isinstance(query, str) or not query.strip():
            raise check.fail(f"selectors.{key}", "a CSS selector or xpath:<expression>", query)
        selectors[key] = _css(check, f"selectors.{key}", query.strip())
    return selectors


def _css(check: _Checker, key: str, query: str) -> str:
    """A CSS selector (parsel's, with ::text and ::attr()) or `xpath:<expression>` that
    compiles."""
    try:
        if query.startswith("xpath:"):
            etree.XPath(query.removeprefix("xpath:"))
        else:
            HTMLTranslator().css_to_xpath(query)
    except (SelectorError, etree.XPathSyntaxError) as error:
        raise check.fail(key, f"a CSS selector or xpath:<expression> ({error})", query) \
            from None
    return query


def _date_order(check: _Checker) -> str:
    value = check.data.get("date_order", "day_first")
    if value not in DATE_ORDERS:
        raise check.fail("date_order", "one of " + ", ".join(DATE_ORDERS), value)
    return value


def site_file_paths(sites_dir: str | Path, extra: list[str] | tuple[str, ...]) -> list[Path]:
    """The sites directory's `*.toml` (sorted), then the extra files, each once."""
    paths = []
    directory = Path(sites_dir) if sites_dir else None
    if directory is not None and directory.is_dir():
        paths.extend(sorted(directory.glob("*.toml")))
    for item in extra:
        path = Path(item)
        if not path.is_file():
            raise SiteFileError(f"{path}: no such site file")
        paths.append(path)
    unique: dict[Path, Path] = {}
    for path in paths:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def read_site_files(paths: list[Path], coded_names: set[str]) -> list[SiteFile]:
    """Every file checked; a name used twice, or by a coded site, is an error."""
    sites: dict[str, SiteFile] = {}
    for path in paths:
        site = read_site_file(path)
        if site.name in coded_names:
            raise SiteFileError(f"{path}: name: {site.name!r} is a coded site already; "
                                "choose another name")
        if site.name in sites:
            raise SiteFileError(f"{path}: name: {site.name!r} is defined by "
                                f"{sites[site.name].path} already")
        sites[site.name] = site
    return list(sites.values())
