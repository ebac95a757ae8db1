"""Home page additions: the newest exemplars and deeds, so the front page is never stale."""
from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..html import esc
from ..site.output import Asset, View
from . import Context, generator
from .cards import card, name_key

HOME = "index.md"
LATEST = 6


def latest_exemplars(ctx: Context) -> list:
    """Published profiles with a recognition date, newest first (ties in name order)."""
    dated = [p for p in ctx.profiles if p.ngay_cong_nhan]
    dated.sort(key=name_key)
    dated.sort(key=lambda p: p.ngay_cong_nhan, reverse=True)
    return dated[:LATEST]


def latest_deeds(ctx: Context) -> list:
    deeds = [(d, p) for p in ctx.profiles for d in p.viec_tot]
    deeds.sort(key=lambda dp: name_key(dp[1]))
    deeds.sort(key=lambda dp: dp[0].ngay, reverse=True)
    return deeds[:3]


@generator
def home_sections(ctx: Context) -> Iterator[View | Asset]:
    """Appended to content/index.md (its hand-written text stays on top)."""
    parts: list[str] = []
    people = latest_exemplars(ctx)
    if people:
        cards = "".join(card(ctx, p, "", p.tom_tat, p.ngay_cong_nhan, date_label="Công nhận",
                             kicker=ctx.ref.label("trang_thai", p.trang_thai)) for p in people)
        parts.append("## Gương mới được công nhận\n\n"
                     f'<div class="gs-cards">{cards}</div>\n\n'
                     f'<p><a href="{esc(urls.relative(urls.DIRECTORY, ""))}">Xem tất cả gương điển hình</a></p>')
    deeds = latest_deeds(ctx)
    if deeds:
        cards = "".join(card(ctx, p, "", d.noi_dung, d.ngay, place=d.dia_diem) for d, p in deeds)
        parts.append("## Việc tốt gần đây\n\n"
                     f'<div class="gs-cards">{cards}</div>\n\n'
                     f'<p><a href="{esc(urls.relative(urls.GALLERY, ""))}">Xem tất cả việc tốt</a></p>')
    if parts:
        ctx.output.augments[HOME] = "\n\n".join(parts)
    return iter(())
