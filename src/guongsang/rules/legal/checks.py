"""The registered checks of recorded awards: conditions (through the engine) and consistency."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...load.awards import AwardForm
from ...load.conform import did_you_mean
from ...load.corpus import Corpus
from ...problems import Problem, Severity
from ...records import Award, Profile
from ...text import fold, format_date
from .. import at, rule
from .engine import Result, Status, Verdict, engine_for

_SUFFIX = re.compile(r"/QĐ-([A-Za-zĐđ0-9]+)")


def cite(corpus: Corpus, r: Result) -> str:
    """ "Điều 23 khoản 2 (Luật Thi đua, khen thưởng 2022)" """
    text = corpus.ref.legal.get(r.requirement.van_ban)
    return f"{r.requirement.dieu} ({text.short})" if text else r.requirement.dieu


def _title(form: AwardForm, a: Award) -> str:
    return f"\"{form.ten}\" năm {a.nam}"


def _note(r: Result, severity: Severity) -> str:
    req = r.requirement
    if not req.xac_nhan:
        return " Điều kiện này chưa được xác nhận (xac_nhan: false) nên chỉ nhắc nhở."
    if severity is Severity.WARNING and req.muc_do == "loi" and r.status is Status.MISSING:
        return (" Có tiêu chuẩn thay thế do hội đồng thẩm định hoặc chưa xác nhận, nên đây chỉ là "
                "cảnh báo.")
    return ""


def _result_problems(corpus: Corpus, p: Profile, a: Award, form: AwardForm,
                     verdict: Verdict) -> Iterator[Problem]:
    path = ("khen_thuong", a.index, "hinh_thuc")
    title = _title(form, a)
    for r in verdict.results:
        sev = r.severity()
        if sev is None or r.requirement.broken or r.rule == "du-lieu-tham-chieu":
            continue  # broken data is reported once, as an error in data/
        if r.status is Status.UNKNOWN and _own_rating(r):
            continue  # the decision itself shows the unit rated the year; a shown rating counts
        where = cite(corpus, r)
        note = _note(r, sev)
        if r.status is Status.UNKNOWN:
            message = f"Chưa kiểm tra được {title} theo {where}: cần {r.need}; {r.found}.{note}"
            if r.rule == "thieu-du-lieu-thanh-vien":
                yield at(p, path, "thieu-du-lieu-thanh-vien", message, r.hint, sev)
            else:
                yield at(p, path, "thieu-du-lieu-nam-truoc", message, r.hint, sev)
            continue
        message = f"{title} chưa đủ điều kiện theo {where}: cần {r.need}; {r.found}.{note}"
        if r.rule == "xep-loai-khong-dat":
            yield at(p, path, "xep-loai-khong-dat", message, r.hint, sev)
        elif r.rule == "thanh-phan-tap-the":
            yield at(p, path, "thanh-phan-tap-the", message, r.hint, sev)
        else:
            yield at(p, path, "dieu-kien-khen-thuong", message, r.hint, sev)
    for bad in verdict.invalid:
        ground = corpus.ref.awards.get(bad.form)
        yield at(p, path, "can-cu-khong-hop-le",
                 f"{title} dựa trên \"{ground.ten if ground else bad.form}\" năm {bad.award.nam} "
                 f"(mục {bad.award.index + 1}), nhưng khen thưởng đó chưa đủ điều kiện: "
                 f"{bad.reason}.",
                 f"Sửa khen thưởng ở mục {bad.award.index + 1} trước (xem lỗi của mục đó).",
                 Severity.WARNING)


def _own_rating(r: Result) -> bool:
    """The award year's own rating, not recorded: not reported (a recorded rating below the
    standard is). Ratings of other years a streak needs are reported when missing."""
    req = r.requirement
    return req.kieu == "xep_loai" and (req.p("so_nam") or 1) == 1 and not req.p("cung_thoi_gian")


@rule("dieu-kien-khen-thuong")
def award_conditions(corpus: Corpus) -> Iterator[Problem]:
    """Each award meets the condition set of the law in force on its decision date.

    PASS: "Chiến sĩ thi đua cơ sở" 2024 decided 10/01/2025, rated "hoàn thành xuất sắc" that
          year (Luật 2022, Điều 23: no initiative needed)
    FAIL: "Chiến sĩ thi đua cơ sở" 2023 decided 27/12/2023 with the same record (Luật 2003
          needs Lao động tiên tiến and an initiative)
    """
    engine = engine_for(corpus)
    for p in corpus.profiles.values():
        for a in p.khen_thuong:
            form = corpus.ref.awards.get(a.hinh_thuc)
            if form is None or a.ngay_quyet_dinh is None or p.loai not in form.doi_tuong:
                continue  # unknown form, no date, wrong kind: reported by other checks
            verdict = engine.verdict_of(p, a)
            if verdict is None:
                continue
            for gap in verdict.basis.gaps:
                yield at(p, ("khen_thuong", a.index, "ngay_quyet_dinh"), "can-cu-phap-ly",
                         f"{_title(form, a)} (quyết định ngày {format_date(a.ngay_quyet_dinh)}): "
                         f"{gap}",
                         "Cập nhật data/van-ban-phap-ly.yml (văn bản mới, ngày hiệu lực, nguồn) "
                         "và điều kiện trong data/danh-muc-khen-thuong.yml.", Severity.WARNING)
            yield from _declared(p, a, form, verdict)
            yield from _result_problems(corpus, p, a, form, verdict)


def _declared(p: Profile, a: Award, form: AwardForm, verdict: Verdict) -> Iterator[Problem]:
    if not a.theo_tieu_chuan or verdict.basis.condition_set is None:
        return
    ids = [req.id for top in verdict.basis.condition_set.yeu_cau for req in top.walk()]
    if a.theo_tieu_chuan not in ids:
        law = verdict.basis.law.short if verdict.basis.law else ""
        guess = did_you_mean(a.theo_tieu_chuan, ids)
        yield at(p, ("khen_thuong", a.index, "theo_tieu_chuan"), "theo-tieu-chuan",
                 f"Điều kiện của \"{form.ten}\" theo {law} không có tiêu chuẩn "
                 f"\"{a.theo_tieu_chuan}\"." + (f" Có phải ý bạn là `{guess}`?" if guess else ""),
                 "Dùng một trong: " + ", ".join(ids) + " (xem trang Tiêu chí).", Severity.WARNING)


@rule("khen-thuong-hop-le")
def award_basics(corpus: Corpus) -> Iterator[Problem]:
    """Form fits the kind of profile, dates are coherent, no award recorded twice, the decision
    number and signer fit the award's level, member counts add up.

    PASS: "Lao động tiên tiến" (cá nhân) 2024 for an individual, 12/QĐ-TTXT of 08/01/2025
    FAIL: "Lao động tiên tiến" 2024 twice with different numbers; a provincial award numbered
          …/QĐ-TTXT; a decision dated before the year it rewards
    """
    ref = corpus.ref
    for p in corpus.profiles.values():
        seen: dict[tuple, Award] = {}
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
            yield from _duplicate(p, a, form, seen)
            yield from _issuer(corpus, p, a, form)
            if a.phong_trao and a.phong_trao not in corpus.campaigns:
                guess = did_you_mean(a.phong_trao, list(corpus.campaigns))
                yield at(p, base + ("phong_trao",), "lien-ket-hong",
                         f"Không tìm thấy phong trào \"{a.phong_trao}\" (cần tệp "
                         f"content/phong-trao/{a.phong_trao}.md)."
                         + (f" Có phải ý bạn là `{guess}`?" if guess else ""),
                         "Dùng đúng tên tệp, không có phần .md.")
            d = a.ngay_quyet_dinh
            if d is not None and d.year < a.nam:
                yield at(p, base + ("ngay_quyet_dinh",), "ngay-quyet-dinh",
                         f"Quyết định ký ngày {format_date(d)}, trước năm thành tích {a.nam}.",
                         "Kiểm tra lại `nam` (năm của thành tích) hoặc ngày ký.")
        yield from _members(p)


def _duplicate(p: Profile, a: Award, form: AwardForm, seen: dict[tuple, Award]) -> Iterator[Problem]:
    """The same form for the same year twice: an error whatever the numbers, unless the form
    may repeat in a year (then only the same decision twice is)."""
    key: tuple = (a.hinh_thuc, a.nam) + ((a.so_quyet_dinh,) if form.lap_lai_trong_nam else ())
    first = seen.get(key)
    seen.setdefault(key, a)
    if first is None:
        return
    if first.so_quyet_dinh == a.so_quyet_dinh:
        message = (f"Khen thưởng \"{form.ten}\" năm {a.nam} ({a.so_quyet_dinh}) được ghi hai lần "
                   f"(mục {first.index + 1} và {a.index + 1}).")
        hint = "Xoá một trong hai mục."
    else:
        message = (f"\"{form.ten}\" năm {a.nam} được ghi hai lần (mục {first.index + 1}: "
                   f"{first.so_quyet_dinh}; mục {a.index + 1}: {a.so_quyet_dinh}), trong khi mỗi "
                   "người chỉ nhận danh hiệu này một lần trong một năm.")
        hint = "Xoá mục thừa, hoặc sửa `nam` nếu một trong hai là thành tích của năm khác."
    yield at(p, ("khen_thuong", a.index), "khen-thuong-trung", message, hint)


def _issuer(corpus: Corpus, p: Profile, a: Award, form: AwardForm) -> Iterator[Problem]:
    """The decision number's issuer code and the signer should fit the award's level."""
    ref = corpus.ref
    level = ref.law.levels.get(form.cap)
    level_name = ref.label("cap_khen_thuong", form.cap)
    expected = form.ky_hieu_quyet_dinh or (level.ky_hieu if level else ())
    m = _SUFFIX.search(a.so_quyet_dinh)
    if expected and m and m.group(1).upper() not in {e.upper() for e in expected}:
        usual = ", ".join(f"QĐ-{e}" for e in expected)
        yield at(p, ("khen_thuong", a.index, "so_quyet_dinh"), "co-quan-ban-hanh",
                 f"Số quyết định \"{a.so_quyet_dinh}\" mang ký hiệu \"{m.group(1)}\", trong khi "
                 f"\"{form.ten}\" là khen thưởng cấp {level_name} (thường là {usual}).",
                 "Kiểm tra lại số quyết định; nếu đúng như văn bản gốc thì có thể bỏ qua cảnh báo "
                 "này (cách đánh số mỗi nơi một khác).", Severity.WARNING)
    bodies = level.co_quan if level else ()
    if a.co_quan and bodies and not any(fold(b) in fold(a.co_quan) for b in bodies):
        yield at(p, ("khen_thuong", a.index, "co_quan"), "co-quan-ban-hanh",
                 f"Người ký \"{a.co_quan}\" không giống thẩm quyền cấp {level_name} của "
                 f"\"{form.ten}\" (thường là: {', '.join(bodies)}).",
                 f"Kiểm tra lại `co_quan`; ví dụ: co_quan: {form.co_quan or bodies[0]}",
                 Severity.WARNING)


def _members(p: Profile) -> Iterator[Problem]:
    """Member counts of a collective cannot exceed its size; individuals have none."""
    for t in p.thanh_tich:
        m = t.thanh_vien
        if m is None:
            continue
        path = ("thanh_tich", t.index, "thanh_vien")
        if p.loai != "tap_the":
            yield at(p, path, "thanh-vien-tap-the",
                     f"Chỉ hồ sơ tập thể mới ghi `thanh_vien`; hồ sơ này là "
                     f"{'cá nhân' if p.loai == 'ca_nhan' else 'gia đình'}.",
                     "Xoá mục `thanh_vien`, hoặc kiểm tra lại `loai` của hồ sơ.", Severity.WARNING)
            continue
        for key in ("hoan_thanh_nhiem_vu", "lao_dong_tien_tien", "chien_si_thi_dua_co_so",
                    "ky_luat"):
            value = getattr(m, key)
            if value is not None and m.tong_so is not None and value > m.tong_so:
                yield at(p, path + (key,), "thanh-vien-tap-the",
                         f"Năm {t.nam}: `{key}` là {value}, lớn hơn tổng số thành viên "
                         f"({m.tong_so}).", f"Kiểm tra lại số liệu; ví dụ: tong_so: {value}")
