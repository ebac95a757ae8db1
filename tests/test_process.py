"""The commendation process: every check's exact message, every state transition, the writeback,
the pull-request comment and where internal records may live."""
from __future__ import annotations

from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.cli import main
from guongsang.problems import Severity
from guongsang.process.check import check_process
from guongsang.process.comment import render, selected
from guongsang.process.council import parse_share
from guongsang.process.eligibility import assess
from guongsang.process.state import state
from guongsang.project import Project

from .conftest import TODAY, make_repo

PROFILE = """---
ho_ten: {name}
loai: {kind}
don_vi: phong-xuc-tien-du-lich
linh_vuc: [du-lich]
trang_thai: nhan_to_moi
dong_y_cong_bo: {consent}
thanh_tich:
  - nam: 2026
    noi_dung: Tổ chức 4 đoàn famtrip.
    xep_loai: hoan_thanh_xuat_sac
khen_thuong:
{awards}{extra}---

Câu chuyện.
"""

LDTT_2026 = """  - hinh_thuc: lao-dong-tien-tien
    nam: 2026
    so_quyet_dinh: 215/QĐ-TTXT
    ngay_quyet_dinh: 20/11/2026
    co_quan: Giám đốc Trung tâm
"""


def profile(name: str = "Trần Thị Đào", kind: str = "ca_nhan", consent: str = "true",
            awards: str = "", extra: str = "") -> str:
    return PROFILE.format(name=name, kind=kind, consent=consent,
                          awards=awards or "  []\n" if not awards else awards, extra=extra)


def nomination(form: str = "lao-dong-tien-tien", who: str = "tran-thi-dao", extra: str = "",
               consent: str = "true", year: int = 2026) -> str:
    return f"""---
ho_so: {who}
hinh_thuc: {form}
nam: {year}
don_vi_de_nghi: phong-xuc-tien-du-lich
ngay_de_nghi: 03/11/2026
dong_y_de_nghi: {consent}
{extra}---

Tóm tắt thành tích.
"""


MEMBERS = "".join(
    f"  - {{ho_ten: Thành viên {i}, vai_tro: {'chu_tich' if i == 1 else 'uy_vien'}, "
    f"co_mat: {'true' if i <= 8 else 'false'}}}\n" for i in range(1, 10))


def meeting(votes: str, agenda: list[str], day: str = "17/11/2026", members: str = MEMBERS,
            kind: str = "bo_phieu_kin") -> str:
    lines = "".join(f"  - {a}\n" for a in agenda)
    votes = f"ket_qua:\n{votes}" if votes else ""
    return f"""---
ten: Họp Hội đồng bình xét năm 2026
ngay: {day}
nam: 2026
hinh_thuc_bieu_quyet: {kind}
thanh_vien:
{members}de_nghi:
{lines}{votes}---
"""


def vote(slug: str, yes: int, no: int = 0, result: str = "dat", abstain: int = 0) -> str:
    return (f"  - {{de_nghi: {slug}, dong_y: {yes}, khong_dong_y: {no}, "
            f"khong_bieu_quyet: {abstain}, ket_qua: {result}}}\n")


DECIDED = """quyet_dinh:
  so_quyet_dinh: 215/QĐ-TTXT
  ngay_quyet_dinh: 20/11/2026
  co_quan: Giám đốc Trung tâm
"""

MODEL = ("---\nten: Sổ tay số\nloai: sang_kien\ntac_gia: [tran-thi-dao]\ndon_vi: "
         "phong-xuc-tien-du-lich\nnam: 2026\nhieu_qua: Nhanh hơn\ncong_nhan:\n"
         "  so_quyet_dinh: 198/QĐ-TTXT\n  ngay_quyet_dinh: 15/10/2026\n---\n")

N = "noi-bo/de-nghi/"
M = "noi-bo/hop-hoi-dong/2026-11-17-hop.md"


def run(tmp_path: Path, files: dict[str, str], *, info: bool = False,
        unassessed: bool = False) -> list[str]:
    """Every problem as text (hints cut). The "not assessable" warning that every open
    nomination of an unconfirmed form carries is left out unless ``unassessed``."""
    root = make_repo(tmp_path / "repo", files)
    project = Project(root=root)
    corpus, problems = check(project, TODAY)
    _, found = check_process(project, corpus)
    out = []
    for p in sorted(set(problems) | set(found)):
        if p.severity is Severity.INFO and not info:
            continue
        if p.rule == "de-nghi-chua-tham-dinh-duoc" and not unassessed:
            continue
        out.append(p.format_text().split("\n    Gợi ý:")[0])
    return out


def _process(tmp_path: Path, files: dict[str, str]):
    root = make_repo(tmp_path / "repo", files)
    project = Project(root=root)
    corpus, _ = check(project, TODAY)
    return check_process(project, corpus)[0]


# -- a valid period raises nothing --------------------------------------------------------------

def test_a_decided_nomination_written_into_the_profile_is_clean(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(awards=LDTT_2026),
             N + "a.md": nomination(extra=DECIDED),
             M: meeting(vote("a", 8), ["a"])}
    assert run(tmp_path, files) == []


def test_the_shipped_sample_period_has_no_errors() -> None:
    from .conftest import ROOT
    project = Project(root=ROOT)
    corpus, problems = check(project, TODAY)
    process, found = check_process(project, corpus)
    assert [p.format_text() for p in [*problems, *found] if p.is_error] == []
    assert len(process.nominations) >= 12 and len(process.meetings) == 1
    states = {state(process, n) for n in process.nominations.values()}
    assert {"quyet_dinh", "khong_dat", "trinh_cap_tren"} <= states


# -- nominations -----------------------------------------------------------------------------------

def test_nomination_for_an_ineligible_form_says_what_is_missing(tmp_path: Path) -> None:
    """The engine's words, as for a recorded award: article, what is needed, what is found."""
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination("chien-si-thi-dua-cap-tinh")}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/a.md:3: lỗi [de-nghi-khong-du-dieu-kien] trường `hinh_thuc`: "Chiến sĩ '
         'thi đua cấp tỉnh" năm 2026 chưa đủ điều kiện theo Điều 22 khoản 1 điểm a (Luật Thi đua, '
         'khen thưởng 2022): cần "Chiến sĩ thi đua cơ sở" 3 năm liên tục (2024–2026); năm 2024, '
         '2025, 2026 không có "Chiến sĩ thi đua cơ sở".'),
        ('noi-bo/de-nghi/a.md:3: lỗi [de-nghi-khong-du-dieu-kien] trường `hinh_thuc`: "Chiến sĩ '
         'thi đua cấp tỉnh" năm 2026 chưa đủ điều kiện theo Điều 22 khoản 1 điểm b, khoản 2 (Luật '
         'Thi đua, khen thưởng 2022): cần 1 sáng kiến hoặc đề tài khoa học được công nhận, phạm vi '
         'từ "Toàn tỉnh" trở lên, trong 2024–2026; chưa có sáng kiến hoặc đề tài khoa học nào đủ '
         'điều kiện.'),
    ]


