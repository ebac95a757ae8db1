"""Recognised exemplars whose follow-up (``theo_doi``) is overdue.

The plan asks the unit to keep following up recognised exemplars. A profile with status
``dien_hinh_tieu_bieu`` or ``dien_hinh_tien_tien`` (published or not: the report is internal) is
overdue when its latest ``theo_doi`` entry is older than six months before today, or when it has
none at all. The oldest come first: never followed up (by recognition date, unknown first), then
by the date of the latest follow-up. The period option does not apply: the report is "as of today".
"""
from __future__ import annotations

import calendar
from datetime import date

from ..load.corpus import Corpus
from ..records import Profile
from ..text import format_date
from . import (
    EXEMPLAR_STATUSES,
    OutputFile,
    Period,
    display_key,
    generated_marker,
    internal_note,
    md_table,
    site_note,
    unit_name,
)

MONTHS = 6


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the last day of a shorter month: 31/08 -> 28/02)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_follow_up(p: Profile) -> date | None:
    return max((t.ngay for t in p.theo_doi), default=None)


def overdue(corpus: Corpus, today: date) -> list[Profile]:
    """Exemplars with no follow-up on or after the cut-off date, oldest first."""
    cutoff = months_before(today, MONTHS)
    late = [p for p in corpus.profiles.values() if p.trang_thai in EXEMPLAR_STATUSES
            and ((last := last_follow_up(p)) is None or last < cutoff)]

    def order(p: Profile) -> tuple:
        last = last_follow_up(p)
        if last is None:
            return (0, p.ngay_cong_nhan or date.min, display_key(p))
        return (1, last, display_key(p))
    return sorted(late, key=order)


def render(corpus: Corpus, today: date) -> str:
    command = "guongsang report follow-up"
    cutoff = months_before(today, MONTHS)
    late = overdue(corpus, today)
    total = sum(1 for p in corpus.profiles.values() if p.trang_thai in EXEMPLAR_STATUSES)
    statuses = " hoặc ".join(f"\"{corpus.ref.label('trang_thai', s)}\"" for s in EXEMPLAR_STATUSES)
    lines = [
        generated_marker(command),
        "",
        "# Gương điển hình quá hạn theo dõi",
        "",
        *internal_note(corpus, today, command),
        "",
        (f"Tính đến ngày {format_date(today)}: các hồ sơ ở trạng thái {statuses} chưa có lần theo "
        f"dõi nào từ ngày {format_date(cutoff)} ({MONTHS} tháng), hoặc chưa được theo dõi lần "
        "nào. Gương theo dõi lâu nhất xếp trước. Danh sách gồm cả hồ sơ chưa công bố trên trang."),
        "",
    ]
    if late:
        rows = []
        for i, p in enumerate(late, 1):
            last = max(p.theo_doi, key=lambda t: t.ngay, default=None)
            rows.append([i, p.ho_ten, unit_name(corpus, p.don_vi),
                         corpus.ref.label("trang_thai", p.trang_thai),
                         format_date(p.ngay_cong_nhan) if p.ngay_cong_nhan else "không ghi",
                         format_date(last.ngay) if last else "chưa có",
                         last.ghi_chu if last else "", site_note(p)])
        lines += md_table(["STT", "Họ và tên", "Đơn vị", "Trạng thái", "Ngày công nhận",
                           "Theo dõi gần nhất", "Nội dung lần gần nhất", "Ghi chú"], rows)
        lines += ["", f"Cần theo dõi: {len(late)} trên tổng số {total} gương điển hình."]
    else:
        lines.append(f"Không có gương nào quá hạn theo dõi (tổng số {total} gương điển hình).")
    lines += [
        "",
        "Sau mỗi lần gặp gỡ, bồi dưỡng hay đánh giá lại, thêm một mục vào hồ sơ, ví dụ:",
        "",
        "```yaml",
        "theo_doi:",
        f"  - ngay: {format_date(today)}",
        "    ghi_chu: Được cử tham gia lớp bồi dưỡng kỹ năng xúc tiến",
        "```",
    ]
    return "\n".join(lines) + "\n"


def files(corpus: Corpus, today: date, period: Period) -> list[OutputFile]:
    return [OutputFile(f"theo-doi-qua-han-{today.isoformat()}.md", render(corpus, today))]
