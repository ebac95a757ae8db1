"""The table of requirement kinds in the editor guide, generated from the code that checks them.

Each kind of :data:`guongsang.load.awards.KINDS` (its parameters, as the reader validates them)
and the PASS/FAIL examples of its evaluator in :mod:`guongsang.rules.legal.kinds` are written
between two markers of ``HUONG-DAN-BIEN-TAP.md`` by ``guongsang schema``; a test fails when the
guide is stale. The conditions themselves are not repeated here: they are on the criteria page,
generated from the same data.
"""
from __future__ import annotations

import re

from ..load.awards import COMMON_KEYS, KINDS
from ..rules.legal import IMPLS

BEGIN = "<!-- BẮT ĐẦU BẢNG KIỂU ĐIỀU KIỆN: sinh tự động bởi `guongsang schema`, đừng sửa tay -->"
END = "<!-- KẾT THÚC BẢNG KIỂU ĐIỀU KIỆN -->"

_TYPES = {"int": "số nguyên", "percent": "số 0–100", "bool": "true/false",
          "award": "mã danh hiệu, hình thức", "awards": "danh sách mã danh hiệu, hình thức",
          "rating": "mã xếp loại", "scope": "mã phạm vi", "model_kinds": "danh sách mã loại mô hình",
          "campaign_levels": "danh sách mã cấp phát động", "member_field": "mã chỉ số thành viên"}


def _examples(doc: str) -> list[tuple[str, str]]:
    """(PASS|FAIL, text) pairs of a docstring, continuation lines joined."""
    out: list[tuple[str, str]] = []
    for line in doc.splitlines():
        m = re.match(r"\s*(PASS|FAIL):\s*(.*)", line)
        if m:
            out.append((m.group(1), m.group(2).strip()))
        elif out and line.strip() and line.startswith(" " * 10):
            out[-1] = (out[-1][0], out[-1][1] + " " + line.strip())
        elif out and not line.strip():
            break
    return out


def render_section() -> str:
    lines = [BEGIN, "",
             "Mọi yêu cầu đều có `id`, `kieu`, `dieu`, `nguon`, `xac_nhan`, `muc_do` (yêu cầu con "
             "trong `lua_chon` dùng của yêu cầu cha nếu không ghi), và có thể có "
             + ", ".join(f"`{k}`" for k in COMMON_KEYS if k not in
                         ("id", "kieu", "dieu", "nguon", "xac_nhan", "muc_do")) + ".", ""]
    for kind in KINDS.values():
        lines += [f"#### `{kind.id}`", "", kind.label + ".", ""]
        if kind.params:
            lines += ["| Tham số | Kiểu | Bắt buộc | Nghĩa |", "|---|---|---|---|"]
            for p in kind.params:
                need = "có" if p.required else (
                    "một trong các tham số này" if p.key in kind.one_of else "không")
                default = (f" (mặc định: {str(p.default).lower()})"
                           if p.default not in (None, (), "") else "")
                lines.append(f"| `{p.key}` | {_TYPES.get(p.type, p.type)} | {need} | "
                             f"{p.label}{default} |")
            lines.append("")
        impl = IMPLS.get(kind.id)
        for label, text in _examples(impl.doc if impl else ""):
            word = "Đạt" if label == "PASS" else "Không đạt"
            lines.append(f"- {word}: {text}")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def update_text(text: str) -> str:
    """``text`` (the guide) with its generated section replaced; unchanged without markers."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return text
    return text[:start] + render_section() + text[end + len(END):]
