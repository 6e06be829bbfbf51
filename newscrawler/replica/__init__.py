"""Offline replicas of the real sites, served over real HTTP on 127.0.0.1.

A replica site is built in three steps: its `SiteSpec` (domain, publisher, ministry,
categories, URL scheme; defined in the platform module that renders it), its corpus
(`corpus.build_corpus`, seeded article data) and its site object (`spec.factory(spec,
corpus)`). The site object is what `server.ReplicaServer` serves; it provides:

- `domain: str`, `spec: SiteSpec`, `corpus: SiteCorpus`
- `handle(path_with_query: str, now: datetime) -> (status, headers, body_bytes)`
- `published_raw(article) -> str | None`: the date text its article page shows
- `shows_modified: bool`: whether its pages show a modification time at all
- optionally `refuse(path_with_query, headers) -> response | None`: a firewall that judges
  the request's headers before `handle` (sbv.py)

`truth.py` derives the expected records from the corpus through those members only.

To add a site: write its spec in its platform module and add one line to `REPLICA_SITES`.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newscrawler.replica.corpus import SiteSpec

logger = logging.getLogger(__name__)

# site key -> "module:attribute" of its SiteSpec (whose `factory` builds the served site).
# Imported lazily so that one broken or slow platform module does not affect the others.
REPLICA_SITES: dict[str, str] = {
    "congthuong": "newscrawler.replica.mastercms:CONGTHUONG",
    "most": "newscrawler.replica.sharepoint:MOST",
    "mt": "newscrawler.replica.sharepoint:MT",
    "moc": "newscrawler.replica.sharepoint:MOC",
    "moh": "newscrawler.replica.liferay:MOH",
    "moit": "newscrawler.replica.vhv_moit:MOIT",
    "thoibaonganhang": "newscrawler.replica.mastercms_tbnh:THOIBAONGANHANG",
    "mic": "newscrawler.replica.sharepoint_moet_mic:MIC",
    "moet": "newscrawler.replica.vhv_moet:MOET",
    "baochinhphu": "newscrawler.replica.vccorp:BAOCHINHPHU",
    "mst": "newscrawler.replica.vccorp_mst:MST",
    "moha": "newscrawler.replica.moha:MOHA",
    "cema": "newscrawler.replica.cema:CEMA",
    "bocongan": "newscrawler.replica.bocongan:BOCONGAN",
    "vpcp": "newscrawler.replica.vccorp_vpcp:VPCP",
    "bvhttdl": "newscrawler.replica.bvhttdl:BVHTTDL",
    "mofa": "newscrawler.replica.mofa:MOFA",
    "moj": "newscrawler.replica.moj:MOJ",
    "mae": "newscrawler.replica.mae:MAE",
    "thanhtra": "newscrawler.replica.thanhtra:THANHTRA",
    "sbv": "newscrawler.replica.sbv:SBV",
    "mof": "newscrawler.replica.mof:MOF",
    "mod": "newscrawler.replica.mod:MOD",
}


def site_spec(site_key: str) -> SiteSpec:
    try:
        location = REPLICA_SITES[site_key]
    except KeyError:
        known = ", ".join(sorted(REPLICA_SITES))
        raise KeyError(f"no replica for site {site_key!r} (known: {known})") from None
    module_name, attribute = location.split(":")
    return getattr(import_module(module_name), attribute)


@lru_cache(maxsize=32)
def load_site(site_key: str, n_articles: int | None = None) -> Any:
    """The served site object of `site_key`, built once per process and size."""
    from newscrawler.replica.corpus import build_corpus

    spec = site_spec(site_key)
    corpus = build_corpus(site_key, n_articles)
    logger.debug("replica %s: %d articles", site_key, len(corpus.articles))
    return spec.factory(spec, corpus)


def load_sites(site_keys: list[str] | None = None, n_articles: int | None = None) -> list[Any]:
    return [load_site(key, n_articles) for key in (site_keys or sorted(REPLICA_SITES))]
