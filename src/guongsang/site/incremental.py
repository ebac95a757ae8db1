"""Live preview rebuilds: which outputs changed since the previous build of the same site.

A preview server rebuilds the whole site after every save. With thousands of profiles, writing
every page again takes far longer than the edit deserves (10 s at 1,000 profiles, most of it
the site engine rendering pages whose content did not change). The generator knows the full
input of every page it produces, so it can tell which outputs are stale:

* a generated page or file is stale when its fingerprint (Markdown, front matter defaults,
  inserted parts, source path of a copied file) differs from the previous build's;
* everything is stale when a site-wide input changed (configuration, reference data, theme
  templates, hooks), because every page embeds the header, navigation and footer;
* outputs produced last time and not any more (a deleted or unpublished profile) are removed,
  so the preview never shows a page the real build would not have.

The adapter turns the plan into the engine's terms (MkDocs: delete the stale output files and
let ``--dirty`` skip the rest). Nothing here is used by a normal build.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..project import Project
from .output import SiteOutput

SITE_WIDE = ("mkdocs.yml", "data", "overrides", "hooks")
"""Project paths whose change makes every page stale (layout, identity, reference data)."""


@dataclass(frozen=True)
class RebuildPlan:
    full: bool
    """Rebuild everything: first build of the session or a site-wide input changed."""
    stale: frozenset[str] = frozenset()
    """Outputs (by source URI) whose content changed: rebuild them."""
    removed: frozenset[str] = frozenset()
    """Outputs of the previous build that this build no longer produces: delete them."""


def _digest(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def fingerprints(output: SiteOutput, pages: Mapping[str, str] | None = None) -> dict[str, str]:
    """A fingerprint for every output the generator decides, by source URI.

    Content pages (content/*.md) are included for what the generator adds to them; the engine
    compares their own file with its output by modification time. ``pages`` holds the
    materialised Markdown of the content pages the adapter serves from memory instead of from
    their file: their fingerprint is that text, so an edit of the file counts too.
    """
    prints: dict[str, str] = {uri: _digest("page", text) for uri, text in (pages or {}).items()}
    for view in output.views:
        prints[view.src_uri] = _digest("view", view.markdown, output.meta.get(view.src_uri))
    for asset in output.assets:
        # A copied file is identified by its (content-addressed) source path: a photo changed
        # back to an earlier version has an older cache file than the output it must replace.
        prints[asset.uri] = _digest("asset", str(asset.path) if asset.path else asset.content)
    for uri in {*output.augments, *output.prepends, *output.meta, *output.sources} - prints.keys():
        prints[uri] = _digest("parts", output.prepends.get(uri), output.augments.get(uri),
                              output.meta.get(uri), output.sources.get(uri))
    return prints


def site_key(project: Project, extra: Iterable[object] = ()) -> str:
    """Fingerprint of the site-wide inputs: names, sizes and modification times under
    :data:`SITE_WIDE` (a stat, not a read, so it costs milliseconds), plus ``extra``."""
    entries: list[tuple[str, int, int]] = []
    for rel in SITE_WIDE:
        path = project.path(rel)
        if path.is_file():
            st = path.stat()
            entries.append((rel, st.st_size, st.st_mtime_ns))
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames.sort()
            for name in sorted(filenames):
                full = Path(dirpath) / name
                try:
                    st = full.stat()
                except OSError:
                    continue
                entries.append((project.rel(full), st.st_size, st.st_mtime_ns))
    return _digest(entries, *extra)


@dataclass
class PageTracker:
    """What one preview session built last time."""

    _prints: dict[str, str] = field(default_factory=dict)
    _site: str | None = None

    def plan(self, prints: Mapping[str, str], site: str) -> RebuildPlan:
        """Compare with the previous build and remember this one."""
        full = self._site != site
        old = self._prints
        self._prints, self._site = dict(prints), site
        if full:
            return RebuildPlan(full=True, removed=frozenset(old.keys() - prints.keys()))
        stale = frozenset(uri for uri, fp in prints.items() if old.get(uri) != fp)
        return RebuildPlan(full=False, stale=stale, removed=frozenset(old.keys() - prints.keys()))

    def forget(self) -> None:
        """After a failed build the output on disk is unknown: rebuild everything next time."""
        self._prints, self._site = {}, None


def apply_plan(plan: RebuildPlan, site_dir: Path, dest: Callable[[str], Path],
               keep: Iterable[str] = ()) -> None:
    """Delete the outputs the next ``--dirty`` build must write again: all of ``site_dir`` on a
    full rebuild (except the folders named in ``keep``, e.g. the search index rebuilt in the
    background), else the stale and removed outputs. ``dest`` maps a source URI to its output."""
    if plan.full and site_dir.is_dir():
        for child in site_dir.iterdir():
            if child.name not in keep:
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    for uri in plan.stale | plan.removed:
        dest(uri).unlink(missing_ok=True)


def output_path(src_uri: str) -> str:
    """Where a site engine with directory URLs writes ``src_uri`` (``a/b.md`` and
    ``a/b/index.md`` -> ``a/b/index.html``; any other file keeps its path)."""
    if not src_uri.endswith(".md"):
        return src_uri
    folder, _, name = src_uri[:-3].rpartition("/")
    parts = [folder] if folder else []
    if name not in ("index", "README"):
        parts.append(name)
    return "/".join([*parts, "index.html"])


def live_rebuild(project: Project, site_dir: Path, output: SiteOutput, pages: Mapping[str, str],
                 sources: Iterable[str], site_wide: Iterable[object]) -> RebuildPlan:
    """Plan a preview rebuild and delete what it must write again (:func:`apply_plan`).

    ``pages`` as for :func:`fingerprints`; ``sources`` are every page the engine builds (a page
    that is no longer there is removed); ``site_wide`` are engine inputs outside the project
    that change every page (the theme folders)."""
    prints = fingerprints(output, pages)
    for uri in sources:
        prints.setdefault(uri, "source")
    plan = tracker(site_dir).plan(prints, site_key(project, site_wide))
    apply_plan(plan, site_dir, lambda uri: site_dir / output_path(uri),
               keep=("pagefind",))  # the search index follows in the background
    return plan


_TRACKERS: dict[str, PageTracker] = {}
_REUSE = [False]


def silence(logger: str, prefix: str) -> None:
    """Drop the messages of ``logger`` that start with ``prefix``, once per process however
    often the adapter asks (MkDocs re-imports it on every rebuild)."""
    target = logging.getLogger(logger)
    key = (logger, prefix)
    if key not in _SILENCED:
        _SILENCED.add(key)
        target.addFilter(lambda record: not str(record.msg).startswith(prefix))


_SILENCED: set[tuple[str, str]] = set()


def reuse_between_builds(on: bool = True) -> None:
    """Let the loader, the rules and the card renderer reuse their work from the previous build
    of this process when their inputs are the same (see :func:`reusing`). Set by the adapter for
    the live preview; a one-off build keeps nothing, so it holds no extra memory."""
    _REUSE[0] = on


def reusing() -> bool:
    return _REUSE[0]


def tracker(site_dir: Path) -> PageTracker:
    """The tracker of the preview session writing to ``site_dir``.

    Kept at module level on purpose: the site engine may reload its adapter on every rebuild
    (MkDocs re-imports hook files), while this package stays imported for the whole session.
    """
    return _TRACKERS.setdefault(str(Path(site_dir).resolve()), PageTracker())
