"""Every generated page is in MkDocs' sitemap.xml; the post-build step says so when one is not."""
from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.pages.sitemap import every_page_in_sitemap, missing_pages, sitemap_paths
from guongsang.project import Project
from guongsang.site.build import build_site
from guongsang.site.output import SiteOutput, View
from guongsang.site.postbuild import STEPS

from .conftest import TODAY, make_repo
from .sitebuild import mkdocs_build, site_repo
from .test_stats import FIXTURE

SITE = "https://guongsang.ttxt-lamdong.example/"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_every_generated_page_is_in_the_built_sitemap(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    root = site_repo(tmp_path / "repo", FIXTURE)
    # Not strict: this test is about the sitemap, and must not depend on optional tools that
    # other post-build steps report on (e.g. the search indexer being installed).
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = mkdocs_build(root, strict=False)
    assert not [r.getMessage() for r in caplog.records if "sitemap" in r.getMessage()]

    corpus, _ = check(Project(root=root), TODAY)
    views = [v for v in build_site(corpus).views if v.in_sitemap]
    urls = {v.url for v in views}
    # The pages of this part of the site, and one per published profile, are among them.
    assert {"thong-ke/", "tieu-chi/", "ho-so/nguyen-thi-an/", "ho-so/tran-van-binh/",
            "ho-so/phong-xuc-tien-du-lich/", "ho-so/gia-dinh-le-van-cuong/"} <= urls
    assert "ho-so/pham-thi-dao/" not in urls

    locs = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{NS}loc")}
    assert sorted(SITE + url for url in urls if SITE + url not in locs) == []
    # Assets are files, not pages: the feed and images are not in the sitemap.
    assert SITE + "feed.xml" not in locs
    assert (site / "feed.xml").is_file() and (site / "thong-ke" / "index.html").is_file()
    html = (site / "thong-ke" / "index.html").read_text(encoding="utf-8")
    assert html.count('<svg class="gs-chart-svg" role="img"') == 7
    assert "stats.css" in html


def _output(*urls: str, hidden: str = "") -> SiteOutput:
    out = SiteOutput()
    for url in urls:
        out.add(View(url, url, "# x\n"))
    if hidden:
        out.add(View(hidden, hidden, "# x\n", in_sitemap=False))
    return out


def _sitemap(*locs: str) -> bytes:
    body = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9">{body}</urlset>').encode()


def test_missing_page_is_reported(tmp_path: Path) -> None:
    assert every_page_in_sitemap in STEPS
    root = make_repo(tmp_path / "repo", {})
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_bytes(_sitemap(SITE, SITE + "thong-ke/"))
    out = _output("thong-ke/", "tieu-chi/", hidden="ho-so/cu/")
    problems = list(every_page_in_sitemap(site, out, Project(root=root)))
    assert [p.format_text() for p in problems] == [
        ('sitemap.xml: lỗi [sitemap] Trang được tạo "tieu-chi/" không có trong sitemap.xml.\n'
         "    Gợi ý: Kiểm tra `exclude_docs` và `draft_docs` trong mkdocs.yml: trang bị loại khỏi "
         "bản dựng sẽ không có trong sitemap.")]

    (site / "sitemap.xml").unlink()
    problems = list(every_page_in_sitemap(site, out, Project(root=root)))
    assert [p.message for p in problems] == [
        "Bản dựng không có tệp sitemap.xml: công cụ tìm kiếm sẽ không thấy các trang được tạo."]


def test_site_under_a_sub_path() -> None:
    paths = sitemap_paths(_sitemap("https://x.github.io/repo/", "https://x.github.io/repo/thong-ke/",
                                   "https://x.github.io/thong-ke/a/"))
    assert paths == {"/repo/", "/repo/thong-ke/", "/thong-ke/a/"}
    out = _output("thong-ke/", "a/")
    assert missing_pages(paths, out, "https://x.github.io/repo") == ["a/"]
    assert missing_pages(paths, out, "https://x.github.io/") == ["thong-ke/", "a/"]


def test_the_build_reports_a_page_left_out_of_the_sitemap(tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    """End to end: a generated page excluded from the build is reported after the build."""
    root = site_repo(tmp_path / "repo", FIXTURE)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nexclude_docs: |\n  /tieu-chi/\n",
                      encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = mkdocs_build(root, strict=False)
    assert not (site / "tieu-chi").exists()
    errors = [r.getMessage() for r in caplog.records
              if r.levelno == logging.ERROR and "[sitemap]" in r.getMessage()]
    assert [e.split("\n")[0] for e in errors] == [
        'sitemap.xml: lỗi [sitemap] Trang được tạo "tieu-chi/" không có trong sitemap.xml.']
