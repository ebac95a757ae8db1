"""The law's reference data is checked like records: exact Vietnamese errors with file and line,
never a traceback, never a rule silently dropped -- including under hostile edits of every value.
"""
from __future__ import annotations

import copy
import random
import shutil
from pathlib import Path

import pytest
import yaml

from guongsang.check import check
from guongsang.load.awards import KINDS
from guongsang.load.corpus import Corpus, load
from guongsang.load.refdata import load_reference
from guongsang.pages.criteria import render_criteria
from guongsang.problems import Problem, sort_problems
from guongsang.project import Project
from guongsang.reports import eligibility
from guongsang.rules import RULES
from guongsang.rules.legal import IMPLS

from .conftest import ROOT, TODAY, make_repo

BROKEN_AWARDS = """\
- id: lao-dong-tien-tien
  ten: Lao động tiên tiến
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: co_so
  chu_ky: "một"
  xac_nhan: true
  dieu_kien:
    - luat: luat-tdkt-2022
      yeu_cau:
        - id: xep-loai
          kieu: xep_loai
          muc: hoan_thanh_tot
          so_nam: -2
          nguon: [s2]
          xac_nhan: "có"
          muc_do: loi
        - id: cung-nam
          kieu: danh_hieu_cung_nam
          hinh_thuc: lao-dong-tien-tien-2
          dieu: Điều 1
          nguon: [s999]
          xac_nhan: true
          muc_do: nang
        - id: lien-tiep
          kieu: lien_tiep
          hinh_thuc: lao-dong-tien-tien
          so_lan_lien_tiep: 3
          dieu: Điều 2
          nguon: [s2]
          xac_nhan: true
          muc_do: loi
        - id: moi
          kieu: moi_la
          dieu: Điều 3
          nguon: [s2]
          xac_nhan: true
          muc_do: loi
        - id: nhom
          kieu: mot_trong
          dieu: Điều 4
          nguon: [s2]
          xac_nhan: true
          muc_do: loi
          lua_chon: khong-phai-danh-sach
    - luat: nd-98-2023
      yeu_cau: []
"""

F = "data/danh-muc-khen-thuong.yml:"
P = "lỗi [du-lieu-tham-chieu] trường `[1]"


def test_broken_catalogue_gives_every_error_with_its_line(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {"data/danh-muc-khen-thuong.yml": BROKEN_AWARDS})
    _, problems = load_reference(root / "data", root)
    assert [p.format_text() for p in sort_problems(problems)] == [
        (f"{F}6: {P}.chu_ky`: `chu_ky` phải là một số nguyên, không phải \"một\".\n"
        "    Gợi ý: Ví dụ: chu_ky: 1"),
        (f"{F}11: {P}.dieu_kien[1].yeu_cau[1].dieu`: Thiếu trường bắt buộc `dieu`.\n"
        "    Gợi ý: Ví dụ: dieu: Điều 23 khoản 2"),
        (f"{F}14: {P}.dieu_kien[1].yeu_cau[1].so_nam`: `so_nam` phải từ 1 trở lên, không phải -2."
        "\n    Gợi ý: Ví dụ: so_nam: 1"),
        (f"{F}16: {P}.dieu_kien[1].yeu_cau[1].xac_nhan`: `xac_nhan` phải là true hoặc false, không "
        "phải \"có\".\n    Gợi ý: Ví dụ: xac_nhan: false"),
        (f"{F}20: {P}.dieu_kien[1].yeu_cau[2].hinh_thuc`: Mã \"lao-dong-tien-tien-2\" của "
        "`hinh_thuc` không có trong danh mục khen thưởng.\n"
        "    Gợi ý: Dùng một trong: lao-dong-tien-tien"),
        (f"{F}22: {P}.dieu_kien[1].yeu_cau[2].nguon[1]`: Nguồn \"s999\" không có trong mục `nguon` "
        "của data/van-ban-phap-ly.yml.\n    Gợi ý: Thêm nguồn (id, ten, url, do_tin_cay) hoặc "
        "sửa mã."),
        (f"{F}24: {P}.dieu_kien[1].yeu_cau[2].muc_do`: Mức \"nang\" không hợp lệ.\n"
        "    Gợi ý: Dùng loi hoặc canh_bao."),
        (f"{F}25: {P}.dieu_kien[1].yeu_cau[3].so_lan`: Kiểu `lien_tiep` cần tham số `so_lan` (số "
        "lần liên tục).\n    Gợi ý: Ví dụ: so_lan: 1"),
        (f"{F}28: {P}.dieu_kien[1].yeu_cau[3].so_lan_lien_tiep`: Trường `so_lan_lien_tiep` không "
        "dùng cho kiểu điều kiện `lien_tiep`. Có phải ý bạn là `so_lan`?\n"
        "    Gợi ý: Các trường được dùng: `id`, `kieu`, `dieu`, `van_ban`, `nguon`, `xac_nhan`, "
        "`muc_do`, `mo_ta`, `ghi_chu`, `cau_hoi_mo`, `lua_chon`, `hinh_thuc`, `so_lan`, "
        "`tre_toi_da`, `dung_lai`."),
        f"{F}34: {P}.dieu_kien[1].yeu_cau[4].kieu`: Kiểu điều kiện \"moi_la\" không được hỗ trợ.\n"
        "    Gợi ý: Dùng một trong: " + ", ".join(KINDS) + ".",
        (f"{F}45: {P}.dieu_kien[1].yeu_cau[5].lua_chon`: `lua_chon` phải là một danh sách (mỗi mục "
        "bắt đầu bằng `- `), không phải \"khong-phai-danh-sach\"."),
        (f"{F}46: {P}.dieu_kien[2].luat`: \"nd-98-2023\" không phải id của một luật trong "
        "data/van-ban-phap-ly.yml.\n    Gợi ý: Ví dụ: luat: luat-tdkt-2022"),
    ]


