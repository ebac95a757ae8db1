"""Typed values out of one parsed data file: every mistake becomes a Vietnamese problem."""
from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any

from ..problems import Problem
from ..text import parse_date
from .lawmodel import LawData
from .yamlsrc import Path_, Source, format_path

RULE = "du-lieu-tham-chieu"
_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def kind_of(value: Any) -> str:
    """How a wrong value reads to an editor (never a Python type name)."""
    from .conform import describe  # conform needs the reference data, hence this module
    return describe(value)


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
                            f"phải {kind_of(data)}.")
            return []
        out = []
        for i, item in enumerate(data):
            if isinstance(item, dict):
                out.append((path + (i,), item))
            else:
                self.fail(path + (i,), f"Mỗi mục của `{name}` phải là một nhóm trường "
                                       f"`ten_truong: giá trị`, không phải {kind_of(item)}.")
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
                                     f"{kind_of(value)}.", hint)
            return ""
        return str(value).strip()

    def choice(self, obj: dict, path: Path_, key: str, choices: list[str], where: str,
               example: str) -> str:
        """A required code that must be one of ``choices`` (ids of ``where`` in tu-vung.yml)."""
        value = self.text(obj, path, key, True, f"Ví dụ: {key}: {example}")
        if value and choices and value not in choices:
            self.fail(path + (key,), f"Mã \"{value}\" của `{key}` không có trong tu-vung.yml "
                                     f"({where}).", "Dùng một trong: " + ", ".join(choices))
        return value

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
                                     f"{kind_of(value)}.", f"Ví dụ: {key}: false")
            return bool(default)
        return value

    def integer(self, obj: dict, path: Path_, key: str, minimum: int = 0,
                default: int | None = None) -> int | None:
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path + (key,), f"`{key}` phải là một số nguyên, không phải "
                                     f"{kind_of(value)}.", f"Ví dụ: {key}: {max(minimum, 1)}")
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
            self.fail(path + (key,), f"Ngày {kind_of(raw)} không hợp lệ.",
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
                                     f"{kind_of(value)}.", f"Ví dụ: {key}: [s2]")
            return ()
        return tuple(v.strip() for v in value)

    def unknown_keys(self, obj: dict, path: Path_, allowed: tuple[str, ...], what: str) -> None:
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


def check_sources(r: Reader, path: Path_, ids: tuple[str, ...], law: LawData) -> None:
    for i, sid in enumerate(ids):
        if sid not in law.sources:
            r.fail(path + ("nguon", i), f"Nguồn \"{sid}\" không có trong mục `nguon` của "
                                        "data/van-ban-phap-ly.yml.",
                   "Thêm nguồn (id, ten, url, do_tin_cay) hoặc sửa mã.")
