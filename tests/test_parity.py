"""The parity report's share-image check: which pages must name an og:image."""
from __future__ import annotations

from pathlib import Path

from guongsang.site import parity

URL = "https://example.org/"


def _page(root: Path, rel: str, head: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang=vi><head><title>t</title>{head}</head>"
                    "<body><p>x</p></body></html>", encoding="utf-8")


def test_only_public_pages_must_name_a_share_image(tmp_path: Path) -> None:
    (tmp_path / "anh.png").write_bytes(b"png")
    _page(tmp_path, "index.html", f'<meta property="og:image" content="{URL}anh.png">')
    _page(tmp_path, "quan-tri/index.html", '<meta name="robots" content="noindex, nofollow">')
    _page(tmp_path, "cu/index.html", '<meta http-equiv="refresh" content="0; url=../">')
    _page(tmp_path, "mot-trang/index.html", "")
    found = parity.inspect("mkdocs", tmp_path, URL).share_problems
    assert found == ["mot-trang/index.html: no og:image"]
