"""Text as it really arrives: NFD from macOS, legacy Vietnamese code pages, BOMs and CRLF,
control characters pasted from Word, and lines far longer than any field."""
from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.load.corpus import MAX_FRONT_MATTER_CHARS
from guongsang.project import Project
from guongsang.site.checks import Site, unsafe_markup

from ..conftest import TODAY, make_repo
from ..sitebuild import mkdocs_build, site_repo
from .payloads import profile


def lines(problems, hints: bool = False) -> list[str]:
    return [p.format_text() if hints else p.format_text().split("\n")[0] for p in problems]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


NFD_PROFILE = unicodedata.normalize("NFD", profile(
    "Nguyễn Thị Hoà",
    "chuc_vu: Chuyên viên xúc tiến\ntom_tat: Người kết nối các dự án du lịch xanh ở Đà Lạt.\n",
    "Chị Hoà đã giúp nhiều doanh nghiệp đến với Lâm Đồng."))


def test_a_whole_file_in_nfd_is_read_as_nfc_and_is_the_same_person(tmp_path: Path) -> None:
    assert NFD_PROFILE != unicodedata.normalize("NFC", NFD_PROFILE)
    root = make_repo(tmp_path / "repo", {
        "profiles/nguyen-thi-hoa/index.md": NFD_PROFILE,
        # The same person, typed on Windows (NFC) with the new tone placement.
        "profiles/nguyen-thi-hoa-2/index.md": profile("Nguyễn Thị Hòa"),
    })
    corpus, problems = check(Project(root=root), TODAY)
    assert lines(problems) == [
        ('profiles/nguyen-thi-hoa-2/index.md:2: lỗi [trung-nguoi] trường `ho_ten`: '
        '"Nguyễn Thị Hòa" trùng tên với "Nguyễn Thị Hoà" (profiles/nguyen-thi-hoa/) trong cùng '
        'đơn vị: có thể một người có hai hồ sơ.')]
    p = corpus.profiles["nguyen-thi-hoa"]
    assert p.ho_ten == "Nguyễn Thị Hoà" and unicodedata.is_normalized("NFC", p.body)
    assert all(unicodedata.is_normalized("NFC", s) for s in _strings(p.source.data))


def test_an_nfd_profile_is_published_in_nfc_only(tmp_path: Path) -> None:
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-thi-hoa/index.md": NFD_PROFILE})
    site = mkdocs_build(root, strict=False)
    page = (site / "ho-so" / "nguyen-thi-hoa" / "index.html").read_text("utf-8")
    assert "Nguyễn Thị Hoà" in page and "Người kết nối các dự án du lịch xanh ở Đà Lạt." in page
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Hoà").encode("utf-8")
    for path in site.rglob("*"):
        if path.is_file():
            assert nfd_name not in path.read_bytes(), path
    assert unsafe_markup(Site(site)) == []


@pytest.mark.parametrize(("encoding", "line"), [("cp1258", 2), ("utf-16", 1)])
def test_legacy_encodings_are_a_clear_error(tmp_path: Path, encoding: str, line: int) -> None:
    raw = profile("Nguyễn Văn An").encode(encoding, errors="replace")
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": raw})
    _, problems = check(Project(root=root), TODAY)
    assert lines(problems, hints=True) == [
        (f"profiles/nguyen-van-an/index.md:{line}: lỗi [ma-hoa] Tệp không phải UTF-8 (có thể lưu "
        "từ Word hoặc mã TCVN3/VNI).\n    Gợi ý: Mở tệp bằng VS Code, chọn “Save with Encoding” "
        "→ UTF-8.")]


def test_a_reference_data_file_in_a_legacy_encoding_is_a_clear_error(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {})
    units = root / "data" / "don-vi.yml"
    units.write_bytes(units.read_text("utf-8").encode("cp1258", errors="replace"))
    _, problems = check(Project(root=root), TODAY)
    assert [p for p in lines(problems) if "[ma-hoa]" in p] == [
        ("data/don-vi.yml:1: lỗi [ma-hoa] Tệp không phải UTF-8 (có thể lưu từ Word hoặc mã "
        "TCVN3/VNI).")]


def test_bom_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    raw = ("\ufeff" + profile("Nguyễn Văn An")).replace("\n", "\r\n").encode("utf-8")
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": raw})
    corpus, problems = check(Project(root=root), TODAY)
    assert lines(problems) == []
    assert corpus.profiles["nguyen-van-an"].ho_ten == "Nguyễn Văn An"


def test_control_characters_pasted_from_word_are_named_with_their_line(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": profile(extra="chuc_vu: Chuyên\x00viên\n"),
        "profiles/tran-thi-binh/index.md": profile("Trần Thị Bình", "tom_tat: Chuông\x07reo\n"),
    })
    _, problems = check(Project(root=root), TODAY)
    assert lines(problems) == [
        ("profiles/nguyen-van-an/index.md:8: lỗi [yaml-cu-phap] Dòng này có ký tự điều khiển "
        "không in được (mã U+0000), thường do chép từ Word hoặc PDF."),
        ("profiles/tran-thi-binh/index.md:8: lỗi [yaml-cu-phap] Dòng này có ký tự điều khiển "
        "không in được (mã U+0007), thường do chép từ Word hoặc PDF.")]


def test_a_900_000_character_line_is_refused_as_too_long_in_reasonable_time(tmp_path: Path) -> None:
    long_line = "Hoàn thành xuất sắc " * 45_000  # 900 000 characters, no line break
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(
        extra="khen_thuong:\n  - hinh_thuc: lao-dong-tien-tien\n    nam: 2024\n"
              "    so_quyet_dinh: 12/QĐ-TTXT\n    ngay_quyet_dinh: 05/01/2025\n"
              f"    ly_do: {long_line}\n", body=long_line[:150_000])})
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    assert time.perf_counter() - started < 30
    assert lines(problems) == [
        ("profiles/nguyen-van-an/index.md:13: lỗi [qua-dai] trường `khen_thuong[1].ly_do`: "
        "`ly_do` dài 899999 ký tự; tối đa 5000 ký tự.")]


def test_a_front_matter_beyond_the_limit_is_refused_without_parsing(tmp_path: Path) -> None:
    count = MAX_FRONT_MATTER_CHARS // 100 + 10
    filler = "".join(f"ghi_chu_{i}: {'x' * 90}\n" for i in range(count))
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(extra=filler)})
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    assert time.perf_counter() - started < 5
    assert lines(problems) == [
        ("profiles/nguyen-van-an/index.md:1: lỗi [noi-dung-qua-dai] Phần thông tin (front matter) "
        "dài 1.050.090 ký tự, vượt giới hạn 1.000.000 ký tự; tệp không được đọc.")]
