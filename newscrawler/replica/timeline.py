"""The replica over time: days on which the sites publish, edit, re-file and syndicate.

Day 0 is each site's base corpus; day d >= 1 applies the events of days 1..d, each drawn
with an RNG seeded by (seed, site, day), to it. Per site and day:

- publish `new_per_day` articles, taken from a pool written by the corpus writer, dated
  within the 24 hours before `epoch + d days`, with ids after the site's newest;
- edit `edits_per_day` articles of days d-2 and d-1 (one paragraph gains a sentence,
  `modified` is set). Only those: the crawler re-fetches known articles only within its
  recheck window (NEWSCRAWLER_RECHECK_DAYS), so an older edit is, by design, never seen;
- re-file `refiles_per_day` articles of days d-2 and d-1 under another category with a
  trimmed slug, title and body unchanged (ASSUMPTION: no site's practice is documented).
  The old URL answers 301 to the new one: the MasterCMS and VCCorp replicas find articles
  by the id in the URL; for other platforms `_RedirectingSite` answers it, as CMSs that
  remember old slugs do (ASSUMPTION);
- syndicate `syndications_per_day` recent articles of another timeline site: a copy under
  this site's URL scheme whose body opens with "(<publisher>) - " and whose source is
  "Theo <publisher>" (ASSUMPTION: the wording of real copies).

The epoch should be about the real time of the crawls: all simulated days are crawled
within minutes and the crawler measures its recheck window on the real clock, so articles
dated after the epoch are "recent" in every run, as on a real day.

`expected_history` is the dataset after one completed crawl per day: a record is exported
again, as `version` + 1 with the same id, only when its content (title and body) changed;
a re-filed article with the same content keeps its first record (the new URL becomes an
alias in the crawl state); a syndicated copy has `duplicate_of` = the original's id. All of
it comes from data, never from pages; new articles and copies are only accepted when the
project's near-duplicate signature (`newscrawler.fingerprints`) classes them as intended.
"""

from __future__ import annotations

import argparse
import logging
import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from newscrawler import fingerprints
from newscrawler.records import VN_TZ, now_vn
from newscrawler.replica import REPLICA_SITES, site_spec
from newscrawler.replica.corpus import ReplicaArticle, SiteCorpus, build_corpus
from newscrawler.replica.truth import clean, truth_record

logger = logging.getLogger(__name__)

POOL_SIZE = 300  # articles written per site for the days to come
RECENT_DAYS = 2  # edits and re-files touch articles of the last this many days
_NEAR = fingerprints.NEAR_DUPLICATE_MAX_DISTANCE
# A copy must be found by the index whatever its bands (fingerprints: every pair within
# 11 bits is found), and nearer its original than anything else.
_COPY_MAX_DISTANCE = 11


@dataclass(frozen=True)
class TimelineConfig:
    epoch: datetime
    new_per_day: int = 6
    edits_per_day: int = 2
    refiles_per_day: int = 1
    syndications_per_day: int = 1
    seed: int = 1


@dataclass
class DayEvents:
    """What happened on one site on one day, as the site's served URLs."""

    published: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    refiled: list[tuple[str, str]] = field(default_factory=list)  # (old URL, new URL)
    syndicated: list[tuple[str, str]] = field(default_factory=list)  # (original, copy)


@dataclass
class _Changes:
    """One site's events of one day, by article key (the corpus' key space)."""

    published: list[int] = field(default_factory=list)
    edited: list[int] = field(default_factory=list)
    refiled: list[int] = field(default_factory=list)
    syndicated: list[tuple[str, int, int]] = field(default_factory=list)  # site, key, copy


@dataclass
class _Day:
    articles: dict[str, list[ReplicaArticle]]  # per site, newest first
    copies: dict[str, dict[int, tuple[str, int]]]  # copy key -> (site, key) of the original
    moved: dict[str, set[int]]  # keys of re-filed articles
    pool_used: dict[str, int]  # pool articles considered so far, per site
    changes: dict[str, _Changes] = field(default_factory=dict)
    sites: dict[str, Any] = field(default_factory=dict)
    served: dict[str, dict[int, ReplicaArticle]] = field(default_factory=dict)
    redirects: dict[str, dict[str, str]] = field(default_factory=dict)  # old path -> URL


