"""Live preview rebuilds (`make serve` = `mkdocs serve --dirty`): only what changed is rebuilt,
nothing stale stays, and a site-wide change rebuilds everything.

The unit tests cover the engine-free plan (guongsang.site.incremental); the build tests run MkDocs
in-process the way `mkdocs serve --dirty` does (serve URL as site_url, one site_dir for the
whole session, ``dirty=True``).
"""
from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

import pytest

from guongsang.project import Project
from guongsang.site import postbuild
from guongsang.site.incremental import PageTracker, fingerprints, site_key
from guongsang.site.output import Asset, SiteOutput, View

from .sitebuild import site_repo
from .test_serve_reload import NEW, OLD, OTHER, PROFILE, SLUG

SERVE_URL = "http://127.0.0.1:8000/"


# --- the plan ------------------------------------------------------------------------------

def _output(name: str = "An", photo: str = "/c/aa.jpg", augment: str = "x") -> SiteOutput:
    out = SiteOutput()
    out.add(View("ho-so/an/", name, f"# {name}\n"))
    out.add(View("nguoi-tot-viec-tot/", "Người tốt", f"- {name}\n"))
    out.add(Asset("assets/anh/a.jpg", path=Path(photo)))
    out.augments["mo-hinh/so-tay.md"] = augment
    return out


def test_first_build_of_a_session_rebuilds_everything() -> None:
    plan = PageTracker().plan(fingerprints(_output()), "site")
    assert plan.full and plan.removed == frozenset()


def test_an_unchanged_build_rebuilds_nothing() -> None:
    tracker = PageTracker()
    tracker.plan(fingerprints(_output()), "site")
    plan = tracker.plan(fingerprints(_output()), "site")
    assert not plan.full and plan.stale == frozenset() and plan.removed == frozenset()


def test_only_outputs_whose_input_changed_are_stale() -> None:
    tracker = PageTracker()
    tracker.plan(fingerprints(_output()), "site")
    plan = tracker.plan(fingerprints(_output(name="Bình")), "site")
    assert plan.stale == {"ho-so/an/index.md", "nguoi-tot-viec-tot/index.md"}
    # A photo is compared by its content-addressed source path, a content page by what the
    # generator adds to it.
    plan = tracker.plan(fingerprints(_output(name="Bình", photo="/c/bb.jpg", augment="y")), "site")
    assert plan.stale == {"assets/anh/a.jpg", "mo-hinh/so-tay.md"}


def test_outputs_no_longer_produced_are_removed() -> None:
    tracker = PageTracker()
    tracker.plan(fingerprints(_output()), "site")
    smaller = _output()
    smaller.views.pop(0)
    plan = tracker.plan(fingerprints(smaller), "site")
    assert plan.removed == {"ho-so/an/index.md"} and plan.stale == frozenset()


def test_a_site_wide_change_rebuilds_everything() -> None:
    tracker = PageTracker()
    tracker.plan(fingerprints(_output()), "site")
    assert tracker.plan(fingerprints(_output()), "other").full
    tracker.forget()  # after a failed build
    assert tracker.plan(fingerprints(_output()), "other").full


