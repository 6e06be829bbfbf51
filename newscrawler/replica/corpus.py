"""The replica's article data: deterministic, seeded, built from real Vietnamese sentences.

A site's corpus is plain data (`ReplicaArticle`); a platform module renders it to pages and
`truth.py` derives the expected records from it. Nothing here knows about HTML.
"""

from __future__ import annotations

import logging
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from newscrawler.records import VN_TZ
from newscrawler.replica import sentences as text

logger = logging.getLogger(__name__)

QUARTERS = ("I", "II", "III", "IV")
_CHOICE = re.compile(r"\[([^\[\]]+)\]")  # "[a|b|c]" in a template: one of the wordings


@dataclass(frozen=True)
class Category:
    slug: str
    name: str  # as the site shows it in menus and breadcrumbs


@dataclass(frozen=True)
class SiteSpec:
    """Everything the replica knows about one real site, in one place."""

    key: str  # site key, as in the spider name and the record's `site`
    domain: str
    publisher: str
    ministry: str | None
    categories: tuple[Category, ...]
    article_key_pattern: str  # regex whose group 1 is the site's own article id
    article_url: Callable[[str, int], str]  # (slug, key) -> real URL
    image_url: Callable[[datetime, int, int], str]  # (published, key, index) -> real URL
    factory: Callable[[SiteSpec, SiteCorpus], Any]  # builds the object the server serves
    fixed_articles: Callable[[], Sequence[ReplicaArticle]] = tuple  # e.g. the seed article
    n_articles: int = 240  # default corpus size, fixed articles included
    seed: int = 1
    first_key: int = 100000  # generated ids grow from here in publication order
    corpus_end: datetime | None = None  # publication time of the newest generated article
    source_rate: float = 0.2  # share of articles with a "Theo ..." attribution
    # For a site whose ministry changed (the 2025-03-01 mergers, research §2.0): the
    # ministry at a publication time; None = `ministry` throughout.
    ministry_on: Callable[[datetime], str | None] | None = None

    def ministry_at(self, published: datetime) -> str | None:
        return self.ministry_on(published) if self.ministry_on else self.ministry

    def category(self, slug: str) -> Category:
        for category in self.categories:
            if category.slug == slug:
                return category
        raise KeyError(slug)


