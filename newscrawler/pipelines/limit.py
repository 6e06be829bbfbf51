"""MaxArticlesPipeline: stop a site after exactly N exported articles (--max-articles N).

Scrapy's CLOSESPIDER_ITEMCOUNT closes the spider once N items were scraped, but every
response already in flight still yields its item: `CLOSESPIDER_ITEMCOUNT=10` exported 56.
This pipeline runs last, so what it lets through is what the feed exports: the N-th item
passes and asks the engine to close the spider (reason `max_articles`, a complete run by
request); every later item is dropped as `NotTaken`, which leaves its URL pending in the
frontier (no attempt counted) for the next run, and forgets it from this run's ledger.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from newscrawler.state.frontier import NotTaken

logger = logging.getLogger(__name__)

MAX_ARTICLES_REASON = "max_articles"


class MaxArticlesPipeline:
    def __init__(self, crawler, limit: int) -> None:
        self.crawler = crawler
        self.limit = limit
        self.passed = 0

    @classmethod
    def from_crawler(cls, crawler):
        limit = crawler.settings.getint("NEWSCRAWLER_MAX_ARTICLES")
        if limit <= 0:
            raise NotConfigured("no article limit")
        return cls(crawler, limit)

    def process_item(self, item):
        if self.passed >= self.limit:
            site = self.crawler.spider.name
            self.crawler.stats.inc_value(f"newscrawler/{site}/max_articles/not_taken")
            raise NotTaken(f"NEWSCRAWLER_MAX_ARTICLES={self.limit} reached; left for "
                           "the next run")
        self.passed += 1
        if self.passed == self.limit:
            logger.info("%s: %d articles exported (NEWSCRAWLER_MAX_ARTICLES): stopping",
                        self.crawler.spider.name, self.limit)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=MAX_ARTICLES_REASON))
        return item
