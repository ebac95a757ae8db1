"""Reference data edited by staff: units, fields, awards, legal texts, standards, criteria.

Everything that changes with the law or the organisation lives in ``data/*.yml``; this module
turns it into typed, read-only objects and reports mistakes in it like any other file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..problems import Problem
from ..project import is_inside
from ..site.incremental import reusing
from ..text import parse_date
from .yamlsrc import Source, format_path, load_yaml_file, read_utf8

DATA_FILES = {
    "site": "site.yml",
    "units": "don-vi.yml",
    "fields": "linh-vuc.yml",
    "vocab": "tu-vung.yml",
    "legal": "van-ban-phap-ly.yml",
    "awards": "danh-muc-khen-thuong.yml",
    "standards": "tieu-chuan.yml",
    "criteria": "tieu-chi-doan-the.yml",
}


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary (id shown to editors, label shown to readers)."""

    id: str
    ten: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Unit:
    id: str
    ten: str
    loai: str
    """lanh_dao | phong | trung_tam | doan_the | ben_ngoai"""


@dataclass(frozen=True)
class LegalText:
    id: str
    so_hieu: str
    ten: str
    hieu_luc_tu: date
    hieu_luc_den: date | None
    xac_nhan: bool
    ghi_chu: str = ""

    def in_force(self, day: date) -> bool:
        return self.hieu_luc_tu <= day and (self.hieu_luc_den is None or day <= self.hieu_luc_den)


@dataclass(frozen=True)
class Condition:
    """A prerequisite of an award form, checked against the profile's record."""

    kieu: str
    """cung_nam | lien_tiep | so_lan | sang_kien"""
    hinh_thuc: str = ""
    so_nam: int = 0
    so_lan: int = 0
    pham_vi: str = ""
    muc_do: str = "loi"
    """loi: a broken condition is an error; canh_bao: a warning."""
    ap_dung_tu: date | None = None
    ap_dung_den: date | None = None

    def applies(self, day: date | None) -> bool:
        if day is None:
            return True
        if self.ap_dung_tu and day < self.ap_dung_tu:
            return False
        return not (self.ap_dung_den and day > self.ap_dung_den)


@dataclass(frozen=True)
class AwardForm:
    """A title or commendation from the catalogue."""

    id: str
    ten: str
    loai: str
    doi_tuong: tuple[str, ...]
    cap: str
    co_quan: str
    can_cu: tuple[str, ...]
    xac_nhan: bool
    dieu_kien: tuple[Condition, ...] = ()
    ghi_chu: str = ""


@dataclass(frozen=True)
class Standard:
    id: str
    ten: str
    mo_ta: str


@dataclass(frozen=True)
class Nomination:
    """The nomination target of data/site.yml ``de_cu``: a form's address or an e-mail."""

    href: str
    """``https://…`` or ``mailto:…``."""
    kind: str
    """``url`` or ``email``."""


@dataclass
class Site:
    ten: str
    ten_ngan: str
    mo_ta: str
    co_quan: str
    dia_danh: str
    url: str
    logo: str = ""
    ban_quyen: str = ""
    co_quan_viet_tat: str = ""
    ke_hoach: dict[str, str] = field(default_factory=dict)
    logo_rong: int = 0
    """Width and height of the logo in CSS pixels as shown in the header (0: 24 × 24)."""
    logo_cao: int = 0
    du_lieu_mau: bool = False
    """The site shows sample (fictional) records: the home page says so."""
    noi_bat: str = ""
    """Folder name of the profile the home page features ("" : the newest recognised with a
    photo)."""
    de_cu: Nomination | None = None
    """Where readers send a nomination ("Đề cử một gương người tốt, việc tốt"); no button when
    ``None``."""
    muc_tieu: dict[str, str] = field(default_factory=dict)
    """The plan's aims by indicator id (``ke_hoach.muc_tieu``), shown beside the year's numbers."""
    lines: dict[str, int] = field(default_factory=dict)
    """1-based line of some keys in site.yml (for problems found later, e.g. ``noi_bat``)."""


@dataclass
class ReferenceData:
    """All reference data, looked up by id."""

    site: Site
    units: dict[str, Unit]
    fields: dict[str, Term]
    vocab: dict[str, dict[str, Term]]
    legal: dict[str, LegalText]
    awards: dict[str, AwardForm]
    standards: list[Standard]
    criteria: dict[str, list[Standard]]
    """Specific criteria by mass-organisation unit id."""

    def label(self, vocab: str, key: str) -> str:
        term = self.vocab.get(vocab, {}).get(key)
        return term.ten if term else key

    def choices(self, ref: str) -> list[str]:
        """Valid ids for a reference kind used by the schema (``units``, ``vocab:trang_thai``…)."""
        if ref == "units":
            return list(self.units)
        if ref == "fields":
            return list(self.fields)
        if ref == "awards":
            return list(self.awards)
        if ref == "orgs":
            return [u.id for u in self.units.values() if u.loai != "ben_ngoai"]
        if ref.startswith("vocab:"):
            return list(self.vocab.get(ref[6:], {}))
        raise KeyError(ref)


