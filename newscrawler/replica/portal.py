"""Routes shared by the small ministry portal replicas (moha, cema, bocongan, bvhttdl, mofa,
moj, mae, thanhtra): article pages by path, section listings with a page number in the
query, images, robots.txt, a 404 page, and the page shell around each site's frame.

A site module subclasses `PortalSite` with its markup (the page `frame`, `article_html`,
`listing_html`, optionally `not_found_html` and `feed`) and says in its docstring which
facts each piece rests on. Variants the evidence leaves open are drawn per article or per
section from a seeded generator, so they stay the same on every render.

ASSUMPTION: images as `figure` + `figcaption` in the body, the byline (names, then the
  source in parentheses) as the bold right-aligned last paragraph; no tags shown.
ASSUMPTION: the first page of the first section links one withdrawn article, whose URL
  answers 404 (real portals keep such links; the crawler must report it as a failure and
  export nothing for it).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec
from newscrawler.replica.markup import (
    HTML,
    PLACEHOLDER_GIF,
    WEEKDAYS,
    attr,
    esc,
    right_byline,
    site_path,
)

Response = tuple[int, dict[str, str], bytes]
ROBOTS = "User-agent: *\nAllow: /\n"


def pick(seed: str, choices: tuple[tuple[str, float], ...]) -> str:
    """One of `choices` (name, share), drawn from `seed`: the same on every call."""
    draw = random.Random(seed).random()
    for name, share in choices:
        if draw < share:
            return name
        draw -= share
    return choices[-1][0]


def body_html(article: ReplicaArticle) -> str:
    """Paragraphs, images as `figure` + `figcaption`, and the byline as the bold
    right-aligned last paragraph (module docstring: both are assumptions)."""
    images = list(article.images)
    parts = []
    for index, paragraph in enumerate(article.paragraphs):
        if images and index in (1, 3):
            parts.append(figure(images.pop(0)))
        parts.append(f"<p>{esc(paragraph)}</p>")
    parts.extend(figure(image) for image in images)
    byline = right_byline(article)
    return "\n".join([*parts, byline] if byline else parts)


def figure(image: dict) -> str:
    caption = image.get("caption")
    return (f'<figure class="image"><img src="{attr(image["url"])}" alt="">'
            + (f"<figcaption>{esc(caption)}</figcaption>" if caption else "") + "</figure>")


# (strftime layout, share); "{weekday}" stands for the Vietnamese weekday name.
DATE_LAYOUTS = (("%d/%m/%Y %H:%M", 0.5), ("%H:%M %d/%m/%Y", 0.25),
                ("{weekday}, %d/%m/%Y - %H:%M", 0.25))


def dated(seed: str, moment: datetime, layouts: tuple[tuple[str, float], ...] = DATE_LAYOUTS
          ) -> str:
    """`moment` (Vietnam time) in one of `layouts`, drawn from `seed`. The default, for the
    sites that say its shares are an ASSUMPTION: "DD/MM/YYYY HH:MM" 1/2, "HH:MM DD/MM/YYYY"
    1/4, "<Thứ>, DD/MM/YYYY - HH:MM" 1/4."""
    moment = moment.astimezone(VN_TZ)
    return moment.strftime(pick(seed, layouts)).replace("{weekday}", WEEKDAYS[moment.weekday()])


def news_items(articles: list[ReplicaArticle], origin: str, rows: str) -> str:
    """Listing items: `div.news-item > h3 > a` blocks with relative links ("blocks") or
    `li > a.title` rows with absolute ones."""
    if rows == "blocks":
        return "".join(
            f'<div class="news-item"><h3><a href="{a.url[len(origin):]}" title="'
            f'{attr(a.title)}">{esc(a.title)}</a></h3><p>{esc(a.lead)}</p></div>'
            for a in articles)
    return "<ul class=\"list-news\">" + "".join(
        f'<li><a class="title" href="{a.url}">{esc(a.title)}</a></li>'
        for a in articles) + "</ul>"


def listing_items(template: str, articles: list[ReplicaArticle], origin: str) -> str:
    """One `template` per article, filled with {href} (site-relative), {key}, {alt} (the
    title as an attribute), {title} and {lead}."""
    return "".join(template.format(href=site_path(a.url, origin), key=a.key, alt=attr(a.title),
                                   title=esc(a.title), lead=esc(a.lead)) for a in articles)


class PortalSite:
    """A corpus served by path; subclasses render the pages."""

    shows_modified = False
    page_size = 10
    page_param = "page"
    image_prefix = "/uploads/"
    home_path = "/"
    breadcrumb_tag = "div"
    breadcrumb_class = "breadcrumb"
    breadcrumb_separator = " "
    # The page frame, what stands between <body> and </body>: {name} (`site_name`, else the
    # publisher), {home} (`home_path`), {menu} (the section links, each as `menu_item`, of
    # class `menu_class`) and {main}. Each site writes its own header, wrapper and footer.
    site_name = ""
    body_attrs = ""
    menu_item = "<li>{}</li>"
    menu_class = ""
    frame = '<header><a href="{home}">{name}</a><ul>{menu}</ul></header>\n<main>{main}</main>'

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        self.spec = spec
        self.domain = spec.domain
        # No tags are documented on these portals: none are shown, so none are expected.
        articles = [replace(a, tags=[], url=self.url_of(a)) for a in corpus.articles]
        self.corpus = SiteCorpus(spec, self.reachable(articles))
        self.by_path = {urlsplit(a.url).path: a for a in self.corpus.articles}
        self.sections = {self.section_path(c): c for c in spec.categories}
        newest = self.corpus.articles[0]
        gone = replace(newest, key=newest.key + 1, slug="noi-dung-da-go-bo",
                       title="Nội dung đã gỡ bỏ", published=newest.published + timedelta(minutes=1))
        self.withdrawn = replace(gone, url=self.url_of(gone))

    # --- what a site module provides ---------------------------------------------------

    def url_of(self, article: ReplicaArticle) -> str:
        return article.url

    def reachable(self, articles: list[ReplicaArticle]) -> list[ReplicaArticle]:
        """The articles a crawler can reach (all, where every listing page is linked)."""
        return articles

    def section_path(self, category: Category) -> str:
        raise NotImplementedError

    def published_raw(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def article_html(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        raise NotImplementedError

    def not_found_html(self) -> str:
        return "<!DOCTYPE html><html lang=\"vi\"><body><h1>404</h1></body></html>"

    def feed(self, route: str) -> Response | None:
        return None

    # --- routing -------------------------------------------------------------------------

    def handle(self, path: str, now: datetime) -> Response:
        parts = urlsplit(path)
        route = parts.path
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, ROBOTS.encode()
        if route.startswith(self.image_prefix):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        feed = self.feed(route)
        if feed is not None:
            return feed
        article = self.by_path.get(route)
        if article is not None:
            return self.page(self.article_html(article))
        category = self.sections.get(route)
        if category is not None:
            articles = self.corpus.in_category(category.slug)
            last = max(1, -(-len(articles) // self.page_size))
            page = self.page_number(parts.query)
            shown = articles[(page - 1) * self.page_size:page * self.page_size]
            if page == 1 and category == self.spec.categories[0]:
                shown = [shown[0], self.withdrawn, *shown[1:]]
            # ASSUMPTION: a page past the end is an empty listing (200), not an error.
            return self.page(self.listing_html(category, shown, page, last))
        return self.page(self.not_found_html(), 404)

    def alternate(self, category: Category, choices: tuple[str, ...], shift: int = 0) -> str:
        """A section's variant: sections take `choices` in turn, so each is served."""
        return choices[(self.spec.categories.index(category) + shift) % len(choices)]

    def section_links(self, item: str = "<li>{}</li>", css: str = "") -> str:
        """The menu: one link per section, each wrapped as `item`."""
        css = f' class="{css}"' if css else ""
        return "".join(item.format(f'<a{css} href="{self.section_path(c)}">{esc(c.name)}</a>')
                       for c in self.spec.categories)

    def breadcrumb(self, category: Category) -> str:
        tag = self.breadcrumb_tag
        return (f'<{tag} class="{self.breadcrumb_class}"><a href="{self.home_path}">Trang '
                f'chủ</a>{self.breadcrumb_separator}<a href="{self.section_path(category)}">'
                f"{esc(category.name)}</a></{tag}>")

    def shell(self, title: str, main: str, head: str = "") -> str:
        """A whole page: `main` (and `head` extras) in the site's frame."""
        body = self.frame.format(name=self.site_name or self.spec.publisher, home=self.home_path,
                                 menu=self.section_links(self.menu_item, self.menu_class),
                                 main=main)
        return ('<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8">'
                f"<title>{esc(title)}</title>{head}</head>\n<body{self.body_attrs}>\n{body}\n"
                "</body>\n</html>\n")

    def page_number(self, query: str) -> int:
        for name, value in parse_qsl(query):
            if name.lower() == self.page_param and value.isdigit() and int(value) > 0:
                return int(value)
        return 1

    def page(self, html: str, status: int = 200) -> Response:
        return status, {"Content-Type": HTML}, html.encode("utf-8")

    def pager(self, path: str, page: int, last: int, style: str) -> str:
        """Numbered links (current page as a span) or only a "next" link; the page
        number joins a query the section path already has (mod.gov.vn's `urile=`)."""
        joiner = "&amp;" if "?" in path else "?"

        def link(number: int, text: str) -> str:
            return f'<a href="{path}{joiner}{self.page_param}={number}">{text}</a>'
        if last <= 1:
            return ""
        if style == "next":
            return (f'<div class="pagination">{link(page + 1, "Trang sau")}</div>'
                    if page < last else "")
        items = [f'<li class="active"><span>{n}</span></li>' if n == page
                 else f"<li>{link(n, str(n))}</li>" for n in range(1, last + 1)]
        return f'<ul class="pagination">{"".join(items)}</ul>'
