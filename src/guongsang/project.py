"""Where things live in a Gương sáng repository."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """Paths of one site. Defaults follow the repository layout in the README."""

    root: Path
    profiles_dir: str = "profiles"
    data_dir: str = "data"
    content_dir: str = "content"
    models_dir: str = "content/mo-hinh"
    campaigns_dir: str = "content/phong-trao"
    stories_dir: str = "stories"
    """Stories and news (tin bài): ``stories/<slug>/index.md`` beside the cover photo."""
    nominations_dir: str = "noi-bo/de-nghi"
    """Internal records (never published): where :mod:`guongsang.process.load` reads them from
    depends on configuration (:mod:`guongsang.process.config`), which sets these two."""
    meetings_dir: str = "noi-bo/hop-hoi-dong"
    cache_dir: str = ".cache/guongsang"

    def path(self, rel: str) -> Path:
        return self.root / rel

    def rel(self, path: Path) -> str:
        """Project-relative path as written (symlinks are *not* followed: the editor sees the
        name they created)."""
        for candidate, base in ((path, self.root), (path.absolute(), self.root.absolute())):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
        return path.as_posix()


def today() -> date:
    """Today's date; ``GUONGSANG_TODAY=YYYY-MM-DD`` pins it so tests and CI are reproducible."""
    pinned = os.environ.get("GUONGSANG_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def is_inside(path: Path, root: Path) -> bool:
    """False for a symlink (or a path through one) that leads outside ``root``, and for a
    symlink loop: neither may be read."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" (Python 3.11)
        return False
