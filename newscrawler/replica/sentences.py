"""Vietnamese text material for the replica corpus: real sentences plus slot templates.

Real sentences come from the seed article (seed.py) and from the paragraphs of the real
VnExpress page saved as a fixture (fundus, MIT). The templates are written for the replica;
their slots ({province}, {product}, {pct}, ...) are filled per sentence by corpus.py and
`[a|b|c]` picks one wording, so two articles share little text even when they draw the
same template (a near-duplicate detector must not confuse them).
"""

from __future__ import annotations

import re

from newscrawler.replica.seed import SEED_PARAGRAPHS

# The 63 provinces and centrally-run cities (before the 2025 mergers).
CITIES = ("Hà Nội", "TP Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
PROVINCES = CITIES + (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)

MINISTRIES = (
    "Bộ Công Thương", "Bộ Tài chính", "Bộ Nông nghiệp và Môi trường", "Bộ Ngoại giao",
    "Bộ Khoa học và Công nghệ", "Bộ Xây dựng", "Bộ Y tế", "Bộ Nội vụ", "Bộ Tư pháp",
    "Ngân hàng Nhà nước Việt Nam", "Bộ Giáo dục và Đào tạo",
    "Bộ Văn hóa, Thể thao và Du lịch",
)
AGENCIES = (
    "Cục Xúc tiến thương mại", "Vụ Thị trường trong nước", "Cục Điện lực", "Cục Công nghiệp",
    "Cục Phòng vệ thương mại", "Vụ Chính sách thương mại đa biên", "Cục Hóa chất",
    "Cục Thương mại điện tử và Kinh tế số", "Vụ Thị trường châu Âu - châu Mỹ",
    "Viện Nghiên cứu Chiến lược, Chính sách Công Thương", "Hiệp hội Dệt may Việt Nam",
    "Hiệp hội Cà phê - Ca cao Việt Nam", "Hiệp hội Lương thực Việt Nam",
    "Phòng Thương mại và Công nghiệp Việt Nam (VCCI)", "Tập đoàn Điện lực Việt Nam (EVN)",
    "Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam", "Vụ Thị trường châu Á - châu Phi",
    "Cục Quản lý và Phát triển thị trường trong nước", "Hiệp hội Chế biến và Xuất khẩu "
    "thủy sản Việt Nam (VASEP)", "Hiệp hội Da - Giày - Túi xách Việt Nam",
)
EVENTS = (
    "hội nghị", "hội thảo", "diễn đàn", "tọa đàm", "hội chợ", "chương trình kết nối giao thương",
    "lễ ký kết hợp tác", "phiên họp chuyên đề", "buổi đối thoại với doanh nghiệp",
    "lớp tập huấn", "hội nghị sơ kết", "hội nghị tổng kết",
)
PRODUCTS = (
    "cà phê", "gạo", "hạt điều", "thép", "hàng dệt may", "thủy sản", "gỗ và sản phẩm gỗ",
    "điện thoại và linh kiện", "hồ tiêu", "rau quả", "cao su", "giày dép", "sầu riêng",
    "tôm", "cá tra", "máy móc, thiết bị", "phân bón", "chè", "mật ong", "thanh long",
)
# Goods with a quoted market price (used by the "thi-truong" category).
COMMODITIES = (
    "cà phê", "gạo", "hồ tiêu", "cao su", "thép", "phân bón", "đường", "heo hơi", "sầu riêng",
    "hạt điều",
)
MARKETS = (
    "Hoa Kỳ", "Nhật Bản", "EU", "Trung Quốc", "Hàn Quốc", "ASEAN", "Ấn Độ", "Trung Đông",
    "Australia", "Canada", "Anh", "Nga", "Brazil", "Mexico", "châu Phi", "Thái Lan",
)
ROLES = (
    "Thứ trưởng Bộ Công Thương", "Cục trưởng Cục Xúc tiến thương mại",
    "Phó Cục trưởng Cục Phòng vệ thương mại", "Vụ trưởng Vụ Thị trường trong nước",
    "Phó Vụ trưởng Vụ Chính sách thương mại đa biên", "Giám đốc Sở Công Thương {province}",
    "Phó Chủ tịch UBND {province_admin}", "Tổng giám đốc {company}", "Phó Giám đốc {company}",
    "Chủ tịch Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam",
    "Tổng Thư ký Hiệp hội Dệt may Việt Nam",
)
COMPANY_KINDS = (
    "Cổ phần Thực phẩm", "TNHH Cơ khí", "Cổ phần Dệt may", "Cổ phần Xuất nhập khẩu",
    "TNHH Điện tử", "Cổ phần Nông sản", "Cổ phần Thép", "TNHH Bao bì", "Cổ phần Năng lượng",
    "Cổ phần Logistics",
)
COMPANY_BRANDS = (
    "Minh Phát", "An Khang", "Hòa Bình", "Tân Tiến", "Phú Thịnh", "Đại Việt", "Sao Mai",
    "Hưng Long", "Thành Công", "Việt Hưng", "Nam Sơn", "Bảo Tín", "Kim Long", "Trường An",
    "Hoàng Gia", "Thái Sơn",
)
SOURCES = ("Theo TTXVN", "Theo Chinhphu.vn", "Theo VOV", "Theo Bộ Công Thương")

# Author names: journalists sign with a full name or a two-word pen name ("Vũ Lê").
FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
)
# (middle names, given names) per gender, so that "ông"/"bà" agree with the name.
MALE_NAMES = (
    ("Văn", "Minh", "Hữu", "Đức", "Quang", "Thanh"),
    ("Hùng", "Long", "Nam", "Tuấn", "Dũng", "Hải", "Sơn", "Khánh", "Quân", "Cường", "Thắng"),
)
FEMALE_NAMES = (
    ("Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Minh"),
    ("Lan", "Hương", "Linh", "Phương", "Trang", "Thảo", "Mai", "Yến", "Hà", "Giang", "Anh"),
)

