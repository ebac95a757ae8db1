"""Typed records built from checked front matter."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .load.yamlsrc import Source


@dataclass(frozen=True)
class Award:
    hinh_thuc: str
    """Id in the award catalogue."""
    nam: int
    so_quyet_dinh: str
    ngay_quyet_dinh: date | None
    co_quan: str = ""
    ly_do: str = ""
    dot_xuat: bool = False
    chuyen_de: bool = False
    index: int = 0
    """Position in the record's list (0-based), to point problems at the right line."""
    theo_tieu_chuan: str = ""
    """Id of the criterion (alternative) of the condition set the decision was granted on."""
    phong_trao: str = ""
    """Slug of the emulation campaign the award rewards, if any."""

    @property
    def counts_as_grounds(self) -> bool:
        """Sudden-deed and themed awards are not grounds for later merit awards."""
        return not (self.dot_xuat or self.chuyen_de)


@dataclass(frozen=True)
class Members:
    """A collective's membership in one year, as counts (for the composition rules)."""

    tong_so: int | None = None
    hoan_thanh_nhiem_vu: int | None = None
    lao_dong_tien_tien: int | None = None
    chien_si_thi_dua_co_so: int | None = None
    ky_luat: int | None = None


@dataclass(frozen=True)
class Achievement:
    nam: int
    noi_dung: str
    xep_loai: str = ""
    thanh_vien: Members | None = None
    index: int = 0


@dataclass(frozen=True)
class Deed:
    ngay: date
    dia_diem: str
    noi_dung: str


@dataclass(frozen=True)
class Photo:
    tep: str
    mo_ta: str
    chu_thich: str = ""
    nguon: str = ""
    index: int = 0


@dataclass(frozen=True)
class FollowUp:
    ngay: date
    ghi_chu: str


@dataclass(frozen=True)
class Withdrawal:
    ngay: date | None
    ly_do: str


@dataclass(frozen=True)
class Decision:
    so_quyet_dinh: str
    ngay_quyet_dinh: date | None
    co_quan: str = ""
    pham_vi: str = ""
    """Scope of influence the decision recognises (for an initiative), if it says."""


@dataclass(frozen=True)
class Replication:
    don_vi: str
    ngay: date | None
    ghi_chu: str = ""


@dataclass
class Record:
    """What every record kind shares: where it came from and its Markdown body."""

    slug: str
    source: Source = field(repr=False)
    body: str = field(default="", repr=False)

    @property
    def file(self) -> str:
        return self.source.file


@dataclass
class Profile(Record):
    ho_ten: str = ""
    loai: str = "ca_nhan"
    don_vi: str = ""
    chuc_vu: str = ""
    linh_vuc: list[str] = field(default_factory=list)
    trang_thai: str = ""
    ngay_cong_nhan: date | None = None
    don_vi_de_xuat: str = ""
    tom_tat: str = ""
    tieu_chuan: dict[str, str] = field(default_factory=dict)
    tieu_chi_doan_the: dict[str, str] = field(default_factory=dict)
    thanh_tich: list[Achievement] = field(default_factory=list)
    khen_thuong: list[Award] = field(default_factory=list)
    viec_tot: list[Deed] = field(default_factory=list)
    phong_trao: list[str] = field(default_factory=list)
    mo_hinh: list[str] = field(default_factory=list)
    anh: list[Photo] = field(default_factory=list)
    dong_y_cong_bo: bool = False
    theo_doi: list[FollowUp] = field(default_factory=list)
    thu_hoi: Withdrawal | None = None
    slug_cu: list[str] = field(default_factory=list)
    khong_trung_voi: list[str] = field(default_factory=list)
    folder: Path | None = None
    """Folder holding index.md and the photos."""

    @property
    def published(self) -> bool:
        """Only consented, not withdrawn profiles reach the site."""
        return self.dong_y_cong_bo and self.thu_hoi is None


@dataclass
class Model(Record):
    ten: str = ""
    loai: str = ""
    tac_gia: list[str] = field(default_factory=list)
    don_vi: str = ""
    nam: int = 0
    linh_vuc: list[str] = field(default_factory=list)
    pham_vi: str = ""
    cong_nhan: Decision | None = None
    tom_tat: str = ""
    hieu_qua: str = ""
    nhan_rong: list[Replication] = field(default_factory=list)
    phong_trao: list[str] = field(default_factory=list)


