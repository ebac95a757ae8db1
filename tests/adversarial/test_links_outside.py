"""Symlinks that lead out of the repository, or nowhere (loops).

A pull request can add a symlink as easily as a file. MkDocs follows symlinks in its docs
folder, so ``content/x.md -> /proc/self/environ`` would publish the build machine's secrets;
a data file linked out would be read and quoted. Every such link is an error before anything
is read, and a loop is an error too, never a traceback. (Profile folders and photos linked out
are in tests/test_symlinks.py.)
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.project import Project

from ..conftest import TODAY, make_repo
from ..sitebuild import mkdocs_build, site_repo
from .payloads import profile

SECRET = "MẬT-KHẨU-9f3b"
OUTSIDE = ("profiles/nguyen-van-an: lỗi [lien-ket-ngoai-kho] Thư mục hồ sơ là liên kết (symlink) "
           "trỏ ra ngoài kho; vì an toàn, hồ sơ này bị bỏ qua.")


def lines(problems) -> list[str]:
    return [p.format_text().split("\n")[0] for p in problems]


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "ngoai-kho" / "bi-mat.md"
    path.parent.mkdir()
    path.write_text(f"---\nten: {SECRET}\n---\n{SECRET}\n", "utf-8")
    return path


def test_a_content_page_linked_out_stops_the_build_unread(
        tmp_path: Path, secret_file: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import MkDocsException

    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    root = site_repo(tmp_path / "repo", {})
    os.symlink(secret_file, root / "content" / "bi-mat.md")
    os.symlink(secret_file.parent, root / "content" / "thu-muc-ngoai")
    _, problems = check(Project(root=root), TODAY)
    assert lines(problems) == [
        ("content/bi-mat.md: lỗi [lien-ket-ngoai-kho] Tệp là liên kết (symlink) trỏ ra ngoài kho; "
        "bị bỏ qua."),
        ("content/thu-muc-ngoai: lỗi [lien-ket-ngoai-kho] Tệp là liên kết (symlink) trỏ ra ngoài "
        "kho; bị bỏ qua.")]
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(MkDocsException):
        mkdocs_build(root)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "content/bi-mat.md: lỗi [lien-ket-ngoai-kho]" in text and SECRET not in text
    site = root / "site"
    leaked = [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []


def test_a_data_file_linked_out_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "ngoai-kho" / "don-vi.yml"
    outside.parent.mkdir()
    outside.write_text(f"- id: don-vi-mat\n  ten: {SECRET}\n  loai: phong\n", "utf-8")
    root = make_repo(tmp_path / "repo", {})
    (root / "data" / "don-vi.yml").unlink()
    os.symlink(outside, root / "data" / "don-vi.yml")
    corpus, problems = check(Project(root=root), TODAY)
    assert ("data/don-vi.yml: lỗi [lien-ket-ngoai-kho] Tệp là liên kết (symlink) trỏ ra ngoài "
            "kho; bị bỏ qua.") in lines(problems)
    assert corpus.ref.units == {}
    assert all(SECRET not in p.format_text() for p in problems)


def test_model_and_profile_index_linked_out_are_skipped(tmp_path: Path, secret_file: Path) -> None:
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/ghi-chu.txt": "x"})
    os.symlink(secret_file, root / "content" / "mo-hinh" / "bi-mat.md")
    os.symlink(secret_file, root / "profiles" / "nguyen-van-an" / "index.md")
    corpus, problems = check(Project(root=root), TODAY)
    assert corpus.models == {} and corpus.profiles == {}
    assert lines(problems) == [
        ("content/mo-hinh/bi-mat.md: lỗi [lien-ket-ngoai-kho] Tệp là liên kết (symlink) trỏ ra "
        "ngoài kho; bị bỏ qua."), OUTSIDE]


def test_symlink_loops_are_errors_not_tracebacks(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(
        extra="anh:\n  - tep: vong.jpg\n    mo_ta: Ảnh vòng lặp\n")})
    os.symlink("vong.jpg", root / "profiles" / "nguyen-van-an" / "vong.jpg")
    os.symlink("vong-lap", root / "profiles" / "vong-lap")
    os.symlink("vong.md", root / "content" / "mo-hinh" / "vong.md")
    _, problems = check(Project(root=root), TODAY)
    assert lines(problems) == [
        ("content/mo-hinh/vong.md: lỗi [lien-ket-ngoai-kho] Tệp là liên kết (symlink) trỏ ra ngoài "
        "kho; bị bỏ qua."),
        ("profiles/nguyen-van-an/index.md:9: lỗi [anh-ngoai-thu-muc] trường `anh[1].tep`: Đường "
        "dẫn ảnh \"vong.jpg\" nằm ngoài thư mục hồ sơ."),
        "profiles/vong-lap: lỗi [vi-tri-ho-so] Thư mục hồ sơ \"vong-lap\" không có tệp index.md."]
