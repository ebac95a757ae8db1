"""The home page lists the newest exemplars and deeds of published profiles."""
from __future__ import annotations

from guongsang.check import check
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import TODAY


def prof(name: str, extra: str = "", consent: str = "true") -> str:
    return (f"---\nho_ten: {name}\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
            f"linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: {consent}\n"
            f"{extra}---\nx\n")


def names_in_order(html: str, names: list[str]) -> list[str]:
    return sorted((n for n in names if n in html), key=html.index)


def test_home_lists_newest_first_and_skips_unpublished(repo) -> None:
    root = repo({
        "profiles/le-van-an/index.md": prof("Lê Văn An", "ngay_cong_nhan: 01/02/2025\n"),
        "profiles/tran-thi-binh/index.md": prof("Trần Thị Bình", "ngay_cong_nhan: 01/03/2026\n"
                                                "viec_tot:\n  - ngay: 05/05/2026\n    dia_diem: Chợ\n    noi_dung: Trả ví\n"),
        "profiles/dang-van-cuong/index.md": prof("Đặng Văn Cường", "ngay_cong_nhan: 01/03/2026\n"),
        "profiles/vo-thi-an/index.md": prof("Võ Thị Ẩn", "ngay_cong_nhan: 01/04/2026\n"
                                            "viec_tot:\n  - ngay: 06/05/2026\n    dia_diem: Chợ\n    noi_dung: Bí mật\n",
                                            consent="false"),
    })
    corpus, problems = check(Project(root=root), TODAY)
    assert not [p for p in problems if p.is_error]
    html = build_site(corpus).augments["index.md"]
    exemplars, deeds = html.split("## Việc tốt gần đây")
    # Same date: name order (Bình before Cường, by given name); then the older one.
    assert names_in_order(exemplars, ["Lê Văn An", "Trần Thị Bình", "Đặng Văn Cường", "Võ Thị Ẩn"]) == [
        "Trần Thị Bình", "Đặng Văn Cường", "Lê Văn An"]
    assert "Trả ví" in deeds and "Bí mật" not in html and "Võ Thị Ẩn" not in html
    assert 'href="guong-dien-hinh/"' in exemplars and 'href="nguoi-tot-viec-tot/"' in deeds
