from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from newscrawler.fingerprints import (
    NEAR_DUPLICATE_MIN_JACCARD,
    signature,
    sketch,
    sketch_similarity,
)
from newscrawler.records import VN_TZ, content_hash
from newscrawler.state import ArticleState, SQLiteState, StateError, open_state
from newscrawler.state.sqlite import SCHEMA_VERSION

BODY = (
    "Ngày 21/12, tại Đà Nẵng, Bộ Thông tin và Truyền thông phối hợp với UBND TP Đà Nẵng tổ "
    "chức Hội nghị sơ kết giai đoạn 2013 - 2017 và triển khai Chương trình hành động của "
    "Chính phủ thực hiện Chiến lược thông tin đối ngoại giai đoạn 2013 - 2020. Sau gần 5 năm "
    "triển khai, các bộ, ngành, địa phương đã đạt được những kết quả đáng ghi nhận."
)
PUBLISHED = datetime(2017, 12, 21, 11, 38, tzinfo=VN_TZ)


def make(number: int = 1, site: str = "congthuong.vn", body: str = BODY, **changes):
    article = ArticleState(
        id=f"{site}:{number}",
        site=site,
        url=f"https://{site}/bai-viet-{number}.html",
        content_hash=content_hash("Tiêu đề", body),
        near_signature=signature(body),
        near_sketch=sketch(body),
        published_at=PUBLISHED,
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path) -> str:
    """Where a fresh crawl state lives, for each backend: what `open_state` takes."""
    if request.param == "sqlite":
        return str(tmp_path)
    server = request.getfixturevalue("redis_server")
    server.flush(STATE_DB)
    return server.url(STATE_DB)


STATE_DB = 3  # the Redis database of these tests, flushed before each


@pytest.fixture
def state(store):
    with open_state(store) as opened:
        yield opened


def test_insert_and_lookups(state):
    stored = state.record(make())
    assert stored.version == 1 and stored.first_seen == stored.last_seen
    assert stored.published_at == PUBLISHED
    assert state.lookup_url("https://congthuong.vn/bai-viet-1.html").id == "congthuong.vn:1"
    assert state.lookup_hash(stored.content_hash).id == "congthuong.vn:1"
    assert state.lookup_id("congthuong.vn:1").near_signature == signature(BODY)
    assert state.lookup_url("https://congthuong.vn/bai-viet-2.html") is None
    assert state.lookup_hash("0" * 40) is None
    assert state.is_known("https://congthuong.vn/bai-viet-1.html")
    assert not state.is_known("https://congthuong.vn/bai-viet-2.html")
    assert state.count() == 1 and state.count("moit.gov.vn") == 0


def test_aliases(state):
    state.record(make(aliases={"https://congthuong.vn/print/bai-viet-1.html"}))
    state.add_alias("congthuong.vn:1", "https://congthuong.vn/bai-viet-1.html?old=1")
    state.add_alias("congthuong.vn:1", "https://congthuong.vn/bai-viet-1.html")  # own URL
    found = state.lookup_url("https://congthuong.vn/bai-viet-1.html?old=1")
    assert found.id == "congthuong.vn:1"
    assert found.aliases == {
        "https://congthuong.vn/print/bai-viet-1.html",
        "https://congthuong.vn/bai-viet-1.html?old=1",
    }
    assert state.is_known("https://congthuong.vn/print/bai-viet-1.html")
    with pytest.raises(StateError, match="no article"):
        state.add_alias("congthuong.vn:404", "https://congthuong.vn/x.html")


def test_update_bumps_version_only_when_content_changes(state):
    first = state.record(make(first_seen=datetime(2024, 1, 1, tzinfo=VN_TZ)))
    same = state.record(make(last_seen=datetime(2025, 1, 1, tzinfo=VN_TZ)))
    assert same.version == 1 and same.first_seen == first.first_seen
    assert same.last_seen == datetime(2025, 1, 1, tzinfo=VN_TZ)
    edited = state.record(make(body=BODY + " Bài viết đã được cập nhật."))
    assert edited.version == 2 and edited.first_seen == first.first_seen
    assert state.lookup_hash(first.content_hash) is None
    assert state.lookup_hash(edited.content_hash).id == first.id


def test_changed_url_keeps_old_one_as_alias(state):
    state.record(make())
    moved = state.record(make(url="https://congthuong.vn/bai-viet-moi-1.html"))
    assert moved.url == "https://congthuong.vn/bai-viet-moi-1.html"
    assert moved.aliases == {"https://congthuong.vn/bai-viet-1.html"}
    assert state.lookup_url("https://congthuong.vn/bai-viet-1.html").id == moved.id


