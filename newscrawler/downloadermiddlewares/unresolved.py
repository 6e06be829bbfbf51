"""Hosts whose name did not resolve are not asked again in the same run.

Without network, or for a vanished domain, every request of the site would otherwise
wait for its download slot (DOWNLOAD_DELAY, AutoThrottle) only to fail the same way: an
offline crawl took a minute to say "DNS lookup failed". After the first DNS failure of a
host, its other requests fail at once with the same reason; the next run tries again.
Placed after DownloaderStats (850), so those requests still count as sent and failed.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.exceptions import CannotResolveHostError
from scrapy.http import Request
from twisted.internet.error import DNSLookupError

logger = logging.getLogger(__name__)

DNS_FAILURES = (CannotResolveHostError, DNSLookupError)


class UnresolvedHostMiddleware:
    def __init__(self, crawler) -> None:
        self.stats = crawler.stats
        self.unresolved: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        if host in self.unresolved:
            self.stats.inc_value("newscrawler/dns/failed_fast")
            raise CannotResolveHostError(f"DNS lookup failed earlier in this run: {host}")

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, DNS_FAILURES):
            host = urlsplit(request.url).hostname or ""
            if host not in self.unresolved:
                logger.warning("DNS lookup failed for %s: its other requests of this run "
                               "fail at once", host)
            self.unresolved.add(host)
