"""The law as data: legal texts, sources, open questions, award forms and their condition sets.

Read from ``data/van-ban-phap-ly.yml`` and ``data/danh-muc-khen-thuong.yml`` (plus the rating,
scope and level vocabularies of ``data/tu-vung.yml``) into frozen, typed objects. Every mistake an
editor can make in those files -- a wrong type, a missing or negative number, an unknown form or
source id, a requirement without its article, a parameter that its kind does not take -- becomes a
Vietnamese :class:`~guongsang.problems.Problem` with the file and the real line, never an
exception. A requirement whose parameters are unusable is kept (marked ``broken``) so that the
checks can say it was not evaluated; it is never dropped silently.

The requirement kinds and their parameters are declared once, in :data:`KINDS`: the reader
validates against them, the editor guide lists them and the evaluators in
:mod:`guongsang.rules.legal.kinds` implement exactly these ids (a test keeps the two in step).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..problems import Problem
from ..text import parse_date
from .yamlsrc import Path_, Source, format_path

RULE = "du-lieu-tham-chieu"
LEGAL_FILE = "data/van-ban-phap-ly.yml"
AWARDS_FILE = "data/danh-muc-khen-thuong.yml"

MEMBER_FIELDS = {
    "hoan_thanh_nhiem_vu": "thành viên hoàn thành nhiệm vụ",
    "lao_dong_tien_tien": "thành viên đạt \"Lao động tiên tiến\"",
    "chien_si_thi_dua_co_so": "thành viên đạt \"Chiến sĩ thi đua cơ sở\"",
    "ky_luat": "thành viên bị kỷ luật từ hình thức cảnh cáo trở lên",
}
"""Counts a collective records per year in ``thanh_tich[].thanh_vien`` (besides ``tong_so``)."""


# -- requirement kinds ------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """One parameter of a requirement kind."""

    key: str
    type: str
    """int | percent | bool | award | awards | rating | scope | model_kinds | campaign_levels
    | member_field"""
    label: str
    required: bool = False
    default: Any = None
    minimum: int = 0


@dataclass(frozen=True)
class KindSpec:
    """A kind of requirement: its parameters, as editors write them in the catalogue."""

    id: str
    label: str
    params: tuple[Param, ...] = ()
    one_of: tuple[str, ...] = ()
    """Exactly one of these parameters must be given."""
    group: bool = False
    """Has ``lua_chon`` (sub-requirements)."""
    needs_text: bool = False
    """Needs ``mo_ta`` (what the council judges)."""


_AWARD = Param("hinh_thuc", "award", "id danh hiệu, hình thức trong danh mục", required=True)
_WINDOW = Param("so_nam", "int", "số năm liên tục, kết thúc ở năm xét", default=1, minimum=1)
_SAME_TIME = Param("cung_thoi_gian", "bool",
                   "tính trong thời gian của yêu cầu đứng trước trong cùng nhóm (\"trong thời "
                   "gian đó\")", default=False)

KINDS: dict[str, KindSpec] = {k.id: k for k in (
    KindSpec("danh_hieu_cung_nam", "Có danh hiệu khác trong cùng năm", (
        _AWARD,
        Param("dat_tieu_chuan", "bool", "chỉ cần đạt tiêu chuẩn của danh hiệu đó (không cần "
              "quyết định)", default=False),
    )),
    KindSpec("xep_loai", "Xếp loại từ một mức trở lên trong năm xét, hoặc trong mỗi năm của "
             "một số năm liên tục", (
        Param("muc", "rating", "mức xếp loại thấp nhất (id trong xep_loai)", required=True),
        _WINDOW,
        Param("it_nhat", "int", "số năm tối thiểu đạt mức trong các năm đó (mặc định: tất cả)",
              minimum=1),
        _SAME_TIME,
    )),
    KindSpec("lien_tiep", "Có một danh hiệu N lần liên tục (năm liền năm với danh hiệu hằng "
             "năm; không quá một chu kỳ với danh hiệu theo chu kỳ)", (
        _AWARD,
        Param("so_lan", "int", "số lần liên tục", required=True, minimum=1),
        Param("tre_toi_da", "int", "lần cuối có thể sớm hơn năm xét tối đa bấy nhiêu năm",
              default=0),
        Param("dung_lai", "bool", "được dùng lại các lần đã làm căn cứ cho lần trước của chính "
              "hình thức đang xét", default=True),
    )),
    KindSpec("so_lan", "Có một danh hiệu ít nhất N lần (không cần liên tục), trong một số năm", (
        _AWARD,
        Param("so_lan", "int", "số lần tối thiểu", required=True, minimum=1),
        Param("so_nam", "int", "chỉ tính trong bấy nhiêu năm gần nhất (mặc định: mọi năm)",
              minimum=1),
        _SAME_TIME,
    )),
    KindSpec("da_co", "Đã được tặng một hình thức trước đó", (
        _AWARD,
        Param("cach_it_nhat", "int", "năm của hình thức đó sớm hơn năm xét ít nhất bấy nhiêu năm",
              default=0),
        Param("trong_vong", "int", "và không sớm hơn năm xét quá bấy nhiêu năm", minimum=0),
    )),
    KindSpec("sang_kien", "K sáng kiến (hoặc đề tài) phạm vi từ S trở lên, có hồ sơ là tác giả, "
             "được công nhận trước hoặc cùng ngày quyết định", (
        Param("so_luong", "int", "số sáng kiến tối thiểu", required=True, minimum=1),
        Param("pham_vi", "scope", "phạm vi ảnh hưởng tối thiểu (id trong pham_vi)", required=True),
        Param("loai_mo_hinh", "model_kinds", "các loại được tính (id trong loai_mo_hinh)",
              required=True),
        _WINDOW,
        _SAME_TIME,
        Param("khong_tinh_lai", "awards", "không tính sáng kiến đã làm căn cứ cho các hình thức "
              "này", default=()),
    )),
    KindSpec("thanh_phan", "Thành phần của tập thể trong năm xét (theo `thanh_vien`)", (
        Param("chi_so", "member_field", "chỉ số: " + ", ".join(MEMBER_FIELDS), required=True),
        Param("ty_le_toi_thieu", "percent", "tỷ lệ tối thiểu (%) trên tổng số thành viên"),
        Param("ty_le_tren", "percent", "tỷ lệ phải vượt (%) trên tổng số thành viên"),
        Param("so_toi_thieu", "int", "số người tối thiểu"),
        Param("so_toi_da", "int", "số người tối đa"),
    ), one_of=("ty_le_toi_thieu", "ty_le_tren", "so_toi_thieu", "so_toi_da")),
    KindSpec("phong_trao", "Quyết định khen gắn với một phong trào thi đua do cấp nhất định "
             "phát động (`khen_thuong[].phong_trao`)", (
        Param("cap_phat_dong", "campaign_levels", "các cấp phát động được tính (id trong "
              "cap_phat_dong)", required=True),
    )),
    KindSpec("tham_dinh", "Tiêu chuẩn do hội đồng thẩm định, không kiểm tra tự động được "
             "(đạt khi quyết định ghi `theo_tieu_chuan`)", needs_text=True),
    KindSpec("mot_trong", "Đạt một trong các yêu cầu con (`lua_chon`)", group=True),
    KindSpec("tat_ca", "Đạt tất cả các yêu cầu con (`lua_chon`)", group=True),
)}

COMMON_KEYS = ("id", "kieu", "dieu", "van_ban", "nguon", "xac_nhan", "muc_do", "mo_ta", "ghi_chu",
               "cau_hoi_mo", "lua_chon")
LEVELS = ("loi", "canh_bao")
_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


# -- typed objects ----------------------------------------------------------------------------

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


# -- reading ----------------------------------------------------------------------------------

def _kind_of(value: Any) -> str:
    """How a wrong value reads to an editor (never a Python type name)."""
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm trường con"
    shown = str(value)
    return f"\"{shown[:40]}…\"" if len(shown) > 40 else f"\"{shown}\""


class Reader:
    """Typed values out of one parsed data file; every mistake becomes a problem."""

    def __init__(self, src: Source, problems: list[Problem]):
        self.src = src
        self.problems = problems

    def line(self, path: Path_) -> int:
        return self.src.line_of(path)

    def fail(self, path: Path_, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.src.file, self.src.line_of(path), format_path(path),
                                     RULE, message, hint))

    def items(self, data: Any, path: Path_, what: str) -> list[tuple[Path_, dict]]:
        if data is None:
            return []
        name = next((str(p) for p in reversed(path) if isinstance(p, str)), what)
        if not isinstance(data, list):
            self.fail(path, f"`{name}` phải là một danh sách (mỗi mục bắt đầu bằng `- `), không "
                            f"phải {_kind_of(data)}.")
            return []
        out = []
        for i, item in enumerate(data):
            if isinstance(item, dict):
                out.append((path + (i,), item))
            else:
                self.fail(path + (i,), f"Mỗi mục của `{name}` phải là một nhóm trường "
                                       f"`ten_truong: giá trị`, không phải {_kind_of(item)}.")
        return out

    def text(self, obj: dict, path: Path_, key: str, required: bool = False,
             hint: str = "") -> str:
        value = obj.get(key)
        if value is None or value == "":
            if required:
                self.fail(path + (key,), f"Thiếu trường bắt buộc `{key}`.", hint)
            return ""
        if isinstance(value, (dict, list, bool)):
            self.fail(path + (key,), f"`{key}` phải là một đoạn chữ, không phải "
                                     f"{_kind_of(value)}.", hint)
            return ""
        return str(value).strip()

    def ident(self, obj: dict, path: Path_, key: str = "id") -> str:
        value = self.text(obj, path, key, True, f"Ví dụ: {key}: chien-si-thi-dua-co-so")
        if value and not _ID_RE.match(value):
            self.fail(path + (key,), f"Mã \"{value}\" chỉ được gồm chữ thường không dấu, số và "
                                     "dấu gạch nối.", f"Ví dụ: {key}: chien-si-thi-dua-co-so")
        return value

    def boolean(self, obj: dict, path: Path_, key: str, default: bool | None = None) -> bool:
        value = obj.get(key)
        if value is None:
            if default is None:
                self.fail(path + (key,), f"Thiếu trường bắt buộc `{key}` (true hoặc false).",
                          f"Ví dụ: {key}: false")
                return False
            return default
        if not isinstance(value, bool):
            self.fail(path + (key,), f"`{key}` phải là true hoặc false, không phải "
                                     f"{_kind_of(value)}.", f"Ví dụ: {key}: false")
            return bool(default)
        return value

    def integer(self, obj: dict, path: Path_, key: str, minimum: int = 0,
                default: int | None = None) -> int | None:
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path + (key,), f"`{key}` phải là một số nguyên, không phải "
                                     f"{_kind_of(value)}.", f"Ví dụ: {key}: {max(minimum, 1)}")
            return None
        if value < minimum:
            self.fail(path + (key,), f"`{key}` phải từ {minimum} trở lên, không phải {value}.",
                      f"Ví dụ: {key}: {max(minimum, 1)}")
            return None
        return value

    def day(self, obj: dict, path: Path_, key: str, required: bool) -> date | None:
        raw = obj.get(key)
        if raw in (None, ""):
            if required:
                self.fail(path + (key,), f"Thiếu ngày `{key}`.", f"Ví dụ: {key}: 01/01/2024")
            return None
        value = parse_date(raw) if isinstance(raw, (str, date)) else None
        if value is None:
            self.fail(path + (key,), f"Ngày {_kind_of(raw)} không hợp lệ.",
                      f"Ví dụ: {key}: 01/01/2024")
        return value

    def id_list(self, obj: dict, path: Path_, key: str, required: bool = False) -> tuple[str, ...]:
        value = obj.get(key)
        if value is None or value == []:
            if required:
                self.fail(path + (key,), f"Thiếu trường bắt buộc `{key}` (một danh sách mã).",
                          f"Ví dụ: {key}: [s2]")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(path + (key,), f"`{key}` phải là một danh sách mã, không phải "
                                     f"{_kind_of(value)}.", f"Ví dụ: {key}: [s2]")
            return ()
        return tuple(v.strip() for v in value)

    def unknown_keys(self, obj: dict, path: Path_, allowed: tuple[str, ...], what: str) -> None:
        import difflib
        for key in obj:
            if key in allowed:
                continue
            name = str(key)
            guess = difflib.get_close_matches(name, list(allowed), n=1, cutoff=0.5)
            self.fail(path + (name,), f"Trường `{name}` không dùng cho {what}."
                      + (f" Có phải ý bạn là `{guess[0]}`?" if guess else ""),
                      "Các trường được dùng: " + ", ".join(f"`{k}`" for k in allowed) + ".")


def vocab_ids(vocab: dict, name: str) -> list[str]:
    return list(vocab.get(name, {}))


def build_law(legal_src: Source, awards_src: Source, vocab_src: Source,
              vocab: dict, unit_code: str,
              problems: list[Problem]) -> tuple[dict[str, LegalText], dict[str, AwardForm], LawData]:
    """Read legal texts, sources, open questions, principles and the award catalogue."""
    law = LawData()
    _read_vocab(Reader(vocab_src, problems), vocab, unit_code, law)
    rl = Reader(legal_src, problems)
    data = legal_src.data
    if isinstance(data, list):  # the older shape: a bare list of texts
        data = {"van_ban": data}
    if not isinstance(data, dict):
        rl.fail((), "Tệp phải là một nhóm trường: `van_ban`, `nguon`, `nguyen_tac`, `cau_hoi_mo`.")
        data = {}
    rl.unknown_keys(data, (), ("van_ban", "nguon", "nguyen_tac", "cau_hoi_mo"), "tệp này")
    law.sources = _read_sources(rl, data.get("nguon"), vocab)
    legal = _read_texts(rl, data.get("van_ban"), vocab, law)
    law.questions = _read_questions(rl, data.get("cau_hoi_mo"), law)
    law.principles = _read_principles(rl, data.get("nguyen_tac"), legal, law)
    awards = _read_forms(Reader(awards_src, problems), awards_src.data, vocab, legal, law)
    return legal, awards, law


def _read_vocab(r: Reader, vocab: dict, unit_code: str, law: LawData) -> None:
    """Ranks of ratings and scopes, and what a decision of each level looks like."""
    for name, target in (("xep_loai", law.rating_rank), ("pham_vi", law.scope_rank)):
        for i, (key, term) in enumerate(vocab.get(name, {}).items()):
            rank = term.extra.get("bac")
            if isinstance(rank, bool) or not isinstance(rank, int) or rank < 0:
                r.fail((name, i, "bac"), f"Mục \"{key}\" của `{name}` cần `bac`: một số nguyên "
                                         f"không âm (thứ bậc), không phải {_kind_of(rank)}.",
                       f"Ví dụ: - {{id: {key}, ten: {term.ten}, bac: 3}}")
                continue
            target[key] = rank
    for i, (key, term) in enumerate(vocab.get("cap_khen_thuong", {}).items()):
        lists = []
        for attr in ("ky_hieu", "co_quan"):
            value = term.extra.get(attr) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                r.fail(("cap_khen_thuong", i, attr),
                       f"`{attr}` của cấp \"{key}\" phải là một danh sách chữ, không phải "
                       f"{_kind_of(value)}.", f"Ví dụ: {attr}: [UBND]")
                value = []
            lists.append(tuple(v.replace("{co_quan_viet_tat}", unit_code) for v in value if v))
        law.levels[key] = LevelRule(lists[0], lists[1])


def _read_sources(r: Reader, data: Any, vocab: dict) -> dict[str, Citation]:
    out: dict[str, Citation] = {}
    trust = vocab_ids(vocab, "do_tin_cay")
    for path, item in r.items(data, ("nguon",), "nguon"):
        r.unknown_keys(item, path, ("id", "ten", "url", "do_tin_cay"), "một nguồn")
        sid = r.ident(item, path)
        url = r.text(item, path, "url", True, "Ví dụ: url: https://baochinhphu.vn/…")
        if url and not url.startswith(("https://", "http://")):
            r.fail(path + ("url",), f"Địa chỉ nguồn \"{url}\" phải bắt đầu bằng https:// hoặc http://.")
        level = r.text(item, path, "do_tin_cay", True, "Ví dụ: do_tin_cay: hoi_dap_chinh_thuc")
        if level and trust and level not in trust:
            r.fail(path + ("do_tin_cay",), f"Độ tin cậy \"{level}\" không có trong tu-vung.yml "
                                           "(do_tin_cay).", "Dùng một trong: " + ", ".join(trust))
        if sid in out:
            r.fail(path + ("id",), f"Mã nguồn \"{sid}\" bị trùng.")
        elif sid:
            out[sid] = Citation(sid, r.text(item, path, "ten", True), url, level)
    return out


def _check_sources(r: Reader, path: Path_, ids: tuple[str, ...], law: LawData) -> None:
    for i, sid in enumerate(ids):
        if sid not in law.sources:
            r.fail(path + ("nguon", i), f"Nguồn \"{sid}\" không có trong mục `nguon` của "
                                        "data/van-ban-phap-ly.yml.",
                   "Thêm nguồn (id, ten, url, do_tin_cay) hoặc sửa mã.")


def _read_texts(r: Reader, data: Any, vocab: dict, law: LawData) -> dict[str, LegalText]:
    out: dict[str, LegalText] = {}
    paths: dict[str, Path_] = {}
    kinds = vocab_ids(vocab, "loai_van_ban") or ["luat", "nghi_dinh"]
    keys = ("id", "so_hieu", "ten", "ten_ngan", "loai", "huong_dan", "sua_doi", "ngay_ky",
            "hieu_luc_tu", "hieu_luc_den", "xac_nhan", "nguon", "ghi_chu")
    for path, item in r.items(data, ("van_ban",), "van_ban"):
        r.unknown_keys(item, path, keys, "một văn bản")
        lid = r.ident(item, path)
        kind = r.text(item, path, "loai", True, "Ví dụ: loai: nghi_dinh")
        if kind and kind not in kinds:
            r.fail(path + ("loai",), f"Loại văn bản \"{kind}\" không có trong tu-vung.yml "
                                     "(loai_van_ban).", "Dùng một trong: " + ", ".join(kinds))
        # A text without a usable first day is never in force: it cannot fill a gap.
        start = r.day(item, path, "hieu_luc_tu", True) or date.max
        end = r.day(item, path, "hieu_luc_den", False)
        if end and start != date.max and end < start:
            r.fail(path + ("hieu_luc_den",), "Ngày hết hiệu lực đứng trước ngày có hiệu lực.")
            end = None
        nguon = r.id_list(item, path, "nguon", True)
        _check_sources(r, path, nguon, law)
        if lid in out:
            r.fail(path + ("id",), f"Mã văn bản \"{lid}\" bị trùng.")
            continue
        if not lid:
            continue
        paths[lid] = path
        out[lid] = LegalText(
            lid, r.text(item, path, "so_hieu", True, "Ví dụ: so_hieu: 152/2025/NĐ-CP"),
            r.text(item, path, "ten", True), start, end, r.boolean(item, path, "xac_nhan"),
            r.text(item, path, "ghi_chu"), r.text(item, path, "ten_ngan"), kind or "luat",
            r.day(item, path, "ngay_ky", False), r.text(item, path, "huong_dan"),
            r.text(item, path, "sua_doi"), nguon)
    for lid, text in out.items():
        for key in ("huong_dan", "sua_doi"):
            target = getattr(text, key)
            if target and (target not in out or out[target].loai != "luat"):
                r.fail(paths[lid] + (key,), f"`{key}` phải là id của một luật trong tệp này; "
                                            f"\"{target}\" không phải.")
    return out


def _read_questions(r: Reader, data: Any, law: LawData) -> dict[str, OpenQuestion]:
    out: dict[str, OpenQuestion] = {}
    for path, item in r.items(data, ("cau_hoi_mo",), "cau_hoi_mo"):
        r.unknown_keys(item, path, ("id", "cau_hoi", "tham_so", "gia_tri", "mac_dinh", "nguon",
                                    "gui"), "một câu hỏi mở")
        qid = r.ident(item, path)
        param = r.text(item, path, "tham_so", True, "Ví dụ: tham_so: dung_lai")
        if "gia_tri" not in item or item["gia_tri"] is None:
            r.fail(path + ("gia_tri",), "Thiếu trường bắt buộc `gia_tri` (giá trị mặc định).",
                   "Ví dụ: gia_tri: false")
        nguon = r.id_list(item, path, "nguon")
        _check_sources(r, path, nguon, law)
        if qid:
            out[qid] = OpenQuestion(qid, r.text(item, path, "cau_hoi", True), param,
                                    item.get("gia_tri"), r.text(item, path, "mac_dinh", True),
                                    nguon, r.text(item, path, "gui"))
    return out


def _read_principles(r: Reader, data: Any, legal: dict[str, LegalText],
                     law: LawData) -> list[Principle]:
    out = []
    for path, item in r.items(data, ("nguyen_tac",), "nguyen_tac"):
        r.unknown_keys(item, path, ("id", "noi_dung", "dieu", "van_ban", "nguon", "xac_nhan"),
                       "một nguyên tắc")
        text_id = r.text(item, path, "van_ban", True)
        if text_id and text_id not in legal:
            r.fail(path + ("van_ban",), f"Văn bản \"{text_id}\" không có trong mục `van_ban`.")
        nguon = r.id_list(item, path, "nguon", True)
        _check_sources(r, path, nguon, law)
        out.append(Principle(r.ident(item, path), r.text(item, path, "noi_dung", True),
                             r.text(item, path, "dieu", True), text_id, nguon,
                             r.boolean(item, path, "xac_nhan")))
    return out


# -- the catalogue ----------------------------------------------------------------------------

_FORM_KEYS = ("id", "ten", "loai", "doi_tuong", "cap", "co_quan", "chu_ky", "lap_lai_trong_nam",
              "ky_hieu_quyet_dinh", "xac_nhan", "ghi_chu", "dieu_kien")


def _read_forms(r: Reader, data: Any, vocab: dict, legal: dict[str, LegalText],
                law: LawData) -> dict[str, AwardForm]:
    forms: dict[str, AwardForm] = {}
    raw_sets: list[tuple[str, Path_, dict]] = []
    profile_kinds = vocab_ids(vocab, "loai_ho_so") or ["ca_nhan", "tap_the", "gia_dinh"]
    levels = vocab_ids(vocab, "cap_khen_thuong")
    form_kinds = vocab_ids(vocab, "loai_khen_thuong") or ["danh_hieu", "hinh_thuc"]
    for path, item in r.items(data if data != {} else [], (), "danh mục"):
        r.unknown_keys(item, path, _FORM_KEYS, "một danh hiệu, hình thức")
        fid = r.ident(item, path)
        kind = r.text(item, path, "loai", True, "Ví dụ: loai: danh_hieu")
        if kind and kind not in form_kinds:
            r.fail(path + ("loai",), f"Loại \"{kind}\" không có trong tu-vung.yml "
                                     "(loai_khen_thuong).", "Dùng một trong: " + ", ".join(form_kinds))
        who = r.id_list(item, path, "doi_tuong", True)
        for i, w in enumerate(who):
            if w not in profile_kinds:
                r.fail(path + ("doi_tuong", i), f"Đối tượng \"{w}\" không có trong tu-vung.yml "
                                                "(loai_ho_so).", "Dùng: " + ", ".join(profile_kinds))
        level = r.text(item, path, "cap", True, "Ví dụ: cap: co_so")
        if level and levels and level not in levels:
            r.fail(path + ("cap",), f"Cấp \"{level}\" không có trong tu-vung.yml "
                                    "(cap_khen_thuong).", "Dùng một trong: " + ", ".join(levels))
        if fid in forms:
            r.fail(path + ("id",), f"Mã \"{fid}\" bị trùng trong danh mục.")
            continue
        if not fid:
            continue
        for i, set_item in r.items(item.get("dieu_kien"), path + ("dieu_kien",), "dieu_kien"):
            raw_sets.append((fid, i, set_item))
        forms[fid] = AwardForm(
            fid, r.text(item, path, "ten", True), kind or "hinh_thuc",
            tuple(w for w in who if w in profile_kinds) or ("ca_nhan",), level,
            r.text(item, path, "co_quan"), r.boolean(item, path, "xac_nhan"), (),
            r.text(item, path, "ghi_chu"), r.integer(item, path, "chu_ky", 1, 1) or 1,
            r.boolean(item, path, "lap_lai_trong_nam", False),
            r.id_list(item, path, "ky_hieu_quyet_dinh"))
    # Condition sets are read once every form id is known (requirements name other forms).
    sets: dict[str, list[ConditionSet]] = {}
    for fid, path, item in raw_sets:
        cset = _read_set(r, fid, path, item, forms, vocab, legal, law)
        if cset is None:
            continue
        for other in sets.get(fid, []):
            if other.luat == cset.luat and (not other.doi_tuong or not cset.doi_tuong
                                            or set(other.doi_tuong) & set(cset.doi_tuong)):
                r.fail(path + ("luat",), f"\"{fid}\" đã có một bộ điều kiện theo \"{cset.luat}\" "
                                         "cho cùng đối tượng.",
                       "Gộp hai bộ, hoặc ghi `doi_tuong` khác nhau cho mỗi bộ.")
        sets.setdefault(fid, []).append(cset)
    for fid, found in sets.items():
        old = forms[fid]
        forms[fid] = AwardForm(old.id, old.ten, old.loai, old.doi_tuong, old.cap, old.co_quan,
                               old.xac_nhan, tuple(found), old.ghi_chu, old.chu_ky,
                               old.lap_lai_trong_nam, old.ky_hieu_quyet_dinh)
    return forms


def _read_set(r: Reader, fid: str, path: Path_, item: dict, forms: dict[str, AwardForm],
              vocab: dict, legal: dict[str, LegalText], law: LawData) -> ConditionSet | None:
    r.unknown_keys(item, path, ("luat", "doi_tuong", "yeu_cau", "ghi_chu"), "một bộ điều kiện")
    luat = r.text(item, path, "luat", True, "Ví dụ: luat: luat-tdkt-2022")
    if luat and (luat not in legal or legal[luat].loai != "luat"):
        r.fail(path + ("luat",), f"\"{luat}\" không phải id của một luật trong "
                                 "data/van-ban-phap-ly.yml.", "Ví dụ: luat: luat-tdkt-2022")
        return None
    if not luat:
        return None
    who = r.id_list(item, path, "doi_tuong")
    for i, w in enumerate(who):
        if w not in forms[fid].doi_tuong:
            r.fail(path + ("doi_tuong", i), f"\"{fid}\" không dành cho đối tượng \"{w}\".")
    ctx = _SetContext(r, fid, luat, forms, vocab, legal, law)
    reqs = []
    seen: dict[str, int] = {}
    for rpath, ritem in r.items(item.get("yeu_cau"), path + ("yeu_cau",), "yeu_cau"):
        req = ctx.requirement(rpath, ritem, None)
        for sub in req.walk():
            if sub.id in seen:
                r.fail(rpath, f"Mã yêu cầu \"{sub.id}\" bị trùng trong bộ điều kiện (dòng "
                              f"{seen[sub.id]}).", "Mỗi yêu cầu, kể cả yêu cầu con, cần mã riêng.")
            seen[sub.id] = sub.line
        reqs.append(req)
    if not reqs:
        r.fail(path + ("yeu_cau",), f"Bộ điều kiện của \"{fid}\" theo \"{luat}\" không có yêu cầu "
                                    "nào.", "Nếu chưa rõ tiêu chuẩn, ghi một yêu cầu "
                                    "`kieu: tham_dinh` với `mo_ta` và `xac_nhan: false`.")
    return ConditionSet(fid, luat, tuple(reqs), who, r.text(item, path, "ghi_chu"))


@dataclass
class _SetContext:
    r: Reader
    form: str
    luat: str
    forms: dict[str, AwardForm]
    vocab: dict
    legal: dict[str, LegalText]
    law: LawData

    def requirement(self, path: Path_, item: dict, parent: Requirement | None) -> Requirement:
        r = self.r
        broken = False
        kind = r.text(item, path, "kieu", True, "Ví dụ: kieu: xep_loai")
        spec = KINDS.get(kind)
        if kind and spec is None:
            r.fail(path + ("kieu",), f"Kiểu điều kiện \"{kind}\" không được hỗ trợ.",
                   "Dùng một trong: " + ", ".join(KINDS) + ".")
        if spec is None:
            broken = True
        allowed = COMMON_KEYS + tuple(p.key for p in spec.params) if spec else COMMON_KEYS
        if spec is not None:
            r.unknown_keys(item, path, allowed, f"kiểu điều kiện `{kind}`")
        rid = r.ident(item, path)
        top = parent is None
        dieu = (r.text(item, path, "dieu", top, "Ví dụ: dieu: Điều 23 khoản 2")
                or (parent.dieu if parent else ""))
        van_ban = r.text(item, path, "van_ban") or (parent.van_ban if parent else self.luat)
        if van_ban not in self.legal:
            r.fail(path + ("van_ban",), f"Văn bản \"{van_ban}\" không có trong "
                                        "data/van-ban-phap-ly.yml.")
        nguon = r.id_list(item, path, "nguon", top)
        _check_sources(r, path, nguon, self.law)
        # A missing confirmation never blocks publishing; a missing level only warns.
        xac_nhan = r.boolean(item, path, "xac_nhan", None if parent is None else parent.xac_nhan)
        level = r.text(item, path, "muc_do", top, "Ví dụ: muc_do: loi")
        if level and level not in LEVELS:
            r.fail(path + ("muc_do",), f"Mức \"{level}\" không hợp lệ.", "Dùng loi hoặc canh_bao.")
            level = ""
        level = level or (parent.muc_do if parent else "canh_bao")
        text = r.text(item, path, "mo_ta")
        if spec is not None and spec.needs_text and not text:
            r.fail(path + ("mo_ta",), f"Yêu cầu kiểu `{kind}` cần `mo_ta`: tiêu chuẩn mà hội đồng "
                                      "thẩm định.", "Ví dụ: mo_ta: Có tinh thần tự lực, đoàn kết.")
        params, bad = self.params(path, item, spec) if spec else ({}, True)
        question = r.text(item, path, "cau_hoi_mo")
        if question:
            q = self.law.questions.get(question)
            if q is None:
                r.fail(path + ("cau_hoi_mo",), f"Câu hỏi mở \"{question}\" không có trong "
                                               "data/van-ban-phap-ly.yml (cau_hoi_mo).")
            elif spec is not None and q.tham_so not in {p.key for p in spec.params}:
                r.fail(path + ("cau_hoi_mo",), f"Câu hỏi mở \"{question}\" đặt tham số "
                                               f"`{q.tham_so}`, kiểu `{kind}` không có tham số này.")
            elif q.tham_so in item:
                r.fail(path + (q.tham_so,), f"`{q.tham_so}` do câu hỏi mở \"{question}\" quyết "
                                            "định; bỏ dòng này hoặc bỏ `cau_hoi_mo`.")
            elif spec is not None:
                value, ok = self.value(path, "cau_hoi_mo", q.gia_tri,
                                       next(p for p in spec.params if p.key == q.tham_so),
                                       where=f"câu hỏi mở \"{question}\"")
                if ok:
                    params[q.tham_so] = value
                else:
                    bad = True
        req = Requirement(rid, kind, dieu, van_ban, nguon, xac_nhan, level, params, (), text,
                          r.text(item, path, "ghi_chu"), question, broken or bad, r.line(path))
        if spec is not None and spec.group:
            children = tuple(self.requirement(cpath, citem, req) for cpath, citem in
                             r.items(item.get("lua_chon"), path + ("lua_chon",), "lua_chon"))
            if not children:
                if not item.get("lua_chon"):  # a wrong type was reported by items()
                    r.fail(path + ("lua_chon",), f"Yêu cầu kiểu `{kind}` cần `lua_chon`: danh "
                                                 "sách các yêu cầu con.")
                broken = True
            req = Requirement(rid, kind, dieu, van_ban, nguon, xac_nhan, level, params, children,
                              text, req.ghi_chu, question, broken or bad, req.line)
        elif "lua_chon" in item:
            r.fail(path + ("lua_chon",), "Chỉ kiểu `mot_trong` hoặc `tat_ca` mới có `lua_chon`.")
        return req

    def params(self, path: Path_, item: dict, spec: KindSpec) -> tuple[dict[str, Any], bool]:
        out: dict[str, Any] = {}
        bad = False
        for param in spec.params:
            if param.key not in item:
                continue
            value, ok = self.value(path, param.key, item[param.key], param)
            if ok:
                out[param.key] = value
            bad = bad or not ok
        question = self.law.questions.get(str(item.get("cau_hoi_mo", "")))
        for param in spec.params:
            if param.required and param.key not in item and not (question and
                                                                  question.tham_so == param.key):
                self.r.fail(path + (param.key,), f"Kiểu `{spec.id}` cần tham số `{param.key}` "
                                                 f"({param.label}).", _example(param))
                bad = True
        if spec.one_of:
            given = [k for k in spec.one_of if k in item]
            if len(given) != 1:
                self.r.fail(path, f"Kiểu `{spec.id}` cần đúng một trong các tham số "
                                  + ", ".join(f"`{k}`" for k in spec.one_of)
                                  + (f"; đang có {len(given)}." if given else "; chưa có tham số nào."),
                            "Ví dụ: ty_le_toi_thieu: 70")
                bad = True
        if "so_nam" in out and "it_nhat" in out and out["it_nhat"] > out["so_nam"]:
            self.r.fail(path + ("it_nhat",), f"`it_nhat` ({out['it_nhat']}) không được lớn hơn "
                                             f"`so_nam` ({out['so_nam']}).")
            bad = True
        return out, bad

    def value(self, path: Path_, key: str, raw: Any, param: Param,
              where: str = "") -> tuple[Any, bool]:
        r = self.r
        at = path + (key,)
        label = f"`{param.key}`" + (f" (theo {where})" if where else "")
        if param.type == "bool":
            if isinstance(raw, bool):
                return raw, True
            r.fail(at, f"{label} phải là true hoặc false, không phải {_kind_of(raw)}.",
                   f"Ví dụ: {param.key}: true")
            return None, False
        if param.type in ("int", "percent"):
            if isinstance(raw, bool) or not isinstance(raw, (int, float)) or (
                    param.type == "int" and not isinstance(raw, int)):
                r.fail(at, f"{label} phải là một số{' nguyên' if param.type == 'int' else ''}, "
                           f"không phải {_kind_of(raw)}.", _example(param))
                return None, False
            if raw < param.minimum or (param.type == "percent" and raw > 100):
                limit = "từ 0 đến 100" if param.type == "percent" else f"từ {param.minimum} trở lên"
                r.fail(at, f"{label} phải {limit}, không phải {raw}.", _example(param))
                return None, False
            return raw, True
        choices = self._choices(param.type)
        if param.type in ("awards", "model_kinds", "campaign_levels"):
            values = [raw] if isinstance(raw, str) else raw
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values) \
                    or (not values and param.required):
                r.fail(at, f"{label} phải là một danh sách mã, không phải {_kind_of(raw)}.",
                       _example(param))
                return None, False
            ok = True
            for i, v in enumerate(values):
                if choices is not None and v not in choices:
                    r.fail(at + (i,), f"Mã \"{v}\" của {label} không có trong "
                                      f"{_CHOICE_NAMES[param.type]}.",
                           "Dùng một trong: " + ", ".join(choices))
                    ok = False
            return tuple(values), ok
        if not isinstance(raw, str) or not raw:
            r.fail(at, f"{label} phải là một mã, không phải {_kind_of(raw)}.", _example(param))
            return None, False
        if choices is not None and raw not in choices:
            r.fail(at, f"Mã \"{raw}\" của {label} không có trong {_CHOICE_NAMES[param.type]}.",
                   "Dùng một trong: " + ", ".join(choices))
            return None, False
        return raw, True

    def _choices(self, kind: str) -> list[str] | None:
        if kind in ("award", "awards"):
            return list(self.forms)
        if kind == "rating":
            return list(self.law.rating_rank) or vocab_ids(self.vocab, "xep_loai")
        if kind == "scope":
            return list(self.law.scope_rank) or vocab_ids(self.vocab, "pham_vi")
        if kind == "model_kinds":
            return vocab_ids(self.vocab, "loai_mo_hinh")
        if kind == "campaign_levels":
            return vocab_ids(self.vocab, "cap_phat_dong")
        if kind == "member_field":
            return list(MEMBER_FIELDS)
        return None


_CHOICE_NAMES = {
    "award": "danh mục khen thưởng", "awards": "danh mục khen thưởng",
    "rating": "tu-vung.yml (xep_loai)", "scope": "tu-vung.yml (pham_vi)",
    "model_kinds": "tu-vung.yml (loai_mo_hinh)", "campaign_levels": "tu-vung.yml (cap_phat_dong)",
    "member_field": "các chỉ số thành viên (" + ", ".join(MEMBER_FIELDS) + ")",
}

_EXAMPLES = {"award": "lao-dong-tien-tien", "awards": "[chien-si-thi-dua-co-so]",
             "rating": "hoan_thanh_tot", "scope": "don_vi", "model_kinds": "[sang_kien, giai_phap]",
             "campaign_levels": "[tinh]", "member_field": "lao_dong_tien_tien", "bool": "true",
             "percent": "70"}


def _example(param: Param) -> str:
    value = _EXAMPLES.get(param.type, str(max(param.minimum, 1)))
    return f"Ví dụ: {param.key}: {value}"
