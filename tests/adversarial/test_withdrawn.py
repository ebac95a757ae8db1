"""A published profile whose consent is withdrawn disappears from everything the site builds.

Two ways to withdraw: a ``thu_hoi`` record (consent kept on file, profile taken down) and
``dong_y_cong_bo`` flipped to false. Both profiles are as rich as a real one (photo, former
address, awards, a good deed, a campaign, a co-authored model, a recognition date), each value
carrying a marker; the built site (pages, cards, feed, honour rolls, gallery data, search
index, share images, redirects, photos) is then searched byte by byte for every marker.
"""
from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.project import Project
from guongsang.site.checks import Site, broken_links, unsafe_markup

from ..conftest import TODAY
from ..sitebuild import mkdocs_build, site_repo
from .payloads import jpeg


def person(name: str, marker: str, number: int, withdrawal: str) -> str:
    return f"""---
ho_ten: {name}
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
chuc_vu: Chuyên viên {marker}-CHUCVU
linh_vuc: [xuc-tien-dau-tu]
trang_thai: guong_nguoi_tot_viec_tot
ngay_cong_nhan: 12/03/2025
tom_tat: Tóm tắt {marker}-TOMTAT về một người tốt.
phong_trao: [chien-dich-2025]
khen_thuong:
  - hinh_thuc: giay-khen-giam-doc
    nam: 2024
    so_quyet_dinh: {number}/QĐ-TTXT
    ngay_quyet_dinh: 05/01/2025
    ly_do: Lý do {marker}-LYDO
viec_tot:
  - ngay: 12/03/2025
    dia_diem: Chợ {marker}-DIADIEM
    noi_dung: Trả lại ví {marker}-VIECTOT cho du khách
anh:
  - tep: chan-dung.jpg
    mo_ta: Chân dung {marker}-MOTA
    chu_thich: Chú thích {marker}-CHUTHICH
slug_cu: [{marker.lower()}-dia-chi-cu]
{withdrawal}---
Câu chuyện {marker}-CAUCHUYEN.
"""


RUT = ("Lê Thị Rút", "RUTLAI", 7701, ("dong_y_cong_bo: true\nthu_hoi:\n  ngay: 01/09/2025\n"
       "  ly_do: Người trong hồ sơ rút lại sự đồng ý\n"))
