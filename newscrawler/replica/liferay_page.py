"""moh.gov.vn page chrome and article markup for the Liferay replica (replica/liferay.py).

Facts: Liferay markers `p_p_id`, `/web/guest/…`, `journal-content-article` (2019-2021,
vn_sites.md §2.0, S2); portlets `p_p_id_101_INSTANCE_<x>_` (2021-07, S1); the lead is the
bold first paragraph of the article content (S1's sapo XPath `…/div[1]/p/strong`).

ASSUMPTION: the header, navigation, breadcrumb, footer and sidebar markup (Liferay 6.2
  theme defaults), their wording, and the group id in document URLs.
ASSUMPTION: pages name their canonical URL (Liferay 6.2's top_head writes one).
ASSUMPTION: images in plain CKEditor tables (caption in row 2); the byline as a
  right-aligned bold last paragraph.
"""

from __future__ import annotations

import random

from newscrawler.replica.corpus import Category, ReplicaArticle
from newscrawler.replica.markup import byline_text
from newscrawler.replica.mastercms import _CLOCK, _attr, _esc, _noisy

DOMAIN = "moh.gov.vn"
ORIGIN = f"https://{DOMAIN}"
GROUP_ID = 20182  # ASSUMPTION


def _header(categories) -> str:
    menu = "".join(f'<li class="lfr-nav-item"><a href="{ORIGIN}/{c.slug}"><span>{_esc(c.name)}'
                   "</span></a></li>" for c in categories)
    return (
        '<header id="banner" role="banner"><div class="top-bar"><span class="date-today">'
        f'{_CLOCK}</span><a href="/web/guest/english">English</a> | <a href="/web/guest/'
        'so-do-cong-thong-tin">Sơ đồ cổng</a></div><div id="heading"><h1 class="site-title">'
        '<a class="logo" href="/web/guest/trang-chu" title="Cổng thông tin điện tử Bộ Y tế">'
        '<img alt="Bộ Y tế" src="/moh-theme/images/logo.png"></a></h1></div>'
        '<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul '
        'aria-label="Trang web" role="menubar"><li class="selected"><a href="/web/guest/'
        f'trang-chu"><span>Trang chủ</span></a></li>{menu}</ul></nav></header>'
    )


# ASSUMPTION: the wording; a static web content portlet (journal-content-article).
_FOOTER = (
    '<footer id="footer"><div class="portlet-boundary portlet-boundary_56_ portlet-journal-'
    'content" id="p_p_id_56_INSTANCE_footer01_"><div class="journal-content-article"><p><strong>'
    'CỔNG THÔNG TIN ĐIỆN TỬ BỘ Y TẾ</strong></p><p>Ghi rõ nguồn "Cổng thông tin điện tử Bộ Y '
    'tế" khi phát hành lại thông tin từ Cổng thông tin này.</p></div></div></footer>'
)


def _shell(title: str, main: str, sidebar: str, categories, canonical: str = "") -> str:
    # ASSUMPTION: pages name their canonical URL (Liferay 6.2's top_head writes one).
    link = f'<link href="{_attr(canonical)}" rel="canonical">\n' if canonical else ""
    return (
        '<!DOCTYPE html>\n<html class="ltr" dir="ltr" lang="vi-VN">\n<head>\n'
        f"<title>{_esc(title)} - Cổng thông tin Bộ Y tế</title>\n{link}"
        '<meta content="text/html; charset=UTF-8" http-equiv="content-type">\n'
        '<link href="/moh-theme/images/favicon.ico" rel="Shortcut Icon">\n'
        '<link href="/html/css/main.css?browserId=other&amp;themeId=moh_WAR_mohtheme" '
        'rel="stylesheet" type="text/css">\n<script type="text/javascript">var themeDisplay '
        '= Liferay.ThemeDisplay = {getCompanyId: function() {return "10136";}, getScopeGroupId:'
        f' function() {{return "{GROUP_ID}";}}, getLanguageId: function() {{return "vi_VN";}}'
        '};</script>\n</head>\n<body class="yui3-skin-sam controls-visible guest-site '
        f'signed-out public-page site">\n<div class="container-fluid" id="wrapper">\n'
        f'{_header(categories)}\n<div id="content"><div class="columns-2" id="main-content" '
        'role="main"><div class="portlet-layout row-fluid"><div class="portlet-column '
        'portlet-column-first span8" id="column-1">\n'
        f"{main}\n</div><div class=\"portlet-column portlet-column-last span4\" id=\"column-2\">"
        f"{sidebar}</div></div></div></div>\n{_FOOTER}\n</div>\n<script type=\"text/javascript\">"
        "Liferay.Portlet.runtimePortletIds = [\"56_INSTANCE_footer01\"];</script>\n</body>\n"
        "</html>\n"
    )


def _breadcrumb(category: Category) -> str:
    # ASSUMPTION: Liferay 6.2's breadcrumb markup; the notes document no breadcrumb.
    return (
        '<div class="portlet-boundary portlet-boundary_73_ portlet-breadcrumb" id="p_p_id_73_'
        'INSTANCE_bc01_"><ul aria-label="Breadcrumb" class="breadcrumb breadcrumb-horizontal">'
        '<li class="first"><a href="/web/guest/trang-chu">Trang chủ</a><span class="divider">'
        f'/</span></li><li class="active last"><a href="{ORIGIN}/{category.slug}">'
        f"{_esc(category.name)}</a></li></ul></div>"
    )


def _portlet(instance: str, body: str) -> str:
    return (
        '<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end '
        f'portlet-borderless portlet-asset-publisher" id="p_p_id_101_INSTANCE_{instance}_">'
        f'<span id="p_101_INSTANCE_{instance}"></span><div class="portlet-'
        f'borderless-container"><div class="portlet-body">{body}</div></div></div>'
    )


def _image_table(image: dict) -> str:
    caption = image.get("caption")
    rows = f'<tr><td><img alt="" src="{_attr(image["url"])}" style="width: 600px;"></td></tr>'
    if caption:
        rows += f"<tr><td><em>{_esc(caption)}</em></td></tr>"
    return (f'<table align="center" border="0" cellpadding="1" cellspacing="1" style="width: '
            f'100%;"><tbody>{rows}</tbody></table>')


def article_content(article: ReplicaArticle) -> str:
    """The journal article HTML: bold lead first (documented), then body, images, byline."""
    rng = random.Random(article.key)  # the same editor noise on every render
    tables = [_image_table(image) for image in article.images]
    later = tables[1:]  # the first image stands under the lead
    parts = [f'<p style="text-align: justify;"><strong>{_esc(article.lead)}</strong></p>',
             *tables[:1]]
    for index, paragraph in enumerate(article.paragraphs):
        if later and index and rng.random() < 0.5:
            parts.append(later.pop(0))
        parts.append(f'<p style="text-align: justify;">{_noisy(paragraph, rng)}</p>')
    byline = byline_text(article)
    closing = [f'<p style="text-align: right;"><strong>{_esc(byline)}</strong></p>'] \
        if byline else []
    return "\n".join([*parts, *later, *closing])


def _link_box(title: str, instance: str, articles: list[ReplicaArticle]) -> str:
    items = "".join(
        f'<li class="title-list"><a href="{a.url}">{_esc(a.title)}</a> <span class="date">'
        f"({a.published:%d/%m/%Y})</span></li>" for a in articles
    )
    return _portlet(instance, f'<h4 class="portlet-title-text">{title}</h4><ul>{items}</ul>')
