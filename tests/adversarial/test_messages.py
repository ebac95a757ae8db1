"""Vietnamese everywhere an editor looks: ``guongsang check`` (the VS Code task, the pull-request
check) and ``make build`` (``mkdocs build --strict``) run as editors run them, in a child
process, and their whole output is read.

The classes that once printed English or disagreed with the build: a refused YAML tag
(PyYAML's text), a repository without profiles/ (MkDocs' configuration error), a photo name
stored decomposed on disk (NFD: "not found"), a truncated JPEG (found by the build only).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ..conftest import TODAY, make_repo
from ..sitebuild import site_repo
from .payloads import jpeg, profile, truncated_jpeg
from .test_corpus import CASES, ENGLISH, IDS, MKDOCS_OWN, _files, _has_errors, _spec

BIN = Path(sys.executable).parent
PHOTO = "anh:\n  - tep: {name}\n    mo_ta: Anh An tại quầy thông tin du lịch\n"


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def guongsang_check(root: Path, *args: str) -> tuple[int, str]:
    done = subprocess.run([str(BIN / "guongsang"), "check", *args], cwd=root,
                          capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, done.stdout + done.stderr


def make_build(root: Path) -> tuple[int, list[str]]:
    """``make build``'s command, and the lines an editor reads (progress lines left out)."""
    done = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root,
                          capture_output=True, text=True, timeout=300, check=False)
    lines = (done.stdout + done.stderr).splitlines()
    return done.returncode, [line for line in lines
                             if line.strip() and not line.startswith("INFO")]


def _vietnamese(lines: list[str]) -> list[str]:
    """The lines that are not: English words, a traceback."""
    return [line for line in lines if ENGLISH.search(line) and line.strip() not in MKDOCS_OWN]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_guongsang_check_prints_every_case_in_vietnamese(case: Path, tmp_path: Path) -> None:
    spec = _spec(case)
    root = make_repo(tmp_path / "repo", _files(spec))
    code, output = guongsang_check(root)
    assert code == (1 if _has_errors(spec) else 0)
    assert _vietnamese(output.splitlines()) == []
    for line in spec["expect"]:
        assert line.split("\n")[0] in output


def test_a_refused_yaml_tag_is_explained_in_vietnamese(tmp_path: Path) -> None:
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(
        extra='chuc_vu: !!python/object/apply:os.system ["id"]\n')})
    expected = ("profiles/nguyen-van-an/index.md:8: lỗi [yaml-cu-phap] Không dùng thẻ YAML "
                "(`!!python/object/apply:os.system`): giá trị chỉ là chữ, số, ngày, true/false "
                "hoặc danh sách, viết thẳng ra.\n    Gợi ý: Xoá phần bắt đầu bằng dấu ! ở dòng "
                "này; nếu giá trị thật sự bắt đầu bằng !, đặt nó trong ngoặc kép, ví dụ: "
                'ly_do: "!Đột xuất"')
    code, output = guongsang_check(root)
    assert (code, output) == (1, "profiles/nguyen-van-an/index.md\n  "
                              + expected.replace("\n", "\n  ")
                              + "\n\nTổng cộng: 1 lỗi, 0 cảnh báo trong 1 tệp.\n")
    code, lines = make_build(root)
    assert code == 1
    assert _vietnamese(lines) == []
    assert any(expected.split("\n")[0] in line for line in lines)


def test_a_repository_without_profiles_checks_and_builds(tmp_path: Path) -> None:
    """What git leaves after the last profile is deleted: no profiles/ folder at all."""
    root = site_repo(tmp_path / "repo", {})
    shutil.rmtree(root / "profiles")
    assert guongsang_check(root) == (0, "Không có lỗi nào. Mọi hồ sơ đều hợp lệ.\n")
    code, lines = make_build(root)
    assert (code, lines) == (0, [])
    assert (root / "site" / "index.html").is_file()


def test_a_photo_name_stored_decomposed_is_found_and_published(tmp_path: Path) -> None:
    typed = "ảnh-chân-dung.jpg"
    on_disk = unicodedata.normalize("NFD", typed)
    assert on_disk != typed
    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": profile(extra=PHOTO.format(name=typed)),
        f"profiles/nguyen-van-an/{on_disk}": jpeg()})
    assert guongsang_check(root) == (0, "Không có lỗi nào. Mọi hồ sơ đều hợp lệ.\n")
    code, lines = make_build(root)
    assert (code, lines) == (0, [])
    page = (root / "site" / "ho-so" / "nguyen-van-an" / "index.html").read_text("utf-8")
    shown = re.findall(r'src="\.\./\.\./(assets/anh/[0-9a-f]+-\d+\.jpg)"', page)
    assert shown and all((root / "site" / src).is_file() for src in shown)


def test_a_truncated_jpeg_is_found_by_guongsang_check(tmp_path: Path) -> None:
    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": profile(extra=PHOTO.format(name="cat-doi.jpg")),
        "profiles/nguyen-van-an/cat-doi.jpg": truncated_jpeg()})
    line = ('profiles/nguyen-van-an/index.md:9: lỗi [anh-hong] trường `anh[1].tep`: '
            '"cat-doi.jpg": Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).')
    code, output = guongsang_check(root)
    assert code == 1 and line in output
    code, output = guongsang_check(root, "--format", "github")
    assert (code, output) == (1, (
        "::error file=profiles/nguyen-van-an/index.md,line=9,title=anh-hong::[anh-hong] "
        'anh[1].tep: "cat-doi.jpg": Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải '
        "ảnh). Gợi ý: Mở ảnh bằng trình xem ảnh rồi lưu lại dạng .jpg.\n"))
    code, lines = make_build(root)
    assert code == 1 and _vietnamese(lines) == []
    assert any(line in build_line for build_line in lines)
