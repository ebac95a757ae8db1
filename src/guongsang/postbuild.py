"""Steps run on the finished site directory (after every page is written).

A step is ``(site_dir, output, project) -> iterable of Problem`` registered with
:func:`post_build`. Keeping them here (not in the MkDocs hook) keeps them engine-free.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .output import SiteOutput
from .problems import Problem
from .project import Project

Step = Callable[[Path, SiteOutput, Project], Iterable[Problem]]
STEPS: list[Step] = []


def post_build(fn: Step) -> Step:
    STEPS.append(fn)
    return fn


def run_post_build(site_dir: Path, output: SiteOutput, project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for step in STEPS:
        problems.extend(step(site_dir, output, project))
    return problems
