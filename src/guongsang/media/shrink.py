"""Shrinking source photos in place, so the repository keeps only what the site can use.

:func:`shrink` resizes a photo over the budget (:mod:`guongsang.media.budget`) to the budget's
long edge and re-encodes it in its own format: EXIF orientation applied to the pixels, colours
converted to sRGB, every piece of metadata dropped (GPS position, camera, XMP, comments), at a
quality chosen so the published sizes cannot show a difference (JPEG quality 90, stepping down
to 85 and 80 only if the budget is still exceeded; the site's largest variant is half the
budget's long edge, so each published pixel averages four of the shrunk photo). The result is
written only when it is smaller; the original is replaced atomically.

:func:`measure` reads a photo's size and pixel dimensions from its header only (no decoding),
remembered while the file does not change: the budget rule runs on every build.
"""
from __future__ import annotations

import io
import os
import shlex
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .budget import PhotoBudget, format_bytes
from .images import FORMATS, WIDTHS, ImageError, open_image

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
JPEG_QUALITIES = (90, 85, 80)
"""Tried in order until the photo fits the byte budget; 80 is the floor (still far above what
the published variants, re-encoded at 84 and 80, keep)."""
WEBP_QUALITIES = (90, 85, 80)


@dataclass(frozen=True)
class Seen:
    """What a photo's header says."""

    bytes: int
    dims: tuple[int, int]
    """Width and height as a photo viewer shows them (EXIF orientation applied)."""
    format: str

    @property
    def size_and_edge(self) -> tuple[int, int]:
        return self.bytes, max(self.dims)


_SEEN: dict[str, tuple[tuple[int, int], Seen | None]] = {}
_ORIENTATION = 0x0112


def measure(path: Path) -> Seen | None:
    """Bytes, pixel size and format of an image, or ``None`` if it is not a readable image
    (the photo rules report that)."""
    try:
        st = path.stat()
    except OSError:
        return None
    key, stamp = str(path), (st.st_size, st.st_mtime_ns)
    hit = _SEEN.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    seen: Seen | None = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as img:
                w, h = img.size
                # Orientations 5-8 turn the photo a quarter: report it as viewers show it.
                if img.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8):
                    w, h = h, w
                seen = Seen(st.st_size, (w, h), img.format or "")
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        seen = None
    if len(_SEEN) > 100_000:
        _SEEN.clear()
    _SEEN[key] = (stamp, seen)
    return seen


@dataclass(frozen=True)
class Result:
    """What :func:`shrink` did to one file."""

    path: Path
    before: int
    """Bytes before."""
    after: int
    """Bytes after (equal to ``before`` when the file was left alone)."""
    dims_before: tuple[int, int]
    dims_after: tuple[int, int]
    changed: bool
    note: str = ""
    """Why the file was left alone or is still over the budget, in Vietnamese; "" if fine."""

    @property
    def saved(self) -> int:
        return self.before - self.after


def over_budget(path: Path, budget: PhotoBudget) -> Seen | None:
    """The photo's header figures if it is over the budget, else ``None``."""
    seen = measure(path)
    return seen if seen is not None and budget.over(*seen.size_and_edge) > 1 else None


def shrink(path: Path, budget: PhotoBudget, write: bool = True) -> Result:
    """Bring the photo at ``path`` within ``budget`` in place (or, with ``write=False``, only
    work out what that would give). Raises :class:`~guongsang.media.images.ImageError`."""
    seen = measure(path)
    if seen is None:
        raise ImageError("Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).")
    if budget.over(*seen.size_and_edge) <= 1:
        return Result(path, seen.bytes, seen.bytes, seen.dims, seen.dims, False)
    img = open_image(path)  # oriented, sRGB, transparency on white, metadata gone
    scale = min(1.0, budget.max_long_edge / max(img.size))
    if scale < 1:
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        img = img.resize(size, Image.Resampling.LANCZOS)
    data = _encode(img, seen.format, budget.max_bytes)
    if len(data) >= seen.bytes:
        return Result(path, seen.bytes, seen.bytes, seen.dims, seen.dims, False,
                      "Đã thử nén lại nhưng ảnh không nhỏ hơn; giữ nguyên tệp.")
    note = ""
    if len(data) > budget.max_bytes:
        note = (f"Vẫn nặng {format_bytes(len(data))} sau khi thu nhỏ"
                + (": lưu ảnh dạng .jpg sẽ nhẹ hơn nhiều (nhớ sửa tên tệp trong hồ sơ)."
                   if seen.format == "PNG" else "."))
    if write:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        try:
            os.chmod(tmp, path.stat().st_mode & 0o777)
        except OSError:
            pass
        os.replace(tmp, path)
    return Result(path, seen.bytes, len(data), seen.dims, img.size, True, note)


