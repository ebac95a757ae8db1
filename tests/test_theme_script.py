"""Material's script bundle is loaded on the reader's first interaction (overrides/main.html).

The override replaces Material's ``{% block scripts %}``; these tests fail when a Material
upgrade changes that block or renames the bundle, so the override is looked at again. The
behaviour in a browser is tested in tests/browser/test_pages.py.
"""
from __future__ import annotations

import re
from pathlib import Path

import material

MATERIAL = Path(material.__file__).parent / "templates"


def _block(template: str, name: str) -> str:
    m = re.search(r"\{% block " + name + r" %\}(.*?)\{% endblock %\}", template, re.DOTALL)
    assert m, name
    return " ".join(m.group(1).split())


def test_materials_scripts_block_is_the_one_the_override_replaces() -> None:
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    bundles = sorted(p.name for p in (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1
    assert _block(base, "scripts") == (
        f"<script src=\"{{{{ 'assets/javascripts/{bundles[0]}' | url }}}}\"></script> "
        "{% for script in config.extra_javascript %} {{ script | script_tag }} {% endfor %}")
    # Material starts on DOMContentLoaded, which the loader hands back to it.
    bundle = (MATERIAL / "assets" / "javascripts" / bundles[0]).read_text(encoding="utf-8")
    assert 'h(document,"DOMContentLoaded",{once:!0})' in bundle


def test_built_pages_load_the_bundle_lazily(sample_site: Path) -> None:
    html = (sample_site / "vinh-danh" / "2025" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script src=\"[^\"]*bundle\.[0-9a-f]+\.min\.js\"", html)
    loader = re.search(r'<script src="([^"]+/lazy-bundle\.js)" data-bundle="([^"]+)"></script>', html)
    assert loader and loader.group(2).startswith("../../assets/javascripts/bundle.")
    for src in loader.groups():
        assert (sample_site / "vinh-danh" / "2025" / src).resolve().is_file(), src
    # Our own scripts still load as usual, after the loader.
    assert html.index("lazy-bundle.js") < html.index('<script src="../../assets/js/reader.js">')
