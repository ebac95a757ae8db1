"""Share images (Open Graph, 1200×630) drawn with Pillow and the vendored Noto Sans.

A :class:`ShareCard` holds everything the picture shows; :func:`share_image` draws it once and
caches it by a hash of those inputs (plus the photo's content hash, the font and
:data:`VERSION`), so an unchanged record costs one file-exists check on the next build.

Encoding (measured on the sample cards; scripts/bench.py prints the site-wide figures): a card
without a photo is flat colour and anti-aliased type, about 1,500 distinct colours, so a
256-colour PNG (fast octree, no dithering) keeps flat colours within 1 level and the rare worst
anti-aliased pixel within ~13 (PSNR ≈ 48 dB) at 16–22 kB, where the former quality-88 baseline
JPEG took 51–68 kB at PSNR ≈ 41 dB. A card with a photo is a progressive JPEG at quality 78,
~25 % smaller than quality 88 with no difference visible at 1:1 or 2:1 zoom. Both are what
Facebook's and Zalo's link previews read (JPEG or PNG at 1200×630, the 1.91:1 size Facebook
recommends; far under its 8 MB limit and the ~300 kB past which some chat apps drop a preview).

Layout: a panel on the left (the profile photo, else an initials avatar, else the site emblem
with a caption such as a campaign's years) and on the right the site name, a kicker, the title
in large bold type, a subtitle (unit) and the summary, word-wrapped with an ellipsis when long.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import ClassVar

from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..text import nfc
from . import avatars, fonts
from .images import ImageCache, Variant

VERSION = "4"
"""Bump when the layout changes, so cached share images are redrawn."""
WIDTH, HEIGHT = 1200, 630
PANEL_W = 420
MARGIN = 60
TEXT_X = PANEL_W + MARGIN
TEXT_W = WIDTH - TEXT_X - MARGIN

PAPER = (251, 248, 242)
INK = (29, 29, 31)
MUTED = (88, 88, 92)
PRIMARY = (138, 28, 28)
ACCENT = (179, 92, 0)
GOLD = (246, 195, 67)

# The site logo (overrides/assets/logo.svg, a 48×48 viewBox): a gold disc with a star.
_STAR = ((24, 8), (28.7, 17.6), (39.3, 19.1), (31.6, 26.6), (33.4, 37.1), (24, 32.2),
         (14.6, 37.1), (16.4, 26.6), (8.7, 19.1), (19.3, 17.6))


@dataclass(frozen=True)
class ShareCard:
    """What one share image shows. All text is reader-facing Vietnamese."""

    title: str
    """The person's or the campaign's name: the biggest text."""
    site: str
    """Site name, top line."""
    kicker: str = ""
    """Short label above the title (a status, "Phong trào thi đua")."""
    subtitle: str = ""
    """Unit, organiser or period."""
    summary: str = ""
    """The deed or summary, cut with "…" when it does not fit."""
    footer: str = ""
    """Bottom line, usually the site's domain."""
    initials: str = ""
    """Letters for an avatar panel when there is no photo…"""
    colour: str = ""
    """…and its background colour."""
    caption: tuple[str, ...] = ()
    """Lines under the emblem when the panel shows the site emblem (no photo, no initials)."""


_QUOTED = re.compile(r'"([^"\n]+)"')