# Per category: the subjects articles are about. Keys are category slugs.
TOPICS = {
    "thoi-su": (
        "cải cách thủ tục hành chính", "phòng, chống tham nhũng, lãng phí",
        "chuyển đổi số trong cơ quan nhà nước", "sắp xếp tổ chức bộ máy",
        "giải ngân vốn đầu tư công", "xây dựng văn bản quy phạm pháp luật",
        "công tác thông tin đối ngoại", "phát triển kinh tế tư nhân",
        "phòng chống thiên tai", "cắt giảm điều kiện kinh doanh",
        "thực hiện các chương trình mục tiêu quốc gia", "tiếp công dân và giải quyết khiếu nại",
    ),
    "thuong-mai": (
        "xuất khẩu nông sản", "phát triển thương mại điện tử", "phân phối hàng Việt",
        "xúc tiến thương mại", "hạ tầng thương mại nông thôn", "kết nối cung cầu hàng hóa",
        "chống gian lận thương mại và hàng giả", "phát triển chuỗi cung ứng",
        "bình ổn thị trường cuối năm", "kinh doanh xăng dầu", "khuyến mại tập trung quốc gia",
        "phát triển chợ truyền thống",
    ),
    "cong-nghiep": (
        "phát triển công nghiệp hỗ trợ", "sản xuất linh kiện điện tử", "điện gió ngoài khơi",
        "điện mặt trời mái nhà", "sử dụng năng lượng tiết kiệm và hiệu quả",
        "phát triển cụm công nghiệp", "công nghiệp chế biến, chế tạo",
        "sản xuất ô tô trong nước", "an toàn hóa chất", "phát triển lưới điện truyền tải",
        "quản lý khai thác khoáng sản", "sản xuất thép xanh",
    ),
    "hoi-nhap": (
        "thực thi Hiệp định CPTPP", "tận dụng Hiệp định EVFTA",
        "đàm phán hiệp định thương mại tự do", "phòng vệ thương mại",
        "hợp tác kinh tế ASEAN", "quy tắc xuất xứ hàng hóa", "thực thi Hiệp định RCEP",
        "thu hút đầu tư nước ngoài", "hợp tác công nghiệp với Nhật Bản",
        "xây dựng thương hiệu quốc gia", "chống lẩn tránh biện pháp phòng vệ thương mại",
        "mở rộng thị trường Halal",
    ),
    "thi-truong": (
        "tiêu thụ lúa gạo", "xuất khẩu cà phê", "chăn nuôi heo", "kinh doanh vàng",
        "cung ứng phân bón", "tiêu thụ thép xây dựng", "xuất khẩu hồ tiêu",
        "thu mua cao su", "tiêu thụ rau quả", "bình ổn giá xăng dầu", "xuất khẩu sầu riêng",
        "quản lý giá hàng hóa thiết yếu",
    ),
    "doanh-nghiep": (
        "khởi nghiệp đổi mới sáng tạo", "chuyển đổi xanh trong doanh nghiệp",
        "tiếp cận vốn tín dụng", "quản trị doanh nghiệp", "phát triển doanh nghiệp nhỏ và vừa",
        "ứng dụng trí tuệ nhân tạo trong sản xuất", "bảo hộ nhãn hiệu",
        "bảo vệ quyền lợi người tiêu dùng", "mở rộng thị trường xuất khẩu",
        "đào tạo nguồn nhân lực chất lượng cao", "kinh tế tuần hoàn",
        "chuyển đổi số trong doanh nghiệp",
    ),
    "xa-hoi": (
        "an toàn thực phẩm", "chăm sóc sức khỏe người lao động", "phòng chống dịch bệnh",
        "bảo hiểm xã hội", "giảm nghèo bền vững", "hỗ trợ người lao động mất việc",
        "nước sạch nông thôn", "an toàn giao thông", "khám sàng lọc ung thư",
        "phát triển nhà ở xã hội", "giáo dục nghề nghiệp", "phòng chống đuối nước trẻ em",
    ),
}

