"""`guongsang build`, `stage`, `post-build` and `parity`: what `make build` and CI run.

The whole sample site is built through these commands by the ``sample_site`` fixture; here small
repositories check each command's outcome and its messages to editors.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from guongsang.cli import main

from .sitebuild import site_repo

PROFILE = """---
ho_ten: Nguyễn Văn An
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: nhan_to_moi
dong_y_cong_bo: true
---
Câu chuyện.
"""


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def _run(capsys: pytest.CaptureFixture, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--root", str(root)])
    out, err = capsys.readouterr()
    return code, out, err


def test_build_writes_the_staged_folder_then_the_site(tmp_path: Path, capsys) -> None:
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": PROFILE})
    code, out, err = _run(capsys, root, "build")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Đã ghi bản dựng tạm vào build/ (")
    assert lines[-1] == "Đã dựng trang vào site/."
    assert (root / "build/docs/ho-so/nguyen-van-an/index.md").is_file()
    assert (root / "build/mkdocs.yml").is_file() and (root / "build/manifest.json").is_file()
    page = (root / "site/ho-so/nguyen-van-an/index.html").read_text(encoding="utf-8")
    assert "Nguyễn Văn An" in page
    assert (root / "site/pagefind/pagefind.js").is_file()
    # Nothing was written into the hand-written folders.
    assert sorted(p.name for p in (root / "content").iterdir()) == [
        "gioi-thieu.md", "index.md", "mo-hinh", "phong-trao"]
    # The post-build steps run again on their own (the pages are already collapsed).
    html = sum(p.stat().st_size for p in (root / "site").rglob("*.html"))
    kb = f"{round(html / 1024)} KB"
    code, out, err = _run(capsys, root, "post-build")
    expected = ("Khoảng trắng của 17 trang đã gọn sẵn (" + kb + ").\n"
                "Pagefind: đã lập chỉ mục tìm kiếm cho 3 trang.\nĐã dựng trang vào site/.\n")
    assert (code, out, err) == (0, expected, "")


def test_build_with_errors_writes_nothing(tmp_path: Path, capsys) -> None:
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md":
                                         PROFILE.replace("loai: ca_nhan", "loai: nguoi")})
    code, out, err = _run(capsys, root, "build")
    assert (code, out) == (1, "")
    assert "profiles/nguyen-van-an/index.md:3: lỗi [gia-tri-la] trường `loai`: Giá trị \"nguoi\"" in err
    assert err.rstrip().endswith("Hồ sơ có lỗi (hoặc cảnh báo) nên trang chưa được dựng.")
    assert not (root / "build").exists() and not (root / "site").exists()


def test_a_warning_fails_the_build_as_strict_mkdocs_did(tmp_path: Path, capsys) -> None:
    second = PROFILE.replace("Nguyễn Văn An", "Nguyễn Văn Ân")
    root = site_repo(tmp_path / "repo", {"profiles/nguyen-van-an/index.md": PROFILE,
                                         "profiles/nguyen-van-an-2/index.md": second})
    code, _, err = _run(capsys, root, "build")
    assert code == 1
    assert "cảnh báo [trung-nguoi]" in err
    assert "Tổng cộng: 0 lỗi, 1 cảnh báo trong 1 tệp." in err
    assert not (root / "site").exists()


def test_an_engine_without_its_environment_says_how_to_make_it(tmp_path: Path, capsys) -> None:
    root = site_repo(tmp_path / "repo", {})
    code, _, err = _run(capsys, root, "build", "--engine", "properdocs")
    assert code == 1
    assert err.splitlines()[-1] == ("Lỗi: Chưa có môi trường cho ProperDocs + Material for MkDocs "
                                    "(.venv-properdocs/). Tạo bằng lệnh: make venv-properdocs")
    # The staged folder is there, for any engine to build.
    assert (root / "build/docs/index.md").is_file()


@pytest.mark.parametrize("option", ["--stage-dir", "--site-dir"])
@pytest.mark.parametrize("where", ["content", "data", "."])
def test_output_folders_may_not_be_source_folders(tmp_path: Path, capsys, option: str,
                                                  where: str) -> None:
    root = site_repo(tmp_path / "repo", {})
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    code, out, err = _run(capsys, root, "stage", option, str(root / where))
    assert (code, out) == (2, "")
    assert err.startswith(f"Lỗi: Không ghi bản dựng vào \"{(root / where).resolve()}\": thư mục "
                          "này là hoặc chứa tệp nguồn của kho")
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before


def test_post_build_needs_a_staged_build(tmp_path: Path, capsys) -> None:
    root = site_repo(tmp_path / "repo", {})
    code, out, err = _run(capsys, root, "post-build")
    assert (code, out) == (1, "")
    assert err == ("Lỗi: Chưa có build/manifest.json (danh sách trang được tạo): bản dựng tạm chưa "
                   "được ghi. Chạy `guongsang build`, hoặc `guongsang stage` rồi dựng bằng công cụ "
                   "dựng trang, trước `guongsang post-build`.\n")
    assert _run(capsys, root, "stage")[0] == 0
    code, _, err = _run(capsys, root, "post-build")
    assert code == 1
    assert err == ("Lỗi: Thư mục \"site\" chưa có trang chủ index.html: trang chưa được dựng. "
                   "Chạy `guongsang build` trước.\n")


# -- parity ----------------------------------------------------------------------------------

SITE_URL = "https://guongsang.ttxt-lamdong.example/"


def _site(root: Path, pages: dict[str, str], feed_items: int = 1, search_pages: int = 2) -> Path:
    """A tiny built site: pages with share images, a feed, a sitemap, a search index."""
    og = f'<meta property="og:image" content="{SITE_URL}assets/og/a.jpg">'
    for rel, body in {**pages, "tim-kiem/index.html": '<script src="../assets/js/search.js">'
                      '</script>'}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"<html><head>{og}</head><body>{body}</body></html>",
                                encoding="utf-8")
    for rel in ("assets/og/a.jpg", "assets/js/search.js", "pagefind/pagefind.js"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"x")
    (root / "pagefind/pagefind-entry.json").write_text(
        json.dumps({"languages": {"vi": {"page_count": search_pages}}}), encoding="utf-8")
    items = "".join(f"<item><link>{SITE_URL}</link></item>" for _ in range(feed_items))
    (root / "feed.xml").write_text(f"<rss><channel><link>{SITE_URL}</link>{items}</channel></rss>",
                                   encoding="utf-8")
    locs = "".join(f"<url><loc>{SITE_URL}{rel.removesuffix('index.html')}</loc></url>"
                   for rel in pages)
    (root / "sitemap.xml").write_text(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
        encoding="utf-8")
    return root


def test_parity_passes_for_the_same_site_and_lists_every_difference(tmp_path: Path,
                                                                    capsys) -> None:
    root = site_repo(tmp_path / "repo", {})
    pages = {"index.html": '<a href="a/">A</a>', "a/index.html": '<a href="../#top">x</a>'}
    ref = _site(tmp_path / "ref", {**pages, "index.html": '<p id="top"></p><a href="a/">A</a>'})
    same = _site(tmp_path / "same", {**pages, "index.html": '<p id="top"></p><a href="a/">A</a>'})
    other = _site(tmp_path / "other", {"index.html": '<a href="b/">B</a>', "c/index.html": ""},
                  feed_items=2, search_pages=0)
    out_dir = tmp_path / "report"
    code, out, _ = _run(capsys, root, "parity", str(ref), str(same), "--names", "mkdocs,same",
                        "--out", str(out_dir))
    assert code == 0
    assert "| same | 3 | 0 | 2 | 0 | 1 | 2 | passes |" in out
    code, out, _ = _run(capsys, root, "parity", str(ref), str(other), "--names", "mkdocs,other",
                        "--out", str(out_dir))
    assert code == 1
    report = json.loads((out_dir / "parity.json").read_text(encoding="utf-8"))
    other_report = report["candidates"][0]
    assert other_report["passes"] is False
    assert other_report["missing_pages"] == ["a/index.html"]
    assert other_report["extra_pages"] == ["c/index.html"]
    assert other_report["broken_links"] == [
        "index.html:1: [lien-ket-hong] <a href=\"b/\">: không có tệp b/index.html."]
    assert other_report["search_problems"] == ["the search index holds no page"]
    assert other_report["differences"] == [
        "pages in the search index: 0 (reference 2)", "feed items: 2 (reference 1)",
        f"sitemap lacks {SITE_URL}a/", f"sitemap adds {SITE_URL}c/"]
    assert (out_dir / "parity.md").read_text(encoding="utf-8") == out.removesuffix("\n")
    # --report-only always exits 0, for engines whose differences are known (Zensical).
    assert _run(capsys, root, "parity", str(ref), str(other), "--out", str(out_dir),
                "--report-only")[0] == 0


def test_parity_reports_a_missing_share_image_and_feed(tmp_path: Path, capsys) -> None:
    root = site_repo(tmp_path / "repo", {})
    ref = _site(tmp_path / "ref", {"index.html": ""})
    bad = _site(tmp_path / "bad", {"index.html": ""})
    (bad / "assets/og/a.jpg").unlink()
    (bad / "feed.xml").unlink()
    code, _, _ = _run(capsys, root, "parity", str(ref), str(bad), "--out", str(tmp_path / "r"))
    report = json.loads((tmp_path / "r/parity.json").read_text(encoding="utf-8"))["candidates"][0]
    assert code == 1
    assert report["share_problems"] == [
        f"index.html: og:image {SITE_URL}assets/og/a.jpg: no file assets/og/a.jpg",
        f"tim-kiem/index.html: og:image {SITE_URL}assets/og/a.jpg: no file assets/og/a.jpg"]
    assert report["feed_problems"][0].startswith("no readable feed.xml (")


def test_parity_needs_two_built_sites(tmp_path: Path, capsys) -> None:
    root = site_repo(tmp_path / "repo", {})
    code, _, err = _run(capsys, root, "parity", str(tmp_path))
    assert code == 2 and err.startswith("Lỗi: Cần ít nhất hai thư mục trang")
    code, _, err = _run(capsys, root, "parity", str(tmp_path), str(tmp_path / "x"))
    assert code == 2 and err.startswith("Lỗi: Không thấy trang đã dựng (index.html) trong:")
