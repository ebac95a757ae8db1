"""The spellings of one private value: what "the same phone number" or "the same date" means.

A phone number is the same whatever its separators and with or without the country code
(``0912 345 678``, ``+84 912.345.678``, ``(84) 912-345-678``); an ID number whatever its spaces
or dots; a date whatever its separator, its order (day-month-year, month/day/year, year-month-day,
two-digit years) or when written the Vietnamese way ("ngày 15 tháng 8 năm 1985", "tháng Tám");
an e-mail address whatever its case or the usual disguises ("an.nt [at] example.vn", "a còng",
"chấm").

Private values are turned into *keys* once (:class:`PrivateIndex`), and each public text is
scanned once for the keys it contains, so checking every page against every profile stays
linear in the size of the site.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from ..text import fold, parse_date, strip_invisible

# Inside one number people put spaces, dots, dashes, slashes, brackets or a plus between the
# groups of digits ("+84 (0) 912.345.678"); more than three such characters in a row end it.
_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"\d+(?:[ .\-/()+\u00a0]{1,3}\d+)*")
_COUNTRY = ("00840", "0084", "0840", "084", "840", "84", "0")
"""What may stand before a phone's national number: the country code (``+84``, ``0084``),
the trunk zero, or both ("+84 (0) 912…"); longest first."""
_PREFIXES = {first: ("", *(p for p in _COUNTRY if p[0] == first)) for first in "08"}
MIN_DIGITS = 8
"""Shorter numbers (years, amounts) are too common to say anything about a person."""
_SPACES = re.compile(r"\s+")

_SEP = r"[ ./\-,]{1,3}"
# Day or month, month or day, year (two or four digits); or year, month, day.
_NUMERIC_DATE = re.compile(rf"(?=(?<!\d)(\d{{4}}|\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}})"
                           rf"(?!\d))")
_COMPACT_DATE = re.compile(r"(?<!\d)(\d{8})(?!\d)")
_MONTH_WORDS = {"gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4,
                "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11,
                "muoi hai": 12, "chap": 12}
_MONTH = "|".join(sorted((re.escape(w) for w in _MONTH_WORDS), key=len, reverse=True))
# On folded text with single spaces (:func:`_plain`), so that no part of the pattern can
# retry a long run of blanks: "ngay 15 thang 8 nam 1985", "15 thang tam, 1985",
# "mung 2 thang 9 nam 45", "15/ thang 8".
_WORD_DATE = re.compile(rf"(?<!\w)(\d{{1,2}}) ?[-/]? ?thang (\d{{1,2}}|{_MONTH})"
                        rf"(?: ?(?:,|nam|/|-))? ?(\d{{4}}|\d{{2}})(?!\d)")
# The usual disguises of "@" and "." ("an [at] example [dot] vn", "an a cong example cham vn"),
# on the same single-spaced folded text.
_AT = re.compile(r" ?(?:\[ ?at ?\]|\( ?at ?\)|\{ ?at ?\}|@) ?| (?:at|a cong) ")
_DOT = re.compile(r" ?(?:\[ ?(?:dot|cham) ?\]|\( ?(?:dot|cham) ?\)|\.) ?| (?:dot|cham) ")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LOCAL = re.compile(r"[\w.+-]{1,64}")
_DOMAIN = re.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){0,7}")
_LOCAL_PARTS, _DOMAIN_LABELS = 4, 8
"""Bounds of an address around one "@": the check stays linear whatever a text holds."""


def digits(text: str) -> str:
    """The decimal digits of ``text`` as ASCII (full-width "０９" counts as "09")."""
    return "".join(str(int(ch)) for ch in text if ch.isdecimal())


def _plain(text: str) -> str:
    """Folded (:func:`~guongsang.text.fold`), every run of blanks one space."""
    return _SPACES.sub(" ", fold(text))


def phone_key(value: str) -> str:
    """The national number of a phone: ``+84 912 345 678`` and ``0912.345.678`` ->
    ``912345678``; "" when ``value`` is not shaped like a phone number."""
    d = digits(value)
    if not re.fullmatch(r"[\d\s.\-()+/\u00a0]+", value.strip()):
        return ""
    for prefix in _COUNTRY:
        if d.startswith(prefix) and len(d) - len(prefix) >= MIN_DIGITS:
            return d[len(prefix):]
    return d if len(d) >= MIN_DIGITS else ""


def number_key(value: str) -> str:
    """An ID number's digits, whatever the spaces or dots ("" if too short or not a number)."""
    d = digits(value)
    if not re.fullmatch(r"[\d\s.\-/\u00a0]+", value.strip()) or len(d) < MIN_DIGITS:
        return ""
    return d


def email_key(value: str) -> str:
    value = value.strip().lower()
    return value if _EMAIL.fullmatch(value) else ""


def numbers_in(text: str, lengths: set[int]) -> Iterator[str]:
    """Every number of ``lengths`` digits ``text`` may be writing, separators dropped.

    A number starts where a group of digits starts (or after a country code or trunk zero:
    "+84 912…", "0912…", "+84 (0) 912…") and ends where a group ends, so a year followed by an
    amount ("năm 2019 12 345 678 đồng") is not read as a phone number. Linear in the text.
    """
    if not lengths:
        return
    for m in _NUMBER.finditer(text):
        starts, ends, parts = [], set(), []
        size = 0
        for g in _DIGITS.finditer(m.group()):
            part = g.group()
            part = part if part.isascii() else digits(part)
            starts.append(size)
            parts.append(part)
            size += len(part)
            ends.add(size)
        number = "".join(parts)
        for start in starts:
            for prefix in _PREFIXES.get(number[start], ("",)):
                if not number.startswith(prefix, start):
                    continue
                begin = start + len(prefix)
                for n in lengths:
                    if begin + n in ends:
                        yield number[begin:begin + n]


