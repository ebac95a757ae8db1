"""Hand-written pages of content/: what reaches the engine is what the check let through.

The hostile inputs of content pages are in cases/content-pages.yml, cases/content-page-yaml.yml,
cases/page-addresses.yml and cases/embeds.yml, and with every other kind in test_every_kind.py
(legacy encodings, bombs, invisible characters). Here: the page handed to the engine holds only
the checked settings and the cleaned body, the front matter never shows as text or in the
search index, and a bomb in a page keeps the build as fast as in a profile.
"""
from __future__ import annotations

import gzip
import logging
import time
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.load.corpus import published_pages
from guongsang.load.documents import PublishedPage
from guongsang.project import Project

from ..conftest import TODAY, make_repo
from ..sitebuild import mkdocs_build, site_repo

NOTE = "Ghi chú nội bộ, chưa duyệt, hỏi chị Hoa"
PAGE = ("---\ntitle: Hướng dẫn\ndescription: Cách gửi hồ sơ.\nhide: [toc]\n"
        "ghi_chu_noi_bo: " + NOTE + "\n---\n# Hướng dẫn\n\nGửi\u200b hồ sơ qua phòng.\n")


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_only_the_checked_settings_and_the_cleaned_body_reach_the_engine(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {"content/huong-dan.md": PAGE})
    corpus, problems = check(Project(root=root), TODAY)
    assert [p.format_text().split("\n")[0] for p in problems] == [
        ("content/huong-dan.md:5: lỗi [truong-la] trường `ghi_chu_noi_bo`: Trường `ghi_chu_noi_bo` "
        "không có trong mẫu trang nội dung."),
        ("content/huong-dan.md:9: cảnh báo [ky-tu-an] Đã bỏ dấu cách không độ rộng (U+200B) khỏi "
        "nội dung bài viết, ở cột 4 của dòng này.")]
    [page] = published_pages(corpus)  # what a staging folder is written from
    assert page == PublishedPage("huong-dan.md",
                                 {"title": "Hướng dẫn", "description": "Cách gửi hồ sơ.",
                                  "hide": ["toc"]},
                                 "\n# Hướng dẫn\n\nGửi hồ sơ qua phòng.\n")
    assert page.markdown == ("---\ntitle: Hướng dẫn\ndescription: Cách gửi hồ sơ.\nhide:\n- toc\n"
                             "---\n\n# Hướng dẫn\n\nGửi hồ sơ qua phòng.\n")
    assert corpus.published == {"huong-dan.md": page}  # what the hook renders


def test_a_page_with_an_internal_note_is_not_built(tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import MkDocsException

    root = site_repo(tmp_path / "repo", {"content/huong-dan.md": PAGE})
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(MkDocsException):
        mkdocs_build(root)
    assert "trường `ghi_chu_noi_bo`" in caplog.text
    assert NOTE not in caplog.text  # the note is not quoted in the build log either
    assert not (root / "site" / "huong-dan").exists()


def _site_text(site: Path) -> str:
    out = []
    for path in site.rglob("*"):
        if path.is_file() and (path.suffix in (".html", ".xml")
                               or path.suffix == ".pf_fragment"):
            data = path.read_bytes()
            out.append((gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
                       .decode("utf-8", errors="replace"))
    return "\n".join(out)


def test_the_front_matter_is_never_shown_as_text_or_indexed(tmp_path: Path) -> None:
    """Once, MkDocs showed a front matter it could not read as the page's first paragraph, and
    Pagefind indexed it; now only valid settings are handed over, re-written by the core."""
    page = PAGE.replace("ghi_chu_noi_bo: " + NOTE + "\n", "").replace("\u200b", "")
    site = mkdocs_build(site_repo(tmp_path / "repo", {"content/huong-dan.md": page}))
    html = (site / "huong-dan" / "index.html").read_text("utf-8")
    assert '<meta name="description" content="Cách gửi hồ sơ.">' in html
    assert "<title>Hướng dẫn" in html
    text = _site_text(site)
    assert "Gửi hồ sơ qua phòng." in text  # the body is published and indexed
    for setting in ("title:", "description:", "hide:", "- toc", "---"):
        assert setting not in text, setting


def test_a_bracket_bomb_in_a_page_stops_the_build_at_once(tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    """40 KB of "[" took minutes to render (quadratic); refused before rendering, as in a
    profile. (Figures for every hostile input: tests/adversarial/bench.py.)"""
    from mkdocs.exceptions import MkDocsException

    root = site_repo(tmp_path / "repo", {"content/bom.md": "---\ntitle: Bom\n---\n" + "[" * 40_000})
    started = time.perf_counter()
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(MkDocsException):
        mkdocs_build(root)
    assert time.perf_counter() - started < 10
    assert ("content/bom.md:4: lỗi [noi-dung-qua-dai] Nội dung có quá nhiều dấu [, ( hoặc < "
            "không được đóng (từ dòng này)") in caplog.text


def test_every_generated_page_and_file_is_in_a_reserved_part() -> None:
    """The check refuses a page under urls.RESERVED without running the generators: that holds
    only if every generator writes there (a new generator adds its part)."""
    from guongsang import urls
    from guongsang.site.build import build_site

    from ..conftest import ROOT

    corpus, _ = check(Project(root=ROOT), TODAY)
    output = build_site(corpus)
    assert len(output.views) > 30 and len(output.assets) > 50
    assert [v.url for v in output.views if urls.reserved(v.url) is None] == []
    assert [a.uri for a in output.assets if urls.reserved(a.uri) is None] == []


def test_the_build_names_the_generated_page_a_hand_written_one_would_replace(
        tmp_path: Path) -> None:
    """The last guard, should a generator ever write outside urls.RESERVED: what the
    generators really produced is compared with the pages of content/."""
    from guongsang.rules.addresses import generated_collisions
    from guongsang.site.build import build_site

    from .payloads import profile

    award = ("khen_thuong:\n  - hinh_thuc: lao-dong-tien-tien\n    nam: 2024\n"
             "    so_quyet_dinh: 163/QĐ-TTXT\n    ngay_quyet_dinh: 05/01/2025\n")
    root = make_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": profile(extra=award),
        "content/vinh-danh/2024.md": "# Vinh danh 2024 (bản tay)\n"})
    corpus, _ = check(Project(root=root), TODAY)
    output = build_site(corpus)
    assert [p.format_text() for p in generated_collisions(corpus, output)] == [
        ("content/vinh-danh/2024.md:1: lỗi [trung-dia-chi] Trang này có địa chỉ `vinh-danh/2024/`, "
        "trùng với trang tự tạo “Bảng vinh danh năm 2024”: hai trang cùng một địa chỉ thì một "
        "trang sẽ âm thầm bị mất.\n    Gợi ý: Đổi tên tệp (hoặc chuyển nó sang thư mục khác của "
        "content/) để địa chỉ khác đi.")]
