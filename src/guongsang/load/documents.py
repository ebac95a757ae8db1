"""The one way every Markdown file of the site is read.

Profiles, models, campaigns, the hand-written pages of ``content/`` and any kind added later
(stories, nominations) go through :func:`read_document`: UTF-8 check, NFC, front matter with the
real line of every value, the size limits, the guard against Markdown that would take hours to
render, and the invisible-character rule for the body. What a kind does with the result (its
schema, its record) is declared in :mod:`guongsang.load.kinds`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem, Severity
from ..project import Project
from ..site.incremental import reusing
from ..text import find_invisible, format_count, strip_invisible
from .yamlsrc import Source, parse_markdown, read_utf8

# Bodies larger than this are refused: a profile story is a few pages, not a book, and an
# accidental paste of a huge file should not slow every build down.
MAX_BODY_CHARS = 200_000
# Python-Markdown scans ahead from every "[" for its "]", from every "](" for its ")" and from
# every raw "<tag" for its ">"; an opener left open costs a scan to the end of the story, so a
# few dozen kilobytes of "[[[[…" or "<a\n<a\n…" keep a build busy for hours. The work is
# estimated in one pass (:func:`markup_work`, units of roughly a microsecond) and bounded.
MAX_MARKUP_WORK = 5_000_000
_BRACKETS = re.compile(r"(?<!\\)[\[\]]")
_TAGS_AND_PARENS = ((re.compile(r"<[a-zA-Z/!?]|>"), ">", 4), (re.compile(r"\]\(|\)"), ")", 1))
# Front matter beyond this is refused before YAML parsing (thousands of awards fit in a
# fraction of it; PyYAML would need seconds per megabyte).
MAX_FRONT_MATTER_CHARS = 1_000_000

INVISIBLE_HINT = ("Gõ lại đoạn chữ ở chỗ này rồi lưu tệp (VS Code tô sáng các ký tự vô hình và "
                  "ký tự đổi chiều chữ).")
REMOVED_HINT = ("Chữ hiển thị không đổi; muốn hết cảnh báo, gõ lại đoạn chữ ở chỗ này (VS Code tô "
                "sáng các ký tự vô hình).")
_REFUSED_BECAUSE = {
    "bidi": "ký tự này đổi thứ tự hiển thị của chữ, nên người đọc sẽ thấy khác với nội dung thật",
    "control": "ký tự điều khiển không in được, thường do chép từ Word hoặc PDF",
}


def markup_work(text: str) -> tuple[int, int]:
    """Estimated work of rendering ``text`` as Markdown, and the offset of its costliest opener.

    Each opener costs the distance to its closer (to the end of the text when there is none);
    raw-HTML scans are four times cheaper than bracket scans. Linear in the text.
    """
    n = len(text)
    work, worst, worst_at = 0, -1, 0

    def add(start: int, cost: int) -> None:
        nonlocal work, worst, worst_at
        work += cost
        if cost > worst:
            worst, worst_at = cost, start

    stack: list[int] = []
    for m in _BRACKETS.finditer(text):
        if m.group() == "[":
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            add(start, m.start() - start)
    for start in stack:
        add(start, n - start)
    for pattern, closer, cheaper in _TAGS_AND_PARENS:
        pending: list[int] = []
        for m in pattern.finditer(text):
            if m.group() == closer:
                for start in pending:
                    add(start, (m.start() - start) // cheaper)
                pending.clear()
            else:
                pending.append(m.start())
        for start in pending:
            add(start, (n - start) // cheaper)
    return work, worst_at


def read_document(path: Path, project: Project, problems: list[Problem],
                  front_matter: bool = True) -> tuple[Source | None, str]:
    """The parsed file and its text ("" when unreadable); problems go to ``problems``.

    ``front_matter=False`` for plain pages, which may have none. Under the live preview a file
    whose text did not change is not parsed again.
    """
    rel = project.rel(path)
    text, probs = read_utf8(path, rel)
    problems.extend(probs)
    if text is None:
        return None, ""
    key = (str(path.absolute()), rel, front_matter)
    hit = _PARSED.get(key) if reusing() else None
    if hit is not None and hit[0] == text:
        problems.extend(hit[2])
        return hit[1], text
    mine: list[Problem] = []
    src = parse_document(text, rel, mine, front_matter)
    if reusing():
        _PARSED.put(key, (text, src, tuple(mine)))
    problems.extend(mine)
    return src, text


def parse_document(text: str, rel: str, problems: list[Problem],
                   front_matter: bool = True) -> Source | None:
    """:func:`read_document` on text already read (the body comes back cleaned)."""
    src, probs = parse_markdown(text, rel, MAX_FRONT_MATTER_CHARS, front_matter)
    problems.extend(probs)
    if src is None:
        return None
    # The body starts with the line break after the closing `---`: its text, one line below.
    first = src.body_line + (1 if src.body.startswith("\n") else 0)
    if len(src.body) > MAX_BODY_CHARS:
        problems.append(Problem(rel, first, "", "noi-dung-qua-dai",
                                f"Nội dung dài {format_count(len(src.body))} ký tự, vượt giới hạn "
                                f"{format_count(MAX_BODY_CHARS)} ký tự.",
                                "Rút gọn bài viết hoặc tách phần phụ lục ra tài liệu riêng."))
        src.body = ""
        return src
    work, at = markup_work(src.body)
    if work > MAX_MARKUP_WORK:
        problems.append(Problem(
            rel, src.body_line + src.body.count("\n", 0, at), "", "noi-dung-qua-dai",
            "Nội dung có quá nhiều dấu [, ( hoặc < không được đóng (từ dòng này): dựng trang "
            "sẽ mất rất lâu, nên bài viết không được xử lý.",
            "Mỗi dấu mở cần dấu đóng: [chữ](https://…), <em>…</em>. Muốn viết chính dấu [ "
            "hoặc <, gõ \\[ hoặc &lt;."))
        src.body = ""
        return src
    src.body = clean_body(src.body, rel, src.body_line, problems)
    return src


def clean_body(body: str, rel: str, first_line: int, problems: list[Problem]) -> str:
    """The body without invisible characters.

    Bidi controls and control characters are refused, one error per line naming the first
    of them and its column; other invisible characters (zero-width spaces, soft hyphens…,
    what Word and web pages leave behind) are removed with one warning for the whole body.
    """
    found = find_invisible(body)
    if not found:
        return body
    removed = []
    refused_lines: dict[int, list[tuple[int, str, str]]] = {}
    for inv in found:
        line_start = body.rfind("\n", 0, inv.index) + 1
        line = first_line + body.count("\n", 0, inv.index)
        column = inv.index - line_start + 1
        if inv.kind in _REFUSED_BECAUSE:
            refused_lines.setdefault(line, []).append((column, inv.label, inv.kind))
        else:
            removed.append((line, column, inv.label))
    for line, items in refused_lines.items():
        column, label, kind = items[0]
        more = f" (và {len(items) - 1} ký tự như vậy nữa trên dòng này)" if len(items) > 1 else ""
        problems.append(Problem(rel, line, "", "ky-tu-an",
                                f"Nội dung có {label} ở cột {column}{more}: "
                                f"{_REFUSED_BECAUSE[kind]}.", INVISIBLE_HINT))
    if removed:
        line, column, label = removed[0]
        what = (f"{len(removed)} ký tự vô hình khỏi nội dung bài viết; ký tự đầu tiên là {label}"
                if len(removed) > 1 else f"{label} khỏi nội dung bài viết")
        problems.append(Problem(rel, line, "", "ky-tu-an",
                                f"Đã bỏ {what}, ở cột {column} của dòng này.",
                                REMOVED_HINT, Severity.WARNING))
    return strip_invisible(body)


@dataclass(frozen=True)
class PublishedPage:
    """What the engine publishes for one checked Markdown file of content/: never the file as
    it is, only what the check let through."""

    src_uri: str
    """Path inside content/ (``gioi-thieu.md``, ``mo-hinh/index.md``): where the engine, or a
    staging folder it builds from, takes the page."""
    meta: dict[str, Any]
    """The checked page settings (:data:`guongsang.schema.PAGE`: title, description…), the
    only front matter published. Internal notes and record fields never reach the engine."""
    body: str
    """The body without invisible characters (empty when it was refused: too long, a bomb)."""

    @property
    def markdown(self) -> str:
        """The text to render: the settings as front matter, then the body."""
        return published_markdown(self.meta, self.body)


def published_markdown(meta: dict[str, Any], body: str) -> str:
    """The Markdown an engine renders for a checked page: only the checked page settings as
    front matter (never what else the file's front matter holds), then the cleaned body."""
    if not meta:
        return body
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{head}---\n{body}"


class _Memo:
    """A bounded dict for the in-process caches of the loader (oldest entries go first)."""

    def __init__(self, limit: int):
        self.limit = limit
        self._data: dict[tuple, tuple] = {}

    def get(self, key: tuple) -> tuple | None:
        return self._data.get(key)

    def put(self, key: tuple, value: tuple) -> None:
        self._data.pop(key, None)
        self._data[key] = value
        if len(self._data) > self.limit:
            for old in list(self._data)[: len(self._data) - self.limit]:
                del self._data[old]

    def clear(self) -> None:
        self._data.clear()


# Loads repeated in one process (the live preview rebuilds after every save) parse and check
# only the files whose text changed. Keyed by path and compared by full text, never by
# modification time, so an edit is never missed. Sized for a whole province and then some.
_PARSED = _Memo(50_000)
