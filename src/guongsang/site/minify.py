"""Whitespace of the built pages, collapsed: the same rendering in fewer bytes.

Material's templates indent every line of its header, navigation and sidebars, and at a
province's scale that indentation is a sixth of every page (3 of 17 KB of a profile page). A
browser shows any run of blanks in text as one space, unless CSS says ``white-space: pre…``;
so each run of blanks between or inside text is written as one character, a line break when the
run held one (the page keeps its lines, for a reader of the source and for the line numbers of
the HTML checks), a space otherwise. That is all: no tag, attribute, comment or character of
text is touched, nothing is removed that a browser would render, and a page minified twice is
the page minified once.

Kept exactly as written: everything inside a tag (attribute values may hold several spaces);
comments; and the elements whose text the browser or the theme keeps as is: ``pre``,
``textarea``, ``script``, ``style``, and ``code`` and ``kbd``, which Material's CSS shows
with ``white-space: pre-wrap``. Runs before the other post-build steps (which read the pages),
on every engine's output; not under the live preview, whose pages are rewritten on each save.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem
from ..project import Project
from .output import SiteOutput
from .postbuild import post_build

log = logging.getLogger("mkdocs.plugins.guongsang.minify")

KEPT = ("pre", "textarea", "script", "style", "code", "kbd")
"""Elements whose content keeps its whitespace (raw text, or ``white-space: pre-wrap``)."""

_BLANK = " \t\n\r\f"
"""HTML's whitespace: a no-break space or any other Unicode space is text and stays."""
_ATTRS = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
"""What follows a tag's name up to its ">": quoted values are skipped whole (they may hold ">"
or blanks). Possessive, so a tag that does not close is given up on at once, never retried."""
_KEPT = "|".join(KEPT)
_PIECE = re.compile(
    # Markup, copied as it is; each form is followed by its unclosed variant, which runs to the
    # end of the page (as a browser reads it), so no start is ever scanned twice: linear time.
    r"<!--.*?-->|<!--.*"                                             # a comment
    rf"|<({_KEPT})(?=[{_BLANK}/>]){_ATTRS}>.*?</\1[{_BLANK}]*>"      # an element kept whole
    rf"|<(?:{_KEPT})(?=[{_BLANK}/>]).*"
    rf"|</?[A-Za-z!?]{_ATTRS}>|</?[A-Za-z!?].*"                      # any other tag
    # Blanks in text, unless already a single space: the one group the substitution changes.
    rf"|([{_BLANK}]{{2,}}|[\t\n\r\f])",
    re.DOTALL | re.IGNORECASE)


def _one(m: re.Match[str]) -> str:
    blanks = m.group(2)
    if blanks is None:
        return m.group(0)
    return "\n" if "\n" in blanks else " "


def collapse(page: str) -> str:
    """``page`` with each run of blanks outside tags and kept elements as one character.

    Markup that never closes (a comment without ``-->``, a kept element without its end tag, a
    tag without ``>``) leaves the rest of the page as it is: a browser reads it all as part of
    that markup.
    """
    return _PIECE.sub(_one, page).lstrip(_BLANK)


@dataclass(frozen=True)
class Minified:
    pages: int
    before: int
    after: int

    def __add__(self, other: Minified) -> Minified:
        return Minified(self.pages + other.pages, self.before + other.before,
                        self.after + other.after)


def minify_files(paths: list[Path]) -> Minified:
    """Collapse each page of ``paths`` in place (written aside and renamed over, so a reader
    never sees half a page); an unchanged page is not rewritten."""
    before = after = 0
    for path in paths:
        raw = path.read_bytes()
        small = collapse(raw.decode("utf-8", errors="surrogateescape")).encode(
            "utf-8", errors="surrogateescape")
        before += len(raw)
        after += len(small)
        if small != raw:
            tmp = path.with_name(f".{path.name}.min")
            tmp.write_bytes(small)
            os.replace(tmp, path)
    return Minified(len(paths), before, after)


PARALLEL_FROM = 400
"""Pages from which the work is shared between processes, one per CPU (a few hundred
milliseconds of start-up are not worth it below)."""


def minify_site(site_dir: Path, workers: int | None = None) -> Minified:
    """Collapse every HTML page of ``site_dir``: in ``workers`` processes (default: one per
    CPU) when the site is large, the pages dealt out in turn so each gets every kind."""
    pages = sorted(site_dir.rglob("*.html"))
    workers = min(workers or os.cpu_count() or 1, max(1, len(pages) // (PARALLEL_FROM // 2)))
    if workers <= 1 or len(pages) < PARALLEL_FROM:
        return minify_files(pages)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        parts = pool.map(minify_files, [pages[i::workers] for i in range(workers)])
        return sum(parts, Minified(0, 0, 0))


@post_build(order=-10, live=False)
def minify_pages(site_dir: Path, output: SiteOutput, project: Project) -> list[Problem]:
    """Post-build step: collapse the whitespace of every page (see the module docstring)."""
    done = minify_site(site_dir)
    log.info(minified_message(done))
    return []


def minified_message(done: Minified) -> str:
    """What the build log says: sizes in KB below a megabyte (a small site's "0.3 MB còn
    0.3 MB" says nothing), and a second run over pages already collapsed says so."""
    if done.before == done.after:
        return f"Khoảng trắng của {done.pages} trang đã gọn sẵn ({_size(done.after)})."
    return (f"Khoảng trắng của {done.pages} trang đã được rút gọn: {_size(done.before)} "
            f"còn {_size(done.after)}.")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB".replace(".", ",") if n >= 2**20 else f"{max(1 if n else 0, round(n / 1024))} KB"
