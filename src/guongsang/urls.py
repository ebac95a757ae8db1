"""Public addresses of generated pages (directory URLs, ASCII slugs).

Generated HTML is written with links *relative* to the page that holds them, so a site works
both at a domain root and under a sub-path such as GitHub Pages' /<repo>/.
"""
from __future__ import annotations

import posixpath

from .text import slugify

PROFILES = "ho-so"
MODELS = "mo-hinh"
CAMPAIGNS = "phong-trao"
GALLERY = "nguoi-tot-viec-tot/"
DIRECTORY = "guong-dien-hinh/"
HONOURS = "vinh-danh/"
STATS = "thong-ke/"
CRITERIA = "tieu-chi/"
SEARCH = "tim-kiem/"
FEED = "feed.xml"
RECOGNITION_ANCHOR = "cong-nhan"
"""Anchor of the recognition date on a profile page; the feed's recognition entries point here."""


def profile(slug: str) -> str:
    return f"{PROFILES}/{slug}/"


def model(slug: str) -> str:
    return f"{MODELS}/{slug}/"


def campaign(slug: str) -> str:
    return f"{CAMPAIGNS}/{slug}/"


def award_anchor(hinh_thuc: str, nam: int, so_quyet_dinh: str) -> str:
    """Anchor of one award's row on its profile page (and the fragment of its feed guid).

    Built from the award's own content, not its position in the list, so re-ordering a record
    keeps every anchor and guid (feed readers would otherwise show the entry again as new).
    """
    return "-".join(x for x in ("khen-thuong", slugify(hinh_thuc), str(nam), slugify(so_quyet_dinh))
                    if x)


def src_uri(url: str) -> str:
    """Docs-relative source path MkDocs will render at ``url`` ("ho-so/a/" -> "ho-so/a/index.md")."""
    return f"{url}index.md" if url.endswith("/") or not url else f"{url}.md"


def relative(target: str, page_url: str) -> str:
    """Link from the page at directory URL ``page_url`` to site path ``target``.

    >>> relative("phong-trao/x/", "ho-so/a/")
    '../../phong-trao/x/'
    """
    base = page_url.rstrip("/") or "."
    rel = _relpath(target.rstrip("/") or ".", base)
    if (target.endswith("/") or not target) and rel != ".":
        rel += "/"
    return "./" if rel == "." else rel


def _relpath(target: str, base: str) -> str:
    """``posixpath.relpath`` for two plain site paths, without its two calls to os.getcwd()
    (this runs for every link of every card); anything unusual goes to ``posixpath``."""
    to = [] if target == "." else target.split("/")
    start = [] if base == "." else base.split("/")
    if target.startswith("/") or base.startswith("/") or {"", ".", ".."} & {*to, *start}:
        return posixpath.relpath(target, base)
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."
