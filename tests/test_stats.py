"""The statistics page: exact numbers from a small fixture, chart and table from one source."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.media.svgchart import Bar, Series, bar_chart, format_number, format_percent
from guongsang.pages import stats
from guongsang.pages.stats import StatsView
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import TODAY


def profile(slug: str, head: str, awards: str = "", extra: str = "") -> tuple[str, str]:
    text = f"---\n{head.strip()}\n"
    if awards.strip():
        text += "khen_thuong:\n" + awards.strip("\n") + "\n"
    text += extra + "---\nCâu chuyện.\n"
    return f"profiles/{slug}/index.md", text


def award(form: str, year: int, number: str, day: str, **more: str) -> str:
    lines = [f"  - hinh_thuc: {form}", f"    nam: {year}", f"    so_quyet_dinh: {number}",
             f"    ngay_quyet_dinh: {day}"]
    lines += [f"    {k}: {v}" for k, v in more.items()]
    return "\n".join(lines) + "\n"


EVIDENCE = """tieu_chuan:
  chap_hanh: Nhiều năm là đảng viên hoàn thành xuất sắc nhiệm vụ.
  hoan_thanh_nhiem_vu: Kết nối 12 nhà đầu tư năm 2024.
  sang_tao: Sổ tay nhà đầu tư điện tử.
  doan_ket: Tham gia quỹ vì người nghèo.
"""

# Four published profiles, one unpublished and one withdrawn (the last two must never count).
FIXTURE: dict[str, str | bytes] = dict([
    profile("nguyen-thi-an", """
ho_ten: Nguyễn Thị An
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu, chuyen-doi-so]
trang_thai: dien_hinh_tien_tien
ngay_cong_nhan: 15/01/2025
tom_tat: Người kết nối nhà đầu tư với dự án du lịch xanh.
dong_y_cong_bo: true
""", award("lao-dong-tien-tien", 2024, "5/QĐ-TTXT", "10/01/2025")
        + award("bang-khen-thu-tuong", 2024, "812/QĐ-TTg", "12/06/2025", co_quan="Thủ tướng Chính phủ",
                ly_do="Có thành tích xuất sắc trong xúc tiến đầu tư")
        + award("giay-khen-giam-doc", 2025, "2/QĐ-TTXT", "08/01/2026"),
        EVIDENCE + "rieng_tu:\n  dien_thoai: 0912 345 678\n  email: an.nt@example.vn\n"),
    profile("tran-van-binh", """
ho_ten: Trần Văn Bình
loai: ca_nhan
don_vi: phong-xuc-tien-du-lich
linh_vuc: [du-lich]
trang_thai: nhan_to_moi
ngay_cong_nhan: 20/03/2024
dong_y_cong_bo: true
""", award("lao-dong-tien-tien", 2023, "1/QĐ-TTXT", "05/01/2024")
        + award("lao-dong-tien-tien", 2024, "3/QĐ-TTXT", "05/01/2025")),
    profile("phong-xuc-tien-du-lich", """
ho_ten: Phòng Xúc tiến Du lịch
loai: tap_the
don_vi: phong-xuc-tien-du-lich
linh_vuc: [du-lich]
trang_thai: nhan_to_moi
ngay_cong_nhan: 10/02/2025
dong_y_cong_bo: true
""", award("tap-the-lao-dong-tien-tien", 2024, "4/QĐ-TTXT", "10/01/2025")
        + award("co-thi-dua-ubnd-tinh", 2024, "450/QĐ-UBND", "20/02/2025")
        + award("tap-the-lao-dong-tien-tien", 2025, "6/QĐ-TTXT", "12/01/2026")
        + award("tap-the-lao-dong-xuat-sac", 2025, "612/QĐ-UBND", "15/03/2026")),
    profile("gia-dinh-le-van-cuong", """
ho_ten: Gia đình ông Lê Văn Cường
loai: gia_dinh
don_vi: phong-to-chuc-hanh-chinh
linh_vuc: [an-sinh-xa-hoi]
trang_thai: guong_nguoi_tot_viec_tot
dong_y_cong_bo: true
""", award("giay-khen-giam-doc", 2026, "30/QĐ-TTXT", "02/03/2026", dot_xuat="true")),
    profile("pham-thi-dao", """
ho_ten: Phạm Thị Đào
loai: ca_nhan
don_vi: trung-tam-thong-tin
linh_vuc: [chuyen-doi-so]
trang_thai: nhan_to_moi
ngay_cong_nhan: 01/06/2026
dong_y_cong_bo: false
""", award("bang-khen-thu-tuong", 2026, "900/QĐ-TTg", "10/06/2026")),
    profile("vo-van-em", """
ho_ten: Võ Văn Em
loai: ca_nhan
don_vi: trung-tam-thong-tin
linh_vuc: [cai-cach-hanh-chinh]
trang_thai: nhan_to_moi
ngay_cong_nhan: 01/06/2023
dong_y_cong_bo: true
thu_hoi:
  ngay: 01/09/2025
  ly_do: Người trong hồ sơ rút lại sự đồng ý công bố
