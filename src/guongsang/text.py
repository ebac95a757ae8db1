"""Vietnamese text helpers: NFC, folding, slugs, name order, dates.

All of these are pure functions so that the checks, the generated pages and the search index
agree on one definition of "the same name" and "the right order".
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Combining marks that carry a *tone*. The others (breve, circumflex, horn) change the
# letter itself (a -> ă, â; o -> ô, ơ; u -> ư) and so belong to the spelling.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_QUALITY = {"\u0306", "\u0302", "\u031b"}

# Letter order of the Vietnamese alphabet; f, j, w, z come from loanwords and go where
# the Latin alphabet would put them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (macOS and some keyboards produce NFD)."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold for matching: lower case, no diacritics at all, đ -> d, no invisible characters.

    Format characters (Unicode category Cf: zero-width spaces and joiners, bidi controls, soft
    hyphens, BOM) and marks that show nothing (variation selectors) are dropped too, so a name
    with a zero-width space (U+200B) pasted inside it matches the name it looks like;
    overrides/assets/js/search.js folds queries the same way (``[\\p{Mn}\\p{Cf}]``).

    >>> fold("Đặng Thị Thuỷ")
    'dang thi thuy'
    """
    if text.isascii():  # most field values and lines of a story: nothing to decompose
        return text.lower()
    return unicodedata.normalize("NFD", text.lower()).translate(_FOLD_TABLE)


_DROPPED = frozenset(("Mn", "Cf"))


class _FoldTable(dict):
    r"""``str.translate`` table filled on first sight of each character: dropped by category, as
    search.js does (``[\p{Mn}\p{Cf}]``: Mn holds the tone and quality marks and also the marks
    that show nothing, variation selectors and the grapheme joiner), đ -> d, the rest kept.
    One C-level pass per text instead of a Python call per character (fold was a tenth of
    the staging step at 5,000 profiles)."""

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        value = None if unicodedata.category(ch) in _DROPPED else ord("d") if ch == "đ" else code
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


# -- invisible characters ---------------------------------------------------------------------
# Characters that show nothing (or move other characters) but change what a text *is*: pasted
# from Word, web pages or chat apps, or put there on purpose to make two equal-looking names
# differ, to hide a phone number from the privacy check, or to make a sentence display in
# another order than it is stored (bidi controls: the "Trojan Source" trick).

BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                 "\u2066\u2067\u2068\u2069")
"""Bidirectional controls: they reorder what is displayed, so they are refused everywhere."""
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
"""Hangul fillers: letters by category, blank on screen; a known way to fake an empty name."""
_ZWJ = "\u200d"
_MARKS = frozenset("\u034f\u17b4\u17b5")
"""Combining marks that show nothing (grapheme joiner, Khmer inherent vowels)."""
_SELECTORS = frozenset([*map(chr, range(0xFE00, 0xFE10)), *map(chr, range(0xE0100, 0xE01F0)),
                        "\u180b", "\u180c", "\u180d", "\u180f"])
"""Variation selectors: they pick a glyph for the character before them, and show nothing on
their own; after a letter they only make two equal-looking names differ."""
_NAMES = {
    "\u00ad": "dấu gạch nối mềm",
    "\u034f": "ký tự nối tổ hợp vô hình",
    "\ufe0e": "ký tự chọn kiểu chữ",
    "\ufe0f": "ký tự chọn kiểu biểu tượng cảm xúc",
    "\u061c": "dấu đổi chiều chữ Ả Rập",
    "\u180e": "dấu cách Mông Cổ",
    "\u200b": "dấu cách không độ rộng",
    "\u200c": "ký tự ngăn nối không độ rộng",
    "\u200d": "ký tự nối không độ rộng",
    "\u200e": "dấu chiều chữ trái-sang-phải",
    "\u200f": "dấu chiều chữ phải-sang-trái",
    "\u202a": "ký tự mở đoạn chữ trái-sang-phải",
    "\u202b": "ký tự mở đoạn chữ phải-sang-trái",
    "\u202c": "ký tự đóng đoạn đổi chiều chữ",
    "\u202d": "ký tự ép chiều trái-sang-phải",
    "\u202e": "ký tự đảo ngược chiều chữ",
    "\u2060": "ký tự nối từ vô hình",
    "\u2066": "ký tự cô lập chiều trái-sang-phải",
    "\u2067": "ký tự cô lập chiều phải-sang-trái",
    "\u2068": "ký tự cô lập chiều tự động",
    "\u2069": "ký tự đóng đoạn cô lập chiều chữ",
    "\u2028": "ký tự xuống dòng Unicode",
    "\u2029": "ký tự sang đoạn Unicode",
    "\ufeff": "dấu BOM (cách không độ rộng)",
    "\x00": "ký tự rỗng (NUL)",
    "\x0b": "ký tự tab dọc",
    "\x0c": "ký tự ngắt trang",
    "\x1b": "ký tự ESC",
    "\x7f": "ký tự xoá (DEL)",
}


