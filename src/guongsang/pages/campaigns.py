"""Campaign pages: what each emulation campaign is, and who and what came out of it.

Campaign pages already exist in content/phong-trao/ (MkDocs renders the editor's body); this
module only adds to them: a header of facts before the body, the exemplars and models after
it, and the grouped list of campaigns on content/phong-trao/index.md.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..html import esc, link, md_text
from ..records import Campaign, Model, Profile
from ..site.output import Asset, View
from ..text import format_date, person_sort_key, sort_key
from . import Context, generator, lastmod
from .stories import related_dates, related_html

INDEX = "phong-trao/index.md"
STATUS_ORDER = ("dang_dien_ra", "sap_dien_ra", "da_ket_thuc")
"""Reader's order: what is on now first, then what is coming, then the past."""


def exemplar_key(p: Profile) -> tuple:
    """Vietnamese name order: people by given name, collectives and families as written."""
    return person_sort_key(p.ho_ten) if p.loai == "ca_nhan" else sort_key(p.ho_ten)


def model_key(m: Model) -> tuple:
    return (-m.nam, sort_key(m.ten))


def period(c: Campaign) -> str:
    """"01/03/2024 – 31/12/2025", "05/01/2026 – đến nay", or "Từ 01/03/2027" if not started."""
    start = format_date(c.tu_ngay) if c.tu_ngay else "?"
    if c.den_ngay:
        return f"{start} – {format_date(c.den_ngay)}"
    if c.trang_thai == "sap_dien_ra":
        return f"Từ {start}"
    return f"{start} – đến nay"


@dataclass(frozen=True)
class Outcome:
    """What a campaign produced: published exemplars and models that name it."""

    exemplars: list[Profile]
    models: list[Model]

    @property
    def counts(self) -> str:
        return f"{len(self.exemplars)} gương điển hình, {len(self.models)} mô hình"


def outcome(ctx: Context, c: Campaign) -> Outcome:
    return Outcome(
        sorted((p for p in ctx.profiles if c.slug in p.phong_trao), key=exemplar_key),
        sorted((m for m in ctx.corpus.models.values() if c.slug in m.phong_trao), key=model_key))


_BODY_H1 = re.compile(r"^\s*#(?!#)\s*\S")


def heading(title: str, body: str) -> str:
    """The page's title as a Markdown H1, unless the editor's body starts with its own.

    A heading (not the theme's title) starts the table of contents, so the theme's "skip to
    content" link exists and lands on it, before the facts.
    """
    return "" if _BODY_H1.match(body) else f"# {md_text(title)}\n\n"


