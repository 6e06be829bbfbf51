"""RobotsTxtMiddleware whose concurrent waiters all get the parsed robots.txt.

Scrapy 2.19's `robot_parser` lets every request of a host await one Deferred while
robots.txt is fetched; `deferred_to_future` callbacks return None down the chain, so only
the first waiter receives the parser and the others are let through unchecked (seen on
the replica: a disallowed listing fetched when the home page request waited beside it).
Once the Deferred has fired, the parser is read again from the middleware's table.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request):
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc)
        return parser if settled is None or isinstance(settled, Deferred) else settled
