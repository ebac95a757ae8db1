"""The "Người tốt, việc tốt" gallery: filters and pages, by mouse and by keyboard alone."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import Tab

GALLERY = "nguoi-tot-viec-tot/"
CARDS = ".gs-gallery-static .gs-card"
RESULTS = ".gs-gallery-results .gs-card"


def all_items(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / GALLERY / "du-lieu.json").read_text("utf-8"))["muc"]


def tab_to(tab: Tab, selector: str, limit: int = 80) -> None:
    """Press Tab from the top of the page until ``selector`` has the focus."""
    tab.page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                      "window.scrollTo(0, 0); }")
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("s => document.activeElement && document.activeElement.matches(s)",
                             selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def focus_ring(tab: Tab) -> dict:
    return tab.page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                visible: document.activeElement.matches(':focus-visible')}; }""")


def assert_visible_focus(tab: Tab) -> None:
    ring = focus_ring(tab)
    assert ring["visible"] and ring["style"] != "none" and ring["width"] >= 2, ring


def test_pages_follow_each_other(tab: Tab, site_dir: Path) -> None:
    total = len(all_items(site_dir))
    tab.open(GALLERY)
    first = tab.page.locator(CARDS).count()
    assert first == 24 < total
    assert tab.page.locator('.gs-pager [aria-current="page"]').inner_text() == "1"
    tab.page.locator(".gs-pager-next").click()
    tab.page.wait_for_url(re.compile(r"/nguoi-tot-viec-tot/trang-2/$"))
    assert tab.page.locator('.gs-pager [aria-current="page"]').inner_text() == "2"
    seen = first + tab.page.locator(CARDS).count()
    pages = tab.page.locator(".gs-pager ol a").count()
    for n in range(3, pages + 1):
        tab.open(f"{GALLERY}trang-{n}/")
        seen += tab.page.locator(CARDS).count()
    assert seen == total


def test_pager_works_with_the_keyboard(tab: Tab) -> None:
    tab.open(GALLERY)
    tab_to(tab, ".gs-pager-next")
    assert_visible_focus(tab)
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(re.compile(r"/trang-2/$"))


def test_filter_by_year_with_the_keyboard_shows_matches_from_every_page(
        tab: Tab, site_dir: Path) -> None:
    items = all_items(site_dir)
    tab.open(GALLERY)
    tab_to(tab, "#gs-loc-nam")
    assert_visible_focus(tab)
    tab.page.keyboard.press("ArrowDown")  # the newest year: options run newest first
    year = tab.page.input_value("#gs-loc-nam")
    assert re.fullmatch(r"\d{4}", year)
    tab.page.wait_for_function(
        "() => document.querySelector('.gs-filter-status').textContent.startsWith('Có')")
    expected = [i for i in items if str(i["nam"]) == year]
    shown = tab.page.locator(RESULTS)
    assert shown.count() == len(expected)
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.nam)")) == {year}
    assert f"nam={year}" in tab.page.url
    assert not tab.page.locator(".gs-gallery-static").first.is_visible()


def test_filters_combine_and_reset(tab: Tab, site_dir: Path) -> None:
    items = all_items(site_dir)
    unit, kind = "chi-doan-thanh-nien", "ca-nhan"
    tab.open(f"{GALLERY}?loai={kind}")
    tab.page.wait_for_function(
        "() => document.querySelector('.gs-filter-status').textContent.length > 0")
    tab.page.select_option("#gs-loc-don-vi", unit)
    expected = [i for i in items if i["don-vi"] == unit and i["loai"] == kind]
    tab.page.wait_for_function(
        "n => document.querySelectorAll('.gs-gallery-results .gs-card').length === n",
        arg=len(expected))
    tab_to(tab, ".gs-filter-reset")
    assert_visible_focus(tab)
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_function("() => !location.search")
    assert tab.page.locator(CARDS).first.is_visible()
    assert tab.page.evaluate("() => document.activeElement.id") == "gs-loc-nam"


def test_card_links_show_focus_and_open_the_profile(tab: Tab) -> None:
    tab.open(GALLERY)
    tab_to(tab, ".gs-card a")
    # The focus ring is drawn around the whole card (the link covers it).
    card_ring = tab.page.evaluate("""() => { const c = document.activeElement.closest('.gs-card');
        const s = getComputedStyle(c); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert card_ring[0] != "none" and card_ring[1] >= 2, card_ring
    href = tab.page.evaluate("() => document.activeElement.getAttribute('href')")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(re.compile(re.escape(href.lstrip("./").split("#")[0]) + "$"))


def test_gallery_filters_fit_a_phone(phone: Tab) -> None:
    phone.open(GALLERY)
    assert phone.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    select = phone.page.locator("#gs-loc-nam")
    box = select.bounding_box()
    assert box and box["height"] >= 24
    select.select_option(index=1)
    phone.page.wait_for_function(
        "() => document.querySelector('.gs-filter-status').textContent.startsWith('Có')")
