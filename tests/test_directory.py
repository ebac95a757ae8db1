"""Exemplar directory: which groups get pages, who is on each, in Vietnamese order."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guongsang.pages.directory import DirectoryView
from guongsang.site.output import SiteOutput

from .conftest import make_repo
from .test_gallery import build, profile_md, view

FIXTURE = {
    "profiles/dang-thi-thuy/index.md": profile_md(
        "Đặng Thị Thuỷ", don_vi="cong-doan-co-so", linh_vuc=("an-sinh-xa-hoi",),
        ngay_cong_nhan="15/01/2024", tom_tat="Mười năm hiến máu, góp quỹ học bổng."),
    "profiles/le-van-an/index.md": profile_md(
        "Lê Văn An", trang_thai="guong_nguoi_tot_viec_tot", ngay_cong_nhan="20/03/2025",
        tom_tat='Người "kết nối" nhà đầu tư <3 & du khách'),
    "profiles/nguyen-thi-anh/index.md": profile_md(
        "Nguyễn Thị Ánh", don_vi="phong-xuc-tien-du-lich", linh_vuc=("du-lich", "an-sinh-xa-hoi"),
        ngay_cong_nhan="02/09/2024"),
    "profiles/tran-van-an/index.md": profile_md(
        "Trần Văn Ân", don_vi="cong-doan-co-so", linh_vuc=("an-sinh-xa-hoi",)),
    "profiles/to-xuc-tien-truc-tuyen/index.md": profile_md(
        "Tổ Xúc tiến Trực tuyến", loai="tap_the", ngay_cong_nhan="10/12/2025"),
    "profiles/doi-van-nghe/index.md": profile_md(
        "Đội Văn nghệ Trung tâm", loai="tap_the", don_vi="chi-doan-thanh-nien",
        linh_vuc=("cong-tac-doan-the",), ngay_cong_nhan="01/05/2025"),
    "profiles/chi-doan-thanh-nien/index.md": profile_md(
        "Chi đoàn Thanh niên Trung tâm", loai="tap_the", don_vi="chi-doan-thanh-nien",
        linh_vuc=("cong-tac-doan-the", "an-sinh-xa-hoi"), ngay_cong_nhan="26/03/2025"),
    "profiles/cong-doan-co-so/index.md": profile_md(
        "Công đoàn cơ sở Trung tâm", loai="tap_the", don_vi="cong-doan-co-so",
        linh_vuc=("an-sinh-xa-hoi",)),
    "profiles/gia-dinh-luong-van-son/index.md": profile_md(
        "Gia đình ông Lương Văn Sơn", loai="gia_dinh", don_vi="cong-doan-co-so",
        linh_vuc=("an-sinh-xa-hoi",), ngay_cong_nhan="01/06/2023"),
    # Never listed: no consent; withdrawn. They alone hold trung-tam-thong-tin, chuyen-doi-so
    # and the year 2022, so those groups must get no page at all.
    "profiles/pham-van-kin/index.md": profile_md(
        "Phạm Văn Kín", don_vi="trung-tam-thong-tin", linh_vuc=("chuyen-doi-so",),
        ngay_cong_nhan="01/01/2022", published=False),
    "profiles/vo-thi-rut/index.md": profile_md(
        "Võ Thị Rút", don_vi="cong-doan-co-so", linh_vuc=("chuyen-doi-so",),
        ngay_cong_nhan="02/02/2022",
        thu_hoi={"ngay": "01/09/2026", "ly_do": "Người trong hồ sơ rút lại sự đồng ý"}),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> SiteOutput:
    return build(make_repo(tmp_path_factory.mktemp("directory") / "repo", FIXTURE))


def sections(markdown: str) -> list[tuple[str, list[str]]]:
    """(section heading or "", names on its cards in order) of a generated page."""
    body = markdown.split("\n---\n", 1)[1]
    out = []
    for i, chunk in enumerate(re.split(r"^## ", body, flags=re.MULTILINE)):
        heading = chunk.split("\n", 1)[0] if i else ""
        names = re.findall(r'class="gs-card-title"><a href="[^"]*">([^<]*)</a>', chunk)
        if names:
            out.append((heading, names))
    return out


def test_only_non_empty_groups_get_pages(output: SiteOutput) -> None:
    urls = [v.url for v in output.views if isinstance(v, DirectoryView)]
    assert urls == [
        "guong-dien-hinh/",
        "guong-dien-hinh/loai/ca-nhan/",
        "guong-dien-hinh/loai/tap-the/",
        "guong-dien-hinh/loai/gia-dinh/",
        "guong-dien-hinh/don-vi/phong-xuc-tien-dau-tu/",
        "guong-dien-hinh/don-vi/phong-xuc-tien-du-lich/",
        "guong-dien-hinh/don-vi/cong-doan-co-so/",
        "guong-dien-hinh/don-vi/chi-doan-thanh-nien/",
        "guong-dien-hinh/linh-vuc/xuc-tien-dau-tu/",
        "guong-dien-hinh/linh-vuc/du-lich/",
        "guong-dien-hinh/linh-vuc/an-sinh-xa-hoi/",
        "guong-dien-hinh/linh-vuc/cong-tac-doan-the/",
        "guong-dien-hinh/nam/2025/",
        "guong-dien-hinh/nam/2024/",
        "guong-dien-hinh/nam/2023/",
        "guong-dien-hinh/nam/chua-ghi-nam/",
    ]


def test_index_lists_every_group_with_its_count_and_link(output: SiteOutput) -> None:
    page = view(output, "guong-dien-hinh/")
    assert page.title == "Gương điển hình"
    lists = dict(re.findall(r'<ul class="gs-facet-list" data-facet="([a-z-]+)">(.*?)</ul>',
                            page.markdown))
    items = {facet: re.findall(r'<li><a href="([^"]*)">([^<]*)</a> '
                               r'<span class="gs-count">(\d+) hồ sơ</span></li>', body)
             for facet, body in lists.items()}
    assert items == {
        "loai": [("loai/ca-nhan/", "Cá nhân", "4"), ("loai/tap-the/", "Tập thể", "4"),
                 ("loai/gia-dinh/", "Gia đình", "1")],
        "don-vi": [("don-vi/phong-xuc-tien-dau-tu/", "Phòng Xúc tiến Đầu tư", "2"),
                   ("don-vi/phong-xuc-tien-du-lich/", "Phòng Xúc tiến Du lịch", "1"),
                   ("don-vi/cong-doan-co-so/", "Công đoàn cơ sở", "4"),
                   ("don-vi/chi-doan-thanh-nien/", "Chi đoàn Thanh niên", "2")],
        "linh-vuc": [("linh-vuc/xuc-tien-dau-tu/", "Xúc tiến đầu tư", "2"),
                     ("linh-vuc/du-lich/", "Du lịch", "1"),
                     ("linh-vuc/an-sinh-xa-hoi/", "An sinh xã hội, từ thiện", "6"),
                     ("linh-vuc/cong-tac-doan-the/", "Công tác đoàn thể", "2")],
        "nam": [("nam/2025/", "2025", "4"), ("nam/2024/", "2024", "2"), ("nam/2023/", "2023", "1"),
                ("nam/chua-ghi-nam/", "Chưa ghi năm", "2")],
    }
    assert "9 hồ sơ cá nhân, tập thể và gia đình" in page.markdown
    headings = re.findall(r"^## (.*)$", page.markdown, flags=re.MULTILINE)
    assert headings == ["Theo loại hồ sơ", "Theo đơn vị", "Theo lĩnh vực", "Theo năm công nhận"]


def test_kind_pages_list_people_by_given_name_and_collectives_by_name(output: SiteOutput) -> None:
    assert sections(view(output, "guong-dien-hinh/loai/ca-nhan/").markdown) == [
        ("", ["Lê Văn An", "Nguyễn Thị Ánh", "Trần Văn Ân", "Đặng Thị Thuỷ"])]
    assert sections(view(output, "guong-dien-hinh/loai/tap-the/").markdown) == [
        ("", ["Chi đoàn Thanh niên Trung tâm", "Công đoàn cơ sở Trung tâm",
              "Đội Văn nghệ Trung tâm", "Tổ Xúc tiến Trực tuyến"])]
    assert sections(view(output, "guong-dien-hinh/loai/gia-dinh/").markdown) == [
        ("", ["Gia đình ông Lương Văn Sơn"])]
    assert view(output, "guong-dien-hinh/loai/ca-nhan/").title == "Gương điển hình: Cá nhân"


def test_mixed_pages_have_one_section_per_kind(output: SiteOutput) -> None:
    assert sections(view(output, "guong-dien-hinh/don-vi/cong-doan-co-so/").markdown) == [
        ("Cá nhân", ["Trần Văn Ân", "Đặng Thị Thuỷ"]),
        ("Tập thể", ["Công đoàn cơ sở Trung tâm"]),
        ("Gia đình", ["Gia đình ông Lương Văn Sơn"]),
    ]
    assert sections(view(output, "guong-dien-hinh/linh-vuc/an-sinh-xa-hoi/").markdown) == [
        ("Cá nhân", ["Nguyễn Thị Ánh", "Trần Văn Ân", "Đặng Thị Thuỷ"]),
        ("Tập thể", ["Chi đoàn Thanh niên Trung tâm", "Công đoàn cơ sở Trung tâm"]),
        ("Gia đình", ["Gia đình ông Lương Văn Sơn"]),
    ]
    assert sections(view(output, "guong-dien-hinh/don-vi/phong-xuc-tien-dau-tu/").markdown) == [
        ("Cá nhân", ["Lê Văn An"]), ("Tập thể", ["Tổ Xúc tiến Trực tuyến"])]
    page = view(output, "guong-dien-hinh/linh-vuc/du-lich/")
    assert page.title == "Gương điển hình: lĩnh vực Du lịch"
    assert sections(page.markdown) == [("Cá nhân", ["Nguyễn Thị Ánh"])]


def test_year_pages_and_the_page_for_profiles_without_a_year(output: SiteOutput) -> None:
    assert sections(view(output, "guong-dien-hinh/nam/2025/").markdown) == [
        ("Cá nhân", ["Lê Văn An"]),
        ("Tập thể", ["Chi đoàn Thanh niên Trung tâm", "Đội Văn nghệ Trung tâm",
                     "Tổ Xúc tiến Trực tuyến"])]
    assert sections(view(output, "guong-dien-hinh/nam/2024/").markdown) == [
        ("Cá nhân", ["Nguyễn Thị Ánh", "Đặng Thị Thuỷ"])]
    undated = view(output, "guong-dien-hinh/nam/chua-ghi-nam/")
    assert undated.title == "Gương điển hình chưa ghi năm công nhận"
    assert sections(undated.markdown) == [
        ("Cá nhân", ["Trần Văn Ân"]), ("Tập thể", ["Công đoàn cơ sở Trung tâm"])]
    assert view(output, "guong-dien-hinh/nam/2023/").title == "Gương điển hình công nhận năm 2023"


def test_unpublished_and_withdrawn_profiles_are_never_listed(output: SiteOutput) -> None:
    everything = "".join(v.markdown for v in output.views if isinstance(v, DirectoryView))
    for text in ("Phạm Văn Kín", "pham-van-kin", "Võ Thị Rút", "vo-thi-rut",
                 "Trung tâm Thông tin Xúc tiến", "Chuyển đổi số", "2022"):
        assert text not in everything


def test_group_page_card_links_status_and_escaping(output: SiteOutput) -> None:
    md = view(output, "guong-dien-hinh/don-vi/phong-xuc-tien-dau-tu/").markdown
    assert '<p class="gs-breadcrumb"><a href="../../">Gương điển hình</a></p>' in md
    assert '<p class="gs-lead">2 hồ sơ.</p>' in md
    card = re.search(r'<article class="gs-card">(?:(?!</article>).)*Lê Văn An(?:(?!</article>).)*</article>',
                     md).group(0)
    avatar = re.search(r'src="\.\./\.\./\.\./(assets/anh/chu-cai/[^"]+)"', card).group(1)
    assert card == (
        '<article class="gs-card"><div class="gs-card-media"><img '
        f'src="../../../{avatar}" alt="" width="320" height="320" class="gs-avatar" '
        'data-initials="LA" loading="lazy" decoding="async"></div><div class="gs-card-body">'
        '<p class="gs-card-kicker">Gương Người tốt, việc tốt</p>'
        '<h3 class="gs-card-title"><a href="../../../ho-so/le-van-an/">Lê Văn An</a></h3>'
        '<p class="gs-card-unit">Phòng Xúc tiến Đầu tư</p>'
        '<p class="gs-card-line">Người &quot;kết nối&quot; nhà đầu tư &lt;3 &amp; du khách</p>'
        '<p class="gs-card-meta">Công nhận <time datetime="2025-03-20">20/03/2025</time></p>'
        "</div></article>")
    # Cards on a page without sections are one heading level up.
    assert '<h2 class="gs-card-title"><a href="../../../ho-so/dang-thi-thuy/">' in view(
        output, "guong-dien-hinh/loai/ca-nhan/").markdown


def test_empty_directory_keeps_its_index(tmp_path: Path) -> None:
    out = build(make_repo(tmp_path / "repo", {
        "profiles/pham-van-kin/index.md": profile_md("Phạm Văn Kín", published=False)}))
    assert [v.url for v in out.views if isinstance(v, DirectoryView)] == ["guong-dien-hinh/"]
    assert "Chưa có hồ sơ nào được công bố." in view(out, "guong-dien-hinh/").markdown
