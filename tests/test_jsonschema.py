"""JSON Schema generated from schema.py: valid draft-07, up to date, and in agreement with
``guongsang check`` on real and deliberately broken records.

Draft-07 because the editor check (remark-lint-frontmatter-schema, run by .remarkrc.mjs; see
tests/test_editor_schema.py) validates with ajv's draft-07 default and refuses a schema that
declares 2020-12."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from guongsang.check import check
from guongsang.cli import generated_files
from guongsang.editor import json_schema
from guongsang.load.refdata import load_reference
from guongsang.project import Project

from .conftest import ROOT, TODAY, make_repo

FIXTURE = Path(__file__).parent / "fixtures" / "reports"
KIND_OF_DIR = {"profiles": "profile", "mo-hinh": "model", "phong-trao": "campaign"}


def front_matter(path: Path):
    """The front matter as an editor's YAML tool sees it: dates stay text (YAML 1.2)."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n", 2)[1]) or {}
    return _as_json(data)


def _as_json(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def records(root: Path) -> list[tuple[str, Path]]:
    out = [(kind, p) for folder, kind in (("profiles", "profile"), ("stories", "story"))
           for p in sorted((root / folder).glob("*/index.md"))
           if not p.parent.name.startswith(("_", "."))]
    for folder, kind in (("mo-hinh", "model"), ("phong-trao", "campaign")):
        out += [(kind, p) for p in sorted((root / "content" / folder).glob("*.md"))
                if p.name != "index.md"]
    for folder, kind in (("de-nghi", "nomination"), ("hop-hoi-dong", "meeting")):
        out += [(kind, p) for p in sorted((root / "noi-bo" / folder).glob("*.md"))]
    return out


def validator(root: Path, kind: str) -> jsonschema.Draft7Validator:
    ref, _ = load_reference(root / "data", root)
    return jsonschema.Draft7Validator(json_schema.generate(kind, ref))


def errors(root: Path, kind: str, data) -> list[str]:
    found = validator(root, kind).iter_errors(data)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in found)


