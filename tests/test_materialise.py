"""Materialisation (issue #15): the site as plain files in build/, built by any engine.

Unit tests pin the front matter, the staged files, the mirror writing and the engine
configuration; build tests check that the staged build, the live preview's in-memory build and a
build without any hook produce the same bytes for the shipped sample site.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from guongsang.html import front_matter
from guongsang.project import Project
from guongsang.site import engines, frontmatter
from guongsang.site import materialise as mat
from guongsang.site.materialise import content_page, engine_config, read_config, stage
from guongsang.site.minify import minify_site
from guongsang.site.output import Asset, ProfileView, SiteOutput, View
from guongsang.site.settings import merge, settings, theme_script

from .conftest import ROOT, TODAY, make_repo
from .sitebuild import staged_build

# -- front matter, read as MkDocs reads it -----------------------------------------------------

PAGES = {
    "block": "---\ntitle: A\nn: 1\n---\n\n\nBody\n",
    "dots": "---\ntitle: A\n...\nBody\n",
    "none": "# Heading\n\nBody\n",
    "empty mapping": "---\n{}\n---\nBody\n",
    "comment only": "---\n# nothing\n---\nBody\n",
    "not a mapping": "---\n- a\n- b\n---\nBody\n",
    "broken yaml": "---\ntitle: [unclosed\n---\nBody\n",
    "flow style": "---\n{title: A, n: 1}\n---\nBody\n",
}


@pytest.mark.parametrize("name", PAGES)
def test_front_matter_is_split_exactly_as_mkdocs_splits_it(name: str) -> None:
    body, meta = get_data(PAGES[name])
    parts = frontmatter.split(PAGES[name])
    assert (parts.body, parts.meta) == (body, meta)


@pytest.mark.parametrize("name", PAGES)
def test_added_keys_reach_the_engine_and_the_page_keeps_its_own(name: str) -> None:
    out = frontmatter.with_defaults(PAGES[name], {"title": "Generated", "og": {"width": 1200}})
    body, meta = get_data(out)
    own = frontmatter.split(PAGES[name])
    assert meta == {"title": "Generated", **own.meta, "og": {"width": 1200}}
    assert body == own.body


def test_keys_are_appended_to_the_block_as_written() -> None:
    page = "---\n# chú thích\nten: Mô hình \"một cửa\"\n---\n\nNội dung.\n"
    assert frontmatter.with_defaults(page, {"ten": "khác", "description": "Mô tả: có dấu"}) == (
        "---\n# chú thích\nten: Mô hình \"một cửa\"\ndescription: 'Mô tả: có dấu'\n---\n\n"
        "Nội dung.\n")
    assert frontmatter.with_defaults("Nội dung.\n", {"title": "T"}) == (
        "---\ntitle: T\n---\n\nNội dung.\n")
    # Nothing to add: the page comes back as it was.
    assert frontmatter.with_defaults(page, {"ten": "khác"}) == (
        "---\n# chú thích\nten: Mô hình \"một cửa\"\n---\n\nNội dung.\n")


def test_content_page_gets_its_generated_parts_and_metadata() -> None:
    output = SiteOutput()
    output.prepends["mo-hinh/a.md"] = "<div class=\"head\">Đầu</div>"
    output.augments["mo-hinh/a.md"] = "<p>Cuối</p>"
    output.meta["mo-hinh/a.md"] = {"title": "Tên mô hình", "og": {"type": "article"}}
    text = "---\nten: Tên mô hình\n---\n# Tên mô hình\n\nCâu chuyện.\n"
    assert content_page(output, "mo-hinh/a.md", text) == (
        "---\nten: Tên mô hình\ntitle: Tên mô hình\nog:\n  type: article\n---\n\n"
        "# Tên mô hình\n\n<div class=\"head\">Đầu</div>\n\n\nCâu chuyện.\n\n<p>Cuối</p>")


# -- the staged files ---------------------------------------------------------------------------

def _project(tmp_path: Path, files: dict[str, str | bytes]) -> Project:
    root = make_repo(tmp_path / "repo", files)
    return Project(root=root)


def test_stage_copies_untouched_files_and_writes_the_rest(tmp_path: Path) -> None:
    project = _project(tmp_path, {
        "content/gioi-thieu.md": "# Giới thiệu\n",
        "content/mo-hinh/a.md": "---\nten: A\n---\nThân.\n",
        "content/mo-hinh/anh.png": b"\x89PNG",
        "content/.an.md": "hidden",
        "content/.git/x": "hidden",
        "content/thong-ke/index.md": "# Viết tay, bị trang sinh ra thay thế\n",
    })
    output = SiteOutput()
    output.meta["mo-hinh/a.md"] = {"title": "A"}
    output.add(ProfileView("ho-so/an/", "An", "---\ntitle: An\n---\nAn\n", slug="an"))
    output.add(View("thong-ke/", "Thống kê", "# Thống kê\n"))
    output.meta["ho-so/an/index.md"] = {"og": {"image": "https://x.org/assets/og/1.jpg"}}
    output.add(Asset("assets/anh/1.jpg", path=tmp_path / "cache" / "1.jpg"))
    output.add(Asset("feed.xml", content="<rss/>"))
    files = stage(project, output)
    content = project.path("content")
    # Pages that are not index pages are staged in a folder of their own (same address).
    assert list(files) == ["feed.xml", "assets/anh/1.jpg", "gioi-thieu/index.md",
                           "ho-so/an/index.md", "mo-hinh/anh.png", "mo-hinh/a/index.md",
                           "thong-ke/index.md"]
    assert files["gioi-thieu/index.md"] == Asset("gioi-thieu/index.md", content=(
        "---\nsource_path: gioi-thieu.md\n---\n\n# Giới thiệu\n"))
    assert files["mo-hinh/anh.png"].path == content / "mo-hinh/anh.png"
    assert files["mo-hinh/a/index.md"].content == (
        "---\nten: A\ntitle: A\nsource_path: mo-hinh/a.md\n---\n\nThân.\n")
    assert files["ho-so/an/index.md"].content == (
        "---\ntitle: An\nog:\n  image: https://x.org/assets/og/1.jpg\n---\n\nAn\n")
    assert files["thong-ke/index.md"].content == "# Thống kê\n"
    assert files["feed.xml"].content == "<rss/>"


def test_links_out_of_the_repository_are_never_staged(tmp_path: Path) -> None:
    secret = tmp_path / "ngoai-kho" / "bi-mat.md"
    secret.parent.mkdir()
    secret.write_text("MẬT-KHẨU\n", encoding="utf-8")
    project = _project(tmp_path, {"content/mo-hinh/a.md": "---\nten: A\n---\nA\n",
                                  "content/chung/b.md": "B\n"})
    content = project.path("content")
    os.symlink(secret, content / "bi-mat.md")
    os.symlink(secret.parent, content / "thu-muc-ngoai")
    os.symlink("khong-co.md", content / "hong.md")
    os.symlink("..", content / "chung" / "vong")
    os.symlink(content / "chung", content / "lien-ket-trong-kho")
    assert sorted(stage(project, SiteOutput())) == [
        "chung/b/index.md", "lien-ket-trong-kho/b/index.md", "mo-hinh/a/index.md"]


def test_stage_prefers_the_markdown_the_core_read(tmp_path: Path) -> None:
    project = _project(tmp_path, {"content/mo-hinh/a.md": "---\nten: A\n---\nTrên đĩa.\n"})
    output = SiteOutput()
    output.sources["mo-hinh/a.md"] = "---\nten: A\n---\nĐã kiểm tra.\n"
    output.sources["mo-hinh/b.md"] = "---\nten: B\n---\nKhông có tệp.\n"
    files = stage(project, output)
    assert files["mo-hinh/a/index.md"].content == (
        "---\nten: A\nsource_path: mo-hinh/a.md\n---\n\nĐã kiểm tra.\n")
    assert files["mo-hinh/b/index.md"].content == (
        "---\nten: B\nsource_path: mo-hinh/b.md\n---\n\nKhông có tệp.\n")


def test_pages_move_into_their_own_folder_and_their_links_follow(tmp_path: Path) -> None:
    """ENGINES.md difference 1: the source folder of every page is its address folder, and a
    moved page names its file for the edit link. The live preview (nest=False) keeps
    content/'s paths, in the staged build's order."""
    project = _project(tmp_path, {
        "content/index.md": "[Giới thiệu](gioi-thieu.md)\n",
        "content/gioi-thieu.md": "[An](ho-so/an/index.md) ![Ảnh](anh.png) `[x](anh.png)`\n",
        "content/anh.png": b"\x89PNG",
        "content/mo-hinh/a.md": "[Sổ tay](so-tay.md) [về](../gioi-thieu.md#ai)\n",
        "content/mo-hinh/so-tay.md": "Sổ tay.\n",
        "content/mo-hinh/trung.md": "Trùng địa chỉ với trung/index.md: để nguyên.\n",
        "content/mo-hinh/trung/index.md": "T\n",
        "content/b/README.md": "[a](../mo-hinh/a.md)\n",
    })
    output = SiteOutput()
    output.add(ProfileView("ho-so/an/", "An", "An\n", slug="an"))
    files = stage(project, output)
    assert {uri: a.content for uri, a in files.items() if uri.endswith(".md")} == {
        "index.md": "[Giới thiệu](gioi-thieu/index.md)\n",
        "b/README.md": "[a](../mo-hinh/a/index.md)\n",
        "gioi-thieu/index.md": "---\nsource_path: gioi-thieu.md\n---\n\n"
                               "[An](../ho-so/an/index.md) ![Ảnh](../anh.png) `[x](anh.png)`\n",
        "ho-so/an/index.md": "An\n",
        "mo-hinh/trung.md": None,  # a copy of the file, as before
        "mo-hinh/a/index.md": "---\nsource_path: mo-hinh/a.md\n---\n\n"
                              "[Sổ tay](../so-tay/index.md) [về](../../gioi-thieu/index.md#ai)\n",
        "mo-hinh/so-tay/index.md": "---\nsource_path: mo-hinh/so-tay.md\n---\n\nSổ tay.\n",
        "mo-hinh/trung/index.md": None,
    }
    content = project.path("content")
    assert files["mo-hinh/trung.md"].path == content / "mo-hinh/trung.md"
    assert list(files)[:3] == ["index.md", "anh.png", "b/README.md"]
    flat = stage(project, output, nest=False)
    assert list(flat) == ["index.md", "anh.png", "b/README.md", "gioi-thieu.md", "ho-so/an/index.md",
                          "mo-hinh/trung.md", "mo-hinh/a.md", "mo-hinh/so-tay.md",
                          "mo-hinh/trung/index.md"]
    assert flat["gioi-thieu.md"] == Asset("gioi-thieu.md", path=content / "gioi-thieu.md")


def test_navigation_and_path_patterns_follow_the_moved_pages() -> None:
    moves = {"gioi-thieu.md": "gioi-thieu/index.md", "mo-hinh/a.md": "mo-hinh/a/index.md",
             "g/x.md": "g/x/index.md", "nhap [1].md": "nhap [1]/index.md"}
    config = {"nav": [{"Trang chủ": "index.md"}, {"Giới thiệu": "gioi-thieu.md"},
                      {"Mô hình": ["mo-hinh/index.md", {"A": "./mo-hinh/a.md"}]},
                      {"Ngoài": "https://x.org/gioi-thieu.md"}],
              "not_in_nav": "/mo-hinh/*.md\n/g/*/**\n",
              "draft_docs": "nhap*.md",
              "exclude_docs": "/khac/\n"}
    mat.follow_moves(config, moves)
    assert config == {
        "nav": [{"Trang chủ": "index.md"}, {"Giới thiệu": "gioi-thieu/index.md"},
                {"Mô hình": ["mo-hinh/index.md", {"A": "mo-hinh/a/index.md"}]},
                {"Ngoài": "https://x.org/gioi-thieu.md"}],
        # Matched before, matched now; not matched before (g/x.md), not now either.
        "not_in_nav": "/mo-hinh/*.md\n/g/*/**\n!/g/x/index.md\n/mo-hinh/a/index.md\n",
        "draft_docs": "nhap*.md\n/nhap\\ \\[1\\]/index.md\n",
        "exclude_docs": "/khac/\n"}


def test_walk_order_is_the_order_mkdocs_walks_a_folder() -> None:
    uris = ["b/x.md", "a.md", "b/index.md", "index.md", "b/c/index.md", "README.md", "c.css"]
    assert sorted(uris, key=mat.walk_order) == ["README.md", "index.md", "a.md", "c.css",
                                            "b/index.md", "b/x.md", "b/c/index.md"]


def test_write_mirrors_the_files_and_leaves_unchanged_ones_alone(tmp_path: Path) -> None:
    src = tmp_path / "photo.jpg"
    src.write_bytes(b"jpeg")
    docs = tmp_path / "docs"
    files = {"a.md": Asset("a.md", content="A"), "x/photo.jpg": Asset("x/photo.jpg", path=src),
             "feed.xml": Asset("feed.xml", content=b"<rss/>")}
    first = mat.write(files, docs)
    assert sorted(first.written) == ["a.md", "feed.xml", "x/photo.jpg"]
    assert (docs / "x/photo.jpg").stat().st_mtime_ns == src.stat().st_mtime_ns
    stamp = (docs / "a.md").stat().st_mtime_ns
    (docs / "old/page.md").parent.mkdir()
    (docs / "old/page.md").write_text("stale", encoding="utf-8")
    second = mat.write({**files, "a.md": Asset("a.md", content="A")}, docs)
    assert (second.written, second.unchanged, second.removed) == ([], 3, ["old/page.md"])
    assert (docs / "a.md").stat().st_mtime_ns == stamp
    assert not (docs / "old").exists()
    third = mat.write({"a.md": Asset("a.md", content="Á")}, docs)
    assert (third.written, sorted(third.removed)) == (["a.md"], ["feed.xml", "x/photo.jpg"])
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["a.md"]
    assert (docs / "a.md").read_text(encoding="utf-8") == "Á"


def test_write_links_files_of_the_image_cache_and_copies_the_rest(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "og.png").write_bytes(b"png")
    own = tmp_path / "content-photo.jpg"
    own.write_bytes(b"jpeg")
    docs = tmp_path / "docs"
    files = {"assets/og.png": Asset("assets/og.png", path=cache / "og.png"),
             "anh.jpg": Asset("anh.jpg", path=own)}
    mat.write(files, docs, link_from=cache)
    assert os.path.samefile(docs / "assets/og.png", cache / "og.png")
    assert not os.path.samefile(docs / "anh.jpg", own)  # an editor's file is never linked
    assert (docs / "anh.jpg").read_bytes() == b"jpeg"
    again = mat.write(files, docs, link_from=cache)
    assert (again.written, again.unchanged) == ([], 2)


def test_the_site_links_the_cached_images_and_mkdocs_never_writes_into_them(
        tmp_path: Path) -> None:
    site = staged_build(ROOT, tmp_path / "site", tmp_path / "build")
    cache = ROOT / ".cache" / "guongsang"
    shared = [p for p in (site / "assets").rglob("*")
              if p.suffix in (".png", ".jpg", ".webp") and p.stat().st_nlink > 1]
    assert len(shared) > 20
    assert all(os.path.samefile(p, tmp_path / "build" / "docs" / p.relative_to(site))
               for p in shared)
    assert any(os.path.samefile(p, q) for p in shared[:1] for q in cache.rglob(p.name))
    # A stale file where an image goes (a dirty rebuild's leftover) is replaced, not written
    # through: a link to another cached image must keep that image's bytes.
    from mkdocs.structure.files import File, Files

    spec = importlib.util.spec_from_file_location("speedups", ROOT / "hooks/speedups_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    docs, out = tmp_path / "d", tmp_path / "o"
    (docs / "a").mkdir(parents=True)
    (out / "a").mkdir(parents=True)
    (docs / "a" / "new.png").write_bytes(b"new")
    other = tmp_path / "other.png"
    other.write_bytes(b"other")
    os.link(other, out / "a" / "new.png")
    config = type("C", (), {"docs_dir": str(docs)})()
    f = File("a/new.png", str(docs), str(out), use_directory_urls=True)
    hook.on_files(Files([f]), config)
    assert os.path.samefile(out / "a" / "new.png", docs / "a" / "new.png")
    assert other.read_bytes() == b"other"
    f.copy_file(dirty=True)  # MkDocs' own copy finds the same file and leaves it
    assert (out / "a" / "new.png").read_bytes() == b"new" and other.read_bytes() == b"other"


@pytest.mark.parametrize("where", ["", "content", "content/mo-hinh", "data", "profiles",
                                   "overrides", "hooks", ".."])
def test_output_folders_never_overlap_the_projects_own_files(tmp_path: Path, where: str) -> None:
    project = _project(tmp_path, {})
    with pytest.raises(mat.StagingError) as err:
        mat.check_output_dir(project, project.root / where)
    assert str(err.value).startswith(f"Không ghi bản dựng vào \"{(project.root / where).resolve()}\"")
    mat.check_output_dir(project, project.root / "build")
    mat.check_output_dir(project, tmp_path / "elsewhere")


def test_manifest_keeps_what_the_post_build_steps_need(tmp_path: Path) -> None:
    output = SiteOutput()
    output.add(ProfileView("ho-so/an/", "An", "# An\n", slug="an"))
    output.add(View("tim-kiem/", "Tìm kiếm", "x", in_sitemap=False))
    output.add(Asset("feed.xml", content="<rss/>"))
    mat.write_manifest(output, tmp_path / mat.MANIFEST)
    back = mat.read_manifest(tmp_path / mat.MANIFEST)
    assert [(v.url, v.title, v.in_sitemap) for v in back.views] == [
        ("ho-so/an/", "An", True), ("tim-kiem/", "Tìm kiếm", False)]
    assert [a.uri for a in back.assets] == ["feed.xml"]


# -- the engine configuration -------------------------------------------------------------------

def _repo_with_config(tmp_path: Path) -> Project:
    project = _project(tmp_path, {})
    for name in ("mkdocs.yml", "hooks", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project.root / name)
    return project


def test_engine_config_points_the_projects_config_at_the_staged_pages(tmp_path: Path) -> None:
    project = _repo_with_config(tmp_path)
    stage_dir = project.root / "build"
    values = settings(project, [])
    config = engine_config(project, stage_dir, project.root / "site", values, hooks=True)
    own = read_config(project.path("mkdocs.yml"))
    assert mat.ADAPTER_HOOK in own["hooks"]
    assert config["docs_dir"] == "docs" and config["site_dir"] == "../site"
    assert config["theme"]["custom_dir"] == "../overrides"
    assert config["theme"]["logo"] == "assets/logo.svg"
    assert config["hooks"] == ["../hooks/speedups_hook.py"]
    assert "watch" not in config
    assert config["site_name"] == "Gương sáng TTXT"
    assert config["site_url"] == "https://guongsang.ttxt-lamdong.example/"
    assert config["extra"]["guongsang_site"]["ten_ngan"] == "Gương sáng TTXT"
    assert "assets/css/gallery.css" in config["extra_css"]
    assert config["extra_css"] == sorted(config["extra_css"])  # every stylesheet, in name order
    assert config["extra_javascript"] == ["assets/js/gallery-filters.js", "assets/js/honours.js",
                                          "assets/js/reader.js", "assets/js/search.js"]
    for key in ("nav", "not_in_nav", "validation", "markdown_extensions", "plugins", "strict"):
        assert config[key] == own[key], key
    # Written with its Python tag, which every engine resolves itself.
    mat.write_config(config, stage_dir / "mkdocs.yml")
    text = (stage_dir / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.startswith(mat.GENERATED_NOTE)
    assert "slugify: !!python/name:guongsang.text.toc_slugify" in text
    assert read_config(stage_dir / "mkdocs.yml") == config
    # Outside the project, paths are absolute; an engine without hooks gets none.
    other = engine_config(project, tmp_path / "else", tmp_path / "out", values, hooks=False)
    assert other["site_dir"] == (tmp_path / "out").resolve().as_posix()
    assert other["theme"]["custom_dir"] == project.path("overrides").resolve().as_posix()
    assert "hooks" not in other


def test_settings_merge_the_same_way_into_a_plain_config() -> None:
    config = {"theme": "material", "extra_css": ["a.css"]}
    merge(config, {"theme.logo": "l.svg", "extra_css": ["a.css", "b.css"], "extra": {"k": 1},
                   "site_name": "S"})
    assert config == {"theme": {"name": "material", "logo": "l.svg"}, "extra_css": ["a.css", "b.css"],
                      "extra": {"k": 1}, "site_name": "S"}


def test_theme_script_is_found_in_the_engines_theme(tmp_path: Path) -> None:
    (tmp_path / "t/assets/javascripts").mkdir(parents=True)
    (tmp_path / "t/assets/javascripts/bundle.abc123.min.js").write_text("", encoding="utf-8")
    assert theme_script([tmp_path / "none", tmp_path / "t"]) == (
        "assets/javascripts/bundle.abc123.min.js")
    assert theme_script([tmp_path]) is None
    found = engines.theme_dirs(engines.ENGINES["mkdocs"], Project(root=ROOT))
    assert found[0] == ROOT / "overrides" and found[1].as_posix().endswith("material/templates")


# -- whole builds of the sample site ------------------------------------------------------------

def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


LINKS = ("\n[Trang chủ](index.md), [hồ sơ](ho-so/au-thanh-tung/index.md), [sổ tay][s], "
         "`[mã](index.md)`, [ngoài](https://example.org/a.md).\n\n![Ảnh](assets/logo.svg \"Ảnh\")\n\n"
         "[s]: mo-hinh/so-tay-nha-dau-tu-dien-tu.md\n")
"""Links an editor may write in a page that is not an index page (ENGINES.md difference 1)."""
EDIT = re.compile(rb'<a href="https://github.com/ttxt/guongsang/edit/main/content/[^"]*" '
                  rb'title="[^"]*" class="md-content__button md-icon" rel="edit">.*?</a>\n?',
                  re.DOTALL)


def test_live_preview_and_staged_build_publish_the_same_bytes(
        sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-memory files of the hook (make serve, plain `mkdocs build`) and the staged folder
    of `make build` are the same site, byte for byte (sitemap order included): also with
    Markdown links in pages the build stages one folder deeper, and with edit links on."""
    from .sitebuild import mkdocs_build

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "content", "profiles", "stories",
                 "quan-tri"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, repo / name)
    if (ROOT / "node_modules").is_dir():  # the editors' form copies Decap's bundle from there
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
    assert _tree(sample_site) == _tree(mkdocs_build(repo))
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "  features:\n", "  features:\n    - content.action.edit\n")
    (repo / "mkdocs.yml").write_text(config + "repo_url: https://github.com/ttxt/guongsang\n"
                                     "edit_uri: edit/main/content/\n", encoding="utf-8")
    with (repo / "content/gioi-thieu.md").open("a", encoding="utf-8") as page:
        page.write(LINKS)
    with (repo / "content/mo-hinh/so-tay-nha-dau-tu-dien-tu.md").open("a", encoding="utf-8") as page:
        page.write(LINKS.replace("](", "](../").replace("]: ", "]: ../")
                   .replace("../https:", "https:").replace("(../index.md)`", "(index.md)`"))
    staged = _tree(staged_build(repo, tmp_path / "site", tmp_path / "build"))
    in_memory = _tree(mkdocs_build(repo))
    assert in_memory.keys() == staged.keys()
    # Generated pages have no file to edit: MkDocs gives the preview's none, the staged build
    # names a path under content/ that does not exist (as before pages moved; left alone).
    differ = [k for k in staged if staged[k] != in_memory[k]]
    from_content = {k for k in staged if k.endswith("index.html") and (
        repo / "content" / (k[:-len("/index.html")] + ".md")).is_file() or (
        repo / "content" / k.replace(".html", ".md")).is_file()}
    assert differ and not set(differ) & from_content
    for k in differ:
        assert EDIT.sub(b"", staged[k]) == in_memory[k], k
    docs = tmp_path / "build/docs"
    assert not (docs / "gioi-thieu.md").exists()
    about_md = (docs / "gioi-thieu/index.md").read_text("utf-8")
    assert about_md.startswith("---\ntitle: Giới thiệu\nsource_path: gioi-thieu.md\n---\n")
    assert ("[Trang chủ](../index.md), [hồ sơ](../ho-so/au-thanh-tung/index.md), [sổ tay][s], "
            "`[mã](index.md)`, [ngoài](https://example.org/a.md).\n\n"
            "![Ảnh](../assets/logo.svg \"Ảnh\")\n\n"
            "[s]: ../mo-hinh/so-tay-nha-dau-tu-dien-tu/index.md\n") in about_md
    # On the model page itself, the definition leads to the page: its own index.md.
    assert "\n[s]: index.md\n" in (docs / "mo-hinh/so-tay-nha-dau-tu-dien-tu/index.md").read_text(
        "utf-8")
    about = staged["gioi-thieu/index.html"].decode("utf-8")
    for html in ('<a href="../ho-so/au-thanh-tung/">hồ sơ</a>',
                 '<a href="../mo-hinh/so-tay-nha-dau-tu-dien-tu/">sổ tay</a>',
                 '<img alt="Ảnh" src="../assets/logo.svg" title="Ảnh"',
                 'href="https://github.com/ttxt/guongsang/edit/main/content/gioi-thieu.md"'):
        assert html in about, html
    model = staged["mo-hinh/so-tay-nha-dau-tu-dien-tu/index.html"].decode("utf-8")
    assert ('href="https://github.com/ttxt/guongsang/edit/main/content/mo-hinh/'
            'so-tay-nha-dau-tu-dien-tu.md"') in model
    assert '<a href="../../ho-so/au-thanh-tung/">hồ sơ</a>' in model


