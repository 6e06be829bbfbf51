"""moc.gov.vn's transport quirk (vn_sites_2026 §7, 2026-09-28): some `/vn/tin-tuc/` article
fetches answer HTTP 500 while the legacy `chitiettin.aspx` endpoint serves the article.
A replica crawl must lose none of them, export each once under its canonical URL, and
count the fallbacks."""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import urlsplit

from newscrawler.replica import load_site

from .conftest import exported_records, run_id_of


def test_a_500_article_is_fetched_at_its_legacy_url_and_exported_once(crawl_replica_site):
    data_dir, result = crawl_replica_site("moc")
    assert result.returncode == 0, result.stdout + result.stderr
    run_id = run_id_of(result.stdout)
    entry = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    stats = entry["sites"]["moc"]["stats"]
    site = load_site("moc")
    failing = {a.url for a in site.corpus.articles if urlsplit(a.url).path in site.failing_paths}
    legacy_linked = {a.url for a in site.corpus.articles if site.linked_as_legacy(a)}
    assert failing and legacy_linked
    counts = Counter(record["url"] for record in exported_records(data_dir, "moc"))
    assert [url for url in failing | legacy_linked if counts[url] != 1] == []
    assert [url for url in counts if "chitiettin" in url.lower()] == []
    assert stats.get("newscrawler/moc/legacy_fallback") == len(failing)
    assert stats.get("newscrawler/moc/errors") is None