class Timeline:
    """The days of the given replica sites. Same arguments, same days."""

    def __init__(self, site_keys: Iterable[str] | None, config: TimelineConfig,
                 n_articles: int | None = None):
        self.site_keys = sorted(site_keys or REPLICA_SITES)
        self.config = config
        self.n_articles = n_articles
        self.specs = {key: site_spec(key) for key in self.site_keys}
        self._days: list[_Day] = []
        self._pools: dict[str, list[ReplicaArticle]] = {}
        self._signatures: dict[tuple[str, ...], int] = {}
        self._lock = threading.Lock()

    # --- public -----------------------------------------------------------------------

    def sites(self, day: int) -> list[Any]:
        """The served site objects of `day`."""
        state = self._day(day)
        return [state.sites[key] for key in self.site_keys]

    def events(self, day: int) -> dict[str, DayEvents]:
        """What happened on `day`, per site, as served URLs."""
        state = self._day(day)
        previous = self._day(day - 1) if day > 0 else state
        events = {}
        for site_key in self.site_keys:
            served, changes = state.served[site_key], state.changes.get(site_key, _Changes())
            before = previous.served[site_key]
            events[site_key] = DayEvents(
                published=[served[key].url for key in changes.published if key in served],
                edited=[served[key].url for key in changes.edited if key in served],
                refiled=[(before[key].url, served[key].url) for key in changes.refiled
                         if key in before and key in served],
                syndicated=[(state.served[origin][key].url, served[copy].url)
                            for origin, key, copy in changes.syndicated
                            if key in state.served[origin] and copy in served],
            )
        return events

    def expected_history(self, day: int) -> dict[str, list[dict[str, Any]]]:
        """Per article id, every record the crawler should have exported after one
        completed run on each day 0..`day`: `CONTENT_FIELDS` + `version`, `duplicate_of`."""
        history: dict[tuple[str, int], list[dict[str, Any]]] = {}
        contents: dict[tuple[str, int], tuple] = {}
        for number in range(day + 1):
            state = self._day(number)
            for site_key in self.site_keys:
                site = state.sites[site_key]
                for key, article in state.served[site_key].items():
                    content = (article.title, tuple(article.paragraphs))
                    if contents.get((site_key, key)) == content:
                        continue  # the same title and body: the same content hash
                    contents[(site_key, key)] = content
                    record = truth_record(site, article)
                    versions = history.setdefault((site_key, key), [])
                    if versions and versions[-1]["content_hash"] == record["content_hash"]:
                        continue
                    original = state.copies[site_key].get(key)
                    first = versions[0] if versions else record
                    record["id"] = first["id"]  # the crawler keeps the first id
                    record["version"] = len(versions) + 1
                    record["duplicate_of"] = (history[original][0]["id"] if original
                                              else None)
                    versions.append(record)
        return {versions[0]["id"]: versions for versions in history.values()}

    def expected_records(self, site_key: str, day: int) -> list[dict[str, Any]]:
        """The latest expected record of each article of `site_key`, newest first."""
        latest = [versions[-1] for versions in self.expected_history(day).values()
                  if versions[0]["site"] == site_key]
        return sorted(latest, key=lambda r: (r["published_at"] or "", r["id"]), reverse=True)

    # --- days -------------------------------------------------------------------------

    def _day(self, day: int) -> _Day:
        if day < 0:
            raise ValueError(f"no day {day}")
        with self._lock:
            while len(self._days) <= day:
                number = len(self._days)
                state = self._base() if number == 0 else self._next(self._days[-1], number)
                self._serve(state, self._days[-1] if self._days else None)
                self._days.append(state)
        return self._days[day]

    def _base(self) -> _Day:
        keys = self.site_keys
        return _Day(
            articles={key: build_corpus(key, self.n_articles).articles for key in keys},
            copies={key: {} for key in keys}, moved={key: set() for key in keys},
            pool_used=dict.fromkeys(keys, 0),
        )

    def _next(self, previous: _Day, day: int) -> _Day:
        state = _Day(
            articles={k: list(v) for k, v in previous.articles.items()},
            copies={k: dict(v) for k, v in previous.copies.items()},
            moved={k: set(v) for k, v in previous.moved.items()},
            pool_used=dict(previous.pool_used),
        )
        for site_key in self.site_keys:
            rng = random.Random(f"timeline:{self.config.seed}:{site_key}:{day}")
            writer = _DayWriter(self, state, previous, site_key, day, rng)
            writer.publish()
            writer.edit()
            writer.refile()
            writer.syndicate()
            state.articles[site_key].sort(key=lambda a: (a.published, a.key), reverse=True)
        return state

    def _serve(self, state: _Day, previous: _Day | None) -> None:
        for site_key, spec in self.specs.items():
            site = spec.factory(spec, SiteCorpus(spec, state.articles[site_key]))
            state.served[site_key] = served_articles(site_key, state.articles[site_key],
                                                     site.corpus.articles)
            served = state.served[site_key]
            # Re-filed articles are never moved again, so an old URL has one target.
            redirects = dict(previous.redirects[site_key]) if previous else {}
            for key in state.changes.get(site_key, _Changes()).refiled:
                if key not in previous.served[site_key] or key not in served:
                    continue  # not listed before or after: no link to redirect
                old = previous.served[site_key][key].url
                redirects[urlsplit(old).path] = state.served[site_key][key].url
            state.redirects[site_key] = redirects
            state.sites[site_key] = _RedirectingSite(site, redirects) if redirects else site

    # --- material ---------------------------------------------------------------------

    def pool(self, site_key: str) -> list[ReplicaArticle]:
        """Articles written for the days to come (never in a base corpus)."""
        if site_key not in self._pools:
            spec = self.specs[site_key]
            fixed = {article.key for article in spec.fixed_articles()}
            written = build_corpus(site_key, POOL_SIZE + len(fixed),
                                   seed=spec.seed * 1000 + self.config.seed)
            self._pools[site_key] = [a for a in written.articles if a.key not in fixed]
        return self._pools[site_key]

    def signature(self, article: ReplicaArticle) -> int:
        """The near-duplicate signature of the body the crawler should extract."""
        paragraphs = tuple(article.paragraphs)
        if paragraphs not in self._signatures:
            body = "\n\n".join(clean(paragraph) for paragraph in paragraphs)
            self._signatures[paragraphs] = fingerprints.signature(body)
        return self._signatures[paragraphs]


