"""One local HTTP server for every replica site.

A request reaches site `example.gov.vn` either with the path prefix `/example.gov.vn/<path>`
or with a `Host: example.gov.vn` header (then the path is taken as is). Responses are
gzip-compressed when the client accepts it, as real sites do.

    newscrawler replica serve [--host 127.0.0.1] [--port 0] [--sites KEY ...]
                              [--articles N] [--day N --epoch ISO ...]
                              [--redesign SITE ...] [--redesign-listing SITE ...] [--weak-dh-tls]
    newscrawler replica truth SITE [--articles N] [--day N --epoch ISO --sites KEY ...]

With `--day`, the sites are served as on that day of `timeline.Timeline`. Whatever the
options, the server answers a control path outside every site (tests drive it):
`GET /_replica/hits` = requests per `/<domain><path?query>` as JSON, and
`GET|POST /_replica/day?set=N` = switch the timeline to day N (`/_replica/day` = which).
With `--faults PROFILE [--fault-seed N]` the sites misbehave as `faults.py` describes, and
`GET /_replica/faults` lists the faults injected so far.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import signal
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from newscrawler.records import now_vn

logger = logging.getLogger(__name__)

Response = tuple[int, dict[str, str], bytes]
_COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/json")
_NOT_FOUND: Response = (404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not Found")
CONTROL_PREFIX = "/_replica/"  # no site domain starts with "_"


class ReplicaServer:
    """Serves the given site objects (see `newscrawler.replica`) on `host:port`; port 0
    picks a free port. `hits` counts requests per `/<domain><path?query>`."""

    def __init__(
        self,
        sites: Iterable[Any] = (),
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], datetime] = now_vn,
    ):
        self.sites: dict[str, Any] = {site.domain: site for site in sites}
        self.clock = clock  # what the sites' clock bars show; tests pin it
        self.hits: Counter[str] = Counter()
        self._hits_lock = threading.Lock()
        server_class = _HTTPServer6 if ":" in host else _HTTPServer
        self._httpd = server_class((host, port), _Handler)
        self._httpd.replica = self
        self._thread: threading.Thread | None = None
        self.timeline: Any = None  # a timeline.Timeline when serving days
        self.day: int | None = None
        self.faults: Any = None  # a faults.FaultInjector when serving with --faults
        self.scheme = "http"

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"{self.scheme}://{host}:{port}"

    def use_tls(self, context: Any) -> ReplicaServer:
        """Serve over TLS with `context` (an ssl.SSLContext, server side; see weaktls.py)
        from now on; call before start(). A refused handshake drops that connection only."""
        self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)
        self.scheme = "https"
        return self

    def url(self, domain: str, path: str = "/") -> str:
        """The replica URL of `path` on `domain`, in the path-prefix form."""
        return f"{self.base_url}/{domain}{path}"

    def add_site(self, site: Any) -> None:
        self.sites[site.domain] = site

    def start(self) -> ReplicaServer:
        """Serves in a background daemon thread; returns self."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="replica-server", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._httpd.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def route(self, path: str, host: str | None) -> tuple[Any | None, str, str]:
        """(site, path on that site, hit key) for a request; site None if nobody serves it."""
        if path.startswith(("http://", "https://")):  # absolute form, as sent to a proxy
            parts = urlsplit(path)
            host = parts.netloc
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        domain, _, rest = path.lstrip("/").partition("/")
        site = self.sites.get(domain)
        if site is not None:
            return site, "/" + rest, path
        hostname = (host or "").rsplit(":", 1)[0].lower()
        site = self.sites.get(hostname)
        if site is not None:
            return site, path, f"/{hostname}{path}"
        return None, path, path

    def respond(self, path: str, host: str | None, headers: Any = None,
                body: bytes | None = None) -> Response:
        """`body`: a POST's body; sites with a JSON API (mof) answer it in `handle_post`."""
        if path.startswith(CONTROL_PREFIX):
            return self.control(path)
        site, site_path, hit_key = self.route(path, host)
        with self._hits_lock:
            self.hits[hit_key] += 1
        if site is None:
            return _NOT_FOUND
        try:
            # A site with a firewall judges the request's headers first (replica/sbv.py);
            # a caller without a request (headers None: a render cache) is not judged.
            refuse = getattr(site, "refuse", None)
            if refuse is not None and headers is not None and (
                    refused := refuse(site_path, headers)):
                return refused
            if body is not None and hasattr(site, "handle_post"):
                return site.handle_post(site_path, body, self.clock())
            return site.handle(site_path, self.clock())
        except Exception:
            logger.exception("replica site %s failed on %s", site.domain, site_path)
            return 500, {"Content-Type": "text/plain; charset=utf-8"}, b"Internal Server Error"

    def control(self, path: str) -> Response:
        """The `/_replica/` paths (module doc); not counted as hits."""
        parts = urlsplit(path)
        if parts.path == CONTROL_PREFIX + "hits":
            with self._hits_lock:
                return _json(dict(self.hits))
        if parts.path == CONTROL_PREFIX + "day":
            wanted = parse_qs(parts.query).get("set")
            if wanted and self.timeline is None:
                return 409, {"Content-Type": "text/plain; charset=utf-8"}, b"no timeline"
            if wanted:
                if not wanted[0].isdigit():
                    return 400, {"Content-Type": "text/plain; charset=utf-8"}, b"bad day"
                try:
                    self.set_day(int(wanted[0]))
                except Exception as error:
                    logger.exception("replica: cannot serve day %s", wanted[0])
                    return 500, {"Content-Type": "text/plain; charset=utf-8"}, str(error).encode()
            return _json({"day": self.day})
        if parts.path == CONTROL_PREFIX + "faults" and self.faults is not None:
            return _json(self.faults.report())
        return _NOT_FOUND

    def set_day(self, day: int) -> None:
        sites = self.timeline.sites(day)
        self.sites = {site.domain: site for site in sites}  # one assignment: atomic
        self.day = day
        logger.info("replica: serving day %d", day)


