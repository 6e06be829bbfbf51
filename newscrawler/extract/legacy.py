"""Repair of Vietnamese text typed in the pre-Unicode "font hack" encodings TCVN3 and VNI.

TCVN3 (TCVN 5712:1993 "ABC", fonts ``.VnTime``) and VNI (``VNI-Times``) put Vietnamese
glyphs at the code points of ordinary 8-bit characters. A page declared as windows-1252 or
latin-1 therefore decodes to Latin-1 mojibake, e.g. TCVN3 ``"Céng hßa x· héi"`` or VNI
``"Coäng hoøa xaõ hoäi"`` for "Cộng hòa xã hội". Python has no codec for either, so the
tables below map the Latin-1 character each legacy byte shows as to the NFC character.

* TCVN3 is one character per letter. The plain ``.VnTime`` table has lowercase toned
  letters only (capitals come from a separate ``.VnTimeH`` font that reuses the lowercase
  codes), so converted capitals in headings come out lowercase: that is the best a
  text-only repair can do.
* VNI is a base ASCII vowel followed by a mark character (``"e" + "ä"`` = "ệ"), plus a few
  single characters (``"ñ"`` = "đ", ``"ö"`` = "ư", ``"ô"`` = "ơ").

Detection is deliberately conservative: genuine Unicode Vietnamese, English and French
must never be "repaired". See :func:`detect_legacy`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Literal

logger = logging.getLogger(__name__)

LegacyKind = Literal["tcvn3", "vni"]

# --- TCVN3 (ABC) -------------------------------------------------------------------
# Byte -> NFC character, from the TCVN 5712:1993 (VN3) code chart. Lowercase toned
# vowels are grouped per base vowel in the order grave, hook, tilde, acute, dot below.
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
# Bytes 0xA0-0xFF read the same in latin-1 and windows-1252, so chr(byte) is what shows.
TCVN3_TO_UNICODE: dict[str, str] = {chr(code): char for code, char in _TCVN3_BYTES.items()}
# Symbols (not letters in any Western language) that TCVN3 uses for common letters
# (ô ư ơ â ê đ à á ạ ...). Seen *between two letters* they are the tell-tale of TCVN3.
# The soft hyphen (ư) is left out: German and English use it inside words too.
_TCVN3_STRONG = frozenset(chr(code) for code in range(0xA1, 0xBF) if code in _TCVN3_BYTES) - {
    "\xad"
}

# --- VNI -------------------------------------------------------------------------------
# Mark characters (as the byte shows in latin-1) that follow a base vowel. Lowercase marks
# are bytes 0xE0-0xFF, the capital forms sit 0x20 lower, like the letters they look like.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303",
                   "ä": "\u0323"}  # fmt: skip
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303",
              "ë": "\u0323"}  # fmt: skip
# Single characters: base letter (with shape mark) that needs no following mark.
_VNI_SINGLES = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ",
                "ô": "ơ", "ö": "ư"}  # fmt: skip


def _compose(base: str, marks: str) -> str:
    return unicodedata.normalize("NFC", base + marks)


def _build_vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(two-character sequence -> letter, single character -> letter), both cases."""
    lower_pairs: list[tuple[str, str, str]] = []  # (base shown, mark shown, result)
    for vowel in "aeouy":
        lower_pairs += [(vowel, mark, _compose(vowel, tone)) for mark, tone in _VNI_TONES.items()]
    for vowel in "aeo":
        lower_pairs += [
            (vowel, mark, _compose(vowel, "\u0302" + tone))
            for mark, tone in _VNI_CIRCUMFLEX.items()
        ]
    lower_pairs += [
        ("a", mark, _compose("a", "\u0306" + tone)) for mark, tone in _VNI_BREVE.items()
    ]
    for base_shown, letter in (("ô", "ơ"), ("ö", "ư")):
        lower_pairs += [
            (base_shown, mark, _compose(letter, tone)) for mark, tone in _VNI_TONES.items()
        ]
    pairs: dict[str, str] = {}
    for base, mark, result in lower_pairs:
        pairs[base + mark] = result
        # Capitals: capital base with capital mark, and a capital base with a lowercase
        # mark (a capitalised word typed with the lowercase mark key).
        pairs[base.upper() + mark.upper()] = result.upper()
        pairs[base.upper() + mark] = result.upper()
    singles = dict(_VNI_SINGLES)
    singles.update({shown.upper(): letter.upper() for shown, letter in _VNI_SINGLES.items()})
    return pairs, singles


VNI_PAIRS, VNI_SINGLES = _build_vni_tables()
_VNI_ALL = {**VNI_PAIRS, **VNI_SINGLES}
# One left-to-right pass, pairs before singles: "oâ" is "ô", not "o" + "ơ".
_VNI_TOKEN_RE = re.compile("|".join(map(re.escape, [*VNI_PAIRS, *VNI_SINGLES])), flags=re.DOTALL)
# Characters no Vietnamese, English or French word uses, but VNI uses all the time
# (ư đ ạ ả ậ ặ ờ ...). At least one of them is required before calling a string VNI.
_VNI_TELLTALE = frozenset("øûïäåëüæöñîØÛÏÄÅËÜÆÖÑÎ")
_VNI_TELLTALE_RE = re.compile(f"[{''.join(sorted(_VNI_TELLTALE))}]")

