"""MkDocs adapter: hands MkDocs events to the engine-free core in ``guongsang``.

Nothing here decides anything about content; moving to another engine means rewriting only
this file.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guongsang.check import check
from guongsang.load.refdata import load_reference
from guongsang.problems import Problem, Severity, format_report
from guongsang.project import Project, today
from guongsang.site.build import build_site
from guongsang.site.incremental import fingerprints, reuse_between_builds, site_key, tracker
from guongsang.site.output import SiteOutput
from guongsang.site.rawhtml import Protected, protect

# A mkdocs.plugins.* logger, so `mkdocs build --strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.guongsang")

_state: dict[str, object] = {}


def _project(config: MkDocsConfig) -> Project:
    return Project(root=Path(config.config_file_path).resolve().parent)


def _serving(config: MkDocsConfig) -> bool:
    """True under `mkdocs serve`, which has already pointed site_url at its own address.

    Checked from the config rather than remembered from on_startup: MkDocs re-imports hook
    modules on every serve rebuild, so module state would be lost.
    """
    host, port = config.dev_addr
    return (config.site_url or "").startswith(f"http://{host}:{port}/")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Site identity comes from data/site.yml, not from mkdocs.yml."""
    project = _project(config)
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    config.site_name = ref.site.ten_ngan
    # Material prints the description into an attribute without escaping; see on_page_context.
    config.site_description = escape(ref.site.mo_ta)
    if not _serving(config):
        # Under `mkdocs serve`, MkDocs has already pointed site_url at the local server;
        # keeping it makes canonical and share links work on the preview too.
        config.site_url = ref.site.url
    config.copyright = ref.site.ban_quyen
    if ref.site.logo:
        config.theme["logo"] = ref.site.logo
    config.extra["guongsang_site"] = ref.site
    # Every stylesheet and script under overrides/assets/{css,js} is included, in name order,
    # so a new page kind brings its own file without editing mkdocs.yml.
    theme_dir = project.root / "overrides"
    for kind, target in (("css", config.extra_css), ("js", config.extra_javascript)):
        for path in sorted((theme_dir / "assets" / kind).glob(f"*.{kind}")):
            uri = f"assets/{kind}/{path.name}"
            if uri not in [str(x) for x in target]:
                target.append(uri)
    _state["project"] = project
    _state["site_dir"] = Path(config.site_dir)
    _watch_sources(config, project)
    config.extra["guongsang_theme_script"] = _theme_script(config)
    if _serving(config):
        _quiet_dirty_warning()
        reuse_between_builds()
    return config


def _watch_sources(config: MkDocsConfig, project: Project) -> None:
    """`mkdocs serve` also reloads when profiles/ or data/ change. Added here rather than in
    mkdocs.yml, where MkDocs refuses a missing folder with its own English error before any hook
    runs (git leaves no profiles/ folder once the last profile is deleted)."""
    for folder in (project.profiles_dir, project.data_dir):
        path = str(project.path(folder))
        if project.path(folder).is_dir() and path not in config.watch:
            config.watch.append(path)


def _theme_script(config: MkDocsConfig) -> str | None:
    """Site path of Material's script bundle, which overrides/main.html loads on the reader's
    first interaction instead of at once (see the comment there). ``None`` if not found, and
    the theme's own loading stays."""
    for theme_dir in config.theme.dirs:
        found = sorted(Path(theme_dir).glob("assets/javascripts/bundle.*.min.js"))
        if found:
            return f"assets/javascripts/{found[-1].name}"
    return None


