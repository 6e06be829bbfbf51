"""Retries with backoff: Scrapy's RetryMiddleware retries at once; this one waits.

The wait before retry N is `NEWSCRAWLER_RETRY_BACKOFF * 2 ** (N - 1)` seconds, at most
`NEWSCRAWLER_RETRY_BACKOFF_MAX`; a Retry-After header (seconds or HTTP date) on a
retried status makes it at least that long. A server asking for more than
`NEWSCRAWLER_RETRY_AFTER_MAX` seconds is not retried in this run: the failure is reported
and the next run tries again. DNS failures are not retried at all: a name that does not
resolve (no network, a vanished domain) is reported in seconds, not after every backoff
(and UnresolvedHostMiddleware fails the host's other requests of the run at once).

Only the retried request waits (other requests to the site go on): the download slot is
freed when the response arrived, before the middlewares see it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep

from newscrawler.downloadermiddlewares.unresolved import DNS_FAILURES

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None
                        ) -> float | None:
    """Seconds asked for by a Retry-After value (delay-seconds or HTTP-date); None if
    absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isascii() and text.isdigit():  # "²".isdigit() is True too
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.backoff = settings.getfloat("NEWSCRAWLER_RETRY_BACKOFF")
        self.backoff_max = settings.getfloat("NEWSCRAWLER_RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("NEWSCRAWLER_RETRY_AFTER_MAX")

    def backoff_delay(self, retry: Request) -> float:
        attempt = retry.meta.get("retry_times", 1)
        return min(self.backoff_max, self.backoff * 2 ** (attempt - 1))

    async def process_response(self, request: Request, response: Response
                               ) -> Request | Response:
        asked = None
        if response.status in self.retry_http_codes and not request.meta.get("dont_retry"):
            asked = retry_after_seconds(response.headers.get("Retry-After"))
            if asked is not None and asked > self.retry_after_max:
                logger.warning("Not retrying %s in this run: Retry-After %.0f s is over "
                               "NEWSCRAWLER_RETRY_AFTER_MAX", request.url, asked)
                self.crawler.stats.inc_value("newscrawler/retry_after_too_long")
                return response
        result = super().process_response(request, response)
        if isinstance(result, Request):
            delay = max(asked or 0.0, self.backoff_delay(result))
            self.crawler.stats.inc_value("newscrawler/retry_backoff_s", delay)
            await sleep(delay)
        return result

    async def process_exception(self, request: Request, exception: Exception
                                ) -> Request | Response | None:
        if isinstance(exception, DNS_FAILURES):
            # A name that does not resolve now will not in a few seconds either (offline,
            # or a vanished domain): report it at once; the next run tries again.
            self.crawler.stats.inc_value("newscrawler/retry/dns_not_retried")
            return None
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            delay = self.backoff_delay(result)
            self.crawler.stats.inc_value("newscrawler/retry_backoff_s", delay)
            await sleep(delay)
        return result
