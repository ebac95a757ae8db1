"""The "Người tốt, việc tốt" gallery: order, pages, filters' data, escaping, links, a real build."""
from __future__ import annotations

import io
import json
import logging
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from PIL import Image

from guongsang.check import check
from guongsang.load.corpus import load
from guongsang.pages import cards, gallery
from guongsang.project import Project
from guongsang.site.build import build_site
from guongsang.site.output import SiteOutput

from .conftest import ROOT, TODAY, make_repo


def profile_md(name: str, *, loai: str = "ca_nhan", don_vi: str = "phong-xuc-tien-dau-tu",
               linh_vuc: tuple[str, ...] = ("xuc-tien-dau-tu",), trang_thai: str = "nhan_to_moi",
               deeds: list[tuple[str, str, str]] = (), published: bool = True,
               **extra: object) -> str:
    """Front matter of a valid profile; ``deeds`` are (dd/mm/yyyy, place, text)."""
    meta: dict[str, object] = {"ho_ten": name, "loai": loai, "don_vi": don_vi,
                               "linh_vuc": list(linh_vuc), "trang_thai": trang_thai,
                               "dong_y_cong_bo": published}
    if deeds:
        meta["viec_tot"] = [{"ngay": d, "dia_diem": p, "noi_dung": t} for d, p, t in deeds]
    meta.update(extra)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\nCâu chuyện.\n"


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 40, 40)).save(buf, "JPEG")
    return buf.getvalue()


def build(root: Path) -> SiteOutput:
    """Check the repository (no errors allowed) and generate the site output."""
    corpus, problems = check(Project(root=root), TODAY)
    errors = [p.format_text() for p in problems if p.is_error]
    assert errors == []
    return build_site(corpus)


def view(output: SiteOutput, url: str):
    found = [v for v in output.views if v.url == url]
    assert len(found) == 1, f"{url}: {[v.url for v in output.views]}"
    return found[0]


def asset(output: SiteOutput, uri: str):
    found = [a for a in output.assets if a.uri == uri]
    assert len(found) == 1, uri
    return found[0]


def card_names(markdown: str, container: str = "gs-gallery-static") -> list[str]:
    """Names on the cards inside the static card list, in page order."""
    block = markdown.split(f'<div class="gs-cards {container}">', 1)[1].split("</div></article></div>", 1)[0]
    return re.findall(r'class="gs-card-title"><a href="[^"]*">([^<]*)</a>', block)


