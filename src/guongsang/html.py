"""Tiny HTML builders. Every value coming from a record goes through :func:`esc`."""
from __future__ import annotations

import re
from html import escape


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


# Characters Python-Markdown gives a meaning to in running text (its ESCAPED_CHARS, with the
# pipe the tables extension adds); a backslash makes each stand for itself.
_MD_SPECIAL = set("\\\\`*_{}[]()>#+-.!|")


def md_text(value: object) -> str:
    r"""Record text for a Markdown line (a heading): HTML-escaped, Markdown syntax neutralised.

    >>> md_text("Nguyễn *Văn* <A>")
    'Nguyễn \\*Văn\\* &lt;A&gt;'
    """
    text = escape("" if value is None else " ".join(str(value).split()), quote=False)
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def attrs(**kw: object) -> str:
    """``attrs(class_="a", href="b")`` -> ``class="a" href="b"`` (None values dropped)."""
    out = []
    for k, v in kw.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("_", "-")
        out.append(name if v is True else f'{name}="{esc(v)}"')
    return " ".join(out)


def tag(name: str, inner: str = "", **kw: object) -> str:
    a = attrs(**kw)
    return f"<{name}{' ' + a if a else ''}>{inner}</{name}>"


def link(href: str, text: str, **kw: object) -> str:
    return tag("a", esc(text), href=href, **kw)


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter for a generated Markdown page (safe_dump: no injection via values)."""
    import yaml

    # libyaml's emitter writes the same text as PyYAML's, five times faster (one call per page).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "---\n" + yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False) + "---\n\n"


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})(\s)")


def demote_headings(markdown: str, top: int = 3) -> str:
    """Move the headings of an editor's body so its highest one is ``top``: h3 under a
    profile's "Câu chuyện" (h2), h2 on a story's page (under its title).

    The shift is relative: a story whose first level is ``###`` keeps its structure instead of
    jumping from h2 to h4 (HTML checkers flag skipped levels, and so do screen readers' users).
    """
    lines, fenced, levels = markdown.split("\n"), False, []
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            levels.append(len(m.group(1)))
    if not levels:
        return markdown
    shift = top - min(levels)
    out, fenced = [], False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            line = "#" * max(1, min(6, len(m.group(1)) + shift)) + line[len(m.group(1)):]
        out.append(line)
    return "\n".join(out)


def redirect_html(target: str, title: str) -> str:
    """A static page that sends readers of a former address to the current one."""
    return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><meta name=\"robots\" content=\"noindex\">"
            f"<link rel=\"canonical\" href=\"{esc(target)}\">"
            f"<meta http-equiv=\"refresh\" content=\"0; url={esc(target)}\"></head>"
            f"<body><p>Trang đã chuyển tới <a href=\"{esc(target)}\">{esc(title)}</a>.</p></body></html>")
