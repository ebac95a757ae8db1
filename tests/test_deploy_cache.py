"""Cached deploys (#16): the derived-image cache is carried between deploys, written only by
runs on main, pruned to what the build used; a merge that touches one profile draws one image.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from guongsang.check import check
from guongsang.media import images
from guongsang.media.prune import main as prune_main
from guongsang.media.prune import prune
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import ROOT, TODAY
from .test_images import PROFILE, phone_photo

WORKFLOWS = ROOT / ".github" / "workflows"


def _publish(root: Path) -> tuple[Path, list[str]]:
    """Build like the deploy does and lay the assets out as the site folder would hold them."""
    corpus, problems = check(Project(root), TODAY)
    assert not [p for p in problems if p.is_error], [p.format_text() for p in problems]
    output = build_site(corpus)
    site = root / "site"
    for asset in output.assets:
        target = site / asset.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.path.read_bytes() if asset.path else b"")
    return site, sorted(a.uri for a in output.assets)


def _files(photo: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "profiles/pham-van-son/index.md": PROFILE.format(name="Phạm Văn Sơn", photo="a.jpg"),
        "profiles/pham-van-son/a.jpg": phone_photo((900, 700 + photo), 6),
    }
    no_photo = PROFILE.format(name="Võ Minh Trí", photo="a.jpg").split("anh:\n")[0] + "---\nCâu chuyện.\n"
    files["profiles/vo-minh-tri/index.md"] = no_photo
    return files


def test_prune_keeps_what_the_build_used_and_nothing_else(repo) -> None:
    root = repo(_files(0))
    cache = root / ".cache" / "guongsang"
    site, first = _publish(root)
    current = cache / f"images-v{images.PIPELINE_VERSION}"
    # Leftovers of earlier deploys: a replaced photo's sizes, an old share image, an old pipeline.
    (current / "0123456789abcdef0123-640.webp").write_bytes(b"old")
    (current / ("0123456789abcdef0123" + "0" * 44 + ".json")).write_text("{}")
    (cache / "og" / "000000000000000000000000.png").write_bytes(b"old")
    (cache / "images-v1").mkdir()
    (cache / "images-v1" / "x.jpg").write_bytes(b"old")
    jinja = cache / "jinja"
    jinja.mkdir(exist_ok=True)
    (jinja / "t.cache").write_bytes(b"kept")

    done = prune(cache, site)
    assert done.removed == 4 and done.removed_bytes == len("old") * 3 + 2
    assert not (cache / "images-v1").exists()
    assert not (cache / "og" / "000000000000000000000000.png").exists()
    assert (jinja / "t.cache").read_bytes() == b"kept"  # not ours to prune
    # Unpublished sizes of a published photo stay (the share image's panel reads one).
    digest = next(p.name.split("-")[0] for p in site.rglob("*.webp"))
    kept = sorted(p.name for p in current.iterdir()
                  if p.name.startswith(digest) and p.suffix != ".ok")  # .ok: checked once
    assert len(kept) == 1 + len([v for v in json.loads(
        next(current.glob(f"{digest}*.json")).read_text())["variants"]])
    # What remains is a complete cache: the next build decodes and draws nothing.
    before = (images.decode_count, images.render_count)
    _, second = _publish(root)
    assert (images.decode_count, images.render_count) == before and second == first


def test_a_merge_touching_one_profile_draws_one_share_image(repo) -> None:
    root = repo(_files(0))
    site, _ = _publish(root)
    prune(root / ".cache" / "guongsang", site)
    path = root / "profiles/vo-minh-tri/index.md"
    path.write_text(path.read_text("utf-8").replace("Người thử nghiệm ảnh", "Người thử lại ảnh"),
                    encoding="utf-8")
    before = (images.decode_count, images.render_count)
    _publish(root)
    assert (images.decode_count - before[0], images.render_count - before[1]) == (0, 1)


def test_prune_command_refuses_a_missing_site(tmp_path: Path, capsys) -> None:
    assert prune_main([str(tmp_path / "cache"), str(tmp_path / "site")]) == 1
    assert "chưa dựng trang" in capsys.readouterr().err


def _steps(workflow: str) -> list[dict]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text("utf-8"))
    return [s for job in data["jobs"].values() for s in job.get("steps", [])]


def test_deploy_restores_by_content_and_saves_on_main_only() -> None:
    steps = _steps("deploy.yml")
    names = [s.get("name", "") for s in steps]
    restore = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
    save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save@"))
    assert restore["with"]["path"] == save["with"]["path"] == ".cache/guongsang"
    assert restore["with"]["key"].startswith("derived-images-${{ hashFiles('profiles/**'")
    assert restore["with"]["restore-keys"] == "derived-images-"
    assert save["with"]["key"] == "${{ steps.images.outputs.cache-primary-key }}"
    assert save["if"].startswith("github.ref == 'refs/heads/main'")
    order = [steps.index(s) for s in (restore, next(s for s in steps if s.get("run") ==
                                                   "make build"), save)]
    assert order == sorted(order)
    assert "Drop derived images this build did not use" in names[order[1]:order[2]]


def test_no_other_workflow_touches_the_derived_image_cache() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        if path.name == "deploy.yml":
            continue
        text = path.read_text("utf-8")
        assert "actions/cache" not in text and ".cache/guongsang" not in text, path.name


def test_photo_comment_job_runs_no_pull_request_code() -> None:
    jobs = yaml.safe_load((WORKFLOWS / "pr.yml").read_text("utf-8"))["jobs"]
    check_job, comment = jobs["photo-budget"], jobs["photo-comment"]
    assert "permissions" not in check_job  # the workflow's read-only default
    assert comment["permissions"] == {"pull-requests": "write"}
    uses = [s.get("uses", "") for s in comment["steps"]]
    assert not any(u.startswith("actions/checkout@") for u in uses)
    assert comment["needs"] == "photo-budget"