SAME_DAY = "12/03/2025"
FIXTURE = {
    # Four people and a collective with a deed on the same day: Vietnamese order breaks the tie.
    "profiles/dang-thi-thuy/index.md": profile_md(
        "Đặng Thị Thuỷ", don_vi="cong-doan-co-so", linh_vuc=("an-sinh-xa-hoi",),
        deeds=[(SAME_DAY, "Chợ Đà Lạt", "Nhặt được ví và trả lại cho du khách")]),
    "profiles/le-van-an/index.md": profile_md(
        "Lê Văn An", deeds=[(SAME_DAY, "Quảng trường Lâm Viên", "Chỉ đường cho du khách lạc"),
                            ("02/01/2024", "Bệnh viện Đa khoa tỉnh", "Hiến máu tình nguyện lần thứ 10")],
        anh=[{"tep": "chan-dung.jpg", "mo_ta": "Anh An đứng trước quầy thông tin"}]),
    "profiles/le-van-an/chan-dung.jpg": jpeg(),
    "profiles/nguyen-thi-anh/index.md": profile_md(
        "Nguyễn Thị Ánh", don_vi="phong-xuc-tien-du-lich", linh_vuc=("du-lich", "an-sinh-xa-hoi"),
        deeds=[(SAME_DAY, "Hồ Xuân Hương", 'Cứu một em bé đuối nước & đưa "kịp thời" đi viện <3'),
               ("20/11/2025", "Trung tâm", "Sửa giúp máy tính cho đồng nghiệp")]),
    "profiles/tran-van-an/index.md": profile_md(
        "Trần Văn Ân", don_vi="phong-xuc-tien-thuong-mai", linh_vuc=("xuc-tien-thuong-mai",),
        deeds=[(SAME_DAY, "Phường Xuân Hương – Đà Lạt", "Giúp cụ già qua đường")]),
    "profiles/chi-doan-thanh-nien/index.md": profile_md(
        "Chi đoàn Thanh niên Trung tâm", loai="tap_the", don_vi="chi-doan-thanh-nien",
        linh_vuc=("cong-tac-doan-the",),
        deeds=[(SAME_DAY, "Xã Lạc Dương", "Tặng 200 suất quà cho học sinh nghèo")]),
    "profiles/gia-dinh-luong-van-son/index.md": profile_md(
        "Gia đình ông Lương Văn Sơn", loai="gia_dinh", don_vi="cong-doan-co-so",
        linh_vuc=("an-sinh-xa-hoi",),
        deeds=[("01/06/2024", "Xã Lạc Dương", "Hiến đất mở đường liên thôn " + "rộng rãi " * 30)]),
    # Never on the site: no consent, and withdrawn.
    "profiles/pham-van-kin/index.md": profile_md(
        "Phạm Văn Kín", published=False,
        deeds=[("10/10/2025", "Nơi bí mật", "Việc chưa được đồng ý công bố")]),
    "profiles/vo-thi-rut/index.md": profile_md(
        "Võ Thị Rút", deeds=[("11/10/2025", "Nơi đã rút", "Việc của hồ sơ đã rút")],
        thu_hoi={"ngay": "01/09/2026", "ly_do": "Người trong hồ sơ rút lại sự đồng ý"}),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> SiteOutput:
    return build(make_repo(tmp_path_factory.mktemp("gallery") / "repo", FIXTURE))


def test_cards_newest_first_and_same_day_in_vietnamese_name_order(output: SiteOutput) -> None:
    page = view(output, "nguoi-tot-viec-tot/")
    assert page.title == "Người tốt, việc tốt"
    assert card_names(page.markdown) == [
        "Nguyễn Thị Ánh",            # 20/11/2025
        "Lê Văn An",                 # 12/03/2025: An < Ánh < Ân < Chi… < Thuỷ
        "Nguyễn Thị Ánh",
        "Trần Văn Ân",
        "Chi đoàn Thanh niên Trung tâm",
        "Đặng Thị Thuỷ",
        "Gia đình ông Lương Văn Sơn",  # 01/06/2024
        "Lê Văn An",                 # 02/01/2024
    ]
    assert [v.url for v in output.views if v.url.startswith("nguoi-tot-viec-tot/")] == [
        "nguoi-tot-viec-tot/"]


def test_unpublished_and_withdrawn_deeds_never_appear(output: SiteOutput) -> None:
    everything = "".join(v.markdown for v in output.views) + str(
        asset(output, "nguoi-tot-viec-tot/du-lieu.json").content)
    for text in ("Phạm Văn Kín", "Việc chưa được đồng ý công bố", "Nơi bí mật",
                 "Võ Thị Rút", "Việc của hồ sơ đã rút", "pham-van-kin", "vo-thi-rut"):
        assert text not in everything


def test_card_shows_thumbnail_unit_line_date_and_place(output: SiteOutput) -> None:
    md = view(output, "nguoi-tot-viec-tot/").markdown
    an = re.search(r'<article class="gs-card"[^>]*>(?:(?!</article>).)*Hiến máu(?:(?!</article>).)*</article>',
                   md).group(0)
    webp = re.search(r'<source type="image/webp" srcset="\.\./assets/anh/([0-9a-f]{20})-64\.webp">', an)
    assert webp, an
    digest = webp.group(1)
    assert an == (
        '<article class="gs-card" data-nam="2024" data-don-vi="phong-xuc-tien-dau-tu" '
        'data-linh-vuc="xuc-tien-dau-tu" data-loai="ca-nhan"><div class="gs-card-media"><picture>'
        f'<source type="image/webp" srcset="../assets/anh/{digest}-64.webp">'
        f'<img src="../assets/anh/{digest}-64.jpg" alt="Anh An đứng trước quầy thông tin" '
        'width="64" height="48" loading="lazy" decoding="async"></picture></div>'
        '<div class="gs-card-body"><h2 class="gs-card-title"><a href="../ho-so/le-van-an/">'
        'Lê Văn An</a></h2><p class="gs-card-unit">Phòng Xúc tiến Đầu tư</p>'
        '<p class="gs-card-line">Hiến máu tình nguyện lần thứ 10</p><p class="gs-card-meta">'
        '<time datetime="2024-01-02">02/01/2024</time> · '
        '<span class="gs-card-place">Bệnh viện Đa khoa tỉnh</span></p></div></article>')
    # The photo's smallest variants are published as assets.
    assert {a.uri for a in output.assets} >= {f"assets/anh/{digest}-64.webp",
                                               f"assets/anh/{digest}-64.jpg"}


def test_profile_without_photo_gets_the_initials_avatar(output: SiteOutput) -> None:
    md = view(output, "nguoi-tot-viec-tot/").markdown
    media = re.search(r'<div class="gs-card-media">(<img [^>]*data-initials="TÂ"[^>]*>)</div>', md)
    assert media, md
    png = re.search(r'src="\.\./(assets/anh/chu-cai/[^"]+\.png)"', media.group(1)).group(1)
    assert media.group(1) == (f'<img src="../{png}" alt="" width="320" height="320" '
                              'class="gs-avatar" data-initials="TÂ" loading="lazy" decoding="async">')
    assert png in {a.uri for a in output.assets}
    assert 'data-initials="TN"' in md  # Chi đoàn Thanh niên Trung tâm
    assert 'data-initials="LS"' in md  # Gia đình ông Lương Văn Sơn


def test_text_from_records_is_escaped(output: SiteOutput) -> None:
    md = view(output, "nguoi-tot-viec-tot/").markdown
    assert ('<p class="gs-card-line">Cứu một em bé đuối nước &amp; đưa &quot;kịp thời&quot; '
            "đi viện &lt;3</p>") in md
    assert "<3" not in md


def test_html_in_fields_is_escaped_even_if_checks_were_skipped(tmp_path: Path) -> None:
    """Checks refuse HTML in fields; the pages must still be safe without them."""
    root = make_repo(tmp_path / "repo", {"profiles/x/index.md": profile_md(
        "<b>Tên</b>", deeds=[("01/02/2025", "<i>nơi</i>", "<script>alert(1)</script>")])})
    corpus, _ = load(Project(root=root), TODAY)
    out = build_site(corpus)
    md = view(out, "nguoi-tot-viec-tot/").markdown + str(
        asset(out, "nguoi-tot-viec-tot/du-lieu.json").content)
    for raw in ("<b>", "<i>", "<script>"):
        assert raw not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "&lt;b&gt;Tên&lt;/b&gt;" in md


def test_long_deed_is_cut_at_a_word_boundary(output: SiteOutput) -> None:
    md = view(output, "nguoi-tot-viec-tot/").markdown
    line = re.search(r'<p class="gs-card-line">(Hiến đất[^<]*)</p>', md).group(1)
    assert line == "Hiến đất mở đường liên thôn " + "rộng rãi " * 11 + "rộng rãi…"
    assert len(line) <= 140


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Ngắn gọn", 140, "Ngắn gọn"),
    ("  nhiều   khoảng\ntrắng ", 140, "nhiều khoảng trắng"),
    ("Nhặt được ví và trả lại cho du khách", 20, "Nhặt được ví và trả…"),
    ("Giúp đỡ người già, trẻ em", 19, "Giúp đỡ người già…"),  # no comma before the ellipsis
    ("https://example.org/mot-duong-dan-rat-dai", 20, "https://example.org…"),
    ("x" * 140, 140, "x" * 140),
])
def test_truncate(text: str, limit: int, expected: str) -> None:
    assert cards.truncate(text, limit) == expected
    assert len(cards.truncate(text, limit)) <= limit


