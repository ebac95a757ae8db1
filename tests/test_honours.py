"""Yearly honour rolls: years index, grouping order (level, form, name), CSV and xlsx bytes."""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import pytest

from guongsang.pages.honours import (
    BOM,
    FLAT_HEADER,
    ROLL_COLUMNS,
    HonourRollView,
    HonoursIndexView,
    honour_rolls,
)
from guongsang.site.output import Asset, View

from .conftest import make_repo
from .test_campaigns import context, profile


def award(form: str, year: int, number: str, day: str, extra: str = "") -> str:
    return (f"  - hinh_thuc: {form}\n    nam: {year}\n    so_quyet_dinh: {number}\n"
            f"    ngay_quyet_dinh: {day}\n" + "".join(f"    {x}\n" for x in extra.split(";") if x))


def awards(*items: str) -> str:
    return "khen_thuong:\n" + "".join(items)


LDTT_2025 = award("lao-dong-tien-tien", 2025, "12/QĐ-TTXT", "12/01/2026")

FILES = {
    "profiles/tran-van-binh/index.md": profile("Trần Văn Bình", extra=awards(
        LDTT_2025,
        award("bang-khen-thu-tuong", 2025, "1520/QĐ-TTg", "15/09/2026",
              "co_quan: Thủ tướng Chính phủ;theo_tieu_chuan: khac"))),
    "profiles/nguyen-thi-an/index.md": profile("Nguyễn Thị An", unit="phong-xuc-tien-du-lich",
                                               extra=awards(
        award("giay-khen-giam-doc", 2025, "45/QĐ-TTXT", "20/08/2025", "dot_xuat: true"),
        LDTT_2025,
        award("lao-dong-tien-tien", 2024, "10/QĐ-TTXT", "10/01/2025"))),
    "profiles/le-van-duc/index.md": profile("Lê Văn Đức", extra=awards(LDTT_2025)),
    "profiles/pham-van-dung/index.md": profile("Phạm Văn Dũng", extra=awards(LDTT_2025)),
    "profiles/vo-thi-ngoc/index.md": profile("Võ Thị Ngọc", extra=awards(
        award("giay-khen-giam-doc", 2025, "46/QĐ-TTXT", "20/08/2025"))),
    "profiles/phong-xuc-tien-thuong-mai/index.md": profile(
        "Phòng Xúc tiến Thương mại", loai="tap_the", unit="phong-xuc-tien-thuong-mai",
        extra=awards(
            award("giay-khen-giam-doc", 2025, "50/QĐ-TTXT", "01/12/2025", "chuyen_de: true"),
            award("co-thi-dua-ubnd-tinh", 2025, "2100/QĐ-UBND", "10/02/2026",
                  "co_quan: Chủ tịch UBND tỉnh"))),
    # Not published: neither the 2025 award nor the year 2023 may appear anywhere.
    "profiles/hoang-thi-em/index.md": profile("Hoàng Thị Em", published=False, extra=awards(
        LDTT_2025, award("lao-dong-tien-tien", 2023, "9/QĐ-TTXT", "10/01/2024"))),
}


@pytest.fixture
def items(tmp_path: Path) -> list[View | Asset]:
    return list(honour_rolls(context(make_repo(tmp_path / "repo", FILES))))


def page(items: list[View | Asset], url: str) -> View:
    return next(v for v in items if isinstance(v, View) and v.url == url)


def csv_asset(items: list[View | Asset], uri: str) -> bytes:
    data = next(a for a in items if isinstance(a, Asset) and a.uri == uri).content
    assert isinstance(data, bytes)
    return data


def test_one_page_and_one_csv_per_year_with_awards(items: list[View | Asset]) -> None:
    assert [(type(i).__name__, i.url if isinstance(i, View) else i.uri) for i in items] == [
        ("HonoursIndexView", "vinh-danh/"),
        ("HonourRollView", "vinh-danh/2025/"),
        ("Asset", "vinh-danh/2025/vinh-danh-2025.csv"),
        ("Asset", "vinh-danh/2025/vinh-danh-2025.xlsx"),
        ("HonourRollView", "vinh-danh/2024/"),
        ("Asset", "vinh-danh/2024/vinh-danh-2024.csv"),
        ("Asset", "vinh-danh/2024/vinh-danh-2024.xlsx"),
    ]
    roll = page(items, "vinh-danh/2025/")
    assert isinstance(roll, HonourRollView) and roll.year == 2025
    assert roll.title == "Bảng vinh danh năm 2025"
    assert roll.src_uri == "vinh-danh/2025/index.md"
    assert isinstance(page(items, "vinh-danh/"), HonoursIndexView)


