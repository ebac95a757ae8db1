"""The search page at ``tim-kiem/``: a form that works with ``?q=`` and lists results.

The index is written after the build by :mod:`guongsang.site.search`; the results are drawn in the
browser by ``overrides/assets/js/search.js``. Without JavaScript the form still submits to this
page, which then says that search needs JavaScript and points to the listing pages.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..html import esc, front_matter
from ..site import search
from ..site.output import Asset, View
from . import Context, generator

TITLE = "Tìm kiếm"
PLACEHOLDER = "Tên người, phong trào, mô hình…"


@dataclass(frozen=True)
class SearchView(View):
    """The search page (one per site)."""


def render(page_url: str) -> str:
    bundle = urls.relative(f"{search.BUNDLE_DIR}/", page_url)
    gallery = urls.relative(urls.GALLERY, page_url)
    directory = urls.relative(urls.DIRECTORY, page_url)
    meta = {"title": TITLE,
            "description": "Tìm hồ sơ gương điển hình, người tốt việc tốt, phong trào thi đua "
                           "và mô hình, sáng kiến; gõ có dấu hay không dấu đều được.",
            "hide": ["toc"],
            "guongsang": {"kind": "search"}}
    return front_matter(meta) + f"""# {TITLE}

<div class="gs-search" data-gs-search data-bundle="{esc(bundle)}">
<form class="gs-search__form" role="search" aria-label="Tìm trong hồ sơ, phong trào, mô hình" action="./" method="get">
<label class="gs-search__label" for="gs-search-q">Tìm hồ sơ, phong trào, mô hình</label>
<div class="gs-search__row">
<input class="gs-search__input" id="gs-search-q" name="q" type="search" autocomplete="off"
  spellcheck="false" enterkeyhint="search" placeholder="{esc(PLACEHOLDER)}" aria-describedby="gs-search-hint">
<button class="md-button md-button--primary gs-search__submit" type="submit">Tìm</button>
</div>
<p class="gs-search__hint" id="gs-search-hint">Gõ có dấu hay không dấu đều được: «nguyen van», «dang», «thuy».</p>
</form>
<p class="gs-search__status" role="status" aria-live="polite" data-gs-search-status></p>
<ol class="gs-search__results" data-gs-search-results></ol>
<p class="gs-search__more-wrap"><button class="md-button gs-search__more" type="button" data-gs-search-more hidden>Xem thêm kết quả</button></p>
<noscript><p>Chức năng tìm kiếm cần JavaScript. Bạn vẫn có thể xem
<a href="{esc(gallery)}">Người tốt, việc tốt</a> và <a href="{esc(directory)}">Gương điển hình</a>.</p></noscript>
</div>
"""


@generator
def search_page(ctx: Context) -> Iterator[View | Asset]:
    yield SearchView(urls.SEARCH, TITLE, render(urls.SEARCH), in_sitemap=False)
