"""The replica download handler: the one place where replica mode touches the crawler.

In replica mode (`newscrawler crawl --replica URL`) the http and https schemes are served
by this handler: `https://congthuong.vn/rss/home.rss` is fetched from
`<replica>/congthuong.vn/rss/home.rss`, and the response carries the real URL again.
Being below every middleware, robots.txt, redirects, offsite filtering, politeness slots
and extraction all see the real sites' URLs, and nothing leaves the loopback interface.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import NotConfigured

from newscrawler.preflight import is_loopback_url

logger = logging.getLogger(__name__)


class ReplicaDownloadHandler(HTTP11DownloadHandler):
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
