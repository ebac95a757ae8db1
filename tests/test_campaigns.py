"""Campaign pages: the generated header, what each campaign produced, and the grouped index."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.media.images import ImageCache
from guongsang.pages import Context, cache_dir
from guongsang.pages.campaigns import campaign_pages
from guongsang.project import Project
from guongsang.site.output import SiteOutput

from .conftest import TODAY, make_repo


def context(root: Path) -> Context:
    """A generation context over a fixture repository that must pass the checks."""
    corpus, problems = check(Project(root=root), TODAY)
    errors = [p.format_text() for p in problems if p.is_error]
    assert errors == []
    return Context(corpus, ImageCache(cache_dir(corpus)), SiteOutput())


def profile(name: str, *, loai: str = "ca_nhan", unit: str = "phong-xuc-tien-dau-tu",
            published: bool = True, extra: str = "") -> str:
    return (f"---\nho_ten: {name}\nloai: {loai}\ndon_vi: {unit}\nlinh_vuc: [xuc-tien-dau-tu]\n"
            f"trang_thai: nhan_to_moi\ndong_y_cong_bo: {str(published).lower()}\n{extra}---\n"
            "Câu chuyện.\n")


def campaign(name: str, level: str, start: str, status: str, end: str = "",
             extra: str = "") -> str:
    return (f"---\nten: {name}\ncap_phat_dong: {level}\ntu_ngay: {start}\n"
            + (f"den_ngay: {end}\n" if end else "")
            + f"trang_thai: {status}\n{extra}---\nNội dung phong trào.\n")


def model(name: str, year: int, kind: str, authors: list[str], extra: str = "") -> str:
    return (f"---\nten: {name}\nloai: {kind}\ntac_gia: [{', '.join(authors)}]\n"
            f"don_vi: phong-xuc-tien-dau-tu\nnam: {year}\nhieu_qua: Tốt\n{extra}---\n")


CDS = "phong_trao: [chuyen-doi-so-2024]\n"

FILES = {
    "content/phong-trao/chuyen-doi-so-2024.md": campaign(
        "Thi đua chuyển đổi số năm 2024", "co_quan", "01/03/2024", "da_ket_thuc", "31/12/2024",
        "co_quan_phat_dong: Trung tâm Xúc tiến\nmuc_tieu:\n  - 100% hồ sơ được số hoá\n"
        "  - Mỗi phòng một sáng kiến R&D\ntom_tat: Đưa xúc tiến lên môi trường số.\n"),
    "content/phong-trao/viec-tot-2026.md": campaign(
        "Mỗi người một việc tốt", "co_quan", "05/01/2026", "dang_dien_ra"),
    "content/phong-trao/lam-dong-xanh.md": campaign(
        "Lâm Đồng xanh", "tinh", "01/01/2025", "dang_dien_ra", "31/12/2030"),
    "content/phong-trao/ket-noi-2025.md": campaign(
        "Kết nối doanh nghiệp", "tinh", "01/01/2025", "da_ket_thuc", "30/06/2025"),
    "content/phong-trao/yeu-nuoc-2027.md": campaign(
        "Thi đua yêu nước 2027", "trung_uong", "01/03/2027", "sap_dien_ra"),
    "content/phong-trao/sang-tao-2027.md": campaign(
        "Sáng tạo trẻ", "trung_uong", "01/02/2027", "sap_dien_ra"),
    "profiles/tran-van-binh/index.md": profile("Trần Văn Bình", extra=CDS),
    "profiles/nguyen-thi-an/index.md": profile(
        "Nguyễn Thị An", unit="phong-xuc-tien-du-lich",
        extra="phong_trao: [chuyen-doi-so-2024, viec-tot-2026]\n"),
    "profiles/le-van-duc/index.md": profile("Lê Văn Đức", extra=CDS),
    "profiles/pham-van-dung/index.md": profile("Phạm Văn Dũng", extra=CDS),
    "profiles/chi-doan-thanh-nien/index.md": profile(
        "Chi đoàn Thanh niên", loai="tap_the", unit="chi-doan-thanh-nien", extra=CDS),
    "profiles/hoang-thi-em/index.md": profile("Hoàng Thị Em", published=False, extra=CDS),
    "content/mo-hinh/so-tay-dien-tu.md": model("Sổ tay điện tử", 2024, "sang_kien",
                                               ["nguyen-thi-an"], CDS),
    "content/mo-hinh/chatbot.md": model("Chatbot hỏi đáp", 2024, "giai_phap", ["le-van-duc"], CDS),
    "content/mo-hinh/ban-do-so.md": model(
        "Bản đồ số", 2025, "mo_hinh", ["tran-van-binh"],
        "phong_trao: [lam-dong-xanh, chuyen-doi-so-2024]\n"),
}


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    c = context(make_repo(tmp_path / "repo", FILES))
    assert list(campaign_pages(c)) == []  # it only fills in existing pages
    return c


def link_texts(html: str) -> list[str]:
    return re.findall(r'<a href="[^"]*">([^<]*)</a>', html)


def test_campaign_head_lists_facts_goals_and_counts(ctx: Context) -> None:
    assert ctx.output.prepends["phong-trao/chuyen-doi-so-2024.md"] == (
        "# Thi đua chuyển đổi số năm 2024\n\n"
        '<div class="gs-campaign-head"><p class="gs-lead">Đưa xúc tiến lên môi trường số.</p>'
        '<dl class="gs-facts"><dt>Cấp phát động</dt><dd>Cơ quan</dd>'
        "<dt>Cơ quan phát động</dt><dd>Trung tâm Xúc tiến</dd>"
        "<dt>Thời gian</dt><dd>01/03/2024 – 31/12/2024</dd>"
        '<dt>Trạng thái</dt><dd><span class="gs-status gs-status--da_ket_thuc">Đã kết thúc'
        "</span></dd>"
        '<dt>Mục tiêu</dt><dd><ul class="gs-goals"><li>100% hồ sơ được số hoá</li>'
        "<li>Mỗi phòng một sáng kiến R&amp;D</li></ul></dd>"
        '<dt>Kết quả</dt><dd><a href="#gs-ket-qua">5 gương điển hình, 3 mô hình</a></dd>'
        "</dl></div>\n")


def test_open_ended_and_future_periods(ctx: Context) -> None:
    assert "<dd>05/01/2026 – đến nay</dd>" in ctx.output.prepends["phong-trao/viec-tot-2026.md"]
    assert "<dd>Từ 01/03/2027</dd>" in ctx.output.prepends["phong-trao/yeu-nuoc-2027.md"]


def test_campaign_results_in_name_order_without_unpublished(ctx: Context) -> None:
    results = ctx.output.augments["phong-trao/chuyen-doi-so-2024.md"]
    assert results.startswith("## Kết quả phong trào {#gs-ket-qua}\n\n"
                              '<p class="gs-counts">5 gương điển hình, 3 mô hình</p>\n\n'
                              "### Gương điển hình\n\n")
    exemplars, models = results.split("### Mô hình, sáng kiến")
    # Given name first (An, Bình, Dũng, Đức), đ after d; a collective sorts as written.
    assert link_texts(exemplars) == ["Nguyễn Thị An", "Trần Văn Bình", "Chi đoàn Thanh niên",
                                     "Phạm Văn Dũng", "Lê Văn Đức"]
    assert "Hoàng Thị Em" not in results
    assert ('<li><a href="../../ho-so/nguyen-thi-an/">Nguyễn Thị An</a> '
            '<span class="gs-muted">(Phòng Xúc tiến Du lịch · Nhân tố mới)</span></li>'
            ) in exemplars
    # Newest first, then by title.
    assert link_texts(models) == ["Bản đồ số", "Chatbot hỏi đáp", "Sổ tay điện tử"]
    assert ('<li><a href="../../mo-hinh/ban-do-so/">Bản đồ số</a> '
            '<span class="gs-muted">(Mô hình mới, 2025)</span></li>') in models


def test_campaign_without_results_says_so(ctx: Context) -> None:
    results = ctx.output.augments["phong-trao/ket-noi-2025.md"]
    assert '<p class="gs-counts">0 gương điển hình, 0 mô hình</p>' in results
    assert "Chưa có gương điển hình nào được công bố từ phong trào này." in results
    assert "Chưa có mô hình, sáng kiến nào gắn với phong trào này." in results
    assert "1 gương điển hình, 0 mô hình" in ctx.output.augments["phong-trao/viec-tot-2026.md"]
    assert "0 gương điển hình, 1 mô hình" in ctx.output.augments["phong-trao/lam-dong-xanh.md"]


def test_campaign_page_title_comes_from_ten(ctx: Context) -> None:
    assert ctx.output.meta["phong-trao/chuyen-doi-so-2024.md"] == {
        "title": "Thi đua chuyển đổi số năm 2024",
        "description": "Đưa xúc tiến lên môi trường số.",
        # The newest date the page shows: here the campaign's end (see pages/lastmod.py).
        "lastmod": "2024-12-31"}
    assert ctx.output.meta["phong-trao/viec-tot-2026.md"]["title"] == "Mỗi người một việc tốt"


def test_index_groups_by_status_then_by_level(ctx: Context) -> None:
    index = ctx.output.augments["phong-trao/index.md"]
    headings = re.findall(r"^#+ .*$", index, re.MULTILINE)
    assert headings == ["## Theo trạng thái", "### Đang diễn ra", "### Sắp diễn ra",
                        "### Đã kết thúc", "## Theo cấp phát động", "### Trung ương", "### Tỉnh",
                        "### Cơ quan"]
    sections = re.split(r"^#+ .*$", index, flags=re.MULTILINE)[1:]
    names = [link_texts(s) for s in sections]
    assert names == [
        [],
        ["Mỗi người một việc tốt", "Lâm Đồng xanh"],      # running: latest start first
        ["Sáng tạo trẻ", "Thi đua yêu nước 2027"],         # upcoming: soonest first
        ["Kết nối doanh nghiệp", "Thi đua chuyển đổi số năm 2024"],
        [],
        ["Thi đua yêu nước 2027", "Sáng tạo trẻ"],
        ["Kết nối doanh nghiệp", "Lâm Đồng xanh"],         # same start: by name
        ["Mỗi người một việc tốt", "Thi đua chuyển đổi số năm 2024"],
    ]


def test_index_entry_shows_period_and_counts(ctx: Context) -> None:
    index = ctx.output.augments["phong-trao/index.md"]
    assert ('<li><a href="chuyen-doi-so-2024/">Thi đua chuyển đổi số năm 2024</a><br>'
            '<span class="gs-muted">01/03/2024 – 31/12/2024 · Cấp Cơ quan · '
            "5 gương điển hình, 3 mô hình</span></li>") in index
    assert ('<li><a href="viec-tot-2026/">Mỗi người một việc tốt</a><br>'
            '<span class="gs-muted">05/01/2026 – đến nay · Đang diễn ra · '
            "1 gương điển hình, 0 mô hình</span></li>") in index


def test_prepend_goes_after_a_leading_h1_and_augment_at_the_end() -> None:
    out = SiteOutput(prepends={"a.md": "HEAD"}, augments={"a.md": "TAIL"})
    assert out.page_markdown("a.md", "\n# Tên\n\nThân bài.\n") == (
        "\n# Tên\n\nHEAD\n\n\nThân bài.\n\nTAIL")
    assert out.page_markdown("a.md", "Thân bài.\n\n# Không phải đầu trang\n") == (
        "\nHEAD\n\nThân bài.\n\n# Không phải đầu trang\n\nTAIL")
    assert out.page_markdown("b.md", "## Khác\n") == "## Khác\n"


def test_built_campaign_and_model_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through MkDocs: the title comes from `ten`, the header sits after the body's own H1."""
    from .sitebuild import mkdocs_build, site_repo

    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    files = dict(FILES)
    own = "content/phong-trao/ket-noi-2025.md"
    files[own] = files[own].replace("Nội dung phong trào.", "# Tiêu đề riêng\n\nThân bài.")
    site = mkdocs_build(site_repo(tmp_path / "repo", files))

    page = (site / "phong-trao/chuyen-doi-so-2024/index.html").read_text(encoding="utf-8")
    assert "<title>Thi đua chuyển đổi số năm 2024 - " in page
    assert '<h1 id="thi-dua-chuyen-doi-so-nam-2024">Thi đua chuyển đổi số năm 2024</h1>' in page
    # The heading starts the table of contents: the theme's skip link lands on it.
    assert '<a href="#thi-dua-chuyen-doi-so-nam-2024" class="md-skip">' in page
    order = [page.index(x) for x in ("<h1 ", 'class="gs-campaign-head"', "Nội dung phong trào.",
                                     'id="gs-ket-qua"', "Sổ tay điện tử")]
    assert order == sorted(order)

    own_h1 = (site / "phong-trao/ket-noi-2025/index.html").read_text(encoding="utf-8")
    assert own_h1.count("<h1") == 1
    order = [own_h1.index(x) for x in ("Tiêu đề riêng</h1>", "gs-campaign-head", "Thân bài.")]
    assert order == sorted(order)

    model_page = (site / "mo-hinh/ban-do-so/index.html").read_text(encoding="utf-8")
    assert '<h1 id="ban-do-so">Bản đồ số</h1>' in model_page and 'id="gs-nhan-rong"' in model_page
    index = (site / "phong-trao/index.html").read_text(encoding="utf-8")
    assert '<h3 id="dang-dien-ra">Đang diễn ra</h3>' in index
