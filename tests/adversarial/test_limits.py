"""Inputs built to exhaust time or memory: every one ends in a clear error, or is handled in
reasonable time, and never hangs the check or the build.

The two bombs (YAML aliases, a 30000×30000 PNG) run in a child process with a timeout, and the
child reports its own peak memory, so a regression shows as a failed test, not a stuck run.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.load.corpus import load
from guongsang.media.images import ImageError, open_image
from guongsang.project import Project
from guongsang.rules import RULES

from ..conftest import TODAY, make_repo
from ..sitebuild import mkdocs_build, site_repo
from .payloads import billion_laughs, png_of_size, profile, truncated_jpeg

PHOTO = "anh:\n  - tep: {name}\n    mo_ta: Ảnh thử\n"


def lines(problems) -> list[str]:
    return [p.format_text().split("\n")[0] for p in problems]


def run_isolated(root: Path, timeout: float = 60) -> dict:
    """``check`` in a child process: its problems, wall time and peak resident memory (MB)."""
    code = textwrap.dedent(f"""
        import json, resource, time
        from datetime import date
        from pathlib import Path
        from guongsang.check import check
        from guongsang.project import Project
        started = time.perf_counter()
        today = date.fromisoformat({TODAY.isoformat()!r})
        _, problems = check(Project(root=Path({str(root)!r})), today)
        print(json.dumps({{
            "seconds": time.perf_counter() - started,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "problems": [p.format_text().split("\\n")[0] for p in problems],
        }}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


# -- YAML -------------------------------------------------------------------------------------

def test_billion_laughs_is_refused_before_expansion_with_little_memory(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {
        "profiles/bom-yaml/index.md": profile("Bom YAML", billion_laughs(9))})
    report = run_isolated(root)
    assert report["problems"] == [
        ("profiles/bom-yaml/index.md:8: lỗi [yaml-cu-phap] Không dùng ký hiệu & (neo) và * (bí "
        "danh) của YAML: mỗi giá trị phải được viết ra đầy đủ.")]
    assert report["seconds"] < 5
    assert report["peak_mb"] < 300  # expanded, 9^9 list items would need tens of gigabytes


# -- bodies -----------------------------------------------------------------------------------

def test_a_body_of_several_megabytes_is_refused_quickly(tmp_path: Path) -> None:
    body = ("Một đoạn văn rất dài về thành tích của đơn vị. " * 40 + "\n") * 3000  # ≈ 5.6 MB
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(body=body)})
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    assert time.perf_counter() - started < 10
    assert lines(problems) == [
        ("profiles/nguyen-van-an/index.md:9: lỗi [noi-dung-qua-dai] Nội dung dài 5.643.002 ký tự, "
        "vượt giới hạn 200.000 ký tự.")]


@pytest.mark.parametrize(("body", "line"), [
    ("Mở đầu.\n\n" + "[" * 20_000, 3),                    # hours in Python-Markdown's link scan
    ("Mở đầu.\n\n" + "[a](" * 5_000, 3),                  # every "(" scans to the end
    ("Mở đầu.\n\n" + "<a\n" * 30_000, 3),                 # raw-HTML scan from every "<a"
    ("Mở đầu.\n\n" + ("[" + "x" * 99 + "\n") * 1_000, 3),  # stray brackets spread out
], ids=["brackets", "open-links", "open-tags", "spread-brackets"])
def test_markdown_that_would_take_hours_to_render_is_refused(tmp_path: Path, body: str,
                                                             line: int) -> None:
    root = make_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(body=body)})
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    assert time.perf_counter() - started < 5
    assert lines(problems) == [
        (f"profiles/nguyen-van-an/index.md:{8 + line}: lỗi [noi-dung-qua-dai] Nội dung có quá nhiều "
        "dấu [, ( hoặc < không được đóng (từ dòng này): dựng trang sẽ mất rất lâu, nên bài viết "
        "không được xử lý.")]


def test_a_long_ordinary_story_is_not_mistaken_for_a_bomb(tmp_path: Path) -> None:
    paragraph = ("Chị đã kết nối [doanh nghiệp](https://example.org/dn) với dự án "
                 "<em>du lịch xanh</em> (năm 2024) [1]. Xem thêm [báo cáo][bc].\n\n")
    body = paragraph * 1_200 + "[bc]: https://example.org/bao-cao\n"  # ≈ 190 000 characters
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(body=body)})
    _, problems = check(Project(root=root), TODAY)
    assert lines(problems) == []
    started = time.perf_counter()
    site = mkdocs_build(root, strict=False)
    assert time.perf_counter() - started < 60
    assert (site / "ho-so" / "nguyen-van-an" / "index.html").read_text("utf-8").count(
        'href="https://example.org/dn"') == 1_200


