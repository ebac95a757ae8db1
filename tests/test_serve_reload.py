"""Editing a profile while `mkdocs serve` runs updates its page and every page that lists it.

`mkdocs serve` re-runs the whole build (on_config, on_files…) when a watched folder changes
(mkdocs.yml: ``watch: [profiles, data]``; content/ is the docs_dir). These tests check that a
rebuild sees the edit everywhere and that nothing keeps state from the previous build: first
in-process (two builds, with the same config object as serve's first rebuild and with a fresh
one), then with a real `mkdocs serve` on 127.0.0.1.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from .sitebuild import site_repo

PROFILE = """---
ho_ten: {name}
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
chuc_vu: Chuyên viên
linh_vuc: [xuc-tien-dau-tu]
trang_thai: guong_nguoi_tot_viec_tot
tom_tat: {summary}
viec_tot:
  - ngay: 12/03/2025
    dia_diem: Đà Lạt
    noi_dung: {deed}
dong_y_cong_bo: true
---
Câu chuyện của {name}.
"""
OLD = {"name": "Đặng Thị Thuỷ", "summary": "Trả lại chiếc ví nhặt được ở chợ Đà Lạt.",
       "deed": "Nhặt được ví có 5 triệu đồng, tìm trả lại cho chủ."}
NEW = {"name": "Đặng Thị Thu Hà", "summary": "Cõng cụ bà qua đoạn đường ngập nước.",
       "deed": "Giúp cụ bà qua đoạn đường ngập sau cơn mưa lớn."}
OTHER = PROFILE.format(name="Võ Minh Trí", summary="Hiến máu tình nguyện 12 lần.",
                       deed="Hiến máu cứu một bệnh nhân cấp cứu.")
SLUG = "dang-thi-thuy"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def _repo(tmp_path: Path) -> Path:
    return site_repo(tmp_path / "repo", {f"profiles/{SLUG}/index.md": PROFILE.format(**OLD),
                                         "profiles/vo-minh-tri/index.md": OTHER})


def _edit(root: Path) -> None:
    (root / f"profiles/{SLUG}/index.md").write_text(PROFILE.format(**NEW), encoding="utf-8")


def _pages_with(site: Path, text: str) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if text in p.read_text(encoding="utf-8")}


def _og_image(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)


def test_rebuild_shows_the_edit_on_the_profile_and_every_listing(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = _repo(tmp_path)
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    site = Path(config.site_dir)
    build(config)
    profile = f"ho-so/{SLUG}/index.html"
    showing = _pages_with(site, OLD["name"])
    listings = showing - {profile}
    assert profile in showing
    # The gallery of good deeds and the directory pages (by unit, field, kind…) list her.
    assert "nguoi-tot-viec-tot/index.html" in listings, showing
    assert any(p.startswith("guong-dien-hinh/") for p in listings), showing
    before = (site / profile).read_text(encoding="utf-8")

    _edit(root)
    build(config)  # serve's first rebuild may reuse the config object: state must not stick
    assert _pages_with(site, OLD["name"]) == set()
    assert showing <= _pages_with(site, NEW["name"])
    after = (site / profile).read_text(encoding="utf-8")
    assert NEW["summary"] in after and OLD["summary"] not in after
    assert NEW["deed"] in after
    assert _og_image(after) != _og_image(before)  # a new share image for the new text

    # Later rebuilds load the config (and so the hook module) afresh.
    (root / f"profiles/{SLUG}/index.md").write_text(PROFILE.format(**OLD), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    assert _pages_with(site, OLD["name"]) == showing
    assert (site / profile).read_text(encoding="utf-8") == before


def test_removed_profile_disappears_on_rebuild(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = _repo(tmp_path)
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    site = Path(config.site_dir)
    build(config)
    assert (site / "ho-so/vo-minh-tri/index.html").is_file()
    (root / "profiles/vo-minh-tri/index.md").write_text(
        OTHER.replace("dong_y_cong_bo: true", "dong_y_cong_bo: false"), encoding="utf-8")
    build(config)
    assert not (site / "ho-so/vo-minh-tri").exists()
    assert _pages_with(site, "Võ Minh Trí") == set()


def _free_port() -> int | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    except OSError:
        return None


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(predicate: Callable[[], bool], seconds: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.2)
    return None


RELOAD_SECONDS = 5.0
"""How soon an edit must show in `mkdocs serve`: the fixture site builds in about 1.5 s, and
MkDocs polls the watched folders every 0.5 s."""


@pytest.mark.parametrize("flags", [[], ["--dirty"]], ids=["mkdocs-serve", "make-serve-dirty"])
def test_mkdocs_serve_reloads_an_edited_profile(tmp_path: Path, flags: list[str]) -> None:
    """Both the plain server and the incremental one `make serve` starts."""
    port = _free_port()
    if port is None:
        pytest.skip("cannot bind a port on 127.0.0.1")
    root = _repo(tmp_path)
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *flags],
        cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        page = {}

        def ready() -> bool:
            page["profile"] = _get(base + f"ho-so/{SLUG}/")
            return bool(page["profile"]) and OLD["name"] in page["profile"]

        if _wait_for(ready, 90) is None:
            if proc.poll() is not None and "Address already in use" in _read(tmp_path):
                pytest.skip("port taken between the check and the server start")
            pytest.fail("mkdocs serve did not start:\n" + _read(tmp_path)[-3000:])
        listing = _get(base + "nguoi-tot-viec-tot/")
        assert listing and OLD["name"] in listing

        # On a slow machine allow twice the first build (which also drew every image).
        first = re.search(r"Documentation built in ([\d.]+) seconds", _read(tmp_path))
        limit = max(RELOAD_SECONDS, 2 * float(first.group(1)) + 1 if first else 0)
        _edit(root)
        took = _wait_for(lambda: NEW["name"] in (_get(base + f"ho-so/{SLUG}/") or ""), limit)
        assert took is not None, "edit not served in time:\n" + _read(tmp_path)[-3000:]
        profile = _get(base + f"ho-so/{SLUG}/") or ""
        listing = _get(base + "nguoi-tot-viec-tot/") or ""
        assert NEW["summary"] in profile and OLD["name"] not in profile
        assert NEW["name"] in listing and OLD["name"] not in listing
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _read(tmp_path: Path) -> str:
    return (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")
