"""Model pages: facts, authors (unpublished ones never named), replication, and the index."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guongsang.pages import Context
from guongsang.pages.models import model_pages

from .conftest import make_repo
from .test_campaigns import campaign, context, link_texts, model, profile

FILES = {
    "content/phong-trao/lam-dong-xanh.md": campaign(
        "Lâm Đồng xanh", "tinh", "01/01/2025", "dang_dien_ra", "31/12/2030"),
    "content/phong-trao/chuyen-doi-so.md": campaign(
        "Chuyển đổi số", "co_quan", "01/03/2024", "da_ket_thuc", "31/12/2024"),
    "profiles/tran-van-binh/index.md": profile("Trần Văn Bình"),
    "profiles/nguyen-thi-an/index.md": profile("Nguyễn Thị An"),
    "profiles/hoang-thi-em/index.md": profile("Hoàng Thị Em", published=False),
    "profiles/vo-van-giau/index.md": profile(
        "Võ Văn Giàu", extra="thu_hoi:\n  ngay: 01/09/2026\n  ly_do: Rút lại sự đồng ý\n"),
    "content/mo-hinh/ban-do-so.md": model(
        "Bản đồ số", 2025, "mo_hinh", ["tran-van-binh", "hoang-thi-em", "nguyen-thi-an"],
        "pham_vi: tinh\ntom_tat: Dự án trên bản đồ.\n"
        "cong_nhan:\n  so_quyet_dinh: 21/QĐ-TTXT\n  ngay_quyet_dinh: 20/12/2025\n"
        "  co_quan: Hội đồng Sáng kiến Trung tâm\n"
        "phong_trao: [lam-dong-xanh, chuyen-doi-so]\n"
        "nhan_rong:\n"
        "  - {don_vi: so-cong-thuong, ngay: 01/03/2026, ghi_chu: Bộ phận một cửa}\n"
        "  - {don_vi: ubnd-xa-lac-duong, ngay: 15/10/2025}\n"
        "  - {don_vi: so-cong-thuong, ngay: 01/06/2026, ghi_chu: Mở rộng}\n"
        "  - {don_vi: ubnd-phuong-xuan-huong-da-lat, ngay: 15/10/2025}\n"),
    "content/mo-hinh/so-tay.md": model(
        "Sổ tay điện tử", 2024, "sang_kien", ["hoang-thi-em", "vo-van-giau"],
        "nhan_rong:\n  - {don_vi: so-cong-thuong, ngay: 01/02/2025}\n"),
    "content/mo-hinh/chatbot.md": model(
        "Chatbot hỏi đáp", 2025, "giai_phap", ["nguyen-thi-an"],
        "nhan_rong:\n  - {don_vi: ubnd-xa-lac-duong, ngay: 01/02/2026}\n"),
    "content/mo-hinh/zalo.md": model("Zalo hỏi đáp", 2024, "cach_lam_hay", ["nguyen-thi-an"]),
    "content/mo-hinh/duong-day-nong.md": model("Đường dây nóng", 2024, "cach_lam_hay",
                                               ["tran-van-binh"]),
}


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    c = context(make_repo(tmp_path / "repo", FILES))
    assert list(model_pages(c)) == []  # it only fills in existing pages
    return c


def test_model_head_names_only_published_authors(ctx: Context) -> None:
    assert ctx.output.prepends["mo-hinh/ban-do-so.md"] == (
        "# Bản đồ số\n\n"
        '<div class="gs-model-head"><p class="gs-lead">Dự án trên bản đồ.</p>'
        '<dl class="gs-facts"><dt>Loại</dt><dd>Mô hình mới</dd>'
        "<dt>Đơn vị chủ trì</dt><dd>Phòng Xúc tiến Đầu tư</dd>"
        "<dt>Năm áp dụng</dt><dd>2025</dd><dt>Phạm vi ảnh hưởng</dt><dd>Toàn tỉnh</dd>"
        "<dt>Công nhận</dt><dd>Quyết định số 21/QĐ-TTXT ngày 20/12/2025 của Hội đồng Sáng kiến "
        "Trung tâm</dd><dt>Hiệu quả</dt><dd>Tốt</dd>"
        '<dt>Tác giả</dt><dd><a href="../../ho-so/tran-van-binh/">Trần Văn Bình</a>, '
        '<a href="../../ho-so/nguyen-thi-an/">Nguyễn Thị An</a> và 1 tác giả khác</dd>'
        '<dt>Phong trào</dt><dd><a href="../../phong-trao/lam-dong-xanh/">Lâm Đồng xanh</a>, '
        '<a href="../../phong-trao/chuyen-doi-so/">Chuyển đổi số</a></dd>'
        '<dt>Nhân rộng</dt><dd><a href="#gs-nhan-rong">3 đơn vị</a></dd></dl></div>\n')


def test_model_with_no_published_author_gives_only_a_count(ctx: Context) -> None:
    head = ctx.output.prepends["mo-hinh/so-tay.md"]
    assert "<dt>Tác giả</dt><dd>2 tác giả</dd>" in head
    assert "Hoàng" not in head and "Giàu" not in head and "ho-so" not in head
    assert "Hoàng" not in ctx.output.augments["mo-hinh/so-tay.md"]


def test_replication_table_in_date_order(ctx: Context) -> None:
    table = ctx.output.augments["mo-hinh/ban-do-so.md"]
    assert table.startswith("## Nơi đã nhân rộng {#gs-nhan-rong}\n\n"
                            '<p class="gs-counts">Đã nhân rộng tại 3 đơn vị.</p>\n\n')
    rows = re.findall(r'<tr><td data-label="Đơn vị">(.*?)</td><td data-label="Ngày áp dụng">'
                      r'(.*?)</td><td data-label="Ghi chú">(.*?)</td></tr>', table)
    assert rows == [
        ("UBND phường Xuân Hương – Đà Lạt", "15/10/2025", ""),   # same day: by unit name
        ("UBND xã Lạc Dương", "15/10/2025", ""),
        ("Sở Công Thương tỉnh Lâm Đồng", "01/03/2026", "Bộ phận một cửa"),
        ("Sở Công Thương tỉnh Lâm Đồng", "01/06/2026", "Mở rộng"),
    ]


def test_model_never_replicated_says_so(ctx: Context) -> None:
    assert ctx.output.augments["mo-hinh/zalo.md"] == (
        "## Nơi đã nhân rộng {#gs-nhan-rong}\n\n"
        '<p class="gs-muted">Chưa có đơn vị nào nhân rộng mô hình này.</p>\n')
    assert '<a href="#gs-nhan-rong">Chưa nhân rộng</a>' in ctx.output.prepends["mo-hinh/zalo.md"]
    assert ctx.output.meta["mo-hinh/zalo.md"] == {"title": "Zalo hỏi đáp"}


def test_index_ordered_by_replication_then_year_then_title(ctx: Context) -> None:
    index = ctx.output.augments["mo-hinh/index.md"]
    rows = re.findall(r'<tr><td[^>]*><a href="([^"]*)">([^<]*)</a></td><td[^>]*>([^<]*)</td>'
                      r"<td[^>]*>[^<]*</td><td[^>]*>(\d+)</td><td[^>]*>([^<]*)</td></tr>", index)
    assert rows == [
        ("ban-do-so/", "Bản đồ số", "Mô hình mới", "2025", "3 đơn vị"),
        ("chatbot/", "Chatbot hỏi đáp", "Giải pháp", "2025", "1 đơn vị"),   # newer wins the tie
        ("so-tay/", "Sổ tay điện tử", "Sáng kiến", "2024", "1 đơn vị"),
        ("duong-day-nong/", "Đường dây nóng", "Cách làm hay", "2024", "Chưa nhân rộng"),
        ("zalo/", "Zalo hỏi đáp", "Cách làm hay", "2024", "Chưa nhân rộng"),  # đ before z
    ]
    assert link_texts(index)[0] == "Bản đồ số"
