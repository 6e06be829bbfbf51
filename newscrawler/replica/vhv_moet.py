"""moet.gov.vn (Bộ Giáo dục và Đào tạo): the 2026 VHV-style portal with its SharePoint archive.

Facts:
- 2026 URLs `https://moet.gov.vn/tin-tuc/tin-tong-hop2/<slug>.html`, `/tin-tuc/<slug>2.html`
  (≥6 independent files, 2026; vn_sites_2026 §8); categories under `/tin-tuc/<slug>`,
  articles end in `.html` under `/tin-tuc/` (`idx:17801639000`, 2026); `/tin-tuc-cot-phai/
  <slug>` (no `.html`, e.g. `chuong-trinh-giao-duc-pho-thong`) is a topic page, not an
  article (2026 link lists, `idx:54707529503`).
- the SharePoint generation is still linked in 2026: `/tintuc/Pages/<many names>.aspx?ItemID=`,
  also with lower-case `pages` (`/tintuc/pages/tin-hoat-dong-cua-bo.aspx?ItemID=5755`), page
  names beyond the three categories (`CT-GDPT-Tong-The.aspx`) (§8, ≤2025 sources linked from
  2026 files); old article markup `#news-title`, `#news-des`, `#news-detail/div/p` (§8, S1
  2021); RSS `/rss/Pages/index.aspx` (§8, ≤2025, URL only).
ASSUMPTION: the 2026 pages use the VHV markup of moit (§8 calls the platform an inference
  from URL style); 70 % of articles render moit's layout, 30 % a second plausible VHV layout
  (`new-detail-layout-type-1`: `h1.title-detail`, `div.article-sapo`, a flat
  `div.article-body.common-content`, `span.post-date` "DD/MM/YYYY HH:MM").
ASSUMPTION: listings, the script pager and page 1 only, as on moit (VHV).
ASSUMPTION: category slugs other than `tin-tong-hop2` and their module ids; the SharePoint
  page name of each category.
ASSUMPTION: articles published before 2026 (about a quarter of what is listed, and the old items
  listings mix in) keep their SharePoint `ItemID` address, a third of those written with
  lower-case `pages`; their pages show the 2021
  template with "Ngày đăng: M/D/YYYY h:mm:ss AM" in `span.news-date` (month-first, the
  SharePoint `%m/%d/%Y` style), breadcrumb `div.breadcrumb`, tags `div.news-tags`.
ASSUMPTION: the RSS address still answers, with the 20 newest articles and two legal
  documents (`/van-ban/Pages/chi-tiet-van-ban.aspx?ItemID=`).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import attr, esc
from newscrawler.replica.sharepoint_moet_mic import rss, shell
from newscrawler.replica.vhv import (
    HTML,
    VhvSite,
    body_html,
    lead_html,
    tag_links,
)

ORIGIN = "https://moet.gov.vn"
# ASSUMPTION: articles published before 2026 keep their SharePoint address (the `ItemID`
#   links are in ≤2025 sources, the new URLs in 2026 ones).
SWITCH = datetime(2026, 1, 1, tzinfo=VN_TZ)
ARCHIVE_PAGES = {  # category -> SharePoint page name (ASSUMPTION, names from §8)
    "tin-tong-hop2": "tin-tong-hop", "thong-cao-bao-chi": "thong-cao-bao-chi",
    "thong-bao": "Thongbao", "tin-hoat-dong-cua-bo": "tin-hoat-dong-cua-bo",
}


def archive_date(moment: datetime) -> str:
    moment = moment.astimezone(VN_TZ)
    hour = moment.hour % 12 or 12
    return (f"Ngày đăng: {moment.month}/{moment.day}/{moment.year} "
            f"{hour}:{moment:%M:%S} {'AM' if moment.hour < 12 else 'PM'}")


def flat_date(moment: datetime) -> str:
    return f"{moment.astimezone(VN_TZ):%d/%m/%Y %H:%M}"


def is_archive(url: str) -> bool:
    return "ItemID=" in url


class MoetSite(VhvSite):
    site_name = "moet.gov.vn"
    site_id = "2006001"  # ASSUMPTION
    module_ids = {
        "tin-tong-hop2": "6012200", "thong-cao-bao-chi": "6012210", "thong-bao": "6012220",
        "tin-hoat-dong-cua-bo": "6012230", "giao-duc-mam-non": "6012240",
        "giao-duc-pho-thong": "6012250", "giao-duc-dai-hoc": "6012260",
        "giao-duc-nghe-nghiep": "6012270", "chuyen-doi-so": "6012280",
    }
    footer_extra = ('<p><a href="/tin-tuc-cot-phai/chuong-trinh-giao-duc-pho-thong">Chương '
                    "trình giáo dục phổ thông</a></p>")

    def finish(self, article: ReplicaArticle) -> ReplicaArticle:
        if article.published >= SWITCH:
            return article
        rng = random.Random(f"archive:{article.key}")
        folder = "pages" if rng.random() < 1 / 3 else "Pages"
        name = ARCHIVE_PAGES.get(article.category, "tin-tong-hop")
        return replace(article, url=f"{ORIGIN}/tintuc/{folder}/{name}.aspx?ItemID={article.key}")

    def layout(self, article: ReplicaArticle) -> str:
        if is_archive(article.url):
            return "archive"
        return "b" if random.Random(f"layout:{article.key}").random() < 0.3 else "a"

    def published_raw(self, article: ReplicaArticle) -> str:
        kind = self.layout(article)
        if kind == "archive":
            return archive_date(article.published)
        return flat_date(article.published) if kind == "b" else super().published_raw(article)

    def extra_route(self, route: str, query: str):
        if route == "/rss/Pages/index.aspx":
            items = [(a.title, a.url, a.lead, a.published) for a in self.corpus.articles[:20]]
            for number in (41, 42):  # legal documents, no news articles
                items.insert(number - 38, (f"Thông tư số {number}/2026/TT-BGDĐT",
                                           f"{ORIGIN}/van-ban/Pages/chi-tiet-van-ban.aspx?"
                                           f"ItemID={1500 + number}", "Văn bản", items[0][3]))
            feed = rss("Bộ Giáo dục và Đào tạo - Tin tức", ORIGIN, items)
            return 200, {"Content-Type": "text/xml; charset=utf-8"}, feed.encode()
        if not route.lower().startswith("/tintuc/pages/"):
            return None
        item = parse_qs(query).get("ItemID", [""])[0]
        article = self.corpus.by_key.get(int(item)) if item.isdigit() else None
        if article is None or not is_archive(article.url) or \
                urlsplit(article.url).path.lower() != route.lower():
            return 404, {"Content-Type": HTML}, self._not_found()
        return 200, {"Content-Type": HTML}, self.archive_page(article).encode()

    def article_main(self, article: ReplicaArticle) -> str:
        if self.layout(article) == "a":
            return super().article_main(article)
        crumb = self.breadcrumb(article.category_name, f"/tin-tuc/{article.category}")
        return (
            f'{crumb}\n<article class="article-new new-detail-layout-type-1">\n<h1 class='
            f'"title-detail">{esc(article.title)}</h1>\n<div class="post-info"><span class='
            f'"post-date">{flat_date(article.published)}</span></div>\n<div class="article-'
            f'sapo">{lead_html(article)}</div>\n<div class="article-body common-content">\n'
            f"{body_html(article)}\n</div>\n{tag_links(article.tags)}\n</article>"
        )

    def archive_page(self, article: ReplicaArticle) -> str:
        """The 2021 SharePoint article template (S1's ids; the rest ASSUMPTION)."""
        tags = ", ".join(f'<a href="/tintuc/Pages/tim-kiem.aspx?k={attr(tag)}">{esc(tag)}</a>'
                         for tag in article.tags)
        main = (
            '<div class="breadcrumb"><a href="/Pages/home.aspx">Trang chủ</a> » <a href='
            f'"/tin-tuc/{article.category}">{esc(article.category_name)}</a></div>\n'
            '<div id="ctl00_ctl43_g_7e1b52c4_2f0d_4c8e_a1a9_3b6d8e0f5c21"><div class="news-'
            f'content"><h1 id="news-title">{esc(article.title)}</h1>\n<div class="news-info">'
            f'<span class="news-date">{archive_date(article.published)}</span></div>\n<div id='
            f'"news-des"><p><strong>{esc(article.lead)}</strong></p></div>\n<div id="news-'
            f'detail"><div class="ms-rtestate-field">\n{body_html(article)}\n</div></div>\n'
            + (f'<div class="news-tags"><span>Từ khóa:</span> {tags}</div>' if tags else "")
            + "</div></div>"
        )
        return shell('<meta charset="utf-8">\n', f"{article.title} - Bộ Giáo dục và Đào tạo",
                     main)


MOET_CATEGORIES = tuple(Category(slug, name) for slug, name in (
    ("tin-tong-hop2", "Tin tổng hợp"),
    ("thong-cao-bao-chi", "Thông cáo báo chí"),
    ("thong-bao", "Thông báo"),
    ("tin-hoat-dong-cua-bo", "Tin hoạt động của Bộ"),
    ("giao-duc-mam-non", "Giáo dục mầm non"),
    ("giao-duc-pho-thong", "Giáo dục phổ thông"),
    ("giao-duc-dai-hoc", "Giáo dục đại học"),
    ("giao-duc-nghe-nghiep", "Giáo dục nghề nghiệp"),
    ("chuyen-doi-so", "Chuyển đổi số"),
))


def _image_url(published: datetime, key: int, index: int) -> str:
    return f"{ORIGIN}/upload/2006001/{published.astimezone(VN_TZ):%Y%m%d}/anh-{key}-{index}.jpg"


MOET = SiteSpec(
    key="moet",
    domain="moet.gov.vn",
    publisher="Cổng Thông tin điện tử Bộ Giáo dục và Đào tạo",
    ministry="Bộ Giáo dục và Đào tạo",
    categories=MOET_CATEGORIES,
    article_key_pattern=r"[?&]ItemID=(\d+)",  # archive URLs; the 2026 ones hash the URL
    article_url=lambda slug, key: f"{ORIGIN}/tin-tuc/{slug}.html",  # set by MoetSite
    image_url=_image_url,
    factory=MoetSite,
    n_articles=160,  # page 1 of the nine categories then shows 100-108 of them
    seed=35,
    first_key=9000,
    corpus_end=datetime(2026, 1, 12, 16, 20, tzinfo=VN_TZ),
)