def _json(value: Any) -> Response:
    body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return 200, {"Content-Type": "application/json"}, body


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # crawlers open many connections at once
    replica: ReplicaServer


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6  # `replica serve --host ::1`


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as crawlers expect from real servers
    timeout = 30  # drop idle keep-alive connections
    server: _HTTPServer
    request_body: bytes | None = None  # set per POST (a keep-alive handler serves many)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.request_body = None
        self._reply(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.request_body = None
        self._reply(send_body=False)

    def do_POST(self) -> None:  # noqa: N802 - the control paths, and JSON APIs (mof)
        length = int(self.headers.get("Content-Length") or 0)
        self.request_body = self.rfile.read(length) if length else b""
        self._reply(send_body=True)

    def _reply(self, send_body: bool) -> None:
        replica = self.server.replica
        if replica.faults is not None and not self.path.startswith(CONTROL_PREFIX):
            # Faults need the socket itself (resets, truncation, stalls): they reply.
            replica.faults.serve(self, send_body)
            return
        self.send_reply(*replica.respond(self.path, self.headers.get("Host"), self.headers,
                                         self.request_body), send_body)

    def send_reply(self, status: int, headers: dict[str, str], body: bytes,
                   send_body: bool = True) -> None:
        content_type = headers.get("Content-Type", "")
        if body and _accepts_gzip(self.headers.get("Accept-Encoding", "")) and (
            content_type.startswith(_COMPRESSIBLE)
        ):
            body = gzip.compress(body, compresslevel=5, mtime=0)
            headers = {**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def version_string(self) -> str:
        return "nginx"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        logger.debug("%s - %s", self.address_string(), format % args)


def _accepts_gzip(header: str) -> bool:
    for token in header.lower().split(","):
        coding, _, params = token.strip().partition(";")
        if coding.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def _site_keys(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [key for value in values for key in value.split(",") if key]


def _fault_profile(spec: str) -> Any:
    from newscrawler.replica.faults import parse_profile

    try:
        return parse_profile(spec)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    """`newscrawler replica serve`: prints the base URL as the first line of stdout, then
    serves until SIGTERM or SIGINT."""
    from newscrawler.replica import load_sites
    from newscrawler.replica.redesign import RedesignedSite
    from newscrawler.replica.timeline import add_timeline_arguments, timeline_from_args

    parser = argparse.ArgumentParser(prog="newscrawler replica serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--sites", nargs="*", help="site keys (default: every replica)")
    parser.add_argument("--articles", type=int, default=None, help="corpus size per site")
    parser.add_argument("--redesign", nargs="*", default=[], metavar="SITE",
                        help="serve these sites' article pages in a changed layout")
    parser.add_argument("--redesign-listing", nargs="*", default=[], metavar="SITE",
                        help="serve these sites' listing (non-article) pages in a changed "
                             "layout: their link selectors and pagers miss")
    parser.add_argument("--faults", metavar="PROFILE", type=_fault_profile,
                        help="inject faults: a profile name (flaky, hostile) or "
                             "KIND=RATE,... (see newscrawler/replica/faults.py)")
    parser.add_argument("--fault-seed", type=int, default=0,
                        help="the same seed gives the same faults to the same requests")
    parser.add_argument("--weak-dh-tls", action="store_true",
                        help="serve over TLS as moh.gov.vn does: DHE-RSA only, a 1024-bit "
                             "DH group (self-signed; see newscrawler/replica/weaktls.py)")
    add_timeline_arguments(parser)
    args = parser.parse_args(argv)
    if args.day is None and args.epoch is None:
        sites = load_sites(_site_keys(args.sites), args.articles)
        sites = [RedesignedSite(site) if site.spec.key in args.redesign else site
                 for site in sites]
        sites = [RedesignedSite(site, listings=True)
                 if site.spec.key in args.redesign_listing else site for site in sites]
        server = ReplicaServer(sites, host=args.host, port=args.port)
    else:
        server = ReplicaServer(host=args.host, port=args.port)
        server.timeline = timeline_from_args(args, _site_keys(args.sites), args.articles)
        server.set_day(args.day or 0)
    if args.faults is not None:
        from newscrawler.replica.faults import FaultInjector

        server.faults = FaultInjector(args.faults, seed=args.fault_seed)
    if args.weak_dh_tls:
        import tempfile
        from pathlib import Path

        from newscrawler.replica.weaktls import weak_dh_context

        server.use_tls(weak_dh_context(Path(tempfile.mkdtemp(prefix="replica-tls-"))))
    print(server.base_url, flush=True)

    def _terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _terminate)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def truth_main(argv: list[str] | None = None) -> int:
    """`newscrawler replica truth SITE`: the expected records as JSON Lines on stdout;
    with `--day N`, the latest expected record of each article after one completed crawl
    per day 0..N, with `version` and `duplicate_of` (see `timeline`)."""
    from newscrawler.replica.timeline import add_timeline_arguments, timeline_from_args
    from newscrawler.replica.truth import truth_records

    parser = argparse.ArgumentParser(prog="newscrawler replica truth")
    parser.add_argument("site")
    parser.add_argument("--articles", type=int, default=None, help="corpus size")
    parser.add_argument("--sites", nargs="*",
                        help="with --day: the sites served together (default: every replica)")
    add_timeline_arguments(parser)
    args = parser.parse_args(argv)
    try:
        if args.day is None:
            expected = truth_records(args.site, args.articles)
        else:  # the latest expected record of each article, with version and duplicate_of
            sites = _site_keys(args.sites)
            timeline = timeline_from_args(args, sorted({*sites, args.site}) if sites else None,
                                          args.articles)
            expected = timeline.expected_records(args.site, args.day)
    except KeyError as error:
        print(f"newscrawler: error: {error.args[0]}", file=sys.stderr)
        return 2
    try:
        for record in expected:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # `truth SITE | head`: the reader has what it wanted. Python would still fail to
        # flush stdout at exit, so point it at /dev/null (the `signal` module's advice).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
