"""Yearly honour rolls (vinh-danh/<yyyy>/), their CSV downloads, and the index of years.

An award belongs to the year of the achievement (``nam``), not of the decision: the roll of
2024 lists what was earned in 2024 even when the decision was signed in January 2025. Only
published profiles appear. Each roll is grouped by level (the vocabulary's order: Nhà nước,
Tỉnh, Cơ sở), then by title or form (the catalogue's order), then by name.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..html import esc, front_matter, link
from ..load.refdata import AwardForm, ReferenceData
from ..records import Award, Profile
from ..site.output import Asset, View
from ..text import format_date
from . import Context, generator
from .campaigns import exemplar_key
from .legalbasis import basis_html, basis_text

CSV_HEADER = ("Cấp", "Danh hiệu/hình thức", "Họ tên", "Đơn vị", "Số quyết định",
              "Ngày quyết định", "Cơ quan ban hành", "Đột xuất/chuyên đề", "Căn cứ pháp lý")
BOM = b"\xef\xbb\xbf"
"""Excel opens a UTF-8 CSV with Vietnamese text correctly only when it starts with a BOM."""


@dataclass(frozen=True)
class HonoursIndexView(View):
    """The list of years at ``vinh-danh/``."""


@dataclass(frozen=True)
class HonourRollView(View):
    """The roll of one year at ``vinh-danh/<yyyy>/``."""

    year: int = 0


@dataclass(frozen=True)
class Honour:
    """One line of a roll: who received which award."""

    profile: Profile
    award: Award
    form: AwardForm | None

    @property
    def level(self) -> str:
        return self.form.cap if self.form else ""

    @property
    def form_name(self) -> str:
        return self.form.ten if self.form else self.award.hinh_thuc

    @property
    def issuer(self) -> str:
        """Who signed: as recorded, else the body the catalogue names for this form."""
        return self.award.co_quan or (self.form.co_quan if self.form else "")

    @property
    def special(self) -> str:
        """"Đột xuất", "Chuyên đề", both, or empty: such awards are not grounds for later ones."""
        return ", ".join(label for label, on in (("Đột xuất", self.award.dot_xuat),
                                                  ("Chuyên đề", self.award.chuyen_de)) if on)


def roll_url(year: int) -> str:
    return f"{urls.HONOURS}{year}/"


def csv_name(year: int) -> str:
    return f"vinh-danh-{year}.csv"


def roll_key(ref: ReferenceData) -> Callable[[Honour], tuple]:
    """Level (vocabulary order), form (catalogue order), name, then decision date."""
    levels = {k: i for i, k in enumerate(ref.vocab.get("cap_khen_thuong", {}))}
    forms = {k: i for i, k in enumerate(ref.awards)}
    return lambda h: (levels.get(h.level, len(levels)), forms.get(h.award.hinh_thuc, len(forms)),
                      exemplar_key(h.profile), h.award.ngay_quyet_dinh or date.min,
                      h.profile.slug, h.award.index)


def honours_by_year(ctx: Context) -> dict[int, list[Honour]]:
    """Awards of published profiles by achievement year, newest year first, in roll order."""
    years: dict[int, list[Honour]] = {}
    for p in ctx.profiles:
        for a in p.khen_thuong:
            years.setdefault(a.nam, []).append(Honour(p, a, ctx.ref.awards.get(a.hinh_thuc)))
    key = roll_key(ctx.ref)
    return {y: sorted(years[y], key=key) for y in sorted(years, reverse=True)}


def _unit(ctx: Context, unit_id: str) -> str:
    unit = ctx.ref.units.get(unit_id)
    return unit.ten if unit else unit_id


def _cell(value: str) -> str:
    """Keep spreadsheet programs from running a value as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_rows(ctx: Context, honours: list[Honour]) -> list[list[str]]:
    return [[
        ctx.ref.label("cap_khen_thuong", h.level), h.form_name, h.profile.ho_ten,
        _unit(ctx, h.profile.don_vi), h.award.so_quyet_dinh,
        _date(h.award.ngay_quyet_dinh), h.issuer, h.special,
        basis_text(ctx.ref, h.profile, h.award)] for h in honours]


