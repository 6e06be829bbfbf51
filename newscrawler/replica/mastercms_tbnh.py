"""thoibaonganhang.vn (Thời báo Ngân hàng, the State Bank's newspaper) in MasterCMS markup.

The congthuong renderer (`mastercms.MasterCMSSite`) serves the routes, the cache, the
clock bar, the `&s_cond=&BRSR=<offset>` listings and the pager (`mastercms_parts`); this
module only swaps in the thoibaonganhang variant of the markup.

Facts reproduced here (vn_sites_2026 §2, compiled 2026-12-04; vn_sites.md §1, §2.10):
- listing items `div.article[id^=article-] > h3.article-title > a.article-link` with the
  date in `span.format_date` "dd/MM/yyyy", some items (banners) without a date, and no
  `.list-news` wrapper (fetched 2026-07-14, idx:54660080281);
- article URLs `/<slug>-<id>.html`, ids ~186k in 2026 (idx:58509434562, 2026-08) and a
  `/preview_article/t/<slug>-<id>.html` variant of the same article (idx:39587696189);
- the 2021 date markup `<span class="datetime"><span class="format_time">09:00</span> |
  <span class="format_date">10/03/2021</span></span>` (vn_sites.md §1 point 3;
  idx:8423226795, 2020);
- title `h1.detail-title`, sapo `p.detail-sapo` (a real 2021 page; vn_sites.md §2.10);
- body container `div.category.article-content.__MASTERCMS_CONTENT.__MB_CONTENT_FOR_PRINTER`
  (idx:8423226795, 2020; haiquanonline S2 config 2019-2020) and the 2021 page's
  `__MASTERCMS_CONTENT` container holding wrapper and hidden elements besides the text
  (vn_sites_2026 §2); images in `table.MASTERCMS_TPL_TABLE`; the byline
  `<p align="right"><strong>…</strong></p>` closing the article;
- `/rss/home.rss` configured in 2026 feed lists (idx:66445490741, idx:66782398944).
ASSUMPTION: the wrapper and hidden elements: a wrapper `div`, a hidden `div` repeating the
  sapo for print, a `script` and an empty `div.clearfix` (the 2021 page's are not detailed).
ASSUMPTION: the body container class in two variants (the 2020 `category article-content`
  one and a `detail-content` one), half the articles each.
ASSUMPTION: one listed article in ten is linked by its `/preview_article/t/` URL, which
  serves the article itself (HTTP 200).
ASSUMPTION: paging steps and last-page pagers as congthuong's (`mastercms_parts`).
ASSUMPTION: the category slugs and names; the ids; the `div.tool` bar around the date;
  breadcrumb, tag (`/tag/<slug>.html`) and related-news markup; the image file layout;
  header, footer and clock bar wording; `/rss/<category>.rss`; one date-less banner
  item per listing page, linking off-site.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from email.utils import format_datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec, slugify
from newscrawler.replica.markup import byline_text
from newscrawler.replica.mastercms import (
    _CLOCK,
    Listing,
    MasterCMSSite,
    _attr,
    _esc,
    _image_table,
    _noisy,
    _Page,
)

logger = logging.getLogger(__name__)

DOMAIN = "thoibaonganhang.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Thời báo Ngân hàng"
# The body container's classes: 2020 (idx:8423226795) and a second variant (ASSUMPTION).
_CONTAINERS = ("category article-content __MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER",
               "detail-content __MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER fw")


def date_html(moment: datetime) -> str:
    """The documented 2021 markup; its text is `HH:MM | DD/MM/YYYY`."""
    moment = moment.astimezone(VN_TZ)
    return (f'<span class="datetime"><span class="format_time">{moment:%H:%M}</span> | '
            f'<span class="format_date">{moment:%d/%m/%Y}</span></span>')


def _shell(title: str, main: str, sidebar: str, categories) -> str:
    menu = "".join(f'<li><a href="/{c.slug}" title="{_attr(c.name)}">{_esc(c.name)}</a></li>'
                   for c in categories)
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)}</title>\n"
        '<link rel="stylesheet" href="/styles/web/css/main.css?v=1.0.9">\n</head>\n<body>\n'
        f'<div class="header-top fw"><div class="container"><span class="current-date">{_CLOCK}'
        '</span><div class="header-links"><a href="/rss">RSS</a> <a href="/lien-he">Liên hệ'
        '</a></div></div></div>\n<header class="header fw"><div class="container"><a class='
        f'"logo" href="/" title="{NAME}"><img src="/styles/web/images/logo.png" alt="{NAME}">'
        '</a><div class="search"><form action="/search_enginer.html" method="get"><input '
        'type="hidden" name="p" value="search"><input name="q"></form>'
        '</div></div></header>\n<nav class="menu fw"><ul class="main-menu"><li><a href="/" '
        f'class="home">Trang chủ</a></li>{menu}</ul></nav>\n<div class="main container">\n'
        f'<div class="col-main">\n{main}\n</div>\n<aside class="col-sidebar">{sidebar}</aside>'
        f"\n</div>\n{_FOOTER}</body>\n</html>\n"
    )


# ASSUMPTION: the wording.
_FOOTER = (
    '<footer class="footer fw"><div class="container"><p><strong>THỜI BÁO NGÂN HÀNG'
    "</strong> - Cơ quan của Ngân hàng Nhà nước Việt Nam</p><p>© Bản quyền thuộc về "
    "Thời báo Ngân hàng. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>"
    "</div></footer>\n"
)


def _breadcrumb(category: Category) -> str:
    return (
        '<div class="breadcrumb fw"><a href="/" title="Trang chủ">Trang chủ</a> <a class='
        f'"actived" href="/{category.slug}" title="{_attr(category.name)}"><span>'
        f"{_esc(category.name)}</span></a></div>"
    )


def _body(article: ReplicaArticle) -> str:
    rng = random.Random(article.key)  # the same editor noise on every render
    images = list(article.images)
    parts = [_image_table(images.pop(0))] if images else []
    for index, paragraph in enumerate(article.paragraphs):
        if images and index and rng.random() < 0.5:
            parts.append(_image_table(images.pop(0)))
        parts.append(f"<p>{_noisy(paragraph, rng)}</p>")
    parts.extend(_image_table(image) for image in images)
    byline = byline_text(article)
    if byline:
        parts.append(f'<p align="right"><strong>{_esc(byline)}</strong></p>')
    text = "\n".join(parts)
    # Wrapper and hidden elements of the container (ASSUMPTION, module doc).
    return (
        f'<div class="print-sapo" style="display: none;">{_esc(article.lead)}</div>\n'
        f'<div class="content-detail-inner">\n{text}\n</div>\n'
        f"<script>var __MB_ARTICLE_ID = {article.key};</script>\n"
        '<div class="clearfix"></div>'
    )


def _links(css_class: str, heading: str, articles: list[ReplicaArticle]) -> str:
    items = "".join(f'<li><a href="{a.url}" title="{_attr(a.title)}">{_esc(a.title)}</a></li>'
                    for a in articles)
    return f'<div class="{css_class}"><h3 class="box-title">{heading}</h3><ul>{items}</ul></div>'


def _item(article: ReplicaArticle) -> str:
    thumb = article.images[0]["url"] if article.images else "/styles/web/images/no-image.png"
    href = article.url
    if article.key % 10 == 3:  # the preview variant (ASSUMPTION: its share)
        href = f"{ORIGIN}/preview_article/t/{article.slug}-{article.key}.html"
    day = f"{article.published.astimezone(VN_TZ):%d/%m/%Y}"
    return (
        f'<div class="article" id="article-{article.key}"><a class="article-thumb" href="'
        f'{href}"><img src="{_attr(thumb)}" alt="{_attr(article.title)}"></a>'
        f'<h3 class="article-title"><a class="article-link" href="{href}" title="'
        f'{_attr(article.title)}">{_esc(article.title)}</a></h3>'
        f'<div class="article-meta"><span class="format_date">{day}</span></div>'
        f'<p class="article-sapo">{_esc(article.lead)}</p></div>'
    )


# A date-less banner item linking off-site (ASSUMPTION: its target and place).
_BANNER = (
    '<div class="article" id="article-banner-1"><h3 class="article-title"><a class='
    '"article-link" href="https://www.sbv.gov.vn/" title="Ngân hàng Nhà nước Việt Nam">'
    "Ngân hàng Nhà nước Việt Nam</a></h3></div>"
)


class ThoiBaoNganHangSite(MasterCMSSite):
    """thoibaonganhang.vn: MasterCMS routes and cache, thoibaonganhang's markup."""

    name = NAME

    def _page_404(self, main: str) -> _Page:
        return _Page.of(_shell(f"Không tìm thấy trang | {NAME}", main, "",
                               self.spec.categories), 404, cache=False)

    def _article_page(self, name: str) -> _Page | None:
        preview = "preview_article/t/"
        if name.startswith(preview):  # the preview variant serves the article itself
            page = super()._article_page(name[len(preview):])
            return page if page is None or page.location is None else None
        return super()._article_page(name)

    def published_raw(self, article: ReplicaArticle) -> str:
        return f"{article.published.astimezone(VN_TZ):%H:%M | %d/%m/%Y}"

    def _sidebar(self) -> str:
        return _links("box-most-read", "Đọc nhiều", self._most_read)

    def _article(self, article: ReplicaArticle) -> str:
        category = self.spec.category(article.category)
        same = self.corpus.in_category(article.category)
        position = same.index(article)
        related = same[position + 1:position + 4]
        tags = " ".join(f'<a href="/tag/{slugify(tag)}.html">{_esc(tag)}</a>'
                        for tag in article.tags)
        main = (
            f'{_breadcrumb(category)}\n<div class="detail-news fw">\n<h1 class="detail-title">'
            f'{_esc(article.title)}</h1>\n<div class="tool fw">{date_html(article.published)}'
            ' <a class="btn-print" href="javascript:window.print();">In bài</a> <a class='
            f'"btn-share" href="#" rel="nofollow">Chia sẻ</a></div>\n<p class="detail-sapo">'
            f"{_esc(article.lead)}</p>\n"
            f'<div class="{_CONTAINERS[article.key % 2]}">\n'
            f"{_body(article)}\n</div>\n"
            + (f'<div class="detail-tags fw"><span>Từ khóa:</span> {tags}</div>\n' if tags
               else "")
            + (_links("related-news fw", "Tin liên quan", related) if related else "")
            + "\n</div>"
        )
        return _shell(f"{article.title} | {NAME}", main, self._sidebar(), self.spec.categories)

    def _listing(self, listing: Listing) -> str:
        items = "\n".join(_item(a) for a in listing.articles)
        if items:
            items += "\n" + _BANNER
        else:
            items = '<p class="no-data">Không có dữ liệu</p>'
        main = ((_breadcrumb(listing.category) if listing.category else "")
                + f'\n<div class="cate-content fw">\n{items}\n</div>\n' + listing.pager)
        title = NAME if listing.title == NAME else f"{listing.title} | {NAME}"
        return _shell(title, main, self._sidebar(), self.spec.categories)

    def _feed(self, name: str) -> tuple[int, dict[str, str], bytes]:
        if name == "home":
            articles = self.corpus.articles[:50]
        elif any(c.slug == name for c in self.spec.categories):
            articles = self.corpus.in_category(name)[:50]
        else:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, b"Not Found"
        items = "\n".join(
            f"<item><title><![CDATA[{a.title}]]></title><link>{a.url}</link><description>"
            f"<![CDATA[{a.lead}]]></description><pubDate>{format_datetime(a.published)}"
            "</pubDate></item>" for a in articles
        )
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>'
                f"{NAME}</title><link>{ORIGIN}</link><description>{NAME}</description>"
                f"<language>vi-vn</language>\n{items}</channel></rss>\n")
        return 200, {"Content-Type": "text/xml; charset=utf-8"}, body.encode("utf-8")