BROKEN_LEGAL = """\
van_ban:
  - id: luat-2022
    so_hieu: 06/2022/QH15
    ten: Luật 2022
    loai: luat
    hieu_luc_tu: 01/01/2024
    xac_nhan: true
    nguon: [s1]
  - id: nd-152
    so_hieu: 152/2025/NĐ-CP
    ten: Nghị định 152
    loai: thong_tu
    huong_dan: nd-xx
    hieu_luc_tu: 31/02/2025
    hieu_luc_den: 28/02/2027
    nguon: [s9]
  - id: nd-98
    so_hieu: 98/2023/NĐ-CP
    ten: Nghị định 98
    loai: nghi_dinh
    huong_dan: luat-2022
    hieu_luc_tu: 01/07/2025
    hieu_luc_den: 30/06/2025
    xac_nhan: "true"
    nguon: s1
    hieu_luc: 2025
nguon:
  - {id: s1, ten: Công báo, url: "ftp://example.vn", do_tin_cay: van_ban}
  - {id: s1, ten: Trùng, url: "https://example.vn", do_tin_cay: tin_don}
cau_hoi_mo:
  - {id: q, cau_hoi: Hỏi?, tham_so: dung_lai, mac_dinh: Không.}
"""


def test_broken_legal_texts_and_vocabulary(tmp_path: Path) -> None:
    vocab = (ROOT / "data" / "tu-vung.yml").read_text(encoding="utf-8")
    vocab = vocab.replace("{id: hoan_thanh_tot, ten: Hoàn thành tốt nhiệm vụ, bac: 3}",
                          "{id: hoan_thanh_tot, ten: Hoàn thành tốt nhiệm vụ, bac: cao}")
    vocab = vocab.replace("{id: tinh, ten: Tỉnh, ky_hieu: [UBND]", "{id: tinh, ten: Tỉnh, ky_hieu: {a: 1}")
    root = make_repo(tmp_path / "repo", {"data/van-ban-phap-ly.yml": BROKEN_LEGAL,
                                         "data/tu-vung.yml": vocab,
                                         "data/danh-muc-khen-thuong.yml": "[]\n"})
    ref, problems = load_reference(root / "data", root)
    L = "data/van-ban-phap-ly.yml:"
    E = "lỗi [du-lieu-tham-chieu] trường"
    assert [p.format_text() for p in sort_problems(problems)] == [
        (f"data/tu-vung.yml:18: {E} `cap_khen_thuong[2].ky_hieu`: `ky_hieu` của cấp \"tinh\" phải là "
        "một danh sách chữ, không phải một nhóm trường con.\n    Gợi ý: Ví dụ: ky_hieu: [UBND]"),
        (f"data/tu-vung.yml:46: {E} `xep_loai[2].bac`: Mục \"hoan_thanh_tot\" của `xep_loai` cần "
        "`bac`: một số nguyên không âm (thứ bậc), không phải \"cao\".\n"
        "    Gợi ý: Ví dụ: - {id: hoan_thanh_tot, ten: Hoàn thành tốt nhiệm vụ, bac: 3}"),
        (f"{L}9: {E} `van_ban[2].xac_nhan`: Thiếu trường bắt buộc `xac_nhan` (true hoặc false).\n"
        "    Gợi ý: Ví dụ: xac_nhan: false"),
        (f"{L}12: {E} `van_ban[2].loai`: Mã \"thong_tu\" của `loai` không có trong "
        "tu-vung.yml (loai_van_ban).\n    Gợi ý: Dùng một trong: luat, nghi_dinh"),
        (f"{L}13: {E} `van_ban[2].huong_dan`: `huong_dan` phải là id của một luật trong tệp này; "
        "\"nd-xx\" không phải."),
        (f"{L}14: {E} `van_ban[2].hieu_luc_tu`: Ngày \"31/02/2025\" không hợp lệ.\n"
        "    Gợi ý: Ví dụ: hieu_luc_tu: 01/01/2024"),
        (f"{L}16: {E} `van_ban[2].nguon[1]`: Nguồn \"s9\" không có trong mục `nguon` của "
        "data/van-ban-phap-ly.yml.\n    Gợi ý: Thêm nguồn (id, ten, url, do_tin_cay) hoặc sửa mã."),
        f"{L}23: {E} `van_ban[3].hieu_luc_den`: Ngày hết hiệu lực đứng trước ngày có hiệu lực.",
        (f"{L}24: {E} `van_ban[3].xac_nhan`: `xac_nhan` phải là true hoặc false, không phải "
        "\"true\".\n    Gợi ý: Ví dụ: xac_nhan: false"),
        (f"{L}26: {E} `van_ban[3].hieu_luc`: Trường `hieu_luc` không dùng cho một văn bản. Có phải "
        "ý bạn là `hieu_luc_tu`?\n    Gợi ý: Các trường được dùng: `id`, `so_hieu`, `ten`, "
        "`ten_ngan`, `loai`, `huong_dan`, `sua_doi`, `ngay_ky`, `hieu_luc_tu`, `hieu_luc_den`, "
        "`xac_nhan`, `nguon`, `ghi_chu`."),
        (f"{L}28: {E} `nguon[1].url`: Địa chỉ nguồn \"ftp://example.vn\" phải bắt đầu bằng "
        "https:// hoặc http://."),
        (f"{L}29: {E} `nguon[2].do_tin_cay`: Mã \"tin_don\" của `do_tin_cay` không có "
        "trong tu-vung.yml (do_tin_cay).\n    Gợi ý: Dùng một trong: van_ban, hoi_dap_chinh_thuc, bao_chi, "
        "cong_thong_tin, yeu"),
        f"{L}29: {E} `nguon[2].id`: Mã nguồn \"s1\" bị trùng.",
        (f"{L}31: {E} `cau_hoi_mo[1].gia_tri`: Thiếu trường bắt buộc `gia_tri` (giá trị mặc "
        "định).\n    Gợi ý: Ví dụ: gia_tri: false"),
    ]
    # A text without a usable first day is never in force, so it cannot hide a gap.
    assert not ref.legal["nd-152"].in_force(TODAY)
    assert ref.law.sources["s1"].ten == "Công báo"  # the first of two equal ids is kept


