"""``guongsang new``: every field, explained, and a skeleton that passes once filled in."""
from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from guongsang.check import check
from guongsang.cli import main
from guongsang.editor import json_schema, scaffold
from guongsang.load.refdata import load_reference
from guongsang.problems import format_report
from guongsang.project import Project
from guongsang.schema import SCHEMAS, Field

from .conftest import TODAY, make_repo


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    base = make_repo(tmp_path / "repo", {})
    (base / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    return base


def new(root: Path, kind: str, name: str) -> int:
    return main(["--thu-muc", str(root), "new", kind, name])


def fill(text: str, values: dict[str, str]) -> str:
    """What an editor does: type the value after the colon of each empty required field."""
    for key, value in values.items():
        text, n = re.subn(rf"^{key}:[ ]*$", f"{key}:{value}", text, count=1, flags=re.MULTILINE)
        assert n == 1, f"no empty line for {key}"
    return text


def problems_of(root: Path) -> list[str]:
    _, problems = check(Project(root=root), TODAY)
    return [p.format_text().split("\n")[0] for p in problems]


def todo(root: Path) -> list[tuple[str, str, str]]:
    """(file, rule, field) of every problem, checking that each points at its field's line."""
    _, problems = check(Project(root=root), TODAY)
    out = []
    for p in problems:
        lines = (root / p.file).read_text(encoding="utf-8").split("\n")
        assert re.match(rf"^{p.field}:", lines[p.line - 1]), (p.field, lines[p.line - 1])
        out.append((p.file, p.rule, p.field))
    return out


def test_new_profile_then_filling_required_fields_passes_check(root: Path, capsys) -> None:
    assert new(root, "profile", "Trần Thị Đào") == 0
    path = root / "profiles" / "tran-thi-dao" / "index.md"
    assert capsys.readouterr().out == (
        "Đã tạo profiles/tran-thi-dao/index.md\n"
        "Tiếp theo: điền các trường BẮT BUỘC (các dòng chưa có giá trị), rồi chạy "
        "`guongsang check` để kiểm tra.\n")
    text = path.read_text(encoding="utf-8")
    assert "\nho_ten: Trần Thị Đào\n" in text
    # Untouched, the check names exactly the required fields still to fill.
    rel = "profiles/tran-thi-dao/index.md"
    assert todo(root) == [(rel, "thieu-truong", "loai"), (rel, "thieu-truong", "don_vi"),
                          (rel, "thieu-truong", "linh_vuc"), (rel, "thieu-truong", "trang_thai"),
                          (rel, "chua-dong-y", "dong_y_cong_bo")]
    filled = fill(text, {"loai": " ca_nhan", "don_vi": " phong-xuc-tien-du-lich",
                         "linh_vuc": "\n  - du-lich", "trang_thai": " nhan_to_moi"})
    path.write_text(filled, encoding="utf-8")
    assert todo(root) == [(rel, "chua-dong-y", "dong_y_cong_bo")]
    path.write_text(filled.replace("\ndong_y_cong_bo: false\n", "\ndong_y_cong_bo: true\n"),
                    encoding="utf-8")
    assert problems_of(root) == []
    assert main(["--thu-muc", str(root), "check"]) == 0


def test_new_model_and_campaign_pass_once_filled(root: Path) -> None:
    assert new(root, "profile", "Trần Thị Đào") == 0
    profile = root / "profiles" / "tran-thi-dao" / "index.md"
    profile.write_text(fill(profile.read_text(encoding="utf-8"), {
        "loai": " ca_nhan", "don_vi": " phong-xuc-tien-du-lich", "linh_vuc": " [du-lich]",
        "trang_thai": " nhan_to_moi"}), encoding="utf-8")
    assert new(root, "model", "Bản đồ số điểm đến") == 0
    assert new(root, "phong-trao", "Thi đua chuyển đổi số 2026") == 0
    model = root / "content" / "mo-hinh" / "ban-do-so-diem-den.md"
    campaign = root / "content" / "phong-trao" / "thi-dua-chuyen-doi-so-2026.md"
    m, c = "content/mo-hinh/ban-do-so-diem-den.md", "content/phong-trao/thi-dua-chuyen-doi-so-2026.md"
    assert todo(root) == [
        (m, "thieu-truong", "loai"), (m, "thieu-truong", "tac_gia"), (m, "thieu-truong", "don_vi"),
        (m, "thieu-truong", "nam"), (m, "thieu-truong", "hieu_qua"),
        (c, "thieu-truong", "cap_phat_dong"), (c, "thieu-truong", "tu_ngay"),
        (c, "thieu-truong", "trang_thai"),
        ("profiles/tran-thi-dao/index.md", "chua-dong-y", "dong_y_cong_bo")]
    model.write_text(fill(model.read_text(encoding="utf-8"), {
        "loai": " mo_hinh", "tac_gia": "\n  - tran-thi-dao", "don_vi": " phong-xuc-tien-du-lich",
        "nam": " 2026", "hieu_qua": " Du khách tìm điểm đến nhanh hơn"}), encoding="utf-8")
    campaign.write_text(fill(campaign.read_text(encoding="utf-8"), {
        "cap_phat_dong": " co_quan", "tu_ngay": " 01/03/2026", "trang_thai": " dang_dien_ra"}),
        encoding="utf-8")
    assert todo(root) == [("profiles/tran-thi-dao/index.md", "chua-dong-y", "dong_y_cong_bo")]


def _all_fields(fields: tuple[Field, ...]) -> list[Field]:
    out = []
    for f in fields:
        out.append(f)
        inner = f.item.fields if f.item is not None else f.fields
        out += _all_fields(inner)
    return out


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_field_of_the_schema_is_in_the_scaffold_under_a_comment(kind: str) -> None:
    ref, _ = load_reference(Path(__file__).parent.parent / "data", Path("."))
    text = scaffold.render(kind, ref, "Tên")
    lines = text.split("\n")
    for f in _all_fields(SCHEMAS[kind]):
        assert re.search(rf"^#?\s*(- )?{f.key}:", text, re.MULTILINE), f.key
    for f in SCHEMAS[kind]:
        first = next(i for i, line in enumerate(lines) if re.match(rf"^(# )?{f.key}:( |$)", line))
        assert lines[first - 1].startswith("#"), f"{f.key} has no comment above it"
        block = []
        for line in reversed(lines[:first]):
            if not line.startswith("#"):
                break
            block.append(line)
        described = " ".join(block)
        assert ("BẮT BUỘC" if f.required else "Không bắt buộc") in described, f.key


def test_allowed_values_come_from_the_reference_data(root: Path) -> None:
    units = root / "data" / "don-vi.yml"
    units.write_text(units.read_text(encoding="utf-8")
                     + "- id: phong-moi\n  ten: Phòng Mới Thành Lập\n  loai: phong\n",
                     encoding="utf-8")
    ref, _ = load_reference(root / "data", root)
    text = scaffold.render("profile", ref, "A")
    assert "#   phong-moi — Phòng Mới Thành Lập\n" in text
    assert "#     lao-dong-tien-tien — Lao động tiên tiến (cấp cơ sở)\n" in text
    assert "#     bang-khen-thu-tuong — Bằng khen của Thủ tướng Chính phủ (cấp Nhà nước)\n" in text
    assert "#   chap_hanh — Gương mẫu chấp hành\n" in text


def _example_blocks(text: str) -> str:
    """Uncomment every optional example block, the way the header tells editors to."""
    out, inside = [], False
    for line in text.split("\n"):
        if line.startswith('# Ví dụ (xoá "# "'):
            inside = True
            continue
        if inside and line.startswith("# "):
            out.append(line[2:])
            continue
        inside = False
        out.append(line)
    return "\n".join(out)


def _as_json(value):
    from datetime import date
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_optional_examples_once_uncommented_match_the_json_schema(kind: str) -> None:
    ref, _ = load_reference(Path(__file__).parent.parent / "data", Path("."))
    text = _example_blocks(scaffold.render(kind, ref, "Tên"))
    front = yaml.safe_load(text.split("---\n")[1])
    required = {f.key: f for f in SCHEMAS[kind] if f.required}
    for key, f in required.items():
        if front.get(key) in (None, False) and f.type != "bool":
            front[key] = f.example
    schema = json_schema.generate(kind, ref)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(_as_json(front)), key=str)
    assert [e.message for e in errors] == []
    assert set(front) == {f.key for f in SCHEMAS[kind]}


