"""With every selector of the congthuong spider switched off, the seed article still comes
out right from the fallback layers (metadata, generic extractor), and the provenance
stats of the run show where each field came from."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from .conftest import exported_records, run_newscrawler
from .test_crawl_congthuong import seed_lines

# The project's AEB metric, copied beside the reference pages (see their README).
AEB_METRIC = Path(__file__).resolve().parent / "fixtures" / "reference" / "aeb_metric.py"
SEED_TITLE = "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ"


def aeb_metric():
    spec = importlib.util.spec_from_file_location("aeb_metric", AEB_METRIC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generic_crawl(replica, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("no-selectors")
    result = run_newscrawler("crawl", "congthuong", "--replica", replica.url,
                             "--data-dir", str(data_dir),
                             "-s", "NEWSCRAWLER_USE_SITE_SELECTORS=False")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(next((data_dir / "runs").glob("*.json")).read_text("utf-8"))
    return exported_records(data_dir, "congthuong"), summary["sites"]["congthuong"]


def test_seed_from_fallback_layers(generic_crawl):
    records, _ = generic_crawl
    [seed] = [r for r in records if r["title"] == SEED_TITLE]
    assert seed["published_at"] == "2017-12-21T11:38:00+07:00"
    for field in ("title", "published_at", "body"):
        assert seed["provenance"][field] in ("metadata", "fallback"), field
    expected_body = "\n\n".join(seed_lines()[5:12])
    counts = aeb_metric().doc_counts(expected_body, seed["body"])
    precision, recall = counts[0] / (counts[0] + counts[1]), counts[0] / (counts[0] + counts[2])
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95, (precision, recall)


def test_provenance_stats_show_no_selector(generic_crawl):
    records, site = generic_crawl
    stats = site["stats"]
    assert not [key for key in stats if key.endswith("/selector")]
    for field in ("title", "body", "published_at"):
        from_layers = sum(stats.get(f"field/congthuong/{field}/{layer}", 0)
                          for layer in ("metadata", "fallback"))
        assert from_layers == len(records), field
