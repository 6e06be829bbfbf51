"""The research sheet's §12 checks, and the facts behind them, against the spiders.

Markup and URLs come from `tests/evidence/<site>.py`, typed from the dated facts; the
expected values come from those facts, never from a spider or replica constant.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from scrapy.http import HtmlResponse

import tests.evidence as evidence
from newscrawler.extract import extract_article
from newscrawler.records import now_vn
from newscrawler.runner import spider_loader
from tests.evidence import FieldCase, ListingCase, UrlCase


def all_cases() -> list:
    cases = []
    for module in pkgutil.iter_modules(evidence.__path__):
        cases.extend(importlib.import_module(f"tests.evidence.{module.name}").CASES)
    return cases


CASES = all_cases()


def case_id(case) -> str:
    return f"{case.site}:{type(case).__name__}:{case.source}"


def spider_of(site: str):
    return spider_loader().load(site)()


def response_of(url: str, html: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")


def test_there_are_cases_for_every_enabled_site():
    loader = spider_loader()
    enabled = {name for name in loader.list() if loader.load(name).enabled}
    assert enabled - {case.site for case in CASES} == set()


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c, UrlCase)], ids=case_id)
def test_article_url(case: UrlCase):
    canonical = spider_of(case.site).canonical_article_url(case.url)
    if not case.accepted:
        assert canonical is None
    else:
        assert canonical == (case.canonical or case.url)


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c, FieldCase)], ids=case_id)
def test_fields(case: FieldCase):
    spider_cls = spider_loader().load(case.site)
    response = response_of(case.url, case.html)
    if hasattr(spider_cls, "api_page"):  # an API site (mof): its answer -> the page read
        response = spider_cls.api_page(response)
    extraction = extract_article(response, dict(spider_cls.selectors) or None,
                                 fetched_at=now_vn(),
                                 month_first=spider_cls().month_first_for(response))
    got = {name: extraction.fields.get(name) for name in case.expected}
    assert got == case.expected
    layers = {name: extraction.provenance.get(name) for name in case.provenance}
    assert layers == case.provenance
    body = extraction.fields.get("body") or ""
    assert [text for text in case.absent_from_body if text in body] == []


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c, ListingCase)],
                         ids=case_id)
def test_listing_links(case: ListingCase):
    urls = spider_of(case.site).listing_article_urls(response_of(case.url, case.html))
    assert urls == list(case.expected)
