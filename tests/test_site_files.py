"""Sites defined without code (newscrawler/sitefiles.py, spiders/filesite.py): a TOML file
with a start URL and an article pattern crawls a replica site over real HTTP, through the
same pipelines and exports as a coded site; a bad file is one line and exit 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import exported_records, newscrawler_command, replica_truth, run_newscrawler

# congthuong.vn's article URL shape, typed from the research notes (§1: `<slug>-<id>.html`),
# not read from the spider. Its replica's pages carry no JSON-LD: what the file site
# extracts comes from the page's markup through the generic layers.
CONGTHUONG_TOML = """\
name = "congthuong_file"
publisher = "Báo Công Thương"
ministry = "Bộ Công Thương"
start_urls = ["https://congthuong.vn/"]
article_url_pattern = '^https://congthuong\\.vn/[a-z0-9-]+-\\d+\\.html$'
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_site_from_a_toml_file_exports_the_replica_truth(replica, tmp_path):
    site_file = write(tmp_path / "congthuong_file.toml", CONGTHUONG_TOML)
    data_dir = tmp_path / "data"
    result = run_newscrawler("crawl", "congthuong_file", "--site-file", str(site_file),
                             "--replica", replica.url, "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    records = {r["url"]: r for r in exported_records(data_dir, "congthuong_file")}
    truth = replica_truth("congthuong")
    assert len(truth) >= 100
    reached = [t for t in truth if t["url"] in records]
    assert len(reached) >= 0.95 * len(truth), f"{len(reached)} of {len(truth)} articles"
    exact = [t for t in reached
             if all(records[t["url"]][f] == t[f] for f in ("title", "published_at", "body"))]
    assert len(exact) >= 0.95 * len(reached), f"{len(exact)} of {len(reached)} exact"
    # The file's metadata, not the coded site's, on every record.
    assert {(r["site"], r["publisher"], r["ministry"]) for r in records.values()} == {
        ("congthuong_file", "Báo Công Thương", "Bộ Công Thương")}
    # A second run knows them all (the same crawl state as a coded site).
    again = run_newscrawler("crawl", "congthuong_file", "--site-file", str(site_file),
                            "--replica", replica.url, "--data-dir", str(data_dir))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "congthuong_file: 0 articles" in again.stdout


def test_sites_lists_a_file_site_marked_with_its_file(tmp_path):
    site_file = write(tmp_path / "x.toml", CONGTHUONG_TOML)
    result = run_newscrawler("sites", "--json", "--site-file", str(site_file))
    assert result.returncode == 0, result.stderr
    entries = {e["site"]: e for e in map(json.loads, result.stdout.splitlines())}
    entry = entries["congthuong_file"]
    assert entry["status"] == f"file: {site_file}"
    assert entry["platform"] == "file" and entry["enabled"] is True
    assert entries["congthuong"]["status"].split(":")[0] == "current"  # coded sites too
    table = run_newscrawler("sites", "--site-file", str(site_file))
    assert table.returncode == 0 and "congthuong_file" in table.stdout
    assert "file:" in table.stdout


def test_the_sites_directory_of_the_current_directory_is_read(tmp_path):
    write(tmp_path / "sites.d" / "one.toml", CONGTHUONG_TOML)
    result = subprocess.run(newscrawler_command("sites", "--json"), capture_output=True,
                            text=True, timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    entries = {e["site"]: e for e in map(json.loads, result.stdout.splitlines())}
    assert entries["congthuong_file"]["status"] == "file: sites.d/one.toml"


BAD_FILES = [
    ("name", 'name = "con-gthuong"', "letters, digits and underscore"),
    ("name", 'name = "congthuong"', "coded site"),
    ("article_url_pattern", "article_url_pattern = '^https://(x'", "regular expression"),
    ("start_urls", 'start_urls = ["ftp://congthuong.vn/"]', "http(s) URL"),
    ("start_urls", "start_urls = []", "non-empty list"),
    ("date_order", 'date_order = "year_first"', "day_first, month_first"),
    ("selectors.headline", '[selectors]\nheadline = "h1"', "unknown selector"),
    ("selectors.title", '[selectors]\ntitle = "h1[["', "CSS selector"),
    ("colour", 'colour = "blue"', "unknown key"),
    ("ministries.since", '[[ministries]]\nname = "Bộ A"\nsince = "2025-13-01"', "a date"),
    ("allowed_domains", 'allowed_domains = ["other.vn"]', "every start URL"),
]


def bad_toml(key: str, line: str) -> str:
    base = dict(line.split(" = ", 1) for line in CONGTHUONG_TOML.splitlines())
    top = line.split("\n")[0]
    name = top.split(" = ", 1)[0] if " = " in top else None
    if key.startswith("ministries"):
        base.pop("ministry")
    text = "\n".join(f"{k} = {v}" for k, v in base.items() if k != name)
    return f"{line}\n{text}\n" if not line.startswith("[") else f"{text}\n{line}\n"


@pytest.mark.parametrize(("key", "line", "allowed"), BAD_FILES)
def test_a_bad_site_file_is_one_line_naming_file_key_and_what_is_allowed(
        tmp_path, key, line, allowed):
    site_file = write(tmp_path / "bad.toml", bad_toml(key, line))
    for command in (["sites"], ["crawl", "congthuong_file", "--data-dir",
                                str(tmp_path / "data")]):
        result = run_newscrawler(*command, "--site-file", str(site_file))
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        message = result.stderr.strip()
        assert "\n" not in message, message
        assert f"{site_file}: {key}: " in message and allowed in message, message
    assert not (tmp_path / "data").exists()  # refused before anything was written


def test_a_file_that_is_no_toml_or_lacks_a_required_key_is_refused(tmp_path):
    broken = write(tmp_path / "broken.toml", 'name = "x\n')
    result = run_newscrawler("sites", "--site-file", str(broken))
    assert result.returncode == 2 and f"{broken}: not valid TOML" in result.stderr
    no_pattern = write(tmp_path / "nopattern.toml", "\n".join(
        line for line in CONGTHUONG_TOML.splitlines() if "pattern" not in line))
    result = run_newscrawler("sites", "--site-file", str(no_pattern))
    assert result.returncode == 2
    assert f"{no_pattern}: article_url_pattern: a non-empty string is required" in result.stderr
    missing = run_newscrawler("sites", "--site-file", str(tmp_path / "none.toml"))
    assert missing.returncode == 2 and "none.toml" in missing.stderr


def test_scrapy_crawl_finds_a_file_site_by_name(tmp_path):
    site_file = write(tmp_path / "c.toml", CONGTHUONG_TOML)
    result = subprocess.run([sys.executable, "-m", "scrapy", "list", "-s",
                             f"NEWSCRAWLER_SITE_FILES={site_file}"], capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).parent.parent,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "congthuong_file" in result.stdout.split()


def test_the_readme_example_is_a_valid_site_file(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Sites without code", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    # The optional keys, commented out in the README, are valid too.
    uncommented = "\n".join(line.removeprefix("# ") if re.match(r"# (\[|[a-z_]+ = )", line)
                            else line for line in example.splitlines())
    for text, name in ((example, "example"), (uncommented, "uncommented")):
        site_file = write(tmp_path / f"{name}.toml", text.replace(
            'name = "congthuong_file"', f'name = "{name}"'))
        result = run_newscrawler("sites", "--json", "--site-file", str(site_file))
        assert result.returncode == 0, result.stderr
        assert name in {json.loads(line)["site"] for line in result.stdout.splitlines()}


def test_site_file_is_repeatable_and_a_name_defined_twice_is_refused(tmp_path):
    one = write(tmp_path / "one.toml", CONGTHUONG_TOML)
    two = write(tmp_path / "two.toml", CONGTHUONG_TOML.replace("congthuong_file", "second"))
    result = run_newscrawler("sites", "--json", "--site-file", str(one), "--site-file",
                             str(two))
    assert result.returncode == 0, result.stderr
    sites = {json.loads(line)["site"] for line in result.stdout.splitlines()}
    assert {"congthuong_file", "second"} <= sites
    again = write(tmp_path / "again.toml", CONGTHUONG_TOML)
    result = run_newscrawler("sites", "--site-file", str(one), "--site-file", str(again))
    assert result.returncode == 2
    assert f"{again}: name: 'congthuong_file' is defined by {one} already" in result.stderr


def test_a_file_site_reads_feeds_its_pages_announce_and_sitemaps_robots_txt_names(tmp_path):
    from scrapy import Request
    from scrapy.http import HtmlResponse, TextResponse
    from scrapy.utils.test import get_crawler

    from newscrawler.sitefiles import read_site_file
    from newscrawler.spiders.filesite import spider_class

    spider_cls = spider_class(read_site_file(write(tmp_path / "c.toml", CONGTHUONG_TOML)))
    crawler = get_crawler(spider_cls, {"NEWSCRAWLER_MAX_LISTING_PAGES": 500,
                                       "NEWSCRAWLER_STALE_PAGES": 2})
    crawler._apply_settings()
    spider = spider_cls.from_crawler(crawler)
    robots = TextResponse("https://congthuong.vn/robots.txt", encoding="utf-8",
                          body=b"User-agent: *\nSitemap: https://congthuong.vn/sm.xml\n"
                               b"Sitemap: https://elsewhere.vn/sm.xml\n")
    assert [r.url for r in spider.parse_robots(robots)] == ["https://congthuong.vn/sm.xml"]
    listing = HtmlResponse(
        "https://congthuong.vn/", encoding="utf-8", request=Request("https://congthuong.vn/"),
        body=b'<html><head><link rel="alternate" type="application/rss+xml" '
             b'href="/rss/tin.rss"></head><body><a href="/thoi-su">Thoi su</a>'
             b'<a href="/thoi-su-trong-ngay-123.html">x</a></body></html>')
    requests = list(spider.parse_listing(listing, page=1))
    assert [(r.url, r.callback.__name__) for r in requests] == [
        ("https://congthuong.vn/rss/tin.rss", "parse_feed"),
        ("https://congthuong.vn/thoi-su-trong-ngay-123.html", "parse_article"),
        ("https://congthuong.vn/thoi-su", "parse_listing"),
    ]


def test_the_site_files_setting_is_checked_like_the_option(tmp_path):
    missing = tmp_path / "missing.toml"
    result = run_newscrawler("crawl", "congthuong", "--data-dir", str(tmp_path / "data"),
                             "-s", f"NEWSCRAWLER_SITE_FILES={missing}")
    assert result.returncode == 2
    assert result.stderr.strip() == f"newscrawler: error: {missing}: no such site file"
    from scrapy.settings import Settings

    from newscrawler.preflight import SETTINGS

    settings = Settings({"NEWSCRAWLER_SITE_FILES": [str(missing)]})
    assert SETTINGS["NEWSCRAWLER_SITE_FILES"].check(settings, "NEWSCRAWLER_SITE_FILES") == (
        f"no such file: {missing}")
    settings = Settings({"NEWSCRAWLER_SITE_FILES": 3})
    assert SETTINGS["NEWSCRAWLER_SITE_FILES"].check(settings, "NEWSCRAWLER_SITE_FILES") == (
        "expected a list of file paths")
