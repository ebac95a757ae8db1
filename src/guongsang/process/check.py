"""The process half of ``guongsang check``: internal records loaded and every process rule run."""
from __future__ import annotations

from pathlib import Path

from ..load.corpus import Corpus
from ..problems import Problem, sort_problems
from ..project import Project
from .load import Process, load_process


def check_process(project: Project, corpus: Corpus,
                  option: Path | str | None = None) -> tuple[Process, list[Problem]]:
    from ..rules.process import run_process_rules  # the rules import this package's modules
    process, problems = load_process(project, corpus, option)
    problems.extend(run_process_rules(process))
    return process, sort_problems(set(problems))
