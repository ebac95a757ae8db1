"""Unsafe HTML in stories, pages and fields: scripts, event handlers, javascript: links, frames.

Every record of every kind is checked (:meth:`Corpus.records`): profiles, models, campaigns,
the hand-written pages of content/ and whatever kind comes next.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html import unescape
from typing import Any

from ..load.corpus import Corpus
from ..problems import Problem
from ..records import Record
from ..text import strip_invisible
from . import at, per_record, rule

_TAG = re.compile(r"<\s*(script|frame|frameset|applet|portal|style|form|"
                  r"base|meta|link|svg|math)\b", re.IGNORECASE)
# Embedded pages and plug-ins: refused unless the page they load is on a host listed in
# data/site.yml (``nhung_duoc_phep``), over https, with nothing but plain attributes.
_EMBED = re.compile(r"<\s*(iframe|object|embed)\b([^>]*)", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_EMBED_ATTRS = {"src", "data", "width", "height", "title", "loading", "allowfullscreen",
                "referrerpolicy", "frameborder", "sandbox", "type", "class"}
_HOST = re.compile(r"^https://([^/?#:@\s]+)(?:[/?#]|$)", re.IGNORECASE)
# Event handler inside a tag (the tag may span lines; "<svg/onload=" has no space before it)…
_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE)
# …or in a Markdown attribute list, which attr_list turns into a real attribute:
# "[x](https://a.vn){ onclick=… }", "Đoạn văn\n{: onmouseover=… }".
_ATTR_LIST_HANDLER = re.compile(r"\{[^{}\n]*?(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)
# A URL with a dangerous scheme where Markdown or HTML takes a link: "](…", a reference
# definition "[id]: …", any attribute "=…" (href, src, formaction, xlink:href, attr_list),
# or CSS "url(…". A plain-text "data:" in a sentence is left alone.
_LINK_TARGET = re.compile(r"(?:\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:\s*<?|=\s*[\"']?|url\(\s*[\"']?)"
                          r"\s*(javascript|vbscript|data)\s*:", re.IGNORECASE | re.MULTILINE)
_EMBED_HINT = "Xoá thẻ này; muốn chèn video hay bản đồ, hãy nhờ nhóm kỹ thuật."
_FIELD_PATTERN = re.compile(r"<\s*/?\s*[a-z!][^>]*>|javascript\s*:|vbscript\s*:"
                            r"|\{[^{}]*?(?<![\w-])on[a-z]+\s*=", re.IGNORECASE)
# Browsers drop tabs, line breaks and other control characters inside a URL, so
# "java&#x09;script:" runs like "javascript:".
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalise(text: str) -> str:
    """What a browser sees in each line: entities decoded, control characters dropped.

    Line breaks are kept (one output line per input line) so offsets still give line numbers.
    """
    return "\n".join(_CONTROL.sub("", unescape(line)) for line in text.split("\n"))


def _body_problems(record: Record) -> Iterator[Problem]:
    body = normalise(record.body)

    def line(m: re.Match[str]) -> int:
        return record.source.body_line + body.count("\n", 0, m.start(1))

    for m in _TAG.finditer(body):
        yield Problem(record.file, line(m), "", "html-nguy-hiem",
                      f"Nội dung có thẻ HTML <{m.group(1).lower()}> không được phép trong bài "
                      "viết.", _EMBED_HINT)
    for m in [*_HANDLER.finditer(body), *_ATTR_LIST_HANDLER.finditer(body)]:
        yield Problem(record.file, line(m), "", "html-nguy-hiem",
                      f"Nội dung có thuộc tính sự kiện `{m.group(1).lower()}` (chạy mã "
                      "JavaScript) không được phép.",
                      "Xoá thuộc tính này; chỉ dùng Markdown thông thường.")
    for m in _LINK_TARGET.finditer(body):
        yield Problem(record.file, line(m), "", "html-nguy-hiem",
                      f"Nội dung có liên kết `{m.group(1).lower()}:` có thể chạy mã độc và không "
                      "được phép.",
                      "Dùng liên kết https://…, ví dụ: [Báo Lâm Đồng](https://baolamdong.vn/)")


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (str(k),))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


def _embed_problems(record: Record, hosts: tuple[str, ...]) -> Iterator[Problem]:
    # Tags are read as written, and each attribute value decoded as a browser decodes it
    # (entities, control characters): decoding first would cut `srcdoc="&lt;p&gt;"` short.
    body = record.body
    for m in _EMBED.finditer(body):
        tag = m.group(1).lower()
        pairs = [(a.group(1).lower(),
                  normalise(next((g for g in a.groups()[1:] if g is not None), "")))
                 for a in _ATTR.finditer(m.group(2))]
        attrs = dict(pairs)
        # A browser takes the first of two same-named attributes, a dict the last: refuse both.
        twice = sorted(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        target = attrs.get("data" if tag == "object" else "src", "")
        host = _HOST.match(target.strip())
        extra = sorted(set(attrs) - _EMBED_ATTRS)
        line = record.source.body_line + body.count("\n", 0, m.start(1))
        if not hosts:
            yield Problem(record.file, line, "", "html-nguy-hiem",
                          f"Nội dung có thẻ HTML <{tag}> không được phép trong bài viết.",
                          _EMBED_HINT)
        elif host is None or host.group(1).lower() not in hosts:
            shown = host.group(1) if host else target[:60] or "(không có địa chỉ)"
            yield Problem(record.file, line, "", "html-nguy-hiem",
                          f"Nội dung có thẻ HTML <{tag}> nhúng \"{strip_invisible(shown)}\": chỉ "
                          "được nhúng trang https:// của máy chủ có trong data/site.yml "
                          "(nhung_duoc_phep).", _EMBED_HINT)
        elif twice:
            yield Problem(record.file, line, "", "html-nguy-hiem",
                          f"Nội dung có thẻ HTML <{tag}> ghi thuộc tính `{twice[0]}` hai lần: "
                          "mỗi thuộc tính chỉ được ghi một lần.", _EMBED_HINT)
        elif extra:
            yield Problem(record.file, line, "", "html-nguy-hiem",
                          f"Nội dung có thẻ HTML <{tag}> với thuộc tính `{extra[0]}`, không được "
                          "phép trong khung nhúng.", _EMBED_HINT)


@rule("html-nguy-hiem")
def unsafe_html(corpus: Corpus) -> Iterator[Problem]:
    """No scripts, event handlers or javascript: links in bodies; no HTML at all in fields;
    no embedded page (iframe, object, embed) unless data/site.yml lists its host.

    PASS: ``[Xem bài](https://baolamdong.vn/bai-viet)`` in the body
    FAIL: ``<script>alert(1)</script>``, ``<img onerror=…>``, ``[x](javascript:alert(1))``,
          ``<iframe src="https://example.org/">``; ``ho_ten: "<b>An</b>"``
    """
    hosts = corpus.ref.site.embed_hosts
    for _kind, record in corpus.records():
        yield from _record_problems(record)
        yield from _embed_problems(record, hosts)


@per_record
def _record_problems(record: Record) -> Iterator[Problem]:
    yield from _body_problems(record)
    for path, text in _strings(record.source.data, ()):
        if m := _FIELD_PATTERN.search(text) or _FIELD_PATTERN.search(normalise(text)):
            yield at(record, path, "html-trong-truong",
                     f"Trường chỉ nhận chữ thường, không nhận HTML hay mã: tìm thấy "
                     f"\"{strip_invisible(m.group(0)[:40])}\".",
                     "Xoá phần trong dấu < > hoặc liên kết javascript:, chỉ để lại chữ.")