# Titles. Every one carries at least two varying slots so that titles stay unique.
TITLE_TEMPLATES = (
    "{province} đẩy mạnh {topic}",
    "{agency} tổ chức {event} về {topic} tại {province}",
    "Gỡ vướng {topic} tại {province}",
    "Nâng cao hiệu quả {topic} trên địa bàn {province}",
    "{province}: {count} doanh nghiệp tham gia {event} về {topic}",
    "Tháo gỡ khó khăn trong {topic} ở {province}",
    "{ministry} và {province} bàn giải pháp {topic}",
    "{province} đặt mục tiêu mới cho {topic} năm {year}",
    "Doanh nghiệp {province} chủ động {topic}",
    "Kiến nghị cơ chế đặc thù cho {topic} tại {province}",
    "{province} và {province2} phối hợp {topic}",
    "Quý {quarter}: {topic} tại {province} có nhiều chuyển biến",
)
TITLE_TEMPLATES_BY_CATEGORY = {
    "thuong-mai": (
        "Xuất khẩu {product} sang {market} tăng {pct} trong {months} tháng",
        "Đưa {product} {province} vào hệ thống phân phối hiện đại",
    ),
    "thi-truong": (
        "Giá {product} hôm nay {day}: {trend}",
        "Thị trường {product} tại {province} {trend}",
    ),
    "hoi-nhap": (
        "Xuất khẩu {product} sang {market}: cơ hội từ {topic}",
        "Doanh nghiệp {province} tìm cơ hội tại thị trường {market}",
    ),
    "cong-nghiep": ("{company} khánh thành nhà máy mới tại {province}",),
    "doanh-nghiep": ("{company} mở rộng sản xuất tại {province}",),
}
TRENDS = ("tăng nhẹ", "giảm mạnh", "đi ngang", "tăng phiên thứ {small} liên tiếp", "quay đầu giảm")

# The lead (sapo), built like the seed's: date, place, who, what.
LEAD_TEMPLATES = (
    "Ngày {day}, tại {province}, {agency} phối hợp với UBND {province_admin} tổ chức "
    "{event} về {topic} với sự tham gia của [hơn|gần] {count} [doanh nghiệp|đại biểu].",
    "Theo {agency}, trong {months} tháng đầu năm {year}, {topic} tại {province} [đạt nhiều "
    "kết quả tích cực|có bước chuyển biến rõ nét], góp phần [tăng trưởng|tăng] {pct} so với "
    "cùng kỳ.",
    "Sáng {day}, {role} {person} đã có buổi làm việc với lãnh đạo {province_admin} về "
    "{topic} và các nhiệm vụ [trọng tâm|trọng điểm] [thời gian tới|năm {year2}].",
    "{ministry} vừa ban hành [văn bản|công văn] [hướng dẫn|đề nghị] các địa phương, trong đó "
    "có {province}, triển khai [đồng bộ|quyết liệt] các giải pháp về {topic} trong quý "
    "{quarter}.",
    "Chiều {day}, {event} về {topic} đã diễn ra tại {province}, thu hút {count} đại biểu "
    "đến từ các bộ, ngành, hiệp hội và doanh nghiệp.",
)

