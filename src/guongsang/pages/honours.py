"""Yearly honour rolls (vinh-danh/<yyyy>/), their CSV and Excel downloads, and the index of years.

An award belongs to the year of the achievement (``nam``), not of the decision: the roll of
2024 lists what was earned in 2024 even when the decision was signed in January 2025. Only
published profiles appear. Each roll is grouped by level (the vocabulary's order: Nhà nước,
Tỉnh, Cơ sở), then by title or form (the catalogue's order), then by name.

The page's table and the two downloads are written from one list of columns
(:data:`ROLL_COLUMNS`), so they cannot disagree: a column added there (a legal basis, say)
appears on the page, in the CSV and in the spreadsheet. The downloads are flat, so they start
with the two headings the page groups by (level, form). Dates are ``yyyy-mm-dd`` in the CSV
(read as the same day by a spreadsheet in any language; 07/01/2026 became 1 July in one set to
English) and real date cells shown as dd/mm/yyyy in the ``.xlsx``.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from .. import urls
from ..html import esc, front_matter, link
from ..load.refdata import AwardForm, ReferenceData
from ..records import Award, Profile
from ..site.output import Asset, View
from ..text import format_date
from . import Context, generator, lastmod
from .campaigns import exemplar_key
from .legalbasis import basis_html, basis_text
from .tables import table
from .xlsx import workbook_bytes

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


def _groups(honours: list[Honour]) -> Iterator[tuple[str, list[tuple[str, list[Honour]]]]]:
    """(level, [(form name, honours)]) in roll order (the list is already sorted)."""
    levels: dict[str, dict[str, list[Honour]]] = {}
    for h in honours:
        levels.setdefault(h.level, {}).setdefault(h.form_name, []).append(h)
    for level, forms in levels.items():
        yield level, list(forms.items())


def _date(day: date | None) -> str:
    return format_date(day) if day else ""


Cell = str | date | int | None
"""A value in the downloads: text, a date (a date cell in the spreadsheet) or a number."""


@dataclass(frozen=True)
class Line:
    """One line of a roll as a table row: the honour, its number in its group, the page."""

    ctx: Context
    honour: Honour
    number: int
    page: str


@dataclass(frozen=True)
class Column:
    """A column of the roll: its header, its cell on the page (HTML) and in the downloads."""

    header: str
    html: Callable[[Line], str]
    value: Callable[[Line], Cell]


def _unit_of(line: Line) -> str:
    return _unit(line.ctx, line.honour.profile.don_vi)


ROLL_COLUMNS: tuple[Column, ...] = (
    Column("STT", lambda ln: str(ln.number), lambda ln: ln.number),
    Column("Họ tên",
           lambda ln: link(urls.relative(urls.profile(ln.honour.profile.slug), ln.page),
                           ln.honour.profile.ho_ten),
           lambda ln: ln.honour.profile.ho_ten),
    Column("Đơn vị", lambda ln: esc(_unit_of(ln)), _unit_of),
    Column("Số quyết định", lambda ln: esc(ln.honour.award.so_quyet_dinh),
           lambda ln: ln.honour.award.so_quyet_dinh),
    Column("Ngày quyết định", lambda ln: _date(ln.honour.award.ngay_quyet_dinh),
           lambda ln: ln.honour.award.ngay_quyet_dinh),
    Column("Căn cứ pháp lý",
           lambda ln: basis_html(ln.ctx.ref, ln.honour.profile, ln.honour.award, ln.page),
           lambda ln: basis_text(ln.ctx.ref, ln.honour.profile, ln.honour.award)),
    Column("Ghi chú", lambda ln: esc(ln.honour.special), lambda ln: ln.honour.special),
)
"""The roll's columns, in page order (see the module docstring)."""

FLAT_HEADER = ("Cấp", "Danh hiệu/hình thức", *(c.header for c in ROLL_COLUMNS))
"""Header of the CSV and of the spreadsheet: the page's groups, then the page's columns."""


def lines(ctx: Context, year: int, honours: list[Honour]) -> Iterator[tuple[str, str, list[Line]]]:
    """(level label, form name, lines numbered within the form) in roll order."""
    page = roll_url(year)
    for level, forms in _groups(honours):
        label = ctx.ref.label("cap_khen_thuong", level) if level else "Khác"
        for form_name, group in forms:
            yield label, form_name, [Line(ctx, h, n, page) for n, h in enumerate(group, 1)]


def flat_rows(ctx: Context, year: int, honours: list[Honour]) -> list[list[Cell]]:
    """Rows of the downloads, under :data:`FLAT_HEADER`."""
    return [[level, form, *(c.value(ln) for c in ROLL_COLUMNS)]
            for level, form, group in lines(ctx, year, honours) for ln in group]


