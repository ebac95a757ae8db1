"""MkDocs adapter of the live preview (`make serve`): forwards MkDocs events to the core.
`make build` materialises the site into build/ for any engine instead; here MkDocs gets the same
files (guongsang.site.materialise.stage) in memory and rebuilds only what changed."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from guongsang.problems import Problem, Severity, has_errors
from guongsang.project import Project, today
from guongsang.site import incremental as inc
from guongsang.site.build import generate
from guongsang.site.materialise import read_by_engine, stage
from guongsang.site.postbuild import run_post_build, wait_for_background
from guongsang.site.settings import merge, settings, watched

log = logging.getLogger("mkdocs.plugins.guongsang")  # counted by `--strict`
_state: dict = {}


def _serving(config: MkDocsConfig) -> bool:  # read from the config: MkDocs re-imports us
    return (config.site_url or "").startswith("http://{}:{}/".format(*config.dev_addr))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = _state["project"] = Project(root=Path(config.config_file_path).resolve().parent)
    _state["site_dir"] = Path(config.site_dir)
    merge(config, settings(project, config.theme.dirs, site_url=not _serving(config)))
    config.watch.extend(w for w in watched(project) if w not in config.watch)
    if _serving(config):
        # MkDocs warns that `--dirty` may leave navigation stale: the plan rebuilds everything
        # when a site-wide input changes (left in, it would abort a strict preview every save).
        engine = File.__module__.split(".")[0]  # "properdocs" under ProperDocs
        inc.silence(f"{engine}.commands.build", "A 'dirty' build is being performed")
        inc.reuse_between_builds()
    return config


class _LiveFile(File):
    """Modified only when its output is missing; live_rebuild deletes the output of changes."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _state["project"]
    output, problems = generate(project, today())
    _state["output"] = output
    for problem in problems:
        _log(problem)
    if has_errors(problems):
        raise PluginError("Gương sáng: hồ sơ có lỗi, trang chưa được xây dựng. Xem các lỗi ở trên.")
    make = _LiveFile.generated if _serving(config) else File.generated
    own = {f.src_uri: f for f in files if f.src_dir == config.docs_dir}  # read from content/
    staged = stage(project, output, nest=False)  # content/'s paths: MkDocs reads it itself
    same = read_by_engine(staged, {uri: f.abs_src_path for uri, f in own.items()})
    files = Files([own[uri] if uri in same else make(
        config, uri, abs_src_path=str(a.path) if a.path else None,
        content=None if a.path else a.content or "") for uri, a in staged.items()]
        + [f for f in files if f.src_uri not in staged])  # theme files, hidden files
    for f in files:  # a content/ page served from memory keeps its edit link to its file
        f.edit_uri = f.src_uri if f.src_uri in own and f.generated_by else f.edit_uri
    if _serving(config):  # content/ pages with generated parts are fingerprinted by their text
        pages = {uri: str(staged[uri].content) for uri in own.keys() & staged.keys() - same}
        plan = inc.live_rebuild(project, Path(config.site_dir), output, pages,
                                [f.src_uri for f in files.documentation_pages()],
                                [[os.path.abspath(d) for d in config.theme.dirs]])
        if not plan.full:
            log.info("Gương sáng: xem trước nhanh, dựng lại %d trang và tệp đã thay đổi.",
                     len(plan.stale))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Search index and checks; under `mkdocs serve` the index follows in the background."""
    for problem in run_post_build(Path(config.site_dir), _state["output"], _state["project"],
                                  live=_serving(config), report=_log):
        _log(problem)


def _log(problem: Problem) -> None:
    {Severity.ERROR: log.error, Severity.WARNING: log.warning,
     Severity.INFO: log.info}[problem.severity](problem.format_text())


def on_build_error(error: Exception) -> None:
    """The output of a failed build is unknown: rebuild everything next time."""
    if "site_dir" in _state:
        inc.tracker(_state["site_dir"]).forget()


def on_shutdown() -> None:  # `mkdocs serve` stops: let a search index under way finish writing
    wait_for_background(10)