def test_years_index_newest_first_with_counts_by_level(items: list[View | Asset]) -> None:
    index = page(items, "vinh-danh/").markdown
    assert index.startswith("---\ntitle: Bảng vinh danh\n")
    assert re.findall(r"<th scope=\"col\">([^<]*)</th>", index) == [
        "Năm", "Số lượt khen thưởng", "Nhà nước", "Tỉnh", "Cơ sở", "Tải về"]
    cells = [re.findall(r">([^<]*)</(?:a|td)>", r) for r in re.findall(r"<tr><th scope=\"row\".*?</tr>", index)]
    assert cells == [["Năm 2025", "9", "1", "1", "7", "Excel", "CSV"],
                     ["Năm 2024", "1", "0", "0", "1", "Excel", "CSV"]]
    assert ('<th scope="row" data-label="Năm"><a href="2025/">Năm 2025</a></th>'
            '<td data-label="Số lượt khen thưởng">9</td>') in index
    assert ('<a href="2025/vinh-danh-2025.xlsx">Excel</a> · '
            '<a href="2025/vinh-danh-2025.csv">CSV</a>') in index
    assert "2023" not in index


def test_roll_grouped_by_level_then_form_then_name(items: list[View | Asset]) -> None:
    md = page(items, "vinh-danh/2025/").markdown
    assert md.startswith("---\ntitle: Bảng vinh danh năm 2025\n")
    headings = re.findall(r"^#+ .*$", md, re.MULTILINE)
    assert headings == ["# Bảng vinh danh năm 2025",
                        "## Cấp Nhà nước", "### Bằng khen của Thủ tướng Chính phủ",
                        "## Cấp Tỉnh", "### Cờ thi đua của UBND tỉnh",
                        "## Cấp Cơ sở", "### Lao động tiên tiến",
                        "### Giấy khen của Giám đốc Trung tâm"]
    row = re.compile(r'<tr><td data-label="STT">(\d+)</td><td data-label="Họ tên">'
                     r'<a href="([^"]*)">([^<]*)</a></td><td data-label="Đơn vị">([^<]*)</td>'
                     r'<td data-label="Số quyết định">([^<]*)</td>'
                     r'<td data-label="Ngày quyết định">([^<]*)</td>'
                     r'<td data-label="Căn cứ pháp lý"><a class="gs-basis" href="([^"]*)">'
                     r'([^<]*)</a></td>'
                     r'<td data-label="Ghi chú">([^<]*)</td></tr>')
    tables = [row.findall(t) for t in re.split(r"^### .*$", md, flags=re.MULTILINE)[1:]]
    # The legal basis of each award: the law and decree in force on its decision date, linked
    # to the form's condition set on the criteria page.
    law = "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP"
    ldtt = ("../../tieu-chi/#dk-lao-dong-tien-tien-luat-tdkt-2022", law)
    gk = ("../../tieu-chi/#dk-giay-khen-giam-doc-luat-tdkt-2022", law)
    assert tables == [
        [("1", "../../ho-so/tran-van-binh/", "Trần Văn Bình", "Phòng Xúc tiến Đầu tư",
          "1520/QĐ-TTg", "15/09/2026",
          "../../tieu-chi/#dk-bang-khen-thu-tuong-luat-tdkt-2022-ca-nhan", law, "")],
        [("1", "../../ho-so/phong-xuc-tien-thuong-mai/", "Phòng Xúc tiến Thương mại",
          "Phòng Xúc tiến Thương mại", "2100/QĐ-UBND", "10/02/2026",
          "../../tieu-chi/#dk-co-thi-dua-ubnd-tinh-luat-tdkt-2022", law, "")],
        [("1", "../../ho-so/nguyen-thi-an/", "Nguyễn Thị An", "Phòng Xúc tiến Du lịch",
          "12/QĐ-TTXT", "12/01/2026", *ldtt, ""),
         ("2", "../../ho-so/tran-van-binh/", "Trần Văn Bình", "Phòng Xúc tiến Đầu tư",
          "12/QĐ-TTXT", "12/01/2026", *ldtt, ""),
         ("3", "../../ho-so/pham-van-dung/", "Phạm Văn Dũng", "Phòng Xúc tiến Đầu tư",
          "12/QĐ-TTXT", "12/01/2026", *ldtt, ""),
         ("4", "../../ho-so/le-van-duc/", "Lê Văn Đức", "Phòng Xúc tiến Đầu tư",
          "12/QĐ-TTXT", "12/01/2026", *ldtt, "")],
        # A collective sorts by its name as written ("Phòng…" after "Ngọc").
        [("1", "../../ho-so/nguyen-thi-an/", "Nguyễn Thị An", "Phòng Xúc tiến Du lịch",
          "45/QĐ-TTXT", "20/08/2025", *gk, "Đột xuất"),
         ("2", "../../ho-so/vo-thi-ngoc/", "Võ Thị Ngọc", "Phòng Xúc tiến Đầu tư",
          "46/QĐ-TTXT", "20/08/2025", *gk, ""),
         ("3", "../../ho-so/phong-xuc-tien-thuong-mai/", "Phòng Xúc tiến Thương mại",
          "Phòng Xúc tiến Thương mại", "50/QĐ-TTXT", "01/12/2025", *gk, "Chuyên đề")],
    ]
    assert "Hoàng Thị Em" not in md
    assert "không được tính làm căn cứ đề nghị khen thưởng cao hơn" in md
    assert '<p class="gs-back"><a href="../">← Các năm khác</a></p>' in md


