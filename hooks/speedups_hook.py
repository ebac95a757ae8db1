"""MkDocs speed-ups that change no byte of output, for the live preview and the staged build.

* Generated raw-HTML blocks skip Markdown's HTML parser and are put back after conversion
  (guongsang.site.rawhtml): a third of a build's time at 1,000 profiles. Plain Python-Markdown
  keeps those blocks as they are, so an engine without hooks (Zensical) renders the same pages,
  only slower; tests/test_materialise.py builds with and without this hook and compares.
* Compiled theme templates are kept on disk: MkDocs makes a new template environment for every
  build, and compiling Material's again cost half a second of each preview rebuild. Jinja checks
  each template's source before reusing its compiled form.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guongsang.site.rawhtml import Protected, protect

CACHE = ".cache/guongsang/jinja"
"""Beside the configuration file (the project's cache folder; build/.cache for the staged one)."""

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


def on_env(env: Environment, config: MkDocsConfig, **kwargs: object) -> Environment:
    cache = Path(config.config_file_path).resolve().parent / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env
