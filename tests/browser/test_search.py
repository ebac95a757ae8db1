"""Search finds what Vietnamese readers type, ranks exact spellings first, and stays light."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from guongsang.check import check
from guongsang.project import Project
from guongsang.text import fold, identity_key

from ..conftest import ROOT
from .conftest import Tab

STATUS = "[data-gs-search-status]"
MAX_SEARCH_KB = 300


def run_search(tab: Tab, query: str, *, via_address: bool = False) -> list[tuple[str, str]]:
    """Search on tim-kiem/ and return the (title, path) of the results shown."""
    page = tab.page
    if via_address:
        tab.open(f"tim-kiem/?q={quote(query)}")
    else:
        if not page.url.split("?")[0].endswith("/tim-kiem/"):
            tab.open("tim-kiem/")
        page.fill("#gs-search-q", query)
        page.press("#gs-search-q", "Enter")
    page.wait_for_function(
        """q => { const s = document.querySelector('[data-gs-search-status]').textContent;
                  return s.includes('«' + q + '»'); }""", arg=query.strip())
    links = page.eval_on_selector_all(
        ".gs-search__result a.gs-search__title",
        "els => els.map(a => [a.textContent, new URL(a.href).pathname])")
    prefix = tab.base_url.split("127.0.0.1", 1)[1].split("/", 1)[1]
    return [(title, path.split(prefix, 1)[-1]) for title, path in links]


def titles(results: list[tuple[str, str]]) -> list[str]:
    return [t for t, _ in results]


def published_sample_profiles() -> list[tuple[str, str]]:
    """(slug, name) of every sample profile the site publishes (consented, not withdrawn)."""
    corpus, _ = check(Project(root=ROOT), date.today())
    return [(p.slug, p.ho_ten) for p in corpus.published_profiles]


def test_nguyen_van_finds_the_accented_name(tab: Tab) -> None:
    assert "Nguyễn Văn Thành" in titles(run_search(tab, "nguyen van"))


def test_dang_finds_dang_with_d_stroke(tab: Tab) -> None:
    # Pagefind alone misses this: "đ" is a letter of its own, not d plus a mark.
    assert "Đặng Thị Thuỷ" in titles(run_search(tab, "dang"))


def test_thuy_finds_both_tone_placements_and_other_tones(tab: Tab) -> None:
    found = titles(run_search(tab, "thuy"))
    assert {"Đặng Thị Thuỷ", "Bùi Thị Thủy", "Hà Thị Thùy"} <= set(found)


@pytest.mark.parametrize("query", ["Thủy", "Thuỷ", "thủy"])
def test_accented_query_ranks_exact_spellings_first(tab: Tab, query: str) -> None:
    found = titles(run_search(tab, query))
    # Old and new tone placement are the same spelling; "Thùy" (another tone) comes after.
    assert set(found[:2]) == {"Đặng Thị Thuỷ", "Bùi Thị Thủy"}, found
    assert "Hà Thị Thùy" in found[2:], found


def test_accented_query_with_another_tone_puts_that_name_first(tab: Tab) -> None:
    found = titles(run_search(tab, "Thùy"))
    assert found[0] == "Hà Thị Thùy", found
    assert {"Đặng Thị Thuỷ", "Bùi Thị Thủy"} <= set(found[1:])


@pytest.mark.parametrize("query", ["Hòa", "hoà"])
def test_names_spelled_exactly_outrank_pages_that_mention_them(tab: Tab, query: str) -> None:
    # A model page ("Số hoá hồ sơ…") names "Phan Văn Hòa" as its author and ranks high for
    # "hoa"; every person called Hòa or Hoà (same name, other tone placement) comes before it.
    found = titles(run_search(tab, query))
    named = [t for t in found if any(identity_key(w) == identity_key("Hòa") for w in t.split())]
    assert {"Phan Văn Hòa", "Nguyễn Thị Hoà"} <= set(named)
    assert found[:len(named)] == named, found


def test_a_name_typed_without_accents_ranks_people_of_that_name_first(tab: Tab) -> None:
    # "hoa": Pagefind also matches Hoàng, Hoài (the start of the word) and the model page
    # "Số hoá hồ sơ…" (the same syllable). People named Hòa/Hoà come first, then other pages
    # with the whole word, then names that only start with it.
    found = titles(run_search(tab, "hoa"))
    named = [t for t in found if any(fold(w) == "hoa" for w in t.split())
             and not t.startswith("Số hoá")]
    assert {"Phan Văn Hòa", "Nguyễn Thị Hoà"} <= set(named)
    assert found[:len(named)] == named, found
    assert found[len(named)] == "Số hoá hồ sơ lưu trữ theo mã văn bản", found
    starting = [t for t in found if any(fold(w) in ("hoang", "hoai") for w in t.split())]
    assert "Lê Thị Hoài" in starting and "Hoàng Văn Hải" in starting, found
    assert all(found.index(t) > len(named) for t in starting), found


def test_i_and_y_spellings_find_each_other(tab: Tab) -> None:
    assert "Ưng Thị Mỹ Duyên" in titles(run_search(tab, "mĩ duyen"))
    assert "Ưng Thị Mỹ Duyên" in titles(run_search(tab, "mi duyen"))


def test_every_sample_profile_is_found_by_its_name_typed_without_accents(tab: Tab) -> None:
    missing = []
    for slug, name in published_sample_profiles():
        results = run_search(tab, fold(name))
        if f"ho-so/{slug}/" not in [path for _, path in results]:
            missing.append(f"{name} ({fold(name)!r}): {titles(results)}")
    assert not missing, "\n".join(missing)


def test_exact_name_typed_with_accents_comes_first(tab: Tab) -> None:
    for slug, name in published_sample_profiles():
        results = run_search(tab, name)
        assert results and identity_key(results[0][0]) == identity_key(name), (name, results[:3])


def test_query_in_the_address_runs_on_load_and_typing_updates_the_address(tab: Tab) -> None:
    assert "Lê Minh Đức" in titles(run_search(tab, "le minh duc", via_address=True))
    assert tab.page.input_value("#gs-search-q") == "le minh duc"
    tab.page.fill("#gs-search-q", "")
    tab.page.type("#gs-search-q", "Đức", delay=30)
    tab.page.wait_for_function("() => location.search.includes('q=')")
    tab.page.wait_for_function(
        "() => document.querySelector('[data-gs-search-status]').textContent.includes('«Đức»')")
    assert "q=%C4%90%E1%BB%A9c" in tab.page.url


def test_no_result_says_so(tab: Tab) -> None:
    assert run_search(tab, "xyzzyqua") == []
    assert "Không tìm thấy" in tab.page.inner_text(STATUS)


def test_more_results_load_on_demand_and_take_the_focus(tab: Tab) -> None:
    shown = run_search(tab, "thi")
    assert len(shown) == 10
    more = tab.page.locator("[data-gs-search-more]")
    assert more.is_visible()
    more.focus()
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_function("() => document.querySelectorAll('.gs-search__result').length > 10")
    focused = tab.page.evaluate("() => document.activeElement.closest('.gs-search__result') "
                                "=== document.querySelectorAll('.gs-search__result')[10]")
    assert focused


def test_header_form_leads_to_the_results(tab: Tab) -> None:
    tab.open()
    tab.page.fill("#gs-header-q", "dang thi thuy")
    tab.page.press("#gs-header-q", "Enter")
    tab.page.wait_for_url(re.compile(r"/tim-kiem/\?q=dang"))
    tab.page.wait_for_function(
        "() => document.querySelector('[data-gs-search-status]').textContent.includes('«dang thi thuy»')")
    assert tab.page.locator(".gs-search__result a").first.inner_text() == "Đặng Thị Thuỷ"


def test_search_works_on_a_phone(phone: Tab) -> None:
    phone.open()
    assert not phone.page.locator("#gs-header-q").is_visible()
    button = phone.page.get_by_role("button", name="Tìm kiếm")
    assert button.is_visible()
    box = button.bounding_box()
    assert box and box["width"] >= 24 and box["height"] >= 24
    button.tap()
    phone.page.wait_for_url(re.compile(r"/tim-kiem/"))
    phone.page.locator("#gs-search-q").tap()
    phone.page.keyboard.type("dang thi thuy")
    phone.page.wait_for_function("() => document.querySelector('[data-gs-search-status]')"
                                 ".textContent.includes('«dang thi thuy»')")
    first = phone.page.locator(".gs-search__result").first
    assert "Đặng Thị Thuỷ" in first.inner_text()
    assert phone.page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"
    first.locator("a").tap()
    phone.page.wait_for_url(re.compile(r"/ho-so/dang-thi-thuy/$"))


def test_one_search_downloads_little(tab: Tab) -> None:
    tab.open("tim-kiem/")
    tab.page.wait_for_load_state("networkidle")
    tab.responses.clear()
    run_search(tab, "nguyen")
    total = sum(size for _, size in tab.responses)
    assert total <= MAX_SEARCH_KB * 1024, f"{total / 1024:.0f} KB: {tab.responses}"
    assert any("/pagefind/" in url for url, _ in tab.responses)


def test_search_page_without_javascript_explains_itself(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "tim-kiem/?q=dang")
    assert "cần JavaScript" in page.inner_text("main")
    context.close()


def test_published_pages_are_not_changed_by_indexing(site_dir: Path) -> None:
    html = (site_dir / "ho-so" / "dang-thi-thuy" / "index.html").read_text("utf-8")
    assert "data-pagefind" not in html and "⟦" not in html
