"""Where the internal records live.

The folder comes from, in order: the ``--noi-bo`` option, the ``GUONGSANG_NOI_BO`` environment
variable, the ``noi_bo`` key of ``data/site.yml``, else ``noi-bo/`` at the root of the repository.
It may be a checkout of a separate private repository anywhere on disk. Relative paths are read
from the repository root. The site build never calls this module.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..project import Project

DEFAULT_DIR = "noi-bo"
ENV = "GUONGSANG_NOI_BO"
NOMINATIONS_DIR = "de-nghi"
MEETINGS_DIR = "hop-hoi-dong"


@dataclass(frozen=True)
class InternalPaths:
    """The internal-records folder and how it was chosen (for messages)."""

    root: Path
    origin: str
    """``--noi-bo``, ``GUONGSANG_NOI_BO``, ``data/site.yml (noi_bo)`` or ``mặc định``."""

    @property
    def nominations(self) -> Path:
        return self.root / NOMINATIONS_DIR

    @property
    def meetings(self) -> Path:
        return self.root / MEETINGS_DIR

    def rel(self, project: Project, path: Path) -> str:
        """A path as shown in messages: relative to the repository when inside it, else to the
        internal folder, prefixed with its name."""
        for base, prefix in ((project.root, ""), (self.root.parent, "")):
            try:
                return prefix + path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
        return path.as_posix()


def _site_setting(project: Project) -> str:
    path = project.path(project.data_dir) / "site.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""  # site.yml's own problems are reported by the reference-data check
    value = data.get("noi_bo") if isinstance(data, dict) else None
    return str(value).strip() if isinstance(value, str) else ""


def internal_paths(project: Project, option: Path | str | None = None) -> InternalPaths:
    if option:
        chosen, origin = str(option), "--noi-bo"
    elif os.environ.get(ENV, "").strip():
        chosen, origin = os.environ[ENV].strip(), ENV
    elif setting := _site_setting(project):
        chosen, origin = setting, "data/site.yml (noi_bo)"
    else:
        chosen, origin = DEFAULT_DIR, "mặc định"
    path = Path(chosen).expanduser()
    return InternalPaths(path if path.is_absolute() else project.root / path, origin)
