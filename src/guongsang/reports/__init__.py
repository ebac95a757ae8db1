"""Internal reports: pure functions from the corpus (+ today, period) to text, plus writers.

Reports are for the organising department, not for the public site: they are written to
``reports/`` (git-ignored, outside ``docs_dir``) and never under ``content/`` or ``site/``.
They read only typed records (:mod:`guongsang.records`), which do not carry the private
``rieng_tu`` block at all, so no private field can reach a report. Unpublished profiles (no
consent yet, or withdrawn) are internal facts and do appear, marked as such; see each module.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..load.corpus import Corpus
from ..load.refdata import AwardForm
from ..records import Award, Profile
from ..text import format_date, parse_date, person_sort_key, sort_key

EXEMPLAR_STATUSES = ("dien_hinh_tieu_bieu", "dien_hinh_tien_tien")
"""Statuses of recognised exemplars, most distinguished first."""


class PeriodError(ValueError):
    """A ``--period`` the reports cannot use; the message is in Vietnamese."""


@dataclass(frozen=True)
class Period:
    """A closed range of days a report covers."""

    start: date
    end: date

    @property
    def whole_year(self) -> bool:
        return (self.start.year == self.end.year and (self.start.month, self.start.day) == (1, 1)
                and (self.end.month, self.end.day) == (12, 31))

    @property
    def label(self) -> str:
        """For file names: ``2026`` or ``2026-01-01_2026-06-30``."""
        if self.whole_year:
            return str(self.start.year)
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def text(self) -> str:
        """For prose: "năm 2026" or "từ ngày 01/01/2026 đến ngày 30/06/2026"."""
        if self.whole_year:
            return f"năm {self.start.year}"
        return f"từ ngày {format_date(self.start)} đến ngày {format_date(self.end)}"

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_RANGE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{4})\s*(?:-|–|—|đến)\s*(\d{1,2}/\d{1,2}/\d{4})\s*$")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def parse_period(text: str | None, today: date) -> Period:
    """``None`` -> this year; ``2026``; ``01/01/2026-30/06/2026``."""
    if text is None or not text.strip():
        return year_period(today.year)
    if m := _YEAR.match(text):
        year = int(m.group(1))
        if not 1945 <= year <= today.year + 1:
            raise PeriodError(f"Năm {year} không hợp lệ.")
        return year_period(year)
    if m := _RANGE.match(text):
        start, end = parse_date(m.group(1)), parse_date(m.group(2))
        if start is None or end is None:
            raise PeriodError(f"Kỳ báo cáo \"{text}\" có ngày không tồn tại.")
        if start > end:
            raise PeriodError(f"Kỳ báo cáo \"{text}\": ngày bắt đầu sau ngày kết thúc.")
        return Period(start, end)
    raise PeriodError(f"Không hiểu kỳ báo cáo \"{text}\". Viết một năm (2026) hoặc một khoảng "
                      "ngày (01/01/2026-30/06/2026).")


@dataclass(frozen=True)
class OutputFile:
    """One file of a report: its name inside ``reports/`` and its text."""

    name: str
    text: str

    @property
    def is_csv(self) -> bool:
        return self.name.endswith(".csv")


ReportFn = Callable[[Corpus, date, Period], list[OutputFile]]


def _registry() -> dict[str, tuple[ReportFn, str]]:
    from . import eligibility, followup, periodic
    return {
        "eligibility": (eligibility.files, ("mỗi người với mỗi danh hiệu, hình thức: đủ điều "
                                          "kiện hay còn thiếu gì (--period NĂM)")),
        "follow-up": (followup.files, ("gương điển hình quá 6 tháng chưa được theo dõi "
                                      "(tính đến hôm nay)")),
        "periodic": (periodic.files, ("báo cáo định kỳ gửi Ban Thi đua – Khen thưởng tỉnh, "
                                     "Markdown và CSV (--period)")),
    }


def report_kinds() -> dict[str, str]:
    """Report name -> Vietnamese description (for the command line)."""
    return {name: text for name, (_, text) in _registry().items()}


def build(kind: str, corpus: Corpus, today: date, period: Period) -> list[OutputFile]:
    """Every file of report ``kind`` (``all`` for every report)."""
    registry = _registry()
    kinds = list(registry) if kind == "all" else [kind]
    return [f for k in kinds for f in registry[k][0](corpus, today, period)]


def write(files: list[OutputFile], out_dir: Path) -> list[Path]:
    """Markdown as UTF-8 with LF; CSV as UTF-8 with BOM and CRLF (what Excel opens correctly)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for f in files:
        path = out_dir / f.name
        if f.is_csv:
            path.write_bytes(f.text.encode("utf-8-sig"))
        else:
            path.write_bytes(f.text.encode("utf-8"))
        written.append(path)
    return written


# -- helpers shared by the reports ------------------------------------------------------------

def display_key(p: Profile) -> tuple:
    """People by given name (Vietnamese order); collectives and families by their whole name."""
    return person_sort_key(p.ho_ten) if p.loai == "ca_nhan" else sort_key(p.ho_ten)


def site_note(p: Profile) -> str:
    """Why a profile is not on the public site, if it is not."""
    if p.thu_hoi is not None:
        return "đã rút khỏi trang"
    if not p.dong_y_cong_bo:
        return "chưa đồng ý công bố"
    return ""


def unit_name(corpus: Corpus, unit_id: str) -> str:
    unit = corpus.ref.units.get(unit_id)
    return unit.ten if unit else unit_id


def award_name(corpus: Corpus, form_id: str) -> str:
    form = corpus.ref.awards.get(form_id)
    return form.ten if form else form_id


def decision_text(award: Award, form: AwardForm | None) -> str:
    """ "Quyết định số 12/QĐ-TTXT ngày 08/01/2026 của Giám đốc Trung tâm" """
    text = f"Quyết định số {award.so_quyet_dinh}"
    if award.ngay_quyet_dinh:
        text += f" ngày {format_date(award.ngay_quyet_dinh)}"
    issuer = award.co_quan or (form.co_quan if form else "")
    if issuer:
        text += f" của {issuer}"
    return text


def percent(part: int, whole: int) -> str:
    """Vietnamese percentage with a decimal comma: "18,8%"."""
    if whole == 0:
        return "0%"
    value = f"{100 * part / whole:.1f}".replace(".", ",").removesuffix(",0")
    return f"{value}%"


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def md_table(headers: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return out


def csv_text(headers: list[str], rows: list[list[object]]) -> str:
    """CSV with CRLF line ends (the BOM is added when written)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([[str(c) for c in row] for row in rows])
    return buf.getvalue()


def internal_note(corpus: Corpus, today: date, command: str) -> list[str]:
    return [
        (f"**TÀI LIỆU NỘI BỘ – không công bố.** {corpus.ref.site.co_quan}. "
        f"Lập ngày {format_date(today)} bằng lệnh `{command}` từ dữ liệu trong kho."),
    ]


def generated_marker(command: str) -> str:
    return (f"<!-- Sinh tự động bởi `{command}`. Tài liệu nội bộ: chỉ lưu trong reports/ "
            "(không đưa vào content/ hay site/, không commit). -->")
