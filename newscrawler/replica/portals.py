"""Small server-rendered ministry portals (bvhttdl.gov.vn, mofa.gov.vn): category pages with
a "next page" link, article pages at fixed paths. Each site module gives the markup.

The routes and the page frame are the shared part; what each site's pages hold, and the
sources for it, are in `bvhttdl.py` and `mofa.py`.
ASSUMPTION: the page frame (header, menu, footer, robots.txt allowing all) and a 404 page
  for an unknown path.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec
from newscrawler.replica.markup import HTML, PLACEHOLDER_GIF, attr, esc, site_path

ROBOTS = "User-agent: *\nAllow: /\n"


def pick(key: object, salt: str, shares: Sequence[tuple[str, float]]) -> str:
    """One of the variants, drawn per (salt, key) with the stated shares."""
    names, weights = zip(*shares, strict=True)
    return random.Random(f"{salt}:{key}").choices(names, weights)[0]


def figure(url: str, caption: str | None) -> str:
    caption_html = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure class="image"><img src="{attr(url)}" alt="">{caption_html}</figure>'


class PortalSite:
    """A corpus served as category pages (with a next link) and article pages."""

    shows_modified = False
    brand: ClassVar[str] = ""
    page_size: ClassVar[int] = 10

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.domain = spec.domain
        self.origin = f"https://{spec.domain}"
        # These portals show no tags (none is in the evidence).
        self.corpus = SiteCorpus(spec, [self.served(replace(a, tags=[]))
                                        for a in corpus.articles])
        self._by_path = {self.path(a.url): a for a in self.corpus.articles}
        if len(self._by_path) != len(self.corpus.articles):
            raise ValueError(f"{spec.key}: two articles share a URL")

    def path(self, url: str) -> str:
        return site_path(url, self.origin)

    def encode(self, text: str) -> bytes:
        return text.encode("utf-8")

    # --- hooks ----------------------------------------------------------------------------

    def served(self, article: ReplicaArticle) -> ReplicaArticle:
        """The article as the site holds it (its own id and URL); truth reads these."""
        return article

    def published_raw(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def category_page(self, route: str, query: dict[str, list[str]]
                      ) -> tuple[Category, int] | None:
        """The category and page number a listing route stands for, or None."""
        raise NotImplementedError

    def page_url(self, category: Category, page: int) -> str:
        raise NotImplementedError

    def listing(self, category: Category, articles: list[ReplicaArticle], page: int,
                following: str | None) -> str:
        raise NotImplementedError

    def article_main(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def extra_route(self, route: str) -> str | None:
        """Another page the site serves (topic pages...), or None."""
        return None

    # --- routes ---------------------------------------------------------------------------

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        route = parts.path
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith(("/media/", "/images/", "/uploads/")):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        article = self._by_path.get(route)
        if article is not None:
            page = self.shell(article.title, self.article_main(article))
            return 200, {"Content-Type": HTML}, self.encode(page)
        listing = self.category_page(route, parse_qs(parts.query))
        if listing is not None:
            html = self._listing(*listing)
            if html is not None:
                return 200, {"Content-Type": HTML}, self.encode(html)
        extra = self.extra_route(route)
        if extra is not None:
            return 200, {"Content-Type": HTML}, self.encode(extra)
        main = '<div class="page-404"><h1>404</h1><p>Không tìm thấy trang.</p></div>'
        return 404, {"Content-Type": HTML}, self.encode(self.shell("Không tìm thấy", main))

    def _listing(self, category: Category, page: int) -> str | None:
        articles = self.corpus.in_category(category.slug)
        chunk = articles[(page - 1) * self.page_size:page * self.page_size]
        if page < 1 or (page > 1 and not chunk):
            return None
        more = len(articles) > page * self.page_size
        following = self.page_url(category, page + 1) if more else None
        return self.shell(category.name, self.listing(category, chunk, page, following))

    def shell(self, title: str, main: str) -> str:
        menu = "".join(f'<li><a href="{attr(self.page_url(c, 1))}">{esc(c.name)}</a></li>'
                       for c in self.spec.categories)
        return (
            '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)} - {esc(self.brand)}</title>\n</head>\n<body>\n"
            f'<header class="header"><a class="logo" href="/">{esc(self.brand)}</a>'
            f'<ul class="menu"><li><a href="/">Trang chủ</a></li>{menu}</ul></header>\n'
            f'<div class="main">\n{main}\n</div>\n'
            f'<footer class="footer"><p>© {esc(self.brand)}</p></footer>\n</body>\n</html>\n'
        )

    def body_paragraphs(self, article: ReplicaArticle, byline: bool = True) -> str:
        """The text with its photos (the first one on top) and the trailing author and
        source lines the extractor takes off the end (the author line only with
        `byline`)."""
        blocks = [f"<p>{esc(text)}</p>" for text in article.paragraphs]
        for index, image in reversed(list(enumerate(article.images))):
            place = 0 if index == 0 else min(len(blocks), 2 * index)
            blocks.insert(place, figure(self.path(image["url"]), image.get("caption")))
        if byline and article.authors:
            blocks.append('<p style="text-align:right"><strong>'
                          f'{esc(" - ".join(article.authors))}</strong></p>')
        if article.source:
            blocks.append(f'<p style="text-align:right">{esc(article.source)}</p>')
        return "\n".join(blocks)
