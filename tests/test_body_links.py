"""Links in page bodies: found in Markdown as written, judged against what the site will have.

The whole problem lists of each class are in cases/body-links/; here: the scanner itself, the
links only the generated output can judge (an honour roll's year), and the command line failing
with the Vietnamese line before any engine runs.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from guongsang.cli import main
from guongsang.mdlinks import BodyLink, body_links
from guongsang.project import Project
from guongsang.site.build import generate

from .conftest import ROOT, TODAY
from .sitebuild import site_repo

PROFILE = ("---\nho_ten: Nguyễn Văn An\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
           "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n---\n"
           "Anh An.\n")


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_the_scanner_finds_every_form_and_skips_code() -> None:
    body = ("[a](x.md) ![b](y.png \"t\") `[c](z.md)`\n"
            "~~~\n[d](w.md)\n~~~\n"
            "[e]: <v w.md>\n<a href='h.md'>h</a> <!-- [f](u.md) -->\n[g](p_(q).md)")
    assert [(x.target, x.kind, body.count("\n", 0, x.offset) + 1) for x in body_links(body)] == [
        ("x.md", "link", 1), ("y.png", "image", 1), ("v w.md", "reference", 5),
        ("h.md", "html", 6), ("p_(q).md", "link", 7)]
    assert body_links("[a](x.md)")[0] == BodyLink(4, "x.md", "x.md", "link", "a")


def test_an_unclosed_fence_hides_everything_after_it() -> None:
    assert body_links("[a](x.md)\n```\n[b](y.md)\n") == [BodyLink(4, "x.md", "x.md", "link", "a")]


def test_a_link_into_a_generated_part_is_judged_after_generation(tmp_path: Path) -> None:
    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": PROFILE,
        "content/gioi-thieu.md": ("# Giới thiệu\n\n[Bảng vinh danh](vinh-danh/index.md)\n"
                                  "[Năm 2099](vinh-danh/2099/index.md)\n"),
    })
    _, problems = generate(Project(root=root), TODAY)
    found = [p for p in problems if p.rule == "lien-ket-trong-bai"]
    assert [p.format_text().split("\n")[0] for p in found] == [
        ("content/gioi-thieu.md:4: lỗi [lien-ket-trong-bai] Liên kết \"vinh-danh/2099/index.md\": "
         "trang web không có trang hay tệp nào ở \"vinh-danh/2099/index.md\" (đường dẫn tính từ "
         "vị trí của trang này trên trang web, gioi-thieu.md).")]


def test_check_and_build_stop_with_the_vietnamese_line_before_any_engine(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": PROFILE,
        "content/gioi-thieu.md": ("# Giới thiệu\n\nXem [trang không có](khong-co.md) và "
                                  "[hồ sơ](../ho-so/khong-ai/index.md).\n"),
    })
    assert main(["check", "--root", str(root)]) != 0
    out = capsys.readouterr().out
    assert ("content/gioi-thieu.md:3: lỗi [lien-ket-trong-bai] Liên kết \"khong-co.md\": trang "
            "web không có trang hay tệp nào ở \"khong-co.md\" (đường dẫn tính từ vị trí của trang "
            "này trên trang web, gioi-thieu.md).") in out
    assert "../ho-so/khong-ai/index.md" in out
    assert main(["build", "--root", str(root)]) != 0
    out = capsys.readouterr()
    assert "lien-ket-trong-bai" in out.out + out.err
    assert "WARNING" not in out.out + out.err and not (root / "site").exists()


def test_a_disguised_scheme_is_not_a_path_of_the_site(tmp_path: Path) -> None:
    """``&#106;avascript:`` is ``javascript:`` to Markdown: the safety rule's, never a "missing
    page" (a second message would only bury the one that matters)."""
    from guongsang.check import check

    root = site_repo(tmp_path / "repo", {
        "content/gioi-thieu.md": ("# Giới thiệu\n\n[a](&#106;avascript:alert(1)) "
                                  "[b](<java\tscript:alert(1)>) [c](khong-co.md)\n"),
    })
    _, problems = check(Project(root=root), TODAY)
    assert [(p.line, p.message) for p in problems if p.rule == "lien-ket-trong-bai"] == [
        (3, ("Liên kết \"khong-co.md\": trang web không có trang hay tệp nào ở \"khong-co.md\" "
             "(đường dẫn tính từ vị trí của trang này trên trang web, gioi-thieu.md)."))]


