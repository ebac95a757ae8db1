"""Regression tests for the defects found when the site was tried with outside tools (#13).

Each test names the defect it would have caught. They read the built sample site (the session
fixture ``sample_site``) or call the generators directly; what needs a browser (focus, layout,
scrolling, axe) is in tests/browser/test_reader.py.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.pages import lastmod
from guongsang.pages.profile import caption_parts
from guongsang.project import Project

from .conftest import ROOT

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://guongsang.ttxt-lamdong.example/"


def html_pages(site: Path) -> list[Path]:
    """The site's reading pages: not redirects, not the editors' form (its own bare page)."""
    return sorted(p for p in site.rglob("*.html")
                  if not p.is_relative_to(site / "pagefind")
                  and not p.is_relative_to(site / "quan-tri")
                  and "http-equiv" not in p.read_text("utf-8")[:600])


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text("utf-8")


# -- the feed is advertised in every page's <head> ------------------------------------------

def test_every_page_advertises_the_feed_in_its_head(sample_site: Path) -> None:
    missing = []
    for page in html_pages(sample_site):
        head = page.read_text("utf-8").split("</head>")[0]
        found = re.search(r'<link rel="alternate" type="application/rss\+xml" href="([^"]+)" '
                          r'title="Tin mới – Gương sáng TTXT">', head)
        href = found.group(1) if found else ""
        # The 404 page is served at any address: its links start at the site's root.
        target = sample_site / href[1:] if href.startswith("/") else page.parent / href
        if not found or target.resolve() != sample_site / "feed.xml":
            missing.append(str(page.relative_to(sample_site)))
    assert not missing


# -- robots.txt -------------------------------------------------------------------------------

def test_robots_txt_allows_everything_and_names_the_sitemap(sample_site: Path) -> None:
    assert read(sample_site, "robots.txt") == (
        "# Gương sáng: mọi trang công khai đều được phép lập chỉ mục.\n"
        "User-agent: *\nAllow: /\n\n"
        f"Sitemap: {SITE_URL}sitemap.xml\n")


# -- sitemap lastmod: the page's last real change, not the build date -----------------------

def _lastmods(site: Path) -> dict[str, str | None]:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    out = {}
    for url in root.iter(f"{NS}url"):
        loc = url.find(f"{NS}loc").text.strip()[len(SITE_URL):]  # type: ignore[union-attr]
        mod = url.find(f"{NS}lastmod")
        out[loc] = mod.text.strip() if mod is not None and mod.text else None
    return out


def test_sitemap_lastmod_is_the_newest_date_each_page_shows(sample_site: Path) -> None:
    mods = _lastmods(sample_site)
    # Đặng Thị Thuỷ: recognised 16/01/2026, last follow-up 12/03/2026, last award 20/03/2026.
    assert mods["ho-so/dang-thi-thuy/"] == "2026-11-20"  # her two awards decided 20/11/2026
    # The 2025 roll: its newest decision.
    corpus, _ = check(Project(root=ROOT), date.today())
    decisions = [a.ngay_quyet_dinh for p in corpus.published_profiles for a in p.khen_thuong
                 if a.nam == 2025 and a.ngay_quyet_dinh]
    assert mods["vinh-danh/2025/"] == max(decisions).isoformat()
    # Every profile: the newest date of its record, never a later one.
    for p in corpus.published_profiles:
        expected = lastmod.newest(lastmod.profile_dates(p), date.today())
        assert mods[f"ho-so/{p.slug}/"] == (expected.isoformat() if expected else None), p.slug


def test_no_page_claims_the_build_date_and_hand_written_pages_claim_nothing(
        sample_site: Path) -> None:
    mods = _lastmods(sample_site)
    assert date.today().isoformat() not in mods.values()
    assert mods["gioi-thieu/"] is None  # no dated record behind it: no <lastmod> at all


def test_lastmod_ignores_dates_after_today() -> None:
    today = date(2026, 6, 1)
    assert lastmod.newest([date(2026, 1, 5), date(2026, 9, 1), None], today) == date(2026, 1, 5)
    assert lastmod.newest([None], today) is None
    assert lastmod.meta(None) == {}


# -- the sitemap XSD is the official file: tests/test_offline_checks.py (its digest) ---------

# -- skip links, 404 title, logo ---------------------------------------------------------------

@pytest.mark.parametrize("rel", [
    "nguoi-tot-viec-tot/index.html", "guong-dien-hinh/index.html",
    "guong-dien-hinh/loai/ca-nhan/index.html", "guong-dien-hinh/don-vi/phong-xuc-tien-du-lich/index.html",
    "ho-so/dang-thi-thuy/index.html", "phong-trao/thi-dua-chuyen-doi-so-2024/index.html",
    "mo-hinh/so-hoa-ho-so-luu-tru/index.html", "404.html",
])
def test_page_has_a_skip_link_to_its_heading(sample_site: Path, rel: str) -> None:
    page = read(sample_site, rel)
    skip = re.search(r'<a href="#([^"]+)" class="md-skip">\s*Chuyển đến nội dung chính\s*</a>', page)
    assert skip, rel
    # It lands on the page's h1 (before the facts, the filter, the cards).
    assert re.search(rf'<h1 id="{re.escape(skip.group(1))}"', page), rel


def test_404_title_says_the_page_was_not_found(sample_site: Path) -> None:
    page = read(sample_site, "404.html")
    assert re.search(r"<title>Không tìm thấy trang - Gương sáng TTXT</title>", page)
    assert "404 - Not found" not in page


def test_logo_has_a_vietnamese_alt_and_a_size(sample_site: Path) -> None:
    for page in html_pages(sample_site):
        for img in re.findall(r'<img src="[^"]*logo\.svg"[^>]*>', page.read_text("utf-8")):
            assert img.endswith('alt="Biểu trưng Gương sáng TTXT" width="24" height="24">'), page
    assert 'alt="logo"' not in read(sample_site, "index.html")


# -- two search regions, both named ------------------------------------------------------------

def test_search_regions_have_distinct_names(sample_site: Path) -> None:
    page = read(sample_site, "tim-kiem/index.html")
    names = re.findall(r'<form [^>]*role="search"[^>]*aria-label="([^"]+)"', page)
    assert len(re.findall(r'role="search"', page)) == 2
    assert names == ["Tìm kiếm trên trang", "Tìm trong hồ sơ, phong trào, mô hình"]


# -- the photo caption does not repeat "minh hoạ" -----------------------------------------------

def test_photo_captions_say_minh_hoa_once(sample_site: Path) -> None:
    for page in (sample_site / "ho-so").glob("*/index.html"):
        for caption in re.findall(r"<figcaption>(.*?)</figcaption>", page.read_text("utf-8")):
            text = re.sub(r"<[^>]+>", "", caption).lower()
            assert text.count("minh hoạ") <= 1, (page, caption)


@pytest.mark.parametrize(("caption", "credit", "expected"), [
    ("Ảnh minh hoạ", "Minh hoạ: Phòng Xúc tiến Du lịch", ("Ảnh minh hoạ", "Phòng Xúc tiến Du lịch")),
    ("Gia đình anh Sơn (ảnh minh hoạ)", "Minh hoạ: Công đoàn cơ sở",
     ("Gia đình anh Sơn (ảnh minh hoạ)", "Công đoàn cơ sở")),
    ("Chi đoàn (ảnh minh hoạ)", "Minh hoạ: Chi đoàn", ("Chi đoàn (ảnh minh hoạ)", "")),
    ("Ảnh minh hoạ", "Ảnh minh hoạ: Trung tâm Thông tin", ("Ảnh minh hoạ", "Trung tâm Thông tin")),
    ("Minh hoạ", "Minh hoạ của Phòng Xúc tiến", ("", "Minh hoạ của Phòng Xúc tiến")),
    ("Tiếp đoàn doanh nghiệp", "Ảnh: Lê Minh Đức", ("Tiếp đoàn doanh nghiệp", "Ảnh: Lê Minh Đức")),
    ("", "Ảnh: Lê Minh Đức", ("", "Ảnh: Lê Minh Đức")),
])
def test_caption_and_credit_drop_what_the_other_says(caption: str, credit: str,
                                                     expected: tuple[str, str]) -> None:
    assert caption_parts(caption, credit) == expected


# -- the gallery without JavaScript ------------------------------------------------------------

def test_gallery_filter_is_disabled_until_its_script_runs_and_explains_itself(
        sample_site: Path) -> None:
    page = read(sample_site, "nguoi-tot-viec-tot/index.html")
    assert '<fieldset disabled><legend>Lọc việc tốt</legend>' in page
    note = re.search(r"<noscript>(.*?)</noscript>", page, re.DOTALL).group(1)  # type: ignore[union-attr]
    assert "Bộ lọc cần JavaScript" in note
    for facet in ("nam/2026/", "don-vi/phong-xuc-tien-dau-tu/", "linh-vuc/an-sinh-xa-hoi/"):
        href = f"../guong-dien-hinh/{facet}"
        assert f'href="{href}"' in note, facet
        assert (sample_site / "nguoi-tot-viec-tot" / href / "index.html").resolve().is_file()
    assert page.index("<noscript>") < page.index('<form class="gs-filter"')
    script = read(sample_site, "assets/js/gallery-filters.js")
    assert "fieldset.disabled = false" in script


def test_reset_link_leads_to_the_first_page_from_every_page(tmp_path: Path) -> None:
    from guongsang.pages.gallery import PER_PAGE, gallery_pages
    from guongsang.site.output import View

    from .test_campaigns import context, profile

    deeds = "viec_tot:\n" + "".join(
        f"  - ngay: {d:02d}/01/2026\n    dia_diem: Chợ\n    noi_dung: Việc tốt {d}\n"
        for d in range(1, 28))
    files = {f"profiles/nguoi-{i}/index.md": profile(f"Nguyễn Văn An{chr(97 + i)}", extra=deeds)
             for i in range(2)}
    from .conftest import make_repo

    views = [v for v in gallery_pages(context(make_repo(tmp_path / "repo", files)))
             if isinstance(v, View)]
    assert len(views) == -(-54 // PER_PAGE)
    for view in views:
        reset = re.search(r'<a class="md-button gs-filter-reset" href="([^"]+)">Bỏ lọc</a>',
                          view.markdown)
        assert reset and reset.group(1) == ("./" if view.url == "nguoi-tot-viec-tot/" else "../")