class _DayWriter:
    """Applies one day's events to one site of `state`."""

    def __init__(self, timeline: Timeline, state: _Day, previous: _Day, site_key: str,
                 day: int, rng: random.Random):
        self.timeline, self.state, self.previous = timeline, state, previous
        self.site_key, self.day, self.rng = site_key, day, rng
        self.config = timeline.config
        self.spec = timeline.specs[site_key]
        self.articles = state.articles[site_key]
        self.start = self.config.epoch + timedelta(days=day - 1)
        self.minutes = {a.published.replace(second=0, microsecond=0) for a in self.articles}
        self.changes = state.changes.setdefault(site_key, _Changes())

    def publish(self) -> None:
        pool = self.timeline.pool(self.site_key)
        slugs = {a.slug for a in self.articles}
        for _ in range(self.config.new_per_day):
            while True:
                if self.state.pool_used[self.site_key] >= len(pool) - 60:  # 60: donors
                    raise ValueError(f"{self.site_key}: the article pool is exhausted")
                article = pool[self.state.pool_used[self.site_key]]
                self.state.pool_used[self.site_key] += 1
                if article.slug not in slugs and self._is_distinct(article):
                    break
            new = self._new_article(article, article.slug, article.category,
                                    article.category_name, article.paragraphs, article.source)
            slugs.add(new.slug)
            self.changes.published.append(new.key)

    def _is_distinct(self, article: ReplicaArticle) -> bool:
        """Not a near-duplicate of any article of any timeline site, as the crawler sees."""
        mine = self.timeline.signature(article)
        return all(
            fingerprints.hamming_distance(mine, self.timeline.signature(other)) > _NEAR
            for articles in self.state.articles.values() for other in articles
        )

    def _new_article(self, source: ReplicaArticle, slug: str, category: str,
                     category_name: str, paragraphs: list[str], attribution: str | None
                     ) -> ReplicaArticle:
        key = max(a.key for a in self.articles) + self.rng.randint(1, 40)
        published = self._free_minute(self.start + timedelta(minutes=self.rng.randint(1, 1439)))
        images = [dict(image, url=self.spec.image_url(published, key, index))
                  for index, image in enumerate(source.images)]
        article = replace(
            source, key=key, slug=slug, url=self.spec.article_url(slug, key), category=category,
            category_name=category_name, paragraphs=list(paragraphs), source=attribution,
            published=published, modified=None, images=images, tags=list(source.tags),
            authors=list(source.authors),
        )
        self.articles.append(article)
        return article

    def _free_minute(self, moment: datetime) -> datetime:
        # Some CMSs derive the id from the publication minute (VCCorp): one per minute.
        moment = moment.replace(second=0, microsecond=0)
        while moment in self.minutes:
            moment += timedelta(minutes=1)
        self.minutes.add(moment)
        return moment

    def _recent(self) -> list[ReplicaArticle]:
        """Articles of days d-2 and d-1 (copies included) not re-filed before."""
        since = self.start - timedelta(days=RECENT_DAYS)
        moved = self.state.moved[self.site_key]
        return [a for a in self.articles if since <= a.published < self.start
                and a.key not in moved]

    def edit(self) -> None:
        recent = self._recent()
        for article in self.rng.sample(recent, min(self.config.edits_per_day, len(recent))):
            paragraphs = list(article.paragraphs)
            index = self.rng.randrange(len(paragraphs))
            paragraphs[index] = f"{paragraphs[index]} {self._added_sentence()}"
            modified = self.start + timedelta(minutes=self.rng.randint(1, 600))
            self._replace(article, replace(article, paragraphs=paragraphs, modified=modified))
            self.changes.edited.append(article.key)

    def _added_sentence(self) -> str:
        # A sentence of a pool article the days never publish (the pool's far end).
        donor = self.rng.choice(self.timeline.pool(self.site_key)[-60:])
        sentence = self.rng.choice(donor.paragraphs).split(". ")[0].rstrip(".")
        return sentence + "."

    def refile(self) -> None:
        edited = set(self.changes.edited)
        candidates = [a for a in self._recent() if a.key not in edited
                      and a.key not in self.state.copies[self.site_key]]
        slugs = {a.slug for a in self.articles}
        for article in self.rng.sample(candidates, min(self.config.refiles_per_day,
                                                       len(candidates))):
            others = [c for c in self.spec.categories if c.slug != article.category]
            if not others:
                continue
            category = self.rng.choice(others)
            slug = _trimmed_slug(article.slug, slugs)
            slugs.add(slug)
            moved = replace(article, category=category.slug, category_name=category.name,
                            slug=slug, url=self.spec.article_url(slug, article.key))
            self._replace(article, moved)
            self.state.moved[self.site_key].add(article.key)
            self.changes.refiled.append(article.key)

    def syndicate(self) -> None:
        sources = [key for key in self.timeline.site_keys if key != self.site_key]
        if not sources:
            return
        slugs = {a.slug for a in self.articles}
        for _ in range(self.config.syndications_per_day):
            origin_key = self.rng.choice(sources)
            origin = self._syndication_source(origin_key, slugs)
            if origin is None:
                continue
            publisher = self.timeline.specs[origin_key].publisher
            category = self.rng.choice(self.spec.categories)
            copy = self._new_article(origin, origin.slug, category.slug, category.name,
                                     _copied_body(origin, publisher), f"Theo {publisher}")
            slugs.add(copy.slug)
            self.state.copies[self.site_key][copy.key] = (origin_key, origin.key)
            self.changes.syndicated.append((origin_key, origin.key, copy.key))

    def _syndication_source(self, origin_key: str, slugs: set[str]) -> ReplicaArticle | None:
        """A recent original the crawler will recognise in its copy, and nothing else."""
        copied = {key for site, key in self.state.copies[self.site_key].values()
                  if site == origin_key}
        own_copies = self.previous.copies[origin_key]
        candidates = [a for a in self.previous.articles[origin_key][:40]
                      if a.key not in copied and a.key not in own_copies
                      and a.slug not in slugs]
        self.rng.shuffle(candidates)
        publisher = self.timeline.specs[origin_key].publisher
        for original in candidates:
            mine = self.timeline.signature(
                replace(original, paragraphs=_copied_body(original, publisher)))
            distance = fingerprints.hamming_distance(mine, self.timeline.signature(original))
            if distance > _COPY_MAX_DISTANCE:
                continue
            if all(fingerprints.hamming_distance(mine, self.timeline.signature(other))
                   > max(distance, _NEAR) for articles in self.state.articles.values()
                   for other in articles if other is not original):
                return original
        return None

    def _replace(self, old: ReplicaArticle, new: ReplicaArticle) -> None:
        self.articles[self.articles.index(old)] = new