def csv_bytes(rows: list[list[str]]) -> bytes:
    """UTF-8 with BOM and CRLF line ends: what Excel on Windows expects."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return BOM + buf.getvalue().encode("utf-8")


def _groups(honours: list[Honour]) -> Iterator[tuple[str, list[tuple[str, list[Honour]]]]]:
    """(level, [(form name, honours)]) in roll order (the list is already sorted)."""
    levels: dict[str, dict[str, list[Honour]]] = {}
    for h in honours:
        levels.setdefault(h.level, {}).setdefault(h.form_name, []).append(h)
    for level, forms in levels.items():
        yield level, list(forms.items())


ROLL_COLUMNS = ("STT", "Họ tên", "Đơn vị", "Số quyết định", "Ngày quyết định", "Căn cứ pháp lý",
                "Ghi chú")


def _date(day: date | None) -> str:
    return format_date(day) if day else ""


def _row(*cells: str) -> str:
    """A table row of cells that are already HTML."""
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _table(css: str, columns: tuple[str, ...], rows: str) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    # The class goes on the wrapper: Material styles (and makes scrollable) bare tables only.
    return (f'<div class="gs-table {css}"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def render_roll(ctx: Context, year: int, honours: list[Honour]) -> str:
    ref = ctx.ref
    page = roll_url(year)
    title = f"Bảng vinh danh năm {year}"
    parts = [
        f'<p class="gs-print-only gs-print-org">{esc(ref.site.co_quan)}</p>',
        f"# {title}",
        f'<p class="gs-lead">Năm {year} có {len(honours)} lượt khen thưởng được công bố, '
        "xếp theo cấp khen thưởng, danh hiệu hoặc hình thức, rồi theo tên.</p>",
        '<div class="gs-honours-tools">'
        f'<a class="md-button" href="{esc(csv_name(year))}" download>Tải danh sách (CSV)</a> '
        '<button type="button" class="md-button gs-print-button" data-gs-print>'
        "In bảng vinh danh</button>"
        '<p class="gs-muted gs-print-hint">Để in khổ A4, bấm “In bảng vinh danh” hoặc dùng lệnh '
        "In của trình duyệt (Ctrl+P, trên máy Mac: ⌘P); bản in chỉ giữ lại bảng vinh danh.</p>"
        "</div>",
    ]
    for level, forms in _groups(honours):
        parts.append(f"## Cấp {esc(ref.label('cap_khen_thuong', level))}" if level
                     else "## Khác")
        for form_name, group in forms:
            parts.append(f"### {esc(form_name)}")
            parts.append(_table("gs-honours", ROLL_COLUMNS, "".join(
                _row(str(n), link(urls.relative(urls.profile(h.profile.slug), page),
                                  h.profile.ho_ten),
                     esc(_unit(ctx, h.profile.don_vi)), esc(h.award.so_quyet_dinh),
                     _date(h.award.ngay_quyet_dinh),
                     basis_html(ctx.ref, h.profile, h.award, page), esc(h.special))
                for n, h in enumerate(group, 1))))
    if any(h.special for h in honours):
        parts.append('<p class="gs-muted gs-footnote">Khen thưởng đột xuất hoặc theo chuyên đề '
                     "không được tính làm căn cứ đề nghị khen thưởng cao hơn.</p>")
    back = link(urls.relative(urls.HONOURS, page), "← Các năm khác")
    parts.append(f'<p class="gs-back">{back}</p>')
    meta: dict[str, object] = {
        "title": title,
        "description": f"Danh sách {len(honours)} lượt khen thưởng năm {year} của "
                       f"{ref.site.co_quan}.",
        "guongsang": {"kind": "honours", "year": year}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


def render_index(ctx: Context, years: dict[int, list[Honour]]) -> str:
    ref = ctx.ref
    levels = list(ref.vocab.get("cap_khen_thuong", {}))
    parts = ["# Bảng vinh danh",
             "Các tập thể, cá nhân, gia đình được khen thưởng, theo năm đạt thành tích. "
             "Mỗi năm có bảng để in khổ A4 và tệp CSV mở được bằng Excel."]
    if not years:
        parts.append('<p class="gs-muted">Chưa có khen thưởng nào được công bố.</p>')
    else:
        rows = ""
        for year, honours in years.items():
            here = roll_url(year)
            year_link = link(urls.relative(here, urls.HONOURS), f"Năm {year}")
            counts = "".join(f"<td>{sum(1 for h in honours if h.level == lv)}</td>"
                             for lv in levels)
            rows += (f'<tr><th scope="row">{year_link}</th><td>{len(honours)}</td>{counts}'
                     f"<td>{link(urls.relative(here + csv_name(year), urls.HONOURS), 'CSV')}"
                     "</td></tr>")
        columns = ("Năm", "Số lượt khen thưởng",
                   *(ref.label("cap_khen_thuong", lv) for lv in levels), "Tải về")
        parts.append(_table("gs-years", columns, rows))
    meta: dict[str, object] = {
        "title": "Bảng vinh danh",
        "description": f"Bảng vinh danh theo năm của {ref.site.co_quan}.",
        "guongsang": {"kind": "honours-index"}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


@generator
def honour_rolls(ctx: Context) -> Iterator[View | Asset]:
    years = honours_by_year(ctx)
    yield HonoursIndexView(urls.HONOURS, "Bảng vinh danh", render_index(ctx, years))
    for year, honours in years.items():
        url = roll_url(year)
        yield HonourRollView(url, f"Bảng vinh danh năm {year}",
                             render_roll(ctx, year, honours), year=year)
        yield Asset(f"{url}{csv_name(year)}", content=csv_bytes(csv_rows(ctx, honours)))
