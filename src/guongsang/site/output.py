"""What the generator produces, independent of any site engine."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem


@dataclass(frozen=True)
class View:
    """A generated page. Subclasses say which kind of page it is (profile, gallery…)."""

    url: str
    """Directory URL relative to the site root, e.g. ``ho-so/tran-van-duc/``."""
    title: str
    markdown: str
    """Full Markdown source including its front matter."""
    in_sitemap: bool = True

    @property
    def src_uri(self) -> str:
        from ..urls import src_uri
        return src_uri(self.url)


@dataclass(frozen=True)
class ProfileView(View):
    slug: str = ""


@dataclass(frozen=True)
class Asset:
    """A file copied to the site as is: a processed photo, a CSV, a redirect page."""

    uri: str
    """Path relative to the site root."""
    path: Path | None = None
    """File on disk (e.g. in the image cache)…"""
    content: bytes | str | None = None
    """…or its content."""


@dataclass
class SiteOutput:
    views: list[View] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    augments: dict[str, str] = field(default_factory=dict)
    """Markdown appended to pages that already exist in content/, by their docs-relative path."""
    prepends: dict[str, str] = field(default_factory=dict)
    """Markdown put before the body of such pages (after its H1 if the body starts with one)."""
    meta: dict[str, dict[str, object]] = field(default_factory=dict)
    """Front-matter defaults for such pages (e.g. ``title`` of a campaign); the page's own win."""
    sources: dict[str, str] = field(default_factory=dict)
    """Markdown of content/ pages as the core read (and vetted) them, front matter included, by
    docs-relative path: materialisation writes these instead of copying the file from disk."""
    problems: list[Problem] = field(default_factory=list)
    """Problems found while generating (e.g. an image that fails to decode)."""

    def add(self, item: View | Asset) -> None:
        (self.views if isinstance(item, View) else self.assets).append(item)

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """The Markdown of a content/ page with its generated parts put in."""
        if src_uri in self.prepends:
            lines = markdown.split("\n")
            first = next((i for i, line in enumerate(lines) if line.strip()), None)
            cut = first + 1 if first is not None and _H1.match(lines[first]) else 0
            markdown = "\n".join([*lines[:cut], "", self.prepends[src_uri], "", *lines[cut:]])
        if src_uri in self.augments:
            markdown = markdown.rstrip() + "\n\n" + self.augments[src_uri]
        return markdown


_H1 = re.compile(r"^#(?!#)\s*\S")