@dataclass
class Campaign(Record):
    ten: str = ""
    cap_phat_dong: str = ""
    co_quan_phat_dong: str = ""
    tu_ngay: date | None = None
    den_ngay: date | None = None
    muc_tieu: list[str] = field(default_factory=list)
    trang_thai: str = ""
    tom_tat: str = ""


@dataclass
class Story(Record):
    """A story or a piece of news (tin bài), published at ``tin-bai/<slug>/``."""

    tieu_de: str = ""
    ngay: date | None = None
    """Date of publication (the order of the index, the archive year, the feed's date)."""
    tac_gia: str = ""
    """Who wrote it, as the by-line shows it."""
    tom_tat: str = ""
    anh_bia: Photo | None = None
    """The cover photo (beside index.md), through the same pipeline as profiles' photos."""
    ho_so: list[str] = field(default_factory=list)
    phong_trao: list[str] = field(default_factory=list)
    mo_hinh: list[str] = field(default_factory=list)
    slug_cu: list[str] = field(default_factory=list)
    folder: Path | None = None
    """Folder holding index.md and the cover photo."""

    @property
    def year(self) -> int:
        return self.ngay.year if self.ngay else 0


@dataclass
class ContentPage(Record):
    """A hand-written page of content/ that no record kind claims: the about page, the index
    pages of sections, any page an editor adds. ``slug`` is its path inside content/."""

    url: str = ""
    """Directory URL it is published at (``gioi-thieu/``; ``""`` for the home page)."""
    title: str = ""
    description: str = ""

    @property
    def src_uri(self) -> str:
        return self.slug


