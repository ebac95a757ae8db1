"""Links of pages staged one folder deeper (guongsang.site.relink, ENGINES.md difference 1).

Each case is data: the Markdown an editor wrote, the page it is in, and the exact Markdown
staged. ``EXISTS`` are the staged files by their content/ path; ``MOVED`` the pages that move.
"""
from __future__ import annotations

import pytest

from guongsang.site.relink import nested, rewrite, rewrite_url

MOVED = {"gioi-thieu.md": "gioi-thieu/index.md", "so-tay.md": "so-tay/index.md",
         "mo-hinh/x.md": "mo-hinh/x/index.md", "mo-hinh/y.md": "mo-hinh/y/index.md"}
EXISTS = {*MOVED, "index.md", "ho-so/an/index.md", "anh.png", "mo-hinh/index.md",
          "mo-hinh/anh x.png", "tep (1).pdf"}
G, GN = "gioi-thieu.md", "gioi-thieu/index.md"
X, XN = "mo-hinh/x.md", "mo-hinh/x/index.md"

CASES = {
    # PASS: a link to a staged file leads to it from the new place.
    "page": (G, "[Hồ sơ An](ho-so/an/index.md)", "[Hồ sơ An](../ho-so/an/index.md)"),
    "image with title": (G, '![Ảnh](anh.png "Ảnh tập thể")', '![Ảnh](../anh.png "Ảnh tập thể")'),
    "image next to the page": (X, "![a](anh%20x.png)", "![a](../anh%20x.png)"),
    "angle brackets": (X, "![a](<anh x.png>)", "![a](<../anh x.png>)"),
    "parentheses in the path": (G, "[t](tep%20(1).pdf)", "[t](../tep%20(1).pdf)"),
    "anchor and query kept": (X, "[i](index.md?a=1#b)", "[i](../index.md?a=1#b)"),
    "up from a folder": (X, "[An](../ho-so/an/index.md)", "[An](../../ho-so/an/index.md)"),
    "reference definition": (G, "[sổ tay]: so-tay.md#muc-1 'Sổ'",
                             "[sổ tay]: ../so-tay/index.md#muc-1 'Sổ'"),
    "reference in angle brackets": (G, "  [s]: <anh.png>", "  [s]: <../anh.png>"),
    "to a moved page": (X, "[y](y.md)", "[y](../y/index.md)"),
    "to itself": (G, "[đầu trang](gioi-thieu.md#dau)", "[đầu trang](index.md#dau)"),
    "from an index page to a moved one": ("mo-hinh/index.md", "[x](x.md) [s](../so-tay.md)",
                                          "[x](x/index.md) [s](../so-tay/index.md)"),
    "two on a line": (G, "[a](anh.png) và [b](so-tay.md)",
                      "[a](../anh.png) và [b](../so-tay/index.md)"),
    # Never touched.
    "external": (G, "[x](https://x.org/a.md) [m](mailto:a@b.vn) <https://x.org/>", None),
    "anchor only": (G, "[mục](#muc)", None),
    "absolute path": (G, "[tìm](/tim-kiem/)", None),
    "leads nowhere (kept as the engine keeps it)": (X, "[a](../ho-so/an/) [b](khong-co.md)", None),
    "code span": (G, "`[mã](so-tay.md)` và ``a ` [c](anh.png)``", None),
    "fenced code": (G, "```md\n[f](so-tay.md)\n```\n", None),
    "unclosed fence": (G, "~~~\n[f](so-tay.md)\n", None),
    "comment": (G, "<!-- [c](so-tay.md) -->", None),
    "raw html": (G, '<a href="so-tay.md">s</a> <img src="anh.png">', None),
    "front matter": (G, "---\ntitle: '[a](so-tay.md)'\n---\n\nThân.\n", None),
    "index page to a page that stays": ("index.md", "[An](ho-so/an/index.md)", None),
}


@pytest.mark.parametrize("name", CASES)
def test_links_are_rewritten_exactly_where_the_engine_follows_them(name: str) -> None:
    old, text, expected = CASES[name]
    assert rewrite(text, old, MOVED.get(old, old), MOVED, EXISTS) == (
        text if expected is None else expected)


def test_only_links_outside_code_and_front_matter_change_in_a_whole_page() -> None:
    text = ("---\ntitle: Giới thiệu\nanh: anh.png\n---\n\n# Giới thiệu\n\n"
            "Xem [hồ sơ](ho-so/an/index.md), `[mã](anh.png)`.\n\n"
            "```\n[f](anh.png)\n```\n\n![Ảnh][a]\n\n[a]: anh.png\n")
    assert rewrite(text, G, GN, MOVED, EXISTS) == (
        "---\ntitle: Giới thiệu\nanh: anh.png\n---\n\n# Giới thiệu\n\n"
        "Xem [hồ sơ](../ho-so/an/index.md), `[mã](anh.png)`.\n\n"
        "```\n[f](anh.png)\n```\n\n![Ảnh][a]\n\n[a]: ../anh.png\n")


def test_a_url_is_read_from_the_old_folder_and_written_for_the_new_one() -> None:
    assert rewrite_url("anh.png", G, GN, MOVED, EXISTS) == "../anh.png"
    assert rewrite_url("./anh.png", G, GN, MOVED, EXISTS) == ".././anh.png"
    assert rewrite_url("so-tay.md", G, GN, MOVED, EXISTS) == "../so-tay/index.md"
    assert rewrite_url("?q=1", G, GN, MOVED, EXISTS) == "?q=1"
    assert rewrite_url("", G, GN, MOVED, EXISTS) == ""


@pytest.mark.parametrize(("uri", "staged"), [
    ("gioi-thieu.md", "gioi-thieu/index.md"), ("mo-hinh/x.md", "mo-hinh/x/index.md"),
    ("mo-hinh/index.md", "mo-hinh/index.md"), ("a/README.md", "a/README.md"),
    ("index.md", "index.md"), ("anh.png", "anh.png")])
def test_pages_other_than_index_pages_get_a_folder_of_their_own(uri: str, staged: str) -> None:
    assert nested(uri) == staged
