"""One page per published profile, out of the nav, at ``ho-so/<slug>/``."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import urls
from ..html import esc, front_matter, link, md_text, tag
from ..load.corpus import SLUG_RE
from ..media.avatars import avatar_html, avatar_uri
from ..records import Profile
from ..site.incremental import reusing
from ..site.output import Asset, ProfileView, View
from ..text import fold, format_date
from . import Context, generator, lastmod
from .legalbasis import basis_html
from .tables import Row, table

HERO_SIZES = "(min-width: 76.25em) 17rem, (min-width: 45em) 38vw, 100vw"
"""Width of the first photo: beside the text on wide screens, the whole width on a phone."""


def picture(ctx: Context, p: Profile, index: int, page_url: str, sizes: str,
            css: str = "", eager: bool = False) -> str:
    """<picture> with WebP and JPEG ``srcset``; empty when the photo is unusable."""
    ph = p.anh[index]
    done = ctx.photo(p, ph)
    if not done:
        return ""
    def srcset(fmt: str) -> str:
        return ", ".join(f"{urls.relative(ctx.image_url(v.file), page_url)} {v.width}w"
                         for v in done.by_format(fmt))
    big = done.largest("jpeg")
    img = tag("img", "", src=urls.relative(ctx.image_url(big.file), page_url),
              srcset=srcset("jpeg"), sizes=sizes, alt=ph.mo_ta, width=big.width,
              height=big.height, loading=None if eager else "lazy",
              # The first photo is the largest thing on the first screen: fetch it first.
              fetchpriority="high" if eager else None, decoding=None if eager else "async",
              class_=css or None).replace("></img>", ">")
    return (f'<picture><source type="image/webp" srcset="{esc(srcset("webp"))}" '
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


def _figure(ctx: Context, p: Profile, i: int, url: str, sizes: str, eager: bool = False) -> str:
    pic = picture(ctx, p, i, url, sizes, eager=eager)
    if not pic:
        return ""
    ph = p.anh[i]
    caption, credit = caption_parts(ph.chu_thich, ph.nguon)
    # Caption and credit are separate facts; a dash keeps them apart when both are given.
    text = " — ".join(x for x in (esc(caption), f'<span class="gs-credit">{esc(credit)}</span>'
                                  if credit else "") if x)
    return f"<figure>{pic}{f'<figcaption>{text}</figcaption>' if text else ''}</figure>"


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


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})(\s)")


def demote_headings(markdown: str, top: int = 3) -> str:
    """Move the story's headings so its highest one is h3, under "Câu chuyện" (h2).

    The shift is relative: a story whose first level is ``###`` keeps its structure instead of
    jumping from h2 to h4 (HTML checkers flag skipped levels, and so do screen readers' users).
    """
    lines, fenced, levels = markdown.split("\n"), False, []
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            levels.append(len(m.group(1)))
    if not levels:
        return markdown
    shift = top - min(levels)
    out, fenced = [], False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            line = "#" * max(1, min(6, len(m.group(1)) + shift)) + line[len(m.group(1)):]
        out.append(line)
    return "\n".join(out)


def render_profile(ctx: Context, p: Profile) -> str:
    ref = ctx.ref
    url = urls.profile(p.slug)
    parts: list[str] = []
    hero = _figure(ctx, p, 0, url, HERO_SIZES, eager=True) if p.anh else ""
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

    if p.theo_doi:
        parts.append('## Theo dõi, bồi dưỡng\n\n<ol class="gs-timeline">' + "".join(
            f'<li><time datetime="{f.ngay.isoformat()}">{format_date(f.ngay)}</time> {esc(f.ghi_chu)}</li>'
            for f in sorted(p.theo_doi, key=lambda f: f.ngay)) + "</ol>")

    more = [_figure(ctx, p, i, url, "(min-width: 45em) 33vw, 100vw") for i in range(1, len(p.anh))]
    more = [m for m in more if m]
    if more:
        parts.append('## Hình ảnh\n\n<div class="gs-photos">' + "".join(more) + "</div>")

    description = p.tom_tat or f"{p.ho_ten} – {ref.units[p.don_vi].ten if p.don_vi in ref.units else ''}"
    meta = {"title": p.ho_ten, "description": description,
            **lastmod.meta(lastmod.newest(lastmod.profile_dates(p), ctx.corpus.today)),
            "guongsang": {"kind": "profile", "slug": p.slug}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


def redirect_html(target: str, title: str) -> str:
    """A static page that sends readers of a former address to the current one."""
    return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><meta name=\"robots\" content=\"noindex\">"
            f"<link rel=\"canonical\" href=\"{esc(target)}\">"
            f"<meta http-equiv=\"refresh\" content=\"0; url={esc(target)}\"></head>"
            f"<body><p>Trang đã chuyển tới <a href=\"{esc(target)}\">{esc(title)}</a>.</p></body></html>")


def profile_markdown(ctx: Context, p: Profile) -> str:
    """:func:`render_profile`, reused under the live preview while all it reads is the same:
    the record and the reference data (the loader returns the same objects for unchanged
    files), the processed photos, and the campaigns and models it links to."""
    if not reusing():
        return render_profile(ctx, p)
    # Asking for the pictures publishes them for this build, as rendering would.
    photos = tuple(tuple(v.file for v in done.variants) if (done := ctx.photo(p, ph)) else None
                   for ph in p.anh)
    avatar = avatar_uri(ctx, p) if not photos or photos[0] is None else None
    links = (tuple(ctx.corpus.campaigns.get(s) for s in p.phong_trao), tuple(models_of(ctx, p)))
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