def _items(clean: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [x for x in clean.get(key) or [] if isinstance(x, dict)]


def _members(value: Any) -> Members | None:
    if not isinstance(value, dict):
        return None
    counts = {k: value.get(k) for k in ("tong_so", "hoan_thanh_nhiem_vu", "lao_dong_tien_tien",
                                        "chien_si_thi_dua_co_so", "ky_luat")}
    return Members(**{k: v if isinstance(v, int) and not isinstance(v, bool) else None
                      for k, v in counts.items()})


def profile_from(slug: str, src: Source, clean: dict[str, Any], folder: Path) -> Profile:
    withdrawn = clean.get("thu_hoi")
    awards = []
    for i, a in enumerate(clean.get("khen_thuong") or []):
        if isinstance(a, dict) and a.get("hinh_thuc") and a.get("nam"):
            awards.append(Award(a["hinh_thuc"], a["nam"], a.get("so_quyet_dinh") or "",
                                a.get("ngay_quyet_dinh"), a.get("co_quan") or "",
                                a.get("ly_do") or "", bool(a.get("dot_xuat")),
                                bool(a.get("chuyen_de")), i, a.get("theo_tieu_chuan") or "",
                                a.get("phong_trao") or ""))
    return Profile(
        slug=slug, source=src, body=src.body, folder=folder,
        ho_ten=clean.get("ho_ten") or slug, loai=clean.get("loai") or "ca_nhan",
        don_vi=clean.get("don_vi") or "", chuc_vu=clean.get("chuc_vu") or "",
        linh_vuc=list(clean.get("linh_vuc") or []), trang_thai=clean.get("trang_thai") or "",
        ngay_cong_nhan=clean.get("ngay_cong_nhan"),
        don_vi_de_xuat=clean.get("don_vi_de_xuat") or "", tom_tat=clean.get("tom_tat") or "",
        tieu_chuan=dict(clean.get("tieu_chuan") or {}),
        tieu_chi_doan_the=dict(clean.get("tieu_chi_doan_the") or {}),
        thanh_tich=[Achievement(t["nam"], t["noi_dung"], t.get("xep_loai") or "",
                                _members(t.get("thanh_vien")), i)
                    for i, t in enumerate(clean.get("thanh_tich") or [])
                    if isinstance(t, dict) and t.get("nam") and t.get("noi_dung")],
        khen_thuong=awards,
        viec_tot=[Deed(d["ngay"], d.get("dia_diem") or "", d.get("noi_dung") or "")
                  for d in _items(clean, "viec_tot") if d.get("ngay")],
        phong_trao=list(clean.get("phong_trao") or []),
        mo_hinh=list(clean.get("mo_hinh") or []),
        anh=[ph for i, p in enumerate(clean.get("anh") or []) if (ph := _photo(p, i))],
        # A missing or unreadable consent counts as "no": publishing needs a clear yes.
        dong_y_cong_bo=clean.get("dong_y_cong_bo") is True,
        theo_doi=[FollowUp(t["ngay"], t.get("ghi_chu") or "")
                  for t in _items(clean, "theo_doi") if t.get("ngay")],
        # Any `thu_hoi`, even a malformed one (reported by the schema check), withdraws.
        thu_hoi=Withdrawal(withdrawn.get("ngay"), withdrawn.get("ly_do") or "")
        if isinstance(withdrawn, dict)
        else Withdrawal(None, "") if "thu_hoi" in src.data else None,
        slug_cu=list(clean.get("slug_cu") or []),
        khong_trung_voi=list(clean.get("khong_trung_voi") or []),
    )


def model_from(slug: str, src: Source, clean: dict[str, Any]) -> Model:
    cn = clean.get("cong_nhan")
    return Model(
        slug=slug, source=src, body=src.body, ten=clean.get("ten") or slug,
        loai=clean.get("loai") or "", tac_gia=list(clean.get("tac_gia") or []),
        don_vi=clean.get("don_vi") or "", nam=clean.get("nam") or 0,
        linh_vuc=list(clean.get("linh_vuc") or []), pham_vi=clean.get("pham_vi") or "don_vi",
        cong_nhan=Decision(cn.get("so_quyet_dinh") or "", cn.get("ngay_quyet_dinh"),
                           cn.get("co_quan") or "", cn.get("pham_vi") or "")
        if isinstance(cn, dict) else None,
        tom_tat=clean.get("tom_tat") or "", hieu_qua=clean.get("hieu_qua") or "",
        nhan_rong=[Replication(r["don_vi"], r.get("ngay"), r.get("ghi_chu") or "")
                   for r in _items(clean, "nhan_rong") if r.get("don_vi")],
        phong_trao=list(clean.get("phong_trao") or []),
    )


def campaign_from(slug: str, src: Source, clean: dict[str, Any]) -> Campaign:
    return Campaign(
        slug=slug, source=src, body=src.body, ten=clean.get("ten") or slug,
        cap_phat_dong=clean.get("cap_phat_dong") or "",
        co_quan_phat_dong=clean.get("co_quan_phat_dong") or "",
        tu_ngay=clean.get("tu_ngay"), den_ngay=clean.get("den_ngay"),
        muc_tieu=list(clean.get("muc_tieu") or []), trang_thai=clean.get("trang_thai") or "",
        tom_tat=clean.get("tom_tat") or "",
    )


def _photo(value: Any, index: int = 0) -> Photo | None:
    if not isinstance(value, dict) or not value.get("tep"):
        return None
    return Photo(value["tep"], value.get("mo_ta") or "", value.get("chu_thich") or "",
                 value.get("nguon") or "", index)


def story_from(slug: str, src: Source, clean: dict[str, Any], folder: Path) -> Story:
    return Story(
        slug=slug, source=src, body=src.body, folder=folder,
        tieu_de=clean.get("tieu_de") or slug, ngay=clean.get("ngay"),
        tac_gia=clean.get("tac_gia") or "", tom_tat=clean.get("tom_tat") or "",
        anh_bia=_photo(clean.get("anh_bia")),
        ho_so=list(clean.get("ho_so") or []), phong_trao=list(clean.get("phong_trao") or []),
        mo_hinh=list(clean.get("mo_hinh") or []), slug_cu=list(clean.get("slug_cu") or []),
    )


def page_from(src_uri: str, src: Source, clean: dict[str, Any], url: str) -> ContentPage:
    return ContentPage(slug=src_uri, source=src, body=src.body, url=url,
                       title=clean.get("title") or "", description=clean.get("description") or "")
