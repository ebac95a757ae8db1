"""The data-driven part of the adversarial corpus: one YAML file per hostile input class.

Same format as tests/cases (``files``, ``binary``, the *whole* expected list of problems, with
or without hints), plus:

* ``binary`` may name hostile payloads built by :mod:`.payloads` (``png-30000x30000``,
  ``jpeg-truncated``, ``svg-script``…);
* every case must finish its check within ``max_seconds`` (default 10): never a hang;
* every case whose expectation holds an error also stops a real ``mkdocs build`` with those
  messages, and no other error (the check finds everything the build would), and leaves no
  page behind; a case without errors builds (strictly, as ``make build`` does, when it has no
  warnings either), and the site it builds is scanned for anything unsafe.
"""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import pytest
import yaml

from guongsang.check import check
from guongsang.project import Project
from guongsang.site.checks import Site, unsafe_markup

from ..conftest import TODAY, make_repo
from ..sitebuild import mkdocs_build, site_repo
from ..test_cases import render
from .payloads import BINARY_KINDS

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))
IDS = [c.stem for c in CASES]
# Words of PyYAML's, MkDocs' and Python's own messages: none may reach an editor.
ENGLISH = re.compile(r"\b(Traceback|Error|Exception|expected|found character|could not|while "
                     r"(?:scanning|parsing)|mapping values|not allowed|invalid|No such file|"
                     r"does not exist|not found|unexpected|Config value|Aborted with \d+)\b")
# What MkDocs itself still prints around our messages, besides its progress lines (INFO): the
# last line of a build the hook stopped. Raising mkdocs.exceptions.Abort instead of
# PluginError in the hook would drop it; the build adapter (being rewritten) owns that.
MKDOCS_OWN = ("Aborted with a BuildError!",)


def _spec(case: Path) -> dict:
    return yaml.safe_load(case.read_text(encoding="utf-8"))


def _files(spec: dict) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = dict(spec["files"])
    for rel, kind in (spec.get("binary") or {}).items():
        files[rel] = BINARY_KINDS[kind]()
    return files


def _has_errors(spec: dict) -> bool:
    return any(": lỗi [" in line for line in spec["expect"])


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_reports_exactly_and_quickly(case: Path, tmp_path: Path) -> None:
    spec = _spec(case)
    root = make_repo(tmp_path / "repo", _files(spec))
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    elapsed = time.perf_counter() - started
    got = render(problems, spec.get("include_info", False), spec.get("with_hints", False))
    assert got == spec["expect"]
    assert elapsed < spec.get("max_seconds", 10), f"check took {elapsed:.1f}s"
    for text in got:
        assert "Traceback" not in text and "Error:" not in text


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_real_build_fails_cleanly_or_publishes_nothing_unsafe(
        case: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import MkDocsException

    spec = _spec(case)
    root = site_repo(tmp_path / "repo", _files(spec))
    if _has_errors(spec):
        with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(MkDocsException):
            mkdocs_build(root)
        text = "\n".join(r.getMessage() for r in caplog.records)
        assert "Gương sáng: hồ sơ có lỗi, trang chưa được xây dựng." in text
        expected = [line.split("\n")[0] for line in spec["expect"]]
        for line in expected:
            if ": lỗi [" in line:
                assert line in text
        # …and the build finds nothing the check did not: the editors' task, the pull-request
        # check and the build agree.
        found = [line.strip() for line in text.split("\n") if ": lỗi [" in line]
        assert [line for line in found if line not in expected] == []
        assert [line for line in text.split("\n") if ENGLISH.search(line)] == []
        assert not (root / "site" / "ho-so").exists()
        assert not (root / "site" / "index.html").exists()
    else:
        # Warnings stop a strict build (`make build`); a case without them must pass one.
        strict = not any(": cảnh báo [" in line for line in spec["expect"])
        site_dir = mkdocs_build(root, strict=strict)
        assert [str(f) for f in unsafe_markup(Site(site_dir))] == []
