"""The crawler against a misbehaving replica (`replica serve --faults`, issue 8).

Each test runs real `newscrawler crawl` processes against `newscrawler replica serve
--faults PROFILE --fault-seed N` and checks what the crawler did about each fault kind:
retried it (with the wait asked for), read the page right anyway, or gave up and listed
the URL and the reason in DATA_DIR/runs/<run_id>.json. The replica's fault log
(`/_replica/faults`: every request, its fault and its time) says what was injected.
"""

from __future__ import annotations

import json
import signal
import urllib.request
from collections import Counter, defaultdict
from datetime import UTC
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

from newscrawler.downloadermiddlewares.bounds import SiteBoundsMiddleware
from newscrawler.downloadermiddlewares.retry import retry_after_seconds
from newscrawler.items import CONTENT_FIELDS
from newscrawler.replica.faults import parse_profile
from newscrawler.spiders.congthuong import CongthuongSpider
from newscrawler.urls import canonicalize_url

from .conftest import ReplicaProcess, run_id_of, run_newscrawler
from .test_incremental import read_completed

pytestmark = pytest.mark.slow

SITE, DOMAIN = "congthuong", "congthuong.vn"
ARTICLES = 40
# Transient faults must fail fast in tests: the replica's stall is longer than this.
FAST = ("-s", "DOWNLOAD_TIMEOUT=1.5")


