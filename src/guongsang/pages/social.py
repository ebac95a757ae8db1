"""Share images and their page metadata, for social networks and chat apps.

Every published profile, campaign, model and story gets its own 1200×630 image (a profile's
first photo or a story's cover in the panel); every other page uses
the site's default image, published at the fixed address :data:`DEFAULT_URI` (the template in
overrides/main.html falls back to it). Page metadata goes under ``og`` in ``output.meta``:

    og: {image: <absolute URL>, width: 1200, height: 630, alt: …, type: article, description: …}

A page may also set ``og`` in its own front matter; the page's own values win.
"""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from .. import urls
from ..media.avatars import colour, initials
from ..media.images import Variant
from ..media.ogimage import HEIGHT, WIDTH, ShareCard, panel_variant, share_image
from ..records import Campaign, Model, Profile, Story
from ..site.output import Asset, View
from ..text import format_date
from . import Context, generator

OG_DIR = "assets/og"
DEFAULT_URI = f"{OG_DIR}/mac-dinh.jpg"
"""The site-wide share image. A fixed name, so templates can point to it without a build step."""


def absolute(ctx: Context, uri: str) -> str:
    """Absolute URL of a site path: share images must not be relative."""
    return ctx.ref.site.url.rstrip("/") + "/" + uri.lstrip("/")


def _domain(ctx: Context) -> str:
    parts = urlsplit(ctx.ref.site.url)
    return (parts.netloc + parts.path).rstrip("/")


def _site_title(ctx: Context) -> str:
    """ "Gương sáng" out of "Gương sáng – Trung tâm …": the brand without the organisation."""
    return ctx.ref.site.ten.split(" – ")[0].strip() or ctx.ref.site.ten_ngan


def _unit(ctx: Context, unit_id: str) -> str:
    unit = ctx.ref.units.get(unit_id)
    return unit.ten if unit else ""


def profile_card(ctx: Context, p: Profile) -> ShareCard:
    summary = p.tom_tat
    if not summary and p.viec_tot:
        latest = max(p.viec_tot, key=lambda d: d.ngay)
        summary = f"{format_date(latest.ngay)}: {latest.noi_dung}"
    return ShareCard(
        title=p.ho_ten, site=ctx.ref.site.ten_ngan,
        kicker=ctx.ref.label("trang_thai", p.trang_thai) if p.trang_thai else "",
        subtitle=_unit(ctx, p.don_vi), summary=summary, footer=_domain(ctx),
        initials=initials(p.ho_ten, p.loai), colour=colour(p.ho_ten))


def _years(start: object, end: object) -> str:
    first = getattr(start, "year", None)
    last = getattr(end, "year", None)
    if first and last and first != last:
        return f"{first} – {last}"
    return str(first or last or "")


def campaign_card(ctx: Context, c: Campaign) -> ShareCard:
    level = ctx.ref.label("cap_phat_dong", c.cap_phat_dong) if c.cap_phat_dong else ""
    caption = tuple(x for x in (_years(c.tu_ngay, c.den_ngay),
                                ctx.ref.label("trang_thai_phong_trao", c.trang_thai)
                                if c.trang_thai else "") if x)
    return ShareCard(
        title=c.ten, site=ctx.ref.site.ten_ngan,
        kicker="Phong trào thi đua" + (f" cấp {level.lower()}" if level else ""),
        subtitle=c.co_quan_phat_dong, summary=c.tom_tat or "; ".join(c.muc_tieu),
        footer=_domain(ctx), caption=caption)


def model_card(ctx: Context, m: Model) -> ShareCard:
    caption = tuple(x for x in (str(m.nam) if m.nam else "",
                                ctx.ref.label("pham_vi", m.pham_vi) if m.pham_vi else "") if x)
    return ShareCard(
        title=m.ten, site=ctx.ref.site.ten_ngan,
        kicker=ctx.ref.label("loai_mo_hinh", m.loai) if m.loai else "",
        subtitle=_unit(ctx, m.don_vi), summary=m.tom_tat or m.hieu_qua,
        footer=_domain(ctx), caption=caption)


def story_card(ctx: Context, s: Story) -> ShareCard:
    return ShareCard(
        title=s.tieu_de, site=ctx.ref.site.ten_ngan,
        kicker="Tin bài" + (f" · {format_date(s.ngay)}" if s.ngay else ""),
        subtitle=s.tac_gia, summary=s.tom_tat, footer=_domain(ctx),
        caption=(str(s.ngay.year),) if s.ngay else ())


def default_card(ctx: Context) -> ShareCard:
    site = ctx.ref.site
    return ShareCard(title=_site_title(ctx), site=site.ten_ngan,
                     kicker="Điển hình tiên tiến · Người tốt, việc tốt",
                     subtitle=site.co_quan, summary=site.mo_ta, footer=_domain(ctx))


def _meta(ctx: Context, uri: str, card: ShareCard) -> dict[str, object]:
    alt = card.title + (f" – {card.subtitle}" if card.subtitle else "")
    return {"image": absolute(ctx, uri), "width": WIDTH, "height": HEIGHT,
            "alt": f"Ảnh giới thiệu: {alt}", "type": "article",
            "description": " ".join(card.summary.split())}


@generator
def share_images(ctx: Context) -> Iterator[View | Asset]:
    jobs: list[tuple[str, ShareCard, Variant | None]] = [("", default_card(ctx), None)]
    for p in ctx.profiles:
        photo = None
        if p.anh:
            done = ctx.photo(p, p.anh[0])
            photo = panel_variant(done.by_format("webp")) if done else None
        jobs.append((urls.src_uri(urls.profile(p.slug)), profile_card(ctx, p), photo))
    for c in ctx.corpus.campaigns.values():
        jobs.append((f"{urls.CAMPAIGNS}/{c.slug}.md", campaign_card(ctx, c), None))
    for m in ctx.corpus.models.values():
        jobs.append((f"{urls.MODELS}/{m.slug}.md", model_card(ctx, m), None))

    for st in ctx.corpus.stories.values():
        done = ctx.photo(st, st.anh_bia) if st.anh_bia else None
        jobs.append((urls.src_uri(urls.story(st.slug)), story_card(ctx, st),
                     panel_variant(done.by_format("webp")) if done else None))

    for src_uri, card, photo in jobs:
        # The default image keeps its fixed .jpg address (templates name it; shared links too).
        path = share_image(ctx.images, card, photo, ext=None if src_uri else "jpg")
        if not src_uri:
            ctx.publish(DEFAULT_URI, path)
            continue
        uri = f"{OG_DIR}/{path.name}"
        ctx.publish(uri, path)
        ctx.output.meta.setdefault(src_uri, {})["og"] = _meta(ctx, uri, card)
    return iter(())
