"""What a save in the web form writes (quan-tri/guongsang-cms.js, run under node).

Decap's own YAML writer would re-quote values and fold long lines, so one edit would rewrite the
whole file. The form's formats keep the text of every untouched field: these tests run them on
every record and data file of the sample and check the diff of an edit is that edit only.
"""
from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from typing import Any

import pytest
import yaml

from .conftest import ROOT

DRIVER = ROOT / "tests" / "js" / "admin_format.js"
RECORDS = sorted([*ROOT.glob("profiles/*/index.md"), *ROOT.glob("content/mo-hinh/*.md"),
                  *ROOT.glob("content/phong-trao/*.md"), *ROOT.glob("stories/*/index.md")])
RECORDS = [p for p in RECORDS
           if p.name != "index.md" or p.parent.parent.name in ("profiles", "stories")]
DATA = sorted(ROOT.glob("data/*.yml"))

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "js-yaml").is_dir(),
    reason="needs node and node_modules/js-yaml (npm ci)")


def run(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    done = subprocess.run(["node", str(DRIVER)], input=json.dumps(jobs), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def front_matter(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_saving_without_a_change_writes_every_file_back_byte_for_byte() -> None:
    files = [*RECORDS, *DATA]
    jobs = [{"format": "md" if p.suffix == ".md" else "yml", "text": p.read_text(encoding="utf-8"),
             "edit": []} for p in files]
    for path, result in zip(files, run(jobs), strict=True):
        assert result["text"] == path.read_text(encoding="utf-8"), path


def test_editing_one_field_of_any_profile_changes_one_line() -> None:
    profiles = [p for p in RECORDS if p.parent.parent.name == "profiles"]
    jobs = [{"format": "md", "text": p.read_text(encoding="utf-8"),
             "edit": [[["ho_ten"], "Tên Đã Sửa"]]} for p in profiles]
    for path, result in zip(profiles, run(jobs), strict=True):
        old = front_matter(path.read_text(encoding="utf-8"))["ho_ten"]
        assert changed_lines(path.read_text(encoding="utf-8"), result["text"]) == [
            f"-ho_ten: {old}", "+ho_ten: Tên Đã Sửa"], path


def test_editing_a_field_inside_a_list_item_changes_that_line_only() -> None:
    path = ROOT / "profiles" / "tran-van-an" / "index.md"
    text = path.read_text(encoding="utf-8")
    [result] = run([{"format": "md", "text": text,
                     "edit": [[["khen_thuong", 1, "co_quan"], "Phó Giám đốc Trung tâm"],
                              [["viec_tot", 0, "dia_diem"], None]]}])
    assert changed_lines(text, result["text"]) == [
        "-    co_quan: Giám đốc Trung tâm",
        "+    co_quan: Phó Giám đốc Trung tâm",
        "-    dia_diem: Chợ Đà Lạt",
    ]


def test_a_new_field_goes_to_its_place_in_the_schema_order() -> None:
    path = ROOT / "profiles" / "tran-van-an" / "index.md"
    text = path.read_text(encoding="utf-8")
    [result] = run([{"format": "md", "text": text,
                     "edit": [[["ngay_cong_nhan"], None], [["tom_tat"], None],
                              [["thu_hoi"], {"ly_do": "Rút theo đề nghị", "ngay": "01/09/2025"}]]}])
    lines = result["text"].splitlines()
    at = lines.index("thu_hoi:")
    assert lines[at - 1] == "dong_y_cong_bo: true"
    assert lines[at + 1:at + 3] == ["  ngay: 01/09/2025", "  ly_do: Rút theo đề nghị"]


def test_editing_one_unit_of_a_data_file_keeps_its_comments_and_other_lines() -> None:
    path = ROOT / "data" / "don-vi.yml"
    text = path.read_text(encoding="utf-8")
    [result] = run([{"format": "yml", "text": text,
                     "edit": [[["danh_sach", 1, "ten"], "Phòng Tổ chức – Hành chính – Tổng hợp"]]}])
    assert changed_lines(text, result["text"]) == [
        "-  ten: Phòng Tổ chức – Hành chính",
        "+  ten: Phòng Tổ chức – Hành chính – Tổng hợp"]


def test_a_new_record_is_written_in_schema_order_and_reads_back_the_same() -> None:
    tricky = ["yes", "2024", "no", "a: b", "#1", "- x", " lề", "x #y", "“Ngoặc kép”", 'a"b',
              "05/01/2025", "163/QĐ-TTXT", "null", "2024-01-05", "Dòng 1\nDòng 2", "@x", "1e3"]
    data = {
        "dong_y_cong_bo": True, "ho_ten": "Đặng Văn Đức", "loai": "ca_nhan",
        "linh_vuc": ["du-lich"], "chuc_vu": "",
        "khen_thuong": [{"so_quyet_dinh": "12/QĐ-TTXT", "nam": 2024,
                         "hinh_thuc": "lao-dong-tien-tien", "ngay_quyet_dinh": "08/01/2025"}],
        "slug_cu": tricky,
        "body": "Anh Đức kể lại.\n",
    }
    [result] = run([{"format": "md", "text": None, "data": data, "edit": []}])
    text = result["text"]
    meta = front_matter(text)
    assert meta["slug_cu"] == tricky
    assert list(meta) == ["ho_ten", "loai", "linh_vuc", "khen_thuong", "dong_y_cong_bo", "slug_cu"]
    assert list(meta["khen_thuong"][0]) == ["hinh_thuc", "nam", "so_quyet_dinh", "ngay_quyet_dinh"]
    assert text.endswith("---\n\nAnh Đức kể lại.\n")
    assert "chuc_vu" not in text  # an emptied optional field is left out, as the check reads it


def test_links_to_profiles_read_as_decap_names_them_and_are_written_as_folders() -> None:
    path = ROOT / "content" / "mo-hinh" / "so-tay-nha-dau-tu-dien-tu.md"
    text = path.read_text(encoding="utf-8")
    authors = front_matter(text)["tac_gia"]
    [result] = run([{"format": "md", "text": text, "edit": []}])
    assert result["read"]["tac_gia"] == [f"{a}/index" for a in authors]
    assert result["text"] == text


def test_an_empty_value_the_file_held_is_kept_and_one_the_form_empties_goes() -> None:
    text = "ten: A\n# Máy chủ được phép nhúng\nnhung_duoc_phep: []\nkhac: [x]\n"
    kept, edited, emptied = run([
        {"format": "yml", "text": text, "edit": []},
        {"format": "yml", "text": text, "edit": [[["ten"], "B"]]},
        {"format": "yml", "text": text, "edit": [[["khac"], []]]},
    ])
    assert kept["text"] == text
    assert changed_lines(text, edited["text"]) == ["-ten: A", "+ten: B"]
    assert changed_lines(text, emptied["text"]) == ["-khac: [x]"]
