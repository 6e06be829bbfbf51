"""moh.gov.vn listing items and pagers: the link and markup generations the replica mixes.

Facts (vn_sites_2026 §10):
- listing titles `h3.asset-title a`, dates `span.time`, a next button reading "Tiếp theo"
  (~2023, idx:49334494293, a crawler of `/tin-tong-hop`);
- listing links also come only as `div onclick="location.href='…'"`; links in `/vi_VN/…`
  form (they answer 502), with `:443` in the URL, and `/web/guest/…` forms (2026,
  idx:17450655753 tests and idx:17886542170 `_moh_config`).

ASSUMPTION: the shares: per item, 55 % the canonical link with Liferay's
  `inheritRedirect`/`redirect` query, 10 % each `/vi_VN/<canonical path>`,
  `https://moh.gov.vn:443/<canonical path>`, `/web/guest/<canonical path>` and the
  journal friendly URL `/web/guest/-/<slug>`, 5 % the bare canonical URL.
ASSUMPTION: item markup, per item: 40 % Liferay 6.2's `div.asset-abstract` (date in
  `span.metadata-publish-date`), 40 % a `div.news-item` with `span.time` (the 2023 fact),
  20 % a `div.news-item` whose only link is its `onclick` (title as plain `h3`).
ASSUMPTION: the pager, per listing page (half and half): Liferay 6.2's page iterator
  (`…_ocerSearchContainerPageIterator`, next "Tiếp", as in moit's 2021 pager of S1) or a
  plain `ul.pagination` with "Tiếp theo" and no iterator id (the class name is a guess);
  both link page N as the listing URL with `_101_INSTANCE_<x>_cur=N`.
"""

from __future__ import annotations

import random
from urllib.parse import urlsplit

from newscrawler.replica.corpus import ReplicaArticle
from newscrawler.replica.mastercms import _attr, _esc

LINK_FORMS = (("redirect", 55), ("vi_VN", 10), ("port", 10), ("web_guest", 10),
              ("friendly", 10), ("bare", 5))
ITEM_FORMS = (("abstract", 40), ("news_item", 40), ("onclick", 20))


def _pick(choices: tuple[tuple[str, int], ...], seed: str) -> str:
    names, weights = zip(*choices, strict=True)
    return random.Random(seed).choices(names, weights)[0]


def friendly_path(article: ReplicaArticle) -> str:
    """Liferay's journal friendly URL of an article (`/web/guest/-/<urlTitle>`)."""
    return f"/web/guest/-/{article.slug}"


def item_link(article: ReplicaArticle, redirect: str) -> str:
    form = _pick(LINK_FORMS, f"link:{article.key}")
    path = urlsplit(article.url).path
    if form == "redirect":
        return f"{article.url}?inheritRedirect=false&redirect={redirect}"
    if form == "vi_VN":
        return f"/vi_VN{path}"
    if form == "port":
        return f"https://moh.gov.vn:443{path}"
    if form == "web_guest":
        return f"/web/guest{path}"
    if form == "friendly":
        return friendly_path(article)
    return article.url


def listing_item(article: ReplicaArticle, redirect: str) -> str:
    href = _attr(item_link(article, redirect))
    title = _esc(article.title)
    day = f"{article.published:%d/%m/%Y}"
    form = _pick(ITEM_FORMS, f"item:{article.key}")
    image = ""
    if article.images and form != "onclick":
        image = (f'<div class="asset-image"><a href="{href}"><img alt="" src="'
                 f'{_attr(article.images[0]["url"])}"></a></div>')
    if form == "abstract":
        return (
            f'<div class="asset-abstract">{image}<h3 class="asset-title"><a href="{href}">'
            f'{title}</a></h3><div class="asset-metadata"><span class="metadata-entry '
            f'metadata-publish-date">{day}</span></div><div class="asset-summary">'
            f'{_esc(article.lead)}</div><div class="asset-more"><a href="{href}">Xem tiếp '
            f'<span class="hide-accessible">về {title}</span> »</a></div></div>'
        )
    if form == "news_item":
        return (f'<div class="news-item">{image}<h3 class="asset-title"><a href="{href}">'
                f'{title}</a></h3><span class="time">{day}</span><p class="sapo">'
                f"{_esc(article.lead)}</p></div>")
    return (f'<div class="news-item" onclick="location.href=\'{href}\';" style="cursor: '
            f'pointer;"><h3 class="asset-title">{title}</h3><span class="time">{day}</span>'
            "</div>")


def pager_form(category: str, page: int) -> str:
    return _pick((("iterator", 50), ("pagination", 50)), f"pager:{category}:{page}")


def simple_pager(url_of, page: int, last: int) -> str:
    """The "Tiếp theo" pager (ASSUMPTION: markup), without the page iterator's id."""
    def item(number: int, label: str, enabled: bool, css: str = "") -> str:
        if not enabled:
            return f'<li class="disabled {css}"><span>{label}</span></li>'
        return f'<li class="{css}"><a href="{_attr(url_of(number))}">{label}</a></li>'

    numbers = "".join(
        item(n, str(n), n != page, "active" if n == page else "")
        for n in range(max(1, page - 2), min(last, page + 2) + 1)
    )
    return ('<div class="pagination-wrap"><ul class="pagination">'
            + item(page - 1, "Trước", page > 1, "prev") + numbers
            + item(page + 1, "Tiếp theo", page < last, "next") + "</ul></div>")


def iterator_pager(url_of, iterator_id: str, page: int, delta: int, last: int, total: int,
                   deltas: tuple[int, ...]) -> str:
    """Liferay 6.2's search container page iterator (ASSUMPTION: as in moit's 2021 pager of
    S1), with its page menu, delta menu and first/previous/next/last buttons."""
    def link(number: int, label: str, css: str = "", active: bool = True) -> str:
        href = _attr(url_of(number)) if active else "javascript:;"
        classes = " ".join(c for c in (css, "" if active else "disabled") if c)
        return f'<li class="{classes}"><a href="{href}">{label}</a></li>'

    pages = "".join(f'<li><a href="{_attr(url_of(n))}" role="menuitem">{n}</a></li>'
                    for n in range(1, last + 1))
    sizes = "".join(f'<li><a href="{_attr(url_of(1, d))}" role="menuitem">{d}</a></li>'
                    for d in deltas)
    first_item = (page - 1) * delta + 1
    return (
        f'<div class="taglib-page-iterator" id="{iterator_id}"><div class="clearfix lfr-'
        'pagination"><div class="lfr-pagination-config"><div class="lfr-pagination-page-'
        'selector"><div class="btn-group lfr-icon-menu current-page-menu"><a class="dropdown-'
        f'toggle btn" href="javascript:;">Trang {page} của {last}</a><ul class="dropdown-menu '
        f'lfr-menu-list" role="menu">{pages}</ul></div></div><div class="lfr-pagination-delta-'
        'selector"><div class="btn-group lfr-icon-menu"><a class="dropdown-toggle btn" href="'
        f'javascript:;">{delta} Mục mỗi trang</a><ul class="dropdown-menu lfr-menu-list" '
        f'role="menu">{sizes}</ul></div></div></div><small class="search-results">Hiển thị '
        f"{first_item} - {min(total, page * delta)} của {total} kết quả.</small>"
        '<ul class="lfr-pagination-buttons pager">'
        + link(1, "&larr; Đầu", "first", page > 1) + link(page - 1, "Trước", "", page > 1)
        + link(page + 1, "Tiếp", "", page < last)
        + link(last, "Cuối &rarr;", "last", page < last) + "</ul></div></div>"
    )