class _DirtyWarningFilter(logging.Filter):
    """Drops MkDocs' warning about `--dirty` builds under `mkdocs serve`: it says navigation may
    go stale, which _plan_live_rebuild prevents by rebuilding everything when a site-wide input
    changes. Left in, it would print on every save and abort a strict preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def _quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    # By class name: this module is re-imported on every rebuild, so the class is new each time.
    if not any(type(f).__name__ == "_DirtyWarningFilter" for f in logger.filters):
        logger.addFilter(_DirtyWarningFilter())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _state["project"]
    assert isinstance(project, Project)
    corpus, problems = check(project, today())
    output = build_site(corpus) if not any(p.is_error for p in problems) else SiteOutput()
    problems = [*problems, *output.problems]
    _report(problems)
    _state["output"] = output
    _state["published"] = corpus.published
    live = _serving(config)
    make = _LiveFile.generated if live else File.generated
    for view in output.views:
        files.append(make(config, view.src_uri, content=view.markdown))
    for asset in output.assets:
        if asset.path is not None:
            files.append(make(config, asset.uri, abs_src_path=str(asset.path)))
        else:
            files.append(make(config, asset.uri, content=asset.content or ""))
    if live:
        _plan_live_rebuild(files, config, output)
    return files


class _LiveFile(File):
    """A generated file under `mkdocs serve`: modified only when its output is missing.

    MkDocs counts every generated file as modified, so `mkdocs serve --dirty` would still
    render all pages. :func:`_plan_live_rebuild` deletes the output of what changed instead.
    """

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def _plan_live_rebuild(files: Files, config: MkDocsConfig, output: SiteOutput) -> None:
    """Delete the output of pages whose input changed since the previous preview build, so
    `--dirty` rebuilds exactly those (see guongsang.site.incremental)."""
    prints = fingerprints(output)
    for file in files.documentation_pages():
        prints.setdefault(file.src_uri, "source")  # tracked so a deleted page is removed
    project = _state["project"]
    assert isinstance(project, Project)
    site_dir = Path(config.site_dir)
    plan = tracker(site_dir).plan(prints, site_key(project, [config.theme.dirs]))
    if plan.full and site_dir.is_dir():
        for child in site_dir.iterdir():
            if child.name != "pagefind":  # the search index is rebuilt in the background
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    for uri in plan.stale | plan.removed:
        # A removed output has no File any more; a throwaway one gives its destination path.
        file = files.get_file_from_path(uri) or File.generated(config, uri, content="")
        Path(file.abs_dest_path).unlink(missing_ok=True)
    if not plan.full:
        log.info("Gương sáng: xem trước nhanh, dựng lại %d trang và tệp đã thay đổi.",
                 len(plan.stale))


def on_build_error(error: Exception) -> None:
    """A failed preview build leaves its output unknown: rebuild everything next time."""
    site_dir = _state.get("site_dir")
    if isinstance(site_dir, Path):
        tracker(site_dir).forget()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep compiled theme templates on disk: MkDocs makes a new template environment for every
    build, and compiling Material's templates again cost half a second of each preview rebuild.
    Jinja checks each template's source before reusing its compiled form."""
    project = _state["project"]
    assert isinstance(project, Project)
    cache = project.path(project.cache_dir) / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


def _report(problems: list) -> None:
    errors = [p for p in problems if p.is_error]
    for p in problems:
        if p.severity is Severity.WARNING:
            log.warning(p.format_text())
        elif p.severity is Severity.INFO:
            log.info(p.format_text())
    if errors:
        raise PluginError("Gương sáng: hồ sơ có lỗi, trang chưa được xây dựng.\n\n"
                          + format_report(errors))


def on_post_build(config: MkDocsConfig) -> None:
    """Steps that need the finished HTML (search index, checks) run here."""
    from guongsang.site.postbuild import run_post_build

    output = _state.get("output")
    if isinstance(output, SiteOutput):
        # Under `mkdocs serve` the search index follows in the background: the edited page
        # shows as soon as it is written.
        for problem in run_post_build(Path(config.site_dir), output, _state["project"],
                                      live=_serving(config), report=_log_problem):
            _log_problem(problem)


def _log_problem(problem: Problem) -> None:
    (log.error if problem.is_error else log.warning)(problem.format_text())


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """A page of content/ is rendered from the Markdown the core checked and cleaned (page
    settings and body only), never from the file as it is. Generated pages return None: MkDocs
    then takes their own content."""
    if page.file.generated_by is not None:
        return None
    published = _state.get("published")
    checked = published.get(page.file.src_uri) if isinstance(published, dict) else None
    if checked is None:
        raise PluginError(f"Gương sáng: trang content/{page.file.src_uri} chưa được kiểm tra "
                          "nên không được xuất bản.")
    return checked.markdown


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    output = _state.get("output")
    if not isinstance(output, SiteOutput):
        return markdown
    for key, value in output.meta.get(page.file.src_uri, {}).items():
        page.meta.setdefault(key, value)
    # Generated raw-HTML blocks skip Markdown's HTML parsing; on_page_content puts them back.
    protected = protect(output.page_markdown(page.file.src_uri, markdown))
    _raw_blocks[page.file.src_uri] = protected
    return protected.markdown


_raw_blocks: dict[str, Protected] = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    protected = _raw_blocks.pop(page.file.src_uri, None)
    if protected is None or not protected.blocks:
        return html
    # MkDocs finds anchors in raw HTML while converting; these blocks were out of its sight.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= protected.ids()
    return protected.restore(html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Escape the page description once: Material writes ``content="{{ page.meta.description }}"``
    unescaped, so a quote in a summary would end the attribute. A ``Markup`` value is left as is
    by the ``| e`` filters of overrides/main.html, so nothing is escaped twice."""
    description = page.meta.get("description")
    if isinstance(description, str) and not isinstance(description, Markup):
        page.meta["description"] = escape(description)
    return context


def on_shutdown() -> None:
    """`mkdocs serve` is stopping: let a search index under way finish writing (briefly)."""
    from guongsang.site.postbuild import wait_for_background

    wait_for_background(10)