# -- images -----------------------------------------------------------------------------------

def test_a_30000_by_30000_png_is_refused_from_its_header_alone(tmp_path: Path) -> None:
    bomb = png_of_size(30_000, 30_000)
    assert len(bomb) < 1_000_000
    root = make_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": profile(extra=PHOTO.format(name="bom.png")),
        "profiles/nguyen-van-an/bom.png": bomb})
    report = run_isolated(root)
    assert report["problems"] == [
        ('profiles/nguyen-van-an/index.md:9: lỗi [anh-hong] trường `anh[1].tep`: "bom.png": Ảnh '
        "quá lớn (hàng trăm triệu điểm ảnh): có thể là tệp lỗi hoặc độc hại.")]
    assert report["seconds"] < 5
    assert report["peak_mb"] < 300  # decoded, 900 megapixels would need gigabytes
    # The build's own decoder refuses it the same way, without decoding.
    started = time.perf_counter()
    with pytest.raises(ImageError, match="quá lớn"):
        open_image(root / "profiles" / "nguyen-van-an" / "bom.png")
    assert time.perf_counter() - started < 2


def test_a_truncated_jpeg_is_found_by_the_check_and_stops_the_build(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import MkDocsException

    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": profile(extra=PHOTO.format(name="cat-doi.jpg")),
        "profiles/nguyen-van-an/cat-doi.jpg": truncated_jpeg()})
    # The header is intact, but the check decodes the pixels as the build will, so the
    # editors' task and the pull-request check say what the build would say…
    _, problems = check(Project(root=root), TODAY)
    assert lines(problems) == [
        ('profiles/nguyen-van-an/index.md:9: lỗi [anh-hong] trường `anh[1].tep`: '
        '"cat-doi.jpg": Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).')]
    # …and the build stops with the same message.
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(MkDocsException):
        mkdocs_build(root)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert ('profiles/nguyen-van-an/index.md:9: lỗi [anh-hong] trường `anh[1].tep`: '
            '"cat-doi.jpg": Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).') in text
    assert "Traceback" not in text
    assert not (root / "site" / "ho-so").exists()


# -- many records in one profile -------------------------------------------------------------

FORMS = ("lao-dong-tien-tien", "chien-si-thi-dua-co-so", "chien-si-thi-dua-cap-tinh",
         "chien-si-thi-dua-toan-quoc", "giay-khen-giam-doc")


def awards(n: int, forms: tuple[str, ...] = FORMS, start: int = 2004, years: int = 22) -> str:
    return "khen_thuong:\n" + "".join(
        f"  - hinh_thuc: {forms[i % len(forms)]}\n    nam: {start + i % years}\n"
        f"    so_quyet_dinh: {i + 1}/QĐ-TTXT\n    ngay_quyet_dinh: 05/01/{start + 1 + i % years}\n"
        for i in range(n))


def _rules_cpu_seconds(tmp_path: Path, n: int) -> float:
    root = make_repo(tmp_path / f"repo-{n}", {
        "profiles/nguyen-van-an/index.md": profile(extra=awards(n))})
    corpus, _ = load(Project(root=root), TODAY)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for r in RULES:
            list(r.fn(corpus))
        best = min(best, time.process_time() - started)
    return best


def test_award_rules_grow_linearly_with_the_number_of_awards(tmp_path: Path) -> None:
    small, large = _rules_cpu_seconds(tmp_path, 1_000), _rules_cpu_seconds(tmp_path, 4_000)
    # Linear: about 4×. The former per-award scans of the whole list made it about 16×.
    assert large < 8 * small + 0.2, (small, large)


def test_three_thousand_awards_are_checked_and_rendered(tmp_path: Path) -> None:
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": profile(
        # Giấy khen may be given several times a year (a yearly title may not); decisions from
        # 2019 on, when the legal texts on record cover them.
        extra=awards(3_000, ("giay-khen-giam-doc",), start=2018, years=8))})
    started = time.perf_counter()
    _, problems = check(Project(root=root), TODAY)
    assert time.perf_counter() - started < 30
    assert lines(problems) == []
    started = time.perf_counter()
    site = mkdocs_build(root, strict=False)
    assert time.perf_counter() - started < 120
    page = (site / "ho-so" / "nguyen-van-an" / "index.html").read_text("utf-8")
    assert page.count('<tr id="khen-thuong-') == 3_000
    assert "3000/QĐ-TTXT" in page
    roll = (site / "vinh-danh" / "2025" / "index.html").read_text("utf-8")
    assert "Nguyễn Văn An" in roll
