"""mof.gov.vn's JSON API as pure functions: a list answer to its items, a detail answer
to the HTML page the extraction chain reads (facts and sources: spiders/mof.py).

Pure (bytes or parsed JSON in, values out, no crawler): the spider, `newscrawler
reextract` (a detail replayed from a WARC record) and the tests call the same code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.http import HtmlResponse

ORIGIN = "https://mof.gov.vn"
LIST_PATH = "/api/article/reads"
DETAIL_PATH = "/api/article/getbyslug"
# The walk's own key: the list URL plus its category, which the request sends as JSON.
CATEGORY_PARAM = "rootCategoryId"
ITEM_FIELDS = ("title", "slug", "publicationTime", "categorySlug", "rootCategorySlug",
               "description")


class ApiError(ValueError):
    """An answer of the API that holds no usable article or list (the reason)."""


@dataclass(frozen=True)
class ListItem:
    title: str
    slug: str
    url: str  # the reader URL
    fields: dict[str, Any]  # the item's own fields (ITEM_FIELDS present)


@dataclass
class ListPage:
    items: list[ListItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one reason per malformed item
    count: int = 0  # items in `data`, malformed included: how far the offset moves
    total: int | None = None
    error: str | None = None  # the whole answer is unusable


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def reader_url(root_slug: str, category_slug: str, slug: str) -> str:
    return f"{ORIGIN}/{root_slug}/{category_slug}/{slug}"


def detail_url(slug: str) -> str:
    return f"{ORIGIN}{DETAIL_PATH}?{urlencode({'slug': slug})}"


def list_walk_url(category_id: str, limit: int, offset: int = 0) -> str:
    return f"{ORIGIN}{LIST_PATH}?" + urlencode(
        {"offset": offset, "limit": limit, CATEGORY_PARAM: category_id})


def split_walk_url(url: str) -> tuple[str, str, int, int]:
    """(the URL actually requested, the category id, offset, limit) of a walk URL."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    category = query.pop(CATEGORY_PARAM, "")
    offset, limit = int(query.get("offset", 0)), int(query.get("limit", 20))
    requested = urlunsplit(parts._replace(query=urlencode(
        {"offset": offset, "limit": limit})))
    return requested, category, offset, limit


def read_list(body: bytes | str) -> ListPage:
    """The items of a list answer; a malformed item (no slug, no title, no category slug)
    is a problem, never an item. `data` null or [] is the end of the list."""
    try:
        payload = json.loads(body)
    except ValueError as error:
        return ListPage(error=f"list answer is not JSON ({error.__class__.__name__})")
    if not isinstance(payload, dict):
        return ListPage(error="list answer is not a JSON object")
    data = payload.get("data")
    total = payload.get("total") if isinstance(payload.get("total"), int) else None
    if data is None:
        return ListPage(total=total)
    if not isinstance(data, list):
        return ListPage(error="list answer: 'data' is not a list")
    page = ListPage(count=len(data), total=total)
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            page.problems.append(f"malformed list item {number}: not an object")
            continue
        missing = [name for name in ("slug", "title", "categorySlug", "rootCategorySlug")
                   if not _text(item.get(name))]
        if missing:
            page.problems.append(f"malformed list item {number}: no {', '.join(missing)}")
            continue
        url = reader_url(_text(item["rootCategorySlug"]), _text(item["categorySlug"]),
                         _text(item["slug"]))
        page.items.append(ListItem(_text(item["title"]), _text(item["slug"]), url,
                                   {k: item[k] for k in ITEM_FIELDS if k in item}))
    return page


def article_content(detail: dict) -> str:
    """The HTML of `articleContent`: a JSON string `{"Content": "<html>"}`, or that
    object itself."""
    content = detail.get("articleContent")
    if isinstance(content, str):
        try:
            content = json.loads(content)
        except ValueError as error:
            raise ApiError(f"articleContent is broken JSON ({error})") from None
    if not isinstance(content, dict):
        raise ApiError("articleContent holds no Content")
    html = content.get("Content")
    if not isinstance(html, str) or not html.strip():
        raise ApiError("articleContent holds no Content")
    return html


def read_detail(body: bytes | str) -> dict:
    """The `data` object of a detail answer."""
    try:
        payload = json.loads(body)
    except ValueError as error:
        raise ApiError(f"detail answer is not JSON ({error.__class__.__name__})") from None
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, dict):
        raise ApiError("detail answer holds no article ('data' is empty)")
    return data


def detail_page(detail: dict, item: dict | None = None, url: str | None = None,
                category_names: dict[str, str] | None = None) -> HtmlResponse:
    """The page the extraction chain reads for one article: the content HTML as the
    body (`div.mof-content`), the API's fields as metadata (og:title, og:description
    shown as the sapo, article:published_time, article:section). `item`: the list item
    (fills what the detail lacks); `url`: the reader URL when known."""
    fields = {**(item or {}), **{k: v for k, v in detail.items() if v not in (None, "")}}
    html = article_content(detail)
    if url is None:
        parts = [_text(fields.get(k)) for k in ("rootCategorySlug", "categorySlug", "slug")]
        if not all(parts):
            raise ApiError("the detail names no category slugs and no list item is known")
        url = reader_url(*parts)
    title, published = _text(fields.get("title")), _text(fields.get("publicationTime"))
    if not title or not published:
        raise ApiError("no title or publicationTime in the detail or its list item")
    lead = _text(fields.get("description"))
    category = _text(fields.get("categoryName")) or (category_names or {}).get(
        _text(fields.get("categorySlug")), "")
    metas = [("og:title", title), ("og:description", lead),
             ("article:published_time", published), ("article:section", category),
             ("og:url", url)]
    head = "".join(f'<meta property="{name}" content="{escape(value)}">'
                   for name, value in metas if value)
    page = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{head}'
            f"<title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
            + (f'<p class="mof-description">{escape(lead)}</p>' if lead else "")
            + f'<div class="mof-content">{html}</div></article></body></html>')
    return HtmlResponse(url=url, body=page.encode("utf-8"), encoding="utf-8")


def listed_items(answers: Iterable[tuple[str, bytes]]) -> dict[str, ListItem]:
    """slug -> its list item, from the list answers among `answers` ((URL, body))."""
    return {item.slug: item for url, body in answers if urlsplit(url).path == LIST_PATH
            for item in read_list(body).items}


def record_urls(answers: Iterable[tuple[str, bytes]]) -> set[str]:
    """The reader URLs of the articles whose details are among `answers` ((URL, body) of
    archived responses): from the detail's own slugs, else from a list answer's item."""
    answers = list(answers)
    listed = {slug: item.url for slug, item in listed_items(answers).items()}
    details: dict[str, bytes] = {}
    for url, body in answers:
        parts = urlsplit(url)
        if parts.path == DETAIL_PATH:
            details[dict(parse_qsl(parts.query)).get("slug", "")] = body
    found = set()
    for slug, body in details.items():
        try:
            detail = read_detail(body)
        except ApiError:
            continue
        own = [_text(detail.get(k)) for k in ("rootCategorySlug", "categorySlug", "slug")]
        url = reader_url(*own) if all(own) else listed.get(slug)
        if url:
            found.add(url)
    return found