def test_a_form_not_meant_for_this_kind_of_profile(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination("tap-the-lao-dong-tien-tien")}
    assert run(tmp_path, files, unassessed=True) == [
        ('noi-bo/de-nghi/a.md:3: lỗi [doi-tuong-khen-thuong] trường `hinh_thuc`: "Tập thể lao '
         'động tiên tiến" chỉ dành cho tập thể, nhưng hồ sơ "tran-thi-dao" là cá nhân.'),
    ]


def test_alternatives_left_to_the_council_make_a_failure_a_warning(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination("bang-khen-thu-tuong")}
    assert run(tmp_path, files, unassessed=True) == [
        ('noi-bo/de-nghi/a.md:3: cảnh báo [de-nghi-khong-du-dieu-kien] trường `hinh_thuc`: "Bằng '
         'khen của Thủ tướng Chính phủ" năm 2026 chưa đủ điều kiện theo Điều 73 khoản 1 (Luật Thi '
         'đua, khen thưởng 2022): cần đạt một trong các tiêu chuẩn sau; chưa đạt tiêu chuẩn nào: '
         '(b) đạt tất cả các yêu cầu: còn thiếu: đã có "Bằng khen của Chủ tịch UBND tỉnh" cho năm '
         '2022 trở về trước (hồ sơ không có "Bằng khen của Chủ tịch UBND tỉnh"); ít nhất 3 lần '
         '"Chiến sĩ thi đua cơ sở" đến năm 2026 (chưa có lần nào); (khac) Các tiêu chuẩn khác của '
         'Điều 73 khoản 1 (chưa đọc được nguyên văn): cần hội đồng thẩm định. Có tiêu chuẩn thay '
         'thế do hội đồng thẩm định hoặc chưa xác nhận, nên đây chỉ là cảnh báo.'),
    ]


def test_the_law_of_the_review_day_decides(tmp_path: Path) -> None:
    """A nomination of 2023 is judged by the 2003 law (an initiative and the title "Lao động
    tiên tiến" itself, whatever the rating); one reviewed after NĐ 152/2025 lapses says so."""
    rated_2023 = PROFILE.replace("  - nam: 2026\n", "  - nam: 2023\n").format(
        name="Trần Thị Đào", kind="ca_nhan", consent="true", awards="  []\n", extra="")
    files = {"profiles/tran-thi-dao/index.md": rated_2023,
             N + "a.md": nomination("chien-si-thi-dua-co-so", year=2023).replace(
                 "ngay_de_nghi: 03/11/2026", "ngay_de_nghi: 15/12/2023")}
    assert run(tmp_path / "2003", files, unassessed=True) == [
        ('noi-bo/de-nghi/a.md:3: lỗi [de-nghi-khong-du-dieu-kien] trường `hinh_thuc`: "Chiến sĩ '
         'thi đua cơ sở" năm 2023 chưa đủ điều kiện theo Điều 23 khoản 1 (Luật Thi đua, Khen thưởng '
         '2003): cần danh hiệu "Lao động tiên tiến" năm 2023; hồ sơ không có "Lao động tiên tiến" '
         'năm 2023.'),
        ('noi-bo/de-nghi/a.md:3: lỗi [de-nghi-khong-du-dieu-kien] trường `hinh_thuc`: "Chiến sĩ '
         'thi đua cơ sở" năm 2023 chưa đủ điều kiện theo Điều 23 khoản 2; Điều 9 khoản 3 Nghị định '
         '91/2017/NĐ-CP (Luật Thi đua, Khen thưởng 2003): cần đạt một trong các tiêu chuẩn sau; '
         'chưa đạt tiêu chuẩn nào: (sang-kien) 1 sáng kiến được công nhận, phạm vi từ "Trong đơn '
         'vị" trở lên, năm 2023: chưa có sáng kiến nào đủ điều kiện; (de-tai) 1 đề tài, đề án, công '
         'trình khoa học (đã nghiệm thu) được công nhận, phạm vi từ "Trong đơn vị" trở lên, năm '
         '2023: chưa có đề tài, đề án, công trình khoa học (đã nghiệm thu) nào đủ điều kiện.'),
    ]
    files = {"profiles/tran-thi-dao/index.md": profile(), N + "a.md": nomination(),
             M: meeting("", ["a"], day="05/03/2027")}
    assert run(tmp_path / "gap", files, unassessed=True) == [
        ('noi-bo/de-nghi/a.md:3: cảnh báo [can-cu-phap-ly] trường `hinh_thuc`: "Lao động tiên '
         'tiến" năm 2026 (ngày xét 05/03/2027): Ngày 05/03/2027 không có nghị định hướng dẫn Luật '
         'Thi đua, khen thưởng 2022 nào đã xác nhận còn hiệu lực trong data/van-ban-phap-ly.yml '
         '(152/2025/NĐ-CP hết hiệu lực từ 01/03/2027). Điều kiện vẫn được xét theo Luật Thi đua, '
         'khen thưởng 2022; cập nhật data/van-ban-phap-ly.yml khi có nghị định mới hoặc văn bản '
         'kéo dài hiệu lực.'),
    ]


