"""One page per published profile, out of the nav, at ``ho-so/<slug>/``."""
from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..html import demote_headings, esc, front_matter, link, md_text, redirect_html, tag
from ..load.corpus import SLUG_RE
from ..media.avatars import avatar_html, avatar_uri
from ..records import Profile
from ..site.incremental import reusing
from ..site.output import Asset, ProfileView, View
from ..text import format_date
from . import Context, generator, lastmod
from .legalbasis import basis_html
from .pictures import caption_parts, figure, picture  # noqa: F401 - part of this module's API
from .stories import related_dates, related_html, stories_about
from .tables import Row, table

HERO_SIZES = "(min-width: 76.25em) 17rem, (min-width: 45em) 38vw, 100vw"
"""Width of the first photo: beside the text on wide screens, the whole width on a phone."""


def _facts(ctx: Context, p: Profile) -> str:
    """The profile's facts as label/value tiles (one column on a phone; the status is the
    kicker above, so it is not repeated here)."""
    ref = ctx.ref
    unit = ref.units.get(p.don_vi)
    rows = [
        ("Loại", ref.label("loai_ho_so", p.loai)),
        ("Đơn vị", unit.ten if unit else p.don_vi),
        ("Chức vụ", p.chuc_vu),
        ("Lĩnh vực", ", ".join(ref.fields[f].ten if f in ref.fields else f for f in p.linh_vuc)),
        ("Ngày công nhận", format_date(p.ngay_cong_nhan) if p.ngay_cong_nhan else ""),
        ("Đơn vị đề xuất", ref.units[p.don_vi_de_xuat].ten if p.don_vi_de_xuat in ref.units else ""),
    ]
    # The recognition date carries the anchor the feed's recognition entry points to.
    ids = {"Ngày công nhận": urls.RECOGNITION_ANCHOR}
    items = "".join(f"<div>{tag('dt', esc(k), id=ids.get(k))}<dd>{esc(v)}</dd></div>"
                    for k, v in rows if v)
    return f'<dl class="gs-facts gs-facts--tiles">{items}</dl>'


AWARD_COLUMNS = ("Danh hiệu, hình thức", "Cấp", "Năm", "Số quyết định", "Ngày quyết định",
                 "Căn cứ pháp lý")
"""Columns of the profile's award table (stacked into label/value lines on a phone)."""


def _award_row(ctx: Context, p: Profile, a, page_url: str) -> Row:
    ref = ctx.ref
    form = ref.awards.get(a.hinh_thuc)
    name = form.ten if form else a.hinh_thuc
    note = " (đột xuất)" if a.dot_xuat else " (chuyên đề)" if a.chuyen_de else ""
    return Row((esc(name + note), esc(ref.label("cap_khen_thuong", form.cap) if form else ""),
                str(a.nam), esc(a.so_quyet_dinh),
                esc(format_date(a.ngay_quyet_dinh) if a.ngay_quyet_dinh else ""),
                basis_html(ref, p, a, page_url)),
               id=urls.award_anchor(a.hinh_thuc, a.nam, a.so_quyet_dinh))


def models_of(ctx: Context, p: Profile) -> list:
    listed = [ctx.corpus.models[s] for s in p.mo_hinh if s in ctx.corpus.models]
    authored = [m for m in ctx.corpus.models.values() if p.slug in m.tac_gia and m not in listed]
    return sorted(listed + authored, key=lambda m: (-m.nam, m.ten))


