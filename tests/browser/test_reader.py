"""Every page kind, as a reader on a phone or a laptop meets it (issue #13).

The page kinds are those of scripts/page_kinds.py, the same that `make screenshots` renders:
no page scrolls sideways at 360 px, a profile shows its status, name and deed on the first
phone screen, and axe-core reports no violation of any impact, at phone and desktop width,
before Material's script has loaded and after.
"""
from __future__ import annotations

import functools
import http.server
import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT
from .conftest import AXE, Tab
from .test_pages import _describe, _theme_running

_spec = importlib.util.spec_from_file_location("page_kinds", ROOT / "scripts" / "page_kinds.py")
assert _spec and _spec.loader
_kinds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_kinds)
PAGES: dict[str, str] = {**_kinds.PAGE_KINDS, "nguoi-tot-viec-tot-trang-2": "nguoi-tot-viec-tot/trang-2/"}

NOT_FOUND = "404.html"
"""Served at the root of a second server: its links are absolute (it answers any address)."""

NARROW = {"width": 360, "height": 740}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def root_url(site_dir: Path) -> Iterator[str]:
    """The site served at the root of another port, for the 404 page only."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _base(path: str, base_url: str, root_url: str) -> str:
    return root_url if path == NOT_FOUND else base_url


@pytest.fixture
def narrow(browser: Any, base_url: str, root_url: str, request: pytest.FixtureRequest):
    path = request.node.callspec.params.get("path", "") if hasattr(request.node, "callspec") else ""
    yield from _fixture(browser, _base(path, base_url, root_url), NARROW, is_mobile=True,
                        has_touch=True)


@pytest.fixture
def phone390(browser: Any, base_url: str):
    yield from _fixture(browser, base_url, PHONE, is_mobile=True, has_touch=True,
                        device_scale_factor=2)


@pytest.fixture
def desktop(browser: Any, base_url: str, root_url: str, request: pytest.FixtureRequest):
    path = request.node.callspec.params.get("path", "") if hasattr(request.node, "callspec") else ""
    yield from _fixture(browser, _base(path, base_url, root_url), DESKTOP)


def _fixture(browser: Any, base_url: str, viewport: dict, **extra: Any):
    from .conftest import _open_tab

    yield from _open_tab(browser, base_url, viewport=viewport, **extra)


def _all_violations(tab: Tab) -> list[dict]:
    tab.page.add_script_tag(path=str(AXE))
    return tab.page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def _load_theme(tab: Tab, touch: bool) -> None:
    if touch:
        tab.page.touchscreen.tap(5, 300)
    else:
        tab.page.mouse.move(200, 300)
    _theme_running(tab)
    tab.page.wait_for_load_state("networkidle")
    # reader.js re-labels the scroll regions once the theme has rearranged the tables.
    tab.page.wait_for_timeout(300)


# -- no sideways scrolling at 360 px -----------------------------------------------------------

@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_page_scrolls_sideways_at_360_px(narrow: Tab, path: str) -> None:
    narrow.open(path)
    narrow.page.wait_for_load_state("networkidle")
    for state in ("before", "after"):
        wide = narrow.page.evaluate("""() => {
            const w = document.documentElement.clientWidth;
            const out = [...document.querySelectorAll('.md-content *')].filter(el => {
                if (el.closest('.gs-table, .md-typeset__scrollwrap, pre')) return false;
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.right > w + 1;
            }).slice(0, 5).map(el => el.outerHTML.slice(0, 120));
            return {scroll: document.documentElement.scrollWidth, width: w, out};
        }""")
        assert wide["scroll"] <= wide["width"] and not wide["out"], (state, wide)
        if state == "before":
            _load_theme(narrow, touch=True)


# -- axe: no violation of any impact, phone and desktop, before and after the theme script -----

@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_no_axe_violation_of_any_impact(browser: Any, base_url: str, root_url: str, path: str,
                                        width: str) -> None:
    from .conftest import _open_tab

    viewport, extra = ((PHONE, {"is_mobile": True, "has_touch": True}) if width == "phone"
                       else (DESKTOP, {}))
    gen = _open_tab(browser, _base(path, base_url, root_url), viewport=viewport, **extra)
    tab = next(gen)
    try:
        tab.open(path)
        tab.page.wait_for_load_state("networkidle")
        before = _all_violations(tab)
        assert not before, "before the theme script:\n" + _describe(before)
        _load_theme(tab, touch=width == "phone")
        after = _all_violations(tab)
        assert not after, "after the theme script:\n" + _describe(after)
    finally:
        next(gen, None)


# -- a profile on a phone ----------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["dang-thi-thuy", "le-minh-duc", "tran-van-an",
                                  "chi-doan-thanh-nien-trung-tam"])
def test_profile_status_name_and_deed_are_on_the_first_phone_screen(phone390: Tab,
                                                                   slug: str) -> None:
    _on_the_first_screen(phone390, f"ho-so/{slug}/",
                         [".gs-profile-head .gs-kicker", "article h1", ".gs-profile-head .gs-lead"])


def _on_the_first_screen(tab: Tab, path: str, selectors: list[str]) -> None:
    """Each of ``selectors`` lies wholly inside the first phone screen of ``path``."""
    tab.open(path)
    boxes = tab.page.evaluate("""selectors => Object.fromEntries(selectors.map(s => {
        const r = document.querySelector(s).getBoundingClientRect();
        return [s, [r.top, r.bottom]]; }))""", selectors)
    for selector, (top, bottom) in boxes.items():
        assert 0 <= top and bottom <= PHONE["height"], (selector, top, bottom)


def test_profile_photos_take_at_most_60_percent_of_the_screen(phone390: Tab,
                                                             desktop: Tab) -> None:
    for tab, viewport in ((phone390, PHONE), (desktop, DESKTOP)):
        tab.open("ho-so/le-minh-duc/")
        heights = tab.page.evaluate(
            "() => [...document.querySelectorAll('.gs-profile-head img')]"
            ".map(i => i.getBoundingClientRect().height)")
        assert heights and max(heights) <= 0.6 * viewport["height"] + 1, heights


# -- stories ---------------------------------------------------------------------------------

STORY = "tin-bai/tong-ket-thi-dua-chuyen-doi-so/"


def test_story_title_date_and_summary_are_on_the_first_phone_screen(phone390: Tab) -> None:
    _on_the_first_screen(phone390, STORY,
                         ["article h1", ".gs-story-head .gs-kicker", ".gs-story-head .gs-lead"])


def test_story_cover_is_the_text_width_and_at_most_60_percent_high(phone390: Tab,
                                                                 desktop: Tab) -> None:
    for tab, viewport in ((phone390, PHONE), (desktop, DESKTOP)):
        tab.open(STORY)
        cover, text = tab.page.evaluate("""() => [
            document.querySelector('.gs-story-cover img').getBoundingClientRect(),
            document.querySelector('.gs-story-head .gs-lead').getBoundingClientRect()]
            .map(r => [r.width, r.height])""")
        assert cover[1] <= 0.6 * viewport["height"] + 1, cover
        assert abs(cover[0] - text[0]) <= 1, (cover, text)


def test_stories_index_pages_and_years_work_without_javascript(browser: Any,
                                                               base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "tin-bai/")
    first = page.locator(".gs-story-card h2 a").all_inner_texts()
    page.locator(".gs-pager-next").click()
    assert page.url.endswith("/tin-bai/trang/2/")
    second = page.locator(".gs-story-card h2 a").all_inner_texts()
    assert len(first) == 6 and second and not set(first) & set(second)
    page.locator(".gs-story-years a", has_text="Năm 2025").click()
    assert page.url.endswith("/tin-bai/nam/2025/")
    page.locator(".gs-story-card h2 a").first.click()
    assert "/tin-bai/" in page.url and page.locator(".gs-story-head").is_visible()
    context.close()


def test_profile_facts_are_one_column_on_a_phone_and_tiles_on_a_laptop(phone390: Tab,
                                                                      desktop: Tab) -> None:
    script = """() => [...document.querySelectorAll('.gs-profile-head .gs-facts > div')]
        .map(d => Math.round(d.getBoundingClientRect().left))"""
    phone390.open("ho-so/dang-thi-thuy/")
    assert len(set(phone390.page.evaluate(script))) == 1
    desktop.open("ho-so/dang-thi-thuy/")
    lefts = desktop.page.evaluate(script)
    assert len(set(lefts)) >= 2, lefts
    # No short value is broken over several lines beside a wide label column.
    lines = desktop.page.evaluate("""() => [...document.querySelectorAll('.gs-profile-head dd')]
        .filter(dd => dd.textContent.length <= 20)
        .map(dd => Math.round(dd.getBoundingClientRect().height /
                              parseFloat(getComputedStyle(dd).lineHeight)))""")
    assert lines and max(lines) == 1, lines


@pytest.mark.parametrize("path", ["phong-trao/thi-dua-chuyen-doi-so-2024/",
                                  "mo-hinh/so-hoa-ho-so-luu-tru/"])
def test_campaign_and_model_facts_are_one_column_on_a_phone(phone390: Tab, path: str) -> None:
    phone390.open(path)
    pairs = phone390.page.evaluate("""() => [...document.querySelectorAll('.gs-facts dt')].map(dt => {
        const dd = dt.nextElementSibling;
        return [dt.getBoundingClientRect().bottom, dd.getBoundingClientRect().top,
                dd.getBoundingClientRect().left - dt.getBoundingClientRect().left]; })""")
    assert pairs and all(dd_top >= dt_bottom - 1 and abs(dx) < 1 for dt_bottom, dd_top, dx in pairs)


# -- tables on a phone -------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["vinh-danh/2025/", "ho-so/dang-thi-thuy/", "thong-ke/",
                                  "vinh-danh/", "mo-hinh/", "mo-hinh/ban-do-so-ket-noi-dau-tu-du-lich/"])
def test_tables_are_never_cut_off_without_a_cue(narrow: Tab, path: str) -> None:
    narrow.open(path)
    for state in ("before", "after"):
        report = narrow.page.evaluate("""() => [...document.querySelectorAll('.gs-table')].map(t => {
            const bg = getComputedStyle(t).backgroundImage;
            return {cls: t.className, over: t.scrollWidth > t.clientWidth + 1,
                    cue: bg.includes('gradient'), stacked: t.classList.contains('gs-stack')}; })""")
        assert report
        for table in report:
            if table["stacked"]:
                assert not table["over"], (state, table)  # rows stack: nothing to scroll to
            elif table["over"]:
                assert table["cue"], (state, table)
        if state == "before":
            _load_theme(narrow, touch=True)


def test_row_headers_keep_their_row_lines(desktop: Tab) -> None:
    desktop.open("thong-ke/")
    borders = desktop.page.evaluate("""() => [...document.querySelectorAll(
        '.gs-stat-table tbody tr:not(:first-child) th[scope=row]')].map(th =>
        getComputedStyle(th).borderTopStyle)""")
    assert borders and set(borders) == {"solid"}


def test_a_wide_table_is_one_named_tab_stop_after_the_theme_script(narrow: Tab) -> None:
    narrow.open("thong-ke/")
    _load_theme(narrow, touch=True)
    regions = narrow.page.evaluate("""() => [...document.querySelectorAll('[data-gs-scroll]')].map(el =>
        ({name: el.getAttribute('aria-label') || '', nested: !!el.parentElement.closest('[data-gs-scroll]')
          || !!el.querySelector('[data-gs-scroll]')}))""")
    assert all(not r["nested"] for r in regions), regions
    names = [r["name"] for r in regions if r["name"]]
    assert len(names) == len(set(names)), names


# -- keyboard: skip links and the first Tab ----------------------------------------------------

@pytest.mark.parametrize("path", ["nguoi-tot-viec-tot/", "guong-dien-hinh/loai/ca-nhan/",
                                  "guong-dien-hinh/", "404.html", "ho-so/dang-thi-thuy/",
                                  "tin-bai/", "tin-bai/tong-ket-thi-dua-chuyen-doi-so/"])
def test_first_tab_reaches_a_visible_skip_link_to_the_heading(desktop: Tab, path: str) -> None:
    desktop.open(path)
    desktop.page.keyboard.press("Tab")
    focused = desktop.page.evaluate("""() => { const a = document.activeElement;
        const s = getComputedStyle(a); const r = a.getBoundingClientRect();
        return {cls: a.className, text: a.textContent.trim(), href: a.getAttribute('href'),
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.top < innerHeight}; }""")
    assert focused["cls"] == "md-skip" and focused["text"] == "Chuyển đến nội dung chính", focused
    assert focused["visible"] and focused["outline"] != "none" and focused["width"] >= 2, focused
    desktop.page.keyboard.press("Enter")
    target = focused["href"].lstrip("#")
    assert desktop.page.evaluate("id => document.getElementById(id).tagName", target) == "H1"


def test_logo_link_shows_its_focus(desktop: Tab) -> None:
    desktop.open("nguoi-tot-viec-tot/")
    desktop.page.focus(".md-header__button.md-logo")
    desktop.page.keyboard.press("Shift+Tab")
    desktop.page.keyboard.press("Tab")
    ring = desktop.page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [document.activeElement.matches('.md-logo'), s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert ring[0] and ring[1] != "none" and ring[2] >= 2, ring


# -- the gallery without JavaScript ------------------------------------------------------------

def test_gallery_without_javascript_says_the_filter_needs_it(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "nguoi-tot-viec-tot/trang-2/")
    assert page.locator(".gs-filter fieldset").get_attribute("disabled") is not None
    assert page.locator("#gs-loc-nam").is_disabled()
    note = page.locator(".gs-noscript")
    assert note.is_visible() and "Bộ lọc cần JavaScript" in note.inner_text()
    page.locator(".gs-noscript a", has_text="Gương điển hình").click()
    assert page.url.endswith("/guong-dien-hinh/")
    page.goto(base_url + "nguoi-tot-viec-tot/trang-2/")
    assert page.locator(".gs-filter-reset").get_attribute("href") == "../"
    context.close()


def test_gallery_with_javascript_enables_the_filter(desktop: Tab) -> None:
    desktop.open("nguoi-tot-viec-tot/")
    assert desktop.page.locator(".gs-filter fieldset").get_attribute("disabled") is None
    assert desktop.page.locator("#gs-loc-nam").is_enabled()
    assert not desktop.page.locator(".gs-noscript").is_visible()


def test_gallery_uses_the_width_of_a_laptop(desktop: Tab) -> None:
    desktop.open("nguoi-tot-viec-tot/")
    width = desktop.page.evaluate(
        "() => document.querySelector('.gs-gallery').getBoundingClientRect().width")
    assert width >= 850, width
