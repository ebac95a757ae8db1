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