def test_committed_generated_files_are_up_to_date() -> None:
    stale = [path.relative_to(ROOT).as_posix()
             for path, text in generated_files(Project(root=ROOT)).items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    assert stale == [], "run `guongsang schema` and commit the files"


def test_schema_files_are_the_four_record_kinds_and_the_two_internal_ones() -> None:
    assert sorted(p.name for p in (ROOT / "schemas").iterdir()) == [
        "de-nghi.schema.json", "ho-so.schema.json", "hop-hoi-dong.schema.json",
        "mo-hinh.schema.json", "phong-trao.schema.json", "tin-bai.schema.json"]


@pytest.mark.parametrize("name", sorted(json_schema.FILES.values()))
def test_schemas_are_valid_draft_07_without_newer_keywords(name: str) -> None:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft7Validator
    jsonschema.Draft7Validator.check_schema(schema)
    # Keywords of later drafts would be ignored by draft-07 validators (ajv, YAML server).
    text = json.dumps(schema)
    for newer in ("$defs", "prefixItems", "unevaluated", "dependentRequired", "dependentSchemas",
                  "$dynamicRef", "$anchor"):
        assert newer not in text
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(("kind", "path"), records(ROOT),
                         ids=[p.relative_to(ROOT).as_posix() for _, p in records(ROOT)])
def test_sample_content_validates(kind: str, path: Path) -> None:
    assert errors(ROOT, kind, front_matter(path)) == []


@pytest.mark.parametrize(("kind", "path"), records(FIXTURE),
                         ids=[p.relative_to(FIXTURE).as_posix() for _, p in records(FIXTURE)])
def test_fixture_records_validate(kind: str, path: Path) -> None:
    assert errors(FIXTURE, kind, front_matter(path)) == []


GOOD = {
    "ho_ten": "Trần Thị Đào", "loai": "ca_nhan", "don_vi": "phong-xuc-tien-du-lich",
    "linh_vuc": ["du-lich"], "trang_thai": "nhan_to_moi", "dong_y_cong_bo": True,
    "ngay_cong_nhan": "15/01/2025",
    "khen_thuong": [{"hinh_thuc": "lao-dong-tien-tien", "nam": 2024,
                     "so_quyet_dinh": "163/QĐ-TTXT", "ngay_quyet_dinh": "2025-01-05"}],
}

# (what is broken, the change, where JSON Schema complains, the rule `guongsang check` reports)
BAD = [
    ("wrong key", {"ho_tn": "x"}, [": additionalProperties"], "truong-la"),
    ("wrong enum", {"don_vi": "phong-khong-co"}, ["don_vi: enum"], "gia-tri-la"),
    ("wrong enum in a list", {"linh_vuc": ["du-lịch"]}, ["linh_vuc/0: enum"], "gia-tri-la"),
    ("wrong type", {"dong_y_cong_bo": "rồi"}, ["dong_y_cong_bo: type"], "sai-kieu"),
    ("wrong type of list", {"khen_thuong": "Lao động tiên tiến"}, ["khen_thuong: type"],
     "sai-kieu"),
    ("bad date", {"ngay_cong_nhan": "15.01.2025"}, ["ngay_cong_nhan: pattern"],
     "ngay-khong-hop-le"),
    ("bad nested date", {"khen_thuong": [{**GOOD["khen_thuong"][0], "ngay_quyet_dinh": "5/1"}]},
     ["khen_thuong/0/ngay_quyet_dinh: pattern"], "ngay-khong-hop-le"),
    ("bad decision number", {"khen_thuong": [{**GOOD["khen_thuong"][0],
                                              "so_quyet_dinh": "163/QD-TTXT"}]},
     ["khen_thuong/0/so_quyet_dinh: pattern"], "so-quyet-dinh"),
    ("missing required", {"don_vi": None}, ["don_vi: enum", "don_vi: type"], "thieu-truong"),
    ("too long", {"tom_tat": "x" * 201}, ["tom_tat: maxLength"], "qua-dai"),
]


def test_a_good_record_validates() -> None:
    assert errors(ROOT, "profile", GOOD) == []


@pytest.mark.parametrize(("change", "schema_errors", "rule"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_records_fail_both_the_schema_and_the_check(tmp_path: Path, change: dict,
                                                        schema_errors: list[str],
                                                        rule: str) -> None:
    data = {**GOOD, **change}
    assert errors(ROOT, "profile", data) == schema_errors
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nBài.\n"
    root = make_repo(tmp_path / "repo", {"profiles/tran-thi-dao/index.md": text})
    _, problems = check(Project(root=root), TODAY)
    assert rule in {p.rule for p in problems if p.is_error}


def test_empty_optional_fields_are_allowed_as_the_check_allows_them() -> None:
    assert errors(ROOT, "profile", {**GOOD, "chuc_vu": None, "don_vi_de_xuat": None,
                                    "anh": None}) == []


def test_models_and_campaigns_accept_page_metadata() -> None:
    model = {"ten": "Sổ tay", "loai": "sang_kien", "tac_gia": ["tran-thi-dao"],
             "don_vi": "phong-xuc-tien-dau-tu", "nam": 2024, "hieu_qua": "Nhanh hơn",
             "title": "Sổ tay nhà đầu tư", "hide": ["toc"]}
    assert errors(ROOT, "model", model) == []
    assert errors(ROOT, "model", {**model, "tac_gia": []}) == ["tac_gia: minItems"]


def test_enums_follow_the_reference_data(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {})
    units = root / "data" / "don-vi.yml"
    units.write_text(units.read_text(encoding="utf-8")
                     + "- id: phong-moi\n  ten: Phòng Mới\n  loai: phong\n", encoding="utf-8")
    schema = json_schema.generate("profile", load_reference(root / "data", root)[0])
    don_vi = schema["properties"]["don_vi"]
    assert don_vi["enum"][-1] == "phong-moi"
    assert don_vi["enumDescriptions"][-1] == "Phòng Mới"
    assert don_vi["description"] == "Đơn vị (id trong data/don-vi.yml). Bắt buộc."
    assert don_vi["examples"] == ["phong-xuc-tien-dau-tu"]


def test_internal_records_have_schemas_that_say_they_are_internal(tmp_path: Path) -> None:
    """Nominations and meetings get a schema for editors' tools like every record, marked
    internal, and a broken one fails the schema and `guongsang check` alike."""
    for kind in ("nomination", "meeting"):
        schema = json.loads((ROOT / "schemas" / json_schema.FILES[kind]).read_text("utf-8"))
        assert schema["description"].endswith(
            "Hồ sơ nội bộ: không bao giờ công bố; thư mục có thể là một kho riêng (noi_bo trong "
            "data/site.yml).")
        assert "title" not in schema["properties"]  # not a page: no page settings
    sample = ROOT / "noi-bo/de-nghi/2026-dang-thi-thuy-lao-dong-tien-tien.md"
    data = front_matter(sample)
    assert errors(ROOT, "nomination", {**data, "ket_qua": "dat"}) == [": additionalProperties"]
    assert errors(ROOT, "nomination", {**data, "hinh_thuc": "lao-dong-tien-tienn"}) == [
        "hinh_thuc: enum"]
    meeting = front_matter(ROOT / "noi-bo/hop-hoi-dong/2026-11-17-binh-xet-nam-2026.md")
    meeting["ket_qua"][0]["dong_y"] = -1
    assert errors(ROOT, "meeting", meeting) == ["ket_qua/0/dong_y: minimum"]


def test_private_fields_are_marked_in_their_description() -> None:
    schema = json.loads((ROOT / "schemas" / "ho-so.schema.json").read_text(encoding="utf-8"))
    assert "Riêng tư: không bao giờ công bố." in schema["properties"]["rieng_tu"]["description"]
