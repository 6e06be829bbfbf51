"""Pieces of the VCCorp-family CMS markup (baochinhphu.vn, mst.gov.vn): ids, datelines,
dates, partly decomposed text, listing items, body parts, feeds and sitemaps.

Facts (vn_sites_2026 §3, the 871 `/home.rss` items of PS:new_items*.json, 2026-07-17 …
08-23, and the en.baochinhphu.vn page captures CMW:tests/fixtures/vn_vgp, 2026-10-06):
- article ids are `<prefix>` + the id time YYMMDDhhmmss + 3 digits or fewer: 18/17/16/15
  digits in 776/90/4/1 of 871; the id time is not the publication time (publication minus
  id time: median +21 min, range -5.4 h … +8.9 days);
- the sapo dateline: "(Chinhphu.vn) - " 96.4 %, en dash 3.6 % (31/871), one doubled,
  some without the space ("(Chinhphu.vn)-"), occasionally "(Chinh phu.vn)";
- feed `pubDate` "M/D/YYYY h:mm:ss AM/PM" without zone ("8/22/2026 9:15:00 PM");
- 2 of 1742 feed texts partly decomposed: a precomposed letter with its tone mark, then the
  combining shape mark ("Bọ" + U+0302, "Xa" + U+0302);
- listing stream item: `div.box-stream-item[data-id]` > `a.box-stream-link-with-avatar`
  > `img.box-stream-avatar`; `div.box-stream-content` > `h2 > a.box-stream-link-title
  [data-type=title][data-linktype=newsdetail][data-id]`, `a.box-stream-category`,
  `span.time-ago.box-stream-time[title="M/D/YYYY h:mm:ss AM"]` "DD/MM/YYYY HH:MM",
  `p.box-stream-sapo[data-type=sapo]` (CMW listing capture; idx:55797201634, 2026);
- body: photos `figure.VCSortableInPreviewMode[type=Photo]` + `figcaption.PhotoCMS_Caption
  > p[data-placeholder]`; the related box between `<!-- bonewsrelation -->` and
  `<!-- eonewsrelation -->`: `div.VCSortableInPreviewMode.alignRight[type=RelatedNewsBox]
  [relatednewsboxtype=type-2]` > `div.kbwscwl-relatedbox.type-2` > `ul.kbwscwlr-list` >
  `li.kbwscwlrl[data-date="08/09/2026 12:41"][data-id][data-url][data-title]` (CMW);
  also `div.VCSortableInPreviewMode.alignCenter.type-6` (idx:65870912651, 2025); a CMS
  comment with three timestamps at the end of the body (CMW).
ASSUMPTION: the shape of the id-time offset (85 % 2-42 min before publication, 8 % up to
  5.4 h after it, 7 % 1 h to 8.9 days before it) and id lengths 15 and 16 weighted 4x, so
  that each length shows in a replica of a few hundred articles.
ASSUMPTION: the inner markup of a related-box item (a link with the title), and the
  wording of the CMS comment at the end of the body.
ASSUMPTION: 3 % of articles have their title and sapo partly decomposed (the feed sample
  has 0.1 %; more, so that a replica shows some).
"""

from __future__ import annotations

import json
import random
import unicodedata
from datetime import datetime, timedelta

from newscrawler.records import VN_TZ, iso_vn
from newscrawler.replica.corpus import ReplicaArticle
from newscrawler.replica.markup import attr, esc

# (id length, weight): vn_sites_2026 §3 gives 776/90/4/1; 15 and 16 raised (ASSUMPTION).
ID_LENGTHS = ((18, 776), (17, 90), (16, 16), (15, 4))
# (dateline, weight) of baochinhphu's sapo, vn_sites_2026 §3.
DATELINES = (
    ("(Chinhphu.vn) - ", 900), ("(Chinhphu.vn) – ", 36), ("(Chinhphu.vn)-", 30),
    ("(Chinhphu.vn) - (Chinhphu.vn) - ", 17), ("(Chinh phu.vn) - ", 17),
)
SHAPE_MARKS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn
PARTLY_DECOMPOSED_SHARE = 0.03


def article_id(prefix: str, published: datetime, key: int) -> int:
    """`<prefix>` + id time + 0-3 digits, the id time a drawn offset from publication."""
    rng = random.Random(f"id:{prefix}:{key}:{published.isoformat()}")
    draw = rng.random()
    if draw < 0.08:
        minutes = -rng.uniform(0, 324)  # created after it went out (-5.4 h)
    elif draw < 0.93:
        minutes = rng.uniform(2, 42)
    else:
        minutes = rng.uniform(60, 12816)  # 8.9 days
    moment = published.astimezone(VN_TZ) - timedelta(minutes=minutes)
    length = rng.choices([n for n, _ in ID_LENGTHS], [w for _, w in ID_LENGTHS])[0]
    head = f"{prefix}{moment:%y%m%d%H%M%S}"
    tail_digits = length - len(head)
    tail = f"{rng.randrange(10 ** tail_digits):0{tail_digits}d}" if tail_digits else ""
    return int(head + tail)


