"""The criteria page is written from the reference data the checks use, so they cannot drift."""
from __future__ import annotations

from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.load.refdata import Condition
from guongsang.pages.criteria import CriteriaView, condition_text
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import ROOT, TODAY, make_repo

UNCONFIRMED = '<span class="gs-unconfirmed">chưa xác nhận</span>'
REQUIRED = '<span class="gs-required">Bắt buộc.</span>'
ADVISORY = '<span class="gs-advisory">Chỉ nhắc nhở, không chặn xuất bản.</span>'

UNITS = """\
- {id: phong-xuc-tien-dau-tu, ten: Phòng Xúc tiến Đầu tư, loai: phong}
- {id: cong-doan-co-so, ten: Công đoàn cơ sở, loai: doan_the}
- {id: chi-doan-thanh-nien, ten: Chi đoàn Thanh niên, loai: doan_the}
"""
STANDARDS = """\
- {id: chap_hanh, ten: Gương mẫu chấp hành, mo_ta: "Chấp hành tốt chủ trương, pháp luật."}
- {id: sang_tao, ten: Sáng tạo, mo_ta: Có sáng kiến được công nhận.}
"""
CRITERIA = """\
cong-doan-co-so:
  - {id: cd_cham_lo, ten: Chăm lo người lao động, mo_ta: Giúp đỡ đồng nghiệp khó khăn.}
"""
LEGAL = """\
- {id: nd-98, so_hieu: 98/2023/NĐ-CP, ten: Nghị định 98, hieu_luc_tu: 31/12/2023, hieu_luc_den: 30/06/2025, xac_nhan: true}
- {id: luat-2022, so_hieu: 06/2022/QH15, ten: "Luật Thi đua, khen thưởng 2022", hieu_luc_tu: 01/01/2024, xac_nhan: true}
- id: nd-152
  so_hieu: 152/2025/NĐ-CP
  ten: Nghị định 152
  hieu_luc_tu: 01/07/2025
  hieu_luc_den: 28/02/2027
  xac_nhan: true
  ghi_chu: Hết hiệu lực từ 01/03/2027 nếu không được gia hạn.
- {id: luat-2026, so_hieu: 06/2026/QH16, ten: Luật sửa đổi 2026, hieu_luc_tu: 01/10/2026, xac_nhan: false}
- {id: nd-2027, so_hieu: 1/2027/NĐ-CP, ten: Nghị định mới, hieu_luc_tu: 01/03/2027, xac_nhan: false}
"""
AWARDS = """\
- id: lao-dong-tien-tien
  ten: Lao động tiên tiến
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: co_so
  co_quan: Thủ trưởng đơn vị
  can_cu: [luat-2022, nd-152, luat-2026]
  xac_nhan: true
- id: chien-si-thi-dua-co-so
  ten: Chiến sĩ thi đua cơ sở
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: co_so
  co_quan: Thủ trưởng đơn vị
  can_cu: [luat-2022]
  xac_nhan: true
  dieu_kien:
    - {kieu: cung_nam, hinh_thuc: lao-dong-tien-tien, muc_do: loi}
    - {kieu: sang_kien, pham_vi: don_vi, muc_do: loi}
- id: chien-si-thi-dua-cap-tinh
  ten: Chiến sĩ thi đua cấp tỉnh
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: tinh
  co_quan: Chủ tịch UBND tỉnh
  can_cu: [luat-2022]
  xac_nhan: true
  dieu_kien:
    - {kieu: lien_tiep, hinh_thuc: chien-si-thi-dua-co-so, so_nam: 3, muc_do: loi}
    - {kieu: sang_kien, pham_vi: tinh, muc_do: canh_bao, ap_dung_tu: 01/07/2025}
- id: bang-khen-thu-tuong
  ten: Bằng khen của Thủ tướng Chính phủ
  loai: hinh_thuc
  doi_tuong: [ca_nhan, tap_the]
  cap: nha_nuoc
  co_quan: Thủ tướng Chính phủ
  can_cu: [nd-98]
  xac_nhan: false
  ghi_chu: Điều kiện chi tiết chưa được đối chiếu.
  dieu_kien:
    - {kieu: so_lan, hinh_thuc: chien-si-thi-dua-cap-tinh, so_lan: 2, muc_do: loi, ap_dung_tu: 01/01/2024, ap_dung_den: 30/06/2025}
"""
DATA = {"data/don-vi.yml": UNITS, "data/tieu-chuan.yml": STANDARDS,
        "data/tieu-chi-doan-the.yml": CRITERIA, "data/van-ban-phap-ly.yml": LEGAL,
        "data/danh-muc-khen-thuong.yml": AWARDS}