def _csv_text(value: Cell) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def csv_bytes(rows: list[list[Cell]], header: tuple[str, ...] = FLAT_HEADER) -> bytes:
    """UTF-8 with BOM and CRLF line ends: what Excel on Windows expects."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(_csv_text(v)) for v in row] for row in rows)
    return BOM + buf.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[Cell]], title: str, when: date) -> bytes:
    """The roll as an Excel workbook (one sheet, header row frozen, filters on)."""
    return workbook_bytes(title, FLAT_HEADER, rows,
                          datetime(when.year, when.month, when.day))


def _roll_table(group: list[Line]) -> str:
    return table("gs-honours", [c.header for c in ROLL_COLUMNS],
                 [[c.html(ln) for c in ROLL_COLUMNS] for ln in group])


def xlsx_name(year: int) -> str:
    return f"vinh-danh-{year}.xlsx"


def render_roll(ctx: Context, year: int, honours: list[Honour]) -> str:
    ref = ctx.ref
    page = roll_url(year)
    title = f"Bảng vinh danh năm {year}"
    parts = [
        f'<p class="gs-print-only gs-print-org">{esc(ref.site.co_quan)}</p>',
        f"# {title}",
        (f'<p class="gs-lead">Năm {year} có {len(honours)} lượt khen thưởng được công bố, '
        "xếp theo cấp khen thưởng, danh hiệu hoặc hình thức, rồi theo tên.</p>"),
        ('<div class="gs-honours-tools">'
        f'<a class="md-button" href="{esc(xlsx_name(year))}" download>Tải bảng tính (Excel)</a> '
        f'<a class="md-button" href="{esc(csv_name(year))}" download>Tải danh sách (CSV)</a> '
        '<button type="button" class="md-button gs-print-button" data-gs-print>'
        "In bảng vinh danh</button>"
        '<p class="gs-muted gs-print-hint">Để in khổ A4, bấm “In bảng vinh danh” hoặc dùng lệnh '
        "In của trình duyệt (Ctrl+P, trên máy Mac: ⌘P); bản in chỉ giữ lại bảng vinh danh. "
        "Tệp tải về có cùng các cột với bảng, thêm cột cấp và danh hiệu; ngày trong tệp CSV "
        "viết theo dạng năm-tháng-ngày để bảng tính nào cũng đọc đúng.</p>"
        "</div>"),
    ]
    level_seen = None
    for level, form_name, group in lines(ctx, year, honours):
        if level != level_seen:
            parts.append(f"## Cấp {esc(level)}" if level != "Khác" else "## Khác")
            level_seen = level
        parts.append(f"### {esc(form_name)}")
        parts.append(_roll_table(group))
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
    meta.update(lastmod.meta(_changed(ctx, honours)))
    return front_matter(meta) + "\n\n".join(parts) + "\n"


def last_decision(honours: list[Honour]) -> date | None:
    """The newest decision date among ``honours``: when a roll last really changed."""
    return max((h.award.ngay_quyet_dinh for h in honours if h.award.ngay_quyet_dinh),
               default=None)


def _changed(ctx: Context, honours: list[Honour]) -> date | None:
    return lastmod.newest((h.award.ngay_quyet_dinh for h in honours), ctx.corpus.today)


def render_index(ctx: Context, years: dict[int, list[Honour]]) -> str:
    ref = ctx.ref
    levels = list(ref.vocab.get("cap_khen_thuong", {}))
    parts = ["# Bảng vinh danh",
             ("Các tập thể, cá nhân, gia đình được khen thưởng, theo năm đạt thành tích. "
             "Mỗi năm có bảng để in khổ A4, bảng tính Excel và tệp CSV.")]
    if not years:
        parts.append('<p class="gs-muted">Chưa có khen thưởng nào được công bố.</p>')
    else:
        rows = []
        for year, honours in years.items():
            here = roll_url(year)
            downloads = " · ".join(
                link(urls.relative(here + name, urls.HONOURS), label)
                for name, label in ((xlsx_name(year), "Excel"), (csv_name(year), "CSV")))
            rows.append([link(urls.relative(here, urls.HONOURS), f"Năm {year}"), str(len(honours)),
                         *(str(sum(1 for h in honours if h.level == lv)) for lv in levels),
                         downloads])
        columns = ("Năm", "Số lượt khen thưởng",
                   *(ref.label("cap_khen_thuong", lv) for lv in levels), "Tải về")
        parts.append(table("gs-years", columns, rows, row_header=True))
    meta: dict[str, object] = {
        "title": "Bảng vinh danh",
        "description": f"Bảng vinh danh theo năm của {ref.site.co_quan}.",
        "guongsang": {"kind": "honours-index"}}
    meta.update(lastmod.meta(_changed(ctx, [h for hs in years.values() for h in hs])))
    return front_matter(meta) + "\n\n".join(parts) + "\n"


@generator
def honour_rolls(ctx: Context) -> Iterator[View | Asset]:
    years = honours_by_year(ctx)
    yield HonoursIndexView(urls.HONOURS, "Bảng vinh danh", render_index(ctx, years))
    for year, honours in years.items():
        url = roll_url(year)
        title = f"Bảng vinh danh năm {year}"
        yield HonourRollView(url, title, render_roll(ctx, year, honours), year=year)
        rows = flat_rows(ctx, year, honours)
        yield Asset(f"{url}{csv_name(year)}", content=csv_bytes(rows))
        # The workbook's own date: the roll's newest decision (stable from build to build).
        when = last_decision(honours) or date(year, 12, 31)
        yield Asset(f"{url}{xlsx_name(year)}", content=xlsx_bytes(rows, title, when))
