"""Photos named in a profile: inside its folder, present, really an image, of sane size."""
from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from ..load.corpus import Corpus
from ..media.images import (
    ImageCache,
    format_name,
    is_picture,
    suffix_name,
    unsupported,
    verify,
)
from ..problems import Problem, Severity
from ..records import Photo, Profile
from ..text import nfc
from . import at, rule

ALLOWED_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}
# 40 megapixels is more than any phone takes; above that a file is a mistake or an attack
# (a decompression bomb can be a few kilobytes and need gigabytes once decoded).
MAX_PIXELS = 40_000_000


def photo_path(p: Profile, photo: Photo) -> Path | None:
    """Resolved path of a photo if it stays inside the profile folder, else ``None``.

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
    """Each photo is a real image file inside the profile's own folder.

    PASS: ``tep: chan-dung.jpg`` with profiles/<slug>/chan-dung.jpg present
    FAIL: ``tep: ../khac/anh.jpg`` or ``tep: /etc/passwd`` -> "nằm ngoài thư mục hồ sơ"
    """
    project = corpus.project
    cache = ImageCache(project.path(project.cache_dir)) if project is not None else None
    for p in corpus.profiles.values():
        for ph in p.anh:
            base = ("anh", ph.index)
            target = photo_path(p, ph)
            if target is None:
                yield at(p, base + ("tep",), "anh-ngoai-thu-muc",
                         f"Đường dẫn ảnh \"{ph.tep}\" nằm ngoài thư mục hồ sơ.",
                         "Đặt ảnh vào cùng thư mục với index.md và chỉ ghi tên tệp, "
                         "ví dụ: tep: chan-dung.jpg")
                continue
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
                continue
            if not target.is_file():
                near = sorted(x.name for x in p.folder.iterdir()
                              if x.suffix.lower() in ALLOWED_SUFFIXES) if p.folder else []
                yield at(p, base + ("tep",), "anh-khong-ton-tai",
                         f"Không tìm thấy tệp ảnh \"{ph.tep}\" trong thư mục profiles/{p.slug}/.",
                         ("Các ảnh có trong thư mục: " + ", ".join(near) + "."
                          if near else "Tải ảnh lên cùng thư mục với index.md.")
                         + " Tên tệp phân biệt chữ hoa, chữ thường.")
                continue
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
    if cache is not None:
        cache.save_index()
