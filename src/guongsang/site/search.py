"""Site search: which pages are indexed, and the extra words that make folding complete.

Search runs in the reader's browser with Pagefind, which loads its index in small fragments.
Pagefind already matches "nguyen" with "Nguyễn" (it drops combining marks), but not
"dang" with "Đặng" (đ is a letter of its own, not d plus a mark), and it treats "kỹ" and
"kĩ" as different words. So each indexed page gets, hidden from readers, the extra spellings
that Pagefind's own folding misses. ``overrides/assets/js/search.js`` folds the query the same
way (:func:`guongsang.text.fold`) and, for a query typed with accents, ranks exact matches
first using Pagefind's ``exactDiacritics`` mode.

The published HTML is not changed: the pages are handed to Pagefind in memory.
"""
from __future__ import annotations

import html
import importlib.util
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..problems import Problem
from ..project import Project
from ..text import fold, nfc
from .output import SiteOutput
from .postbuild import post_build

log = logging.getLogger("mkdocs.plugins.guongsang.search")

BUNDLE_DIR = "pagefind"
"""Where the index is written, relative to the site root (``search.js`` loads it from here)."""

UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)

STOP_WORDS = frozenset([
    "và", "của", "các", "những", "được", "trong", "cho", "với", "là", "có", "một", "đã", "để",
    "đến", "từ", "theo", "này", "khi", "thì", "mà", "ở", "ra", "vào", "về", "như", "cũng",
    "không", "sau", "trên", "đó", "nên", "đang", "sẽ", "bị", "vì", "nếu", "hoặc", "tại",
    "bằng", "do", "qua", "rồi", "lại", "còn", "hơn", "rất", "đều", "nhưng", "nào", "gì",
    "cùng", "nhiều",
])
"""Vietnamese function words left out of the index (never out of titles). Nobody finds a page
by "và" or "được", yet they are the most frequent words of every text: their entries filled
index chunks for nothing. Results show the page description, so no excerpt misses them."""

BLOCK_OPEN, BLOCK_CLOSE = "\u27e6", "\u27e7"
"""Brackets around the hidden extra words, so ``search.js`` can cut them out of excerpts."""

# Page kinds readers search for, by the first segment of the URL; shown next to each result.
KINDS: dict[str, str] = {
    urls.PROFILES: "Hồ sơ",
    urls.CAMPAIGNS: "Phong trào thi đua",
    urls.MODELS: "Mô hình, sáng kiến",
    urls.STORIES: "Tin bài",
}
# Thousands of profiles: for them only the name is indexed (see name_only). Pagefind splits
# its index into chunks of a fixed number of entries (about 60 KB each at 5,000 names) and a
# search downloads the chunk of every word it looks up; a profile's summary, facts or story
# would triple the chunks' number, and words such as "Thị", "Phòng" or "Xúc tiến" would put
# one in every search. The summary still shows in the results (as the page description).
# Campaigns, models and stories are fewer and are indexed in full, up to their generated
# sections (a story's listing pages, tin-bai/trang/… and tin-bai/nam/…, have three parts).
NAME_ONLY = {urls.PROFILES}
# Single pages worth finding besides those (their URL without the trailing slash).
PAGES: dict[str, str] = {
    urls.CRITERIA.rstrip("/"): "Tiêu chí",
    "gioi-thieu": "Giới thiệu",
}

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_H2 = re.compile(r"<h2[\s>]", re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)<")
# Generated sections (a campaign's results, a model's replications) start with an h2 whose id
# begins with "gs-"; they list other pages, which are indexed on their own.
_GENERATED = re.compile(r'<h2 id="gs-')
_TOKEN = re.compile(r"\w+|\W+")
# Pagefind runs the text of neighbouring cells and list items together ("Tác giảNguyễn");
# a space before each closing block tag keeps the words apart.
_BLOCK_END = re.compile(
    r"(</(?:p|li|dt|dd|td|th|tr|h[1-6]|div|figcaption|caption|blockquote|section|ul|ol|dl"
    r"|table|figure|summary|details)>|<br\s*/?>)", re.IGNORECASE)
_NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex', re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style|svg|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL | re.IGNORECASE)
_WORD = re.compile(r"\w+")
# A syllable written with a lone i or y after its consonants: kỹ/kĩ, lý/lí, quý/quí, Vy/Vi.
_IY = re.compile(r"^(qu|[bcdđghklmnpqrstvx]+)([iy])$")