def test_a_ground_that_is_itself_invalid_is_named(tmp_path: Path) -> None:
    """"Lao động tiên tiến" 2026 was granted on a rating below the standard: the nomination
    that relies on it says so (the award's own error is on the profile)."""
    weak = profile(awards=LDTT_2026.replace("20/11/2026", "01/11/2026")).replace(
        "xep_loai: hoan_thanh_xuat_sac", "xep_loai: hoan_thanh")
    files = {"profiles/tran-thi-dao/index.md": weak, "content/mo-hinh/so-tay-so.md": MODEL,
             N + "a.md": nomination("chien-si-thi-dua-co-so")}
    assert run(tmp_path, files, unassessed=True) == [
        ('noi-bo/de-nghi/a.md:3: cảnh báo [de-nghi-khong-du-dieu-kien] trường `hinh_thuc`: "Chiến '
         'sĩ thi đua cơ sở" năm 2026 dựa trên "Lao động tiên tiến" năm 2026 (215/QĐ-TTXT), nhưng '
         'khen thưởng đó chưa đủ điều kiện: cần xếp loại từ "Hoàn thành tốt nhiệm vụ" trở lên năm '
         '2026; năm 2026 xếp loại "Hoàn thành nhiệm vụ".'),
        ('profiles/tran-thi-dao/index.md:13: lỗi [xep-loai-khong-dat] trường '
         '`khen_thuong[1].hinh_thuc`: "Lao động tiên tiến" năm 2026 chưa đủ điều kiện theo Điều 24 '
         'khoản 1 điểm a (Luật Thi đua, khen thưởng 2022): cần xếp loại từ "Hoàn thành tốt nhiệm '
         'vụ" trở lên năm 2026; năm 2026 xếp loại "Hoàn thành nhiệm vụ".'),
    ]
    process = _process(tmp_path / "again", files)
    found = assess(process, process.nominations["a"])
    assert found is not None and found.eligible is False and found.word == "Chưa đủ điều kiện"
    assert found.invalid_grounds(process.corpus) == [
        ('"Lao động tiên tiến" năm 2026 (215/QĐ-TTXT) chưa đủ điều kiện: cần xếp loại từ "Hoàn '
        'thành tốt nhiệm vụ" trở lên năm 2026; năm 2026 xếp loại "Hoàn thành nhiệm vụ"')]


def test_nominee_without_consent_and_withdrawn_profile(tmp_path: Path) -> None:
    withdrawn = "thu_hoi:\n  ngay: 01/09/2026\n  ly_do: Rút lại đồng ý\n"
    files = {"profiles/tran-thi-dao/index.md": profile(extra=withdrawn),
             "profiles/le-van-em/index.md": profile("Lê Văn Em", consent="false"),
             N + "a.md": nomination(consent="false"),
             N + "b.md": nomination(who="le-van-em")}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/a.md:2: lỗi [de-nghi-ho-so-da-rut] trường `ho_so`: Hồ sơ "Trần Thị Đào" '
        'đã rút khỏi trang (thu_hoi ngày 01/09/2026): không tiếp tục xét đề nghị này.'),
        ('noi-bo/de-nghi/a.md:7: lỗi [de-nghi-chua-dong-y] trường `dong_y_de_nghi`: Người được đề '
        'nghị chưa đồng ý được đề nghị khen thưởng (`dong_y_de_nghi` không phải true): đề nghị '
        'chưa được xét.'),
        ('noi-bo/de-nghi/b.md:2: cảnh báo [de-nghi-chua-dong-y-cong-bo] trường `ho_so`: Hồ sơ "Lê '
        'Văn Em" chưa có sự đồng ý công bố: đề nghị vẫn được xét, nhưng khen thưởng sẽ không hiện '
        'trên trang cho tới khi có đồng ý.'),
    ]


def test_broken_links_and_someone_elses_initiative(tmp_path: Path) -> None:
    model = ("---\nten: Sổ tay số\nloai: sang_kien\ntac_gia: [le-van-em]\ndon_vi: "
             "phong-xuc-tien-du-lich\nnam: 2026\nhieu_qua: Nhanh hơn\n---\n")
    grounds = "can_cu:\n  sang_kien: [so-tay-so, khong-co]\n  nam_thanh_tich: [2025]\n"
    files = {"profiles/tran-thi-dao/index.md": profile(),
             "profiles/le-van-em/index.md": profile("Lê Văn Em"),
             "content/mo-hinh/so-tay-so.md": model,
             N + "a.md": nomination(extra=grounds),
             N + "b.md": nomination(who="tran-thi-daoo")}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/a.md:9: lỗi [de-nghi-lien-ket] trường `can_cu.sang_kien[1]`: Sáng kiến '
        '"Sổ tay số" không có hồ sơ "tran-thi-dao" trong `tac_gia` nên không làm căn cứ cho đề '
        'nghị này được.'),
        ('noi-bo/de-nghi/a.md:9: lỗi [de-nghi-lien-ket] trường `can_cu.sang_kien[2]`: Không tìm '
        'thấy sáng kiến, mô hình "khong-co" (cần tệp content/mo-hinh/khong-co.md).'),
        ('noi-bo/de-nghi/a.md:10: cảnh báo [de-nghi-lien-ket] trường `can_cu.nam_thanh_tich[1]`: '
        'Hồ sơ "Trần Thị Đào" chưa ghi thành tích năm 2025 (mục thanh_tich).'),
        ('noi-bo/de-nghi/b.md:2: lỗi [de-nghi-lien-ket] trường `ho_so`: Không tìm thấy hồ sơ '
        '"tran-thi-daoo" (cần thư mục profiles/tran-thi-daoo/). Có phải ý bạn là `tran-thi-dao`?'),
    ]


def test_two_open_nominations_for_the_same_award(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination(), N + "b.md": nomination()}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/b.md:3: lỗi [de-nghi-trung] trường `hinh_thuc`: Hồ sơ "tran-thi-dao" đã '
        'có đề nghị "Lao động tiên tiến" năm 2026 ở tệp noi-bo/de-nghi/a.md.'),
    ]


def test_schema_of_a_nomination_is_checked_like_every_record(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": "---\nho_so: tran-thi-dao\nhinh_thuc: lao-dong\nnam: 2026\n"
                         "don_vi_de_nghi: phong-xuc-tien-du-lich\nngay_de_nghi: 31/11/2026\n"
                         "dong_y_de_nghi: true\nghi_chuu: x\n---\n"}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/a.md:3: lỗi [gia-tri-la] trường `hinh_thuc`: Giá trị "lao-dong" không có '
        'trong danh mục khen thưởng (data/danh-muc-khen-thuong.yml). Có phải ý bạn là '
        '`lao-dong-tien-tien`?'),
        ('noi-bo/de-nghi/a.md:6: lỗi [ngay-khong-hop-le] trường `ngay_de_nghi`: Ngày "31/11/2026" '
        'không hợp lệ hoặc không tồn tại.'),
        ('noi-bo/de-nghi/a.md:8: lỗi [truong-la] trường `ghi_chuu`: Trường `ghi_chuu` không có '
        'trong mẫu đề nghị khen thưởng. Có phải ý bạn là `ghi_chu`?'),
    ]


