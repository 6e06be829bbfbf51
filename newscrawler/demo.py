"""`make demo`: serve the replica sites, crawl them with the real pipeline, show the output.

Everything runs offline: the replica server listens on 127.0.0.1 and the crawl is the
same `newscrawler crawl` a user runs, pointed at it with --replica.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from newscrawler.replica import REPLICA_SITES, load_sites
from newscrawler.replica.server import ReplicaServer


def count_lines(paths: list[Path]) -> int:
    return sum(sum(1 for _ in path.open(encoding="utf-8")) for path in paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawler.demo", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path("data/demo"))
    parser.add_argument("sites", nargs="*", help="replica sites to crawl (default: all)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir.resolve()
    sites = args.sites or sorted(REPLICA_SITES)
    # A demo starts afresh: with the state of an earlier demo, nothing would be new.
    shutil.rmtree(data_dir, ignore_errors=True)

    server = ReplicaServer(load_sites(sites))
    server.start()
    print(f"replica sites served at {server.base_url}", flush=True)
    try:
        command = [sys.executable, "-m", "newscrawler.cli", "crawl", *sites,
                   "--replica", server.base_url, "--data-dir", str(data_dir)]
        status = subprocess.run(command, check=False).returncode
    finally:
        server.stop()
    print(f"\noutput in {data_dir / 'articles'}")
    for site_dir in sorted((data_dir / "articles").glob("*")):
        files = sorted(site_dir.rglob("*.jsonl"))
        print(f"  {site_dir.name}: {count_lines(files)} articles in {len(files)} file(s)")
    return status


if __name__ == "__main__":
    sys.exit(main())
