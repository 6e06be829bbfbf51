"""Text normalisation, boilerplate lines and legacy Vietnamese encodings (TCVN3, VNI, cp1258)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from newscrawler.extract.legacy import (
    TCVN3_TO_UNICODE,
    VNI_PAIRS,
    VNI_SINGLES,
    convert_legacy,
    detect_legacy,
)
from newscrawler.extract.text import is_boilerplate, normalize_paragraphs, normalize_text

SEED = Path(__file__).parent / "fixtures" / "reference" / "000_fcc801ffa7c6ee77.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
SEED_PARAGRAPHS = [line for line in SEED_LINES if len(line.strip()) > 80]
# A dozen real sentences of the seed article, for the legacy round trips.
SEED_SENTENCES = [
    sentence.strip()
    for paragraph in SEED_PARAGRAPHS
    for sentence in re.split(r"(?<=[.;])\s+", paragraph)
    if len(sentence.strip()) > 60
][:12]


def test_seed_sentences_are_enough() -> None:
    assert len(SEED_SENTENCES) == 12


# --- normalize_text ----------------------------------------------------------------------

NFC_VIET = "Việt Nam"
NFD_VIET = unicodedata.normalize("NFD", NFC_VIET)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Bộ\u00a0Công Thương", "Bộ Công Thương"),
        ("Bộ\u2002Công\u2009Thương", "Bộ Công Thương"),
        ("Bộ\u202fCông\u205fThương\u3000", "Bộ Công Thương"),
        ("Bộ\u200bCông\u200c Th\u200dương\u2060\ufeff", "BộCông Thương"),
        ("thông\u00adtin", "thôngtin"),
        ("  dòng\tmột\nhai\r\n ba  ", "dòng một hai ba"),
        (NFD_VIET, NFC_VIET),
        # NFD puts the dot below first (ccc 220 < 230); either order composes to ệ.
        ("Vi\u0065\u0323\u0302t", "Việt"),
        ("Vi\u0065\u0302\u0323t", "Việt"),
        ("m\u006f\u0323\u0302t c\u006f\u0323\u0302ng n\u0061\u0323\u0306ng", "một cộng nặng"),
        ("\u0110\u00e0 N\u0103\u0303ng", "Đà Nẵng"),
        ("đường dây nóng", "đường dây nóng"),
        # A zero-width space between base letter and mark must not block composition.
        ("Vie\u200b\u0302\u0323t", "Việt"),
        # The article's own typos and punctuation stay as they are.
        ("hành lang pháp 1ý, trình cấp", "hành lang pháp 1ý, trình cấp"),
        ("được đẩy mạnh…..", "được đẩy mạnh….."),
        ("đưa tin quảng bà về đất nước", "đưa tin quảng bà về đất nước"),
        ("giai đoạn 2013 – 2017", "giai đoạn 2013 – 2017"),
        ("“Các báo, tạp chí” Bà Quỳnh Anh nói.", "“Các báo, tạp chí” Bà Quỳnh Anh nói."),
        ("Café crème à la française", "Café crème à la française"),
        ("\u00a0", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_text(raw: str | None, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("line", SEED_LINES)
def test_normalize_text_is_idempotent_on_seed(line: str) -> None:
    once = normalize_text(line)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


# --- windows-1258 --------------------------------------------------------------------------


def to_cp1258(text: str) -> bytes:
    """NFC Vietnamese as windows-1258 bytes: cp1258 has â ê ô ơ ư ă đ but tones only as
    combining marks, so each toned letter becomes base-with-shape + combining tone."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(mark for mark in decomposed if mark in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


CP1258_TEXTS = [
    "Việt Nam – Bộ Công Thương, đường dây nóng",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Ủy ban nhân dân thành phố Đà Nẵng",
    *SEED_SENTENCES[:4],
]