class _Reader:
    """Small helper that reads typed values out of a Source and records problems."""

    def __init__(self, src: Source, problems: list[Problem]):
        self.src = src
        self.problems = problems

    def fail(self, path: tuple, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.src.file, self.src.line_of(path), format_path(path),
                                     "du-lieu-tham-chieu", message, hint))

    def req(self, obj: dict, path: tuple, key: str, default: Any = "") -> Any:
        if key not in obj or obj[key] in (None, ""):
            self.fail(path + (key,), f"Thiếu trường bắt buộc `{key}`.")
            return default
        return obj[key]

    def day(self, obj: dict, path: tuple, key: str, required: bool) -> date | None:
        raw = obj.get(key)
        if raw in (None, ""):
            if required:
                self.fail(path + (key,), f"Thiếu ngày `{key}`.", f"Ví dụ: {key}: 01/01/2024")
            return None
        value = parse_date(raw)
        if value is None:
            self.fail(path + (key,), f"Ngày \"{raw}\" không hợp lệ.", f"Ví dụ: {key}: 01/01/2024")
        return value

    def items(self, data: Any, path: tuple = ()) -> list[tuple[tuple, dict]]:
        if not isinstance(data, list):
            self.fail(path, "Tệp này phải là một danh sách (mỗi mục bắt đầu bằng `- `).")
            return []
        out = []
        for i, item in enumerate(data):
            if isinstance(item, dict):
                out.append((path + (i,), item))
            else:
                self.fail(path + (i,), "Mỗi mục phải là một nhóm trường `ten_truong: giá trị`.")
        return out


def load_reference(data_dir: Path, root: Path) -> tuple[ReferenceData, list[Problem]]:
    """Read every reference file in ``data_dir``; report problems instead of raising.

    Under the live preview the same object is returned while the files' bytes stay the same
    (checked on every call): records loaded against it can then be reused by
    :mod:`guongsang.load.corpus` between rebuilds.
    """
    if not reusing():
        return _load_reference(data_dir, root)
    key = (str(data_dir.absolute()), str(root.absolute()), _snapshot(data_dir, root))
    if _LAST.get("key") == key:
        ref, problems = _LAST["value"]
        return ref, list(problems)
    ref, problems = _load_reference(data_dir, root)
    _LAST["key"], _LAST["value"] = key, (ref, tuple(problems))
    return ref, problems


_LAST: dict[str, object] = {}


def _snapshot(data_dir: Path, root: Path) -> tuple:
    out = []
    for name in DATA_FILES.values():
        path = data_dir / name
        try:
            out.append((name, path.read_bytes() if is_inside(path, root) else "outside"))
        except OSError as err:
            out.append((name, type(err).__name__))
    return tuple(out)


def _load_reference(data_dir: Path, root: Path) -> tuple[ReferenceData, list[Problem]]:
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    for key, name in DATA_FILES.items():
        path = data_dir / name
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not path.exists():
            problems.append(Problem(rel, 0, "", "du-lieu-tham-chieu",
                                    f"Thiếu tệp dữ liệu tham chiếu `{name}`.",
                                    "Sao chép tệp mẫu từ kho Gương sáng và chỉnh sửa."))
            sources[key] = Source(rel, {} if key in ("site", "vocab", "criteria") else [])  # type: ignore[arg-type]
            continue
        if not is_inside(path, root):
            # Not even read: messages quoting its content would leak a file of the build machine.
            problems.append(Problem(rel, 0, "", "lien-ket-ngoai-kho",
                                    "Tệp là liên kết (symlink) trỏ ra ngoài kho; bị bỏ qua.",
                                    "Chép nội dung thật vào kho thay vì tạo liên kết."))
            text = None
        else:
            text, probs = read_utf8(path, rel)
            problems.extend(probs)
        if text is None:
            sources[key] = Source(rel, {} if key in ("site", "vocab", "criteria") else [])  # type: ignore[arg-type]
            continue
        src, probs = load_yaml_file(text, rel)
        problems.extend(probs)
        sources[key] = src or Source(rel, {})
    ref = _build(sources, problems)
    return ref, problems


def _size(reader: _Reader, data: dict, key: str) -> int:
    """A size in CSS pixels (1 to 512), or 0 when absent or wrong (reported)."""
    raw = data.get(key)
    if raw in (None, ""):
        return 0
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 512:
        reader.fail((key,), f"`{key}` phải là một số nguyên từ 1 đến 512 (điểm ảnh), "
                            f"không phải \"{raw}\".", f"Ví dụ: {key}: 24")
        return 0
    return raw


