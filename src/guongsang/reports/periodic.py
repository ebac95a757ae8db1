"""Periodic report to the provincial emulation board (Markdown and CSV).

Awards are counted by the date their decision was signed (``ngay_quyet_dinh``), which is when the
unit received them; each award is one "lượt". Counts are given by level (cơ sở, tỉnh, Nhà nước,
from the catalogue's ``cap``), by unit and by field of the profile (a profile with two fields counts
in both rows). Every award counts, including those of profiles that are not on the public site:
decisions are administrative facts, and publishing consent concerns the website only.

The list of typical exemplars holds profiles with status ``dien_hinh_tieu_bieu`` first, then
``dien_hinh_tien_tien``, recognised no later than the end of the period, except withdrawn profiles
(``thu_hoi``), which must not be presented as examples. Each entry shows the achievements of the
period's years and the award decisions signed in the period. Private fields are never read.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..editor.scaffold import level_phrase
from ..load.corpus import Corpus
from ..load.refdata import AwardForm
from ..records import Award, Profile
from ..text import format_date, format_date_formal
from . import (
    EXEMPLAR_STATUSES,
    OutputFile,
    Period,
    csv_text,
    decision_text,
    display_key,
    generated_marker,
    md_table,
    percent,
    unit_name,
)

LEVELS = ("co_so", "tinh", "nha_nuoc")
"""Columns of the count tables, lowest level first."""
HIGH_LEVELS = ("tinh", "nha_nuoc")


@dataclass(frozen=True)
class Given:
    """One award decided in the period."""

    profile: Profile
    award: Award
    form: AwardForm | None

    @property
    def level(self) -> str:
        return self.form.cap if self.form else ""


def given_in(corpus: Corpus, period: Period) -> list[Given]:
    out = [Given(p, a, corpus.ref.awards.get(a.hinh_thuc))
           for p in corpus.profiles.values() for a in p.khen_thuong
           if a.ngay_quyet_dinh in period]
    return sorted(out, key=lambda g: (g.award.ngay_quyet_dinh, display_key(g.profile),
                                      g.award.index))


def exemplars(corpus: Corpus, period: Period) -> list[Profile]:
    chosen = [p for p in corpus.profiles.values()
              if p.trang_thai in EXEMPLAR_STATUSES and p.thu_hoi is None
              and (p.ngay_cong_nhan is None or p.ngay_cong_nhan <= period.end)]
    return sorted(chosen, key=lambda p: (EXEMPLAR_STATUSES.index(p.trang_thai), display_key(p)))


@dataclass
class Counts:
    """Awards of the period, counted every way the report needs."""

    total: int
    by_level: Counter[str]
    by_unit: list[tuple[str, Counter[str]]]
    by_field: list[tuple[str, Counter[str]]]

    @property
    def high(self) -> int:
        return sum(self.by_level[lv] for lv in HIGH_LEVELS)


def count(corpus: Corpus, given: list[Given]) -> Counts:
    by_level = Counter(g.level for g in given)
    units: dict[str, Counter[str]] = {}
    fields: dict[str, Counter[str]] = {}
    for g in given:
        units.setdefault(g.profile.don_vi, Counter())[g.level] += 1
        for f in g.profile.linh_vuc:
            fields.setdefault(f, Counter())[g.level] += 1
    unit_order = [u for u in corpus.ref.units if u in units] + sorted(set(units) - set(corpus.ref.units))
    field_order = [f for f in corpus.ref.fields if f in fields] + sorted(set(fields) - set(corpus.ref.fields))
    return Counts(
        len(given), by_level,
        [(unit_name(corpus, u), units[u]) for u in unit_order],
        [(corpus.ref.fields[f].ten if f in corpus.ref.fields else f, fields[f]) for f in field_order],
    )


def _level_names(corpus: Corpus) -> dict[str, str]:
    return {lv: corpus.ref.label("cap_khen_thuong", lv) for lv in LEVELS}


def _row(counter: Counter[str]) -> list[object]:
    return [*(counter[lv] for lv in LEVELS), sum(counter[lv] for lv in LEVELS)]


def _achievements(p: Profile, period: Period, corpus: Corpus) -> list[str]:
    out = []
    for t in sorted(p.thanh_tich, key=lambda t: t.nam):
        if t.nam in period.years:
            rating = f" (xếp loại: {corpus.ref.label('xep_loai', t.xep_loai).lower()})" if t.xep_loai else ""
            out.append(f"Năm {t.nam}: {t.noi_dung}{rating}")
    return out


def _decisions(p: Profile, period: Period, corpus: Corpus) -> list[str]:
    out = []
    for a in sorted(p.khen_thuong, key=lambda a: (a.ngay_quyet_dinh or date.min, a.index)):
        if a.ngay_quyet_dinh in period:
            form = corpus.ref.awards.get(a.hinh_thuc)
            name = form.ten if form else a.hinh_thuc
            out.append(f"{name} (thành tích năm {a.nam}): {decision_text(a, form)}")
    return out


def _who(p: Profile, corpus: Corpus) -> str:
    parts = []
    if p.loai != "ca_nhan":
        parts.append(corpus.ref.label("loai_ho_so", p.loai))
    if p.chuc_vu:
        parts.append(p.chuc_vu)
    parts.append(unit_name(corpus, p.don_vi))
    return ", ".join(parts)


def _intro(corpus: Corpus, period: Period) -> str:
    plan = corpus.ref.site.ke_hoach.get("can_cu", "")
    lead = f"Thực hiện {plan}, " if plan else ""
    org = corpus.ref.site.co_quan
    return (f"{lead}{org} báo cáo kết quả công tác thi đua, khen thưởng và xây dựng, nhân rộng "
            f"gương điển hình tiên tiến {period.text} như sau:")


def render_markdown(corpus: Corpus, today: date, period: Period) -> str:
    site = corpus.ref.site
    command = f"guongsang report periodic --period {_period_arg(period)}"
    given = given_in(corpus, period)
    c = count(corpus, given)
    names = _level_names(corpus)
    abbrev = site.co_quan_viet_tat or "…"
    place = site.dia_danh or "…"
    lines = [
        generated_marker(command),
        "",
        f"| {site.co_quan.upper()} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "|:---:|:---:|",
        f"| Số: ……/BC-{abbrev} | **Độc lập - Tự do - Hạnh phúc** |",
        f"| | *{format_date_formal(today, place)}* |",
        "",
        "# BÁO CÁO",
        "",
        f"**Kết quả công tác thi đua, khen thưởng và gương điển hình tiên tiến {period.text}**",
        "",
        f"Kính gửi: Sở Nội vụ tỉnh {place} (Ban Thi đua – Khen thưởng).",
        "",
        _intro(corpus, period),
        "",
        "## I. Kết quả khen thưởng",
        "",
    ]
    if c.total:
        lines.append(
            f"Trong kỳ (tính theo ngày ký quyết định), đơn vị có {c.total} lượt khen thưởng: "
            f"{c.by_level['nha_nuoc']} lượt cấp {level_phrase(names['nha_nuoc'])}, "
            f"{c.by_level['tinh']} lượt cấp {level_phrase(names['tinh'])}, "
            f"{c.by_level['co_so']} lượt cấp {level_phrase(names['co_so'])}. "
            f"Tỉ lệ khen thưởng cấp tỉnh và cấp Nhà nước: {c.high}/{c.total} lượt "
            f"({percent(c.high, c.total)}).")
    else:
        lines.append("Trong kỳ chưa có quyết định khen thưởng nào được ghi trong hồ sơ.")
    lines += ["", "### 1. Theo cấp khen thưởng", ""]
    lines += md_table(["Cấp", "Số lượt", "Tỉ lệ"],
                      [[names[lv], c.by_level[lv], percent(c.by_level[lv], c.total)]
                       for lv in reversed(LEVELS)] + [["Tổng cộng", c.total, percent(c.total, c.total)]])
    heads = [names[lv] for lv in LEVELS] + ["Tổng"]
    lines += ["", "### 2. Theo đơn vị", ""]
    total_row = Counter({lv: c.by_level[lv] for lv in LEVELS})
    lines += md_table(["Đơn vị", *heads],
                      [[name, *_row(ct)] for name, ct in c.by_unit] + [["Tổng cộng", *_row(total_row)]])
    lines += ["", "### 3. Theo lĩnh vực", ""]
    lines += md_table(["Lĩnh vực", *heads], [[name, *_row(ct)] for name, ct in c.by_field])
    lines += ["", ("*Một hồ sơ có thể thuộc nhiều lĩnh vực nên tổng các dòng có thể lớn hơn tổng số "
              "lượt khen thưởng.*"), "", "## II. Gương điển hình tiêu biểu, tiên tiến", ""]
    chosen = exemplars(corpus, period)
    for n, status in enumerate(EXEMPLAR_STATUSES, 1):
        group = [p for p in chosen if p.trang_thai == status]
        lines += [f"### {n}. {corpus.ref.label('trang_thai', status)} ({len(group)})", ""]
        if not group:
            lines += ["Không có.", ""]
        for i, p in enumerate(group, 1):
            head = f"{i}. **{p.ho_ten}** – {_who(p, corpus)}."
            if p.ngay_cong_nhan:
                head += f" Công nhận ngày {format_date(p.ngay_cong_nhan)}."
            if p.tom_tat:
                head += f" {p.tom_tat}"
            lines.append(head)
            items = [f"Thành tích – {t}" for t in _achievements(p, period, corpus)]
            items += [f"Khen thưởng – {d}" for d in _decisions(p, period, corpus)]
            if not items:
                items = ["Trong kỳ chưa ghi nhận thành tích, khen thưởng mới."]
            lines += [f"   - {item}" for item in items]
            lines.append("")
    lines += [
        ("| **Nơi nhận:**<br>- Như trên;<br>- Lưu: VT. | **THỦ TRƯỞNG ĐƠN VỊ**<br>*(Ký, ghi rõ họ "
        "tên, đóng dấu)* |"),
        "|:---|:---:|",
    ]
    return "\n".join(lines) + "\n"


def render_counts_csv(corpus: Corpus, period: Period) -> str:
    c = count(corpus, given_in(corpus, period))
    names = _level_names(corpus)
    rows: list[list[object]] = [["Theo cấp khen thưởng", "Tất cả các cấp", *_row(c.by_level)],
                                ["Tỉ lệ cấp tỉnh và Nhà nước", f"{c.high}/{c.total} lượt", "", "", "",
                                 percent(c.high, c.total)]]
    rows += [["Theo đơn vị", name, *_row(ct)] for name, ct in c.by_unit]
    rows += [["Theo lĩnh vực", name, *_row(ct)] for name, ct in c.by_field]
    return csv_text(["Nhóm", "Mục", *(names[lv] for lv in LEVELS), "Tổng"], rows)


def render_exemplars_csv(corpus: Corpus, period: Period) -> str:
    rows: list[list[object]] = []
    for i, p in enumerate(exemplars(corpus, period), 1):
        rows.append([
            i, corpus.ref.label("trang_thai", p.trang_thai), p.ho_ten,
            corpus.ref.label("loai_ho_so", p.loai), p.chuc_vu, unit_name(corpus, p.don_vi),
            ", ".join(corpus.ref.fields[f].ten if f in corpus.ref.fields else f for f in p.linh_vuc),
            format_date(p.ngay_cong_nhan) if p.ngay_cong_nhan else "",
            "; ".join(_achievements(p, period, corpus)), "; ".join(_decisions(p, period, corpus)),
        ])
    return csv_text(["STT", "Nhóm", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị", "Lĩnh vực",
                     "Ngày công nhận", "Thành tích trong kỳ", "Khen thưởng trong kỳ"], rows)


def _period_arg(period: Period) -> str:
    if period.whole_year:
        return str(period.start.year)
    return f"{format_date(period.start)}-{format_date(period.end)}"


def files(corpus: Corpus, today: date, period: Period) -> list[OutputFile]:
    base = f"bao-cao-dinh-ky-{period.label}"
    return [
        OutputFile(f"{base}.md", render_markdown(corpus, today, period)),
        OutputFile(f"{base}-so-lieu.csv", render_counts_csv(corpus, period)),
        OutputFile(f"{base}-guong-dien-hinh.csv", render_exemplars_csv(corpus, period)),
    ]
