"""One small function per requirement kind of :data:`guongsang.load.awards.KINDS`.

Each kind has an evaluator (what the record shows, as a :class:`~.engine.Result`) and a
describer (what the requirement asks, in words, for the criteria page and the guide). The
evaluator's docstring holds PASS and FAIL examples; the editor guide quotes them. Texts name
other forms as ``⟦form-id⟧`` in descriptions (the criteria page turns them into links) and as
``"Tên"`` in findings (messages and reports).
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from ...load.awards import MEMBER_FIELDS, AwardForm, Requirement
from ...load.refdata import ReferenceData
from ...text import format_date
from .engine import Ask, Engine, Result, Status

Span = tuple[int, int] | None
Evaluator = Callable[[Engine, Ask, Requirement, Span], Result]
Describer = Callable[[ReferenceData, AwardForm, Requirement], str]


@dataclass(frozen=True)
class KindImpl:
    id: str
    evaluate: Evaluator
    describe: Describer

    @property
    def doc(self) -> str:
        return self.evaluate.__doc__ or ""


IMPLS: dict[str, KindImpl] = {}


def kind(kind_id: str, describe: Describer) -> Callable[[Evaluator], Evaluator]:
    def register(fn: Evaluator) -> Evaluator:
        IMPLS[kind_id] = KindImpl(kind_id, fn, describe)
        return fn
    return register


def evaluate_kind(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    return IMPLS[req.kieu].evaluate(engine, ask, req, span)


def describe(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    """The requirement in words (plain text; other forms as ``⟦id⟧``)."""
    impl = IMPLS.get(req.kieu)
    if req.broken or impl is None:
        # Its data is unusable (reported as an error); say so instead of guessing its meaning.
        return (f"Điều kiện “{req.id or req.kieu}” có lỗi trong dữ liệu (dòng {req.line} của "
                "data/danh-muc-khen-thuong.yml) nên chưa được kiểm tra.")
    text = impl.describe(ref, form, req)
    if req.mo_ta and req.kieu != "tham_dinh":
        text = f"{req.mo_ta} Kiểm tra: {text[0].lower()}{text[1:]}"
    return text


# -- small helpers ----------------------------------------------------------------------------

def name(ref: ReferenceData, form_id: str) -> str:
    form = ref.awards.get(form_id)
    return f"\"{form.ten if form else form_id}\""


def years(ys: list[int] | tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in ys)


def period(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}–{b}"


def rating_name(ref: ReferenceData, rid: str) -> str:
    return f"\"{ref.label('xep_loai', rid)}\""


def _award_ref(a) -> str:
    return f"năm {a.nam} ({a.so_quyet_dinh})" if a.so_quyet_dinh else f"năm {a.nam}"


def _window(ask: Ask, req: Requirement, span: Span, default: int | None = 1) -> tuple[int, int] | None:
    """Years a requirement looks at: its sibling's period, or ``so_nam`` years ending in the
    award year (``None``: every year up to it)."""
    if req.p("cung_thoi_gian") and span:
        return span
    n = req.p("so_nam") or default
    if n is None:
        return None
    return (ask.year - n + 1, ask.year)


def _when(req: Requirement, window: tuple[int, int] | None, ask: Ask) -> str:
    if window is None:
        return f"đến năm {ask.year}"
    a, b = window
    if req.p("cung_thoi_gian"):
        return f"trong thời gian đó ({period(a, b)})"
    return f"năm {a}" if a == b else f"trong {period(a, b)}"


def _rejections(ref: ReferenceData, rejected: list, year: int | None = None) -> list[str]:
    """Why awards that look like grounds were not counted."""
    return [f"{name(ref, a.hinh_thuc)} {_award_ref(a)} {why}" for a, why in rejected
            if year is None or a.nam == year]


# -- xep_loai ---------------------------------------------------------------------------------

def _describe_rating(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    top = max(ref.law.rating_rank.values(), default=0)
    level = req.p("muc")
    grade = (f"“{ref.label('xep_loai', level)}”" if ref.law.rating_rank.get(level) == top
             else f"từ “{ref.label('xep_loai', level)}” trở lên")
    n, k = req.p("so_nam"), req.p("it_nhat")
    if req.p("cung_thoi_gian"):
        if k and k < n:
            return f"Trong thời gian đó, có ít nhất {k} năm được xếp loại {grade}."
        return f"Trong thời gian đó, mỗi năm được xếp loại {grade}."
    if n == 1:
        return f"Năm xét được xếp loại {grade}."
    if k and k < n:
        return (f"Trong {n} năm liên tục kết thúc ở năm xét, có ít nhất {k} năm được xếp loại "
                f"{grade}.")
    return f"Liên tục từ {n} năm trở lên (đến năm xét) được xếp loại {grade}."


@kind("xep_loai", _describe_rating)
def rating(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """The yearly rating (``thanh_tich[].xep_loai``) reaches a level in the award year, or in
    each (or at least ``it_nhat``) of ``so_nam`` consecutive years ending in it.

    PASS: "Lao động tiên tiến" 2024, năm 2024 ghi ``xep_loai: hoan_thanh_tot``
    FAIL: như trên nhưng ``xep_loai: hoan_thanh`` -> "… năm 2024 xếp loại "Hoàn thành nhiệm vụ"."
    """
    ref = engine.ref
    ranks = ref.law.rating_rank
    level = req.p("muc")
    need_rank = ranks.get(level, 0)
    ratings = engine.facts(ask.profile).ratings
    window = _window(ask, req, span)
    a, b = window or (ask.year, ask.year)
    n = b - a + 1
    k = min(req.p("it_nhat") or n, n)
    top = max(ranks.values(), default=0)
    grade = (rating_name(ref, level) if need_rank == top
             else f"từ {rating_name(ref, level)} trở lên")
    need = (f"xếp loại {grade} năm {a}" if n == 1 else
            f"ít nhất {k} năm xếp loại {grade} {_when(req, window, ask)}" if k < n else
            f"xếp loại {grade} mỗi năm {_when(req, window, ask)}")
    hint = (f"Ghi xếp loại từng năm trong `thanh_tich` (ví dụ: - nam: {b} … xep_loai: {level}), "
            "hoặc kiểm tra lại danh hiệu và năm.")
    good = [y for y in range(a, b + 1) if ranks.get(ratings.get(y, ""), -1) >= need_rank]
    low = [y for y in range(a, b + 1) if y in ratings and y not in good]
    unknown = [y for y in range(a, b + 1) if y not in ratings]
    if len(good) >= k:
        if k == n and not req.p("cung_thoi_gian"):
            # "liên tục từ N năm trở lên": the whole streak counts as "that time".
            start = a
            while ranks.get(ratings.get(start - 1, ""), -1) >= need_rank:
                start -= 1
            found = (f"năm {b} xếp loại {rating_name(ref, ratings[b])}" if n == 1 and start == b
                     else f"{period(start, b)} đều xếp loại {grade}")
            return Result(req, Status.MET, need, found, hint, span=(start, b))
        return Result(req, Status.MET, need, "xếp loại đạt các năm " + years(good), hint,
                      span=(a, b))
    shown = "; ".join(f"năm {y} xếp loại {rating_name(ref, ratings[y])}" for y in low)
    if len(good) + len(unknown) >= k and unknown:
        found = (shown + "; " if shown else "") + f"hồ sơ chưa ghi xếp loại năm {years(unknown)}"
        return Result(req, Status.UNKNOWN, need, found, hint, rule="thieu-du-lieu-nam-truoc")
    if unknown:
        shown += f"; chưa ghi xếp loại năm {years(unknown)}"
    return Result(req, Status.MISSING, need, shown.lstrip("; "), hint, rule="xep-loai-khong-dat")


# -- danh_hieu_cung_nam ----------------------------------------------------------------------

def _describe_same_year(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    if req.p("dat_tieu_chuan"):
        return (f"Đạt tiêu chuẩn ⟦{req.p('hinh_thuc')}⟧ trong năm xét (có danh hiệu này, hoặc đạt "
                "các điều kiện của nó).")
    return f"Có danh hiệu ⟦{req.p('hinh_thuc')}⟧ trong năm xét."


@kind("danh_hieu_cung_nam", _describe_same_year)
def same_year_title(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """Another title held in the award year (``dat_tieu_chuan: true``: or its standard met).

    PASS: "Chiến sĩ thi đua cơ sở" 2023 có "Lao động tiên tiến" 2023 ký cùng ngày
    FAIL: "Chiến sĩ thi đua cơ sở" 2023 (Luật 2003) chỉ có "Lao động tiên tiến" 2022
    """
    ref = engine.ref
    fid = req.p("hinh_thuc")
    grounds = engine.grounds(ask, fid)
    held = grounds.of_year(ask.year)
    standard = req.p("dat_tieu_chuan")
    need = (f"đạt tiêu chuẩn {name(ref, fid)} năm {ask.year}" if standard
            else f"danh hiệu {name(ref, fid)} năm {ask.year}")
    hint = (f"Thêm khen thưởng \"{fid}\" năm {ask.year} (kèm số quyết định)"
            + (f", hoặc ghi xếp loại năm {ask.year} trong `thanh_tich`" if standard else "")
            + ", hoặc kiểm tra lại năm.")
    if held:
        return Result(req, Status.MET, need, f"có {name(ref, fid)} {_award_ref(held[0])}", hint,
                      grounds=(held[0],), invalid=engine.invalid(ask, held[:1]))
    why = _rejections(ref, grounds.rejected, ask.year)
    missing = f"hồ sơ không có {name(ref, fid)} năm {ask.year}" + (
        " (" + "; ".join(why) + ")" if why else "")
    if not standard or fid not in ref.awards:
        return Result(req, Status.MISSING, need, missing, hint)
    sub = engine.standard(ask, fid)
    if sub is None:
        return Result(req, Status.UNKNOWN, need, "điều kiện này trong data/danh-muc-khen-thuong.yml "
                      "dẫn vòng về chính nó nên chưa kiểm tra được", hint,
                      rule="du-lieu-tham-chieu")
    checked = [r for r in sub.results if r.status is not Status.MANUAL]
    if sub.basis.condition_set is not None and all(r.met for r in sub.results):
        shown = "; ".join(r.found for r in checked) or "các tiêu chuẩn do hội đồng thẩm định"
        return Result(req, Status.MET, need, f"đạt tiêu chuẩn {name(ref, fid)}: {shown}", hint)
    failing = [r for r in sub.results if not r.met]
    detail = "; ".join(r.found for r in failing)
    status = (Status.UNKNOWN if failing and all(r.status is Status.UNKNOWN for r in failing)
              else Status.MISSING)
    found = f"{missing}, và {'chưa kiểm tra được' if status is Status.UNKNOWN else 'chưa đạt'} " \
            f"tiêu chuẩn của danh hiệu này: {detail}"
    return Result(req, status, need, found, hint,
                  rule="thieu-du-lieu-nam-truoc" if status is Status.UNKNOWN
                  else "dieu-kien-khen-thuong")


# -- lien_tiep --------------------------------------------------------------------------------

def _describe_streak(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    fid = req.p("hinh_thuc")
    target = ref.awards.get(fid)
    cycle = target.chu_ky if target else 1
    n, late = req.p("so_lan"), req.p("tre_toi_da")
    last = "năm cuối là năm xét" if not late else (
        "lần cuối trong năm xét hoặc năm liền trước" if late == 1
        else f"lần cuối không sớm hơn năm xét quá {late} năm")
    text = (f"Có ⟦{fid}⟧ {n} năm liên tục, {last}." if cycle == 1 else
            f"Có ⟦{fid}⟧ {n} lần liên tục (lần sau cách lần trước không quá {cycle} năm), {last}.")
    if not req.p("dung_lai"):
        text += f" Không dùng lại các lần đã làm căn cứ cho lần ⟦{form.id}⟧ trước đó."
    return text


@kind("lien_tiep", _describe_streak)
def streak(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """N consecutive instances of a title: year after year for a yearly title, no gap longer
    than its cycle (``chu_ky``) for one that is not given every year.

    PASS: "Chiến sĩ thi đua cấp tỉnh" 2024 có "Chiến sĩ thi đua cơ sở" 2022, 2023 và 2024
    FAIL: "Chiến sĩ thi đua toàn quốc" 2025 có "Chiến sĩ thi đua cấp tỉnh" 2019 và 2024 (cách
          nhau 5 năm: không liên tục)
    """
    ref = engine.ref
    fid = req.p("hinh_thuc")
    target = ref.awards.get(fid)
    cycle = target.chu_ky if target else 1
    n, late = req.p("so_lan"), req.p("tre_toi_da") or 0
    grounds = engine.grounds(ask, fid)
    held = [y for y in grounds.years() if y <= ask.year]
    have = held
    spent: list[int] = []
    cut = None
    if not req.p("dung_lai"):
        before = [a.nam for a in engine.grounds(ask, ask.form.id).counted if a.nam < ask.year]
        if before:
            cut = max(before)
            spent = [y for y in held if y <= cut]
            have = [y for y in held if y > cut]
    ends = [y for y in have if y >= ask.year - late]
    chain: list[int] = []
    if ends:
        chain = [ends[-1]]
        for y in reversed(have[:have.index(ends[-1])]):
            if chain[-1] - y <= cycle:
                chain.append(y)
            else:
                break
    chain.reverse()
    hint = (f"Thêm các khen thưởng \"{fid}\" còn thiếu (có số quyết định) vào `khen_thuong`, hoặc "
            "kiểm tra lại năm của khen thưởng này.")
    if cycle == 1:
        end = chain[-1] if chain and len(chain) >= n else ask.year
        need = f"{name(ref, fid)} {n} năm liên tục ({period(end - n + 1, end)})"
    else:
        need = (f"{n} lần liên tục {name(ref, fid)} (lần sau cách lần trước không quá {cycle} "
                f"năm), lần cuối từ năm {ask.year - late} đến {ask.year}")
    counted = [a for a in grounds.counted if a.nam in chain]
    if len(chain) >= n:
        start = chain[0] - cycle + 1 if cycle > 1 else chain[0]
        found = f"có {name(ref, fid)} năm {years(chain)}"
        return Result(req, Status.MET, need, found, hint, span=(start, chain[-1]),
                      grounds=tuple(counted), invalid=engine.invalid(ask, counted))
    why = _rejections(ref, grounds.rejected)
    notes = []
    if cycle == 1:
        wanted = list(range(ask.year - n + 1, ask.year + 1))
        used = [y for y in wanted if y in spent]
        missing = [y for y in wanted if y not in held]
        # The year being judged is never "not recorded": its instance is simply missing.
        known = engine.facts(ask.profile).known_years | {ask.year}
        unknown = [y for y in missing if y not in known]
        if missing and len(unknown) == len(missing) and not used:
            return Result(req, Status.UNKNOWN, need,
                          f"hồ sơ chưa ghi năm {years(unknown)}", hint,
                          rule="thieu-du-lieu-nam-truoc")
        found = f"năm {years(missing)} không có {name(ref, fid)}" if missing else ""
    else:
        used = [y for y in held if y in spent]
        found = (f"hồ sơ có {name(ref, fid)} năm {years(have)}" if have
                 else f"hồ sơ không có {name(ref, fid)}" if not held else "")
        if len(have) >= 2 and len(chain) < n:
            gaps = [(x, y) for x, y in itertools.pairwise(have) if y - x > cycle]
            if gaps:
                x, y = gaps[-1]
                found += f": năm {x} và {y} cách nhau {y - x} năm, quá {cycle} năm nên không liên tục"
        if have and not ends:
            found += f"; lần gần nhất ({have[-1]}) sớm hơn năm {ask.year - late}"
    if used:
        q = f", câu hỏi mở \"{req.cau_hoi_mo}\"" if req.cau_hoi_mo else ""
        notes.append(f"năm {years(used)} đã dùng cho {name(ref, ask.form.id)} năm {cut} "
                     f"(mặc định không dùng lại{q})")
    found = "; ".join(x for x in [found, *notes, *why] if x)
    return Result(req, Status.MISSING, need, found, hint, grounds=tuple(counted))


# -- so_lan -----------------------------------------------------------------------------------

def _describe_count(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    where = (" trong thời gian đó" if req.p("cung_thoi_gian") else
             f" trong {req.p('so_nam')} năm gần nhất (kết thúc ở năm xét)" if req.p("so_nam")
             else "")
    return f"Có ít nhất {req.p('so_lan')} lần ⟦{req.p('hinh_thuc')}⟧{where} (không cần liên tục)."


@kind("so_lan", _describe_count)
def count(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """At least N instances of a title within a window (not necessarily consecutive).

    PASS: "Bằng khen của Thủ tướng" 2025 có "Chiến sĩ thi đua cơ sở" 2021, 2023 và 2025 trong
          5 năm 2021–2025
    FAIL: như trên nhưng chỉ có 2023 và 2025 -> "mới có 2 lần …"
    """
    ref = engine.ref
    fid = req.p("hinh_thuc")
    window = _window(ask, req, span, None)
    lo, hi = window or (-10**6, ask.year)
    grounds = engine.grounds(ask, fid)
    inside = [a for a in grounds.counted if lo <= a.nam <= hi]
    ys = sorted({a.nam for a in inside})
    n = req.p("so_lan")
    need = f"ít nhất {n} lần {name(ref, fid)} {_when(req, window, ask)}"
    hint = f"Thêm các khen thưởng \"{fid}\" (có số quyết định) vào `khen_thuong` nếu hồ sơ còn thiếu."
    if len(ys) >= n:
        return Result(req, Status.MET, need, f"có {name(ref, fid)} năm {years(ys)}", hint,
                      grounds=tuple(inside), invalid=engine.invalid(ask, inside))
    found = f"mới có {len(ys)} lần (năm {years(ys)})" if ys else "chưa có lần nào"
    return Result(req, Status.MISSING, need, found, hint, grounds=tuple(inside))


# -- da_co ------------------------------------------------------------------------------------

def _describe_earlier(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    k, m = req.p("cach_it_nhat") or 0, req.p("trong_vong")
    text = f"Đã được tặng ⟦{req.p('hinh_thuc')}⟧"
    if k:
        text += f" cho thành tích của một năm sớm hơn năm xét ít nhất {k} năm"
    if m is not None:
        text += f", không sớm hơn năm xét quá {m} năm"
    return text + "."


@kind("da_co", _describe_earlier)
def earlier(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """An earlier award of a given form, for a year at least ``cach_it_nhat`` years before.

    PASS: "Bằng khen của Thủ tướng" 2025 có "Bằng khen của Chủ tịch UBND tỉnh" 2020
    FAIL: như trên nhưng Bằng khen cấp tỉnh năm 2023 (chưa đủ sớm)
    """
    ref = engine.ref
    fid = req.p("hinh_thuc")
    k, m = req.p("cach_it_nhat") or 0, req.p("trong_vong")
    latest = ask.year - k
    earliest = ask.year - m if m is not None else None
    grounds = engine.grounds(ask, fid)
    fits = [a for a in grounds.counted if a.nam <= latest and (earliest is None or a.nam >= earliest)]
    need = (f"đã có {name(ref, fid)}" + (f" cho năm {latest} trở về trước" if k else "")
            + (f", từ năm {earliest}" if earliest is not None else ""))
    hint = f"Thêm khen thưởng \"{fid}\" đã nhận (có số quyết định) vào `khen_thuong`."
    if fits:
        return Result(req, Status.MET, need, f"có {name(ref, fid)} {_award_ref(fits[-1])}", hint,
                      grounds=(fits[-1],), invalid=engine.invalid(ask, fits[-1:]))
    others = [a for a in grounds.counted if a not in fits]
    found = ("; ".join(f"{name(ref, fid)} {_award_ref(a)} không nằm trong khoảng năm đó"
                       for a in others) if others else f"hồ sơ không có {name(ref, fid)}")
    why = _rejections(ref, grounds.rejected)
    return Result(req, Status.MISSING, need, "; ".join([found, *why]), hint)


# -- sang_kien --------------------------------------------------------------------------------

def _initiative_word(kinds: tuple[str, ...]) -> str:
    if set(kinds) == {"de_tai"}:
        return "đề tài, đề án, công trình khoa học (đã nghiệm thu)"
    return "sáng kiến hoặc đề tài khoa học" if "de_tai" in kinds else "sáng kiến"


def _describe_initiative(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    scope = ref.label("pham_vi", req.p("pham_vi"))
    n = req.p("so_nam")
    when = ("trong thời gian đó" if req.p("cung_thoi_gian") else "thuộc năm xét" if n == 1
            else f"thuộc một năm trong {n} năm liên tục kết thúc ở năm xét")
    text = (f"Là tác giả của {req.p('so_luong')} {_initiative_word(req.p('loai_mo_hinh'))} "
            f"{when}, phạm vi ảnh hưởng từ “{scope}” trở lên, được công nhận bằng quyết định "
            "ký trước hoặc cùng ngày quyết định khen.")
    used = req.p("khong_tinh_lai") or ()
    if used:
        text += " Không tính " + ("sáng kiến đã làm căn cứ cho "
                                  + ", ".join(f"⟦{f}⟧" for f in used)) + "."
    return text


@kind("sang_kien", _describe_initiative)
def initiatives(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """K recognised initiatives (or accepted research results) of at least scope S, in a window,
    authored by the profile, recognised on or before the decision date of the award they support.

    PASS: "Chiến sĩ thi đua cấp tỉnh" ký 15/04/2025, sáng kiến năm 2024 được tỉnh công nhận
          phạm vi toàn tỉnh ngày 25/11/2024
    FAIL: như trên nhưng công nhận ngày 20/04/2025 -> "… được công nhận ngày 20/04/2025, sau ngày
          quyết định khen 15/04/2025, nên không được tính"
    """
    ref = engine.ref
    ranks = ref.law.scope_rank
    need_scope = req.p("pham_vi")
    kinds = req.p("loai_mo_hinh") or ()
    window = _window(ask, req, span)
    lo, hi = window or (ask.year, ask.year)
    k = req.p("so_luong")
    used = engine.used_models(ask, req.p("khong_tinh_lai") or ()) if req.p("khong_tinh_lai") else {}
    scope = ref.label("pham_vi", need_scope)
    need = (f"{k} {_initiative_word(kinds)} được công nhận, phạm vi từ \"{scope}\" trở lên, "
            f"{_when(req, window, ask)}")
    hint = ("Thêm sáng kiến vào content/mo-hinh/ với `tac_gia`, `nam`, `pham_vi` và `cong_nhan` "
            "(số, ngày quyết định công nhận và `pham_vi` được công nhận).")
    ok, why = [], []
    for m in engine.facts(ask.profile).models:
        if m.loai not in kinds:
            continue
        label = f"\"{m.ten}\""
        decided = m.cong_nhan.ngay_quyet_dinh if m.cong_nhan else None
        recognised = (m.cong_nhan.pham_vi or m.pham_vi) if m.cong_nhan else m.pham_vi
        if not lo <= m.nam <= hi:
            if m.cong_nhan:
                why.append(f"{label} năm {m.nam}, ngoài {period(lo, hi)}")
            continue
        if m.cong_nhan is None:
            why.append(f"{label} chưa có quyết định công nhận")
        elif decided is not None and decided > ask.on:
            why.append(f"{label} được công nhận ngày {format_date(decided)}, sau ngày quyết định "
                       f"khen {format_date(ask.on)}, nên không được tính")
        elif ranks.get(recognised, 0) < ranks.get(need_scope, 0):
            why.append(f"{label} phạm vi \"{ref.label('pham_vi', recognised)}\"")
        elif m.slug in used:
            a = used[m.slug]
            why.append(f"{label} đã dùng làm căn cứ cho \"{ref.awards[a.hinh_thuc].ten}\" "
                       f"{_award_ref(a)}")
        else:
            ok.append(m)
    shown = "; ".join(f"\"{m.ten}\" ({ref.label('pham_vi', m.cong_nhan.pham_vi or m.pham_vi)}, "  # type: ignore[union-attr]
                      f"công nhận theo {m.cong_nhan.so_quyet_dinh})" for m in ok[:k])  # type: ignore[union-attr]
    if len(ok) >= k:
        return Result(req, Status.MET, need, shown, hint, models=tuple(m.slug for m in ok[:k]))
    found = (f"mới có {len(ok)}: {shown}" if ok else
             f"chưa có {_initiative_word(kinds)} nào đủ điều kiện")
    if why:
        found += " (không tính: " + "; ".join(why) + ")"
    return Result(req, Status.MISSING, need, found, hint)


# -- thanh_phan -------------------------------------------------------------------------------

def _bound(req: Requirement) -> tuple[str, float]:
    for key in ("ty_le_toi_thieu", "ty_le_tren", "so_toi_thieu", "so_toi_da"):
        if req.p(key) is not None:
            return key, req.p(key)
    return "so_toi_thieu", 0


def _bound_text(key: str, value: float, what: str) -> str:
    v = f"{value:g}".replace(".", ",")
    if key == "ty_le_toi_thieu":
        return f"{v}% {what}" if value >= 100 else f"từ {v}% {what} trở lên"
    if key == "ty_le_tren":
        return f"trên {v}% {what}"
    if key == "so_toi_da":
        return f"không có {what}" if value == 0 else f"không quá {v} {what}"
    return f"ít nhất {v} {what}"


def _describe_members(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    key, value = _bound(req)
    what = MEMBER_FIELDS.get(req.p("chi_so"), req.p("chi_so"))
    return f"Trong năm xét, {_bound_text(key, value, what)} (theo `thanh_tich[].thanh_vien`)."


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",").removesuffix(",0") + "%"


@kind("thanh_phan", _describe_members)
def members(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """A collective's composition in the award year, from ``thanh_tich[].thanh_vien``: a share of
    members (completing tasks, Lao động tiên tiến), a minimum (a Chiến sĩ thi đua cơ sở) or a
    maximum (disciplined members). Without member data: a warning saying what to record.

    PASS: "Tập thể lao động xuất sắc" 2024, ``thanh_vien: {tong_so: 7, lao_dong_tien_tien: 6}``
    FAIL: ``lao_dong_tien_tien: 4`` trên 7 -> "4/7 thành viên (57,1%) đạt "Lao động tiên tiến""
    """
    field_name = req.p("chi_so")
    key, value = _bound(req)
    what = MEMBER_FIELDS.get(field_name, field_name)
    bound = (f"tối đa {value:g} {what}" if key == "so_toi_da"
             else _bound_text(key, value, what))
    need = f"{bound} năm {ask.year}"
    example = ("thanh_vien: {tong_so: 7, hoan_thanh_nhiem_vu: 7, lao_dong_tien_tien: 6, "
               "chien_si_thi_dua_co_so: 1, ky_luat: 0}")
    hint = f"Ghi thành phần tập thể trong mục `thanh_tich` năm {ask.year}, ví dụ: {example}"
    ach = engine.facts(ask.profile).achievements.get(ask.year)
    counts = ach.thanh_vien if ach else None
    total = counts.tong_so if counts else None
    part = getattr(counts, field_name, None) if counts else None
    needs_total = key.startswith("ty_le")
    lack = [k for k, v in (("tong_so", total if needs_total else 1), (field_name, part))
            if v is None]
    if lack:
        where = (f"`thanh_tich` năm {ask.year}" if ach is None else
                 f"`thanh_tich[{ach.index + 1}].thanh_vien`")
        return Result(req, Status.UNKNOWN, need,
                      f"hồ sơ chưa ghi {', '.join(f'`{k}`' for k in lack)} trong {where}", hint,
                      rule="thieu-du-lieu-thanh-vien")
    assert part is not None
    if needs_total:
        if not total:
            return Result(req, Status.UNKNOWN, need, "tổng số thành viên là 0", hint,
                          rule="thieu-du-lieu-thanh-vien")
        share = 100 * part / total
        ok = share >= value if key == "ty_le_toi_thieu" else share > value
        found = f"{part}/{total} thành viên ({_percent(part, total)}) {what.removeprefix('thành viên ')}"
    else:
        ok = part >= value if key == "so_toi_thieu" else part <= value
        found = f"{part} {what}"
    if not ok:
        hint = (f"Kiểm tra lại `thanh_vien` năm {ask.year} và danh hiệu: với số liệu đã ghi, tập "
                "thể chưa đạt điều kiện này.")
    return Result(req, Status.MET if ok else Status.MISSING, need, found, hint,
                  rule="thanh-phan-tap-the")


# -- phong_trao -------------------------------------------------------------------------------

def _describe_campaign(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    levels = " hoặc ".join(f"“{ref.label('cap_phat_dong', c)}”" for c in req.p("cap_phat_dong"))
    return (f"Quyết định khen gắn với một phong trào thi đua do cấp {levels} phát động "
            "(`khen_thuong[].phong_trao`).")


@kind("phong_trao", _describe_campaign)
def campaign(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """The award rewards an emulation campaign launched at a given level.

    PASS: Bằng khen cấp tỉnh ghi ``phong_trao:`` một phong trào do tỉnh phát động
    FAIL: như trên nhưng phong trào do chính đơn vị phát động (cấp cơ quan)
    """
    ref = engine.ref
    levels = req.p("cap_phat_dong")
    wanted = " hoặc ".join(f"\"{ref.label('cap_phat_dong', c)}\"" for c in levels)
    need = f"quyết định khen gắn với phong trào thi đua do cấp {wanted} phát động"
    hint = ("Ghi `phong_trao: <tên tệp phong trào>` trong khen thưởng này, hoặc `theo_tieu_chuan` "
            "nếu quyết định xét theo tiêu chuẩn khác.")
    if ask.award is None:
        return Result(req, Status.MANUAL, need, "xác định khi có quyết định khen", hint)
    slug = ask.award.phong_trao
    if not slug:
        return Result(req, Status.MISSING, need, "khen thưởng không ghi `phong_trao`", hint)
    camp = engine.corpus.campaigns.get(slug)
    if camp is None:
        return Result(req, Status.MISSING, need, f"không tìm thấy phong trào \"{slug}\"", hint)
    level = ref.label("cap_phat_dong", camp.cap_phat_dong)
    if camp.cap_phat_dong not in levels:
        return Result(req, Status.MISSING, need, f"phong trào \"{camp.ten}\" do cấp \"{level}\" "
                                                 "phát động", hint)
    return Result(req, Status.MET, need, f"phong trào \"{camp.ten}\" (cấp {level})", hint)


# -- tham_dinh --------------------------------------------------------------------------------

def _describe_manual(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    return f"{req.mo_ta} (Hội đồng thẩm định; không kiểm tra tự động.)"


@kind("tham_dinh", _describe_manual)
def manual(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """A criterion the council judges: met when the decision says it was the ground
    (``theo_tieu_chuan: <id>``), otherwise left to the council (never an error).

    PASS: Bằng khen cấp tỉnh ghi ``theo_tieu_chuan: b``
    FAIL: (không bao giờ là lỗi; không ghi ``theo_tieu_chuan`` thì là "cần hội đồng thẩm định")
    """
    need = req.mo_ta.rstrip(".")
    hint = f"Nếu quyết định xét theo tiêu chuẩn này, ghi `theo_tieu_chuan: {req.id}`."
    if ask.award is not None and ask.award.theo_tieu_chuan == req.id:
        return Result(req, Status.MET, need,
                      f"quyết định xét theo tiêu chuẩn này (theo_tieu_chuan: {req.id})", hint)
    return Result(req, Status.MANUAL, need, "cần hội đồng thẩm định", hint)


# -- groups -----------------------------------------------------------------------------------

def _describe_any(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    return "Đạt một trong các tiêu chuẩn sau:"


def _describe_all(ref: ReferenceData, form: AwardForm, req: Requirement) -> str:
    return "Đạt tất cả các yêu cầu sau:"


def _line(c: Result) -> str:
    return f"({c.requirement.id}) {c.need}: {c.found}"


@kind("mot_trong", _describe_any)
def any_of(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """Alternatives ("đạt một trong các tiêu chuẩn", "hoặc"): met when one is; a blocking error
    only when every alternative fails in a blocking way.

    PASS: "Chiến sĩ thi đua cơ sở" 2024 (Luật 2022) xếp loại "hoàn thành xuất sắc", không có
          sáng kiến
    FAIL: xếp loại "hoàn thành tốt", không có sáng kiến, không có đề tài
    """
    children = tuple(engine.requirement(ask, c, span) for c in req.lua_chon)
    need = "đạt một trong các tiêu chuẩn sau"
    hint = ("Bổ sung căn cứ cho một trong các tiêu chuẩn trên (xem trang Tiêu chí), hoặc ghi "
            "`theo_tieu_chuan: <mã>` nếu quyết định xét theo tiêu chuẩn do hội đồng thẩm định.")
    chosen = next((c for c in children if c.status is Status.MET), None)
    if chosen is not None:
        return Result(req, Status.MET, need, f"đạt ({chosen.requirement.id}): {chosen.found}",
                      hint, children, span=chosen.span)
    if all(c.status is Status.MANUAL for c in children):
        return Result(req, Status.MANUAL, need, "cần hội đồng thẩm định", hint, children)
    status = Status.UNKNOWN if any(c.status is Status.UNKNOWN for c in children) else Status.MISSING
    lead = "chưa kiểm tra được" if status is Status.UNKNOWN else "chưa đạt tiêu chuẩn nào"
    return Result(req, status, need, f"{lead}: " + "; ".join(_line(c) for c in children), hint,
                  children, rule="thieu-du-lieu-nam-truoc" if status is Status.UNKNOWN
                  else "dieu-kien-khen-thuong")


@kind("tat_ca", _describe_all)
def all_of(engine: Engine, ask: Ask, req: Requirement, span: Span) -> Result:
    """All sub-requirements; "trong thời gian đó" in a later one reads the period the earlier
    ones established.

    PASS: Bằng khen điểm d: 2 lần liên tục "Chiến sĩ thi đua cơ sở" và 2 sáng kiến trong thời
          gian đó
    FAIL: như trên nhưng chỉ có 1 sáng kiến
    """
    children: list[Result] = []
    current = span
    for c in req.lua_chon:
        res = engine.requirement(ask, c, current)
        children.append(res)
        if res.span and current is span:
            current = res.span
    need = "đạt tất cả các yêu cầu"
    hint = children[0].hint if children else ""
    failing = [c for c in children if not c.met]
    if not failing:
        shown = "; ".join(dict.fromkeys(c.found for c in children if c.status is Status.MET))
        return Result(req, Status.MET, need, shown, hint,
                      tuple(children), span=current)
    status = (Status.MISSING if any(c.status is Status.MISSING for c in failing)
              else Status.UNKNOWN)
    shown = [c for c in failing if c.status is status] or failing
    # A stricter, unconfirmed reading failing beside the confirmed rule adds nothing.
    shown = [c for c in shown if c.requirement.xac_nhan] or shown
    hint = shown[0].hint
    return Result(req, status, need, "còn thiếu: " + "; ".join(f"{c.need} ({c.found})"
                                                               for c in shown),
                  hint, tuple(children), span=current,
                  rule=shown[0].rule if status is Status.UNKNOWN else "dieu-kien-khen-thuong")