def test_roll_links_its_downloads_and_offers_printing(items: list[View | Asset]) -> None:
    md = page(items, "vinh-danh/2025/").markdown
    assert '<a class="md-button" href="vinh-danh-2025.csv" download>Tải danh sách (CSV)</a>' in md
    assert ('<a class="md-button" href="vinh-danh-2025.xlsx" download>Tải bảng tính (Excel)</a>'
            in md)
    assert ('<button type="button" class="md-button gs-print-button" data-gs-print>'
            "In bảng vinh danh</button>") in md
    assert "Ctrl+P" in md  # works without JavaScript too
    assert "Đột xuất" not in page(items, "vinh-danh/2024/").markdown.split("## ")[-1]
    assert "căn cứ đề nghị" not in page(items, "vinh-danh/2024/").markdown


def test_csv_is_excel_ready_utf8_bom_crlf(items: list[View | Asset]) -> None:
    data = csv_asset(items, "vinh-danh/2025/vinh-danh-2025.csv")
    assert data.startswith(BOM) and BOM == b"\xef\xbb\xbf"
    text = data[len(BOM):].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert text.split("\r\n")[0] == ("Cấp,Danh hiệu/hình thức,STT,Họ tên,Đơn vị,Số quyết định,"
                                     "Ngày quyết định,Căn cứ pháp lý,Ghi chú")


def test_downloads_have_the_columns_of_the_page_after_its_two_groups(
        items: list[View | Asset]) -> None:
    md = page(items, "vinh-danh/2025/").markdown
    table = md.split("### Lao động tiên tiến")[1]
    page_columns = re.findall(r'<th scope="col">([^<]*)</th>', table.split("</thead>")[0])
    assert page_columns == [c.header for c in ROLL_COLUMNS]
    assert list(FLAT_HEADER) == ["Cấp", "Danh hiệu/hình thức", *page_columns]


LAW = "Luật Thi đua, khen thưởng 2022 (06/2022/QH15); Nghị định 152/2025/NĐ-CP"
ROWS_2025 = [
    ["Nhà nước", "Bằng khen của Thủ tướng Chính phủ", "1", "Trần Văn Bình",
     "Phòng Xúc tiến Đầu tư", "1520/QĐ-TTg", "2026-09-15", LAW, ""],
    ["Tỉnh", "Cờ thi đua của UBND tỉnh", "1", "Phòng Xúc tiến Thương mại",
     "Phòng Xúc tiến Thương mại", "2100/QĐ-UBND", "2026-02-10", LAW, ""],
    ["Cơ sở", "Lao động tiên tiến", "1", "Nguyễn Thị An", "Phòng Xúc tiến Du lịch",
     "12/QĐ-TTXT", "2026-01-12", LAW, ""],
    ["Cơ sở", "Lao động tiên tiến", "2", "Trần Văn Bình", "Phòng Xúc tiến Đầu tư",
     "12/QĐ-TTXT", "2026-01-12", LAW, ""],
    ["Cơ sở", "Lao động tiên tiến", "3", "Phạm Văn Dũng", "Phòng Xúc tiến Đầu tư",
     "12/QĐ-TTXT", "2026-01-12", LAW, ""],
    ["Cơ sở", "Lao động tiên tiến", "4", "Lê Văn Đức", "Phòng Xúc tiến Đầu tư",
     "12/QĐ-TTXT", "2026-01-12", LAW, ""],
    ["Cơ sở", "Giấy khen của Giám đốc Trung tâm", "1", "Nguyễn Thị An", "Phòng Xúc tiến Du lịch",
     "45/QĐ-TTXT", "2025-08-20", LAW, "Đột xuất"],
    ["Cơ sở", "Giấy khen của Giám đốc Trung tâm", "2", "Võ Thị Ngọc", "Phòng Xúc tiến Đầu tư",
     "46/QĐ-TTXT", "2025-08-20", LAW, ""],
    ["Cơ sở", "Giấy khen của Giám đốc Trung tâm", "3", "Phòng Xúc tiến Thương mại",
     "Phòng Xúc tiến Thương mại", "50/QĐ-TTXT", "2025-12-01", LAW, "Chuyên đề"],
]


