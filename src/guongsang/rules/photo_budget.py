"""Source photos within the repository's budget (``anh_goc`` in data/site.yml).

Every photo committed stays in git history, so a photo larger than the site can ever publish
is a cost paid by every clone for good. Over the budget is a warning naming the command that
shrinks it; several times over (``he_so_loi``) is an error, so it cannot reach ``main``.
Photos named in a profile (or a story's cover) are reported at their ``anh[].tep``
(``anh_bia.tep``) line; other image files in a profile's or a story's folder (not published,
but in the repository all the same) at the file itself.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..load.corpus import Corpus
from ..load.yamlsrc import format_path
from ..media.budget import PhotoBudget, format_bytes
from ..media.shrink import IMAGE_SUFFIXES, command, measure
from ..problems import Problem, Severity
from ..records import Photo
from . import rule
from .photos import MAX_PIXELS, Owner, photo_path, photos_of


def _problem(rel: str, name: str, size: int, dims: tuple[int, int],
             budget: PhotoBudget) -> Problem:
    """The problem for a photo over ``budget``, located at the image file ``rel`` itself."""
    limits, fix = budget.describe(), command([rel])
    if budget.over(size, max(dims)) > budget.error_factor:
        factor = f"{budget.error_factor:g}".replace(".", ",")
        return Problem(rel, 0, "", "anh-qua-lon",
                       f"Ảnh \"{name}\" nặng {format_bytes(size)}, {dims[0]}×{dims[1]} điểm ảnh: "
                       f"gấp hơn {factor} lần giới hạn ảnh gốc của kho ({limits}); ảnh lớn như "
                       "vậy nằm mãi trong lịch sử git và mọi bản sao của kho.",
                       "Thu nhỏ ảnh tại chỗ (vẫn đủ nét cho mọi cỡ ảnh trên trang; bỏ thông tin "
                       f"máy ảnh và vị trí GPS) bằng lệnh: {fix}", Severity.ERROR)
    return Problem(rel, 0, "", "anh-qua-lon",
                   f"Ảnh \"{name}\" nặng {format_bytes(size)}, {dims[0]}×{dims[1]} điểm ảnh: "
                   f"vượt giới hạn ảnh gốc của kho ({limits}).",
                   "Thu nhỏ ảnh tại chỗ (vẫn đủ nét cho mọi cỡ ảnh trên trang; bỏ thông tin "
                   f"máy ảnh và vị trí GPS) bằng lệnh: {fix}", Severity.WARNING)


@rule("anh-qua-lon")
def photo_budget(corpus: Corpus) -> Iterator[Problem]:
    """Each source photo is within ``anh_goc`` of data/site.yml (bytes and long edge).

    PASS: a 2000×1500 photo of 900 KB (limits 1,4 MB and a 2560 px long edge)
    FAIL: a 4000×3000 phone photo of 3,2 MB -> warning with `guongsang shrink …`;
          a 12 MB photo (over 3 times the limit) -> error
    """
    budget = corpus.ref.site.anh_goc
    project = corpus.project
    assert project is not None
    owners: list[Owner] = [*corpus.profiles.values(), *corpus.stories.values()]
    for p in owners:
        files = _images_in(p.folder) if p.folder is not None else {}
        named: set[str] = set()
        for placed in photos_of(p):
            ph = placed.photo
            target = _target(p, ph, files)
            if target is None:
                continue  # missing, or outside the folder: the photos rule reports it
            named.add(target.name if target.parent == p.folder else "")
            seen = measure(target)
            if seen is None or seen.dims[0] * seen.dims[1] > MAX_PIXELS:
                continue  # unreadable or refused outright: the photos rule says so, once
            if budget.over(*seen.size_and_edge) <= 1:
                continue
            found = _problem(project.rel(target), ph.tep, seen.bytes, seen.dims, budget)
            # Named in the record: reported at its `tep` line, where the editor looks.
            path = (*placed.path, "tep")
            yield replace(found, file=p.file, line=p.source.line_of(path),
                          field=format_path(path))
        # Not named, and not a symlink (which could lead out of the repository): still in git.
        for name in sorted(n for n, link in files.items() if not link and n not in named):
            assert p.folder is not None
            seen = measure(p.folder / name)
            if seen is None or budget.over(*seen.size_and_edge) <= 1:
                continue
            yield _problem(project.rel(p.folder / name), name, seen.bytes, seen.dims, budget)


def _images_in(folder: Path) -> dict[str, bool]:
    """Image files directly in ``folder``: name → is a symlink. One scan, no ``stat``: this
    rule runs on every build."""
    try:
        with os.scandir(folder) as scan:
            return {e.name: e.is_symlink() for e in scan
                    if os.path.splitext(e.name)[1].lower() in IMAGE_SUFFIXES
                    and (e.is_symlink() or e.is_file(follow_symlinks=False))}
    except OSError:
        return {}


def _target(p: Owner, ph: Photo, files: dict[str, bool]) -> Path | None:
    """The file a photo entry names, or ``None`` when the photos rule refuses it. A plain file
    name in the folder (nearly every photo) needs no path resolution; anything else (a
    subfolder, a symlink) goes through :func:`photo_path`, which checks it stays inside."""
    if p.folder is not None and files.get(ph.tep) is False:
        return p.folder / ph.tep
    return photo_path(p, ph)
