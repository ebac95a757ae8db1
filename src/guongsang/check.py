"""The whole check: load everything, run every rule, return all problems at once."""
from __future__ import annotations

from datetime import date

from .load.corpus import Corpus, load
from .problems import Problem, sort_problems
from .project import Project
from .rules import run_rules


def check(project: Project, today: date) -> tuple[Corpus, list[Problem]]:
    corpus, problems = load(project, today)
    problems.extend(run_rules(corpus))
    return corpus, sort_problems(set(problems))
