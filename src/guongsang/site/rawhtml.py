"""Keep the generated pages' raw-HTML blocks away from the Markdown engine.

Generated pages are mostly HTML written on one line per block (cards, tables, lists). Markdown
passes such a block through unchanged, but only after running it through Python's pure-Python
HTML parser, twice under MkDocs (Python-Markdown's block extractor, then MkDocs' own scan for
``id`` attributes): most of the time spent converting a profile page. :func:`protect` swaps each
such block for a one-word paragraph before conversion and :func:`restore` puts the block back
in the HTML, so the output is byte for byte what Markdown would have produced.

Only a line Markdown itself would pass through verbatim is swapped: alone between blank lines,
outside fenced code, one block-level element from its first character to its last.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from html import unescape

# Tags Python-Markdown passes through verbatim when a block starts with them (a subset of
# markdown.Markdown.block_level_elements; any other tag only makes this module more careful).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "main", "nav", "ol", "p", "section", "table", "ul",
})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr"})
_FIRST = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ANCHOR = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']*)["']|<a\b[^>]*?\sname=["']([^"']*)["']""")


@dataclass
class Protected:
    """Markdown with its raw blocks swapped out, and the blocks to put back."""

    markdown: str
    blocks: list[str] = field(default_factory=list)
    token: str = ""

    def restore(self, html: str) -> str:
        """Put every block back where Markdown left its paragraph."""
        if not self.blocks:
            return html
        # Markdown ends a raw block with a newline of its own and strips the end of the page.
        out = re.sub(rf"<p>{self.token}(\d+)Z</p>", lambda m: self.blocks[int(m.group(1))] + "\n",
                     html)
        return out.rstrip("\n") if not html.endswith("\n") else out

    def ids(self) -> set[str]:
        """Anchors inside the swapped blocks: ``id`` of any tag, ``name`` of ``<a>`` (MkDocs
        collects the same from raw HTML to check links to anchors)."""
        return {unescape(i or n) for block in self.blocks for i, n in _ANCHOR.findall(block)}


def _whole_element(line: str) -> bool:
    """True when ``line`` is one block-level element, opened at its start, closed at its end."""
    m = _FIRST.match(line)
    if not m or m.group(1) not in BLOCK_TAGS or not line.endswith(f"</{m.group(1)}>"):
        return False
    name = m.group(1)
    depth = 0
    for t in re.finditer(rf"<(/?){name}[\s>]", line):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return t.end() == len(line)
    return False


def _open_tags(line: str, counts: dict[str, int]) -> None:
    """Add the line's opening tags to ``counts`` and take away its closing tags."""
    for closing, name, selfclosing in _TAG.findall(line):
        name = name.lower()
        if name in VOID_TAGS or selfclosing:
            continue
        counts[name] = counts.get(name, 0) + (-1 if closing else 1)


def _blank(lines: list[str], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].strip()


def protect(markdown: str) -> Protected:
    """Swap the raw blocks Markdown would copy verbatim for placeholders (see module doc).

    A line that opens HTML it does not close (a wrapper ``<div>`` on its own line, a comment)
    starts a region that Markdown copies as one block, blank lines included: the region is
    swapped whole when it is one block-level element between blank lines, else left alone.
    """
    lines = markdown.split("\n")
    token = f"GSRAW{secrets.token_hex(4)}X"
    out = Protected(markdown, token=token)
    swaps: list[tuple[int, int]] = []
    fenced = comment = False
    region: dict[str, int] = {}
    start, first = -1, ""
    for i, line in enumerate(lines):
        if comment:
            comment = "-->" not in line
            continue
        if region:
            _open_tags(line, region)
            region = {k: v for k, v in region.items() if v > 0}
            if not region and first and line.endswith(f"</{first}>") and _blank(lines, i + 1):
                swaps.append((start, i))
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        stripped = line.lstrip()
        if fenced or not stripped.startswith("<"):
            continue
        if stripped.startswith("<!--"):
            comment = "-->" not in stripped
            continue
        alone = line[0] == "<" and _blank(lines, i - 1)
        if alone and _blank(lines, i + 1) and _whole_element(line):
            swaps.append((i, i))
            continue
        _open_tags(line, region)
        region = {k: v for k, v in region.items() if v > 0}
        m = _FIRST.match(line)
        start, first = i, (m.group(1) if alone and m and m.group(1) in BLOCK_TAGS
                           and region.get(m.group(1)) else "")
    for a, b in reversed(swaps):
        out.blocks.append("\n".join(lines[a:b + 1]))
        lines[a:b + 1] = [f"{token}{len(out.blocks) - 1}Z"]
    if out.blocks:
        out.markdown = "\n".join(lines)
    return out
