"""The main pages: no third-party request, no console error, no serious axe-core violation."""
from __future__ import annotations

import pytest

from .conftest import Tab

# The pages the issue names, plus the other page kinds readers land on.
AXE_PAGES = {
    "home": "",
    "gallery": "nguoi-tot-viec-tot/",
    "profile": "ho-so/dang-thi-thuy/",
    "campaign": "phong-trao/thi-dua-chuyen-doi-so-2024/",
    "honour roll": "vinh-danh/2025/",
    "statistics": "thong-ke/",
}
OTHER_PAGES = {
    "directory": "guong-dien-hinh/",
    "model": "mo-hinh/so-hoa-ho-so-luu-tru/",
    "criteria": "tieu-chi/",
    "about": "gioi-thieu/",
    "search results": "tim-kiem/?q=dang",
    "gallery page 2": "nguoi-tot-viec-tot/trang-2/",
}


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '')[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_no_serious_or_critical_axe_violation(tab: Tab, path: str) -> None:
    tab.open(path)
    tab.page.wait_for_load_state("networkidle")
    violations = tab.axe()
    assert not violations, _describe(violations)


@pytest.mark.parametrize("path", AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_no_serious_axe_violation_on_a_phone(phone: Tab, path: str) -> None:
    phone.open(path)
    phone.page.wait_for_load_state("networkidle")
    violations = phone.axe()
    assert not violations, _describe(violations)


@pytest.mark.parametrize("path", [*AXE_PAGES.values(), *OTHER_PAGES.values()],
                         ids=[*AXE_PAGES.keys(), *OTHER_PAGES.keys()])
def test_page_stays_on_the_site_and_logs_no_error(tab: Tab, path: str) -> None:
    tab.open(path)
    tab.page.wait_for_load_state("networkidle")
    # Scroll to the end so lazy images load too.
    tab.page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    tab.page.wait_for_load_state("networkidle")
    assert not tab.problems(), "\n".join(tab.problems())
    assert tab.page.evaluate("() => document.documentElement.lang") == "vi"


def test_every_link_in_running_text_is_underlined(tab: Tab) -> None:
    tab.open("ho-so/dang-thi-thuy/")
    bare = tab.page.evaluate("""() => [...document.querySelectorAll('.md-typeset p a, .md-typeset li a')]
        .filter(a => !a.closest('.gs-card, .gs-pager, nav') && !a.classList.contains('md-button'))
        .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
        .map(a => a.outerHTML)""")
    assert not bare


def test_footer_text_has_enough_contrast(tab: Tab) -> None:
    tab.open()
    violations = [v for v in tab.axe(impacts=("minor", "moderate", "serious", "critical"))
                  if v["id"] == "color-contrast"
                  and any("md-footer" in " ".join(n["target"]) for n in v["nodes"])]
    assert not violations, _describe(violations)


def test_theme_speaks_vietnamese(tab: Tab) -> None:
    tab.open("ho-so/dang-thi-thuy/")
    skip = tab.page.locator("a.md-skip")
    assert skip.get_attribute("href") and skip.inner_text().strip() == "Chuyển đến nội dung chính"
    text = tab.page.inner_text("body")
    for english in ("Skip to content", "Back to top", "Made with", "Table of contents", "Search"):
        assert english not in text


# --- Material's script bundle, loaded on the first interaction (overrides/main.html) --------

BUNDLE = "assets/javascripts/bundle."


def _bundle_requests(tab: Tab) -> list[str]:
    """Requests for the bundle so far, as the page itself records them."""
    return tab.page.evaluate("(part) => performance.getEntriesByType('resource')"
                             ".map(e => e.name).filter(n => n.includes(part))", BUNDLE)


def _theme_running(tab: Tab) -> None:
    tab.page.wait_for_function("() => document.documentElement.classList.contains('js')"
                               " && typeof window.component$ !== 'undefined'", timeout=10_000)


@pytest.mark.parametrize("interaction", ["mouse", "key", "scroll"])
def test_theme_script_loads_on_the_first_interaction(tab: Tab, interaction: str) -> None:
    tab.open("vinh-danh/2025/")
    tab.page.wait_for_load_state("networkidle")
    assert _bundle_requests(tab) == []
    assert tab.page.evaluate("() => document.documentElement.classList.contains('no-js')")
    if interaction == "mouse":
        tab.page.mouse.move(200, 300)
    elif interaction == "key":
        tab.page.keyboard.press("Tab")
    else:
        tab.page.mouse.wheel(0, 300)
    _theme_running(tab)
    assert len(_bundle_requests(tab)) == 1
    # The listener the bundle registered for DOMContentLoaded was handed back to it once:
    # the document's own addEventListener is the browser's again.
    assert tab.page.evaluate("() => !Object.hasOwn(document, 'addEventListener')")


def test_theme_features_work_after_loading_late(tab: Tab) -> None:
    tab.open("thong-ke/")
    tab.page.mouse.move(200, 300)
    _theme_running(tab)
    top = tab.page.locator(".md-top")
    assert top.get_attribute("hidden") is not None
    # Material shows the title of the page in the header once its heading scrolled away, and
    # the back-to-top button when the reader scrolls back up.
    tab.page.mouse.wheel(0, 2000)
    tab.page.wait_for_function("() => document.querySelector('[data-md-component=header-title]')"
                               ".classList.contains('md-header__title--active')")
    tab.page.mouse.wheel(0, -400)
    tab.page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    top.click()
    tab.page.wait_for_function("() => window.scrollY === 0")


def test_phone_menu_opens_before_the_theme_script_has_loaded(phone: Tab) -> None:
    """The drawer is CSS only: the first tap opens it and starts loading the script."""
    phone.open("vinh-danh/2025/")
    phone.page.wait_for_load_state("networkidle")
    assert _bundle_requests(phone) == []
    phone.page.tap("label.md-header__button[for='__drawer']")
    assert phone.page.locator("#__drawer").is_checked()
    phone.page.locator(".md-nav--primary").get_by_text("Thống kê").first.wait_for(state="visible")
    _theme_running(phone)


@pytest.mark.parametrize("path", AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_no_serious_axe_violation_once_the_theme_script_runs(tab: Tab, path: str) -> None:
    tab.open(path)
    tab.page.mouse.move(200, 300)
    _theme_running(tab)
    tab.page.wait_for_load_state("networkidle")
    violations = tab.axe()
    assert not violations, _describe(violations)
