"""Typed, frozen objects of the law's data: texts, sources, open questions, forms, condition sets."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .lawkinds import KINDS


@dataclass(frozen=True)
class Citation:
    """A source a fact was checked against."""

    id: str
    ten: str
    url: str
    do_tin_cay: str


@dataclass(frozen=True)
class LegalText:
    """A law or decree with the days it is in force (both ends included)."""

    id: str
    so_hieu: str
    ten: str
    hieu_luc_tu: date
    hieu_luc_den: date | None
    xac_nhan: bool
    ghi_chu: str = ""
    ten_ngan: str = ""
    loai: str = "luat"
    ngay_ky: date | None = None
    huong_dan: str = ""
    """For a decree: the law it details."""
    sua_doi: str = ""
    """For an amending law: the law it amends."""
    nguon: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        return self.ten_ngan or self.so_hieu

    @property
    def lapses(self) -> date | None:
        """The first day the text is no longer in force."""
        if self.hieu_luc_den is None or self.hieu_luc_den == date.max:
            return None
        return self.hieu_luc_den + timedelta(days=1)

    def in_force(self, day: date) -> bool:
        return self.hieu_luc_tu <= day and (self.hieu_luc_den is None or day <= self.hieu_luc_den)


@dataclass(frozen=True)
class OpenQuestion:
    """A question put to the authority; ``gia_tri`` is the default every citing rule uses."""

    id: str
    cau_hoi: str
    tham_so: str
    gia_tri: Any
    mac_dinh: str
    nguon: tuple[str, ...] = ()
    gui: str = ""


@dataclass(frozen=True)
class Principle:
    """A general rule shown on the criteria page."""

    id: str
    noi_dung: str
    dieu: str
    van_ban: str
    nguon: tuple[str, ...]
    xac_nhan: bool


@dataclass(frozen=True)
class Requirement:
    """One requirement of a condition set (or one alternative inside a group)."""

    id: str
    kieu: str
    dieu: str
    van_ban: str
    """The text the article belongs to (the set's law unless the data names another)."""
    nguon: tuple[str, ...]
    xac_nhan: bool
    muc_do: str
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    lua_chon: tuple[Requirement, ...] = ()
    mo_ta: str = ""
    ghi_chu: str = ""
    cau_hoi_mo: str = ""
    broken: bool = False
    """The data of this requirement is unusable (reported as an error): it is not evaluated."""
    line: int = 0
    """Line in data/danh-muc-khen-thuong.yml."""

    def p(self, key: str) -> Any:
        """A parameter's value (its declared default when the data omits it)."""
        if key in self.params:
            return self.params[key]
        spec = KINDS.get(self.kieu)
        for param in spec.params if spec else ():
            if param.key == key:
                return param.default
        return None

    @property
    def is_group(self) -> bool:
        return self.kieu in ("mot_trong", "tat_ca")

    def walk(self) -> Iterator[Requirement]:
        yield self
        for child in self.lua_chon:
            yield from child.walk()


@dataclass(frozen=True)
class ConditionSet:
    """What a form requires under one law (for some kinds of profile)."""

    form: str
    luat: str
    yeu_cau: tuple[Requirement, ...]
    doi_tuong: tuple[str, ...] = ()
    """Kinds of profile the set is for; empty: every kind the form is for."""
    ghi_chu: str = ""

    @property
    def anchor(self) -> str:
        """Id of the set on the criteria page."""
        suffix = "-" + "-".join(self.doi_tuong).replace("_", "-") if self.doi_tuong else ""
        return f"dk-{self.form}-{self.luat}{suffix}"

    def fits(self, kind: str) -> bool:
        return not self.doi_tuong or kind in self.doi_tuong


@dataclass(frozen=True)
class AwardForm:
    """A title or commendation from the catalogue."""

    id: str
    ten: str
    loai: str
    doi_tuong: tuple[str, ...]
    cap: str
    co_quan: str
    xac_nhan: bool
    dieu_kien: tuple[ConditionSet, ...] = ()
    ghi_chu: str = ""
    chu_ky: int = 1
    """Years between two consecutive instances (1: a yearly title)."""
    lap_lai_trong_nam: bool = False
    ky_hieu_quyet_dinh: tuple[str, ...] = ()


@dataclass(frozen=True)
class LevelRule:
    """What a decision of an award level is expected to look like (``cap_khen_thuong``)."""

    ky_hieu: tuple[str, ...] = ()
    co_quan: tuple[str, ...] = ()


@dataclass
class LawData:
    """Everything about the law that is not a text or a form, by id."""

    sources: dict[str, Citation] = field(default_factory=dict)
    questions: dict[str, OpenQuestion] = field(default_factory=dict)
    principles: list[Principle] = field(default_factory=list)
    rating_rank: dict[str, int] = field(default_factory=dict)
    scope_rank: dict[str, int] = field(default_factory=dict)
    levels: dict[str, LevelRule] = field(default_factory=dict)
