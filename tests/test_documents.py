"""The documents of the process, generated from the shipped sample period: the council pack,
the ballot sheet, the minutes, the achievement reports and the periodic report, as DOCX (opened
with python-docx) and PDF (read back with pdftotext, page size with pdfinfo, fonts with
pdffonts)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document as read_docx

from guongsang.check import check
from guongsang.cli import main
from guongsang.documents.layout import load_layout
from guongsang.documents.model import Document, Letterhead, para, table
from guongsang.documents.pdf import FONT_DIR
from guongsang.process.check import check_process
from guongsang.project import Project

from .conftest import ROOT, TODAY

MEETING = "2026-11-17-binh-xet-nam-2026"
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdffonts")
# CI (.ci/run, which sets GUONGSANG_REQUIRE_BROWSER) installs poppler-utils: never skip there.
needs_poppler = pytest.mark.skipif(not POPPLER and not os.environ.get("GUONGSANG_REQUIRE_BROWSER"),
                                   reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every document of the sample period, written once by the commands staff run."""
    out = tmp_path_factory.mktemp("van-ban")
    mp = pytest.MonkeyPatch()
    mp.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    try:
        for argv in (["van-ban", "ho-so-hop", "--hop", MEETING],
                     ["van-ban", "bao-cao-thanh-tich", "--hop", MEETING],
                     ["van-ban", "bao-cao-dinh-ky", "--period", "2026"]):
            assert main(["--root", str(ROOT), *argv, "--out", str(out / argv[1])]) == 0
    finally:
        mp.undo()
    return out


