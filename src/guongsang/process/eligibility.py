"""The one place the process asks the legal condition engine whether a nomination is eligible.

The judgement is the engine's (:func:`guongsang.rules.legal.evaluate`, the same the checks of
recorded awards and the eligibility report use); nothing here decides a condition. This module
adds what a nomination brings to the question, and the rows every output shows:

* the day that chooses the law (:func:`review_day`): the decision, else the forwarding to the
  level that decides, else the council meeting, else the nomination date;
* companion nominations of the same round (:func:`companions`: "Lao động tiên tiến" and
  "Chiến sĩ thi đua cơ sở" of one year reviewed together): a requirement that only a companion's
  award would meet is *waiting* for it, not failed. The engine answers that too, on the profile
  with the companions' awards assumed;
* :class:`Assessment`: the verdict with its outcome (eligible, not eligible, to be judged) and
  :meth:`Assessment.rows`, one row per requirement of the condition set in the data's order,
  the alternatives of a group (``mot_trong``) indented under it with the one met marked,
  and the grounds that are themselves invalid. The council pack, the pull-request comment and
  ``guongsang tham-dinh`` all print these rows.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from ..load.corpus import Corpus
from ..problems import Severity
from ..records import Award
from ..rules.legal import Engine, Result, Status, Verdict, engine_for
from ..rules.legal.checks import cite
from .load import Process
from .records import Nomination
from .state import last_review

WAITING = "cho"
"""Row status of a requirement only a companion nomination's award would meet."""

STATUS_WORDS = {
    Status.MET.value: "Đạt",
    Status.MISSING.value: "Chưa đạt",
    Status.UNKNOWN.value: "Chưa rõ (hồ sơ thiếu dữ liệu)",
    Status.MANUAL.value: "Hội đồng thẩm định",
    WAITING: "Chờ đề nghị cùng đợt",
}
OUTCOME_WORDS = {True: "Đủ điều kiện", False: "Chưa đủ điều kiện", None: "Cần thẩm định thêm"}


@dataclass(frozen=True)
class Row:
    """One requirement as every output shows it."""

    depth: int
    """0: a requirement of the set; 1: an alternative (or part) of the group above it."""
    need: str
    """What it asks, with the years (the engine's words)."""
    status: str
    """A :class:`~guongsang.rules.legal.Status` value, or :data:`WAITING`."""
    found: str
    """What the records show (the engine's words), or what is awaited."""
    article: str
    """ "Điều 23 khoản 2"; the text's name is added when it is not the law of the basis
    ("Điều 9 khoản 3 (Nghị định 91/2017/NĐ-CP)"); empty for an alternative citing its group's
    article."""
    unconfirmed: bool
    """The requirement is ``xac_nhan: false`` in the data (it never blocks) while the group it
    belongs to, if any, is confirmed: worth saying on this row."""
    chosen: bool = False
    """The alternative that is met (the first in the data's order)."""

    @property
    def word(self) -> str:
        """ "Đạt", "Chưa đạt"…, and for the alternative met, which one is used."""
        return STATUS_WORDS[self.status] + (" (tiêu chuẩn được xét)" if self.chosen else "")

    @property
    def label(self) -> str:
        """ "Xếp loại … năm 2026 (Điều 24 khoản 1 điểm a (Luật …)) (chưa xác nhận)" """
        text = self.need[:1].upper() + self.need[1:]
        if self.article:
            text += f" ({self.article})"
        return text + (" (chưa xác nhận)" if self.unconfirmed else "")


@dataclass(frozen=True)
class Assessment:
    """A nomination against its form, as the engine judges it."""

    nomination: Nomination
    verdict: Verdict
    waiting: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """Top-level requirement (its position) -> companion nominations that would meet it."""

    @property
    def failures(self) -> list[tuple[Result, Severity]]:
        """Requirements not met, each with how its failure is reported (waiting ones excluded)."""
        out = []
        for i, r in enumerate(self.verdict.results):
            sev = r.severity()
            if r.status is Status.MISSING and i not in self.waiting and sev is not None:
                out.append((r, sev))
        return out

    @property
    def eligible(self) -> bool | None:
        """True: the engine finds every requirement met and every ground valid. False: a
        confirmed, blocking requirement is not met, or a ground relied on is itself invalid.
        None: the data cannot tell yet (no condition set for the day, a year not recorded, an
        unconfirmed requirement, a companion nomination still open)."""
        if self.verdict.eligible:
            return True
        if self.verdict.invalid or any(s is Severity.ERROR for _, s in self.failures):
            return False
        return None

    @property
    def word(self) -> str:
        return OUTCOME_WORDS[self.eligible]

    @property
    def unknown(self) -> list[Result]:
        """Requirements the records cannot decide (reported as warnings, with the need)."""
        return [r for i, r in enumerate(self.verdict.results)
                if r.status is Status.UNKNOWN or (r.status is Status.MISSING and i not in
                                                  self.waiting and r.severity() is None)]

    def rows(self, corpus: Corpus) -> list[Row]:
        """The requirements as rows; an article of the law named by :meth:`basis` (printed
        above the rows) is cited without repeating the law's name."""
        law = self.verdict.basis.law
        out: list[Row] = []
        for i, r in enumerate(self.verdict.results):
            out += _rows(corpus, r, 0, self.waiting.get(i), law.id if law else "")
        return out

    def invalid_grounds(self, corpus: Corpus) -> list[str]:
        """Grounds relied on whose own conditions fail, in words."""
        out = []
        for bad in self.verdict.invalid:
            form = corpus.ref.awards.get(bad.form)
            out.append(f"\"{form.ten if form else bad.form}\" năm {bad.award.nam} "
                       f"({bad.award.so_quyet_dinh}) chưa đủ điều kiện: {bad.reason}")
        return out

    def basis(self) -> str:
        """ "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP (ngày xét 17/11/2026)" """
        return f"{self.verdict.basis.label} (ngày xét {self.verdict.on:%d/%m/%Y})"