def test_filter_form_offers_only_values_that_occur(output: SiteOutput) -> None:
    md = view(output, "nguoi-tot-viec-tot/").markdown
    form = re.search(r"<form .*?</form>", md).group(0)
    options = {name: re.findall(r'<option value="([^"]*)">([^<]*)</option>', body)
               for name, body in re.findall(r'<select id="gs-loc-[a-z-]+" name="([a-z-]+)">(.*?)</select>', form)}
    assert options == {
        "nam": [("", "Tất cả các năm"), ("2025", "2025"), ("2024", "2024")],
        "don-vi": [("", "Tất cả đơn vị"),
                   ("phong-xuc-tien-dau-tu", "Phòng Xúc tiến Đầu tư"),
                   ("phong-xuc-tien-thuong-mai", "Phòng Xúc tiến Thương mại"),
                   ("phong-xuc-tien-du-lich", "Phòng Xúc tiến Du lịch"),
                   ("cong-doan-co-so", "Công đoàn cơ sở"),
                   ("chi-doan-thanh-nien", "Chi đoàn Thanh niên")],
        "linh-vuc": [("", "Tất cả lĩnh vực"), ("xuc-tien-dau-tu", "Xúc tiến đầu tư"),
                     ("xuc-tien-thuong-mai", "Xúc tiến thương mại"), ("du-lich", "Du lịch"),
                     ("an-sinh-xa-hoi", "An sinh xã hội, từ thiện"),
                     ("cong-tac-doan-the", "Công tác đoàn thể")],
        "loai": [("", "Cá nhân, tập thể, gia đình"), ("ca-nhan", "Cá nhân"),
                 ("tap-the", "Tập thể"), ("gia-dinh", "Gia đình")],
    }
    assert form.startswith('<form class="gs-filter" method="get" action="./" '
                           'data-gs-gallery="du-lieu.json">')
    for param in gallery.PARAMS:
        assert f'<label for="gs-loc-{param}">' in form
    assert '<p class="gs-filter-status" role="status" aria-live="polite"></p>' in md
    assert "<noscript>" in md and "Bộ lọc cần JavaScript" in md