def test_csv_rows_follow_the_roll_with_iso_dates(items: list[View | Asset]) -> None:
    # yyyy-mm-dd: 07/01/2026 read by a spreadsheet set to English became 1 July.
    text = csv_asset(items, "vinh-danh/2025/vinh-danh-2025.csv")[3:].decode("utf-8")
    assert list(csv.reader(io.StringIO(text, newline="")))[1:] == ROWS_2025
    # Decided on 10/01/2025: the decree then in force was 98/2023, not 152/2025.
    assert csv_asset(items, "vinh-danh/2024/vinh-danh-2024.csv") == (
        BOM + ("Cấp,Danh hiệu/hình thức,STT,Họ tên,Đơn vị,Số quyết định,Ngày quyết định,"
        "Căn cứ pháp lý,Ghi chú\r\n"
        "Cơ sở,Lao động tiên tiến,1,Nguyễn Thị An,Phòng Xúc tiến Du lịch,10/QĐ-TTXT,2025-01-10,"
        "\"Luật Thi đua, khen thưởng 2022 (06/2022/QH15); Nghị định 98/2023/NĐ-CP\",\r\n"
        ).encode())


def test_xlsx_has_vietnamese_headers_and_real_date_cells(items: list[View | Asset]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(csv_asset(items, "vinh-danh/2025/vinh-danh-2025.xlsx")))
    sheet = book.active
    assert sheet.title == "Bảng vinh danh năm 2025"
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == list(FLAT_HEADER)
    expected = [[datetime.fromisoformat(v) if i == 6 else int(v) if i == 2 else (v or None)
                 for i, v in enumerate(r)] for r in ROWS_2025]
    assert rows[1:] == expected
    dates = [row[6] for row in sheet.iter_rows(min_row=2)]
    assert {c.data_type for c in dates} == {"d"} and {c.number_format for c in dates} == {
        "dd/mm/yyyy"}
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    # Dated from the roll's newest decision, not the clock: the same file on every build.
    assert book.properties.modified == datetime(2026, 9, 15)


def test_xlsx_is_the_same_on_every_build(tmp_path: Path) -> None:
    first = list(honour_rolls(context(make_repo(tmp_path / "a", FILES))))
    second = list(honour_rolls(context(make_repo(tmp_path / "b", FILES))))
    assert (csv_asset(first, "vinh-danh/2025/vinh-danh-2025.xlsx")
            == csv_asset(second, "vinh-danh/2025/vinh-danh-2025.xlsx"))


def test_xlsx_text_never_becomes_a_formula() -> None:
    from openpyxl import load_workbook

    from guongsang.pages.xlsx import workbook_bytes

    data = workbook_bytes("x", ("A",), [["=HYPERLINK(\"http://x\")"]], datetime(2026, 1, 1))
    cell = load_workbook(io.BytesIO(data)).active["A2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'


def test_no_awards_still_gives_the_index(tmp_path: Path) -> None:
    files = {"profiles/nguyen-thi-an/index.md": profile("Nguyễn Thị An")}
    items = list(honour_rolls(context(make_repo(tmp_path / "repo", files))))
    assert [type(i).__name__ for i in items] == ["HonoursIndexView"]
    assert "Chưa có khen thưởng nào được công bố." in items[0].markdown  # type: ignore[union-attr]


def test_csv_cells_cannot_start_a_formula() -> None:
    from guongsang.pages.honours import csv_bytes

    assert csv_bytes([["=1+1", "-x", "+y", "@z", "a=b"]], ("a", "b", "c", "d", "e")).endswith(
        b"'=1+1,'-x,'+y,'@z,a=b\r\n")


def test_built_site_has_rolls_csv_and_print_assets(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from .sitebuild import mkdocs_build, site_repo

    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    site = mkdocs_build(site_repo(tmp_path / "repo", FILES))
    roll = (site / "vinh-danh/2025/index.html").read_text(encoding="utf-8")
    assert "<title>Bảng vinh danh năm 2025 - " in roll
    assert '<h2 id="cap-nha-nuoc">Cấp Nhà nước</h2>' in roll
    assert 'href="vinh-danh-2025.csv"' in roll and 'href="vinh-danh-2025.xlsx"' in roll
    assert (site / "vinh-danh/2025/vinh-danh-2025.csv").read_bytes().startswith(
        BOM + "Cấp,".encode())
    assert (site / "vinh-danh/2025/vinh-danh-2025.xlsx").read_bytes().startswith(b"PK")
    assert 'href="2024/"' in (site / "vinh-danh/index.html").read_text(encoding="utf-8")
    assert not (site / "vinh-danh/2023").exists()
    assert "assets/css/honours.css" in roll and "assets/js/honours.js" in roll
    css = (site / "assets/css/honours.css").read_text(encoding="utf-8")
    assert "@page { size: A4; margin: 15mm; }" in css and "@media print" in css
