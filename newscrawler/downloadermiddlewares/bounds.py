"""Where a crawl may go: http(s) only, the site's own hosts only, a bounded number of pages.

Scrapy's OffsiteMiddleware lets through every request with `dont_filter=True` (our
listings and feeds), redirects included, and Scrapy has download handlers for `file:`,
`data:`, `ftp:` and `s3:` URLs. A news crawler needs none of that, so this middleware
refuses, whatever the request's flags:

- a URL whose scheme is not http or https;
- a host outside the spider's `allowed_domains` (or their subdomains);
- a redirect to either of those, or back to a URL of the same redirect chain (a loop the
  duplicate filter would otherwise drop silently, leaving no trace in the report);
- any request beyond `NEWSCRAWLER_MAX_PAGES_PER_SITE` in one run (0 = no budget): the
  trap guard that holds whatever a site's pages link to.

A refusal is an IgnoreRequest with the reason, so it reaches the spider's errback and is
listed with its URL in the run report; refused URLs are not marked known, so the next run
tries them again.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def host_allowed(host: str | None, allowed_domains: list[str]) -> bool:
    if not allowed_domains:
        return True
    host = (host or "").lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain)
               for domain in (d.lower() for d in allowed_domains))


class SiteBoundsMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.page_budget = crawler.settings.getint("NEWSCRAWLER_MAX_PAGES_PER_SITE")
        self.requests_sent = 0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def allowed_domains(self) -> list[str]:
        return list(getattr(self.crawler.spider, "allowed_domains", None) or [])

    def refuse(self, kind: str, reason: str) -> IgnoreRequest:
        self.crawler.stats.inc_value(f"newscrawler/refused/{kind}")
        return IgnoreRequest(reason)

    def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        if parts.scheme not in ALLOWED_SCHEMES:
            raise self.refuse("scheme", f"not an http(s) URL: {request.url[:200]}")
        if not host_allowed(parts.hostname, self.allowed_domains):
            raise self.refuse("offsite", f"offsite host {parts.hostname} refused")
        if self.page_budget and self.requests_sent >= self.page_budget:
            raise self.refuse("page_budget", f"page budget of {self.page_budget} requests "
                                             "for this site spent (NEWSCRAWLER_MAX_PAGES_PER_SITE)")
        self.requests_sent += 1

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if (response.status not in REDIRECT_STATUSES or not location
                or request.meta.get("dont_redirect")):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        parts = urlsplit(target)
        if parts.scheme not in ALLOWED_SCHEMES:
            raise self.refuse("scheme", f"redirect to a non-http(s) URL refused: "
                                        f"{target[:200]}")
        if not host_allowed(parts.hostname, self.allowed_domains):
            raise self.refuse("offsite", f"redirect to offsite host {parts.hostname} refused")
        if target in (*request.meta.get("redirect_urls", ()), request.url):
            raise self.refuse("redirect_loop", f"redirect loop back to {target[:200]}")
        return response
