"""Award records against the catalogue's legal conditions (data/danh-muc-khen-thuong.yml).

The rules read the conditions from data, so a change of law is a data edit. A broken hard
condition is an error; when the record cannot tell (the years needed are not recorded at all),
a warning names what is missing.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..load.corpus import Corpus
from ..load.refdata import AwardForm, Condition
from ..problems import Problem, Severity
from ..records import Award, Profile
from ..text import format_date
from . import at, rule

_SCOPE_RANK = {"don_vi": 0, "tinh": 1, "toan_quoc": 2}


@dataclass(frozen=True)
class _Facts:
    """One profile's awards indexed once, so checking thousands of awards stays linear."""

    by_form_year: dict[tuple[str, int], list[Award]]
    known_years: set[int]
    """Years about which the record says anything."""
    ratings: dict[int, str]
    """Year-end rating (xep_loai) by year."""
    counted_years: dict[str, list[int]]
    """Sorted years of the awards that count as grounds, by form."""

    @classmethod
    def of(cls, p: Profile) -> _Facts:
        by_form_year: dict[tuple[str, int], list[Award]] = defaultdict(list)
        counted: dict[str, list[int]] = defaultdict(list)
        for a in p.khen_thuong:
            by_form_year[(a.hinh_thuc, a.nam)].append(a)
            if a.counts_as_grounds:
                counted[a.hinh_thuc].append(a.nam)
        return cls(dict(by_form_year),
                   {t.nam for t in p.thanh_tich} | {a.nam for a in p.khen_thuong},
                   {t.nam: t.xep_loai for t in p.thanh_tich if t.xep_loai},
                   {k: sorted(v) for k, v in counted.items()})

    def grounds(self, form_id: str, year: int) -> list[Award]:
        return self.by_form_year.get((form_id, year), [])

    def counted_before(self, form_id: str, year: int) -> int:
        return bisect_left(self.counted_years.get(form_id, []), year)


def _severity(cond: Condition, form: AwardForm) -> Severity:
    # Conditions of unconfirmed forms never block publishing.
    if cond.muc_do == "canh_bao" or not form.xac_nhan:
        return Severity.WARNING
    return Severity.ERROR


def _check_condition(corpus: Corpus, p: Profile, award: Award, form: AwardForm,
                     cond: Condition, facts: _Facts | None = None) -> Iterator[Problem]:
    ref = corpus.ref
    facts = facts or _Facts.of(p)
    path = ("khen_thuong", award.index, "hinh_thuc")
    sev = _severity(cond, form)
    need = ref.awards.get(cond.hinh_thuc)
    need_name = need.ten if need else cond.hinh_thuc
    title = f"\"{form.ten}\" năm {award.nam}"
    if cond.kieu == "cung_nam":
        found = facts.grounds(cond.hinh_thuc, award.nam)
        if not any(a.counts_as_grounds for a in found):
            extra = (" (chỉ có khen thưởng đột xuất/chuyên đề, không được tính làm căn cứ)"
                     if found else "")
            yield at(p, path, "dieu-kien-khen-thuong",
                     f"{title} cần danh hiệu \"{need_name}\" cùng năm {award.nam}{extra}.",
                     f"Thêm khen thưởng \"{cond.hinh_thuc}\" năm {award.nam} (kèm số quyết định), "
                     "hoặc kiểm tra lại năm.", sev)
    elif cond.kieu == "lien_tiep":
        years = range(award.nam - cond.so_nam + 1, award.nam + 1)
        known = facts.known_years
        ratings = facts.ratings
        good = {k for k, t in ref.vocab.get("xep_loai", {}).items() if t.extra.get("dat_chuan")}
        missing = [y for y in years if not any(a.counts_as_grounds
                                               for a in facts.grounds(cond.hinh_thuc, y))]
        unknown = [y for y in missing if y not in known]
        broken = [y for y in missing if y in known]
        if broken:
            yield at(p, path, "dieu-kien-khen-thuong",
                     f"{title} cần {cond.so_nam} năm liên tục "
                     f"({years[0]}–{years[-1]}) là \"{need_name}\"; năm "
                     f"{', '.join(map(str, broken))} không có (hoặc chỉ có khen đột xuất/chuyên đề).",
                     "Kiểm tra lại danh hiệu các năm trước hoặc năm của khen thưởng này.", sev)
        elif unknown:
            yield at(p, path, "thieu-du-lieu-nam-truoc",
                     f"Chưa kiểm tra được {title}: hồ sơ chưa ghi năm "
                     f"{', '.join(map(str, unknown))} (cần \"{need_name}\" {cond.so_nam} năm liên tục).",
                     f"Thêm khen thưởng \"{cond.hinh_thuc}\" của các năm đó (có số quyết định) "
                     "vào mục khen_thuong.", Severity.WARNING)
        for y in years:
            if y in ratings and ratings[y] not in good:
                yield at(p, path, "dieu-kien-khen-thuong",
                         f"{title} cần mọi năm {years[0]}–{years[-1]} xếp loại từ "
                         f"\"hoàn thành tốt\" trở lên; năm {y} là "
                         f"\"{ref.label('xep_loai', ratings[y])}\".",
                         "Kiểm tra lại xếp loại trong mục thanh_tich.", sev)
    elif cond.kieu == "so_lan":
        earlier = facts.counted_before(cond.hinh_thuc, award.nam)
        if earlier < cond.so_lan:
            yield at(p, path, "dieu-kien-khen-thuong",
                     f"{title} cần đã có {cond.so_lan} lần \"{need_name}\" trước đó; "
                     f"hồ sơ ghi {earlier} lần.",
                     "Bổ sung các khen thưởng trước đó (có số quyết định) nếu hồ sơ còn thiếu.",
                     sev)
    elif cond.kieu == "sang_kien":
        rank = _SCOPE_RANK.get(cond.pham_vi or "don_vi", 0)
        mine = [m for m in corpus.models.values() if p.slug in m.tac_gia]
        ok = [m for m in mine if m.cong_nhan and m.nam == award.nam
              and _SCOPE_RANK.get(m.pham_vi, 0) >= rank]
        if not ok:
            scope = ref.label("pham_vi", cond.pham_vi or "don_vi").lower()
            have = "; ".join(_describe_model(corpus, m) for m in mine) or "chưa có"
            yield at(p, path, "dieu-kien-khen-thuong",
                     f"{title} cần một sáng kiến/giải pháp được công nhận năm {award.nam}, "
                     f"phạm vi ảnh hưởng từ \"{scope}\" trở lên, có hồ sơ này là tác giả. "
                     f"Sáng kiến đã ghi: {have}.",
                     "Thêm sáng kiến vào content/mo-hinh/ với `tac_gia`, `nam`, `pham_vi` và "
                     "`cong_nhan` (số quyết định công nhận).", sev)


