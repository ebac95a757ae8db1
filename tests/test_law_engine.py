"""The engine behind every legal judgement: API, choice of law by date, lapses, open questions,
and the eligibility report built on it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.pages.legalbasis import basis_text
from guongsang.project import Project
from guongsang.reports import eligibility
from guongsang.rules.legal import Status, basis_on, engine_for, evaluate

from .conftest import ROOT, TODAY, make_repo

HTT, HTXS, HT = "hoan_thanh_tot", "hoan_thanh_xuat_sac", "hoan_thanh"


def award(form: str, year: int, number: str, day: str, **extra: str) -> str:
    return (f"  - {{hinh_thuc: {form}, nam: {year}, so_quyet_dinh: {number}, "
            f"ngay_quyet_dinh: {day}" + "".join(f", {k}: {v}" for k, v in extra.items()) + "}\n")


def profile(name: str, awards: list[str], ratings: dict[int, str] | None = None) -> str:
    lines = ["---", f"ho_ten: {name}", "loai: ca_nhan", "don_vi: phong-xuc-tien-dau-tu",
             "linh_vuc: [xuc-tien-dau-tu]", "trang_thai: nhan_to_moi", "dong_y_cong_bo: true"]
    if ratings:
        lines.append("thanh_tich:")
        lines += [f"  - {{nam: {y}, noi_dung: Tốt, xep_loai: {r}}}" for y, r in ratings.items()]
    text = "\n".join(lines) + "\n"
    if awards:
        text += "khen_thuong:\n" + "".join(awards)
    return text + "---\nCâu chuyện.\n"


def model(title: str, author: str, year: int, day: str, scope: str = "don_vi") -> str:
    return (f"---\nten: {title}\nloai: sang_kien\ntac_gia: [{author}]\n"
            f"don_vi: phong-xuc-tien-dau-tu\nnam: {year}\npham_vi: {scope}\ncong_nhan:\n"
            f"  so_quyet_dinh: {year % 100}9/QĐ-TTXT\n  ngay_quyet_dinh: {day}\n"
            f"  pham_vi: {scope}\nhieu_qua: Tốt\n---\n")


def corpus_of(tmp_path: Path, files: dict[str, str], today: date = TODAY):
    corpus, problems = check(Project(root=make_repo(tmp_path / "repo", files)), today)
    return corpus, [p.format_text() for p in problems if p.severity.value != "info"]


def test_evaluate_gives_per_requirement_results_with_alternatives_grouped(tmp_path: Path) -> None:
    corpus, problems = corpus_of(tmp_path, {"profiles/nguyen-van-an/index.md": profile(
        "Nguyễn Văn An", [award("chien-si-thi-dua-co-so", 2024, "13/QĐ-TTXT", "08/01/2025")],
        {2024: HTXS})})
    assert problems == []
    p = corpus.profiles["nguyen-van-an"]
    v = evaluate(corpus, p, "chien-si-thi-dua-co-so", date(2025, 1, 8), 2024)
    assert v.eligible and v.invalid == [] and v.manual == []
    assert v.basis.label == "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP"
    assert v.basis.condition_set.anchor == "dk-chien-si-thi-dua-co-so-luat-tdkt-2022"
    standard, group = v.results
    assert (standard.requirement.dieu, standard.requirement.nguon, standard.requirement.xac_nhan,
            standard.requirement.muc_do) == ("Điều 23 khoản 1", ("s2", "s1"), True, "loi")
    assert (standard.status, standard.found) == (
        Status.MET, ("đạt tiêu chuẩn \"Lao động tiên tiến\": năm 2024 xếp loại \"Hoàn thành xuất "
                    "sắc nhiệm vụ\""))
    assert group.requirement.kieu == "mot_trong" and group.chosen.requirement.id == "htxs"
    assert [(c.requirement.id, c.status) for c in group.children] == [
        ("htxs", Status.MET), ("sang-kien", Status.MISSING), ("de-tai", Status.MISSING)]
    # The same record judged by the 2003 law (a decision of 2023) is not eligible.
    v2003 = evaluate(corpus, p, "chien-si-thi-dua-co-so", date(2023, 12, 27), 2024)
    assert v2003.basis.condition_set.luat == "luat-tdkt-2003" and not v2003.eligible
    assert [r.requirement.id for r in v2003.failures] == ["ldtt", "sang-kien-hoac-de-tai"]


@pytest.mark.parametrize(("day", "texts"), [
    (date(2023, 12, 31), ["luat-tdkt-2003", "nd-91-2017"]),
    (date(2024, 1, 1), ["luat-tdkt-2022", "nd-98-2023"]),
    (date(2025, 6, 30), ["luat-tdkt-2022", "nd-98-2023"]),
    (date(2025, 7, 1), ["luat-tdkt-2022", "nd-152-2025"]),
    (date(2026, 10, 1), ["luat-tdkt-2022", "luat-sua-doi-2026", "nd-152-2025"]),
    (date(2027, 2, 28), ["luat-tdkt-2022", "luat-sua-doi-2026", "nd-152-2025"]),
    (date(2027, 3, 1), ["luat-tdkt-2022", "luat-sua-doi-2026"]),
])
def test_the_basis_is_chosen_by_the_decision_date(day: date, texts: list[str]) -> None:
    from guongsang.load.refdata import load_reference

    ref, problems = load_reference(ROOT / "data", ROOT)
    assert problems == []
    basis = basis_on(ref, ref.awards["chien-si-thi-dua-co-so"], "ca_nhan", day)
    assert [t.id for t in basis.texts] == texts
    assert basis.condition_set.luat == texts[0]
    assert bool(basis.gaps) is (day >= date(2027, 3, 1))


def test_the_legal_basis_column_switches_decree_on_01_07_2025(tmp_path: Path) -> None:
    corpus, problems = corpus_of(tmp_path, {"profiles/nguyen-van-an/index.md": profile(
        "Nguyễn Văn An", [award("giay-khen-giam-doc", 2025, "40/QĐ-TTXT", "30/06/2025"),
                          award("giay-khen-giam-doc", 2025, "41/QĐ-TTXT", "01/07/2025")])})
    assert problems == []
    p = corpus.profiles["nguyen-van-an"]
    assert [basis_text(corpus.ref, p, a) for a in p.khen_thuong] == [
        "Luật Thi đua, khen thưởng 2022 (06/2022/QH15); Nghị định 98/2023/NĐ-CP",
        "Luật Thi đua, khen thưởng 2022 (06/2022/QH15); Nghị định 152/2025/NĐ-CP"]


LAPSE_GAP = ("Ngày 01/03/2027 không có nghị định hướng dẫn Luật Thi đua, khen thưởng 2022 nào đã "
             "xác nhận còn hiệu lực trong data/van-ban-phap-ly.yml (152/2025/NĐ-CP hết hiệu lực từ "
             "01/03/2027){only}. Điều kiện vẫn được xét theo Luật Thi đua, khen thưởng 2022; cập "
             "nhật data/van-ban-phap-ly.yml khi có nghị định mới hoặc văn bản kéo dài hiệu lực.")
NEW_DECREE = """\
  - id: nd-moi
    so_hieu: 1/2027/NĐ-CP
    ten: Nghị định mới
    loai: nghi_dinh
    huong_dan: luat-tdkt-2022
    hieu_luc_tu: 01/03/2027
    xac_nhan: {confirmed}
    nguon: [s24]
