"""moit.gov.vn (VHV portal): the sheet's §12 moit rows and the §4 "Real structure (Oct 2026)"
facts (derived moit captures of 2026-10-06; CMW of 2026-10-07), on markup typed here from
those facts with filler text of our own."""

from __future__ import annotations

from tests.evidence import FieldCase, ListingCase, UrlCase

SITE = "moit"
ORIGIN = "https://moit.gov.vn"
S4 = "§4 2026-10-06"

ARTICLE_URL = (f"{ORIGIN}/tin-tuc/phat-trien-cong-nghiep/cong-nghiep-nen-tang/"
               "mau-thu-nghiem-.html")
TITLE = "Mẫu thử nghiệm về công nghiệp nền tảng"
LEAD = "Đoạn dẫn mẫu nói về việc kiểm tra bộ chọn của trang chi tiết."
BODY = ["Đoạn thân thứ nhất của bài mẫu, chỉ dùng để kiểm thử.",
        "Đoạn thân thứ hai, có một đường dẫn tới tệp đính kèm."]
TAGS = ["công nghiệp nền tảng", "nhãn riêng"]

# §4: `article.article-new` > header > `span.post-date`; outer `div.article-content` >
# `div.block-core-a3` (h1, share, brief) + `div.block-core-a5` > inner body; tags inside the
# outer container (§12 body row); meta time minutes away from the visible one; malformed
# DC.Date; breadcrumb `li.last-item` "Tin tức"; "Tin liên quan" after; hotline in the footer.
ARTICLE = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="og:site_name" content="moit.gov.vn">
<link rel="canonical" href="{ARTICLE_URL}">
<meta property="article:published_time" itemprop="datePublished"
 content="2026-09-30T21:26:36+0700">
<meta itemprop="dateCreated" content="2026-09-30T21:26:36+0700">
<meta name="DC.Title" content="{TITLE}"><meta name="DC.Date" content="2026-09-30+0721:26:36">
<script src="/publish/js/lib2-1.521.min.js"></script></head>
<body><script>VHV.init({{}});</script>
<div class="pathway-category"><ol class="breadcrumb"><li class="first-item"><a href="/">Trang
 chủ</a></li><li class="last-item"><a href="/tin-tuc">Tin tức</a></li></ol></div>
<article class="article-new new-detail-layout-type-2">
 <header><span class="post-date">Thứ 4, 30/09/2026 | 21:22</span></header>
 <div class="article-content">
  <div class="block-core-a3">
   <h1 class="article-title common-title-detail title-detail">{TITLE}</h1>
   <div class="share-box"><a href="#">Chia sẻ</a> <a href="#">In bài</a></div>
   <div class="article-brief common-brief font-size-text"><p><strong>Đoạn dẫn mẫu nói về
    việc kiểm tra bộ chọn của <a href="https://congthuong.vn/mau-1.html">trang chi
    tiết</a>.</strong></p></div>
  </div>
  <div class="block-core-a5">
   <div class="article-content font-size-text clearfix common-content">
    <p>{BODY[0]}</p>
    <figure><img src="/upload/2005517/20260930/mau.jpg"><figcaption><p><em>Chú thích ảnh
     mẫu</em></p></figcaption></figure>
    <p>{BODY[1]}</p>
   </div>
  </div>
  <div class="article-tags tags"><a class="tag-news"
   href="/tag/c%C3%B4ng%20nghi%E1%BB%87p%20n%E1%BB%81n%20t%E1%BA%A3ng">{TAGS[0]}</a>
   <a class="tag-news" href="/tag/nh%C3%A3n%20ri%C3%AAng">{TAGS[1]}</a></div>
 </div>
</article>
<div class="related-box"><h3>Tin liên quan</h3><ul><li><a
 href="/tin-tuc/bai-lien-quan-mau.html">Bài liên quan mẫu</a></li></ul></div>
