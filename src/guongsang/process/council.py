"""Quorum and vote thresholds of the council, read from ``data/hoi-dong.yml``.

A rule says how many members must be present and what share of votes in favour a form needs,
from which day to which day, and where that comes from. Shares are exact fractions ("2/3",
"90%"), so 9 of 10 is exactly 90% and never 89.999…%.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from ..load.yamlsrc import Source, format_path, load_yaml_file, read_utf8
from ..problems import Problem
from ..project import Project, is_inside
from ..text import parse_date, within
from .records import Meeting, Vote

COUNCIL_FILE = "hoi-dong.yml"
RULE_ID = "du-lieu-hoi-dong"


@dataclass(frozen=True)
class Share:
    """A minimum share: ``value`` of ``base`` members, reached from (``tu``) or above (``tren``)."""

    value: Fraction
    text: str
    """As written in the data: "2/3", "90%"."""
    strict: bool = False
    """True for "trên" (>), False for "từ … trở lên" (>=)."""
    base: str = "tong_so"
    """tong_so (all members) | co_mat (present members plus written opinions)."""

    def reached(self, part: int, whole: int) -> bool:
        if whole <= 0:
            return False
        ratio = Fraction(part, whole)
        return ratio > self.value if self.strict else ratio >= self.value

    def needed(self, whole: int) -> int:
        """The smallest count that reaches the share of ``whole``."""
        exact = self.value * whole
        if self.strict:
            return math.floor(exact) + 1
        return math.ceil(exact)

    @property
    def phrase(self) -> str:
        """ "từ 90% trở lên" / "trên 1/2" """
        return f"trên {self.text}" if self.strict else f"từ {self.text} trở lên"


@dataclass(frozen=True)
class CouncilRule:
    id: str
    ten: str
    forms: tuple[str, ...]
    """Forms this rule is for; empty = every form without a rule of its own."""
    quorum: Share
    approval: Share
    secret_ballot: bool
    can_cu: str
    nguon: str
    xac_nhan: bool
    ap_dung_tu: date | None = None
    ap_dung_den: date | None = None

    def applies(self, day: date | None) -> bool:
        return within(day, self.ap_dung_tu, self.ap_dung_den)


@dataclass
class CouncilData:
    rules: list[CouncilRule] = field(default_factory=list)
    unit_forms: tuple[str, ...] = ()
    """Forms the head of the unit decides; the others are forwarded after the vote."""
    unit_authority_note: str = ""
    unit_authority_confirmed: bool = False
    file: str = f"data/{COUNCIL_FILE}"

    def rule_for(self, form_id: str, day: date | None) -> CouncilRule | None:
        """The rule for ``form_id`` at a meeting on ``day``: its own rule, else the general one."""
        own = [r for r in self.rules if form_id in r.forms and r.applies(day)]
        general = [r for r in self.rules if not r.forms and r.applies(day)]
        found = own or general
        return found[0] if found else None

    def unit_decides(self, form_id: str) -> bool:
        return form_id in self.unit_forms


@dataclass(frozen=True)
class Tally:
    """A vote measured against its rule."""

    rule: CouncilRule
    members: int
    present: int
    written: int
    vote: Vote

    @property
    def quorum_needed(self) -> int:
        return self.rule.quorum.needed(self.members)

    @property
    def has_quorum(self) -> bool:
        return self.rule.quorum.reached(self.present, self.members)

    @property
    def base(self) -> int:
        if self.rule.approval.base == "co_mat":
            return self.present + self.written
        return self.members

    @property
    def approval_needed(self) -> int:
        return self.rule.approval.needed(self.base)

    @property
    def approved(self) -> bool:
        return self.has_quorum and self.rule.approval.reached(self.vote.dong_y, self.base)

    @property
    def result(self) -> str:
        return "dat" if self.approved else "khong_dat"


def tally(data: CouncilData, meeting: Meeting, vote: Vote, form_id: str) -> Tally | None:
    rule = data.rule_for(form_id, meeting.ngay)
    if rule is None:
        return None
    return Tally(rule, meeting.members, meeting.present, meeting.written, vote)


# -- reading data/hoi-dong.yml ------------------------------------------------------------------

def parse_share(raw: Any) -> Fraction | None:
    """ "2/3" -> 2/3, "90%" -> 9/10, 0.5 -> 1/2; None when unreadable or outside (0, 1]."""
    try:
        if isinstance(raw, bool):
            return None
        if isinstance(raw, (int, float)):
            value = Fraction(str(raw))
        else:
            text = str(raw).strip().replace(",", ".")
            if text.endswith("%"):
                value = Fraction(text[:-1].strip()) / 100
            elif "/" in text:
                num, den = text.split("/", 1)
                value = Fraction(int(num.strip()), int(den.strip()))
            else:
                value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None
    return value if 0 < value <= 1 else None


class _Reader:
    def __init__(self, src: Source, problems: list[Problem]):
        self.src, self.problems = src, problems

    def fail(self, path: tuple, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.src.file, self.src.line_of(path), format_path(path),
                                     RULE_ID, message, hint))

    def share(self, item: dict, path: tuple, key: str, bases: bool) -> Share:
        raw = item.get(key)
        if not isinstance(raw, dict):
            self.fail(path + (key,), f"Thiếu mục `{key}` (tỷ lệ tối thiểu).",
                      f"Ví dụ: {key}: {{ty_le: 2/3, so_sanh: tu}}")
            return Share(Fraction(1), "100%")
        value = parse_share(raw.get("ty_le"))
        if value is None:
            self.fail(path + (key, "ty_le"),
                      f"Tỷ lệ \"{raw.get('ty_le')}\" không hợp lệ: cần một phân số hoặc phần trăm "
                      "lớn hơn 0 và không quá 100%.", "Ví dụ: ty_le: 2/3 hoặc ty_le: 90%")
            value = Fraction(1)
        compare = str(raw.get("so_sanh", "tu"))
        if compare not in ("tu", "tren"):
            self.fail(path + (key, "so_sanh"), f"`so_sanh` là \"{compare}\"; chỉ nhận tu hoặc tren.",
                      "so_sanh: tu (từ … trở lên) hoặc so_sanh: tren (trên …)")
        base = str(raw.get("tinh_tren", "tong_so"))
        if bases and base not in ("tong_so", "co_mat"):
            self.fail(path + (key, "tinh_tren"),
                      f"`tinh_tren` là \"{base}\"; chỉ nhận tong_so hoặc co_mat.",
                      "tinh_tren: tong_so (tổng số thành viên Hội đồng)")
            base = "tong_so"
        return Share(value, str(raw.get("ty_le")).strip(), compare == "tren", base)

    def day(self, item: dict, path: tuple, key: str) -> date | None:
        raw = item.get(key)
        if raw in (None, ""):
            return None
        value = parse_date(raw)
        if value is None:
            self.fail(path + (key,), f"Ngày \"{raw}\" không hợp lệ.", f"Ví dụ: {key}: 01/01/2024")
        return value


def load_council(project: Project, award_ids: set[str]) -> tuple[CouncilData, list[Problem]]:
    """Read ``data/hoi-dong.yml``; every mistake is a problem with its line, never an exception."""
    path = project.path(project.data_dir) / COUNCIL_FILE
    rel = project.rel(path)
    problems: list[Problem] = []
    data = CouncilData(file=rel)
    if not path.is_file():
        problems.append(Problem(rel, 0, "", RULE_ID, f"Thiếu tệp `{rel}` (ngưỡng biểu quyết của "
                                "Hội đồng Thi đua – Khen thưởng).",
                                "Sao chép tệp mẫu data/hoi-dong.yml của Gương sáng rồi sửa theo "
                                "Quy chế của đơn vị."))
        return data, problems
    if not is_inside(path, project.root):
        problems.append(Problem(rel, 0, "", "lien-ket-ngoai-kho",
                                "Tệp là liên kết (symlink) trỏ ra ngoài kho; bị bỏ qua.",
                                "Chép nội dung thật vào kho thay vì tạo liên kết."))
        return data, problems
    text, probs = read_utf8(path, rel)
    problems.extend(probs)
    src, probs = load_yaml_file(text, rel) if text is not None else (None, [])
    problems.extend(probs)
    if src is None:
        return data, problems
    r = _Reader(src, problems)
    root = src.data if isinstance(src.data, dict) else {}
    if not isinstance(src.data, dict):
        r.fail((), "Tệp phải gồm các mục `tham_quyen_don_vi` và `quy_dinh`.")
    authority = root.get("tham_quyen_don_vi")
    if isinstance(authority, dict):
        forms = authority.get("hinh_thuc") or []
        if not isinstance(forms, list):
            r.fail(("tham_quyen_don_vi", "hinh_thuc"), "`hinh_thuc` phải là một danh sách.")
            forms = []
        for i, form in enumerate(forms):
            if str(form) not in award_ids:
                r.fail(("tham_quyen_don_vi", "hinh_thuc", i),
                       f"Hình thức \"{form}\" không có trong danh-muc-khen-thuong.yml.")
        data.unit_forms = tuple(str(f) for f in forms)
        data.unit_authority_note = str(authority.get("ghi_chu") or "")
        data.unit_authority_confirmed = authority.get("xac_nhan") is True
    else:
        r.fail(("tham_quyen_don_vi",), "Thiếu mục `tham_quyen_don_vi` (các hình thức Thủ trưởng "
               "đơn vị tự quyết định).",
               "Ví dụ:\n      tham_quyen_don_vi:\n        hinh_thuc: [lao-dong-tien-tien]")
    items = root.get("quy_dinh")
    if not isinstance(items, list) or not items:
        r.fail(("quy_dinh",), "Thiếu danh sách `quy_dinh` (ít nhất một quy định chung).")
        items = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        path_ = ("quy_dinh", i)
        if not isinstance(item, dict):
            r.fail(path_, "Mỗi quy định phải là một nhóm trường `ten_truong: giá trị`.")
            continue
        rid = str(item.get("id") or "")
        if not rid:
            r.fail(path_ + ("id",), "Thiếu `id` của quy định.")
        elif rid in seen:
            r.fail(path_ + ("id",), f"Mã quy định \"{rid}\" bị trùng.")
        seen.add(rid)
        forms = item.get("ap_dung") or []
        if not isinstance(forms, list):
            r.fail(path_ + ("ap_dung",), "`ap_dung` phải là một danh sách hình thức.")
            forms = []
        for j, form in enumerate(forms):
            if str(form) not in award_ids:
                r.fail(path_ + ("ap_dung", j),
                       f"Hình thức \"{form}\" không có trong danh-muc-khen-thuong.yml.")
        for key in ("can_cu", "nguon"):
            if not str(item.get(key) or "").strip():
                r.fail(path_ + (key,), f"Quy định \"{rid}\" thiếu `{key}`: mọi ngưỡng phải ghi "
                       "căn cứ và nguồn đã đối chiếu.")
        if not isinstance(item.get("xac_nhan"), bool):
            r.fail(path_ + ("xac_nhan",), f"Quy định \"{rid}\" thiếu `xac_nhan: true/false`.")
        start, end = r.day(item, path_, "ap_dung_tu"), r.day(item, path_, "ap_dung_den")
        if start and end and start > end:
            r.fail(path_ + ("ap_dung_den",), "`ap_dung_den` đứng trước `ap_dung_tu`.")
        data.rules.append(CouncilRule(
            rid, str(item.get("ten") or rid), tuple(str(f) for f in forms),
            r.share(item, path_, "dai_bieu", False), r.share(item, path_, "dong_y", True),
            item.get("bo_phieu_kin") is True, str(item.get("can_cu") or ""),
            str(item.get("nguon") or ""), item.get("xac_nhan") is True, start, end))
    if data.rules and not any(not rule.forms for rule in data.rules):
        r.fail(("quy_dinh",), "Không có quy định chung (`ap_dung: []`): hình thức không có quy "
               "định riêng sẽ không xét được kết quả.")
    return data, problems
