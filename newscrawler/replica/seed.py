"""The seed article as data: the project's reference record.

The page behind tests/fixtures/reference/000_fcc801ffa7c6ee77.txt is a congthuong.vn article
(research/vn_sites.md §1). Its text is embedded here, exactly as scraped (the article's own
punctuation and typos such as "pháp 1ý" and "….." are kept, trailing spaces stripped, inner
no-break spaces kept as U+00A0), so the package works without the tests folder.
"""

from __future__ import annotations

from datetime import datetime

from newscrawler.records import VN_TZ

# ASSUMPTION: the real URL could not be recovered (research §1 point 5). The shape
# `<slug>-<numeric id>.html` is the documented one; the id itself is invented. It is lower
# than every generated id because the CMS numbers articles in publication order.
SEED_KEY = 104523
SEED_SLUG = "bo-cong-thuong-gop-phan-vao-thanh-cong-hoat-dong-thong-tin-doi-ngoai-cua-chinh-phu"
SEED_URL = f"https://congthuong.vn/{SEED_SLUG}-{SEED_KEY}.html"
# ASSUMPTION: the category is not on the scraped text; "hoi-nhap" fits the subject.
SEED_CATEGORY = "hoi-nhap"

SEED_TITLE = "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ"
SEED_PUBLISHED = datetime(2017, 12, 21, 11, 38, tzinfo=VN_TZ)
SEED_AUTHORS = ("Vũ Lê",)
SEED_CAPTION = "Toàn cảnh Hội nghị"
# ASSUMPTION: the image file name is unknown; the path follows the 2016–18 layout
# /stores/news_dataimages/<user>/<MMYYYY>/<DD>/<HH>/… (research §2.1), user invented.
SEED_IMAGE_PATH = "/stores/news_dataimages/vule/122017/21/11/toan-canh-hoi-nghi.jpg"

# The page shows the lead with a trailing "\u00a0" and the first and fifth paragraphs end
# in one too; the renderer adds those back as noise.

SEED_LEAD = (
    'Ngày 21/12, tại Đà Nẵng, Bộ Thông tin & Truyền thông phối hợp với UBND TP Đà '
    'Nẵng tổ chức Hội nghị sơ kết giai đoạn 2013 – 2017 và triển khai Chương trình '
    'hành động của Chính phủ thực hiện Chiến lược thông tin đối ngoại giai đoạn 2013 '
    '– 2020.'
)