def test_json_asset_holds_every_card_with_its_filter_values(output: SiteOutput) -> None:
    data = json.loads(asset(output, "nguoi-tot-viec-tot/du-lieu.json").content)
    assert data["tong"] == 8
    assert [{k: v for k, v in item.items() if k != "html"} for item in data["muc"]] == [
        {"nam": "2025", "don-vi": "phong-xuc-tien-du-lich", "linh-vuc": ["du-lich", "an-sinh-xa-hoi"], "loai": "ca-nhan"},
        {"nam": "2025", "don-vi": "phong-xuc-tien-dau-tu", "linh-vuc": ["xuc-tien-dau-tu"], "loai": "ca-nhan"},
        {"nam": "2025", "don-vi": "phong-xuc-tien-du-lich", "linh-vuc": ["du-lich", "an-sinh-xa-hoi"], "loai": "ca-nhan"},
        {"nam": "2025", "don-vi": "phong-xuc-tien-thuong-mai", "linh-vuc": ["xuc-tien-thuong-mai"], "loai": "ca-nhan"},
        {"nam": "2025", "don-vi": "chi-doan-thanh-nien", "linh-vuc": ["cong-tac-doan-the"], "loai": "tap-the"},
        {"nam": "2025", "don-vi": "cong-doan-co-so", "linh-vuc": ["an-sinh-xa-hoi"], "loai": "ca-nhan"},
        {"nam": "2024", "don-vi": "cong-doan-co-so", "linh-vuc": ["an-sinh-xa-hoi"], "loai": "gia-dinh"},
        {"nam": "2024", "don-vi": "phong-xuc-tien-dau-tu", "linh-vuc": ["xuc-tien-dau-tu"], "loai": "ca-nhan"},
    ]
    # The cards are the very ones of the static page (links relative to nguoi-tot-viec-tot/).
    md = view(output, "nguoi-tot-viec-tot/").markdown
    assert "".join(item["html"] for item in data["muc"]) in md
    assert 'href="../ho-so/tran-van-an/"' in data["muc"][3]["html"]


