"""The home page tells the year's story (appended to content/index.md, whose text stays on top).

In reading order: one featured exemplar or story (chosen in data/site.yml ``noi_bat``: a
profile's folder, or ``tin-bai/<folder>`` for a story; else the newest recognised exemplar with
a photo) with a large photo, the name and the deed (or the title and the summary); the year's
numbers set against the plan's aims (``ke_hoach.muc_tieu``); the latest good deeds; the
campaigns under way with what they produced; the latest stories; the most replicated models;
the newest exemplars; the invitation to nominate someone (``de_cu``); and the "sample data"
notice only when ``du_lieu_mau`` says so.
Only published profiles appear, as everywhere.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..html import esc, link
from ..load.refdata import Nomination
from ..media.avatars import avatar_html
from ..media.svgchart import format_number, format_percent
from ..problems import Problem, Severity
from ..records import Profile, Story
from ..site.output import Asset, View
from ..text import format_date
from . import Context, generator, lastmod
from .campaigns import outcome, period
from .cards import card, name_key
from .models import index_key, reach_text, units_reached
from .pictures import picture
from .stats import high_share
from .stories import all_stories, cards_html, dateline, has_cover

HOME = "index.md"
LATEST = 6
DEEDS = 3
CAMPAIGNS = 3
MODELS = 3
STORIES = 3
STORY_PREFIX = urls.STORIES + "/"
"""``noi_bat: tin-bai/<folder>`` features a story instead of an exemplar."""
NOMINATE = "Đề cử một gương người tốt, việc tốt"
FEATURE_SIZES = "(min-width: 76.25em) 24rem, (min-width: 45em) 45vw, 100vw"


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
    return deeds[:DEEDS]


def has_photo(ctx: Context, p: Profile) -> bool:
    return bool(p.anh) and ctx.photo(p, p.anh[0]) is not None


def featured(ctx: Context) -> Profile | Story | None:
    """The profile or story ``noi_bat`` names if it is published; else the newest recognised
    exemplar with a usable photo; else the newest recognised; else none. A ``noi_bat`` that
    names nothing published is reported (a warning: the page still has a featured exemplar)."""
    site = ctx.ref.site
    if site.noi_bat:
        if site.noi_bat.startswith(STORY_PREFIX):
            story = ctx.corpus.stories.get(site.noi_bat[len(STORY_PREFIX):].strip("/"))
            if story is not None:
                return story
        else:
            chosen = ctx.corpus.profiles.get(site.noi_bat)
            if chosen is not None and chosen.published:
                return chosen
        ctx.output.problems.append(Problem(
            "data/site.yml", site.lines.get("noi_bat", 0), "noi_bat", "noi-bat",
            f"Mục nổi bật \"{site.noi_bat}\" không phải một hồ sơ đã công bố hay một tin bài; "
            "trang chủ tự chọn gương được công nhận gần nhất có ảnh.",
            "Ghi tên thư mục của một hồ sơ trong profiles/ đã có dong_y_cong_bo: true, ví dụ: "
            "noi_bat: dang-thi-thuy; hoặc tin-bai/ và tên thư mục của một bài trong stories/, "
            "ví dụ: noi_bat: tin-bai/phat-dong-moi-vien-chuc-mot-viec-tot", Severity.WARNING))
    dated = latest_exemplars(ctx) + [p for p in ctx.profiles if not p.ngay_cong_nhan]
    with_photo = [p for p in dated if has_photo(ctx, p)]
    return (with_photo or dated or [None])[0]


def story_feature_html(ctx: Context, s: Story) -> str:
    href = urls.relative(urls.story(s.slug), "")
    media = (picture(ctx, s, s.anh_bia, "", FEATURE_SIZES, eager=True)
             if s.anh_bia and has_cover(ctx, s) else "")
    return ('<section class="gs-feature" aria-labelledby="gs-feature-name">'
            + (f'<div class="gs-feature-media">{media}</div>' if media else "")
            + '<div class="gs-feature-text">'
            f'<p class="gs-kicker">Tin bài nổi bật · {dateline(s)}</p>'
            f'<h2 id="gs-feature-name"><a href="{esc(href)}">{esc(s.tieu_de)}</a></h2>'
            + (f'<p class="gs-feature-deed">{esc(s.tom_tat)}</p>' if s.tom_tat else "")
            + f'<p><a class="md-button md-button--primary" href="{esc(href)}">Đọc bài viết '
            f'<span class="gs-sr-only">{esc(s.tieu_de)}</span></a></p></div></section>')


def stories_html(ctx: Context, skip: object = None) -> str:
    latest = [s for s in all_stories(ctx) if s is not skip][:STORIES]
    if not latest:
        return ""
    return (f"## Tin bài mới\n\n{cards_html(ctx, latest, '', 3)}\n\n"
            f'<p>{link(urls.relative(urls.stories_page(), ""), "Xem tất cả tin bài")}</p>')


def feature_html(ctx: Context, p: Profile) -> str:
    ref = ctx.ref
    href = urls.relative(urls.profile(p.slug), "")
    media = (picture(ctx, p, p.anh[0], "", FEATURE_SIZES, eager=True) if has_photo(ctx, p)
             else avatar_html(ctx, p, ""))
    unit = ref.units.get(p.don_vi)
    deed = p.tom_tat or (max(p.viec_tot, key=lambda d: d.ngay).noi_dung if p.viec_tot else "")
    facts = " · ".join(x for x in (
        esc(unit.ten) if unit else "",
        f"Công nhận {format_date(p.ngay_cong_nhan)}" if p.ngay_cong_nhan else "") if x)
    return ('<section class="gs-feature" aria-labelledby="gs-feature-name">'
            f'<div class="gs-feature-media">{media}</div><div class="gs-feature-text">'
            f'<p class="gs-kicker">Gương tiêu biểu · {esc(ref.label("trang_thai", p.trang_thai))}</p>'
            f'<h2 id="gs-feature-name"><a href="{esc(href)}">{esc(p.ho_ten)}</a></h2>'
            + (f'<p class="gs-feature-deed">{esc(deed)}</p>' if deed else "")
            + (f'<p class="gs-muted">{facts}</p>' if facts else "")
            + f'<p><a class="md-button md-button--primary" href="{esc(href)}">Đọc câu chuyện '
            f'<span class="gs-sr-only">của {esc(p.ho_ten)}</span></a></p></div></section>')


@dataclass(frozen=True)
class Figure:
    """One number of the year: the value, what it counts, and the plan's aim if any."""

    value: str
    label: str
    detail: str = ""
    aim: str = ""
    met: bool | None = None
    """Whether the aim is met (``None``: no aim, or not measurable yet)."""


