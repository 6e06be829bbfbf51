"""moh.gov.vn (Bộ Y tế) rendered as a Liferay portal with Asset Publisher portlets.

Documented facts reproduced here:
- Liferay markers `p_p_id`, `/web/guest/…`, `journal-content-article` (2019-2021,
  vn_sites.md §2.0, S2);
- categories `hoat-dong-cua-lanh-dao-bo`, `tin-tong-hop`, `hoat-dong-cua-dia-phuong`,
  `tin-lien-quan`; listing page N is
  `/<cat>?p_p_id=101_INSTANCE_<x>&…&_101_INSTANCE_<x>_delta=20&…_cur=N`, 20 items per
  page, each category page with its own instance id `<x>` (2021-07, vn_sites.md §2.9 S1;
  vn_sites_2026 §10, idx:43632364874);
- article URLs `/<cat>/-/asset_publisher/<x>/content/<slug>`, slugs without "đ"
  (2021-2022, vn_sites_2026 §10, idx:48171354077, idx:14506677381; 2025-2026,
  idx:56685279483): `liferay_slug`;
- listing items, link forms (`/vi_VN/`, `:443`, `/web/guest/`, `onclick`) and pagers:
  see liferay_listing.py (~2023 idx:49334494293; 2026 idx:17450655753, idx:17886542170);
- `/vi_VN/…` answers 502 and `/web/guest/<cat>` pages may be empty (2026,
  idx:17450655753, idx:17886542170);
- RSS `https://moh.gov.vn/rss/-/asset_publisher/7ng11fEWgASC/rss` (≤2025, idx:63107919836);
- detail page: title `#p_p_id_101_INSTANCE_<x>_ …/div[1]/div[1]/h3`, date
  `…/div[1]/div[2]/div[1]/p`, sapo `…_<entry>"]/div[1]/p/strong` (the lead is the bold
  first paragraph of the article content) (2021-07, vn_sites.md §2.9 S1);
- weak-DH TLS (2026, idx:17886542170): served by weaktls.py when a test asks for it.

ASSUMPTION: the instance ids themselves (12 alphanumerics).
ASSUMPTION: a URL title already taken gets `-<n>` appended (URL titles are unique per site).
ASSUMPTION: the journal friendly URL `/web/guest/-/<slug>` serves the article page, and
  every article page names its canonical URL in `<link rel="canonical">`.
ASSUMPTION: `/web/guest/<cat>` is always an empty listing (the evidence says "may be").
ASSUMPTION: RSS items carry the bare canonical URL, an RFC 822 `pubDate`, the entry id as
  `guid` and `dc:creator`; the feed lists the 20 newest articles (unverified after 2025).
ASSUMPTION: the rest of the listing query (`p_p_lifecycle=0&…`).
ASSUMPTION: the Liferay 6.2 page iterator's page menu, delta menu (other deltas honoured)
  and first/previous/next/last buttons; an empty listing (200) past the end.
ASSUMPTION: the date layout `DD/MM/YYYY HH:MM`; the header clock.
ASSUMPTION: the byline as a right-aligned bold last paragraph.
ASSUMPTION: images in plain CKEditor tables (caption in row 2) under
  `/documents/<group>/<folder>/<file>/<uuid>`.
ASSUMPTION: tag links with the `p_r_p_564233524_tag` render parameter.
ASSUMPTION: the print view `…?p_p_state=pop_up&_101_INSTANCE_<x>_viewMode=print`.
ASSUMPTION: the class names around the documented detail structure (`asset-full-content`,
  `news-title`, `news-date`, `asset-content`); breadcrumb, sidebar, footer, robots.txt.
ASSUMPTION: the 502 page's markup (nginx's default).
"""

from __future__ import annotations

import logging
import random
import re
import string
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import format_datetime
from urllib.parse import parse_qs, quote, urlsplit
from uuid import UUID

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec
from newscrawler.replica.liferay_listing import (
    friendly_path,
    iterator_pager,
    listing_item,
    pager_form,
    simple_pager,
)
from newscrawler.replica.liferay_page import (
    DOMAIN,
    GROUP_ID,
    ORIGIN,
    _breadcrumb,
    _link_box,
    _portlet,
    _shell,
    article_content,
)
from newscrawler.replica.mastercms import (
    HTML,
    PLACEHOLDER_GIF,
    WEEKDAYS,
    _attr,
    _esc,
    _Page,
)

logger = logging.getLogger(__name__)