""", award("huan-chuong-lao-dong-hang-ba", 2023, "77/QĐ-CTN", "01/09/2023")),
])


def load(root: Path):
    corpus, problems = check(Project(root=root), TODAY)
    assert not [p.format_text() for p in problems if p.is_error]
    return corpus


@pytest.fixture
def corpus(repo):
    return load(repo(FIXTURE))


def rows(stat: stats.Stat) -> list[tuple[str, tuple[float, ...]]]:
    return [(b.label, b.values) for b in stat.bars]


def test_counts_only_published_profiles(corpus) -> None:
    ps = corpus.published_profiles
    assert sorted(p.slug for p in ps) == ["gia-dinh-le-van-cuong", "nguyen-thi-an",
                                          "phong-xuc-tien-du-lich", "tran-van-binh"]
    assert rows(stats.by_year(ps)) == [("2024", (1,)), ("2025", (2,)), ("Chưa ghi ngày", (1,))]
    # Ties in Vietnamese order: "Tổ chức" before "Xúc tiến".
    assert rows(stats.by_unit(ps, corpus.ref)) == [
        ("Phòng Xúc tiến Du lịch", (2,)), ("Phòng Tổ chức – Hành chính", (1,)),
        ("Phòng Xúc tiến Đầu tư", (1,))]
    assert rows(stats.by_field(ps, corpus.ref)) == [
        ("Du lịch", (2,)), ("An sinh xã hội, từ thiện", (1,)), ("Chuyển đổi số", (1,)),
        ("Xúc tiến đầu tư", (1,))]
    assert rows(stats.by_kind(ps, corpus.ref)) == [
        ("Cá nhân", (2,)), ("Tập thể", (1,)), ("Gia đình", (1,))]
    assert rows(stats.by_status(ps, corpus.ref)) == [
        ("Nhân tố mới", (2,)), ("Gương Người tốt, việc tốt", (1,)),
        ("Điển hình tiên tiến", (1,)), ("Điển hình tiêu biểu", (0,))]


def test_awards_by_level_and_year(corpus) -> None:
    stat = stats.by_level(corpus.published_profiles, corpus.ref)
    assert [s.label for s in stat.series] == ["Nhà nước", "Tỉnh", "Cơ sở"]
    assert rows(stat) == [("2023", (0, 0, 1)), ("2024", (1, 1, 3)), ("2025", (0, 1, 2)),
                          ("2026", (0, 0, 1))]
    assert stat.columns == ("Nhà nước", "Tỉnh", "Cơ sở", "Tổng")
    assert stat.cells == [("0", "0", "1", "1"), ("1", "1", "3", "5"), ("0", "1", "2", "3"),
                          ("0", "0", "1", "1")]


def test_share_of_provincial_and_state_awards_per_year(corpus) -> None:
    ps = corpus.published_profiles
    assert [(y, h, t, round(s, 2)) for y, h, t, s in stats.high_share(ps, corpus.ref)] == [
        (2023, 0, 1, 0.0), (2024, 2, 5, 40.0), (2025, 1, 3, 33.33), (2026, 0, 1, 0.0)]
    stat = stats.by_share(ps, corpus.ref)
    assert [(b.label, b.text) for b in stat.bars] == [
        ("2023", "0%"), ("2024", "40%"), ("2025", "33,3%"), ("2026", "0%")]
    assert stat.cells[2] == ("1", "3", "33,3%")
    assert "Kế hoạch số 4466/KH-UBND ngày 23/5/2023" in stat.note


def svg_rows(svg: ET.Element) -> list[tuple[str, str, int]]:
    """(label, printed value, number of bar segments) of each row of a chart."""
    out = []
    for g in svg.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") != "gs-chart-row":
            continue
        texts = {t.get("class"): t.text for t in g.iter("{http://www.w3.org/2000/svg}text")}
        bars = [r for r in g.iter("{http://www.w3.org/2000/svg}rect") if "gs-bar" in (r.get("class") or "")]
        out.append((texts["gs-chart-label"], texts["gs-chart-value"], len(bars)))
    return out


def page_of(corpus) -> str:
    out = build_site(corpus)
    views = [v for v in out.views if isinstance(v, StatsView)]
    assert [v.url for v in views] == ["thong-ke/"] and views[0].src_uri == "thong-ke/index.md"
    return views[0].markdown


def blocks(markdown: str) -> dict[str, tuple[ET.Element, ET.Element]]:
    """chart svg and table of each statistic, by key, parsed as XML."""
    found = {}
    for m in re.finditer(r'<div class="gs-stat gs-stat-(?:narrow|wide)">(.*?)</div></div>\n?', markdown):
        root = ET.fromstring(f"<root>{m.group(1)}</div></root>")
        svg = root.find(".//{http://www.w3.org/2000/svg}svg")
        table = root.find(".//table")
        found[table.get("id").removeprefix("bang-")] = (svg, table)
    return found


def table_rows(table: ET.Element) -> list[list[str]]:
    return [["".join(c.itertext()) for c in tr] for tr in table.iter("tr")]


def test_page_chart_and_table_hold_the_same_numbers(corpus) -> None:
    md = page_of(corpus)
    found = blocks(md)
    assert list(found) == ["nam", "don-vi", "linh-vuc", "loai", "trang-thai",
                           "cap-khen-thuong", "ty-le-cap-cao"]
    svg, table = found["nam"]
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "bieu-do-nam-title bieu-do-nam-desc"
    assert svg.find("{http://www.w3.org/2000/svg}title").text == "Số gương theo năm công nhận"
    assert svg_rows(svg) == [("2024", "1", 1), ("2025", "2", 1), ("Chưa ghi ngày", "1", 1)]
    assert table.find("caption").text == "Số gương theo năm công nhận"
    assert table_rows(table) == [["Năm", "Số lượng"], ["2024", "1"], ["2025", "2"],
                                 ["Chưa ghi ngày", "1"]]
    assert [th.get("scope") for th in table.iter("th")] == ["col", "col", "row", "row", "row"]

    # For every chart: one row per table row, same label, same printed value as the last column.
    for key, (svg, table) in found.items():
        body = table_rows(table)[1:]
        assert [(label, value) for label, value, _ in svg_rows(svg)] == \
            [(r[0], r[-1]) for r in body], key

    svg, table = found["cap-khen-thuong"]
    # Stacked bars: one segment per non-zero level.
    assert svg_rows(svg) == [("2023", "1", 1), ("2024", "5", 3), ("2025", "3", 2), ("2026", "1", 1)]
    assert svg.find("{http://www.w3.org/2000/svg}desc").text == (
        "2023: Nhà nước 0, Tỉnh 0, Cơ sở 1 (tổng 1); 2024: Nhà nước 1, Tỉnh 1, Cơ sở 3 (tổng 5); "
        "2025: Nhà nước 0, Tỉnh 1, Cơ sở 2 (tổng 3); 2026: Nhà nước 0, Tỉnh 0, Cơ sở 1 (tổng 1).")
    svg, table = found["ty-le-cap-cao"]
    assert table_rows(table) == [["Năm", "Cấp tỉnh và Nhà nước", "Tổng số khen thưởng", "Tỷ lệ"],
                                 ["2023", "0", "1", "0%"], ["2024", "2", "5", "40%"],
                                 ["2025", "1", "3", "33,3%"], ["2026", "0", "1", "0%"]]


def test_page_states_the_date_total_and_links_the_feed(corpus) -> None:
    md = page_of(corpus)
    assert md.startswith("---\ntitle: Thống kê\n")
    assert "cập nhật ngày 27/11/2026" in md
    assert "Hiện có **4** hồ sơ đã công bố." in md
    assert '<a href="../feed.xml" type="application/rss+xml">nguồn tin RSS</a>' in md
    # Unpublished and withdrawn people never reach the page.
    assert "Phạm Thị Đào" not in md and "Võ Văn Em" not in md
    assert "Trung tâm Thông tin Xúc tiến" not in md and "Cải cách hành chính" not in md


def test_empty_site_says_no_data(repo) -> None:
    md = page_of(load(repo({})))
    assert "Hiện có **0** hồ sơ đã công bố." in md
    # Every statistic, including kinds and statuses that would otherwise be rows of zeros.
    assert md.count('<p class="gs-muted">Chưa có số liệu.</p>') == 7
    assert "<svg" not in md and "<table" not in md


def test_svg_bar_chart_geometry_and_text() -> None:
    svg = ET.fromstring(bar_chart("x", "Tiêu đề <b>", [Bar("Một & hai", (3,)), Bar("Ba", (1,)),
                                                      Bar("Không", (0,))]))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("width") == "100%" and svg.get("viewBox") is None
    assert svg.find(f"{ns}title").text == "Tiêu đề <b>"
    assert svg.find(f"{ns}desc").text == "Một & hai: 3; Ba: 1; Không: 0."
    widths = [r.get("width") for r in svg.iter(f"{ns}rect")]
    assert widths == ["85%", "28.333%"]  # the largest fills the bar room; zero draws nothing
    assert svg_rows(svg) == [("Một & hai", "3", 1), ("Ba", "1", 1), ("Không", "0", 0)]
    assert int(svg.get("height")) == 3 * 54


def test_svg_stacked_segments_follow_each_other() -> None:
    series = (Series("a", "A", "#000"), Series("b", "B", "#111"))
    svg = ET.fromstring(bar_chart("s", "T", [Bar("r", (1, 3))], series=series, maximum=8))
    rects = [(r.get("x"), r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")
             if r.get("y") != "4"]  # skip the legend swatches
    assert rects == [("0%", "10.625%"), ("10.625%", "31.875%")]
    with pytest.raises(ValueError):
        bar_chart("s", "T", [Bar("r", (1,))], series=series)


@pytest.mark.parametrize(("value", "text"), [(0, "0"), (999, "999"), (1234, "1.234"),
                                              (1234567, "1.234.567")])
def test_vietnamese_numbers(value: int, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(("value", "text"), [(100 / 3, "33,3%"), (40, "40%"), (99.96, "100%"),
                                              (12.25, "12,2%"), (1234.5, "1.234,5%")])
def test_vietnamese_percentages(value: float, text: str) -> None:
    assert format_percent(value) == text