# Body sentences usable in every category.
SENTENCES = (
    "[Theo báo cáo của|Số liệu từ|Theo thống kê của] Sở Công Thương {province}, [tổng kim "
    "ngạch xuất khẩu|giá trị xuất khẩu|kim ngạch xuất nhập khẩu] của [địa phương|tỉnh|"
    "địa bàn] [ước đạt|đạt khoảng|ước tính đạt] {money}, tăng {pct} so với cùng kỳ "
    "[năm trước|năm {year_prev}].",
    "Phát biểu tại {event}, {role} {person} [nhấn mạnh|khẳng định|lưu ý] {topic} là "
    "[nhiệm vụ|yêu cầu|việc] cần được triển khai [quyết liệt, đồng bộ|thường xuyên, liên "
    "tục|khẩn trương, bài bản] trong [thời gian tới|năm {year}|những tháng còn lại].",
    "Trong {months} tháng qua, {province} đã [hỗ trợ|tạo điều kiện cho|hướng dẫn] {count} "
    "[doanh nghiệp|hợp tác xã|cơ sở sản xuất] tham gia các [chương trình|khóa] [đào tạo|"
    "tập huấn|bồi dưỡng] về {topic}.",
    "[Nhiều ý kiến|Không ít chuyên gia|Đa số đại biểu] cho rằng, để {topic} [đạt hiệu quả|"
    "thực chất|bền vững], cần [có sự|tăng cường] phối hợp chặt chẽ giữa {ministry}, [các "
    "địa phương|chính quyền cơ sở] và [cộng đồng doanh nghiệp|các hiệp hội ngành hàng].",
    "Bên cạnh [kết quả đạt được|những mặt tích cực], {topic} tại {province2} vẫn còn [một "
    "số|không ít] hạn chế như [thiếu vốn|vốn đầu tư thấp], [thiếu nhân lực có trình độ|"
    "lao động thiếu kỹ năng] và [thủ tục còn rườm rà|hạ tầng chưa đồng bộ].",
    "Số liệu của {agency} cho thấy, lượng {product} [tiêu thụ|bán ra] qua các kênh "
    "[phân phối hiện đại|thương mại điện tử|siêu thị] đã tăng {pct} trong quý {quarter}.",
    "“Chúng tôi [mong muốn|đề nghị|kỳ vọng] cơ quan quản lý sớm [tháo gỡ vướng mắc|có "
    "hướng dẫn cụ thể|công bố quy hoạch] để doanh nghiệp yên tâm [đầu tư dài hạn|mở rộng "
    "sản xuất|ký đơn hàng mới]”, [đại diện|lãnh đạo] {company} [chia sẻ|cho hay|nói].",
    "Tại {event}, các đại biểu đã [trao đổi, thảo luận|phân tích, làm rõ|đề xuất] nhiều "
    "giải pháp nhằm [nâng cao năng lực cạnh tranh|mở rộng thị phần|gia tăng giá trị] của "
    "{product} Việt Nam trên thị trường {market}.",
    "Dự kiến đến năm {year2}, {province} sẽ [hoàn thành|khởi công|đưa vào vận hành] {count} "
    "dự án [trọng điểm|quy mô lớn|hạ tầng] với tổng vốn [đầu tư|đăng ký] khoảng {money}.",
    "Để đạt mục tiêu đề ra, UBND {province_admin} yêu cầu các sở, ngành [rà soát, đánh giá "
    "lại|khẩn trương cập nhật|hoàn thiện] [toàn bộ|các] kế hoạch {topic} trước ngày {day2}.",
    "Ông {man}, {role} cho biết, đơn vị đã [chủ động|trực tiếp] làm việc với {count} "
    "[đối tác|nhà nhập khẩu|nhà phân phối] tại {market} để [tìm đầu ra ổn định|mở rộng "
    "tiêu thụ|ký hợp đồng dài hạn] cho {product}.",
    "Cũng tại {event}, {agency} và {company} đã ký kết [biên bản ghi nhớ|thỏa thuận] "
    "hợp tác [trong lĩnh vực|về] {topic}.",
    "Theo [đánh giá|nhận định] của các chuyên gia, dư địa tăng trưởng của {product} tại "
    "thị trường {market} vẫn còn [rất lớn|đáng kể], nhất là ở [phân khúc chế biến sâu|"
    "nhóm sản phẩm có thương hiệu|kênh bán lẻ hiện đại].",
    "Năm {year}, {province} phấn đấu [tốc độ tăng trưởng|mức tăng] giá trị sản xuất công "
    "nghiệp đạt [trên|khoảng] {pct}, [tạo thêm|giải quyết việc làm cho] {count} [việc làm "
    "mới|lao động].",
    "Bà {woman}, [đại diện|chuyên gia của] {agency}, [khuyến nghị|lưu ý] doanh nghiệp cần "
    "[tìm hiểu kỹ|nắm vững] [quy định|tiêu chuẩn kỹ thuật] của thị trường {market} trước "
    "khi [ký hợp đồng|xuất hàng].",
    "Thời gian tới, {ministry} sẽ [tiếp tục phối hợp|làm việc] với UBND {province_admin} "
    "[tổ chức|triển khai] các đợt kiểm tra chuyên đề về {topic}.",
    "Tính đến hết tháng {month}, {province2} có {count} [cơ sở|doanh nghiệp|sản phẩm] đạt "
    "[tiêu chuẩn|chứng nhận], chiếm {pct} tổng số [cơ sở trên địa bàn|đơn vị được đánh giá].",
    "Trao đổi với phóng viên, ông {man} [thừa nhận|cho rằng] việc triển khai {topic} ở "
    "[cơ sở|một số địa phương] còn [chậm so với yêu cầu|lúng túng].",
    "Kết thúc {event}, ban tổ chức đã [trao chứng nhận|khen thưởng|vinh danh] {count} "
    "[đơn vị|tập thể, cá nhân] có thành tích [xuất sắc|tiêu biểu] trong {topic}.",
    "Với [giá trị|tổng vốn] khoảng {money}, đây là một trong những dự án lớn nhất của "
    "{province} [trong lĩnh vực|về] {topic} [từ đầu năm đến nay|trong {months} tháng qua].",
    "Lãnh đạo {province_admin} cam kết [tạo mọi điều kiện thuận lợi|đồng hành, hỗ trợ] về "
    "[mặt bằng, thủ tục|hạ tầng, nhân lực] để [các nhà đầu tư|doanh nghiệp] triển khai dự "
    "án [đúng tiến độ|hiệu quả].",
    "Các doanh nghiệp cũng kiến nghị [cơ quan chức năng|{ministry}] sớm hoàn thiện [hành "
    "lang pháp lý|cơ chế, chính sách] cho {topic}, tránh tình trạng [mỗi nơi áp dụng một "
    "kiểu|chồng chéo].",
    "So với cùng kỳ năm {year_prev}, số vụ vi phạm bị phát hiện tại {province2} đã [giảm|"
    "tăng] {pct}, cho thấy [hiệu quả rõ nét của công tác tuyên truyền|diễn biến phức tạp "
    "của thị trường].",
    "Ngay sau {event}, {count} [hợp đồng|thỏa thuận] mua bán {product} đã được ký kết "
    "giữa các doanh nghiệp {province} và đối tác {market}.",
    "Theo kế hoạch, {agency} sẽ [tổ chức thêm|phối hợp tổ chức] {small} đoàn [khảo sát|xúc "
    "tiến thương mại tại] thị trường {market} trong quý {quarter} năm {year}.",
    "[Giới phân tích|Các chuyên gia] nhận định, diễn biến giá {product} trong tháng {month} "
    "chịu tác động lớn từ [nhu cầu nhập khẩu|chính sách thuế|nguồn cung] của {market}.",
    "Nhờ áp dụng [quy trình sản xuất mới|công nghệ tiết kiệm năng lượng], {company} đã "
    "giảm {pct} chi phí [năng lượng|sản xuất] và nâng công suất lên {num} nghìn tấn mỗi năm.",
    "Đáng chú ý, tỷ lệ nội địa hóa [trong các sản phẩm|của hàng hóa] của doanh nghiệp "
    "{province} đã đạt khoảng {pct}, [cao hơn mức bình quân cả nước|vượt kế hoạch đề ra].",
    "{ministry} đề nghị các địa phương [tăng cường thông tin, tuyên truyền|đẩy mạnh phổ "
    "biến] để [người dân và doanh nghiệp|các đối tượng liên quan] hiểu rõ [các chính sách "
    "mới|quy định] về {topic}.",
    "Trước đó, vào ngày {day2}, đoàn công tác của {agency} đã khảo sát thực tế tại {num} "
    "[cơ sở sản xuất|vùng trồng|nhà máy chế biến] {product} ở {province2}.",
    "Ghi nhận tại một số [điểm bán lẻ|chợ truyền thống|siêu thị] ở {province}, sức mua "
    "{product} [tăng rõ rệt|ổn định], giá cả [không biến động nhiều|tăng nhẹ], không có "
    "hiện tượng [khan hàng|găm hàng].",
    "Hiện nay, cả nước có khoảng {count} [doanh nghiệp|cơ sở] hoạt động trong lĩnh vực "
    "{topic}, tập trung chủ yếu tại {province} và {province2}.",
    "Theo ông {man}, [bài toán lớn nhất|thách thức lớn nhất] hiện nay là nguồn nhân lực, "
    "khi có tới {pct} lao động chưa qua đào tạo [bài bản|chính quy].",
    "Chương trình năm nay có quy mô {num} gian hàng, giới thiệu [hàng nghìn|nhiều] sản phẩm "
    "[đặc trưng|OCOP] của {province}, {province2} và [nhiều địa phương khác|các tỉnh lân cận].",
    "Ngoài ra, UBND {province_admin} đã [dành|bố trí] {money} từ ngân sách để hỗ trợ doanh "
    "nghiệp [đổi mới công nghệ|chuyển đổi số|xây dựng thương hiệu].",
    "Từ kinh nghiệm thực tế, {company} cho rằng muốn [vào được|đứng vững tại] thị trường "
    "{market}, sản phẩm phải đáp ứng [đầy đủ|nghiêm ngặt] yêu cầu về [truy xuất nguồn gốc|"
    "an toàn thực phẩm|tiêu chuẩn môi trường].",
    "Cùng ngày, {role} {person} đã [đi kiểm tra|thị sát] tiến độ [một số|{small}] dự án "
    "[trọng điểm|đang triển khai] trên địa bàn {province}.",
    "Các chuyên gia dự báo nhu cầu {product} tại {market} sẽ [tiếp tục tăng|phục hồi] trong "
    "[những tháng cuối năm|nửa đầu năm] {year2}, mở ra cơ hội cho doanh nghiệp Việt.",
    "[Để hỗ trợ doanh nghiệp|Nhằm tháo gỡ khó khăn], {agency} đã [xây dựng|vận hành] cổng "
    "thông tin cảnh báo sớm về {topic} với hơn {count} lượt truy cập mỗi tháng.",
    "[Riêng|Chỉ tính] trong tháng {month}, {province} đã thu hút {small} dự án [đầu tư trực "
    "tiếp nước ngoài|đầu tư mới] với tổng vốn đăng ký {money}.",
    "Đại diện {agency} [cho biết|thông tin], đơn vị đang [lấy ý kiến|hoàn thiện] dự thảo "
    "[thông tư|đề án] về {topic} để trình cấp có thẩm quyền trong quý {quarter}.",
    "[Tuy vậy|Dù vậy], {company} cho biết chi phí [logistics|nguyên liệu đầu vào] tăng {pct} "
    "đang khiến biên lợi nhuận của doanh nghiệp [giảm mạnh|bị thu hẹp].",
)

