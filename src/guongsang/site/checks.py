"""Offline checks of a built site: internal links and anchors, and markup that could run code.

Engine-free: it reads the finished ``site/`` directory only, so it works on any build (MkDocs or
not) and runs without a network. Two checks:

* :func:`broken_links` - every internal ``href``/``src``/``srcset``/``action`` (and the absolute
  URLs under the site's own address: canonical links, share images, feed and sitemap entries)
  names a file that exists, and every ``#fragment`` names an ``id`` in the target page.
* :func:`unsafe_markup` - nothing that runs code came out of the content: no ``on*=`` event
  handler, no ``javascript:``/``vbscript:``/``data:`` URL (``data:image/…`` in an image excepted),
  no ``<iframe>``/``<object>``/``<embed>``/``<base>``, no script from another host, no inline
  script except the theme's own, no refresh to another site.

Findings are plain records (file, line, kind, message); tests and tools decide what to do.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

URL_ATTRS = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"),
    "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "object": ("data",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "form": ("action",), "button": ("formaction",),
    "input": ("formaction", "src"), "use": ("href", "xlink:href"), "image": ("href", "xlink:href"),
    "blockquote": ("cite",), "q": ("cite",), "ins": ("cite",), "del": ("cite",),
}
"""Attributes that hold a URL, by element."""
SHARE_META = ("og:image", "og:url", "twitter:image", "og:image:secure_url")
"""``<meta property|name=… content=URL>`` entries that must point at real files of the site."""
FORBIDDEN_ELEMENTS = ("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal")
THEME_INLINE_SCRIPTS = (
    "__md_scope=new URL(",
    ('var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
     '(target.checked=target.name.startsWith("__tabbed_"))'),
)
"""Beginnings of the inline scripts Material for MkDocs writes into every page. Any other inline
script is reported: nothing from the content may add one."""
_SAFE_DATA = re.compile(r"^data:image/(png|gif|jpeg|webp|avif);", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the built site."""

    file: str
    """Site-relative path of the file at fault (``ho-so/a/index.html``)."""
    line: int
    kind: str
    """``lien-ket-hong`` (missing file), ``neo-hong`` (missing anchor) or ``ma-nguy-hiem``."""
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.kind}] {self.message}"


@dataclass(frozen=True)
class Link:
    line: int
    tag: str
    attr: str
    url: str


@dataclass
class Page:
    """What the checks need from one HTML file."""

    rel: str
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    unsafe: list[tuple[int, str]] = field(default_factory=list)


def scheme_of(url: str) -> str:
    """The URL's scheme as a browser sees it: control characters and spaces inside are dropped."""
    squeezed = re.sub(r"[\x00-\x20]", "", url)
    m = _SCHEME.match(squeezed)
    return m.group(1).lower() if m else ""


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


