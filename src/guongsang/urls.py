"""Public addresses of generated pages (directory URLs, ASCII slugs).

Generated HTML is written with links *relative* to the page that holds them, so a site works
both at a domain root and under a sub-path such as GitHub Pages' /<repo>/.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .text import slugify

PROFILES = "ho-so"
MODELS = "mo-hinh"
CAMPAIGNS = "phong-trao"
STORIES = "tin-bai"
STORY_LISTINGS = ("trang", "nam")
"""Folders of tin-bai/ that hold its listing pages (``trang/2/``, ``nam/2026/``): no story may
be named so (rule ``ten-tin-bai``)."""
GALLERY = "nguoi-tot-viec-tot/"
DIRECTORY = "guong-dien-hinh/"
HONOURS = "vinh-danh/"
STATS = "thong-ke/"
CRITERIA = "tieu-chi/"
SEARCH = "tim-kiem/"
ADMIN = "quan-tri/"
"""The editors' web form (not for readers: noindex, outside the sitemap, search and feed)."""
FEED = "feed.xml"
RECOGNITION_ANCHOR = "cong-nhan"
"""Anchor of the recognition date on a profile page; the feed's recognition entries point here."""


def profile(slug: str) -> str:
    return f"{PROFILES}/{slug}/"


def model(slug: str) -> str:
    return f"{MODELS}/{slug}/"


def campaign(slug: str) -> str:
    return f"{CAMPAIGNS}/{slug}/"


def story(slug: str) -> str:
    return f"{STORIES}/{slug}/"


def stories_page(n: int = 1, year: int | None = None) -> str:
    """Page ``n`` of the stories' index (``tin-bai/``, ``tin-bai/trang/2/``) or of one year's
    archive (``tin-bai/nam/2026/``, ``tin-bai/nam/2026/trang/2/``)."""
    base = f"{STORIES}/nam/{year}/" if year is not None else f"{STORIES}/"
    return base if n == 1 else f"{base}trang/{n}/"


def award_anchor(hinh_thuc: str, nam: int, so_quyet_dinh: str) -> str:
    """Anchor of one award's row on its profile page (and the fragment of its feed guid).

    Built from the award's own content, not its position in the list, so re-ordering a record
    keeps every anchor and guid (feed readers would otherwise show the entry again as new).
    """
    return "-".join(x for x in ("khen-thuong", slugify(hinh_thuc), str(nam), slugify(so_quyet_dinh))
                    if x)


def page_url(src: str) -> str:
    """The directory URL an engine publishes the docs-relative Markdown file ``src`` at, as
    MkDocs does with ``use_directory_urls`` (``README.md`` stands for ``index.md``).

    >>> page_url("gioi-thieu.md"), page_url("mo-hinh/index.md"), page_url("index.md")
    ('gioi-thieu/', 'mo-hinh/', '')
    """
    stem = src.removesuffix(".md")
    head, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{head}/" if head else ""
    return f"{stem}/"


@dataclass(frozen=True)
class Reserved:
    """A part of the site the generators (or the engine) write, where no hand-written page may
    go: two files would be published at the same address and one would silently win."""

    prefix: str
    """Site path it covers: a folder (``vinh-danh/``) or a file (``feed.xml``)."""
    label: str
    """What is there, for the editor's message."""


RESERVED: tuple[Reserved, ...] = (
    Reserved(f"{PROFILES}/", "các trang hồ sơ và địa chỉ cũ của hồ sơ"),
    Reserved(GALLERY, "trang Người tốt, việc tốt"),
    Reserved(f"{STORIES}/", "các trang tin bài"),
    Reserved(DIRECTORY, "danh bạ Gương điển hình"),
    Reserved(HONOURS, "Bảng vinh danh"),
    Reserved(STATS, "trang Thống kê"),
    Reserved(CRITERIA, "trang Tiêu chí"),
    Reserved(SEARCH, "trang Tìm kiếm"),
    Reserved("assets/", "ảnh, kiểu chữ và mã của giao diện"),
    Reserved("pagefind/", "chỉ mục tìm kiếm"),
    Reserved("search/", "chỉ mục tìm kiếm của giao diện"),
    Reserved(FEED, "nguồn tin RSS"),
    Reserved("sitemap.xml", "sơ đồ trang"),
    Reserved("404.html", "trang báo không tìm thấy"),
    Reserved("robots.txt", "chỉ dẫn cho máy tìm kiếm"),
    Reserved(ADMIN, "trang biên tập bằng biểu mẫu (Decap CMS)"),
)
"""Every generator writes under one of these (a test builds the sample site and checks it), so
``guongsang check`` can refuse a colliding page without running the generators. A new page kind
adds its own entry here."""


def reserved(url: str) -> Reserved | None:
    """The reserved part a page URL falls in, if any. Compared without case: a site copied to
    a Windows or macOS disk would merge ``Vinh-Danh/`` with ``vinh-danh/``."""
    low = url.lower()
    for r in RESERVED:
        folder = r.prefix if r.prefix.endswith("/") else r.prefix + "/"
        if low.startswith(folder) or low.rstrip("/") == folder.rstrip("/"):
            return r
    return None


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
