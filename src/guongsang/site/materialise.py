"""Materialise the site: every page and file an engine needs, written into a staging folder.

After check → model → generate, the site exists as plain files: the hand-written pages of
content/ (with what the generator adds to them), every generated page as Markdown whose front
matter holds all its template needs (title, description, share data), every generated asset,
and an engine configuration (``mkdocs.yml``) carrying the site's identity. Any engine that reads
a MkDocs project builds that folder as it is: MkDocs, ProperDocs, Zensical. No engine has to
run our Python while it renders.

Every page is staged in the folder of its address (``mo-hinh/x.md`` as ``mo-hinh/x/index.md``),
so that engines reading raw-HTML URLs relative to the source file (Zensical) and those reading
them relative to the address (MkDocs) agree; the relative Markdown links follow
(:mod:`guongsang.site.relink`).

The staging folder mirrors the site exactly: a file no longer produced is removed, and a file
whose bytes did not change is not rewritten (its modification time stays, so an engine's own
incremental mode sees only real changes).

The live preview (``mkdocs serve``) does not write the folder: the MkDocs adapter hands the very
same :func:`stage` entries to MkDocs in memory.
"""
from __future__ import annotations

import fnmatch
import json
import os
import posixpath
import re
import shutil
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pathspec
import yaml

from ..problems import Problem, has_errors
from ..project import Project
from . import frontmatter, relink
from .build import generate
from .engines import Engine, inner_site_dir, theme_dirs
from .output import Asset, SiteOutput, View
from .settings import merge, settings

STAGE_DIR = "build"
"""The staging folder, relative to the project root (git-ignored)."""
DOCS = "docs"
"""Where the pages go inside the staging folder (the engine's ``docs_dir``)."""
CONFIG = "mkdocs.yml"
MANIFEST = "manifest.json"
"""What the generator produced, for the post-build steps run as their own command."""
ADAPTER_HOOK = "hooks/guongsang_hook.py"
"""The hook that generates the site inside MkDocs (live preview): not needed on a staged build."""
SOURCE_KEY = "source_path"
"""Front-matter key of a moved page naming its path in content/ (for its edit link)."""
GENERATED_NOTE = ("# Written by `guongsang build` from mkdocs.yml and data/site.yml; edit those, "
                  "not this file.\n")


class StagingError(Exception):
    """The staging folder cannot be used (it would overwrite the project's own files)."""


def content_files(project: Project) -> list[tuple[str, Path]]:
    """Hand-written files of content/ as ``(docs-relative path, file)``, in path order.

    Hidden files and folders are left out, as MkDocs' default ``exclude_docs`` does; linked
    folders are followed as MkDocs follows them. A link that leads outside the repository, or
    nowhere, is never copied: the checks report it as an error and stop the build before this
    runs, and this is the second lock on that door.
    """
    root = project.path(project.content_dir)
    top = project.root.resolve()
    out: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = Path(dirpath).resolve()
        parts = Path(dirpath).relative_to(root).parts
        above = {root.joinpath(*parts[:i]).resolve() for i in range(len(parts))}
        if real in above or not real.is_relative_to(top):
            dirnames[:] = []  # a loop (a link to a folder above), or a folder outside the repository
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            try:
                inside = path.resolve(strict=True).is_relative_to(top)
            except (OSError, RuntimeError):
                inside = False
            if inside and not name.startswith("."):
                out.append((path.relative_to(root).as_posix(), path))
    return out


def content_page(output: SiteOutput, uri: str, text: str) -> str:
    """The Markdown of the content/ page ``uri`` with its generated parts put in and the
    generator's metadata in its front matter (the page's own keys win)."""
    parts = frontmatter.split(text)
    body = output.page_markdown(uri, parts.body)
    return frontmatter.with_defaults(text, output.meta.get(uri, {}), body=body)


def view_page(output: SiteOutput, view: View) -> str:
    """A generated page's Markdown with the generator's metadata (share data) in its front matter."""
    meta = output.meta.get(view.src_uri)
    return frontmatter.with_defaults(view.markdown, meta, ours=True) if meta else view.markdown


