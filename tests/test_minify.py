"""Whitespace of the built pages collapsed (site/minify.py): fewer bytes, nothing else changed.

The pixels are compared in a browser by tests/browser/test_minified.py.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from guongsang.site import postbuild
from guongsang.site.minify import Minified, collapse, minified_message, minify_pages, minify_site

PAGE = (
    "\r\n<!doctype html>\n<html>\n  <head>\n    <title>  Gương   sáng  </title>\n"
    "    <script>  var a =  1;\n\n  if (a  <b) {}</script>\n"
    "    <style>\n  .x  {  }\n</style>\n  </head>\n"
    '  <body class="a   b">\n'
    "    <p>Chào   <b>bạn</b>\n\n      đọc\u00a0\u00a0tiếp\u2003\u2003nhé</p>\n"
    "    <pre>  giữ\n\n   nguyên </pre><code>a  b</code> <KBD>Ctrl  +  C</KBD>\n"
    "    <!--  ghi   chú  -->\n"
    "    <textarea name=t>\n  hai  dòng\n</textarea>\n"
    '    a < b  c <a title="x  >  y"  href=\'q  \'>\tliên   kết  </a>\n'
    "    <codex>  không   giữ </codex><pre class=\"p\">\n  x  </PRE >\n"
    "  </body>\n</html>\n"
)
EXPECTED = (
    "<!doctype html>\n<html>\n<head>\n<title> Gương sáng </title>\n"
    "<script>  var a =  1;\n\n  if (a  <b) {}</script>\n"
    "<style>\n  .x  {  }\n</style>\n</head>\n"
    '<body class="a   b">\n'
    "<p>Chào <b>bạn</b>\nđọc\u00a0\u00a0tiếp\u2003\u2003nhé</p>\n"
    "<pre>  giữ\n\n   nguyên </pre><code>a  b</code> <KBD>Ctrl  +  C</KBD>\n"
    "<!--  ghi   chú  -->\n"
    "<textarea name=t>\n  hai  dòng\n</textarea>\n"
    'a < b c <a title="x  >  y"  href=\'q  \'> liên kết </a>\n'
    "<codex> không giữ </codex><pre class=\"p\">\n  x  </PRE >\n"
    "</body>\n</html>\n"
)


def test_blanks_in_text_become_one_and_everything_else_stays_as_written() -> None:
    """Runs of blanks in text: one line break if they held one, else one space. Tags and
    their attributes, comments, pre/textarea/script/style/code/kbd, and no-break or other
    Unicode spaces are kept exactly."""
    assert collapse(PAGE) == EXPECTED


def test_collapsing_twice_changes_nothing_more() -> None:
    once = collapse(PAGE)
    assert collapse(once) == once


@pytest.mark.parametrize("markup", [
    "<!--  a  ",         # a comment that never closes
    "<pre>  a  ",        # a kept element without its end tag
    '<a title="  a  ',   # a quoted value that never closes
])
def test_markup_that_never_closes_leaves_the_rest_of_the_page_as_it_is(markup: str) -> None:
    assert collapse(f"<p>a  b</p>  {markup}  <i>c   d</i>") == f"<p>a b</p> {markup}  <i>c   d</i>"


def test_a_tag_ends_at_the_first_unquoted_bracket_as_a_browser_reads_it() -> None:
    assert collapse("<p  class=x  <i>c   d</i>") == "<p  class=x  <i>c d</i>"


@pytest.mark.parametrize("name, text", [
    ("unclosed comments", "<!--" * 50_000),
    ("unclosed pre", "<pre>" * 50_000),
    ("tag starts", "<a" * 100_000),
    ("unbalanced quotes", '<a "' * 50_000),
    ("lone brackets", "< " * 100_000),
    ("blanks", " " * 200_000 + "x" + "\n \t" * 50_000),
    ("end tags", "</pre>  " * 50_000),
])
def test_hostile_pages_are_read_in_linear_time(name: str, text: str) -> None:
    started = time.perf_counter()
    collapse(text)
    assert time.perf_counter() - started < 2, name


def test_minify_site_rewrites_changed_pages_only_and_nothing_but_html(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>\n    x   y\n</p>\n", encoding="utf-8")
    (tmp_path / "ok.html").write_text("<p>x</p>\n", encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<rss>\n    <x/>\n</rss>\n", encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"<p>\xff  \xfe</p>")  # not UTF-8: bytes kept
    stamp = (tmp_path / "ok.html").stat().st_mtime_ns
    done = minify_site(tmp_path)
    assert (done.pages, done.before, done.after) == (3, 19 + 9 + 11, 13 + 9 + 10)
    assert (tmp_path / "a" / "index.html").read_text(encoding="utf-8") == "<p>\nx y\n</p>\n"
    assert (tmp_path / "ok.html").stat().st_mtime_ns == stamp
    assert (tmp_path / "feed.xml").read_text(encoding="utf-8") == "<rss>\n    <x/>\n</rss>\n"
    assert (tmp_path / "bad.html").read_bytes() == b"<p>\xff \xfe</p>"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "bad.html", "feed.xml",
                                                           "index.html", "ok.html"]


def test_the_step_runs_before_the_steps_that_read_the_pages_and_not_in_the_preview() -> None:
    import guongsang.pages  # noqa: F401  (its modules register the other steps)

    assert postbuild.STEPS[0] is minify_pages and len(postbuild.STEPS) > 1
    assert minify_pages in postbuild.NOT_LIVE


def test_the_built_site_is_minified_and_keeps_its_text(sample_site: Path) -> None:
    page = (sample_site / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>\n")
    assert collapse(page) == page
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        text = re.sub(r"<(pre|textarea|script|style|code|kbd)\b.*?</\1>", "<kept>",
                      path.read_text(encoding="utf-8"), flags=re.DOTALL | re.IGNORECASE)
        runs = [t for t in re.findall(r">([^<>]*)<", text) if re.search(r"[ \t\n]{2,}", t)]
        assert runs == [], path


def test_a_large_site_is_shared_between_processes_with_the_same_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guongsang.site import minify

    for name in ("one", "two"):
        for i in range(40):
            page = tmp_path / name / f"p{i}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(PAGE.replace("bạn", f"bạn {i}"), encoding="utf-8")
    alone = minify_site(tmp_path / "one", workers=1)
    monkeypatch.setattr(minify, "PARALLEL_FROM", 10)
    shared = minify_site(tmp_path / "two", workers=3)
    assert shared == alone and alone.pages == 40
    for i in range(40):
        assert (tmp_path / "two" / f"p{i}" / "index.html").read_bytes() == \
            (tmp_path / "one" / f"p{i}" / "index.html").read_bytes()


@pytest.mark.parametrize(("done", "message"), [
    (Minified(17, 310_000, 270_000), "Khoảng trắng của 17 trang đã được rút gọn: 303 KB còn 264 KB."),
    (Minified(20_000, 900 * 2**20, 780 * 2**20),
     "Khoảng trắng của 20000 trang đã được rút gọn: 900,0 MB còn 780,0 MB."),
    (Minified(3, 4_000, 4_000), "Khoảng trắng của 3 trang đã gọn sẵn (4 KB)."),
    (Minified(0, 0, 0), "Khoảng trắng của 0 trang đã gọn sẵn (0 KB)."),
])
def test_the_log_line_reads_well_at_every_size(done: Minified, message: str) -> None:
    assert minified_message(done) == message
