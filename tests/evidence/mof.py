"""mof.gov.vn evidence (vn_sites_2026 §14 row mof.gov.vn): the reader URL shape, the list
and detail answers of its JSON API, as JSON typed here from the facts (idx:54660080281,
"Fix 2026-07-14", MOF_ISA; idx:66214387071 for `success`, `total` and a `Z` time;
`_mof_config` in idx:17886542170, 2026). A detail case's `html` is the API's JSON answer:
the spider turns it into the page the extraction chain reads."""

from __future__ import annotations

import json

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "mof"
ORIGIN = "https://mof.gov.vn"
LIST = f"{ORIGIN}/api/article/reads?offset=0&limit=20"


def item(slug, title="Hội nghị triển khai nhiệm vụ tài chính", root="tin-tuc-su-kien-8",
         category="thoi-su", when="2026-08-25T04:08:45Z") -> dict:
    return {"title": title, "slug": slug, "publicationTime": when, "categorySlug": category,
            "rootCategorySlug": root, "description": "Tóm tắt ngắn."}


def detail(content, **fields) -> str:
    return json.dumps({"success": True, "data": {**fields, "articleContent": content}},
                      ensure_ascii=False)


LEAD = "Bộ Tài chính tổ chức hội nghị tổng kết công tác quản lý ngân sách sáu tháng đầu năm."
BODY_HTML = ("<p>Đoạn thứ nhất về thu ngân sách.</p><p>Đoạn thứ hai về chi thường xuyên."
             "</p><p><strong>Minh Anh</strong></p>")
NESTED = json.dumps({"Content": BODY_HTML}, ensure_ascii=False)
FULL = {**item("hoi-nghi-tong-ket-ngan-sach", "Hội nghị tổng kết ngân sách"),
        "description": LEAD, "categoryName": "Thời sự"}
EXPECTED = {"title": "Hội nghị tổng kết ngân sách", "lead": LEAD,
            "body": "Đoạn thứ nhất về thu ngân sách.\n\nĐoạn thứ hai về chi thường xuyên.",
            "authors": ["Minh Anh"], "category": "Thời sự"}
API_LAYERS = {"title": "metadata", "lead": "metadata", "published_at": "metadata",
              "category": "metadata", "body": "selector"}

CASES = [
    UrlCase(SITE, "§14 reader URL /{rootSlug}/{catSlug}/{slug} (idx:54660080281, 2026-07-14)",
            f"{ORIGIN}/tin-tuc-su-kien-8/thoi-su/hoi-nghi-tong-ket-ngan-sach", True),
    UrlCase(SITE, "_mof_config base www.mof.gov.vn: the same reader URL",
            "https://www.mof.gov.vn/thong-cao-bao-chi-2/thong-bao-9/thong-bao-ket-qua",
            True, f"{ORIGIN}/thong-cao-bao-chi-2/thong-bao-9/thong-bao-ket-qua"),
    UrlCase(SITE, "§14 detail GET /api/article/getbyslug?slug= (what a WARC holds)",
            f"{ORIGIN}/api/article/getbyslug?slug=hoi-nghi-tong-ket-ngan-sach", True),
    UrlCase(SITE, "a root category page (SPA route) is no article",
            f"{ORIGIN}/tin-tuc-su-kien-8", False),
    UrlCase(SITE, "a category page /{rootSlug}/{catSlug} is no article",
            f"{ORIGIN}/tin-tuc-su-kien-8/thoi-su", False),
    UrlCase(SITE, "§14 list POST /api/article/reads is no article", LIST, False),
    UrlCase(SITE, "§14 the API's paths are no reader URLs, even without a query",
            f"{ORIGIN}/api/article/reads", False),
    UrlCase(SITE, "vn_sites.md §2.7: the old WebCenter portal is not this site's shape",
            f"{ORIGIN}/webcenter/portal/btcvn/pages_r/l/chi-tiet-tin?dDocName=MOFUCM123",
            False),
    ListingCase(
        SITE, "§14 list data[] -> reader URLs; items without title or slug skipped "
        "(idx:54660080281, 2026-07-14)", LIST,
        json.dumps({"success": True, "total": 40, "data": [
            item("bai-mot"), {**item("bai-hai"), "slug": None}, {**item("x"), "title": None},
            item("bai-ba", root="thong-cao-bao-chi-2", category="thong-bao-9")]},
            ensure_ascii=False),
        (f"{ORIGIN}/tin-tuc-su-kien-8/thoi-su/bai-mot",
         f"{ORIGIN}/thong-cao-bao-chi-2/thong-bao-9/bai-ba")),
    ListingCase(SITE, "past the end: data null", LIST, '{"success": true, "data": null}', ()),
    ListingCase(SITE, "past the end: data []", LIST, '{"data": [], "total": 3}', ()),
    ListingCase(SITE, "§14 an app shell instead of JSON lists nothing", LIST,
                '<!DOCTYPE html><html><body><div id="app"></div><script src="/js/app.js">'
                "</script></body></html>", ()),
    FieldCase(
        SITE, "§14 articleContent is a JSON string {\"Content\": html}; publicationTime "
        "with Z is UTC (idx:54660080281; idx:66214387071)",
        f"{ORIGIN}/api/article/getbyslug?slug=hoi-nghi-tong-ket-ngan-sach",
        detail(NESTED, **FULL),
        {**EXPECTED, "published_at": "2026-08-25T11:08:45+07:00",
         "published_raw": "2026-08-25T04:08:45Z"}, API_LAYERS),
    FieldCase(
        SITE, "§14 publicationTime with milliseconds and Z (idx:54660080281, 2026-07-14)",
        f"{ORIGIN}/api/article/getbyslug?slug=hoi-nghi-tong-ket-ngan-sach",
        detail(NESTED, **{**FULL, "publicationTime": "2026-01-31T17:30:00.250Z"}),
        {**EXPECTED, "published_at": "2026-02-01T00:30:00+07:00"}, API_LAYERS),
    FieldCase(
        SITE, "§14 publicationTime without a zone is Vietnam time (idx:54660080281)",
        f"{ORIGIN}/api/article/getbyslug?slug=hoi-nghi-tong-ket-ngan-sach",
        detail(NESTED, **{**FULL, "publicationTime": "2025-04-10T08:31:01"}),
        {**EXPECTED, "published_at": "2025-04-10T08:31:01+07:00"}, API_LAYERS),
    FieldCase(
        SITE, "ASSUMPTION variant: articleContent already an object",
        f"{ORIGIN}/api/article/getbyslug?slug=hoi-nghi-tong-ket-ngan-sach",
        detail({"Content": BODY_HTML}, **FULL),
        {**EXPECTED, "published_at": "2026-08-25T11:08:45+07:00"}, API_LAYERS),
]