"""


@pytest.mark.parametrize(("confirmed", "gaps"), [
    (None, [LAPSE_GAP.format(only="")]),
    ("false", [LAPSE_GAP.format(only="; chỉ có 1/2027/NĐ-CP (chưa xác nhận)")]),
    ("true", []),
])
def test_an_unconfirmed_text_never_hides_a_lapse(tmp_path: Path, confirmed: str | None,
                                                gaps: list[str]) -> None:
    legal = (ROOT / "data" / "van-ban-phap-ly.yml").read_text(encoding="utf-8")
    if confirmed:
        legal = legal.replace("\nnguon:\n", "\n" + NEW_DECREE.format(confirmed=confirmed)
                              + "\nnguon:\n", 1)
    from guongsang.load.refdata import load_reference

    root = make_repo(tmp_path / "repo", {"data/van-ban-phap-ly.yml": legal})
    ref, problems = load_reference(root / "data", root)
    assert problems == []
    basis = basis_on(ref, ref.awards["lao-dong-tien-tien"], "ca_nhan", date(2027, 3, 1))
    assert list(basis.gaps) == gaps


CHAIN = [award("lao-dong-tien-tien", 2022, "215/QĐ-TTXT", "26/12/2022"),
         award("chien-si-thi-dua-co-so", 2022, "216/QĐ-TTXT", "26/12/2022"),
         award("chien-si-thi-dua-co-so", 2023, "1/QĐ-TTXT", "05/01/2024"),
         award("chien-si-thi-dua-co-so", 2024, "13/QĐ-TTXT", "08/01/2025"),
         award("chien-si-thi-dua-cap-tinh", 2024, "845/QĐ-UBND", "15/04/2025",
               co_quan="Chủ tịch UBND tỉnh"),
         award("chien-si-thi-dua-co-so", 2025, "10/QĐ-TTXT", "07/01/2026"),
         award("chien-si-thi-dua-cap-tinh", 2025, "420/QĐ-UBND", "16/03/2026",
               co_quan="Chủ tịch UBND tỉnh")]
CHAIN_FILES = {
    "profiles/nguyen-van-an/index.md": profile("Nguyễn Văn An", CHAIN,
                                               {2022: HTT, 2023: HTXS, 2024: HTXS, 2025: HTXS}),
    "content/mo-hinh/sk-2022.md": model("Sáng kiến 2022", "nguyen-van-an", 2022, "20/12/2022"),
    "content/mo-hinh/sk-tinh-2024.md": model("Sáng kiến tỉnh 2024", "nguyen-van-an", 2024,
                                             "25/11/2024", "tinh"),
    "content/mo-hinh/sk-tinh-2025.md": model("Sáng kiến tỉnh 2025", "nguyen-van-an", 2025,
                                             "20/12/2025", "tinh"),
}


def _with_question(value: str, question: str = "dung-lai-lan-truoc", param: str = "dung_lai") -> str:
    legal = (ROOT / "data" / "van-ban-phap-ly.yml").read_text(encoding="utf-8")
    start = legal.index(f"  - id: {question}")
    old = legal[start:].split(f"    tham_so: {param}\n    gia_tri: ", 1)[1].split("\n", 1)[0]
    return legal[:start] + legal[start:].replace(
        f"tham_so: {param}\n    gia_tri: {old}", f"tham_so: {param}\n    gia_tri: {value}", 1)


def test_the_re_use_of_years_is_an_open_question_decided_in_data(tmp_path: Path) -> None:
    """Default (no re-use): the 2025 provincial title lacks fresh years. Answering the question
    in data (gia_tri: true) changes the judgement, with no code change."""
    corpus, problems = corpus_of(tmp_path / "a", CHAIN_FILES)
    p = corpus.profiles["nguyen-van-an"]
    v = engine_for(corpus).verdict_of(p, p.khen_thuong[6])
    assert not v.eligible
    assert v.results[0].found == ("năm 2023, 2024 đã dùng cho \"Chiến sĩ thi đua cấp tỉnh\" năm "
                                  "2024 (mặc định không dùng lại, câu hỏi mở "
                                  "\"dung-lai-lan-truoc\")")
    corpus, problems = corpus_of(tmp_path / "b", {**CHAIN_FILES,
                                                  "data/van-ban-phap-ly.yml": _with_question("true")})
    assert problems == []
    p = corpus.profiles["nguyen-van-an"]
    assert engine_for(corpus).verdict_of(p, p.khen_thuong[6]).eligible


def test_the_year_of_the_initiative_is_an_open_question_decided_in_data(tmp_path: Path) -> None:
    """Default: the provincial initiative may date from any year of the 3-year chain; with
    gia_tri: 1 it must date from the award year."""
    files = {"profiles/nguyen-van-an/index.md": profile("Nguyễn Văn An", CHAIN[:5],
                                                        {2022: HTT, 2023: HTXS, 2024: HTXS}),
             "content/mo-hinh/sk-2022.md": CHAIN_FILES["content/mo-hinh/sk-2022.md"],
             "content/mo-hinh/sk-tinh-2023.md": model("Sáng kiến tỉnh 2023", "nguyen-van-an", 2023,
                                                      "25/11/2023", "tinh")}
    _, problems = corpus_of(tmp_path / "a", files)
    assert problems == []
    legal = _with_question("1", "nam-sang-kien-cstd-tinh", "so_nam")
    _, problems = corpus_of(tmp_path / "b", {**files, "data/van-ban-phap-ly.yml": legal})
    assert [line.split("\n")[0] for line in problems] == [
        ("profiles/nguyen-van-an/index.md:17: lỗi [dieu-kien-khen-thuong] trường "
        "`khen_thuong[5].hinh_thuc`: \"Chiến sĩ thi đua cấp tỉnh\" năm 2024 chưa đủ điều kiện "
        "theo Điều 22 khoản 1 điểm b, khoản 2 (Luật Thi đua, khen thưởng 2022): cần 1 sáng kiến "
        "hoặc đề tài khoa học được công nhận, phạm vi từ \"Toàn tỉnh\" trở lên, năm 2024; chưa có "
        "sáng kiến hoặc đề tài khoa học nào đủ điều kiện (không tính: \"Sáng kiến 2022\" năm "
        "2022, ngoài 2024; \"Sáng kiến tỉnh 2023\" năm 2023, ngoài 2024).")]


# -- the eligibility report -------------------------------------------------------------------

def _cs(year: int, n: str, day: str) -> list[str]:
    return [award("lao-dong-tien-tien", year, f"{n}1/QĐ-TTXT", day),
            award("chien-si-thi-dua-co-so", year, f"{n}2/QĐ-TTXT", day)]


def _person(slug: str, name: str, ratings: dict[int, str], years: list[int],
            initiative: bool) -> dict[str, str]:
    days = {2024: "08/01/2025", 2025: "07/01/2026", 2026: "20/11/2026"}
    awards = [a for y in years for a in _cs(y, str(y % 100), days[y])]
    files = {f"profiles/{slug}/index.md": profile(name, awards, ratings)}
    if initiative:
        files[f"content/mo-hinh/sk-tinh-{slug}.md"] = model(f"Sáng kiến tỉnh của {name}", slug,
                                                          2026, "15/11/2026", "tinh")
    return files


REPORT_FILES = {
    # Complete: Chiến sĩ thi đua cơ sở 2024–2026 and a provincial initiative of 2026.
    **_person("nguyen-van-an", "Nguyễn Văn An", {2024: HTXS, 2025: HTXS, 2026: HTXS},
              [2024, 2025, 2026], True),
    # One year short: nothing yet for 2026.
    **_person("tran-thi-binh", "Trần Thị Bình", {2024: HTXS, 2025: HTXS}, [2024, 2025], True),
    # Missing only the initiative.
    **_person("le-van-cuong", "Lê Văn Cường", {2024: HTXS, 2025: HTXS, 2026: HTXS},
              [2024, 2025, 2026], False),
    # Built on an invalid ground: 2024 rated "hoàn thành".
    **_person("pham-thi-dung", "Phạm Thị Dung", {2024: HT, 2025: HTXS, 2026: HTXS},
              [2024, 2025, 2026], True),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = make_repo(tmp_path_factory.mktemp("elig") / "repo", REPORT_FILES)
    corpus, _ = check(Project(root=root), TODAY)
    return eligibility.render(corpus, TODAY, 2026)


def _rows(text: str, heading: str) -> list[str]:
    part = text.split(heading + "\n", 1)[1]
    part = part.split("\n#", 1)[0]
    return [line for line in part.splitlines() if line.startswith("| ") and "---" not in line][1:]


def _row(text: str, heading: str, name: str, form: str) -> str:
    found = [r for r in _rows(text, heading) if f"| {name} |" in r and f"| {form} |" in r]
    assert len(found) == 1, (name, form, heading)
    return found[0]


CSTD = "Chiến sĩ thi đua cấp tỉnh"


def test_a_complete_chain_is_eligible(report: str) -> None:
    assert _row(report, "## 1. Đủ điều kiện đề nghị năm 2026", "Nguyễn Văn An", CSTD) == (
        "| 1 | Nguyễn Văn An | Phòng Xúc tiến Đầu tư | Chiến sĩ thi đua cấp tỉnh | có \"Chiến sĩ "
        "thi đua cơ sở\" năm 2024, 2025, 2026; \"Sáng kiến tỉnh của Nguyễn Văn An\" (Toàn tỉnh, "
        "công nhận theo 269/QĐ-TTXT) | — |  |")


def test_a_chain_one_year_short_says_which_year(report: str) -> None:
    assert _row(report, "### 2.1. Chỉ còn thiếu một yêu cầu (với tiêu chuẩn thay thế: đạt một trong số đó)", "Trần Thị Bình", CSTD).endswith(
        "| Chiến sĩ thi đua cấp tỉnh | \"Sáng kiến tỉnh của Trần Thị Bình\" (Toàn tỉnh, công nhận "
        "theo 269/QĐ-TTXT) | Điều 22 khoản 1 điểm a (Luật Thi đua, khen thưởng 2022): cần "
        "\"Chiến sĩ thi đua cơ sở\" 3 năm liên tục (2024–2026); năm 2026 không có \"Chiến sĩ thi "
        "đua cơ sở\" |  |")


def test_a_chain_missing_only_an_initiative_says_which_scope(report: str) -> None:
    assert _row(report, "### 2.1. Chỉ còn thiếu một yêu cầu (với tiêu chuẩn thay thế: đạt một trong số đó)", "Lê Văn Cường", CSTD).endswith(
        "| Chiến sĩ thi đua cấp tỉnh | có \"Chiến sĩ thi đua cơ sở\" năm 2024, 2025, 2026 | Điều 22 "
        "khoản 1 điểm b, khoản 2 (Luật Thi đua, khen thưởng 2022): cần 1 sáng kiến hoặc đề tài "
        "khoa học được công nhận, phạm vi từ \"Toàn tỉnh\" trở lên, trong 2024–2026; chưa có sáng "
        "kiến hoặc đề tài khoa học nào đủ điều kiện |  |")


def test_a_chain_built_on_an_invalid_award_is_listed_with_that_problem(report: str) -> None:
    assert "Phạm Thị Dung" not in report.split("## 1.")[1].split("## 2.")[0]
    assert _row(report, "## 3. Căn cứ chưa hợp lệ", "Phạm Thị Dung", CSTD) == (
        "| 1 | Phạm Thị Dung | Phòng Xúc tiến Đầu tư | Chiến sĩ thi đua cấp tỉnh | \"Chiến sĩ thi "
        "đua cơ sở\" năm 2024 (242/QĐ-TTXT) chưa đủ điều kiện: cần đạt một trong các tiêu chuẩn "
        "sau; chưa đạt tiêu chuẩn nào: (htxs) xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" năm 2024: "
        "năm 2024 xếp loại \"Hoàn thành nhiệm vụ\"; (sang-kien) 1 sáng kiến được công nhận, phạm "
        "vi từ \"Trong đơn vị\" trở lên, năm 2024: chưa có sáng kiến nào đủ điều kiện (không tính: "
        "\"Sáng kiến tỉnh của Phạm Thị Dung\" năm 2026, ngoài 2024); (de-tai) 1 đề tài, đề án, "
        "công trình khoa học (đã nghiệm thu) được công nhận, phạm vi từ \"Trong đơn vị\" trở lên, "
        "năm 2024: chưa có đề tài, đề án, công trình khoa học (đã nghiệm thu) nào đủ điều kiện |  |")


def test_alternatives_are_shown_as_alternatives(report: str) -> None:
    """Trần Thị Bình meets Điều 23 k2 by her initiative (the alternative met is named); only the
    Lao động tiên tiến standard of 2026 is missing. The provincial Bằng khen lists its points."""
    row = _row(report, "### 2.1. Chỉ còn thiếu một yêu cầu (với tiêu chuẩn thay thế: đạt một trong số đó)", "Trần Thị Bình",
               "Chiến sĩ thi đua cơ sở")
    assert row.endswith(
        "| đạt (sang-kien): \"Sáng kiến tỉnh của Trần Thị Bình\" (Toàn tỉnh, công nhận theo "
        "269/QĐ-TTXT) | Điều 23 khoản 1 (Luật Thi đua, khen thưởng 2022): cần đạt tiêu chuẩn "
        "\"Lao động tiên tiến\" năm 2026; hồ sơ không có \"Lao động tiên tiến\" năm 2026, và "
        "chưa kiểm tra được tiêu chuẩn của danh hiệu này: hồ sơ chưa ghi xếp loại năm 2026 |  |")
    row = _row(report, "### 2.1. Chỉ còn thiếu một yêu cầu (với tiêu chuẩn thay thế: đạt một trong số đó)", "Trần Thị Bình",
               "Bằng khen của Chủ tịch UBND tỉnh")
    assert ("Điều 74 khoản 1 (Luật Thi đua, khen thưởng 2022): cần đạt một trong các tiêu chuẩn "
            "sau; chưa đạt tiêu chuẩn nào: (a) quyết định khen gắn với phong trào thi đua do cấp "
            "\"Tỉnh\" phát động: xác định khi có quyết định khen; (b) ") in row
    assert "; (d) đạt tất cả các yêu cầu: còn thiếu: " in row


def test_nobody_is_dropped_and_the_defaults_are_stated(report: str) -> None:
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"):
        # every individual form with conditions the data can check, once each
        assert report.count(f"| {name} |") == 7, name
    assert ("- Các lần danh hiệu đã dùng để xét một lần \"Chiến sĩ thi đua cấp tỉnh\" (hoặc "
            "\"Chiến sĩ thi đua toàn quốc\") có được dùng lại để xét lần tiếp theo không? "
            "**Mặc định:** Không dùng lại") in report
    assert ("**Mặc định:** Trong cả 3 năm của chuỗi (báo cáo thành tích theo Mẫu 03 tính 3 năm "
            "liên tục)") in report
    assert ("Căn cứ ngày 27/11/2026: Luật Thi đua, khen thưởng 2022; Luật sửa đổi Luật Thi đua, "
            "khen thưởng (2026) (chưa xác nhận); Nghị định 152/2025/NĐ-CP.") in report


def test_the_sample_content_shows_each_alternative_at_least_once() -> None:
    """Every sample award passes, and between them they meet each alternative of the groups
    their forms have (no sample holds a Huân chương, nor a Bằng khen on an unread point)."""
    corpus, problems = check(Project(root=ROOT), TODAY)
    assert [p.format_text() for p in problems if p.severity.value != "info"] == []
    engine = engine_for(corpus)
    chosen: dict[tuple[str, str], set[str]] = {}

    def walk(anchor: str, result) -> None:
        if result.requirement.kieu == "mot_trong" and result.chosen is not None:
            chosen.setdefault((anchor, result.requirement.id), set()).add(
                result.chosen.requirement.id)
        for child in result.children:
            walk(anchor, child)

    for p in corpus.profiles.values():
        for a in p.khen_thuong:
            v = engine.verdict_of(p, a)
            assert v is not None and v.eligible or not v.checkable, (p.slug, a.hinh_thuc, a.nam)
            for r in v.results:
                walk(v.basis.condition_set.anchor, r)
    assert chosen == {
        ("dk-chien-si-thi-dua-co-so-luat-tdkt-2022", "htxs-hoac-sang-kien"):
            {"htxs", "sang-kien", "de-tai"},
        ("dk-chien-si-thi-dua-co-so-luat-tdkt-2003", "sang-kien-hoac-de-tai"):
            {"sang-kien", "de-tai"},
        ("dk-bang-khen-chu-tich-ubnd-tinh-luat-tdkt-2022-ca-nhan", "tieu-chuan"):
            {"a", "b", "c", "d"},
        ("dk-bang-khen-chu-tich-ubnd-tinh-luat-tdkt-2022-ca-nhan", "d-nen"):
            {"d-cstdcs", "d-htxs"},
        ("dk-bang-khen-chu-tich-ubnd-tinh-luat-tdkt-2003", "tieu-chuan"): {"htxs-2-nam"},
        ("dk-bang-khen-thu-tuong-luat-tdkt-2022-ca-nhan", "tieu-chuan"): {"b"},
    }
