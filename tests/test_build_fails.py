"""Every bad-input class stops a real MkDocs build with the editor's message.

Reuses the data-driven cases: each case whose expected problems include an error must make
``mkdocs build`` fail, and the failure text must contain every expected error line.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml

from .sitebuild import mkdocs_build, site_repo
from .test_cases import CASES, sample_image

ERROR_CASES = [c for c in CASES
               if any(": lỗi [" in line for line in yaml.safe_load(c.read_text("utf-8"))["expect"])]


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.mark.parametrize("case", ERROR_CASES, ids=[f"{c.parent.name}/{c.stem}" for c in ERROR_CASES])
def test_build_fails_with_message(case: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import MkDocsException

    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    if spec.get("today"):
        monkeypatch.setenv("GUONGSANG_TODAY", spec["today"])
    files = dict(spec["files"])
    for rel, kind in (spec.get("binary") or {}).items():
        files[rel] = sample_image(kind)
    root = site_repo(tmp_path / "repo", files)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(MkDocsException):
        mkdocs_build(root)
    # MkDocs logs the plugin's error text, then aborts.
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "Gương sáng: hồ sơ có lỗi, trang chưa được xây dựng." in text
    for line in spec["expect"]:
        if ": lỗi [" in line:
            assert line.split("\n")[0] in text
    assert not (root / "site" / "ho-so").exists()


def test_warnings_fail_a_strict_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A warning alone (possible duplicate) fails --strict through MkDocs' own logger."""
    from mkdocs.exceptions import MkDocsException

    def prof(name: str) -> str:
        return (f"---\nho_ten: {name}\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
                "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n---\nx\n")
    root = site_repo(tmp_path / "repo", {"profiles/pham-thi-hoa/index.md": prof("Phạm Thị Hoa"),
                                         "profiles/pham-thi-hoa-2/index.md": prof("Phạm Thị Hòa")})
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.guongsang"), \
            pytest.raises(MkDocsException):
        mkdocs_build(root, strict=True)
    assert any("[trung-nguoi]" in r.getMessage() for r in caplog.records)
