"""Search folding: the index and the browser fold Vietnamese the same way.

The browser side (overrides/assets/js/search.js) is run with Node when it is installed, so a
change on one side that the other does not follow fails here, not in front of a reader.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from guongsang.site import search
from guongsang.text import fold

ROOT = Path(__file__).resolve().parent.parent
SEARCH_JS = ROOT / "overrides" / "assets" / "js" / "search.js"

ARTICLE = '<article class="md-content__inner md-typeset">'


def page_html(body: str, extra_head: str = "") -> str:
    return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"description\" content=\"Mô tả ngắn\">{extra_head}</head><body>"
            f"<header>Đầu trang</header><main>{ARTICLE}{body}</article></main>"
            "<footer>Chân trang Đà Lạt</footer></body></html>")


# --- which pages are indexed ---------------------------------------------------------------

@pytest.mark.parametrize(("path", "kind"), [
    ("ho-so/dang-thi-thuy/index.html", "Hồ sơ"),
    ("phong-trao/thi-dua-chuyen-doi-so-2024/index.html", "Phong trào thi đua"),
    ("mo-hinh/so-hoa-ho-so-luu-tru/index.html", "Mô hình, sáng kiến"),
    ("tieu-chi/index.html", "Tiêu chí"),
    ("gioi-thieu/index.html", "Giới thiệu"),
])
def test_pages_readers_look_for_are_indexed(path: str, kind: str) -> None:
    page = search.page_kind(path)
    assert page is not None and page.kind == kind
    assert page.url == path.removesuffix("index.html")


@pytest.mark.parametrize("path", [
    "index.html", "nguoi-tot-viec-tot/index.html", "nguoi-tot-viec-tot/trang-2/index.html",
    "guong-dien-hinh/index.html", "guong-dien-hinh/don-vi/cong-doan-co-so/index.html",
    "vinh-danh/2025/index.html", "thong-ke/index.html", "tim-kiem/index.html",
    "phong-trao/index.html", "mo-hinh/index.html", "404.html", "ho-so/a/b/index.html",
])
def test_listing_pages_are_not_indexed(path: str) -> None:
    assert search.page_kind(path) is None


# --- extra spellings -----------------------------------------------------------------------

@pytest.mark.parametrize(("word", "expected"), [
    ("Đặng", {"dang"}), ("Nguyễn", {"nguyen"}), ("Thuỷ", {"thuy"}), ("Thủy", {"thuy"}),
    ("Kỹ", {"ky", "ki"}), ("kĩ", {"ki", "ky"}), ("Quý", {"quy", "qui"}), ("Vy", {"vy", "vi"}),
    ("Duy", {"duy"}), ("Huy", {"huy"}), ("Thị", {"thi", "thy"}),
])
def test_spellings_a_reader_may_type(word: str, expected: set[str]) -> None:
    assert search.spellings(word) == expected


def test_extra_words_are_only_what_pagefind_cannot_fold_itself() -> None:
    # Pagefind matches "nguyen" with "Nguyễn" on its own; not "dang" with "Đặng" (đ is a
    # letter, not d + mark) nor "ki" with "kỹ".
    assert search.extra_words("Nguyễn Văn Đức, kỹ sư ở Đà Lạt; Đặng Thị Thuỷ") == [
        "duc", "ki", "da", "dang", "thy"]


def test_extra_words_of_nfd_text_equal_those_of_nfc_text() -> None:
    text = "Đặng Thị Thuỷ, Lý Kỹ"
    assert search.extra_words(unicodedata.normalize("NFD", text)) == search.extra_words(text)


# --- the HTML handed to Pagefind -----------------------------------------------------------

def test_prepare_builds_a_small_document_with_hidden_spellings() -> None:
    page = search.SearchPage("phong-trao/a/", "Phong trào thi đua")
    html = page_html("<h1>Đặng Thị Thuỷ</h1><p>Kỹ sư ở Đà Lạt.</p><h2>Kết quả</h2><p>Tốt.</p>")
    assert search.prepare(html, page) == (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đặng Thị Thuỷ</title>'
        '<meta name="description" content="Mô tả ngắn" data-pagefind-meta="mo_ta[content]">'
        '</head><body><main data-pagefind-body data-pagefind-meta="loai:Phong trào thi đua">'
        '<span data-pagefind-weight="7" hidden>⟦ dang thy ⟧</span>'
        '<span data-pagefind-weight="1" hidden>⟦ ki da ⟧</span>'
        # "ở" is a function word: left out of the index, never out of the title.
        "<h1>Đặng Thị Thuỷ </h1><p>Kỹ sư  Đà Lạt. </p><h2>Kết quả </h2><p>Tốt. </p>"
        "</main></body></html>")


def test_function_words_leave_the_index_but_not_titles() -> None:
    page = search.SearchPage("mo-hinh/a/", "Mô hình, sáng kiến")
    out = search.prepare(page_html("<h1>Sổ tay của nhà đầu tư</h1><p>Được dùng và khen.</p>"), page)
    assert out is not None and "<h1>Sổ tay của nhà đầu tư </h1><p> dùng  khen. </p>" in out


def test_neighbouring_cells_stay_separate_words() -> None:
    page = search.SearchPage("mo-hinh/a/", "Mô hình, sáng kiến")
    out = search.prepare(page_html(
        "<h1>A</h1><dl><dt>Tác giả</dt><dd>Nguyễn Thị Hoà</dd></dl>"), page)
    assert out is not None and "<dt>Tác giả </dt><dd>Nguyễn Thị Hoà </dd>" in out


def test_generated_sections_are_not_indexed() -> None:
    page = search.SearchPage("phong-trao/a/", "Phong trào thi đua")
    out = search.prepare(page_html(
        '<h1>Phong trào A</h1><p>Nội dung.</p><h2 id="gs-ket-qua">Kết quả phong trào</h2>'
        '<ul><li><a href="../../ho-so/x/">Lê Văn X</a></li></ul>'), page)
    assert out is not None and "Nội dung" in out and "Lê Văn X" not in out


def test_profiles_index_only_their_name() -> None:
    page = search.page_kind("ho-so/dang-thi-thuy/index.html")
    assert page is not None and page.name_only
    html = page_html(
        '<div class="gs-profile-head"><figure><img alt="Ảnh chị Thuỷ"></figure><div>'
        '<p class="gs-kicker">Điển hình tiên tiến</p><h1>Đặng Thị Thuỷ</h1>'
        '<p class="gs-lead">Làm video quảng bá điểm đến.</p>'
        "<dl class=\"gs-facts\"><dt>Đơn vị</dt><dd>Phòng Xúc tiến Du lịch</dd></dl></div></div>"
        "<h2>Câu chuyện</h2><p>Chị Thuỷ vào Phòng năm 2023.</p>")
    out = search.prepare(html, page)
    assert out is not None
    body = out.split("<main", 1)[1]
    assert body.endswith('<span data-pagefind-weight="7" hidden>⟦ dang thy ⟧</span>'
                         "<h1>Đặng Thị Thuỷ </h1></main></body></html>")
    # The summary is still shown in the results, as the page description.
    assert 'content="Mô tả ngắn" data-pagefind-meta="mo_ta[content]"' in out


def test_prepare_skips_redirect_pages_and_pages_without_article() -> None:
    page = search.SearchPage("ho-so/ten-cu/", "Hồ sơ")
    redirect = ('<!doctype html><html lang="vi"><head><meta name="robots" content="noindex">'
                '</head><body><p>Trang đã chuyển</p></body></html>')
    assert search.prepare(redirect, page) is None
    assert search.prepare("<html><body><p>Không có bài</p></body></html>", page) is None


def test_prepare_keeps_kind_labels_safe_for_pagefind_meta_syntax() -> None:
    page = search.SearchPage("mo-hinh/a/", "Mô hình, sáng kiến")
    out = search.prepare(page_html("<h1>A</h1>"), page)
    assert out is not None and 'data-pagefind-meta="loai:Mô hình  sáng kiến"' in out
    # Header and footer are not part of the document.
    assert "Đầu trang" not in out and "Chân trang" not in out


def test_build_index_writes_only_the_files_the_site_uses(tmp_path: Path) -> None:
    pytest.importorskip("pagefind_bin")
    site = tmp_path / "site"
    for rel, body in {"ho-so/dang-thi-thuy/index.html": "<h1>Đặng Thị Thuỷ</h1>",
                      "ho-so/le-minh-duc/index.html": "<h1>Lê Minh Đức</h1>",
                      "nguoi-tot-viec-tot/index.html": "<h1>Danh sách</h1>"}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(page_html(body), encoding="utf-8")
    assert search.build_index(site) == 2
    bundle = site / search.BUNDLE_DIR
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not [f for f in search.UNUSED_FILES if (bundle / f).exists()]
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 2
    # The published pages themselves are untouched.
    assert "data-pagefind" not in (site / "ho-so/dang-thi-thuy/index.html").read_text("utf-8")


# --- the browser folds the same way --------------------------------------------------------

FOLD_CASES = ["Đặng Thị Thuỷ", "NGUYỄN VĂN ĐỨC", "Hoà Hòa", "Kỹ kĩ", "Ưng Thị Mỹ Duyên",
              unicodedata.normalize("NFD", "Trịnh Quốc Bảo"), "Âu Thanh Tùng", "phở, bún!"]


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("GUONGSANG_REQUIRE_BROWSER") == "1":
            pytest.fail("Node.js is required in CI (GUONGSANG_REQUIRE_BROWSER=1) but not found")
        pytest.skip("Node.js not installed: the browser-side folding is not checked here")
    return node


def _run_js(expression: str) -> object:
    script = (f"const s = require({json.dumps(str(SEARCH_JS))});"
              f"process.stdout.write(JSON.stringify({expression}));")
    out = subprocess.run([_node(), "-e", script], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_browser_fold_equals_python_fold() -> None:
    got = _run_js(f"{json.dumps(FOLD_CASES, ensure_ascii=False)}.map(s.fold)")
    assert got == [fold(text) for text in FOLD_CASES]


@pytest.mark.parametrize(("word", "must_include"), [
    ("Thủy", {"thủy", "thuỷ"}), ("thuỷ", {"thủy", "thuỷ"}), ("Hòa", {"hòa", "hoà"}),
    ("kỹ", {"kỹ", "kĩ"}), ("Lí", {"lí", "lý"}), ("Văn", {"văn"}), ("Đặng", {"đặng"}),
])
def test_exact_variants_cover_tone_placement_and_i_y(word: str, must_include: set[str]) -> None:
    got = set(_run_js(f"s.variants({json.dumps(word, ensure_ascii=False)})"))
    assert must_include <= got
    # Every variant is the same word for the project's identity rule, and none is unaccented
    # unless the word itself is.
    from guongsang.text import identity_key
    assert {identity_key(v) for v in got} == {identity_key(word)}


@pytest.mark.parametrize(("excerpt", "expected"), [
    ("Chị <mark>Thuỷ</mark> làm video. ⟦ dang thy ⟧", "Chị <mark>Thuỷ</mark> làm video."),
    ("⟦ <mark>dang</mark> thy ⟧ ⟦ ki ⟧ Đặng Thị Thuỷ. Cô chuyên viên",
     "Đặng Thị Thuỷ. Cô chuyên viên"),
    ("thy ki ⟧ Đặng Thị Thuỷ", "Đặng Thị Thuỷ"),
    ("Cuối bài. ⟦ <mark>dang</mark> th", "Cuối bài."),
])
def test_excerpts_lose_the_hidden_spellings(excerpt: str, expected: str) -> None:
    assert _run_js(f"s.cleanExcerpt({json.dumps(excerpt, ensure_ascii=False)})") == expected


@pytest.mark.parametrize(("query", "core", "extra"), [
    ("dang", ["dang"], []),
    ("nguyen van", ["nguyen", "van"], []),
    ("Đặng Thị Thuỷ", ["dang", "thuy"], ["thi"]),
    ("Nguyễn Thị Thu Hằng", ["nguyen", "hang"], ["thi", "thu"]),
    ("le le  van", ["le", "van"], []),
])
def test_only_the_two_longest_words_are_looked_up(query: str, core: list, extra: list) -> None:
    # Pagefind downloads an index chunk per word looked up; the other words are checked on
    # the results, so a long query costs no more than a two-word one.
    got = _run_js(f"s.plan({json.dumps(query, ensure_ascii=False)})")
    assert (got["core"], got["extra"]) == (core, extra)


def test_other_words_are_checked_on_name_description_and_text() -> None:
    data = {"meta": {"title": "Đặng Thị Thuỷ", "mo_ta": "Làm video"},
            "content": "⟦ dang thy ⟧ Đặng Thị Thuỷ"}
    case = json.dumps(data, ensure_ascii=False)
    assert _run_js(f"[s.hasAll({case}, ['thi', 'vid']), s.hasAll({case}, ['thy']),"
                   f" s.hasAll({case}, ['hoa'])]") == [True, True, False]


def test_whole_word_matches_of_the_title_rank_first_people_before_pages() -> None:
    # Pagefind's order for "hoa": a model page titled "Số hoá…", a Hoàng, then two Hòa/Hoà.
    items = [{"data": {"meta": {"title": t, "loai": k}}, "id": t} for t, k in [
        ("Số hoá hồ sơ lưu trữ", "Mô hình, sáng kiến"), ("Hoàng Văn Hải", "Hồ sơ"),
        ("Phan Văn Hòa", "Hồ sơ"), ("Hồ Thị Thanh Tâm", "Hồ sơ"), ("Nguyễn Thị Hoà", "Hồ sơ")]]
    got = _run_js(f"s.byWholeWords({json.dumps(items, ensure_ascii=False)}, ['hoa'])"
                  ".map(x => x.id)")
    assert got == ["Phan Văn Hòa", "Nguyễn Thị Hoà", "Số hoá hồ sơ lưu trữ", "Hoàng Văn Hải",
                   "Hồ Thị Thanh Tâm"]
    # More words matched wins over the kind of page.
    two = [{"data": {"meta": {"title": "Nguyễn Văn An", "loai": "Hồ sơ"}}, "id": "a"},
           {"data": {"meta": {"title": "Ngày thứ Bảy xanh", "loai": "Mô hình, sáng kiến"}},
            "id": "b"}]
    assert _run_js(f"s.byWholeWords({json.dumps(two, ensure_ascii=False)}, ['thu', 'xanh'])"
                   ".map(x => x.id)") == ["b", "a"]