def _flag(reader: _Reader, data: dict, key: str) -> bool:
    raw = data.get(key, False)
    if raw in (None, ""):
        return False
    if not isinstance(raw, bool):
        reader.fail((key,), f"`{key}` phải là true hoặc false, không phải \"{raw}\".",
                    f"Ví dụ: {key}: true")
        return False
    return raw


_EMAIL = re.compile(r"^[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[^@\s<>\"'()]+$")
_NOMINATION_HINT = ("Ví dụ:\nde_cu:\n  url: https://github.com/to-chuc/guong-sang/issues/new"
                    "?template=de-cu.yml\nhoặc\nde_cu:\n  email: thidua@donvi.gov.vn")


def _nomination(reader: _Reader, raw: Any) -> Nomination | None:
    """``de_cu: {url: https://…}`` or ``de_cu: {email: …}``; anything else is reported."""
    if raw in (None, "", {}):
        return None
    keys = set(raw) if isinstance(raw, dict) else set()
    if not isinstance(raw, dict) or len(keys & {"url", "email"}) != 1 or keys - {"url", "email"}:
        reader.fail(("de_cu",), "`de_cu` phải có đúng một trong hai trường `url` (địa chỉ biểu "
                    "mẫu đề cử) hoặc `email` (hộp thư nhận đề cử).", _NOMINATION_HINT)
        return None
    if "url" in raw:
        url = str(raw["url"] or "").strip()
        if not url.startswith("https://") or any(c in url for c in " <>\"'"):
            reader.fail(("de_cu", "url"), f"Địa chỉ đề cử \"{url}\" phải là một địa chỉ "
                        "https:// đầy đủ.", _NOMINATION_HINT)
            return None
        return Nomination(url, "url")
    email = str(raw["email"] or "").strip()
    if not _EMAIL.match(email):
        reader.fail(("de_cu", "email"), f"Hộp thư đề cử \"{email}\" không đúng dạng.",
                    _NOMINATION_HINT)
        return None
    return Nomination(f"mailto:{email}", "email")


AIMS = ("ty_le_khen_thuong_cap_cao", "doan_the_co_tieu_chi")
"""Indicators the home page can set against an aim of the plan (``ke_hoach.muc_tieu``)."""


def _aims(reader: _Reader, plan: dict) -> dict[str, str]:
    raw = plan.get("muc_tieu")
    if raw in (None, ""):
        return {}
    if not isinstance(raw, dict):
        reader.fail(("ke_hoach", "muc_tieu"), "`muc_tieu` phải là các dòng `chỉ_số: mục tiêu`.",
                    f"Ví dụ:\n  muc_tieu:\n    {AIMS[0]}: Nâng tỷ lệ khen thưởng cấp tỉnh")
        return {}
    out = {}
    for key, text in raw.items():
        if key not in AIMS:
            reader.fail(("ke_hoach", "muc_tieu", key), f"Chỉ số \"{key}\" không có.",
                        "Dùng một trong: " + ", ".join(AIMS) + ".")
        elif text:
            out[key] = str(text)
    return out