def build(root: Path):
    corpus, problems = check(Project(root=root), TODAY)
    assert not [p.format_text() for p in problems if p.rule == "du-lieu-tham-chieu"]
    pages = [v for v in build_site(corpus).views if isinstance(v, CriteriaView)]
    assert [(v.url, v.src_uri, v.title) for v in pages] == [("tieu-chi/", "tieu-chi/index.md", "Tiêu chí")]
    return corpus, problems, pages[0].markdown


@pytest.fixture
def page(tmp_path: Path):
    return build(make_repo(tmp_path / "repo", DATA))


def section(md: str, heading: str) -> str:
    """Text of a ``##``/``###`` section up to the next heading of any level."""
    start = md.index(heading + "\n") + len(heading) + 1
    ends = [i for i in (md.find("\n## ", start), md.find("\n### ", start)) if i >= 0]
    return md[start:min(ends)].strip() if ends else md[start:].strip()


def test_standards_and_mass_organisation_criteria_come_from_data(page) -> None:
    _, _, md = page
    assert section(md, "## Tiêu chuẩn chung").endswith(
        '<ol class="gs-criteria">'
        "<li><strong>Gương mẫu chấp hành</strong>: Chấp hành tốt chủ trương, pháp luật. "
        '<span class="gs-muted">(mục minh chứng <code>tieu_chuan.chap_hanh</code>)</span></li>'
        "<li><strong>Sáng tạo</strong>: Có sáng kiến được công nhận. "
        '<span class="gs-muted">(mục minh chứng <code>tieu_chuan.sang_tao</code>)</span></li></ol>')
    assert section(md, "### Công đoàn cơ sở") == (
        '<ol class="gs-criteria"><li><strong>Chăm lo người lao động</strong>: Giúp đỡ đồng nghiệp '
        'khó khăn. <span class="gs-muted">(mục minh chứng <code>tieu_chi_doan_the.cd_cham_lo'
        "</code>)</span></li></ol>")
    # The plan wants every mass organisation to have criteria: a missing list is visible.
    assert section(md, "### Chi đoàn Thanh niên") == (
        '<p class="gs-muted">Đoàn thể này chưa xây dựng tiêu chí riêng.</p>')
    assert "### Phòng Xúc tiến Đầu tư" not in md


def test_statuses_that_need_evidence(page) -> None:
    _, _, md = page
    assert section(md, "## Trạng thái cần minh chứng") == (
        "Hồ sơ ở trạng thái **Điển hình tiên tiến**, **Điển hình tiêu biểu** phải có minh chứng "
        "(việc làm cụ thể, có số liệu, năm) cho mọi tiêu chuẩn chung và mọi tiêu chí của đoàn thể "
        "đề xuất; thiếu minh chứng, hồ sơ không được đăng. Các trạng thái **Nhân tố mới**, "
        "**Gương Người tốt, việc tốt** không bắt buộc minh chứng.")


def test_award_catalogue_by_level_with_conditions_in_words(page) -> None:
    _, _, md = page
    levels = [h for h in ("### Nhà nước", "### Tỉnh", "### Cơ sở") if h in md]
    assert levels == ["### Nhà nước", "### Tỉnh", "### Cơ sở"]
    assert md.index("### Nhà nước") < md.index("### Tỉnh") < md.index("### Cơ sở")
    assert section(md, "### Nhà nước") == (
        '<div class="gs-awards"><section class="gs-award" id="kt-bang-khen-thu-tuong">'
        f"<h4>Bằng khen của Thủ tướng Chính phủ {UNCONFIRMED}</h4><dl class=\"gs-facts\">"
        "<dt>Loại</dt><dd>Hình thức khen thưởng</dd><dt>Dành cho</dt><dd>cá nhân, tập thể</dd>"
        "<dt>Cấp</dt><dd>Nhà nước</dd><dt>Thẩm quyền</dt><dd>Thủ tướng Chính phủ</dd>"
        "<dt>Điều kiện</dt><dd><ul><li>Trước năm được xét đã có ít nhất 2 lần "
        '“<a href="#kt-chien-si-thi-dua-cap-tinh">Chiến sĩ thi đua cấp tỉnh</a>”. Áp dụng cho '
        f"quyết định ký từ 01/01/2024 đến 30/06/2025. {ADVISORY}</li></ul></dd>"
        "<dt>Căn cứ hiện hành</dt>"
        "<dd>Không có văn bản nào trong danh mục còn hiệu lực.</dd>"
        "<dt>Ghi chú</dt><dd>Điều kiện chi tiết chưa được đối chiếu.</dd></dl></section></div>")
    tinh = section(md, "### Tỉnh")
    assert ("<li>Có “<a href=\"#kt-chien-si-thi-dua-co-so\">Chiến sĩ thi đua cơ sở</a>” 3 năm "
            "liên tục, tính đến năm được xét; mỗi năm đó, nếu hồ sơ ghi xếp loại, phải là "
            "“Hoàn thành xuất sắc nhiệm vụ” hoặc “Hoàn thành tốt nhiệm vụ”. "
            f"{REQUIRED}</li>") in tinh
    assert ("<li>Là tác giả của sáng kiến, giải pháp được công nhận (có quyết định) trong năm "
            "được xét, phạm vi ảnh hưởng từ “Toàn tỉnh” trở lên. Áp dụng cho quyết định ký từ "
            f"01/07/2025. {ADVISORY}</li>") in tinh
    co_so = section(md, "### Cơ sở")
    assert ("<li>Trong cùng năm được xét đã có “<a href=\"#kt-lao-dong-tien-tien\">Lao động "
            f"tiên tiến</a>”. {REQUIRED}</li>") in co_so
    assert "<dd>Không có điều kiện nào được kiểm tra tự động.</dd>" in co_so
    # Only texts in force on the build date are listed as the current basis, linked to the table.
    assert ('<dd><a href="#vb-luat-2022">06/2022/QH15</a>, <a href="#vb-nd-152">152/2025/NĐ-CP'
            f'</a>, <a href="#vb-luat-2026">06/2026/QH16</a> {UNCONFIRMED}</dd>') in co_so
    assert "<h4>Lao động tiên tiến</h4>" in co_so  # confirmed: no marker


