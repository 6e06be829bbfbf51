"""The discovery frontier of the crawl state: the same contract on SQLite and on Redis."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from newscrawler.records import VN_TZ
from newscrawler.state import RetryPolicy, open_state
from tests.test_state import make, state, store  # noqa: F401  (fixtures: both backends)

SITE = "congthuong.vn"
T0 = datetime(2026, 12, 1, 2, 15, tzinfo=VN_TZ)
POLICY = RetryPolicy(max_attempts=3, backoff=3600, backoff_max=5400)


def url(number: int) -> str:
    return f"https://{SITE}/bai-viet-{number}.html"


def test_discovered_urls_are_pending_unless_known(state):  # noqa: F811
    state.record(make(1))
    state.add_alias(f"{SITE}:1", url(100))
    fetch = state.add_pending(SITE, [url(1), url(100), url(2), url(3), url(2)], T0)
    assert fetch == {url(2): True, url(3): True}
    assert state.due_pending(SITE, T0) == [url(2), url(3)]
    assert state.pending_counts(SITE) == (2, 0) and state.pending_counts("moh.gov.vn") == (0, 0)
    # Seen again: still due, but not new.
    assert state.add_pending(SITE, [url(2)], T0 + timedelta(minutes=1)) == {url(2): False}
    entry = state.pending(SITE)[0]
    assert (entry.url, entry.since, entry.attempts, entry.due, entry.given_up) == (
        url(2), T0, 0, T0, False)
    assert state.due_pending("moh.gov.vn", T0) == []


def test_first_retry_is_due_at_once_later_ones_back_off_then_give_up(state):  # noqa: F811
    state.add_pending(SITE, [url(1), url(2)], T0)
    (first,) = state.fail_pending(SITE, {url(1): "HTTP 404"}, T0, POLICY)
    assert (first.attempts, first.due, first.reason, first.given_up) == (1, T0, "HTTP 404",
                                                                         False)
    assert state.due_pending(SITE, T0 + timedelta(seconds=1)) == [url(1), url(2)]
    t1 = T0 + timedelta(days=1)
    (second,) = state.fail_pending(SITE, {url(1): "HTTP 500"}, t1, POLICY)
    assert second.due == t1 + timedelta(hours=1) and second.attempts == 2
    assert state.due_pending(SITE, t1 + timedelta(minutes=59)) == [url(2)]
    # Waiting for its backoff: a listing that shows it again does not fetch it.
    assert state.add_pending(SITE, [url(1)], t1 + timedelta(minutes=59)) == {}
    assert url(1) in state.due_pending(SITE, t1 + timedelta(hours=1))
    (third,) = state.fail_pending(SITE, {url(1): "redirect loop"}, t1, POLICY)
    assert third.given_up and third.due is None and third.attempts == 3
    assert state.pending_counts(SITE) == (1, 1)
    assert [e.url for e in state.pending(SITE, given_up=True)] == [url(1)]
    assert state.pending(SITE, given_up=True)[0].reason == "redirect loop"
    # Given up: never due, not fetched when discovered again, failures no longer count.
    assert url(1) not in state.due_pending(SITE, t1 + timedelta(days=30))
    assert state.add_pending(SITE, [url(1)], t1 + timedelta(days=30)) == {}
    assert state.fail_pending(SITE, {url(1): "HTTP 404"}, t1, POLICY) == []


def test_backoff_doubles_up_to_its_max():
    policy = RetryPolicy(max_attempts=10, backoff=3600, backoff_max=4 * 3600)
    waits = [policy.next_due(n, T0) - T0 for n in range(1, 6)]
    assert waits == [timedelta(0), timedelta(hours=1), timedelta(hours=2), timedelta(hours=4),
                     timedelta(hours=4)]
    assert policy.next_due(10, T0) is None


def test_failures_of_unknown_urls_are_ignored_and_resolve_forgets(state):  # noqa: F811
    state.add_pending(SITE, [url(1), url(2), url(3)], T0)
    assert state.fail_pending(SITE, {url(9): "HTTP 404"}, T0, POLICY) == []
    state.fail_pending(SITE, {url(3): "HTTP 404"}, T0, POLICY)
    state.fail_pending(SITE, {url(3): "HTTP 404"}, T0, POLICY)
    state.fail_pending(SITE, {url(3): "HTTP 404"}, T0, POLICY)  # given up
    state.resolve_pending(SITE, [url(1), url(3), url(9)])
    assert [e.url for e in state.pending(SITE)] == [url(2)]
    assert state.pending_counts(SITE) == (1, 0)
    # Resolved URLs are new again if discovered again and unknown.
    assert state.add_pending(SITE, [url(3)], T0) == {url(3): True}


def test_pending_writes_roll_back_with_their_transaction(state):  # noqa: F811
    try:
        with state.transaction():
            state.add_pending(SITE, [url(1)], T0)
            assert state.due_pending(SITE, T0) == [url(1)]  # its own writes
            raise RuntimeError("killed before the commit")
    except RuntimeError:
        pass
    assert state.pending_counts(SITE) == (0, 0)
    with state.transaction():
        state.record(make(5))
        state.add_pending(SITE, [url(6)], T0)
        state.resolve_pending(SITE, [url(6)])
    assert state.pending_counts(SITE) == (0, 0) and state.is_known(url(5))


def test_pending_survives_reopening(store):  # noqa: F811
    with open_state(store) as first:
        first.add_pending(SITE, [url(1)], T0)
        first.fail_pending(SITE, {url(1): "HTTP 503"}, T0, POLICY)
    with open_state(store) as again:
        (entry,) = again.pending(SITE)
        assert (entry.attempts, entry.reason, entry.due) == (1, "HTTP 503", T0)


def test_listing_walks_complete_only_without_a_failure_since_the_run_started(state):  # noqa: F811
    listings = [f"https://{SITE}/thoi-su", f"https://{SITE}/kinh-te"]
    assert state.listing_walks(SITE) == {}
    state.begin_listing_walks(SITE, listings)
    assert {u: w.complete for u, w in state.listing_walks(SITE).items()} == dict.fromkeys(
        listings, False)
    state.fail_listing_walk(SITE, listings[1], T0 + timedelta(minutes=5))
    state.complete_listing_walks(SITE, listings, T0)  # the run started before the failure
    walks = state.listing_walks(SITE)
    assert walks[listings[0]].complete and not walks[listings[1]].complete
    assert walks[listings[1]].failed_at == T0 + timedelta(minutes=5)
    # A later run: begins incomplete, keeps the failure time, completes once finished.
    later = T0 + timedelta(days=1)
    state.begin_listing_walks(SITE, listings)
    assert not any(w.complete for w in state.listing_walks(SITE).values())
    state.complete_listing_walks(SITE, listings, later)
    assert all(w.complete for w in state.listing_walks(SITE).values())
    assert state.listing_walks("moh.gov.vn") == {}


def test_a_version_3_file_gets_an_empty_frontier(tmp_path):
    path = tmp_path / "state.sqlite3"
    with open_state(path) as opened:
        opened.record(make(1))
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE pending")
        conn.execute("DROP TABLE listing_walks")
        conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    conn.close()
    with open_state(path) as opened:
        assert opened.count() == 1 and opened.pending_counts(SITE) == (0, 0)
        assert opened.add_pending(SITE, [url(1), url(2)], T0) == {url(2): True}
        assert opened.listing_walks(SITE) == {}
