"""Consent and privacy: nothing unconsented or private is published."""
from __future__ import annotations

from collections.abc import Iterator

from ..load.corpus import Corpus
from ..problems import Problem, Severity
from . import at, rule


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


def _public_texts(p) -> Iterator[tuple[tuple, str]]:
    yield ("ho_ten",), p.ho_ten
    yield ("tom_tat",), p.tom_tat
    yield ("chuc_vu",), p.chuc_vu
    for key, text in {**p.tieu_chuan, **p.tieu_chi_doan_the}.items():
        group = "tieu_chuan" if key in p.tieu_chuan else "tieu_chi_doan_the"
        yield (group, key), text
    for i, t in enumerate(p.thanh_tich):
        yield ("thanh_tich", i, "noi_dung"), t.noi_dung
    for i, d in enumerate(p.viec_tot):
        yield ("viec_tot", i, "noi_dung"), d.noi_dung
        yield ("viec_tot", i, "dia_diem"), d.dia_diem
    for i, ph in enumerate(p.anh):
        yield ("anh", i, "chu_thich"), ph.chu_thich
        yield ("anh", i, "mo_ta"), ph.mo_ta
        yield ("anh", i, "nguon"), ph.nguon
    for a in p.khen_thuong:
        yield ("khen_thuong", a.index, "ly_do"), a.ly_do
        yield ("khen_thuong", a.index, "co_quan"), a.co_quan
    for i, f in enumerate(p.theo_doi):
        yield ("theo_doi", i, "ghi_chu"), f.ghi_chu


def _squash(text: str) -> str:
    """Drop spaces, dots and dashes: "0912.345.678" and "0912 345 678" are the same number."""
    return "".join(ch for ch in (text or "") if ch not in " .-")


@rule("lo-thong-tin-rieng")
def private_leak(corpus: Corpus) -> Iterator[Problem]:
    """Private values (phone, ID number, e-mail…) must not be repeated in public text.

    PASS: phone only under ``rieng_tu.dien_thoai``
    FAIL: the same phone number written in the story body
    """
    for p in corpus.profiles.values():
        private = p.source.data.get("rieng_tu")
        if not isinstance(private, dict):
            continue
        for key, value in private.items():
            if key in ("ghi_chu", "dia_chi") or value is None:
                continue  # free text and addresses share words with public text
            needle = str(value).strip()
            compact = _squash(needle)
            if len(compact) < 6:
                continue
            hint = "Xoá thông tin này khỏi phần công khai; nó chỉ được ghi trong `rieng_tu`."
            for path, text in _public_texts(p):
                if compact in _squash(text):
                    yield at(p, path, "lo-thong-tin-rieng",
                             f"Thông tin riêng tư `rieng_tu.{key}` xuất hiện trong trường công khai.",
                             hint)
            for n, line in enumerate(p.body.split("\n")):
                if compact in _squash(line):
                    yield Problem(p.file, p.source.body_line + n, "", "lo-thong-tin-rieng",
                                  f"Thông tin riêng tư `rieng_tu.{key}` xuất hiện trong nội dung bài viết.",
                                  hint)


def _private_values(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """Squashed private value -> (profile slug, key), for values long enough to be specific."""
    out: dict[str, tuple[str, str]] = {}
    for p in corpus.profiles.values():
        private = p.source.data.get("rieng_tu")
        if isinstance(private, dict):
            for key, value in private.items():
                compact = _squash(str(value or ""))
                if key not in ("ghi_chu", "dia_chi") and len(compact) >= 6:
                    out[compact] = (p.slug, key)
    return out


@rule("lo-thong-tin-rieng-trang-khac")
def private_leak_elsewhere(corpus: Corpus) -> Iterator[Problem]:
    """A profile's private values must not appear in model or campaign pages either.

    PASS: a model page that names its author
    FAIL: a campaign page quoting an author's phone number from ``rieng_tu``
    """
    values = _private_values(corpus)
    if not values:
        return
    for record in [*corpus.models.values(), *corpus.campaigns.values()]:
        for n, line in enumerate(record.body.split("\n")):
            squashed = _squash(line)
            for compact, (slug, key) in values.items():
                if compact in squashed:
                    yield Problem(record.file, record.source.body_line + n, "", "lo-thong-tin-rieng",
                                  f"Nội dung có thông tin riêng tư `rieng_tu.{key}` của hồ sơ "
                                  f"profiles/{slug}/.",
                                  "Xoá thông tin này; thông tin riêng tư không được công bố.")
