"""The criteria page is written from the reference data the checks use, so they cannot drift."""
from __future__ import annotations

from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.pages.criteria import CriteriaView
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
van_ban:
  - {id: luat-2022, so_hieu: 06/2022/QH15, ten: "Luật Thi đua, khen thưởng 2022", ten_ngan: Luật 2022,
     loai: luat, hieu_luc_tu: 01/01/2024, xac_nhan: true, nguon: [s1]}
  - {id: nd-98, so_hieu: 98/2023/NĐ-CP, ten: Nghị định 98, loai: nghi_dinh, huong_dan: luat-2022,
     hieu_luc_tu: 01/01/2024, hieu_luc_den: 30/06/2025, xac_nhan: true, nguon: [s1]}
  - id: nd-152
    so_hieu: 152/2025/NĐ-CP
    ten: Nghị định 152
    loai: nghi_dinh
    huong_dan: luat-2022
    ngay_ky: 14/06/2025
    hieu_luc_tu: 01/07/2025
    hieu_luc_den: 28/02/2027
    xac_nhan: true
    nguon: [s1, s2]
    ghi_chu: Hết hiệu lực từ 01/03/2027 nếu không được gia hạn.
  - {id: luat-2026, so_hieu: 06/2026/QH16, ten: Luật sửa đổi 2026, loai: luat, sua_doi: luat-2022,
     hieu_luc_tu: 01/10/2026, xac_nhan: false, nguon: [s2]}
nguon:
  - {id: s1, ten: Công báo, url: "https://example.gov.vn/cong-bao", do_tin_cay: van_ban}
  - {id: s2, ten: Một bài báo, url: "https://example.vn/bai-bao", do_tin_cay: bao_chi}
nguyen_tac:
  - {id: dot-xuat, noi_dung: Khen đột xuất không làm căn cứ., dieu: Điều 4 khoản 3, van_ban: nd-98,
     nguon: [s1], xac_nhan: true}
cau_hoi_mo:
  - {id: dung-lai, cau_hoi: Có được dùng lại các năm không?, tham_so: dung_lai, gia_tri: false,
     mac_dinh: Không dùng lại., nguon: [s2], gui: Sở Nội vụ}
"""
SUCCESSOR = """\
  - {id: nd-2027, so_hieu: 1/2027/NĐ-CP, ten: Nghị định mới, loai: nghi_dinh, huong_dan: luat-2022,
     hieu_luc_tu: 01/03/2027, xac_nhan: true, nguon: [s1]}
"""
AWARDS = """\
- id: lao-dong-tien-tien
  ten: Lao động tiên tiến
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: co_so
  co_quan: Thủ trưởng đơn vị
  xac_nhan: true
  dieu_kien:
    - luat: luat-2022
      yeu_cau:
        - {id: xep-loai, kieu: xep_loai, muc: hoan_thanh_tot, dieu: Điều 24 khoản 1 điểm a,
           nguon: [s1], xac_nhan: true, muc_do: loi}
- id: chien-si-thi-dua-co-so
  ten: Chiến sĩ thi đua cơ sở
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: co_so
  co_quan: Thủ trưởng đơn vị
  xac_nhan: true
  dieu_kien:
    - luat: luat-2022
      yeu_cau:
        - {id: ldtt, kieu: danh_hieu_cung_nam, hinh_thuc: lao-dong-tien-tien, dat_tieu_chuan: true,
           dieu: Điều 23 khoản 1, nguon: [s1], xac_nhan: true, muc_do: loi}
        - id: htxs-hoac-sang-kien
          kieu: mot_trong
          dieu: Điều 23 khoản 2
          nguon: [s1, s2]
          xac_nhan: true
          muc_do: loi
          lua_chon:
            - {id: htxs, kieu: xep_loai, muc: hoan_thanh_xuat_sac}
            - {id: sang-kien, kieu: sang_kien, so_luong: 1, pham_vi: don_vi, loai_mo_hinh: [sang_kien]}
- id: chien-si-thi-dua-cap-tinh
  ten: Chiến sĩ thi đua cấp tỉnh
  loai: danh_hieu
  doi_tuong: [ca_nhan]
  cap: tinh
  co_quan: Chủ tịch UBND tỉnh
  chu_ky: 3
  xac_nhan: true
  dieu_kien:
    - luat: luat-2022
      yeu_cau:
        - {id: ba-lan, kieu: lien_tiep, hinh_thuc: chien-si-thi-dua-co-so, so_lan: 3,
           cau_hoi_mo: dung-lai, dieu: Điều 22 khoản 1 điểm a, nguon: [s1], xac_nhan: true,
           muc_do: loi}
