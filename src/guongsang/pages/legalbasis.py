"""The legal basis of one award, as the profile page, the honour roll and its CSV show it.

The basis is the engine's (:func:`guongsang.rules.legal.basis_on`): the law and decrees in force
on the decision date. On pages it links to the condition set on the criteria page, where the
conditions are listed with their articles and sources.
"""
from __future__ import annotations

from .. import urls
from ..html import esc
from ..load.refdata import ReferenceData
from ..records import Award, Profile
from ..rules.legal import LegalBasis, basis_on

UNCONFIRMED = '<span class="gs-unconfirmed">chưa xác nhận</span>'
MISSING = '<span class="gs-unconfirmed">thiếu căn cứ</span>'


def basis_of(ref: ReferenceData, p: Profile, a: Award) -> LegalBasis | None:
    form = ref.awards.get(a.hinh_thuc)
    if form is None or a.ngay_quyet_dinh is None:
        return None
    return basis_on(ref, form, p.loai, a.ngay_quyet_dinh)


def anchor_of(basis: LegalBasis) -> str:
    if basis.condition_set is not None:
        return basis.condition_set.anchor
    return f"vb-{basis.law.id}" if basis.law else "van-ban-phap-ly"


def basis_text(ref: ReferenceData, p: Profile, a: Award) -> str:
    """Plain text for the CSV: "Luật Thi đua, khen thưởng 2022 (06/2022/QH15); Nghị định …"."""
    basis = basis_of(ref, p, a)
    if basis is None:
        return ""
    parts = [t.short + ("" if t.so_hieu in t.short else f" ({t.so_hieu})")
             + ("" if t.xac_nhan else " – chưa xác nhận") for t in basis.texts]
    if basis.gaps:
        parts.append("thiếu căn cứ trong dữ liệu")
    return "; ".join(parts)


def basis_html(ref: ReferenceData, p: Profile, a: Award, page_url: str) -> str:
    """The texts in force on the decision date, linked to their conditions on the criteria page."""
    basis = basis_of(ref, p, a)
    if basis is None:
        return ""
    href = urls.relative(urls.CRITERIA, page_url) + "#" + anchor_of(basis)
    names = "; ".join(esc(t.short) + ("" if t.xac_nhan else f" {UNCONFIRMED}")
                      for t in basis.texts) or "Không xác định"
    mark = f" {MISSING}" if basis.gaps else ""
    return f'<a class="gs-basis" href="{esc(href)}">{names}</a>{mark}'