@pytest.mark.parametrize("original", CP1258_TEXTS)
def test_cp1258_decoded_text_becomes_nfc(original: str) -> None:
    decoded = to_cp1258(original).decode("cp1258")
    assert decoded != original  # combining tone marks: not the same code points
    assert detect_legacy(decoded) is None
    assert normalize_text(decoded) == original


# --- legacy encodings ------------------------------------------------------------------------

_TCVN3_FROM_UNICODE = {letter: shown for shown, letter in TCVN3_TO_UNICODE.items()}
_VNI_FROM_UNICODE = {
    letter: sequence
    for sequence, letter in {**VNI_PAIRS, **VNI_SINGLES}.items()
    if sequence == sequence.lower() or sequence == sequence.upper()  # no mixed-case keys
}


def to_tcvn3(text: str) -> tuple[str, str]:
    """(TCVN3 mojibake, the text TCVN3 can hold): .VnTime has no toned capitals, so those
    come back lowercase."""
    shown, holdable = [], []
    for char in text:
        if char in _TCVN3_FROM_UNICODE or char.isascii() or not char.isalpha():
            holdable.append(char)
        else:
            holdable.append(char.lower())
        shown.append(_TCVN3_FROM_UNICODE.get(holdable[-1], holdable[-1]))
    return "".join(shown), "".join(holdable)


def to_vni(text: str) -> str:
    return "".join(_VNI_FROM_UNICODE.get(char, char) for char in text)


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_tcvn3_round_trip(sentence: str) -> None:
    mojibake, holdable = to_tcvn3(sentence)
    assert mojibake != holdable
    assert detect_legacy(mojibake) == "tcvn3"
    assert convert_legacy(mojibake, "tcvn3") == holdable
    assert normalize_text(mojibake) == normalize_text(holdable)


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_vni_round_trip(sentence: str) -> None:
    mojibake = to_vni(sentence)
    assert mojibake.encode("latin-1", errors="ignore")  # shows as latin-1 characters
    assert detect_legacy(mojibake) == "vni"
    assert convert_legacy(mojibake, "vni") == sentence
    assert normalize_text(mojibake) == normalize_text(sentence)


@pytest.mark.parametrize(
    ("mojibake", "kind", "expected"),
    [
        # Widely seen renderings of the national motto in each encoding.
        ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3", "cộng hòa xã hội chủ nghĩa việt nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("Bé C«ng Th\xad¬ng", "tcvn3", "bộ Công Thương"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
        ("UÛy ban nhaân daân", "vni", "Ủy ban nhân dân"),
        ("COÄNG HOØA", "vni", "CỘNG HÒA"),
        ("Thöông maïi", "vni", "Thương mại"),
        ("chính trò", "vni", "chính trị"),
    ],
)
def test_convert_legacy_known_strings(mojibake: str, kind: str, expected: str) -> None:
    converted = convert_legacy(mojibake, kind)
    if kind == "tcvn3":  # no toned capitals in TCVN3: compare case-insensitively
        assert converted.casefold() == expected.casefold()
    else:
        assert converted == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại",
        unicodedata.normalize("NFD", "Bộ Công Thương góp phần vào thành công"),
        "The Ministry of Industry and Trade held a conference in Da Nang.",
        "Café crème à la française, où est l'hôtel? Il a été réservé.",
        "Le coût du pétrole a baissé où les prix étaient élevés",
        "naïve Noël aéroport",
        "« Bonjour », dit-il. «Très bien»",
        "Straße über Öl für Mädchen",
        "Hoà Bình hoá chất có",
        "Copyright © 2018 Báo Công Thương",
        "col·lecció de l·l",
        "hy\xadphen\xadation in English",
        "5µm, 10µg",
        "Viá»‡t Nam",  # UTF-8 read as cp1252: a different problem, left alone
        "",
        "ASCII only",
    ],
)
def test_detect_legacy_is_conservative(text: str) -> None:
    assert detect_legacy(text) is None
    assert normalize_text(text) == normalize_text(unicodedata.normalize("NFC", text))


