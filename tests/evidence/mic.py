"""mic.gov.vn evidence (vn_sites_2026 §9, §12): the 2021 lead markup of the `mic_2020`
SharePoint archive, typed from the facts of idx:26739936300 and S1."""

from __future__ import annotations

from tests.evidence import FieldCase, UrlCase

SITE = "mic"
ORIGIN = "https://www.mic.gov.vn"
URL = f"{ORIGIN}/mic_2020/Pages/TinTuc/148231/Buu-Chinh-So-Phat-Trien.html"
LEAD = "Bưu chính số tạo đà cho thương mại điện tử phát triển ở địa phương."


def page(description: str) -> str:
    """S1's frame (`#news_content/div[1]`), the description box as the 2021 article shows
    it (idx:26739936300), the body with a `<p><em>` caption and the closing source line."""
    return (
        '<html><head><meta charset="utf-8"></head><body><div id="news_content"><div '
        'class="news-detail"><div class="news-meta"><div class="date-box"><div>Thứ năm, '
        '10/06/2021 - 09:12</div></div></div><h1>Bưu chính số phát triển</h1><div '
        f'class="news_detail">{description}<div id="divArticleContent" class="news_detail">'
        "<p>Đoạn thứ nhất của bài.</p><p><img src=\"/Upload_Moi/a.jpg\"></p><p><em>Chú thích "
        'ảnh.</em></p><p align="right"><strong>Theo báo điện tử</strong></p></div></div></div>'
        "</div></body></html>"
    )


CASES = [
    UrlCase(SITE, "§9 S1 article URL (2021)", URL, True),
    UrlCase(SITE, "§9 old tinchitiet.aspx form",
            f"{ORIGIN}/mic_2020/Pages/TinTuc/tinchitiet.aspx?tintucid=148231", True),
    UrlCase(SITE, "§9 the VCCorp URLs are mst's, not the archive's",
            "https://mic.gov.vn/buu-chinh-so-phat-trien-197260909094710524.htm", False),
    FieldCase(SITE, "§12 mic lead on the 2021 markup: the <strong>, not '&nbsp;'", URL,
              page('<div id="divArticleDescription">(Mic.gov.vn) &ndash; '
                   f"<strong>{LEAD}</strong><p>&nbsp;</p></div>"),
              {"lead": LEAD}, {"lead": "selector"}),
    FieldCase(SITE, "§9 S1 `#divArticleDescription/p` form still read", URL,
              page(f'<div id="divArticleDescription"><p>{LEAD}</p></div>'),
              {"lead": LEAD}, {"lead": "selector"}),
]
