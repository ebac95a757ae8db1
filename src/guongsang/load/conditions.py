"""Condition sets of the catalogue: each requirement read, its parameters checked against its kind."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lawkinds import COMMON_KEYS, KINDS, LEVELS, MEMBER_FIELDS, KindSpec, Param
from .lawmodel import AwardForm, ConditionSet, LawData, LegalText, Requirement
from .lawreader import Reader, check_sources, kind_of, vocab_ids
from .yamlsrc import Path_


def read_set(r: Reader, fid: str, path: Path_, item: dict, forms: dict[str, AwardForm],
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
        check_sources(r, path, nguon, self.law)
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
            r.fail(at, f"{label} phải là true hoặc false, không phải {kind_of(raw)}.",
                   f"Ví dụ: {param.key}: true")
            return None, False
        if param.type in ("int", "percent"):
            if isinstance(raw, bool) or not isinstance(raw, (int, float)) or (
                    param.type == "int" and not isinstance(raw, int)):
                r.fail(at, f"{label} phải là một số{' nguyên' if param.type == 'int' else ''}, "
                           f"không phải {kind_of(raw)}.", _example(param))
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
                r.fail(at, f"{label} phải là một danh sách mã, không phải {kind_of(raw)}.",
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
            r.fail(at, f"{label} phải là một mã, không phải {kind_of(raw)}.", _example(param))
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
