"""vpcp.chinhphu.vn, the Government Office's own news site (beside baochinhphu.vn) on the
VCCorp-family CMS, rendered by the shared VCCorp replica base.

Facts (vn_sites_2026 §14, and the sources it cites):
- article URLs `/<slug>-115<YYMMDDhhmmss><digits>.htm`: `…-115260109145352342.htm`
  (idx:17450655753, 2026), `…-115221225123659938.htm` (idx:57184310354, a 2022 article
  linked in 2026); `_vpcp_config` (idx:17886542170, 2026) accepts `-\\d{8,}\\.htm$`;
- categories `/thong-tin-hoat-dong.htm`, `/cong-ttdt-chinh-phu/thong-cao-bao-chi.htm`
  (idx:17450655753), `/tin-noi-bat.htm`, `/cong-tac-dang-doan-the.htm` (`_vpcp_config`),
  and `/video…`, `/anh…` sections that are no articles (`_vpcp_config` denies them);
- listing links `a.box-stream-link-title` and `a.box-focus-link-title` (`_vpcp_config`).
ASSUMPTION: id lengths as baochinhphu's (18/17/16/15 digits, vccorp_markup); both cited
  ids have 18.
ASSUMPTION: the article template (title, `article:*_time` meta, visible date, author,
  body, breadcrumb, tags, JSON-LD) as on baochinhphu.vn (same CMS family); the sapo
  without a dateline, half in `h2.detail-sapo` (baochinhphu's), half in `div.detail-sapo`
  (mst's).
ASSUMPTION: the pager (not in the evidence), two variants: thong-tin-hoat-dong and
  tin-noi-bat carry `#hdZoneId` and `/timelinelist/{zone}/{page}.htm` fragments as
  baochinhphu.vn, the other two categories show all their items on one page, no zone id.
ASSUMPTION: the focus box: the three newest items of a category as `div.box-focus-item`
  with `h3 > a.box-focus-link-title`; the category names; the parent section name
  "Cổng TTĐT Chính phủ"; a `/video.htm` page of video items under `/video/…`.
ASSUMPTION: no feed and no sitemap (none is cited): the category pages are the only way in.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from newscrawler.records import VN_TZ
from newscrawler.replica import vccorp_markup as parts
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteSpec
from newscrawler.replica.markup import attr, esc
from newscrawler.replica.vccorp import VCCorpSite

DOMAIN = "vpcp.chinhphu.vn"
ORIGIN = f"https://{DOMAIN}"
SECTION = "cong-ttdt-chinh-phu"
FOCUS_SIZE = 3  # ASSUMPTION


def focus_item(article: ReplicaArticle, path: str) -> str:
    title = attr(article.title)
    return (
        f'<div class="box-focus-item" data-id="{article.key}"><a class="box-focus-link-'
        f'with-avatar" href="{path}" title="{title}"><img class="box-focus-avatar" src="'
        f'{attr(parts.path_of_image(article))}" alt="{title}"></a><h3 class="box-focus-title">'
        f'<a class="box-focus-link-title" data-type="title" href="{path}" title="{title}">'
        f'{esc(article.title)}</a></h3><p class="box-focus-sapo">{esc(article.lead)}</p></div>'
    )


class VpcpSite(VCCorpSite):
    brand = "Website Văn phòng Chính phủ"
    id_prefix = "115"
    zones = {"thong-tin-hoat-dong": 1151, "tin-noi-bat": 1152}  # ASSUMPTION (module doc)
    parents = {SECTION: "Cổng TTĐT Chính phủ"}

    def category_slugs(self) -> set[str]:
        return {category.slug for category in self.spec.categories}

    def sapo(self, article: ReplicaArticle) -> str:
        tag = "h2" if random.Random(f"sapo:{article.key}").random() < 0.5 else "div"
        return f'<{tag} class="detail-sapo" data-role="sapo">{esc(article.lead)}</{tag}>'

    def _category(self, category: Category) -> str:
        articles = self.corpus.in_category(category.slug)
        focus = "".join(focus_item(a, self.path(a.url)) for a in articles[:FOCUS_SIZE])
        zone = self.zones.get(category.slug)
        if zone is None:  # one page holds every item (ASSUMPTION, module doc)
            items = "\n".join(self.listing_item(a) for a in articles[FOCUS_SIZE:])
            return (f'<div class="box-focus">{focus}</div>\n'
                    f'<div class="box-stream">\n{items}\n</div>')
        return (f'<div class="box-focus">{focus}</div>\n' + super()._category(category))

    def _render(self, route: str):
        if route == "/video.htm":  # a section of videos, not articles (`_vpcp_config`)
            items = "".join(
                f'<div class="box-video-item"><a class="box-video-link" href="/video/'
                f'{a.slug}-{a.key}.htm" title="{attr(a.title)}">{esc(a.title)}</a></div>'
                for a in self.corpus.articles[:4])
            return self._page(self._shell(f"Video | {self.brand}", items))
        return super()._render(route)


VPCP_CATEGORIES = tuple(
    Category(slug, name) for slug, name in (
        ("thong-tin-hoat-dong", "Thông tin hoạt động"), ("tin-noi-bat", "Tin nổi bật"),
        (f"{SECTION}/thong-cao-bao-chi", "Thông cáo báo chí"),
        ("cong-tac-dang-doan-the", "Công tác Đảng, đoàn thể"),
    )
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: path and file name, as the other sites of the family.
    uploaded = published.astimezone(VN_TZ) - timedelta(minutes=4 + (key + index) % 75)
    return f"{ORIGIN}/media/{uploaded:%Y/%m/%d}/{key % 100000}-{index}.jpg"


VPCP = SiteSpec(
    key="vpcp",
    domain=DOMAIN,
    publisher=VpcpSite.brand,
    ministry="Văn phòng Chính phủ",
    categories=VPCP_CATEGORIES,
    article_key_pattern=r"-(115\d{12,15})\.htm$",
    article_url=lambda slug, key: f"{ORIGIN}/{slug}-{key}.htm",
    image_url=_image_url,
    factory=VpcpSite,
    n_articles=100,
    seed=115,
    source_rate=0.1,
    corpus_end=datetime(2026, 1, 9, 14, 50, tzinfo=VN_TZ),
)
