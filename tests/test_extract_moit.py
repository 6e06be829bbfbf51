"""`newscrawler extract --site moit PAGE` on a page typed to the 2026 moit facts (issue 15
acceptance): title, lead, body and date from the site selectors, and a body free of the
title, the lead and the tags that share its outer container (vn_sites_2026 §4, §12)."""

from __future__ import annotations

import json

from tests.evidence.moit import ARTICLE, ARTICLE_URL, BODY, LEAD, TAGS, TITLE

from .conftest import run_newscrawler


def test_extract_site_moit_on_a_2026_page(tmp_path):
    page = tmp_path / "moit-2026.html"
    page.write_text(ARTICLE, encoding="utf-8")
    result = run_newscrawler("extract", "--site", "moit", "--url", ARTICLE_URL, str(page))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["title"], record["lead"]) == (TITLE, LEAD)
    assert record["body"] == "\n\n".join(BODY)
    # The visible stamp (21:22), not the meta time (21:26:36) nor the malformed DC.Date.
    assert record["published_at"] == "2026-09-30T21:22:00+07:00"
    assert record["tags"] == TAGS and record["category"] == "Tin tức"
    assert {field: record["provenance"][field]
            for field in ("title", "lead", "body", "published_at")} == dict.fromkeys(
        ("title", "lead", "body", "published_at"), "selector")
    assert [text for text in (TITLE, LEAD, *TAGS) if text in record["body"]] == []


def test_extract_site_moit_without_a_url_still_uses_the_selectors(tmp_path):
    page = tmp_path / "moit-2026.html"
    page.write_text(ARTICLE, encoding="utf-8")
    result = run_newscrawler("extract", "--site", "moit", str(page))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["provenance"]["body"] == "selector" and TITLE not in record["body"]
