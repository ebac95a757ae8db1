"""The statistics page ``thong-ke/``: counts of published profiles and of their awards.

Every statistic is computed once into a :class:`Stat` (rows of numbers) and rendered twice
from it: as an inline SVG chart (:mod:`guongsang.media.svgchart`) and as an HTML table, so the
picture and the table can never disagree. Only published profiles are counted.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .. import urls
from ..html import esc, front_matter
from ..load.refdata import ReferenceData
from ..media.svgchart import DEFAULT_SERIES, Bar, Series, bar_chart, format_number, format_percent
from ..records import Profile
from ..site.output import View
from ..text import format_date, sort_key
from . import Context, generator, lastmod
from .tables import table

NO_YEAR = "Chưa ghi ngày"
"""Row label for profiles without ``ngay_cong_nhan``."""

HIGH_LEVELS = ("tinh", "nha_nuoc")
"""Award levels whose share the plan asks to raise (cấp tỉnh, cấp Nhà nước)."""

LEVEL_COLOURS = {"nha_nuoc": "#8a1c1c", "tinh": "#1565c0", "co_so": "#5b6770"}
"""Dark red, blue and slate: ≥ 5:1 on white and told apart by most colour-blind readers."""
OTHER_COLOUR = "#4a4a4a"


@dataclass(frozen=True)
class StatsView(View):
    """The generated statistics page."""


@dataclass
class Stat:
    """One statistic: what it counts and its rows, shared by the chart and the table."""

    key: str
    """ASCII id (chart and table ids)."""
    title: str
    """Heading, chart title and table caption."""
    note: str
    """What exactly is counted, in a sentence for readers."""
    row_head: str
    """Heading of the first column (what the rows are: "Năm", "Đơn vị"…)."""
    bars: list[Bar] = field(default_factory=list)
    series: tuple[Series, ...] = DEFAULT_SERIES
    columns: tuple[str, ...] = ("Số lượng",)
    """Headings of the value columns of the table."""
    cells: list[tuple[str, ...]] = field(default_factory=list)
    """Formatted value cells of each row, in the order of ``bars``."""
    maximum: float | None = None
    percent: bool = False


def _count_stat(key: str, title: str, note: str, row_head: str,
                rows: Iterable[tuple[str, int]]) -> Stat:
    stat = Stat(key, title, note, row_head)
    for label, n in rows:
        stat.bars.append(Bar(label, (n,)))
        stat.cells.append((format_number(n),))
    return stat


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    """Largest first; ties in Vietnamese alphabetical order."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], sort_key(kv[0])))


def by_year(profiles: list[Profile]) -> Stat:
    counts = Counter(p.ngay_cong_nhan.year for p in profiles if p.ngay_cong_nhan)
    rows = [(str(y), n) for y, n in sorted(counts.items())]
    undated = sum(1 for p in profiles if not p.ngay_cong_nhan)
    if undated:
        rows.append((NO_YEAR, undated))
    return _count_stat(
        "nam", "Số gương theo năm công nhận",
        "Mỗi hồ sơ đã công bố được đếm một lần, theo năm của ngày công nhận; hồ sơ chưa ghi "
        f"ngày công nhận được đếm ở dòng “{NO_YEAR}”.", "Năm", rows)


def by_unit(profiles: list[Profile], ref: ReferenceData) -> Stat:
    counts = Counter(ref.units[p.don_vi].ten if p.don_vi in ref.units else p.don_vi
                     for p in profiles)
    return _count_stat(
        "don-vi", "Số gương theo đơn vị",
        "Mỗi hồ sơ đã công bố được đếm một lần, theo đơn vị công tác ghi trong hồ sơ; chỉ liệt "
        "kê đơn vị có ít nhất một gương.", "Đơn vị", _by_count(counts))


def by_field(profiles: list[Profile], ref: ReferenceData) -> Stat:
    counts = Counter(ref.fields[f].ten if f in ref.fields else f
                     for p in profiles for f in dict.fromkeys(p.linh_vuc))
    return _count_stat(
        "linh-vuc", "Số gương theo lĩnh vực",
        "Một hồ sơ ghi nhiều lĩnh vực được đếm ở mỗi lĩnh vực, nên tổng các dòng có thể lớn hơn "
        "số hồ sơ; chỉ liệt kê lĩnh vực có ít nhất một gương.", "Lĩnh vực", _by_count(counts))


