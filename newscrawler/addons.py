"""Scrapy add-ons of newscrawler.

ReplicaMode turns one setting, NEWSCRAWLER_REPLICA_URL, into replica mode wherever the
crawl is started (`newscrawler crawl --replica`, `scrapy crawl -s`, Scrapyd's
`schedule.json setting=`): the replica download handler and lifted politeness
(REPLICA_OVERRIDES). Command-line settings still win over these.

ArticlesFeed keeps our articles feed when the user names feeds of their own
(`scrapy crawl -o/-O FILE`, Scrapyd's items_dir), which replace the FEEDS setting: ours
goes back beside theirs, so the user's file gets the same records and the crawl state
still commits what our files hold.

Preflight checks every setting we rely on before anything is written (newscrawler/
preflight.py), so `scrapy crawl` and Scrapyd runs stop at start on a bad value too.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from newscrawler.export.storage import FEED_OPTIONS, FEED_URI_TEMPLATE

logger = logging.getLogger(__name__)

BATCH_PARAM = re.compile(r"%\(batch_time\)|%\(batch_id\)")


class ReplicaMode:
    def update_settings(self, settings) -> None:
        if not settings.get("NEWSCRAWLER_REPLICA_URL"):
            return
        for name, value in settings.getdict("REPLICA_OVERRIDES").items():
            settings.set(name, value, priority="spider")


class ArticlesFeed:
    def update_settings(self, settings) -> None:
        feeds = settings.getdict("FEEDS")
        if FEED_URI_TEMPLATE in feeds and len(feeds) == 1:
            return
        for uri, options in feeds.items():
            if uri != FEED_URI_TEMPLATE and not BATCH_PARAM.search(str(uri)):
                # Our batches (FEED_EXPORT_BATCH_ITEM_COUNT) are for our files: a user's
                # file without %(batch_id)d or %(batch_time)s holds the whole run.
                options.setdefault("batch_item_count", 0)
        feeds.setdefault(FEED_URI_TEMPLATE, dict(FEED_OPTIONS))
        priority = settings.getpriority("FEEDS") or 0
        settings.set("FEEDS", feeds, priority=priority)
        logger.info("Articles feed kept beside the user's feeds: %s",
                    ", ".join(uri for uri in feeds if uri != FEED_URI_TEMPLATE))


class Preflight:
    """`scrapy crawl` and Scrapyd: a bad setting, an unusable data directory or crawl
    state stops the crawl at start, in one line, exit status 2."""

    def update_settings(self, settings) -> None:
        from newscrawler.preflight import ConfigError, check_paths, check_settings

        try:
            check_settings(settings)
            check_paths(settings, Path(settings.get("NEWSCRAWLER_DATA_DIR")).resolve())
        except ConfigError as error:
            print(f"newscrawler: error: {error}", file=sys.stderr, flush=True)
            raise SystemExit(2) from None