# Sentences that only fit one category. Keys are category slugs.
SENTENCES_BY_CATEGORY = {
    "thi-truong": (
        "Khảo sát sáng {day} cho thấy, giá {product} tại các tỉnh Tây Nguyên dao động từ "
        "{price_low} đến {price_high} đồng/kg, {trend} so với phiên trước.",
        "Trên sàn giao dịch quốc tế, giá {product} kỳ hạn tháng {month} {trend}, chốt phiên "
        "ở mức {usd} USD/tấn.",
        "Theo các thương lái ở {province}, nguồn cung {product} đang giảm do thời tiết bất "
        "lợi, khiến giá thu mua {trend}.",
    ),
    "cong-nghiep": (
        "Nhà máy có công suất thiết kế {num} MW, dự kiến phát điện thương mại vào quý "
        "{quarter} năm {year2}.",
        "Chỉ số sản xuất toàn ngành công nghiệp (IIP) của {province} trong tháng {month} "
        "tăng {pct} so với cùng kỳ.",
        "Theo {agency}, sản lượng điện toàn hệ thống trong tháng {month} đạt {num} triệu "
        "kWh, tăng {pct} so với cùng kỳ.",
    ),
    "hoi-nhap": (
        "Sau {small} năm thực thi, {market} đã trở thành một trong những thị trường xuất khẩu "
        "lớn nhất của Việt Nam với kim ngạch đạt {money}.",
        "Tỷ lệ tận dụng ưu đãi thuế quan khi xuất khẩu {product} sang {market} mới đạt "
        "khoảng {pct}, còn thấp so với tiềm năng.",
    ),
    "xa-hoi": (
        "Đợt kiểm tra liên ngành tại {province} đã phát hiện {num} cơ sở vi phạm, xử phạt "
        "hành chính tổng số tiền {money_small}.",
        "Năm {year}, {province2} phấn đấu đưa tỷ lệ người dân tham gia bảo hiểm "
        "y tế lên trên {pct}.",
    ),
}