def dateline(key: int) -> str:
    rng = random.Random(f"dateline:{key}")
    return rng.choices([d for d, _ in DATELINES], [w for _, w in DATELINES])[0]


def partly_decomposed(text: str) -> str:
    """Each letter with a shape mark as its precomposed rest + the combining shape mark,
    the mixed form of the real feed ("Bộ" -> "Bọ" + U+0302)."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        shapes = [mark for mark in parts[1:] if mark in SHAPE_MARKS]
        if not shapes:
            out.append(char)
            continue
        rest = parts[0] + "".join(mark for mark in parts[1:] if mark not in SHAPE_MARKS)
        out.append(unicodedata.normalize("NFC", rest) + "".join(shapes))
    return "".join(out)


def is_partly_decomposed(key: int) -> bool:
    return random.Random(f"nfd:{key}").random() < PARTLY_DECOMPOSED_SHARE


def feed_time(moment: datetime) -> str:
    """"M/D/YYYY h:mm:ss AM", no zone (the feed's and the listing's `title`)."""
    moment = moment.astimezone(VN_TZ)
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment:%M:%S} {half}"


def short_time(moment: datetime) -> str:
    return f"{moment.astimezone(VN_TZ):%d/%m/%Y %H:%M}"


def visible_time(article: ReplicaArticle) -> str:
    """ASSUMPTION (vn_sites_2026 §3: vi format not captured): half "DD/MM/YYYY HH:MM",
    half with " GMT+7" as the English edition and tuoitre.vn's CMS show it."""
    suffix = " GMT+7" if random.Random(f"time:{article.key}").random() < 0.5 else ""
    return short_time(article.published) + suffix


def stream_item(article: ReplicaArticle, path: str, category_path: str) -> str:
    title, key = attr(article.title), article.key
    thumb = path_of_image(article)
    return (
        f'<div class="box-stream-item" data-id="{key}"><a class="box-stream-link-with-avatar" '
        f'data-id="{key}" href="{path}" title="{title}"><img '
        f'class="box-stream-avatar" src="{attr(thumb)}" alt="{title}"></a><div '
        f'class="box-stream-content"><h2><a class="box-stream-link-title" data-type="title" '
        f'data-linktype="newsdetail" data-id="{key}" href="{path}" title="{title}">'
        f'{esc(article.title)}</a></h2><a class="box-stream-category" href="{category_path}" '
        f'title="{attr(article.category_name)}">{esc(article.category_name)}</a>'
        f'<span class="time-ago box-stream-time" title="{feed_time(article.published)}">'
        f'{short_time(article.published)}</span><p class="box-stream-sapo" data-type="sapo">'
        f"{esc(article.lead)}</p></div></div>"
    )


def category_item(article: ReplicaArticle, path: str) -> str:
    """mst.gov.vn's `div.box-category-item` (its inner markup: ASSUMPTION, module doc)."""
    title, key = attr(article.title), article.key
    return (
        f'<div class="box-category-item" data-id="{key}"><a class="box-category-link-with-'
        f'avatar" href="{path}" title="{title}"><img class="box-category-avatar" src="'
        f'{attr(path_of_image(article))}" alt="{title}"></a><div class="box-category-content">'
        f'<h3 class="box-title-text"><a class="box-category-link-title" data-type="title" '
        f'data-linktype="newsdetail" data-id="{key}" href="{path}" title="{title}">'
        f'{esc(article.title)}</a></h3><span class="box-category-time">'
        f'{short_time(article.published)}</span><p class="box-category-sapo">'
        f"{esc(article.lead)}</p></div></div>"
    )


def path_of_image(article: ReplicaArticle) -> str:
    if not article.images:
        return "/images/no-avatar.png"
    url = article.images[0]["url"] or ""
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else url


def paragraph(text: str, rng: random.Random) -> str:
    """A paragraph as the editor left it: the odd bold run, NBSP, justify style."""
    words = [esc(word) for word in text.split(" ")]
    if len(words) > 8 and rng.random() < 0.25:
        start = rng.randrange(0, len(words) - 4)
        words[start] = f"<b>{words[start]}"
        words[start + 2] = f"{words[start + 2]}</b>"
    if len(words) > 3 and rng.random() < 0.3:
        position = rng.randrange(1, len(words) - 1)
        words[position] = "&nbsp;" + words[position]
    style = ' style="text-align: justify;"' if rng.random() < 0.5 else ""
    return f"<p{style}>{' '.join(words)}</p>"