def test_a_broken_requirement_is_reported_once_and_never_counted_as_met(tmp_path: Path) -> None:
    """The award check does not repeat the data error per award; the report says it was not
    checked, so nobody is called eligible on a rule that was not evaluated."""
    awards = (ROOT / "data" / "danh-muc-khen-thuong.yml").read_text(encoding="utf-8")
    awards = awards.replace("""        - id: xep-loai
          kieu: xep_loai
          muc: hoan_thanh_tot
          dieu: Điều 24 khoản 1 điểm a
""", """        - id: xep-loai
          kieu: xep_loai
          muc: hoan_thanh_totx
          dieu: Điều 24 khoản 1 điểm a
""", 1)
    profile = ("---\nho_ten: Nguyễn Văn An\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
               "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n"
               "thanh_tich:\n  - {nam: 2025, noi_dung: Tốt, xep_loai: hoan_thanh}\n"
               "khen_thuong:\n  - {hinh_thuc: lao-dong-tien-tien, nam: 2025, so_quyet_dinh: "
               "9/QĐ-TTXT, ngay_quyet_dinh: 07/01/2026}\n---\nx\n")
    root = make_repo(tmp_path / "repo", {"data/danh-muc-khen-thuong.yml": awards,
                                         "profiles/nguyen-van-an/index.md": profile})
    corpus, problems = check(Project(root=root), TODAY)
    assert [p.format_text().split("\n")[0] for p in problems if p.severity.value != "info"] == [
        ("data/danh-muc-khen-thuong.yml:36: lỗi [du-lieu-tham-chieu] trường "
        "`[1].dieu_kien[1].yeu_cau[1].muc`: Mã \"hoan_thanh_totx\" của `muc` không có trong "
        "tu-vung.yml (xep_loai).")]
    text = eligibility.render(corpus, TODAY, 2026)
    assert ("| Nguyễn Văn An | Phòng Xúc tiến Đầu tư | Lao động tiên tiến | — | Điều 24 khoản 1 "
            "điểm a (Luật Thi đua, khen thưởng 2022): cần điều kiện \"xep-loai\" (dòng 34 của "
            "data/danh-muc-khen-thuong.yml); điều kiện này trong data/danh-muc-khen-thuong.yml có "
            "lỗi nên chưa được kiểm tra |  |") in text