def _by_vocab(profiles: list[Profile], ref: ReferenceData, vocab: str, attr: str) -> list[tuple[str, int]]:
    counts = Counter(getattr(p, attr) for p in profiles)
    rows = [(t.ten, counts.pop(t.id, 0)) for t in ref.vocab.get(vocab, {}).values()]
    return rows + [(k, n) for k, n in sorted(counts.items())]


def by_kind(profiles: list[Profile], ref: ReferenceData) -> Stat:
    return _count_stat(
        "loai", "Số gương theo loại",
        "Mỗi hồ sơ đã công bố được đếm một lần: cá nhân, tập thể hoặc gia đình.", "Loại",
        _by_vocab(profiles, ref, "loai_ho_so", "loai"))


def by_status(profiles: list[Profile], ref: ReferenceData) -> Stat:
    return _count_stat(
        "trang-thai", "Số gương theo trạng thái",
        "Mỗi hồ sơ đã công bố được đếm một lần, theo trạng thái hiện tại (nhân tố mới, điển "
        "hình tiên tiến…).", "Trạng thái", _by_vocab(profiles, ref, "trang_thai", "trang_thai"))


def award_levels(profiles: list[Profile], ref: ReferenceData) -> dict[int, Counter[str]]:
    """Awards of published profiles by year of achievement (``nam``) and level (``cap``)."""
    out: dict[int, Counter[str]] = {}
    for p in profiles:
        for a in p.khen_thuong:
            form = ref.awards.get(a.hinh_thuc)
            if form is not None:
                out.setdefault(a.nam, Counter())[form.cap] += 1
    return dict(sorted(out.items()))


def _levels(ref: ReferenceData, per_year: dict[int, Counter[str]]) -> list[tuple[str, str]]:
    """(id, label) of award levels: the vocabulary's order, then any other level in use."""
    known = [(t.id, t.ten) for t in ref.vocab.get("cap_khen_thuong", {}).values()]
    used = sorted({c for counts in per_year.values() for c in counts} - {k for k, _ in known})
    return known + [(c, c) for c in used]


def by_level(profiles: list[Profile], ref: ReferenceData) -> Stat:
    per_year = award_levels(profiles, ref)
    levels = _levels(ref, per_year)
    stat = Stat(
        "cap-khen-thuong", "Khen thưởng theo cấp và năm",
        "Mỗi danh hiệu hoặc hình thức khen thưởng ghi trong hồ sơ đã công bố được đếm một lần, "
        "theo năm thành tích được khen (không phải năm ký quyết định) và theo cấp của nó trong "
        "danh mục khen thưởng; khen thưởng đột xuất và chuyên đề cũng được đếm.", "Năm",
        series=tuple(Series(k.replace("_", "-"), label, LEVEL_COLOURS.get(k, OTHER_COLOUR))
                     for k, label in levels),
        columns=(*(label for _, label in levels), "Tổng"))
    for year, counts in per_year.items():
        values = tuple(counts.get(k, 0) for k, _ in levels)
        stat.bars.append(Bar(str(year), values))
        stat.cells.append((*(format_number(v) for v in values), format_number(sum(values))))
    return stat


def high_share(profiles: list[Profile], ref: ReferenceData) -> list[tuple[int, int, int, float]]:
    """Per year: (year, provincial + State awards, all awards, share in per cent)."""
    out = []
    for year, counts in award_levels(profiles, ref).items():
        total = sum(counts.values())
        high = sum(counts.get(k, 0) for k in HIGH_LEVELS)
        out.append((year, high, total, 100 * high / total))
    return out