<footer><a href="tel:0866.59.4498">0866.59.4498</a> <a href="https://moit.gov.vn/en">English</a>
</footer></body></html>
"""


def listing_item(href: str, title: str, day: str) -> str:
    # §4: article.article-news.article-news-default > a.article-img, div.article-right >
    # a.article-title.common-title, div.article-info > span.article-date, div.article-brief.
    return (f'<article class="article-news article-news-default"><a class="article-img" '
            f'href="{href}"><img src="/upload/2005517/x.jpg"></a><div class="article-right">'
            f'<a class="article-title common-title" href="{href}">{title}</a><div '
            f'class="article-info"><span class="article-date">{day}</span></div><div '
            f'class="article-brief common-brief">Tóm tắt mẫu.</div></div></article>')


LISTING_HREFS = [
    "/tin-tuc/phat-trien-cong-nghiep/cong-nghiep-nen-tang/mau-mot.html",
    "/tin-tuc/phat-trien-cong-nghiep/cong-nghiep-nen-tang/mau-hai-thuc-tien2.html",
    "/tin-tuc/mau-ba-viet-nam-.html",
    "/tin-tuc/thi-truong-trong-nuoc/mau-bon.html",
    "/tin-tuc/hoat-dong/hoat-dong-cua-cac-don-vi/bo-truo-ng-le-ma-nh-hu-ng-la-m-vie-c.html",
    "https://moit.gov.vn/tin-tuc/phat-trien-cong-nghiep/cong-nghiep-nen-tang/mau-sau.html",
]
LISTING_URL = f"{ORIGIN}/tin-tuc/phat-trien-cong-nghiep/cong-nghiep-nen-tang"
# A listing page: the module with the category id, a stale article time in the head, the
# script-only pager config, and links outside the module that are no listing items.
LISTING = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Công nghiệp nền tảng</title>
<link rel="canonical" href="{LISTING_URL}">
<meta property="article:published_time" itemprop="datePublished"
 content="2025-01-02T08:00:00+0700"></head><body>
<nav><a href="/tin-tuc/phat-trien-nang-luong">Phát triển năng lượng</a></nav>
<div class="module" moduleRootId="5238380"><section class="section-list">
{"".join(listing_item(href, f"Bài mẫu {n}", f"{n:02d}/09/2026")
         for n, href in enumerate(LISTING_HREFS, 1))}
</section></div>
<script>VHV.using('Content.Listing', decode64('eyJwYWdlTm8iOiAxfQ=='));</script>
<footer><a href="tel:0866.59.4498">0866.59.4498</a></footer></body></html>
"""

CASES = [
    # §12: "URL pattern: /tin-tuc/phat-trien-cong-nghiep/cong-nghiep-nen-tang/….html rejected".
    UrlCase(SITE, "§12 two-level category URL", ARTICLE_URL, True),
    UrlCase(SITE, "§12 hoat-dong two-level URL",
            f"{ORIGIN}/tin-tuc/hoat-dong/hoat-dong-cua-cac-don-vi/mau-tin-don-vi.html", True),
    UrlCase(SITE, "§12 URL without a category",
            f"{ORIGIN}/tin-tuc/chinh-phu-ban-hanh-nghi-quyet.html", True),
    UrlCase(SITE, f"{S4} slug ending in '-'", f"{ORIGIN}/tin-tuc/quoc-te/mau-viet-nam-.html",
            True),
    UrlCase(SITE, f"{S4} slug with the 2 suffix", f"{ORIGIN}/tin-tuc/mau-thuc-tien2.html", True),
    UrlCase(SITE, f"{S4} NFD-built slug",
            f"{ORIGIN}/tin-tuc/bo-truo-ng-le-ma-nh-hu-ng-la-m-vie-c.html", True),
    UrlCase(SITE, f"{S4} www and http fold",
            "http://www.moit.gov.vn/tin-tuc/quoc-te/mau-tin.html?utm_source=zalo",
            True, f"{ORIGIN}/tin-tuc/quoc-te/mau-tin.html"),
    UrlCase(SITE, f"{S4} category listing is no article", LISTING_URL, False),
    UrlCase(SITE, f"{S4} tag page is no article", f"{ORIGIN}/tag/nh%C3%A3n%20ri%C3%AAng",
            False),
    UrlCase(SITE, f"{S4} search is no article", f"{ORIGIN}/?page=search&keyword=mau", False),
    UrlCase(SITE, "CMW 2026-10-07 article rule: any depth under /tin-tuc/",
            f"{ORIGIN}/tin-tuc/a/b/c/mau.html", True),
    UrlCase(SITE, f"{S4} image is no article", f"{ORIGIN}/upload/2005517/20260930/a.jpg", False),
    # §12: "title, lead, category selectors vs VHV article: all []"; "body selector: 2
    # matches"; "tags selector: 1 match". The acceptance: title, lead, body, date from the
    # site selectors, the body without title, lead or tags.
    FieldCase(
        SITE, "§12 VHV article: title, lead, body, date, category, tags", ARTICLE_URL, ARTICLE,
        expected={"title": TITLE, "lead": LEAD, "body": "\n\n".join(BODY),
                  "published_at": "2026-09-30T21:22:00+07:00",
                  "published_raw": "Thứ 4, 30/09/2026 | 21:22",
                  "category": "Tin tức", "tags": TAGS,
                  "images": [{"url": f"{ORIGIN}/upload/2005517/20260930/mau.jpg",
                              "caption": "Chú thích ảnh mẫu"}]},
        provenance={"title": "selector", "lead": "selector", "body": "selector",
                    "published_at": "selector", "category": "selector", "tags": "selector"},
        absent_from_body=(TITLE, LEAD, "Đoạn dẫn mẫu", *TAGS, "Chia sẻ", "Tin liên quan",
                          "0866.59.4498"),
    ),
    # §12: "listing selector vs VHV listing item (Oct 2026 structure): []".
    ListingCase(SITE, "§12 VHV listing module, 0-2 category levels", LISTING_URL, LISTING,
                expected=tuple(h if h.startswith("http") else ORIGIN + h
                               for h in LISTING_HREFS)),
]
