"""Consent and privacy: nothing unconsented or private is published.

Private values (``rieng_tu``) are looked for in every public text of every record, in every
spelling of the same value (:mod:`guongsang.rules.spellings`).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..load.corpus import Corpus
from ..problems import Problem, Severity
from ..records import Record
from ..schema import Field, private_keys
from . import at, rule
from .spellings import PrivateIndex


@rule("chua-dong-y")
def unconsented(corpus: Corpus) -> Iterator[Problem]:
    """A profile without ``dong_y_cong_bo: true`` is kept out of the site; say so.

    PASS: ``dong_y_cong_bo: true``
    FAIL: ``dong_y_cong_bo: false`` -> a notice (info) "sẽ không xuất hiện trên trang"
    """
    for p in corpus.profiles.values():
        if not p.dong_y_cong_bo and p.thu_hoi is None:
            yield at(p, ("dong_y_cong_bo",), "chua-dong-y",
                     "Hồ sơ chưa có sự đồng ý công bố nên sẽ không xuất hiện trên trang.",
                     "Khi đã có văn bản đồng ý, sửa thành: dong_y_cong_bo: true",
                     Severity.INFO)


# How each private field is compared (rules.spellings); free text and addresses are left out:
# they share ordinary words with public text.
_SPELLINGS = {"dien_thoai": "phone", "so_dinh_danh": "number", "ngay_sinh": "date",
              "email": "email"}
_FREE_TEXT = ("ghi_chu", "dia_chi")


def private_index(corpus: Corpus) -> PrivateIndex:
    """Every profile's private values, owned by (profile slug, field)."""
    index = PrivateIndex()
    for p in corpus.profiles.values():
        private = p.source.data.get("rieng_tu")
        if not isinstance(private, dict):
            continue
        for key, value in private.items():
            if key in _FREE_TEXT or value is None or isinstance(value, (list, dict, bool)):
                continue
            index.add(value, (p.slug, str(key)), _SPELLINGS.get(str(key), ""))
    return index


def public_texts(record: Record, fields: tuple[Field, ...]) -> Iterator[tuple[tuple, str]]:
    """Every string of a record's front matter outside its private fields, by path."""
    hidden = private_keys(fields)

    def walk(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for k, v in value.items():
                if not (path == () and k in hidden):
                    yield from walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from walk(v, path + (i,))

    yield from walk(record.source.data, ())


def _leaks(corpus: Corpus, own: bool) -> Iterator[Problem]:
    """Public texts holding a private value: of the same profile (``own``) or of another."""
    for problem, owner_is_me in _all_leaks(corpus):
        if owner_is_me == own:
            yield problem


_last: list[tuple[Corpus, list[tuple[Problem, bool]]]] = []


def _all_leaks(corpus: Corpus) -> list[tuple[Problem, bool]]:
    """Every leak of the corpus, and whether the value is the record's own; the two rules
    share one scan of the site (the last corpus's result is kept)."""
    if _last and _last[0][0] is corpus:
        return _last[0][1]
    index = private_index(corpus)
    out: list[tuple[Problem, bool]] = []
    for kind, record in corpus.records() if index else ():
        if not kind.public:
            continue  # internal records (nominations…) may quote what they are about
        me = record.slug if kind.name == "profile" else None
        for path, text in public_texts(record, kind.fields):
            for slug, key in index.found_in(text):  # type: ignore[misc]
                if slug == me:
                    out.append((at(record, path, "lo-thong-tin-rieng",
                                   f"Thông tin riêng tư `rieng_tu.{key}` xuất hiện trong trường "
                                   "công khai.",
                                   "Xoá thông tin này khỏi phần công khai; nó chỉ được ghi trong "
                                   "`rieng_tu`."), True))
                else:
                    out.append((at(record, path, "lo-thong-tin-rieng",
                                   f"Nội dung có thông tin riêng tư `rieng_tu.{key}` của hồ sơ "
                                   f"profiles/{slug}/.",
                                   "Xoá thông tin này khỏi trang; thông tin riêng tư của một hồ sơ "
                                   "không được công bố ở bất kỳ đâu."), False))
        for n, owners in _body_leaks(index, record.body):
            line = record.source.body_line + n
            for slug, key in owners:  # type: ignore[misc]
                if slug == me:
                    out.append((Problem(record.file, line, "", "lo-thong-tin-rieng",
                                        f"Thông tin riêng tư `rieng_tu.{key}` xuất hiện trong nội "
                                        "dung bài viết.",
                                        "Xoá thông tin này khỏi phần công khai; nó chỉ được ghi "
                                        "trong `rieng_tu`."), True))
                else:
                    out.append((Problem(record.file, line, "", "lo-thong-tin-rieng",
                                        f"Nội dung có thông tin riêng tư `rieng_tu.{key}` của hồ "
                                        f"sơ profiles/{slug}/.",
                                        "Xoá thông tin này khỏi trang; thông tin riêng tư của một "
                                        "hồ sơ không được công bố ở bất kỳ đâu."), False))
    _last[:] = [(corpus, out)]
    return out


def _body_leaks(index: PrivateIndex, body: str) -> Iterator[tuple[int, list[object]]]:
    """(0-based line, owners) of the private values in a body, each at the line it starts on.

    A paragraph's lines are read as one (Markdown shows its line break as a space), so a
    number split over two lines ("0912\\n345 678") is found too.
    """
    lines = body.split("\n")
    found = [index.found_in(line) if line.strip() else [] for line in lines]
    for n, line in enumerate(lines):
        owners = list(found[n])
        if n + 1 < len(lines) and line.strip() and lines[n + 1].strip():
            owners += [o for o in index.found_in(f"{line} {lines[n + 1]}")
                       if o not in found[n] and o not in found[n + 1]]
        if owners:
            yield n, owners


@rule("lo-thong-tin-rieng")
def private_leak(corpus: Corpus) -> Iterator[Problem]:
    """Private values (phone, ID number, birth date, e-mail) must not be repeated in the
    profile's public text, in any spelling: other separators, +84, a date in words.

    PASS: phone only under ``rieng_tu.dien_thoai``
    FAIL: ``dien_thoai: 0912 345 678`` and "gọi +84 912.345.678" in the story;
          ``ngay_sinh: 15/08/1985`` and "sinh ngày 15 tháng 8 năm 1985"
    """
    yield from _leaks(corpus, own=True)


@rule("lo-thong-tin-rieng-trang-khac")
def private_leak_elsewhere(corpus: Corpus) -> Iterator[Problem]:
    """A profile's private values must not appear in any other page either: another profile,
    a model, a campaign, a content page.

    PASS: a model page that names its author
    FAIL: a campaign page quoting an author's phone number from ``rieng_tu``
    """
    yield from _leaks(corpus, own=False)