def year_figures(ctx: Context, year: int) -> list[Figure]:
    profiles, ref, today = ctx.profiles, ctx.ref, ctx.corpus.today
    recognised = sum(1 for p in profiles if p.ngay_cong_nhan and p.ngay_cong_nhan.year == year)
    deeds = sum(1 for p in profiles for d in p.viec_tot if d.ngay.year == year and d.ngay <= today)
    spread = [(m, r) for m in ctx.corpus.models.values() for r in m.nhan_rong
              if r.ngay and r.ngay.year == year and r.ngay <= today]
    models = len({m.slug for m, _ in spread})
    units = len({r.don_vi for _, r in spread})
    out = [Figure(format_number(recognised), "gương được công nhận"),
           Figure(format_number(deeds), "việc tốt được ghi nhận"),
           Figure(format_number(models), "mô hình được nhân rộng",
                  f"tới {format_number(units)} đơn vị" if units else "")]
    aims = ref.site.muc_tieu
    # Awards for a year are decided early the next year: the share is that of the last year
    # that is over (the current one would read 0 % for most of it).
    shares = [s for s in high_share(profiles, ref) if s[0] < year]
    if shares:
        last, high, total, share = shares[-1]
        before = shares[-2] if len(shares) > 1 else None
        detail = f"năm {last}: {format_number(high)}/{format_number(total)} lượt"
        if before:
            detail += f"; năm {before[0]}: {format_percent(before[3])}"
        met = (share > before[3]) if before else None
        out.append(Figure(format_percent(share), "khen thưởng cấp tỉnh, cấp Nhà nước", detail,
                          aims.get("ty_le_khen_thuong_cap_cao", ""), met))
    orgs = [u for u in ref.units.values() if u.loai == "doan_the"]
    if orgs:
        done = sum(1 for u in orgs if ref.criteria.get(u.id))
        out.append(Figure(format_percent(100 * done / len(orgs)), "đoàn thể đã có tiêu chí riêng",
                          f"{done}/{len(orgs)} đoàn thể", aims.get("doan_the_co_tieu_chi", ""),
                          done == len(orgs)))
    return out


def figures_html(figures: list[Figure]) -> str:
    """The year's results, then (under their own heading) the figures set against an aim."""
    done = _tiles([f for f in figures if not f.aim])
    aimed = [f for f in figures if f.aim]
    if not aimed:
        return done
    return done + "\n\n### So với mục tiêu của kế hoạch\n\n" + _tiles(aimed, "gs-figures--aims")


def _tiles(figures: list[Figure], css: str = "") -> str:
    items = []
    for f in figures:
        aim = ""
        if f.aim:
            state = {True: ' <span class="gs-aim-met">Đạt</span>',
                     False: ' <span class="gs-aim-open">Chưa đạt</span>'}.get(f.met, "")
            aim = f'<p class="gs-figure-aim">Mục tiêu: {esc(f.aim)}{state}</p>'
        items.append('<li class="gs-figure">'
                     f'<p class="gs-figure-value">{esc(f.value)}</p>'
                     f'<p class="gs-figure-label">{esc(f.label)}</p>'
                     + (f'<p class="gs-muted">{esc(f.detail)}</p>' if f.detail else "")
                     + aim + "</li>")
    return f'<ul class="{" ".join(x for x in ("gs-figures", css) if x)}">{"".join(items)}</ul>'


