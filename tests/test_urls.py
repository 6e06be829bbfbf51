from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.urls import (
    UrlRules,
    canonicalize_url,
    safe_path_component,
    same_site,
    variant_to_article,
)

ARTICLE = "https://congthuong.vn/bo-cong-thuong-gop-phan-386171.html"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # tracking parameters
        (ARTICLE + "?utm_source=facebook&utm_medium=social&utm_campaign=x", ARTICLE),
        (ARTICLE + "?UTM_Source=zalo", ARTICLE),
        (ARTICLE + "?fbclid=IwAR0abc", ARTICLE),
        (ARTICLE + "?gclid=1&dclid=2&msclkid=3", ARTICLE),
        (ARTICLE + "?zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo", ARTICLE),
        (ARTICLE + "?gidzl=abc&zalo_share=1", ARTICLE),
        (ARTICLE + "?_ga=2.1234&mc_cid=a&mc_eid=b", ARTICLE),
        (ARTICLE + "?ref=home", ARTICLE),
        (ARTICLE + "?source=rss", ARTICLE),
        (ARTICLE + "?source=RSS", ARTICLE),
        ("https://moit.gov.vn/?page=search&source=portal",
         "https://moit.gov.vn/?page=search&source=portal"),
        ("https://chinhphu.vn/?pageid=27160&docid=153700&utm_source=x",
         "https://chinhphu.vn/?docid=153700&pageid=27160"),
        # scheme, www, ports
        ("http://congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://www.congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("http://www.congthuong.vn:80/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://congthuong.vn:443/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("http://congthuong.vn:8080/a.html", "http://congthuong.vn:8080/a.html"),
        ("https://congthuong.vn:8443/a.html", "https://congthuong.vn:8443/a.html"),
        ("https://www.vn/", "https://www.vn/"),
        # fragments, case, credentials, empty path
        (ARTICLE + "#comments", ARTICLE),
        (ARTICLE + "?#", ARTICLE),
        ("HTTPS://CongThuong.VN/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://user:secret@congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://congthuong.vn", "https://congthuong.vn/"),
        ("https://congthuong.vn./thoi-su", "https://congthuong.vn/thoi-su"),
        ("  https://congthuong.vn/thoi-su\n", "https://congthuong.vn/thoi-su"),
        # percent-encoding and Unicode
        ("https://moit.gov.vn/tin-tức/a.html", "https://moit.gov.vn/tin-t%E1%BB%A9c/a.html"),
        ("https://moit.gov.vn/tin-t%e1%bb%a9c/a.html",
         "https://moit.gov.vn/tin-t%E1%BB%A9c/a.html"),
        ("https://moit.gov.vn/%7Euser/a%2Db.html", "https://moit.gov.vn/~user/a-b.html"),
        ("https://moit.gov.vn/a b.html", "https://moit.gov.vn/a%20b.html"),
        ("https://bộcôngthương.vn/", "https://xn--bcngthng-53a84oyex696a.vn/"),
        ("https://moit.gov.vn/tin-tuc/./x/../a.html", "https://moit.gov.vn/tin-tuc/a.html"),
        # query order
        ("https://moit.gov.vn/?b=2&a=1", "https://moit.gov.vn/?a=1&b=2"),
    ],
)
def test_canonicalize_url(url, expected):
    assert canonicalize_url(url) == expected


def test_canonicalize_nfd_path_equals_nfc():
    nfc = "https://moit.gov.vn/tin-tức.html"
    nfd = "https://moit.gov.vn/tin-tu\u031b\u0301c.html"
    assert canonicalize_url(nfd) == canonicalize_url(nfc)


def test_per_site_options_keep_www_and_http():
    url = "http://www.mic.gov.vn/Pages/TinTuc/1/a.html"
    assert canonicalize_url(url, fold_www=False, force_https=False) == url
    assert canonicalize_url(url, drop_params=()) == "https://mic.gov.vn/Pages/TinTuc/1/a.html"
    assert canonicalize_url(url + "?ref=x", drop_params=()).endswith("?ref=x")


@pytest.mark.parametrize(
    "url",
    ["", "congthuong.vn/a.html", "/tin-tuc/a.html", "mailto:a@b.vn", "javascript:void(0)",
     "ftp://moit.gov.vn/a", "https://", "http:///a", "https://moit.gov.vn:99999/",
     "https://moit.gov.vn:abc/", None, 42],
)
def test_invalid_urls_raise_value_error(url):
    with pytest.raises(ValueError):
        canonicalize_url(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://m.congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://mobile.congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://amp.congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://congthuong.vn/amp/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://congthuong.vn/bo-cong-thuong-gop-phan-386171.html/amp", ARTICLE),
        ("https://congthuong.vn/bo-cong-thuong-gop-phan-386171.amp.html", ARTICLE),
        (ARTICLE + "?amp", ARTICLE),
        (ARTICLE + "?amp=1&utm_source=x", ARTICLE),
        (ARTICLE + "?print=1", ARTICLE),
        (ARTICLE + "?view=print", ARTICLE),
        (ARTICLE + "?outputType=amp", ARTICLE),
        ("https://congthuong.vn/print/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("https://congthuong.vn/in-bai/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        ("http://www.m.congthuong.vn/amp/bo-cong-thuong-gop-phan-386171.html#x", ARTICLE),
        ("https://m.amp.congthuong.vn/bo-cong-thuong-gop-phan-386171.html", ARTICLE),
        (ARTICLE, ARTICLE),
        # not variants: a word containing "amp" or "print", a real query
        ("https://moit.gov.vn/tin-tuc/campuchia.html", "https://moit.gov.vn/tin-tuc/campuchia.html"),
        ("https://moit.gov.vn/blueprint/a.html", "https://moit.gov.vn/blueprint/a.html"),
        ("https://moit.gov.vn/?page=search&keyword=amp",
         "https://moit.gov.vn/?keyword=amp&page=search"),
        ("https://m.vn/a", "https://m.vn/a"),
    ],
)
def test_variant_to_article(url, expected):
    assert variant_to_article(url) == expected