def test_url_owned_by_another_article_is_a_state_error(state):
    state.record(make(1))
    with pytest.raises(StateError, match="conflicting"):
        state.record(make(2, url="https://congthuong.vn/bai-viet-1.html"))


def test_near_duplicates_across_sites(state):
    state.record(make(1, site="congthuong.vn"))
    state.record(make(2, site="moit.gov.vn", body="Một bài khác hẳn về giá xăng dầu hôm nay."))
    syndicated = "(Chinhphu.vn) - " + BODY.replace("đáng ghi nhận", "quan trọng") + " Theo TTXVN"
    found = state.near_duplicates(signature(syndicated))
    assert [a.id for a in found] == ["congthuong.vn:1"]
    # The candidate carries its sketch, so the caller can verify it.
    assert found[0].near_sketch == sketch(BODY)
    assert sketch_similarity(sketch(syndicated), found[0].near_sketch) >= NEAR_DUPLICATE_MIN_JACCARD
    assert state.near_duplicates(signature(syndicated), exclude_site="congthuong.vn") == []
    assert state.near_duplicates(signature(syndicated), max_distance=0) == []


def test_recheck_candidates(state):
    for day in range(5):
        state.record(make(day, published_at=PUBLISHED + timedelta(days=day)))
    state.record(make(9, site="moit.gov.vn", published_at=PUBLISHED + timedelta(days=4)))
    since = PUBLISHED + timedelta(days=3)
    assert state.recheck_candidates("congthuong.vn", since) == [
        "https://congthuong.vn/bai-viet-4.html", "https://congthuong.vn/bai-viet-3.html",
    ]


def test_transaction_rolls_back_everything_on_exception(state):
    state.record(make(1))
    with pytest.raises(RuntimeError), state.transaction():
        state.record(make(2))
        state.add_alias("congthuong.vn:1", "https://congthuong.vn/alias.html")
        raise RuntimeError("export file incomplete")
    assert state.lookup_id("congthuong.vn:2") is None
    assert not state.is_known("https://congthuong.vn/alias.html")
    with state.transaction():
        state.record(make(3))
    assert state.count() == 2


def test_nested_transaction_rolls_back_inner_only(state):
    with state.transaction():
        state.record(make(1))
        with pytest.raises(KeyError), state.transaction():
            state.record(make(2))
            raise KeyError
    assert state.count() == 1 and state.lookup_id("congthuong.vn:1")


def test_persistence_across_reopen(store):
    first_target = store if "://" in store else f"sqlite:///{store}/state.sqlite3"
    with open_state(first_target) as first:
        first.record(make(1, aliases={"https://congthuong.vn/amp/bai-viet-1.html"}))
    with open_state(store) as second:
        found = second.lookup_url("https://congthuong.vn/amp/bai-viet-1.html")
        assert found.content_hash == content_hash("Tiêu đề", BODY)
        assert found.near_signature == signature(BODY) and found.published_at == PUBLISHED
        assert found.near_sketch == sketch(BODY)


