"""Vietnamese text helpers: NFC, folding, slugs, name order, dates.

All of these are pure functions so that the checks, the generated pages and the search index
agree on one definition of "the same name" and "the right order".
"""
from __future__ import annotations

import re
import unicodedata
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
    """Fold for matching: lower case, no diacritics at all, đ -> d.

    >>> fold("Đặng Thị Thuỷ")
    'dang thi thuy'
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


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
    return " ".join(_syllable_key(w) for w in nfc(text).split())


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
    """dd/mm/yyyy, as Vietnamese readers expect."""
    return value.strftime("%d/%m/%Y")


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