def _facts(rows: list[tuple[str, str]]) -> str:
    """<dl> of label -> HTML value; rows without a value are left out."""
    return ('<dl class="gs-facts">'
            + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>")


def render_head(ctx: Context, c: Campaign, out: Outcome) -> str:
    ref = ctx.ref
    goals = ('<ul class="gs-goals">' + "".join(f"<li>{esc(g)}</li>" for g in c.muc_tieu)
             + "</ul>") if c.muc_tieu else ""
    status = (f'<span class="gs-status gs-status--{esc(c.trang_thai)}">'
              f'{esc(ref.label("trang_thai_phong_trao", c.trang_thai))}</span>')
    facts = _facts([
        ("Cấp phát động", esc(ref.label("cap_phat_dong", c.cap_phat_dong))),
        ("Cơ quan phát động", esc(c.co_quan_phat_dong)),
        ("Thời gian", esc(period(c))),
        ("Trạng thái", status),
        ("Mục tiêu", goals),
        ("Kết quả", f'<a href="#gs-ket-qua">{esc(out.counts)}</a>'),
    ])
    lead = f'<p class="gs-lead">{esc(c.tom_tat)}</p>' if c.tom_tat else ""
    return heading(c.ten, c.body) + f'<div class="gs-campaign-head">{lead}{facts}</div>\n'


def render_results(ctx: Context, c: Campaign, out: Outcome) -> str:
    ref = ctx.ref
    page = urls.campaign(c.slug)
    parts = ["## Kết quả phong trào {#gs-ket-qua}",
             f'<p class="gs-counts">{esc(out.counts)}</p>', "### Gương điển hình"]
    if out.exemplars:
        parts.append('<ul class="gs-links gs-exemplars">' + "".join(
            f"<li>{link(urls.relative(urls.profile(p.slug), page), p.ho_ten)} "
            f'<span class="gs-muted">({esc(_unit(ctx, p.don_vi))} · '
            f'{esc(ref.label("trang_thai", p.trang_thai))})</span></li>'
            for p in out.exemplars) + "</ul>")
    else:
        parts.append('<p class="gs-muted">Chưa có gương điển hình nào được công bố '
                     "từ phong trào này.</p>")
    parts.append("### Mô hình, sáng kiến")
    if out.models:
        parts.append('<ul class="gs-links gs-models">' + "".join(
            f"<li>{link(urls.relative(urls.model(m.slug), page), m.ten)} "
            f'<span class="gs-muted">({esc(ref.label("loai_mo_hinh", m.loai))}, {m.nam})'
            "</span></li>"
            for m in out.models) + "</ul>")
    else:
        parts.append('<p class="gs-muted">Chưa có mô hình, sáng kiến nào gắn với '
                     "phong trào này.</p>")
    return "\n\n".join(parts) + "\n"


def _unit(ctx: Context, unit_id: str) -> str:
    unit = ctx.ref.units.get(unit_id)
    return unit.ten if unit else unit_id


def _status_key(c: Campaign) -> tuple:
    # Upcoming: the soonest first; running and finished: the most recent first.
    start = c.tu_ngay.toordinal() if c.tu_ngay else 0
    return (start if c.trang_thai == "sap_dien_ra" else -start, sort_key(c.ten))


def _entry(c: Campaign, out: Outcome, detail: str) -> str:
    return (f"<li>{link(urls.relative(urls.campaign(c.slug), 'phong-trao/'), c.ten)}"
            f'<br><span class="gs-muted">{esc(period(c))} · {esc(detail)} · '
            f"{esc(out.counts)}</span></li>")


def render_index(ctx: Context, outcomes: dict[str, Outcome]) -> str:
    ref = ctx.ref
    campaigns = list(ctx.corpus.campaigns.values())
    if not campaigns:
        return '<p class="gs-muted">Chưa có phong trào thi đua nào.</p>\n'
    parts = ["## Theo trạng thái"]
    for status in STATUS_ORDER:
        group = sorted((c for c in campaigns if c.trang_thai == status), key=_status_key)
        if group:
            parts.append(f"### {esc(ref.label('trang_thai_phong_trao', status))}")
            parts.append('<ul class="gs-campaigns">' + "".join(
                _entry(c, outcomes[c.slug], f"Cấp {ref.label('cap_phat_dong', c.cap_phat_dong)}")
                for c in group) + "</ul>")
    parts.append("## Theo cấp phát động")
    for level in ref.vocab.get("cap_phat_dong", {}):
        group = sorted((c for c in campaigns if c.cap_phat_dong == level),
                       key=lambda c: (-(c.tu_ngay.toordinal() if c.tu_ngay else 0),
                                      sort_key(c.ten)))
        if group:
            parts.append(f"### {esc(ref.label('cap_phat_dong', level))}")
            parts.append('<ul class="gs-campaigns">' + "".join(
                _entry(c, outcomes[c.slug], ref.label("trang_thai_phong_trao", c.trang_thai))
                for c in group) + "</ul>")
    return "\n\n".join(parts) + "\n"


@generator
def campaign_pages(ctx: Context) -> Iterator[View | Asset]:
    """Fill in content/phong-trao/: each campaign page and the index (no new pages)."""
    outcomes = {slug: outcome(ctx, c) for slug, c in ctx.corpus.campaigns.items()}
    for slug, c in ctx.corpus.campaigns.items():
        src = f"{urls.CAMPAIGNS}/{slug}.md"
        ctx.output.prepends[src] = render_head(ctx, c, outcomes[slug])
        ctx.output.augments[src] = (render_results(ctx, c, outcomes[slug])
                                    + related_html(ctx, "phong_trao", slug, urls.campaign(slug)))
        out = outcomes[slug]
        changed = lastmod.newest(
            [*lastmod.campaign_dates(c), *(d for p in out.exemplars for d in lastmod.profile_dates(p)),
             *(d for m in out.models for d in lastmod.model_dates(m)),
             *related_dates(ctx, "phong_trao", slug)], ctx.corpus.today)
        ctx.output.meta[src] = {"title": c.ten, **({"description": c.tom_tat} if c.tom_tat else {}),
                                **lastmod.meta(changed)}
    ctx.output.augments[INDEX] = render_index(ctx, outcomes)
    ctx.output.meta[INDEX] = lastmod.meta(lastmod.newest(
        (d for c in ctx.corpus.campaigns.values() for d in lastmod.campaign_dates(c)),
        ctx.corpus.today))
    return iter(())
