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

# Digits with what people put between them: spaces, dots, dashes, slashes, brackets, a plus.
_DIGIT_RUN = re.compile(r"\d(?:[\d .\-/()+\u00a0]*\d)?")
_COUNTRY = ("0084", "84", "0")
MIN_DIGITS = 8
"""Shorter numbers (years, amounts) are too common to say anything about a person."""

_SEP = r"[\s./\-,]{1,3}"
_NUMERIC_DATE = re.compile(rf"(?=(?<!\d)(\d{{1,4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,4}})(?!\d))")
_COMPACT_DATE = re.compile(r"(?<!\d)(\d{8})(?!\d)")
_MONTH_WORDS = {"gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4,
                "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11,
                "muoi hai": 12, "chap": 12}
_MONTH = "|".join(sorted((re.escape(w) for w in _MONTH_WORDS), key=len, reverse=True))
# On folded text: "ngay 15 thang 8 nam 1985", "15 thang tam, 1985", "mung 2 thang 9 nam 45".
_WORD_DATE = re.compile(rf"(?<![\w])(\d{{1,2}})\s*(?:-|/)?\s*thang\s+(\d{{1,2}}|{_MONTH})"
                        rf"(?:\s*(?:,|nam|/|-))?\s*(\d{{4}}|\d{{2}})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AT = re.compile(r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\s+at\s+|\s+a cong\s+|@)\s*")
_DOT = re.compile(r"\s*(?:\[\s*(?:dot|cham)\s*\]|\(\s*(?:dot|cham)\s*\)|\s+(?:dot|cham)\s+|\.)\s*")


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


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
    """Every run of ``lengths`` digits inside the digit runs of ``text`` (separators dropped;
    a leading country code dropped too, so it matches a phone's national number)."""
    for m in _DIGIT_RUN.finditer(text):
        d = digits(m.group())
        for n in lengths:
            for i in range(len(d) - n + 1):
                yield d[i:i + n]


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
    out: set[date] = set()
    for m in _NUMERIC_DATE.finditer(text):
        a, b, c = m.groups()
        if len(a) == 4:  # 1985-08-15
            out.update(_dates(int(c), int(b), [int(a)]))
        else:
            out.update(_dates(int(a), int(b), _years(c)))  # 15/08/1985
            out.update(_dates(int(b), int(a), _years(c)))  # 08/15/1985
    for m in _COMPACT_DATE.finditer(text):
        d = m.group(1)
        out.update(_dates(int(d[:2]), int(d[2:4]), [int(d[4:])]))  # 15081985
        out.update(_dates(int(d[2:4]), int(d[:2]), [int(d[4:])]))  # 08151985
        out.update(_dates(int(d[6:]), int(d[4:6]), [int(d[:4])]))  # 19850815
    folded = fold(text)
    for m in _WORD_DATE.finditer(folded):
        day, month, year = m.groups()
        month_n = int(month) if month.isdigit() else _MONTH_WORDS[month]
        out.update(_dates(int(day), month_n, _years(year)))
    return out


def emails_in(text: str) -> set[str]:
    """E-mail addresses in ``text``, disguised ones included ("an [at] example [dot] vn")."""
    undisguised = _DOT.sub(".", _AT.sub("@", fold(text)))
    out = set()
    for m in _EMAIL.finditer(undisguised):
        # Squeezing " . " may glue a neighbouring word on either side ("on.an@x.vn.cam"):
        # every tail of the name and every head of the domain is a candidate.
        local, _, domain = m.group().strip(".").partition("@")
        names, hosts = local.split("."), domain.split(".")
        for i in range(len(names)):
            for j in range(2, len(hosts) + 1):
                out.add(".".join(names[i:]) + "@" + ".".join(hosts[:j]))
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
        text = strip_invisible(text)
        hits: list[object] = []
        if self.numbers:
            lengths = {len(k) for k in self.numbers}
            for n in numbers_in(text, lengths):
                hits.extend(self.numbers.get(n, ()))
        if self.dates:
            for d in dates_in(text):
                hits.extend(self.dates.get(d, ()))
        if self.emails:
            for e in emails_in(text):
                hits.extend(self.emails.get(e, ()))
        if self.phrases:
            squashed = squash(text)
            for phrase, owners in self.phrases.items():
                if phrase in squashed:
                    hits.extend(owners)
        return list(dict.fromkeys(hits))


def squash(text: str) -> str:
    """Folded, without spaces, dots and dashes: for private text that is not a number, a date
    or an e-mail address."""
    return "".join(ch for ch in fold(text) if ch not in " .-_/\u00a0")
