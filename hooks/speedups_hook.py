"""MkDocs speed-ups that change no byte of output, for the live preview and the staged build.

* Generated raw-HTML blocks skip Markdown's HTML parser and are put back after conversion
  (guongsang.site.rawhtml): a third of a build's time at 1,000 profiles. Plain Python-Markdown
  keeps those blocks as they are, so an engine without hooks (Zensical) renders the same pages,
  only slower; tests/test_materialise.py builds with and without this hook and compares.
* Media files of the docs folder are hard-linked into the site instead of copied (MkDocs then
  finds the very same file there and skips its copy): the staged photos and share images are
  links to the image cache already (guongsang.site.materialise), so a province's tens of
  thousands of images cost neither a copy on each build nor freeing their blocks when MkDocs
  empties the site folder on the next one. Anything else, or a file system without links, is
  copied by MkDocs as usual.
* Compiled theme templates are kept on disk: MkDocs makes a new template environment for every
  build, and compiling Material's again cost half a second of each preview rebuild. Jinja checks
  each template's source before reusing its compiled form.
"""
from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guongsang.site.rawhtml import Protected, protect

CACHE = ".cache/guongsang/jinja"
"""Beside the configuration file (the project's cache folder; build/.cache for the staged one)."""

_raw_blocks: dict[str, Protected] = {}

LINKED = (".webp", ".jpg", ".jpeg", ".png", ".avif", ".gif")
"""The media a site holds many of; other static files are few and copied as MkDocs does."""


@event_priority(-100)  # after any hook that adds, removes or moves files
def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    docs = os.path.realpath(config.docs_dir)
    for file in files:
        src = file.abs_src_path
        if (src is None or file.is_documentation_page() or not file.inclusion.is_included()
                or not src.lower().endswith(LINKED)
                or not os.path.realpath(src).startswith(docs + os.sep)):
            continue
        dest = file.abs_dest_path
        try:
            if os.path.lexists(dest):
                if os.path.samefile(src, dest):
                    continue
                # A dirty rebuild (`make serve`) keeps the site folder: never let MkDocs copy
                # into an old file, which may be a link to another cached image.
                os.unlink(dest)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            os.link(src, dest)
        except OSError:
            pass  # no links on this file system: MkDocs copies the file as usual
    return files


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
