"""MkDocs speed-up that changes no byte of output: generated raw-HTML blocks skip Markdown's
HTML parser and are put back after conversion (see guongsang.site.rawhtml).

Plain Python-Markdown keeps those blocks as they are, so an engine without hooks (Zensical)
renders the same pages, only slower; tests/test_materialise.py builds the staged site with and
without this hook and compares the output. Used by the live preview and the staged build.
"""
from __future__ import annotations

from mkdocs.structure.pages import Page

from guongsang.site.rawhtml import Protected, protect

_raw_blocks: dict[str, Protected] = {}


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    protected = protect(markdown)
    _raw_blocks[page.file.src_uri] = protected
    return protected.markdown


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    protected = _raw_blocks.pop(page.file.src_uri, None)
    if protected is None or not protected.blocks:
        return html
    # MkDocs finds anchors in raw HTML while converting; these blocks were out of its sight.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= protected.ids()
    return protected.restore(html)
