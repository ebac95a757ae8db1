"""The web form's configuration (quan-tri/config.yml) follows schema.py and the reference data."""
from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from guongsang.editor import decap
from guongsang.load.conform import (
    DATE_SHAPE,
    DECISION_EXAMPLE,
    DECISION_RE,
    DECISION_SHAPE,
    Conformer,
)
from guongsang.load.refdata import DATA_FILES, load_reference
from guongsang.load.yamlsrc import Source
from guongsang.project import Project
from guongsang.schema import AWARD, PROCESS_SCHEMAS, SCHEMAS, Field
from guongsang.text import slugify

from .conftest import ROOT, TODAY

PROJECT = Project(root=ROOT)
REF, _ = load_reference(ROOT / "data", ROOT)
CONFIG = yaml.safe_load((ROOT / decap.CONFIG).read_text(encoding="utf-8"))


def collection(name: str) -> dict[str, Any]:
    return next(c for c in CONFIG["collections"] if c["name"] == name)


def walk(fields: tuple[Field, ...], form: list[dict[str, Any]], where: str = "",
         optional_group: bool = False) -> None:
    """Every schema field is in the form, in the same order, with the same constraints.

    Inside an optional group the form asks for nothing (Decap would demand the keys of a group
    left empty); the group's hint names them and the check enforces them."""
    assert [f["name"] for f in form] == [f.key for f in fields], where
    for f, c in zip(fields, form, strict=True):
        at = f"{where}{f.key}"
        assert c.get("required", True) is (f.required and not optional_group), at
        if f.pattern == "decision":
            assert c["pattern"][0] == DECISION_RE.pattern, at
        if f.max_len:
            assert c["pattern"][0] == rf"^[\s\S]{{0,{f.max_len}}}$", at
        if f.type == "date":
            assert DATE_SHAPE in c["pattern"][1], at
        if f.private:
            assert c["label"].startswith(decap.PRIVATE_LABEL), at
        if f.type == "list" and f.item is not None and f.item.type == "object":
            walk(f.item.fields, c["fields"], at + ".")
        elif f.type == "object":
            walk(f.fields, c["fields"], at + ".", not f.required)
            if not f.required and any(x.required for x in f.fields):
                assert c["hint"].startswith("Nếu điền mục này thì phải điền đủ: "), at
        if f.ref or (f.item is not None and f.item.ref):
            assert c["widget"] == "select", at
            target = f.item if f.type == "list" else f
            assert [o["value"] for o in c["options"]] == REF.choices(target.ref), at


@pytest.mark.parametrize("kind", [k.kind for k in decap.KINDS])
def test_each_record_kind_has_every_schema_field_in_order(kind: str) -> None:
    row = next(k for k in decap.KINDS if k.kind == kind)
    form = collection(row.name)["fields"]
    assert form[-1]["name"] == "body"
    walk(SCHEMAS[kind], form[:-1])


def test_every_record_kind_of_the_schema_has_a_collection() -> None:
    """A new kind in schema.py (stories…) needs its row in decap.KINDS."""
    assert sorted(k.kind for k in decap.KINDS) == sorted(SCHEMAS)


def test_the_internal_records_have_no_place_in_the_public_form() -> None:
    """Nominations and meetings may live in a private repository; the form at /quan-tri/ is
    published with the site and saves into the public one: they never appear in it."""
    kinds = {k.kind for k in decap.KINDS}
    assert not kinds & set(PROCESS_SCHEMAS)
    text = (ROOT / decap.CONFIG).read_text(encoding="utf-8")
    for word in ("noi-bo", "de-nghi", "hop-hoi-dong"):
        assert word not in text, word

    def names(fields: list[dict[str, Any]]) -> set[str]:
        out = set()
        for f in fields:
            out.add(f["name"])
            out |= names(f.get("fields", []) + ([f["field"]] if "field" in f else []))
        return out
    found = set().union(*(names(c.get("fields", [])) for c in CONFIG["collections"]))
    # Keys only the internal records have (a story's `ho_so` links profiles, as a nomination's
    # does: a shared key is not internal).
    def keys(fields: tuple[Field, ...]) -> set[str]:
        return {k for f in fields for k in
                {f.key} | keys(f.fields) | (keys((f.item,)) if f.item else set())}
    public = set().union(*(keys(fields) for fields in SCHEMAS.values()))
    internal = set().union(*(keys(fields) for fields in PROCESS_SCHEMAS.values())) - public
    assert {"don_vi_de_nghi", "ngay_de_nghi", "dong_y_de_nghi", "trinh_cap_tren", "quyet_dinh",
            "khong_dat", "hinh_thuc_bieu_quyet", "de_nghi", "ket_qua", "thu_ky",
            "ket_luan"} <= internal
    assert found & internal == set()
    folders = {c.get("folder") for c in CONFIG["collections"]}
    assert folders == {"profiles", "content/mo-hinh", "content/phong-trao", "stories", None}


