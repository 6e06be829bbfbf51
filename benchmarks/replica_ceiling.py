"""A fast serving mode of the replica, for benchmarks only, and its measured ceiling.

The project's replica server (`newscrawler.replica.server`) is a threaded `http.server`:
~500-700 requests/s on two cores, slower than the crawler it would be measuring. Here the
same site objects answer through the same routing (`ReplicaServer.respond`, path prefix
`/<domain>/<path>`, so `ReplicaDownloadHandler` works unchanged), but from a small asyncio
server in its own process that renders each path once (with a fixed clock, so every page is
the same on every run) and then serves the stored bytes, gzip-compressed once.

    python -m benchmarks.replica_ceiling serve --articles N [--sites KEY ...]
    python -m benchmarks.replica_ceiling ceiling URL PATHS_FILE [--requests N]

`serve` prints its base URL, then serves until SIGTERM. Besides the sites it answers
`/_bench/count?reset=1` (requests served since the last reset, as JSON) and
`/_bench/paths` (every site path requested so far, in first-request order, as JSON).
`ceiling` hammers a server with keep-alive GETs over 32 connections from one process and
prints requests/s: a lower bound of the server's ceiling (the client is Python too).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import logging
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CONTROL = "/_bench/"
# The clock bars of the replica pages show this time: pages are identical across runs.
FIXED_NOW = "2026-11-26T12:00:00+07:00"
_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found",
            500: "Internal Server Error"}


class _Cache:
    """Rendered responses by request path: (head for identity, head for gzip, raw, gzipped)."""

    def __init__(self, replica: Any):
        self.replica = replica
        self.entries: dict[str, tuple[bytes, bytes, bytes, bytes]] = {}
        self.count = 0

    def get(self, path: str) -> tuple[bytes, bytes, bytes, bytes]:
        entry = self.entries.get(path)
        if entry is None:
            status, headers, body = self.replica.respond(path, None)
            packed = gzip.compress(body, compresslevel=5, mtime=0) if body else b""
            compressible = headers.get("Content-Type", "").startswith(
                ("text/", "application/xml", "application/rss+xml", "application/json"))
            entry = (_head(status, headers, len(body)),
                     _head(status, {**headers, "Content-Encoding": "gzip",
                                    "Vary": "Accept-Encoding"}, len(packed))
                     if compressible and body else _head(status, headers, len(body)),
                     body, packed if compressible and body else body)
            self.entries[path] = entry
        return entry


def _head(status: int, headers: dict[str, str], length: int) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'OK')}", "Server: nginx"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines += [f"Content-Length: {length}", "", ""]
    return "\r\n".join(lines).encode("latin-1")


class _Protocol(asyncio.Protocol):
    def __init__(self, cache: _Cache):
        self.cache = cache
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            self._answer(head.decode("latin-1"))

    def _answer(self, head: str) -> None:
        request_line, *header_lines = head.split("\r\n")
        parts = request_line.split(" ")
        path = parts[1] if len(parts) > 1 else "/"
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip().lower()
        if path.startswith(CONTROL):
            body = json.dumps(self._control(path)).encode()
            self.transport.write(_head(200, {"Content-Type": "application/json"}, len(body))
                                 + body)
            return
        self.cache.count += 1
        plain_head, gzip_head, body, packed = self.cache.get(path)
        wants_gzip = "gzip" in headers.get("accept-encoding", "")
        head_bytes, payload = (gzip_head, packed) if wants_gzip else (plain_head, body)
        self.transport.write(head_bytes + (payload if parts[0] != "HEAD" else b""))
        if headers.get("connection") == "close":
            self.transport.close()

    def _control(self, path: str) -> Any:
        if path.startswith(CONTROL + "count"):
            count = self.cache.count
            if "reset=1" in path:
                self.cache.count = 0
            return {"count": count}
        if path.startswith(CONTROL + "paths"):
            return list(self.cache.entries)
        return {"error": "unknown control path"}


def serve(articles: int, sites: list[str] | None, port: int = 0) -> None:
    from newscrawler.replica import load_sites
    from newscrawler.replica.server import ReplicaServer

    now = datetime.fromisoformat(FIXED_NOW)
    # Only its routing and respond() are used; its own threaded server never starts.
    replica = ReplicaServer(load_sites(sites, articles), clock=lambda: now)
    cache = _Cache(replica)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _Protocol(cache), "127.0.0.1", port,
                                          backlog=512)
        host, bound = server.sockets[0].getsockname()[:2]
        print(f"http://{host}:{bound}", flush=True)
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        async with server:
            await stop.wait()

    try:
        asyncio.run(main())
    finally:
        replica.stop()


class FastReplica:
    """Runs `serve` in a child process; a context manager."""

    def __init__(self, articles: int, sites: list[str] | None = None):
        self.articles, self.sites = articles, sites
        self.process: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> FastReplica:
        command = [sys.executable, "-m", "benchmarks.replica_ceiling", "serve",
                   "--articles", str(self.articles)]
        if self.sites:
            command += ["--sites", *self.sites]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                                        cwd=Path(__file__).resolve().parents[1])
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self.process.kill()
            raise RuntimeError("the fast replica did not start")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def control(self, name: str) -> Any:
        with urllib.request.urlopen(f"{self.url}{CONTROL}{name}", timeout=60) as response:
            return json.loads(response.read())

    def count(self, reset: bool = True) -> int:
        return self.control("count?reset=1" if reset else "count")["count"]

    def paths(self) -> list[str]:
        return self.control("paths")


async def _hammer(host: str, port: int, paths: list[str], connections: int) -> int:
    queue = iter(paths)
    done = 0

    async def worker() -> None:
        nonlocal done
        reader, writer = await asyncio.open_connection(host, port)
        for path in queue:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n"
                         "Accept-Encoding: gzip, deflate\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            done += 1
        writer.close()

    await asyncio.gather(*(worker() for _ in range(connections)))
    return done


def measure_ceiling(url: str, paths: list[str], requests: int = 20_000,
                    connections: int = 32) -> dict[str, Any]:
    """Requests/s of the server at `url` over `paths` (cycled), from this process."""
    host, port = url.removeprefix("http://").split(":")
    wanted = [paths[i % len(paths)] for i in range(requests)]
    started = time.perf_counter()
    done = asyncio.run(_hammer(host, int(port), wanted, connections))
    seconds = time.perf_counter() - started
    return {"requests": done, "seconds": round(seconds, 2),
            "requests_per_s": round(done / seconds)}


def ceiling_in_child(url: str, paths: list[str], requests: int, work: Path) -> dict[str, Any]:
    """The client in its own process, so that it does not share the caller's core."""
    work.mkdir(parents=True, exist_ok=True)
    paths_file = work / "ceiling_paths.json"
    paths_file.write_text(json.dumps(paths))
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.replica_ceiling", "ceiling", url, str(paths_file),
         "--requests", str(requests)], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1])
    return json.loads(result.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve")
    serve_parser.add_argument("--articles", type=int, required=True, help="per site")
    serve_parser.add_argument("--sites", nargs="*")
    serve_parser.add_argument("--port", type=int, default=0)
    ceiling_parser = commands.add_parser("ceiling")
    ceiling_parser.add_argument("url")
    ceiling_parser.add_argument("paths_file", type=Path)
    ceiling_parser.add_argument("--requests", type=int, default=20_000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.command == "serve":
        serve(args.articles, args.sites, args.port)
    else:
        paths = json.loads(args.paths_file.read_text())
        print(json.dumps(measure_ceiling(args.url, paths, args.requests)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