def campaigns_html(ctx: Context) -> str:
    running = sorted((c for c in ctx.corpus.campaigns.values() if c.trang_thai == "dang_dien_ra"),
                     key=lambda c: -(c.tu_ngay.toordinal() if c.tu_ngay else 0))[:CAMPAIGNS]
    if not running:
        return ""
    items = "".join(
        f"<li>{link(urls.relative(urls.campaign(c.slug), ''), c.ten)}"
        f'<br><span class="gs-muted">{esc(period(c))} · {esc(outcome(ctx, c).counts)}</span></li>'
        for c in running)
    return (f'## Phong trào đang diễn ra\n\n<ul class="gs-campaigns">{items}</ul>\n\n'
            f'<p>{link(urls.relative(urls.CAMPAIGNS + "/", ""), "Xem tất cả phong trào")}</p>')


def models_html(ctx: Context) -> str:
    top = [m for m in sorted(ctx.corpus.models.values(), key=index_key) if units_reached(m)]
    if not top:
        return ""
    items = "".join(
        f"<li>{link(urls.relative(urls.model(m.slug), ''), m.ten)}"
        f'<br><span class="gs-muted">{esc(ctx.ref.label("loai_mo_hinh", m.loai))} · '
        f"Nhân rộng tại {esc(reach_text(m))}</span></li>" for m in top[:MODELS])
    return (f'## Mô hình được nhân rộng nhiều nhất\n\n<ul class="gs-campaigns">{items}</ul>\n\n'
            f'<p>{link(urls.relative(urls.MODELS + "/", ""), "Xem tất cả mô hình, sáng kiến")}</p>')


def nominate_html(target: Nomination | None, page_url: str = "") -> str:
    """The invitation to nominate, or "" when data/site.yml names no target."""
    if target is None:
        return ""
    how = ("Gửi thư kể về người và việc làm tốt bạn biết." if target.kind == "email"
           else "Điền biểu mẫu đề cử trực tuyến.")
    return ('<aside class="gs-nominate" aria-label="Đề cử">'
            '<p class="gs-nominate-text">Bạn biết một người tốt, một việc tốt? '
            f"{how} Hội đồng Thi đua – Khen thưởng sẽ xem xét mọi đề cử.</p>"
            f'<p><a class="md-button md-button--primary" href="{esc(target.href)}">{NOMINATE}</a>'
            "</p></aside>")


DEMO_NOTE = ('<div class="admonition note"><p class="admonition-title">Dữ liệu mẫu</p>'
             "<p>Các hồ sơ trên trang này là dữ liệu mẫu, hư cấu, dùng để trình diễn Gương sáng."
             "</p></div>")


def home_markdown(ctx: Context) -> str:
    parts: list[str] = []
    year = ctx.corpus.today.year
    star = featured(ctx)
    if isinstance(star, Story):
        parts.append(story_feature_html(ctx, star))
    elif star is not None:
        parts.append(feature_html(ctx, star))
    parts.append(f"## Năm {year} qua những con số\n\n" + figures_html(year_figures(ctx, year))
                 + f'\n\n<p>{link(urls.relative(urls.STATS, ""), "Xem thống kê đầy đủ")}</p>')
    deeds = latest_deeds(ctx)
    if deeds:
        cards = "".join(card(ctx, p, "", d.noi_dung, d.ngay, place=d.dia_diem) for d, p in deeds)
        parts.append("## Việc tốt gần đây\n\n"
                     f'<div class="gs-cards">{cards}</div>\n\n'
                     f'<p><a href="{esc(urls.relative(urls.GALLERY, ""))}">Xem tất cả việc tốt</a></p>')
    for block in (campaigns_html(ctx), stories_html(ctx, star), models_html(ctx)):
        if block:
            parts.append(block)
    people = [p for p in latest_exemplars(ctx) if p is not star]
    if people:
        cards = "".join(card(ctx, p, "", p.tom_tat, p.ngay_cong_nhan, date_label="Công nhận",
                             kicker=ctx.ref.label("trang_thai", p.trang_thai)) for p in people)
        parts.append("## Gương mới được công nhận\n\n"
                     f'<div class="gs-cards">{cards}</div>\n\n'
                     f'<p><a href="{esc(urls.relative(urls.DIRECTORY, ""))}">Xem tất cả gương điển hình</a></p>')
    if nominate := nominate_html(ctx.ref.site.de_cu):
        parts.append(nominate)
    if ctx.ref.site.du_lieu_mau:
        parts.append(DEMO_NOTE)
    return "\n\n".join(parts)


def home_changed(ctx: Context) -> date | None:
    return lastmod.newest(
        [*(d for p in ctx.profiles for d in lastmod.profile_dates(p)),
         *(d for m in ctx.corpus.models.values() for d in lastmod.model_dates(m)),
         *(d for c in ctx.corpus.campaigns.values() for d in lastmod.campaign_dates(c)),
         *(s.ngay for s in ctx.corpus.stories.values())],
        ctx.corpus.today)


@generator
def home_sections(ctx: Context) -> Iterator[View | Asset]:
    """Appended to content/index.md (its hand-written text stays on top)."""
    ctx.output.augments[HOME] = home_markdown(ctx)
    ctx.output.meta[HOME] = lastmod.meta(home_changed(ctx))
    return iter(())
