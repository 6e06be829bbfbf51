"""The extraction chain on small hand-written pages: layer order, captions, bylines, dates."""

from __future__ import annotations

from datetime import datetime

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract import Extraction, extract_article
from newscrawler.records import VN_TZ

URL = "https://congthuong.vn/bo-cong-thuong-gop-phan-386171.html"
# The seed page was scraped at this moment; its clock bar shows it (research/vn_sites.md §1).
FETCHED_AT = datetime(2018, 9, 21, 11, 32, tzinfo=VN_TZ)
TITLE = "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ"
CLOCK_BAR = "Đường dây nóng: 0866.59.4498 - Thứ sáu 21/09/2018 11:32"
PARAGRAPHS = [
    "Ngày 21/12, tại Đà Nẵng, Bộ Thông tin & Truyền thông phối hợp với UBND TP Đà Nẵng tổ "
    "chức Hội nghị sơ kết giai đoạn 2013 – 2017 và triển khai Chương trình hành động.",
    "Sau gần 5 năm triển khai thực hiện Chương trình hành động, các bộ, ngành, địa phương đã "
    "đạt được những kết quả đáng ghi nhận, bước đầu thực hiện được mục tiêu đề ra.",
    "Các bộ, ngành địa phương đã chú trọng hơn đến công tác tập huấn, bồi dưỡng nghiệp vụ cũng "
    "như chia sẻ kinh nghiệm trong công tác thông tin đối ngoại.",
]
CAPTION = "Toàn cảnh Hội nghị"
AUTHOR = "Vũ Lê"


def mastercms_page(head: str = "", date_line: str = "11:38 | 21/12/2017", extra: str = "") -> str:
    """A MasterCMS-like article: clock bar, title, date, image table with caption, byline."""
    p = [f"<p>{text.replace('&', '&amp;')}</p>" for text in PARAGRAPHS]
    return f"""<html><head><title>{TITLE} - Báo Công Thương</title>{head}</head><body>
      <div class="top-header"><div class="clock">{CLOCK_BAR}</div></div>
      <div class="main"><article class="article">
        <h1 class="article-title">{TITLE}</h1>
        <span class="bx-time lt">{date_line}</span>
        <div class="__MASTERCMS_CONTENT_BODY">
          {p[0]}
          <table class="MASTERCMS_TPL_TABLE"><tbody>
            <tr><td><img src="/stores/news_dataimages/vule/122017/21/11/hoi-nghi.jpg"></td></tr>
            <tr><td>{CAPTION}</td></tr></tbody></table>
          {p[1]}{p[2]}{extra}
          <p align="right"><strong>{AUTHOR}</strong></p>
        </div></article></div>
      <div class="footer">Bản quyền thuộc về Báo Công Thương</div></body></html>"""


def extract(html: str, selectors=None, url: str = URL) -> Extraction:
    response = HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")
    return extract_article(response, selectors, fetched_at=FETCHED_AT)


SELECTORS = {"title": "h1.article-title", "published": "span.bx-time",
             "body": "div.__MASTERCMS_CONTENT_BODY"}


@pytest.mark.parametrize("selectors", [SELECTORS, None], ids=["selector", "generic"])
def test_mastercms_caption_and_byline_leave_the_body(selectors):
    extraction = extract(mastercms_page(), selectors)
    fields = extraction.fields
    assert fields["body"].split("\n\n") == PARAGRAPHS
    assert CAPTION not in fields["body"] and AUTHOR not in fields["body"]
    assert fields["authors"] == [AUTHOR]
    assert fields["images"] == [{
        "url": "https://congthuong.vn/stores/news_dataimages/vule/122017/21/11/hoi-nghi.jpg",
        "caption": CAPTION,
    }]
    assert fields["title"] == TITLE
    assert fields["published_at"] == "2017-12-21T11:38:00+07:00"
    assert fields["published_raw"] == "11:38 | 21/12/2017"


def test_selector_hits_are_labelled_selector():
    extraction = extract(mastercms_page(), SELECTORS)
    for name in ("title", "body", "published_at", "published_raw", "authors", "images"):
        assert extraction.provenance[name] == "selector", name


