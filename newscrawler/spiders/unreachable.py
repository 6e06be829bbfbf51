"""The portals plain HTML cannot reach: registry entries, disabled until issue 18, so that
`newscrawler sites --by-ministry` shows their bodies and why they are not crawled. They
have no replica and no selectors.

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


ModSpider = unreachable(
    "mod", "Bộ Quốc phòng", "IBM WCM",
    "IBM WCM behind a 177-byte script cookie challenge: issue 18", "2026-06-04")
