"""Structured metadata on small hand-written pages: JSON-LD, OpenGraph, Dublin Core, microdata."""

from __future__ import annotations

from parsel import Selector

from newscrawler.extract.metadata import read_metadata, registered_domain, same_site

URL = "https://congthuong.vn/bai-viet-386171.html"


def page(head: str = "", body: str = "") -> Selector:
    return Selector(text=f"<html><head>{head}</head><body>{body}</body></html>")


def ld(json_text: str) -> str:
    return f'<script type="application/ld+json">{json_text}</script>'


def test_json_ld_graph_with_nested_article():
    meta = read_metadata(page(ld("""{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Báo Công Thương"},
        {"@type": "WebPage", "name": "Trang", "description": "page description"},
        {"@type": "NewsArticle", "headline": "Tiêu đề bài",
         "datePublished": "2017-12-21T11:38:00+07:00",
         "author": [{"@type": "Person", "name": "Vũ Lê"}, "Minh Anh",
                    {"@type": "Organization", "name": "Báo Công Thương"}],
         "keywords": "năng lượng, xuất khẩu", "articleSection": ["Thời sự", "Kinh tế"],
         "image": {"@type": "ImageObject", "url": "https://congthuong.vn/a.jpg"}}]}""")), URL)
    assert meta.get("title") == "Tiêu đề bài"
    assert meta.sources["title"] == "json-ld"
    assert meta.get("published") == "2017-12-21T11:38:00+07:00"
    assert meta.get("authors") == ["Vũ Lê", "Minh Anh"]  # an Organization is not a byline
    assert meta.get("tags") == ["năng lượng", "xuất khẩu"]
    assert meta.get("section") == "Thời sự"
    assert meta.get("images") == ["https://congthuong.vn/a.jpg"]
    # The article outranks the WebPage, whose description is only a fallback.
    assert meta.get("description") == "page description"


def test_json_ld_top_level_list_and_invalid_block_are_tolerated():
    blocks = ld("{not json at all") + ld(
        '[{"@type": "BreadcrumbList"}, {"@type": ["Article"], "headline": "Bài trong danh sách",'
        ' "keywords": ["a", "b"], "dateModified": "2024-01-02T03:04:05Z"}]'
    )
    meta = read_metadata(page(blocks), URL)
    assert meta.invalid_json_ld == 1
    assert meta.get("title") == "Bài trong danh sách"
    assert meta.get("tags") == ["a", "b"]
    assert meta.get("modified") == "2024-01-02T03:04:05Z"


def test_web_page_is_used_only_without_an_article():
    meta = read_metadata(page(ld('{"@type": "WebPage", "name": "Chỉ là trang",'
                                 ' "datePublished": "2020-01-01"}')), URL)
    assert meta.get("title") == "Chỉ là trang"
    assert meta.get("published") == "2020-01-01"


def test_open_graph_and_article_properties():
    head = """
      <meta property="og:title" content="OG tiêu đề">
      <meta property="og:description" content="OG mô tả">
      <meta property="og:image" content="https://congthuong.vn/og.jpg">
      <meta property="article:published_time" content="2017-12-21T11:38:00+0700">
      <meta property="article:modified_time" content="2017-12-22T08:00:00+0700">
      <meta property="article:section" content="Thời sự">
      <meta property="article:tag" content="APEC"><meta property="article:tag" content="ASEAN">
      <meta property="article:author" content="https://facebook.com/someone">
      <meta name="description" content="plain description">"""
    meta = read_metadata(page(head), URL)
    assert meta.get("title") == "OG tiêu đề"
    assert meta.get("description") == "OG mô tả"  # outranks <meta name=description>
    assert meta.sources["description"] == "opengraph"
    assert meta.get("published") == "2017-12-21T11:38:00+0700"
    assert meta.get("modified") == "2017-12-22T08:00:00+0700"
    assert meta.get("section") == "Thời sự"
    assert meta.get("tags") == ["APEC", "ASEAN"]
    assert meta.get("authors") is None  # a profile URL is not a name
    assert meta.get("images") == ["https://congthuong.vn/og.jpg"]