def test_every_declared_kind_has_an_evaluator_with_pass_and_fail_examples() -> None:
    assert set(KINDS) == set(IMPLS)
    for kind_id, impl in IMPLS.items():
        assert "PASS:" in impl.doc and "FAIL:" in impl.doc, kind_id


# -- hostile edits ----------------------------------------------------------------------------

HOSTILE = [None, "", "x", -1, 0, 2.5, True, [], {}, ["x"], {"x": 1}, "31/02/2025", 10**9]
WRONG_TYPES = [None, "x", -1, True, [], {"x": 1}]
"""One value of each shape, for the exhaustive walk."""
LAW_FILES = ("danh-muc-khen-thuong.yml", "van-ban-phap-ly.yml", "tu-vung.yml")
LAW_RULES = ("dieu-kien-khen-thuong", "khen-thuong-hop-le", "thieu-minh-chung")


def _paths(node, prefix=()):
    """Every (path, value) of a parsed YAML tree, containers included."""
    yield prefix, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(tree) -> str:
    return yaml.dump(tree, Dumper=_DUMPER, allow_unicode=True)


def _replace(tree, path, value):
    tree = copy.deepcopy(tree)
    if not path:
        return value
    node = tree
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return tree


FUZZ_PROFILES = ("le-minh-duc", "dang-thi-thuy", "tran-van-an", "phong-xuc-tien-du-lich")
"""Sample records that between them meet every kind of requirement (kept few: speed)."""


@pytest.fixture(scope="module")
def sample():
    """Part of the shipped sample corpus, loaded once; each mutation swaps in new reference data."""
    corpus, _ = load(Project(root=ROOT), TODAY)
    corpus.profiles = {k: v for k, v in corpus.profiles.items() if k in FUZZ_PROFILES}
    return corpus


def _exercise(corpus: Corpus, data_dir: Path, root: Path) -> list[Problem]:
    """Everything that reads the law: reference loading, the rules, the report, the page."""
    from guongsang.pages import Context

    ref, problems = load_reference(data_dir, root)
    trial = Corpus(ref=ref, profiles=corpus.profiles, models=corpus.models,
                   campaigns=corpus.campaigns, today=TODAY)
    for r in RULES:
        if r.id in LAW_RULES:
            problems += list(r.fn(trial))
    eligibility.render(trial, TODAY, 2025)
    render_criteria(Context(trial, None, None))  # type: ignore[arg-type]
    return problems


@pytest.mark.parametrize("name", LAW_FILES)
def test_hostile_edits_of_the_law_data_never_crash(sample, tmp_path: Path, name: str) -> None:
    """A deterministic sample of (value, hostile replacement) over every node of each file: the
    result is always a list of problems (an internal-error problem counts as a crash)."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    tree = yaml.load((ROOT / "data" / name).read_text(encoding="utf-8"), Loader=_LOADER)
    paths = [p for p, _ in _paths(tree)]
    rng = random.Random(name)
    trials = [(p, rng.choice(HOSTILE)) for p in rng.sample(paths, min(len(paths), 80))]
    for path, value in trials:
        (root / "data" / name).write_text(_dump(_replace(tree, path, value)), encoding="utf-8")
        problems = _exercise(sample, root / "data", root)
        crashes = [p.format_text() for p in problems if p.file == "(hệ thống)"]
        assert crashes == [], (path, value)
        assert all(isinstance(p, Problem) for p in problems)


def test_every_parameter_of_every_requirement_takes_every_wrong_type(sample, tmp_path: Path) -> None:
    """Exhaustive over one condition set with alternatives (Chiến sĩ thi đua cơ sở, Luật 2022):
    every key of every requirement replaced by a value of each shape."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    tree = yaml.load((ROOT / "data" / "danh-muc-khen-thuong.yml").read_text(encoding="utf-8"),
                     Loader=_LOADER)
    keys = sorted({(p[:-1], p[-1]) for p, _ in _paths(tree)
                   if len(p) >= 2 and isinstance(p[-1], str) and "yeu_cau" in p
                   and p[:3] == (1, "dieu_kien", 0)}, key=str)
    assert len(keys) > 20
    for parent, key in keys:
        for value in WRONG_TYPES:
            (root / "data" / "danh-muc-khen-thuong.yml").write_text(
                _dump(_replace(tree, parent + (key,), value)), encoding="utf-8")
            problems = _exercise(sample, root / "data", root)
            assert [p.format_text() for p in problems if p.file == "(hệ thống)"] == [], (key, value)


