"""Front matter of a materialised page: split it as site engines do, add the generator's keys.

Every engine of the MkDocs family (MkDocs, ProperDocs, Zensical) reads a page's metadata from a
YAML block at its very top, found with the same pattern (copied below from MkDocs 1.6's
``mkdocs.utils.meta``) and loaded as safe YAML. The generator's metadata (``title`` and
``description`` of a campaign page, ``og`` share data of every page) is written into that block,
so an engine needs nothing but the file to render the page.

The page's own keys win and its own text is kept line for line: missing keys are appended at the
end of the block, so a hand-written page keeps its line numbers and its formatting.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

# libyaml where PyYAML has it, as MkDocs 1.6 itself loads front matter (``mkdocs.utils.meta``):
# the same reading as the engine's, and five to ten times faster than PyYAML's own parser and
# emitter (a third of materialising every page at 2,000 profiles went to them).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
"""The front-matter block as MkDocs 1.6 finds it (``mkdocs.utils.meta.YAML_RE``)."""


@dataclass(frozen=True)
class Split:
    """A page cut into its front matter and its body, as an engine would read it."""

    block: str
    """The YAML text between the fences, ending with a newline (``""`` when there is none)."""
    meta: dict
    """The parsed block; empty when there is no block or it is not a YAML mapping."""
    body: str
    """The Markdown after the block, leading blank lines removed (as MkDocs hands it on)."""


def split(markdown: str) -> Split:
    """Front matter and body of ``markdown``. A block that is not a YAML mapping (or fails to
    parse) is not front matter: engines then render it as text, so it stays in the body."""
    m = YAML_RE.match(markdown)
    if m:
        try:
            data = yaml.load(m.group(1), Loader=_LOADER)
        except Exception:  # noqa: BLE001 - any failure, as MkDocs reads it (a bad date too)
            data = None
        if isinstance(data, dict):
            return Split(m.group(1), data, markdown[m.end():].lstrip("\n"))
    return Split("", {}, markdown)


def dump_value(key: str, value: object) -> str:
    """One top-level ``key: value`` entry as YAML (block style, Unicode kept, no line folding)."""
    return yaml.dump({key: value}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1 << 30)


def join(block: str, body: str) -> str:
    """A page from its front-matter text and its body (no block when ``block`` is empty)."""
    if not block:
        return body
    return f"---\n{block}---\n\n{body}"


def with_defaults(markdown: str, defaults: Mapping[str, object], body: str | None = None, *,
                  ours: bool = False) -> str:
    """``markdown`` with every key of ``defaults`` it lacks added to its front matter, and its
    body replaced by ``body`` when given. Keys the page already has are left as written.

    ``ours``: the block was written by :func:`guongsang.html.front_matter` (always a block
    mapping ending in a newline), so appended lines need no proof by parsing it again; an
    editor's block is always re-read (it may be in flow style)."""
    parts = split(markdown)
    missing = {k: v for k, v in defaults.items() if k not in parts.meta}
    block = parts.block if parts.meta else ""
    if missing:
        block = _appended(block, parts.meta, missing, verify=not ours)
    return join(block, parts.body if body is None else body)


def _appended(block: str, meta: dict, missing: dict, *, verify: bool = True) -> str:
    """``block`` with ``missing`` appended, or the whole mapping written anew when appending
    lines would not give it (a block in flow style, ``{a: 1}``, cannot take more lines)."""
    out = block + "".join(dump_value(k, v) for k, v in missing.items())
    if meta and verify:
        try:
            same = yaml.load(out, Loader=_LOADER) == {**meta, **missing}
        except Exception:  # noqa: BLE001 - as in split()
            same = False
        if not same:
            out = yaml.dump({**meta, **missing}, Dumper=_DUMPER, allow_unicode=True,
                            sort_keys=False, width=1 << 30)
    return out
