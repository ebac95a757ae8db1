"""Front matter parsing keeps real line numbers and NFC text."""
from __future__ import annotations

import unicodedata

from guongsang.load.yamlsrc import format_path, parse_markdown
from guongsang.problems import Problem, Severity, format_github, format_report


def test_lines_point_into_the_real_file() -> None:
    text = "---\nho_ten: An\nkhen_thuong:\n  - nam: 2024\n    so_quyet_dinh: 1/QĐ-TTXT\n---\nThân bài\n"
    src, problems = parse_markdown(text, "a.md")
    assert problems == []
    assert src is not None
    assert src.line_of(("ho_ten",)) == 2
    assert src.line_of(("khen_thuong", 0, "so_quyet_dinh")) == 5
    # A missing key points at its nearest parent.
    assert src.line_of(("khen_thuong", 0, "ngay_quyet_dinh")) == 4
    assert src.body.strip() == "Thân bài"


def test_nfd_input_is_normalised_on_load() -> None:
    text = unicodedata.normalize("NFD", "---\nho_ten: Nguyễn Thị Hoà\n---\nCâu chuyện\n")
    src, _ = parse_markdown(text, "a.md")
    assert src is not None
    assert src.data["ho_ten"] == "Nguyễn Thị Hoà"
    assert unicodedata.is_normalized("NFC", src.data["ho_ten"])
    assert unicodedata.is_normalized("NFC", src.body)


def test_bom_and_crlf_are_accepted() -> None:
    src, problems = parse_markdown("\ufeff---\r\nho_ten: An\r\n---\r\nx\r\n", "a.md")
    assert problems == [] and src is not None and src.data == {"ho_ten": "An"}


def test_format_path_counts_items_from_one() -> None:
    assert format_path(("khen_thuong", 1, "nam")) == "khen_thuong[2].nam"


def test_report_groups_by_file_and_counts() -> None:
    probs = [Problem("b.md", 3, "x", "r", "Sai.", "Sửa."),
             Problem("a.md", 2, "", "r2", "Cảnh báo.", severity=Severity.WARNING)]
    assert format_report(probs) == (
        "a.md\n  a.md:2: cảnh báo [r2] Cảnh báo.\n\nb.md\n  b.md:3: lỗi [r] trường `x`: Sai.\n"
        "      Gợi ý: Sửa.\n\nTổng cộng: 1 lỗi, 1 cảnh báo trong 2 tệp.")


def test_github_annotations_escape_newlines() -> None:
    probs = [Problem("a.md", 4, "nam", "sai-kieu", "50% sai\nthật", "Ví dụ:\n  nam: 2024")]
    assert format_github(probs) == (
        "::error file=a.md,line=4,title=sai-kieu::[sai-kieu] nam: 50%25 sai%0Athật "
        "Gợi ý: Ví dụ:%0A  nam: 2024")
