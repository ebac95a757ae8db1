"""The one engine that decides whether a profile meets an award form's conditions.

Everything that judges an award -- the checks of recorded awards, the eligibility report, the
council work that will follow -- calls :func:`evaluate` (or an :class:`Engine` for many calls on
one corpus), so they cannot disagree. See the package docstring for the API.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from ...load.awards import AwardForm, ConditionSet, Requirement
from ...load.corpus import Corpus
from ...problems import Severity
from ...records import Achievement, Award, Model, Profile
from ...text import format_date
from .basis import LegalBasis, basis_on


class Status(str, Enum):
    """The outcome of one requirement."""

    MET = "dat"
    MISSING = "thieu"
    """The record shows the requirement is not met."""
    UNKNOWN = "chua_ro"
    """The record lacks the data needed to tell (a year, a rating, member counts)."""
    MANUAL = "tham_dinh"
    """Judged by the council; the data cannot tell (and no decision says it was the ground)."""


@dataclass(frozen=True)
class Invalid:
    """A ground award that does not itself meet its conditions."""

    award: Award
    form: str
    reason: str


@dataclass(frozen=True)
class Result:
    """One requirement evaluated: what it needed, what the record shows, and the outcome."""

    requirement: Requirement
    status: Status
    need: str
    """What the requirement asks for, with the concrete years ("Chiến sĩ thi đua cơ sở" 2022–2024)."""
    found: str
    """What the record shows: the evidence when met, what is missing or unknown otherwise."""
    hint: str = ""
    children: tuple[Result, ...] = ()
    span: tuple[int, int] | None = None
    """Years the result established (read by a sibling's "trong thời gian đó")."""
    grounds: tuple[Award, ...] = ()
    models: tuple[str, ...] = ()
    invalid: tuple[Invalid, ...] = ()
    rule: str = "dieu-kien-khen-thuong"

    @property
    def met(self) -> bool:
        return self.status in (Status.MET, Status.MANUAL)

    @property
    def chosen(self) -> Result | None:
        """For a group of alternatives: the alternative that is met (in the data's order)."""
        return next((c for c in self.children if c.status is Status.MET), None)

    def severity(self) -> Severity | None:
        """How a failure of this requirement is reported (``None``: not at all).

        A missing requirement blocks only when it is confirmed and marked ``loi``; a group of
        alternatives blocks only when every alternative fails in a blocking way (so one
        unconfirmed or council-judged alternative turns it into a warning); data the record lacks
        is a warning for confirmed requirements and nothing for unconfirmed ones.
        """
        req = self.requirement
        own = Severity.ERROR if req.muc_do == "loi" and req.xac_nhan else Severity.WARNING
        if self.status is Status.UNKNOWN:
            return Severity.WARNING if req.xac_nhan else None
        if self.status is not Status.MISSING:
            return None
        if req.kieu == "mot_trong":
            if all(c.severity() is Severity.ERROR for c in self.children):
                return own
            return Severity.WARNING
        if req.kieu == "tat_ca":
            failing = [c.severity() for c in self.children if c.status is Status.MISSING]
            return own if Severity.ERROR in failing else Severity.WARNING
        return own

    def walk(self) -> Iterable[Result]:
        yield self
        for c in self.children:
            yield from c.walk()

    def all_invalid(self) -> list[Invalid]:
        """Invalid grounds of the results that count (the chosen alternative of a group)."""
        if self.requirement.kieu == "mot_trong":
            chosen = self.chosen
            return chosen.all_invalid() if chosen else []
        out = list(self.invalid)
        for c in self.children:
            out += c.all_invalid()
        return out


@dataclass(frozen=True)
class Verdict:
    """A profile against a form, for one year, under the law of one day."""

    profile: Profile
    form: AwardForm
    year: int
    on: date
    """The decision date (or the reference date of a prospective nomination)."""
    basis: LegalBasis
    results: tuple[Result, ...]
    award: Award | None = None

    @property
    def eligible(self) -> bool:
        """Every checkable requirement met, and no ground relied on is itself invalid."""
        return (self.basis.condition_set is not None
                and all(r.met for r in self.results) and not self.invalid)

    @property
    def invalid(self) -> list[Invalid]:
        return [i for r in self.results for i in r.all_invalid()]

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if not r.met]

    @property
    def manual(self) -> list[Result]:
        """Requirements left to the council (top level, or the only way a group could be met)."""
        return [r for r in self.results if r.status is Status.MANUAL]

    @property
    def checkable(self) -> bool:
        """Whether the data can say anything: some requirement is not a council judgement."""
        cset = self.basis.condition_set
        return cset is not None and any(req.kieu != "tham_dinh" for r in cset.yeu_cau
                                        for req in r.walk())


