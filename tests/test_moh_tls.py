"""moh.gov.vn's weak-DH TLS (vn_sites_2026 §10, 2026: a small DH key that OpenSSL 3 refuses
by default): the moh crawler connects, and only it. A replica served over TLS with DHE-RSA
suites only and a 1024-bit group (newscrawler/replica/weaktls.py) is crawled by real
`newscrawler crawl` processes; several sites in one process share nothing but the
reactor, each crawler its own settings and TLS contexts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from newscrawler.replica import load_sites
from newscrawler.replica.server import ReplicaServer
from newscrawler.replica.weaktls import OAKLEY_GROUP_2, dh_params_pem, weak_dh_context

from .conftest import exported_records, replica_truth, run_newscrawler

DH_REFUSED = "dh key too small"  # OpenSSL's reason, in the crawl log


@pytest.fixture(scope="module")
def weak_dh_replica(tmp_path_factory):
    directory = tmp_path_factory.mktemp("weak-dh")
    server = ReplicaServer(load_sites(["moh", "congthuong"]))
    server.use_tls(weak_dh_context(directory)).start()
    yield server
    server.stop()


def crawl(replica: ReplicaServer, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return run_newscrawler("crawl", *args, "--replica", replica.base_url,
                           "--data-dir", str(data_dir))


def log_text(data_dir: Path) -> str:
    return "".join(path.read_text() for path in (data_dir / "logs").glob("*.log"))


def test_the_group_is_rfc_2409_oakley_group_2():
    # Typed from the RFC's formula, independently of the hex constant.
    from decimal import Decimal, getcontext

    getcontext().prec = 320
    pi = sum(Decimal(1) / 16 ** k * (Decimal(4) / (8 * k + 1) - Decimal(2) / (8 * k + 4)
             - Decimal(1) / (8 * k + 5) - Decimal(1) / (8 * k + 6)) for k in range(260))
    prime = 2 ** 1024 - 2 ** 960 - 1 + 2 ** 64 * (int(Decimal(2) ** 894 * pi) + 129093)
    assert OAKLEY_GROUP_2 == prime and prime.bit_length() == 1024
    assert dh_params_pem().startswith(b"-----BEGIN DH PARAMETERS-----\n")


def test_moh_connects_and_another_site_in_the_same_process_is_refused(weak_dh_replica,
                                                                     tmp_path):
    result = crawl(weak_dh_replica, tmp_path, "moh", "congthuong")
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    moh_line = next(line for line in lines if line.startswith("moh: "))
    assert "FAILED" not in moh_line and ", 0 errors" in moh_line, result.stdout
    records = exported_records(tmp_path, "moh")
    truth = replica_truth("moh")
    assert sorted(r["url"] for r in records) == sorted(r["url"] for r in truth)
    # Link variants were folded before fetching: no `/vi_VN/` request (they answer 502);
    # friendly `/web/guest/-/` URLs were fetched, their records took the canonical URL.
    asked = list(weak_dh_replica.hits)
    assert [path for path in asked if path.startswith("/moh.gov.vn/vi_VN")] == []
    assert any(path.startswith("/moh.gov.vn/web/guest/-/") for path in asked)
    congthuong_line = next(line for line in lines if line.startswith("congthuong: "))
    assert congthuong_line.startswith("congthuong: FAILED"), result.stdout
    assert exported_records(tmp_path, "congthuong") == []
    assert DH_REFUSED in log_text(tmp_path)


def test_moh_without_its_setting_is_refused_too(weak_dh_replica, tmp_path):
    """The server is really too weak for the defaults: the setting is what connects."""
    result = crawl(weak_dh_replica, tmp_path, "moh", "-s", "NEWSCRAWLER_TLS_SECURITY_LEVEL=")
    assert result.returncode == 1 and "moh: FAILED" in result.stdout, result.stdout
    assert exported_records(tmp_path, "moh") == []
    assert DH_REFUSED in log_text(tmp_path)


def test_a_seclevel_cipher_string_alone_does_not_connect(weak_dh_replica, tmp_path):
    """Why the handler adds `@SECLEVEL` itself: through DOWNLOADER_CLIENT_TLS_CIPHERS,
    Twisted expands the string into cipher names and the directive is lost."""
    result = crawl(weak_dh_replica, tmp_path, "congthuong",
                   "-s", "DOWNLOADER_CLIENT_TLS_CIPHERS=DEFAULT:@SECLEVEL=1")
    assert result.returncode == 1 and "congthuong: FAILED" in result.stdout, result.stdout
    assert DH_REFUSED in log_text(tmp_path)



def test_outside_replica_mode_only_the_moh_crawler_asks_for_level_1():
    """Real runs (no replica): each crawler's own settings; only moh's name the handler
    and the level. (The crawls above prove the handler applies them.)"""
    from scrapy.utils.test import get_crawler

    from newscrawler.handlers import tls_security_level
    from newscrawler.runner import spider_loader

    loader = spider_loader()
    moh = get_crawler(loader.load("moh")).settings
    assert moh.getdict("DOWNLOAD_HANDLERS")["https"] == (
        "newscrawler.handlers.SiteTLSDownloadHandler")
    assert tls_security_level(moh) == 1
    for site in loader.list():
        if site != "moh":
            assert tls_security_level(get_crawler(loader.load(site)).settings) is None, site
