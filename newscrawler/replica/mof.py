"""mof.gov.vn (Bộ Tài chính) replica: a Vue single-page app whose every HTML answer,
robots.txt included, is the app shell, and a JSON API that holds the articles.

Facts (see spiders/mof.py for the sources and dates):
- HTML pages are a shell, `<div id="app"></div>` and scripts, no text; robots.txt answers
  with that shell, HTTP 200, text/html (idx:54660080281, 2026-07-14; CMW
  `tests/fixtures/vn_ministries/mof-robots-app-shell.bin`);
- list `POST /api/article/reads?offset=<n>&limit=<n>`, body `{"rootCategoryId": <id>}`
  (or `{"categoryId": <id>}`, idx:54543500267, idx:66214387071), answers `{"data": [...]}`,
  items with title, slug, publicationTime, categorySlug, rootCategorySlug, description;
  `success` and `total` beside `data` (idx:66214387071);
- publicationTime ISO with `Z` (with or without milliseconds: "2026-08-25T04:08:45Z",
  idx:66214387071) or without a zone, then Vietnam time (idx:54660080281);
- detail `GET /api/article/getbyslug?slug=<slug>` answers `{"data": {"articleContent":
  "<JSON string {\\"Content\\": \\"<html>\\"}>", ...}}` (idx:54660080281), `success`
  beside it (idx:66214387071);
- reader URL `/{rootCategorySlug}/{categorySlug}/{slug}` (idx:54660080281,
  `_mof_config` in idx:17886542170); category ids are UUIDs, slugs such as
  tin-tuc-su-kien-8, thoi-su, tai-chinh-trong-nuoc, thong-cao-bao-chi-2 (idx:66214387071).
ASSUMPTION: which categories are roots: tin-tuc-su-kien-8 (sub-categories thoi-su,
  tai-chinh-trong-nuoc, tai-chinh-quoc-te, tin-tai-chinh-dia-phuong),
  tin-chinh-sach-tai-chinh (chi-dao-dieu-hanh-1, tai-chinh-phap-luat) and
  thong-cao-bao-chi-2 (thong-bao-9); the category display names are ours.
ASSUMPTION: the server caps `limit` at 50; paging past the end answers, per root
  category in turn, `{"data": []}`, `{"data": null}` or `{"data": [], "total": n}`
  without `success`; a last page is short.
ASSUMPTION: the detail, per article: every list field plus categoryName and
  articleContent as a JSON string 1/2, the same with articleContent already an object
  1/4, or only id, slug, title and articleContent (string) 1/4.
ASSUMPTION: slugs are the ASCII title slug, followed by the article number 2/3.
ASSUMPTION: publicationTime layouts: `Z` with milliseconds 1/3, `Z` 1/3, no zone 1/3.
ASSUMPTION: the first list page of the first root holds two malformed items (no slug;
  a null title) and one article whose articleContent is broken JSON: none is an
  article, none is in the truth.
ASSUMPTION: an unknown slug answers HTTP 200 `{"success": false, "data": null}`; a GET
  of the list path answers HTTP 405; images as `figure` + `figcaption` in the content,
  the byline as its bold last paragraph (portal.body_html); no tags.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

from newscrawler.records import VN_TZ
from newscrawler.replica.corpus import Category, ReplicaArticle, SiteCorpus, SiteSpec
from newscrawler.replica.markup import HTML, PLACEHOLDER_GIF
from newscrawler.replica.portal import body_html, pick

DOMAIN = "mof.gov.vn"
ORIGIN = f"https://{DOMAIN}"
NAME = "Cổng Thông tin điện tử Bộ Tài chính"
MAX_LIMIT = 50
Response = tuple[int, dict[str, str], bytes]
JSON_TYPE = "application/json; charset=utf-8"

# root UUID -> (root slug, its sub-categories)
ROOTS = {
    "f0d30405-0417-46a5-9dd0-fd1472428c57": ("tin-tuc-su-kien-8", (
        "thoi-su", "tai-chinh-trong-nuoc", "tai-chinh-quoc-te", "tin-tai-chinh-dia-phuong")),
    "38ccd03f-ccaf-4e4d-9319-b90df2207feb": ("tin-chinh-sach-tai-chinh", (
        "chi-dao-dieu-hanh-1", "tai-chinh-phap-luat")),
    "5760ab6b-0e52-47e8-937e-62525c66a877": ("thong-cao-bao-chi-2", ("thong-bao-9",)),
}
ROOT_OF = {cat: (uuid, root) for uuid, (root, cats) in ROOTS.items() for cat in cats}
PAST_END = ("empty", "null", "total")


def shell_html() -> str:
    """The app shell: what every HTML path (and robots.txt) answers."""
    return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name="
            "\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" "
            "href=\"/favicon.ico\"><title>Bộ Tài chính</title><link href=\"/css/app.3f1c2a.css"
            "\" rel=\"stylesheet\"></head><body><noscript><strong>Vui lòng bật JavaScript."
            "</strong></noscript><div id=\"app\"></div><script src=\"/js/chunk-vendors.3f1c2a"
            ".js\"></script><script src=\"/js/app.3f1c2a.js\"></script></body></html>")


def _json(value, status: int = 200) -> Response:
    return status, {"Content-Type": JSON_TYPE}, json.dumps(value, ensure_ascii=False).encode()


class MofSite:
    shows_modified = False

    def __init__(self, spec: SiteSpec, corpus: SiteCorpus) -> None:
        self.spec = spec
        self.domain = spec.domain
        articles = [replace(a, tags=[], slug=self.slug_of(a)) for a in corpus.articles]
        articles = [replace(a, url=self.reader_url(a)) for a in articles]
        newest = articles[0]
        broken = replace(newest, key=newest.key + 1, slug="bai-noi-dung-hong",
                         category=spec.categories[0].slug,
                         category_name=spec.categories[0].name,
                         published=newest.published + timedelta(minutes=1))
        self.broken = replace(broken, url=self.reader_url(broken))
        self.corpus = SiteCorpus(spec, articles)
        self.by_slug = {a.slug: a for a in [*articles, self.broken]}
        self.by_root: dict[str, list[ReplicaArticle | int]] = {uuid: [] for uuid in ROOTS}
        for article in articles:
            self.by_root[ROOT_OF[article.category][0]].append(article)
        first = self.by_root[next(iter(ROOTS))]
        # The broken article and the malformed items (indexes) take places in the list.
        first[1:1] = [self.broken, 0, 1]

    # --- data ------------------------------------------------------------------------

    def slug_of(self, article: ReplicaArticle) -> str:
        numbered = pick(f"mof-slug-{article.key}", (("yes", 2 / 3), ("no", 1 / 3)))
        return f"{article.slug}-{article.key}" if numbered == "yes" else article.slug

    def reader_url(self, article: ReplicaArticle) -> str:
        root = ROOT_OF[article.category][1]
        return f"{ORIGIN}/{root}/{article.category}/{article.slug}"

    def published_raw(self, article: ReplicaArticle) -> str:
        layout = pick(f"mof-time-{article.key}", (("ms", 1 / 3), ("z", 1 / 3), ("vn", 1 / 3)))
        if layout == "vn":
            return f"{article.published.astimezone(VN_TZ):%Y-%m-%dT%H:%M:%S}"
        utc = article.published.astimezone(UTC)
        millis = f".{article.key % 1000:03d}" if layout == "ms" else ""
        return f"{utc:%Y-%m-%dT%H:%M:%S}{millis}Z"

    def list_item(self, article: ReplicaArticle) -> dict:
        return {"id": _uuid(article.key), "title": article.title, "slug": article.slug,
                "publicationTime": self.published_raw(article),
                "categorySlug": article.category,
                "rootCategorySlug": ROOT_OF[article.category][1],
                "description": article.lead}

    def content(self, article: ReplicaArticle) -> str:
        html = body_html(article)
        if article is self.broken:  # cut off mid-string: not JSON
            return json.dumps({"Content": html}, ensure_ascii=False)[:120]
        return json.dumps({"Content": html}, ensure_ascii=False)

    def detail(self, article: ReplicaArticle) -> dict:
        shape = pick(f"mof-detail-{article.key}",
                     (("full", 0.5), ("object", 0.25), ("bare", 0.25)))
        if article is self.broken:
            shape = "full"
        content = self.content(article)
        if shape == "bare":
            return {"id": _uuid(article.key), "slug": article.slug, "title": article.title,
                    "articleContent": content}
        return {**self.list_item(article), "categoryName": article.category_name,
                "articleContent": json.loads(content) if shape == "object" else content}

    def article_fetch_paths(self) -> list[str]:
        """Where a crawler fetches each article: the fault injector's article pages."""
        return [f"/api/article/getbyslug?slug={a.slug}" for a in self.corpus.articles]

    # --- routing ---------------------------------------------------------------------

    def handle(self, path: str, now: datetime) -> Response:
        parts = urlsplit(path)
        if parts.path == "/api/article/getbyslug":
            slug = dict(parse_qsl(parts.query)).get("slug", "")
            article = self.by_slug.get(slug)
            if article is None:
                return _json({"success": False, "data": None, "message": "Not found"})
            return _json({"success": True, "data": self.detail(article)})
        if parts.path == "/api/article/reads":
            return _json({"success": False, "message": "Method not allowed"}, 405)
        if parts.path.startswith("/uploads/"):
            return 200, {"Content-Type": "image/gif"}, PLACEHOLDER_GIF
        if parts.path.startswith("/api/"):
            return _json({"success": False, "data": None}, 404)
        return 200, {"Content-Type": HTML}, shell_html().encode()

    def handle_post(self, path: str, body: bytes, now: datetime) -> Response:
        parts = urlsplit(path)
        if parts.path != "/api/article/reads":
            return self.handle(path, now)
        query = dict(parse_qsl(parts.query))
        try:
            wanted = json.loads(body or b"{}")
            root = wanted.get("rootCategoryId") or wanted.get("categoryId")
            offset, limit = int(query.get("offset", 0)), int(query.get("limit", 10))
        except (ValueError, AttributeError):
            return _json({"success": False, "message": "Bad request"}, 400)
        articles = self.by_root.get(root)
        if articles is None or offset < 0 or limit < 1:
            return _json({"success": False, "data": None, "message": "Bad request"}, 400)
        shown = articles[offset:offset + min(limit, MAX_LIMIT)]
        if not shown:
            return _json(self.past_end(root, len(articles)))
        items = [self.malformed_item(a) if isinstance(a, int) else self.list_item(a)
                 for a in shown]
        return _json({"success": True, "total": len(articles), "data": items})

    def past_end(self, root: str, total: int) -> dict:
        kind = PAST_END[list(ROOTS).index(root) % len(PAST_END)]
        if kind == "empty":
            return {"success": True, "data": []}
        if kind == "null":
            return {"success": True, "data": None}
        return {"data": [], "total": total}

    def malformed_item(self, number: int) -> dict:
        template = self.list_item(self.corpus.articles[-1])
        if number == 0:
            return {**template, "slug": None, "title": "Bài không có đường dẫn"}
        return {**template, "title": None, "slug": "bai-khong-co-tieu-de"}