- id: bang-khen-thu-tuong
  ten: Bằng khen của Thủ tướng Chính phủ
  loai: hinh_thuc
  doi_tuong: [ca_nhan, tap_the]
  cap: nha_nuoc
  co_quan: Thủ tướng Chính phủ
  lap_lai_trong_nam: true
  xac_nhan: false
  ghi_chu: Điều kiện chi tiết chưa được đối chiếu.
  dieu_kien:
    - luat: luat-2022
      yeu_cau:
        - {id: khac, kieu: tham_dinh, mo_ta: Tiêu chuẩn chưa đọc được., dieu: Điều 73,
           nguon: [s2], xac_nhan: false, muc_do: canh_bao}
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
    levels = [h for h in ("### Cấp Nhà nước", "### Cấp Tỉnh", "### Cấp Cơ sở") if h in md]
    assert levels == ["### Cấp Nhà nước", "### Cấp Tỉnh", "### Cấp Cơ sở"]
    assert md.index("### Cấp Nhà nước") < md.index("### Cấp Tỉnh") < md.index("### Cấp Cơ sở")
    assert section(md, "### Cấp Nhà nước") == (
        '<div class="gs-awards"><section class="gs-award" id="kt-bang-khen-thu-tuong">'
        f"<h4>Bằng khen của Thủ tướng Chính phủ {UNCONFIRMED}</h4><dl class=\"gs-facts\">"
        "<dt>Loại</dt><dd>Hình thức khen thưởng</dd><dt>Dành cho</dt><dd>cá nhân, tập thể</dd>"
        "<dt>Cấp</dt><dd>Nhà nước</dd><dt>Thẩm quyền</dt><dd>Thủ tướng Chính phủ</dd>"
        "<dt>Trong một năm</dt><dd>Có thể được tặng nhiều lần (cho các thành tích khác nhau)."
        "</dd><dt>Ghi chú</dt><dd>Điều kiện chi tiết chưa được đối chiếu.</dd></dl>"
        '<section class="gs-condition-set" id="dk-bang-khen-thu-tuong-luat-2022"><h5>Theo '
        '<a href="#vb-luat-2022">06/2022/QH15</a>, quyết định ký từ 01/01/2024 '
        '<span class="gs-current">đang áp dụng</span></h5><p class="gs-muted">Văn bản hướng '
        'dẫn, sửa đổi: <a href="#vb-nd-98">98/2023/NĐ-CP</a> (01/01/2024 – 30/06/2025), '
        '<a href="#vb-nd-152">152/2025/NĐ-CP</a> (01/07/2025 – 28/02/2027), '
        f'<a href="#vb-luat-2026">06/2026/QH16</a> {UNCONFIRMED} (Từ 01/10/2026).</p>'
        '<ol class="gs-requirements"><li id="dk-bang-khen-thu-tuong-luat-2022-khac">Tiêu chuẩn '
        "chưa đọc được. (Hội đồng thẩm định; không kiểm tra tự động.) "
        '<span class="gs-req-meta"><span class="gs-cite">Điều 73 (Luật 2022)</span> · nguồn: '
        f'<a href="#ng-s2">s2</a> · {UNCONFIRMED} · <span class="gs-advisory">Hội đồng thẩm '
        "định.</span></span></li></ol></section></section></div>")
    tinh = section(md, "### Cấp Tỉnh")
    assert ('<li id="dk-chien-si-thi-dua-cap-tinh-luat-2022-ba-lan">Có “<a '
            'href="#kt-chien-si-thi-dua-co-so">Chiến sĩ thi đua cơ sở</a>” 3 năm liên tục, năm '
            "cuối là năm xét. Không dùng lại các lần đã làm căn cứ cho lần “<a "
            'href="#kt-chien-si-thi-dua-cap-tinh">Chiến sĩ thi đua cấp tỉnh</a>” trước đó. '
            '<span class="gs-req-meta"><span class="gs-cite">Điều 22 khoản 1 điểm a (Luật 2022)'
            '</span> · nguồn: <a href="#ng-s1">s1</a> · theo mặc định của <a '
            'href="#hoi-dung-lai">câu hỏi mở</a> · <span class="gs-required">Bắt buộc.</span>'
            "</span></li>") in tinh
    co_so = section(md, "### Cấp Cơ sở")
    # Alternatives are listed as alternatives, each with its id for `theo_tieu_chuan`.
    assert ('<li id="dk-chien-si-thi-dua-co-so-luat-2022-htxs-hoac-sang-kien">Đạt một trong các '
            'tiêu chuẩn sau: <span class="gs-req-meta"><span class="gs-cite">Điều 23 khoản 2 '
            '(Luật 2022)</span> · nguồn: <a href="#ng-s1">s1</a>, <a href="#ng-s2">s2</a> · '
            f'{REQUIRED}</span><ol class="gs-alternatives">'
            '<li id="dk-chien-si-thi-dua-co-so-luat-2022-htxs"><span class="gs-req-id">htxs</span> '
            "Năm xét được xếp loại “Hoàn thành xuất sắc nhiệm vụ”.</li>"
            '<li id="dk-chien-si-thi-dua-co-so-luat-2022-sang-kien"><span class="gs-req-id">'
            "sang-kien</span> Là tác giả của 1 sáng kiến thuộc năm xét, phạm vi ảnh hưởng từ "
            "“Trong đơn vị” trở lên, được công nhận bằng quyết định ký trước hoặc cùng ngày "
            "quyết định khen.</li></ol></li>") in co_so
    assert ('<li id="dk-chien-si-thi-dua-co-so-luat-2022-ldtt">Đạt tiêu chuẩn “<a '
            'href="#kt-lao-dong-tien-tien">Lao động tiên tiến</a>” trong năm xét (có danh hiệu '
            "này, hoặc đạt các điều kiện của nó).") in co_so
    assert "<h4>Lao động tiên tiến</h4>" in co_so  # confirmed: no marker


