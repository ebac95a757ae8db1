"""Relative Markdown links of a page staged one folder deeper (``a/b.md`` → ``a/b/index.md``).

Why pages move: Zensical reads every relative URL of a page, raw HTML included, as relative to
the page's *source file*; MkDocs reads raw HTML as relative to the page's *address*. For an
index page the two are the same folder. Staging every other page as ``<name>/index.md`` makes
them the same for every page (ENGINES.md, difference 1), and the address does not change.

What MkDocs does with a Markdown link (``[x](url)``, ``![x](url)``, ``[id]: url``) decides what
must change here: a relative URL whose path leads, from the source file's folder, to a file of
the site is rewritten by the engine into a link to that file's address; any other URL is kept
as written, and the browser reads it relative to the address. So:

* a link that leads to a staged file is rewritten so that it leads to the same file from the
  page's new place (one ``../`` more), or to the new place of a page that moved itself;
* a link that leads nowhere is kept as written: the engine keeps it so, and the address it is
  read against did not change;
* external URLs (``https:``, ``mailto:``…), ``#anchors``, absolute paths (``/x``), front
  matter, code spans, fenced code and HTML comments are never touched, nor raw HTML (read
  relative to the address by every engine once the page sits in its own folder).

PASS (``gioi-thieu.md`` staged as ``gioi-thieu/index.md``, ``so-tay.md`` as ``so-tay/index.md``):
    [Hồ sơ An](ho-so/an/index.md)      →  [Hồ sơ An](../ho-so/an/index.md)
    ![Ảnh](anh.png "Ảnh tập thể")      →  ![Ảnh](../anh.png "Ảnh tập thể")
    [sổ tay]: so-tay.md#muc-1          →  [sổ tay]: ../so-tay/index.md#muc-1
    [Trang chủ](https://x.org/), [mục](#muc), [gốc](/tim-kiem/), `[mã](a.md)`  →  unchanged
FAIL (what this module must never produce):
    [Hồ sơ An](ho-so/an/index.md)      →  [Hồ sơ An](ho-so/an/index.md)   (leads nowhere now)
    [trang](../ho-so/an/)              →  [trang](../../ho-so/an/)         (MkDocs kept it as
                                                                           written: so must we)
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Container, Mapping
from urllib.parse import quote, unquote, urlsplit

from . import frontmatter

_PROTECTED = re.compile(
    r"^[ ]{0,3}(?P<mark>`{3,}|~{3,})[^\n]*(?:\n(?![ ]{0,3}(?P=mark))[^\n]*)*(?:\n[^\n]*|\Z)"
    r"|<!--[\s\S]*?(?:-->|\Z)"
    r"|(?P<ticks>`+)(?!`)[\s\S]*?(?<!`)(?P=ticks)(?!`)",
    re.MULTILINE)
"""Regions whose text is code or a comment: a link-like text in them is not a link."""

_INLINE = re.compile(r"(?P<open>\]\(\s*)(?P<url><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
"""The URL of an inline link or image: ``](url`` or ``](<url>``, balanced parentheses inside."""
_DEFINITION = re.compile(r"^(?P<open>[ ]{0,3}\[[^\]\n]+\]:[ \t]*)(?P<url><[^<>\n]*>|\S+)",
                         re.MULTILINE)
"""The URL of a reference-style definition: ``[id]: url``."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def nested(uri: str) -> str:
    """Where a page is staged so that its source folder is its address folder.

    >>> nested("mo-hinh/x.md"), nested("gioi-thieu.md"), nested("ho-so/an/index.md")
    ('mo-hinh/x/index.md', 'gioi-thieu/index.md', 'ho-so/an/index.md')
    """
    folder, _, name = uri.rpartition("/")
    stem = name[:-3] if name.endswith(".md") else None
    if stem is None or stem in ("index", "README"):
        return uri
    return f"{folder}/{stem}/index.md" if folder else f"{stem}/index.md"


def rewrite_url(url: str, old_uri: str, new_uri: str, moved: Mapping[str, str],
                exists: Container[str]) -> str:
    """``url`` as written in the page ``old_uri``, for the same page staged at ``new_uri``.

    ``moved`` maps the old path of every page that moves to its new one; ``exists`` holds every
    staged file by its old path (a link that leads to none of them is kept as written).
    """
    bracketed = url.startswith("<") and url.endswith(">")
    raw = url[1:-1] if bracketed else url
    if not raw or raw.startswith(("#", "/", "?")) or _SCHEME.match(raw):
        return url
    parts = urlsplit(raw)
    if not parts.path:
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(old_uri),
                                               unquote(parts.path))).lstrip("/")
    if target not in exists:
        return url
    if target in moved:
        path = quote(posixpath.relpath(moved[target], posixpath.dirname(new_uri) or "."),
                     safe="/!$&'()*+,;=:@-._~")
    elif new_uri == old_uri:
        return url
    else:
        path = posixpath.relpath(posixpath.dirname(old_uri) or ".",
                                 posixpath.dirname(new_uri) or ".") + "/" + parts.path
    rest = raw[len(parts.path):]  # the query and fragment exactly as written
    new = path + rest
    return f"<{new}>" if bracketed else new


def rewrite(text: str, old_uri: str, new_uri: str, moved: Mapping[str, str],
            exists: Container[str]) -> str:
    """The Markdown ``text`` of page ``old_uri`` with its links fit for ``new_uri``
    (:func:`rewrite_url` for each link outside front matter, code and comments)."""
    if "](" not in text and "]:" not in text:
        return text  # nothing that could be a link: most generated pages
    parts = frontmatter.split(text)
    head = text[:len(text) - len(parts.body)] if text.endswith(parts.body) else ""
    body = text[len(head):]

    def fix(match: re.Match[str]) -> str:
        return match["open"] + rewrite_url(match["url"], old_uri, new_uri, moved, exists)

    out: list[str] = []
    last = 0
    for region in _PROTECTED.finditer(body):
        out.append(_relink(body[last:region.start()], fix))
        out.append(region.group(0))
        last = region.end()
    out.append(_relink(body[last:], fix))
    return head + "".join(out)


def _relink(chunk: str, fix: Callable[[re.Match[str]], str]) -> str:
    return _DEFINITION.sub(fix, _INLINE.sub(fix, chunk))