def render_profile(ctx: Context, p: Profile) -> str:
    ref = ctx.ref
    url = urls.profile(p.slug)
    parts: list[str] = []
    hero = figure(ctx, p, p.anh[0], url, HERO_SIZES, eager=True) if p.anh else ""
    if not hero:  # no photo, or none usable: the generated initials avatar stands in
        hero = f'<div class="gs-profile-avatar">{avatar_html(ctx, p, url)}</div>'
    # The name is a Markdown heading (so it starts the table of contents and the theme's
    # "skip to content" link lands on it); then, in reading order for a phone, the status and
    # the deed, the photo, the facts. On a wide screen the photo moves to the left (CSS).
    parts.append(f"# {md_text(p.ho_ten)}")
    parts.append(
        '<div class="gs-profile-head">'
        f'<p class="gs-kicker">{esc(ref.label("trang_thai", p.trang_thai))}</p>'
        + (f'<p class="gs-lead">{esc(p.tom_tat)}</p>' if p.tom_tat else "")
        + f'<div class="gs-profile-photo">{hero}</div>' + _facts(ctx, p) + "</div>")

    if p.body.strip():
        parts.append("## Câu chuyện\n\n" + demote_headings(p.body.strip()))

    standards = [(s, p.tieu_chuan[s.id]) for s in ref.standards if p.tieu_chuan.get(s.id)]
    criteria = [(c, p.tieu_chi_doan_the[c.id]) for c in ref.criteria.get(p.don_vi_de_xuat, [])
                if p.tieu_chi_doan_the.get(c.id)]
    if standards or criteria:
        block = "".join(f"<dt>{esc(s.ten)}</dt><dd>{esc(text)}</dd>" for s, text in standards)
        org = ref.units.get(p.don_vi_de_xuat)
        extra = ""
        if criteria:
            extra = (f'<h3>Tiêu chí của {esc(org.ten if org else "")}</h3><dl class="gs-standards">'
                     + "".join(f"<dt>{esc(c.ten)}</dt><dd>{esc(t)}</dd>" for c, t in criteria)
                     + "</dl>")
        parts.append("## Tiêu chuẩn đã đạt\n\n"
                     + (f'<dl class="gs-standards">{block}</dl>' if block else "") + extra)

    if p.thanh_tich:
        rows = sorted(p.thanh_tich, key=lambda t: -t.nam)
        parts.append("## Thành tích\n\n<ul class=\"gs-achievements\">" + "".join(
            f"<li><strong>{t.nam}</strong>: {esc(t.noi_dung)}"
            + (f' <span class="gs-muted">({esc(ref.label("xep_loai", t.xep_loai))})</span>'
               if t.xep_loai else "") + "</li>" for t in rows) + "</ul>")

    if p.khen_thuong:
        rows = [_award_row(ctx, p, a, url) for a in sorted(p.khen_thuong, key=lambda a: (-a.nam, a.index))]
        parts.append("## Khen thưởng\n\n" + table("gs-awards", AWARD_COLUMNS, rows))

    if p.viec_tot:
        parts.append('## Người tốt, việc tốt\n\n<ul class="gs-deeds">' + "".join(
            f'<li><time datetime="{d.ngay.isoformat()}">{format_date(d.ngay)}</time>, '
            f"{esc(d.dia_diem)}: {esc(d.noi_dung)}</li>"
            for d in sorted(p.viec_tot, key=lambda d: d.ngay, reverse=True)) + "</ul>")

    camps = [ctx.corpus.campaigns[s] for s in p.phong_trao if s in ctx.corpus.campaigns]
    if camps:
        parts.append('## Phong trào thi đua\n\n<ul class="gs-links">' + "".join(
            f"<li>{link(urls.relative(urls.campaign(c.slug), url), c.ten)}</li>" for c in camps)
            + "</ul>")
    models = models_of(ctx, p)
    if models:
        parts.append('## Mô hình, sáng kiến\n\n<ul class="gs-links">' + "".join(
            f"<li>{link(urls.relative(urls.model(m.slug), url), m.ten)} "
            f'<span class="gs-muted">({esc(ref.label("loai_mo_hinh", m.loai))}, {m.nam})</span></li>'
            for m in models) + "</ul>")

    if related := related_html(ctx, "ho_so", p.slug, url):
        parts.append(related.strip())

    if p.theo_doi:
        parts.append('## Theo dõi, bồi dưỡng\n\n<ol class="gs-timeline">' + "".join(
            f'<li><time datetime="{f.ngay.isoformat()}">{format_date(f.ngay)}</time> {esc(f.ghi_chu)}</li>'
            for f in sorted(p.theo_doi, key=lambda f: f.ngay)) + "</ol>")

    more = [figure(ctx, p, ph, url, "(min-width: 45em) 33vw, 100vw") for ph in p.anh[1:]]
    more = [m for m in more if m]
    if more:
        parts.append('## Hình ảnh\n\n<div class="gs-photos">' + "".join(more) + "</div>")

    description = p.tom_tat or f"{p.ho_ten} – {ref.units[p.don_vi].ten if p.don_vi in ref.units else ''}"
    meta = {"title": p.ho_ten, "description": description,
            **lastmod.meta(lastmod.newest([*lastmod.profile_dates(p),
                                           *related_dates(ctx, "ho_so", p.slug)],
                                          ctx.corpus.today)),
            "guongsang": {"kind": "profile", "slug": p.slug}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


def profile_markdown(ctx: Context, p: Profile) -> str:
    """:func:`render_profile`, reused under the live preview while all it reads is the same:
    the record and the reference data (the loader returns the same objects for unchanged
    files), the processed photos, the campaigns and models it links to and the stories that
    name it."""
    if not reusing():
        return render_profile(ctx, p)
    # Asking for the pictures publishes them for this build, as rendering would.
    photos = tuple(tuple(v.file for v in done.variants) if (done := ctx.photo(p, ph)) else None
                   for ph in p.anh)
    avatar = avatar_uri(ctx, p) if not photos or photos[0] is None else None
    links = (tuple(ctx.corpus.campaigns.get(s) for s in p.phong_trao), tuple(models_of(ctx, p)),
             tuple(stories_about(ctx, "ho_so", p.slug)))
    hit = _RENDERED.get(p.slug)
    if (hit is not None and hit[0] is p and hit[1] is ctx.ref and hit[2] == (photos, avatar)
            and all(_same(old, new) for old, new in zip(hit[3], links))):
        return hit[4]
    markdown = render_profile(ctx, p)
    _RENDERED[p.slug] = (p, ctx.ref, (photos, avatar), links, markdown)
    return markdown


_RENDERED: dict[str, tuple] = {}
"""Profile pages of the previous preview build, by slug (one entry per profile)."""


def _same(old: tuple, new: tuple) -> bool:
    """The same objects in the same order (records are compared by identity, see above)."""
    return len(old) == len(new) and all(a is b for a, b in zip(old, new))


@generator
def profile_pages(ctx: Context) -> Iterator[View | Asset]:
    for p in ctx.profiles:
        url = urls.profile(p.slug)
        yield ProfileView(url, p.ho_ten, profile_markdown(ctx, p), slug=p.slug)
        for old in p.slug_cu:
            if old in ctx.corpus.profiles or not SLUG_RE.match(old):
                continue  # reported by the duplicate-slug rule; never shadow a real page
            yield Asset(f"{urls.profile(old)}index.html",
                        content=redirect_html(urls.relative(url, urls.profile(old)), p.ho_ten))
