"""baochinhphu.vn: Báo Điện tử Chính phủ, the Government's online newspaper (new site).

Sources (the research notes (vn_sites.md) §2.0 and §2.4, compiled 2026):
- VCCorp-style CMS since ~2022 (§2.0 "Platforms seen");
- article URL `https://baochinhphu.vn/<slug>-102YYMMDDhhmmssNNN.htm`, the id encoding the
  publication time (public code, [high]);
- category URLs `https://baochinhphu.vn/<cat>[/<sub>].htm`, e.g. `kinh-te.htm`,
  `tra-loi-cong-dan.htm`, `chinh-tri/doi-ngoai`, `xa-hoi/phap-luat`, `khoa-giao/giao-duc`;
  pagination `/timelinelist/{zoneId}/{page}.htm` with zone 1027 = kinh-te and
  102301 = tra-loi-cong-dan (public code, [high]);
- title `h1.detail-title`, sapo `h2.detail-sapo` whose dateline prefix ends at the first
  "-", date `div[data-role="publishdate"]`, body `div.detail-content[data-role="content"]`
  (`detail-content afcbc-body clearfix`) with related boxes
  `div.VCSortableInPreviewMode.alignCenter.type-6` to skip, author
  `a.detail-author-top-name` else bold text in `p[style*="text-align:right"] b` (public
  spider 65870912651);
- RSS `/rss/home.rss`, `/rss/kinh-te.rss`, `/rss/phap-luat.rss` among others (public code).
Ministry: the Government Office (Văn phòng Chính phủ, VPCP), which kept its name in the
2025-03-01 mergers (§2.0). ASSUMPTION: that VPCP runs the paper is the project lead's statement; the
notes do not say it.

ASSUMPTIONS (not in the notes): the dateline starts with "(" (as in "(Chinhphu.vn) - ",
itself an inference of the notes), so a sapo without one is kept whole; the breadcrumb
`ul.breadcrumb` (last item = category) and the tags box `div.detail-tags`; the date layout
(parsed by the generic date parser, which reads "DD/MM/YYYY HH:MM" day first). Pages may
come in Unicode NFD: extraction normalises every field to NFC (research §4.1).
"""

from __future__ import annotations

from newscrawler.spiders.base import Ministry
from newscrawler.spiders.vccorp import VCCorpSpider

_SAPO = "(//h2[contains(concat(' ', normalize-space(@class), ' '), ' detail-sapo ')])[1]"
_DATED = f"starts-with(normalize-space({_SAPO}), '(')"
# XPath 1.0 has no "if": substring(s, 1 div flag) is s when flag is true, "" when false.
# So: the text after the first "-" when the sapo opens with a dateline, else all of it.
SAPO_WITHOUT_DATELINE = (
    f"xpath:concat(substring(substring-after({_SAPO}, '-'), 1 div {_DATED}), "
    f"substring({_SAPO}, 1 div not({_DATED})))"
)


class BaochinhphuSpider(VCCorpSpider):
    name = "baochinhphu"
    publisher = "Báo Điện tử Chính phủ"
    ministries = (Ministry("Văn phòng Chính phủ"),)
    allowed_domains = ["baochinhphu.vn"]
    listing_urls = [
        f"https://baochinhphu.vn/{category}.htm"
        for category in ("kinh-te", "tra-loi-cong-dan", "chinh-tri/doi-ngoai",
                         "xa-hoi/phap-luat", "khoa-giao/giao-duc")
    ]
    feed_urls = [f"https://baochinhphu.vn/rss/{name}.rss"
                 for name in ("home", "kinh-te", "phap-luat")]
    article_url_pattern = r"^https?://(?:www\.)?baochinhphu\.vn/[a-z0-9-]+-102\d{15}\.htm$"
    article_key_pattern = r"-(102\d{15})\.htm$"
    selectors = {
        "title": "h1.detail-title",
        "lead": SAPO_WITHOUT_DATELINE,
        "published": 'div[data-role="publishdate"]',
        "body": 'div.detail-content[data-role="content"]',
        "authors": 'a.detail-author-top-name, p[style*="text-align:right"] b',
        "category": "ul.breadcrumb li:last-child a",
        "tags": "div.detail-tags a",
    }
