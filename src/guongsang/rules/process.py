"""Checks of the commendation process: nominations, council meetings, decisions.

These rules read the internal records (:class:`guongsang.process.load.Process`), so they are
registered apart from :data:`guongsang.rules.RULES`, which the site build runs: the build never
sees a nomination. ``guongsang check`` runs both lists when the internal records are there.
Each rule's docstring holds a PASS and a FAIL example, as for the other rules.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import pairwise

from ..load.conform import did_you_mean
from ..load.yamlsrc import Path_
from ..problems import Problem, Severity
from ..process.council import Tally
from ..process.eligibility import assess
from ..process.load import Process
from ..process.records import Nomination
from ..process.state import last_review, state
from ..text import format_date
from . import Rule, at, run_rules
from .legal import Status
from .legal.checks import _note, cite

ProcessFn = Callable[[Process], Iterable[Problem]]
PROCESS_RULES: list[Rule] = []
OPEN_STATES = ("de_xuat", "tham_dinh", "binh_xet", "trinh_cap_tren")


def process_rule(rule_id: str) -> Callable[[ProcessFn], ProcessFn]:
    def register(fn: ProcessFn) -> ProcessFn:
        PROCESS_RULES.append(Rule(rule_id, fn))  # type: ignore[arg-type]
        return fn
    return register


def run_process_rules(process: Process) -> list[Problem]:
    """Every process rule; a rule that crashes is reported, never stops the others."""
    return run_rules(process, PROCESS_RULES)  # type: ignore[arg-type]


def _form(process: Process, form_id: str) -> str:
    form = process.corpus.ref.awards.get(form_id)
    return form.ten if form else form_id


def _day(value: date | None) -> str:
    return format_date(value) if value else "(chưa rõ ngày)"


# -- nominations ---------------------------------------------------------------------------------

@process_rule("de-nghi-lien-ket")
def nomination_links(process: Process) -> Iterator[Problem]:
    """The profile, campaign and initiatives a nomination names exist and belong together.

    PASS: ``ho_so: nguyen-thi-hoa``, ``can_cu.sang_kien: [phien-cho-nong-san-truc-tuyen]`` by her
    FAIL: ``ho_so: nguyen-thi-hoaa`` -> "Không tìm thấy hồ sơ …"; an initiative by someone else
    """
    corpus = process.corpus
    for n in process.nominations.values():
        if n.ho_so and n.ho_so not in corpus.profiles:
            guess = did_you_mean(n.ho_so, list(corpus.profiles))
            yield at(n, ("ho_so",), "de-nghi-lien-ket",
                     f"Không tìm thấy hồ sơ \"{n.ho_so}\" (cần thư mục profiles/{n.ho_so}/)."
                     + (f" Có phải ý bạn là `{guess}`?" if guess else ""),
                     "Ghi đúng tên thư mục hồ sơ, ví dụ: ho_so: "
                     f"{guess or next(iter(corpus.profiles), 'nguyen-thi-hoa')}")
        if n.phong_trao and n.phong_trao not in corpus.campaigns:
            yield at(n, ("phong_trao",), "de-nghi-lien-ket",
                     f"Không tìm thấy phong trào \"{n.phong_trao}\" (cần tệp "
                     f"content/phong-trao/{n.phong_trao}.md).",
                     "Dùng đúng tên tệp, không có phần .md.")
        profile = corpus.profiles.get(n.ho_so)
        for i, slug in enumerate(n.can_cu.sang_kien):
            model = corpus.models.get(slug)
            if model is None:
                yield at(n, ("can_cu", "sang_kien", i), "de-nghi-lien-ket",
                         f"Không tìm thấy sáng kiến, mô hình \"{slug}\" (cần tệp "
                         f"content/mo-hinh/{slug}.md).", "Dùng đúng tên tệp, không có phần .md.")
            elif profile and n.ho_so not in model.tac_gia:
                yield at(n, ("can_cu", "sang_kien", i), "de-nghi-lien-ket",
                         f"Sáng kiến \"{model.ten}\" không có hồ sơ \"{n.ho_so}\" trong `tac_gia` "
                         "nên không làm căn cứ cho đề nghị này được.",
                         f"Bỏ dòng này, hoặc thêm \"- {n.ho_so}\" vào `tac_gia` của {model.file} "
                         "nếu đúng là tác giả.")
        if profile:
            recorded = {t.nam for t in profile.thanh_tich}
            for i, year in enumerate(n.can_cu.nam_thanh_tich):
                if year not in recorded:
                    yield at(n, ("can_cu", "nam_thanh_tich", i), "de-nghi-lien-ket",
                             f"Hồ sơ \"{profile.ho_ten}\" chưa ghi thành tích năm {year} "
                             "(mục thanh_tich).",
                             f"Thêm thành tích năm {year} vào {profile.file}, hoặc bỏ năm này.",
                             Severity.WARNING)


@process_rule("de-nghi-dong-y")
def nomination_consent(process: Process) -> Iterator[Problem]:
    """The nominee agreed to be nominated and has not withdrawn from the site.

    PASS: ``dong_y_de_nghi: true`` for a consented profile
    FAIL: ``dong_y_de_nghi: false``; a profile with ``thu_hoi`` nominated again
    """
    for n in process.nominations.values():
        if "dong_y_de_nghi" in n.source.data and not n.dong_y_de_nghi:
            yield at(n, ("dong_y_de_nghi",), "de-nghi-chua-dong-y",
                     "Người được đề nghị chưa đồng ý được đề nghị khen thưởng "
                     "(`dong_y_de_nghi` không phải true): đề nghị chưa được xét.",
                     "Khi người được đề nghị (hoặc đại diện tập thể) đã biết và đồng ý, sửa "
                     "thành: dong_y_de_nghi: true")
        profile = process.corpus.profiles.get(n.ho_so)
        if profile is None or state(process, n) not in OPEN_STATES:
            continue
        if profile.thu_hoi is not None:
            yield at(n, ("ho_so",), "de-nghi-ho-so-da-rut",
                     f"Hồ sơ \"{profile.ho_ten}\" đã rút khỏi trang (thu_hoi"
                     + (f" ngày {format_date(profile.thu_hoi.ngay)}" if profile.thu_hoi.ngay else "")
                     + "): không tiếp tục xét đề nghị này.",
                     "Ghi kết luận vào đề nghị:\n      khong_dat:\n        ngay: …\n"
                     "        ly_do: Hồ sơ đã rút")
        elif not profile.dong_y_cong_bo:
            yield at(n, ("ho_so",), "de-nghi-chua-dong-y-cong-bo",
                     f"Hồ sơ \"{profile.ho_ten}\" chưa có sự đồng ý công bố: đề nghị vẫn được "
                     "xét, nhưng khen thưởng sẽ không hiện trên trang cho tới khi có đồng ý.",
                     "Xin văn bản đồng ý rồi sửa hồ sơ thành dong_y_cong_bo: true.",
                     Severity.WARNING)


@process_rule("de-nghi-dieu-kien")
def nomination_eligibility(process: Process) -> Iterator[Problem]:
    """An open nomination meets its form's condition set under the law of its review day,
    as the legal engine judges it (computed, never typed; the same words as a recorded award).

    PASS: "Chiến sĩ thi đua cơ sở" 2026 for someone rated "hoàn thành xuất sắc" in 2026 who
          meets the standard of "Lao động tiên tiến" that year (Luật 2022, Điều 23)
    FAIL: "Chiến sĩ thi đua cấp tỉnh" 2026 with "Chiến sĩ thi đua cơ sở" only in 2025 and 2026
    """
    corpus = process.corpus
    for n in process.nominations.values():
        if state(process, n) not in OPEN_STATES:
            continue  # decided: the award's own check applies; rejected: nothing to do
        form, profile = corpus.ref.awards.get(n.hinh_thuc), corpus.profiles.get(n.ho_so)
        if form and profile and profile.loai not in form.doi_tuong:
            allowed = ", ".join(corpus.ref.label("loai_ho_so", d).lower() for d in form.doi_tuong)
            yield at(n, ("hinh_thuc",), "doi-tuong-khen-thuong",
                     f"\"{form.ten}\" chỉ dành cho {allowed}, nhưng hồ sơ \"{n.ho_so}\" là "
                     f"{corpus.ref.label('loai_ho_so', profile.loai).lower()}.",
                     "Chọn hình thức phù hợp trong data/danh-muc-khen-thuong.yml.")
        found = assess(process, n)
        if found is None:
            continue
        verdict, path = found.verdict, ("hinh_thuc",)
        title = f"\"{_form(process, n.hinh_thuc)}\" năm {n.nam}"
        day = format_date(verdict.on)
        for gap in verdict.basis.gaps:
            rule = "de-nghi-chua-tham-dinh-duoc" if verdict.basis.condition_set is None \
                else "can-cu-phap-ly"
            yield at(n, path, rule, f"{title} (ngày xét {day}): {gap}",
                     "Cập nhật data/van-ban-phap-ly.yml và data/danh-muc-khen-thuong.yml, hoặc "
                     "Phòng Tổ chức – Hành chính thẩm định theo văn bản hiện hành.",
                     Severity.WARNING)
        for r, sev in found.failures:
            yield at(n, path, "de-nghi-khong-du-dieu-kien",
                     f"{title} chưa đủ điều kiện theo {cite(corpus, r)}: cần {r.need}; "
                     f"{r.found}.{_note(r, sev)}",
                     r.hint or "Bổ sung căn cứ còn thiếu vào hồ sơ (có số quyết định), hoặc ghi "
                     "kết luận `khong_dat` với lý do.", sev)
        for bad in verdict.invalid:
            ground = corpus.ref.awards.get(bad.form)
            yield at(n, path, "de-nghi-khong-du-dieu-kien",
                     f"{title} dựa trên \"{ground.ten if ground else bad.form}\" năm "
                     f"{bad.award.nam} ({bad.award.so_quyet_dinh}), nhưng khen thưởng đó chưa đủ "
                     f"điều kiện: {bad.reason}.",
                     f"Sửa khen thưởng ở mục {bad.award.index + 1} của hồ sơ {n.ho_so} trước "
                     "(xem lỗi của mục đó).", Severity.WARNING)
        for r in verdict.results:
            if r.status is Status.UNKNOWN and r.severity() is not None:
                yield at(n, path, "de-nghi-chua-tham-dinh-duoc",
                         f"Chưa kiểm tra được {title} theo {cite(corpus, r)}: cần {r.need}; "
                         f"{r.found}.", r.hint or "Bổ sung dữ liệu còn thiếu vào hồ sơ.",
                         Severity.WARNING)
        for i, names in found.waiting.items():
            r = verdict.results[i]
            yield at(n, path, "de-nghi-chua-tham-dinh-duoc",
                     f"{title}: yêu cầu theo {cite(corpus, r)} (cần {r.need}) chỉ đạt khi đề "
                     f"nghị cùng đợt {', '.join(names)} được quyết định.",
                     "Hội đồng bình xét các đề nghị cùng đợt trong một cuộc họp; ghi quyết định "
                     "của đề nghị kia trước.", Severity.WARNING)


@process_rule("de-nghi-trung")
def duplicate_nominations(process: Process) -> Iterator[Problem]:
    """One open nomination per profile, form and year.

    PASS: one nomination of nguyen-thi-hoa for "Chiến sĩ thi đua cơ sở" 2026
    FAIL: a second one in another file
    """
    seen: dict[tuple[str, str, int], Nomination] = {}
    for n in sorted(process.nominations.values(), key=lambda n: n.slug):
        if not (n.ho_so and n.hinh_thuc and n.nam) or state(process, n) == "khong_dat":
            continue
        key = (n.ho_so, n.hinh_thuc, n.nam)
        if key in seen:
            yield at(n, ("hinh_thuc",), "de-nghi-trung",
                     f"Hồ sơ \"{n.ho_so}\" đã có đề nghị \"{_form(process, n.hinh_thuc)}\" năm "
                     f"{n.nam} ở tệp {seen[key].file}.",
                     "Gộp hai đề nghị làm một, hoặc ghi `khong_dat` (lý do: trùng) cho tệp thừa.")
        else:
            seen[key] = n


def _block_path(n: Nomination) -> tuple[str, ...]:
    return ("quyet_dinh",) if n.quyet_dinh is not None else ("trinh_cap_tren",)


@process_rule("de-nghi-trang-thai")
def nomination_transitions(process: Process) -> Iterator[Problem]:
    """A nomination moves đề xuất → thẩm định → bình xét → quyết định / trình cấp trên / không đạt.

    PASS: voted "đạt" on 17/11/2026, ``quyet_dinh`` dated 20/11/2026 for a unit-level title
    FAIL: ``quyet_dinh`` without any council vote; a provincial title decided without
          ``trinh_cap_tren``; ``quyet_dinh`` and ``khong_dat`` in the same file
    """
    council = process.council
    for n in process.nominations.values():
        form = _form(process, n.hinh_thuc)
        if n.quyet_dinh is not None and n.khong_dat is not None:
            yield at(n, ("khong_dat",), "de-nghi-trang-thai",
                     "Đề nghị vừa có `quyet_dinh` vừa có `khong_dat`: chỉ một kết luận là đúng.",
                     "Xoá khối không đúng.")
        if n.trinh_cap_tren is None and n.quyet_dinh is None:
            continue
        review = last_review(process, n)
        block = _block_path(n)
        if review is None or review.vote is None:
            yield at(n, block, "de-nghi-trang-thai",
                     f"Đề nghị đã có `{block[0]}` nhưng chưa có kết quả bình xét của Hội đồng "
                     "(chưa cuộc họp nào trong hop-hoi-dong/ ghi phiếu cho đề nghị này).",
                     f"Ghi kết quả biểu quyết vào biên bản họp (mục ket_qua, de_nghi: {n.slug}) "
                     "trước khi ghi quyết định hoặc tờ trình.")
        elif review.vote.ket_qua != "dat" or (review.tally and not review.tally.approved):
            yield at(n, block, "de-nghi-trang-thai",
                     f"Đề nghị đã có `{block[0]}` nhưng Hội đồng bình xét không đạt (cuộc họp "
                     f"ngày {_day(review.meeting.ngay)}, {review.vote.dong_y}/"
                     f"{review.meeting.members} phiếu đồng ý).",
                     "Ghi kết luận `khong_dat`, hoặc sửa lại kết quả trong biên bản họp nếu ghi "
                     "nhầm.")
        if n.hinh_thuc and n.hinh_thuc in process.corpus.ref.awards:
            unit = council.unit_decides(n.hinh_thuc)
            if n.quyet_dinh is not None and n.trinh_cap_tren is None and not unit:
                issuer = process.corpus.ref.awards[n.hinh_thuc].co_quan or "cấp trên"
                yield at(n, ("quyet_dinh",), "de-nghi-trang-thai",
                         f"\"{form}\" do {issuer} quyết định: đơn vị phải trình cấp trên "
                         "(`trinh_cap_tren`) trước khi có quyết định.",
                         "Thêm khối trinh_cap_tren (số tờ trình, ngày trình) trước quyet_dinh.")
            if n.trinh_cap_tren is not None and unit:
                yield at(n, ("trinh_cap_tren",), "de-nghi-trang-thai",
                         f"\"{form}\" do Thủ trưởng đơn vị quyết định ({council.file}, "
                         "tham_quyen_don_vi): không cần trình cấp trên.",
                         "Bỏ khối trinh_cap_tren, ghi thẳng quyet_dinh của đơn vị.",
                         Severity.WARNING)


@process_rule("de-nghi-thu-tu-ngay")
def nomination_dates(process: Process) -> Iterator[Problem]:
    """Dates follow the steps: nomination ≤ meeting ≤ forwarding ≤ decision.

    PASS: đề nghị 03/11, họp 17/11, trình 24/11, quyết định 26/11
    FAIL: quyết định 10/11 before the meeting of 17/11
    """
    for n in process.nominations.values():
        review = last_review(process, n)
        steps: list[tuple[Path_, str, date | None]] = [
            (("ngay_de_nghi",), "ngày đề nghị", n.ngay_de_nghi),
            ((), "ngày họp Hội đồng", review.meeting.ngay if review else None),
            (("trinh_cap_tren", "ngay"), "ngày trình cấp trên",
             n.trinh_cap_tren.ngay if n.trinh_cap_tren else None),
            (("quyet_dinh", "ngay_quyet_dinh"), "ngày quyết định",
             n.quyet_dinh.ngay_quyet_dinh if n.quyet_dinh else None),
        ]
        known = [(p, label, d) for p, label, d in steps if d]
        for (_, first, d1), (path, second, d2) in pairwise(known):
            if d1 and d2 and d2 < d1:
                yield at(n, path or ("ngay_de_nghi",), "de-nghi-thu-tu-ngay",
                         f"{second[:1].upper() + second[1:]} ({format_date(d2)}) trước {first} "
                         f"({format_date(d1)}).",
                         "Các bước phải theo thứ tự: đề nghị → họp Hội đồng → trình cấp trên → "
                         "quyết định. Kiểm tra lại ngày.")


# -- meetings --------------------------------------------------------------------------------------

def _base_label(t: Tally) -> str:
    if t.rule.approval.base == "co_mat":
        return "số thành viên có mặt" + (" và gửi ý kiến bằng văn bản" if t.written else "")
    return "tổng số thành viên Hội đồng"


@process_rule("hop-hoi-dong")
def meeting_records(process: Process) -> Iterator[Problem]:
    """A meeting lists its members, reviews existing nominations, and is dated sensibly.

    PASS: 11 members (one chu_tich), agenda of existing nominations, results after the meeting
    FAIL: a nomination id that does not exist; votes recorded for a meeting dated next week
    """
    for m in process.meetings.values():
        if not m.thanh_vien:
            yield at(m, ("thanh_vien",), "hop-thanh-vien",
                     "Chưa có danh sách thành viên Hội đồng: không tính được số người có mặt và "
                     "tỷ lệ phiếu.", "Ghi mọi thành viên theo quyết định thành lập Hội đồng, mỗi "
                     "người một mục (ho_ten, vai_tro, co_mat).")
        elif not any(x.vai_tro == "chu_tich" for x in m.thanh_vien):
            yield at(m, ("thanh_vien",), "hop-thanh-vien",
                     "Danh sách thành viên không có Chủ tịch Hội đồng (vai_tro: chu_tich).",
                     "Ghi vai_tro: chu_tich cho người chủ trì.", Severity.WARNING)
        names: dict[str, int] = {}
        for x in m.thanh_vien:
            if x.ho_ten in names:
                yield at(m, ("thanh_vien", x.index, "ho_ten"), "hop-thanh-vien",
                         f"Thành viên \"{x.ho_ten}\" được ghi hai lần (mục {names[x.ho_ten] + 1} "
                         f"và {x.index + 1}).", "Xoá mục thừa.")
            names.setdefault(x.ho_ten, x.index)
        agenda: set[str] = set()
        for i, slug in enumerate(m.de_nghi):
            if slug in agenda:
                yield at(m, ("de_nghi", i), "hop-de-nghi",
                         f"Đề nghị \"{slug}\" được ghi hai lần trong chương trình họp.",
                         "Xoá dòng thừa.")
            agenda.add(slug)
            if slug not in process.nominations:
                guess = did_you_mean(slug, list(process.nominations))
                yield at(m, ("de_nghi", i), "hop-de-nghi",
                         f"Không tìm thấy đề nghị \"{slug}\" (cần tệp de-nghi/{slug}.md trong "
                         "thư mục hồ sơ nội bộ)." + (f" Có phải ý bạn là `{guess}`?" if guess else ""),
                         "Dùng đúng tên tệp đề nghị, không có phần .md.")
            elif process.nominations[slug].nam and m.nam and process.nominations[slug].nam != m.nam:
                yield at(m, ("de_nghi", i), "hop-de-nghi",
                         f"Đề nghị \"{slug}\" là thành tích năm {process.nominations[slug].nam}, "
                         f"cuộc họp bình xét năm {m.nam}.",
                         "Kiểm tra lại năm của đề nghị hoặc của cuộc họp.", Severity.WARNING)
        voted: dict[str, int] = {}
        for v in m.ket_qua:
            if v.de_nghi not in agenda:
                yield at(m, ("ket_qua", v.index, "de_nghi"), "hop-de-nghi",
                         f"Có kết quả cho đề nghị \"{v.de_nghi}\" nhưng đề nghị này không có trong "
                         "chương trình họp (mục de_nghi).", "Thêm đề nghị vào mục de_nghi.")
            if v.de_nghi in voted:
                yield at(m, ("ket_qua", v.index, "de_nghi"), "hop-de-nghi",
                         f"Đề nghị \"{v.de_nghi}\" có hai kết quả trong cùng cuộc họp (mục "
                         f"{voted[v.de_nghi] + 1} và {v.index + 1}).", "Giữ một kết quả.")
            voted.setdefault(v.de_nghi, v.index)
        if m.ngay and m.ngay > process.today and m.ket_qua:
            yield at(m, ("ket_qua",), "hop-tuong-lai",
                     f"Cuộc họp ngày {format_date(m.ngay)} chưa diễn ra (hôm nay là "
                     f"{format_date(process.today)}) nhưng đã có kết quả biểu quyết.",
                     "Chỉ ghi kết quả sau cuộc họp; kiểm tra lại ngày họp.")
        if m.ngay and m.ngay < process.today:
            for i, slug in enumerate(m.de_nghi):
                if slug not in voted and slug in process.nominations:
                    yield at(m, ("de_nghi", i), "hop-chua-ghi-ket-qua",
                             f"Cuộc họp ngày {format_date(m.ngay)} đã qua nhưng chưa ghi kết quả "
                             f"cho đề nghị \"{slug}\".",
                             "Ghi số phiếu vào mục ket_qua (de_nghi, dong_y, khong_dong_y, "
                             "ket_qua).", Severity.WARNING)


@process_rule("hop-bieu-quyet")
def meeting_votes(process: Process) -> Iterator[Problem]:
    """Votes fit the members present, and each result follows the quorum and the threshold.

    PASS: 10 of 11 present, 10 votes for a title needing more than 1/2 of 11 -> "đạt"
    FAIL: 12 votes with 10 present; "đạt" with 8/11 where 90% is needed; "đạt" without quorum
    """
    for m in process.meetings.values():
        if not m.ket_qua or not m.thanh_vien:
            continue
        may_vote = m.present + m.written
        quorum_reported = False
        for v in m.ket_qua:
            n = process.nominations.get(v.de_nghi)
            base = ("ket_qua", v.index)
            if v.total > may_vote:
                extra = f" và {m.written} ý kiến bằng văn bản" if m.written else ""
                yield at(m, base, "hop-so-phieu",
                         f"Tổng số phiếu cho \"{v.de_nghi}\" là {v.total} ({v.dong_y} đồng ý, "
                         f"{v.khong_dong_y} không đồng ý, {v.khong_bieu_quyet} không biểu quyết), "
                         f"nhiều hơn số thành viên có mặt ({m.present}{extra}).",
                         "Kiểm tra lại số phiếu, hoặc mục co_mat của các thành viên.")
            if n is None:
                continue
            rule = process.council.rule_for(n.hinh_thuc, m.ngay)
            if rule is None:
                yield at(m, base, "hop-khong-co-quy-dinh",
                         f"Không có quy định ngưỡng biểu quyết nào ({process.council.file}) áp dụng "
                         f"cho \"{_form(process, n.hinh_thuc)}\" vào ngày họp {_day(m.ngay)}.",
                         f"Thêm quy định chung (ap_dung: []) vào {process.council.file}.",
                         Severity.WARNING)
                continue
            t = Tally(rule, m.members, m.present, m.written, v)
            if not t.has_quorum and not quorum_reported:
                quorum_reported = True
                yield at(m, ("thanh_vien",), "hop-khong-du-dai-bieu",
                         f"Cuộc họp có {m.present}/{m.members} thành viên có mặt, chưa đủ "
                         f"{rule.quorum.phrase} tổng số thành viên ({t.quorum_needed} người) theo "
                         f"{rule.can_cu}: kết quả biểu quyết không có giá trị.",
                         "Kiểm tra mục co_mat; nếu đúng là thiếu người, Hội đồng phải họp lại.")
            form = _form(process, n.hinh_thuc)
            if v.ket_qua == "dat" and not t.has_quorum:
                yield at(m, base + ("ket_qua",), "hop-ket-qua-sai",
                         f"Kết quả ghi \"đạt\" cho \"{v.de_nghi}\" nhưng cuộc họp không đủ số "
                         f"thành viên có mặt ({m.present}/{m.members}, cần {t.quorum_needed}).",
                         "Sửa thành ket_qua: khong_dat, hoặc sửa lại mục co_mat nếu ghi nhầm.")
            elif v.ket_qua == "dat" and not t.approved:
                yield at(m, base + ("ket_qua",), "hop-ket-qua-sai",
                         f"Kết quả ghi \"đạt\" cho \"{v.de_nghi}\" nhưng chỉ có {v.dong_y}/"
                         f"{t.base} phiếu đồng ý; \"{form}\" cần {rule.approval.phrase} "
                         f"{_base_label(t)} ({t.approval_needed} phiếu) theo {rule.can_cu}.",
                         f"Sửa thành ket_qua: khong_dat, hoặc sửa {process.council.file} nếu "
                         "Quy chế của Hội đồng quy định khác.")
            elif v.ket_qua == "khong_dat" and t.approved:
                yield at(m, base + ("ket_qua",), "hop-ket-qua-sai",
                         f"Kết quả ghi \"không đạt\" cho \"{v.de_nghi}\" nhưng có {v.dong_y}/"
                         f"{t.base} phiếu đồng ý, đạt ngưỡng {rule.approval.phrase} "
                         f"{_base_label(t)} ({t.approval_needed} phiếu) theo {rule.can_cu}.",
                         "Sửa thành ket_qua: dat, hoặc kiểm tra lại số phiếu.")
            if rule.secret_ballot and m.hinh_thuc_bieu_quyet and m.hinh_thuc_bieu_quyet != "bo_phieu_kin":
                yield at(m, ("hinh_thuc_bieu_quyet",), "hop-phieu-kin",
                         f"\"{form}\" phải bỏ phiếu kín theo {rule.can_cu}, nhưng cuộc họp ghi "
                         f"\"{process.corpus.ref.label('hinh_thuc_bieu_quyet', m.hinh_thuc_bieu_quyet)}\".",
                         "Hội đồng bỏ phiếu kín cho đề nghị này; ghi hinh_thuc_bieu_quyet: "
                         "bo_phieu_kin.", Severity.ERROR if rule.xac_nhan else Severity.WARNING)


# -- decisions and the profile ------------------------------------------------------------------

def _matches(award, n: Nomination) -> bool:
    d = n.quyet_dinh
    return (d is not None and award.hinh_thuc == n.hinh_thuc and award.nam == n.nam
            and award.so_quyet_dinh == d.so_quyet_dinh and award.ngay_quyet_dinh == d.ngay_quyet_dinh)


@process_rule("de-nghi-khen-thuong")
def decisions_in_profiles(process: Process) -> Iterator[Problem]:
    """A decided nomination and the profile's award say the same thing (typed once, by command).

    PASS: quyet_dinh 215/QĐ-TTXT of 20/11/2026 and the same award in profiles/x/index.md
    FAIL: the award missing from the profile, or with another number; an award for a year whose
          nomination was "không đạt"
    """
    corpus = process.corpus
    by_key: dict[tuple[str, str, int], list[Nomination]] = {}
    for n in process.nominations.values():
        by_key.setdefault((n.ho_so, n.hinh_thuc, n.nam), []).append(n)
        profile = corpus.profiles.get(n.ho_so)
        d = n.quyet_dinh
        if profile is None or d is None or not d.so_quyet_dinh or n.khong_dat is not None:
            continue
        same = [a for a in profile.khen_thuong if a.hinh_thuc == n.hinh_thuc and a.nam == n.nam]
        if any(_matches(a, n) for a in same):
            continue
        if same:
            a = same[0]
            yield at(n, ("quyet_dinh", "so_quyet_dinh"), "de-nghi-khen-thuong",
                     f"Hồ sơ {profile.file} ghi \"{_form(process, n.hinh_thuc)}\" năm {n.nam} theo "
                     f"quyết định {a.so_quyet_dinh} ngày {_day(a.ngay_quyet_dinh)}, khác quyết "
                     f"định trong đề nghị ({d.so_quyet_dinh} ngày {_day(d.ngay_quyet_dinh)}).",
                     "Sửa cho đúng ở nơi sai (số và ngày trên bản quyết định đã ký), rồi chạy "
                     f"guongsang ghi-khen-thuong {n.slug} để kiểm tra.")
        else:
            yield at(n, ("quyet_dinh",), "de-nghi-khen-thuong",
                     f"Đề nghị đã có quyết định {d.so_quyet_dinh} nhưng hồ sơ {profile.file} chưa "
                     "ghi khen thưởng này.",
                     f"Chạy: guongsang ghi-khen-thuong {n.slug} (ghi vào hồ sơ, không gõ lại).")
    for profile in corpus.profiles.values():
        for a in profile.khen_thuong:
            nominations = by_key.get((profile.slug, a.hinh_thuc, a.nam), [])
            if not nominations or any(_matches(a, n) for n in nominations):
                continue
            if any(n.quyet_dinh is not None and n.khong_dat is None for n in nominations):
                continue  # a different decision number: reported on the nomination above
            n = nominations[0]
            status = corpus.ref.label("trang_thai_de_nghi", state(process, n)).lower()
            yield at(profile, ("khen_thuong", a.index), "de-nghi-khen-thuong",
                     f"Khen thưởng \"{_form(process, a.hinh_thuc)}\" năm {a.nam} "
                     f"({a.so_quyet_dinh}) không khớp hồ sơ đề nghị {n.slug}: đề nghị đang ở "
                     f"trạng thái \"{status}\", chưa có quyết định này.",
                     "Ghi quyết định vào đề nghị (khối quyet_dinh) rồi chạy guongsang "
                     "ghi-khen-thuong, hoặc xoá khen thưởng ghi nhầm khỏi hồ sơ.")


def run_all(process: Process, extra: Iterable[Problem] = ()) -> list[Problem]:
    return [*extra, *run_process_rules(process)]
