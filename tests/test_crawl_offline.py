"""Without network, crawling the real sites ends with one clear line per site."""

from __future__ import annotations

from newscrawler.spiders.congthuong import CongthuongSpider

from .conftest import run_newscrawler


def test_real_crawl_without_network_fails_with_one_line_per_site(tmp_path):
    # No skip on a machine with network: a resolver that resolves nothing stands in for a
    # missing network (and keeps the test from crawling the real site). Politeness delays
    # only slow the test down; the failure path is the same.
    result = run_newscrawler("crawl", "congthuong", "--data-dir", str(tmp_path),
                             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                             "-s", "TWISTED_DNS_RESOLVER=tests.no_network.NoNetworkResolver",
                             timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    # Every start URL (feeds and listings) failed, and the line says why.
    start_urls = len(CongthuongSpider.feed_urls) + len(CongthuongSpider.listing_urls)
    expected = f"congthuong: FAILED: DNS lookup failed for congthuong.vn ({start_urls} URLs)"
    assert lines[-1] == expected
