"""The site engines that can build the staged folder, and how each is run.

Every engine reads the staged ``mkdocs.yml`` and docs folder (:mod:`guongsang.site.materialise`)
and runs in its own virtual environment, installed from its own hashed lock file, so trying
another engine never touches the main lock (``requirements.txt``):

* ``mkdocs`` — MkDocs 1.6 with Material for MkDocs, the default, in ``.venv``;
* ``properdocs`` — ProperDocs, the community continuation of MkDocs 1.6 (same configuration,
  plugins and hooks), with Material, in ``.venv-properdocs`` (``make venv-properdocs``);
* ``zensical`` — Zensical, by Material's authors, in ``.venv-zensical``
  (``make venv-zensical``): reads mkdocs.yml, runs no hook or MkDocs plugin.

An engine runs as a child process of its own Python, with the project's ``src/`` on its path:
the configuration names ``guongsang.text.toc_slugify`` for heading anchors, and the speed-up
hook of MkDocs-family engines uses :mod:`guongsang.site.rawhtml` (both need only the standard
library), so an engine's environment needs nothing of ours installed to build the staged folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..project import Project


@dataclass(frozen=True)
class Engine:
    name: str
    module: str
    """Run as ``python -m <module> build``."""
    venv: str
    """Its virtual environment, relative to the project root (``""``: the running Python's)."""
    theme_package: str
    """The package whose ``templates/`` folder holds the theme (for the script bundle's name)."""
    runs_hooks: bool
    """Runs MkDocs hooks (the speed-ups of hooks/speedups_hook.py)."""
    site_dir_option: bool
    """Takes ``--site-dir``; otherwise the output must lie inside the configuration's folder."""
    make_target: str
    """The make target that creates its environment."""
    label: str
    settings: dict[str, object] = field(default_factory=dict)
    """Configuration this engine alone reads, merged into the staged mkdocs.yml (``theme.*``
    keys go under ``theme``)."""


ENGINES: dict[str, Engine] = {
    "mkdocs": Engine("mkdocs", "mkdocs", "", "material", True, True, "venv",
                     "MkDocs 1.6 + Material for MkDocs"),
    "properdocs": Engine("properdocs", "properdocs", ".venv-properdocs", "material", True, True,
                         "venv-properdocs", "ProperDocs + Material for MkDocs"),
    "zensical": Engine("zensical", "zensical", ".venv-zensical", "zensical", False, False,
                       "venv-zensical", "Zensical", {
                           # Material's look, not Zensical's new default one.
                           "theme.variant": "classic",
                           # Zensical's own search is on unless switched off; the site's search
                           # is Pagefind, indexed by the post-build step.
                           "plugins": [{"search": {"enabled": False}}]}),
}
DEFAULT = "mkdocs"


class EngineError(Exception):
    """The engine is not installed, or did not build the site."""


def python(engine: Engine, project: Project) -> Path:
    """The Python interpreter of the engine's environment (may not exist yet)."""
    if not engine.venv:
        return Path(sys.executable)
    venv = project.path(engine.venv)
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def theme_dirs(engine: Engine, project: Project) -> list[Path]:
    """The theme folders the engine renders with: the project's overrides, then the theme."""
    dirs = [project.path("overrides")]
    prefix = Path(sys.prefix) if not engine.venv else project.path(engine.venv)
    for site_packages in sorted(prefix.glob("lib/python3*/site-packages")) + \
            [prefix / "Lib" / "site-packages"]:
        templates = site_packages / engine.theme_package / "templates"
        if templates.is_dir():
            dirs.append(templates)
            break
    return dirs


def command(engine: Engine, project: Project, config: Path, site_dir: Path,
            strict: bool) -> list[str]:
    cmd = [str(python(engine, project)), "-m", engine.module, "build", "-f", str(config)]
    if strict:
        cmd.append("--strict")
    if engine.site_dir_option:
        cmd += ["--site-dir", str(site_dir)]
    return cmd


def environment(project: Project) -> dict[str, str]:
    env = dict(os.environ)
    src = str(project.path("src"))
    env["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [env.get("PYTHONPATH")])])
    # Material 9.8 prints a banner about MkDocs 2.0 on every run; noise for editors.
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


def inner_site_dir(engine: Engine, stage_dir: Path, site_dir: Path) -> Path:
    """Where the engine itself writes: ``site_dir``, or for an engine that only writes inside
    its configuration's folder, a folder there (moved to ``site_dir`` afterwards)."""
    if engine.site_dir_option or site_dir.resolve().is_relative_to(stage_dir.resolve()):
        return site_dir
    return stage_dir / f"site-{engine.name}"


def run(engine: Engine, project: Project, config: Path, site_dir: Path, *,
        strict: bool = True) -> None:
    """Build the staged site into ``site_dir``; raises :class:`EngineError` if it fails."""
    py = python(engine, project)
    if not py.is_file():
        raise EngineError(f"Chưa có môi trường cho {engine.label} ({engine.venv}/). Tạo bằng "
                          f"lệnh: make {engine.make_target}")
    inner = inner_site_dir(engine, config.parent, site_dir)
    done = subprocess.run(command(engine, project, config, inner, strict), cwd=project.root,
                          env=environment(project), check=False)
    if done.returncode != 0:
        raise EngineError(f"{engine.label} không dựng được trang (mã thoát {done.returncode}); "
                          "xem thông báo của nó ở trên.")
    if inner != site_dir:
        if site_dir.exists():
            shutil.rmtree(site_dir)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(inner), str(site_dir))
