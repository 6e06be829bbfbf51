"""Spidermon monitors of a site's run, and the verdict they leave for the run report.

A run that silently scrapes nothing because a site changed is worse than a crash, so
each site's run is checked when its spider closes:
- error rate of its requests,
- coverage of the required fields,
- extraction drift: a field the site has a selector for that comes from another layer
  (metadata or the generic fallback) in too many records means the layout changed,
- discovery drift: listing pages on which the link selector found nothing and the
  page's on-site article links were taken instead (the same threshold),
- listings that showed new articles but no article was exported,
- records rejected by the JSON Schema,
- block, challenge and shell pages where articles were expected (blockpages.py).
Thresholds are settings (NEWSCRAWLER_MAX_*). The `RecordVerdict` action writes the result
into the stats (`newscrawler/<site>/verdict`), which the run summary and the `crawl`
command's exit status read.
"""

from __future__ import annotations

import logging

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from newscrawler.export.runsummary import incomplete_reason
from newscrawler.extract.chain import SELECTOR_KEYS

logger = logging.getLogger(__name__)

REQUIRED_FIELDS = ("title", "body", "published_at")


class SiteMonitor(Monitor):
    @property
    def site(self) -> str:
        return self.data.spider.name

    @property
    def stats(self) -> dict:
        return self.data.stats

    def setting(self, name: str) -> float:
        return self.data.crawler.settings.getfloat(name)

    def field_counts(self, field: str) -> dict[str, int]:
        prefix = f"field/{self.site}/{field}/"
        return {k[len(prefix):]: v for k, v in self.stats.items() if k.startswith(prefix)}


