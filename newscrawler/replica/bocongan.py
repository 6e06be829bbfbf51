"""bocongan.gov.vn (Bộ Công an) replica, on the shared portal routes (`portal.py`).

Facts (see spiders/bocongan.py for the sources and dates):
- articles `/bai-viet/<slug>-<10 digits>` (2026); the older `/bai-viet/<slug>-d<n>-t<id>`
  still linked in 2025-2026; sections `/chuyen-muc/<slug>`;
- RSS `/api/rss/34.xml` for Thông tin Đối ngoại: channel `generator` = the publisher,
  `title` = "<section> - <publisher>", `link` = https://bocongan.gov.vn; items with
  `link` = `guid`, `title`, RFC 822 `pubDate` with an offset (CMW, 2026-10-06);
- `html lang="vi"`, `og:url`, `og:title` = the `h1` text, `meta name="author"`; title
  `h1`, lead the `p` after it (`p.text-bca-gray-700`), body `.tinymce-content`, date
  `div > p.text-bca-gray-400` in the body's column (CMW, 2026-10-06; `_bocongan_config`).
ASSUMPTION: the 10-digit id is the Unix time of publication (the 2025-2026 ids seen,
  1760687799 for a 2025-10-16 article, fit it), and articles before 2025-10-17 keep the
  older `-d<n>-t<id>` form (the switch date is not known; a 2025-03 article has it).
ASSUMPTION: date layouts, per article: "DD/MM/YYYY HH:MM" 1/2, "HH:MM DD/MM/YYYY" 1/4,
  "<Thứ>, DD/MM/YYYY, HH:MM" 1/4 (CMW reads only the DD/MM/YYYY part).
ASSUMPTION: the feed holds the section's 20 newest; sections list 10 a page with `?page=N`,
  pager numbered or a lone "next" link, card (`article > h3 > a`) or row (`li > a`)
  listing markup (sections take the variants in turn); the breadcrumb; section slugs (the
  2021 section names, vn_sites.md §2.9) and names; header and footer wording.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import WEEKDAYS, attr, esc
from newscrawler.replica.portal import PortalSite, Response, body_html, pick

DOMAIN = "bocongan.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng thông tin điện tử Bộ Công an"
GENERATION = datetime(2025, 10, 17, tzinfo=VN_TZ)
FEED = "/api/rss/34.xml"
FEED_SECTION = "thong-tin-doi-ngoai"


class BoconganSite(PortalSite):
    breadcrumb_tag = "nav"
    breadcrumb_class = "breadcrumb flex text-sm"
    breadcrumb_separator = ""
    def url_of(self, article: ReplicaArticle) -> str:
        if article.published >= GENERATION:
            return f"{ORIGIN}/bai-viet/{article.slug}-{int(article.published.timestamp())}"
        return f"{ORIGIN}/bai-viet/{article.slug}-d{article.key % 30 + 1}-t{article.key}"

    def section_path(self, category: Category) -> str:
        return f"/chuyen-muc/{category.slug}"

    def published_raw(self, article: ReplicaArticle) -> str:
        moment = article.published.astimezone(VN_TZ)
        layout = pick(f"bca-date-{article.key}", (("dmy", 0.5), ("hm", 0.25), ("weekday", 0.25)))
        if layout == "hm":
            return f"{moment:%H:%M %d/%m/%Y}"
        if layout == "weekday":
            return f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y, %H:%M}"
        return f"{moment:%d/%m/%Y %H:%M}"

    def shell(self, title: str, main: str, head: str = "") -> str:
        menu = self.section_links("{}", "px-3")
        return (
            '<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8">'
            f"<title>{esc(title)}</title>{head}</head>\n<body class=\"bg-white\">\n"
            f'<header class="bg-bca-red-700"><a href="/">{NAME}</a><nav class="flex">{menu}'
            f'</nav></header>\n<main class="container mx-auto">{main}</main>\n<footer '
            'class="bg-bca-gray-100"><p>Bộ Công an - 44 Yết Kiêu, Hoàn Kiếm, Hà Nội</p>'
            "</footer>\n</body>\n</html>\n"
        )

    def article_html(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        head = (f'<meta property="og:url" content="{attr(article.url)}"><meta property='
                f'"og:title" content="{attr(article.title)}"><meta name="author" content="'
                f'{attr(", ".join(article.authors))}">')
        main = (
            f'<div class="grid grid-cols-12"><div class="col-span-8">{self.breadcrumb(category)}'
            f'<h1 class="text-2xl font-bold">{esc(article.title)}</h1><p class="text-bca-gray'
            f'-700 font-semibold">{esc(article.lead)}</p><div class="flex justify-between">'
            f'<p class="text-bca-gray-400 text-sm">{self.published_raw(article)}</p></div>'
            f'<div class="tinymce-content">{body_html(article)}</div></div><aside class='
            '"col-span-4"></aside></div>'
        )
        return self.shell(article.title, main, head)

    def listing_html(self, category: Category, articles: list[ReplicaArticle], page: int,
                     last: int) -> str:
        rows = self.alternate(category, ("cards", "rows"), shift=1)
        style = self.alternate(category, ("numbers", "next"))
        if rows == "cards":
            items = "".join(
                f'<article class="flex gap-4"><a href="{a.url[len(ORIGIN):]}"><img src="'
                f'/uploads/thumb-{a.key}.jpg" alt=""></a><h3 class="font-bold"><a href="'
                f'{a.url[len(ORIGIN):]}">{esc(a.title)}</a></h3></article>' for a in articles)
        else:
            items = "<ul>" + "".join(f'<li class="border-b"><a href="{a.url}">{esc(a.title)}'
                                     "</a></li>" for a in articles) + "</ul>"
        main = (f"{self.breadcrumb(category)}<div class=\"grid\">{items}</div>"
                f"{self.pager(self.section_path(category), page, last, style)}")
        return self.shell(category.name, main)

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


CATEGORIES = (
    Category(FEED_SECTION, "Thông tin Đối ngoại"),
    Category("tin-an-ninh-trat-tu", "Tin An ninh trật tự"),
    Category("nguoi-tot-viec-tot", "Người tốt, việc tốt"),
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
    n_articles=100,
    seed=20261006,
    first_key=43000,
    corpus_end=datetime(2025, 10, 24, 18, 20, tzinfo=VN_TZ),
)
