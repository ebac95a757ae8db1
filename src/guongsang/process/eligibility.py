"""The one place the process asks the legal condition engine whether a nomination is eligible.

Everything else in the process (checks, council pack, pull-request comment) reads a
:class:`Verdict`: one :class:`Requirement` per condition, each met, not met, or not decidable
from the records, with the article it comes from and whether that condition is confirmed.

The engine itself is not here. Until the condition model of the law issue (#10) lands, the adapter
asks the engine the site already has (:func:`guongsang.reports.eligibility.assess`, which reads
``data/danh-muc-khen-thuong.yml``) one condition at a time; when the new engine lands, only
:func:`evaluate` changes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..load.corpus import Corpus
from ..load.refdata import AwardForm, Condition
from ..records import Profile
from ..reports.eligibility import assess


@dataclass(frozen=True)
class Requirement:
    """One condition of the form, applied to the nominee's records."""

    text: str
    """What the condition asks, in Vietnamese."""
    met: bool | None
    """None when the records cannot tell (a year not recorded, an unconfirmed condition)."""
    evidence: str
    """What the records show for it (or what is missing)."""
    basis: str = ""
    """Article, clause, point; empty when the data does not say."""
    confirmed: bool = True
    blocking: bool = True
    """A failure is an error (else a warning)."""


@dataclass(frozen=True)
class Verdict:
    form_id: str
    year: int
    requirements: tuple[Requirement, ...]
    assessed: bool
    """False when the catalogue holds no confirmed conditions for the form."""
    note: str = ""

    @property
    def failed(self) -> list[Requirement]:
        return [r for r in self.requirements if r.met is False]

    @property
    def eligible(self) -> bool | None:
        """True, False, or None when it cannot be decided from the records."""
        if any(r.met is False and r.confirmed and r.blocking for r in self.requirements):
            return False
        if not self.assessed or any(r.met is not True for r in self.requirements):
            return None
        return True


def _describe(corpus: Corpus, cond: Condition, year: int) -> str:
    ref = corpus.ref
    need = ref.awards[cond.hinh_thuc].ten if cond.hinh_thuc in ref.awards else cond.hinh_thuc
    if cond.kieu == "cung_nam":
        return f"Có danh hiệu \"{need}\" năm {year}"
    if cond.kieu == "lien_tiep":
        return (f"\"{need}\" {cond.so_nam} năm liên tục ({year - cond.so_nam + 1}–{year}), "
                "mỗi năm xếp loại từ hoàn thành tốt trở lên")
    if cond.kieu == "so_lan":
        return f"Đã có {cond.so_lan} lần \"{need}\" trước năm {year}"
    scope = ref.label("pham_vi", cond.pham_vi or "don_vi").lower()
    return f"Có sáng kiến được công nhận năm {year}, phạm vi ảnh hưởng từ \"{scope}\" trở lên"


def evaluate(corpus: Corpus, profile: Profile, form_id: str, day: date, year: int) -> Verdict:
    """Eligibility of ``profile`` for ``form_id`` for the achievements of ``year``, under the
    conditions in force on ``day`` (the day the nomination is reviewed or decided)."""
    form: AwardForm | None = corpus.ref.awards.get(form_id)
    if form is None:
        return Verdict(form_id, year, (), False, "Hình thức không có trong danh mục.")
    if profile.loai not in form.doi_tuong:
        allowed = ", ".join(corpus.ref.label("loai_ho_so", d).lower() for d in form.doi_tuong)
        req = Requirement(f"Đối tượng của hình thức: {allowed}", False,
                          f"hồ sơ là {corpus.ref.label('loai_ho_so', profile.loai).lower()}")
        return Verdict(form_id, year, (req,), True)
    conditions = [c for c in form.dieu_kien if c.applies(day)]
    requirements = []
    for cond in conditions:
        one = assess(corpus, profile, replace(form, dieu_kien=(cond,)), year, day)
        evidence = "; ".join([*(f"có: {h}" for h in one.have), *(f"thiếu: {m}" for m in one.missing)])
        met: bool | None = not one.missing and not one.blocked
        if not form.xac_nhan and not met:
            met = None  # an unconfirmed condition never says "not eligible" on its own
        requirements.append(Requirement(
            _describe(corpus, cond, year), met, evidence or "hồ sơ không ghi gì về điều kiện này",
            "", form.xac_nhan, cond.muc_do != "canh_bao" and form.xac_nhan))
    if not form.xac_nhan:
        note = "Điều kiện của hình thức này chưa được xác nhận (xac_nhan: false): cần thẩm định."
    elif not conditions:
        note = "Danh mục chưa ghi điều kiện kiểm tra tự động cho hình thức này: cần thẩm định."
    else:
        note = ""
    return Verdict(form_id, year, tuple(requirements), form.xac_nhan and bool(conditions), note)