PAGE_SIZE = 20  # documented `_delta=20`
DELTAS = (5, 10, 20, 30, 50, 75)  # Liferay's delta menu (ASSUMPTION)
RSS_INSTANCE = "7ng11fEWgASC"  # documented RSS asset publisher
TAG_PARAM = "p_r_p_564233524_tag"  # ASSUMPTION: Liferay 6.2's public render parameter
BAD_GATEWAY = (b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
               b"Gateway</h1></center><hr><center>nginx</center></body></html>\n")
ROBOTS = "User-agent: *\nDisallow: /c/\nDisallow: /html/\nAllow: /\n"  # ASSUMPTION


def instance_id(seed: str) -> str:
    """A Liferay portlet instance id: 12 letters and digits (ASSUMPTION: generated)."""
    rng = random.Random(seed)
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(12))


def liferay_slug(title: str) -> str:
    """moh's URL title: diacritics stripped and đ/Đ dropped, not mapped to d (2021-2026,
    vn_sites_2026 §10: "chu-ong-ung-pho" for "chủ động ứng phó", "ien-tu" for "điện tử")."""
    folded = unicodedata.normalize("NFD", title.replace("đ", "").replace("Đ", ""))
    folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def unique_slugs(slugs) -> list[str]:
    """ASSUMPTION: a URL title taken already gets `-<n>` (the site keeps them unique)."""
    taken: set[str] = set()
    result = []
    for slug in slugs:
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


def namespace(instance: str) -> str:
    return f"_101_INSTANCE_{instance}_"


def listing_url(category: str, instance: str, page: int, delta: int = PAGE_SIZE) -> str:
    ns = namespace(instance)
    return (
        f"{ORIGIN}/{category}?p_p_id=101_INSTANCE_{instance}&p_p_lifecycle=0"
        "&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2&p_p_col_pos=1&p_p_col_count=2"
        f"&{ns}delta={delta}&{ns}keywords=&{ns}advancedSearch=false&{ns}andOperator=true"
        f"&p_r_p_564233524_resetCur=false&{ns}cur={page}"
    )


def date_text(moment: datetime) -> str:
    return f"{moment.astimezone(VN_TZ):%d/%m/%Y %H:%M}"


def clock_text(now: datetime) -> str:
    now = now.astimezone(VN_TZ)
    return f"{WEEKDAYS[now.weekday()]}, ngày {now:%d/%m/%Y}"


