"""Shared fixtures: a throwaway repository built from the real reference data."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)


def browser_skip_note(skipped: list) -> str | None:
    """What the final summary line adds when browser tests were skipped: the reason, once.

    Written without a count next to "skipped" so tools that read pytest's closing line still
    find the one real count there.
    """
    reasons = sorted({str(r.longrepr[2]) for r in skipped
                      if "browser" in getattr(r, "keywords", {}) and isinstance(r.longrepr, tuple)})
    if not reasons:
        return None
    missing = [r.removeprefix("Skipped: ").split(". Skipped")[0].removeprefix("Browser tests need ")
               for r in reasons]
    return "browser tests not run, missing: " + "; ".join(missing)


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """Say in the final summary line when browser tests were skipped, and why (issue #16)."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    build = reporter.build_summary_stats_line

    def with_browser_note():  # pytest's own return type: (parts, colour)
        parts, colour = build()
        note = browser_skip_note(reporter.stats.get("skipped", []))
        if note:
            parts.append((note, {"yellow": True, "bold": True}))
        return parts, colour

    reporter.build_summary_stats_line = with_browser_note


def make_repo(base: Path, files: dict[str, str | bytes]) -> Path:
    """A minimal site: the real data/ plus ``files`` (path -> text or bytes)."""
    shutil.copytree(ROOT / "data", base / "data")
    (base / "profiles").mkdir(exist_ok=True)
    (base / "content" / "mo-hinh").mkdir(parents=True, exist_ok=True)
    (base / "content" / "phong-trao").mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return base


@pytest.fixture
def repo(tmp_path: Path):
    def factory(files: dict[str, str | bytes]) -> Path:
        return make_repo(tmp_path / "repo", files)
    return factory


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sample site built as `make build` builds it (materialised, then MkDocs with
    ``--strict``: any warning fails it), once per session."""
    from .sitebuild import staged_build

    stage = tmp_path_factory.mktemp("stage")
    return staged_build(ROOT, stage / "site", stage / "build")
