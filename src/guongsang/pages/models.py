"""Model pages: what each model or initiative is, who made it, and where it was replicated.

Like campaigns, model pages already exist in content/mo-hinh/; this module adds the facts
before the body, the replication table after it, and the ranked list on the index page.
Authors whose profile is not published are counted, never named: a model page must not
reveal who is in the unpublished part of the records.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .. import urls
from ..html import esc, link
from ..records import Model, Profile, Replication
from ..site.output import Asset, View
from ..text import format_date, sort_key
from . import Context, generator, lastmod
from .campaigns import heading
from .stories import related_dates, related_html
from .tables import table

INDEX = "mo-hinh/index.md"


def units_reached(m: Model) -> int:
    """How many distinct units replicated the model (one unit applying it twice counts once)."""
    return len({r.don_vi for r in m.nhan_rong})


def index_key(m: Model) -> tuple:
    """Most widely replicated first; then the newest; then by title."""
    return (-units_reached(m), -m.nam, sort_key(m.ten))


def authors(ctx: Context, m: Model) -> tuple[list[Profile], int]:
    """Published authors in the editor's order, and how many others there are."""
    slugs = list(dict.fromkeys(m.tac_gia))
    shown = [ctx.corpus.profiles[s] for s in slugs
             if s in ctx.corpus.profiles and ctx.corpus.profiles[s].published]
    return shown, len(slugs) - len(shown)


def authors_html(ctx: Context, m: Model, page: str) -> str:
    shown, others = authors(ctx, m)
    names = ", ".join(link(urls.relative(urls.profile(p.slug), page), p.ho_ten) for p in shown)
    if not others:
        return names
    return f"{names} và {others} tác giả khác" if names else f"{others} tác giả"


def decision_text(m: Model) -> str:
    """"Quyết định số 21/QĐ-TTXT ngày 20/12/2024 của Hội đồng Sáng kiến Trung tâm"."""
    d = m.cong_nhan
    if d is None:
        return ""
    text = f"Quyết định số {d.so_quyet_dinh}"
    if d.ngay_quyet_dinh:
        text += f" ngày {format_date(d.ngay_quyet_dinh)}"
    if d.co_quan:
        text += f" của {d.co_quan}"
    return text


def _unit(ctx: Context, unit_id: str) -> str:
    unit = ctx.ref.units.get(unit_id)
    return unit.ten if unit else unit_id


def replications(ctx: Context, m: Model) -> list[Replication]:
    """In the order the model spread: by date (undated last), then by unit name."""
    return sorted(m.nhan_rong, key=lambda r: (r.ngay is None, r.ngay or date.min,
                                              sort_key(_unit(ctx, r.don_vi))))


def reach_text(m: Model) -> str:
    n = units_reached(m)
    return f"{n} đơn vị" if n else "Chưa nhân rộng"


def render_head(ctx: Context, m: Model) -> str:
    ref = ctx.ref
    page = urls.model(m.slug)
    camps = ", ".join(link(urls.relative(urls.campaign(s), page), ctx.corpus.campaigns[s].ten)
                      for s in m.phong_trao if s in ctx.corpus.campaigns)
    rows = [
        ("Loại", esc(ref.label("loai_mo_hinh", m.loai))),
        ("Đơn vị chủ trì", esc(_unit(ctx, m.don_vi))),
        ("Năm áp dụng", str(m.nam) if m.nam else ""),
        ("Phạm vi ảnh hưởng", esc(ref.label("pham_vi", m.pham_vi)) if m.pham_vi else ""),
        ("Công nhận", esc(decision_text(m))),
        ("Hiệu quả", esc(m.hieu_qua)),
        ("Tác giả", authors_html(ctx, m, page)),
        ("Phong trào", camps),
        ("Nhân rộng", f'<a href="#gs-nhan-rong">{esc(reach_text(m))}</a>'),
    ]
    facts = ('<dl class="gs-facts">'
             + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>")
    lead = f'<p class="gs-lead">{esc(m.tom_tat)}</p>' if m.tom_tat else ""
    return heading(m.ten, m.body) + f'<div class="gs-model-head">{lead}{facts}</div>\n'


def render_replications(ctx: Context, m: Model) -> str:
    head = "## Nơi đã nhân rộng {#gs-nhan-rong}\n\n"
    rows = replications(ctx, m)
    if not rows:
        return head + '<p class="gs-muted">Chưa có đơn vị nào nhân rộng mô hình này.</p>\n'
    body = [(esc(_unit(ctx, r.don_vi)), format_date(r.ngay) if r.ngay else "", esc(r.ghi_chu))
            for r in rows]
    return (head + f'<p class="gs-counts">Đã nhân rộng tại {units_reached(m)} đơn vị.</p>\n\n'
            + table("gs-replications", ("Đơn vị", "Ngày áp dụng", "Ghi chú"), body) + "\n")


def render_index(ctx: Context) -> str:
    ref = ctx.ref
    models = sorted(ctx.corpus.models.values(), key=index_key)
    if not models:
        return '<p class="gs-muted">Chưa có mô hình, sáng kiến nào.</p>\n'
    body = [(link(urls.relative(urls.model(m.slug), "mo-hinh/"), m.ten),
             esc(ref.label("loai_mo_hinh", m.loai)), esc(_unit(ctx, m.don_vi)), str(m.nam),
             esc(reach_text(m))) for m in models]
    return ("## Theo mức độ nhân rộng\n\n"
            + table("gs-models-index", ("Mô hình, sáng kiến", "Loại", "Đơn vị chủ trì", "Năm",
                                        "Nhân rộng"), body) + "\n")


@generator
def model_pages(ctx: Context) -> Iterator[View | Asset]:
    """Fill in content/mo-hinh/: each model page and the index (no new pages)."""
    for slug, m in ctx.corpus.models.items():
        src = f"{urls.MODELS}/{slug}.md"
        ctx.output.prepends[src] = render_head(ctx, m)
        ctx.output.augments[src] = (render_replications(ctx, m)
                                    + related_html(ctx, "mo_hinh", slug, urls.model(slug)))
        ctx.output.meta[src] = {
            "title": m.ten, **({"description": m.tom_tat} if m.tom_tat else {}),
            **lastmod.meta(lastmod.newest([*lastmod.model_dates(m),
                                           *related_dates(ctx, "mo_hinh", slug)],
                                          ctx.corpus.today))}
    ctx.output.augments[INDEX] = render_index(ctx)
    ctx.output.meta[INDEX] = lastmod.meta(lastmod.newest(
        (d for m in ctx.corpus.models.values() for d in lastmod.model_dates(m)), ctx.corpus.today))
    return iter(())
