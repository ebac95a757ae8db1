"""The front matter check that runs in the editor, with the engine the editor runs.

VS Code (and Codespaces) check a record's front matter while typing through the extension
``unifiedjs.vscode-remark``: it loads the project's ``.remarkrc.mjs`` and ``node_modules`` and
shows the messages as underlines and in the Problems panel. These tests run the same engine,
``node_modules/.bin/remark`` with that configuration, on the sample records (no message) and on
a sample profile with wrong fields (the exact line, column and message of each).

A broken record is fed on standard input with ``--file-path``, which is how the editor hands
over an unsaved buffer: nothing is written in the repository.

Without Node.js or ``node_modules`` (``npm ci``) the tests are skipped with the reason;
``GUONGSANG_REQUIRE_BROWSER=1`` (set by .ci/run) makes that a failure.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .conftest import ROOT
from .test_jsonschema import records
from .test_offline_checks import _need

REMARK = ROOT / "node_modules" / ".bin" / "remark"
PROFILE = "profiles/au-thanh-tung/index.md"
RULE = "frontmatter-schema"


def _run(args: list[str], stdin: str | None = None,
         report: bool = True) -> subprocess.CompletedProcess[str]:
    missing = []
    if shutil.which("node") is None:
        missing.append("Node.js (node on PATH)")
    if not REMARK.exists():
        missing.append("node_modules/.bin/remark (npm ci)")
    _need(missing)
    extra = ["--no-stdout", "--frail", "--report", "json"] if report else []
    return subprocess.run([str(REMARK), "--no-color", *extra, *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          check=False)


def _report(proc: subprocess.CompletedProcess[str]) -> list[dict]:
    """The JSON report (vfile-reporter-json writes one line on stderr)."""
    lines = [line for line in proc.stderr.splitlines() if line.startswith("[")]
    assert lines, f"no JSON report from remark:\n{proc.stderr}"
    return json.loads(lines[-1])


def _messages(text: str, path: str) -> tuple[int, list[dict]]:
    """Exit status and messages for ``text`` checked as if it were the file ``path``."""
    proc = _run(["--file-path", path], stdin=text)
    files = _report(proc)
    assert [f["path"] for f in files] == [path]
    return proc.returncode, files[0]["messages"]


def _short(messages: list[dict]) -> list[tuple]:
    return sorted((m.get("line"), m.get("column"), m["ruleId"], m["reason"]) for m in messages)


def _line_of(text: str, start: str) -> int:
    """1-based number of the only line that starts with ``start``."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def _sub(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_every_sample_record_and_template_gives_no_message() -> None:
    proc = _run(["profiles", "content", "stories", "mau", "noi-bo"])
    files = _report(proc)
    messages = {f["path"]: _short(f["messages"]) for f in files if f["messages"]}
    assert messages == {}
    assert proc.returncode == 0, proc.stderr
    checked = {f["path"] for f in files}
    assert {p.relative_to(ROOT).as_posix() for _, p in records(ROOT)} <= checked
    assert {"mau/ho-so.md", "mau/mo-hinh.md", "mau/phong-trao.md", "mau/tin-bai.md"} <= checked


def test_wrong_fields_of_a_profile_are_flagged_where_they_are() -> None:
    sample = (ROOT / PROFILE).read_text(encoding="utf-8")
    text = _sub(sample, "\nho_ten: ", "\nho_tenn: ")
    text = _sub(text, "\ndon_vi: phong-xuc-tien-dau-tu\n", "\ndon_vi: phong-xuc-tien-dau-tuu\n")
    text = _sub(text, "\nngay_cong_nhan: 18/05/2026\n", "\nngay_cong_nhan: 18.05.2026\n")
    text = _sub(text, "\ndong_y_cong_bo: true\n", "\ndong_y_cong_bo: rồi\n")
    text = _sub(text, "so_quyet_dinh: 9/QĐ-TTXT", "so_quyet_dinh: 9/QĐ-TTXT\n    nam_ky: 2026")
    status, messages = _messages(text, PROFILE)
    nested = _line_of(text, "    nam_ky:")
    assert _short(messages) == sorted([
        (1, 1, RULE, "Thiếu trường bắt buộc `ho_ten`."),
        (_line_of(text, "ho_tenn:"), 1, RULE,
         "Trường `ho_tenn` không có trong mẫu này. Có phải ý bạn là `ho_ten`?"),
        (_line_of(text, "don_vi:"), 9, RULE,
         ("Giá trị `phong-xuc-tien-dau-tuu` của `don_vi` không có trong danh sách. "
          "Có phải ý bạn là `phong-xuc-tien-dau-tu`?")),
        (_line_of(text, "ngay_cong_nhan:"), 17, RULE,
         "`ngay_cong_nhan` viết không đúng dạng; ví dụ đúng: `15/01/2025`."),
        (_line_of(text, "dong_y_cong_bo:"), 17, RULE, "`dong_y_cong_bo` phải là true hoặc false."),
        (nested, 5, RULE, "Trường `nam_ky` không có trong mục `khen_thuong[1]`."),
    ])
    assert status == 1  # --frail: any message fails the run
    by_reason = {m["reason"]: m for m in messages}
    unknown = by_reason["Trường `ho_tenn` không có trong mẫu này. Có phải ý bạn là `ho_ten`?"]
    # The key itself is underlined, and the editor offers "Replace `ho_tenn` with `ho_ten`".
    assert unknown["place"]["end"] == {"line": unknown["line"], "column": 8}
    assert unknown["expected"] == ["ho_ten"]
    unit = next(m for m in messages if m["reason"].startswith("Giá trị `phong-xuc-tien-dau-tuu`"))
    assert unit["expected"][0] == "phong-xuc-tien-dau-tu"
    assert "`phong-xuc-tien-dau-tu` (Phòng Xúc tiến Đầu tư)" in unit["note"]
    assert by_reason["`dong_y_cong_bo` phải là true hoặc false."]["note"] == (
        "Người trong hồ sơ đã đồng ý công bố (true/false). Bắt buộc.\nVí dụ: dong_y_cong_bo: true")