def _years(raw: str) -> list[int]:
    y = int(raw)
    return [y] if len(raw) == 4 else [1900 + y, 2000 + y] if len(raw) == 2 else []


def _dates(day: int, month: int, years: list[int]) -> Iterator[date]:
    for y in years:
        try:
            yield date(y, month, day)
        except ValueError:
            pass


def dates_in(text: str) -> set[date]:
    """Every date ``text`` may be writing, in any order or separator, or in Vietnamese words."""
    return _dates_in(_plain(text))


def _dates_in(plain: str) -> set[date]:
    out: set[date] = set()
    for m in _NUMERIC_DATE.finditer(plain):
        a, b, c = m.groups()
        if len(a) == 4:  # 1985-08-15
            out.update(_dates(int(c), int(b), [int(a)]))
        else:
            out.update(_dates(int(a), int(b), _years(c)))  # 15/08/1985
            out.update(_dates(int(b), int(a), _years(c)))  # 08/15/1985
    for m in _COMPACT_DATE.finditer(plain):
        d = m.group(1)
        out.update(_dates(int(d[:2]), int(d[2:4]), [int(d[4:])]))  # 15081985
        out.update(_dates(int(d[2:4]), int(d[:2]), [int(d[4:])]))  # 08151985
        out.update(_dates(int(d[6:]), int(d[4:6]), [int(d[:4])]))  # 19850815
    for m in _WORD_DATE.finditer(plain):
        day, month, year = m.groups()
        month_n = int(month) if month.isdigit() else _MONTH_WORDS[month]
        out.update(_dates(int(day), month_n, _years(year)))
    return out


def emails_in(text: str) -> set[str]:
    """E-mail addresses in ``text``, disguised ones included ("an [at] example [dot] vn").

    Squeezing " . " may glue a neighbouring word on either side ("on.an@x.vn.cam"): every tail
    of the name and every head of the domain is a candidate, a few of each around every "@".
    """
    return _emails_in(_plain(text))


def _emails_in(plain: str) -> set[str]:
    undisguised = _DOT.sub(".", _AT.sub("@", plain))
    out: set[str] = set()
    at = undisguised.find("@")
    while at >= 0:
        left = _LOCAL.match(undisguised[max(0, at - 64):at][::-1])
        right = _DOMAIN.match(undisguised, at + 1)
        if left and right:
            names = left.group()[::-1].strip(".").split(".")[-_LOCAL_PARTS:]
            hosts = right.group().strip(".").split(".")[:_DOMAIN_LABELS]
            for i in range(len(names)):
                for j in range(2, len(hosts) + 1):
                    out.add(".".join(names[i:]) + "@" + ".".join(hosts[:j]))
        at = undisguised.find("@", at + 1)
    return out


@dataclass
class PrivateIndex:
    """Private values by key, each with its owner (any hashable the caller chooses)."""

    numbers: dict[str, list[object]] = field(default_factory=dict)
    dates: dict[date, list[object]] = field(default_factory=dict)
    emails: dict[str, list[object]] = field(default_factory=dict)
    phrases: dict[str, list[object]] = field(default_factory=dict)
    """Other private text (an ID with letters…), squashed; compared as a substring."""

    def add(self, value: object, owner: object, how: str = "") -> None:
        """Index ``value``: as a ``phone``, an ID ``number``, a ``date``, an ``email``, or
        (``how`` empty) as whichever of them it looks like, else as text."""
        if isinstance(value, date):
            self.dates.setdefault(value, []).append(owner)
            return
        text = strip_invisible(str(value)).strip()
        day = parse_date(text) if how in ("", "date") else None
        key = (phone_key(text) if how in ("", "phone") else "") or (
            number_key(text) if how in ("", "number") else "")
        mail = email_key(text) if how in ("", "email") else ""
        if day:
            self.dates.setdefault(day, []).append(owner)
        elif key:
            self.numbers.setdefault(key, []).append(owner)
        elif mail:
            self.emails.setdefault(mail, []).append(owner)
        elif len(squashed := squash(text)) >= 6:
            self.phrases.setdefault(squashed, []).append(owner)

    def __bool__(self) -> bool:
        return bool(self.numbers or self.dates or self.emails or self.phrases)

    def found_in(self, text: str) -> list[object]:
        """Owners of every private value ``text`` contains, in any spelling (each once)."""
        text = _SPACES.sub(" ", strip_invisible(text))
        hits: list[object] = []
        if self.numbers:
            lengths = {len(k) for k in self.numbers}
            for n in numbers_in(text, lengths):
                hits.extend(self.numbers.get(n, ()))
        plain = _plain(text) if self.dates or self.emails or self.phrases else ""
        if self.dates:
            for d in _dates_in(plain):
                hits.extend(self.dates.get(d, ()))
        if self.emails:
            for e in _emails_in(plain):
                hits.extend(self.emails.get(e, ()))
        if self.phrases:
            squashed = "".join(ch for ch in plain if ch.isalnum())
            for phrase, owners in self.phrases.items():
                if phrase in squashed:
                    hits.extend(owners)
        return list(dict.fromkeys(hits))


def squash(text: str) -> str:
    """Folded letters and digits only (no spaces or punctuation): for private text that is not
    a number, a date or an e-mail address ("Tổ 5, thôn Đa Lợi" = "to 5 thon Da Loi")."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