def test_foreign_and_corrupted_files_raise_state_error(tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("this is not a database\n" * 100)
    with pytest.raises(StateError, match="not a newscrawler state database"):
        open_state(text_file)
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(StateError, match="not a newscrawler state database"):
        open_state(foreign)
    broken = tmp_path / "broken.sqlite3"
    with open_state(broken) as good:
        good.insert_new(make(i) for i in range(300))
    data = bytearray(broken.read_bytes())
    data[100:len(data)] = b"\xff" * (len(data) - 100)
    broken.write_bytes(bytes(data))
    with pytest.raises(StateError, match="not a newscrawler state database"):
        with open_state(broken) as state:
            state.lookup_url("https://congthuong.vn/bai-viet-1.html")


def test_closed_state_and_unknown_uris(tmp_path):
    state = SQLiteState(tmp_path / "s.sqlite3")
    with pytest.raises(StateError, match="not open"):
        state.lookup_url("https://x.vn/")
    with pytest.raises(ValueError):
        open_state("postgres://db/x")


def test_unreachable_redis_is_a_one_line_state_error():
    from .conftest import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    with pytest.raises(StateError) as raised:
        open_state(url)
    assert str(raised.value) == f"{url}: cannot connect (Connection refused)"
    secret = "s3cret-password"  # never printed
    with pytest.raises(StateError) as raised:
        open_state(f"redis://:{secret}@127.0.0.1:{free_port()}/0")
    assert secret not in str(raised.value) and ":***@127.0.0.1" in str(raised.value)


def test_concurrent_reader_sees_only_committed_batches(store):
    with open_state(store) as writer, open_state(store) as reader:
        writer.record(make(1))
        with writer.transaction():
            writer.record(make(2))
            # The writer reads its own uncommitted writes...
            assert writer.lookup_id("congthuong.vn:2").url.endswith("bai-viet-2.html")
            assert writer.count() == 2
            # ...the reader is not blocked by the open write transaction...
            assert reader.lookup_id("congthuong.vn:1") is not None
            # ...and does not see its uncommitted rows.
            assert reader.lookup_id("congthuong.vn:2") is None
            assert not reader.is_known("https://congthuong.vn/bai-viet-2.html")
        assert reader.lookup_id("congthuong.vn:2") is not None
        if isinstance(writer, SQLiteState):
            mode = writer._conn.execute("PRAGMA journal_mode").fetchone()[0]
            assert mode == "wal"


def test_reads_inside_a_transaction_see_its_own_writes(state):
    """What reconcile and the extension rely on: a lookup after a record in the same
    transaction sees the record, including the indexes (hash, bands, aliases, dates)."""
    state.record(make(1, url="https://congthuong.vn/cu-1.html"))
    with state.transaction():
        moved = state.record(make(1))  # a new URL: the old one becomes an alias
        assert moved.aliases == {"https://congthuong.vn/cu-1.html"}
        assert state.lookup_url("https://congthuong.vn/cu-1.html").id == "congthuong.vn:1"
        state.record(make(2, site="moit.gov.vn", body=OTHER_BODY))
        assert state.lookup_hash(content_hash("Tiêu đề", OTHER_BODY)).id == "moit.gov.vn:2"
        assert [a.id for a in state.near_duplicates(signature(OTHER_BODY))] == ["moit.gov.vn:2"]
        assert state.recheck_candidates("moit.gov.vn", PUBLISHED) == [
            "https://moit.gov.vn/bai-viet-2.html"]
        assert state.count() == 2 and state.count("moit.gov.vn") == 1
        edited = state.record(make(2, site="moit.gov.vn", body=OTHER_BODY + " Sửa."))
        assert edited.version == 2
        assert state.lookup_hash(content_hash("Tiêu đề", OTHER_BODY)) is None
        assert state.near_duplicates(signature(OTHER_BODY), max_distance=0) == []


def test_concurrent_redis_writers_of_one_article_both_count(redis_server):
    """Two workers record the same article at once: the later commit sees the earlier one
    (the WATCHed transaction is replayed on fresh data; SQLite's write lock serialises)."""
    redis_server.flush(STATE_DB)
    store = redis_server.url(STATE_DB)
    with open_state(store) as first, open_state(store) as second:
        first.record(make(1))
        with first.transaction():
            first.record(make(1, body=BODY + " Bản sửa thứ nhất."))
            # Another worker commits a new version in between.
            assert second.record(make(1, body=BODY + " Bản sửa khác.")).version == 2
        final = second.lookup_id("congthuong.vn:1")
        assert final.version == 3
        assert final.content_hash == content_hash("Tiêu đề", BODY + " Bản sửa thứ nhất.")
        assert second.lookup_hash(content_hash("Tiêu đề", BODY + " Bản sửa khác.")) is None


def test_redis_band_probe_finds_what_the_python_probe_finds(redis_server):
    """The server-side probe (outside transactions) against probe_values (inside)."""
    import random

    from newscrawler.fingerprints import (
        NEAR_DUPLICATE_MAX_DISTANCE,
        band_values,
        hamming_distance,
        probe_values,
    )

    redis_server.flush(STATE_DB)
    rng = random.Random(20261126)
    base = rng.getrandbits(64)
    signatures = [base ^ sum(1 << bit for bit in rng.sample(range(64), flips))
                  for flips in range(0, 24) for _ in range(3)]
    with open_state(redis_server.url(STATE_DB)) as state:
        state.insert_new(make(i, near_signature=sig) for i, sig in enumerate(signatures))
        probed = [set(values) for values in probe_values(base)]
        expected = {f"congthuong.vn:{i}" for i, sig in enumerate(signatures)
                    if hamming_distance(base, sig) <= NEAR_DUPLICATE_MAX_DISTANCE
                    and any(v in probed[b] for b, v in enumerate(band_values(sig)))}
        outside = [a.id for a in state.near_duplicates(base)]
        with state.transaction():
            inside = [a.id for a in state.near_duplicates(base)]
    assert set(outside) == expected and outside == inside
    assert len(expected) > 10 and len(expected) < len(signatures)


def test_bulk_insert(state):
    assert state.insert_new((make(i) for i in range(25)), batch_size=10) == 25
    assert state.count() == 25 and state.is_known("https://congthuong.vn/bai-viet-24.html")


def test_update_replaces_the_sketch(state):
    state.record(make())
    edited = BODY + " Bài viết đã được cập nhật."
    assert state.record(make(body=edited)).near_sketch == sketch(edited)


def _downgrade_to_version_1(path) -> None:
    """What a file written before sketches existed looks like: neither the sketch nor the
    duplicate_of column (added in version 3), nor the frontier tables (version 4), version 1."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE pending")
        conn.execute("DROP TABLE listing_walks")
        conn.execute("ALTER TABLE articles DROP COLUMN near_sketch")
        conn.execute("ALTER TABLE articles DROP COLUMN duplicate_of")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    conn.close()


def test_version_1_file_is_migrated_in_place(tmp_path):
    path = tmp_path / "state.sqlite3"
    with open_state(path) as state:
        state.record(make(1))
    _downgrade_to_version_1(path)
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    conn.close()
    assert "near_sketch" not in columns
    with open_state(path) as state:
        old = state.lookup_id("congthuong.vn:1")
        assert old.near_sketch is None and old.near_signature == signature(BODY)
        # The old row is still a SimHash candidate, but one that cannot be verified.
        assert [a.near_sketch for a in state.near_duplicates(signature(BODY))] == [None]
        state.record(make(2, body=BODY + " Tin mới."))
        assert state.lookup_id("congthuong.vn:2").near_sketch == sketch(BODY + " Tin mới.")
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    conn.close()
    assert int(version[0]) == SCHEMA_VERSION == 4
    with open_state(path) as state:  # opening again is a no-op
        assert state.count() == 2


def test_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "state.sqlite3"
    open_state(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(StateError, match="unsupported state schema version"):
        open_state(path)


OTHER_BODY = (
    "Chiều 21/12, tại Hà Nội, Bộ Công Thương tổ chức hội nghị tổng kết công tác năm và "
    "triển khai nhiệm vụ trọng tâm năm tới với sự tham dự của hơn 300 đại biểu. Phát biểu "
    "tại hội nghị, Bộ trưởng nhấn mạnh ngành đã hoàn thành vượt kế hoạch xuất khẩu, cắt "
    "giảm nhiều điều kiện kinh doanh và đẩy mạnh chuyển đổi số trong quản lý nhà nước."
)


@pytest.fixture
def dedup(store):
    """A DedupPipeline on a CrawlStateExtension over a fresh state."""
    from scrapy.utils.test import get_crawler

    from newscrawler.pipelines.dedup import DedupPipeline
    from newscrawler.state.extension import CrawlStateExtension

    crawler = get_crawler(settings_dict={"NEWSCRAWLER_STATE": store,
                                         "NEWSCRAWLER_RECHECK_DAYS": 2.0})
    extension = CrawlStateExtension(crawler, store)
    yield DedupPipeline(crawler, extension, "mark")
    extension.engine_stopped()


def test_simhash_collision_of_unrelated_articles_is_not_a_duplicate(dedup):
    """The defect: an unrelated article of the same site within the SimHash threshold."""
    dedup.state.state.record(make(1))  # committed by an earlier run
    dedup.state.exported(make(2, body=BODY))  # exported earlier in this run
    # Same signature, other text: SimHash says duplicate, the sketch says otherwise.
    unrelated = make(3, body=OTHER_BODY, near_signature=signature(BODY))
    assert {a.id for a in dedup.state.state.near_duplicates(unrelated.near_signature)} == {
        "congthuong.vn:1"}
    assert dedup.state.near_duplicates(unrelated.near_signature, unrelated.near_sketch) == []
    assert dedup.content_match(unrelated) is None


def test_verified_near_duplicate_is_the_most_similar_one(dedup):
    copy = BODY.replace("đáng ghi nhận", "quan trọng") + " Theo TTXVN"
    dedup.state.state.record(make(1, body=BODY + " Thêm một câu về kết quả hội nghị."))
    dedup.state.exported(make(2, site="moit.gov.vn", body=BODY))
    current = make(3, site="baochinhphu.vn", body=copy,
                   content_hash=content_hash("Tiêu đề khác", copy))
    found = dedup.state.near_duplicates(current.near_signature, current.near_sketch)
    assert [a.id for a in found] == ["moit.gov.vn:2", "congthuong.vn:1"]
    assert dedup.content_match(current).id == "moit.gov.vn:2"


def test_candidate_without_sketch_is_never_accepted(dedup):
    dedup.state.state.record(make(1, near_sketch=None))  # recorded before sketches existed
    current = make(2, content_hash=content_hash("Tiêu đề khác", BODY))
    assert dedup.content_match(current) is None