def photo(src: str, caption: str | None) -> str:
    return (
        '<figure class="VCSortableInPreviewMode" type="Photo" style=""><div>'
        f'<a href="{attr(src)}" data-fancybox="img-lightbox" target="_blank">'
        f'<img src="{attr(src)}" alt="{attr(caption or "")}" w="800" h="533"></a></div>'
        '<figcaption class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]">'
        f'{esc(caption or "")}</p></figcaption></figure>'
    )


def related_box(articles: list[tuple[ReplicaArticle, str]], rng: random.Random) -> str:
    """The type-2 box with `data-*` items (2026 captures) or the older type-6 one."""
    if rng.random() < 0.3:
        items = "".join(
            f'<li><a href="{path}" title="{attr(a.title)}"><img src="/images/thumb.jpg" alt="">'
            f'</a><a class="relatedbox-title" href="{path}">{esc(a.title)}</a></li>'
            for a, path in articles)
        return ('<div class="VCSortableInPreviewMode alignCenter type-6" type="RelatedNewsBox">'
                '<div class="kbwscwl-relatedbox type-6"><strong class="kbwscwl-relatedbox-'
                f'title">Tin liên quan</strong><ul>{items}</ul></div></div>')
    items = "".join(
        f'<li class="kbwscwlrl" data-date="{short_time(a.published)}" data-id="{a.key}" '
        f'data-url="{path}" data-title="{attr(a.title)}"><a class="kbwscwlrl-title" '
        f'href="{path}" title="{attr(a.title)}">{esc(a.title)}</a></li>'
        for a, path in articles)
    return ('<!-- bonewsrelation --><div class="VCSortableInPreviewMode  alignRight" '
            'type="RelatedNewsBox" relatednewsboxtype="type-2"><div class="kbwscwl-relatedbox '
            'type-2 fl"><span class="kbwscwl-relatedbox-title">Tin liên quan</span><ul '
            f'class="kbwscwlr-list">{items}</ul></div></div><!-- eonewsrelation -->')


def cms_comment(article: ReplicaArticle) -> str:
    modified = article.modified or article.published
    created = article.published - timedelta(minutes=35)
    return (f"<!-- Cập nhật: {feed_time(modified)} | Xuất bản: "
            f"{feed_time(article.published)} | Tạo: {feed_time(created)} -->")


def news_meta(article: ReplicaArticle, description: str) -> str:
    """`article:published_time` / `article:modified_time` (+07:00) and OpenGraph tags."""
    modified = article.modified or article.published
    return (
        f'<meta name="description" content="{attr(description)}">\n'
        f'<meta property="og:title" content="{attr(article.title)}">\n'
        f'<meta property="og:description" content="{attr(description)}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="article:published_time" content="{iso_vn(article.published)}">\n'
        f'<meta property="article:modified_time" content="{iso_vn(modified)}">\n'
    )


def json_ld(article: ReplicaArticle, publisher: str, crumbs: list[tuple[str, str]]) -> str:
    """JSON-LD NewsArticle (datePublished, dateModified, author) and BreadcrumbList."""
    news = {"@context": "https://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": article.url, "headline": article.title,
            "datePublished": iso_vn(article.published),
            "dateModified": iso_vn(article.modified or article.published),
            "publisher": {"@type": "Organization", "name": publisher}}
    if article.authors:
        news["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    trail = {"@context": "https://schema.org", "@type": "BreadcrumbList",
             "itemListElement": [{"@type": "ListItem", "position": index + 1, "name": name,
                                  "item": url} for index, (name, url) in enumerate(crumbs)]}
    return "".join('<script type="application/ld+json">'
                   f"{json.dumps(document, ensure_ascii=False)}</script>\n"
                   for document in (news, trail))


def feed(title: str, origin: str, articles: list[ReplicaArticle]) -> str:
    items = "".join(
        f"<item><title><![CDATA[{a.title}]]></title><link>{a.url}</link>"
        f'<guid isPermaLink="true">{a.url}</guid><description><![CDATA[{a.lead}]]>'
        f"</description><pubDate>{feed_time(a.published)}</pubDate></item>\n"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{esc(title)}</title><link>{origin}</link>"
        f"<description>{esc(title)}</description><language>vi-vn</language>\n"
        f"{items}</channel></rss>\n"
    )


def news_sitemap(publisher: str, articles: list[ReplicaArticle]) -> str:
    urls = "".join(
        f"<url><loc>{a.url}</loc><news:news><news:publication><news:name>{esc(publisher)}"
        "</news:name><news:language>vi</news:language></news:publication>"
        f"<news:publication_date>{iso_vn(a.published)}</news:publication_date><news:title>"
        f"{esc(a.title)}</news:title></news:news></url>\n" for a in articles)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"\n{urls}</urlset>\n")