@dataclass(frozen=True)
class Invisible:
    """One invisible or control character found in a text."""

    index: int
    """0-based position in the text."""
    char: str

    @property
    def kind(self) -> str:
        """``bidi`` and ``control`` are refused wherever they are; ``invisible`` may be removed."""
        if self.char in BIDI:
            return "bidi"
        if unicodedata.category(self.char) == "Cc":
            return "control"
        return "invisible"

    @property
    def label(self) -> str:
        """The character for an editor: "dấu cách không độ rộng (U+200B)"."""
        name = _NAMES.get(self.char)
        if name is None:
            name = {"bidi": "ký tự đổi chiều chữ", "control": "ký tự điều khiển"}.get(
                self.kind, "ký tự vô hình")
        return f"{name} (U+{ord(self.char):04X})"


def _is_invisible(ch: str) -> bool:
    if ch in "\t\n":
        return False
    cat = unicodedata.category(ch)
    return (cat in ("Cf", "Cc", "Zl", "Zp") or ch in _BLANK_LETTERS or ch in _MARKS
            or ch in _SELECTORS)


def _selects(text: str, i: int) -> bool:
    """A variation selector where it belongs: after an emoji or a symbol ("❤️"), in a keycap
    ("1️⃣"), after a Han character (Hán Nôm variants) or a Mongolian letter."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    if not before:
        return False
    if ch in "\ufe0e\ufe0f":
        after = text[i + 1] if i + 1 < len(text) else ""
        return _pictograph(before) or (before in "0123456789#*" and after == "\u20e3")
    if "\u1800" <= before <= "\u18af":
        return ch in "\u180b\u180c\u180d\u180f"
    return unicodedata.name(before, "").startswith("CJK ")


def _pictograph(ch: str) -> bool:
    """Roughly Unicode's Extended_Pictographic: emoji and the symbols emoji sequences join."""
    code = ord(ch)
    return (code >= 0x1F000 or 0x2190 <= code <= 0x2BFF or code in (0xA9, 0xAE, 0x203C, 0x2049,
                                                                     0x2122, 0x2139, 0x3030,
                                                                     0x303D, 0x3297, 0x3299))


def _joins_emoji(text: str, i: int) -> bool:
    """A zero-width joiner inside an emoji sequence (family, profession and flag emoji are
    several emoji joined by U+200D) belongs there: keep it."""
    before = text[i - 1] if i > 0 else ""
    if before in ("\ufe0f", "\ufe0e") or "\U0001f3fb" <= before <= "\U0001f3ff":
        before = text[i - 2] if i > 1 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before and after) and _pictograph(before) and _pictograph(after)


_MAYBE_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c"
                              "\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
                              "\u180b-\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef"
                              "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff"
                              "\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                              "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                              "\U000e0001-\U000e007f]")
"""A superset of the characters :func:`_is_invisible` accepts, so clean text costs one scan."""


def find_invisible(text: str) -> list[Invisible]:
    """Every invisible or control character of ``text`` (tab and line feed are ordinary).

    Zero-width joiners inside emoji sequences, and variation selectors where they pick a
    glyph (after an emoji, a Han character…), are not reported.
    """
    out = []
    for m in _MAYBE_INVISIBLE.finditer(text):
        ch, i = m.group(), m.start()
        if not _is_invisible(ch) or (ch == _ZWJ and _joins_emoji(text, i)):
            continue
        if ch in _SELECTORS and _selects(text, i):
            continue
        out.append(Invisible(i, ch))
    return out


def strip_invisible(text: str) -> str:
    """``text`` without the characters :func:`find_invisible` reports."""
    found = find_invisible(text)
    if not found:
        return text
    drop = {f.index for f in found}
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