# -- state transitions -----------------------------------------------------------------------------

def test_each_state_is_derived_from_the_records(tmp_path: Path) -> None:
    forwarded = "trinh_cap_tren:\n  so_to_trinh: 45/TTr-TTXT\n  ngay: 24/11/2026\n"
    rejected = "khong_dat:\n  ngay: 17/11/2026\n  ly_do: Không đạt tỷ lệ phiếu\n"
    files = {"profiles/tran-thi-dao/index.md": profile(awards=LDTT_2026),
             N + "de-xuat.md": nomination(who="khong-co-ai"),
             N + "tham-dinh.md": nomination("giay-khen-giam-doc"),
             N + "binh-xet.md": nomination("chien-si-thi-dua-co-so"),
             N + "quyet-dinh.md": nomination(extra=DECIDED),
             N + "khong-dat.md": nomination("tap-the-lao-dong-tien-tien", extra=rejected),
             N + "trinh.md": nomination("bang-khen-chu-tich-ubnd-tinh", extra=forwarded),
             M: meeting(vote("quyet-dinh", 8) + vote("khong-dat", 2, 6, "khong_dat")
                        + vote("trinh", 8), ["binh-xet", "quyet-dinh", "khong-dat", "trinh"],
                        day="26/11/2026")}
    process = _process(tmp_path, files)
    assert {s: state(process, n) for s, n in process.nominations.items()} == {
        "binh-xet": "binh_xet", "de-xuat": "de_xuat", "khong-dat": "khong_dat",
        "quyet-dinh": "quyet_dinh", "tham-dinh": "tham_dinh", "trinh": "trinh_cap_tren"}


def test_decision_without_a_vote_and_provincial_form_without_forwarding(tmp_path: Path) -> None:
    provincial = ("quyet_dinh:\n  so_quyet_dinh: 90/QĐ-UBND\n  ngay_quyet_dinh: 25/11/2026\n"
                  "  co_quan: Chủ tịch UBND tỉnh\n")
    files = {"profiles/tran-thi-dao/index.md": profile(awards=LDTT_2026),
             N + "a.md": nomination(extra=DECIDED),
             N + "b.md": nomination("bang-khen-chu-tich-ubnd-tinh", extra=provincial),
             M: meeting(vote("b", 8), ["b"])}
    got = [x for x in run(tmp_path, files) if "de-nghi-trang-thai" in x]
    assert got == [
        ('noi-bo/de-nghi/a.md:8: lỗi [de-nghi-trang-thai] trường `quyet_dinh`: Đề nghị đã có '
        '`quyet_dinh` nhưng chưa có kết quả bình xét của Hội đồng (chưa cuộc họp nào trong '
        'hop-hoi-dong/ ghi phiếu cho đề nghị này).'),
        ('noi-bo/de-nghi/b.md:8: lỗi [de-nghi-trang-thai] trường `quyet_dinh`: "Bằng khen của Chủ '
        'tịch UBND tỉnh" do Chủ tịch UBND tỉnh quyết định: đơn vị phải trình cấp trên '
        '(`trinh_cap_tren`) trước khi có quyết định.'),
    ]


def test_decision_after_a_failed_vote_and_both_conclusions(tmp_path: Path) -> None:
    rejected = "khong_dat:\n  ngay: 17/11/2026\n  ly_do: Không đạt\n"
    files = {"profiles/tran-thi-dao/index.md": profile(awards=LDTT_2026),
             N + "a.md": nomination(extra=DECIDED + rejected),
             M: meeting(vote("a", 3, 5, "khong_dat"), ["a"])}
    got = [x for x in run(tmp_path, files) if "de-nghi-trang-thai" in x]
    assert got == [
        ('noi-bo/de-nghi/a.md:8: lỗi [de-nghi-trang-thai] trường `quyet_dinh`: Đề nghị đã có '
        '`quyet_dinh` nhưng Hội đồng bình xét không đạt (cuộc họp ngày 17/11/2026, 3/9 phiếu '
        'đồng ý).'),
        ('noi-bo/de-nghi/a.md:12: lỗi [de-nghi-trang-thai] trường `khong_dat`: Đề nghị vừa có '
        '`quyet_dinh` vừa có `khong_dat`: chỉ một kết luận là đúng.'),
    ]


def test_forwarding_a_unit_level_title_is_a_warning(tmp_path: Path) -> None:
    forwarded = "trinh_cap_tren:\n  so_to_trinh: 45/TTr-TTXT\n  ngay: 24/11/2026\n"
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination(extra=forwarded), M: meeting(vote("a", 8), ["a"])}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/a.md:8: cảnh báo [de-nghi-trang-thai] trường `trinh_cap_tren`: "Lao động '
        'tiên tiến" do Thủ trưởng đơn vị quyết định (data/hoi-dong.yml, tham_quyen_don_vi): '
        'không cần trình cấp trên.'),
    ]


def test_steps_out_of_date_order(tmp_path: Path) -> None:
    early = ("quyet_dinh:\n  so_quyet_dinh: 215/QĐ-TTXT\n  ngay_quyet_dinh: 10/11/2026\n"
             "  co_quan: Giám đốc Trung tâm\n")
    award = LDTT_2026.replace("20/11/2026", "10/11/2026")
    files = {"profiles/tran-thi-dao/index.md": profile(awards=award),
             N + "a.md": nomination(extra=early), M: meeting(vote("a", 8), ["a"])}
    assert run(tmp_path, files) == [
        ('noi-bo/de-nghi/a.md:10: lỗi [de-nghi-thu-tu-ngay] trường `quyet_dinh.ngay_quyet_dinh`: '
        'Ngày quyết định (10/11/2026) trước ngày họp Hội đồng (17/11/2026).'),
    ]


# -- meetings and votes ----------------------------------------------------------------------------

