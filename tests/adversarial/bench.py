"""How long the check and a real build take on every hostile input (figures, not a test).

    .venv/bin/python -m tests.adversarial.bench            # every case and payload
    .venv/bin/python -m tests.adversarial.bench bom anh    # those whose name has a word given

Each input is one tiny repository: the cases of cases/*.yml and the payloads below (the large
ones the corpus keeps out of YAML). The check runs in-process, the build is ``mkdocs build
--strict`` in a child process, as ``make build`` runs it; both include starting up. Target: a
few seconds each, whatever the input (the build of a good sample site is the yardstick).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guongsang.check import check
from guongsang.project import Project

from ..conftest import TODAY
from ..sitebuild import site_repo
from . import payloads as P
from .test_corpus import CASES, _files, _spec

PAGE = "---\ntitle: Trang\n---\n"
AUTHOR = "rieng_tu:\n  dien_thoai: 0912 345 678\n  email: an.nt@example.vn\n"
PAYLOADS: dict[str, dict[str, str | bytes]] = {
    "good sample (4 pages, 1 profile)": {"profiles/nguyen-van-an/index.md": P.profile()},
    "bom [ 40 KB in a page": {"content/bom.md": PAGE + "[" * 40_000},
    "bom <a 30 000 lines in a page": {"content/bom.md": PAGE + "<a\n" * 30_000},
    "bom [a]( x 5 000 in a profile": {"profiles/bom/index.md": P.profile(body="[a](" * 5000)},
    "body 5.6 MB": {"profiles/dai/index.md": P.profile(body="Chữ. " * 1_128_600)},
    "body 190 KB, 1 200 links": {"profiles/dai/index.md": P.profile(
        body="\n\n".join(f"Đoạn {i} [liên kết](https://baolamdong.vn/{i}) " + "chữ " * 25
                         for i in range(1200)))},
    "privacy: 200 KB line of dotted names": {
        "profiles/nguyen-van-an/index.md": P.profile(extra=AUTHOR),
        "content/trang.md": PAGE + "a." * 50_000 + "@" + "b." * 49_000 + "vn"},
    "privacy: 200 KB of digit groups": {
        "profiles/nguyen-van-an/index.md": P.profile(extra=AUTHOR),
        "content/trang.md": PAGE + "1 " * 99_000},
    "YAML billion laughs": {"profiles/bom-yaml/index.md": P.profile("Bom YAML",
                                                                    P.billion_laughs(9))},
    "legacy TCVN3 page": {"content/cu.md": P.legacy_page("tcvn3")},
    "PNG 30000x30000": {"profiles/nguyen-van-an/index.md": P.profile(
        extra="anh:\n  - tep: bom.png\n    mo_ta: Bom giải nén\n"),
        "profiles/nguyen-van-an/bom.png": P.png_of_size(30000, 30000)},
}


def timed_check(root: Path) -> tuple[float, int]:
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    return time.perf_counter() - started, sum(p.is_error for p in problems)


def timed_build(root: Path) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
                          cwd=root, capture_output=True, text=True, check=False,
                          env={**os.environ, "GUONGSANG_TODAY": TODAY.isoformat(),
                               "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started, done.returncode


def inputs() -> dict[str, dict[str, str | bytes]]:
    out = {f"case {case.stem}": _files(_spec(case)) for case in CASES}
    out.update(PAYLOADS)
    return out


def main(words: list[str]) -> None:
    os.environ["GUONGSANG_TODAY"] = TODAY.isoformat()
    chosen = {name: files for name, files in inputs().items()
              if not words or any(w in name for w in words)}
    print(f"{'input':42} {'check s':>8} {'errors':>6} {'build s':>8} {'exit':>4}")
    with tempfile.TemporaryDirectory(prefix="guongsang-bench-") as tmp:
        for i, (name, files) in enumerate(chosen.items()):
            root = site_repo(Path(tmp) / str(i), files)
            check_s, errors = timed_check(root)
            build_s, code = timed_build(root)
            print(f"{name[:42]:42} {check_s:8.2f} {errors:6d} {build_s:8.2f} {code:4d}",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
