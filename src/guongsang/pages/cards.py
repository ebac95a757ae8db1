"""One small card for a profile: thumbnail (or initials avatar), name, unit and one line.

Shared by the gallery, the exemplar directory and any other list of people. It registers no
generator; it only renders. Every value from a record goes through :func:`~guongsang.html.esc`.
"""
from __future__ import annotations

from datetime import date as Date

from .. import urls
from ..html import attrs, esc, tag
from ..media import avatars
from ..records import Profile
from ..site.incremental import reusing
from ..text import format_date, nfc, person_sort_key, sort_key
from . import Context

LINE_MAX = 140
"""Longest one-line summary on a card, ellipsis included."""

# Punctuation that looks wrong right before "…".
_TRAILING = " \t,;:–—-("


def truncate(text: str, limit: int = LINE_MAX) -> str:
    """Shorten ``text`` to at most ``limit`` characters at a word boundary, ending in "…".

    White space is collapsed first; text that already fits is returned unchanged.

    >>> truncate("Nhặt được ví và trả lại cho du khách", 20)
    'Nhặt được ví và trả…'
    """
    flat = " ".join(nfc(text).split())
    if len(flat) <= limit:
        return flat
    room = flat[: limit - 1]  # keep one character for the ellipsis
    # Cut at the last space, unless ``room`` happens to end exactly at the end of a word.
    cut = len(room) if flat[len(room)] == " " else room.rfind(" ")
    # A single very long word (a URL, a code) has no boundary worth keeping: cut inside it.
    head = room[:cut] if cut > limit // 2 else room
    return head.rstrip(_TRAILING) + "…"


def avatar_html(ctx: Context, profile: Profile, page_url: str) -> str:
    """Stand-in picture for a profile without a usable photo: the generated initials avatar.

    Kept as one function here so every list of cards changes together; :func:`card` looks it up
    at call time.
    """
    return avatars.avatar_html(ctx, profile, page_url)


def thumbnail(ctx: Context, profile: Profile, page_url: str) -> str:
    """The first photo at its smallest size, or "" when the profile has no usable photo."""
    if not profile.anh:
        return ""
    ph = profile.anh[0]
    done = ctx.photo(profile, ph)
    if not done:
        return ""
    jpeg = done.fallback()
    source = (f'<source type="image/webp" srcset="'
              f'{esc(urls.relative(ctx.image_url(done.card().file), page_url))}">')
    img = "<img " + attrs(src=urls.relative(ctx.image_url(jpeg.file), page_url), alt=ph.mo_ta,
                          width=jpeg.width, height=jpeg.height, loading="lazy",
                          decoding="async") + ">"
    return f"<picture>{source}{img}</picture>"


def card(ctx: Context, profile: Profile, page_url: str, line: str = "",
         date: Date | None = None, *, place: str = "", kicker: str = "",
         date_label: str = "", heading: int = 3, data: dict[str, str] | None = None) -> str:
    """A card for ``profile`` on the page at ``page_url``, as one line of HTML.

    ``line`` is shortened with :func:`truncate`; ``date`` shows as dd/mm/yyyy in a ``<time>``,
    after ``date_label`` if given; ``kicker`` is a short label above the name (a status);
    ``data`` becomes ``data-*`` attributes (for client-side filters).
    """
    if not reusing():
        return _card(ctx, profile, page_url, line, date, place=place, kicker=kicker,
                     date_label=date_label, heading=heading, data=data)
    # The photo (or avatar) is looked up first: it publishes the image for this build and its
    # file name (a content hash) says whether a remembered card still shows the right picture.
    photo = ctx.photo(profile, profile.anh[0]) if profile.anh else None
    media_id = photo.variants[0].file if photo else avatars.avatar_uri(ctx, profile)
    key = (profile.slug, page_url, line, date, place, kicker, date_label, heading,
           tuple((data or {}).items()))
    hit = _REMEMBERED.get(key)
    if hit is not None and hit[0] is profile and hit[1] is ctx.ref and hit[2] == media_id:
        return hit[3]
    html = _card(ctx, profile, page_url, line, date, place=place, kicker=kicker,
                 date_label=date_label, heading=heading, data=data)
    if len(_REMEMBERED) >= _REMEMBER_MAX:
        _REMEMBERED.clear()
    _REMEMBERED[key] = (profile, ctx.ref, media_id, html)
    return html


# Under the live preview, cards of the previous build are reused while the profile record
# (the loader returns the same object for an unchanged file), the reference data and the
# picture are the same: a rebuild renders only the cards of the edited profile. Bounded.
_REMEMBERED: dict[tuple, tuple] = {}
_REMEMBER_MAX = 200_000


def _card(ctx: Context, profile: Profile, page_url: str, line: str, date: Date | None, *,
          place: str, kicker: str, date_label: str, heading: int,
          data: dict[str, str] | None) -> str:
    unit = ctx.ref.units.get(profile.don_vi)
    media = thumbnail(ctx, profile, page_url) or avatar_html(ctx, profile, page_url)
    href = urls.relative(urls.profile(profile.slug), page_url)
    body = ""
    if kicker:
        body += f'<p class="gs-card-kicker">{esc(kicker)}</p>'
    body += tag(f"h{heading}", tag("a", esc(profile.ho_ten), href=href), class_="gs-card-title")
    if unit:
        body += f'<p class="gs-card-unit">{esc(unit.ten)}</p>'
    if line.strip():
        body += f'<p class="gs-card-line">{esc(truncate(line))}</p>'
    meta = []
    if date:
        meta.append((f"{esc(date_label)} " if date_label else "")
                    + f'<time datetime="{date.isoformat()}">{format_date(date)}</time>')
    if place.strip():
        meta.append(f'<span class="gs-card-place">{esc(place.strip())}</span>')
    if meta:
        body += f'<p class="gs-card-meta">{" · ".join(meta)}</p>'
    extra = attrs(**{f"data_{k.replace('-', '_')}": v for k, v in (data or {}).items()})
    return (f'<article class="gs-card"{" " + extra if extra else ""}>'
            f'<div class="gs-card-media">{media}</div><div class="gs-card-body">{body}</div>'
            "</article>")


def name_key(profile: Profile) -> tuple:
    """Vietnamese list order: people by given name, collectives and families by their name."""
    return person_sort_key(profile.ho_ten) if profile.loai == "ca_nhan" else sort_key(profile.ho_ten)
