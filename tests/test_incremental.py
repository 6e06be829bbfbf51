"""Scheduled runs against a replica that changes between them (issue 5, point 6).

Real processes only: `newscrawler replica serve --day 0 --epoch ...` in a child process,
switched from day to day through its control path, and one `newscrawler crawl` process per
scheduled run, all runs sharing one data directory. The expectations come from
`newscrawler.replica.timeline` (derived from the articles' data, never from pages).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from newscrawler.items import CONTENT_FIELDS
from newscrawler.records import now_vn
from newscrawler.replica.timeline import Timeline, TimelineConfig, parse_epoch

from .conftest import ReplicaProcess, run_id_of, run_newscrawler

pytestmark = pytest.mark.slow

DAYS = 5  # scheduled runs on days 0..5: six runs
SITES = ["congthuong", "baochinhphu"]  # two sites: baochinhphu syndicates congthuong
BASE_ARTICLES = 120  # per site: enough for several listing pages, quick to crawl
ARTICLE_PATH = re.compile(r"^/congthuong\.vn/[a-z0-9-]+-\d+\.html$")


# --- helpers shared with test_crash_safety ----------------------------------------------


def epoch_now() -> str:
    """Day 0 = now: the crawler's recheck window is measured on the real clock."""
    return now_vn().replace(second=0).isoformat()


def control(replica: ReplicaProcess, path: str) -> dict:
    with urllib.request.urlopen(f"{replica.url}/_replica/{path}", timeout=120) as response:
        return json.loads(response.read())


def set_day(replica: ReplicaProcess, day: int) -> None:
    assert control(replica, f"day?set={day}") == {"day": day}


def crawl(replica: ReplicaProcess, data_dir: Path, sites: list[str], *extra: str) -> str:
    """One complete scheduled run; returns its run id."""
    result = run_newscrawler("crawl", *sites, "--replica", replica.url,
                             "--data-dir", str(data_dir), *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return run_id_of(result.stdout)


def completed_exports(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "articles").rglob("*.jsonl"))


def read_completed(data_dir: Path) -> list[dict]:
    """Every record of every completed export; each line must be one whole JSON object."""
    records = []
    for path in completed_exports(data_dir):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n"), f"{path}: torn last line"
        for number, line in enumerate(text.splitlines(), 1):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                pytest.fail(f"{path}:{number}: not a JSON line ({error}): {line[:80]!r}")
    return records