# --- Pagination ---------------------------------------------------------------------------

def _many(n: int) -> dict[str, str | bytes]:
    """``n`` deeds, one a day from 01/01/2024, spread over two people."""
    start = date(2024, 1, 1)
    deeds = [((start + timedelta(days=i)).strftime("%d/%m/%Y"), f"Nơi {i + 1}", f"Việc số {i + 1}")
             for i in range(n)]
    return {"profiles/le-van-an/index.md": profile_md("Lê Văn An", deeds=deeds[::2]),
            "profiles/tran-van-an/index.md": profile_md("Trần Văn Ân", deeds=deeds[1::2])}


def _deeds_on(markdown: str) -> list[str]:
    static = markdown.split('<div class="gs-cards gs-gallery-static">', 1)[1]
    return re.findall(r'<p class="gs-card-line">(Việc số \d+)</p>', static)


def test_24_deeds_fit_on_one_page_without_a_pager(tmp_path: Path) -> None:
    out = build(make_repo(tmp_path / "repo", _many(24)))
    gallery_views = [v for v in out.views if v.url.startswith("nguoi-tot-viec-tot/")]
    assert [v.url for v in gallery_views] == ["nguoi-tot-viec-tot/"]
    assert len(_deeds_on(gallery_views[0].markdown)) == 24
    assert "gs-pager" not in gallery_views[0].markdown


def test_25_deeds_make_two_pages_and_page_2_holds_the_oldest(tmp_path: Path) -> None:
    out = build(make_repo(tmp_path / "repo", _many(25)))
    first, second = view(out, "nguoi-tot-viec-tot/"), view(out, "nguoi-tot-viec-tot/trang-2/")
    assert [v.url for v in out.views if v.url.startswith("nguoi-tot-viec-tot/")] == [
        "nguoi-tot-viec-tot/", "nguoi-tot-viec-tot/trang-2/"]
    assert _deeds_on(first.markdown) == [f"Việc số {i}" for i in range(25, 1, -1)]
    assert _deeds_on(second.markdown) == ["Việc số 1"]
    assert second.title == "Người tốt, việc tốt – trang 2"
    assert "title: Người tốt, việc tốt – trang 2\n" in second.markdown
    assert (first.page, first.pages, second.page, second.pages) == (1, 2, 2, 2)

    assert re.search(r'<nav class="gs-pager.*?</nav>', first.markdown).group(0) == (
        '<nav class="gs-pager gs-gallery-static" aria-label="Phân trang">'
        '<span class="gs-pager-prev" aria-disabled="true">Trang trước</span><ol>'
        '<li><a href="./" aria-label="Trang 1" aria-current="page">1</a></li>'
        '<li><a href="trang-2/" aria-label="Trang 2">2</a></li></ol>'
        '<a class="gs-pager-next" href="trang-2/" rel="next">Trang sau</a></nav>')
    assert re.search(r'<nav class="gs-pager.*?</nav>', second.markdown).group(0) == (
        '<nav class="gs-pager gs-gallery-static" aria-label="Phân trang">'
        '<a class="gs-pager-prev" href="../" rel="prev">Trang trước</a><ol>'
        '<li><a href="../" aria-label="Trang 1">1</a></li>'
        '<li><a href="./" aria-label="Trang 2" aria-current="page">2</a></li></ol>'
        '<span class="gs-pager-next" aria-disabled="true">Trang sau</span></nav>')
    # Links on page 2 climb two levels; the form and the data file point back to the gallery.
    assert 'href="../../ho-so/le-van-an/"' in second.markdown
    assert 'action="../" data-gs-gallery="../du-lieu.json"' in second.markdown
    data = json.loads(asset(out, "nguoi-tot-viec-tot/du-lieu.json").content)
    assert data["tong"] == 25 and len(data["muc"]) == 25
    assert 'href="../ho-so/le-van-an/"' in data["muc"][-1]["html"]


