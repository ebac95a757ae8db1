"""The law as data: legal texts, sources, open questions, award forms and their condition sets.

Read from ``data/van-ban-phap-ly.yml`` and ``data/danh-muc-khen-thuong.yml`` (plus the rating,
scope and level vocabularies of ``data/tu-vung.yml``) into frozen, typed objects. Every mistake an
editor can make in those files -- a wrong type, a missing or negative number, an unknown form or
source id, a requirement without its article, a parameter that its kind does not take -- becomes a
Vietnamese :class:`~guongsang.problems.Problem` with the file and the real line, never an
exception. A requirement whose parameters are unusable is kept (marked ``broken``) so that the
checks can say it was not evaluated; it is never dropped silently.

Modules: :mod:`.lawkinds` (the requirement kinds and their parameters, declared once),
:mod:`.lawmodel` (the typed objects), :mod:`.lawreader` (typed reading with problems),
:mod:`.conditions` (condition sets and requirements); this module reads the texts, sources,
open questions and forms and re-exports the names other modules use.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..problems import Problem
from .conditions import read_set
from .lawkinds import COMMON_KEYS, KINDS, LEVELS, MEMBER_FIELDS, KindSpec, Param
from .lawmodel import (
    AwardForm,
    Citation,
    ConditionSet,
    LawData,
    LegalText,
    LevelRule,
    OpenQuestion,
    Principle,
    Requirement,
)
from .lawreader import Reader, check_sources, kind_of, vocab_ids
from .yamlsrc import Path_, Source

__all__ = ["COMMON_KEYS", "KINDS", "LEVELS", "MEMBER_FIELDS", "AwardForm", "Citation",
           "ConditionSet", "KindSpec", "LawData", "LegalText", "LevelRule", "OpenQuestion", "Param",
           "Principle", "Requirement", "build_law"]

LEGAL_FILE = "data/van-ban-phap-ly.yml"
AWARDS_FILE = "data/danh-muc-khen-thuong.yml"


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
                                         f"không âm (thứ bậc), không phải {kind_of(rank)}.",
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
                       f"{kind_of(value)}.", f"Ví dụ: {attr}: [UBND]")
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
        level = r.choice(item, path, "do_tin_cay", trust, "do_tin_cay", "hoi_dap_chinh_thuc")
        if sid in out:
            r.fail(path + ("id",), f"Mã nguồn \"{sid}\" bị trùng.")
        elif sid:
            out[sid] = Citation(sid, r.text(item, path, "ten", True), url, level)
    return out


def _read_texts(r: Reader, data: Any, vocab: dict, law: LawData) -> dict[str, LegalText]:
    out: dict[str, LegalText] = {}
    paths: dict[str, Path_] = {}
    kinds = vocab_ids(vocab, "loai_van_ban") or ["luat", "nghi_dinh"]
    keys = ("id", "so_hieu", "ten", "ten_ngan", "loai", "huong_dan", "sua_doi", "ngay_ky",
            "hieu_luc_tu", "hieu_luc_den", "xac_nhan", "nguon", "ghi_chu")
    for path, item in r.items(data, ("van_ban",), "van_ban"):
        r.unknown_keys(item, path, keys, "một văn bản")
        lid = r.ident(item, path)
        kind = r.choice(item, path, "loai", kinds, "loai_van_ban", "nghi_dinh")
        # A text without a usable first day is never in force: it cannot fill a gap.
        start = r.day(item, path, "hieu_luc_tu", True) or date.max
        end = r.day(item, path, "hieu_luc_den", False)
        if end and start != date.max and end < start:
            r.fail(path + ("hieu_luc_den",), "Ngày hết hiệu lực đứng trước ngày có hiệu lực.")
            end = None
        nguon = r.id_list(item, path, "nguon", True)
        check_sources(r, path, nguon, law)
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
        check_sources(r, path, nguon, law)
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
        check_sources(r, path, nguon, law)
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
        kind = r.choice(item, path, "loai", form_kinds, "loai_khen_thuong", "danh_hieu")
        who = r.id_list(item, path, "doi_tuong", True)
        for i, w in enumerate(who):
            if w not in profile_kinds:
                r.fail(path + ("doi_tuong", i), f"Đối tượng \"{w}\" không có trong tu-vung.yml "
                                                "(loai_ho_so).", "Dùng: " + ", ".join(profile_kinds))
        level = r.choice(item, path, "cap", levels, "cap_khen_thuong", "co_so")
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
        cset = read_set(r, fid, path, item, forms, vocab, legal, law)
        if cset is None:
            continue
        for other in sets.get(fid, []):
            if other.luat == cset.luat and (not other.doi_tuong or not cset.doi_tuong
                                            or set(other.doi_tuong) & set(cset.doi_tuong)):
                r.fail(path + ("luat",), f"\"{fid}\" đã có một bộ điều kiện theo \"{cset.luat}\" "
                                         "cho cùng đối tượng.",
                       "Gộp hai bộ, hoặc ghi `doi_tuong` khác nhau cho mỗi bộ.")
        sets.setdefault(fid, []).append(cset)
    _report_loops(r, sets)
    for fid, found in sets.items():
        old = forms[fid]
        forms[fid] = AwardForm(old.id, old.ten, old.loai, old.doi_tuong, old.cap, old.co_quan,
                               old.xac_nhan, tuple(found), old.ghi_chu, old.chu_ky,
                               old.lap_lai_trong_nam, old.ky_hieu_quyet_dinh)
    return forms


def _report_loops(r: Reader, sets: dict[str, list[ConditionSet]]) -> None:
    """A form whose standard (``dat_tieu_chuan``) leads back to itself cannot be evaluated."""
    edges: dict[str, list[tuple[str, Requirement]]] = {}
    for fid, found in sets.items():
        for cset in found:
            for top in cset.yeu_cau:
                for req in top.walk():
                    if req.kieu == "danh_hieu_cung_nam" and req.p("dat_tieu_chuan"):
                        edges.setdefault(fid, []).append((req.p("hinh_thuc"), req))

    def leads_back(start: str, node: str, seen: set[str]) -> bool:
        for target, _ in edges.get(node, []):
            if target == start or (target not in seen and leads_back(start, target, seen | {target})):
                return True
        return False

    for fid, out in edges.items():
        for target, req in out:
            if target == fid or leads_back(fid, target, {target}):
                r.problems.append(Problem(
                    r.src.file, req.line, "", "du-lieu-tham-chieu",
                    f"Yêu cầu \"{req.id}\" của \"{fid}\" đòi đạt tiêu chuẩn \"{target}\", và tiêu "
                    f"chuẩn đó lại dẫn về \"{fid}\": vòng tròn này không kiểm tra được.",
                    "Bỏ `dat_tieu_chuan: true` ở một trong các yêu cầu, hoặc trỏ tới danh hiệu "
                    "khác."))
