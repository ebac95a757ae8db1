"""The code stays as ruff wants it (pyproject.toml's rules), so a lapse fails `make test` instead
of waiting for someone to run the linter by hand."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def test_ruff_finds_nothing() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.is_file():
        ruff_found = shutil.which("ruff")
        if ruff_found is None:
            pytest.skip("ruff không có trong môi trường (requirements-dev.txt)")
        ruff = Path(ruff_found)
    done = subprocess.run([str(ruff), "check", "--no-cache", "src", "tests", "scripts", "hooks"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