@dataclass
class ReplicaArticle:
    key: int
    slug: str
    url: str
    category: str
    category_name: str
    title: str
    lead: str
    paragraphs: list[str]
    authors: list[str]
    source: str | None
    published: datetime
    modified: datetime | None
    images: list[dict[str, str | None]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    attachments: list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class SiteCorpus:
    spec: SiteSpec
    articles: list[ReplicaArticle]  # newest first

    @property
    def site_key(self) -> str:
        return self.spec.key

    @property
    def categories(self) -> tuple[Category, ...]:
        return self.spec.categories

    @cached_property
    def by_key(self) -> dict[int, ReplicaArticle]:
        return {article.key: article for article in self.articles}

    def in_category(self, slug: str) -> list[ReplicaArticle]:
        return self._by_category.get(slug, [])

    @cached_property
    def _by_category(self) -> dict[str, list[ReplicaArticle]]:
        groups: dict[str, list[ReplicaArticle]] = {}
        for article in self.articles:
            groups.setdefault(article.category, []).append(article)
        return groups


def slugify(title: str) -> str:
    """ASCII slug of a Vietnamese title: diacritics stripped, đ mapped to d (it has no
    Unicode decomposition, research §4.1)."""
    folded = title.replace("đ", "d").replace("Đ", "D")
    folded = unicodedata.normalize("NFD", folded)
    folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def build_corpus(
    site_key: str, n_articles: int | None = None, seed: int | None = None
) -> SiteCorpus:
    """The site's articles, newest first: its fixed articles plus generated ones, so that
    there are `n_articles` in all. Same arguments, same corpus."""
    from newscrawler.replica import site_spec  # the registry imports the platform modules

    spec = site_spec(site_key)
    total = spec.n_articles if n_articles is None else n_articles
    rng = random.Random(f"{site_key}:{spec.seed if seed is None else seed}")
    fixed = list(spec.fixed_articles())
    generated = _ArticleWriter(spec, rng).write(max(0, total - len(fixed)))
    articles = sorted(fixed + generated, key=lambda a: (a.published, a.key), reverse=True)
    return SiteCorpus(spec, articles)


def _fmt_int(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # Vietnamese thousands separator


def _fmt_dec(number: float) -> str:
    return f"{number:.1f}".replace(".", ",")


_CHOICES = {
    "province": text.PROVINCES, "agency": text.AGENCIES, "event": text.EVENTS,
    "ministry": text.MINISTRIES, "product": text.PRODUCTS, "market": text.MARKETS,
    "role": text.ROLES, "trend": text.TRENDS,
}


_DRAWS: dict[str, Callable[[random.Random], str]] = {
    "company": lambda rng: (
        f"Công ty {rng.choice(text.COMPANY_KINDS)} {rng.choice(text.COMPANY_BRANDS)}"
    ),
    "pct": lambda rng: _fmt_dec(rng.uniform(1.5, 45)) + "%",
    "money": lambda rng: rng.choice((
        f"{_fmt_int(rng.randint(120, 9800))} tỷ đồng",
        f"{_fmt_dec(rng.uniform(1.2, 45))} tỷ USD",
        f"{rng.randint(50, 950)} triệu USD",
    )),
    "money_small": lambda rng: f"{rng.randint(15, 480)} triệu đồng",
    "count": lambda rng: _fmt_int(rng.randint(12, 1500)),
    "num": lambda rng: str(rng.randint(5, 300)),
    "small": lambda rng: str(rng.randint(2, 9)),
    "usd": lambda rng: _fmt_int(rng.randint(1500, 6000)),
    "month": lambda rng: str(rng.randint(1, 12)),
    "months": lambda rng: str(rng.randint(2, 11)),
    "day2": lambda rng: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
    "quarter": lambda rng: rng.choice(QUARTERS),
}


class _Slots(dict):
    """Template slots: article-level values given, the rest drawn at first use."""

    def __init__(self, rng: random.Random, base: dict[str, str]):
        super().__init__(base)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        value = self._draw(key)
        if "{" in value:
            value = value.format_map(self)
        self[key] = value
        return value

    def _draw(self, key: str) -> str:
        rng = self.rng
        if key in _CHOICES:
            return rng.choice(_CHOICES[key])
        if key in _DRAWS:
            return _DRAWS[key](rng)
        if key == "province2":
            province = self["province"]
            while (other := rng.choice(text.PROVINCES)) == province:
                pass
            return other
        if key == "province_admin":
            province = self["province"]
            if province.startswith("TP "):
                return province
            return f"TP {province}" if province in text.CITIES else f"tỉnh {province}"
        if key in ("person", "man", "woman", "author"):
            return person_name(rng, {"man": "m", "woman": "f"}.get(key))
        if key in ("price_low", "price_high"):  # a consistent pair
            low = rng.randint(40, 130) * 1000
            self["price_low"] = _fmt_int(low)
            self["price_high"] = _fmt_int(low + rng.randint(1, 15) * 500)
            return self[key]
        raise KeyError(f"unknown template slot {key!r}")


def person_name(rng: random.Random, gender: str | None = None) -> str:
    """A Vietnamese name: family + middle + given, the order Vietnamese write them."""
    gender = gender or rng.choice("mf")
    middles, givens = text.MALE_NAMES if gender == "m" else text.FEMALE_NAMES
    return f"{rng.choice(text.FAMILY_NAMES)} {rng.choice(middles)} {rng.choice(givens)}"


def _byline_name(rng: random.Random) -> str:
    # Journalists sign with a full name or a two-word pen name ("Vũ Lê", "Minh Anh").
    if rng.random() < 0.6:
        return person_name(rng)
    middles, givens = rng.choice((text.MALE_NAMES, text.FEMALE_NAMES))
    middles = tuple(m for m in middles if m not in ("Văn", "Thị"))  # never lead a pen name
    first = rng.choice(middles + text.FAMILY_NAMES)
    return f"{first} {rng.choice(givens)}"


def _capitalize(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


class _ArticleWriter:
    """Writes generated articles back in time from the spec's corpus end."""

    def __init__(self, spec: SiteSpec, rng: random.Random):
        self.spec = spec
        self.rng = rng
        self.titles: set[str] = set()

    def write(self, count: int) -> list[ReplicaArticle]:
        rng = self.rng
        moment = self.spec.corpus_end or datetime(2025, 10, 31, 17, 45, tzinfo=VN_TZ)
        key = self.spec.first_key + 40 * count
        articles = []
        for _ in range(count):
            articles.append(self._article(key, moment))
            moment -= timedelta(minutes=rng.randint(20, 400))
            key -= rng.randint(1, 40)  # ids of other content types fall in between
        return articles

    def _article(self, key: int, published: datetime) -> ReplicaArticle:
        rng, spec = self.rng, self.spec
        category = rng.choice(spec.categories)
        base = self._article_slots(category.slug, published)
        title = self._unique_title(category.slug, base)
        slug = slugify(title)
        modified = None
        if rng.random() < 0.3:
            modified = published + timedelta(minutes=rng.randint(15, 2880))
        return ReplicaArticle(
            key=key, slug=slug, url=spec.article_url(slug, key), category=category.slug,
            category_name=category.name, title=title,
            lead=self._sentence(rng.choice(text.LEAD_TEMPLATES), base),
            paragraphs=self._paragraphs(category.slug, base), authors=self._authors(),
            source=rng.choice(text.SOURCES) if rng.random() < spec.source_rate else None,
            published=published, modified=modified,
            images=self._images(published, key, base), tags=self._tags(base),
        )

    def _article_slots(self, category: str, published: datetime) -> dict[str, str]:
        rng = self.rng
        topics = text.TOPICS.get(category) or tuple(t for ts in text.TOPICS.values() for t in ts)
        slots = _Slots(rng, {
            "topic": rng.choice(topics), "day": f"{published.day}/{published.month}",
            "year": str(published.year), "year2": str(published.year + rng.randint(1, 5)),
            "year_prev": str(published.year - 1),
        })
        if category == "thi-truong":
            slots["product"] = rng.choice(text.COMMODITIES)
        for key in ("province", "province_admin", "event", "agency", "product", "market"):
            slots[key]  # noqa: B018 - fixes the article-level value once
        return dict(slots)

    def _sentence(self, template: str, base: dict[str, str]) -> str:
        worded = _CHOICE.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        return _capitalize(worded.format_map(_Slots(self.rng, base)))

    def _unique_title(self, category: str, base: dict[str, str]) -> str:
        templates = text.TITLE_TEMPLATES + text.TITLE_TEMPLATES_BY_CATEGORY.get(category, ())
        for _ in range(100):
            title = self._sentence(self.rng.choice(templates), base)
            if title not in self.titles:
                self.titles.add(title)
                return title
            base = dict(base, province=self.rng.choice(text.PROVINCES))
            base.pop("province_admin", None)
        raise RuntimeError("could not write a unique title")

    def _paragraphs(self, category: str, base: dict[str, str]) -> list[str]:
        rng = self.rng
        sizes = rng.choices((1, 2, 3, 4), weights=(35, 35, 20, 10), k=rng.randint(3, 9))
        real = text.REAL_SENTENCES.get(category, ())
        real = rng.sample(real, 1) if real and rng.random() < 0.35 else []
        pool = text.SENTENCES + text.SENTENCES_BY_CATEGORY.get(category, ())
        templates = rng.sample(pool, min(sum(sizes) - len(real), len(pool)))
        sentences = [self._sentence(template, base) for template in templates]
        for sentence in real:
            sentences.insert(rng.randint(0, len(sentences)), sentence)
        paragraphs, start = [], 0
        for size in sizes:
            if sentences[start:start + size]:
                paragraphs.append(" ".join(sentences[start:start + size]))
            start += size
        return paragraphs

    def _authors(self) -> list[str]:
        draw = self.rng.random()
        if draw < 0.15:
            return []
        return [_byline_name(self.rng) for _ in range(2 if draw < 0.3 else 1)]

    def _images(self, published: datetime, key: int, base: dict[str, str]):
        rng = self.rng
        count = rng.choices((0, 1, 2, 3), weights=(15, 55, 20, 10))[0]
        images = []
        for index in range(count):
            caption = None
            if rng.random() < 0.85:
                caption = self._sentence(rng.choice(text.CAPTION_TEMPLATES), base)
            images.append({"url": self.spec.image_url(published, key, index), "caption": caption})
        return images

    def _tags(self, base: dict[str, str]) -> list[str]:
        templates = self.rng.sample(text.TAG_TEMPLATES, self.rng.randint(2, 5))
        tags = [template.format_map(_Slots(self.rng, base)) for template in templates]
        return list(dict.fromkeys(tags))


def write_articles(spec: SiteSpec, count: int, seed: str) -> list[ReplicaArticle]:
    """`count` generated articles of `spec`, written back in time from its corpus end: an
    older generation a site module adds to its corpus as fixed articles."""
    return _ArticleWriter(spec, random.Random(seed)).write(count)