def test_legal_texts_with_dates_state_sources_and_marker(page) -> None:
    _, _, md = page
    table = section(md, "## Văn bản pháp lý")
    rows = table.split("<tbody>")[1].split("</tr>")[:-1]
    assert rows == [
        ('<tr id="vb-luat-2022"><th scope="row">06/2022/QH15</th><td>Luật Thi đua, khen thưởng '
         "2022</td><td>Từ 01/01/2024</td><td>Đang có hiệu lực</td>"
         '<td><a href="#ng-s1">s1</a></td>'),
        ('<tr id="vb-nd-98"><th scope="row">98/2023/NĐ-CP</th><td>Nghị định 98</td>'
         '<td>01/01/2024 – 30/06/2025</td><td>Hết hiệu lực</td><td><a href="#ng-s1">s1</a></td>'),
        ('<tr id="vb-nd-152"><th scope="row">152/2025/NĐ-CP</th><td>Nghị định 152<br>'
         '<span class="gs-muted">Ký ngày 14/06/2025. Hết hiệu lực từ 01/03/2027 nếu không được '
         'gia hạn.</span></td><td>01/07/2025 – 28/02/2027</td><td>Đang có hiệu lực</td>'
         '<td><a href="#ng-s1">s1</a>, <a href="#ng-s2">s2</a></td>'),
        (f'<tr id="vb-luat-2026"><th scope="row">06/2026/QH16 {UNCONFIRMED}</th><td>Luật sửa '
         "đổi 2026</td><td>Từ 01/10/2026</td><td>Đang có hiệu lực</td>"
         '<td><a href="#ng-s2">s2</a></td>'),
    ]
    assert "<th scope=\"col\">Tình trạng ngày 27/11/2026</th>" in table


LAPSE = ('<p class="gs-note gs-lapse"><strong>152/2025/NĐ-CP hết hiệu lực từ 01/03/2027</strong> '
         "(còn 94 ngày). Dữ liệu chưa có văn bản thay thế hay kéo dài: quyết định ký từ ngày đó "
         "sẽ được cảnh báo “không có căn cứ” cho tới khi <code>data/van-ban-phap-ly.yml</code> "
         "được cập nhật.</p>")


def test_the_lapse_of_a_decree_is_announced_ahead_of_time(page) -> None:
    """The unconfirmed amending law (in force, no end) does not hide the decree's lapse."""
    _, _, md = page
    assert md.count(LAPSE) == 2  # at the top of the page and above the table of texts
    assert md.index(LAPSE) < md.index("## Tiêu chuẩn chung")