def _describe_model(corpus: Corpus, m) -> str:  # noqa: ANN001 - a Model
    notes = [str(m.nam), corpus.ref.label("pham_vi", m.pham_vi).lower()]
    if not m.cong_nhan:
        notes.append("chưa có quyết định công nhận")
    return f"\"{m.ten}\" ({', '.join(notes)})"


@rule("dieu-kien-khen-thuong")
def award_conditions(corpus: Corpus) -> Iterator[Problem]:
    """Each award meets the conditions its catalogue entry lists.

    PASS: "Chiến sĩ thi đua cơ sở" 2024 with "Lao động tiên tiến" 2024 and a recognised
          initiative of 2024 authored by the profile
    FAIL: "Chiến sĩ thi đua cấp tỉnh" 2024 with "Chiến sĩ thi đua cơ sở" only in 2023 and 2024
    """
    for p in corpus.profiles.values():
        facts = _Facts.of(p)
        for award in p.khen_thuong:
            form = corpus.ref.awards.get(award.hinh_thuc)
            if form is None:
                continue  # reported by the schema check
            for cond in form.dieu_kien:
                if cond.applies(award.ngay_quyet_dinh):
                    yield from _check_condition(corpus, p, award, form, cond, facts)


@rule("khen-thuong-hop-le")
def award_basics(corpus: Corpus) -> Iterator[Problem]:
    """Award form fits the kind of profile, dates are coherent, a legal basis was in force.

    PASS: "Lao động tiên tiến" (cá nhân) for an individual, decided 05/01/2025 for year 2024
    FAIL: "Lao động tiên tiến" for a collective; decision dated before the year it rewards
    """
    ref = corpus.ref
    for p in corpus.profiles.values():
        seen: dict[tuple[str, int, str], int] = {}
        for a in p.khen_thuong:
            form = ref.awards.get(a.hinh_thuc)
            if form is None:
                continue
            base = ("khen_thuong", a.index)
            if p.loai not in form.doi_tuong:
                allowed = ", ".join(ref.label("loai_ho_so", d).lower() for d in form.doi_tuong)
                yield at(p, base + ("hinh_thuc",), "doi-tuong-khen-thuong",
                         f"\"{form.ten}\" chỉ dành cho {allowed}, nhưng hồ sơ là "
                         f"{ref.label('loai_ho_so', p.loai).lower()}.",
                         "Chọn danh hiệu phù hợp trong data/danh-muc-khen-thuong.yml.")
            key = (a.hinh_thuc, a.nam, a.so_quyet_dinh)
            if key in seen:
                yield at(p, base, "khen-thuong-trung",
                         f"Khen thưởng \"{form.ten}\" năm {a.nam} ({a.so_quyet_dinh}) được ghi hai lần "
                         f"(mục {seen[key] + 1} và {a.index + 1}).", "Xoá một trong hai mục.")
            seen[key] = a.index
            d = a.ngay_quyet_dinh
            if d is None:
                continue
            if d.year < a.nam:
                yield at(p, base + ("ngay_quyet_dinh",), "ngay-quyet-dinh",
                         f"Quyết định ký ngày {format_date(d)}, trước năm thành tích {a.nam}.",
                         "Kiểm tra lại `nam` (năm của thành tích) hoặc ngày ký.")
            in_force = [ref.legal[i] for i in form.can_cu if i in ref.legal and ref.legal[i].in_force(d)]
            if not in_force:
                yield at(p, base + ("ngay_quyet_dinh",), "can-cu-phap-ly",
                         f"Không có văn bản pháp lý nào trong danh mục còn hiệu lực ngày "
                         f"{format_date(d)} làm căn cứ cho \"{form.ten}\".",
                         "Cập nhật data/van-ban-phap-ly.yml (văn bản mới, ngày hiệu lực) và "
                         "`can_cu` của hình thức này.", Severity.WARNING)
