"""The check's result where form users look: one pull request comment and one commit status.

The pull request check already shows each problem as an annotation on the diff, which people
who edit through the web form (``/quan-tri/``) never open. ``guongsang pr-result`` writes the
same problems as one Markdown comment and a commit status; the workflow (``.github/workflows/
pr.yml``) posts both. Decap shows the status in its editor toolbar: the form's configuration
names its context (``preview_context``), and a passing check becomes a link to the comment.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..problems import Problem, Severity, sort_problems

CONTEXT = "Gương sáng – kiểm tra nội dung"
"""Name of the commit status (also ``backend.preview_context`` of the form's configuration)."""
MARKER = "<!-- guongsang-check -->"
"""First line of the comment: the workflow finds and updates its own comment by it."""
MAX_SHOWN = 60
"""Problems listed in the comment; GitHub refuses comments over 65,536 characters."""

_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


@dataclass(frozen=True)
class Status:
    state: str
    """success | failure"""
    description: str
    """At most 140 characters (GitHub's limit)."""

    def to_json(self) -> str:
        return json.dumps({"context": CONTEXT, "state": self.state,
                           "description": self.description[:140]}, ensure_ascii=False) + "\n"


def _counts(problems: list[Problem]) -> tuple[int, int]:
    return (sum(1 for p in problems if p.is_error),
            sum(1 for p in problems if p.severity is Severity.WARNING))


def status(problems: Iterable[Problem], stale: Iterable[str] = ()) -> Status:
    errors, warnings = _counts(list(problems))
    if not errors and list(stale):
        return Status("failure", "Tệp sinh tự động đã cũ: cần chạy `guongsang schema`.")
    if errors:
        return Status("failure", f"{errors} lỗi, {warnings} cảnh báo: cần sửa trước khi hợp nhất.")
    if warnings:
        return Status("success", f"Không có lỗi; {warnings} cảnh báo nên xem lại.")
    return Status("success", "Không có lỗi nào.")


def _quiet(text: str) -> str:
    """Text from the records, made inert in Markdown: no @mention, no HTML tag."""
    return (text.replace("@", "@\u200b").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", ""))


def _item(p: Problem) -> list[str]:
    where = f"dòng {p.line}" if p.line else "cả tệp"
    field = f", trường `{p.field}`" if p.field else ""
    lines = [(f"- {_ICON[p.severity]} {p.severity.label} ({where}{field}, mã `{p.rule}`): "
              f"{_quiet(p.message)}")]
    if p.hint:
        hint = _quiet(p.hint).split("\n")
        if len(hint) == 1:
            lines.append(f"  Gợi ý: {hint[0]}")
        else:
            lines += [f"  Gợi ý: {hint[0]}", "", "  ```", *(f"  {h}" for h in hint[1:]), "  ```"]
    return lines


def comment(problems: Iterable[Problem], run_url: str = "", stale: Iterable[str] = ()) -> str:
    """The Markdown comment: a summary line, then the problems grouped by file.

    ``stale`` names generated files that no longer match schema.py and the data (after a change
    of data/ in the form, for instance): someone must run ``guongsang schema`` on the branch."""
    shown = [p for p in sort_problems(problems) if p.severity is not Severity.INFO]
    errors, warnings = _counts(shown)
    stale = list(stale)
    out = [MARKER]
    if stale and not errors:
        out.append("### ❌ Kiểm tra tự động: tệp sinh tự động đã cũ")
    if errors:
        out.append(f"### ❌ Kiểm tra tự động: {errors} lỗi, {warnings} cảnh báo")
        out += ["", ("Sửa các lỗi dưới đây (trong biểu mẫu /quan-tri/ hoặc trong tệp), lưu lại; "
                     "kiểm tra chạy lại sau mỗi lần lưu. Người duyệt chỉ hợp nhất khi không còn "
                     "lỗi.")]
    elif stale:
        pass
    elif warnings:
        out.append(f"### ✅ Kiểm tra tự động: không có lỗi, {warnings} cảnh báo")
    else:
        out.append("### ✅ Kiểm tra tự động: không có lỗi nào")
    current = None
    for p in shown[:MAX_SHOWN]:
        if p.file != current:
            current = p.file
            out += ["", f"**{_quiet(p.file)}**", ""]
        out += _item(p)
    if stale:
        out += ["", "**Tệp sinh tự động đã cũ** (do `data/` hoặc `schema.py` vừa đổi): "
                + ", ".join(f"`{name}`" for name in stale) + ".",
                ("Người quản trị kho (hoặc nhóm kỹ thuật) chạy `guongsang schema` trên nhánh "
                 "này rồi commit các tệp đó (hướng dẫn biên tập, mục 11).")]
    if len(shown) > MAX_SHOWN:
        out += ["", (f"… và {len(shown) - MAX_SHOWN} vấn đề khác: xem chú thích trong thẻ "
                     "“Files changed” hoặc nhật ký của lần chạy.")]
    if run_url:
        out += ["", f"[Nhật ký của lần kiểm tra]({run_url})"]
    return "\n".join(out) + "\n"
