"""`newscrawler fixture record SITE URL`: save a page and its expected record for the tests.

A fixture is `<out>/<site>/<name>.html.gz` (the page as served) and `<name>.json`
(`{"url", "site", "expected"}`; a site read through a JSON API (mof) stores its detail
answer instead of a page, and `"fetched"`, the API URL it came from), read by
tests/test_site_fixtures.py. With `--replica`, the page comes from the replica and the
expected record from the replica's ground truth, so the expectation never comes from the
extractor under test. Without it (a real page),
the expected record is the current extraction, marked `"reviewed": false` until a person
has checked it field by field.
"""

from __future__ import annotations

import gzip
import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newscrawler.urls import safe_path_component

# The fields extraction produces and a fixture checks.
EXTRACTED_FIELDS = ("title", "lead", "body", "authors", "source", "published_at",
                    "modified_at", "published_raw", "category", "tags", "images",
                    "attachments")


FETCH_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def fixture_name(url: str) -> str:
    """The last path segment, plus the query's numeric ids when the path is shared
    (SharePoint's `tin-tong-hop.aspx?ItemID=123`)."""
    parts = urlsplit(url)
    name = re.sub(r"\.(html?|aspx)$", "", parts.path.rstrip("/").rsplit("/", 1)[-1])
    ids = re.findall(r"\d+", unquote(parts.query))  # not the digits of %3A, %2F
    if ids:
        name = f"{name}-{'-'.join(ids)}"
    return safe_path_component(name[-80:] or "index")


def fetch(url: str, replica_url: str | None) -> bytes:
    if replica_url:
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        url = f"{replica_url.rstrip('/')}/{parts.hostname}{parts.path}{query}"
    body = _get(url)
    # A script cookie wall (mod.gov.vn): set its literal cookie and ask once more, as
    # the crawl's cookiebootstrap middleware does.
    from newscrawler.downloadermiddlewares.cookiebootstrap import stub_cookie

    cookie = stub_cookie(body.decode("utf-8", "replace")) if len(body) < 4096 else None
    return body if cookie is None else _get(url, {"Cookie": f"{cookie.name}={cookie.value}"})


def _get(url: str, extra: dict[str, str] | None = None) -> bytes:
    # As the crawler asks: its own User-Agent and a browser's Accept headers (a firewall
    # such as sbv.gov.vn's rejects urllib's defaults, spiders/sbv.py).
    from newscrawler.settings import USER_AGENT

    headers = {"User-Agent": USER_AGENT, "Accept": FETCH_ACCEPT,
               "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8", **(extra or {})}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers),
                                timeout=30) as response:
        return response.read()


def expected_from_truth(site: str, url: str) -> dict:
    from newscrawler.replica.truth import truth_records

    for record in truth_records(site):
        if record["url"] == url:
            return {field: record[field] for field in EXTRACTED_FIELDS}
    raise KeyError(f"the replica of {site} has no article {url}")


def expected_from_extraction(site: str, url: str, body: bytes) -> dict:
    from scrapy.http import HtmlResponse

    from newscrawler.extract import extract_article
    from newscrawler.extract.command import site_selectors
    from newscrawler.records import now_vn

    selectors, month_first = site_selectors(site)
    response = HtmlResponse(url=url, body=body)
    _, api_page = api_hooks(site)
    if api_page is not None:
        response = api_page(response, reader=url)
    fields = extract_article(response, selectors, fetched_at=now_vn(),
                             month_first=month_first(response)).fields
    return {field: fields.get(field) for field in EXTRACTED_FIELDS}


def api_hooks(site: str):
    """(fetch_url, api_page) of a site read through a JSON API (mof), else (None, None):
    its article URL is not the URL fetched, and its answer becomes the page extracted."""
    from newscrawler.runner import spider_loader

    spider_cls = spider_loader().load(site)
    return getattr(spider_cls, "fetch_url", None), getattr(spider_cls, "api_page", None)


def record_fixture(site: str, url: str, out_dir: Path, replica_url: str | None = None) -> Path:
    fetch_url, _ = api_hooks(site)
    fetched = fetch_url(url) if fetch_url else url
    body = fetch(fetched, replica_url)  # an API site's fixture holds its JSON answer
    if replica_url:
        fixture = {"url": url, "site": site, "expected": expected_from_truth(site, url)}
    else:
        fixture = {"url": url, "site": site, "reviewed": False,
                   "expected": expected_from_extraction(site, url, body)}
    if fetched != url:
        fixture["fetched"] = fetched
    directory = out_dir / safe_path_component(site)
    directory.mkdir(parents=True, exist_ok=True)
    name = fixture_name(url)
    (directory / f"{name}.html.gz").write_bytes(gzip.compress(body, mtime=0))
    path = directory / f"{name}.json"
    path.write_text(json.dumps(fixture, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