SEED_PARAGRAPHS = (
    (
        'Sau gần 5 năm triển khai thực hiện Chương trình hành động, các bộ, ngành, địa '
        'phương đã đạt được những kết quả đáng ghi nhận, bước đầu thực hiện được mục tiêu'
        ' đề ra.\u00a0Các bộ, ngành, địa phương đã bước đầu hoàn thiện được hành lang pháp 1ý,'
        ' trình cấp có thẩm quyền ban hành và ban hành nhiều văn bản, quy hoạch, kế '
        'hoạch, chương trình công tác về thông tin đối ngoại, ban hành Quy chế quản lý '
        'nhà nước về thông tin đối ngoại; bố trí được cán bộ phụ trách hoặc kiêm nhiệm để'
        ' triển khai hoạt động công tác thông tin đối ngoại.'
    ),
    (
        'Các bộ, ngành địa phương đã chú trọng hơn đến công tác tập huấn, bồi dưỡng '
        'nghiệp vụ cũng như chia sẻ kinh nghiệm trong công tác thông tin đối ngoại; cùng '
        'phối hợp đón, hướng dẫn và tạo điều kiện cho hàng nghìn phóng viên nước ngoài '
        'vào Việt Nam hoạt động báo chí, viết bài, đưa tin quảng bà về đất nước, con '
        'người và thành tựu của Việt Nam; đấu tranh, giải thích làm rõ các luận điệu sai '
        'trái, xuyên tạc của các thế lực cơ hội, thù địch; công tác nắm bắt thông tin sai'
        ' lệch được thực hiện có hiệu quả theo chỉ đạo của Ban tuyên giáo Trung ương và '
        'hướng dẫn của Bộ Thông tin và Truyền thông. Công tác quảng bá hình ảnh đất nước,'
        ' con người Việt Nam qua các cổng thông tin điện tử, báo đài từng bộ, ngành, địa '
        'phương được đẩy mạnh…..'
    ),
    (
        'Tuy nhiên, vẫn còn những hạn chế trong công tác thông tin đối ngoại như hiệu lực'
        ' quản lý nhà nước chưa cao, sự phối hợp công tác còn thiếu nhịp nhàng; nội dung '
        'thông tin đối ngoại còn hạn chế, chưa đầy đủ, kịp thời, thiếu chiều sâu, thiếu '
        'sức thuyết phục và chưa đáp ứng được yêu cầu hội nhập quốc tế; chưa sử dụng hiệu'
        ' quả các phương thức truyền thông hiện đại phục vụ công tác thông tin đối ngoại '
        'và lực lượng cán bộ làm công tác thông tin đối ngoại chủ yếu là kiêm nhiệm, '
        'thiếu kỹ năng nghiệp vụ.'
    ),
    (
        'Phát biểu tham luận tại Hội nghị, Bà Lâm Thị Quỳnh Anh – Văn phòng BCĐ liên '
        'ngành về Hội nhập kinh tế quốc tế - Bộ Công Thương cho biết, trên cơ sở những '
        'nhiệu vụ chủ yếu trong chương trình hành động về thông tin đối ngoại giai đoạn '
        '2013 – 2020 đã được Bộ Công Thương phê duyệt, Thủ trưởng các đơn vị trực thuộc '
        'đã xây dựng và triển khai chương trình cụ thể và chi tiết cho đơn vị mình, bảo '
        'đảm thực hiện kịp thời và hiệu quả những nội dung của chương trình hành động.'
    ),
    (
        '“Các báo, tạp chí thuộc Bộ đã chủ động mở nhiều chuyên mục tuyên truyền sâu rộng'
        ' về công tác hội nhập, đưa thông tin với 2 ngôn ngữ tiếng Việt và tiếng Anh, tạo'
        ' sự thuận lợi trong việc cung cấp thông tin cho độc giả trong và ngoài nước.” Bà'
        ' Quỳnh Anh nói.'
    ),
    (
        'Đại diện đến từ Bộ Công Thương cho biết thêm, năm 2017, Bộ Công Thương được giao'
        ' tổ chức nhiều sự kiện quan trọng nằm trong khuôn khổ các sự kiện thuộc Năm APEC'
        ' Việt Nam 2017, như Hội nghị Bộ trưởng Thương mại APEC lần thứ 23 (MRT 23) và '
        'các Hội nghị liên quan năm trong khuôn khổ các sự kiện thuộc Năm APEC Việt Nam '
        '2017; Bộ đã phối hợp với Bộ Ngoại giao xây dựng, triển khai các kế hoạch tuyên '
        'truyền về các sự kiện\u00a0APEC nêu trên; Tuyên truyền ASEAN nhân dịp kỷ niệm 50 năm '
        'thành lập\u00a0ASEAN và 22 năm Việt Nam gia nhập ASEAN, Tuyên truyền về Hội nghị Bộ '
        'trưởng Kinh tế ASEAN lần thứ 49…\u00a0Công tác giáo dục chính trị, tư tưởng nâng cao '
        'nhận thức cho cán bộ, công chức và người lao động trong ngành cũng được quan tâm'
        ' thường xuyên thông qua các khóa đào tạo, tập huấn, trao đổi kinh nghiệm…'
    ),
    (
        'Giai đoạn 2018-2020 là giai đoạn có nhiều hoạt động đối ngoại của Đảng, Nhà '
        'nước, các sự kiện lớn của đất nước. Vì vậy, trong giai đoạn 2018 – 2020, các bộ,'
        ' ngành, địa phương cần tiếp tục phát huy các kết quả công tác thông tin đối '
        'ngoại trong thời gian qua, đồng thời triển khai các hoạt động thông tin đối '
        'ngoại bám sát những ngày lễ lớn, ngày kỷ niệm quan hệ ngoại giao của Việt Nam '
        'với các nước; bám sát các sự kiện chính trị văn hóa quan trong của đất nước; '
        'phối hợp chặt chẽ giữa các bộ, ngành, địa phương để xử lý kịp thời những vấn đề '
        'nảy sinh, nhạy cảm và tạo sự đồng thuận trong nước, tranh thủ sự ủng hộ của quốc'
        ' tế và cộng đồng người Việt Nam ở nước ngoài để hoàn thành tốt các nhiệm vụ '
        'thông tin đối ngoại trọng tâm trong thời gian tới, đạt được mục tiêu Chương '
        'trình hành động đã đề ra.'
    ),
)


def seed_article():
    """The seed as a `ReplicaArticle` of the congthuong corpus."""
    # Imported here: corpus.py reads this module's text (through sentences.py) at import.
    from newscrawler.replica.corpus import ReplicaArticle

    return ReplicaArticle(
        key=SEED_KEY, slug=SEED_SLUG, url=SEED_URL, category=SEED_CATEGORY,
        category_name="Hội nhập", title=SEED_TITLE, lead=SEED_LEAD,
        paragraphs=list(SEED_PARAGRAPHS), authors=list(SEED_AUTHORS), source=None,
        published=SEED_PUBLISHED, modified=None,
        images=[{"url": "https://congthuong.vn" + SEED_IMAGE_PATH, "caption": SEED_CAPTION}],
        tags=[], attachments=[],
    )
