"""Builders for the hostile inputs of the adversarial corpus (see README.md in this folder).

Binary payloads are built here rather than committed: a 30000×30000 PNG is half a megabyte
of zlib output, written in well under a second without Pillow being involved.
"""
from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from guongsang.rules.spellings import PrivateIndex

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


def png_raw(width: int, height: int, colour_type: int, depth: int, rows: list[bytes],
            extra: bytes = b"") -> bytes:
    """A PNG written byte by byte (Pillow cannot write 16-bit colour): ``rows`` are the raw
    scanlines without their filter byte; ``extra`` chunks go before the image data."""
    header = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    data = zlib.compress(b"".join(b"\x00" + row for row in rows))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + extra + _chunk(b"IDAT", data)
            + _chunk(b"IEND", b""))


GREY16 = [0, 257, 4112, 16448, 32896, 49344, 61680, 65535]
"""Tones of the 16-bit test images, dark to light (each an exact multiple of 257)."""


def png_grey16() -> bytes:
    """8×2 16-bit grayscale: a scanner's or a raw converter's output."""
    row = b"".join(struct.pack(">H", v) for v in GREY16)
    return png_raw(8, 2, 0, 16, [row, row])


def png_grey_alpha16() -> bytes:
    """8×1 16-bit grayscale with 16-bit alpha: the tones above, alpha from opaque to clear."""
    alphas = [65535, 65535, 49344, 32896, 16448, 4112, 257, 0]
    row = b"".join(struct.pack(">HH", v, a) for v, a in zip(GREY16, alphas))
    return png_raw(8, 1, 4, 16, [row])


def png_rgb16() -> bytes:
    """8×1 16-bit RGB: red rising, green falling, blue constant (an editing program's export)."""
    row = b"".join(struct.pack(">HHH", v, 65535 - v, 32896) for v in GREY16)
    return png_raw(8, 1, 2, 16, [row])


def png_rgba16() -> bytes:
    """8×1 16-bit RGBA: the colours above, half transparent."""
    row = b"".join(struct.pack(">HHHH", v, 65535 - v, 32896, 32896) for v in GREY16)
    return png_raw(8, 1, 6, 16, [row])


def _saved(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def png_palette_transparent() -> bytes:
    """4×1 palette PNG: red, green, fully transparent, blue (tRNS chunk)."""
    img = Image.new("P", (4, 1))
    img.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255] + [0] * 756)
    img.putdata([0, 1, 2, 3])
    return _saved(img, "PNG", transparency=2)


def png_la() -> bytes:
    """2×1 grayscale with alpha: grey 100 opaque, grey 100 half transparent."""
    img = Image.new("LA", (2, 1))
    img.putdata([(100, 255), (100, 128)])
    return _saved(img, "PNG")


def jpeg_cmyk() -> bytes:
    """2×1 CMYK JPEG (a print shop's file): pure cyan, pure black."""
    img = Image.new("CMYK", (2, 1))
    img.putdata([(255, 0, 0, 0), (0, 0, 0, 255)])
    return _saved(img, "JPEG", quality=100)


def apng() -> bytes:
    """An animated PNG of two frames, red then blue."""
    frames = [Image.new("RGB", (4, 4), c) for c in ((255, 0, 0), (0, 0, 255))]
    return _saved(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=100)


def webp_animated() -> bytes:
    """An animated WebP of two frames, green then black (lossless, so pixels are exact)."""
    frames = [Image.new("RGB", (4, 4), c) for c in ((0, 255, 0), (0, 0, 0))]
    return _saved(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100,
                  lossless=True)


def heic() -> bytes:
    """The first bytes of an iPhone photo (HEIC): an ISO media file whose brand is ``heic``."""
    return struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def avif() -> bytes:
    """A real AVIF image (Pillow reads it; the site does not publish it)."""
    return _saved(Image.new("RGB", (8, 8), (10, 20, 30)), "AVIF")


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
    "png-grey16": png_grey16,
    "heic": heic,
    "avif": avif,
    "tiff": lambda: _saved(Image.new("RGB", (4, 4)), "TIFF"),
}
"""Names usable under ``binary:`` in the corpus cases."""


# "Giới thiệu Trung tâm" as the old Vietnamese encodings store it (what a file from an old
# Word document or a 2000s website holds): Windows-1258 writes the tone as a combining byte,
# TCVN3 (ABC) one byte per letter, VNI the base letter then one or two mark bytes.
LEGACY_SAMPLES = {
    "cp1258": b"Gi\xf5\xeci thi\xea\xf2u Trung t\xe2m",  # shows as "GiõÌi thiêòu" in Latin-1
    "tcvn3": b"Gi\xedi thi\xd6u Trung t\xa9m",            # the well-known "Giíi thiÖu"
    "vni": b"Gi\xf4\xf9i thie\xe4u Trung ta\xe2m",        # the well-known "Giôùi thieäu"
}


def legacy_page(encoding: str, front_matter: bytes = b"") -> bytes:
    """A content page whose title (line 2) and body are in a legacy encoding."""
    sample = LEGACY_SAMPLES[encoding]
    return b"---\ntitle: " + sample + b"\n" + front_matter + b"---\n# " + sample + b"\n"


PRIVATE = {"dien_thoai": "0912 345 678", "so_dinh_danh": "068190000123",
           "ngay_sinh": "15/08/1985", "email": "an.nt@example.vn",
           "dia_chi": "Tổ 5, thôn Đa Lợi", "ghi_chu": "Liên hệ qua Công đoàn"}
"""The private values (``rieng_tu``) of the tests' Nguyễn Văn An."""


def private_index() -> PrivateIndex:
    """:data:`PRIVATE` indexed the way rules/consent.py compares them, owned by field name
    (free text too: the tests look for it in the built site)."""
    how = {"dien_thoai": "phone", "so_dinh_danh": "number", "ngay_sinh": "date",
           "email": "email"}
    index = PrivateIndex()
    for key, value in PRIVATE.items():
        index.add(value, key, how.get(key, ""))
    return index


def billion_laughs(levels: int = 9) -> str:
    """Front-matter lines of the classic YAML bomb: 9 levels of 9 aliases each (9^9 items)."""
    lines = ['lol0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(1, levels):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"
