"""Photos on pages: responsive ``<picture>`` elements and captioned figures, for every record
kind whose photos sit beside its file (a profile's photos, a story's cover)."""
from __future__ import annotations

import re

from .. import urls
from ..html import esc, tag
from ..records import Photo
from ..rules.photos import Owner
from ..text import fold
from . import Context


def picture(ctx: Context, p: Owner, ph: Photo, page_url: str, sizes: str,
            css: str = "", eager: bool = False) -> str:
    """<picture> for a photo of ``p`` (a profile's photo, a story's cover): the WebP widths of a
    page in ``srcset`` and one JPEG for browsers without WebP; empty when unusable."""
    done = ctx.photo(p, ph)
    if not done:
        return ""
    srcset = ", ".join(f"{urls.relative(ctx.image_url(v.file), page_url)} {v.width}w"
                       for v in done.page())
    jpeg = done.fallback()
    # width/height give the box its shape before the image arrives; CSS sets the size.
    img = tag("img", "", src=urls.relative(ctx.image_url(jpeg.file), page_url), alt=ph.mo_ta,
              width=jpeg.width, height=jpeg.height, loading=None if eager else "lazy",
              # The first photo is the largest thing on the first screen: fetch it first.
              fetchpriority="high" if eager else None, decoding=None if eager else "async",
              class_=css or None).replace("></img>", ">")
    return (f'<picture><source type="image/webp" srcset="{esc(srcset)}" '
            f'sizes="{esc(sizes)}">{img}</picture>')


def caption_parts(caption: str, credit: str) -> tuple[str, str]:
    """Caption and credit of a photo, without saying the same thing twice.

    Editors often mark an illustration in both ("Chi đoàn (ảnh minh hoạ)" and "Minh hoạ: Chi
    đoàn"): a label before a colon in the credit that the caption already says is dropped, and
    so is a credit (or a caption) that the other one already contains, compared folded.

    >>> caption_parts("Chi đoàn Thanh niên (ảnh minh hoạ)", "Minh hoạ: Chi đoàn Thanh niên")
    ('Chi đoàn Thanh niên (ảnh minh hoạ)', '')
    >>> caption_parts("Ảnh minh hoạ", "Minh hoạ: Phòng Xúc tiến Du lịch")
    ('Ảnh minh hoạ', 'Phòng Xúc tiến Du lịch')
    """
    caption, credit = " ".join(caption.split()), " ".join(credit.split())
    label, sep, rest = credit.partition(":")
    if sep and rest.strip() and _says(caption, label):
        credit = rest.strip()
    if credit and _says(caption, credit):
        credit = ""
    elif caption and _says(credit, caption):
        caption = ""
    return caption, credit


def _says(text: str, part: str) -> bool:
    """Do the words of ``part`` appear, in order and whole, in ``text`` (compared folded)?"""
    words, inside = _WORDS.findall(fold(part)), _WORDS.findall(fold(text))
    return bool(words) and any(inside[i:i + len(words)] == words
                               for i in range(len(inside) - len(words) + 1))


_WORDS = re.compile(r"\w+")


def figure(ctx: Context, p: Owner, ph: Photo, url: str, sizes: str, eager: bool = False) -> str:
    """The photo with its caption and credit (each said once), or "" when unusable."""
    pic = picture(ctx, p, ph, url, sizes, eager=eager)
    if not pic:
        return ""
    caption, credit = caption_parts(ph.chu_thich, ph.nguon)
    # Caption and credit are separate facts; a dash keeps them apart when both are given.
    text = " — ".join(x for x in (esc(caption), f'<span class="gs-credit">{esc(credit)}</span>'
                                  if credit else "") if x)
    return f"<figure>{pic}{f'<figcaption>{text}</figcaption>' if text else ''}</figure>"