def versions_by_id(records: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        grouped[record["id"]].append(record)
    return {key: sorted(group, key=lambda r: r["version"]) for key, group in grouped.items()}


def version_problems(records: list[dict], history: dict[str, list[dict]]) -> list[str]:
    """Differences between exported (id, version, url, content_hash) and the expected
    history: missing articles or versions, extra records, anything exported twice."""
    problems = []
    twice = [key for key, n in Counter((r["id"], r["version"]) for r in records).items() if n > 1]
    problems += [f"{key}: exported more than once" for key in sorted(twice)]
    exported = versions_by_id(records)
    problems += [f"{key}: not an expected article ({exported[key][0]['url']})"
                 for key in sorted(set(exported) - set(history))]
    for key, expected in sorted(history.items()):
        got = [(r["version"], r["url"], r["content_hash"]) for r in exported.get(key, [])]
        want = [(r["version"], r["url"], r["content_hash"]) for r in expected]
        if got != want:
            problems.append(f"{key}: exported {got}, expected {want}")
    return problems


# --- the timeline itself (in-process, fast) ----------------------------------------------

SMALL = 60  # articles per site in the fast tests


@pytest.fixture(scope="module")
def small_timeline() -> Timeline:
    return Timeline(["congthuong"], TimelineConfig(epoch=parse_epoch(epoch_now())), SMALL)


def test_timeline_days_are_deterministic_and_cumulative(small_timeline):
    again = Timeline(["congthuong"], small_timeline.config, SMALL)
    assert again.events(3) == small_timeline.events(3)
    assert again.expected_history(3) == small_timeline.expected_history(3)
    day1, day2 = small_timeline.events(1)["congthuong"], small_timeline.events(2)["congthuong"]
    assert len(day1.published) == small_timeline.config.new_per_day
    assert (day1.edited, day1.refiled) == ([], [])  # nothing is recent yet on day 1
    served = {article.url for article in small_timeline.sites(2)[0].corpus.articles}
    moved = dict(day2.refiled)
    assert moved and set(moved.values()) <= served and set(moved).isdisjoint(served)
    assert {moved.get(url, url) for url in day1.published + day2.published} <= served
    assert len(served) == SMALL + 2 * small_timeline.config.new_per_day
    history = small_timeline.expected_history(2)
    for url in day2.edited:
        versions = next(v for v in history.values() if v[-1]["url"] == url)
        assert [r["version"] for r in versions] == [1, 2]
        assert versions[0]["content_hash"] != versions[1]["content_hash"]


def test_the_control_path_switches_days_and_counts_site_requests_only(small_timeline):
    from newscrawler.replica.server import ReplicaServer

    def get(url: str) -> tuple[int, str | None]:
        request = urllib.request.Request(url, method="GET")
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, None
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")

    server = ReplicaServer()
    server.timeline = small_timeline
    server.set_day(0)
    with server:
        new_url = small_timeline.events(2)["congthuong"].published[0]
        replica_url = f"{server.base_url}/{new_url.split('://', 1)[1]}"
        assert get(replica_url)[0] == 404  # published on day 2
        with urllib.request.urlopen(f"{server.base_url}/_replica/day?set=2") as response:
            assert json.loads(response.read()) == {"day": 2}
        assert get(replica_url)[0] == 200
        old, new = small_timeline.events(2)["congthuong"].refiled[0]
        assert get(f"{server.base_url}/{old.split('://', 1)[1]}") == (301, new)
        with urllib.request.urlopen(f"{server.base_url}/_replica/hits") as response:
            hits = json.loads(response.read())
    assert sum(hits.values()) == 3 and not any("_replica" in key for key in hits)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_replica_truth_with_a_day_prints_the_expected_latest_records(small_timeline):
    epoch = small_timeline.config.epoch.isoformat()
    result = run_newscrawler("replica", "truth", "congthuong", "--day", "2", "--epoch", epoch,
                             "--sites", "congthuong", "--articles", str(SMALL))
    assert result.returncode == 0, result.stderr
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    assert printed == small_timeline.expected_records("congthuong", 2)
    assert len(printed) == SMALL + 2 * small_timeline.config.new_per_day
    assert {r["version"] for r in printed} == {1, 2}


# --- (a) six scheduled runs while the sites publish, edit, re-file and syndicate ----------


@pytest.fixture(scope="module")
def scheduled_runs(tmp_path_factory):
    """Runs on days 0..DAYS; returns (data dir, timeline, replica hits after the last)."""
    epoch = epoch_now()
    data_dir = tmp_path_factory.mktemp("scheduled")
    replica = ReplicaProcess("--sites", *SITES, "--articles", str(BASE_ARTICLES),
                             "--day", "0", "--epoch", epoch)
    try:
        for day in range(DAYS + 1):
            set_day(replica, day)
            crawl(replica, data_dir, SITES)
        hits = control(replica, "hits")
    finally:
        replica.stop()
    timeline = Timeline(SITES, TimelineConfig(epoch=parse_epoch(epoch)), BASE_ARTICLES)
    return data_dir, timeline, hits


def test_the_union_of_runs_holds_each_version_of_each_article_once(scheduled_runs):
    data_dir, timeline, _hits = scheduled_runs
    history = timeline.expected_history(DAYS)
    problems = version_problems(read_completed(data_dir), history)
    assert problems == [], f"{len(problems)} problems, first: {problems[:5]}"
    # The days did change things: later versions, copies and re-filed articles exist.
    assert sum(len(versions) > 1 for versions in history.values()) >= DAYS
    assert any(versions[0]["duplicate_of"] for versions in history.values()) == (
        len(SITES) > 1)


def test_the_latest_versions_equal_the_truth_on_every_content_field(scheduled_runs):
    data_dir, timeline, _hits = scheduled_runs
    latest = {key: versions[-1] for key, versions in
              versions_by_id(read_completed(data_dir)).items()}
    mismatches = []
    for site in SITES:
        for expected in timeline.expected_records(site, DAYS):
            record = latest.get(expected["id"])
            assert record is not None, f"{expected['id']} missing"
            for field in CONTENT_FIELDS:
                want = expected[field]
                if record[field] != want:
                    mismatches.append((expected["id"], field, record[field], want))
    assert mismatches == [], f"{len(mismatches)} mismatches, first: {mismatches[:3]}"
    # The time a change was seen has its own field; modified_at stays the page's.
    changed = [r for r in latest.values() if r["version"] > 1]
    assert changed and all(r["changed_at"] == r["crawled_at"] for r in changed)
    assert all(r["changed_at"] is None for r in latest.values() if r["version"] == 1)


def test_syndicated_copies_are_marked_in_every_version(scheduled_runs):
    data_dir, timeline, _hits = scheduled_runs
    exported = versions_by_id(read_completed(data_dir))
    wrong = [
        (record["id"], record["version"], record["duplicate_of"], expected["duplicate_of"])
        for key, versions in timeline.expected_history(DAYS).items()
        for expected, record in zip(versions, exported.get(key, []), strict=False)
        if record["duplicate_of"] != expected["duplicate_of"]
    ]
    assert wrong == [], (
        "records whose duplicate_of differs from the truth (id, version, got, expected); a "
        f"copy edited after its first export loses its mark when re-exported: {wrong[:4]}")


def test_re_filed_articles_were_fetched_under_their_new_url_and_not_duplicated(
        scheduled_runs):
    data_dir, timeline, hits = scheduled_runs
    exported_urls = Counter(record["url"] for record in read_completed(data_dir))
    moves = [move for day in range(1, DAYS + 1)
             for events in timeline.events(day).values() for move in events.refiled]
    assert len(moves) >= DAYS
    for old_url, new_url in moves:
        new_path = "/" + new_url.split("://", 1)[1]
        assert hits.get(new_path, 0) >= 1, f"the crawler never saw {new_url}"
        # Same content under a new URL: the first record stays, nothing new is exported.
        assert exported_urls[old_url] >= 1, old_url
        assert new_url == old_url or exported_urls[new_url] == 0, (old_url, new_url)


# --- (b) a no-change rerun of a 1,000-article site, then K new articles -----------------


NEW_ARTICLES = 5


def hits_between(before: dict[str, int], after: dict[str, int]) -> Counter:
    return Counter({key: after[key] - before.get(key, 0) for key in after
                    if after[key] > before.get(key, 0)})


def is_discovery_path(path: str) -> bool:
    """robots.txt, the feeds, the home page and the category listings (any page: MasterCMS
    pages a listing as `<category>&s_cond=&BRSR=<offset>`)."""
    return bool(re.fullmatch(r"/congthuong\.vn(/robots\.txt|/rss/[a-z-]+\.rss|/|"
                             r"/[a-z-]+(&s_cond=&BRSR=\d+)?)", path))


def test_a_no_change_rerun_fetches_no_article_and_new_articles_are_fetched_once(tmp_path):
    epoch = epoch_now()
    replica = ReplicaProcess("--sites", "congthuong", "--articles", "1000", "--day", "0",
                             "--epoch", epoch, "--new", str(NEW_ARTICLES), "--edits", "0",
                             "--refiles", "0", "--syndications", "0")
    try:
        crawl(replica, tmp_path, ["congthuong"])
        first = control(replica, "hits")
        files_after_first = completed_exports(tmp_path)
        crawl(replica, tmp_path, ["congthuong"])
        second = hits_between(first, control(replica, "hits"))
        files_after_second = completed_exports(tmp_path)
        set_day(replica, 1)
        before_third = control(replica, "hits")
        crawl(replica, tmp_path, ["congthuong"])
        third = hits_between(before_third, control(replica, "hits"))
    finally:
        replica.stop()

    assert len(read_completed(tmp_path)) >= 1000 and len(files_after_first) == 1
    first_total = sum(first.values())
    assert [path for path in second if ARTICLE_PATH.match(path)] == []
    assert files_after_second == files_after_first, "the no-change run exported something"
    assert sum(second.values()) <= 0.02 * first_total, (sum(second.values()), first_total)

    config = TimelineConfig(epoch=parse_epoch(epoch), new_per_day=NEW_ARTICLES,
                            edits_per_day=0, refiles_per_day=0, syndications_per_day=0)
    new_urls = Timeline(["congthuong"], config, 1000).events(1)["congthuong"].published
    assert len(new_urls) == NEW_ARTICLES
    new_paths = {"/" + url.split("://", 1)[1] for url in new_urls}
    fetched = {path: n for path, n in third.items() if ARTICLE_PATH.match(path)}
    assert fetched == dict.fromkeys(new_paths, 1)
    assert [path for path in third if path not in fetched and not is_discovery_path(path)] == []
    new_files = sorted(set(completed_exports(tmp_path)) - set(files_after_second))
    exported = [json.loads(line) for path in new_files
                for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(record["url"] for record in exported) == sorted(new_urls)
