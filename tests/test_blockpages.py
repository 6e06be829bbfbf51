"""Block, challenge, captcha, denial and shell pages are recognised; a normal short
article (a one-paragraph notice) is not, and extracts (issue 16, item 2).

Markup typed here from the descriptions in the research notes (vn_sites_2026 §13-14),
independently of the replica's own block pages.
"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from newscrawler.blockpages import classify_response
from newscrawler.extract import extract_article
from newscrawler.records import now_vn

URL = "https://example.gov.vn/tin-tuc/thong-bao-123.html"


def page(html: str, url: str = URL) -> HtmlResponse:
    return HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")


MENU = "".join(f'<li><a href="/muc-{n}">Chuyên mục số {n} của cổng thông tin</a></li>'
               for n in range(40))

BLOCKED = {
    "firewall": "<html><head><title>Request Rejected</title></head><body>The requested "
                "URL was rejected. Please consult with your administrator.<br>Your "
                "support ID is: 4471029384756102938</body></html>",
    "challenge": "<html><head><script>document.cookie='bw=9f8e7d6c5b4a; path=/';"
                 "location.reload();</script></head><body></body></html>",
    "captcha": "<html><body><form><p>Xin xác nhận bạn không phải là robot</p><div "
               "class='h-captcha' data-sitekey='abc'></div></form></body></html>",
    "access-denied": "<html><body><h3>Thông báo từ chối truy cập</h3><p>Hệ thống đang "
                     "gặp vấn đề khi xử lý yêu cầu của bạn.</p></body></html>",
    "app-shell": "<!doctype html><html><head><script type='module' src='/assets/index."
                 "js'></script></head><body><div id='root'></div></body></html>",
}


@pytest.mark.parametrize("kind", sorted(BLOCKED))
def test_each_block_kind_is_named(kind):
    blocked = classify_response(page(BLOCKED[kind]))
    assert blocked is not None and blocked.kind == kind
    assert blocked.reason == f"blocked: {kind}"


NOTICE = ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Thông báo "
          "nghỉ lễ</title></head><body><ul class='menu'>" + MENU + "</ul><article>"
          "<h1 class='title'>Thông báo lịch nghỉ Tết Nguyên đán</h1><span class='date'>"
          "05/12/2026 08:00</span><div class='content'><p>Cơ quan thông báo lịch nghỉ Tết"
          " Nguyên đán từ ngày 14/2 đến hết ngày 22/2; bộ phận một cửa vẫn tiếp nhận hồ "
          "sơ trực tuyến trong thời gian nghỉ.</p></div></article><script>document.cookie"
          "='visited=1; path=/';</script></body></html>")


def test_a_one_paragraph_notice_is_an_article_and_extracts():
    response = page(NOTICE)
    assert classify_response(response) is None
    extraction = extract_article(response, {"title": "h1.title", "body": "div.content",
                                             "published": "span.date"},
                                 fetched_at=now_vn())
    assert extraction.fields["title"] == "Thông báo lịch nghỉ Tết Nguyên đán"
    assert extraction.fields["body"].startswith("Cơ quan thông báo lịch nghỉ Tết")
    assert extraction.fields["published_at"] == "2026-12-05T08:00:00+07:00"


def test_a_bare_one_paragraph_page_without_scripts_is_not_blocked():
    html = ("<html><body><h1>Thông báo</h1><p>Từ ngày 01/01/2027, cổng thông tin chuyển "
            "sang địa chỉ mới.</p></body></html>")
    assert classify_response(page(html)) is None


def test_a_full_page_with_a_non_gating_cookie_script_is_not_a_challenge():
    # chinhphu.vn's home page sets document.cookie without gating (vn_sites_2026 §14).
    html = NOTICE.replace("<script>document.cookie='visited=1; path=/';",
                          "<script>document.cookie='v=1';location.href='#top';")
    assert classify_response(page(html)) is None


def test_an_article_quoting_a_block_phrase_is_not_blocked():
    quote = ("<p>Nhiều người dùng phản ánh nhận thông báo 'Access Denied' khi truy cập "
             "dịch vụ công; cơ quan quản lý cho biết đã khắc phục sự cố.</p>")
    assert classify_response(page(NOTICE.replace("</div></article>",
                                                 quote + "</div></article>"))) is None


def test_site_markers_name_a_site_own_block_page():
    html = NOTICE.replace("Thông báo lịch nghỉ Tết Nguyên đán</h1>",
                          "Phiên làm việc hết hạn [WAF-17]</h1>")
    assert classify_response(page(html)) is None
    blocked = classify_response(page(html), {"firewall": ("[WAF-17]",)})
    assert blocked is not None and blocked.kind == "firewall"