def _copied_body(original: ReplicaArticle, publisher: str) -> list[str]:
    return [f"({publisher}) - {original.paragraphs[0]}", *original.paragraphs[1:]]


def _trimmed_slug(slug: str, taken: set[str]) -> str:
    words = slug.split("-")
    for keep in range(max(2, len(words) - 2), 0, -1):
        candidate = "-".join(words[:keep])
        if candidate != slug and candidate not in taken:
            return candidate
    return f"{slug}-1"


def served_articles(site_key: str, articles: list[ReplicaArticle],
                    rendered: list[ReplicaArticle]) -> dict[int, ReplicaArticle]:
    """Corpus key -> the article as the site serves it. A site serves its whole corpus in
    order (its ids may differ: VCCorp derives them from the minute), or only part of it by
    the same keys (VHV: page 1 of each listing), never an article outside it."""
    if len(rendered) == len(articles):
        if [a.published for a in rendered] != [a.published for a in articles]:
            raise ValueError(f"{site_key}: the site does not serve its corpus in order")
        return {article.key: shown for article, shown in zip(articles, rendered, strict=True)}
    by_key = {article.key: article for article in rendered}
    if by_key.keys() - {article.key for article in articles}:
        raise ValueError(f"{site_key}: the site serves articles not in its corpus")
    return {article.key: by_key[article.key] for article in articles if article.key in by_key}


