"""Initials avatars for profiles without a usable photo.

Two capital letters on a colour picked from the name, drawn with the vendored Noto Sans (which
has Đ, Ư, Ơ, Ă, Â, Ê, Ô) into a PNG. The drawing is cached by a hash of what it shows (letters,
colour, size, font, :data:`VERSION`), so a rebuild draws nothing and two people who would get
the same picture share one file.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from .. import urls
from ..html import attrs
from ..text import fold, identity_key, nfc
from . import fonts
from .images import ImageCache, indexed

if TYPE_CHECKING:
    from ..pages import Context
    from ..records import Profile

VERSION = "2"
"""Bump when the drawing changes, so cached avatars are redrawn (2: indexed PNG)."""
SIZE = 320
"""Pixels per side: sharp at 160 CSS px on a 2x screen (the profile page) and in cards."""
PUBLISH_DIR = "assets/anh/chu-cai"

# White text reaches at least 4.5:1 contrast on each of these (tests/test_social.py checks it).
PALETTE = (
    "#8a1c1c",  # the site's own dark red
    "#9c3d00",
    "#7a5500",
    "#2e6b30",
    "#00695c",
    "#006080",
    "#1f4e99",
    "#4a3f9f",
    "#7b2f8f",
    "#9c2565",
    "#5d4037",
    "#455a64",
)

# Tone marks are dropped from the letters (a two-letter monogram with a tone on a capital is
# cramped and the tone is not part of the letter); breve, circumflex, horn and đ are kept,
# because Ă, Â, Ê, Ô, Ơ, Ư, Đ are letters of their own.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SPLIT = re.compile(r"[\s\-–—,.;:()/&+\"'“”]+")
# Leading words that name the kind of a collective, not the collective itself (folded).
_GENERIC = ("chi doan", "cong doan", "chi bo", "doan", "trung tam", "van phong", "phong", "to",
            "ban", "nhom", "doi", "bo phan", "cau lac bo", "hoi", "tap the")
_FAMILY = ("gia dinh",)
_HONORIFICS = {"ong", "ba", "anh", "chi", "co", "chu", "bac", "em", "cu"}
_FUNCTION_WORDS = {"va", "cua", "cac", "nhung", "cho", "voi", "tai", "o"}


def _letter(word: str) -> str:
    first = unicodedata.normalize("NFD", word[0].upper())
    return unicodedata.normalize("NFC", "".join(c for c in first if c not in _TONES))


def _drop_prefix(words: list[str], prefixes: tuple[str, ...]) -> list[str]:
    """``words`` without a leading generic phrase, if anything is left after it."""
    folded = [fold(w) for w in words]
    for prefix in sorted(prefixes, key=lambda p: -len(p.split())):
        n = len(prefix.split())
        if " ".join(folded[:n]) == prefix and len(words) > n:
            return words[n:]
    return words


def initials(name: str, kind: str = "ca_nhan") -> str:
    """Up to two capital letters for an avatar, without tone marks.

    A person (family name first, given name last) shows family + given name; a family shows
    the head of the family's name; a collective the first two significant words after its kind.

    >>> initials("Nguyễn Thị Hoà"), initials("Ưng Thị Mỹ Duyên"), initials("Đặng Thị Thuỷ")
    ('NH', 'ƯD', 'ĐT')
    >>> initials("Gia đình anh Lương Văn Sơn", "gia_dinh")
    'LS'
    >>> initials("Chi đoàn Thanh niên Trung tâm", "tap_the"), initials("Phòng Xúc tiến Du lịch", "tap_the")
    ('TN', 'XT')
    """
    words = [w for w in _SPLIT.split(nfc(name).strip()) if w and w[0].isalnum()]
    if not words:
        return "?"
    if kind == "gia_dinh":
        rest = _drop_prefix(words, _FAMILY)
        if rest is not words:
            while len(rest) > 1 and fold(rest[0]) in _HONORIFICS:
                rest = rest[1:]
            words, kind = rest, "ca_nhan"
        else:
            kind = "tap_the"
    if kind == "ca_nhan":
        picked = [words[0], words[-1]] if len(words) > 1 else words[:1]
    else:
        rest = _drop_prefix(words, _GENERIC)
        significant = [w for w in rest if fold(w) not in _FUNCTION_WORDS] or rest
        picked = significant[:2]
    return "".join(_letter(w) for w in picked)


def colour(name: str) -> str:
    """A palette colour picked by the name: stable across builds and machines.

    Spellings of the same name ("Hòa"/"Hoà") get the same colour.
    """
    digest = hashlib.sha256(identity_key(name.lower()).encode()).digest()
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def draw_initials(size: tuple[int, int], letters: str, background: str,
                  scale: float = 0.42) -> Image.Image:
    """``letters`` in white bold, centred on a ``background`` rectangle of ``size``.

    Centred on the capital height (as a typographer would), so Â or Đ sit level with N or H.
    """
    w, h = size
    img = Image.new("RGB", size, rgb(background))
    draw = ImageDraw.Draw(img)
    font = fonts.load(max(8, round(min(w, h) * (scale if len(letters) > 1 else scale * 1.25))),
                      bold=True)
    left, _, right, _ = draw.textbbox((0, 0), letters, font=font, anchor="ls")
    _, cap_top, _, _ = draw.textbbox((0, 0), "H", font=font, anchor="ls")
    x = (w - (right - left)) / 2 - left
    y = (h + (-cap_top)) / 2  # baseline such that the capital height is centred
    draw.text((x, y), letters, font=font, fill=(255, 255, 255), anchor="ls")
    return img


def avatar_image(cache: ImageCache, name: str, kind: str = "ca_nhan", size: int = SIZE) -> Path:
    """Cached PNG avatar for ``name``; drawn only when no identical one exists."""
    letters, bg = initials(name, kind), colour(name)
    key = {"v": VERSION, "letters": letters, "colour": bg, "size": size, "font": fonts.digest()}
    # A colour and white letters: a few hundred colours at most, so the palette is exact.
    return cache.rendered("avatars", key, "png",
                          lambda: indexed(draw_initials((size, size), letters, bg)),
                          optimize=True)


def avatar_uri(ctx: Context, profile: Profile) -> str:
    """Site path of the profile's avatar, published once per build."""
    # Every list a profile appears in asks again; hashing the drawing's inputs and checking
    # the cache each time was a third of the time spent generating pages.
    key = ("avatar", profile.ho_ten, profile.loai)
    uri = ctx.memo.get(key)
    if not isinstance(uri, str):
        path = avatar_image(ctx.images, profile.ho_ten, profile.loai)
        uri = f"{PUBLISH_DIR}/{path.name}"
        ctx.publish(uri, path)
        ctx.memo[key] = uri
    return uri


def avatar_html(ctx: Context, profile: Profile, page_url: str, css: str = "gs-avatar") -> str:
    """``<img>`` of the avatar, decorative (the name is always written next to it)."""
    letters = initials(profile.ho_ten, profile.loai)
    return "<img " + attrs(src=urls.relative(avatar_uri(ctx, profile), page_url), alt="",
                           width=SIZE, height=SIZE, class_=css, data_initials=letters,
                           loading="lazy", decoding="async") + ">"