def _split_sentences(text: str) -> list[str]:
    # A sentence ends in . … ! or ? followed by a space and a capital or an opening quote.
    parts = re.split(r"(?<=[.…!?])[\s\u00a0]+(?=[A-ZĐÀ-Ỹ“\"])", text)
    return [part.strip() for part in parts if len(part.split()) >= 6]


# Real paragraphs of the fixture page vnexpress.net (fundus test data, MIT): a health story,
# used only by the "xa-hoi" category where it fits.
_VNEXPRESS_PARAGRAPHS = (
    "Bác sĩ đánh giá bệnh nhân nhiều dấu hiệu bất thường nên nội soi dạ dày và đại tràng "
    "lấy mẫu sinh thiết phát hiện tế bào lympho không điển hình, nghi ngờ ác tính. Xét "
    "nghiệm hóa mô miễn dịch xác định bệnh nhân mắc ung thư lymphoma không Hodgkin ruột non.",
    "Theo bác sĩ Hồng, lymphoma đường ruột là u lympho ác tính ngoài hạch phát triển từ mô "
    "lympho trong thành ruột, chiếm khoảng 15-25% ca ung thư ruột non, gần 5% ca ung thư dạ "
    "dày và 0,2-1% ung thư đại trực tràng. Hầu hết lymphoma đường tiêu hóa thuộc nhóm không "
    "Hodgkin, với tỷ lệ mắc mới toàn cầu khoảng 5,6 ca trên 100.000 dân mỗi năm.",
    "Bệnh xuất hiện chủ yếu ở người trên 60 tuổi, đặc biệt là nam giới. Lymphoma đường ruột "
    "thường có các triệu chứng như đau bụng, sụt cân, buồn nôn, tiêu chảy hoặc tiêu phân có "
    "máu...",
    "Nội soi và tầm soát sức khỏe định kỳ giúp phát hiện sớm các bệnh lý ác tính đường tiêu "
    "hóa. Hướng điều trị thường phụ thuộc vào loại cũng như giai đoạn bệnh, có thể phẫu "
    "thuật, hóa trị hoặc xạ trị.",
)