def _uuid(key: int) -> str:
    digest = hashlib.sha1(f"mof-{key}".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


CATEGORIES = (
    Category("thoi-su", "Thời sự"),
    Category("tai-chinh-trong-nuoc", "Tài chính trong nước"),
    Category("tai-chinh-quoc-te", "Tài chính quốc tế"),
    Category("tin-tai-chinh-dia-phuong", "Tin tài chính địa phương"),
    Category("chi-dao-dieu-hanh-1", "Chỉ đạo điều hành"),
    Category("tai-chinh-phap-luat", "Tài chính - Pháp luật"),
    Category("thong-bao-9", "Thông báo"),
)


def _image_url(published: datetime, key: int, index: int) -> str:
    # ASSUMPTION: the upload path.
    return f"{ORIGIN}/uploads/{published:%Y/%m}/mof-{key}-{index + 1}.jpg"


MOF = SiteSpec(
    key="mof",
    domain=DOMAIN,
    publisher=NAME,
    ministry="Bộ Tài chính",
    categories=CATEGORIES,
    article_key_pattern=r"^https://mof\.gov\.vn/[^/]+/[^/]+/([^/?#]+)$",
    article_url=lambda slug, key: f"{ORIGIN}/tin-tuc-su-kien-8/thoi-su/{slug}",
    image_url=_image_url,
    factory=MofSite,
    n_articles=100,
    seed=20260714,
    first_key=84000,
    corpus_end=datetime(2026, 9, 30, 17, 10, tzinfo=VN_TZ),
)
