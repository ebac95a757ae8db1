"""Award conditions as dated, sourced data, and the one engine that applies them.

The law lives in ``data/``: legal texts with their days in force and their sources
(``van-ban-phap-ly.yml``), and per award form one *condition set* per law
(``danh-muc-khen-thuong.yml``), each a list of requirements with the article they come from,
their source, ``xac_nhan`` and the level of a failure (see :mod:`guongsang.load.awards`).

API (for the checks, the eligibility report, the criteria page and the council work to come)::

    from guongsang.rules.legal import evaluate, Status

    verdict = evaluate(corpus, profile, "chien-si-thi-dua-cap-tinh", on=date(2027, 1, 15),
                       year=2026)
    verdict.basis.label          # "Luật Thi đua, khen thưởng 2022; …" -- law + decrees of `on`
    verdict.basis.gaps           # ["Ngày 15/01/2027 … không có nghị định …"] -- what data lacks
    verdict.basis.condition_set  # the set chosen by the date (None: no law on record that day)
    verdict.eligible             # every checkable requirement met, no invalid ground
    for r in verdict.results:    # one Result per requirement of the set, in the data's order
        r.status                 # Status.MET | MISSING | UNKNOWN (data lacking) | MANUAL (council)
        r.need, r.found          # Vietnamese: what it asks (with years) / what the record shows
        r.requirement.dieu       # the article; r.requirement.nguon, .xac_nhan, .muc_do
        r.severity()             # how a failure is reported: ERROR, WARNING or None
        r.children, r.chosen     # for alternatives (mot_trong): each one, and the one met
    verdict.invalid              # grounds relied on whose own conditions fail (Invalid)
    verdict.manual               # requirements left to the council

* ``on`` is the decision date of an award (or the reference date of a nomination): it chooses
  the law, hence the condition set, and decides which grounds count -- awards and initiatives
  decided after ``on`` never do. ``year`` is the year of the achievement.
* Pass ``award=`` (a recorded :class:`~guongsang.records.Award`) to judge that award: it is
  excluded from its own grounds and its ``theo_tieu_chuan`` / ``phong_trao`` are read.
* :class:`~.engine.Engine` does the same for many calls on one corpus and remembers verdicts
  of recorded awards (:meth:`~.engine.Engine.verdict_of`), so a chain of grounds is judged once.

Rules registered here: :mod:`.checks` (conditions, legal basis, consistency of recorded awards).
"""
from __future__ import annotations

from . import checks  # noqa: F401  (registers the rules)
from .basis import LegalBasis, basis_on, lapsing
from .engine import Ask, Engine, Invalid, Result, Status, Verdict, engine_for, evaluate
from .kinds import IMPLS, describe

__all__ = ["IMPLS", "Ask", "Engine", "Invalid", "LegalBasis", "Result", "Status", "Verdict",
           "basis_on", "describe", "engine_for", "evaluate", "lapsing"]
