"""Arbitrary text into the functions that read what sites send (hypothesis).

`tests/test_properties.py` fuzzes `normalize_text` and `parse_date`, `tests/test_urls.py`
fuzzes `canonicalize_url` with generated URLs. Here anything at all goes in: the URL
functions may refuse a non-URL with ValueError (their documented contract) and nothing
else; a link that is refused is skipped, not a crash of the crawl.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newscrawler.downloadermiddlewares.charset import declared_charset
from newscrawler.downloadermiddlewares.retry import retry_after_seconds
from newscrawler.urls import canonicalize_url, variant_to_article

SETTINGS = settings(max_examples=500, deadline=None)
# Text that looks a little like a URL gets further into the code than random text.
URLISH = st.one_of(
    st.text(),
    st.builds(lambda scheme, rest: f"{scheme}{rest}",
              st.sampled_from(["http://", "https://", "HTTPS://", "http:", "//", "ftp://",
                               "https://[", "http://xn--", "https://a.vn:"]),
              st.text()),
)


@SETTINGS
@given(URLISH)
@example("https://[::1")
@example("http://a.vn:99999/")
@example("https://bộ.vn/\udcff")
@example("https://a.vn/%zz?%%=&=#")
@example("http://\x00/")
def test_canonicalize_url_raises_nothing_but_value_error(text: str) -> None:
    try:
        canonical = canonicalize_url(text)
    except ValueError:
        return
    assert canonical.startswith(("http://", "https://"))


@SETTINGS
@given(URLISH)
@example("HTTP://\x80")
def test_canonicalize_url_result_is_ascii_and_canonical(text: str) -> None:
    try:
        canonical = canonicalize_url(text)
    except ValueError:
        return
    assert canonical.isascii(), canonical
    assert canonicalize_url(canonical) == canonical


@SETTINGS
@given(URLISH)
def test_variant_to_article_raises_nothing_but_value_error(text: str) -> None:
    try:
        article = variant_to_article(text)
    except ValueError:
        return
    assert variant_to_article(article) == article


@SETTINGS
@given(st.one_of(st.text(), st.binary()))
def test_header_readers_never_raise(value) -> None:
    seconds = retry_after_seconds(value)
    assert seconds is None or seconds >= 0
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    charset = declared_charset(b"text/html; " + raw)
    assert charset is None or isinstance(charset, str)
