"""Every link and image an editor wrote in a Markdown body, with the offset it starts at.

Found: inline links ``[t](x)`` and images ``![a](x)``, reference definitions ``[id]: x``, and
``href``/``src`` of raw HTML tags. Left out: whatever sits in a fenced code block or a code span
(shown as code, never a link) and HTML comments (never published). One pass over the body with
linear regular expressions: a body of any size costs its length, and the bodies are the ones the
loader already read (nothing is parsed twice, nothing is rendered).

Indented code blocks (four spaces) are not masked: telling them from a list's continuation needs
the whole Markdown parser, and a link in one is rare; it would be reported as a link.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
"""The opening (or closing) fence of a fenced code block."""
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\n(?!\n)|\[[^\[\]\n]*\])*)\]\(\s*"
    r"(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[(?!\^)([^\[\]\n]+)\]:[ \t]*(?:\n[ \t]*)?(<[^<>\n]*>|\S+)",
                        re.MULTILINE)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?>")
_ATTR = re.compile(r"""(?:^|\s)(href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class BodyLink:
    """One link target as written in a body."""

    offset: int
    """Where the target starts in the body (for the line)."""
    target: str
    """The target as Markdown reads it: angle brackets and backslash escapes removed, character
    references (``&#106;``) decoded."""
    written: str
    """The target exactly as it stands in the file, for the message."""
    kind: str
    """``link``, ``image``, ``reference`` (``[id]: x``) or ``html`` (``href``/``src`` of a tag)."""
    text: str = ""
    """The link text or image description (empty for a reference or a tag)."""


def _blank(m: re.Match[str]) -> str:
    """The match replaced by spaces, its line breaks kept: offsets and lines stay true."""
    return re.sub(r"[^\n]", " ", m.group(0))


def _mask_fences(body: str) -> str:
    """Blank every fenced code block, fences included; one never closed runs to the end of the
    body, as Markdown reads it."""
    lines = body.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if not fence and m:
            fence = m.group(1)
        elif fence and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                and not line[m.end():].strip():
            fence = ""
        else:
            if not fence:
                continue
        lines[i] = " " * len(line)
    return "\n".join(lines)


def masked(body: str) -> str:
    """``body`` with code blocks, code spans and comments blanked out (same length, same lines)."""
    text = _COMMENT.sub(_blank, _mask_fences(body))
    return _CODE_SPAN.sub(_blank, text)


def body_links(body: str) -> list[BodyLink]:
    """Every link target of ``body``, in the order they appear."""
    if "](" not in body and "]:" not in body and "<" not in body:
        return []  # most bodies: no link at all, and no need to mask anything
    text = masked(body)
    out: list[BodyLink] = []
    for m in _INLINE.finditer(text):
        raw = body[m.start(3):m.end(3)]
        target = html.unescape(raw[1:-1] if raw.startswith("<") else _ESCAPE.sub(r"\1", raw))
        out.append(BodyLink(m.start(3), target, raw, "image" if m.group(1) else "link",
                            " ".join(body[m.start(2):m.end(2)].split())))
    for m in _REFERENCE.finditer(text):
        raw = body[m.start(2):m.end(2)]
        target = html.unescape(raw[1:-1] if raw.startswith("<") else _ESCAPE.sub(r"\1", raw))
        out.append(BodyLink(m.start(2), target, raw, "reference", m.group(1)))
    for tag in _TAG.finditer(text):
        attrs = tag.group(2) or ""
        base = tag.start(2)
        for a in _ATTR.finditer(attrs):
            value = a.group(2)
            start = base + a.start(2)
            raw = body[start:start + len(value)]
            inner = raw[1:-1] if raw[:1] in "\"'" else raw
            out.append(BodyLink(start + (1 if raw[:1] in "\"'" else 0), html.unescape(inner),
                                inner, "html", a.group(1).lower()))
    return sorted(out, key=lambda x: x.offset)