def test_site_key_follows_configuration_data_theme_and_hooks(tmp_path: Path) -> None:
    for rel in ("mkdocs.yml", "data/site.yml", "overrides/main.html", "hooks/h.py",
                "profiles/an/index.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("a", encoding="utf-8")
    project = Project(root=tmp_path)
    key = site_key(project)
    assert site_key(project) == key
    (tmp_path / "profiles/an/index.md").write_text("changed", encoding="utf-8")
    assert site_key(project) == key  # records are compared page by page, not site-wide
    for rel in ("mkdocs.yml", "data/site.yml", "overrides/main.html", "hooks/h.py"):
        (tmp_path / rel).write_text("changed " + rel, encoding="utf-8")
        assert site_key(project) != key, rel
        key = site_key(project)
    assert site_key(project, ["theme dirs"]) != key


# --- background steps ----------------------------------------------------------------------

def test_background_step_runs_once_more_for_requests_made_while_it_runs(tmp_path: Path) -> None:
    started, release, seen = threading.Event(), threading.Event(), []

    def step(site_dir: Path, output: SiteOutput, project: Project) -> list:
        seen.append(site_dir.name)
        started.set()
        release.wait(10)
        return []

    worker = postbuild.Background(step)
    project = Project(root=tmp_path)
    worker.request(tmp_path / "one", SiteOutput(), project, lambda p: None)
    assert started.wait(10)
    # Two saves while the first run is busy: only the newest site is worth indexing.
    worker.request(tmp_path / "two", SiteOutput(), project, lambda p: None)
    worker.request(tmp_path / "three", SiteOutput(), project, lambda p: None)
    release.set()
    assert worker.wait(10)
    assert seen == ["one", "three"] and worker.runs == 2


def test_a_failing_background_step_is_reported_not_raised(tmp_path: Path) -> None:
    def step(site_dir: Path, output: SiteOutput, project: Project) -> list:
        raise OSError("đĩa đầy")

    reported = []
    worker = postbuild.Background(step)
    worker.request(tmp_path, SiteOutput(), Project(root=tmp_path), reported.append)
    assert worker.wait(10)
    assert [(p.file, p.rule, p.message) for p in reported] == [
        ("mkdocs.yml", "xem-truoc", "Bản xem trước: bước chạy nền `step` bị lỗi: đĩa đầy")]


# --- MkDocs in-process, as `mkdocs serve --dirty` runs it ------------------------------------

class _Session:
    """One preview session: a fixed site_dir, a fresh config per rebuild (as serve does)."""

    def __init__(self, root: Path, site_dir: Path):
        self.root, self.site = root, site_dir

    def build(self) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=True)
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=True)
        postbuild.wait_for_background(120)

    def stamps(self) -> dict[str, int]:
        return {p.relative_to(self.site).as_posix(): p.stat().st_mtime_ns
                for p in self.site.rglob("*") if p.is_file()}

    def text(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")

    def search_pages(self) -> int:
        entry = json.loads(self.text("pagefind/pagefind-entry.json"))
        return entry["languages"]["vi"]["page_count"]


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> _Session:
    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = site_repo(tmp_path / "repo", {f"profiles/{SLUG}/index.md": PROFILE.format(**OLD),
                                         "profiles/vo-minh-tri/index.md": OTHER})
    return _Session(root, tmp_path / "served")


def _changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {rel for rel, stamp in after.items() if before.get(rel) != stamp}


def test_an_edit_rebuilds_the_profile_and_its_listings_only(
        session: _Session, caplog: pytest.LogCaptureFixture) -> None:
    session.build()
    before = session.stamps()
    other = session.text("ho-so/vo-minh-tri/index.html")
    time.sleep(0.01)
    (session.root / f"profiles/{SLUG}/index.md").write_text(PROFILE.format(**NEW),
                                                             encoding="utf-8")
    with caplog.at_level(logging.INFO):
        session.build()
    after = session.stamps()
    rewritten = _changed(before, after)
    assert NEW["name"] in session.text(f"ho-so/{SLUG}/index.html")
    assert NEW["name"] in session.text("nguoi-tot-viec-tot/index.html")
    assert OLD["name"] not in session.text("nguoi-tot-viec-tot/index.html")
    assert f"ho-so/{SLUG}/index.html" in rewritten
    # The other profile, the about page and the criteria page did not change: not rewritten.
    for rel in ("ho-so/vo-minh-tri/index.html", "gioi-thieu/index.html", "tieu-chi/index.html"):
        assert rel not in rewritten, rel
    assert session.text("ho-so/vo-minh-tri/index.html") == other
    assert len(rewritten) < len(after) / 2, sorted(rewritten)
    # MkDocs' warning about --dirty (stale navigation) is handled, so it is not printed.
    assert not [r for r in caplog.records if "dirty" in r.getMessage()]
    assert any("xem trước nhanh" in r.getMessage() for r in caplog.records)
    # The search index follows in the background.
    assert session.search_pages() > 0


def test_an_unpublished_profile_disappears_from_the_preview(session: _Session) -> None:
    session.build()
    pages = session.search_pages()
    assert (session.site / "ho-so/vo-minh-tri/index.html").is_file()
    (session.root / "profiles/vo-minh-tri/index.md").write_text(
        OTHER.replace("dong_y_cong_bo: true", "dong_y_cong_bo: false"), encoding="utf-8")
    session.build()
    assert not (session.site / "ho-so/vo-minh-tri/index.html").exists()
    leftovers = [rel for rel in session.stamps()
                 if "Võ Minh Trí" in (session.site / rel).read_text(encoding="utf-8",
                                                                      errors="replace")]
    assert leftovers == []
    assert session.search_pages() == pages - 1


def test_a_site_wide_change_rewrites_every_page(session: _Session) -> None:
    session.build()
    before = session.stamps()
    time.sleep(0.01)
    site_yml = session.root / "data/site.yml"
    site_yml.write_bytes(site_yml.read_bytes() + "\n# sửa\n".encode())
    session.build()
    after = session.stamps()
    pages = {rel for rel in after if rel.endswith(".html")}
    assert pages <= _changed(before, after)


def test_a_rebuild_with_no_change_rewrites_no_page(session: _Session) -> None:
    session.build()
    before = session.stamps()
    session.build()
    after = session.stamps()
    assert {rel for rel in _changed(before, after) if rel.endswith(".html")
            and rel not in ("404.html",)} == set()


# --- reuse between builds (live preview only) ------------------------------------------------

def _sample_copy(base: Path) -> Path:
    import shutil

    from .conftest import ROOT

    for name in ("data", "content", "profiles", "stories"):
        shutil.copytree(ROOT / name, base / name)
    return base


def _build(project: Project) -> tuple[object, list[str], list[tuple[str, str]]]:
    from guongsang.check import check
    from guongsang.site.build import build_site

    from .conftest import TODAY

    corpus, problems = check(project, TODAY)
    output = build_site(corpus)
    return (corpus, [p.format_text() for p in problems],
            sorted((v.src_uri, v.markdown) for v in output.views))


@pytest.fixture
def reuse() -> object:
    from guongsang.site.incremental import reuse_between_builds

    reuse_between_builds(True)
    yield
    reuse_between_builds(False)


def test_reusing_work_changes_no_problem_and_no_page(tmp_path: Path, reuse: object) -> None:
    from guongsang.site.incremental import reuse_between_builds

    project = Project(root=_sample_copy(tmp_path / "repo"))
    reuse_between_builds(False)
    _, fresh_problems, fresh_pages = _build(project)
    reuse_between_builds(True)
    first, problems1, pages1 = _build(project)
    second, problems2, pages2 = _build(project)
    assert problems1 == problems2 == fresh_problems
    assert pages1 == pages2 == fresh_pages
    # The unchanged records are the very same objects: nothing was parsed or checked again.
    assert all(second.profiles[s] is p for s, p in first.profiles.items())
    assert second.ref is first.ref


def test_an_edited_record_is_read_again_and_shows_everywhere(tmp_path: Path, reuse: object) -> None:
    project = Project(root=_sample_copy(tmp_path / "repo"))
    first, _, before = _build(project)
    path = tmp_path / "repo/profiles/dang-thi-thuy/index.md"
    text = path.read_text(encoding="utf-8")
    old = first.profiles["dang-thi-thuy"].ho_ten
    listing = {uri for uri, md in before if f">{old}<" in md}
    assert len(listing) >= 3, listing  # her profile, directory pages, the home page…
    path.write_text(text.replace(old, "Đặng Thị Thu Thuỷ", 1), encoding="utf-8")
    second, _, pages = _build(project)
    assert second.profiles["dang-thi-thuy"] is not first.profiles["dang-thi-thuy"]
    assert second.profiles["dang-thi-thuy"].ho_ten == "Đặng Thị Thu Thuỷ"
    assert second.profiles["le-minh-duc"] is first.profiles["le-minh-duc"]
    for uri, md in pages:
        assert f">{old}<" not in md, uri
        if uri in listing:
            assert ">Đặng Thị Thu Thuỷ<" in md, uri
    # A campaign renamed: the profile pages that link to it follow, the others are reused.
    campaign = tmp_path / "repo/content/phong-trao/thi-dua-chuyen-doi-so-2024.md"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace(
        "ten: Thi đua đẩy mạnh chuyển đổi số", "ten: Thi đua số hoá", 1), encoding="utf-8")
    _, _, renamed = _build(project)
    profile = dict(renamed)["ho-so/le-minh-duc/index.md"]
    assert "Thi đua số hoá trong hoạt động xúc tiến" in profile
    assert "Thi đua đẩy mạnh chuyển đổi số" not in profile
    # A change of the reference data makes every record new (their checks depend on it).
    units = tmp_path / "repo/data/don-vi.yml"
    units.write_text(units.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third, _, _ = _build(project)
    assert third.ref is not second.ref
    assert third.profiles["le-minh-duc"] is not second.profiles["le-minh-duc"]