def test_selector_miss_falls_back_to_metadata():
    head = """<meta property="og:title" content="Tiêu đề từ OpenGraph">
      <meta property="article:published_time" content="2017-12-21T11:38:00+0700">"""
    selectors = {"title": "h1.does-not-exist", "published": "xpath://span[@id='none']",
                 "body": "div.__MASTERCMS_CONTENT_BODY"}
    extraction = extract(mastercms_page(head=head), selectors)
    assert extraction.fields["title"] == "Tiêu đề từ OpenGraph"
    assert extraction.provenance["title"] == "metadata"
    assert extraction.fields["published_at"] == "2017-12-21T11:38:00+07:00"
    assert extraction.fields["published_raw"] == "2017-12-21T11:38:00+0700"
    assert extraction.provenance["published_at"] == "metadata"


def test_unparsable_selector_date_falls_through_to_metadata():
    head = '<meta property="article:published_time" content="2017-12-21T11:38:00+07:00">'
    extraction = extract(mastercms_page(head=head), {"published": "h1"})
    assert extraction.provenance["published_at"] == "metadata"


def test_no_selector_no_metadata_gives_fallback():
    extraction = extract(mastercms_page(), None)
    for name in ("title", "body", "published_at", "authors", "images", "canonical_url"):
        assert extraction.provenance[name] == "fallback", name
    assert extraction.fields["canonical_url"] == URL
    assert "lead" in extraction.missing and "modified_at" in extraction.missing
    assert extraction.fields["tags"] == [] and extraction.fields["attachments"] == []


def test_xpath_selectors_are_supported():
    selectors = {"title": "xpath://article[@class='article']//h1",
                 "body": "xpath://div[contains(@class, '__MASTERCMS_CONTENT_BODY')]"}
    extraction = extract(mastercms_page(), selectors)
    assert extraction.provenance["title"] == "selector"
    assert extraction.fields["body"].split("\n\n") == PARAGRAPHS


def test_bad_selector_is_logged_and_skipped(caplog):
    extraction = extract(mastercms_page(), {"title": "h1[[", "body": "xpath://div[("})
    assert extraction.fields["title"] == TITLE
    assert extraction.provenance["body"] == "fallback"
    assert "Bad title selector" in caplog.text


@pytest.mark.parametrize("selectors", [None, {"body": "div.__MASTERCMS_CONTENT_BODY"}])
def test_clock_bar_is_never_the_publication_date(selectors):
    extraction = extract(mastercms_page(date_line=""), selectors)
    assert extraction.fields["published_at"] is None
    assert "published_at" in extraction.missing
    assert CLOCK_BAR not in (extraction.fields["body"] or "")


def test_clock_bar_in_a_header_element_before_the_title_is_skipped():
    html = f"""<html><body><header><p>{CLOCK_BAR}</p></header>
      <h1>{TITLE}</h1><div><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div></body></html>"""
    assert extract(html).fields["published_at"] is None


def test_generic_date_is_the_one_near_the_title_not_the_clock():
    extraction = extract(mastercms_page(date_line="Thứ năm, 21/12/2017 - 11:38"), None)
    assert extraction.fields["published_at"] == "2017-12-21T11:38:00+07:00"
    assert extraction.fields["published_raw"] == "Thứ năm, 21/12/2017 - 11:38"


def test_authors_selector_gives_authors_and_leaves_the_body():
    selectors = {**SELECTORS, "authors": "div.__MASTERCMS_CONTENT_BODY p[align=right]"}
    extraction = extract(mastercms_page(), selectors)
    assert extraction.fields["authors"] == [AUTHOR]
    assert extraction.provenance["authors"] == "selector"
    assert AUTHOR not in extraction.fields["body"]


def test_trailing_source_line_becomes_source():
    html = mastercms_page().replace(f"<strong>{AUTHOR}</strong>",
                                    f"<strong>{AUTHOR}</strong></p><p>Theo TTXVN")
    extraction = extract(html, SELECTORS)
    assert extraction.fields["source"] == "Theo TTXVN"  # as shown (people.parse_attribution)
    assert extraction.fields["authors"] == [AUTHOR]
    assert "TTXVN" not in extraction.fields["body"]


def test_related_news_box_script_and_attachment():
    extra = """<div class="box-related"><a href="/khac-1.html">Tin khác cùng chủ đề</a></div>
      <script>var clock = "11:32";</script>
      <p>Toàn văn: <a href="/stores/files/ke-hoach.PDF?v=2">Kế hoạch 2018</a> đính kèm.</p>"""
    fields = extract(mastercms_page(extra=extra), SELECTORS).fields
    assert "Tin khác" not in fields["body"] and "clock" not in fields["body"]
    assert "Toàn văn: Kế hoạch 2018 đính kèm." in fields["body"].split("\n\n")
    assert fields["attachments"] == [
        {"url": "https://congthuong.vn/stores/files/ke-hoach.PDF?v=2", "title": "Kế hoạch 2018"}]