def test_new_refuses_to_overwrite_an_existing_record(root: Path, capsys) -> None:
    assert new(root, "profile", "Trần Thị Đào") == 0
    path = root / "profiles" / "tran-thi-dao" / "index.md"
    path.write_text("---\nho_ten: Trần Thị Đào\n---\nĐã sửa.\n", encoding="utf-8")
    capsys.readouterr()
    assert new(root, "ho-so", "Trần  Thị  Đào") == 1
    assert capsys.readouterr().err == (
        "Lỗi: Đã có profiles/tran-thi-dao/index.md: không ghi đè hồ sơ đang có. Nếu là người "
        "khác trùng tên, hãy đặt tên thư mục khác (ví dụ thêm đơn vị: tran-thi-dao-xuc-tien) rồi "
        "tạo bằng tay, và ghi `khong_trung_voi` trong cả hai hồ sơ.\n")
    assert path.read_text(encoding="utf-8") == "---\nho_ten: Trần Thị Đào\n---\nĐã sửa.\n"


def test_new_fills_a_folder_that_has_photos_but_no_index(root: Path) -> None:
    folder = root / "profiles" / "dang-thi-thuy"
    folder.mkdir(parents=True)
    (folder / "chan-dung.jpg").write_bytes(b"x")
    assert new(root, "profile", "Đặng Thị Thuỷ") == 0
    assert (folder / "index.md").is_file()
    assert (folder / "chan-dung.jpg").read_bytes() == b"x"


@pytest.mark.parametrize(("kind", "name", "rel"), [
    ("profile", "Đặng Thị Thuỷ", "profiles/dang-thi-thuy/index.md"),
    ("mo-hinh", "Sổ tay: nhà đầu tư #1", "content/mo-hinh/so-tay-nha-dau-tu-1.md"),
    ("campaign", "Đổi mới – sáng tạo 2026", "content/phong-trao/doi-moi-sang-tao-2026.md"),
])
def test_slug_folds_vietnamese_and_the_name_is_kept_as_typed(root: Path, kind: str, name: str,
                                                             rel: str) -> None:
    assert new(root, kind, name) == 0
    text = (root / rel).read_text(encoding="utf-8")
    key = "ho_ten" if kind == "profile" else "ten"
    assert yaml.safe_load(text.split("---\n")[1])[key] == name


def test_a_name_without_letters_is_refused(root: Path, capsys) -> None:
    assert new(root, "profile", "!!!") == 1
    assert capsys.readouterr().err == ("Lỗi: Tên \"!!!\" không tạo được địa chỉ trang: cần có "
                                       "chữ cái hoặc số.\n")


def test_scaffold_report_stays_readable(root: Path) -> None:
    """The untouched scaffold's problems read as a to-do list, one line per empty field."""
    assert new(root, "profile", "Trần Thị Đào") == 0
    _, problems = check(Project(root=root), TODAY)
    report = format_report(problems)
    assert report.endswith("Tổng cộng: 4 lỗi, 0 cảnh báo trong 1 tệp.")
