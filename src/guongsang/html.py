"""Tiny HTML builders. Every value coming from a record goes through :func:`esc`."""
from __future__ import annotations

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
