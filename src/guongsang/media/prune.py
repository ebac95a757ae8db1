"""Drop derived images a build no longer uses, so a cache carried between deploys stays small.

The image cache (:class:`~guongsang.media.images.ImageCache`) is content-addressed: a changed
share image or a replaced photo gets a new file and the old one stays. The deploy workflow keeps
the cache between runs; without pruning it would grow with every edit for good. After a
successful build, :func:`prune` keeps exactly what that build published (by file name, which is
the content hash), plus, for each photo published, every cached size and its manifest (the
share-image panel reads an unpublished size, and a manifest with a missing size is redone).

    python -m guongsang.media.prune .cache/guongsang site
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .images import PIPELINE_VERSION

DRAWN = ("og", "avatars")
"""Cache folders of images drawn by the site (share images, initials avatars)."""


@dataclass(frozen=True)
class Pruned:
    kept: int
    removed: int
    removed_bytes: int


def prune(cache_dir: Path, site_dir: Path) -> Pruned:
    """Delete from ``cache_dir`` the derived images ``site_dir`` does not use."""
    files = [p for p in (site_dir / "assets").rglob("*") if p.is_file()]
    published = {p.name for p in files}
    photos = {name.split("-", 1)[0] for name in published if "-" in name}
    # A few drawn images are published under a fixed name (the default share image): matched
    # by content, among the published files of the same size.
    by_size: dict[int, list[Path]] = {}
    for p in files:
        by_size.setdefault(p.stat().st_size, []).append(p)

    def renamed(path: Path) -> bool:
        same = by_size.get(path.stat().st_size, [])
        return bool(same) and any(p.read_bytes() == path.read_bytes() for p in same)
    kept = removed = removed_bytes = 0

    def drop(path: Path) -> None:
        nonlocal removed, removed_bytes
        removed_bytes += path.stat().st_size if path.is_file() else _size(path)
        removed += 1
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    current = cache_dir / f"images-v{PIPELINE_VERSION}"
    for old in cache_dir.glob("images-v*"):
        if old != current and old.is_dir():
            drop(old)  # an earlier pipeline's output is never read again
    if current.is_dir():
        for path in current.iterdir():
            if path.name == "stat-index.json":
                continue
            if path.name.split("-", 1)[0].removesuffix(".json")[:20] in photos:
                kept += 1
            else:
                drop(path)
        _prune_index(current / "stat-index.json", photos)
    for kind in DRAWN:
        for path in (cache_dir / kind).glob("*") if (cache_dir / kind).is_dir() else ():
            if path.name in published or renamed(path):
                kept += 1
            else:
                drop(path)
    return Pruned(kept, removed, removed_bytes)


def _prune_index(index: Path, photos: set[str]) -> None:
    """Forget file digests of photos no longer published (the index is only a speed-up)."""
    try:
        data = json.loads(index.read_text())
    except (OSError, ValueError):
        return
    keep = {k: v for k, v in data.items()
            if isinstance(v, list) and len(v) == 3 and str(v[2])[:20] in photos}
    if keep != data:
        tmp = index.with_suffix(".tmp")
        tmp.write_text(json.dumps(keep))
        os.replace(tmp, index)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("Cách dùng: python -m guongsang.media.prune THƯ_MỤC_CACHE THƯ_MỤC_SITE",
              file=sys.stderr)
        return 2
    cache_dir, site_dir = map(Path, args)
    if not (site_dir / "assets").is_dir():
        print(f"Không thấy {site_dir}/assets: chưa dựng trang, không dọn bộ nhớ đệm.",
              file=sys.stderr)
        return 1
    done = prune(cache_dir, site_dir)
    print(f"Bộ nhớ đệm ảnh: giữ {done.kept} tệp, xoá {done.removed} tệp không còn dùng "
          f"({done.removed_bytes / 2**20:.1f} MB).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
