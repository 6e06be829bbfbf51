"""Failures described in one line a person can act on, for logs and run reports."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, ConnectionLost, DNSLookupError, TimeoutError
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived


def describe_failure(failure) -> str:
    """'DNS lookup failed for congthuong.vn', 'HTTP 503', 'timed out ...'."""
    host = urlsplit(failure.request.url).hostname or failure.request.url
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(CannotResolveHostError, DNSLookupError):
        return f"DNS lookup failed for {host}"
    if failure.check(DownloadConnectionRefusedError):
        return f"connection refused by {host}"
    if failure.check(DownloadTimeoutError, TimeoutError):
        return f"timed out waiting for {host}"
    if failure.check(DownloadCancelledError) and "max size" in failure.getErrorMessage():
        size = re.search(r"(\d+) bytes", failure.getErrorMessage())
        bytes_said = f" ({size.group(1)} bytes)" if size else ""
        return f"response larger than download max size{bytes_said}: DOWNLOAD_MAXSIZE"
    if failure.check(ResponseDataLossError):
        return f"truncated response from {host}"
    if failure.check(ConnectError):
        return f"could not connect to {host}"
    if failure.check(DownloadFailedError, ResponseFailed, ResponseNeverReceived, ConnectionLost):
        return f"connection with {host} failed before a complete response"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"


# Answers that say "this page is gone, or not for us": expected in a long-lived archive
# (an article withdrawn, a section closed to robots). Reported, not a run failure.
EXPECTED_PERMANENT_STATUSES = (404, 410)
ROBOTS_DISALLOW = "Forbidden by robots.txt"


def is_expected_permanent(failure) -> bool:
    """A 404/410 or a robots.txt disallow: the run summary lists it with
    `"permanent": true`, and it fails the verdict only through the error rate."""
    if failure.check(HttpError):
        return failure.value.response.status in EXPECTED_PERMANENT_STATUSES
    return bool(failure.check(IgnoreRequest)) and ROBOTS_DISALLOW in failure.getErrorMessage()
