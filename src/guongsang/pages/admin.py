"""The web form at ``/quan-tri/``: Decap CMS, served from the site itself.

Everything the form loads is published here as assets: the page and its scripts from
``quan-tri/`` in the repository, its ``config.yml`` generated from schema.py and the data being
built (the same text as the committed ``quan-tri/config.yml`` when that is current), and Decap's prebuilt
bundle (pinned in package-lock.json) copied from ``node_modules/`` at build time, so the page
makes no request to any other host before the editor signs in. The page is an asset, not a
view: it is left out of the sitemap, and the search index and the feed are built from views
and records only; it also carries ``noindex``.

Without ``node_modules/decap-cms`` (``npm ci`` not run) the page says so instead and the build
reports a note; the deploy workflow installs it and checks the bundle is there.
"""
from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from string import Template

from .. import urls
from ..editor import decap
from ..load.refdata import ReferenceData
from ..problems import Problem, Severity
from ..site.output import Asset
from . import Context, generator

URL = urls.ADMIN
SOURCES = "quan-tri"
"""Folder of the repository holding the page, its scripts and the generated config.yml."""
PAGE_SCRIPTS = ("guongsang-cms.js", "tieng-viet.js")
BUNDLE_DIR = Path("node_modules/decap-cms/dist")
BUNDLE = "decap-cms.js"
YAML_READER = Path("node_modules/js-yaml/dist/js-yaml.min.js")

_MISSING = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">
<title>Biên tập – ${ten_ngan}</title></head>
<body><p>Trang biên tập chưa được cài vào bản dựng này: chạy <code>npm ci</code> rồi dựng lại
trang (xem HUONG-DAN-BIEN-TAP.md, mục 13).</p></body></html>
"""


def bundle_files(root: Path) -> list[Path]:
    """Decap's bundle, its lazily loaded chunks and WebAssembly encoders (no source maps)."""
    dist = root / BUNDLE_DIR
    if not (dist / BUNDLE).is_file():
        return []
    return [dist / BUNDLE, *sorted(dist.glob(f"*.{BUNDLE}")), *sorted(dist.glob("*.wasm"))]


def photo_budget(ref: ReferenceData) -> tuple[int, int] | None:
    """(long edge in pixels, bytes) of the largest source photo the site accepts (``anh_goc`` in
    data/site.yml, the same budget ``guongsang check`` applies): the form shrinks larger uploads
    to fit, so a photo saved through the form never needs ``guongsang shrink``."""
    budget = ref.site.anh_goc
    return (budget.max_long_edge, budget.max_bytes)


def render_page(template: str, ref: ReferenceData) -> str:
    budget = photo_budget(ref)
    return Template(template).substitute(
        ten_ngan=html.escape(ref.site.ten_ngan),
        canh_dai=budget[0] if budget else "", byte_toi_da=budget[1] if budget else "")


@generator
def admin(ctx: Context) -> Iterator[Asset]:
    project = ctx.corpus.project
    assert project is not None
    root = project.root
    sources = root / SOURCES
    if not (sources / "index.html").is_file():
        return
    bundle = bundle_files(root)
    yaml_reader = root / YAML_READER
    if not bundle or not yaml_reader.is_file():
        ctx.output.problems.append(Problem(
            f"{SOURCES}/index.html", 0, "", "trang-bien-tap",
            "Chưa có node_modules/decap-cms hoặc node_modules/js-yaml: trang biên tập "
            f"/{URL} của bản dựng này chỉ có lời nhắn.",
            "Chạy `npm ci` trong thư mục kho rồi dựng lại trang.", Severity.INFO))
        yield Asset(f"{URL}index.html", content=render_page(_MISSING, ctx.ref))
        return
    page = (sources / "index.html").read_text(encoding="utf-8")
    yield Asset(f"{URL}index.html", content=render_page(page, ctx.ref))
    for name in PAGE_SCRIPTS:
        if (sources / name).is_file():
            yield Asset(f"{URL}{name}", path=sources / name)
    # Generated afresh rather than copied: the form always offers the units, fields and award
    # forms of the data being published, even before the committed copy is regenerated.
    yield Asset(f"{URL}config.yml", content=decap.render(decap.generate(project, ctx.ref)))
    yield Asset(f"{URL}js-yaml.min.js", path=yaml_reader)
    for path in bundle:
        yield Asset(f"{URL}{path.name}", path=path)
    # The licences of what the bundle holds, under a lower-case name as every site address.
    notice = root / BUNDLE_DIR / f"{BUNDLE}.LICENSE.txt"
    if notice.is_file():
        yield Asset(f"{URL}{BUNDLE}.license.txt", path=notice)
