"""A throwaway repository, its built site and ``decap-server`` in git mode, for the web form.

Used by tests/browser/test_admin.py and by scripts/admin_screenshots.py (the pictures of the
editor guide). Everything listens on 127.0.0.1 only.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REPO_FILES = ("mkdocs.yml", "hooks", "overrides", "data", "content", "profiles", "stories", "quan-tri",
              ".gitignore")
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Kiểm thử", "GIT_AUTHOR_EMAIL": "kiem-thu@example.vn",
           "GIT_COMMITTER_NAME": "Kiểm thử", "GIT_COMMITTER_EMAIL": "kiem-thu@example.vn"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


def make_repo(base: Path) -> Path:
    """The real site sources in a new git repository (branch ``main``, one commit)."""
    repo = base / "kho"
    repo.mkdir(parents=True)
    for name in REPO_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name)
        elif src.is_file():
            shutil.copy2(src, repo / name)
    (repo / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / ".cache").is_dir():  # processed photos: saves re-encoding them
        shutil.copytree(ROOT / ".cache", repo / ".cache")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Kiểm thử")
    git(repo, "config", "user.email", "kiem-thu@example.vn")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Kho thử")
    return repo


def build(repo: Path, out: Path, api_port: int,
          photo_budget: tuple[int, int] | None = None) -> Path:
    """Build the site into ``out``, its form pointed at the local decap-server.

    ``photo_budget`` (long edge, bytes) stands for the site's source-photo budget, which the
    form enforces by shrinking uploads."""
    from unittest import mock

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cfg = load_config(str(repo / "mkdocs.yml"), strict=True, site_dir=str(out))
    if photo_budget is None:
        mkdocs_build(cfg)
    else:
        with mock.patch("guongsang.pages.admin.photo_budget", return_value=photo_budget):
            mkdocs_build(cfg)
    config = out / "quan-tri" / "config.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nlocal_backend: true\n" in text
    config.write_text(text.replace(
        "\nlocal_backend: true\n",
        f"\nlocal_backend:\n  url: http://127.0.0.1:{api_port}/api/v1\n"), encoding="utf-8")
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def decap_server(repo: Path, port: int, log: Path) -> Iterator[subprocess.Popen]:
    """``decap-server`` in git mode on ``repo`` (editorial workflow: one branch per entry)."""
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info",
           "GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "bien-tap@example.vn",
           "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "bien-tap@example.vn"}
    with log.open("w") as out:
        proc = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=str(log.parent), env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1",
                                             data=b'{"action":"info"}',
                                             headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(req, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("decap-server did not start:\n" + log.read_text())
                time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Watch:
    """Requests of a browser context: those to another host are blocked and kept."""

    external: list[str]
    errors: list[str]


def watched_context(browser: Any, **kw: Any) -> tuple[Any, Watch]:
    from urllib.parse import urlsplit

    context = browser.new_context(locale="vi-VN", service_workers="block", **kw)
    watch = Watch([], [])

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            watch.external.append(r.request.url)
            r.abort("blockedbyclient")

    context.route("**/*", route)
    return context, watch