class SiteHealthMonitor(SiteMonitor):
    @monitors.name("error rate")
    def test_error_rate(self):
        requests = self.stats.get("downloader/request_count", 0)
        # Requests the page budget refused were never sent: the run is incomplete (the
        # run summary says so), not the site failing.
        errors = max(0, self.stats.get(f"newscrawler/{self.site}/errors", 0)
                     - self.stats.get("newscrawler/refused/page_budget", 0))
        limit = self.setting("NEWSCRAWLER_MAX_ERROR_RATE")
        if requests and errors / requests > limit:
            self.fail(f"{self.site}: {errors} of {requests} requests failed "
                      f"({errors / requests:.0%}, threshold {limit:.0%})")

    @monitors.name("field coverage")
    def test_required_field_coverage(self):
        limit = self.setting("NEWSCRAWLER_MAX_MISSING_SHARE")
        problems = []
        for field in REQUIRED_FIELDS:
            counts = self.field_counts(field)
            total = sum(counts.values())
            missing = counts.get("missing", 0)
            if total and missing / total > limit:
                problems.append(f"{field} missing in {missing / total:.0%} of records")
        if problems:
            self.fail(f"{self.site}: {'; '.join(problems)} (threshold {limit:.0%})")

    @monitors.name("extraction drift")
    def test_extraction_drift(self):
        limit = self.setting("NEWSCRAWLER_MAX_FALLBACK_SHARE")
        problems = []
        for field in drift_fields(self.data.spider):
            counts = self.field_counts(field)
            found = sum(n for layer, n in counts.items() if layer != "missing")
            off_selector = found - counts.get("selector", 0)
            if found and off_selector / found > limit:
                layers = ", ".join(f"{layer} {n}" for layer, n in sorted(counts.items()))
                problems.append(f"{field} not from its selector in "
                                f"{off_selector / found:.0%} of records ({layers})")
        if problems:
            self.fail(f"{self.site}: extraction drift: {'; '.join(problems)} "
                      f"(threshold {limit:.0%})")

    @monitors.name("discovery drift")
    def test_discovery_drift(self):
        """Listing pages whose link selector found no article, so that the page's other
        on-site article links were taken (spiders/discovery.py): the listing changed."""
        limit = self.setting("NEWSCRAWLER_MAX_FALLBACK_SHARE")
        fallback = self.stats.get(f"newscrawler/{self.site}/discovery/fallback", 0)
        pages = self.stats.get(f"newscrawler/{self.site}/listing_pages", 0)
        if pages and fallback / pages > limit:
            links = self.stats.get(f"newscrawler/{self.site}/discovery/fallback_links", 0)
            pager = self.stats.get(f"newscrawler/{self.site}/discovery/pager_fallback", 0)
            self.fail(f"{self.site}: discovery drift: the listing selector found no "
                      f"article link on {fallback} of {pages} listing pages "
                      f"({fallback / pages:.0%}, threshold {limit:.0%}); {links} links "
                      f"taken from the pages' on-site links, {pager} next pages found "
                      "without the site's pager")

    @monitors.name("articles exported")
    def test_articles_when_listings_show_new_ones(self):
        requested = self.stats.get(f"newscrawler/{self.site}/article_requests", 0)
        exported = self.stats.get("item_scraped_count", 0)
        dropped = self.stats.get("item_dropped_count", 0)
        # A run cut short may not have reached its articles: the run summary marks it
        # incomplete, which fails it unless partial runs are allowed.
        if incomplete_reason(self.stats, self.stats.get("finish_reason", "finished")):
            return
        # Articles published before --since are skipped on purpose, not lost.
        skipped = self.stats.get(f"newscrawler/{self.site}/skipped/older_than_since", 0)
        # A withdrawn article (404/410) still linked is retried by the next runs: reported
        # as a failure, but no sign that extraction broke.
        gone = sum(1 for failure in self.stats.get(f"newscrawler/{self.site}/failures") or []
                   if failure.get("permanent"))
        if requested > gone and not exported and not dropped and not skipped:
            self.fail(f"{self.site}: listings showed {requested} new articles "
                      "but none was exported")

    @monitors.name("schema validation")
    def test_rejected_records(self):
        rejected = self.stats.get(f"newscrawler/{self.site}/rejected_records", 0)
        limit = self.setting("NEWSCRAWLER_MAX_REJECTED_SHARE")
        exported = self.stats.get("item_scraped_count", 0)
        total = exported + rejected
        if total and rejected / total > limit:
            self.fail(f"{self.site}: {rejected} of {total} records failed the JSON Schema "
                      f"(threshold {limit:.0%})")

    @monitors.name("blocked pages")
    def test_blocked_share(self):
        blocked = self.stats.get(f"newscrawler/{self.site}/blocked_pages", 0)
        # Listing pages too: a firewall may answer the walk before any article is asked.
        pages = (self.stats.get(f"newscrawler/{self.site}/article_pages", 0)
                 + self.stats.get(f"newscrawler/{self.site}/listing_pages", 0))
        limit = self.setting("NEWSCRAWLER_MAX_BLOCKED_SHARE")
        if pages and blocked / pages > limit:
            prefix = f"newscrawler/{self.site}/blocked/"
            kinds = ", ".join(f"{key[len(prefix):]} {n}" for key, n in
                              sorted(self.stats.items()) if key.startswith(prefix))
            self.fail(f"{self.site}: {blocked} of {pages} pages (articles and listings) "
                      f"were blocked ({kinds}; threshold {limit:.0%})")


def drift_fields(spider) -> list[str]:
    """Fields the site has a selector for, in record field names (none when the run was
    told not to use them: then every field comes from the other layers on purpose)."""
    names = {"published": "published_at", "modified": "modified_at"}
    if not getattr(spider, "use_site_selectors", True):
        return []
    selectors = getattr(spider, "selectors", None) or {}
    # Only field selectors: "<key>:strip" patterns (extract/chain.py) select nothing.
    return [names.get(key, key) for key in selectors
            if key in SELECTOR_KEYS and key not in ("category", "tags")]


class RecordVerdict(Action):
    """Leaves the monitors' verdict in the stats, for the run report and exit status."""

    def run_action(self):
        spider = self.data.spider
        reasons = [result.reason for result in self.result.monitors_failed_results]
        verdict = {"ok": not reasons, "reasons": reasons}
        self.data.crawler.stats.set_value(f"newscrawler/{spider.name}/verdict", verdict)
        for reason in reasons:
            logger.error("Run check failed: %s", reason)


class SiteRunSuite(MonitorSuite):
    monitors = [SiteHealthMonitor]
    monitors_finished_actions = [RecordVerdict]
