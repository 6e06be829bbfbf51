"""MasterCMS pieces shared by the congthuong.vn and thoibaonganhang.vn replicas.

- Listing pages: `<category>&s_cond=&BRSR=<offset>`, a path holding `&` with no `?`,
  offset step 15 or 20 (five MasterCMS sites 2023-2026, vn_sites_2026 §1 "MasterCMS
  listing pagination": haiquanonline step 20 idx:65759427366, thoibaotaichinhvietnam
  step 15 idx:45100778564, vietnamtimes step 20 idx:42637841135; `BRSR=0` names page 1,
  idx:69504469829, 2026-09); congthuong's topic pages page the same way
  (`/chu-de/<slug>.topic&s_cond=&BRSR=`, idx:32883626345).
- The pager `div.grNextPage.__MB_ARTICLE_PAGING lt`, next page = its 2nd-last `a`
  (idx:48417647467, idx:48741293469; vn_sites_2026 §1).
- congthuong tag URLs `/tag/<slug>-<id>.tag` (2026-09-30, CMW derived moit fixture;
  idx:61997304903, 2026) and the in-body automatic tag link
  `<a href="https://congthuong.vn/tag/<slug>-<id>.tag" title="Xem thêm tin về …"
  style="…color: blue;">` inside paragraphs (2022, idx:8829734521).
ASSUMPTION: the step per category: 15 for one category in two, 20 for the others (the
  sister sites use both; congthuong's and thoibaonganhang's own step is not evidenced).
ASSUMPTION: the last page's pager, in three variants by category: "›"/"»" dropped (the
  2nd-last `a` then points backwards), kept and pointing at the page itself, or "›"
  pointing one step past the end (an empty listing, HTTP 200).
ASSUMPTION: the first page is linked as the bare category path; a tag's numeric id.
ASSUMPTION: autolinks wrap two or three words of about one paragraph in four, at most
  three per article; the rest of the style attribute.
"""

from __future__ import annotations

import random
import re
import zlib
from urllib.parse import parse_qs

from newscrawler.replica.corpus import slugify
from newscrawler.replica.markup import attr, esc

STEPS = (15, 20)
LAST_PAGE_VARIANTS = ("drop", "self", "beyond")


def split_listing_route(route: str) -> tuple[str, int]:
    """(`/<base>`, offset) of a MasterCMS listing path `/<base>&s_cond=&BRSR=<n>`."""
    base, _, params = route.partition("&")
    values = parse_qs(params).get("BRSR") or ["0"]
    offset = int(values[0]) if values[0].isdigit() else 0
    return base, offset


def listing_href(base: str, offset: int) -> str:
    return base if offset <= 0 else f"{base}&s_cond=&BRSR={offset}"


def step_of(index: int) -> int:
    """The offset step of the `index`-th category."""
    return STEPS[index % len(STEPS)]


def last_variant_of(index: int) -> str:
    return LAST_PAGE_VARIANTS[index % len(LAST_PAGE_VARIANTS)]


def pager(base: str, offset: int, step: int, total: int, last_variant: str) -> str:
    """Numbers around the current page (a span), then "›" next and "»" last links."""
    pages = max(1, -(-total // step))
    page = offset // step + 1
    last_offset = (pages - 1) * step

    def link(target: int, text: str, title: str = "") -> str:
        titled = f' title="{title}"' if title else ""
        return f'<a href="{listing_href(base, target)}"{titled}>{text}</a>'

    links = []
    if page > 1:
        links += [link(0, "«", "Trang đầu"), link(offset - step, "‹", "Trang trước")]
    for number in range(max(1, page - 2), min(pages, page + 2) + 1):
        target = (number - 1) * step
        links.append(f'<span class="current">{number}</span>' if target == offset
                     else link(target, str(number)))
    if page < pages:
        links += [link(offset + step, "›", "Trang sau"), link(last_offset, "»", "Trang cuối")]
    elif last_variant == "self":
        links += [link(offset, "›", "Trang sau"), link(offset, "»", "Trang cuối")]
    elif last_variant == "beyond":
        links += [link(offset + step, "›", "Trang sau"), link(offset, "»", "Trang cuối")]
    return f'<div class="grNextPage __MB_ARTICLE_PAGING lt">{"".join(links)}</div>'


def tag_id(name: str) -> int:
    return 1000 + zlib.crc32(slugify(name).encode()) % 150000


def tag_path(name: str) -> str:
    return f"/tag/{slugify(name)}-{tag_id(name)}.tag"


def autolink(words: list[str], rng: random.Random, origin: str, busy: range) -> None:
    """Wrap two or three of `words` (escaped HTML) outside `busy` in a tag link, in place;
    the words stay the paragraph's text."""
    length = rng.choice((2, 3))
    starts = [i for i in range(len(words) - length)
              if not set(range(i, i + length)) & set(busy)
              and all(re.fullmatch(r"[\wÀ-ỹ]+", w) for w in words[i:i + length])]
    if not starts:
        return
    start = rng.choice(starts)
    phrase = " ".join(words[start:start + length])
    words[start] = (f'<a href="{origin}{tag_path(phrase)}" title="Xem thêm tin về '
                    f'{attr(phrase)}" style="text-decoration: none; color: blue;">'
                    f"{words[start]}")
    words[start + length - 1] += "</a>"


def tag_box(names: list[str], variant: int) -> str:
    """The tag box under the article, in one of three markups (ASSUMPTION, module doc)."""
    if not names:
        return ""
    links = [(tag_path(n), n) for n in names]
    if variant == 0:
        items = ", ".join(f'<a href="{h}" title="{attr(n)}">{esc(n)}</a>' for h, n in links)
        return f'<div class="article-tags fw lt"><span>Tags:</span> {items}</div>\n'
    if variant == 1:
        items = "".join(f'<li><a class="tag-item" href="{h}">{esc(n)}</a></li>'
                        for h, n in links)
        return (f'<div class="box-tags fw lt"><h3 class="box-title">Từ khóa</h3><ul>{items}'
                "</ul></div>\n")
    items = "".join(f'<li class="lt"><a href="{h}" rel="tag">{esc(n)}</a></li>'
                    for h, n in links)
    return f'<ul class="tags-list fw lt">{items}</ul>\n'
