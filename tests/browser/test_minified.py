"""Collapsing the pages' whitespace (site/minify.py) changes no pixel.

The browser test site is built a second time without that post-build step, copied, and the copy
minified; every page kind is drawn from both at a phone's width and a laptop's (390 and 1366
CSS pixels), whole page, and the two pictures must be the same pixel for pixel.
"""
from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from guongsang.site import postbuild
from guongsang.site.minify import minify_pages, minify_site

from .conftest import PREFIX, _Handler
from .test_pages import AXE_PAGES, OTHER_PAGES

PAGES = {**AXE_PAGES, **{k: v for k, v in OTHER_PAGES.items() if "?" not in v},
         "not found": "404.html"}
WIDTHS = (390, 1366)


@pytest.fixture(scope="module")
def two_sites(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(as the engine wrote it, minified): the same build, before and after the one step."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    where = tmp_path_factory.mktemp("minified")
    engine = where / "engine"
    steps = list(postbuild.STEPS)
    postbuild.STEPS.remove(minify_pages)
    try:
        build(load_config(str(site_dir.parent / "mkdocs.yml"), site_dir=str(engine),
                          strict=True))
    finally:
        postbuild.STEPS[:] = steps
    minified = where / "minified"
    shutil.copytree(engine, minified)
    done = minify_site(minified)
    assert done.after < 0.9 * done.before  # it does remove something
    return engine, minified


def _serve(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def urls(two_sites: tuple[Path, Path]) -> Iterator[tuple[str, str]]:
    engine, minified = (_serve(folder) for folder in two_sites)
    yield next(engine), next(minified)
    for server in (engine, minified):
        server.close()


def _picture(browser: Any, url: str, width: int) -> Image.Image:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN",
                                  service_workers="block")
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        # Both sides drawn settled: lazy photos loaded and decoded, fonts ready, no animation or
        # caret. Otherwise a photo still being painted when the full-page shot is taken made
        # a few pixels differ now and then on a busy machine (seen on a 4 × 4 px square).
        page.evaluate("""async () => {
            for (const img of document.images) img.loading = "eager";
            await Promise.all([...document.images].map(i => i.decode().catch(() => null)));
            await document.fonts.ready;
        }""")
        page.wait_for_load_state("networkidle")
        shot = page.screenshot(full_page=True, animations="disabled", caret="hide")
        return Image.open(io.BytesIO(shot)).convert("RGB")
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_a_minified_page_looks_exactly_like_the_engines(browser: Any, urls: tuple[str, str],
                                                       path: str, width: int) -> None:
    # A difference the minifier makes is there on every drawing; Chromium now and then paints a
    # few pixels of one drawing otherwise (a 4 × 4 px square on one page, only late in a full
    # run, never alone), so a differing pair is drawn again, twice at most, from scratch.
    seen = []
    for _ in range(3):
        before, after = (_picture(browser, base + path, width) for base in urls)
        box = ImageChops.difference(before, after).getbbox() if before.size == after.size \
            else ("size", before.size, after.size)
        if box is None:
            return
        seen.append(box)
    pytest.fail(f"{path} at {width} px differs on every drawing: {seen}")