def test_legal_texts_with_dates_state_and_marker(page) -> None:
    _, _, md = page
    table = section(md, "## Văn bản pháp lý")
    rows = table.split("<tbody>")[1].split("</tr>")[:-1]
    assert rows == [
        ('<tr id="vb-nd-98"><th scope="row">98/2023/NĐ-CP</th><td>Nghị định 98</td>'
         "<td>31/12/2023 – 30/06/2025</td><td>Hết hiệu lực</td>"),
        ('<tr id="vb-luat-2022"><th scope="row">06/2022/QH15</th><td>Luật Thi đua, khen thưởng '
         "2022</td><td>Từ 01/01/2024</td><td>Đang có hiệu lực</td>"),
        ('<tr id="vb-nd-152"><th scope="row">152/2025/NĐ-CP</th><td>Nghị định 152<br>'
         '<span class="gs-muted">Hết hiệu lực từ 01/03/2027 nếu không được gia hạn.</span></td>'
         "<td>01/07/2025 – 28/02/2027</td><td>Đang có hiệu lực</td>"),
        (f'<tr id="vb-luat-2026"><th scope="row">06/2026/QH16 {UNCONFIRMED}</th><td>Luật sửa '
         "đổi 2026</td><td>Từ 01/10/2026</td><td>Đang có hiệu lực</td>"),
        (f'<tr id="vb-nd-2027"><th scope="row">1/2027/NĐ-CP {UNCONFIRMED}</th><td>Nghị định mới'
         "</td><td>Từ 01/03/2027</td><td>Chưa có hiệu lực</td>"),
    ]
    assert "<th scope=\"col\">Tình trạng ngày 27/11/2026</th>" in table


def test_unknown_condition_kind_is_still_shown(page) -> None:
    corpus, _, _ = page
    form = corpus.ref.awards["lao-dong-tien-tien"]
    assert condition_text(corpus.ref, form, Condition("moi_la", muc_do="canh_bao")) == (
        f"Điều kiện kiểu “moi_la”. {ADVISORY}")
    assert condition_text(corpus.ref, form, Condition("cung_nam", "khong-co", ap_dung_den=TODAY)) == (
        f"Trong cùng năm được xét đã có “khong-co”. Áp dụng cho quyết định ký đến 27/11/2026. "
        f"{REQUIRED}")


PROFILES = {
    # Evidence for every standard and criterion of the base data; one award of the unit level.
    "profiles/nguyen-van-minh/index.md": """---
ho_ten: Nguyễn Văn Minh
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: dien_hinh_tien_tien
don_vi_de_xuat: cong-doan-co-so
dong_y_cong_bo: true
tieu_chuan:
  chap_hanh: Nhiều năm hoàn thành xuất sắc nhiệm vụ.
  sang_tao: Sáng kiến số hoá hồ sơ năm 2025.
tieu_chi_doan_the:
  cd_cham_lo: Vận động quỹ hỗ trợ đồng nghiệp năm 2025.
khen_thuong:
  - hinh_thuc: lao-dong-tien-tien
    nam: 2025
    so_quyet_dinh: 5/QĐ-TTXT
    ngay_quyet_dinh: 10/01/2026
---
Câu chuyện.
""",
    "profiles/le-thi-lan/index.md": """---
ho_ten: Lê Thị Lan
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: nhan_to_moi
dong_y_cong_bo: true
---
Câu chuyện.
""",
}


