"""The portals plain HTML cannot reach: registry entries, disabled until issue 18, so that
`newscrawler sites --by-ministry` shows their bodies and why they are not crawled. They
have no replica and no selectors.

- mof.gov.vn (Bộ Tài chính, which absorbed the Ministry of Planning and Investment on
  2025-03-01): a Vue single-page app whose robots.txt answers with the app shell; article
  lists come only from its JSON API, `POST /api/article/reads?offset&limit` with a body
  `{"rootCategoryId": …}`, an article from `GET /api/article/getbyslug?slug=`
  (idx:54660080281, "Fix 2026-07-14"; `_mof_config` in idx:17886542170, 2026;
  vn_sites_2026 §14 row mof.gov.vn).
- mod.gov.vn (Bộ Quốc phòng): IBM WCM (`/home/news?…urile=wcm:path:…`, `/home/detail?…`)
  whose every answer, robots.txt included, is a 177-byte script that sets a cookie and
  reloads (`_modgov_config` in idx:17886542170, 2026; vn_sites_2026 §14 row mod.gov.vn;
  opensanctions/opensanctions PR #4385, 2026-06-04, on the same stub family).
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry, NewsSpider


def unreachable(name: str, body: str, platform: str, reason: str, evidence: str) -> type:
    """A disabled registry entry for the portal `<name>.gov.vn` of `body`."""
    return type(f"{name.capitalize()}Spider", (NewsSpider,), {
        "__module__": __name__, "__doc__": f"{name}.gov.vn: see the module docstring.",
        "name": name, "publisher": f"Cổng Thông tin điện tử {body}",
        "ministries": (Ministry(body),), "platform": platform, "enabled": False,
        "status": "disabled", "status_reason": reason, "newest_evidence": evidence,
        "allowed_domains": [f"{name}.gov.vn"]})


MofSpider = unreachable(
    "mof", "Bộ Tài chính", "Vue SPA + JSON API",
    "Vue single-page app; articles only through its JSON API (POST /api/article/reads, "
    "GET /api/article/getbyslug): issue 18", "2026-07-14")
ModSpider = unreachable(
    "mod", "Bộ Quốc phòng", "IBM WCM",
    "IBM WCM behind a 177-byte script cookie challenge: issue 18", "2026-06-04")