# Real sentences per category: the seed's (administration, foreign information) and the
# fixture's (health). Long ones are left out: one shared 100-word sentence would make two
# short articles look like near-duplicates. NBSP inside the seed text is folded to a space.
_SEED_SENTENCES = tuple(
    sentence
    for paragraph in SEED_PARAGRAPHS
    for sentence in _split_sentences(paragraph.replace("\u00a0", " "))
    if len(sentence.split()) <= 45
)
REAL_SENTENCES = {
    "thoi-su": _SEED_SENTENCES,
    "hoi-nhap": _SEED_SENTENCES,
    "xa-hoi": tuple(s for p in _VNEXPRESS_PARAGRAPHS for s in _split_sentences(p)),
}

CAPTION_TEMPLATES = (
    "Toàn cảnh {event}", "Quang cảnh {event} về {topic}", "{role} {person} phát biểu tại "
    "{event}", "Sản xuất {product} tại một doanh nghiệp ở {province}. Ảnh: {author}",
    "Các đại biểu tham quan gian hàng trưng bày sản phẩm", "Ảnh minh họa",
    "Dây chuyền chế biến {product} xuất khẩu sang {market}",
)
TAG_TEMPLATES = ("{topic}", "{province}", "{product}", "{ministry}", "{market}", "{agency}")
