"""MkDocs adapter of the live preview (`make serve`): hands MkDocs events to the core.

`make build` does not need it: `guongsang build` materialises the site into build/ and lets an
engine build that folder. Here the very same files (guongsang.site.materialise.stage) are given
to MkDocs in memory, and under `mkdocs serve` only what changed is rebuilt.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from guongsang.problems import Problem, Severity, format_report
from guongsang.project import Project, today
from guongsang.site import incremental as inc
from guongsang.site.build import generate
from guongsang.site.materialise import stage
from guongsang.site.postbuild import run_post_build, wait_for_background
from guongsang.site.settings import settings

log = logging.getLogger("mkdocs.plugins.guongsang")  # counted by `--strict`
_state: dict[str, object] = {}


def _serving(config: MkDocsConfig) -> bool:
    """Under `mkdocs serve`, site_url already points at the local server (checked from the
    config: MkDocs re-imports this module on every rebuild, so module state would be lost)."""
    host, port = config.dev_addr
    return (config.site_url or "").startswith(f"http://{host}:{port}/")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = _state["project"] = Project(root=Path(config.config_file_path).resolve().parent)
    _state["site_dir"] = Path(config.site_dir)
    for key, value in settings(project, config.theme.dirs, site_url=not _serving(config),
                               extra_css=config.extra_css,
                               extra_javascript=config.extra_javascript).items():
        if key == "theme.logo":
            config.theme["logo"] = value
        elif key in ("extra_css", "extra_javascript"):
            config[key].extend(v for v in value if v not in [str(x) for x in config[key]])
        elif key == "extra":
            config.extra.update(value)
        else:
            config[key] = value
    if _serving(config):
        build_log = logging.getLogger("mkdocs.commands.build")
        if not any(getattr(f, "__name__", "") == "_not_dirty" for f in build_log.filters):
            build_log.addFilter(_not_dirty)
        inc.reuse_between_builds()
    return config


def _not_dirty(record: logging.LogRecord) -> bool:
    """Drops MkDocs' warning that `--dirty` may leave navigation stale: the rebuild plan
    rebuilds everything when a site-wide input changes (left in, it would abort a strict
    preview on every save). Found by name: this module is new on every rebuild."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


class _LiveFile(File):
    """Under `mkdocs serve`: modified only when its output is missing (MkDocs counts every
    generated file as modified); on_files deletes the output of what changed instead."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _state["project"]
    output, problems = generate(project, today())
    for p in problems:
        (log.warning if p.severity is Severity.WARNING else log.info)(p.format_text())
    if errors := [p for p in problems if p.is_error]:
        raise PluginError("Gương sáng: hồ sơ có lỗi, trang chưa được xây dựng.\n\n"
                          + format_report(errors))
    _state["output"] = output
    live = _serving(config)
    make = _LiveFile.generated if live else File.generated
    own = {f.src_uri: f for f in files if f.src_dir == config.docs_dir}  # from content/
    staged, pages, kept = stage(project, output), {}, []
    for uri, asset in staged.items():
        known = own.pop(uri, None)
        if known and asset.path is not None and \
                Path(known.abs_src_path).resolve() == asset.path.resolve():
            kept.append(known)  # a content/ file as it is: MkDocs reads it (and its time) itself
            continue
        if known:
            pages[uri] = str(asset.content)
        kept.append(make(config, uri, abs_src_path=str(asset.path)) if asset.path
                    else make(config, uri, content=asset.content or ""))
    files = Files([*kept, *own.values(), *(f for f in files if f.src_dir != config.docs_dir
                                           and f.src_uri not in staged)])
    if live:
        prints = inc.fingerprints(output, pages)
        for file in files.documentation_pages():
            prints.setdefault(file.src_uri, "source")  # tracked so a deleted page is removed
        site_dir = Path(config.site_dir)
        plan = inc.tracker(site_dir).plan(prints, inc.site_key(project, [config.theme.dirs]))
        # A removed output has no File any more; a throwaway one gives its destination path.
        inc.apply_plan(plan, site_dir, keep=["pagefind"], dest=lambda uri: Path(
            (files.get_file_from_path(uri) or File.generated(config, uri, content="")).abs_dest_path))
        if not plan.full:
            log.info("Gương sáng: xem trước nhanh, dựng lại %d trang và tệp đã thay đổi.",
                     len(plan.stale))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep compiled theme templates on disk between preview builds (compiling Material's
    again cost half a second of each rebuild); Jinja checks each source before reuse."""
    cache = _state["project"].path(_state["project"].cache_dir) / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Search index and checks on the finished HTML; under `mkdocs serve` the index follows in
    the background, so the edited page shows at once."""
    for problem in run_post_build(Path(config.site_dir), _state["output"], _state["project"],
                                  live=_serving(config), report=_log):
        _log(problem)


def _log(problem: Problem) -> None:
    (log.error if problem.is_error else log.warning)(problem.format_text())


def on_build_error(error: Exception) -> None:
    """A failed preview build leaves its output unknown: rebuild everything next time."""
    if isinstance(_state.get("site_dir"), Path):
        inc.tracker(_state["site_dir"]).forget()


def on_shutdown() -> None:
    """`mkdocs serve` is stopping: let a search index under way finish writing (briefly)."""
    wait_for_background(10)