# Characters that also appear as letters in windows-1252 text (0x80-0x9F): they do not
# prove the text is genuine Unicode.
_CP1252_LETTERS = frozenset("ŠšŒœŽžŸƒˆ˜")
_LEGACY_RANGE = re.compile(r"[\xa1-\xff]")
_LATIN1_LETTERS = re.compile(r"[\xc0-\xff]")
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def _is_unicode_only(char: str) -> bool:
    """True for a letter or combining mark beyond latin-1: such text is real Unicode."""
    if char <= "\xff" or char in _CP1252_LETTERS:
        return False
    return unicodedata.category(char)[0] in "LM"


# The Unicode-only characters of Vietnamese (Latin Extended-A/B and Additional, combining
# marks) as one character class: real Vietnamese text is told apart by one regex search.
_VIETNAMESE_UNICODE_ONLY = re.compile("[{}]".format("".join(
    re.escape(chr(code))
    for start, end in ((0x100, 0x250), (0x300, 0x370), (0x1E00, 0x1F00))
    for code in range(start, end)
    if _is_unicode_only(chr(code))
)))


def _is_letterish(char: str, legacy_chars: frozenset[str] | dict[str, str]) -> bool:
    return ("a" <= char <= "z") or ("A" <= char <= "Z") or char in legacy_chars


def _tcvn3_evidence(s: str) -> tuple[int, int, int]:
    """(strong in-word symbols, unexplained latin-1 letters, legacy characters)."""
    strong = unexplained = legacy = 0
    last = len(s) - 1
    # Every character that counts is in U+00A1-U+00FF: let the regex engine find them.
    for match in _LEGACY_RANGE.finditer(s):
        char, index = match.group(), match.start()
        if char in TCVN3_TO_UNICODE:
            legacy += 1
            if (
                char in _TCVN3_STRONG
                and 0 < index < last
                and _is_letterish(s[index - 1], TCVN3_TO_UNICODE)
                and _is_letterish(s[index + 1], TCVN3_TO_UNICODE)
                and s[index - 1 : index + 2].lower() != "l·l"  # Catalan "col·lecció"
            ):
                strong += 1
        elif "\xc0" <= char <= "\xff":
            unexplained += 1
    return strong, unexplained, legacy


def _vni_evidence(s: str) -> tuple[int, int, int]:
    """(pairs + singles, tell-tale characters, unexplained latin-1 letters)."""
    found = telltale = 0
    for match in _VNI_TOKEN_RE.finditer(s):
        found += 1
        telltale += sum(char in _VNI_TELLTALE for char in match.group(0))
    unexplained = len(_LATIN1_LETTERS.findall(_VNI_TOKEN_RE.sub("", s)))
    return found, telltale, unexplained


def _word_count(s: str) -> int:
    return len(s.split())


def detect_legacy(s: str | None) -> LegacyKind | None:
    """Say whether ``s`` is TCVN3 or VNI mojibake; None for anything else.

    Conservative by construction: the string must contain no Unicode-only letter or
    combining mark (real Vietnamese has ư ơ đ ạ ... beyond latin-1), nearly every latin-1
    letter in it must be explained by the table, and there must be several tell-tale
    sequences, in proportion to the number of words.
    """
    if not s or s.isascii() or not _LEGACY_RANGE.search(s):
        return None
    if _VIETNAMESE_UNICODE_ONLY.search(s):
        return None
    # Only characters beyond latin-1 can be Unicode-only: let the regex engine find them.
    if any(_is_unicode_only(match.group()) for match in _BEYOND_LATIN1.finditer(s)):
        return None
    words = _word_count(s)

    strong, unexplained, legacy = _tcvn3_evidence(s)
    if strong >= max(2, words // 15) and unexplained * 100 <= legacy:
        return "tcvn3"

    if not _VNI_TELLTALE_RE.search(s):  # VNI needs a tell-tale character
        return None
    found, telltale, unexplained = _vni_evidence(s)
    if (
        found >= max(2, words // 15)
        and telltale >= 1
        and (telltale >= 2 or found >= 4)
        and unexplained * 100 <= found
    ):
        return "vni"
    return None


def _convert_tcvn3(s: str) -> str:
    return "".join(TCVN3_TO_UNICODE.get(char, char) for char in s)


def _convert_vni(s: str) -> str:
    return _VNI_TOKEN_RE.sub(lambda match: _VNI_ALL[match.group(0)], s)


def convert_legacy(s: str | None, kind: str | None) -> str:
    """Convert TCVN3 or VNI mojibake to NFC Unicode. Unknown ``kind`` returns ``s``."""
    if not s:
        return s or ""
    if kind == "tcvn3":
        converted = _convert_tcvn3(s)
    elif kind == "vni":
        converted = _convert_vni(s)
    else:
        return s
    return unicodedata.normalize("NFC", converted)


def repair_legacy(s: str | None) -> str:
    """``convert_legacy(s, detect_legacy(s))``: the one call text normalisation needs."""
    kind = detect_legacy(s)
    if kind is None:
        return s or ""
    logger.debug("Converting %s text: %.40r", kind, s)
    return convert_legacy(s, kind)
