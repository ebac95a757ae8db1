"""Unsafe HTML in stories, pages and fields: scripts, event handlers, javascript: links, frames.

Every record of every kind is checked (:meth:`Corpus.records`): profiles, models, campaigns,
the hand-written pages of content/ and whatever kind comes next.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

from ..load.corpus import Corpus
from ..problems import Problem
from ..records import Record
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
_MESSAGES = {
    "tag": ("thẻ HTML <{0}> không được phép trong bài viết.",
            "Xoá thẻ này; muốn chèn video hay bản đồ, hãy nhờ nhóm kỹ thuật."),
    "handler": ("thuộc tính sự kiện `{0}` (chạy mã JavaScript) không được phép.",
                "Xoá thuộc tính này; chỉ dùng Markdown thông thường."),
    "link": ("liên kết `{0}:` có thể chạy mã độc và không được phép.",
             "Dùng liên kết https://…, ví dụ: [Báo Lâm Đồng](https://baolamdong.vn/)"),
}
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
    found = [("tag", m) for m in _TAG.finditer(body)]
    found += [("handler", m) for m in _HANDLER.finditer(body)]
    found += [("handler", m) for m in _ATTR_LIST_HANDLER.finditer(body)]
    found += [("link", m) for m in _LINK_TARGET.finditer(body)]
    for kind, m in found:
        message, hint = _MESSAGES[kind]
        line = record.source.body_line + body.count("\n", 0, m.start(1))
        yield Problem(record.file, line, "", "html-nguy-hiem",
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


def _embed_problems(record: Record, hosts: tuple[str, ...]) -> Iterator[Problem]:
    body = normalise(record.body)
    for m in _EMBED.finditer(body):
        tag = m.group(1).lower()
        attrs = {a.group(1).lower(): next((g for g in a.groups()[1:] if g is not None), "")
                 for a in _ATTR.finditer(m.group(2))}
        target = attrs.get("data" if tag == "object" else "src", "")
        host = _HOST.match(target.strip())
        extra = sorted(set(attrs) - _EMBED_ATTRS)
        line = record.source.body_line + body.count("\n", 0, m.start(1))
        if not hosts:
            message = f"Nội dung có thẻ HTML <{tag}> không được phép trong bài viết."
        elif host is None or host.group(1).lower() not in hosts:
            shown = host.group(1) if host else target[:60] or "(không có địa chỉ)"
            message = (f"Nội dung có thẻ HTML <{tag}> nhúng \"{shown}\": chỉ được nhúng trang "
                       "https:// của máy chủ có trong data/site.yml (nhung_duoc_phep).")
        elif extra:
            message = (f"Nội dung có thẻ HTML <{tag}> với thuộc tính `{extra[0]}`, không được "
                       "phép trong khung nhúng.")
        else:
            continue
        yield Problem(record.file, line, "", "html-nguy-hiem", message,
                      "Xoá thẻ này; muốn chèn video hay bản đồ, hãy nhờ nhóm kỹ thuật.")


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
                     f"\"{m.group(0)[:40]}\".",
                     "Xoá phần trong dấu < > hoặc liên kết javascript:, chỉ để lại chữ.")
