"""Every kind of Markdown file (load/kinds.py: profiles, models, campaigns, content pages, the
internal nominations and council meetings, and the kinds added later) goes through the same
pipeline, so the same hostile input ends in the same outcome whatever the kind: this file runs
each input on each kind of ``KINDS`` and ``INTERNAL_KINDS``.

A new kind fails :func:`test_every_kind_is_covered` until it has a line in ``MINIMAL`` (the
smallest valid front matter and where the file goes), and then gets every test here.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.load.kinds import INTERNAL_KINDS, KINDS, Kind
from guongsang.process.check import check_process
from guongsang.project import Project

from ..conftest import ROOT, TODAY, make_repo
from ..sitebuild import site_repo
from .payloads import LEGACY_SAMPLES, profile
from .payloads import MINIMAL as PROFILE_FIELDS

MINIMAL_NOMINATION = ("ho_so: le-van-cuong\nhinh_thuc: giay-khen-giam-doc\nnam: 2026\n"
                      "don_vi_de_nghi: phong-xuc-tien-dau-tu\nngay_de_nghi: 03/11/2026\n"
                      "dong_y_de_nghi: true\n")
# kind -> (file, front matter lines of a valid record)
MINIMAL: dict[str, tuple[str, str]] = {
    "profile": ("profiles/thu-nghiem/index.md", PROFILE_FIELDS.format(name="Nguyễn Văn An")),
    "model": ("content/mo-hinh/thu-nghiem.md",
              ("ten: Sổ tay nhà đầu tư điện tử\nloai: sang_kien\ntac_gia: [tran-thi-binh]\nnam: 2024\n"
              "don_vi: phong-xuc-tien-dau-tu\nlinh_vuc: [xuc-tien-dau-tu]\n"
              "hieu_qua: Rút ngắn thời gian tra cứu.\n")),
    "campaign": ("content/phong-trao/thu-nghiem.md",
                 ("ten: Thi đua chuyển đổi số\ncap_phat_dong: co_quan\ntu_ngay: 01/03/2024\n"
                 "trang_thai: da_ket_thuc\n")),
    "story": ("stories/thu-nghiem/index.md",
              ("tieu_de: Phát động phong trào thi đua\nngay: 05/01/2026\n"
               "tac_gia: Công đoàn cơ sở\ntom_tat: Toàn thể viên chức đăng ký một việc tốt.\n")),
    "page": ("content/thu-nghiem.md", "title: Trang thử nghiệm\n"),
    "nomination": ("noi-bo/de-nghi/thu-nghiem.md",
                   ("ho_so: tran-thi-binh\nhinh_thuc: giay-khen-giam-doc\nnam: 2026\n"
                    "don_vi_de_nghi: phong-xuc-tien-dau-tu\nngay_de_nghi: 03/11/2026\n"
                    "dong_y_de_nghi: true\n")),
    "meeting": ("noi-bo/hop-hoi-dong/thu-nghiem.md",
                ("ten: Họp Hội đồng bình xét\nngay: 15/12/2026\nnam: 2026\n"
                 "hinh_thuc_bieu_quyet: bo_phieu_kin\n"
                 "thanh_vien: [{ho_ten: Lê Văn Bình, vai_tro: chu_tich, co_mat: true}]\n"
                 "de_nghi: [co-san]\n")),
}
ALL = [*KINDS, *INTERNAL_KINDS]
PUBLIC = [k for k in ALL if k.public]
# Records the minimal ones point at (a model's author, a meeting's agenda).
BASE = {"profiles/tran-thi-binh/index.md": profile("Trần Thị Bình"),
        "profiles/le-van-cuong/index.md": profile("Lê Văn Cường"),
        "noi-bo/de-nghi/co-san.md": "---\n" + MINIMAL_NOMINATION + "---\n"}


def _ids(kinds: list[Kind]) -> list[str]:
    return [k.name for k in kinds]


def _file(kind: Kind, extra: str = "", body: str = "Nội dung.") -> tuple[str, str, int]:
    """(path, text, line of the body's first line) of a valid record of ``kind``."""
    path, fields = MINIMAL[kind.name]
    head = fields + extra
    return path, f"---\n{head}---\n{body}\n", head.count("\n") + 3


def _lines(root: Path) -> list[str]:
    """What `guongsang check` reports: the site's records, then the internal ones."""
    project = Project(root=root)
    corpus, problems = check(project, TODAY)
    _, internal = check_process(project, corpus)
    return [p.format_text().split("\n")[0] for p in sorted({*problems, *internal})]


def test_every_kind_is_covered() -> None:
    assert set(MINIMAL) == {k.name for k in ALL}


@pytest.mark.parametrize("kind", ALL, ids=_ids(ALL))
def test_the_minimal_record_of_each_kind_is_valid(kind: Kind, tmp_path: Path) -> None:
    path, text, _ = _file(kind)
    assert _lines(make_repo(tmp_path / "repo", {**BASE, path: text})) == []


def test_internal_kinds_live_outside_content() -> None:
    """The engine publishes every Markdown file of content/: an internal kind (nominations,
    votes) there would be handed to it."""
    project = Project(root=ROOT)
    for kind in ALL:
        inside = kind.directory(project).startswith(project.content_dir)
        assert kind.public or not inside, kind.name


def test_the_build_never_reads_the_internal_kinds() -> None:
    assert all(kind.public for kind in KINDS)
    assert not any(kind.public for kind in INTERNAL_KINDS)


@pytest.mark.parametrize("kind", INTERNAL_KINDS, ids=_ids(list(INTERNAL_KINDS)))
def test_html_in_an_internal_record_is_only_text(kind: Kind, tmp_path: Path) -> None:
    """Never published; the documents write it as text (escaped in the PDF's HTML)."""
    path, text, _ = _file(kind, body="<script>alert(1)</script>")
    assert _lines(make_repo(tmp_path / "repo", {**BASE, path: text})) == []


@pytest.mark.parametrize("kind", PUBLIC, ids=_ids(PUBLIC))
def test_unsafe_html_in_the_body(kind: Kind, tmp_path: Path) -> None:
    path, text, body = _file(kind, body="Mở đầu.\n\n<script>alert(1)</script>\n\n"
                                       "[x](javascript:alert(1))\n\n<iframe src=\"https://a.vn/\">")
    assert _lines(make_repo(tmp_path / "repo", {**BASE, path: text})) == [
        (f"{path}:{body + 2}: lỗi [html-nguy-hiem] Nội dung có thẻ HTML <script> không được phép "
        "trong bài viết."),
        (f"{path}:{body + 4}: lỗi [html-nguy-hiem] Nội dung có liên kết `javascript:` có thể chạy "
        "mã độc và không được phép."),
        (f"{path}:{body + 6}: lỗi [html-nguy-hiem] Nội dung có thẻ HTML <iframe> không được phép "
        "trong bài viết.")]


@pytest.mark.parametrize("kind", ALL, ids=_ids(ALL))
def test_an_unknown_key_a_yaml_tag_and_an_invisible_key(kind: Kind, tmp_path: Path) -> None:
    path, text, body = _file(kind, extra="ykien_bo_sung: Chưa duyệt\n")
    first = body - 2  # the extra line
    assert _lines(make_repo(tmp_path / "a", {**BASE, path: text})) == [
        (f"{path}:{first}: lỗi [truong-la] trường `ykien_bo_sung`: Trường `ykien_bo_sung` "
        f"không có trong mẫu {kind.label}.")]
    path, text, body = _file(kind, extra="mo_ta: !!python/object/apply:os.system [id]\n")
    assert _lines(make_repo(tmp_path / "b", {**BASE, path: text})) == [
        (f"{path}:{body - 2}: lỗi [yaml-cu-phap] Không dùng thẻ YAML "
        "(`!!python/object/apply:os.system`): giá trị chỉ là chữ, số, ngày, true/false hoặc danh "
        "sách, viết thẳng ra.")]
    fields = MINIMAL[kind.name][1]
    key = fields.split(":")[0]
    path, _, _ = _file(kind)
    text = f"---\n{key[:2]}\u200b{fields[2:]}---\nNội dung.\n"
    assert _lines(make_repo(tmp_path / "c", {**BASE, path: text})) == [
        (f"{path}:2: lỗi [ky-tu-an] trường `{key}`: Tên trường `{key}` có dấu cách không độ rộng "
        "(U+200B) ở vị trí thứ 3; tên trường chỉ gồm chữ không dấu, số và dấu gạch dưới.")]


@pytest.mark.parametrize("kind", ALL, ids=_ids(ALL))
def test_invisible_characters_in_the_body(kind: Kind, tmp_path: Path) -> None:
    path, text, body = _file(kind, body="Chữ\u200bdán.\n\nĐoạn \u202eđảo.\n\nChuông\x07.")
    assert _lines(make_repo(tmp_path / "repo", {**BASE, path: text})) == [
        (f"{path}:{body}: cảnh báo [ky-tu-an] Đã bỏ dấu cách không độ rộng (U+200B) khỏi nội "
        "dung bài viết, ở cột 4 của dòng này."),
        (f"{path}:{body + 2}: lỗi [ky-tu-an] Nội dung có ký tự đảo ngược chiều chữ (U+202E) ở cột "
        "6: ký tự này đổi thứ tự hiển thị của chữ, nên người đọc sẽ thấy khác với nội dung thật."),
        (f"{path}:{body + 4}: lỗi [ky-tu-an] Nội dung có ký tự điều khiển (U+0007) ở cột 7: ký tự "
        "điều khiển không in được, thường do chép từ Word hoặc PDF.")]


@pytest.mark.parametrize("encoding", sorted(LEGACY_SAMPLES))
@pytest.mark.parametrize("kind", ALL, ids=_ids(ALL))
def test_a_legacy_encoding(kind: Kind, encoding: str, tmp_path: Path) -> None:
    path, text, _ = _file(kind, extra="mo_ta_cu: GIA_TRI\n")
    raw = text.encode("utf-8").replace(b"GIA_TRI", LEGACY_SAMPLES[encoding])
    line = MINIMAL[kind.name][1].count("\n") + 2
    assert _lines(make_repo(tmp_path / "repo", {**BASE, path: raw})) == [
        (f"{path}:{line}: lỗi [ma-hoa] Tệp không phải UTF-8 (có thể lưu từ Word hoặc mã "
        "TCVN3/VNI).")]


@pytest.mark.parametrize("kind", ALL, ids=_ids(ALL))
def test_a_40_kb_bracket_bomb_is_refused_at_once(kind: Kind, tmp_path: Path) -> None:
    path, text, body = _file(kind, body="Mở đầu.\n" + "[" * 40_000)
    root = make_repo(tmp_path / "repo", {**BASE, path: text})
    started = time.perf_counter()
    got = _lines(root)
    assert time.perf_counter() - started < 2
    assert got == [
        (f"{path}:{body + 1}: lỗi [noi-dung-qua-dai] Nội dung có quá nhiều dấu [, ( hoặc < không "
        "được đóng (từ dòng này): dựng trang sẽ mất rất lâu, nên bài viết không được xử lý.")]


@pytest.mark.parametrize("kind", ALL, ids=_ids(ALL))
def test_a_body_over_the_size_limit(kind: Kind, tmp_path: Path) -> None:
    path, text, body = _file(kind, body="Chữ. " * 50_000)
    assert _lines(make_repo(tmp_path / "repo", {**BASE, path: text})) == [
        (f"{path}:{body}: lỗi [noi-dung-qua-dai] Nội dung dài 250.002 ký tự, vượt giới hạn "
        "200.000 ký tự.")]


@pytest.mark.parametrize("kind", PUBLIC, ids=_ids(PUBLIC))
def test_the_build_stops_in_vietnamese_without_a_traceback(kind: Kind, tmp_path: Path) -> None:
    """A real `mkdocs build --strict`, as `make build` runs it, on a legacy-encoded file."""
    path, text, _ = _file(kind, extra="mo_ta_cu: GIA_TRI\n")
    raw = text.encode("utf-8").replace(b"GIA_TRI", LEGACY_SAMPLES["tcvn3"])
    root = site_repo(tmp_path / "repo", {**BASE, path: raw})
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                          capture_output=True, text=True, timeout=120, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert time.perf_counter() - started < 30
    assert "Traceback" not in output and "UnicodeDecodeError" not in output
    assert "Tệp không phải UTF-8 (có thể lưu từ Word hoặc mã TCVN3/VNI)." in output
    for line in output.splitlines():
        if line.startswith(("ERROR", "WARNING")):
            assert "Gương sáng" in line or ": lỗi [" in line, line
    assert not (root / "site" / "index.html").exists()
