"""Build a throwaway site with the real mkdocs.yml, hook and theme overrides."""
from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import ROOT, make_repo

SITE_FILES = ("mkdocs.yml", "hooks", "overrides")
DEFAULT_ENGINE = "mkdocs"
CONTENT_PAGES = ("index.md", "gioi-thieu.md", "phong-trao/index.md", "mo-hinh/index.md")


def site_repo(base: Path, files: dict[str, str | bytes]) -> Path:
    """A repository with the site configuration plus ``files`` on top of the real data/."""
    root = make_repo(base, files)
    for name in SITE_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, dirs_exist_ok=True)
        else:
            shutil.copy2(src, root / name)
    for page in CONTENT_PAGES:
        target = root / "content" / page
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / "content" / page, target)
    return root


def mkdocs_build(root: Path, strict: bool = True) -> Path:
    """Build in-process; raises mkdocs' Abort/PluginError on failure. Returns site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(str(root / "mkdocs.yml"), strict=strict)
    build(cfg)
    return Path(cfg.site_dir)


def staged_build(root: Path, site_dir: Path, stage_dir: Path,
                 engine: str = DEFAULT_ENGINE) -> Path:
    """`guongsang build` as `make build` runs it: check, generate, materialise into
    ``stage_dir``, the engine (a child process, strict), then the post-build steps. Raises
    AssertionError with every problem if a stage fails. Returns ``site_dir``."""
    from guongsang.problems import Severity
    from guongsang.project import Project, today
    from guongsang.site import engines, postbuild
    from guongsang.site.materialise import MANIFEST, stage_site

    project = Project(root=root)
    staged, problems = stage_site(project, today(), engines.ENGINES[engine], stage_dir, site_dir)
    shown = [p.format_text() for p in problems if p.severity is not Severity.INFO]
    assert staged is not None and not shown, shown
    engines.run(engines.ENGINES[engine], project, staged.config, site_dir)
    after = postbuild.run_after_engine(site_dir, stage_dir / MANIFEST, project)
    assert after == [], [p.format_text() for p in after]
    return site_dir