def _encode(img: Image.Image, fmt: str, max_bytes: int) -> bytes:
    """The photo in its own format (MPO, a phone's JPEG with extra frames, becomes JPEG)."""
    if fmt == "PNG":
        return _save(img, "PNG", optimize=True)
    qualities, kind, extra = ((WEBP_QUALITIES, "WEBP", {"method": 6}) if fmt == "WEBP"
                              else (JPEG_QUALITIES, "JPEG", {"optimize": True,
                                                             "progressive": True}))
    data = b""
    for quality in qualities:
        data = _save(img, kind, quality=quality, **extra)
        if len(data) <= max_bytes:
            break
    return data


def _save(img: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    img.info.clear()  # no EXIF, ICC, XMP or comment is carried into the file
    img.save(buf, fmt, **options)
    return buf.getvalue()


def command(paths: list[str]) -> str:
    """The command an editor runs from the repository root to shrink the photos at ``paths``."""
    return " ".join(["guongsang shrink", *map(shlex.quote, paths)])


MARKER = "<!-- guongsang-anh-goc -->"
"""First line of the pull-request comment, so the workflow finds and updates its own comment."""


def comment(over: list[tuple[str, Result]], budget: PhotoBudget) -> str:
    """Markdown of the pull-request comment listing photos over the budget ("" if none).

    ``over`` holds (repository-relative path, what shrinking would give) pairs. The comment
    suggests the command; nothing rewrites the editor's commit.
    """
    if not over:
        return ""
    why = (f"Giới hạn ảnh gốc của kho là {budget.describe()} (`data/site.yml`, mục `anh_goc`). "
           "Mỗi ảnh được commit sẽ nằm mãi trong lịch sử git và mọi bản sao của kho, nên hãy "
           f"thu nhỏ trước khi hợp nhất. Trang đăng ảnh không rộng quá {WIDTHS[-1]} điểm ảnh, "
           "nên thu nhỏ không làm ảnh trên trang kém nét.")
    lines = [MARKER, "### 📷 Ảnh gốc quá lớn", "", why, "",
             "| Ảnh | Hiện tại | Sau khi thu nhỏ |", "| --- | --- | --- |"]
    for rel, r in over:
        after = (f"{format_bytes(r.after)}, {r.dims_after[0]}×{r.dims_after[1]}" if r.changed
                 else "không nhỏ hơn được")
        lines.append(f"| `{rel}` | {format_bytes(r.before)}, {r.dims_before[0]}×"
                     f"{r.dims_before[1]} | {after} |")
    after = ("Lệnh giữ đúng chiều ảnh, bỏ thông tin máy ảnh và vị trí GPS, và báo số byte tiết "
             "kiệm được. Muốn việc này tự chạy mỗi lần commit: chạy `make hooks` một lần (mục 3 "
             "«Thêm ảnh» của HUONG-DAN-BIEN-TAP.md). Hệ thống không tự sửa commit của bạn.")
    lines += ["", "Chạy lệnh sau trong thư mục kho trên máy của bạn, rồi commit và đẩy lại các ảnh:",
              "", "```sh", command([rel for rel, _ in over]), "```", "", after]
    return "\n".join(lines) + "\n"