def by_share(profiles: list[Profile], ref: ReferenceData) -> Stat:
    plan = ref.site.ke_hoach.get("can_cu", "")
    target = (f" Kế hoạch thực hiện {plan} đặt mục tiêu nâng tỷ lệ này." if plan
              else " Kế hoạch của Trung tâm đặt mục tiêu nâng tỷ lệ này.")
    stat = Stat(
        "ty-le-cap-cao", "Tỷ lệ khen thưởng cấp tỉnh và cấp Nhà nước",
        "Mỗi năm: số khen thưởng cấp tỉnh và cấp Nhà nước chia cho tổng số khen thưởng của năm "
        "đó (đếm như biểu đồ trên, theo năm thành tích)." + target, "Năm",
        series=(Series("ty-le", "Tỷ lệ", "#8a1c1c"),),
        columns=("Cấp tỉnh và Nhà nước", "Tổng số khen thưởng", "Tỷ lệ"),
        maximum=100, percent=True)
    for year, high, total, share in high_share(profiles, ref):
        stat.bars.append(Bar(str(year), (share,), text=format_percent(share)))
        stat.cells.append((format_number(high), format_number(total), format_percent(share)))
    return stat


def statistics(profiles: list[Profile], ref: ReferenceData) -> list[Stat]:
    """Every statistic of the page, in page order."""
    return [by_year(profiles), by_unit(profiles, ref), by_field(profiles, ref),
            by_kind(profiles, ref), by_status(profiles, ref), by_level(profiles, ref),
            by_share(profiles, ref)]


def table_html(stat: Stat) -> str:
    """The statistic's numbers; a grid of numbers keeps its shape on a phone and scrolls
    sideways with a visible cue when it does not fit (see pages/tables.py)."""
    rows = [(esc(bar.label), *(esc(c) for c in cells)) for bar, cells in zip(stat.bars, stat.cells)]
    return table("gs-stat-table", (stat.row_head, *stat.columns), rows, stack=False,
                 row_header=True, caption=stat.title, table_id=f"bang-{stat.key}")


def chart_html(stat: Stat) -> str:
    fmt = format_percent if stat.percent else format_number
    svg = bar_chart(f"bieu-do-{stat.key}", stat.title, stat.bars, series=stat.series,
                    maximum=stat.maximum, fmt=fmt, track=stat.percent)
    return f'<figure class="gs-chart">{svg}</figure>'


def section(stat: Stat) -> str:
    """Heading, note, chart and table of one statistic (one raw HTML block, no blank line)."""
    out = f"## {stat.title}\n\n{esc(stat.note)}\n\n"
    if not any(b.total for b in stat.bars):  # no rows, or only zeros (kinds of an empty site)
        return out + '<p class="gs-muted">Chưa có số liệu.</p>'
    layout = "gs-stat-narrow" if len(stat.columns) == 1 else "gs-stat-wide"
    return out + f'<div class="gs-stat {layout}">{chart_html(stat)}{table_html(stat)}</div>'


def render_stats(ctx: Context) -> str:
    profiles = ctx.profiles
    page = urls.STATS
    feed = urls.relative(urls.FEED, page)
    intro = (
        "Số liệu được tính tự động từ các hồ sơ đã công bố trên trang, cập nhật ngày "
        f"{format_date(ctx.corpus.today)}. Hồ sơ chưa đồng ý công bố hoặc đã rút khỏi trang "
        f"không được tính. Hiện có **{format_number(len(profiles))}** hồ sơ đã công bố.")
    parts = ["# Thống kê", intro, *(section(s) for s in statistics(profiles, ctx.ref)),
             "## Theo dõi tin mới",
             (f'<p class="gs-feed-link">Gương mới được công nhận và khen thưởng mới được đăng qua '
              f'<a href="{esc(feed)}" type="application/rss+xml">nguồn tin RSS</a>; dán địa chỉ '
              "này vào ứng dụng đọc tin để nhận tin mới.</p>")]
    changed = lastmod.newest((d for p in profiles for d in lastmod.profile_dates(p)),
                             ctx.corpus.today)
    meta = {"title": "Thống kê", **lastmod.meta(changed),
            "description": "Số gương điển hình đã công bố theo năm, đơn vị, lĩnh vực, loại; "
                           "khen thưởng theo cấp và tỷ lệ khen thưởng cấp tỉnh, cấp Nhà nước.",
            "guongsang": {"kind": "stats"}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


@generator
def stats_page(ctx: Context) -> Iterator[View]:
    yield StatsView(urls.STATS, "Thống kê", render_stats(ctx))