@pytest.mark.parametrize(("page", "pages", "expected"), [
    (1, 1, [1]),
    (1, 5, [1, 2, 3, 4, 5]),                # a gap of one number shows the number
    (1, 7, [1, 2, 3, None, 7]),
    (1, 10, [1, 2, 3, None, 10]),
    (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
    (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
    (12, 12, [1, None, 10, 11, 12]),
])
def test_pager_windows(page: int, pages: int, expected: list[int | None]) -> None:
    assert gallery._windows(page, pages) == expected


def test_empty_gallery_still_has_its_page_and_data(tmp_path: Path) -> None:
    out = build(make_repo(tmp_path / "repo", {
        "profiles/le-van-an/index.md": profile_md("Lê Văn An")}))
    page = view(out, "nguoi-tot-viec-tot/")
    assert "Chưa có việc tốt nào được công bố." in page.markdown
    assert "<form" not in page.markdown
    assert json.loads(asset(out, "nguoi-tot-viec-tot/du-lieu.json").content) == {"tong": 0, "muc": []}


# --- A real MkDocs build -----------------------------------------------------------------

def site_repo(base: Path, files: dict[str, str | bytes]) -> Path:
    """The real mkdocs.yml, hook, theme overrides and content index pages, plus ``files``."""
    root = make_repo(base, files)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, dirs_exist_ok=True)
        else:
            shutil.copy2(src, root / name)
    for page in sorted((ROOT / "content").rglob("index.md")) + sorted((ROOT / "content").glob("*.md")):
        target = root / "content" / page.relative_to(ROOT / "content")
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
    return root


# Pages that the nav names but other generators (not yet written) will produce.
_MISSING_NAV = re.compile(r"A reference to '[^']+' is included in the 'nav' configuration, "
                          r"which is not found in the documentation files\.")


def test_mkdocs_build_writes_the_gallery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         caplog: pytest.LogCaptureFixture) -> None:
    """A real build. Not ``--strict`` while the nav names pages that other generators will
    produce (vinh-danh/, thong-ke/, tieu-chi/…): instead every warning *except* those is
    treated as a failure, which is what ``--strict`` would do for this page kind."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    # The fixture, with Lê Văn An's and Trần Văn Ân's deeds replaced by 25 numbered ones.
    files = {k: v for k, v in FIXTURE.items()
             if not k.startswith(("profiles/le-van-an/", "profiles/tran-van-an/"))}
    files.update(_many(25))
    root = site_repo(tmp_path / "repo", files)
    caplog.set_level(logging.WARNING)
    cfg = load_config(str(root / "mkdocs.yml"), strict=False)
    mkdocs_build(cfg)
    warnings = [r.getMessage() for r in caplog.records
                if r.levelno >= logging.WARNING and not _MISSING_NAV.search(r.getMessage())]
    assert warnings == []

    site = Path(cfg.site_dir)
    first = (site / "nguoi-tot-viec-tot" / "index.html").read_text(encoding="utf-8")
    second = (site / "nguoi-tot-viec-tot" / "trang-2" / "index.html").read_text(encoding="utf-8")
    assert "<title>Người tốt, việc tốt - Gương sáng TTXT</title>" in first or \
        "<title>Người tốt, việc tốt" in first
    # The raw HTML came through Markdown untouched (not escaped, not wrapped in <p> or <pre>).
    assert '<form class="gs-filter" method="get" action="./" data-gs-gallery="du-lieu.json">' in first
    assert '<a href="../ho-so/dang-thi-thuy/">Đặng Thị Thuỷ</a>' in first
    assert '<a href="../../ho-so/le-van-an/">Lê Văn An</a>' in second
    assert "<pre><code>" not in first
    assert "assets/js/gallery-filters.js" in first and "assets/css/gallery.css" in first
    data = json.loads((site / "nguoi-tot-viec-tot" / "du-lieu.json").read_text(encoding="utf-8"))
    assert data["tong"] == 25 + 5  # the 25 plus the fixture's other published deeds
    assert (site / "guong-dien-hinh" / "index.html").is_file()
    assert (site / "guong-dien-hinh" / "loai" / "ca-nhan" / "index.html").is_file()
    assert (site / "ho-so" / "dang-thi-thuy" / "index.html").is_file()
