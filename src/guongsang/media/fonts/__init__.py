"""The vendored fonts (Noto Sans, OFL) that draw text into generated images.

Pillow's built-in bitmap font has no Vietnamese letters, so it is never used: a missing font
file is an installation error and raises.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path(__file__).resolve().parent
REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
BOLD = FONT_DIR / "NotoSans-Bold.ttf"


@cache
def load(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Noto Sans at ``size`` pixels. Basic layout: text is NFC, so every Vietnamese letter is
    one precomposed glyph and no shaping engine (libraqm) is needed; output is the same on
    every machine."""
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size,
                              layout_engine=ImageFont.Layout.BASIC)


@cache
def digest() -> str:
    """Hash of the font files: part of every drawn image's cache key."""
    h = hashlib.sha256()
    for path in (REGULAR, BOLD):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