def _build(s: dict[str, Source], problems: list[Problem]) -> ReferenceData:
    r = {k: _Reader(v, problems) for k, v in s.items()}

    site_data = s["site"].data if isinstance(s["site"].data, dict) else {}
    site = Site(
        ten=str(r["site"].req(site_data, (), "ten", "Gương sáng")),
        ten_ngan=str(site_data.get("ten_ngan") or site_data.get("ten") or "Gương sáng"),
        mo_ta=str(site_data.get("mo_ta", "")),
        co_quan=str(r["site"].req(site_data, (), "co_quan")),
        dia_danh=str(site_data.get("dia_danh", "")),
        url=str(r["site"].req(site_data, (), "url", "https://example.org/")),
        logo=str(site_data.get("logo", "")),
        ban_quyen=str(site_data.get("ban_quyen", "")),
        co_quan_viet_tat=str(site_data.get("co_quan_viet_tat", "")),
        ke_hoach=dict(site_data.get("ke_hoach") or {}),
        logo_rong=_size(r["site"], site_data, "logo_rong"),
        logo_cao=_size(r["site"], site_data, "logo_cao"),
        du_lieu_mau=_flag(r["site"], site_data, "du_lieu_mau"),
        noi_bat=str(site_data.get("noi_bat") or "").strip(),
        de_cu=_nomination(r["site"], site_data.get("de_cu")),
        muc_tieu=_aims(r["site"], (site_data.get("ke_hoach") or {}) if isinstance(
            site_data.get("ke_hoach"), dict) else {}),
        lines={k: s["site"].line_of((k,)) for k in ("noi_bat", "de_cu") if k in site_data},
    )

    units = {}
    for path, item in r["units"].items(s["units"].data):
        uid = str(r["units"].req(item, path, "id"))
        units[uid] = Unit(uid, str(r["units"].req(item, path, "ten")), str(item.get("loai", "phong")))

    fields = {}
    for path, item in r["fields"].items(s["fields"].data):
        fid = str(r["fields"].req(item, path, "id"))
        fields[fid] = Term(fid, str(r["fields"].req(item, path, "ten")))

    vocab: dict[str, dict[str, Term]] = {}
    vdata = s["vocab"].data if isinstance(s["vocab"].data, dict) else {}
    for name, entries in vdata.items():
        vocab[name] = {}
        for path, item in r["vocab"].items(entries, (name,)):
            tid = str(r["vocab"].req(item, path, "id"))
            rest = {k: v for k, v in item.items() if k not in ("id", "ten")}
            vocab[name][tid] = Term(tid, str(r["vocab"].req(item, path, "ten")), rest)

    legal = {}
    for path, item in r["legal"].items(s["legal"].data):
        lid = str(r["legal"].req(item, path, "id"))
        legal[lid] = LegalText(
            lid, str(r["legal"].req(item, path, "so_hieu")), str(r["legal"].req(item, path, "ten")),
            r["legal"].day(item, path, "hieu_luc_tu", True) or date.min,
            r["legal"].day(item, path, "hieu_luc_den", False),
            bool(item.get("xac_nhan", False)), str(item.get("ghi_chu", "")))

    awards = {}
    ra = r["awards"]
    for path, item in ra.items(s["awards"].data):
        aid = str(ra.req(item, path, "id"))
        conds = []
        for cpath, c in ra.items(item.get("dieu_kien") or [], path + ("dieu_kien",)):
            kieu = str(ra.req(c, cpath, "kieu"))
            if kieu not in ("cung_nam", "lien_tiep", "so_lan", "sang_kien"):
                ra.fail(cpath + ("kieu",), f"Kiểu điều kiện \"{kieu}\" không được hỗ trợ.",
                        "Dùng một trong: cung_nam, lien_tiep, so_lan, sang_kien.")
            conds.append(Condition(
                kieu, str(c.get("hinh_thuc", "")), int(c.get("so_nam", 0) or 0),
                int(c.get("so_lan", 0) or 0), str(c.get("pham_vi", "")),
                str(c.get("muc_do", "loi")),
                ra.day(c, cpath, "ap_dung_tu", False), ra.day(c, cpath, "ap_dung_den", False)))
        doi_tuong = item.get("doi_tuong") or ["ca_nhan"]
        awards[aid] = AwardForm(
            aid, str(ra.req(item, path, "ten")), str(item.get("loai", "hinh_thuc")),
            tuple(doi_tuong if isinstance(doi_tuong, list) else [doi_tuong]),
            str(ra.req(item, path, "cap")), str(item.get("co_quan", "")),
            tuple(item.get("can_cu") or ()), bool(item.get("xac_nhan", False)), tuple(conds),
            str(item.get("ghi_chu", "")))
    # Cross-checks inside the catalogue: every reference must resolve.
    for i, (aid, form) in enumerate(awards.items()):
        for lid in form.can_cu:
            if lid not in legal:
                ra.fail((i, "can_cu"), f"Căn cứ \"{lid}\" không có trong van-ban-phap-ly.yml.")
        for j, cond in enumerate(form.dieu_kien):
            if cond.hinh_thuc and cond.hinh_thuc not in awards:
                ra.fail((i, "dieu_kien", j, "hinh_thuc"),
                        f"Điều kiện nhắc tới hình thức \"{cond.hinh_thuc}\" không có trong danh mục.")

    standards = [Standard(str(r["standards"].req(it, p, "id")), str(r["standards"].req(it, p, "ten")),
                          str(it.get("mo_ta", "")))
                 for p, it in r["standards"].items(s["standards"].data)]

    criteria: dict[str, list[Standard]] = {}
    cdata = s["criteria"].data if isinstance(s["criteria"].data, dict) else {}
    for org, entries in cdata.items():
        if org not in units:
            r["criteria"].fail((org,), f"Đoàn thể \"{org}\" không có trong don-vi.yml.")
        criteria[org] = [Standard(str(r["criteria"].req(it, p, "id")), str(r["criteria"].req(it, p, "ten")),
                                  str(it.get("mo_ta", "")))
                         for p, it in r["criteria"].items(entries, (org,))]

    return ReferenceData(site, units, fields, vocab, legal, awards, standards, criteria)
