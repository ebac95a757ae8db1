"""Which law, decree and condition set govern a decision of a given day.

The law is the ``luat`` text in force on the day (confirmed texts first, then the most recent);
the condition set is the form's set for that law and that kind of profile; the decrees are those
that detail the law (``huong_dan``) and are in force on the day, with amending laws
(``sua_doi``) shown beside them. A day with no confirmed decree in force -- NĐ 152/2025 lapsing
on 01/03/2027 with nothing newer on record, say -- is a *gap*: the conditions are still those of
the law, and every check, page and report that uses the basis says so. An unconfirmed text never
fills a gap.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...load.awards import AwardForm, ConditionSet, LegalText
from ...load.refdata import ReferenceData
from ...text import format_date

LEGAL_FILE = "data/van-ban-phap-ly.yml"


@dataclass(frozen=True)
class LegalBasis:
    """The legal basis of a decision dated ``on``."""

    on: date
    law: LegalText | None
    condition_set: ConditionSet | None
    texts: tuple[LegalText, ...] = ()
    """In force on ``on``: the law, its amending laws and its decrees (confirmed or not)."""
    gaps: tuple[str, ...] = ()
    """What the data lacks for that day, in Vietnamese (each names data/van-ban-phap-ly.yml)."""

    @property
    def decrees(self) -> list[LegalText]:
        return [t for t in self.texts if t.huong_dan]

    @property
    def label(self) -> str:
        """ "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP" (unconfirmed marked)."""
        return "; ".join(t.short + ("" if t.xac_nhan else " (chưa xác nhận)")
                         for t in self.texts) or "Không xác định"


def _laws(ref: ReferenceData, on: date) -> list[LegalText]:
    laws = [t for t in ref.legal.values() if t.loai == "luat" and not t.sua_doi and t.in_force(on)]
    return sorted(laws, key=lambda t: (not t.xac_nhan, -t.hieu_luc_tu.toordinal()))


def basis_on(ref: ReferenceData, form: AwardForm, kind: str, on: date) -> LegalBasis:
    """The basis of a decision on ``form`` for a profile of ``kind`` dated ``on``."""
    laws = _laws(ref, on)
    day = format_date(on)
    if not laws:
        return LegalBasis(on, None, None, (), (
            (f"Không có luật thi đua, khen thưởng nào trong {LEGAL_FILE} còn hiệu lực ngày {day}, "
            f"nên chưa xác định được điều kiện của \"{form.ten}\"."),))
    law = laws[0]
    gaps = []
    if not law.xac_nhan:
        gaps.append(f"{law.short} ({law.so_hieu}) chưa được xác nhận trong {LEGAL_FILE}.")
    cset = next((s for s in form.dieu_kien if s.luat == law.id and s.fits(kind)), None)
    if cset is None:
        gaps.append(f"Danh mục chưa có điều kiện của \"{form.ten}\" theo {law.short} cho loại hồ "
                    "sơ này (data/danh-muc-khen-thuong.yml).")
    amending = [t for t in ref.legal.values() if t.sua_doi == law.id and t.in_force(on)]
    decrees = sorted((t for t in ref.legal.values() if t.huong_dan == law.id and t.in_force(on)),
                     key=lambda t: (not t.xac_nhan, t.hieu_luc_tu))
    if not any(t.xac_nhan for t in decrees):
        lapsed = sorted((t for t in ref.legal.values() if t.huong_dan == law.id and t.xac_nhan
                         and t.hieu_luc_den is not None and t.hieu_luc_den < on),
                        key=lambda t: t.hieu_luc_den or date.min)
        text = (f"Ngày {day} không có nghị định hướng dẫn {law.short} nào đã xác nhận còn hiệu "
                f"lực trong {LEGAL_FILE}")
        if lapsed:
            last = lapsed[-1]
            text += f" ({last.so_hieu} hết hiệu lực từ {format_date(last.lapses)})"  # type: ignore[arg-type]
        if decrees:
            text += "; chỉ có " + ", ".join(f"{t.so_hieu} (chưa xác nhận)" for t in decrees)
        gaps.append(text + f". Điều kiện vẫn được xét theo {law.short}; cập nhật {LEGAL_FILE} khi "
                           "có nghị định mới hoặc văn bản kéo dài hiệu lực.")
    texts = (law, *sorted(amending, key=lambda t: t.hieu_luc_tu), *decrees)
    return LegalBasis(on, law, cset, texts, tuple(gaps))


def lapsing(ref: ReferenceData, today: date) -> list[tuple[LegalText, LegalText | None]]:
    """Texts in force today that have a last day on record, each with its successor on record
    (a confirmed text of the same kind for the same law starting the day after), if any."""
    out = []
    for t in sorted(ref.legal.values(), key=lambda t: t.hieu_luc_tu):
        if not t.in_force(today) or t.lapses is None:
            continue
        nxt = next((s for s in ref.legal.values() if s is not t and s.xac_nhan
                    and s.loai == t.loai and s.huong_dan == t.huong_dan
                    and s.sua_doi == t.sua_doi and s.in_force(t.lapses)), None)
        out.append((t, nxt))
    return out