def test_the_staged_folder_needs_no_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain MkDocs without any hook (as Zensical runs) renders the staged folder to the same
    bytes as with the speed-up hook: the raw HTML needs no protect/restore step."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))
    with_hook = staged_build(ROOT, tmp_path / "site", tmp_path / "build")
    plain = read_config(tmp_path / "build" / "mkdocs.yml")
    assert plain.pop("hooks") == [(ROOT / "hooks/speedups_hook.py").as_posix()]
    bare = tmp_path / "build" / "bare.yml"
    mat.write_config(plain, bare)
    cfg = load_config(str(bare), site_dir=str(tmp_path / "bare-site"), strict=True)
    build(cfg)
    minify_site(tmp_path / "bare-site")  # the post-build step every engine's pages go through
    ours, theirs = _tree(with_hook), _tree(tmp_path / "bare-site")
    assert set(ours) - set(theirs) >= {"pagefind/pagefind.js"}  # indexed after the engine only
    assert [k for k in theirs if theirs[k] != ours[k]] == []


def test_a_second_build_rewrites_no_staged_file(tmp_path: Path) -> None:
    staged_build(ROOT, tmp_path / "site", tmp_path / "build")
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "build" / "docs").rglob("*")}
    staged_build(ROOT, tmp_path / "site", tmp_path / "build")
    after = {p: p.stat().st_mtime_ns for p in (tmp_path / "build" / "docs").rglob("*")}
    assert after == before
    assert os.path.isfile(tmp_path / "site" / "index.html")