def _touched(output: SiteOutput, uri: str) -> bool:
    return (uri in output.sources or uri in output.meta or uri in output.prepends
            or uri in output.augments)


def walk_order(uri: str) -> tuple[tuple[str, ...], tuple[bool, str]]:
    """Sort key putting paths in the order an engine walking the staged folder meets them
    (MkDocs: folders top-down in name order, each folder's index page first). The sitemap
    lists pages in this order, so the live preview sorts its in-memory files the same way."""
    folder, _, name = uri.rpartition("/")
    return (tuple(folder.split("/")) if folder else (), (name.rsplit(".", 1)[0] not in
                                                          ("index", "README"), name))


def stage(project: Project, output: SiteOutput, *, nest: bool = True) -> dict[str, Asset]:
    """Every file of the staged docs folder, by docs-relative path, in :func:`walk_order`.

    A content/ page the generator adds nothing to is copied as it is; one it adds to (or one
    the core read itself, see ``SiteOutput.sources``) is written from its Markdown. A generated
    page or asset at the path of a content/ file replaces it, as it always did under MkDocs.

    Every page that is not an index page (``mo-hinh/x.md``) is staged as ``mo-hinh/x/index.md``
    (:func:`nest_pages`), so that every engine reads its relative URLs alike. ``nest=False``
    keeps the paths of content/ (the MkDocs live preview, which reads content/ itself and
    takes raw HTML relative to the address anyway), still in the nested build's order.
    """
    files = _flat(project, output)
    moves = moved_pages(files)
    if nest:
        return _ordered(nest_pages(files, moves, theme_files(project)))
    return {uri: files[uri] for uri in sorted(files, key=lambda u: walk_order(moves.get(u, u)))}


def _ordered(files: Mapping[str, Asset]) -> dict[str, Asset]:
    return {uri: files[uri] for uri in sorted(files, key=walk_order)}


def _flat(project: Project, output: SiteOutput) -> dict[str, Asset]:
    """Every staged file at the path of content/ (or of the generator), in no order."""
    files: dict[str, Asset] = {}
    for uri, path in content_files(project):
        if uri.endswith(".md") and _touched(output, uri):
            text = output.sources.get(uri)
            if text is None:
                text = path.read_text(encoding="utf-8-sig")
            files[uri] = Asset(uri, content=content_page(output, uri, text))
        else:
            files[uri] = Asset(uri, path=path)
    for uri, text in output.sources.items():
        # A page the core produced from a record with no file under content/ of its own.
        if uri not in files:
            files[uri] = Asset(uri, content=content_page(output, uri, text))
    for view in output.views:
        files[view.src_uri] = Asset(view.src_uri, content=view_page(output, view))
    for asset in output.assets:
        files[asset.uri] = asset
    return files


def flat_paths(project: Project, output: SiteOutput) -> set[str]:
    """The paths :func:`_flat` stages (those of content/, before nesting), without writing a
    page: what a check of links needs, at the cost of a folder listing."""
    return ({uri for uri, _ in content_files(project)} | set(output.sources)
            | {view.src_uri for view in output.views} | {asset.uri for asset in output.assets})


def moved_pages(files: Mapping[str, Asset]) -> dict[str, str]:
    """Old path → staged path of every page :func:`nest_pages` moves: each Markdown page that
    is not an index page, unless its new path is taken (``x.md`` beside ``x/index.md``: the
    engine reports that clash on the paths the editor wrote)."""
    moves = {uri: relink.nested(uri) for uri in files if uri.endswith(".md")}
    return {old: new for old, new in moves.items() if new != old and new not in files}


_NOT_THEME_FILES = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml",
                    "locales/*", "*.md", "*.markdown", "*.mdown", "*.mkdn", "*.mkd", "*.xml")
"""What MkDocs leaves out of the theme files it adds to the site (templates, sources…)."""


