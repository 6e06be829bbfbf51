"""bocongan.gov.vn (Bộ Công an) replica, on the shared portal routes (`portal.py`).

Facts (see spiders/bocongan.py for the sources and dates):
- articles `/bai-viet/<slug>-<10 digits>` (2026); the older `/bai-viet/<slug>-d<n>-t<id>`
  still linked in 2025-2026;
- seven sections `/chuyen-muc/<slug>[-<10 digits>]` whose main column (`lg:col-span-8`,
  `h3.category-title`) holds the section's 10 newest as `article.card-large` (`figure >
  a[href^="/bai-viet/"]` + `figcaption.card-content` with `a > h2`, a summary
  `p.text-bca-gray-700` and the date `span.text-bca-gray-700` "DD/MM/YYYY"); a sidebar
  (`lg:col-span-4`) with the site-wide widgets "Tin tức mới cập nhật" and "Tin đọc nhiều
  trong tuần" (`card-medium`, `card-small`); the pager is a client-side component
  ("of N pages"), and `?page=2`, `/page/2`, `?p=2` answer a WAF JavaScript challenge
  (idx:55093988597, curl 2026-07-07);
- `/sitemap.xml` is frozen: every URL has the same `lastmod` (idx:55093988597,
  idx:55148698481, 2026-07-07);
- RSS `/api/rss/34.xml` for Thông tin Đối ngoại: channel `generator` = the publisher,
  `title` = "<section> - <publisher>", `link` = https://bocongan.gov.vn; items with
  `link` = `guid`, `title`, RFC 822 `pubDate` with an offset (CMW, 2026-10-06);
- `html lang="vi"`, `og:url`, `og:title` = the `h1` text, `meta name="author"`, no
  `article:published_time` but JSON-LD `datePublished` in UTC with milliseconds; title
  `h1`, lead the `p` after it (`p.text-bca-gray-700`), body `.tinymce-content`, date
  `div > p.text-bca-gray-400` in the body's column (CMW 2026-10-06; idx:55093988597).
ASSUMPTION: the 10-digit id is the Unix time of publication (ids seen, 1760687799 for a
  2025-10-16 article, fit it); articles before 2025-10-12 keep the older `-d<n>-t<id>`
  form, and the frozen sitemap lists exactly those (it froze with the old front end).
ASSUMPTION: the site holds only what a crawler reaches: each section's 10 newest, the
  feed's 20, the frozen sitemap's (the older pages are behind the client-side pager).
ASSUMPTION: date layouts, per article: "DD/MM/YYYY HH:MM" 1/2, "HH:MM DD/MM/YYYY" 1/4,
  "<Thứ>, DD/MM/YYYY, HH:MM" 1/4 (CMW reads only the DD/MM/YYYY part).
ASSUMPTION: the widgets' sizes (1 medium + 9 small each) and "most read" = a seeded pick
  of the week's articles; the challenge page's markup; section names; the breadcrumb;
  header and footer wording.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from urllib.parse import parse_qsl, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import HTML, attr, esc
from newscrawler.replica.portal import PortalSite, Response, body_html, dated

DOMAIN = "bocongan.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng thông tin điện tử Bộ Công an"
GENERATION = datetime(2025, 10, 12, tzinfo=VN_TZ)
FEED = "/api/rss/34.xml"
FEED_SECTION = "thong-tin-doi-ngoai-1751367399"
DATE_LAYOUTS = (("%d/%m/%Y %H:%M", 0.5), ("%H:%M %d/%m/%Y", 0.25),
                ("{weekday}, %d/%m/%Y, %H:%M", 0.25))


class BoconganSite(PortalSite):
    breadcrumb_tag = "nav"
    breadcrumb_class = "breadcrumb flex text-sm"
    breadcrumb_separator = ""
    site_name = NAME  # the header's spelling ("thông tin"), not the publisher's
    body_attrs = ' class="bg-white"'
    menu_item, menu_class = "{}", "px-3"
    frame = ('<header class="bg-bca-red-700"><a href="/">{name}</a><nav class="flex">{menu}'
             '</nav></header>\n<main class="container mx-auto">{main}</main>\n<footer class='
             '"bg-bca-gray-100"><p>Bộ Công an - 44 Yết Kiêu, Hoàn Kiếm, Hà Nội</p></footer>')

    def url_of(self, article: ReplicaArticle) -> str:
        if article.published >= GENERATION:
            return f"{ORIGIN}/bai-viet/{article.slug}-{int(article.published.timestamp())}"
        return f"{ORIGIN}/bai-viet/{article.slug}-d{article.key % 30 + 1}-t{article.key}"

    def reachable(self, articles: list[ReplicaArticle]) -> list[ReplicaArticle]:
        kept = {a.key for a in articles if a.published < GENERATION}  # the frozen sitemap
        for category in self.spec.categories:
            shown = 20 if category.slug == FEED_SECTION else 10  # the feed's 20, the page's 10
            kept.update([a.key for a in articles if a.category == category.slug][:shown])
        return [a for a in articles if a.key in kept]

    def section_path(self, category: Category) -> str:
        return f"/chuyen-muc/{category.slug}"

    def published_raw(self, article: ReplicaArticle) -> str:
        return dated(f"bca-date-{article.key}", article.published, DATE_LAYOUTS)

    def handle(self, path: str, now: datetime) -> Response:
        parts = urlsplit(path)
        if parts.path.startswith("/chuyen-muc/") and (
                "/page/" in parts.path
                or any(k.lower() in ("page", "p") for k, _ in parse_qsl(parts.query))):
            return 200, {"Content-Type": HTML}, CHALLENGE.encode()
        if parts.path == "/sitemap.xml":
            return self.sitemap()
        return super().handle(path, now)

    def sidebar(self) -> str:
        week = [a for a in self.corpus.articles
                if a.published > self.corpus.articles[0].published - timedelta(days=7)]
        most_read = random.Random(f"bca-read-{len(week)}").sample(week, min(10, len(week)))
        return "".join(
            f'<section><h3>{heading}</h3>' + "".join(
                f'<article class="{"card-medium" if i == 0 else "card-small"}"><a href="'
                f'{a.url[len(ORIGIN):]}"><h4>{esc(a.title)}</h4></a></article>'
                for i, a in enumerate(items)) + "</section>"
            for heading, items in (("Tin tức mới cập nhật", self.corpus.articles[:10]),
                                   ("Tin đọc nhiều trong tuần", most_read)))

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        stamp = article.published.astimezone(UTC)
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "headline": article.title,
                         "datePublished": f"{stamp:%Y-%m-%dT%H:%M:%S}.000Z"},
                        ensure_ascii=False)
        head = (f'<meta property="og:url" content="{attr(article.url)}"><meta property='
                f'"og:title" content="{attr(article.title)}"><meta name="author" content="'
                f'{attr(", ".join(article.authors))}"><script type="application/ld+json">'
                f"{ld}</script>")
        main = (
            f'<div class="grid grid-cols-12"><div class="lg:col-span-8">'
            f'{self.breadcrumb(category)}<h1 class="text-2xl font-bold">{esc(article.title)}'
            f'</h1><p class="text-bca-gray-700 font-semibold">{esc(article.lead)}</p><div '
            f'class="flex justify-between"><p class="text-bca-gray-400 text-sm">'
            f'{self.published_raw(article)}</p></div><div class="tinymce-content">'
            f'{body_html(article)}</div></div><div class="lg:col-span-4">{self.sidebar()}'
            "</div></div>"
        )
        return self.shell(article.title, main, head)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        cards = "".join(
            f'<article class="card-large flex gap-4"><figure><a href="{a.url[len(ORIGIN):]}">'
            f'<picture><img src="/uploads/thumb-{a.key}.jpg" alt=""></picture></a><figcaption '
            f'class="card-content"><a href="{a.url[len(ORIGIN):]}"><h2>{esc(a.title)}</h2>'
            f'</a><p class="line-clamp-2 text-bca-gray-700">{esc(a.lead)}</p><span class='
            f'"hidden lg:block text-bca-gray-700 text-xs">'
            f"{a.published.astimezone(VN_TZ):%d/%m/%Y}</span></figcaption></figure></article>"
            for a in articles)
        total = len(self.corpus.in_category(category.slug))
        pager = ('<div class="pager" data-component="pagination"><select><option>10</option>'
                 f"<option>20</option></select><span>of {max(total * 5, 1)} pages</span>"
                 "</div>")  # client-side only: no links (idx:55093988597)
        main = (f'<div class="grid grid-cols-12"><div class="lg:col-span-8">'
                f"{self.breadcrumb(category)}<h3 class=\"category-title\">{esc(category.name)}"
                f'</h3>{cards}{pager}</div><div class="lg:col-span-4">{self.sidebar()}</div>'
                "</div>")
        return self.shell(category.name, main)

    def sitemap(self) -> Response:
        frozen = f"{GENERATION:%Y-%m-%d}"
        urls = "".join(f"<url><loc>{a.url}</loc><lastmod>{frozen}</lastmod></url>\n"
                       for a in self.corpus.articles if a.published < GENERATION)
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.'
                f'org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
        return 200, {"Content-Type": "application/xml; charset=utf-8"}, body.encode("utf-8")

    def feed(self, route: str) -> Response | None:
        if route != FEED:
            return None
        section = self.spec.category(FEED_SECTION)
        items = "".join(
            f"<item><title>{esc(a.title)}</title><link>{a.url}</link><guid>{a.url}</guid>"
            f"<pubDate>{format_datetime(a.published.astimezone(VN_TZ))}</pubDate></item>\n"
            for a in self.corpus.in_category(FEED_SECTION)[:20])
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                f"<title>{esc(section.name)} - {NAME}</title><link>{ORIGIN}</link>"
                f"<generator>{NAME}</generator>\n{items}</channel></rss>\n")
        return 200, {"Content-Type": "application/xml; charset=utf-8"}, body.encode("utf-8")


# ASSUMPTION: an Incapsula-style JavaScript challenge: an empty page that loads a script.
CHALLENGE = (
    '<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"><script '
    'src="/_Incapsula_Resource?SWJIYLWA=5074a744e2e3d891814e9a2dace20bd4"></script></head>'
    '<body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource'
    '?CWUDNSAI=9" frameborder=0 width="100%" height="100%">Request unsuccessful.</iframe>'
    "</body></html>"
)


CATEGORIES = tuple(
    Category(slug, name) for slug, name in (  # slugs: idx:55093988597 (2026-07-07)
        ("chi-dao-dieu-hanh", "Chỉ đạo điều hành"),
        ("hoat-dong-cua-bo-cong-an-1754966863", "Hoạt động của Bộ Công an"),
        ("hoat-dong-cua-dia-phuong-1753170286", "Hoạt động của địa phương"),
        ("hoat-dong-xa-hoi-1753170294", "Hoạt động xã hội"),
        ("nguoi-tot-viec-tot-1753170210", "Người tốt, việc tốt"),
        (FEED_SECTION, "Thông tin Đối ngoại"),
        ("tin-an-ninh-trat-tu-1753170263", "Tin an ninh trật tự"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/uploads/{published:%Y/%m/%d}/bca-{key}-{index + 1}.jpg"


BOCONGAN = SiteSpec(
    key="bocongan",
    domain=DOMAIN,
    publisher="Cổng Thông tin điện tử Bộ Công an",
    ministry="Bộ Công an",
    categories=CATEGORIES,
    article_key_pattern=r"-(?:d\d+-t)?(\d+)$",
    article_url=lambda slug, key: f"{ORIGIN}/bai-viet/{slug}-d1-t{key}",  # replaced by url_of
    image_url=_image_url,
    factory=BoconganSite,
    n_articles=130,
    seed=20261006,
    first_key=43000,
    corpus_end=datetime(2025, 10, 24, 18, 20, tzinfo=VN_TZ),
)