@dataclass(frozen=True)
class Ask:
    """The question being evaluated, passed to every requirement kind."""

    profile: Profile
    form: AwardForm
    year: int
    on: date
    cset: ConditionSet
    award: Award | None = None


@dataclass
class Facts:
    """One profile's record indexed once (awards by form, ratings, member counts, initiatives)."""

    by_form: dict[str, list[Award]]
    ratings: dict[int, str]
    achievements: dict[int, Achievement]
    known_years: set[int]
    models: list[Model]

    @classmethod
    def of(cls, corpus: Corpus, p: Profile) -> Facts:
        by_form: dict[str, list[Award]] = defaultdict(list)
        for a in sorted(p.khen_thuong, key=lambda a: (a.nam, a.index)):
            by_form[a.hinh_thuc].append(a)
        achievements: dict[int, Achievement] = {}
        for t in p.thanh_tich:
            if t.nam not in achievements or (t.thanh_vien and not achievements[t.nam].thanh_vien):
                achievements[t.nam] = t
        return cls(dict(by_form), {t.nam: t.xep_loai for t in p.thanh_tich if t.xep_loai},
                   achievements,
                   {t.nam for t in p.thanh_tich} | {a.nam for a in p.khen_thuong},
                   sorted((m for m in corpus.models.values() if p.slug in m.tac_gia),
                          key=lambda m: (m.nam, m.slug)))


@dataclass
class Grounds:
    """Awards of one form that count for an ask, and those that do not (with the reason)."""

    counted: list[Award] = field(default_factory=list)
    rejected: list[tuple[Award, str]] = field(default_factory=list)

    def years(self) -> list[int]:
        return sorted({a.nam for a in self.counted})

    def of_year(self, year: int) -> list[Award]:
        return [a for a in self.counted if a.nam == year]


