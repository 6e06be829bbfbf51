"""A DNS resolver that resolves nothing (setting TWISTED_DNS_RESOLVER): a crawl sees a
machine without network, whether or not the machine running the tests has one."""

from __future__ import annotations

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError


class NoNetworkResolver(CachingThreadedResolver):
    def getHostByName(self, name: str, timeout=()):  # noqa: N802 (Twisted's name)
        return defer.fail(DNSLookupError(f"no network: {name}"))