@dataclass(frozen=True)
class SearchPage:
    """An HTML page of the finished site that belongs in the search index."""

    url: str
    """Directory URL relative to the site root, e.g. ``ho-so/dang-thi-thuy/``."""
    kind: str
    """Label shown next to the result ("Hồ sơ", "Phong trào thi đua", …)."""
    name_only: bool = False
    """Index only the page's name (its h1)."""


def page_kind(rel_path: str) -> SearchPage | None:
    """The page at ``rel_path`` (e.g. ``ho-so/a/index.html``) if readers should find it.

    Listing pages (gallery, directory, honour rolls, statistics, the search page itself and
    section indexes) are left out: they repeat every name, so indexing them would bury the
    profile a reader is looking for under lists that mention it.
    """
    if not rel_path.endswith("index.html"):
        return None
    url = rel_path[: -len("index.html")]
    parts = [p for p in url.split("/") if p]
    if len(parts) == 2 and parts[0] in KINDS:
        return SearchPage(url, KINDS[parts[0]], name_only=parts[0] in NAME_ONLY)
    if len(parts) == 1 and parts[0] in PAGES:
        return SearchPage(url, PAGES[parts[0]])
    return None


def native_fold(word: str) -> str:
    """How Pagefind itself folds a word: lower case, combining marks dropped, đ kept."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def spellings(word: str) -> set[str]:
    """Folded spellings a reader may type for ``word``: ``fold`` plus the i/y alternative.

    >>> sorted(spellings("Kỹ"))
    ['ki', 'ky']
    >>> sorted(spellings("Đặng"))
    ['dang']
    """
    folded = fold(nfc(word))
    out = {folded}
    if m := _IY.match(folded):
        out.add(m.group(1) + ("y" if m.group(2) == "i" else "i"))
    return out


def extra_words(text: str) -> list[str]:
    """Words to add to the index so every folded spelling of ``text`` can be found.

    Only spellings that Pagefind's own folding does not produce are returned (those with
    đ → d, and the other of i/y), in order of first appearance, without repeats.

    >>> extra_words("Đặng Thị Thuỷ, kỹ sư")
    ['dang', 'thy', 'ki']
    """
    native: set[str] = set()
    extra: dict[str, None] = {}
    for word in _WORD.findall(nfc(text)):
        if word.isdigit():
            continue
        native.add(native_fold(word))
        for spelling in sorted(spellings(word)):
            extra.setdefault(spelling, None)
    return [w for w in extra if w not in native]


def visible_text(fragment: str) -> str:
    """Readable text of an HTML fragment (scripts, styles and SVG dropped)."""
    return html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", fragment)))


def _drop_stop_words(fragment: str) -> str:
    """``fragment`` with the function words of :data:`STOP_WORDS` taken out of its text."""
    def clean(text: str) -> str:
        return "".join(part for part in _TOKEN.findall(text)
                       if nfc(part).lower() not in STOP_WORDS)
    return _TEXT.sub(lambda m: ">" + clean(m.group(1)) + "<", f">{fragment}<")[1:-1]


def name_only(article: str) -> str:
    """The article's first h1, alone (see :data:`NAME_ONLY`)."""
    first = _H1.search(article)
    return first.group(0) if first else ""


def prepare(page_html: str, page: SearchPage) -> str | None:
    """The HTML handed to Pagefind for ``page``; ``None`` when it has nothing to index.

    A small document is built from the page's article (or its name, see ``name_only``): the
    page kind and description become Pagefind metadata, and the extra spellings go first, in
    hidden spans (the name's own weigh as much as a heading, the others as body text).
    """
    if _NOINDEX.search(page_html):
        return None
    start = _ARTICLE.search(page_html)
    if not start:
        return None
    opening = page_html.find(">", start.end()) + 1
    main_end = page_html.find("</main>", opening)
    main_end = main_end if main_end > 0 else len(page_html)
    close = page_html.rfind("</article>", opening, main_end)
    body = page_html[opening: close if close > 0 else main_end]
    if page.name_only:
        body = name_only(body)
    elif generated := _GENERATED.search(body):
        body = body[:generated.start()]
    body = _BLOCK_END.sub(r" \1", _SCRIPT.sub(" ", body))
    title_match = _H1.search(body)
    title = visible_text(title_match.group(1)).strip() if title_match else ""
    if title_match:
        body = (_drop_stop_words(body[:title_match.start()]) + title_match.group(0)
                + _drop_stop_words(body[title_match.end():]))
    else:
        body = _drop_stop_words(body)
    title_words = extra_words(title)
    body_words = [w for w in extra_words(visible_text(body)) if w not in title_words]
    block = "".join(
        f'<span data-pagefind-weight="{weight}" hidden>{BLOCK_OPEN} {" ".join(words)} {BLOCK_CLOSE}</span>'
        for weight, words in (("7", title_words), ("1", body_words)) if words)
    kind = html.escape(page.kind.replace(",", " ").replace(":", " "), quote=True)
    description = _DESCRIPTION.search(page_html)
    meta = (f'<meta name="description" content="{description.group(1)}" '
            'data-pagefind-meta="mo_ta[content]">' if description else "")
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>{meta}</head><body>"
            f'<main data-pagefind-body data-pagefind-meta="loai:{kind}">{block}{body}</main>'
            "</body></html>")