# moit.gov.vn files articles under /tin-tuc/[<category>/]<slug>.html and re-files them
# under other categories (research/vn_sites.md §2.2); a site rule can drop the category.
MOIT_RULES = UrlRules(
    variant_paths=(*UrlRules().variant_paths, (r"^/tin-tuc/[^/]+/([^/]+\.html)$", r"/tin-tuc/\1"))
)


@pytest.mark.parametrize(
    "url",
    ["https://moit.gov.vn/tin-tuc/thi-truong-trong-nuoc/hoi-nghi-xuc-tien.html",
     "https://moit.gov.vn/tin-tuc/quoc-te/hoi-nghi-xuc-tien.html",
     "http://www.moit.gov.vn/tin-tuc/hoi-nghi-xuc-tien.html?utm_source=zalo"],
)
def test_moit_category_refiling_rule(url):
    expected = "https://moit.gov.vn/tin-tuc/hoi-nghi-xuc-tien.html"
    assert variant_to_article(url, MOIT_RULES) == expected


def test_category_segment_kept_without_a_site_rule():
    url = "https://moit.gov.vn/tin-tuc/quoc-te/hoi-nghi-xuc-tien.html"
    assert variant_to_article(url) == url


@pytest.mark.parametrize(
    ("url_a", "url_b", "same"),
    [
        ("https://moit.gov.vn/a", "http://www.moit.gov.vn/b", True),
        ("https://m.congthuong.vn/a", "https://congthuong.vn/b", True),
        ("https://moit.gov.vn/a", "https://mof.gov.vn/a", False),
        ("https://en.moit.gov.vn/a", "https://moit.gov.vn/a", False),
        ("https://moit.gov.vn/a", "mailto:x@moit.gov.vn", False),
    ],
)
def test_same_site(url_a, url_b, same):
    assert same_site(url_a, url_b) is same


@pytest.mark.parametrize(
    "text",
    ["..", ".", "/etc/passwd", "../../x", "a/b", "a\\b", "a\x00b", "", "CON", "nul.txt",
     ".hidden", "x" * 300, "C:\\Windows", "bộ công thương"],
)
def test_safe_path_component_is_safe(text):
    name = safe_path_component(text)
    assert name and name not in {".", ".."} and not name.startswith(".")
    assert os.sep not in name and "/" not in name and "\\" not in name and "\x00" not in name
    assert len(name) <= 100 and name.isascii()
    assert name.split(".")[0].upper() not in {"CON", "NUL"}


def test_safe_path_component_keeps_clean_names_and_separates_others():
    assert safe_path_component("moit.gov.vn") == "moit.gov.vn"
    assert safe_path_component("2025-10-22") == "2025-10-22"
    assert safe_path_component("a/b") != safe_path_component("a_b")
    assert safe_path_component("a/b") != safe_path_component("a:b")


_HOST_LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_HOSTS = st.one_of(
    st.lists(_HOST_LABEL, min_size=1, max_size=3).map(lambda labels: ".".join(labels) + ".vn"),
    st.sampled_from(["bộcôngthương.vn", "www.moit.gov.vn", "m.congthuong.vn", "127.0.0.1"]),
)
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@st.composite
def http_urls(draw) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "hTtPs"]))
    host = draw(_HOSTS)
    port = draw(st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}")))
    path = "/".join(draw(st.lists(_TEXT, max_size=4)))
    query = "&".join(f"{k}={v}" for k, v in draw(st.lists(st.tuples(_TEXT, _TEXT), max_size=4)))
    fragment = draw(_TEXT)
    return f"{scheme}://{host}{port}/{path}?{query}#{fragment}"


@settings(max_examples=300, deadline=None)
@given(http_urls())
def test_canonicalize_never_raises_and_is_idempotent(url):
    canonical = canonicalize_url(url)
    assert canonical.isascii() and "#" not in canonical
    assert canonicalize_url(canonical) == canonical
    article = variant_to_article(url)
    assert variant_to_article(article) == article


def test_a_bare_query_key_stays_bare_and_keeps_its_place_in_the_sorted_query():
    # thanhtra.gov.vn's article id is a bare query (vn_sites_2026 §14): `?<id>`, not `?<id>=`.
    url = ("http://www.thanhtra.gov.vn/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher//"
           "Content/hop-bao?48112")
    assert canonicalize_url(url) == ("https://thanhtra.gov.vn/web/guest/xem-chi-tiet-tin-tuc/-/"
                                     "asset_publisher//Content/hop-bao?48112")
    assert canonicalize_url("https://x.vn/a?z=1&k&b=&utm_source=zalo") == "https://x.vn/a?b=&k&z=1"
