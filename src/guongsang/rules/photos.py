"""Photos named in a record (a profile's photos, a story's cover): inside the record's own
folder, present, really an image, of sane size, with an alt text that says something."""
from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from ..load.corpus import Corpus
from ..load.yamlsrc import Path_
from ..media.images import (
    ImageCache,
    format_name,
    is_picture,
    suffix_name,
    unsupported,
    verify,
)
from ..problems import Problem, Severity
from ..records import Photo, Profile, Story
from ..text import nfc
from . import at, rule

ALLOWED_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}
# 40 megapixels is more than any phone takes; above that a file is a mistake or an attack
# (a decompression bomb can be a few kilobytes and need gigabytes once decoded).
MAX_PIXELS = 40_000_000


Owner = Profile | Story
"""A record whose photos sit in its own folder beside its index.md."""


@dataclass(frozen=True)
class Placed:
    """One photo of a record and where its front matter names it."""

    owner: Owner
    photo: Photo
    path: Path_
    """``("anh", 0)`` for a profile's first photo, ``("anh_bia",)`` for a story's cover."""

    @property
    def folder_label(self) -> str:
        return "bài viết" if isinstance(self.owner, Story) else "hồ sơ"


def photos_of(record: Owner) -> list[Placed]:
    """Every photo ``record`` names, in the order of its file."""
    if isinstance(record, Story):
        return [Placed(record, record.anh_bia, ("anh_bia",))] if record.anh_bia else []
    return [Placed(record, ph, ("anh", ph.index)) for ph in record.anh]


def photo_path(p: Owner, photo: Photo) -> Path | None:
    """Resolved path of a photo if it stays inside the record's folder, else ``None``.

    A name is matched in NFC: macOS writes "ảnh.jpg" decomposed (NFD), git keeps those bytes,
    and on Linux the file would not be found although both names look the same.
    """
    if p.folder is None:
        return None
    name = photo.tep.replace("\\", "/")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or ":" in name:
        return None
    try:
        folder = p.folder.resolve()
        target = _on_disk(p.folder, pure.parts).resolve()
    except (OSError, RuntimeError):  # a symlink loop: treat as leaving the folder
        return None
    return target if target.is_relative_to(folder) else None


def _on_disk(folder: Path, parts: tuple[str, ...]) -> Path:
    """``folder/parts…`` with each part spelled as on disk when only the Unicode form differs."""
    here = folder
    for part in parts:
        if part in ("", "."):
            continue
        if not (here / part).exists() and here.is_dir():
            want = nfc(part)
            part = next((x.name for x in sorted(here.iterdir()) if nfc(x.name) == want), part)
        here = here / part
    return here


def _header_problem(path: Path) -> tuple[str, str] | None:
    """Open the header only (no pixel decoding) and say what is wrong, if anything."""
    if path.stat().st_size == 0:
        return "Tệp ảnh rỗng (0 byte).", "Tải lại ảnh gốc."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                fmt, (w, h) = img.format, img.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return ("Ảnh quá lớn (hàng trăm triệu điểm ảnh): có thể là tệp lỗi hoặc độc hại.",
                "Dùng ảnh chụp thông thường, dưới 40 megapixel.")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        named = format_name(path)
        if named:
            return unsupported(named)
        return ("Tệp không phải ảnh JPEG, PNG hoặc WebP đọc được (có thể là tệp khác bị đổi đuôi).",
                "Mở ảnh bằng trình xem ảnh rồi lưu lại dạng .jpg.")
    if fmt not in ALLOWED_FORMATS:
        return unsupported(format_name(path) or str(fmt))
    if w * h > MAX_PIXELS:
        return (f"Ảnh {w}×{h} điểm ảnh, vượt giới hạn 40 megapixel.",
                "Thu nhỏ ảnh (cạnh dài khoảng 2000 điểm ảnh là đủ).")
    if w < 1 or h < 1:
        return "Ảnh có kích thước 0.", "Tải lại ảnh gốc."
    return None


@rule("anh")
def photos(corpus: Corpus) -> Iterator[Problem]:
    """Each photo (of a profile, or a story's cover) is a real image file inside the record's
    own folder, described for readers who cannot see it.

    PASS: ``tep: chan-dung.jpg`` with profiles/<slug>/chan-dung.jpg present
    FAIL: ``tep: ../khac/anh.jpg`` or ``tep: /etc/passwd`` -> "nằm ngoài thư mục hồ sơ"
    """
    project = corpus.project
    cache = ImageCache(project.path(project.cache_dir)) if project is not None else None
    owners: list[Owner] = [*corpus.profiles.values(), *corpus.stories.values()]
    for placed in (x for owner in owners for x in photos_of(owner)):
        yield from _photo_problems(placed, cache)
    if cache is not None:
        cache.save_index()


def _photo_problems(placed: Placed, cache: ImageCache | None) -> Iterator[Problem]:
    p, ph, base, where = placed.owner, placed.photo, placed.path, placed.folder_label
    target = photo_path(p, ph)
    if target is None:
        yield at(p, base + ("tep",), "anh-ngoai-thu-muc",
                 f"Đường dẫn ảnh \"{ph.tep}\" nằm ngoài thư mục {where}.",
                 "Đặt ảnh vào cùng thư mục với index.md và chỉ ghi tên tệp, "
                 "ví dụ: tep: chan-dung.jpg")
        return
    if target.suffix.lower() not in ALLOWED_SUFFIXES:
        named = suffix_name(target.name)
        if is_picture(named):
            yield at(p, base + ("tep",), "anh-dinh-dang",
                     f"Tệp \"{ph.tep}\" là ảnh {named}: trang chỉ nhận ảnh .jpg, .png "
                     "hoặc .webp.", unsupported(named)[1])
        else:
            yield at(p, base + ("tep",), "anh-dinh-dang",
                     f"Tệp \"{ph.tep}\" không phải ảnh .jpg, .png hoặc .webp.",
                     "Lưu ảnh dạng .jpg rồi sửa tên tệp ở đây.")
        return
    if not target.is_file():
        near = sorted(x.name for x in p.folder.iterdir()
                      if x.suffix.lower() in ALLOWED_SUFFIXES) if p.folder else []
        yield at(p, base + ("tep",), "anh-khong-ton-tai",
                 f"Không tìm thấy tệp ảnh \"{ph.tep}\" trong thư mục "
                 f"{p.file.rsplit('/', 1)[0]}/.",
                 ("Các ảnh có trong thư mục: " + ", ".join(near) + "."
                  if near else "Tải ảnh lên cùng thư mục với index.md.")
                 + " Tên tệp phân biệt chữ hoa, chữ thường.")
        return
    bad = _header_problem(target)
    if bad is None and (message := verify(cache, target)):
        # The header is sound; decode as the build will (a truncated JPEG fails only
        # here), so the check, the editors' task and the build agree.
        bad = (message, "Mở ảnh bằng trình xem ảnh rồi lưu lại dạng .jpg.")
    if bad:
        yield at(p, base + ("tep",), "anh-hong", f"\"{ph.tep}\": {bad[0]}", bad[1])
    if ph.mo_ta and ph.mo_ta.strip().lower() in (ph.tep.lower(), "ảnh", "anh", "hình"):
        yield at(p, base + ("mo_ta",), "mo-ta-anh",
                 "Mô tả ảnh không nói ảnh có gì.",
                 "Tả ngắn nội dung ảnh, ví dụ: mo_ta: Chị An hướng dẫn du khách tại quầy thông tin",
                 Severity.WARNING)