def pages_to_index(site_dir: Path) -> Iterator[tuple[SearchPage, str]]:
    """Every indexable page of a built site with the HTML to index, in path order."""
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(f"{BUNDLE_DIR}/"):
            continue
        page = page_kind(rel)
        if page is None:
            continue
        prepared = prepare(path.read_text(encoding="utf-8"), page)
        if prepared is not None:
            yield page, prepared


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site (its own message is kept)."""


def _run_pagefind(source: Path, output: Path) -> None:
    # The command line, not Pagefind's asyncio API: that API cannot run inside another event
    # loop (Playwright's, a dev server's) and answers one request per 0.1 s.
    _run([sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
          "--force-language", "vi", "--silent"])


def _run(command: list[str]) -> str:
    """Standard output of ``command``; its own message as :class:`SearchIndexError` if it fails."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError((done.stderr or done.stdout).strip() or f"exit {done.returncode}")
    return done.stdout


def build_index(site_dir: Path) -> int:
    """Write the Pagefind bundle into ``site_dir/pagefind``; returns the number of pages.

    The prepared pages go to a scratch directory that Pagefind reads in one run.
    """
    output = site_dir / BUNDLE_DIR
    count = 0
    with tempfile.TemporaryDirectory(prefix="guongsang-search-", ignore_cleanup_errors=True) as tmp:
        scratch = Path(tmp)
        for page, content in pages_to_index(site_dir):
            target = scratch / page.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            count += 1
        # Written aside and swapped in, so a live preview never serves half an index.
        fresh = scratch / f".{BUNDLE_DIR}"
        _run_pagefind(scratch, fresh)
        # Pagefind also writes its ready-made search interfaces; the site uses its own.
        for unused in UNUSED_FILES:
            (fresh / unused).unlink(missing_ok=True)
        if output.exists():
            shutil.rmtree(output)
        shutil.move(fresh, output)
    return count


def index_in_child(site_dir: Path) -> int:
    """:func:`build_index` in a separate Python process.

    Reading and preparing every page is Python work; in a process of its own it uses another
    CPU core instead of the live preview's interpreter lock, so the next rebuild after a save
    is not slowed down by the index of the previous one.
    """
    out = _run([sys.executable, "-m", "guongsang.site.search", str(site_dir)])
    return int(out.strip().splitlines()[-1])


@post_build(background=True)
def search_index(site_dir: Path, output: SiteOutput, project: Project) -> list[Problem]:
    """Post-build step: index the finished site for the search page."""
    if importlib.util.find_spec("pagefind_bin") is None:
        return [Problem(
            "requirements.txt", 0, "pagefind", "tim-kiem-thieu",
            "Chưa cài Pagefind (gói pagefind[bin]) nên trang chưa có chức năng tìm kiếm.",
            "Cài các gói đã ghim bằng lệnh: make venv")]
    try:
        count = index_in_child(site_dir)
    except SearchIndexError as err:
        return [Problem("mkdocs.yml", 0, "pagefind", "tim-kiem-loi",
                        f"Pagefind không lập được chỉ mục tìm kiếm: {err}",
                        "Chạy lại `make build`; nếu vẫn lỗi, gửi thông báo này cho người phụ trách kỹ thuật.")]
    log.info("Pagefind: đã lập chỉ mục tìm kiếm cho %d trang.", count)
    return []


def main(argv: list[str]) -> int:
    """``python -m guongsang.site.search SITE_DIR``: index a built site, print the page count."""
    try:
        print(build_index(Path(argv[0])))
    except SearchIndexError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
