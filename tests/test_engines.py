"""The staged folder built by the other engines (ENGINES.md): ProperDocs and Zensical.

Both run in `make test`: each engine's environment (.venv-properdocs, .venv-zensical, from the
hashed requirements-properdocs.txt and requirements-zensical.txt) is created with `make
venv-properdocs` / `make venv-zensical` when missing, and a test is skipped, with the
installer's last words as the reason, only when that cannot be done (no package registry
reachable). Zensical's known differences must be exactly those ENGINES.md lists, so a Zensical
upgrade that closes or opens one fails here and the file is updated.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from guongsang.site import engines, parity
from guongsang.site.checks import Site, broken_links

from .conftest import ROOT
from .sitebuild import staged_build

SITE_URL = "https://guongsang.ttxt-lamdong.example/"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _environment(name: str) -> None:
    """`make venv-<engine>`: creates the environment, or reinstalls it when its lock changed
    (the Makefile's stamp), and does nothing in a few milliseconds otherwise."""
    engine = engines.ENGINES[name]
    done = subprocess.run(["make", engine.make_target], cwd=ROOT, capture_output=True,
                          text=True, timeout=900, check=False)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        pytest.skip(f"{engine.label}: `make {engine.make_target}` could not create "
                    f"{engine.venv}/ (package registry out of reach?): {last[0]}")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _environment("properdocs")
    where = tmp_path_factory.mktemp("properdocs")
    return staged_build(ROOT, where / "site", where / "build", engine="properdocs")


def test_properdocs_builds_the_same_site_as_mkdocs(sample_site: Path,
                                                   properdocs_site: Path) -> None:
    """Byte for byte, but for the generator's name in each page's head."""
    ours, theirs = _tree(sample_site), _tree(properdocs_site)
    assert theirs.keys() == ours.keys()
    differ = [k for k in ours if ours[k] != theirs[k]]
    assert differ and all(k.endswith(".html") for k in differ)
    for k in differ:
        assert GENERATOR.sub(b"", ours[k]) == GENERATOR.sub(b"", theirs[k]), k
    assert b'content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"' in theirs["index.html"]


def test_properdocs_passes_the_parity_report(sample_site: Path, properdocs_site: Path) -> None:
    reference = parity.inspect("mkdocs", sample_site, SITE_URL)
    comparison = parity.compare(reference, parity.inspect("properdocs", properdocs_site,
                                                          SITE_URL))
    assert parity.own_failures(reference) == {}
    assert comparison.failures == {}
    assert reference.search_pages > 20 and reference.feed_items > 10


def test_zensical_differs_only_where_engines_md_says(sample_site: Path, tmp_path: Path) -> None:
    _environment("zensical")
    site = staged_build(ROOT, tmp_path / "site", tmp_path / "build", engine="zensical")
    reference = parity.inspect("mkdocs", sample_site, SITE_URL)
    comparison = parity.compare(reference, parity.inspect("zensical", site, SITE_URL))
    # 1. (closed) Every page is staged in its own folder, so Zensical reads the raw-HTML links
    # of model and campaign pages as MkDocs does: no broken link or anchor, nothing else fails.
    assert comparison.failures == {}
    assert parity.own_failures(parity.inspect("zensical", site, SITE_URL)) == {}
    assert broken_links(Site(site, SITE_URL)) == []
    model = _tree(site)["mo-hinh/so-tay-nha-dau-tu-dien-tu/index.html"].decode("utf-8")
    assert 'href="../../phong-trao/' in model and 'src="../../assets/anh/' in model
    # Everything else a reader depends on is there: same pages, search, share images, feed.
    assert comparison.missing_pages == comparison.extra_pages == []
    # 2.–6. The smaller differences of ENGINES.md.
    files = _tree(site)
    assert "sitemap.xml.gz" not in files and "search.json" in files
    home = files["index.html"].decode("utf-8")
    assert '<meta name="generator" content="zensical-' in home
    assert f'content="{SITE_URL.replace("/", "&#x2f;")}' in home
    assert "assets/stylesheets/classic/main." in home
    engines_md = (ROOT / "ENGINES.md").read_text(encoding="utf-8")
    for heading in ("1. Raw-HTML links on model and campaign pages (closed)", "sitemap.xml.gz",
                    "search.json", "Escaped slashes"):
        assert heading in engines_md, heading