def docx_text(path: Path) -> tuple[str, list[list[list[str]]]]:
    doc = read_docx(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return "\n".join(p.text for p in doc.paragraphs), tables


def pdf_text(path: Path, layout: bool = True) -> str:
    """The PDF's text; ``layout=False`` reads table cells one after the other (a cell wrapped on
    two lines stays whole) instead of side by side."""
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def test_every_document_is_written_as_docx_and_pdf(documents: Path) -> None:
    names = sorted(p.relative_to(documents).as_posix() for p in documents.rglob("*.*"))
    assert f"ho-so-hop/ho-so-hop-{MEETING}.docx" in names
    assert f"ho-so-hop/phieu-bau-{MEETING}.pdf" in names
    assert f"ho-so-hop/bien-ban-{MEETING}.docx" in names
    assert "bao-cao-dinh-ky/bao-cao-dinh-ky-2026.pdf" in names
    reports = [n for n in names if n.startswith("bao-cao-thanh-tich/")]
    assert len(reports) == 2 * 12  # every nomination on the agenda, DOCX and PDF
    assert all(n.rsplit(".", 1)[0] + ".pdf" in names for n in names if n.endswith(".docx"))


def test_council_pack_lists_every_nomination_with_its_conditions(documents: Path) -> None:
    text, tables = docx_text(documents / f"ho-so-hop/ho-so-hop-{MEETING}.docx")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in tables[0][0][1]
    assert "Độc lập - Tự do - Hạnh phúc" in tables[0][0][1]
    assert "Lâm Đồng, ngày 17 tháng 11 năm 2026" in tables[0][0][1]
    assert tables[0][0][0].startswith("UBND TỈNH LÂM ĐỒNG\nTRUNG TÂM XÚC TIẾN ĐẦU TƯ")
    listing = tables[1]
    assert listing[0] == ["STT", "Họ và tên (tập thể)", "Đơn vị", "Đề nghị", "Đơn vị đề nghị",
                          "Thẩm định"]
    assert len(listing) == 13
    assert ["8", "Đặng Thị Thuỷ", "Phòng Xúc tiến Du lịch", "Chiến sĩ thi đua cơ sở",
            "Chi đoàn Thanh niên", "Đủ điều kiện"] in listing
    requirements = [t for t in tables[2:] if t[0] == ["Yêu cầu", "Kết quả", "Hồ sơ cho thấy"]]
    assert len(requirements) == 12
    # Đặng Thị Thuỷ, Chiến sĩ thi đua cơ sở: the engine's rows, alternatives under their group.
    assert requirements[7] == [
        ["Yêu cầu", "Kết quả", "Hồ sơ cho thấy"],
        ["Đạt tiêu chuẩn \"Lao động tiên tiến\" năm 2026 (Điều 23 khoản 1)", "Đạt",
         "có \"Lao động tiên tiến\" năm 2026 (215/QĐ-TTXT)"],
        ["Đạt một trong các tiêu chuẩn sau (Điều 23 khoản 2)", "Đạt",
         "đạt (htxs): 2024–2026 đều xếp loại \"Hoàn thành xuất sắc nhiệm vụ\""],
        ["\u2003– Xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" năm 2026", "Đạt (tiêu chuẩn được xét)",
         "2024–2026 đều xếp loại \"Hoàn thành xuất sắc nhiệm vụ\""],
        ["\u2003– 1 sáng kiến được công nhận, phạm vi từ \"Trong đơn vị\" trở lên, năm 2026", "Đạt",
         "\"Cẩm nang điểm đến xanh trên điện thoại\" (Trong đơn vị, công nhận theo 198/QĐ-TTXT)"],
        [("\u2003– 1 đề tài, đề án, công trình khoa học (đã nghiệm thu) được công nhận, phạm vi từ "
         "\"Trong đơn vị\" trở lên, năm 2026"), "Chưa đạt",
         "chưa có đề tài, đề án, công trình khoa học (đã nghiệm thu) nào đủ điều kiện"],
    ]
    # Nguyễn Thị Hoà, Bằng khen: met on the campaign the nomination names (point a); point d,
    # a group inside the group, two levels down; an unconfirmed reading marked as such.
    bang_khen = requirements[11]
    assert bang_khen[2] == [
        ("\u2003– Quyết định khen gắn với phong trào thi đua do cấp \"Tỉnh\" phát động (Điều 74 "
         "khoản 1 điểm a)"), "Đạt (tiêu chuẩn được xét)",
        ("phong trào \"Thi đua xây dựng tỉnh Lâm Đồng phát triển nhanh, bền vững sau hợp nhất, giai "
        "đoạn 2025–2030\" (cấp Tỉnh)")]
    assert bang_khen[7] == ["\u2003\u2003\u2003– \"Chiến sĩ thi đua cơ sở\" 2 năm liên tục (2025–2026)",
                            "Chưa đạt", "năm 2025, 2026 không có \"Chiến sĩ thi đua cơ sở\""]
    assert bang_khen[10][0].endswith("trong thời gian đó (2026) (chưa xác nhận)")
    # One legal basis for the whole agenda, said once; each nomination has its own review day.
    assert ("Căn cứ pháp lý của mọi đề nghị dưới đây (văn bản còn hiệu lực vào ngày xét của "
            "từng đề nghị): Luật Thi đua, khen thưởng 2022; Luật sửa đổi Luật Thi đua, khen thưởng "
            "(2026) (chưa xác nhận); Nghị định 152/2025/NĐ-CP.") in text
    assert text.count("Ngày xét: 20/11/2026. Kết luận: Đủ điều kiện.") == 9  # decided
    assert text.count("Ngày xét: 24/11/2026. Kết luận: Đủ điều kiện.") == 2  # forwarded
    assert "Ngày xét: 17/11/2026. Kết luận: Chưa đủ điều kiện." in text  # Âu Thanh Tùng
    assert "Sáng kiến \"Cẩm nang điểm đến xanh trên điện thoại\" (2026, công nhận theo 198/QĐ-TTXT " \
           "ngày 15/10/2026)" in text
    assert "Ngưỡng biểu quyết: trên 1/2 tổng số thành viên (ít nhất 5/9 phiếu)" in text


def test_ballot_lists_the_candidates_with_empty_boxes(documents: Path) -> None:
    text, tables = docx_text(documents / f"ho-so-hop/phieu-bau-{MEETING}.docx")
    assert "PHIẾU BẦU" in text and "Bỏ phiếu kín" in text
    ballot = tables[1]
    assert ballot[0] == ["STT", "Họ và tên (tập thể)", "Đề nghị", "Đồng ý", "Không đồng ý"]
    assert ["1", "Trịnh Quốc Bảo", "Lao động tiên tiến", "", ""] in ballot
    assert len(ballot) == 13 and all(row[3:] == ["", ""] for row in ballot[1:])


def test_minutes_carry_quorum_and_recorded_results(documents: Path) -> None:
    text, tables = docx_text(documents / f"ho-so-hop/bien-ban-{MEETING}.docx")
    assert ("Có mặt 8/9 thành viên, 1 thành viên vắng gửi ý kiến bằng văn bản. Cuộc họp cần từ "
            "2/3 trở lên tổng số thành viên (6 người)") in text
    members = tables[1]
    assert members[8] == ["8", "Võ Thành Nhân", "Bí thư Chi đoàn Thanh niên", "Ủy viên",
                          "Vắng, có ý kiến bằng văn bản"]
    results = tables[2]
    assert results[0][:4] == ["STT", "Họ và tên (tập thể)", "Đề nghị", "Đồng ý"]
    row = next(r for r in results if r[1] == "Âu Thanh Tùng")
    assert row[3:6] == ["3", "6", "0"] and row[7] == "Không đạt" and row[6].startswith("33,3%")
    assert tables[-1][0][1].startswith("CHỦ TỊCH HỘI ĐỒNG") and "Lê Văn Bình" in tables[-1][0][1]
    assert "Phạm Thị Lan" in tables[-1][0][0]


def test_achievement_report_follows_the_appendix_form(documents: Path) -> None:
    path = documents / "bao-cao-thanh-tich/bao-cao-thanh-tich-2026-dang-thi-thuy-chien-si-thi-dua-co-so.docx"
    text, tables = docx_text(path)
    assert text.startswith("Mẫu số 03, Phụ lục I, Nghị định 98/2023/NĐ-CP (đề mục chưa đối chiếu "
                           "nguyên văn)")
    for line in ("BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2026",
                 "I. SƠ LƯỢC LÝ LỊCH", "– Họ và tên: Đặng Thị Thuỷ", "– Sinh ngày, tháng, năm: ……",
                 "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"):
        assert line in text.split("\n")
    awards = tables[-2]
    assert awards[0] == ["Năm", "Danh hiệu, hình thức khen thưởng", "Số, ngày quyết định",
                         "Cơ quan ban hành"]
    assert ["2025", "Chiến sĩ thi đua cơ sở", "10/QĐ-TTXT ngày 07/01/2026",
            "Giám đốc Trung tâm"] in awards


def test_achievement_report_never_reads_private_fields(documents: Path) -> None:
    texts = [docx_text(p)[0] + str(docx_text(p)[1])
             for p in (documents / "bao-cao-thanh-tich").glob("*.docx")]
    # Nguyễn Thị Hoà's private phone, ID number, e-mail and birthday (profiles/nguyen-thi-hoa).
    for private in ("0978 246 135", "068182009351", "hoa.nt.sample@example.vn", "03/02/1982"):
        assert not any(private in t for t in texts)


def test_periodic_report_uses_the_figures_of_the_markdown_report(documents: Path) -> None:
    text, tables = docx_text(documents / "bao-cao-dinh-ky/bao-cao-dinh-ky-2026.docx")
    assert "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng (Ban Thi đua – Khen thưởng)." in text
    from guongsang.reports import year_period
    from guongsang.reports.periodic import count, given_in
    corpus, _ = check(Project(root=ROOT), TODAY)
    c = count(corpus, given_in(corpus, year_period(2026)))
    assert f"Trong kỳ (tính theo ngày ký quyết định), đơn vị có {c.total} lượt khen thưởng" in text
    levels = tables[1]
    assert levels[-1] == ["Tổng cộng", str(c.total), "100%"]
    assert tables[-1][0][1].startswith("GIÁM ĐỐC") and "Lê Văn Bình" in tables[-1][0][1]


@needs_poppler
@pytest.mark.parametrize("name", [f"ho-so-hop/ho-so-hop-{MEETING}", f"ho-so-hop/phieu-bau-{MEETING}",
                                  f"ho-so-hop/bien-ban-{MEETING}", "bao-cao-dinh-ky/bao-cao-dinh-ky-2026",
                                  ("bao-cao-thanh-tich/bao-cao-thanh-tich-2026-nguyen-thi-hoa-"
                                  "bang-khen-chu-tich-ubnd-tinh")])
def test_pdf_is_a4_with_embedded_fonts_and_readable_vietnamese(documents: Path, name: str) -> None:
    pdf = documents / f"{name}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("GS-Serif" in r[0] and r[-5:-2] == ["yes", "yes", "yes"] for r in rows)
    text = unicodedata.normalize("NFC", pdf_text(pdf))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    body, tables = docx_text(documents / f"{name}.docx")
    cells = " ".join(" ".join(" ".join(r) for r in t) for t in tables)
    words = set(re.findall(r"\w+", f"{body} {cells}"))
    found = set(re.findall(r"\w+", text))
    # Every word of the DOCX is in the PDF: the two are written from one document model.
    assert words - found == set()


@needs_poppler
def test_every_vietnamese_letter_survives_into_the_pdf(tmp_path: Path) -> None:
    from guongsang.documents.pdf import render_pdf
    letters = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
    all_vowels = [unicodedata.normalize("NFC", v + t) for v in letters + letters.upper() for t in tones]
    line = " ".join(all_vowels) + " đ Đ"
    corpus, _ = check(Project(root=ROOT), TODAY)
    layout, _ = load_layout(Project(root=ROOT), corpus.ref)
    doc = Document("chu", [Letterhead("", "ĐƠN VỊ", "", "Lâm Đồng, ngày 01 tháng 12 năm 2026"),
                           para(line), table(["Ầ", "ẩ"], [["ữ", "Ỡ"]], [1, 1])])
    (tmp_path / "chu.pdf").write_bytes(render_pdf(doc, layout))
    text = unicodedata.normalize("NFC", pdf_text(tmp_path / "chu.pdf"))
    assert all(ch in text for ch in all_vowels + ["đ", "Đ", "Ầ", "ẩ", "ữ", "Ỡ"])


def test_the_vendored_fonts_cover_every_vietnamese_letter() -> None:
    from fontTools.ttLib import TTFont
    chars = {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
             for t in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")} | set("đĐ")
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        cmap = TTFont(FONT_DIR / f"LiberationSerif-{style}.ttf").getBestCmap()
        assert sorted(c for c in chars if ord(c) not in cmap) == []
    assert (FONT_DIR / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1


def test_documents_are_refused_inside_published_folders(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--root", str(ROOT), "van-ban", "bao-cao-dinh-ky", "--out", str(ROOT / "content" / "x")])
    assert code == 2
    assert "Không ghi văn bản nội bộ vào content/x" in capsys.readouterr().err


def test_process_problems_fail_documents_unless_asked(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from .conftest import make_repo
    root = make_repo(tmp_path / "repo", {"noi-bo/de-nghi/a.md": "---\nho_so: khong-co\n---\n"})
    assert main(["--root", str(root), "van-ban", "bao-cao-dinh-ky", "--out", str(tmp_path / "o")]) == 1
    assert "Dữ liệu còn" in capsys.readouterr().err
    project = Project(root=root)
    corpus, _ = check(project, TODAY)
    assert check_process(project, corpus)[1]


# CI (.ci/run) installs libreoffice-writer-nogui: never skipped there.
@pytest.mark.skipif((not shutil.which("soffice") or not POPPLER)
                    and not os.environ.get("GUONGSANG_REQUIRE_BROWSER"),
                    reason="LibreOffice is not installed (optional: apt-get install "
                           "libreoffice-writer-nogui)")
def test_libreoffice_opens_the_docx_and_reads_the_same_words(documents: Path, tmp_path: Path) -> None:
    """Every kind of document, as staff open it: LibreOffice converts the DOCX (the tables of the
    engine's verdicts included) and the words, diacritics and the A4 page survive."""
    wanted = {
        f"ho-so-hop/bien-ban-{MEETING}.docx": ("BIÊN BẢN", "Võ Thành Nhân", "Âu Thanh Tùng",
                                               "CHỦ TỊCH HỘI ĐỒNG"),
        f"ho-so-hop/ho-so-hop-{MEETING}.docx": (
            "HỒ SƠ BÌNH XÉT THI ĐUA, KHEN THƯỞNG", "Đạt (tiêu chuẩn được xét)",
            "\"Chiến sĩ thi đua cơ sở\" 2 năm liên tục (2025–2026)", "Hội đồng thẩm định",
            "Căn cứ pháp lý của mọi đề nghị dưới đây"),
        f"ho-so-hop/phieu-bau-{MEETING}.docx": ("PHIẾU BẦU", "Trịnh Quốc Bảo", "Không đồng ý"),
        "bao-cao-thanh-tich/bao-cao-thanh-tich-2026-dang-thi-thuy-chien-si-thi-dua-co-so.docx": (
            "BÁO CÁO THÀNH TÍCH", "Đặng Thị Thuỷ"),
        "bao-cao-dinh-ky/bao-cao-dinh-ky-2026.docx": ("BÁO CÁO",),
    }
    sources = [str(documents / name) for name in wanted]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *sources],
                   check=True, capture_output=True, timeout=300)
    for name, words in wanted.items():
        pdf = tmp_path / Path(name).with_suffix(".pdf").name
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                              text=True).stdout
        assert "(A4)" in info, name
        squashed = re.sub(r"\s+", " ", unicodedata.normalize("NFC", pdf_text(pdf, layout=False)))
        for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         *words):
            assert expected in squashed, (name, expected)


def test_rendering_a_pdf_leaves_the_photo_checks_strict() -> None:
    # WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES on import; the photo checks need it False.
    from PIL import ImageFile

    from guongsang.documents.pdf import render_pdf
    corpus, _ = check(Project(root=ROOT), TODAY)
    layout, _ = load_layout(Project(root=ROOT), corpus.ref)
    render_pdf(Document("x", [para("Thử")]), layout)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
