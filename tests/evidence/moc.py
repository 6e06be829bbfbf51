"""moc.gov.vn facts (vn_sites_2026 §7), typed here from the facts."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "moc"
ARTICLE = "https://moc.gov.vn/vn/tin-tuc/1173/91234/hop-ban-chi-dao-cap-nuoc.aspx"
LEGACY = ("https://moc.gov.vn/vn/Pages/chitiettin.aspx?ChuyenmucID=1173&IDNews=91234"
          "&tieude=hop-ban-chi-dao-cap-nuoc")
GUID = "ctl00_SPWebPartManager1_g_9c0a5a28_df68_408d_abaa_1ef0666cf35c_ctl00"

# Items as a 2026-08-08 audit saw them (`<a href='http://moc.gov.vn/vn/tin-tuc/…'>` +
# `span.news_datetime`) in S1's `pnListNews/div/ul/li/div/a`, one linked by its legacy URL
# (2026-09-28, idx:70873076763).
LISTING = f"""<html><body><div id="{GUID.replace('9c0a5a28', 'de91b401')}_pnListNews">
<div><ul>
<li><div class="title"><a href='http://moc.gov.vn/vn/tin-tuc/1173/91240/kiem-tra-du-an.aspx'>
Kiểm tra dự án</a><span class='news_datetime'>(03/12/2026)</span></div></li>
<li><div class="title"><a href='http://moc.gov.vn/vn/Pages/chitiettin.aspx?ChuyenmucID=1173&amp;IDNews=91234&amp;tieude=hop-ban-chi-dao-cap-nuoc'>
Họp ban chỉ đạo</a><span class='news_datetime'>(02/12/2026)</span></div></li>
</ul></div></div></body></html>"""

# S1's article ids (divArticleDescription1/2/3, pnHide div[2] span) with the visible date
# `DD/MM/YYYY HH:MM` (idx:70873076763).
PAGE = f"""<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> »
<a href="/vn/chuyen-muc/1173/tin-hoat-dong.aspx">Tin hoạt động</a></div>
<div id="divArticleDescription3"><h1>Họp ban chỉ đạo cấp nước an toàn</h1></div>
<div id="{GUID}_pnHide"><div class="tools"><a href="/in">In bài</a></div>
<div><span class="date">02/12/2026 15:40</span></div></div>
<div id="divArticleDescription1"><p>Ban chỉ đạo rà soát các công trình cấp nước vùng ven.</p>
</div>
<div id="divArticleDescription2"><p>Các địa phương báo cáo tiến độ trong tháng.</p>
<p>Bộ đề nghị đẩy nhanh việc thay đường ống cũ.</p></div>
<div id="{GUID}_pnNguontin"><p><font><b>Hải Nam</b></font></p></div>
</body></html>"""

CASES = [
    UrlCase(SITE, "§7 article URL /vn/tin-tuc/<cat>/<id>/<slug>.aspx (2026-09-28)",
            ARTICLE, True),
    UrlCase(SITE, "§7 legacy chitiettin.aspx URL folds into the article URL (2026-09-28)",
            LEGACY, True, ARTICLE),
    UrlCase(SITE, "§7 legacy URL over http, tieude with .aspx, other parameter order",
            "http://moc.gov.vn/vn/Pages/chitiettin.aspx?IDNews=91234&ChuyenmucID=1173"
            "&tieude=hop-ban-chi-dao-cap-nuoc.aspx", True, ARTICLE),
    UrlCase(SITE, "§7 second pager shape chuyenmuctin.aspx is no article",
            "https://moc.gov.vn/vn/Pages/chuyenmuctin.aspx?ChuyenmucID=1173&page=2"
            "&tieude=tin-hoat-dong.aspx", False),
    UrlCase(SITE, "§7 per-category feed is no article",
            "https://moc.gov.vn/rss/1176/tin-chi-dao--dieu-hanh.rss", False),
    ListingCase(SITE, "§7 listing items, one by its legacy URL",
                "https://moc.gov.vn/vn/chuyen-muc/1173/tin-hoat-dong.aspx?page=1", LISTING,
                ("https://moc.gov.vn/vn/tin-tuc/1173/91240/kiem-tra-du-an.aspx", ARTICLE)),
    FieldCase(
        SITE, "§7 article ids (S1 2021) and visible date DD/MM/YYYY HH:MM (2026-09-28)",
        LEGACY, PAGE,
        {"title": "Họp ban chỉ đạo cấp nước an toàn",
         "published_at": "2026-12-02T15:40:00+07:00",
         "lead": "Ban chỉ đạo rà soát các công trình cấp nước vùng ven.",
         "body": "Các địa phương báo cáo tiến độ trong tháng.\n\n"
                 "Bộ đề nghị đẩy nhanh việc thay đường ống cũ.",
         "authors": ["Hải Nam"]},
        {"title": "selector", "published_at": "selector", "body": "selector"},
    ),
]