def test_wrong_types_inside_a_list_of_awards() -> None:
    sample = (ROOT / PROFILE).read_text(encoding="utf-8")
    text = _sub(sample, "    nam: 2025\n    so_quyet_dinh: 9/QĐ-TTXT",
                '    nam: "2025"\n    so_quyet_dinh: 9/QD-TTXT')
    status, messages = _messages(text, PROFILE)
    assert _short(messages) == [
        (_line_of(text, '    nam: "2025"'), 10, RULE, "`khen_thuong[1].nam` phải là một số nguyên."),
        (_line_of(text, "    so_quyet_dinh: 9/QD-TTXT"), 20, RULE,
         "`khen_thuong[1].so_quyet_dinh` viết không đúng dạng; ví dụ đúng: `163/QĐ-TTXT`."),
    ]
    assert status == 1


@pytest.mark.parametrize(("path", "key"), [
    (PROFILE, "ho_ten"),
    ("content/mo-hinh/ban-do-so-ket-noi-dau-tu-du-lich.md", "ten"),
    ("content/phong-trao/thi-dua-chuyen-doi-so-2024.md", "ten"),
    ("noi-bo/de-nghi/2026-dang-thi-thuy-lao-dong-tien-tien.md", "ho_so"),
    ("noi-bo/hop-hoi-dong/2026-11-17-binh-xet-nam-2026.md", "ten"),
])
def test_each_record_kind_is_checked_against_its_schema(path: str, key: str) -> None:
    text = _sub((ROOT / path).read_text(encoding="utf-8"), f"\n{key}: ", f"\n{key}x: ")
    status, messages = _messages(text, path)
    assert _short(messages) == [
        (1, 1, RULE, f"Thiếu trường bắt buộc `{key}`."),
        (2, 1, RULE, f"Trường `{key}x` không có trong mẫu này. Có phải ý bạn là `{key}`?"),
    ]
    assert status == 1


@pytest.mark.parametrize("path", ["content/mo-hinh/index.md", "content/phong-trao/index.md",
                                  "profiles/_mau/index.md", "mau/ho-so.md", "README.md"])
def test_pages_that_are_not_records_have_no_schema(path: str) -> None:
    broken = _sub((ROOT / PROFILE).read_text(encoding="utf-8"), "\nho_ten: ", "\nho_tenn: ")
    assert _messages(broken, path) == (0, [])


def test_broken_yaml_is_reported_once_where_it_breaks() -> None:
    sample = (ROOT / PROFILE).read_text(encoding="utf-8")
    text = _sub(sample, "\nloai: ca_nhan\n", "\nloai:ca_nhan\n")
    status, messages = _messages(text, PROFILE)
    assert _short(messages) == [
        (_line_of(text, "loai:ca_nhan"), 1, "yaml-cu-phap",
         ("Phần thông tin (YAML) sai cú pháp từ chỗ này. Kiểm tra: có dấu cách sau dấu hai "
          "chấm, thụt đầu dòng bằng dấu cách (không dùng Tab), ngoặc và ngoặc kép có đủ cả mở "
          "lẫn đóng.")),
    ]
    assert status == 1


@pytest.mark.parametrize("path", ["HUONG-DAN-BIEN-TAP.md", PROFILE])
def test_remark_gives_back_the_text_unchanged(path: str) -> None:
    # What "Format Document" with remark, or `remark -o`, would write: the file as it was.
    text = (ROOT / path).read_text(encoding="utf-8")
    proc = _run(["--quiet", "--file-path", path], stdin=text, report=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == text


def test_editor_configuration_runs_the_check() -> None:
    def jsonc(rel: str):
        text = (ROOT / rel).read_text(encoding="utf-8")
        return json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))

    assert "unifiedjs.vscode-remark" in jsonc(".vscode/extensions.json")["recommendations"]
    container = jsonc(".devcontainer/devcontainer.json")
    assert "ghcr.io/devcontainers/features/node:1" in container["features"]
    assert container["updateContentCommand"].startswith("npm ci ")
    settings = jsonc(".vscode/settings.json")
    markdown = settings["[markdown]"]
    assert markdown["editor.formatOnSave"] is False
    assert markdown.get("editor.defaultFormatter") != "unifiedjs.vscode-remark"
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for name in ("remark-cli", "remark-frontmatter", "remark-lint-frontmatter-schema",
                 "vfile-reporter-json", "yaml"):
        assert re.fullmatch(r"\d+\.\d+\.\d+", package[name]), f"pin {name} exactly"