def theme_files(project: Project) -> set[str]:
    """The files of the project's theme folder (``theme.custom_dir``, overrides/) that the
    engine adds to the site: a page's Markdown link to one (``assets/logo.svg``) is followed
    like a link to a staged file."""
    config = project.path(CONFIG)
    theme = read_config(config).get("theme") if config.is_file() else None
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    root = project.path(str(custom)) if custom else None
    if root is None or not root.is_dir():
        return set()
    names = (p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return {n for n in names if not any(fnmatch.fnmatch(n.lower(), pat)
                                        for pat in _NOT_THEME_FILES)}


def nest_pages(files: Mapping[str, Asset], moves: Mapping[str, str],
               theme: Collection[str] = ()) -> dict[str, Asset]:
    """``files`` with every page of ``moves`` at its new path, and the relative Markdown links
    of every page fit for the new paths (:mod:`guongsang.site.relink`). A moved page names its
    own path in its front matter (:data:`SOURCE_KEY`); a page whose text does not change stays
    as it was (a copy of its file)."""
    out: dict[str, Asset] = {}
    exists = {*theme, *files}
    for uri, asset in files.items():
        new = moves.get(uri, uri)
        if not uri.endswith(".md"):
            out[new] = asset
            continue
        text = _text(asset)
        fixed = relink.rewrite(text, uri, new, moves, exists)
        if new != uri:  # the edit link names the editor's file (overrides/partials/actions.html)
            fixed = frontmatter.with_defaults(fixed, {SOURCE_KEY: uri})
        if fixed != text:
            out[new] = Asset(new, content=fixed)
        else:  # a copy stays a copy (hard-linked or copied with its time, see write())
            out[new] = asset
    return out


def _text(asset: Asset) -> str:
    if asset.path is not None:
        return asset.path.read_text(encoding="utf-8-sig")
    return asset.content.decode("utf-8") if isinstance(asset.content, bytes) else \
        (asset.content or "")


def read_by_engine(files: Mapping[str, Asset], sources: Mapping[str, str]) -> set[str]:
    """The staged files an engine already reads as they are: ``sources`` maps the paths it
    found in its docs folder to their files; a staged copy of that very file needs nothing."""
    return {uri for uri, asset in files.items() if asset.path is not None and uri in sources
            and Path(sources[uri]).resolve() == asset.path.resolve()}


@dataclass
class Written:
    """What :func:`write` changed in the staging folder (docs-relative paths)."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def check_output_dir(project: Project, path: Path) -> None:
    """Refuse an output folder (staging or site) that is, holds or sits inside the project's
    own files: both are emptied of everything a build does not produce."""
    target = path.resolve()
    root = project.root.resolve()
    own = [project.path(rel).resolve() for rel in (project.content_dir, project.profiles_dir,
                                                   project.stories_dir, project.data_dir,
                                                   "overrides", "hooks", "src", ".git")]
    if target == root or root.is_relative_to(target) or any(
            target == p or target.is_relative_to(p) or p.is_relative_to(target) for p in own):
        raise StagingError(f"Không ghi bản dựng vào \"{target}\": thư mục này là hoặc chứa tệp "
                           "nguồn của kho (content/, profiles/, data/…), mọi tệp khác trong đó "
                           "sẽ bị xoá. Dùng build/ cho bản dựng tạm và site/ cho trang.")


def write(files: Mapping[str, Asset], docs_dir: Path, link_from: Path | None = None) -> Written:
    """Make ``docs_dir`` hold exactly ``files``: write what differs, remove what is not listed.

    Files that lie in ``link_from`` (the image cache: derived files, never edited in place,
    each named by its content) are hard-linked rather than copied where the file system allows:
    a province's photos and share images are tens of thousands of files, and the engine's copy
    of each into the site can then be a link too (hooks/speedups_hook.py).
    """
    result = Written()
    docs_dir.mkdir(parents=True, exist_ok=True)
    linkable = link_from.resolve() if link_from is not None else None
    for uri, asset in files.items():
        target = docs_dir / uri
        if _same(asset, target):
            result.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.unlink(missing_ok=True)
        if asset.path is not None:
            if not (linkable and asset.path.resolve().is_relative_to(linkable)
                    and _linked(asset.path, tmp)):
                shutil.copy2(asset.path, tmp)
        else:
            data = asset.content if isinstance(asset.content, bytes) else \
                (asset.content or "").encode("utf-8")
            tmp.write_bytes(data)
        os.replace(tmp, target)
        result.written.append(uri)
    for path in sorted(docs_dir.rglob("*"), reverse=True):
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in files:
            path.unlink()
            result.removed.append(rel)
    result.removed.reverse()
    return result


def _linked(src: Path, dst: Path) -> bool:
    """Hard-link ``src`` as ``dst``; False where links cannot be made (another file system)."""
    try:
        os.link(src, dst)
    except OSError:
        return False
    return True


def _same(asset: Asset, target: Path) -> bool:
    try:
        st = target.stat()
    except OSError:
        return False
    if asset.path is not None:
        # Copies keep their source's time (copy2): same size and time means same file.
        src = asset.path.stat()
        return st.st_size == src.st_size and st.st_mtime_ns == src.st_mtime_ns
    data = asset.content if isinstance(asset.content, bytes) else \
        (asset.content or "").encode("utf-8")
    return st.st_size == len(data) and target.read_bytes() == data


# -- manifest: the generator's output as the post-build steps need it ------------------------

def write_manifest(output: SiteOutput, path: Path) -> None:
    """Keep the list of generated pages beside the staged folder, so the post-build steps (the
    sitemap check) can run as their own command without generating the site again."""
    data = {"views": [{"url": v.url, "title": v.title, "kind": type(v).__name__,
                       "in_sitemap": v.in_sitemap} for v in output.views],
            "assets": [a.uri for a in output.assets]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_manifest(path: Path) -> SiteOutput:
    """The output a manifest describes: pages without their Markdown, assets without content."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = SiteOutput()
    for v in data.get("views", []):
        out.views.append(View(v["url"], v.get("title", ""), "", bool(v.get("in_sitemap", True))))
    out.assets.extend(Asset(uri) for uri in data.get("assets", []))
    return out


# -- the engine configuration ----------------------------------------------------------------

class _Tagged(str):
    """A YAML scalar with a tag we keep as written (``!!python/name:…``, ``!ENV``)."""

    tag = ""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    value = _Tagged(loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else "")
    value.tag = node.tag
    return value


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_Loader.add_multi_constructor("!", _keep_tag)
_Dumper.add_representer(_Tagged, lambda d, v: d.represent_scalar(v.tag, str(v)))
_Dumper.add_representer(str, lambda d, v: d.represent_scalar(
    "tag:yaml.org,2002:str", v, style="|" if "\n" in v else None))


def read_config(path: Path) -> dict:
    """mkdocs.yml as data, with its Python and ``!ENV`` tags kept for the engine to resolve."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def engine_config(project: Project, stage_dir: Path, site_dir: Path,
                  settings: Mapping[str, object], *, hooks: bool,
                  moves: Mapping[str, str] | None = None) -> dict:
    """The staged build's configuration: the project's mkdocs.yml pointed at the staged pages,
    with the site settings of data/site.yml (:mod:`guongsang.site.settings`) written in.

    ``hooks=False`` drops every hook (for an engine that runs none); otherwise only the
    generating adapter is dropped, the staged folder being complete without it. ``moves`` are
    the pages staged at another path (:func:`moved_pages`): the navigation and the path
    patterns follow them (:func:`follow_moves`).
    """
    config = read_config(project.path("mkdocs.yml"))
    follow_moves(config, moves or {})

    root = project.root.resolve()

    def rel(path: Path) -> str:
        """Relative to the staged configuration when both lie in the project, else absolute."""
        path = path.resolve()
        if not (path.is_relative_to(root) and stage_dir.resolve().is_relative_to(root)):
            return path.as_posix()
        return os.path.relpath(path, stage_dir.resolve()).replace(os.sep, "/")

    config["docs_dir"] = DOCS
    config["site_dir"] = rel(site_dir)
    theme = config.setdefault("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = rel(project.path(str(theme["custom_dir"])))
    config.pop("watch", None)  # the staged folder is rewritten by `guongsang build`, not watched
    listed = config.pop("hooks", None) or []
    kept = [rel(project.path(h)) for h in listed if Path(h).as_posix() != ADAPTER_HOOK]
    if hooks and kept:
        config["hooks"] = kept
    merge(config, dict(settings))
    return config


PATH_PATTERNS = ("exclude_docs", "draft_docs", "not_in_nav")
"""Settings holding gitignore-style patterns of docs-relative paths (MkDocs' ``PathSpec``)."""


def follow_moves(config: dict, moves: Mapping[str, str]) -> None:
    """Point ``nav`` entries at the new paths of moved pages, and give every page of
    :data:`PATH_PATTERNS` the same verdict at its new path as at its old one: a pattern such as
    ``/mo-hinh/*.md`` no longer matches ``mo-hinh/x/index.md``, so the new path is appended,
    matched in the same way MkDocs matches (pathspec's gitignore rules; the last line wins)."""
    if not moves:
        return
    if "nav" in config:
        config["nav"] = _nav_moved(config["nav"], moves)
    for key in PATH_PATTERNS:
        value = config.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        spec = pathspec.GitIgnoreSpec.from_lines(value.splitlines())
        extra = [("" if spec.match_file(old) else "!") + "/" + _escaped(new)
                 for old, new in sorted(moves.items())
                 if spec.match_file(old) != spec.match_file(new)]
        if extra:
            config[key] = value.rstrip("\n") + "\n" + "\n".join(extra) + "\n"


def _nav_moved(item: object, moves: Mapping[str, str]) -> object:
    if isinstance(item, str):
        return moves.get(posixpath.normpath(item), item) if item.endswith(".md") else item
    if isinstance(item, list):
        return [_nav_moved(i, moves) for i in item]
    if isinstance(item, dict):
        return {k: _nav_moved(v, moves) for k, v in item.items()}
    return item


def _escaped(path: str) -> str:
    """``path`` as a pattern matching only itself (gitignore's backslash escapes)."""
    return re.sub(r"([\\*?\[\]!#])", r"\\\1", path).replace(" ", "\\ ")


def write_config(config: Mapping[str, object], path: Path) -> None:
    text = yaml.dump(dict(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != GENERATED_NOTE + text:
        path.write_text(GENERATED_NOTE + text, encoding="utf-8")


@dataclass(frozen=True)
class Staged:
    """A materialised site, ready for an engine."""

    stage_dir: Path
    config: Path
    written: Written


def materialise(project: Project, output: SiteOutput, stage_dir: Path, site_dir: Path,
                settings: Mapping[str, object], *, hooks: bool = True) -> Staged:
    """Write the staged docs folder, its engine configuration and the manifest."""
    check_output_dir(project, stage_dir)
    check_output_dir(project, site_dir)
    flat = _flat(project, output)
    moves = moved_pages(flat)
    written = write(_ordered(nest_pages(flat, moves, theme_files(project))), stage_dir / DOCS,
                    link_from=project.path(project.cache_dir))
    config = stage_dir / CONFIG
    write_config(engine_config(project, stage_dir, site_dir, settings, hooks=hooks,
                               moves=moves), config)
    write_manifest(output, stage_dir / MANIFEST)
    return Staged(stage_dir, config, written)


def stage_site(project: Project, when: date, engine: Engine, stage_dir: Path,
               site_dir: Path) -> tuple[Staged | None, list[Problem]]:
    """check → model → generate → materialise, for ``engine`` writing into ``site_dir``.

    Nothing is written when the records have errors (``None`` comes back with them), nor when
    an output folder overlaps the project's own files (:class:`StagingError`)."""
    check_output_dir(project, stage_dir)
    check_output_dir(project, site_dir)
    output, problems = generate(project, when)
    if has_errors(problems):
        return None, problems
    config = read_config(project.path(CONFIG))
    values = settings(project, theme_dirs(engine, project),
                      extra_css=config.get("extra_css") or [],
                      extra_javascript=config.get("extra_javascript") or [])
    staged = materialise(project, output, stage_dir, inner_site_dir(engine, stage_dir, site_dir),
                         {**values, **engine.settings}, hooks=engine.runs_hooks)
    return staged, problems