def test_passed_below_the_threshold_and_failed_above_it(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             "profiles/le-van-em/index.md": profile("Lê Văn Em"),
             N + "a.md": nomination(), N + "b.md": nomination(who="le-van-em"),
             M: meeting(vote("a", 4, 4) + vote("b", 5, 3, "khong_dat"), ["a", "b"])}
    got = [x for x in run(tmp_path, files) if "hop-" in x]
    assert got == [
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:20: lỗi [hop-ket-qua-sai] trường '
        '`ket_qua[1].ket_qua`: Kết quả ghi "đạt" cho "a" nhưng chỉ có 4/9 phiếu đồng ý; "Lao động '
        'tiên tiến" cần trên 1/2 tổng số thành viên Hội đồng (5 phiếu) theo Quy chế hoạt động của '
        'Hội đồng Thi đua – Khen thưởng Trung tâm (chưa nhập số, ngày).'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:21: lỗi [hop-ket-qua-sai] trường '
        '`ket_qua[2].ket_qua`: Kết quả ghi "không đạt" cho "b" nhưng có 5/9 phiếu đồng ý, đạt '
        'ngưỡng trên 1/2 tổng số thành viên Hội đồng (5 phiếu) theo Quy chế hoạt động của Hội đồng '
        'Thi đua – Khen thưởng Trung tâm (chưa nhập số, ngày).'),
    ]


def test_provincial_title_needs_ninety_percent_of_all_members(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination("chien-si-thi-dua-cap-tinh"),
             M: meeting(vote("a", 8, 0), ["a"], kind="gio_tay")}
    got = [x for x in run(tmp_path, files) if "hop-" in x]
    assert got == [
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:5: cảnh báo [hop-phieu-kin] trường '
        '`hinh_thuc_bieu_quyet`: "Chiến sĩ thi đua cấp tỉnh" phải bỏ phiếu kín theo mức của Nghị '
        'định 91/2017/NĐ-CP, Điều 45 khoản 8 (chưa tìm thấy điều khoản tương ứng trong NĐ '
        '98/2023/NĐ-CP, NĐ 152/2025/NĐ-CP), nhưng cuộc họp ghi "Biểu quyết giơ tay".'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:19: lỗi [hop-ket-qua-sai] trường '
        '`ket_qua[1].ket_qua`: Kết quả ghi "đạt" cho "a" nhưng chỉ có 8/9 phiếu đồng ý; "Chiến sĩ '
        'thi đua cấp tỉnh" cần từ 90% trở lên tổng số thành viên Hội đồng (9 phiếu) theo mức của '
        'Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8 (chưa tìm thấy điều khoản tương ứng trong NĐ '
        '98/2023/NĐ-CP, NĐ 152/2025/NĐ-CP).'),
    ]


def test_the_2017_decree_rule_applies_to_meetings_before_2024(tmp_path: Path) -> None:
    process = _process(tmp_path, {})
    old = process.council.rule_for("chien-si-thi-dua-cap-tinh", TODAY.replace(year=2023))
    new = process.council.rule_for("chien-si-thi-dua-cap-tinh", TODAY)
    general = process.council.rule_for("lao-dong-tien-tien", TODAY)
    assert (old.id, old.xac_nhan, new.id, new.xac_nhan, general.id) == (
        "nd-91-2017-d45-k8", True, "cstd-tu-2024", False, "quy-che-don-vi")
    assert old.approval.needed(9) == 9 and old.approval.needed(10) == 9
    assert general.approval.needed(9) == 5 and general.approval.needed(10) == 6
    assert general.quorum.needed(9) == 6 and general.quorum.needed(10) == 7


def test_more_votes_than_members_present_and_no_quorum(tmp_path: Path) -> None:
    few = "".join(f"  - {{ho_ten: Người {i}, vai_tro: {'chu_tich' if i == 1 else 'uy_vien'}, "
                  f"co_mat: {'true' if i <= 5 else 'false'}}}\n" for i in range(1, 10))
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination(),
             M: meeting(vote("a", 5, 1), ["a"], members=few)}
    got = [x for x in run(tmp_path, files) if "hop-" in x]
    assert got == [
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:6: lỗi [hop-khong-du-dai-bieu] trường '
        '`thanh_vien`: Cuộc họp có 5/9 thành viên có mặt, chưa đủ từ 2/3 trở lên tổng số thành '
        'viên (6 người) theo Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng Trung tâm (chưa '
        'nhập số, ngày): kết quả biểu quyết không có giá trị.'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:19: lỗi [hop-so-phieu] trường `ket_qua[1]`: Tổng '
        'số phiếu cho "a" là 6 (5 đồng ý, 1 không đồng ý, 0 không biểu quyết), nhiều hơn số thành '
        'viên có mặt (5).'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:19: lỗi [hop-ket-qua-sai] trường '
        '`ket_qua[1].ket_qua`: Kết quả ghi "đạt" cho "a" nhưng cuộc họp không đủ số thành viên có '
        'mặt (5/9, cần 6).'),
    ]


def test_agenda_mistakes_and_votes_before_the_meeting(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination(),
             M: meeting(vote("a", 8) + vote("x", 8), ["a", "a", "khong-co"], day="10/12/2026")}
    got = [x for x in run(tmp_path, files) if "hop-" in x]
    assert got == [
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:18: lỗi [hop-de-nghi] trường `de_nghi[2]`: Đề nghị '
        '"a" được ghi hai lần trong chương trình họp.'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:19: lỗi [hop-de-nghi] trường `de_nghi[3]`: Không '
        'tìm thấy đề nghị "khong-co" (cần tệp de-nghi/khong-co.md trong thư mục hồ sơ nội bộ).'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:20: lỗi [hop-tuong-lai] trường `ket_qua`: Cuộc họp '
        'ngày 10/12/2026 chưa diễn ra (hôm nay là 27/11/2026) nhưng đã có kết quả biểu quyết.'),
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:22: lỗi [hop-de-nghi] trường `ket_qua[2].de_nghi`: '
        'Có kết quả cho đề nghị "x" nhưng đề nghị này không có trong chương trình họp (mục '
        'de_nghi).'),
    ]


def test_a_past_meeting_without_results_is_a_warning(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(), N + "a.md": nomination(),
             M: meeting("", ["a"])}
    assert run(tmp_path, files) == [
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:17: cảnh báo [hop-chua-ghi-ket-qua] trường '
        '`de_nghi[1]`: Cuộc họp ngày 17/11/2026 đã qua nhưng chưa ghi kết quả cho đề nghị "a".'),
    ]


def test_negative_vote_count_is_reported_with_the_field(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(), N + "a.md": nomination(),
             M: meeting("  - {de_nghi: a, dong_y: -1, khong_dong_y: 0, ket_qua: khong_dat}\n",
                        ["a"])}
    assert run(tmp_path, files) == [
        ('noi-bo/hop-hoi-dong/2026-11-17-hop.md:19: lỗi [so-khong-hop-le] trường '
        '`ket_qua[1].dong_y`: `dong_y` phải là một số từ 0 trở lên, nhưng đang là -1.'),
    ]