def test_figure_caption_and_lazy_image_url():
    extra = """<figure><img src="data:image/gif;base64,R0lGOD" data-src="//cdn.example.vn/a.jpg">
      <figcaption>Quang cảnh buổi làm việc</figcaption></figure>"""
    fields = extract(mastercms_page(extra=extra), SELECTORS).fields
    assert {"url": "https://cdn.example.vn/a.jpg", "caption": "Quang cảnh buổi làm việc"} \
        in fields["images"]
    assert "Quang cảnh" not in fields["body"]


def test_lead_repeated_as_first_paragraph_is_not_repeated_in_body():
    html = mastercms_page().replace('<span class="bx-time lt">',
                                    f'<p class="sapo">{PARAGRAPHS[0]}</p><span class="bx-time lt">')
    extraction = extract(html, {**SELECTORS, "lead": "p.sapo"})
    assert extraction.fields["lead"] == PARAGRAPHS[0]
    assert extraction.fields["body"].split("\n\n") == PARAGRAPHS[1:]


def test_meta_only_description_is_not_a_lead():
    head = ('<meta property="og:description" content="Một bản tóm tắt chỉ dành cho máy tìm '
            'kiếm và mạng xã hội, không hiện trên trang">')
    extraction = extract(mastercms_page(head=head), SELECTORS)
    assert extraction.fields["lead"] is None


def test_visible_description_is_the_lead():
    sapo = "Hội nghị sơ kết công tác thông tin đối ngoại giai đoạn 2013 – 2017 tại Đà Nẵng."
    html = mastercms_page(head=f'<meta name="description" content="{sapo}">')
    html = html.replace('<span class="bx-time lt">',
                        f'<h2 class="sapo">{sapo}</h2><span class="bx-time lt">')
    extraction = extract(html, SELECTORS)
    assert extraction.fields["lead"].startswith("Hội nghị sơ kết")
    assert extraction.provenance["lead"] == "metadata"


def test_title_fallback_strips_the_site_name():
    html = f"""<html><head><title>{TITLE} - Báo Công Thương</title></head><body>
      <div><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div></body></html>"""
    assert extract(html).fields["title"] == TITLE


def test_byline_with_source_gives_both():
    html = mastercms_page().replace(f"<strong>{AUTHOR}</strong>",
                                    f'<span class="author">{AUTHOR} (Theo TTXVN)</span>')
    extraction = extract(html, {**SELECTORS, "authors": "span.author"})
    assert extraction.fields["authors"] == [AUTHOR]
    assert extraction.fields["source"] == "Theo TTXVN"
    assert "TTXVN" not in extraction.fields["body"]


def test_vccorp_photo_box_with_empty_caption_is_an_image_not_related_news():
    extra = """<figure class="VCSortableInPreviewMode" type="Photo"><img src="/media/0.jpg">
        <figcaption class="PhotoCMS_Caption"><p></p></figcaption></figure>
      <div class="VCSortableInPreviewMode alignCenter type-6" type="RelatedNewsBox">
        <a href="/khac.htm"><img src="/images/thumb.jpg"></a>
        <a href="/khac.htm">Tin khác</a></div>"""
    fields = extract(mastercms_page(extra=extra), SELECTORS).fields
    urls = [image["url"] for image in fields["images"]]
    assert "https://congthuong.vn/media/0.jpg" in urls
    assert "https://congthuong.vn/images/thumb.jpg" not in urls
    assert "Tin khác" not in fields["body"]


def test_tag_links_keep_their_commas_and_plain_tag_text_is_split():
    extra = """<div class="tags"><a href="/t/1">Bộ Văn hóa, Thể thao và Du lịch</a>
      <a href="/t/2">EU</a></div><div class="keywords">APEC, ASEAN</div>"""
    page = mastercms_page().replace("</article>", f"</article>{extra}")
    assert extract(page, {**SELECTORS, "tags": "div.tags a"}).fields["tags"] == [
        "Bộ Văn hóa, Thể thao và Du lịch", "EU"]
    assert extract(page, {**SELECTORS, "tags": "div.keywords"}).fields["tags"] == [
        "APEC", "ASEAN"]
