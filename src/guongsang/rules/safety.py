"""Unsafe HTML in stories and fields: scripts, event handlers, javascript: links."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..loader import Corpus
from ..problems import Problem
from ..records import Record
from . import at, rule

_BODY_PATTERNS = [
    (re.compile(r"<\s*(script|iframe|object|embed|style|form|base|meta|link)\b", re.I),
     "thẻ HTML <{0}> không được phép trong bài viết.",
     "Xoá thẻ này; muốn chèn video hay bản đồ, hãy nhờ nhóm kỹ thuật."),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I),
     "thuộc tính sự kiện `{0}` (chạy mã JavaScript) không được phép.",
     "Xoá thuộc tính này; chỉ dùng Markdown thông thường."),
    (re.compile(r"(javascript|vbscript|data)\s*:(?!\s*image/)", re.I),
     "liên kết `{0}:` có thể chạy mã độc và không được phép.",
     "Dùng liên kết https://…, ví dụ: [Báo Lâm Đồng](https://baolamdong.vn/)"),
]
_FIELD_PATTERN = re.compile(r"<\s*/?\s*[a-z!][^>]*>|javascript\s*:|vbscript\s*:", re.I)
# A plain-text link "data:" would be rare in a story; only flag it inside link syntax.
_LINK_TARGET = re.compile(r"(?:\]\(|href\s*=\s*[\"']?|src\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:", re.I)


def _body_problems(record: Record) -> Iterator[Problem]:
    for n, line in enumerate(record.body.split("\n")):
        for pattern, message, hint in _BODY_PATTERNS[:2]:
            if m := pattern.search(line):
                yield Problem(record.file, record.source.body_line + n, "", "html-nguy-hiem",
                              "Nội dung có " + message.format(m.group(1).lower()), hint)
        if m := _LINK_TARGET.search(line):
            _, message, hint = _BODY_PATTERNS[2]
            yield Problem(record.file, record.source.body_line + n, "", "html-nguy-hiem",
                          "Nội dung có " + message.format(m.group(1).lower()), hint)


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (str(k),))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


@rule("html-nguy-hiem")
def unsafe_html(corpus: Corpus) -> Iterator[Problem]:
    """No scripts, event handlers or javascript: links in bodies; no HTML at all in fields.

    PASS: ``[Xem bài](https://baolamdong.vn/bai-viet)`` in the body
    FAIL: ``<script>alert(1)</script>``, ``<img onerror=…>``, ``[x](javascript:alert(1))``;
          ``ho_ten: "<b>An</b>"``
    """
    for record in [*corpus.profiles.values(), *corpus.models.values(), *corpus.campaigns.values()]:
        yield from _body_problems(record)
        for path, text in _strings(record.source.data, ()):
            if m := _FIELD_PATTERN.search(text):
                yield at(record, path, "html-trong-truong",
                         f"Trường chỉ nhận chữ thường, không nhận HTML hay mã: tìm thấy "
                         f"\"{m.group(0)[:40]}\".",
                         "Xoá phần trong dấu < > hoặc liên kết javascript:, chỉ để lại chữ.")
