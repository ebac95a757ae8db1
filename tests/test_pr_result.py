"""`guongsang pr-result`: the check's problems as one pull request comment and a commit status."""
from __future__ import annotations

import json
from pathlib import Path

from guongsang.cli import main
from guongsang.editor import pr_result
from guongsang.problems import Problem, Severity

PROFILE = """---
ho_ten: Đặng Văn Đức
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc:
  - xuc-tien-dau-tu
trang_thai: nhan_to_moi
khen_thuong:
  - hinh_thuc: lao-dong-tien-tien
    nam: 2024
    so_quyet_dinh: 163/QD-TTXT
    ngay_quyet_dinh: 08/01/2025
dong_y_cong_bo: true
---
"""


def test_a_wrong_decision_number_becomes_one_comment_and_a_failing_status(
        repo, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    root = repo({"profiles/dang-van-duc/index.md": PROFILE})
    assert main(["--thu-muc", str(root), "schema"]) == 0
    out = tmp_path / "ket-qua"
    assert main(["--thu-muc", str(root), "pr-result", "--out", str(out),
                 "--run-url", "https://github.com/o/r/actions/runs/1"]) == 0
    assert (out / "comment.md").read_text(encoding="utf-8") == """\
<!-- guongsang-check -->
### ❌ Kiểm tra tự động: 1 lỗi, 0 cảnh báo

Sửa các lỗi dưới đây (trong biểu mẫu /quan-tri/ hoặc trong tệp), lưu lại; kiểm tra chạy lại sau \
mỗi lần lưu. Người duyệt chỉ hợp nhất khi không còn lỗi.

**profiles/dang-van-duc/index.md**

- ❌ lỗi (dòng 11, trường `khen_thuong[1].so_quyet_dinh`, mã `so-quyet-dinh`): Số quyết định \
"163/QD-TTXT" không đúng dạng `số/QĐ-cơ quan ban hành`.
  Gợi ý: Ví dụ: so_quyet_dinh: 163/QĐ-UBND (chữ Đ có gạch ngang, không dấu cách).

[Nhật ký của lần kiểm tra](https://github.com/o/r/actions/runs/1)
"""
    assert json.loads((out / "status.json").read_text(encoding="utf-8")) == {
        "context": "Gương sáng – kiểm tra nội dung", "state": "failure",
        "description": "1 lỗi, 0 cảnh báo: cần sửa trước khi hợp nhất."}


def test_values_from_the_records_cannot_mention_people_or_inject_markup() -> None:
    p = Problem("profiles/a/index.md", 3, "ho_ten", "qua-dai", 'Tên "@ban-giam-doc <b>x</b>"',
                "Thêm dòng, ví dụ:\n      ho_ten: Nguyễn Thị An", Severity.WARNING)
    text = pr_result.comment([p])
    assert "@\u200bban-giam-doc &lt;b&gt;x&lt;/b&gt;" in text
    assert "  Gợi ý: Thêm dòng, ví dụ:\n\n  ```\n        ho_ten: Nguyễn Thị An\n  ```" in text
    assert text.startswith("<!-- guongsang-check -->\n### ✅ Kiểm tra tự động: không có lỗi, "
                           "1 cảnh báo\n")
    assert pr_result.status([p]) == pr_result.Status(
        "success", "Không có lỗi; 1 cảnh báo nên xem lại.")


def test_a_long_list_is_cut_short_with_a_pointer_to_the_annotations() -> None:
    many = [Problem(f"profiles/p{i:03}/index.md", 1, "", "thieu-truong", "Thiếu.")
            for i in range(pr_result.MAX_SHOWN + 5)]
    text = pr_result.comment(many)
    assert text.count("- ❌") == pr_result.MAX_SHOWN
    assert "… và 5 vấn đề khác" in text


def test_stale_generated_files_are_named_with_what_to_run(repo, tmp_path: Path) -> None:
    """A unit added in the form changes the form's own configuration: say who must refresh it."""
    root = repo({})
    out = tmp_path / "ket-qua"
    assert main(["--thu-muc", str(root), "pr-result", "--out", str(out)]) == 0
    text = (out / "comment.md").read_text(encoding="utf-8")
    assert text.startswith("<!-- guongsang-check -->\n### ❌ Kiểm tra tự động: tệp sinh tự động "
                           "đã cũ\n")
    assert "`quan-tri/config.yml`" in text
    assert "chạy `guongsang schema` trên nhánh này rồi commit" in text
    assert json.loads((out / "status.json").read_text(encoding="utf-8"))["state"] == "failure"