LAT = ("Phạm Văn Lật", "LATNGUOC", 7702, "dong_y_cong_bo: false\n")
KEPT = ("Trần Văn Bình", "GIULAI", 7703, "dong_y_cong_bo: true\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], list]:
    files: dict[str, str | bytes] = {}
    photos: dict[str, bytes] = {}
    for name, marker, number, withdrawal in (RUT, LAT, KEPT):
        slug = marker.lower()
        files[f"profiles/{slug}/index.md"] = person(name, marker, number, withdrawal)
        photos[slug] = jpeg(360 + number % 7, 240)
        files[f"profiles/{slug}/chan-dung.jpg"] = photos[slug]
    files["content/phong-trao/chien-dich-2025.md"] = (
        "---\nten: Chiến dịch 2025\ncap_phat_dong: co_quan\ntu_ngay: 01/01/2025\n"
        "den_ngay: 31/12/2025\ntrang_thai: da_ket_thuc\n---\nNội dung.\n")
    files["content/mo-hinh/so-tay-chung.md"] = (
        "---\nten: Sổ tay chung\nloai: sang_kien\ntac_gia: [rutlai, latnguoc, giulai]\n"
        "don_vi: phong-xuc-tien-dau-tu\nnam: 2024\nhieu_qua: Dùng chung\n---\nNội dung.\n")
    root = site_repo(tmp_path_factory.mktemp("withdrawn") / "repo", files)
    _, problems = check(Project(root=root), TODAY)
    import os

    os.environ["GUONGSANG_TODAY"] = TODAY.isoformat()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = mkdocs_build(root, strict=True)
    return site, photos, problems


def _contents(site: Path):
    """Every file as bytes; gzip'd files (search fragments, sitemap.xml.gz) opened first."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                try:
                    data = gzip.decompress(data)
                except OSError:
                    pass
            yield path.relative_to(site).as_posix(), data


def _markers(marker: str, name: str) -> list[str]:
    return [name, marker.lower(), f"{marker.lower()}-dia-chi-cu",
            *(f"{marker}-{part}" for part in ("CHUCVU", "TOMTAT", "LYDO", "DIADIEM", "VIECTOT",
                                               "MOTA", "CHUTHICH", "CAUCHUYEN"))]


def test_the_check_says_what_happens(built) -> None:
    _, _, problems = built
    assert [p.format_text().split("\n")[0] for p in problems] == [
        ("profiles/latnguoc/index.md:26: lưu ý [chua-dong-y] trường `dong_y_cong_bo`: Hồ sơ chưa có "
        "sự đồng ý công bố nên sẽ không xuất hiện trên trang.")]


@pytest.mark.parametrize(("name", "marker"), [(RUT[0], RUT[1]), (LAT[0], LAT[1])],
                         ids=["thu-hoi", "dong-y-false"])
def test_nothing_of_a_withdrawn_profile_is_anywhere_in_the_site(built, name: str,
                                                                marker: str) -> None:
    site, photos, _ = built
    assert not (site / "ho-so" / marker.lower()).exists()
    assert not (site / "ho-so" / f"{marker.lower()}-dia-chi-cu").exists()
    needles = _markers(marker, name)
    found = [(rel, n) for rel, data in _contents(site) for n in needles
             if n.encode("utf-8") in data]
    assert found == []
    # Photos are published under the first 20 hex digits of their SHA-256.
    digest = hashlib.sha256(photos[marker.lower()]).hexdigest()[:20]
    assert [p.name for p in site.rglob(f"{digest}*")] == []


def test_the_scan_would_see_a_published_profile(built) -> None:
    """Control: the same markers of the profile that stays are found where expected."""
    site, photos, _ = built
    name, marker = KEPT[0], KEPT[1]
    where = {rel for rel, data in _contents(site) for n in _markers(marker, name)
             if n.encode("utf-8") in data}
    for expected in ("ho-so/giulai/index.html", "feed.xml", "nguoi-tot-viec-tot/index.html",
                     "vinh-danh/2024/index.html", "mo-hinh/so-tay-chung/index.html",
                     "phong-trao/chien-dich-2025/index.html", "ho-so/giulai-dia-chi-cu/index.html"):
        assert expected in where, expected
    assert any(rel.startswith("pagefind/") for rel in where)
    digest = hashlib.sha256(photos["giulai"]).hexdigest()[:20]
    assert list(site.rglob(f"{digest}*"))


def test_share_images_belong_to_published_pages_only(built) -> None:
    site, _, _ = built
    used = set()
    for page in site.rglob("*.html"):
        used |= set(re.findall(r'<meta property="og:image" content="[^"]*/(assets/og/[^"]+)"',
                               page.read_text("utf-8")))
    published = {p.relative_to(site).as_posix() for p in (site / "assets" / "og").rglob("*.*")}
    assert published and published <= used


def test_the_model_counts_withdrawn_authors_without_naming_them(built) -> None:
    site, _, _ = built
    html = (site / "mo-hinh" / "so-tay-chung" / "index.html").read_text("utf-8")
    assert "Trần Văn Bình" in html
    assert "Lê Thị Rút" not in html and "Phạm Văn Lật" not in html


def test_the_site_left_behind_is_whole_and_safe(built) -> None:
    site, _, _ = built
    checked = Site(site, "https://guongsang.ttxt-lamdong.example/")
    assert [str(f) for f in broken_links(checked)] == []
    assert [str(f) for f in unsafe_markup(checked)] == []
