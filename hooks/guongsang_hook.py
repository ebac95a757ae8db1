"""MkDocs adapter: hands MkDocs events to the engine-free core in ``guongsang``.

Nothing here decides anything about content; moving to another engine means rewriting only
this file.
"""
from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guongsang.build import build_site
from guongsang.check import check
from guongsang.output import SiteOutput
from guongsang.problems import Severity, format_report
from guongsang.project import Project, today
from guongsang.rawhtml import Protected, protect
from guongsang.refdata import load_reference

# A mkdocs.plugins.* logger, so `mkdocs build --strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.guongsang")

_state: dict[str, object] = {}


def _project(config: MkDocsConfig) -> Project:
    return Project(root=Path(config.config_file_path).resolve().parent)


def _serving(config: MkDocsConfig) -> bool:
    """True under `mkdocs serve`, which has already pointed site_url at its own address.

    Checked from the config rather than remembered from on_startup: MkDocs re-imports hook
    modules on every serve rebuild, so module state would be lost.
    """
    host, port = config.dev_addr
    return (config.site_url or "").startswith(f"http://{host}:{port}/")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Site identity comes from data/site.yml, not from mkdocs.yml."""
    project = _project(config)
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    config.site_name = ref.site.ten_ngan
    # Material prints the description into an attribute without escaping; see on_page_context.
    config.site_description = escape(ref.site.mo_ta)
    if not _serving(config):
        # Under `mkdocs serve`, MkDocs has already pointed site_url at the local server;
        # keeping it makes canonical and share links work on the preview too.
        config.site_url = ref.site.url
    config.copyright = ref.site.ban_quyen
    if ref.site.logo:
        config.theme["logo"] = ref.site.logo
    config.extra["guongsang_site"] = ref.site
    # Every stylesheet and script under overrides/assets/{css,js} is included, in name order,
    # so a new page kind brings its own file without editing mkdocs.yml.
    theme_dir = project.root / "overrides"
    for kind, target in (("css", config.extra_css), ("js", config.extra_javascript)):
        for path in sorted((theme_dir / "assets" / kind).glob(f"*.{kind}")):
            uri = f"assets/{kind}/{path.name}"
            if uri not in [str(x) for x in target]:
                target.append(uri)
    _state["project"] = project
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _state["project"]
    assert isinstance(project, Project)
    corpus, problems = check(project, today())
    output = build_site(corpus) if not any(p.is_error for p in problems) else SiteOutput()
    problems = [*problems, *output.problems]
    _report(problems)
    _state["output"] = output
    for view in output.views:
        files.append(File.generated(config, view.src_uri, content=view.markdown))
    for asset in output.assets:
        if asset.path is not None:
            files.append(File.generated(config, asset.uri, abs_src_path=str(asset.path)))
        else:
            files.append(File.generated(config, asset.uri, content=asset.content or ""))
    return files


def _report(problems: list) -> None:
    errors = [p for p in problems if p.is_error]
    for p in problems:
        if p.severity is Severity.WARNING:
            log.warning(p.format_text())
        elif p.severity is Severity.INFO:
            log.info(p.format_text())
    if errors:
        raise PluginError("Gương sáng: hồ sơ có lỗi, trang chưa được xây dựng.\n\n"
                          + format_report(errors))


def on_post_build(config: MkDocsConfig) -> None:
    """Steps that need the finished HTML (search index, checks) run here."""
    from guongsang.postbuild import run_post_build

    output = _state.get("output")
    if isinstance(output, SiteOutput):
        for problem in run_post_build(Path(config.site_dir), output, _state["project"]):
            (log.error if problem.is_error else log.warning)(problem.format_text())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    output = _state.get("output")
    if not isinstance(output, SiteOutput):
        return markdown
    for key, value in output.meta.get(page.file.src_uri, {}).items():
        page.meta.setdefault(key, value)
    # Generated raw-HTML blocks skip Markdown's HTML parsing; on_page_content puts them back.
    protected = protect(output.page_markdown(page.file.src_uri, markdown))
    _raw_blocks[page.file.src_uri] = protected
    return protected.markdown


_raw_blocks: dict[str, Protected] = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    protected = _raw_blocks.pop(page.file.src_uri, None)
    if protected is None or not protected.blocks:
        return html
    # MkDocs finds anchors in raw HTML while converting; these blocks were out of its sight.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= protected.ids()
    return protected.restore(html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Escape the page description once: Material writes ``content="{{ page.meta.description }}"``
    unescaped, so a quote in a summary would end the attribute. A ``Markup`` value is left as is
    by the ``| e`` filters of overrides/main.html, so nothing is escaped twice."""
    description = page.meta.get("description")
    if isinstance(description, str) and not isinstance(description, Markup):
        page.meta["description"] = escape(description)
    return context
