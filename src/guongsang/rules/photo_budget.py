"""Source photos within the repository's budget (``anh_goc`` in data/site.yml).

Every photo committed stays in git history, so a photo larger than the site can ever publish
is a cost paid by every clone for good. Over the budget is a warning naming the command that
shrinks it; several times over (``he_so_loi``) is an error, so it cannot reach ``main``.
Photos named in a profile are reported at their ``anh[].tep`` line; other image files in a
profile folder (not published, but in the repository all the same) at the file itself.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..load.corpus import Corpus
from ..load.yamlsrc import format_path
from ..media.budget import PhotoBudget, format_bytes
from ..media.shrink import IMAGE_SUFFIXES, command, measure
from ..problems import Problem, Severity
from . import rule
from .photos import MAX_PIXELS, photo_path


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
    for p in corpus.profiles.values():
        named: set[Path] = set()
        for ph in p.anh:
            target = photo_path(p, ph)
            if target is None:
                continue  # outside the folder: the photos rule reports it
            named.add(target)
            seen = measure(target)
            if seen is None or seen.dims[0] * seen.dims[1] > MAX_PIXELS:
                continue  # unreadable or refused outright: the photos rule says so, once
            if budget.over(*seen.size_and_edge) <= 1:
                continue
            found = _problem(project.rel(target), ph.tep, seen.bytes, seen.dims, budget)
            # Named in the profile: reported at its `tep` line, where the editor looks.
            path = ("anh", ph.index, "tep")
            yield replace(found, file=p.file, line=p.source.line_of(path),
                          field=format_path(path))
        if p.folder is None:
            continue
        for path in sorted(_images_in(p.folder)):
            if path.resolve() in named:
                continue
            seen = measure(path)
            if seen is None or budget.over(*seen.size_and_edge) <= 1:
                continue
            yield _problem(project.rel(path), path.name, seen.bytes, seen.dims, budget)


def _images_in(folder: Path) -> Iterator[Path]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.suffix.lower() in IMAGE_SUFFIXES and entry.is_file() and not entry.is_symlink():
            yield entry