CATEGORIES = tuple(
    Category(slug, name) for slug, name in (  # ASSUMPTION: the notes name no category
        ("ngan-hang", "Ngân hàng"), ("tai-chinh", "Tài chính"),
        ("doanh-nghiep", "Doanh nghiệp"), ("thoi-su", "Thời sự"), ("quoc-te", "Quốc tế"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # MasterCMS's /stores/news_dataimages/ (research §2.0); ASSUMPTION: congthuong's 2016–18
    # layout <user>/<MMYYYY>/<DD>/<HH>/<file>, the user and the file name.
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=6 + (key * 5 + index) % 140)
    return (f"{ORIGIN}/stores/news_dataimages/bientap/{uploaded:%m%Y/%d/%H}/"
            f"tbnh-{key}-{index + 1}.jpg")


THOIBAONGANHANG = SiteSpec(
    key="thoibaonganhang",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Ngân hàng Nhà nước Việt Nam",
    categories=CATEGORIES,
    article_key_pattern=r"-(\d+)\.html$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.html",
    image_url=_image_url,
    factory=ThoiBaoNganHangSite,
    n_articles=170,
    seed=20210310,
    first_key=160000,  # ASSUMPTION: 6-digit ids growing with time
    corpus_end=datetime(2025, 10, 29, 21, 10, tzinfo=VN_TZ),
)