def test_page_and_checks_change_together_when_data_changes(tmp_path: Path) -> None:
    """Drift is impossible: one data edit changes both what the page says and what is checked."""
    _, problems, before = build(make_repo(tmp_path / "before", {**DATA, **PROFILES}))
    assert [p.format_text() for p in problems if p.rule in
            ("thieu-minh-chung", "dieu-kien-khen-thuong")] == []

    vocab = (ROOT / "data" / "tu-vung.yml").read_text(encoding="utf-8")
    flipped = vocab.replace("{id: nhan_to_moi, ten: Nhân tố mới, can_minh_chung: false}",
                            "{id: nhan_to_moi, ten: Nhân tố mới, can_minh_chung: true}")
    assert flipped != vocab
    changed = {
        **DATA, **PROFILES,
        # A new criterion of the trade union…
        "data/tieu-chi-doan-the.yml": CRITERIA
        + "  - {id: cd_sang_kien, ten: Có sáng kiến công đoàn, mo_ta: Sáng kiến được Công đoàn ghi nhận.}\n",
        # …a new condition on an award form…
        "data/danh-muc-khen-thuong.yml": AWARDS.replace(
            "  can_cu: [luat-2022, nd-152, luat-2026]\n  xac_nhan: true\n",
            "  can_cu: [luat-2022, nd-152, luat-2026]\n  xac_nhan: true\n  dieu_kien:\n"
            "    - {kieu: so_lan, hinh_thuc: lao-dong-tien-tien, so_lan: 1, muc_do: loi}\n", 1),
        # …and a status that now needs evidence.
        "data/tu-vung.yml": flipped,
    }
    _, problems, after = build(make_repo(tmp_path / "after", changed))

    new_texts = [
        ("<li><strong>Có sáng kiến công đoàn</strong>: Sáng kiến được Công đoàn ghi nhận. "
         '<span class="gs-muted">(mục minh chứng <code>tieu_chi_doan_the.cd_sang_kien</code>)'
         "</span></li>"),
        ("<li>Trước năm được xét đã có ít nhất 1 lần “<a href=\"#kt-lao-dong-tien-tien\">Lao động "
         f"tiên tiến</a>”. {REQUIRED}</li>"),
        ("Hồ sơ ở trạng thái **Nhân tố mới**, **Điển hình tiên tiến**, **Điển hình tiêu biểu** "
         "phải có minh chứng"),
    ]
    for text in new_texts:
        assert text not in before
        assert text in after
    # The checks read the very same data: each change now produces its problem.
    got = [p.format_text().split("\n")[0] for p in problems
           if p.rule in ("thieu-minh-chung", "dieu-kien-khen-thuong")]
    assert got == [
        ("profiles/le-thi-lan/index.md:2: lỗi [thieu-minh-chung] trường `tieu_chuan.chap_hanh`: "
         "Hồ sơ \"Nhân tố mới\" thiếu minh chứng cho tiêu chuẩn \"Gương mẫu chấp hành\" (`chap_hanh`)."),
        ("profiles/le-thi-lan/index.md:2: lỗi [thieu-minh-chung] trường `tieu_chuan.sang_tao`: "
         "Hồ sơ \"Nhân tố mới\" thiếu minh chứng cho tiêu chuẩn \"Sáng tạo\" (`sang_tao`)."),
        ("profiles/nguyen-van-minh/index.md:12: lỗi [thieu-minh-chung] trường "
         "`tieu_chi_doan_the.cd_sang_kien`: Hồ sơ do Công đoàn cơ sở đề xuất thiếu minh chứng "
         "cho tiêu chí \"Có sáng kiến công đoàn\" (`cd_sang_kien`)."),
        ("profiles/nguyen-van-minh/index.md:15: lỗi [dieu-kien-khen-thuong] trường "
         "`khen_thuong[1].hinh_thuc`: \"Lao động tiên tiến\" năm 2025 cần đã có 1 lần "
         "\"Lao động tiên tiến\" trước đó; hồ sơ ghi 0 lần."),
    ]


def test_current_basis_is_dated(page) -> None:
    _, _, md = page
    assert section(md, "## Danh hiệu và hình thức khen thưởng") == (
        "Khi kiểm tra điều kiện, khen thưởng đột xuất và khen thưởng theo chuyên đề không được "
        "tính làm căn cứ. Điều kiện “bắt buộc” không đạt thì hồ sơ không được đăng. "
        "“Căn cứ hiện hành” là các văn bản còn hiệu lực ngày 27/11/2026.")
