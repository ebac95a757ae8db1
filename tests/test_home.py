"""The home page tells the year's story from published records, and site.yml steers it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.load.refdata import Nomination, load_reference
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import TODAY, make_repo


def prof(name: str, extra: str = "", consent: str = "true") -> str:
    return (f"---\nho_ten: {name}\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
            f"linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: {consent}\n"
            f"{extra}---\nx\n")


def names_in_order(html: str, names: list[str]) -> list[str]:
    return sorted((n for n in names if n in html), key=html.index)


def deed(day: str, text: str) -> str:
    return f"viec_tot:\n  - ngay: {day}\n    dia_diem: Chợ\n    noi_dung: {text}\n"


FILES = {
    "profiles/le-van-an/index.md": prof("Lê Văn An", "ngay_cong_nhan: 01/02/2025\n"),
    "profiles/tran-thi-binh/index.md": prof("Trần Thị Bình", "ngay_cong_nhan: 01/03/2026\n"
                                            + deed("05/05/2026", "Trả ví")),
    "profiles/dang-van-cuong/index.md": prof("Đặng Văn Cường", "ngay_cong_nhan: 01/03/2026\n"),
    "profiles/vo-thi-an/index.md": prof("Võ Thị Ẩn", "ngay_cong_nhan: 01/04/2026\n"
                                        + deed("06/05/2026", "Bí mật"), consent="false"),
}


def site_yml(extra: str) -> str:
    from .conftest import ROOT

    base = (ROOT / "data" / "site.yml").read_text("utf-8")
    kept = base.split("\ndu_lieu_mau:")[0]  # the identity and the plan, not the demo keys
    return kept.rstrip("\n") + "\n" + extra


def home(tmp_path: Path, files: dict[str, str], site: str = "") -> tuple[str, list]:
    root = make_repo(tmp_path / "repo", files)
    (root / "data" / "site.yml").write_text(site_yml(site), encoding="utf-8")
    corpus, problems = check(Project(root=root), TODAY)
    assert not [p for p in problems if p.is_error], problems
    output = build_site(corpus)
    return output.augments["index.md"], output.problems


def test_newest_exemplars_and_deeds_of_published_profiles_only(tmp_path: Path) -> None:
    html, _ = home(tmp_path, FILES)
    deeds = html.split("## Việc tốt gần đây")[1].split("## ")[0]
    exemplars = html.split("## Gương mới được công nhận")[1]
    # The featured one (newest recognised, ties in name order: Bình) is not listed again.
    assert 'id="gs-feature-name"><a href="ho-so/tran-thi-binh/">Trần Thị Bình</a>' in html
    assert names_in_order(exemplars, ["Lê Văn An", "Trần Thị Bình", "Đặng Văn Cường"]) == [
        "Đặng Văn Cường", "Lê Văn An"]
    assert "Trả ví" in deeds and "Bí mật" not in html and "Võ Thị Ẩn" not in html
    assert 'href="guong-dien-hinh/"' in exemplars and 'href="nguoi-tot-viec-tot/"' in deeds


def test_featured_exemplar_is_chosen_in_site_yml(tmp_path: Path) -> None:
    html, problems = home(tmp_path, FILES, "noi_bat: le-van-an\n")
    assert re.search(r'<section class="gs-feature"[^>]*>.*?<h2 id="gs-feature-name">'
                     r'<a href="ho-so/le-van-an/">Lê Văn An</a></h2>', html)
    assert problems == []


def test_featured_exemplar_that_is_not_published_is_reported_and_replaced(tmp_path: Path) -> None:
    html, problems = home(tmp_path, FILES, "noi_bat: vo-thi-an\n")
    assert "Võ Thị Ẩn" not in html and '<a href="ho-so/tran-thi-binh/">Trần Thị Bình</a>' in html
    assert [(p.file, p.field, p.rule, p.severity.value, p.message) for p in problems] == [
        ("data/site.yml", "noi_bat", "noi-bat", "warning",
         ('Mục nổi bật "vo-thi-an" không phải một hồ sơ đã công bố hay một tin bài; trang chủ '
          "tự chọn gương được công nhận gần nhất có ảnh."))]
    assert problems[0].line == site_yml("noi_bat: vo-thi-an\n").split("\n").index(
        "noi_bat: vo-thi-an") + 1


def test_featured_exemplar_prefers_one_with_a_photo(tmp_path: Path) -> None:
    from .test_images import phone_photo

    files = dict(FILES)
    files["profiles/le-van-an/index.md"] = prof(
        "Lê Văn An", "ngay_cong_nhan: 01/02/2025\nanh:\n  - tep: a.jpg\n"
        "    mo_ta: Anh An đứng trước cổng cơ quan, phía sau là hàng thông\n")
    files["profiles/le-van-an/a.jpg"] = phone_photo((800, 600))  # type: ignore[assignment]
    html, _ = home(tmp_path, files)
    feature = html.split("</section>")[0]
    assert "Lê Văn An" in feature and "<picture>" in feature and 'loading="lazy"' not in feature


def test_year_numbers_are_set_against_the_plans_aims(tmp_path: Path) -> None:
    html, _ = home(tmp_path, FILES)
    section = html.split("## Năm 2026 qua những con số")[1].split("\n## ")[0]
    tiles = re.findall(r'<p class="gs-figure-value">([^<]*)</p><p class="gs-figure-label">'
                       r"([^<]*)</p>", section)
    # 2 of the published profiles recognised in 2026, 1 published deed, no replication; both
    # mass organisations of data/ have criteria (the plan asks for 100 %). No award yet: no
    # share of provincial and State awards to show.
    assert tiles == [("2", "gương được công nhận"), ("1", "việc tốt được ghi nhận"),
                     ("0", "mô hình được nhân rộng"), ("100%", "đoàn thể đã có tiêu chí riêng")]
    assert "### So với mục tiêu của kế hoạch" in section
    assert ('<p class="gs-figure-aim">Mục tiêu: 100% đoàn thể xây dựng tiêu chí cụ thể của gương '
            'điển hình (mục I.2.b) <span class="gs-aim-met">Đạt</span></p>') in section


def test_share_of_high_awards_compares_the_last_two_finished_years(tmp_path: Path) -> None:
    def award(form: str, year: int, number: str, day: str) -> str:
        return (f"  - hinh_thuc: {form}\n    nam: {year}\n    so_quyet_dinh: {number}\n"
                f"    ngay_quyet_dinh: {day}\n")
    files = dict(FILES)
    files["profiles/le-van-an/index.md"] = prof("Lê Văn An", "khen_thuong:\n" + "".join([
        award("lao-dong-tien-tien", 2024, "1/QĐ-TTXT", "10/01/2025"),
        award("lao-dong-tien-tien", 2025, "2/QĐ-TTXT", "10/01/2026"),
        award("lao-dong-tien-tien", 2026, "3/QĐ-TTXT", "10/11/2026")]))
    files["profiles/dang-van-cuong/index.md"] = prof("Đặng Văn Cường", "khen_thuong:\n" + award(
        "bang-khen-chu-tich-ubnd-tinh", 2025, "7/QĐ-UBND", "10/02/2026"))
    html, _ = home(tmp_path, files)
    tile = re.search(r'<li class="gs-figure"><p class="gs-figure-value">([^<]*)</p>'
                     r'<p class="gs-figure-label">khen thưởng cấp tỉnh, cấp Nhà nước</p>'
                     r'<p class="gs-muted">([^<]*)</p><p class="gs-figure-aim">(.*?)</p>', html)
    assert tile and tile.groups() == (
        "50%", "năm 2025: 1/2 lượt; năm 2024: 0%",
        ('Mục tiêu: Nâng tỷ lệ khen thưởng cấp tỉnh, cấp Nhà nước (mục II.1.b) '
        '<span class="gs-aim-met">Đạt</span>'))


def test_sample_data_notice_only_when_site_yml_says_demo(tmp_path: Path) -> None:
    plain, _ = home(tmp_path / "a", FILES)
    demo, _ = home(tmp_path / "b", FILES, "du_lieu_mau: true\n")
    assert "Dữ liệu mẫu" not in plain
    assert '<p class="admonition-title">Dữ liệu mẫu</p>' in demo


@pytest.mark.parametrize(("yml", "href"), [
    ("de_cu:\n  email: thidua@donvi.gov.vn\n", "mailto:thidua@donvi.gov.vn"),
    ("de_cu:\n  url: https://github.com/to-chuc/guong-sang/issues/new?template=de-cu.yml\n",
     "https://github.com/to-chuc/guong-sang/issues/new?template=de-cu.yml"),
])
def test_nomination_button_leads_to_the_target_of_site_yml(tmp_path: Path, yml: str,
                                                            href: str) -> None:
    html, _ = home(tmp_path, FILES, yml)
    assert (f'<a class="md-button md-button--primary" href="{href.replace("&", "&amp;")}">'
            "Đề cử một gương người tốt, việc tốt</a>") in html


def test_no_nomination_button_without_a_target(tmp_path: Path) -> None:
    html, _ = home(tmp_path, FILES)
    assert "Đề cử" not in html


@pytest.mark.parametrize(("yml", "message"), [
    ("de_cu:\n  url: http://x.example/form\n",
     'Địa chỉ đề cử "http://x.example/form" phải là một địa chỉ https:// đầy đủ.'),
    ("de_cu:\n  email: khong-phai-thu\n", 'Hộp thư đề cử "khong-phai-thu" không đúng dạng.'),
    ("de_cu:\n  email: a@b.vn\n  url: https://x.vn/\n",
     ("`de_cu` phải có đúng một trong hai trường `url` (địa chỉ biểu mẫu đề cử) hoặc `email` "
     "(hộp thư nhận đề cử).")),
    ("de_cu: thidua@donvi.gov.vn\n",
     ("`de_cu` phải có đúng một trong hai trường `url` (địa chỉ biểu mẫu đề cử) hoặc `email` "
     "(hộp thư nhận đề cử).")),
    ("du_lieu_mau: có\n", '`du_lieu_mau` phải là true hoặc false, không phải "có".'),
])
def test_wrong_site_yml_keys_are_reported_with_their_line(tmp_path: Path, yml: str,
                                                         message: str) -> None:
    root = make_repo(tmp_path / "repo", {})
    text = site_yml(yml)
    (root / "data" / "site.yml").write_text(text, encoding="utf-8")
    ref, problems = load_reference(root / "data", root)
    assert [(p.file, p.rule, p.message) for p in problems] == [
        ("data/site.yml", "du-lieu-tham-chieu", message)]
    first_key = yml.split(":")[0]
    assert problems[0].line >= text.split("\n").index(next(
        line for line in text.split("\n") if line.startswith(first_key))) + 1
    assert ref.site.de_cu is None and ref.site.du_lieu_mau is False


def test_sample_site_yml_is_a_demo_that_nominates_through_the_issue_form() -> None:
    from .conftest import ROOT

    ref, problems = load_reference(ROOT / "data", ROOT)
    assert problems == []
    assert ref.site.du_lieu_mau is True
    assert ref.site.de_cu == Nomination(
        "https://github.com/ttxt-lamdong/guongsang/issues/new?template=de-cu-guong-dien-hinh.yml",
        "url")
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "de-cu-guong-dien-hinh.yml").is_file()
    assert set(ref.site.muc_tieu) == {"ty_le_khen_thuong_cap_cao", "doan_the_co_tieu_chi"}


def test_campaigns_under_way_and_most_replicated_models(sample_site: Path) -> None:
    page = (sample_site / "index.html").read_text("utf-8")
    running = page.split('id="phong-trao-dang-dien-ra"')[1].split("<h2")[0]
    assert "viên chức, người lao động một việc tốt" in running and "gương điển hình" in running
    assert "Thi đua đẩy mạnh chuyển đổi số" not in running  # finished in 2025
    models = page.split('id="mo-hinh-duoc-nhan-rong-nhieu-nhat"')[1].split("<h2")[0]
    assert re.findall(r"Nhân rộng tại (\d+) đơn vị", models) == sorted(
        re.findall(r"Nhân rộng tại (\d+) đơn vị", models), key=int, reverse=True)