def test_profiles_live_in_a_folder_each_with_their_photos() -> None:
    c = collection("ho-so")
    assert (c["folder"], c["path"], c["media_folder"], c["public_folder"]) == (
        "profiles", "{{slug}}/index", "", "")
    photo = next(f for f in c["fields"] if f["name"] == "anh")
    assert photo["fields"][0] == {"name": "tep", "label": "Tên tệp ảnh trong thư mục hồ sơ",
                                  "widget": "image", "choose_url": False}


def test_the_form_opens_pull_requests_and_never_publishes_by_itself() -> None:
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert all(c["publish"] is False for c in CONFIG["collections"])
    assert CONFIG["slug"] == {"encoding": "ascii", "clean_accents": True,
                              "sanitize_replacement": "-"}


def test_the_sign_in_settings_come_from_site_yml_and_hold_no_secret() -> None:
    backend = CONFIG["backend"]
    assert (backend["name"], backend["repo"], backend["branch"], backend["base_url"],
            backend["auth_endpoint"]) == (
        "github", REF.site.quan_tri["kho"], "main", REF.site.quan_tri["dang_nhap"], "auth")
    text = (ROOT / decap.CONFIG).read_text(encoding="utf-8").lower()
    assert not re.search(r"secret|token|password|mat_khau", text)


def test_the_awards_offer_the_catalogue_with_its_levels() -> None:
    award = next(f for f in collection("ho-so")["fields"] if f["name"] == "khen_thuong")
    options = award["fields"][0]["options"]
    assert {"label": "Lao động tiên tiến (cấp cơ sở)", "value": "lao-dong-tien-tien"} in options
    assert len(options) == len(REF.awards)
    assert [f["name"] for f in award["fields"]] == [f.key for f in AWARD.item.fields]


def test_every_reference_data_file_is_editable() -> None:
    files = collection("du-lieu")["files"]
    assert [f["file"] for f in files] == [f"data/{name}" for name in DATA_FILES.values()]
    units = next(f for f in files if f["file"] == "data/don-vi.yml")
    assert units["fields"][0]["name"] == decap.LIST_KEY
    assert [f["name"] for f in units["fields"][0]["fields"]] == ["id", "ten", "loai"]


def test_the_form_repeats_the_checks_words_for_a_wrong_decision_number() -> None:
    src = Source("profiles/a/index.md", {"khen_thuong": [{"so_quyet_dinh": "163/QD-TTXT"}]})
    conformer = Conformer(src, REF, TODAY, "hồ sơ")
    conformer.record(SCHEMAS["profile"])
    [problem] = [p for p in conformer.problems if p.rule == "so-quyet-dinh"]
    assert DECISION_SHAPE in problem.message and DECISION_EXAMPLE in problem.hint
    field = next(f for f in next(f for f in collection("ho-so")["fields"]
                                 if f["name"] == "khen_thuong")["fields"]
                 if f["name"] == "so_quyet_dinh")
    assert field["pattern"][1] == f"Số quyết định {DECISION_SHAPE}. Ví dụ: {DECISION_EXAMPLE}."


def test_the_alt_text_is_held_to_150_characters_with_the_checks_rule() -> None:
    photo = next(f for f in collection("ho-so")["fields"] if f["name"] == "anh")
    alt = photo["fields"][1]
    assert alt["pattern"] == [r"^[\s\S]{0,150}$", "Mô tả ảnh cho người khiếm thị: tối đa 150 ký tự."]
    assert re.match(alt["pattern"][0], "a" * 150) and not re.match(alt["pattern"][0], "a" * 151)


def test_slugs_are_ascii_with_d_for_the_vietnamese_d() -> None:
    """The form's slug setting (clean_accents) gives what the checks expect; the browser test
    creates "Đặng Văn Đức" and finds the folder dang-van-duc."""
    assert slugify("Đặng Văn Đức") == "dang-van-duc"


def test_the_config_keeps_to_what_decap_reads() -> None:
    """Top-level keys Decap's config schema knows (its schema allows no typo to pass)."""
    known = {"backend", "local_backend", "publish_mode", "locale", "site_url", "display_url",
             "show_preview_links", "media_folder", "public_folder", "media_processing", "slug",
             "collections"}
    assert set(CONFIG) <= known
