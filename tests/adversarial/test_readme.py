"""The corpus README is the index of every adversarial class: each place it names must exist,
and every case file and test module of this folder must be named in it."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from ..conftest import ROOT

HERE = Path(__file__).parent
README = (HERE / "README.md").read_text(encoding="utf-8")
REFERENCES = re.findall(r"`(tests/[^`\s]+?)`", README)


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def test_every_place_named_in_the_readme_exists() -> None:
    assert len(REFERENCES) > 40
    missing = []
    for ref in REFERENCES:
        path, _, test = ref.partition("::")
        if not (ROOT / path).is_file() or (test and test not in _functions(ROOT / path)):
            missing.append(ref)
    assert missing == []


def test_every_case_and_test_module_here_is_in_the_readme() -> None:
    named = {ref.partition("::")[0] for ref in REFERENCES}
    here = [p for p in sorted(HERE.glob("cases/*.yml")) + sorted(HERE.glob("test_*.py"))
            if p.name != "test_readme.py" and p.name != "test_corpus.py"]
    assert [p.relative_to(ROOT).as_posix() for p in here
            if p.relative_to(ROOT).as_posix() not in named] == []
