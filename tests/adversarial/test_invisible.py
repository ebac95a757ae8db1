"""An invisible character in every text field of every kind, walked from schema.py (a field
added later is covered the day it is added), in the data files, and in the search box.

The rule per field (documented in the editor guide, rule ``ky-tu-an``): an error where the
text is looked up or compared as typed (keys, names and titles, identifiers and references,
file names, former addresses, decision numbers); removed with a warning from free text.
cases/invisible.yml shows the messages on a whole site, with the same-person check.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from guongsang.check import check
from guongsang.load.kinds import INTERNAL_KINDS, KINDS, Kind
from guongsang.load.refdata import load_reference
from guongsang.load.yamlsrc import format_path
from guongsang.process.check import check_process
from guongsang.project import Project
from guongsang.schema import PAGE, Field
from guongsang.text import fold

from ..conftest import ROOT, TODAY, make_repo
from .test_every_kind import BASE, MINIMAL
from .test_injection import Path_, _map_keys

ZW = "\u200b"
# Fields whose text must be exact, named here as editors know them (the walk below finds the
# rest from the schema's declarations, and this list keeps the declarations honest).
MUST_BE_EXACT = {
    "profile": {"ho_ten", "loai", "don_vi", "linh_vuc[1]", "trang_thai", "anh[1].tep",
                "slug_cu[1]", "khong_trung_voi[1]", "khen_thuong[1].hinh_thuc",
                "khen_thuong[1].so_quyet_dinh", "phong_trao[1]", "mo_hinh[1]"},
    "model": {"ten", "title", "tac_gia[1]"},
    "campaign": {"ten", "title"},
    "story": {"tieu_de", "anh_bia.tep", "ho_so[1]", "phong_trao[1]", "mo_hinh[1]", "slug_cu[1]"},
    "page": {"title", "hide[1]"},
    "nomination": {"ho_so", "hinh_thuc", "phong_trao", "don_vi_de_nghi", "can_cu.sang_kien[1]",
                   "quyet_dinh.so_quyet_dinh"},
    "meeting": {"hinh_thuc_bieu_quyet", "thanh_vien[1].vai_tro", "de_nghi[1]",
                "ket_qua[1].de_nghi", "ket_qua[1].ket_qua"},
}
MAY_BE_CLEANED = {
    "profile": {"tom_tat", "chuc_vu", "khen_thuong[1].ly_do", "anh[1].mo_ta",
                "viec_tot[1].noi_dung", "tieu_chuan.chap_hanh", "thu_hoi.ly_do",
                "rieng_tu.ghi_chu"},
    "model": {"description", "hieu_qua"},
    "campaign": {"description", "tom_tat"},
    "story": {"tom_tat", "tac_gia", "anh_bia.mo_ta", "anh_bia.chu_thich"},
    "page": {"description"},
    "nomination": {"ghi_chu", "can_cu.ghi_chu", "khong_dat.ly_do", "trinh_cap_tren.so_to_trinh"},
    "meeting": {"ten", "dia_diem", "thanh_vien[1].ho_ten", "ket_luan", "thu_ky"},
}


def _fields(kind: Kind) -> tuple[Field, ...]:
    """The kind's fields, with the page settings a file under content/ may carry."""
    if kind.published_by_engine(Project(root=ROOT)) and kind.fields is not PAGE:
        return kind.fields + tuple(f for f in PAGE if f.key not in {g.key for g in kind.fields})
    return kind.fields


def _spoilt(example: Any) -> str:
    text = str(example)
    return text[:2] + ZW + text[2:]


