"""DedupPipeline: one article, one record, across URLs, categories, runs and sites.

Against the crawl state and what this run already exported:
- same URL, same content: an unchanged re-check, dropped (`unchanged`);
- same URL, changed content: exported again as `version + 1`, with `changed_at`;
- same site, other URL, same or near-duplicate content (re-filed under a new slug, a
  print view...): dropped (`same_site_duplicate`), the URL kept as an alias;
- another site, same or near-duplicate content (a syndicated press release): exported
  with `duplicate_of` = the first record's id, or dropped when NEWSCRAWLER_DUPLICATES is
  "drop" (`cross_site_duplicate`).
Outcomes are counted as `newscrawler/<site>/articles/{new,updated}` and
`newscrawler/<site>/duplicates/<reason>`, which the run report shows.
"""

from __future__ import annotations

import logging
from datetime import datetime

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from newscrawler.extract.dates import parse_iso
from newscrawler.fingerprints import (
    NEAR_DUPLICATE_MIN_JACCARD,
    near_fingerprints,
    sketch_similarity,
)
from newscrawler.state import ArticleState
from newscrawler.state.extension import CrawlStateExtension
from newscrawler.state.frontier import ResolvedWithoutExport

logger = logging.getLogger(__name__)

DUPLICATE_POLICIES = ("mark", "drop")


class DedupPipeline:
    def __init__(self, crawler, state: CrawlStateExtension, policy: str) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.state = state
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler):
        state = crawler.get_extension(CrawlStateExtension)
        if state is None:
            raise NotConfigured("no crawl state: deduplication is off")
        policy = crawler.settings.get("NEWSCRAWLER_DUPLICATES")
        if policy not in DUPLICATE_POLICIES:
            raise ValueError(f"NEWSCRAWLER_DUPLICATES must be one of {DUPLICATE_POLICIES}")
        return cls(crawler, state, policy)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        current = article_state(adapter)
        # By URL, or by the site's own article id under another slug.
        known = self.state.lookup_url(current.url) or self.state.lookup_id(current.id)
        if known is not None:
            return self.known_url(adapter, current, known)
        original = self.content_match(current)
        if original is None:
            self.state.exported(current)
            self.count(current.site, "articles/new")
            return item
        if original.site == current.site:
            self.state.alias(original.id, current.url)
            self.drop(current, "same_site_duplicate", f"same content as {original.id}")
        if self.policy == "drop":
            self.drop(current, "cross_site_duplicate", f"syndicated copy of {original.id}")
        adapter["duplicate_of"] = current.duplicate_of = original.id
        self.count(current.site, "duplicates/cross_site_duplicate_marked")
        self.state.exported(current)
        return item

    def known_url(self, adapter: ItemAdapter, current: ArticleState, known: ArticleState):
        if current.url != known.url:
            self.state.alias(known.id, current.url)  # re-filed under a new slug
        if known.content_hash == current.content_hash and not self.fields_changed(
                adapter, known):
            self.drop(current, "unchanged", "unchanged since the last export", level="DEBUG")
        current.id = known.id
        current.version = known.version + 1
        current.first_seen = known.first_seen
        adapter["id"] = known.id
        adapter["version"] = current.version
        adapter["changed_at"] = adapter.get("crawled_at")  # modified_at is the page's own
        # A syndicated copy stays one in every version, however much it is edited.
        original = self.content_match(current)
        if known.duplicate_of:
            current.duplicate_of = known.duplicate_of
        elif original is not None and original.site != current.site:
            current.duplicate_of = original.id
        adapter["duplicate_of"] = current.duplicate_of
        self.count(current.site, "articles/updated")
        self.state.exported(current)
        return adapter.item

    def fields_changed(self, adapter: ItemAdapter, known: ArticleState) -> bool:
        """Re-extraction (`newscrawler reextract`): a field other than title and body
        differs from the article's last export (a fixed selector)."""
        baseline = getattr(self.crawler.spider, "baseline", None)
        return baseline is not None and baseline.changed(known.id, adapter)

    def content_match(self, current: ArticleState) -> ArticleState | None:
        exact = self.state.lookup_hash(current.content_hash)
        if exact is not None and exact.id != current.id:
            return exact
        # A SimHash candidate alone is not enough: unrelated articles of one template-heavy
        # site can sit within its threshold, and a wrong match drops a real article.
        near = self.state.near_duplicates(current.near_signature, current.near_sketch)
        scored = [
            (sketch_similarity(current.near_sketch, candidate.near_sketch), candidate)
            for candidate in near
            if candidate.id != current.id
        ]
        verified = [pair for pair in scored if pair[0] >= NEAR_DUPLICATE_MIN_JACCARD]
        return max(verified, key=lambda pair: pair[0])[1] if verified else None

    def count(self, site: str, outcome: str) -> None:
        self.stats.inc_value(f"newscrawler/{site}/{outcome}")

    def drop(self, current: ArticleState, reason: str, message: str, level: str = "INFO"):
        self.count(current.site, f"duplicates/{reason}")
        # The article is settled: its URL leaves the discovery frontier.
        raise ResolvedWithoutExport(f"{reason}: {current.url}: {message}", log_level=level)


def article_state(adapter: ItemAdapter) -> ArticleState:
    crawled = parse_iso(adapter.get("crawled_at")) or datetime.now().astimezone()
    near_signature, near_sketch = near_fingerprints(adapter.get("body"))
    return ArticleState(
        id=adapter["id"],
        site=adapter["site"],
        url=adapter["url"],
        content_hash=adapter["content_hash"],
        near_signature=near_signature,
        near_sketch=near_sketch,
        first_seen=crawled,
        last_seen=crawled,
        version=adapter.get("version") or 1,
        published_at=parse_iso(adapter.get("published_at")),
    )