@pytest.mark.parametrize(("raw", "value"), [("2/3", (2, 3)), ("90%", (9, 10)), ("50,5%", (101, 200)),
                                            (0.5, (1, 2)), ("0", None), ("120%", None),
                                            ("abc", None), (True, None), ("1/0", None)])
def test_shares_are_exact_fractions(raw: object, value: tuple[int, int] | None) -> None:
    got = parse_share(raw)
    assert ((got.numerator, got.denominator) if got is not None else None) == value


# -- one entry, not two --------------------------------------------------------------------------

def test_decided_nomination_missing_from_the_profile_then_written_by_command(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(),
             N + "a.md": nomination(extra=DECIDED), M: meeting(vote("a", 8), ["a"])}
    before = run(tmp_path, files)
    assert before == [
        ('noi-bo/de-nghi/a.md:8: lỗi [de-nghi-khen-thuong] trường `quyet_dinh`: Đề nghị đã có quyết '
        'định 215/QĐ-TTXT nhưng hồ sơ profiles/tran-thi-dao/index.md chưa ghi khen thưởng này.'),
    ]
    root = tmp_path / "repo"
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    assert main(["--root", str(root), "ghi-khen-thuong"]) == 0
    assert capsys.readouterr().out == ("Đã ghi vào profiles/tran-thi-dao/index.md: "
                                       "lao-dong-tien-tien năm 2026, 215/QĐ-TTXT ngày 20/11/2026.\n")
    text = (root / "profiles/tran-thi-dao/index.md").read_text(encoding="utf-8")
    assert ("khen_thuong:\n  - hinh_thuc: lao-dong-tien-tien\n    nam: 2026\n"
            "    so_quyet_dinh: 215/QĐ-TTXT\n    ngay_quyet_dinh: 20/11/2026\n"
            "    co_quan: Giám đốc Trung tâm\n---") in text
    assert main(["--root", str(root), "ghi-khen-thuong"]) == 0
    assert "đã có khen thưởng này; không đổi gì" in capsys.readouterr().out
    assert (root / "profiles/tran-thi-dao/index.md").read_text(encoding="utf-8") == text
    project = Project(root=root)
    corpus, problems = check(project, TODAY)
    assert [p for p in [*problems, *check_process(project, corpus)[1]] if p.is_error] == []


def test_award_that_contradicts_its_nomination(tmp_path: Path) -> None:
    other = LDTT_2026.replace("215/QĐ-TTXT", "300/QĐ-TTXT")
    rejected = "khong_dat:\n  ngay: 17/11/2026\n  ly_do: Không đạt\n"
    files = {"profiles/tran-thi-dao/index.md": profile(awards=other),
             "profiles/le-van-em/index.md": profile("Lê Văn Em", awards=LDTT_2026),
             N + "a.md": nomination(extra=DECIDED),
             N + "b.md": nomination(who="le-van-em", extra=rejected),
             M: meeting(vote("a", 8) + vote("b", 2, 6, "khong_dat"), ["a", "b"])}
    got = [x for x in run(tmp_path, files) if "de-nghi-khen-thuong" in x]
    assert got == [
        ('noi-bo/de-nghi/a.md:9: lỗi [de-nghi-khen-thuong] trường `quyet_dinh.so_quyet_dinh`: Hồ sơ '
        'profiles/tran-thi-dao/index.md ghi "Lao động tiên tiến" năm 2026 theo quyết định '
        '300/QĐ-TTXT ngày 20/11/2026, khác quyết định trong đề nghị (215/QĐ-TTXT ngày 20/11/2026).'),
        ('profiles/le-van-em/index.md:13: lỗi [de-nghi-khen-thuong] trường `khen_thuong[1]`: Khen '
        'thưởng "Lao động tiên tiến" năm 2026 (215/QĐ-TTXT) không khớp hồ sơ đề nghị b: đề nghị '
        'đang ở trạng thái "không đạt", chưa có quyết định này.'),
    ]


# -- where the records live ------------------------------------------------------------------------

def test_internal_folder_inside_content_is_refused(tmp_path: Path) -> None:
    files = {"data/site.yml": (Path(__file__).parent.parent / "data/site.yml").read_text(
        encoding="utf-8") + "noi_bo: content/noi-bo\n",
             "content/noi-bo/de-nghi/a.md": nomination()}
    got = run(tmp_path, files)
    # Refused as internal records, and read by the build as a page of content/ it cannot publish
    # (its keys are not page settings), so a build stops too.
    page = "content/noi-bo/de-nghi/a.md"
    assert got == [
        ('content/noi-bo: lỗi [noi-bo-sai-cho] Thư mục hồ sơ nội bộ (data/site.yml (noi_bo)) nằm '
        'trong hoặc chứa thư mục được công bố content/: đề nghị, phiếu bầu sẽ bị đưa lên trang. '
        'Hồ sơ nội bộ không được đọc.'),
        *(f"{page}:{line}: lỗi [truong-la] trường `{key}`: Trường `{key}` không có trong mẫu trang "
          "nội dung." for line, key in enumerate(("ho_so", "hinh_thuc", "nam", "don_vi_de_nghi",
                                                 "ngay_de_nghi", "dong_y_de_nghi"), 2)),
    ]


