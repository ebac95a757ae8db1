"""Data-driven checks: each YAML file under tests/cases/ is one bad (or good) input.

A case holds the files of a tiny repository and the *whole* list of expected problems, so a
missed problem and an extra one both fail. ``today: 2027-03-10`` pins another day than TODAY. Lines are ``file:line: mức [rule] trường `x`: message``.
"""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from PIL import Image

from guongsang.check import check
from guongsang.problems import Severity
from guongsang.project import Project

from .conftest import TODAY, make_repo

CASES = sorted((Path(__file__).parent / "cases").rglob("*.yml"))


def sample_image(kind: str) -> bytes:
    """Bytes of a small real image: ``jpeg`` or ``png`` (cases name them, not embed them)."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 40, 40)).save(buf, kind.upper())
    return buf.getvalue()


def render(problems, include_info: bool, with_hints: bool) -> list[str]:
    out = []
    for p in problems:
        if p.severity is Severity.INFO and not include_info:
            continue
        text = p.format_text()
        out.append(text if with_hints else text.split("\n    Gợi ý:")[0])
    return out


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    files = dict(spec["files"])
    for rel, kind in (spec.get("binary") or {}).items():
        files[rel] = sample_image(kind)
    root = make_repo(tmp_path / "repo", files)
    # A case may pin its own day (e.g. after a decree lapses); dates in the past stay past.
    today = date.fromisoformat(spec["today"]) if spec.get("today") else TODAY
    _, problems = check(Project(root=root), today)
    got = render(problems, spec.get("include_info", False), spec.get("with_hints", False))
    assert got == spec["expect"]
