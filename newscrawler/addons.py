"""Scrapy add-ons of newscrawler.

ReplicaMode turns one setting, NEWSCRAWLER_REPLICA_URL, into replica mode wherever the
crawl is started (`newscrawler crawl --replica`, `scrapy crawl -s`, Scrapyd's
`schedule.json setting=`): the replica download handler and lifted politeness
(REPLICA_OVERRIDES). Command-line settings still win over these.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


class ReplicaMode:
    def update_settings(self, settings) -> None:
        if not settings.get("NEWSCRAWLER_REPLICA_URL"):
            return
        for name, value in settings.getdict("REPLICA_OVERRIDES").items():
            settings.set(name, value, priority="spider")
