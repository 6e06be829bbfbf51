from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from newscrawler.fingerprints import signature
from newscrawler.records import VN_TZ, content_hash
from newscrawler.state import ArticleState, SQLiteState, StateError, open_state

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
        published_at=PUBLISHED,
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


@pytest.fixture
def state(tmp_path):
    with open_state(tmp_path) as opened:
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


def test_persistence_across_reopen(tmp_path):
    with open_state(f"sqlite:///{tmp_path}/state.sqlite3") as first:
        first.record(make(1, aliases={"https://congthuong.vn/amp/bai-viet-1.html"}))
    with open_state(tmp_path / "state.sqlite3") as second:
        found = second.lookup_url("https://congthuong.vn/amp/bai-viet-1.html")
        assert found.content_hash == content_hash("Tiêu đề", BODY)
        assert found.near_signature == signature(BODY) and found.published_at == PUBLISHED


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
    with pytest.raises(NotImplementedError, match="distributed"):
        open_state("redis://localhost:6379/0")
    with pytest.raises(ValueError):
        open_state("postgres://db/x")


def test_concurrent_reader_sees_only_committed_batches(tmp_path):
    with open_state(tmp_path) as writer, open_state(tmp_path) as reader:
        writer.record(make(1))
        with writer.transaction():
            writer.record(make(2))
            # WAL: the reader is not blocked by the open write transaction...
            assert reader.lookup_id("congthuong.vn:1") is not None
            # ...and does not see its uncommitted rows.
            assert reader.lookup_id("congthuong.vn:2") is None
        assert reader.lookup_id("congthuong.vn:2") is not None
        mode = writer._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_bulk_insert(state):
    assert state.insert_new((make(i) for i in range(25)), batch_size=10) == 25
    assert state.count() == 25 and state.is_known("https://congthuong.vn/bai-viet-24.html")
