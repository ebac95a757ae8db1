"""Browser tests: the sample site, built once, in Debian's Chromium driven by Playwright.

* The site is the real repository (mkdocs.yml, theme, data, content, sample profiles) plus a
  few test profiles (``EXTRA_NAMES`` and enough generated ones for the gallery to need a second
  page), built into a temporary directory and served from 127.0.0.1 under a sub-path, as on
  GitHub Pages, so any link that is not relative breaks here.
* Every page runs with all requests watched: a request to any host but 127.0.0.1 is blocked and
  recorded, and so is every console error; a test that caused either fails at teardown.
* Without /usr/bin/chromium, the ``playwright`` package or ``node_modules/axe-core``, these
  tests are skipped with the reason; with ``GUONGSANG_REQUIRE_BROWSER=1`` (set by .ci/run)
  they fail instead, so CI can never pass by skipping them.
* ``playwright install`` is never used: the browser is Debian's ``chromium`` package.
"""
from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ..conftest import ROOT
from .extra_profiles import write_profiles

CHROMIUM = Path(os.environ.get("GUONGSANG_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("GUONGSANG_REQUIRE_BROWSER") == "1"
PREFIX = "/guong-sang/"
"""The site is served under this sub-path (like https://<org>.github.io/<repo>/)."""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

EXTRA_NAMES = ["Nguyễn Văn Thành", "Bùi Thị Thủy", "Hà Thị Thùy", "Hoàng Văn Hải",
               "Lê Thị Hoài"]
"""Test profiles for the search cases the sample lacks: "nguyen van", and "Thủy" spelled
with the new tone placement next to the sample's "Thuỷ", plus a different tone ("Thùy");
names that merely start with "hoa" (Hoàng, Hoài) for the ranking of "hoa"."""
EXTRA_GENERATED = 24
"""Generated profiles, each with one or two good deeds: the gallery then has several pages."""

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _missing() -> list[str]:
    out = []
    if not CHROMIUM.exists():
        out.append(f"{CHROMIUM} (Debian: sudo apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        out.append("the Python package playwright (make venv)")
    if not AXE.exists():
        out.append("node_modules/axe-core (npm ci)")
    return out


@pytest.fixture(scope="session")
def _tools() -> None:
    missing = _missing()
    if not missing:
        return
    message = "Browser tests need " + "; ".join(missing) + "."
    if REQUIRED:
        pytest.fail(message + " GUONGSANG_REQUIRE_BROWSER=1 forbids skipping them.", pytrace=False)
    pytest.skip(message + " Skipped (set GUONGSANG_REQUIRE_BROWSER=1 to make this an error).")


@pytest.fixture(scope="session")
def site_dir(_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site plus the test profiles, built with ``--strict``."""
    from ..sitebuild import mkdocs_build

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = tmp_path_factory.mktemp("browser-repo")
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "content", "profiles", "stories"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        else:
            shutil.copy2(src, root / name)
    if (ROOT / ".cache").is_dir():  # processed photos: saves re-encoding them
        shutil.copytree(ROOT / ".cache", root / ".cache")
    write_profiles(root / "profiles", EXTRA_GENERATED, seed=7, extra_names=EXTRA_NAMES,
                   today=date.today())
    return mkdocs_build(root)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(PREFIX):])

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(_tools: None) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A browser page on the test site, with what it asked of the network and the console."""

    page: Any
    base_url: str
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    responses: list[tuple[str, int]] = field(default_factory=list)

    def url(self, path: str = "") -> str:
        return self.base_url + path

    def open(self, path: str = "") -> Any:
        response = self.page.goto(self.url(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response

    def axe(self, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
        """axe-core violations of the open page with one of ``impacts``."""
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        return [v for v in result if v.get("impact") in impacts]

    def problems(self) -> list[str]:
        return ([f"request to a third party: {u}" for u in self.external]
                + [f"console: {e}" for e in self.errors])


def _open_tab(browser: Any, base_url: str, **context_args: Any) -> Iterator[Tab]:
    context = browser.new_context(locale="vi-VN", service_workers="block", **context_args)
    page = context.new_page()
    tab = Tab(page, base_url)

    def route(route: Any) -> None:
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            tab.external.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    page.on("pageerror", lambda e: tab.errors.append(f"uncaught: {e}"))

    def on_response(response: Any) -> None:
        try:
            size = len(response.body()) if response.ok else 0
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            size = 0
        tab.responses.append((response.url, size))

    page.on("response", on_response)
    yield tab
    context.close()
    if tab.problems():
        pytest.fail("\n".join(tab.problems()), pytrace=False)


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Tab]:
    """A desktop-sized page; fails the test on any third-party request or console error."""
    yield from _open_tab(browser, base_url, viewport=DESKTOP)


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Tab]:
    """A phone-sized touch page (375 × 740 CSS pixels)."""
    yield from _open_tab(browser, base_url, viewport=PHONE, is_mobile=True, has_touch=True,
                         device_scale_factor=2)
