"""Builders for the hostile inputs of the adversarial corpus (see README.md in this folder).

Binary payloads are built here rather than committed: a 30000×30000 PNG is half a megabyte
of zlib output, written in well under a second without Pillow being involved.
"""
from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

MINIMAL = ("ho_ten: {name}\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
           "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n")


def profile(name: str = "Nguyễn Văn An", extra: str = "", body: str = "Câu chuyện.") -> str:
    """A valid profile file, with ``extra`` front-matter lines and ``body``."""
    return "---\n" + MINIMAL.format(name=name) + extra + "---\n" + body + "\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of_size(width: int, height: int) -> bytes:
    """A valid 1-bit greyscale PNG of any size, all black, compressed row by row.

    30000×30000 gives about 0.5 MB written in a fraction of a second: a decompression bomb
    (900 megapixels, gigabytes once decoded) that costs nothing to make.
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    packer = zlib.compressobj(1)
    rows_per_chunk = max(1, (1 << 20) // len(row))
    parts = []
    for start in range(0, height, rows_per_chunk):
        parts.append(packer.compress(row * min(rows_per_chunk, height - start)))
    parts.append(packer.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"".join(parts))
            + _chunk(b"IEND", b""))


def jpeg(width: int = 400, height: int = 300) -> bytes:
    """A real JPEG with detail (noise), so that half of it is missing real image data."""
    buf = io.BytesIO()
    Image.effect_noise((width, height), 60).convert("RGB").save(buf, "JPEG", quality=90)
    return buf.getvalue()


def truncated_jpeg() -> bytes:
    """The first half of a real JPEG: the header is intact, the pixels stop midway."""
    data = jpeg()
    return data[: len(data) // 2]


def gif() -> bytes:
    buf = io.BytesIO()
    Image.new("P", (8, 8)).save(buf, "GIF")
    return buf.getvalue()


SVG_WITH_SCRIPT = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
                   b"<script>alert(document.cookie)</script></svg>")
HTML_PAGE = b"<!doctype html><html><body><script>alert(1)</script></body></html>"

BINARY_KINDS = {
    "jpeg": jpeg,
    "png": lambda: png_of_size(64, 48),
    "empty": lambda: b"",
    "jpeg-truncated": truncated_jpeg,
    "png-30000x30000": lambda: png_of_size(30000, 30000),
    "png-8000x6000": lambda: png_of_size(8000, 6000),
    "gif": gif,
    "svg-script": lambda: SVG_WITH_SCRIPT,
    "html": lambda: HTML_PAGE,
}
"""Names usable under ``binary:`` in the corpus cases."""


def billion_laughs(levels: int = 9) -> str:
    """Front-matter lines of the classic YAML bomb: 9 levels of 9 aliases each (9^9 items)."""
    lines = ['lol0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(1, levels):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"
