"""End to end: the shipped sample site builds strictly and publishes nothing it must not.

The site is built once per session by the ``sample_site`` fixture in conftest.py.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PIL import Image

from guongsang.check import check
from guongsang.project import Project

from .conftest import ROOT, TODAY


@pytest.fixture(scope="session")
def sample_corpus():
    corpus, problems = check(Project(root=ROOT), TODAY)
    return corpus, problems


def _texts(site: Path):
    """Every file of the site as text; gzip'd search fragments are opened first."""
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except OSError:
                pass
        yield path, data


def test_sample_content_has_no_errors_or_warnings(sample_corpus) -> None:
    _, problems = sample_corpus
    assert [p.format_text() for p in problems if p.severity.value != "info"] == []


def test_sample_is_rich_enough(sample_corpus) -> None:
    corpus, _ = sample_corpus
    kinds = {p.loai for p in corpus.profiles.values()}
    assert len(corpus.profiles) >= 12 and kinds == {"ca_nhan", "tap_the", "gia_dinh"}
    assert len(corpus.models) >= 4 and len(corpus.campaigns) >= 3
    assert sum(len(p.viec_tot) for p in corpus.profiles.values()) >= 5
    years = {a.nam for p in corpus.profiles.values() for a in p.khen_thuong}
    assert {2023, 2024, 2025, 2026} <= years


def test_every_published_profile_has_a_page(sample_site: Path, sample_corpus) -> None:
    corpus, _ = sample_corpus
    for p in corpus.profiles.values():
        page = sample_site / "ho-so" / p.slug / "index.html"
        assert page.exists() == p.published, p.slug


def test_nothing_private_or_unconsented_is_published(sample_site: Path, sample_corpus) -> None:
    corpus, _ = sample_corpus
    needles: list[str] = []
    for p in corpus.profiles.values():
        private = p.source.data.get("rieng_tu") or {}
        needles += [str(v) for k, v in private.items() if v and k not in ("ghi_chu",)]
        if not p.published:
            needles += [p.ho_ten, p.slug]
    assert needles, "the sample must exercise privacy"
    leaks = []
    for path, data in _texts(sample_site):
        for needle in needles:
            for variant in {needle, needle.replace(" ", "")}:
                if variant.encode("utf-8") in data:
                    leaks.append((path.relative_to(sample_site).as_posix(), needle))
    assert leaks == []


def test_no_published_image_carries_metadata(sample_site: Path) -> None:
    images = [p for p in sample_site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    assert images
    for path in images:
        with Image.open(path) as img:
            assert not img.getexif(), path
            assert "exif" not in img.info and "xmp" not in img.info, path


def test_former_address_redirects(sample_site: Path, sample_corpus) -> None:
    corpus, _ = sample_corpus
    moved = [p for p in corpus.profiles.values() if p.slug_cu and p.published]
    assert moved
    for p in moved:
        for old in p.slug_cu:
            html = (sample_site / "ho-so" / old / "index.html").read_text("utf-8")
            assert f'url=../{p.slug}/"' in html


def test_profile_urls_and_anchors_are_ascii(sample_site: Path) -> None:
    import re

    for page in (sample_site / "ho-so").glob("*/index.html"):
        assert page.parent.name.isascii()
        for anchor in re.findall(r'<h[2-6] id="([^"]+)"', page.read_text("utf-8")):
            assert anchor.isascii() and re.fullmatch(r"[a-z0-9-_]+", anchor), (page, anchor)
