"""The replica download handler: the one place where replica mode touches the crawler.

In replica mode (`newscrawler crawl --replica URL`) the http and https schemes are served
by this handler: `https://congthuong.vn/rss/home.rss` is fetched from
`<replica>/congthuong.vn/rss/home.rss`, and the response carries the real URL again.
Being below every middleware, robots.txt, redirects, offsite filtering, politeness slots
and extraction all see the real sites' URLs, and nothing leaves the loopback interface.

`SiteTLSDownloadHandler` lets one site's crawler accept weaker TLS than OpenSSL's default
(moh.gov.vn's small Diffie-Hellman key, see spiders/moh.py) without changing any other
crawler: each crawler has its own settings and its own download handlers, so the setting
`NEWSCRAWLER_TLS_SECURITY_LEVEL` in one spider's `custom_settings` changes that spider's
TLS contexts only. Scrapy's `DOWNLOADER_CLIENT_TLS_CIPHERS` cannot carry it: Twisted
expands a cipher string into cipher names, and an `@SECLEVEL=N` directive is lost on the
way (so `"DEFAULT:@SECLEVEL=1"` still refuses a 1024-bit DH key); the directive is added
back here, after the expanded names, where OpenSSL reads it.

Both handlers (and so every crawl: settings.py names SiteTLSDownloadHandler for http and
https) turn off Twisted's own retry: `HTTPConnectionPool.retryAutomatically` sends a GET
again, at once, on a new connection when a reused persistent connection is reset before
any response byte. Scrapy 2.19 leaves it on, so a URL met by timeout, reset, timeout was
asked for 4 times (seen on the replica: timeout, reset, reset, timeout) although
RETRY_TIMES=2 allows 3, and the hidden attempt skipped the backoff. RetryMiddleware alone
decides how often a request is sent.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import NotConfigured
from twisted.internet.interfaces import IAcceptableCiphers, ICipher
from twisted.internet.ssl import AcceptableCiphers
from zope.interface import implementer

from newscrawler.preflight import is_loopback_url

logger = logging.getLogger(__name__)


TLS_LEVEL_SETTING = "NEWSCRAWLER_TLS_SECURITY_LEVEL"


@implementer(ICipher)
class _Directive:
    """Not a cipher: an OpenSSL cipher-string directive (`@SECLEVEL=1`) riding in the
    list of cipher names that Twisted joins with `:` into the context's cipher string."""

    def __init__(self, text: str) -> None:
        self.fullName = text


@implementer(IAcceptableCiphers)
class SecurityLevelCiphers:
    """The ciphers of an OpenSSL cipher string, at OpenSSL security level `level`."""

    def __init__(self, cipher_string: str, level: int) -> None:
        self.ciphers = AcceptableCiphers.fromOpenSSLCipherString(cipher_string)
        self.level = level

    def selectCiphers(self, availableCiphers):  # noqa: N802, N803 - Twisted's interface
        return [*self.ciphers.selectCiphers(availableCiphers),
                _Directive(f"@SECLEVEL={self.level}")]


def tls_security_level(settings) -> int | None:
    value = settings.get(TLS_LEVEL_SETTING)
    if value in (None, ""):
        return None
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = -1
    if not 0 <= level <= 5:
        raise ValueError(f"{TLS_LEVEL_SETTING} must be an OpenSSL security level 0-5, "
                         f"not {value!r}")
    return level


class SiteTLSDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler without Twisted's hidden retry; with
    NEWSCRAWLER_TLS_SECURITY_LEVEL set (one spider's custom_settings), its TLS contexts
    run at that OpenSSL security level."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._pool.retryAutomatically = False  # RETRY_TIMES counts every attempt
        level = tls_security_level(crawler.settings)
        if level is None:
            return
        factory = self._contextFactory
        if not hasattr(factory, "tls_ciphers"):  # Scrapy changed: say so, never ignore it
            raise NotConfigured(f"{TLS_LEVEL_SETTING}: Scrapy's context factory "
                                f"{type(factory).__name__} has no tls_ciphers")
        ciphers = crawler.settings.get("DOWNLOADER_CLIENT_TLS_CIPHERS") or "DEFAULT"
        factory.tls_ciphers = SecurityLevelCiphers(ciphers, level)
        logger.info("%s: TLS at OpenSSL security level %d", crawler.spidercls.name, level)


class ReplicaDownloadHandler(SiteTLSDownloadHandler):
    lazy = False

    def __init__(self, crawler) -> None:
        replica_url = crawler.settings.get("NEWSCRAWLER_REPLICA_URL") or ""
        if not replica_url:
            raise NotConfigured("NEWSCRAWLER_REPLICA_URL is not set")
        if not is_loopback_url(replica_url):  # ipaddress-parsed, or localhost
            raise NotConfigured(f"the replica must be on loopback, not {replica_url}")
        super().__init__(crawler)
        self.replica_url = replica_url.rstrip("/")

    def route(self, url: str) -> str:
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.replica_url}/{(parts.hostname or '').lower()}{parts.path or '/'}{query}"

    async def download_request(self, request):
        routed = request.replace(url=self.route(request.url))
        response = await super().download_request(routed)
        return response.replace(url=request.url, request=request)
