"""Check a record against its declared shape and return it with typed values.

This is the "schema" family of checks: missing and unknown keys (with "did you mean"), wrong
types, values outside the reference data, invalid or future dates, decision numbers. Messages
are written for communications staff: what is wrong, what was found, a correct example.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..problems import Problem, Severity
from ..schema import PAGE, Field
from ..text import Invisible, find_invisible, format_date, parse_date, strip_invisible
from .documents import INVISIBLE_HINT, REMOVED_HINT
from .refdata import ReferenceData
from .yamlsrc import Path_, Source, format_path, key_name

# "163/QĐ-UBND", "45/QĐ-TTg", "12/2024/QĐ-UBND". The Đ must be the Vietnamese letter.
DECISION_RE = re.compile(r"^\d{1,6}(/\d{4})?/QĐ-[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*$")

# Words the web form (guongsang.editor.decap) repeats from the messages below. The messages keep
# their literal text, which the rule table of the editor guide is read from; a test checks that
# both still say the same (tests/test_decap_config.py).
DECISION_SHAPE = "không đúng dạng `số/QĐ-cơ quan ban hành`"
DECISION_EXAMPLE = "163/QĐ-UBND (chữ Đ có gạch ngang, không dấu cách)"
DATE_SHAPE = "Viết ngày dạng dd/mm/yyyy"


def max_len_rule(limit: int) -> str:
    return f"tối đa {limit} ký tự"

TYPE_NAMES = {
    "text": "một đoạn chữ",
    "int": "một số nguyên",
    "bool": "true hoặc false",
    "date": "một ngày dạng dd/mm/yyyy",
    "list": "một danh sách (mỗi mục một dòng, bắt đầu bằng `- `)",
    "object": "một nhóm trường con",
    "map": "một nhóm trường con",
}

REF_NAMES = {
    "units": "danh sách đơn vị (data/don-vi.yml)",
    "orgs": "danh sách đơn vị (data/don-vi.yml)",
    "fields": "danh sách lĩnh vực (data/linh-vuc.yml)",
    "awards": "danh mục khen thưởng (data/danh-muc-khen-thuong.yml)",
}

# Any text field without its own ``max_len`` is held to this: the longest field of the sample
# is 150 characters, so only a paste accident (or an attack) goes past it.
MAX_TEXT_CHARS = 5000

_TRUE = {"có", "co", "đúng", "dung"}
_FALSE = {"không", "khong", "sai"}


def describe(value: Any, private: bool = False) -> str:
    """How a found value reads to an editor (never a Python type name).

    A private value (``rieng_tu``) is never quoted: messages end up in CI logs.
    """
    if private and isinstance(value, (str, int, float, date)) and not isinstance(value, bool):
        return "một giá trị riêng tư (không hiển thị ở đây)"
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm trường con"
    shown = str(value)
    return f'"{shown[:60]}…"' if len(shown) > 60 else f'"{shown}"'


def example_line(f: Field) -> str:
    ex = f.example
    if isinstance(ex, list):
        return f"{f.key}:\n        - {ex[0]}"
    if isinstance(ex, dict):
        k, v = next(iter(ex.items()))
        return f"{f.key}:\n        {k}: {v}"
    if isinstance(ex, bool):
        return f"{f.key}: {'true' if ex else 'false'}"
    if f.type == "list" and f.item is not None and f.item.type == "object":
        # A list of groups: one item with its required keys ("- " before the first).
        first, *rest = _shown_fields(f.item)
        return "\n".join([f"{f.key}:", f"        - {first.key}: {first.example}",
                          *(f"          {c.key}: {c.example}" for c in rest)])
    if f.type == "object":
        inner = "\n".join(f"        {c.key}: {c.example}" for c in _shown_fields(f))
        return f"{f.key}:\n{inner}"
    return f"{f.key}: {ex}"


def _shown_fields(f: Field) -> list[Field]:
    """The children worth showing in an example: the required ones, else the first two."""
    return [c for c in f.fields if c.required] or list(f.fields[:2])


def is_year(f: Field) -> bool:
    """Integer fields that hold a year (declared ``year=True``, or named ``nam``/``nam_…``)."""
    return f.type == "int" and (f.year or f.key == "nam" or f.key.startswith("nam_"))


def past_only(f: Field) -> bool:
    """Dates and years that record what already happened (a year of merit, a decision)."""
    return f.past_only or (f.type == "int" and f.key == "nam")


def _where(found: list[Invisible]) -> str:
    """"dấu cách không độ rộng (U+200B) ở vị trí thứ 4 (và 2 ký tự vô hình khác)"."""
    first = found[0]
    more = f" (và {len(found) - 1} ký tự vô hình khác)" if len(found) > 1 else ""
    return f"{first.label} ở vị trí thứ {first.index + 1}{more}"


def did_you_mean(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return match[0] if match else ""


@dataclass
class Conformer:
    """Walks one source against a tuple of fields, collecting problems."""

    src: Source
    ref: ReferenceData
    today: date
    kind_label: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: Path_, rule: str, message: str, hint: str = "",
               severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.src.file, self.src.line_of(path), format_path(path),
                                     rule, message, hint, severity))

    # -- structure ---------------------------------------------------------------------------
    def record(self, fields: tuple[Field, ...], allow_page_meta: bool = False) -> dict[str, Any]:
        return self.mapping(self.src.data, fields, (), allow_page_meta)

    def mapping(self, data: dict[str, Any], fields: tuple[Field, ...], path: Path_,
                allow_page_meta: bool = False) -> dict[str, Any]:
        """Checked values of ``data`` by key. With ``allow_page_meta`` the page settings of
        :data:`guongsang.schema.PAGE` (title, description…) are accepted beside ``fields``
        and checked like them."""
        by_key = {f.key: f for f in fields}
        if allow_page_meta:
            by_key.update((f.key, f) for f in PAGE if f.key not in by_key)
        out: dict[str, Any] = {}
        # The values by key as meant: a key with an invisible character is reported once (by
        # clean_key), not again as missing.
        given: dict[str, Any] = {}
        for key, value in data.items():
            written = key_name(key)
            key_s = self.clean_key(written, path)
            given[key_s] = value
            if key_s in by_key:
                out[key_s] = self.value(value, by_key[key_s], path + (written,))
            else:
                self.unknown_key(key_s, list(by_key), path, written)
        for f in fields:
            if f.required and (f.key not in given or given[f.key] in (None, "", [])):
                if f.key in given:
                    continue  # reported by value() as empty
                self.report(path + (f.key,), "thieu-truong",
                            f"Thiếu trường bắt buộc `{f.key}`: {f.label}.",
                            f"Thêm dòng, ví dụ:\n      {example_line(f)}")
        return out

    def unknown_key(self, key: str, known: list[str], path: Path_, written: str = "") -> None:
        guess = did_you_mean(key, known)
        where = f"trong mục `{format_path(path)}`" if path else f"trong mẫu {self.kind_label}"
        at = path + (written or key,)
        if guess:
            self.report(at, "truong-la",
                        f"Trường `{key}` không có {where}. Có phải ý bạn là `{guess}`?",
                        f"Sửa tên trường thành `{guess}`.")
        else:
            self.report(at, "truong-la",
                        f"Trường `{key}` không có {where}.",
                        "Các trường hợp lệ: " + ", ".join(f"`{k}`" for k in known) + ".")

    # -- invisible characters ------------------------------------------------------------------
    def clean_key(self, key: str, path: Path_) -> str:
        """A key without invisible characters; any one of them is an error (a key is looked up
        exactly, so ``ho_ten`` with a zero-width space in it would silently be another key)."""
        found = find_invisible(key)
        if found:
            clean = strip_invisible(key)
            self.report(path + (key,), "ky-tu-an",
                        f"Tên trường `{clean}` có {_where(found)}; tên trường chỉ gồm chữ "
                        "không dấu, số và dấu gạch dưới.", INVISIBLE_HINT)
            return clean
        return key

    def clean_text(self, value: str, f: Field, path: Path_) -> str:
        """``value`` without invisible characters, per the field's rule.

        Refused (an error) in identifiers, names and every field that is not free text, and
        for bidi and control characters anywhere; removed with a warning from free text.
        """
        found = find_invisible(value)
        if not found:
            return value
        free_text = f.type in ("text", "map") and not (f.exact or f.ref or f.link or f.pattern)
        refused = [i for i in found if i.kind != "invisible"]
        if refused or not free_text:
            why = ("ký tự này đổi thứ tự hiển thị của chữ" if any(i.kind == "bidi" for i in found)
                   else "trường này phải ghi đúng từng ký tự")
            self.report(path, "ky-tu-an",
                        f"Trường `{f.key}` có {_where(refused or found)}: {why}.", INVISIBLE_HINT)
        else:
            self.report(path, "ky-tu-an", f"Đã bỏ {_where(found)} khỏi trường `{f.key}`.",
                        REMOVED_HINT, Severity.WARNING)
        return strip_invisible(value)

    # -- values ------------------------------------------------------------------------------
    def value(self, value: Any, f: Field, path: Path_) -> Any:
        if isinstance(value, str):
            value = self.clean_text(value, f, path)
        if value is None or value == "":
            if f.required:
                self.report(path, "thieu-truong", f"Trường bắt buộc `{f.key}` đang để trống: {f.label}.",
                            f"Điền giá trị, ví dụ:\n      {example_line(f)}")
            return None
        checker = getattr(self, f"_{f.type}")
        return checker(value, f, path)

    def wrong_type(self, value: Any, f: Field, path: Path_) -> None:
        self.report(path, "sai-kieu",
                    f"Trường `{f.key}` phải là {TYPE_NAMES[f.type]}, nhưng đang là "
                    f"{describe(value, f.private)}.",
                    f"Ví dụ:\n      {example_line(f)}")

    def _text(self, value: Any, f: Field, path: Path_) -> Any:
        if isinstance(value, (bool, list, dict)):
            self.wrong_type(value, f, path)
            return None
        if isinstance(value, date):
            value = format_date(value)
        value = str(value).strip() if not isinstance(value, str) else value.strip()
        limit = f.max_len or MAX_TEXT_CHARS
        if len(value) > limit:
            self.report(path, "qua-dai",
                        f"`{f.key}` dài {len(value)} ký tự; tối đa {limit} ký tự.",
                        "Viết gọn lại; phần chi tiết đưa vào nội dung bài viết.")
        if f.pattern == "decision" and not DECISION_RE.match(value):
            self.report(path, "so-quyet-dinh",
                        f"Số quyết định {describe(value)} không đúng dạng "
                        "`số/QĐ-cơ quan ban hành`.",
                        "Ví dụ: so_quyet_dinh: 163/QĐ-UBND (chữ Đ có gạch ngang, không dấu cách).")
        if f.ref:
            self.check_ref(value, f, path)
        return value

    def check_ref(self, value: str, f: Field, path: Path_) -> None:
        choices = self.ref.choices(f.ref)
        if value in choices:
            return
        name = REF_NAMES.get(f.ref, f"danh sách `{f.ref[6:]}` (data/tu-vung.yml)")
        guess = did_you_mean(value, choices)
        msg = f"Giá trị {describe(value)} không có trong {name}."
        if guess:
            msg += f" Có phải ý bạn là `{guess}`?"
        shown = ", ".join(choices[:12]) + (", …" if len(choices) > 12 else "")
        self.report(path, "gia-tri-la", msg, f"Các giá trị hợp lệ: {shown}.")

    def _int(self, value: Any, f: Field, path: Path_) -> Any:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(value, f, path)
            return None
        if is_year(f):
            self.check_bounds(value, "Năm này (giá trị riêng tư, không hiển thị ở đây)"
                              if f.private else f"Năm {value}", f, path)
        elif f.minimum is not None and value < f.minimum:
            self.report(path, "so-khong-hop-le",
                        f"`{f.key}` phải là một số từ {f.minimum} trở lên, nhưng đang là {value}.",
                        f"Ví dụ: {f.key}: {f.example}")
        return value

    def _bool(self, value: Any, f: Field, path: Path_) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        self.wrong_type(value, f, path)
        return None

    def _date(self, value: Any, f: Field, path: Path_) -> Any:
        parsed = parse_date(value)
        if parsed is None:
            self.report(path, "ngay-khong-hop-le",
                        f"Ngày {describe(value, f.private)} không hợp lệ hoặc không tồn tại.",
                        f"Viết ngày dạng dd/mm/yyyy, ví dụ: {f.key}: {f.example or '05/01/2024'}")
            return None
        # A private date (a birth date) is never quoted: messages end up in CI logs.
        shown = ("Ngày này (giá trị riêng tư, không hiển thị ở đây)" if f.private
                 else f"Ngày {format_date(parsed)}")
        if not self.check_bounds(parsed.year, shown, f, path, parsed > self.today):
            return None
        return parsed

    def check_bounds(self, year: int, shown: str, f: Field, path: Path_,
                     after_today: bool | None = None) -> bool:
        """The one bound rule of every date and year field: not before the earliest year in
        data/site.yml (``gioi_han_nam``), not in the future for what already happened, and not
        more than ``so_nam_toi_da_ve_sau`` years ahead for the rest. False when out of bounds."""
        bounds = self.ref.site.bounds
        earliest = bounds.earliest(f.key)
        if after_today is None:
            after_today = year > self.today.year
        hint = f"Kiểm tra lại năm, ví dụ: {f.key}: {f.example}"
        if year < earliest:
            self.report(path, "nam-khong-hop-le",
                        f"{shown} sớm hơn năm {earliest}, năm sớm nhất trường `{f.key}` nhận "
                        "(data/site.yml, gioi_han_nam).", hint)
            return False
        if after_today and past_only(f):
            self.report(path, "ngay-tuong-lai",
                        f"{shown} ở tương lai (hôm nay là {format_date(self.today)}).",
                        "Kiểm tra lại năm; chỉ ghi những việc đã diễn ra.")
            return False
        latest = self.today.year + bounds.years_ahead
        if year > latest:
            self.report(path, "nam-khong-hop-le",
                        f"{shown} muộn hơn năm {latest}, năm xa nhất trường `{f.key}` nhận "
                        "(data/site.yml, so_nam_toi_da_ve_sau).", hint)
            return False
        return True

    def _list(self, value: Any, f: Field, path: Path_) -> Any:
        if not isinstance(value, list):
            if f.item and f.item.type == "text" and isinstance(value, str):
                # A single value where a list is expected: accept, but tell the editor.
                self.report(path, "sai-kieu",
                            f"Trường `{f.key}` phải là một danh sách; đã hiểu là một mục {describe(value)}.",
                            f"Viết dạng danh sách, ví dụ:\n      {example_line(f)}",
                            Severity.WARNING)
                value = [value]
            else:
                self.wrong_type(value, f, path)
                return []
        assert f.item is not None
        out = []
        for i, item in enumerate(value):
            checked = self.value(item, f.item, path + (i,))
            if checked is not None:
                out.append(checked)
        return out

    def _object(self, value: Any, f: Field, path: Path_) -> Any:
        if not isinstance(value, dict):
            self.wrong_type(value, f, path)
            return None
        return self.mapping(value, f.fields, path)

    def _map(self, value: Any, f: Field, path: Path_) -> Any:
        if not isinstance(value, dict):
            self.wrong_type(value, f, path)
            return {}
        allowed = self.allowed_keys(f.keys_ref)
        out: dict[str, str] = {}
        for key, text in value.items():
            written = key_name(key)
            key = self.clean_key(written, path)
            at = path + (written,)
            if key not in allowed:
                self.unknown_key(key, allowed, path, written)
                continue
            if isinstance(text, (list, dict, bool)) or text is None or str(text).strip() == "":
                self.report(at, "sai-kieu",
                            f"Minh chứng `{key}` phải là một đoạn chữ, nhưng đang là {describe(text)}.",
                            f"Ví dụ:\n      {key}: Chủ trì 3 hội nghị xúc tiến năm 2024")
                continue
            out[key] = self.clean_text(str(text).strip(), Field(key, "map", f.label), at)
            if len(out[key]) > MAX_TEXT_CHARS:
                self.report(at, "qua-dai",
                            f"`{key}` dài {len(out[key])} ký tự; tối đa {MAX_TEXT_CHARS} ký tự.",
                            "Viết gọn lại; phần chi tiết đưa vào nội dung bài viết.")
        return out

    def allowed_keys(self, keys_ref: str) -> list[str]:
        if keys_ref == "standards":
            return [s.id for s in self.ref.standards]
        if keys_ref == "criteria":
            return [c.id for items in self.ref.criteria.values() for c in items]
        raise KeyError(keys_ref)