class Engine:
    """Evaluates profiles of one corpus; remembers facts and award verdicts between calls."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.ref = corpus.ref
        self._facts: dict[str, Facts] = {}
        self._awards: dict[tuple[str, int], Verdict | None] = {}
        self._busy: set[tuple[str, int]] = set()
        self._standards: set[tuple[str, str, int]] = set()
        """Standards being evaluated (a form whose data refers back to itself must not loop)."""

    # -- public ----------------------------------------------------------------------------
    def evaluate(self, profile: Profile, form_id: str, on: date, year: int,
                 award: Award | None = None) -> Verdict:
        """``profile`` against ``form_id`` for achievement ``year``, under the law of ``on``."""
        form = self.ref.awards[form_id]
        basis = basis_on(self.ref, form, profile.loai, on)
        cset = basis.condition_set
        if cset is None:
            return Verdict(profile, form, year, on, basis, (), award)
        ask = Ask(profile, form, year, on, cset, award)
        results = tuple(self.requirement(ask, req, None) for req in cset.yeu_cau)
        return Verdict(profile, form, year, on, basis, results, award)

    def verdict_of(self, profile: Profile, award: Award) -> Verdict | None:
        """The verdict of a recorded award (``None`` without a usable form or decision date)."""
        key = (profile.slug, award.index)
        if key in self._awards:
            return self._awards[key]
        if award.hinh_thuc not in self.ref.awards or award.ngay_quyet_dinh is None:
            self._awards[key] = None
            return None
        self._busy.add(key)
        try:
            verdict = self.evaluate(profile, award.hinh_thuc, award.ngay_quyet_dinh, award.nam,
                                    award)
        finally:
            self._busy.discard(key)
        self._awards[key] = verdict
        return verdict

    # -- used by the requirement kinds --------------------------------------------------------
    def facts(self, p: Profile) -> Facts:
        if p.slug not in self._facts:
            self._facts[p.slug] = Facts.of(self.corpus, p)
        return self._facts[p.slug]

    def grounds(self, ask: Ask, form_id: str) -> Grounds:
        """Awards of ``form_id`` that can be grounds for ``ask``: not the award itself, not a
        sudden-deed or themed award, decided on or before the day of the ask."""
        out = Grounds()
        for a in self.facts(ask.profile).by_form.get(form_id, []):
            if ask.award is not None and a.index == ask.award.index:
                continue
            if not a.counts_as_grounds:
                out.rejected.append((a, ("là khen thưởng đột xuất/chuyên đề, không được tính "
                                        "làm căn cứ")))
            elif a.ngay_quyet_dinh is not None and a.ngay_quyet_dinh > ask.on:
                out.rejected.append((a, (f"có quyết định ngày {format_date(a.ngay_quyet_dinh)}, "
                                        f"sau ngày {format_date(ask.on)}")))
            else:
                out.counted.append(a)
        return out

    def invalid(self, ask: Ask, awards: Iterable[Award]) -> tuple[Invalid, ...]:
        """The ``awards`` (grounds of ``ask``) whose own conditions fail in a blocking way.

        Grounds of grounds are judged too, down to :data:`MAX_DEPTH` awards (then taken as
        valid: each award is still checked on its own by the award rule)."""
        out = []
        for a in awards:
            key = (ask.profile.slug, a.index)
            if key in self._busy or len(self._busy) >= MAX_DEPTH:
                continue  # a cycle of same-day awards, or a very long chain
            verdict = self.verdict_of(ask.profile, a)
            if verdict is None:
                continue
            blocking = [r for r in verdict.results if r.severity() is Severity.ERROR]
            if blocking:
                r = blocking[0]
                out.append(Invalid(a, a.hinh_thuc, f"cần {r.need}; {r.found}"))
        return tuple(out)

    def used_models(self, ask: Ask, forms: Iterable[str]) -> dict[str, Award]:
        """Initiatives relied on by the profile's awards of ``forms`` (decided by ``ask.on``)."""
        out: dict[str, Award] = {}
        for form_id in forms:
            for a in self.grounds(ask, form_id).counted:
                verdict = self.verdict_of(ask.profile, a)
                for r in verdict.results if verdict else ():
                    for used in _relied_on(r):
                        out.setdefault(used, a)
        return out

    def standard(self, ask: Ask, form_id: str) -> Verdict | None:
        """Whether the profile meets ``form_id``'s own conditions for the ask's year and day
        (``None`` when the data makes that question refer back to itself)."""
        key = (ask.profile.slug, form_id, ask.year)
        if key in self._standards:
            return None
        self._standards.add(key)
        try:
            return self.evaluate(ask.profile, form_id, ask.on, ask.year)
        finally:
            self._standards.discard(key)

    def requirement(self, ask: Ask, req: Requirement,
                    span: tuple[int, int] | None) -> Result:
        from .kinds import evaluate_kind
        if req.broken:
            return Result(req, Status.UNKNOWN, _broken_need(req),
                          "điều kiện này trong data/danh-muc-khen-thuong.yml có lỗi nên chưa "
                          "được kiểm tra", rule="du-lieu-tham-chieu")
        return evaluate_kind(self, ask, req, span)


MAX_DEPTH = 40
"""How deep a chain of grounds is followed when judging whether grounds are valid."""


def _relied_on(r: Result) -> list[str]:
    if r.requirement.kieu == "mot_trong":
        chosen = r.chosen
        return _relied_on(chosen) if chosen else []
    return list(r.models) + [m for c in r.children for m in _relied_on(c)]


def _broken_need(req: Requirement) -> str:
    return f"điều kiện \"{req.id}\" (dòng {req.line} của data/danh-muc-khen-thuong.yml)"


_LAST: dict[str, tuple[Corpus, Engine]] = {}


def engine_for(corpus: Corpus) -> Engine:
    """The engine of ``corpus``, reused while the same corpus object is asked again."""
    hit = _LAST.get("engine")
    if hit is not None and hit[0] is corpus:
        return hit[1]
    engine = Engine(corpus)
    _LAST["engine"] = (corpus, engine)
    return engine


def evaluate(corpus: Corpus, profile: Profile, form_id: str, on: date, year: int,
             award: Award | None = None) -> Verdict:
    """``profile`` against award form ``form_id`` for achievement ``year``, under the law of
    ``on`` (a decision date, or the reference date of a nomination). See the package docstring."""
    return engine_for(corpus).evaluate(profile, form_id, on, year, award)