class FaultyRun:
    """A replica with a fault profile, and crawls of it into one data directory."""

    def __init__(self, tmp_path: Path, profile: str, articles: int = ARTICLES, seed: int = 8):
        self.data_dir = tmp_path / "data"
        self.articles = articles
        self.replica = ReplicaProcess("--sites", SITE, "--articles", str(articles),
                                      "--faults", profile, "--fault-seed", str(seed))

    def crawl(self, *extra: str) -> dict:
        """One complete run; returns its summary entry for the site."""
        result = run_newscrawler("crawl", SITE, "--replica", self.replica.url,
                                 "--data-dir", str(self.data_dir), *extra)
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        assert result.returncode in (0, 1), result.stdout + result.stderr
        run_id = run_id_of(result.stdout)
        summary = json.loads((self.data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
        return summary["sites"][SITE]

    def control(self, name: str) -> dict:
        with urllib.request.urlopen(f"{self.replica.url}/_replica/{name}", timeout=10) as reply:
            return json.load(reply)

    def events(self) -> list[dict]:
        return self.control("faults")["events"]

    def stop(self) -> None:
        self.replica.stop()


@pytest.fixture
def faulty(tmp_path):
    runs: list[FaultyRun] = []

    def start(profile: str, **options) -> FaultyRun:
        run = FaultyRun(tmp_path / str(len(runs)), profile, **options)
        runs.append(run)
        return run

    yield start
    for run in runs:
        run.stop()


def truth(articles: int) -> dict[str, dict]:
    result = run_newscrawler("replica", "truth", SITE, "--articles", str(articles))
    assert result.returncode == 0, result.stderr
    records = (json.loads(line) for line in result.stdout.splitlines() if line.strip())
    return {record["id"]: record for record in records}


def real_url(hit_key: str) -> str:
    """'/congthuong.vn/x-1.html' -> 'https://congthuong.vn/x-1.html'."""
    return "https://" + hit_key.lstrip("/")


def canonical(url: str) -> str:
    return canonicalize_url(url)


def faults_by_url(events: list[dict]) -> dict[str, list[str | None]]:
    """Canonical real URL -> the fault of each request of it, in order (None = clean)."""
    grouped: dict[str, list[str | None]] = defaultdict(list)
    for event in events:
        grouped[canonical(real_url(event["path"]))].append(event["kind"])
    return grouped


def assert_records_match_truth(records: list[dict], expected: dict[str, dict]) -> None:
    ids = Counter(record["id"] for record in records)
    assert [key for key, count in ids.items() if count > 1] == [], "exported twice"
    for record in records:
        wanted = expected[record["id"]]
        assert record["url"] == wanted["url"]
        different = [name for name in CONTENT_FIELDS if record.get(name) != wanted.get(name)]
        assert different == [], f"{record['url']}: {different}"


def failed_urls(entry: dict) -> dict[str, str]:
    """Canonical URL -> reason, of the failures the run report lists."""
    for failure in entry["failures"]:
        assert failure["url"].startswith("https://") and failure["reason"], failure
    return {canonical(failure["url"]): failure["reason"] for failure in entry["failures"]}


# --- transient faults: retried, with backoff -------------------------------------------

FAILING_TRANSIENT = {"http_500", "http_502", "http_503", "http_429", "timeout", "reset",
                     "truncated"}


def check_transient_run(run: FaultyRun, entry: dict, kinds: set[str]) -> list[str | None]:
    """Every faulted URL was asked for again until it answered or the retries ran out;
    those that ran out are in the report; every other article was exported right."""
    by_url = faults_by_url(run.events())
    seen = Counter(kind for faults in by_url.values() for kind in faults)
    assert kinds <= set(seen), f"not every kind was injected: {seen}"
    given_up = {url for url, faults in by_url.items()
                if faults[-1] in FAILING_TRANSIENT and not url.endswith("/robots.txt")}
    for url, faults in by_url.items():
        if faults[0] in FAILING_TRANSIENT and url not in given_up:
            assert faults[-1] in (None, "slow"), f"{url} retried until it answered: {faults}"
        if url in given_up:
            assert len(faults) == 3, f"{url}: RETRY_TIMES=2 means 3 attempts: {faults}"
    assert set(failed_urls(entry)) == given_up
    records = read_completed(run.data_dir)
    expected = truth(run.articles)
    assert_records_match_truth(records, expected)
    missing = {record["url"] for record in expected.values()} - {r["url"] for r in records}
    assert missing <= given_up
    return [kind for faults in by_url.values() for kind in faults]


def test_http_errors_are_retried_after_the_wait_the_server_asked_for(faulty):
    run = faulty("http_500=0.12,http_502=0.12,http_503=0.12,http_429=0.12,retry_after_s=1")
    entry = run.crawl()
    check_transient_run(run, entry, {"http_500", "http_502", "http_503", "http_429"})
    reasons = set(failed_urls(entry).values())
    assert reasons <= {"HTTP 500", "HTTP 502", "HTTP 503", "HTTP 429"}
    # The next request of a URL comes after Retry-After (1 s; 503 gives an HTTP date at
    # least 1 s ahead), or after the backoff (0.2 s first, in replica mode) without one.
    times: dict[str, list[tuple[float, str | None]]] = defaultdict(list)
    for event in run.events():
        times[event["path"]].append((event["at"], event["kind"]))
    waits: dict[str, list[float]] = defaultdict(list)
    for requests in times.values():
        for (at, kind), (next_at, _) in zip(requests, requests[1:], strict=False):
            waits[kind].append(next_at - at)
    assert waits["http_429"] and min(waits["http_429"]) >= 0.95, waits["http_429"]
    assert waits["http_503"] and min(waits["http_503"]) >= 0.95, waits["http_503"]
    assert waits["http_500"] and min(waits["http_500"]) >= 0.18, waits["http_500"]


def test_slow_answers_timeouts_resets_and_truncated_bodies(faulty):
    run = faulty("slow=0.12,timeout=0.12,reset=0.12,truncated=0.12,slow_s=0.5,stall_s=4")
    entry = run.crawl(*FAST)
    kinds = check_transient_run(run, entry, {"slow", "timeout", "reset", "truncated"})
    # A slow answer within the timeout is a success: never asked for again.
    by_url = faults_by_url(run.events())
    assert all(faults == ["slow"] for faults in by_url.values() if faults[0] == "slow")
    assert kinds.count("timeout") >= 1
    for reason in failed_urls(entry).values():
        assert reason in (f"timed out waiting for {DOMAIN}",
                          f"truncated response from {DOMAIN}",
                          f"connection with {DOMAIN} failed before a complete response")


# --- quirks: the same records anyway ---------------------------------------------------

def test_invalid_html_charsets_nfd_and_redirect_chains_give_the_same_records(faulty):
    run = faulty("invalid_html=0.2,no_charset=0.2,wrong_charset=0.2,nfd=0.2,"
                 "redirect_chain=0.2,scope=articles")
    entry = run.crawl()
    seen = Counter(event["kind"] for event in run.events())
    for kind in ("invalid_html", "no_charset", "wrong_charset", "nfd", "redirect_chain",
                 "replica-hop-end"):
        assert seen[kind] >= 2, seen
    assert entry["failures"] == []
    records = read_completed(run.data_dir)
    expected = truth(ARTICLES)
    assert_records_match_truth(records, expected)
    assert len(records) == ARTICLES
    # Mislabelled UTF-8 was read as UTF-8, each time.
    assert entry["stats"]["newscrawler/charset_repaired"] == seen["wrong_charset"]


def test_duplicate_links_with_tracking_parameters_fetch_each_article_once(faulty):
    run = faulty("tracking_links=1")
    run.crawl()
    assert Counter(event["kind"] for event in run.events())["tracking_links"] >= 8
    article_hits = [key for key in run.control("hits") if key.endswith(".html")
                    or ".html?" in key or ".html#" in key]
    assert len(article_hits) == ARTICLES
    assert not any("?" in key for key in article_hits), "a tracking variant was fetched"
    records = read_completed(run.data_dir)
    assert_records_match_truth(records, truth(ARTICLES))
    assert len(records) == ARTICLES


# --- permanent faults: reported, retried next run --------------------------------------

PERMANENT_REASONS = {
    "not_found": "HTTP 404",
    "redirect_loop": "IgnoreRequest: redirect loop back to",
    "offsite_redirect": "IgnoreRequest: redirect to offsite host quangcao.example.net refused",
    "scheme_redirect": "IgnoreRequest: redirect to a non-http(s) URL refused: file:",
    "oversize": "larger than download max size",
    "gzip_bomb": "exceeded DOWNLOAD_MAXSIZE",
}


def test_permanent_failures_are_reported_with_url_and_reason_and_retried_next_run(faulty):
    run = faulty("not_found=0.1,redirect_loop=0.1,offsite_redirect=0.1,scheme_redirect=0.1,"
                 "oversize=0.1,gzip_bomb=0.1,scope=articles")
    first = run.crawl()
    first_events = run.events()
    first_faults = {url: faults[0] for url, faults in faults_by_url(first_events).items()
                    if faults[0] in PERMANENT_REASONS}
    assert set(first_faults.values()) == set(PERMANENT_REASONS), first_faults
    reported = failed_urls(first)
    assert set(reported) == set(first_faults)
    for url, kind in first_faults.items():
        assert PERMANENT_REASONS[kind] in reported[url], (url, kind, reported[url])
    exported = {record["url"] for record in read_completed(run.data_dir)}
    assert exported.isdisjoint(first_faults)
    assert len(exported) + len(first_faults) == ARTICLES
    # Nothing left the site: no request for the other host, no file read.
    assert not any(OFFSITE in key for key in run.control("hits"))

    second = run.crawl()
    asked_again = {canonical(real_url(e["path"])) for e in run.events()[len(first_events):]}
    assert set(first_faults) <= asked_again, "a failed URL was not tried again"
    records = read_completed(run.data_dir)
    assert_records_match_truth(records, truth(ARTICLES))
    still_failing = set(failed_urls(second))
    assert {record["url"] for record in records} | still_failing == {
        record["url"] for record in truth(ARTICLES).values()}


OFFSITE = "quangcao.example.net"


def test_offsite_and_non_http_requests_are_refused_even_when_unfiltered():
    crawler = get_crawler(CongthuongSpider, {"NEWSCRAWLER_MAX_PAGES_PER_SITE": 3})
    crawler.spider = CongthuongSpider.from_crawler(crawler)
    middleware = SiteBoundsMiddleware(crawler)
    for url in ("file:///etc/passwd", "ftp://congthuong.vn/x", "data:text/html,hi",
                "https://quangcao.example.net/thoi-su", "https://congthuong.vn.evil.vn/"):
        with pytest.raises(IgnoreRequest):
            middleware.process_request(Request(url, dont_filter=True))
    for url in ("https://congthuong.vn/thoi-su", "http://www.congthuong.vn/a-1.html",
                "https://congthuong.vn/b-2.html"):
        assert middleware.process_request(Request(url, dont_filter=True)) is None
    with pytest.raises(IgnoreRequest, match="page budget of 3"):
        middleware.process_request(Request("https://congthuong.vn/c-3.html"))


# --- traps, limits, robots.txt ---------------------------------------------------------

def listing_pages(hits: dict[str, int]) -> dict[str, int]:
    """Per listing, how many of its pages were asked for. MasterCMS pages by
    `<category>&s_cond=&BRSR=<offset>` (page 1 is the bare path, offset 0), and the
    crawler walks a pager one page at a time from page 1, so the distinct offsets asked
    for are pages 1..N: their count is the deepest page reached, whatever the step."""
    offsets: dict[str, set[int]] = defaultdict(set)
    for key in hits:
        path, _, query = key.partition("?")
        if query or path.endswith((".html", ".rss", ".txt")):
            continue  # articles, feeds, robots.txt, the calendar's `?ngay=` links
        base, _, params = path.partition("&")
        brsr = parse_qs(params).get("BRSR", ["0"])[0]
        offsets[base].add(int(brsr))
    return {base: len(found) for base, found in offsets.items()}


def test_an_endless_pager_is_bounded_by_listing_cap_depth_and_page_budget(faulty):
    run = faulty("trap=1")
    run.crawl()  # incremental walk: stops after pages that bring nothing new
    assert max(listing_pages(run.control("hits")).values()) <= 3
    limits = [("NEWSCRAWLER_MAX_LISTING_PAGES=6", 6), ("DEPTH_LIMIT=4", 5)]
    for setting, deepest in limits:
        run.data_dir = run.data_dir.with_name(setting.split("=")[0])
        before = dict(run.control("hits"))
        entry = run.crawl("--full", "-s", setting)
        new = {k: v - before.get(k, 0) for k, v in run.control("hits").items()
               if v > before.get(k, 0)}
        assert max(listing_pages(new).values()) == deepest, (setting, listing_pages(new))
        assert entry["items"] == ARTICLES
        capped = entry["stats"].get(f"newscrawler/{SITE}/listing_cap_reached", 0)
        assert (capped > 0) == setting.startswith("NEWSCRAWLER_MAX_LISTING_PAGES"), entry
    run.data_dir = run.data_dir.with_name("budget")
    before_total = sum(run.control("hits").values())
    entry = run.crawl("--full", "-s", "NEWSCRAWLER_MAX_PAGES_PER_SITE=80")
    assert sum(run.control("hits").values()) - before_total == 80
    assert entry["failures"] and all("page budget of 80" in f["reason"]
                                     for f in entry["failures"])
    # The calendar's links (day before, day after, forever) are never followed.
    assert not any("ngay=" in key for key in run.control("hits"))


def test_robots_txt_disallowing_a_section_is_obeyed(faulty):
    run = faulty("robots_disallow=1")
    entry = run.crawl()
    assert not any(key.startswith(f"/{DOMAIN}/thoi-su") for key in run.control("hits"))
    assert failed_urls(entry) == {f"https://{DOMAIN}/thoi-su": "IgnoreRequest: Forbidden by "
                                                               "robots.txt"}
    # The section's later pages (MasterCMS `&s_cond=&BRSR=<n>`, a path with `&` and no
    # `?`) are disallowed too; page 1 being refused, the crawl never links to them, so
    # the served rules are read with the crawler's parser (Protego, Scrapy's default).
    with urllib.request.urlopen(f"{run.replica.url}/{DOMAIN}/robots.txt", timeout=10) as reply:
        rules = ProtegoRobotParser(reply.read(), None)
    for path, allowed in (("/thoi-su", False), ("/thoi-su&s_cond=&BRSR=15", False),
                          ("/thoi-su?page=2", False), ("/thuong-mai&s_cond=&BRSR=15", True),
                          ("/thoi-su-gia-vang-1.html", True)):
        assert rules.allowed(f"https://{DOMAIN}{path}", "newscrawler") == allowed, path


def test_concurrency_per_domain_is_a_limit(faulty):
    """Every answer takes 0.3 s, so the server sees how many requests overlap. Scrapy
    2.19 enforces the per-domain limit only with a download delay (its slot queue starts
    every queued download at once when DOWNLOAD_DELAY is 0); production has 1 s."""
    run = faulty("slow=1,slow_s=0.3", articles=12)
    run.crawl("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "DOWNLOAD_DELAY=0.05")
    assert run.control("faults")["max_in_flight"][DOMAIN] == 2


# --- the acceptance run ----------------------------------------------------------------

def test_flaky_crawl_and_one_rerun_export_every_article_once(faulty):
    """10% of requests meet a recoverable fault (every transient kind and quirk)."""
    run = faulty("flaky", articles=240, seed=2026)
    first = run.crawl(*FAST)
    events = run.events()
    by_url = faults_by_url(events)
    given_up = {url for url, faults in by_url.items() if faults[-1] in FAILING_TRANSIENT}
    assert set(failed_urls(first)) == {u for u in given_up if not u.endswith("robots.txt")}
    kinds = Counter(event["kind"] for event in events if event["kind"])
    assert 0.07 < sum(kinds.values()) / len(events) < 0.13, kinds
    assert len(kinds) >= 12, kinds
    run.crawl(*FAST)
    records = read_completed(run.data_dir)  # every line whole JSON
    expected = truth(240)
    assert_records_match_truth(records, expected)
    assert {record["id"] for record in records} == set(expected)


def test_profiles_parse_and_bad_ones_are_refused_in_one_line():
    assert parse_profile("flaky") == parse_profile("recoverable=0.1")
    profile = parse_profile("http_429=0.5,transient=0.1,scope=articles,retry_after_s=3")
    assert profile.articles_only and profile.retry_after_s == 3
    rates = dict(profile.rates_for(["http_429", "reset"]))
    assert rates == pytest.approx({"http_429": 0.55, "reset": 0.05})
    for bad in ("nonsense=0.1", "http_500=2", "http_500", "scope=everything", "slow=fast"):
        with pytest.raises(ValueError):
            parse_profile(bad)
    result = run_newscrawler("replica", "serve", "--faults", "bogus=1", timeout=30)
    assert result.returncode == 2
    assert "unknown fault kind 'bogus'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("value", "seconds"), [
    ("3", 3.0), (b"120", 120.0), ("Wed, 26 Nov 2026 10:00:05 GMT", 5.0),
    ("Wed, 26 Nov 2026 09:59:00 GMT", 0.0), ("soon", None), ("", None), (None, None),
])
def test_retry_after_values(value, seconds):
    from datetime import datetime

    now = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(value, now) == seconds


# --- crash safety under faults ---------------------------------------------------------

def test_kill_9_under_the_flaky_profile_then_reruns_lose_and_duplicate_nothing(faulty):
    """Issue 5's guarantee with faults: killed runs (some before, some after a complete
    one) leave nothing that makes a later complete run lose or repeat an article."""
    run = faulty("flaky", articles=80, seed=5)

    def killed_at(point: str) -> None:
        result = run_newscrawler("crawl", SITE, "--replica", run.replica.url, "--data-dir",
                                 str(run.data_dir), *FAST,
                                 "-s", f"NEWSCRAWLER_TEST_KILL_AT={point}")
        assert result.returncode == -signal.SIGKILL, f"kill at {point} did not land"

    # A first crawl killed twice among its articles, then completed; then incremental runs
    # (little or nothing new) killed among their listing pages, then completed.
    for point in ("items:15", "items:30"):
        killed_at(point)
    run.crawl(*FAST)
    for point in ("responses:2", "responses:5"):
        killed_at(point)
    run.crawl(*FAST)
    records = read_completed(run.data_dir)
    expected = truth(80)
    assert_records_match_truth(records, expected)
    assert {record["id"] for record in records} == set(expected)