def test_links_between_pages_the_staging_nests_pass_and_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The check judges links as written, from the page's path under content/; the staging
    then moves non-index pages to <name>/index.md and rewrites those links (site/relink.py).
    Both together: no problem at any stage, and the built links reach their pages. A file of the
    theme folder (overrides/assets/logo.svg) is a file of the site too."""
    about = (ROOT / "content/gioi-thieu.md").read_text(encoding="utf-8")
    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": PROFILE,
        "content/mo-hinh/so-tay-nha-dau-tu-dien-tu.md": (
            "---\nten: Sổ tay số\nloai: sang_kien\ntac_gia: [nguyen-van-an]\n"
            "don_vi: phong-xuc-tien-dau-tu\nnam: 2026\nhieu_qua: Nhanh hơn\n---\n"
            "Xem [giới thiệu](../gioi-thieu.md) và [trang chủ](../index.md).\n"),
        "content/gioi-thieu.md": about + ("\n[Sổ tay](mo-hinh/so-tay-nha-dau-tu-dien-tu.md), "
                                          "[anh An](ho-so/nguyen-van-an/index.md), "
                                          "[vinh danh](vinh-danh/index.md), "
                                          "![Biểu trưng](assets/logo.svg)\n"),
    })
    _, problems = generate(Project(root=root), TODAY)
    assert [p for p in problems if p.rule.startswith("lien-ket")] == []
    assert main(["build", "--root", str(root)]) == 0
    capsys.readouterr()
    page = (root / "site/gioi-thieu/index.html").read_text(encoding="utf-8")
    for href in ('href="../mo-hinh/so-tay-nha-dau-tu-dien-tu/"', 'href="../ho-so/nguyen-van-an/"',
                 'href="../vinh-danh/"', 'src="../assets/logo.svg"'):
        assert href in page
    model = (root / "site/mo-hinh/so-tay-nha-dau-tu-dien-tu/index.html").read_text(encoding="utf-8")
    assert 'href="../../gioi-thieu/"' in model and 'href="../.."' in model


def test_a_page_link_written_without_its_folder_is_found_by_the_check_itself(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``ho-so/an.md`` for the profile page ``ho-so/an/index.md`` lies in a generated part of
    the site, but no generator can write a page at a record's address: ``check`` reports it
    (it used to pass the check and stop only the build)."""
    about = (ROOT / "content/gioi-thieu.md").read_text(encoding="utf-8")
    root = site_repo(tmp_path / "repo", {
        "profiles/nguyen-van-an/index.md": PROFILE,
        "content/gioi-thieu.md": about + "\nXem [anh An](ho-so/nguyen-van-an.md).\n",
    })
    line = about.count("\n") + 2
    assert main(["check", "--root", str(root)]) != 0
    assert (f"content/gioi-thieu.md:{line}: lỗi [lien-ket-trong-bai] Liên kết "
            "\"ho-so/nguyen-van-an.md\": trang web không có trang hay tệp nào ở "
            "\"ho-so/nguyen-van-an.md\" (đường dẫn tính từ vị trí của trang này trên trang web, "
            "gioi-thieu.md).\n      Gợi ý: Có phải ý là \"ho-so/nguyen-van-an/index.md\"? Viết: "
            "[anh An](ho-so/nguyen-van-an/index.md)") in capsys.readouterr().out