class LiferaySite:
    """moh.gov.vn: a corpus served as Liferay asset publisher pages, cached per route."""

    shows_modified = False  # no modification time is documented on moh pages

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.domain = spec.domain
        self.instances = {c.slug: instance_id(f"{spec.key}:{c.slug}") for c in spec.categories}
        self.sidebar_instance = instance_id(f"{spec.key}:noi-bat")
        # The URL needs the category's instance id, which only the renderer knows.
        slugs = unique_slugs(liferay_slug(a.title) for a in corpus.articles)
        self.corpus = SiteCorpus(spec, [
            replace(a, slug=slug, url=self.article_url(a.category, slug))
            for a, slug in zip(corpus.articles, slugs, strict=True)
        ])
        self.by_path = {urlsplit(a.url).path: a for a in self.corpus.articles}
        self.by_friendly = {friendly_path(a): a for a in self.corpus.articles}
        # Asset entry ids (the `…_<entry>` of the content div), growing with time.
        self.entry_ids = {a.url: 750000 + 7 * n for n, a in
                          enumerate(reversed(self.corpus.articles))}
        self._pages: dict[str, _Page] = {}
        self._not_found = _Page.of(_shell("Không tìm thấy trang", '<div class="alert '
                                          'alert-error">Không tìm thấy trang yêu cầu.</div>',
                                          "", spec.categories), 404, cache=False)

    def article_url(self, category: str, slug: str) -> str:
        return f"{ORIGIN}/{category}/-/asset_publisher/{self.instances[category]}/content/{slug}"

    def published_raw(self, article: ReplicaArticle) -> str:
        return date_text(article.published)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        route = parts.path.rstrip("/") or "/"
        if route == "/vi_VN" or route.startswith("/vi_VN/"):
            # 2026 fact (vn_sites_2026 §10): the locale-prefixed links answer 502.
            return 502, {"Content-Type": HTML}, BAD_GATEWAY
        # `/web/guest/<cat>` stays as it is: 2026 fact, those pages may be empty (the
        # crawler there retries without the prefix); ASSUMPTION: always empty here.
        if route.startswith("/web/guest/-/") or "/-/" in route or route == "/web/guest":
            route = route.removeprefix("/web/guest") or "/"
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith("/documents/"):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        if route == f"/rss/-/asset_publisher/{RSS_INSTANCE}/rss":
            body = self._feed().encode("utf-8")
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body
        query = parse_qs(parts.query)
        cache_key = f"{route}?{self._page_key(route, query)}"
        page = self._pages.get(cache_key)
        if page is None:
            page = self._render(route, query) or self._not_found
            if page.cache:
                self._pages[cache_key] = page
        # Print views have no header, hence no clock marker and an empty tail.
        clock = clock_text(now).encode("utf-8") if page.tail else b""
        return page.status, {"Content-Type": HTML}, page.head + clock + page.tail

    def _page_key(self, route: str, query: dict[str, list[str]]) -> str:
        if "/-/" in route:
            return "print" if any(k.endswith("_viewMode") for k in query) else ""
        instance = self.instances.get(route.lstrip("/"), "")
        return f"{self._number(query, instance, 'cur', 1)}/{self._delta(query, instance)}"

    @staticmethod
    def _number(query, instance: str, name: str, default: int) -> int:
        value = (query.get(f"{namespace(instance)}{name}") or [""])[0]
        return int(value) if value.isdigit() and int(value) > 0 else default

    def _delta(self, query, instance: str) -> int:
        delta = self._number(query, instance, "delta", PAGE_SIZE)
        return delta if delta in DELTAS else PAGE_SIZE

    def _render(self, route: str, query) -> _Page | None:
        if route == "/":
            return _Page.of(self._home())
        if route.startswith("/web/guest/"):
            return self._guest_listing(route.removeprefix("/web/guest/"))
        if "/-/" in route:
            article = self.by_path.get(route) or self.by_friendly.get(f"/web/guest{route}")
            if article is None:
                return None
            if any(k.endswith("_viewMode") for k in query):
                return _Page.of(self._print(article))
            return _Page.of(self._article(article))
        try:
            category = self.spec.category(route.lstrip("/"))
        except KeyError:
            return None
        instance = self.instances[category.slug]
        page = self._number(query, instance, "cur", 1)
        delta = self._delta(query, instance)
        articles = self.corpus.in_category(category.slug)
        chunk = articles[(page - 1) * delta:page * delta]
        html = self._listing(category, chunk, page, delta, len(articles))
        return _Page.of(html, cache=bool(chunk))  # past the end: not worth caching

    def _guest_listing(self, slug: str) -> _Page | None:
        try:
            category = self.spec.category(slug)
        except KeyError:
            return None
        body = (f'<h2 class="portlet-title-text">{_esc(category.name)}</h2>\n'
                '<div class="list-news"></div>')
        return _Page.of(_shell(category.name, _portlet(self.instances[slug], body),
                               self._sidebar(), self.spec.categories))

    def _sidebar(self) -> str:
        return _link_box("Tin nổi bật", self.sidebar_instance, self.corpus.articles[2:8])

    def _home(self) -> str:
        main = _link_box("Tin mới", instance_id(f"{self.spec.key}:home"),
                         self.corpus.articles[:20])
        return _shell("Trang chủ", main, self._sidebar(), self.spec.categories)

    def _listing(self, category: Category, articles, page: int, delta: int, total: int) -> str:
        instance = self.instances[category.slug]
        here = listing_url(category.slug, instance, page, delta)
        redirect = quote(here, safe="")
        items = "\n".join(listing_item(a, redirect) for a in articles) or (
            '<div class="alert alert-info">Không có kết quả nào được tìm thấy.</div>')
        last = max(1, -(-total // delta))
        body = (f'<h2 class="portlet-title-text">{_esc(category.name)}</h2>\n'
                f'<div class="list-news">\n{items}\n</div>\n'
                + (self._pager(category.slug, instance, page, delta, last, total)
                   if articles else ""))
        return _shell(category.name, _breadcrumb(category) + _portlet(instance, body),
                      self._sidebar(), self.spec.categories)

    def _pager(self, category: str, instance: str, page: int, delta: int, last: int,
               total: int) -> str:
        def url_of(number: int, size: int = delta) -> str:
            return listing_url(category, instance, number, size)

        if pager_form(category, page) == "pagination":
            return simple_pager(url_of, page, last)
        return iterator_pager(url_of, f"{namespace(instance)}ocerSearchContainerPageIterator",
                              page, delta, last, total, DELTAS)

    def _article(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        instance = self.instances[category.slug]
        ns = namespace(instance)
        print_url = _attr(f"{article.url}?p_p_state=pop_up&{ns}viewMode=print")
        tags = "".join(
            f'<a class="tag" href="{_attr(f"{ORIGIN}/{category.slug}?{TAG_PARAM}=")}'
            f'{quote(tag)}">{_esc(tag)}</a> ' for tag in article.tags
        )
        same = self.corpus.in_category(category.slug)
        position = same.index(article)
        others = "".join(
            f'<li><a href="{a.url}">{_esc(a.title)}</a> <span class="date">'
            f"({a.published:%d/%m/%Y})</span></li>" for a in same[position + 1:position + 6]
        )
        body = (
            '<div class="asset-full-content default-asset-publisher show-asset-title">'
            f'<div class="news-header"><div class="news-title"><h3>{_esc(article.title)}</h3>'
            f'</div><div class="news-info"><div class="news-date"><p>'
            f'{date_text(article.published)}</p></div><div class="news-tools"><a href="'
            f'{print_url}" title="In bài">In bài</a> <a href="javascript:;" class="share-'
            'facebook">Chia sẻ</a> <a href="javascript:;" class="font-up">A+</a> <a href="'
            'javascript:;" class="font-down">A-</a></div></div></div>'
            f'<div class="asset-content" id="{ns}{self.entry_ids[article.url]}">'
            f'<div class="journal-content-article">\n{article_content(article)}\n</div></div>'
            + (f'<div class="taglib-asset-tags-summary">Từ khóa: {tags}</div>' if tags else "")
            + '</div>'
            + (f'<div class="other-news"><h4>Các tin khác</h4><ul>{others}</ul></div>'
               if others else "")
        )
        return _shell(article.title, _breadcrumb(category) + _portlet(instance, body),
                      self._sidebar(), self.spec.categories, canonical=article.url)

    def _print(self, article: ReplicaArticle) -> str:
        return (f'<!DOCTYPE html><html lang="vi-VN"><head><title>{_esc(article.title)}</title>'
                f'</head><body onload="print();"><h3>{_esc(article.title)}</h3><p>'
                f'{date_text(article.published)}</p><div class="journal-content-article">'
                f"{article_content(article)}</div></body></html>")

    def _feed(self) -> str:
        items = "".join(
            f"<item><title>{_esc(a.title)}</title><link>{a.url}</link><description>"
            f"{_esc(a.lead)}</description><pubDate>{format_datetime(a.published)}</pubDate>"
            f'<guid isPermaLink="false">{self.entry_ids[a.url]}</guid>'
            f"<dc:creator>{_esc(', '.join(a.authors))}</dc:creator></item>\n"
            for a in self.corpus.articles[:20]
        )
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:dc="http://purl.org/dc/'
                'elements/1.1/" version="2.0"><channel><title>Tin tức</title><link>'
                f"{ORIGIN}/rss</link><description>Tin tức</description>\n{items}"
                "</channel></rss>\n")


CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        # Slugs from research §2.9 (S1); display names are the Vietnamese of each slug
        # (ASSUMPTION: exact spelling on the site).
        ("hoat-dong-cua-lanh-dao-bo", "Hoạt động của lãnh đạo Bộ"),
        ("tin-tong-hop", "Tin tổng hợp"),
        ("hoat-dong-cua-dia-phuong", "Hoạt động của địa phương"),
        ("tin-lien-quan", "Tin liên quan"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: Liferay document library URLs /documents/<group>/<folder>/<file>/<uuid>.
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=3 + (key * 11 + index) % 120)
    uuid_text = UUID(int=random.Random(f"{key}:{index}").getrandbits(128))
    return (f"{ORIGIN}/documents/{GROUP_ID}/{1000 + key % 97}/{uploaded:%Y%m%d}_{key}_"
            f"{index + 1}.jpg/{uuid_text}?t={int(uploaded.timestamp() * 1000)}")


MOH = SiteSpec(
    key="moh",
    domain=DOMAIN,
    publisher="Cổng Thông tin điện tử Bộ Y tế",
    ministry="Bộ Y tế",
    categories=CATEGORIES,
    article_key_pattern=None,  # the URL has no numeric id: the record id hashes the URL
    # Provisional: LiferaySite rewrites every URL with the category's instance id.
    article_url=lambda slug, key: f"{ORIGIN}/-/content/{slug}",
    image_url=_image_url,
    factory=LiferaySite,
    n_articles=160,
    seed=20210715,
    first_key=500000,
    corpus_end=datetime(2025, 10, 30, 16, 20, tzinfo=VN_TZ),
)