@pytest.mark.parametrize("meta", [
    {"title": "Hồ sơ"},
    {"title": "Dài " + "chữ " * 60, "hide": ["toc"], "guongsang": {"kind": "profile", "page": 1}},
    {"description": "a: b # c", "lastmod": "2026-01-01", "empty": "", "none": None},
    {"multi": "dòng một\ndòng hai\n", "list": [{"a": 1}, {"b": [1, 2]}]},
])
def test_a_generated_block_takes_appended_keys_without_being_reread(meta: dict) -> None:
    """``ours=True`` skips the proof by parsing; for every block html.front_matter writes the
    result is the same page the checked path gives, and the engine reads every key."""
    page = front_matter(meta) + "# Tiêu đề\n\nNội dung.\n"
    defaults = {"og": {"image": "https://x.example/a.png", "width": 800}, "title": "khác"}
    ours = frontmatter.with_defaults(page, defaults, ours=True)
    assert ours == frontmatter.with_defaults(page, defaults)
    body, read = get_data(ours)
    assert read == {"title": "khác", **meta, "og": defaults["og"]}
    assert body.startswith("# Tiêu đề")


def test_flat_paths_are_the_paths_the_staging_writes_before_nesting() -> None:
    """The link check reads the staged paths from :func:`flat_paths`, not from a staging that
    renders every page a second time; both must name the same files."""
    from guongsang.site.build import generate

    project = Project(root=ROOT)
    output, _ = generate(project, TODAY)
    assert mat.flat_paths(project, output) == set(mat.stage(project, output, nest=False))
