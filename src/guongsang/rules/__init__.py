"""Checks that need more than one field: registered functions run over the whole corpus.

Each rule is a small function decorated with :func:`rule`; its docstring holds PASS and FAIL
examples (the editor guide quotes them). The runner runs every rule; a rule that crashes
becomes a reported problem instead of stopping the others.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..load.corpus import Corpus
from ..load.yamlsrc import Path_, format_path
from ..problems import Problem, Severity
from ..records import Record
from ..site.incremental import reusing

RuleFn = Callable[[Corpus], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    """Family id; each problem carries its own precise rule id."""
    fn: RuleFn

    @property
    def doc(self) -> str:
        return self.fn.__doc__ or ""


RULES: list[Rule] = []


def rule(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        RULES.append(Rule(rule_id, fn))
        return fn
    return register


def at(record: Record, path: Path_, rule_id: str, message: str, hint: str = "",
       severity: Severity = Severity.ERROR) -> Problem:
    """A problem located at ``path`` of ``record`` (the real line in its file)."""
    return Problem(record.file, record.source.line_of(path), format_path(path), rule_id,
                   message, hint, severity)


RecordCheck = Callable[[Record], Iterable[Problem]]


def per_record(fn: RecordCheck) -> Callable[[Record], list[Problem]]:
    """Remember a one-record check's problems while the record object stays the same.

    Under the live preview the loader hands back the same object for a file whose text,
    reference data and date did not change, so a rebuild checks only the edited records. Only for
    checks that read nothing but the record itself.
    """
    memo: dict[tuple[str, str], tuple[Record, list[Problem]]] = {}

    def checked(record: Record) -> list[Problem]:
        if not reusing():
            return list(fn(record))
        key = (type(record).__name__, record.file)
        hit = memo.get(key)
        if hit is not None and hit[0] is record:
            return hit[1]
        found = list(fn(record))
        memo[key] = (record, found)
        return found
    checked.__doc__ = fn.__doc__
    return checked


def run_rules(corpus: Corpus, rules: Iterable[Rule] | None = None) -> list[Problem]:
    out: list[Problem] = []
    for r in RULES if rules is None else rules:
        try:
            out.extend(r.fn(corpus))
        except Exception as err:  # noqa: BLE001 - a broken rule must not hide the others
            where = traceback.extract_tb(err.__traceback__)[-1]
            out.append(Problem("(hệ thống)", 0, "", r.id,
                               f"Bộ kiểm tra `{r.id}` gặp lỗi nội bộ: {type(err).__name__}: {err} "
                               f"({where.filename}:{where.lineno}).",
                               "Đây không phải lỗi của hồ sơ; hãy báo cho nhóm kỹ thuật."))
    return out


# Importing the modules registers their rules, in this order.
from . import (  # noqa: F401
    addresses,
    body_links,
    consent,
    criteria,
    duplicates,
    legal,
    photo_budget,
    photos,
    references,
    safety,
    stories,
)
