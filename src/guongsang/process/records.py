"""Typed internal records: nominations (đề nghị khen thưởng) and council meetings.

Built from front matter already checked against :data:`guongsang.schema.NOMINATION` and
:data:`guongsang.schema.MEETING`; missing or malformed values (already reported) become empty
values here, so later checks never meet a wrong type.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..load.yamlsrc import Source
from ..records import Record


@dataclass(frozen=True)
class Forwarded:
    """The nomination was sent to the level that decides (tờ trình)."""

    so_to_trinh: str
    ngay: date | None
    noi_nhan: str = ""


@dataclass(frozen=True)
class Decided:
    """The decision that granted the award."""

    so_quyet_dinh: str
    ngay_quyet_dinh: date | None
    co_quan: str = ""
    ly_do: str = ""


@dataclass(frozen=True)
class Rejected:
    ngay: date | None
    ly_do: str


@dataclass(frozen=True)
class Grounds:
    sang_kien: tuple[str, ...] = ()
    nam_thanh_tich: tuple[int, ...] = ()
    ghi_chu: str = ""


@dataclass
class Nomination(Record):
    ho_so: str = ""
    hinh_thuc: str = ""
    nam: int = 0
    phong_trao: str = ""
    don_vi_de_nghi: str = ""
    ngay_de_nghi: date | None = None
    dong_y_de_nghi: bool = False
    can_cu: Grounds = field(default_factory=Grounds)
    trinh_cap_tren: Forwarded | None = None
    quyet_dinh: Decided | None = None
    khong_dat: Rejected | None = None
    ghi_chu: str = ""


@dataclass(frozen=True)
class Member:
    ho_ten: str
    vai_tro: str
    chuc_vu: str = ""
    co_mat: bool = True
    y_kien_van_ban: bool = False
    index: int = 0


@dataclass(frozen=True)
class Vote:
    """One nomination's votes in a meeting, as recorded (the result is checked, not trusted)."""

    de_nghi: str
    dong_y: int
    khong_dong_y: int
    khong_bieu_quyet: int
    ket_qua: str
    """dat | khong_dat, as typed in the record."""
    index: int = 0

    @property
    def total(self) -> int:
        return self.dong_y + self.khong_dong_y + self.khong_bieu_quyet


@dataclass
class Meeting(Record):
    ten: str = ""
    ngay: date | None = None
    nam: int = 0
    dia_diem: str = ""
    hinh_thuc_bieu_quyet: str = ""
    thanh_vien: list[Member] = field(default_factory=list)
    de_nghi: list[str] = field(default_factory=list)
    ket_qua: list[Vote] = field(default_factory=list)
    thu_ky: str = ""
    ket_luan: str = ""

    @property
    def members(self) -> int:
        return len(self.thanh_vien)

    @property
    def present(self) -> int:
        return sum(1 for m in self.thanh_vien if m.co_mat)

    @property
    def written(self) -> int:
        """Absent members who gave their opinion in writing (they may vote)."""
        return sum(1 for m in self.thanh_vien if not m.co_mat and m.y_kien_van_ban)

    def vote_for(self, nomination: str) -> Vote | None:
        found = [v for v in self.ket_qua if v.de_nghi == nomination]
        return found[-1] if found else None


def _obj(clean: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = clean.get(key)
    return value if isinstance(value, dict) else None


def nomination_from(slug: str, src: Source, clean: dict[str, Any]) -> Nomination:
    grounds = _obj(clean, "can_cu") or {}
    fwd, dec, rej = _obj(clean, "trinh_cap_tren"), _obj(clean, "quyet_dinh"), _obj(clean, "khong_dat")
    return Nomination(
        slug=slug, source=src, body=src.body,
        ho_so=clean.get("ho_so") or "", hinh_thuc=clean.get("hinh_thuc") or "",
        nam=clean.get("nam") or 0, phong_trao=clean.get("phong_trao") or "",
        don_vi_de_nghi=clean.get("don_vi_de_nghi") or "",
        ngay_de_nghi=clean.get("ngay_de_nghi"),
        dong_y_de_nghi=clean.get("dong_y_de_nghi") is True,
        can_cu=Grounds(tuple(grounds.get("sang_kien") or ()),
                       tuple(y for y in grounds.get("nam_thanh_tich") or () if isinstance(y, int)),
                       grounds.get("ghi_chu") or ""),
        # A block present in the file counts even when malformed (reported by the schema check):
        # a half-typed decision must not read as "no decision yet".
        trinh_cap_tren=Forwarded(fwd.get("so_to_trinh") or "", fwd.get("ngay"),
                                 fwd.get("noi_nhan") or "")
        if fwd is not None else Forwarded("", None) if "trinh_cap_tren" in src.data else None,
        quyet_dinh=Decided(dec.get("so_quyet_dinh") or "", dec.get("ngay_quyet_dinh"),
                           dec.get("co_quan") or "", dec.get("ly_do") or "")
        if dec is not None else Decided("", None) if "quyet_dinh" in src.data else None,
        khong_dat=Rejected(rej.get("ngay"), rej.get("ly_do") or "")
        if rej is not None else Rejected(None, "") if "khong_dat" in src.data else None,
        ghi_chu=clean.get("ghi_chu") or "",
    )


def _items(clean: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, x) for i, x in enumerate(clean.get(key) or []) if isinstance(x, dict)]


def meeting_from(slug: str, src: Source, clean: dict[str, Any]) -> Meeting:
    return Meeting(
        slug=slug, source=src, body=src.body, ten=clean.get("ten") or slug,
        ngay=clean.get("ngay"), nam=clean.get("nam") or 0, dia_diem=clean.get("dia_diem") or "",
        hinh_thuc_bieu_quyet=clean.get("hinh_thuc_bieu_quyet") or "",
        thanh_vien=[Member(m.get("ho_ten") or "", m.get("vai_tro") or "", m.get("chuc_vu") or "",
                           m.get("co_mat") is not False, m.get("y_kien_van_ban") is True, i)
                    for i, m in _items(clean, "thanh_vien")],
        de_nghi=[d for d in clean.get("de_nghi") or [] if isinstance(d, str)],
        ket_qua=[Vote(v.get("de_nghi") or "", _count(v, "dong_y"), _count(v, "khong_dong_y"),
                      _count(v, "khong_bieu_quyet"), v.get("ket_qua") or "", i)
                 for i, v in _items(clean, "ket_qua") if v.get("de_nghi")],
        thu_ky=clean.get("thu_ky") or "", ket_luan=clean.get("ket_luan") or "",
    )


def _count(item: dict[str, Any], key: str) -> int:
    value = item.get(key)
    return value if isinstance(value, int) and value >= 0 else 0