_IY_SYLLABLE = re.compile(r"^(qu|[bcdđghklmnpqrstvx]+)y(\d?)$")


def _syllable_key(word: str) -> str:
    """Spelling of one syllable with the tone moved to the end, i/y merged.

    Old and new tone placement ("hoà"/"hòa", "thuỷ"/"thủy") differ only in *where* the
    tone mark sits, so dropping the tone from its letter and appending it as a digit makes
    them equal while "hòa" and "hoa" stay different.
    """
    tone = 0
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    base = unicodedata.normalize("NFC", "".join(kept))
    key = f"{base}{tone or ''}"
    # "kỹ"/"kĩ", "lý"/"lí", "quy"/"qui": a lone y after consonants is spelled either way.
    return _IY_SYLLABLE.sub(lambda m: f"{m.group(1)}i{m.group(2)}", key)


def identity_key(text: str) -> str:
    """Key under which two spellings of a name count as *the same name*.

    Equal for tone-placement and i/y variants, different when a tone or letter differs.
    """
    return " ".join(_syllable_key(w) for w in nfc(strip_invisible(text)).split())


def slugify(text: str, separator: str = "-") -> str:
    """ASCII slug with đ -> d ("Trần Văn Đức" -> "tran-van-duc").

    Material's default slugifier drops "Đ" altogether ("uc"), hence this one.
    """
    folded = fold(nfc(text))
    slug = re.sub(r"[^a-z0-9]+", separator, folded).strip(separator)
    return slug


def toc_slugify(value: str, separator: str) -> str:
    """Signature expected by Python-Markdown's ``toc`` extension (used in mkdocs.yml)."""
    return slugify(value, separator) or "muc"


# A site has a few thousand distinct words and sorts lists of every profile many times over:
# computing each word's key once takes name sorting from a fifth of a build to almost nothing.
@lru_cache(maxsize=1 << 16)
def _word_sort_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for cluster in _letters(word.lower()):
        base, tone = cluster
        letters.append(_LETTER_RANK.get(base, 100 + ord(base[0])))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a word into (letter with its quality mark, tone number)."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES and out:
            out[-1] = (out[-1][0], _TONES[ch])
        elif ch in _QUALITY and out:
            out[-1] = (unicodedata.normalize("NFC", out[-1][0] + ch), out[-1][1])
        elif unicodedata.combining(ch):
            continue
        else:
            out.append((ch, 0))
    return out


def sort_key(text: str) -> tuple:
    """Vietnamese collation of a phrase, word by word: letters first, then tones."""
    words = nfc(text).split()
    primary = tuple(_word_sort_key(w)[0] for w in words)
    secondary = tuple(_word_sort_key(w)[1] for w in words)
    return (primary, secondary, text)


def person_sort_key(full_name: str) -> tuple:
    """Order people by given name, then middle names, then family name.

    >>> sorted(["Trần Văn Đức", "Nguyễn Thị An"], key=person_sort_key)
    ['Nguyễn Thị An', 'Trần Văn Đức']
    """
    words = nfc(full_name).split()
    if len(words) <= 1:
        return sort_key(full_name)
    reordered = [words[-1], *words[1:-1], words[0]]
    return sort_key(" ".join(reordered))


def format_count(n: int) -> str:
    """A whole number with the Vietnamese thousands separator: 1234567 -> "1.234.567"."""
    return f"{n:,}".replace(",", ".")


def within(day: date | None, start: date | None, end: date | None) -> bool:
    """``day`` in the closed window [start, end]; a missing bound (or day) does not limit."""
    if day is None:
        return True
    return not ((start and day < start) or (end and day > end))


def format_date(value: date) -> str:
    """dd/mm/yyyy, as Vietnamese readers expect (the year always with four digits: strftime
    writes year 1 as "1")."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_date_formal(value: date, place: str) -> str:
    """"Lâm Đồng, ngày 05 tháng 01 năm 2024"."""
    return f"{place}, ngày {value:%d} tháng {value:%m} năm {value:%Y}"


_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: object) -> date | None:
    """Accept a YAML date, "dd/mm/yyyy" or "yyyy-mm-dd"; ``None`` when not a real date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    if m := _DMY.match(value):
        d, mo, y = (int(g) for g in m.groups())
    elif m := _ISO.match(value):
        y, mo, d = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None
