"""Nothing unsafe, private or invisible reaches ``site/``: checked on real builds, in every file
the site publishes (pages, feed, sitemap, gallery data, the Pagefind search index).

The inputs are the hostile ones the check *accepts*: invisible characters in free text and
bodies (removed with a warning), private values kept in ``rieng_tu`` only, emoji sequences
(whose joiners are ordinary text), an embed from a host listed in data. The shipped sample
site, built strictly by the ``sample_site`` fixture, gets the same scan.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.pages import admin
from guongsang.project import Project
from guongsang.site.checks import Site, unsafe_markup
from guongsang.text import find_invisible

from ..conftest import TODAY
from ..sitebuild import mkdocs_build, site_repo
from .payloads import PRIVATE, jpeg, private_index, profile

ZW, SHY, WJ, BOM = "\u200b", "\u00ad", "\u2060", "\ufeff"
FAMILY = "👨\u200d👩\u200d👧"
PRIVATE_LINES = "rieng_tu:\n" + "".join(f"  {k}: '{v}'\n" for k, v in PRIVATE.items())


def _files() -> dict[str, str | bytes]:
    return {
        "profiles/nguyen-van-an/index.md": profile(
            "Nguyễn Văn An",
            f"tom_tat: Người kết{SHY}nối doanh{ZW}nghiệp du lịch.\nchuc_vu: Chuyên{WJ} viên\n"
            "anh:\n  - tep: chan-dung.jpg\n    mo_ta: Anh An tại quầy thông tin du lịch\n"
            f"    chu_thich: Hội nghị{ZW} xúc tiến\n"
            f"viec_tot:\n  - ngay: 12/03/2025\n    dia_diem: Chợ{ZW} Đà Lạt\n"
            f"    noi_dung: Trả lại{SHY} ví cho du khách\n"
            f"khen_thuong:\n  - hinh_thuc: lao-dong-tien-tien\n    nam: 2024\n"
            "    so_quyet_dinh: 163/QĐ-TTXT\n    ngay_quyet_dinh: 05/01/2025\n"
            f"    ly_do: Hoàn thành{ZW} xuất sắc\n" + PRIVATE_LINES,
            f"Anh An{ZW} kể chuyện gia đình {FAMILY} của mình.\n\nBOM{BOM} giữa dòng."),
        "profiles/nguyen-van-an/chan-dung.jpg": jpeg(),
        "content/mo-hinh/so-tay.md": (
            "---\nten: Sổ tay nhà đầu tư điện tử\nloai: sang_kien\ntac_gia: [nguyen-van-an]\n"
            "nam: 2024\ndon_vi: phong-xuc-tien-dau-tu\nlinh_vuc: [xuc-tien-dau-tu]\n"
            f"hieu_qua: Rút{ZW} ngắn thời gian tra cứu.\n---\nMô{SHY} tả.\n"),
        "content/phong-trao/chuyen-doi-so.md": (
            "---\nten: Thi đua chuyển đổi số\ncap_phat_dong: co_quan\ntu_ngay: 01/03/2024\n"
            f"trang_thai: da_ket_thuc\ntom_tat: Phong{ZW} trào số hoá.\n---\nNội{ZW} dung.\n"),
        "content/gioi-thieu.md": (
            f"---\ntitle: Giới thiệu\ndescription: Mục đích{SHY} của trang.\nhide: [toc]\n---\n"
            f"# Giới thiệu\n\nTrang{ZW} giới thiệu.\n"),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    import os

    os.environ["GUONGSANG_TODAY"] = TODAY.isoformat()
    root = site_repo(tmp_path_factory.mktemp("hostile") / "repo", _files())
    _, problems = check(Project(root=root), TODAY)
    # Warnings (characters removed) stop a strict build; this one shows what they leave.
    return mkdocs_build(root, strict=False), problems


def texts(site: Path):
    """(site path, text) of every file that may hold record text, gzip'd ones opened.

    Of the Pagefind bundle, the fragments: each holds a page's indexed text and metadata as
    JSON, and the word index (binary) is made from them.
    """
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.startswith(("assets/theme/", "assets/javascripts/")):
            continue  # the theme's own code
        if rel.startswith(admin.URL) and rel.endswith(".js") \
                and rel.removeprefix(admin.URL) not in admin.PAGE_SCRIPTS:
            continue  # Decap's and js-yaml's own code, copied from node_modules
        if rel.startswith("pagefind/") and not rel.startswith("pagefind/fragment/"):
            continue
        if path.suffix not in (".html", ".xml", ".json", ".txt", ".js", ".gz", ".pf_fragment"):
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield rel, data.decode("utf-8", errors="replace")


def test_the_check_accepts_these_inputs_with_warnings_only(built) -> None:
    _, problems = built
    assert [p.format_text() for p in problems if p.is_error] == []
    assert {(p.rule, p.severity.value) for p in problems} == {("ky-tu-an", "warning")}


def test_the_scan_reads_every_kind_of_output(built) -> None:
    site, _ = built
    names = {rel for rel, _ in texts(site)}
    assert {"ho-so/nguyen-van-an/index.html", "feed.xml", "sitemap.xml", "gioi-thieu/index.html",
            "nguoi-tot-viec-tot/index.html", "mo-hinh/so-tay/index.html"} <= names
    assert any(rel.startswith("pagefind/fragment/") for rel in names)
    everything = "".join(text for _, text in texts(site))
    for published in ("Người kếtnối doanhnghiệp", "Trả lại ví", "Chợ Đà Lạt", "Rút ngắn",
                      "Mục đích của trang", "Trang giới thiệu"):
        assert published in everything  # the scan sees the text, cleaned


def test_no_invisible_character_is_published(built) -> None:
    site, _ = built
    found = [(rel, repr(text[max(0, i.index - 20): i.index + 20]))
             for rel, text in texts(site) for i in find_invisible(text)]
    assert found == []
    page = (site / "ho-so/nguyen-van-an/index.html").read_text("utf-8")
    assert FAMILY in page  # an emoji sequence is text, its joiners kept


def test_no_private_value_is_published_in_any_spelling(built) -> None:
    site, _ = built
    index = private_index()
    leaks = [(rel, owner) for rel, text in texts(site) for owner in index.found_in(text)]
    assert leaks == []


def test_no_unsafe_markup_is_published(built) -> None:
    site, _ = built
    assert [str(f) for f in unsafe_markup(Site(site))] == []


def test_the_sample_site_publishes_no_invisible_character(sample_site: Path) -> None:
    found = [(rel, i.label) for rel, text in texts(sample_site) for i in find_invisible(text)]
    assert found == []
