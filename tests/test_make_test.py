"""`make test` runs everything the machine can (#16): Node tools installed by the Makefile when
package-lock.json changes, and browser tests skipped only without a browser, said so in the
final summary line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")

FAKE_NPM = """#!/bin/sh
# Records its arguments and installs like `npm ci` would: npm's own lock record.
echo "$@" >> "$NPM_LOG"
mkdir -p node_modules && cp package-lock.json node_modules/.package-lock.json
"""


def _project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy2(ROOT / "package-lock.json", tmp_path / "package-lock.json")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    npm = bin_dir / "npm"
    npm.write_text(FAKE_NPM)
    npm.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin", "NPM_LOG": str(tmp_path / "npm.log")}
    return tmp_path, env


def _node_deps(root: Path, env: dict[str, str]) -> str:
    make = shutil.which("make")
    assert make is not None
    done = subprocess.run([make, "-s", "node-deps"], cwd=root, env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


def _calls(root: Path) -> list[str]:
    log = root / "npm.log"
    return log.read_text().splitlines() if log.exists() else []


def test_node_tools_are_installed_when_the_lock_file_changes(tmp_path: Path) -> None:
    root, env = _project(tmp_path)
    _node_deps(root, env)  # a fresh clone: nothing installed yet
    assert _calls(root) == ["ci --no-audit --no-fund"]
    _node_deps(root, env)  # up to date: nothing to do
    assert _calls(root) == ["ci --no-audit --no-fund"]
    later = time.time() + 5
    os.utime(root / "package-lock.json", (later, later))  # a new lock file, e.g. after a pull
    _node_deps(root, env)
    assert _calls(root) == ["ci --no-audit --no-fund"] * 2


def test_a_shared_node_modules_symlink_is_left_alone(tmp_path: Path) -> None:
    root, env = _project(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (root / "node_modules").symlink_to(tmp_path / "elsewhere")
    _node_deps(root, env)
    assert _calls(root) == [] and not any((tmp_path / "elsewhere").iterdir())


def test_without_npm_make_says_so_and_goes_on(tmp_path: Path) -> None:
    root, env = _project(tmp_path)
    (root / "bin" / "npm").unlink()
    env["PATH"] = str(root / "bin")
    out = _node_deps(root, env)
    assert out == ("Không có npm: các kiểm thử cần Node.js sẽ được bỏ qua (cài nodejs và npm để "
                   "chạy đủ).\n")


def test_make_test_installs_node_tools_first() -> None:
    dry = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert dry.index("npm ci") < dry.index("-m pytest")


def test_skipped_browser_tests_are_named_in_the_final_summary_line() -> None:
    env = {**os.environ, "GUONGSANG_CHROMIUM": "/nonexistent/chromium"}
    env.pop("GUONGSANG_REQUIRE_BROWSER", None)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "tests/browser/test_search.py"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    last = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 0, done.stdout[-2000:]
    assert " skipped, browser tests not run, missing: /nonexistent/chromium (Debian: sudo " \
           "apt-get install chromium) in " in last, last
    # Only one count before "skipped", so tools reading pytest's closing line still see it.
    assert last.count("skipped") == 1