_GROUP_FOUND = {
    ("mot_trong", Status.MISSING): "chưa đạt tiêu chuẩn nào (từng tiêu chuẩn ở các dòng dưới)",
    ("tat_ca", Status.MISSING): "còn thiếu (từng yêu cầu ở các dòng dưới)",
    ("mot_trong", Status.UNKNOWN): "chưa kiểm tra được (các dòng dưới)",
    ("tat_ca", Status.UNKNOWN): "chưa kiểm tra được (các dòng dưới)",
}
"""What a failed group's row says: its alternatives follow on their own rows, with the
engine's words, so the engine's summary of them all is not repeated."""


def _cite(corpus: Corpus, r: Result, law: str) -> str:
    return r.requirement.dieu if r.requirement.van_ban == law else cite(corpus, r)


def _rows(corpus: Corpus, r: Result, depth: int, waiting: tuple[str, ...] | None,
          law: str, parent: Result | None = None) -> Iterator[Row]:
    req = r.requirement
    status = r.status.value
    found = _GROUP_FOUND.get((req.kieu, r.status), r.found) if r.children else r.found
    if waiting:
        status = WAITING
        found = f"{r.found}; chờ kết quả đề nghị cùng đợt: {', '.join(waiting)}"
    article = _cite(corpus, r, law)
    if parent is not None and article == _cite(corpus, parent, law):
        article = ""  # an alternative citing its group's article says it once, on the group
    unconfirmed = not req.xac_nhan and (parent is None or parent.requirement.xac_nhan)
    chosen = parent is not None and parent.requirement.kieu == "mot_trong" and parent.chosen is r
    yield Row(depth, r.need, status, found, article, unconfirmed, chosen)
    for child in r.children:
        yield from _rows(corpus, child, depth + 1, None, law, r)


def review_day(process: Process, n: Nomination) -> date:
    """The day whose law applies and up to which awards and initiatives count as grounds: the
    decision, else the forwarding to the level that decides, else the meeting, else the
    nomination (a title decided after the meeting counts for a proposal forwarded later)."""
    review = last_review(process, n)
    for day in (n.quyet_dinh.ngay_quyet_dinh if n.quyet_dinh else None,
                n.trinh_cap_tren.ngay if n.trinh_cap_tren else None,
                review.meeting.ngay if review else None, n.ngay_de_nghi):
        if day:
            return day
    return process.today


def companions(process: Process, n: Nomination) -> list[Nomination]:
    """Other live nominations of the same profile (reviewed together: LĐTT and CSTĐCS of one
    year go to the same meeting), whose awards are not in the profile yet."""
    profile = process.corpus.profiles.get(n.ho_so)
    held = {(a.hinh_thuc, a.nam) for a in profile.khen_thuong} if profile else set()
    return [m for m in sorted(process.nominations.values(), key=lambda m: m.slug)
            if m is not n and m.ho_so == n.ho_so and m.hinh_thuc != n.hinh_thuc
            and m.khong_dat is None and (m.hinh_thuc, m.nam) not in held
            and m.hinh_thuc in process.corpus.ref.awards and m.nam]


def assess(process: Process, n: Nomination) -> Assessment | None:
    """The engine's verdict on ``n`` (None without a known profile, form and year).

    A decided nomination is judged as the award it became (the engine's ``award=``, so the
    award written into the profile is not its own ground)."""
    corpus = process.corpus
    profile = corpus.profiles.get(n.ho_so)
    if profile is None or n.hinh_thuc not in corpus.ref.awards or not n.nam:
        return None
    if profile.loai not in corpus.ref.awards[n.hinh_thuc].doi_tuong:
        return None  # reported by the nomination's own check, like a recorded award's
    day = review_day(process, n)
    award = _own_award(n, profile.khen_thuong)
    if award is None and n.phong_trao:
        # The campaign the nomination names is what the decision would cite: the engine reads
        # it from an award, so it is asked about the award the nomination would become.
        award = Award(n.hinh_thuc, n.nam, "", day, phong_trao=n.phong_trao,
                      index=len(profile.khen_thuong))
    verdict = engine_for(corpus).evaluate(profile, n.hinh_thuc, day, n.nam, award)
    pending = companions(process, n)
    if verdict.eligible or not pending:
        return Assessment(n, verdict)
    start = len(profile.khen_thuong) + 1
    extra = [Award(m.hinh_thuc, m.nam, f"(đề nghị {m.slug})", day, index=start + i)
             for i, m in enumerate(pending)]
    # A fresh engine: the shared one remembers the profile's real record by its slug.
    assumed = Engine(corpus).evaluate(replace(profile, khen_thuong=[*profile.khen_thuong, *extra]),
                                      n.hinh_thuc, day, n.nam, award)
    names = tuple(m.slug for m in pending)
    waiting = {i: names for i, (r, a) in enumerate(zip(verdict.results, assumed.results))
               if not r.met and a.met}
    return Assessment(n, verdict, waiting)


def _own_award(n: Nomination, awards: list[Award]) -> Award | None:
    d = n.quyet_dinh
    if d is None or n.khong_dat is not None:
        return None
    return next((a for a in awards if a.hinh_thuc == n.hinh_thuc and a.nam == n.nam
                 and a.so_quyet_dinh == d.so_quyet_dinh), None)