class _Parser(HTMLParser):
    def __init__(self, page: Page, inline_scripts: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.inline_scripts = inline_scripts
        self._script: tuple[int, str] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {k: v or "" for k, v in attrs}
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        for name in values:
            if name.startswith("on"):
                self.page.unsafe.append((line, f"<{tag}> có thuộc tính sự kiện `{name}`."))
        if tag in FORBIDDEN_ELEMENTS:
            self.page.unsafe.append((line, f"Thẻ <{tag}> không được phép."))
        for attr in URL_ATTRS.get(tag, ()):
            if attr not in values:
                continue
            urls = _srcset_urls(values[attr]) if attr == "srcset" else [values[attr]]
            for url in urls:
                self._url(line, tag, attr, url)
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key in SHARE_META:
                self._url(line, tag, f"content ({key})", values.get("content", ""))
            if values.get("http-equiv", "").lower() == "refresh":
                m = _REFRESH_URL.search(values.get("content", ""))
                if m:
                    url = m.group(1).strip()
                    self._url(line, tag, "content (refresh)", url)
                    if scheme_of(url) or url.startswith("//"):
                        self.page.unsafe.append(
                            (line, f"Trang tự chuyển sang địa chỉ tuyệt đối \"{url[:80]}\"."))
        if tag == "script":
            src = values.get("src")
            if src is not None and (scheme_of(src) or src.startswith("//")):
                self.page.unsafe.append((line, f"Script tải từ nơi khác: \"{src[:80]}\"."))
            if src is None and values.get("type", "").lower() not in ("application/json",
                                                                       "application/ld+json"):
                self._script = (line, tag)
                self._script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = "".join(self._script_text).strip()
            if text and not text.startswith(self.inline_scripts):
                self.page.unsafe.append((self._script[0], ("Script nội tuyến không phải của "
                                         f"giao diện: \"{text[:60]}\".")))
            self._script = None

    def _url(self, line: int, tag: str, attr: str, url: str) -> None:
        scheme = scheme_of(url)
        image_data = tag in ("img", "source") and _SAFE_DATA.match(url.strip())
        if scheme in ("javascript", "vbscript") or (scheme == "data" and not image_data):
            self.page.unsafe.append((line, f"<{tag} {attr}> dùng liên kết `{scheme}:`."))
            return
        self.page.links.append(Link(line, tag, attr, url))


def parse_page(path: Path, rel: str,
               inline_scripts: tuple[str, ...] = THEME_INLINE_SCRIPTS) -> Page:
    """Ids, links and unsafe markup of one HTML file."""
    page = Page(rel)
    parser = _Parser(page, inline_scripts)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


@dataclass
class Site:
    """A built site on disk, with its HTML pages parsed on demand (once each)."""

    root: Path
    site_url: str = ""
    """The public address (``https://x.github.io/repo/``): absolute URLs under it are internal."""
    inline_scripts: tuple[str, ...] = THEME_INLINE_SCRIPTS
    _pages: dict[str, Page] = field(default_factory=dict)

    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            self._pages[rel] = parse_page(self.root / rel, rel, self.inline_scripts)
        return self._pages[rel]

    def resolve(self, url: str, from_rel: str) -> tuple[str | None, str] | None:
        """``(target file, fragment)`` for an internal URL, ``None`` for an external one.

        The target is ``None`` when the URL climbs above the site root. A directory URL maps
        to its ``index.html``, as a static web server does.
        """
        url = url.strip()
        if not url:
            return (from_rel, "")
        parts = urlsplit(url)
        base = urlsplit(self.site_url) if self.site_url else None
        if parts.scheme or parts.netloc:
            if not (base and parts.scheme in ("http", "https") and parts.netloc == base.netloc
                    and parts.path.startswith(base.path or "/")):
                return None  # another site, mailto:, tel:…
            path = parts.path[len((base.path or "/").rstrip("/")):]
            absolute = True
        else:
            path, absolute = parts.path, parts.path.startswith("/")
            if absolute and base and base.path.rstrip("/") and path.startswith(base.path):
                path = path[len(base.path.rstrip("/")):]
        fragment = unquote(parts.fragment)
        if not path:
            return (from_rel, fragment)
        path = unquote(path)
        start = PurePosixPath("/") if absolute else PurePosixPath("/" + from_rel).parent
        stack: list[str] = []
        for part in (start / path).parts[1:]:
            if part == "..":
                if not stack:
                    return (None, fragment)
                stack.pop()
            elif part not in (".", ""):
                stack.append(part)
        target = "/".join(stack)
        if path.endswith("/") or not target or (self.root / target).is_dir():
            target = f"{target}/index.html" if target else "index.html"
        return (target, fragment)


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(set(findings))


def broken_links(site: Site, files: Iterable[str] | None = None) -> list[Finding]:
    """Internal links from ``files`` (default: every HTML file) to missing files or anchors."""
    out: list[Finding] = []
    for rel in files if files is not None else site.html_files():
        for link in site.page(rel).links:
            out.extend(_check_link(site, rel, link))
    return _dedupe(out)


def _check_link(site: Site, rel: str, link: Link) -> Iterator[Finding]:
    resolved = site.resolve(link.url, rel)
    if resolved is None:
        return
    target, fragment = resolved
    where = f"<{link.tag} {link.attr}=\"{link.url}\">"
    if target is None:
        yield Finding(rel, link.line, "lien-ket-hong", f"{where} trỏ ra ngoài thư mục trang.")
        return
    if not (site.root / target).is_file():
        yield Finding(rel, link.line, "lien-ket-hong", f"{where}: không có tệp {target}.")
        return
    if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
        yield Finding(rel, link.line, "neo-hong", f"{where}: {target} không có id=\"{fragment}\".")


def check_urls(site: Site, urls: Iterable[tuple[int, str]], from_rel: str) -> list[Finding]:
    """The same check for URLs found elsewhere (sitemap ``<loc>``, feed ``<link>``/``<guid>``)."""
    out: list[Finding] = []
    for line, url in urls:
        if site.resolve(url, from_rel) is None:
            out.append(Finding(from_rel, line, "lien-ket-hong",
                               f"\"{url}\" không thuộc địa chỉ của trang ({site.site_url})."))
            continue
        out.extend(_check_link(site, from_rel, Link(line, "url", "", url)))
    return _dedupe(out)


def unsafe_markup(site: Site, files: Iterable[str] | None = None) -> list[Finding]:
    """Markup that could run code, in ``files`` (default: every HTML file)."""
    out = [Finding(rel, line, "ma-nguy-hiem", message)
           for rel in (files if files is not None else site.html_files())
           for line, message in site.page(rel).unsafe]
    return _dedupe(out)
