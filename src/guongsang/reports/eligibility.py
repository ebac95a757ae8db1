"""Who can be proposed for which title or commendation for a year, and exactly what is missing.

One line per person (collective, family) and per form of the catalogue whose conditions the
data can check, for the year of ``--period``: eligible; or what is missing (a year, a rating, an
initiative of a scope, a second consecutive provincial title), alternatives shown as
alternatives; or built on a ground that is itself invalid; or already awarded that year. Nobody
is dropped. The judgement is the engine's (:func:`guongsang.rules.legal.evaluate`), the same the
checks of recorded awards use, under the law in force on the day the report is made (the day a
proposal would be decided at the earliest). The defaults of the open questions
(``cau_hoi_mo`` in data/van-ban-phap-ly.yml) are stated in the report. Every profile is
assessed, published or not (the report is internal); the note column says which are not on the
site.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..load.awards import AwardForm
from ..load.corpus import Corpus
from ..records import Award, Profile
from ..rules.legal import Status, Verdict, basis_on, engine_for
from ..rules.legal.checks import cite
from ..text import format_date
from . import (
    OutputFile,
    Period,
    decision_text,
    display_key,
    generated_marker,
    internal_note,
    md_table,
    site_note,
    unit_name,
)


@dataclass(frozen=True)
class Line:
    """One person against one form."""

    profile: Profile
    form: AwardForm
    verdict: Verdict
    held: Award | None = None

    @property
    def state(self) -> str:
        """held | invalid | eligible | missing"""
        if self.held is not None:
            return "held"
        if self.verdict.eligible:
            return "eligible"
        if self.verdict.invalid and all(r.met for r in self.verdict.results):
            return "invalid"
        return "missing"


def have(corpus: Corpus, v: Verdict) -> str:
    """The grounds the record shows, requirement by requirement."""
    return "; ".join(r.found for r in v.results if r.status is Status.MET) or "—"


def missing(corpus: Corpus, v: Verdict) -> str:
    """What is missing, with the article; alternatives listed as alternatives."""
    parts = [f"{cite(corpus, r)}: cần {r.need}; {r.found}" for r in v.results
             if r.status in (Status.MISSING, Status.UNKNOWN)]
    parts += [f"{cite(corpus, r)}: căn cứ {'; '.join(_invalid(corpus, v))}"
              for r in v.results if r.all_invalid()][:1]
    return "; ".join(parts) or "—"


def council(v: Verdict) -> str:
    return "; ".join(r.need for r in v.manual) or "—"


def _invalid(corpus: Corpus, v: Verdict) -> list[str]:
    out = []
    for bad in v.invalid:
        name = corpus.ref.awards[bad.form].ten if bad.form in corpus.ref.awards else bad.form
        out.append(f"\"{name}\" năm {bad.award.nam} ({bad.award.so_quyet_dinh}) chưa đủ điều "
                   f"kiện: {bad.reason}")
    return out


def lines(corpus: Corpus, year: int, on: date) -> tuple[list[Line], list[str]]:
    """Every person × checkable form, and the forms (for a kind of profile) the data cannot
    check at all."""
    engine = engine_for(corpus)
    out: list[Line] = []
    unchecked: dict[tuple[str, str], str] = {}
    for p in sorted(corpus.profiles.values(), key=display_key):
        for form in corpus.ref.awards.values():
            if p.loai not in form.doi_tuong:
                continue
            verdict = engine.evaluate(p, form.id, on, year)
            if not verdict.checkable:
                kind = corpus.ref.label("loai_ho_so", p.loai).lower()
                unchecked.setdefault((form.id, p.loai), f"{form.ten} ({kind})")
                continue
            held = next((a for a in p.khen_thuong if a.hinh_thuc == form.id and a.nam == year),
                        None)
            out.append(Line(p, form, verdict, held))
    return out, list(unchecked.values())


def _short(v: Verdict) -> int:
    """How many requirements are not met (0 when only grounds are invalid)."""
    return sum(1 for r in v.results if not r.met)


def _basis_text(corpus: Corpus, on: date) -> list[str]:
    ref = corpus.ref
    laws = {}
    for form in ref.awards.values():
        b = basis_on(ref, form, form.doi_tuong[0], on)
        laws[b.label] = b
    out = []
    for label, b in laws.items():
        out.append(f"Căn cứ ngày {format_date(on)}: {label}.")
        out += [f"**Lưu ý:** {gap}" for gap in b.gaps if "Danh mục chưa có" not in gap]
    return list(dict.fromkeys(out))


def _questions(corpus: Corpus) -> list[str]:
    qs = corpus.ref.law.questions.values()
    if not qs:
        return []
    out = [("Câu hỏi chưa có trả lời chính thức (đang dùng giá trị mặc định ghi trong "
           "`data/van-ban-phap-ly.yml`, mục `cau_hoi_mo`):"), ""]
    out += [f"- {q.cau_hoi} **Mặc định:** {q.mac_dinh}" for q in qs]
    return out


def render(corpus: Corpus, today: date, year: int) -> str:
    command = f"guongsang report eligibility --period {year}"
    all_lines, unchecked = lines(corpus, year, today)
    by_state: dict[str, list[Line]] = {s: [] for s in ("eligible", "missing", "invalid", "held")}
    for line in all_lines:
        by_state[line.state].append(line)
    out = [
        generated_marker(command), "",
        f"# Rà soát đề nghị khen thưởng năm {year}", "",
        *internal_note(corpus, today, command), "",
        ("Mỗi dòng là một người (tập thể, gia đình) với một danh hiệu, hình thức khen thưởng của "
         f"danh mục, xét cho thành tích năm {year} theo điều kiện trong "
         "`data/danh-muc-khen-thuong.yml` của luật còn hiệu lực ngày lập báo cáo. Khen thưởng "
         "đột xuất, theo chuyên đề và các quyết định, sáng kiến ký sau ngày lập báo cáo không "
         "được tính. Danh sách gồm cả hồ sơ chưa công bố trên trang. Đây là gợi ý để rà soát, "
         "không thay cho việc thẩm định hồ sơ."), "",
        *_basis_text(corpus, today), "",
        *_questions(corpus), "",
        f"## 1. Đủ điều kiện đề nghị năm {year}", "",
    ]
    rows = by_state["eligible"]
    out += md_table(["STT", "Họ và tên", "Đơn vị", "Đề nghị", "Căn cứ đã có",
                     "Hội đồng còn thẩm định", "Ghi chú"],
                    [[i, ln.profile.ho_ten, unit_name(corpus, ln.profile.don_vi), ln.form.ten,
                      have(corpus, ln.verdict), council(ln.verdict), site_note(ln.profile)]
                     for i, ln in enumerate(rows, 1)]) if rows else ["Chưa có hồ sơ nào đủ điều kiện."]
    out += ["", "## 2. Chưa đủ điều kiện: còn thiếu", ""]
    near = [ln for ln in by_state["missing"] if _short(ln.verdict) <= 1]
    far = [ln for ln in by_state["missing"] if _short(ln.verdict) > 1]
    for title, rows in (("### 2.1. Chỉ còn thiếu một yêu cầu (với tiêu chuẩn thay thế: đạt một trong số đó)", near),
                        ("### 2.2. Còn thiếu từ hai yêu cầu trở lên", far)):
        out += [title, ""]
        out += md_table(["STT", "Họ và tên", "Đơn vị", "Hướng tới", "Đã có", "Còn thiếu",
                         "Ghi chú"],
                        [[i, ln.profile.ho_ten, unit_name(corpus, ln.profile.don_vi), ln.form.ten,
                          have(corpus, ln.verdict), missing(corpus, ln.verdict),
                          site_note(ln.profile)]
                         for i, ln in enumerate(rows, 1)]) if rows else ["Không có."]
        out.append("")
    out += ["## 3. Căn cứ chưa hợp lệ", "",
            ("Đủ các điều kiện trên giấy, nhưng một khen thưởng làm căn cứ chính nó chưa đủ điều "
             "kiện (xem `guongsang check`): không được tính là đủ điều kiện."), ""]
    rows = by_state["invalid"]
    out += md_table(["STT", "Họ và tên", "Đơn vị", "Hướng tới", "Căn cứ chưa hợp lệ", "Ghi chú"],
                    [[i, ln.profile.ho_ten, unit_name(corpus, ln.profile.don_vi), ln.form.ten,
                      "; ".join(_invalid(corpus, ln.verdict)), site_note(ln.profile)]
                     for i, ln in enumerate(rows, 1)]) if rows else ["Không có."]
    out += ["", f"## 4. Đã được khen thưởng năm {year}", ""]
    rows = by_state["held"]
    out += md_table(["STT", "Họ và tên", "Đơn vị", "Danh hiệu, hình thức", "Quyết định", "Ghi chú"],
                    [[i, ln.profile.ho_ten, unit_name(corpus, ln.profile.don_vi), ln.form.ten,
                      decision_text(ln.held, ln.form), site_note(ln.profile)]  # type: ignore[arg-type]
                     for i, ln in enumerate(rows, 1)]) if rows else ["Không có."]
    out += ["", "## 5. Chưa xét tự động", ""]
    if unchecked:
        out.append("Điều kiện chỉ gồm tiêu chuẩn do hội đồng thẩm định (hoặc chưa xác nhận), "
                   "dữ liệu không kiểm tra được: " + ", ".join(unchecked) + ".")
    else:
        out.append("Mọi danh hiệu, hình thức trong danh mục đều được xét.")
    return "\n".join(out) + "\n"


def files(corpus: Corpus, today: date, period: Period) -> list[OutputFile]:
    """The review for the year of the period (its last year, for a range of days)."""
    year = period.end.year
    return [OutputFile(f"xet-khen-thuong-{year}.md", render(corpus, today, year))]