def test_a_recorded_successor_is_named_instead(tmp_path: Path) -> None:
    legal = LEGAL.replace("nguon:\n  - {id: s1", SUCCESSOR + "nguon:\n  - {id: s1", 1)
    _, _, md = build(make_repo(tmp_path / "repo", {**DATA, "data/van-ban-phap-ly.yml": legal}))
    assert LAPSE not in md
    assert ('<p class="gs-note gs-lapse"><strong>152/2025/NĐ-CP hết hiệu lực từ 01/03/2027'
            '</strong> (còn 94 ngày). Từ ngày đó, dữ liệu ghi <a href="#vb-nd-2027">'
            "1/2027/NĐ-CP</a> thay thế.</p>") in md


def test_principles_open_questions_and_sources_come_from_data(page) -> None:
    _, _, md = page
    assert section(md, "### Nguyên tắc chung") == (
        '<ul class="gs-principles"><li id="nt-dot-xuat">Khen đột xuất không làm căn cứ. '
        '<span class="gs-req-meta"><span class="gs-cite">Điều 4 khoản 3 (98/2023/NĐ-CP)</span> · '
        'nguồn: <a href="#ng-s1">s1</a></span></li></ul>')
    assert section(md, "## Câu hỏi mở").endswith(
        '<ul class="gs-questions"><li id="hoi-dung-lai"><strong>Có được dùng lại các năm không?'
        "</strong> Mặc định đang dùng: Không dùng lại. Cần hỏi: Sở Nội vụ. "
        '<span class="gs-req-meta">nguồn: <a href="#ng-s2">s2</a></span></li></ul>')
    assert section(md, "## Nguồn đối chiếu").endswith(
        '<ul class="gs-sources"><li id="ng-s1"><strong>s1</strong> <a '
        'href="https://example.gov.vn/cong-bao" rel="nofollow noopener">Công báo</a> '
        '<span class="gs-muted">(Chính văn bản)</span></li><li id="ng-s2"><strong>s2</strong> '
        '<a href="https://example.vn/bai-bao" rel="nofollow noopener">Một bài báo</a> '
        '<span class="gs-muted">(Báo chí đưa tin)</span></li></ul>')


def test_how_conditions_are_chosen_is_said(page) -> None:
    _, _, md = page
    assert section(md, "## Danh hiệu và hình thức khen thưởng").startswith(
        "Mỗi danh hiệu, hình thức có một bộ điều kiện theo từng luật; bộ được dùng cho một khen "
        "thưởng là bộ của luật còn hiệu lực vào <strong>ngày ký quyết định</strong>.")


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
            "           nguon: [s1], xac_nhan: true, muc_do: loi}\n- id: chien-si-thi-dua-co-so",
            "           nguon: [s1], xac_nhan: true, muc_do: loi}\n"
            "        - {id: da-co, kieu: so_lan, hinh_thuc: lao-dong-tien-tien, so_lan: 1,\n"
            "           dieu: Điều 99, nguon: [s1], xac_nhan: true, muc_do: loi}\n"
            "- id: chien-si-thi-dua-co-so", 1),
        # …and a status that now needs evidence.
        "data/tu-vung.yml": flipped,
    }
    _, problems, after = build(make_repo(tmp_path / "after", changed))

    new_texts = [
        ("<li><strong>Có sáng kiến công đoàn</strong>: Sáng kiến được Công đoàn ghi nhận. "
         '<span class="gs-muted">(mục minh chứng <code>tieu_chi_doan_the.cd_sang_kien</code>)'
         "</span></li>"),
        ('<li id="dk-lao-dong-tien-tien-luat-2022-da-co">Có ít nhất 1 lần “<a '
         'href="#kt-lao-dong-tien-tien">Lao động tiên tiến</a>” (không cần liên tục). '
         '<span class="gs-req-meta"><span class="gs-cite">Điều 99 (Luật 2022)</span> · nguồn: '
         f'<a href="#ng-s1">s1</a> · {REQUIRED}</span></li>'),
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
         "`khen_thuong[1].hinh_thuc`: \"Lao động tiên tiến\" năm 2025 chưa đủ điều kiện theo "
         "Điều 99 (Luật 2022): cần ít nhất 1 lần \"Lao động tiên tiến\" đến năm 2025; chưa có "
         "lần nào."),
    ]
