"""``robots.txt``: every page may be crawled, and here is the sitemap.

Crawlers read ``robots.txt`` only at the root of a host: on a site published under a sub-path
(GitHub Pages' ``/<repo>/``) this file is ignored by them, harmlessly, and the sitemap must be
submitted to search engines by hand.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..site.output import Asset
from . import Context, generator
from .feed import absolute
from .sitemap import SITEMAP


def robots_txt(site_url: str) -> str:
    return ("# Gương sáng: mọi trang công khai đều được phép lập chỉ mục.\n"
            "User-agent: *\nAllow: /\n\n"
            f"Sitemap: {absolute(site_url, SITEMAP)}\n")


@generator
def robots(ctx: Context) -> Iterator[Asset]:
    yield Asset("robots.txt", content=robots_txt(ctx.ref.site.url))