def typographic(text: str) -> str:
    """NFC, one space between words, and "straight" quotes turned into “curly” ones."""
    return _QUOTED.sub("“\\1”", " ".join(nfc(text).split()))


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int,
         max_lines: int | None = None) -> list[str]:
    """Greedy word wrap to ``width`` pixels; the last allowed line ends in "…" if text is cut.

    A word wider than a whole line (a long URL) is split between characters.
    """
    words = typographic(text).split()
    measure = _Measure(font)
    lines: list[str] = []
    current, current_w = "", 0.0
    for word in words:
        word_w = measure(word)
        candidate_w = current_w + measure(" ") + word_w if current else word_w
        if candidate_w <= width:
            current, current_w = (f"{current} {word}" if current else word), candidate_w
            continue
        if current:
            lines.append(current)
        current, current_w = word, word_w
        while current_w > width:  # split an over-long word
            cut = len(current) - 1
            while cut > 1 and font.getlength(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
            current_w = measure(current)
    if current:
        lines.append(current)
    # Widths were summed word by word; kerning across a space could add a pixel. Check.
    for i, line in enumerate(lines):
        while font.getlength(line) > width and " " in line:
            line, moved = line.rsplit(" ", 1)
            lines[i] = line
            if i + 1 < len(lines):
                lines[i + 1] = f"{moved} {lines[i + 1]}"
            else:
                lines.append(moved)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        kept[-1] = last.rstrip(" ,;:–-") + "…"
        return kept
    return lines


class _Measure:
    """Width of a word in ``font``, remembered: a card measures the same words many times."""

    _cache: ClassVar[dict[tuple[str, int, str], float]] = {}

    def __init__(self, font: ImageFont.FreeTypeFont):
        self.font = font
        self.key = (font.path if isinstance(font.path, str) else "", font.size)

    def __call__(self, word: str) -> float:
        key = (*self.key, word)
        width = self._cache.get(key)
        if width is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            width = self._cache[key] = self.font.getlength(word)
        return width


def _line_height(font: ImageFont.FreeTypeFont, factor: float = 1.22) -> int:
    return round(font.size * factor)


def _emblem(img: Image.Image, cx: float, cy: float, radius: float,
            disc: tuple[int, int, int] = GOLD, star: tuple[int, int, int] = PRIMARY) -> None:
    """The logo, drawn four times larger and scaled down so its edges are smooth."""
    ss = 4
    side = round(radius * 2 * ss)
    layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.ellipse((0, 0, side - 1, side - 1), fill=disc)
    scale = side / 44
    draw.polygon([((x - 2) * scale, (y - 2) * scale) for x, y in _STAR], fill=star)
    size = round(radius * 2)
    layer = layer.resize((size, size), Image.Resampling.LANCZOS)
    img.paste(layer, (round(cx - radius), round(cy - radius)), layer)


def _panel(card: ShareCard, photo: Image.Image | None) -> Image.Image:
    size = (PANEL_W, HEIGHT)
    if photo is not None:
        # Faces sit in the upper part of most portraits: keep more of the top when cropping.
        return ImageOps.fit(photo, size, Image.Resampling.LANCZOS, centering=(0.5, 0.35))
    if card.initials:
        return avatars.draw_initials(size, card.initials, card.colour or avatars.PALETTE[0],
                                     scale=0.36)
    panel = Image.new("RGB", size, PRIMARY)
    draw = ImageDraw.Draw(panel)
    cy = HEIGHT / 2 - (40 if card.caption else 0)
    _emblem(panel, PANEL_W / 2, cy - 20 * len(card.caption), 110)
    y = cy - 20 * len(card.caption) + 150
    for i, line in enumerate(card.caption[:3]):
        font = fonts.load(44 if i == 0 else 28, bold=i == 0)
        for part in wrap(line, font, PANEL_W - 60, 2):
            draw.text((PANEL_W / 2, y), part, font=font, fill=(255, 255, 255) if i == 0 else GOLD,
                      anchor="ma")
            y += _line_height(font)
    return panel


def _fit_title(text: str, max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size (68 down to 40 px) at which ``text`` fits in ``max_lines``."""
    for size in (68, 62, 56, 50, 45, 40):
        font = fonts.load(size, bold=True)
        lines = wrap(text, font, TEXT_W)
        if len(lines) <= max_lines:
            return font, lines
    return font, wrap(text, font, TEXT_W, max_lines)


def render(card: ShareCard, photo: Image.Image | None = None) -> Image.Image:
    """Draw ``card`` (with ``photo`` in the panel, if given) as a 1200×630 RGB image."""
    img = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    img.paste(_panel(card, photo), (0, 0))
    draw = ImageDraw.Draw(img)
    draw.rectangle((PANEL_W, HEIGHT - 10, WIDTH, HEIGHT), fill=PRIMARY)

    y = MARGIN - 6
    site_font = fonts.load(26, bold=True)
    _emblem(img, TEXT_X + 16, y + 16, 16)
    site = wrap(card.site, site_font, TEXT_W - 44, 1)
    draw.text((TEXT_X + 44, y + 16), site[0] if site else "", font=site_font, fill=PRIMARY,
              anchor="lm")
    y += 64

    if card.kicker:
        font = fonts.load(24, bold=True)
        draw.text((TEXT_X, y), wrap(card.kicker.upper(), font, TEXT_W, 1)[0], font=font,
                  fill=ACCENT, anchor="la")
        y += _line_height(font) + 6

    title_font, title_lines = _fit_title(card.title, 3 if len(card.title) > 40 else 2)
    for line in title_lines:
        draw.text((TEXT_X, y), line, font=title_font, fill=INK, anchor="la")
        y += _line_height(title_font, 1.15)
    y += 10

    if card.subtitle:
        font = fonts.load(28)
        for line in wrap(card.subtitle, font, TEXT_W, 2):
            draw.text((TEXT_X, y), line, font=font, fill=MUTED, anchor="la")
            y += _line_height(font)
        y += 14

    footer_font = fonts.load(22)
    footer_top = HEIGHT - MARGIN - _line_height(footer_font)
    if card.summary:
        draw.line((TEXT_X, y, TEXT_X + 80, y), fill=GOLD, width=4)
        y += 22
        font = fonts.load(29)
        room = max(0, (footer_top - 12 - y) // _line_height(font))
        for line in wrap(card.summary, font, TEXT_W, room) if room else []:
            draw.text((TEXT_X, y), line, font=font, fill=INK, anchor="la")
            y += _line_height(font)

    if card.footer:
        draw.text((TEXT_X, footer_top), wrap(card.footer, footer_font, TEXT_W, 1)[0],
                  font=footer_font, fill=MUTED, anchor="la")
    return img


JPEG_SAVE = {"quality": 78, "optimize": True, "progressive": True}
"""Cards with a photo: ~45 kB for the sample photos (quality 88 baseline took ~64 kB)."""
PNG_SAVE = {"optimize": True}
PNG_COLOURS = 256
"""Cards without a photo are quantised to this many colours and saved as an indexed PNG. Fast
octree beat median cut here on every count: half the time (~35 ms a card with compression),
smaller files, and flat areas as exact. No dithering, so flat areas stay flat."""


def _flat(img: Image.Image) -> Image.Image:
    """The card as an indexed image for PNG; its few colours survive quantisation."""
    return img.quantize(PNG_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def _key(card: ShareCard, photo: Variant | None) -> dict[str, object]:
    """Every input of the drawing: the card's text, the photo variant (its name carries the
    source's content hash), the font and the layout version."""
    return {"v": VERSION, "font": fonts.digest(), "card": asdict(card),
            "photo": photo.file if photo else None}


def share_image(cache: ImageCache, card: ShareCard, photo: Variant | None = None,
                ext: str | None = None) -> Path:
    """Cached share image of ``card``; ``photo`` is a cached variant of the profile's first photo.

    A PNG without a photo, a JPEG with one (see the module docstring); ``ext`` ("jpg" or "png")
    forces a format, e.g. for the site's default image, which keeps its fixed address.
    """
    ext = ext or ("jpg" if photo else "png")

    def draw() -> Image.Image:
        img = render(card, cache.open_variant(photo) if photo else None)
        return _flat(img) if ext == "png" else img

    return cache.rendered("og", _key(card, photo), ext, draw,
                          **(PNG_SAVE if ext == "png" else JPEG_SAVE))


def panel_variant(variants: list[Variant]) -> Variant | None:
    """The smallest variant that fills the panel without being enlarged (read from the image
    cache: it need not be one the site publishes)."""
    for v in variants:
        if max(PANEL_W / v.width, HEIGHT / v.height) <= 1:
            return v
    return variants[-1] if variants else None
