"""Reference data edited by staff: units, fields, awards, legal texts, standards, criteria.

Everything that changes with the law or the organisation lives in ``data/*.yml``; this module
turns it into typed, read-only objects and reports mistakes in it like any other file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..media.budget import PhotoBudget, read_budget
from ..problems import Problem
from ..project import is_inside
from ..site.incremental import reusing
from .awards import AwardForm, LawData, LegalText, build_law
from .yamlsrc import Source, format_path, load_yaml_file, read_utf8, refuse_invisible

__all__ = ["AwardForm", "LawData", "LegalText", "ReferenceData", "load_reference"]

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


@dataclass(frozen=True)
class DateBounds:
    """Bounds of every date and year field (``gioi_han_nam``, ``so_nam_toi_da_ve_sau`` in
    data/site.yml), checked by one rule in :mod:`guongsang.load.conform`."""

    years: dict[str, int] = field(default_factory=lambda: {"mac_dinh": 1945})
    """Earliest year by field key; ``mac_dinh`` for every other field."""
    years_ahead: int = 10
    """How far ahead a field that may lie in the future (a campaign's end) may go."""

    def earliest(self, key: str) -> int:
        return self.years.get(key, self.years.get("mac_dinh", 1945))


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
    quan_tri: dict[str, str] = field(default_factory=dict)
    """Settings of the web form at /quan-tri/ (GitHub repository, sign-in service): see
    :mod:`guongsang.editor.decap`. Nothing secret goes here."""
    bounds: DateBounds = field(default_factory=DateBounds)
    embed_hosts: tuple[str, ...] = ()
    """Hosts whose pages a content page may embed (``nhung_duoc_phep``); empty by default."""
    anh_goc: PhotoBudget = field(default_factory=PhotoBudget)
    """The largest source photo accepted (``anh_goc``; see guongsang.media.budget)."""


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
    law: LawData = field(default_factory=LawData)
    """Sources, open questions, principles and rating/scope/level rules (:mod:`.awards`)."""

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
        if src is not None:
            problems.extend(refuse_invisible(src))
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


def _bounds(r: _Reader, data: dict) -> DateBounds:
    years: dict[str, int] = {"mac_dinh": 1945}
    raw = data.get("gioi_han_nam")
    if raw is not None and not isinstance(raw, dict):
        r.fail(("gioi_han_nam",), "`gioi_han_nam` phải là các cặp `ten_truong: năm`.",
               "Ví dụ:\n      gioi_han_nam:\n        mac_dinh: 1945\n        ngay_sinh: 1900")
    for key, year in (raw or {}).items() if isinstance(raw, dict) else ():
        if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 2100:
            r.fail(("gioi_han_nam", key), f"Năm sớm nhất của `{key}` phải là một năm, ví dụ 1945.")
        else:
            years[str(key)] = year
    ahead = data.get("so_nam_toi_da_ve_sau", 10)
    if isinstance(ahead, bool) or not isinstance(ahead, int) or not 0 <= ahead <= 100:
        r.fail(("so_nam_toi_da_ve_sau",), "`so_nam_toi_da_ve_sau` phải là một số năm, ví dụ 10.")
        ahead = 10
    return DateBounds(years, ahead)


def _hosts(r: _Reader, data: dict) -> tuple[str, ...]:
    raw = data.get("nhung_duoc_phep") or []
    ok = isinstance(raw, list) and all(isinstance(h, str) and _HOST.match(h) for h in raw)
    if not ok:
        r.fail(("nhung_duoc_phep",), "`nhung_duoc_phep` phải là danh sách tên máy chủ, "
               "ví dụ www.youtube-nocookie.com (không có https:// hay đường dẫn).")
        return ()
    return tuple(h.lower() for h in raw)


_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]"
                   r"{0,62}[A-Za-z0-9])?)+$")


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
        quan_tri={str(k): str(v) for k, v in (site_data.get("quan_tri") or {}).items()}
        if isinstance(site_data.get("quan_tri"), dict) else {},
        bounds=_bounds(r["site"], site_data),
        embed_hosts=_hosts(r["site"], site_data),
        anh_goc=read_budget(site_data.get("anh_goc"), r["site"].fail),
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

    legal, awards, law = build_law(s["legal"], s["awards"], s["vocab"], vocab,
                                   site.co_quan_viet_tat, problems)

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

    return ReferenceData(site, units, fields, vocab, legal, awards, standards, criteria, law)
