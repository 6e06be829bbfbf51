"""thoibaonganhang.vn (Thời báo Ngân hàng, the State Bank's newspaper) in MasterCMS markup.

The congthuong renderer (`mastercms.MasterCMSSite`) serves the routes, the cache, the
clock bar, the `?page=N` listings and the pager; this module only swaps in the
thoibaonganhang variant of the markup.

Documented facts reproduced here (research/vn_sites.md §1 point 3 and 4, §2.0, §2.10):
- MasterCMS (`__MASTERCMS_CONTENT`, `/stores/news_dataimages/…`) is the platform of
  congthuong.vn, thoibaonganhang.vn and haiquanonline.com.vn;
- the 2021 date markup, verbatim: `<span class="datetime"><span class="format_time">09:00
  </span> | <span class="format_date">10/03/2021</span></span>` (2019: `//div[@class='tool']
  /i`);
- sapo `p.detail-sapo` (2021; 2019: `//div[@class='sabo']/p`); body `__MASTERCMS_CONTENT`
  (2019: `//div[@class='detail_info ']`); images in `table.MASTERCMS_TPL_TABLE`;
- the byline `<p align="right"><strong>…</strong></p>` closing the article.

ASSUMPTIONS (not in the notes): that thoibaonganhang shares congthuong's MasterCMS URL scheme
(`/<slug>-<id>.html`, `/<category>?page=N`), pager and `/rss/home.rss` + `/rss/<category>.rss`
feeds; the category slugs and names; the ids; the title `h1.detail-title`; the `div.tool`
bar around the date; listing item, breadcrumb, tag (`/tag/<slug>.html`) and related-news
markup; the image file layout; header, footer and clock bar wording.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from email.utils import format_datetime

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec, slugify
from newscrawler.replica.mastercms import (
    _CLOCK,
    MasterCMSSite,
    _attr,
    _esc,
    _image_table,
    _noisy,
    _Page,
    pager,
)

logger = logging.getLogger(__name__)

DOMAIN = "thoibaonganhang.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Thời báo Ngân hàng"


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
        '</a><div class="search"><form action="/search" method="get"><input name="q"></form>'
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
    byline = " - ".join(article.authors)
    if article.source:
        byline = f"{byline} ({article.source})" if byline else article.source
    if byline:
        parts.append(f'<p align="right"><strong>{_esc(byline)}</strong></p>')
    return "\n".join(parts)


def _links(css_class: str, heading: str, articles: list[ReplicaArticle]) -> str:
    items = "".join(f'<li><a href="{a.url}" title="{_attr(a.title)}">{_esc(a.title)}</a></li>'
                    for a in articles)
    return f'<div class="{css_class}"><h3 class="box-title">{heading}</h3><ul>{items}</ul></div>'


def _item(article: ReplicaArticle) -> str:
    thumb = article.images[0]["url"] if article.images else "/styles/web/images/no-image.png"
    return (
        f'<div class="item-news"><a class="thumb" href="{article.url}"><img src="'
        f'{_attr(thumb)}" alt="{_attr(article.title)}"></a><h3 class="title-news"><a href="'
        f'{article.url}" title="{_attr(article.title)}">{_esc(article.title)}</a></h3>'
        f'<p class="sapo">{_esc(article.lead)}</p></div>'
    )


class ThoiBaoNganHangSite(MasterCMSSite):
    """thoibaonganhang.vn: MasterCMS routes and cache, thoibaonganhang's markup."""

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus):
        super().__init__(spec, corpus)
        main = '<div class="page-404"><h1>404</h1><p>Trang bạn tìm không tồn tại.</p></div>'
        self._not_found = _Page.of(_shell(f"Không tìm thấy trang | {NAME}", main, "",
                                          spec.categories), 404, cache=False)

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
            '<div class="detail-content __MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER fw">\n'
            f"{_body(article)}\n</div>\n"
            + (f'<div class="detail-tags fw"><span>Từ khóa:</span> {tags}</div>\n' if tags
               else "")
            + (_links("related-news fw", "Tin liên quan", related) if related else "")
            + "\n</div>"
        )
        return _shell(f"{article.title} | {NAME}", main, self._sidebar(), self.spec.categories)

    def _listing(self, category: Category | None, articles, page: int, last: int) -> str:
        items = "\n".join(_item(a) for a in articles) or '<p class="no-data">Không có dữ liệu</p>'
        main = ((_breadcrumb(category) if category else "")
                + f'\n<div class="list-news fw">\n{items}\n</div>\n'
                + (pager(f"/{category.slug}", page, last)
                   if category and articles and last > 1 else ""))
        title = f"{category.name} | {NAME}" if category else NAME
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
