"""One record type for every problem, and the ways to print a list of them.

Every check in the project reports a :class:`Problem`; nothing prints or raises on its own.
The runner collects them all, so editors see every mistake of every file in one go.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    """A deliberate state worth knowing (e.g. a profile kept unpublished): never fails a build."""

    @property
    def label(self) -> str:
        """Vietnamese word shown to editors."""
        return {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý"}[self.value]


@dataclass(frozen=True, order=True)
class Problem:
    """Something an editor must fix (error) or should look at (warning)."""

    file: str
    """Path relative to the project root, with forward slashes."""
    line: int
    """1-based line in the real file (front matter lines included); 0 when unknown."""
    field: str
    """Where in the record: ``khen_thuong[2].ngay_quyet_dinh`` (list items count from 1)."""
    rule: str
    """Stable rule id, e.g. ``ngay-khong-hop-le``; the editor guide explains each one."""
    message: str
    """What is wrong and what was found, in Vietnamese."""
    hint: str = ""
    """How to fix it, with a correct example."""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format_text(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" trường `{self.field}`:" if self.field else ""
        text = f"{where}: {self.severity.label} [{self.rule}]{field} {self.message}"
        if self.hint:
            text += f"\n    Gợi ý: {self.hint}"
        return text

    def format_github(self) -> str:
        kind = {"error": "error", "warning": "warning", "info": "notice"}[self.severity.value]
        # GitHub workflow commands need %, CR and LF escaped in the message part.
        body = f"[{self.rule}] {self.field + ': ' if self.field else ''}{self.message}"
        if self.hint:
            body += f" Gợi ý: {self.hint}"
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        line = f",line={self.line}" if self.line else ""
        return f"::{kind} file={self.file}{line},title={self.rule}::{body}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.field, p.rule, p.message))


def format_report(problems: Iterable[Problem]) -> str:
    """Readable report grouped by file, with a Vietnamese summary line at the end."""
    items = sort_problems(problems)
    if not items:
        return "Không có lỗi nào. Mọi hồ sơ đều hợp lệ."
    out: list[str] = []
    current = None
    for p in items:
        if p.file != current:
            current = p.file
            out.append(f"\n{p.file}")
        out.append("  " + p.format_text().replace("\n", "\n  "))
    errors = sum(1 for p in items if p.is_error)
    warnings = sum(1 for p in items if p.severity is Severity.WARNING)
    files = len({p.file for p in items})
    out.append(f"\nTổng cộng: {errors} lỗi, {warnings} cảnh báo trong {files} tệp.")
    return "\n".join(out).lstrip("\n")


def format_github(problems: Iterable[Problem]) -> str:
    return "\n".join(p.format_github() for p in sort_problems(problems))


def format_json(problems: Iterable[Problem]) -> str:
    rows = [
        {**asdict(p), "severity": p.severity.value} for p in sort_problems(problems)
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)