def record_with_invisible(fields: tuple[Field, ...], ref, prefix: Path_ = ()) -> tuple[
        dict[str, Any], dict[str, bool]]:
    """A record whose every text field holds its example with a zero-width space inside, and
    whether each field (by its path in messages) is exact."""
    out: dict[str, Any] = {}
    exact: dict[str, bool] = {}
    for f in fields:
        here = prefix + (f.key,)
        if f.type == "text":
            out[f.key] = _spoilt(f.example or "Chữ")
            exact[format_path(here)] = bool(f.exact or f.ref or f.link or f.pattern)
        elif f.type == "list" and f.item is not None and f.item.type == "text":
            out[f.key] = [_spoilt(f.example[0])]
            item = f.item
            exact[format_path(here + (0,))] = bool(item.exact or item.ref or item.link)
        elif f.type == "list" and f.item is not None and f.item.type == "object":
            inner, flags = record_with_invisible(f.item.fields, ref, here + (0,))
            out[f.key] = [inner]
            exact.update(flags)
        elif f.type == "object":
            out[f.key], flags = record_with_invisible(f.fields, ref, here)
            exact.update(flags)
        elif f.type == "map":
            key = _map_keys(f, ref)[0]
            out[f.key] = {key: _spoilt("Minh chứng đầy đủ")}
            exact[format_path(here + (key,))] = False
        elif f.required or f.example is not None:
            out[f.key] = f.example
    return out, exact


@pytest.mark.parametrize("kind", [*KINDS, *INTERNAL_KINDS],
                         ids=[k.name for k in (*KINDS, *INTERNAL_KINDS)])
def test_an_invisible_character_in_every_text_field(kind: Kind, tmp_path: Path) -> None:
    ref, _ = load_reference(ROOT / "data", ROOT)
    data, exact = record_with_invisible(_fields(kind), ref)
    path = MINIMAL[kind.name][0]
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nChữ.\n"
    root = make_repo(tmp_path / "repo", {**BASE, path: text})
    corpus, problems = check(Project(root=root), TODAY)
    problems += check_process(Project(root=root), corpus)[1]
    found = {p.field: p for p in problems if p.file == path and p.rule == "ky-tu-an"}
    assert set(found) == set(exact), sorted(set(found) ^ set(exact))
    errors = {f for f, p in found.items() if p.is_error}
    assert errors == {f for f, is_exact in exact.items() if is_exact}
    assert MUST_BE_EXACT[kind.name] <= errors
    assert MAY_BE_CLEANED[kind.name] <= set(found) - errors
    for field, p in found.items():
        key = field.rsplit(".", 1)[-1].split("[")[0]
        if p.is_error:
            assert p.message.startswith(f"Trường `{key}` có dấu cách không độ rộng (U+200B) ở vị "
                                        "trí thứ 3: trường này phải ghi đúng từng ký tự."), p
        else:
            assert p.message == (f"Đã bỏ dấu cách không độ rộng (U+200B) ở vị trí thứ 3 khỏi "
                                 f"trường `{key}`."), p


def test_a_data_file_refuses_invisible_characters(tmp_path: Path) -> None:
    """Data files are shown on every page (the site's name, the units): one strict rule."""
    root = make_repo(tmp_path / "repo", {})
    site = root / "data" / "site.yml"
    text = site.read_text("utf-8")
    site.write_text(text.replace("ten_ngan: Gương sáng TTXT", f"ten_ngan: Gương{ZW} sáng TTXT"),
                    encoding="utf-8")
    line = text[:text.index("ten_ngan:")].count("\n") + 1
    corpus, problems = check(Project(root=root), TODAY)
    assert [p.format_text().split("\n")[0] for p in problems] == [
        (f"data/site.yml:{line}: lỗi [ky-tu-an] trường `ten_ngan`: Có dấu cách không độ rộng "
        "(U+200B) ở vị trí thứ 6 của giá trị; tệp dữ liệu không nhận ký tự vô hình.")]
    assert corpus.ref.site.ten_ngan == "Gương sáng TTXT"  # and none reaches a page even so


def test_the_search_box_folds_invisible_characters_as_the_index_does() -> None:
    """A name pasted with a zero-width space or a variation selector into the search box finds
    the name; the check's comparisons (same person, private values) fold the same way."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js not installed: the browser-side folding is not checked here")
    cases = [f"Nguyễn{ZW} Văn An", "Nguyễn Văn An\ufe0f", "Ng\u00aduyễn \u2060Văn \u202eAn",
             "\ufeffNguyễn Văn An", "Nguye\u034f\u0302\u0303n Văn An"]
    script = (f"const s = require({json.dumps(str(ROOT / 'overrides/assets/js/search.js'))});"
              f"process.stdout.write(JSON.stringify({json.dumps(cases)}.map(s.fold)));")
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [fold(c) for c in cases] == ["nguyen van an"] * len(cases)
