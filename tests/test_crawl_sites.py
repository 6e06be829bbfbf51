"""Every replica site, crawled end to end by a real `newscrawler crawl SITE --replica`
process, exports exactly its ground truth: every article, once, all content fields equal.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newscrawler.items import CONTENT_FIELDS
from newscrawler.records import article_id
from newscrawler.replica import REPLICA_SITES, load_site

from .conftest import exported_records, replica_truth


@pytest.mark.parametrize("site", sorted(REPLICA_SITES))
def test_crawl_exports_exactly_the_ground_truth(site, crawl_replica_site):
    data_dir, result = crawl_replica_site(site)
    assert result.returncode == 0, result.stdout + result.stderr
    records = exported_records(data_dir, site)
    truth = replica_truth(site)
    assert len(truth) >= 100
    expected = expected_by_url(site, truth)
    # Each record as exported (url and id included) is one of its article's expected records.
    unexpected = sorted(record["url"] for record in records if record["url"] not in expected)
    assert unexpected == [], "records that are not articles"
    mismatches = [
        (record["url"], field, record[field], expected[record["url"]][field])
        for record in records
        for field in CONTENT_FIELDS
        if record[field] != expected[record["url"]][field]
    ]
    assert mismatches[:5] == [] and len(mismatches) == 0
    # Every article exactly once, under whichever of its URLs the crawl met first.
    article_of = {url: wanted["content_hash"] for url, wanted in expected.items()}
    counts = Counter(article_of[record["url"]] for record in records)
    assert sorted(key for key, n in counts.items() if n > 1) == [], "articles exported twice"
    missing = [r["url"] for r in truth if r["content_hash"] not in counts]
    assert missing == [], "articles missing"


def expected_by_url(site: str, truth: list[dict]) -> dict[str, dict]:
    """URL -> the record expected when the crawl exports the article under that URL.

    The truth lists each article once, under its newest URL. A replica with
    `superseded_urls` serves a re-filed article under its old URL too, at the same time,
    with the same content: which of the
    two a crawl meets first varies between runs (the other becomes an alias in the crawl
    state). Both are right, so the old URL's expected record is the article's record under
    that URL and its id (from the replica's own re-filing data, not from the crawl)."""
    replica_site = load_site(site)
    expected = {record["url"]: record for record in truth}
    for old, newest in getattr(replica_site, "superseded_urls", {}).items():
        expected[old] = {**expected[newest], "url": old,
                         "id": article_id(site, old, replica_site.spec.article_key_pattern)}
    return expected
