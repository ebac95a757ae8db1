"""Post-build guarantee: every generated page is listed in the site's ``sitemap.xml``.

MkDocs writes the sitemap from its list of pages, generated ones included; a page dropped by
``exclude_docs``, a draft setting or a broken URL scheme would silently vanish from search
engines. This step compares the finished sitemap with the views the generators produced.
Views with ``in_sitemap=False`` are skipped; assets (photos, the feed, redirect stubs) are
not pages.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..load.refdata import load_reference
from ..problems import Problem
from ..project import Project
from ..site.output import SiteOutput
from ..site.postbuild import post_build

SITEMAP = "sitemap.xml"
_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(xml: bytes) -> set[str]:
    """URL paths of the ``<loc>`` entries ("/repo/ho-so/a/" for "https://x.io/repo/ho-so/a/")."""
    root = ET.fromstring(xml)
    return {urlsplit((loc.text or "").strip()).path for loc in root.iter(f"{_NS}loc")}


def missing_pages(paths: set[str], output: SiteOutput, site_url: str) -> list[str]:
    """URLs of generated pages absent from the sitemap.

    The sitemap holds absolute URLs under the site's address, which may be a sub-path such
    as ``/repo/`` on GitHub Pages; views hold site-relative URLs.
    """
    base = urlsplit(site_url).path.rstrip("/") + "/"
    return [v.url for v in output.views if v.in_sitemap and base + v.url not in paths]


@post_build
def every_page_in_sitemap(site_dir: Path, output: SiteOutput, project: Project) -> Iterator[Problem]:
    path = site_dir / SITEMAP
    if not path.is_file():
        yield Problem(SITEMAP, 0, "", "sitemap",
                      "Bản dựng không có tệp sitemap.xml: công cụ tìm kiếm sẽ không thấy các "
                      "trang được tạo.",
                      "Kiểm tra `site_url` (lấy từ data/site.yml) và giao diện trong mkdocs.yml.")
        return
    try:
        paths = sitemap_paths(path.read_bytes())
    except ET.ParseError as err:
        yield Problem(SITEMAP, 0, "", "sitemap", f"Không đọc được sitemap.xml ({err}).")
        return
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    for url in missing_pages(paths, output, ref.site.url):
        yield Problem(SITEMAP, 0, "", "sitemap",
                      f"Trang được tạo \"{url}\" không có trong sitemap.xml.",
                      "Kiểm tra `exclude_docs` và `draft_docs` trong mkdocs.yml: trang bị loại "
                      "khỏi bản dựng sẽ không có trong sitemap.")