def test_convert_legacy_unknown_kind_returns_input() -> None:
    assert convert_legacy("Coäng", "utf-8") == "Coäng"
    assert convert_legacy(None, "vni") == ""


def test_normalize_text_repairs_tcvn3_before_dropping_soft_hyphens() -> None:
    # In TCVN3 the soft hyphen (0xAD) is ư: removing it first would lose the letter.
    mojibake, holdable = to_tcvn3(SEED_SENTENCES[0])
    assert "\xad" in mojibake
    assert "ư" in normalize_text(mojibake)
    assert normalize_text(mojibake) == holdable


# --- boilerplate --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Đường dây nóng: 0866.59.4498 - Thứ sáu 21/09/2018 11:32",
        "ĐƯỜNG DÂY NÓNG: 0866.59.4498",
        "Hotline: 0866.59.4498",
        "Chia sẻ",
        "Chia sẻ:",
        "chia se",
        "Chia sẻ bài viết",
        "In bài",
        "In bài viết",
        "Tin liên quan",
        "Tin liên quan:",
        "Bài liên quan",
        "Tin cùng chuyên mục",
        "TIN CÙNG CHUYÊN MỤC",
        "Bình luận",
        "Bình luận (0)",
        "Gửi bình luận",
        "Xem thêm",
        "» Xem thêm",
        "Xem thêm: Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại",
        "Copyright © 2018 Báo Công Thương. All rights reserved.",
        "© 2018 Báo Công Thương",
        "Bản quyền thuộc về Báo Công Thương",
        "Facebook",
        "Zalo",
        "Twitter",
        "Chia sẻ: Facebook | Zalo | Twitter",
        "Facebook Zalo In bài",
        "Lên đầu trang",
        "Quay lại",
        "Bản in",
    ],
)
def test_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        *SEED_PARAGRAPHS,
        "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ",
        "Toàn cảnh Hội nghị",
        "Vũ Lê",
        "11:38 | 21/12/2017",
        "Các bộ, ngành địa phương đã chú trọng hơn đến công tác tập huấn, cũng như chia sẻ "
        "kinh nghiệm trong công tác thông tin đối ngoại.",
        "Chia sẻ kinh nghiệm",
        "Bình luận viên thể thao",
        "Xem thêm các quy định tại Nghị định 35/2025/NĐ-CP",
        "Đường dây nóng của Bộ Công Thương đã tiếp nhận hơn 500 cuộc gọi phản ánh về giá xăng",
        "In bài phát biểu của Bộ trưởng, phóng viên ghi nhận nhiều ý kiến",
        "Facebook đã gỡ bỏ hàng nghìn tài khoản giả mạo",
        "2018 - 2020",
        "",
        None,
    ],
)
def test_is_not_boilerplate(line: str | None) -> None:
    assert not is_boilerplate(line)


def test_normalize_paragraphs_on_seed() -> None:
    paragraphs = normalize_paragraphs(SEED_LINES)
    assert paragraphs[0] == (
        "Bộ Công Thương góp phần vào thành công hoạt động thông tin đối ngoại của Chính phủ"
    )
    assert not any(p.startswith("Đường dây nóng") for p in paragraphs)
    assert all(p and p == p.strip() and "\u00a0" not in p for p in paragraphs)
    assert paragraphs[-1] == "Vũ Lê"
    assert len(paragraphs) == 12  # 15 non-empty lines minus the hotline bar and 2 NBSP-only
    assert normalize_paragraphs(paragraphs) == paragraphs


def test_normalize_paragraphs_drops_empty_and_boilerplate() -> None:
    raw = ["  ", "\u00a0\u200b", "Chia sẻ", "Nội dung  chính\n", None, "Bình luận (3)"]
    assert normalize_paragraphs(raw) == ["Nội dung chính"]