def test_a_standard_that_leads_back_to_itself_is_an_error_not_a_loop(tmp_path: Path) -> None:
    awards = (ROOT / "data" / "danh-muc-khen-thuong.yml").read_text(encoding="utf-8")
    loop = awards.replace("""        - id: xep-loai
          kieu: xep_loai
          muc: hoan_thanh_tot
          dieu: Điều 24 khoản 1 điểm a
          nguon: [s2]""", """        - id: xep-loai
          kieu: danh_hieu_cung_nam
          hinh_thuc: chien-si-thi-dua-co-so
          dat_tieu_chuan: true
          dieu: Điều 24 khoản 1 điểm a
          nguon: [s2]""", 1)
    assert loop != awards
    profile = ("---\nho_ten: Nguyễn Văn An\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
               "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n"
               "khen_thuong:\n  - {hinh_thuc: chien-si-thi-dua-co-so, nam: 2025, so_quyet_dinh: "
               "10/QĐ-TTXT, ngay_quyet_dinh: 07/01/2026}\n---\nx\n")
    root = make_repo(tmp_path / "repo", {"data/danh-muc-khen-thuong.yml": loop,
                                         "profiles/nguyen-van-an/index.md": profile})
    corpus, problems = check(Project(root=root), TODAY)
    assert [p.format_text().split("\n")[0] for p in problems if p.rule == "du-lieu-tham-chieu"] == [
        ("data/danh-muc-khen-thuong.yml:34: lỗi [du-lieu-tham-chieu] Yêu cầu \"xep-loai\" của "
        "\"lao-dong-tien-tien\" đòi đạt tiêu chuẩn \"chien-si-thi-dua-co-so\", và tiêu chuẩn đó lại "
        "dẫn về \"lao-dong-tien-tien\": vòng tròn này không kiểm tra được."),
        ("data/danh-muc-khen-thuong.yml:79: lỗi [du-lieu-tham-chieu] Yêu cầu \"tieu-chuan-ldtt\" của "
        "\"chien-si-thi-dua-co-so\" đòi đạt tiêu chuẩn \"lao-dong-tien-tien\", và tiêu chuẩn đó lại "
        "dẫn về \"chien-si-thi-dua-co-so\": vòng tròn này không kiểm tra được.")]
    assert not [p for p in problems if p.file == "(hệ thống)"]
    assert "Nguyễn Văn An" in eligibility.render(corpus, TODAY, 2026)  # no endless recursion


def test_a_long_chain_of_grounds_that_refer_to_their_own_form_ends(tmp_path: Path) -> None:
    """Hostile data: each Lao động tiên tiến needs an earlier one; 400 of them must neither
    recurse without end nor take long."""
    import time

    awards = (ROOT / "data" / "danh-muc-khen-thuong.yml").read_text(encoding="utf-8")
    chain = awards.replace("""        - id: tinh-than
          kieu: tham_dinh""", """        - id: truoc-do
          kieu: so_lan
          hinh_thuc: lao-dong-tien-tien
          so_lan: 1
          dieu: Điều 99
          nguon: [s2]
          xac_nhan: true
          muc_do: loi
        - id: tinh-than
          kieu: tham_dinh""", 1)
    items = "".join(f"  - {{hinh_thuc: lao-dong-tien-tien, nam: 2025, so_quyet_dinh: {i}/QĐ-TTXT, "
                    "ngay_quyet_dinh: 07/01/2026}\n" for i in range(1, 401))
    profile = ("---\nho_ten: Nguyễn Văn An\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
               "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n"
               "khen_thuong:\n" + items + "---\nx\n")
    root = make_repo(tmp_path / "repo", {"data/danh-muc-khen-thuong.yml": chain,
                                         "profiles/nguyen-van-an/index.md": profile})
    started = time.perf_counter()
    corpus, problems = check(Project(root=root), TODAY)
    eligibility.render(corpus, TODAY, 2025)
    assert time.perf_counter() - started < 60
    assert not [p for p in problems if p.file == "(hệ thống)"]
    assert sum(p.rule == "khen-thuong-trung" for p in problems) == 399
