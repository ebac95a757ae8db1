"""Write a nomination's decision into the profile, so the decision is typed only once.

The award is appended to the profile's ``khen_thuong`` list as text (the rest of the file, its
comments and its layout stay as they are), then the file is parsed again: if the result does not
hold exactly the new award, nothing is written. Running it twice changes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..editor.scaffold import scalar
from ..load.yamlsrc import parse_markdown
from ..text import format_date, parse_date
from .records import Nomination

_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")
_AWARDS = re.compile(r"^khen_thuong:\s*(\[\s*\])?\s*(#.*)?$")


class WriteError(Exception):
    """The award cannot be written; the message is for editors (Vietnamese)."""


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool
    message: str


def award_lines(n: Nomination, issuer: str, indent: str = "  ") -> list[str]:
    d = n.quyet_dinh
    assert d is not None and d.ngay_quyet_dinh is not None
    fields: list[tuple[str, object]] = [
        ("hinh_thuc", n.hinh_thuc), ("nam", n.nam), ("so_quyet_dinh", d.so_quyet_dinh),
        ("ngay_quyet_dinh", format_date(d.ngay_quyet_dinh)), ("co_quan", d.co_quan or issuer)]
    if d.ly_do:
        fields.append(("ly_do", d.ly_do))
    out = []
    for i, (key, value) in enumerate(fields):
        lead = f"{indent}- " if i == 0 else f"{indent}  "
        if key == "ngay_quyet_dinh":
            out.append(f"{lead}{key}: {value}")
        elif value != "":
            out.append(f"{lead}{key}: {scalar(value)}")
    return out


def insert_award(text: str, lines: list[str]) -> str:
    """``text`` (a whole profile file) with ``lines`` appended to its ``khen_thuong`` list."""
    rows = text.split("\n")
    if not rows or rows[0].strip() != "---":
        raise WriteError("Hồ sơ không bắt đầu bằng `---` (front matter).")
    end = next((i for i in range(1, len(rows)) if rows[i].strip() == "---"), None)
    if end is None:
        raise WriteError("Hồ sơ thiếu dòng `---` đóng phần thông tin.")
    start = next((i for i in range(1, end) if _AWARDS.match(rows[i])), None)
    if start is None:
        return "\n".join(rows[:end] + ["khen_thuong:"] + lines + rows[end:])
    if "[" in rows[start]:
        rows[start] = "khen_thuong:"
    stop = next((i for i in range(start + 1, end) if _TOP_KEY.match(rows[i])), end)
    empty = [i for i in range(start + 1, stop) if rows[i].strip() == "[]"]
    for i in reversed(empty):  # "khen_thuong:\n  []" is an empty list written on two lines
        del rows[i]
    end, stop = end - len(empty), stop - len(empty)
    last = stop
    while last - 1 > start and not rows[last - 1].strip():
        last -= 1  # keep blank lines (and comments) that separate the next key
    items = [r for r in rows[start + 1:stop] if r.lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    lines = [indent + line[2:] if line.startswith("  ") else line for line in lines]
    return "\n".join(rows[:last] + lines + rows[last:])


def write_award(profile_file: Path, rel: str, n: Nomination, issuer: str) -> Written:
    """Append the decided award of ``n`` to the profile at ``profile_file`` (``rel`` for messages)."""
    d = n.quyet_dinh
    if d is None or not d.so_quyet_dinh or d.ngay_quyet_dinh is None:
        raise WriteError(f"Đề nghị {n.slug} chưa có quyết định (khối quyet_dinh với số và ngày).")
    if n.khong_dat is not None:
        raise WriteError(f"Đề nghị {n.slug} có kết luận không đạt; không ghi khen thưởng.")
    text = profile_file.read_text(encoding="utf-8")
    src, _ = parse_markdown(text, rel)
    if src is None:
        raise WriteError(f"Không đọc được {rel}; sửa lỗi của hồ sơ trước (guongsang check).")
    existing = [a for a in src.data.get("khen_thuong") or [] if isinstance(a, dict)
                and a.get("hinh_thuc") == n.hinh_thuc and a.get("nam") == n.nam]
    for a in existing:
        if (str(a.get("so_quyet_dinh")) == d.so_quyet_dinh
                and parse_date(a.get("ngay_quyet_dinh")) == d.ngay_quyet_dinh):
            return Written(profile_file, False, f"{rel} đã có khen thưởng này; không đổi gì.")
    if existing:
        a = existing[0]
        raise WriteError(f"{rel} đã ghi \"{n.hinh_thuc}\" năm {n.nam} theo quyết định "
                         f"{a.get('so_quyet_dinh')}, khác quyết định {d.so_quyet_dinh} của đề nghị: "
                         "kiểm tra bản quyết định đã ký rồi sửa nơi sai.")
    new = insert_award(text, award_lines(n, issuer))
    check, _ = parse_markdown(new, rel)
    before = len(src.data.get("khen_thuong") or [])
    after = (check.data.get("khen_thuong") or []) if check else []
    if check is None or len(after) != before + 1 or after[-1].get("so_quyet_dinh") != d.so_quyet_dinh:
        raise WriteError(f"Không chèn được khen thưởng vào {rel} một cách an toàn (mục khen_thuong "
                         "viết theo cách lạ); hãy chép tay các dòng sau vào cuối mục đó:\n"
                         + "\n".join(award_lines(n, issuer)))
    profile_file.write_text(new, encoding="utf-8", newline="\n")
    return Written(profile_file, True, f"Đã ghi vào {rel}: {n.hinh_thuc} năm {n.nam}, "
                   f"{d.so_quyet_dinh} ngày {format_date(d.ngay_quyet_dinh)}.")