def test_dublin_core_names_are_case_insensitive():
    head = """
      <meta name="dc.title" content="DC tiêu đề">
      <meta name="DC.Description" content="DC mô tả">
      <meta name="DC.Date.Issued" content="21/12/2017">
      <meta name="DC.creator" content="Vũ Lê">
      <meta name="DC.subject" content="thông tin đối ngoại, hội nhập">
      <meta name="DC.identifier" content="https://congthuong.vn/bai-viet-386171.html">"""
    meta = read_metadata(page(head), URL)
    assert meta.get("title") == "DC tiêu đề"
    assert meta.get("description") == "DC mô tả"
    assert meta.get("published") == "21/12/2017"
    assert meta.get("authors") == ["Vũ Lê"]
    assert meta.get("tags") == ["thông tin đối ngoại", "hội nhập"]
    assert meta.sources["published"] == "dublin-core"


def test_dublin_core_plain_date_is_the_last_date_choice():
    meta = read_metadata(page('<meta name="DC.date" content="2017-12-21">'), URL)
    assert meta.get("published") == "2017-12-21"


def test_itemprop_microdata_skips_properties_of_nested_images():
    body = """
      <div itemscope itemtype="http://schema.org/NewsArticle">
        <h1 itemprop="headline">Vi dữ liệu</h1>
        <time itemprop="datePublished" datetime="2017-12-21T11:38:00+07:00">21/12/2017</time>
        <figure itemprop="image" itemscope itemtype="http://schema.org/ImageObject">
          <figcaption itemprop="description">Chú thích ảnh</figcaption></figure>
        <p itemprop="description">Mô tả bài viết</p>
        <span itemprop="author" itemscope itemtype="http://schema.org/Person">
          <span itemprop="name">Vũ Lê</span></span>
        <div itemprop="articleBody"><p>Đoạn một.</p></div>
      </div>"""
    meta = read_metadata(page(body=body), URL)
    assert meta.get("title") == "Vi dữ liệu"
    assert meta.get("published") == "2017-12-21T11:38:00+07:00"
    assert meta.get("description") == "Mô tả bài viết"
    assert meta.get("authors") == ["Vũ Lê"]
    assert meta.get("body") == "Đoạn một."
    assert meta.sources["title"] == "microdata"


def test_json_ld_outranks_open_graph_and_dublin_core():
    head = ld('{"@type": "NewsArticle", "headline": "JSON-LD"}') + (
        '<meta property="og:title" content="OG"><meta name="DC.title" content="DC">')
    meta = read_metadata(page(head), URL)
    assert meta.get("title") == "JSON-LD"


def test_canonical_on_the_same_site_is_kept_even_with_www():
    head = '<link rel="canonical" href="https://www.congthuong.vn/bai-viet-386171.html">'
    meta = read_metadata(page(head), URL)
    assert meta.get("canonical_url") == "https://www.congthuong.vn/bai-viet-386171.html"


def test_relative_canonical_is_made_absolute():
    meta = read_metadata(page('<link rel="canonical" href="/bai-viet-386171.html">'), URL)
    assert meta.get("canonical_url") == "https://congthuong.vn/bai-viet-386171.html"


def test_off_site_canonical_is_ignored_and_next_candidate_used():
    head = ('<link rel="canonical" href="https://baochinhphu.vn/goc-102.htm">'
            '<meta property="og:url" content="https://congthuong.vn/ban-sao-386171.html">')
    meta = read_metadata(page(head), URL)
    assert meta.get("canonical_url") == "https://congthuong.vn/ban-sao-386171.html"
    assert meta.sources["canonical_url"] == "opengraph"


def test_off_site_canonical_alone_gives_none():
    head = '<link rel="canonical" href="https://mof.gov.vn/tin/1">'
    meta = read_metadata(page(head), "https://moit.gov.vn/tin-tuc/bai.html")
    assert meta.get("canonical_url") is None


def test_registered_domain_respects_public_suffixes():
    assert registered_domain("https://www.moit.gov.vn/x") == "moit.gov.vn"
    assert not same_site("https://moit.gov.vn/a", "https://mof.gov.vn/a")  # gov.vn is a suffix
    assert same_site("https://m.vnexpress.net/a", "https://vnexpress.net/b")