def test_internal_records_from_a_separate_repository(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    private = tmp_path / "rieng" / "de-nghi"
    private.mkdir(parents=True)
    (private / "a.md").write_text(nomination(who="khong-co"), encoding="utf-8")
    monkeypatch.setenv("GUONGSANG_NOI_BO", str(tmp_path / "rieng"))
    got = run(tmp_path, {})
    assert got == [
        ('rieng/de-nghi/a.md:2: lỗi [de-nghi-lien-ket] trường `ho_so`: Không tìm thấy hồ sơ '
        '"khong-co" (cần thư mục profiles/khong-co/).'),
    ]
    monkeypatch.setenv("GUONGSANG_NOI_BO", str(tmp_path / "khong-co-thu-muc"))
    assert run(tmp_path / "2", {}) == [
        (f'khong-co-thu-muc: lỗi [noi-bo-sai-cho] Không có thư mục hồ sơ nội bộ '
        f'{tmp_path}/khong-co-thu-muc (GUONGSANG_NOI_BO).'),
    ]


def test_broken_council_data_is_reported_with_its_line(tmp_path: Path) -> None:
    files = {"data/hoi-dong.yml": "tham_quyen_don_vi:\n  hinh_thuc: [lao-dong]\nquy_dinh:\n"
                                  "  - id: a\n    ap_dung: [chien-si-thi-dua-cap-tinh]\n"
                                  "    dai_bieu: {ty_le: 2/3}\n    dong_y: {ty_le: 140%}\n"
                                  "    can_cu: x\n    xac_nhan: true\n"}
    assert run(tmp_path, files) == [
        ('data/hoi-dong.yml:2: lỗi [du-lieu-hoi-dong] trường `tham_quyen_don_vi.hinh_thuc[1]`: '
        'Hình thức "lao-dong" không có trong danh-muc-khen-thuong.yml.'),
        ('data/hoi-dong.yml:3: lỗi [du-lieu-hoi-dong] trường `quy_dinh`: Không có quy định chung '
        '(`ap_dung: []`): hình thức không có quy định riêng sẽ không xét được kết quả.'),
        ('data/hoi-dong.yml:4: lỗi [du-lieu-hoi-dong] trường `quy_dinh[1].nguon`: Quy định "a" '
        'thiếu `nguon`: mọi ngưỡng phải ghi căn cứ và nguồn đã đối chiếu.'),
        ('data/hoi-dong.yml:7: lỗi [du-lieu-hoi-dong] trường `quy_dinh[1].dong_y.ty_le`: Tỷ lệ '
        '"140%" không hợp lệ: cần một phân số hoặc phần trăm lớn hơn 0 và không quá 100%.'),
    ]


# -- the pull-request comment ----------------------------------------------------------------------

def test_comment_lists_each_condition_of_the_changed_nominations(tmp_path: Path) -> None:
    files = {"profiles/tran-thi-dao/index.md": profile(awards=LDTT_2026),
             N + "a.md": nomination("chien-si-thi-dua-co-so"), N + "b.md": nomination()}
    process = _process(tmp_path, files)
    chosen = selected(process, ["noi-bo/de-nghi/a.md", "README.md"])
    assert [n.slug for n in chosen] == ["a"]
    text = render(process, chosen, [])
    assert text == (
        "<!-- guongsang-tham-dinh -->\n### 🏅 Thẩm định đề nghị khen thưởng\n\n"
        "Kết quả do `guongsang tham-dinh` tính từ hồ sơ trong kho theo điều kiện của luật còn hiệu "
        "lực vào ngày xét (`data/danh-muc-khen-thuong.yml`, `data/van-ban-phap-ly.yml`); không ai "
        "gõ tay kết luận này.\n\n"
        "#### Trần Thị Đào – Chiến sĩ thi đua cơ sở năm 2026\n\n"
        "Tệp `noi-bo/de-nghi/a.md` · trạng thái: Đã thẩm định · ✅ **Đủ điều kiện**\n\n"
        "Căn cứ pháp lý: Luật Thi đua, khen thưởng 2022; Luật sửa đổi Luật Thi đua, khen thưởng "
        "(2026) (chưa xác nhận); Nghị định 152/2025/NĐ-CP (ngày xét 03/11/2026).\n\n"
        "| Yêu cầu | Kết quả | Hồ sơ cho thấy |\n|---|---|---|\n"
        # The title of 20/11/2026 is later than the review day: its standard is what counts.
        "| Đạt tiêu chuẩn \"Lao động tiên tiến\" năm 2026 (Điều 23 khoản 1) | ✅ Đạt | đạt tiêu "
        "chuẩn \"Lao động tiên tiến\": năm 2026 xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" |\n"
        "| Đạt một trong các tiêu chuẩn sau (Điều 23 khoản 2) | ✅ Đạt | đạt (htxs): năm 2026 xếp "
        "loại \"Hoàn thành xuất sắc nhiệm vụ\" |\n"
        "| ↳ **Xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" năm 2026** | ✅ Đạt (tiêu chuẩn được "
        "xét) | năm 2026 xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" |\n"
        "| ↳ 1 sáng kiến được công nhận, phạm vi từ \"Trong đơn vị\" trở lên, năm 2026 | ❌ Chưa "
        "đạt | chưa có sáng kiến nào đủ điều kiện |\n"
        "| ↳ 1 đề tài, đề án, công trình khoa học (đã nghiệm thu) được công nhận, phạm vi từ "
        "\"Trong đơn vị\" trở lên, năm 2026 | ❌ Chưa đạt | chưa có đề tài, đề án, công trình khoa "
        "học (đã nghiệm thu) nào đủ điều kiện |\n")
    assert render(process, [], []).endswith(
        "Pull request này không thay đổi đề nghị khen thưởng hay cuộc họp nào.\n")


def test_new_nomination_and_meeting_scaffolds_pass_once_filled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo(tmp_path / "repo", {"profiles/tran-thi-dao/index.md": profile()})
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    assert main(["--root", str(root), "new", "de-nghi", "tran-thi-dao", "--hinh-thuc",
                 "lao-dong-tien-tien", "--nam", "2026"]) == 0
    path = root / "noi-bo/de-nghi/2026-tran-thi-dao-lao-dong-tien-tien.md"
    assert capsys.readouterr().out.startswith(
        "Đã tạo noi-bo/de-nghi/2026-tran-thi-dao-lao-dong-tien-tien.md\n")
    text = path.read_text(encoding="utf-8")
    assert "ho_so: tran-thi-dao\n" in text and "ngay_de_nghi: 27/11/2026\n" in text
    assert "dong_y_de_nghi: false\n" in text
    assert main(["--root", str(root), "new", "hop-hoi-dong", "Bình xét năm 2026", "--ngay",
                 "30/11/2026"]) == 0
    meeting_text = (root / "noi-bo/hop-hoi-dong/2026-11-30-binh-xet-nam-2026.md").read_text(
        encoding="utf-8")
    assert "de_nghi:\n  - 2026-tran-thi-dao-lao-dong-tien-tien\n" in meeting_text
    path.write_text(text.replace("dong_y_de_nghi: false", "dong_y_de_nghi: true"), encoding="utf-8")
    project = Project(root=root)
    corpus, problems = check(project, TODAY)
    got = [p.format_text().split("\n")[0] for p in [*problems, *check_process(project, corpus)[1]]
           if p.severity is not Severity.INFO and p.rule != "de-nghi-chua-tham-dinh-duoc"]
    assert got == [
        ('noi-bo/hop-hoi-dong/2026-11-30-binh-xet-nam-2026.md:7: lỗi [hop-thanh-vien] trường '
        '`thanh_vien`: Chưa có danh sách thành viên Hội đồng: không tính được số người có mặt và '
        'tỷ lệ phiếu.')]
    capsys.readouterr()
    assert main(["--root", str(root), "new", "de-nghi", "tran-thi-dao", "--hinh-thuc",
                 "lao-dong-tien-tien", "--nam", "2026"]) == 1
    assert "Đã có" in capsys.readouterr().err


def test_a_condition_met_by_a_companion_nomination_waits_for_it(tmp_path: Path) -> None:
    """"Chiến sĩ thi đua cấp tỉnh" 2026 needs "Chiến sĩ thi đua cơ sở" 2024–2026; the 2026 one
    is nominated in the same round: waiting for it, not failed. Decided after the meeting, it
    counts for the proposal forwarded to the province later."""
    earlier = "".join(
        f"  - nam: {y}\n    noi_dung: Tổ chức 4 đoàn famtrip.\n    xep_loai: hoan_thanh_xuat_sac\n"
        for y in (2024, 2025))
    titles = "".join(
        f"  - hinh_thuc: chien-si-thi-dua-co-so\n    nam: {y}\n    so_quyet_dinh: {no}/QĐ-TTXT\n"
        f"    ngay_quyet_dinh: {day}\n    co_quan: Giám đốc Trung tâm\n"
        for y, no, day in ((2024, 12, "10/01/2025"), (2025, 9, "08/01/2026")))
    record = profile(awards=titles).replace("thanh_tich:\n", "thanh_tich:\n" + earlier)
    provincial = MODEL.replace("nam: 2026\n", "nam: 2026\npham_vi: tinh\n").replace(
        "198/QĐ-TTXT", "98/QĐ-UBND\n  pham_vi: tinh")
    files = {"profiles/tran-thi-dao/index.md": record, "content/mo-hinh/so-tay-so.md": provincial,
             N + "co-so.md": nomination("chien-si-thi-dua-co-so"),
             N + "tinh.md": nomination("chien-si-thi-dua-cap-tinh"),
             M: meeting(vote("co-so", 8) + vote("tinh", 9), ["co-so", "tinh"],
                        members=MEMBERS.replace("co_mat: false", "co_mat: true"))}
    assert run(tmp_path, files, unassessed=True) == [
        ('noi-bo/de-nghi/tinh.md:3: cảnh báo [de-nghi-chua-tham-dinh-duoc] trường `hinh_thuc`: '
         '"Chiến sĩ thi đua cấp tỉnh" năm 2026: yêu cầu theo Điều 22 khoản 1 điểm a (Luật Thi đua, '
         'khen thưởng 2022) (cần "Chiến sĩ thi đua cơ sở" 3 năm liên tục (2024–2026)) chỉ đạt khi '
         'đề nghị cùng đợt co-so được quyết định.'),
    ]
    process = _process(tmp_path / "again", files)
    found = assess(process, process.nominations["tinh"])
    assert found is not None and found.eligible is None and found.word == "Cần thẩm định thêm"
    first = found.rows(process.corpus)[0]
    assert (first.word, first.found) == (
        "Chờ đề nghị cùng đợt",
        'năm 2026 không có "Chiến sĩ thi đua cơ sở"; chờ kết quả đề nghị cùng đợt: co-so')
    decided = files[N + "co-so.md"].replace("dong_y_de_nghi: true\n", "dong_y_de_nghi: true\n"
                                            + DECIDED.replace("215/", "216/"))
    awarded = record.replace("khen_thuong:\n", "khen_thuong:\n" + LDTT_2026.replace(
        "lao-dong-tien-tien", "chien-si-thi-dua-co-so").replace("215/", "216/"))
    forwarded = files[N + "tinh.md"].replace(
        "dong_y_de_nghi: true\n", "dong_y_de_nghi: true\ntrinh_cap_tren:\n  so_to_trinh: "
        "45/TTr-TTXT\n  ngay: 24/11/2026\n")
    after = {**files, N + "co-so.md": decided, N + "tinh.md": forwarded,
             "profiles/tran-thi-dao/index.md": awarded}
    assert run(tmp_path / "run-after", after) == []
    process = _process(tmp_path / "decided", after)
    found = assess(process, process.nominations["tinh"])
    assert found is not None and found.eligible is True and found.waiting == {}


def test_tham_dinh_prints_the_engines_verdict_per_requirement(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo(tmp_path / "repo", {"profiles/tran-thi-dao/index.md": profile(),
                                         N + "a.md": nomination("chien-si-thi-dua-cap-tinh"),
                                         N + "b.md": nomination()})
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    assert main(["--root", str(root), "tham-dinh", N + "a.md", N + "b.md"]) == 0
    basis = ("căn cứ Luật Thi đua, khen thưởng 2022; Luật sửa đổi Luật Thi đua, khen thưởng (2026) "
             "(chưa xác nhận); Nghị định 152/2025/NĐ-CP (ngày xét 03/11/2026)")
    assert capsys.readouterr().out == (
        f"a: Đã thẩm định; chưa đủ điều kiện; {basis}\n"
        "    - [chưa đạt] \"Chiến sĩ thi đua cơ sở\" 3 năm liên tục (2024–2026) (Điều 22 khoản 1 "
        "điểm a): năm 2024, 2025, 2026 không có \"Chiến sĩ thi đua cơ sở\"\n"
        "    - [chưa đạt] 1 sáng kiến hoặc đề tài khoa học được công nhận, phạm vi từ \"Toàn tỉnh\" "
        "trở lên, trong 2024–2026 (Điều 22 khoản 1 điểm b, khoản 2): chưa có sáng kiến hoặc đề "
        "tài khoa học nào đủ điều kiện\n"
        f"b: Đã thẩm định; đủ điều kiện; {basis}\n"
        "    - [đạt] Xếp loại từ \"Hoàn thành tốt nhiệm vụ\" trở lên năm 2026 (Điều 24 khoản 1 "
        "điểm a): năm 2026 xếp loại \"Hoàn thành xuất sắc nhiệm vụ\"\n"
        "    - [hội đồng thẩm định] Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực "
        "tham gia phong trào thi đua (Điều 24 khoản 1 điểm b) (chưa xác nhận): cần hội đồng "
        "thẩm định\n")
