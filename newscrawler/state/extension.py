"""CrawlStateExtension: the crawl state of one crawler, opened from the settings.

Spiders ask it what is known (to fetch only new articles); the dedup pipeline asks it
about content and hands it what was exported. Exported articles are committed only when
the feed file holding them is complete and renamed (`feed_slot_closed`), so a run killed
at any moment leaves no article marked as known that is not in a completed file; such
articles are simply fetched and exported again by the next run.

The feed is cut into files of FEED_EXPORT_BATCH_ITEM_COUNT articles, and each file is
committed as soon as it is complete: the feed exporter puts the i-th scraped item into
batch i // count + 1, so the articles seen by `item_scraped` are grouped the same way,
and a closed file whose item count differs from its group is not committed. What a run
holds in memory is one batch, not everything it exported.

The run's discovery frontier (`state.frontier.SiteFrontier`) is committed with the same
transactions: an exported article's pending URL is resolved in the transaction that
records its batch; drops, failures and rejected records are committed with the next batch
or at the end of the run.

All crawlers of one process share one open state and one ledger of what this run has
exported so far, so that two sites crawled together still see each other's articles.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawler import signals as our_signals
from newscrawler.export.storage import FEED_URI_TEMPLATE, is_articles_feed
from newscrawler.fingerprints import (
    NEAR_DUPLICATE_MIN_JACCARD,
    NearDuplicateIndex,
    sketch_similarity,
)
from newscrawler.records import now_vn
from newscrawler.state import ArticleState, CrawlState, open_state
from newscrawler.state.frontier import (
    NotTaken,
    ResolvedWithoutExport,
    SiteFrontier,
    pending_url_of,
    retry_policy,
)
from newscrawler.state.reconcile import reconcile_exports
from newscrawler.state.sqlite import STATE_FILENAME

logger = logging.getLogger(__name__)


@dataclass
class RunLedger:
    """What this process has exported and not yet committed, visible to every crawler."""

    by_url: dict[str, ArticleState] = field(default_factory=dict)
    by_hash: dict[str, ArticleState] = field(default_factory=dict)
    by_id: dict[str, ArticleState] = field(default_factory=dict)
    near: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)

    def add(self, article: ArticleState) -> None:
        self.by_url[article.url] = article
        self.by_hash.setdefault(article.content_hash, article)
        self.by_id[article.id] = article
        if article.near_signature is not None:
            self.near.add_signature(article.id, article.near_signature)

    def forget(self, article: ArticleState) -> None:
        self.by_url.pop(article.url, None)
        if self.by_hash.get(article.content_hash) is article:
            del self.by_hash[article.content_hash]
        self.by_id.pop(article.id, None)
        self.near.remove(article.id)


@dataclass
class _Shared:
    state: CrawlState
    ledger: RunLedger
    users: int = 0


_SHARED: dict[str, _Shared] = {}


def state_target(settings) -> str:
    configured = settings.get("NEWSCRAWLER_STATE") or ""
    if configured:
        return configured
    return str(Path(settings.get("NEWSCRAWLER_DATA_DIR")).resolve() / STATE_FILENAME)


def feed_batch_size(settings) -> int:
    """Items per feed file of the articles feed; 0 = one file per run."""
    options = settings.getdict("FEEDS").get(FEED_URI_TEMPLATE) or {}
    if options.get("batch_item_count") is not None:
        return int(options["batch_item_count"])
    return settings.getint("FEED_EXPORT_BATCH_ITEM_COUNT")


class CrawlStateExtension:
    def __init__(self, crawler, target: str) -> None:
        self.crawler = crawler
        self.target = target
        shared = _SHARED.get(target)
        if shared is None:
            shared = _SHARED[target] = _Shared(open_state(target), RunLedger())
        shared.users += 1
        self._shared = shared
        self.state = shared.state
        self.ledger = shared.ledger
        settings = crawler.settings
        self.batch_size = feed_batch_size(settings)
        self.scraped = 0  # items handed to the feed exporter so far
        self.awaiting: dict[tuple[str, int], ArticleState] = {}  # passed dedup, not yet scraped
        self.batches: dict[int, list[ArticleState]] = {}  # batch id -> its articles
        self.batch_pending: dict[int, list[str]] = {}  # batch id -> its pending URLs
        self.pending_aliases: list[tuple[str, str]] = []
        self.recheck_window = timedelta(days=settings.getfloat("NEWSCRAWLER_RECHECK_DAYS"))
        self.run_started = now_vn()
        data_dir = settings.get("NEWSCRAWLER_DATA_DIR")
        site = getattr(crawler.spidercls, "name", None)
        self.frontier = SiteFrontier(self.state, site or "", crawler.stats,
                                     retry_policy(settings))
        if data_dir and site:
            site_dir = Path(data_dir).resolve() / "articles" / site
            recovered = reconcile_exports(self.state, site_dir)
            crawler.stats.set_value(f"newscrawler/{site}/state/reconciled", recovered)

    @classmethod
    def from_crawler(cls, crawler):
        target = state_target(crawler.settings)
        if target == "off":
            raise NotConfigured("NEWSCRAWLER_STATE is off")
        extension = cls(crawler, target)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_error, signal=signals.spider_error)
        # Not spider_closed: the feed exporter completes its file during spider_closed,
        # and what it holds must be committed first.
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        # Only the listing walks' completion: it needs the close reason.
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    # --- questions from spiders and pipelines ---------------------------------------

    def lookup_url(self, url: str) -> ArticleState | None:
        return self.ledger.by_url.get(url) or self.state.lookup_url(url)

    def lookup_id(self, article_id: str) -> ArticleState | None:
        return self.ledger.by_id.get(article_id) or self.state.lookup_id(article_id)

    def needs_fetch(self, url: str) -> bool:
        """URLs unknown before this run are fetched; known ones only within the recheck
        window. What this run exported does not count: a listing that repeats the feed's
        articles is not stale (Scrapy's duplicate filter stops the second fetch)."""
        known = self.state.lookup_url(url)
        if known is None:
            return True
        return self.in_recheck_window(known)

    def known_before_run(self, url: str) -> ArticleState | None:
        """The committed article of this URL (what this run exported does not count)."""
        return self.state.lookup_url(url)

    def in_recheck_window(self, article: ArticleState) -> bool:
        if article.published_at is None:
            return False
        return article.published_at >= self.run_started - self.recheck_window

    def recheck_urls(self, site: str) -> list[str]:
        return self.state.recheck_candidates(site, self.run_started - self.recheck_window)

    def lookup_hash(self, content_hash: str) -> ArticleState | None:
        return self.ledger.by_hash.get(content_hash) or self.state.lookup_hash(content_hash)

    def near_duplicates(self, signature: int, sketch: bytes | None) -> list[ArticleState]:
        """Known articles (state and this run) that are near-duplicates, most similar first.

        SimHash finds the candidates; only those whose sketch shares enough shingles with
        `sketch` are returned. A candidate without a sketch (recorded before sketches
        existed) is never returned: its match cannot be verified.
        """
        found = {a.id: a for a in self.state.near_duplicates(signature)}
        for article_id in self.ledger.near.candidates(signature):
            found.setdefault(article_id, self.ledger.by_id[article_id])
        scored = [(sketch_similarity(sketch, a.near_sketch), a) for a in found.values()]
        verified = [pair for pair in scored if pair[0] >= NEAR_DUPLICATE_MIN_JACCARD]
        return [article for _, article in sorted(verified, key=lambda pair: -pair[0])]

    # --- what the run did -----------------------------------------------------------

    def exported(self, article: ArticleState) -> None:
        self.awaiting[(article.id, article.version)] = article
        self.ledger.add(article)

    def alias(self, article_id: str, url: str) -> None:
        self.pending_aliases.append((article_id, url))

    def fetched_as_alias(self, adapter: ItemAdapter, response) -> None:
        """A record whose URL is not the one fetched (a spider took the page's canonical
        URL, as Liferay's friendly URLs need): the fetched URL is an alias, so the next run
        knows it without fetching it again."""
        fetched = getattr(response, "url", None)
        if fetched and adapter.get("id") and fetched != adapter.get("url"):
            self.alias(adapter["id"], fetched)

    def item_scraped(self, item, response=None) -> None:
        """The item goes to the feed exporter now: note the batch file it lands in."""
        adapter = ItemAdapter(item)
        self.fetched_as_alias(adapter, response)
        article = self.awaiting.pop((adapter.get("id"), adapter.get("version") or 1), None)
        if article is None:
            return
        batch_id = self.scraped // self.batch_size + 1 if self.batch_size else 1
        self.batches.setdefault(batch_id, []).append(article)
        pending = pending_url_of(response)
        if pending is not None:
            self.batch_pending.setdefault(batch_id, []).append(pending)
        self.scraped += 1

    def item_dropped(self, item, response=None, exception=None) -> None:
        if isinstance(exception, ResolvedWithoutExport):
            self.fetched_as_alias(ItemAdapter(item), response)
            self.frontier.resolve(pending_url_of(response))
        elif isinstance(exception, NotTaken):
            # Passed dedup, not exported: this run does not hold it (still pending).
            adapter = ItemAdapter(item)
            article = self.awaiting.pop((adapter.get("id"), adapter.get("version") or 1), None)
            if article is not None:
                self.ledger.forget(article)
        else:  # a rejected record: this run's attempt failed
            self.frontier.fail(pending_url_of(response), f"dropped: {exception}")

    def spider_error(self, failure, response=None) -> None:
        self.frontier.fail(pending_url_of(response),
                           f"{failure.type.__name__}: {failure.getErrorMessage()}")

    def spider_closed(self, spider, reason: str) -> None:
        self.frontier.finish_walks(reason)

    def feed_slot_closed(self, slot) -> None:
        """A feed file is complete and renamed: its articles are now safely exported."""
        if not is_articles_feed(slot):
            return  # a user's own feed (-o/-O): our files alone are what the state records
        articles = self.batches.pop(slot.batch_id, [])
        pending = self.batch_pending.pop(slot.batch_id, [])
        final = Path(getattr(slot.storage, "path", ""))
        if not final.is_file() or len(articles) != slot.itemcount:
            # Scrapy signals a closed slot even when storing it failed: nothing to commit;
            # the next run fetches these articles again (and reconciles a stray file).
            logger.error("Crawl state: %s not stored or not as expected (%d items, %d "
                         "articles noted); %d articles left uncommitted", final,
                         slot.itemcount, len(articles), len(articles))
            return
        try:
            with self.state.transaction():
                for article in articles:
                    self.state.record(article)
                # The same transaction: exported and committed, or still pending.
                self.state.resolve_pending(self.frontier.site, pending)
                self.frontier.flush()
        except Exception as error:  # noqa: BLE001 - any backend: the run must fail, not die
            # The file is complete: the next run's reconcile records it (nothing lost).
            key = f"newscrawler/{self.crawler.spidercls.name}/state/commit_failures"
            self.crawler.stats.set_value(
                key, [*(self.crawler.stats.get_value(key) or []), f"{final.name}: {error}"])
            logger.error("Crawl state: commit of %s failed (%s); the next run records "
                         "its %d articles", final, error, len(articles))
            return
        logger.info("Crawl state: %d articles committed (%s)", len(articles), final.name)
        self.crawler.signals.send_catch_log(our_signals.batch_committed, path=final,
                                            articles=len(articles))
        for article in articles:
            self.ledger.forget(article)

    def engine_stopped(self) -> None:
        with self.state.transaction():
            for article_id, url in self.pending_aliases:
                if self.state.lookup_id(article_id) is not None:
                    self.state.add_alias(article_id, url)
            self.frontier.flush()
        self.frontier.report()
        uncommitted = len(self.awaiting) + sum(map(len, self.batches.values()))
        if uncommitted:
            logger.warning("Crawl state: %d exported articles not committed (feed not "
                           "completed); the next run fetches them again", uncommitted)
        self._shared.users -= 1
        if self._shared.users == 0:
            self.state.close()
            _SHARED.pop(self.target, None)