class _RedirectingSite:
    """A served site whose re-filed articles' old URLs answer 301 to their new URL, when
    the platform itself does not already answer them."""

    def __init__(self, site: Any, redirects: dict[str, str]):
        self._site = site
        self._redirects = redirects

    def __getattr__(self, name: str) -> Any:
        return getattr(self._site, name)

    def handle(self, path: str, now: datetime) -> tuple[int, dict[str, str], bytes]:
        status, headers, body = self._site.handle(path, now)
        target = self._redirects.get(urlsplit(path).path) if status == 404 else None
        if target is not None:
            return 301, {"Content-Type": "text/html; charset=utf-8", "Location": target}, b""
        return status, headers, body


# --- command-line options shared by `replica serve` and `replica truth` ---------------


def add_timeline_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--day", type=int, default=None,
                        help="serve the sites as on this day of the timeline (0 = base)")
    parser.add_argument("--epoch", default=None,
                        help="ISO time of day 0 (default: today 00:00, Vietnam time)")
    defaults = TimelineConfig(epoch=datetime(2000, 1, 1, tzinfo=VN_TZ))
    for name, value in (("new", defaults.new_per_day), ("edits", defaults.edits_per_day),
                        ("refiles", defaults.refiles_per_day),
                        ("syndications", defaults.syndications_per_day)):
        parser.add_argument(f"--{name}", type=int, default=value,
                            help=f"{name} per site and day (default {value})")
    parser.add_argument("--timeline-seed", type=int, default=defaults.seed)


def parse_epoch(text: str | None) -> datetime:
    if not text:
        return now_vn().replace(hour=0, minute=0, second=0)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=VN_TZ)


def timeline_from_args(args: argparse.Namespace, site_keys: list[str] | None,
                       n_articles: int | None) -> Timeline:
    config = TimelineConfig(
        epoch=parse_epoch(args.epoch), new_per_day=args.new, edits_per_day=args.edits,
        refiles_per_day=args.refiles, syndications_per_day=args.syndications,
        seed=args.timeline_seed,
    )
    return Timeline(site_keys, config, n_articles)
