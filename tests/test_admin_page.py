"""The web form's page at /quan-tri/: served from the site itself, kept out of search and feeds."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from guongsang.editor import decap
from guongsang.media.budget import PhotoBudget
from guongsang.site.checks import Site, broken_links, unsafe_markup
from guongsang.site.search import page_kind

from .conftest import ROOT
from .sitebuild import mkdocs_build, site_repo


def test_the_form_and_everything_it_loads_are_in_the_site(sample_site: Path) -> None:
    page = (sample_site / "quan-tri" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == ["js-yaml.min.js", "tieng-viet.js", "guongsang-cms.js", "decap-cms.js"]
    for name in scripts:
        assert (sample_site / "quan-tri" / name).stat().st_size > 0, name
    assert (sample_site / "quan-tri" / "config.yml").read_text(encoding="utf-8") == \
        (ROOT / decap.CONFIG).read_text(encoding="utf-8")
    # The chunks Decap loads on demand sit beside it, without their source maps.
    chunks = sorted(p.name for p in (sample_site / "quan-tri").glob("*.decap-cms.js"))
    assert chunks == sorted(p.name for p in
                            (ROOT / "node_modules/decap-cms/dist").glob("*.decap-cms.js"))
    assert not list((sample_site / "quan-tri").glob("*.map"))
    assert "<title>Biên tập – Gương sáng TTXT</title>" in page


def test_the_form_is_kept_out_of_search_engines_the_search_index_and_the_feed(
        sample_site: Path) -> None:
    page = (sample_site / "quan-tri" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "quan-tri" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "quan-tri" not in (sample_site / "feed.xml").read_text(encoding="utf-8")
    assert page_kind("quan-tri/index.html") is None


def test_the_form_page_passes_the_sites_own_checks(sample_site: Path) -> None:
    site = Site(sample_site)
    assert unsafe_markup(site, ["quan-tri/index.html"]) == []
    assert broken_links(site, ["quan-tri/index.html"]) == []


def test_the_forms_own_scripts_name_no_other_host() -> None:
    for name in ("guongsang-cms.js", "tieng-viet.js", "index.html"):
        text = (ROOT / "quan-tri" / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z]", text), name


def test_without_npm_ci_the_page_says_what_to_run(tmp_path: Path) -> None:
    root = site_repo(tmp_path, {})
    shutil.copytree(ROOT / "quan-tri", root / "quan-tri")
    site = mkdocs_build(root)
    page = (site / "quan-tri" / "index.html").read_text(encoding="utf-8")
    assert "chạy <code>npm ci</code> rồi dựng lại" in page
    assert sorted(p.name for p in (site / "quan-tri").iterdir()) == ["index.html"]


def test_the_page_carries_the_source_photo_budget_of_the_site() -> None:
    """The form shrinks uploads to the budget ``guongsang check`` applies (`anh_goc` of
    data/site.yml, or its default when the file does not set it)."""
    from guongsang.load.refdata import load_reference
    from guongsang.pages.admin import render_page

    template = (ROOT / "quan-tri" / "index.html").read_text(encoding="utf-8")
    ref, _ = load_reference(ROOT / "data", ROOT)
    ref.site.ten_ngan = "A & B"
    ref.site.anh_goc = PhotoBudget(max_kb=1000, max_long_edge=2000)
    page = render_page(template, ref)
    assert '<html lang="vi" data-anh-canh-dai="2000" data-anh-byte="1024000">' in page
    assert "<title>Biên tập – A &amp; B</title>" in page
