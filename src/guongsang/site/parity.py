"""Parity of sites built by different engines from the same staged folder.

The first site is the reference (MkDocs + Material, the default engine); every other site is
compared with it and checked on its own, reading only the finished folders:

* pages: HTML pages present in one site and missing in the other;
* links: internal links and anchors that lead nowhere (:mod:`guongsang.site.checks`), and
  markup that could run code;
* search: the Pagefind index exists, loads (``pagefind.js``, the entry file) and holds as many
  pages as the reference's; the search page and its script are there;
* share images: every page names an ``og:image`` that is a file of the site;
* feed: ``feed.xml`` is RSS with as many items as the reference's, its links lead to pages;
* sitemap: the same set of addresses as the reference's.

A candidate *passes* when none of these differ or fail. The report is Markdown for people and
JSON for tools; ``guongsang parity`` writes both (CI uploads them as an artifact).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .checks import Site, broken_links, check_urls, unsafe_markup

SEARCH_DIR = "pagefind"
SEARCH_PAGE = "tim-kiem/index.html"
SEARCH_SCRIPT = "assets/js/search.js"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
SHOWN = 20
"""Items listed per finding in the Markdown report (the JSON holds them all)."""


class _OgImage(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.image: tuple[int, str] | None = None
        self.redirect = False
        """A page that only forwards the reader (an old address): it shares nothing itself."""
        self.private = False
        """A page kept out of search engines (``noindex``, e.g. the editors' form): not shared."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("property") == "og:image" and self.image is None:
            self.image = (self.getpos()[0], a.get("content") or "")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.redirect = True
        if tag == "meta" and (a.get("name") or "").lower() == "robots" \
                and "noindex" in (a.get("content") or "").lower():
            self.private = True


@dataclass
class Inspection:
    """What one built site offers, read from its folder."""

    name: str
    root: str
    pages: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    unsafe_markup: list[str] = field(default_factory=list)
    search_pages: int = 0
    search_problems: list[str] = field(default_factory=list)
    share_problems: list[str] = field(default_factory=list)
    feed_items: int = 0
    feed_problems: list[str] = field(default_factory=list)
    sitemap: list[str] = field(default_factory=list)
    sitemap_problems: list[str] = field(default_factory=list)


def inspect(name: str, root: Path, site_url: str) -> Inspection:
    site = Site(root, site_url)
    out = Inspection(name, str(root), pages=site.html_files())
    out.broken_links = [str(f) for f in broken_links(site)]
    out.unsafe_markup = [str(f) for f in unsafe_markup(site)]
    _search(root, out)
    for rel in out.pages:
        if rel == "404.html":
            continue
        parser = _OgImage()
        parser.feed((root / rel).read_text(encoding="utf-8", errors="replace"))
        if parser.redirect or parser.private:
            continue
        if parser.image is None:
            out.share_problems.append(f"{rel}: no og:image")
            continue
        out.share_problems += _share_image(site, rel, parser.image[1])
    _feed(site, out)
    _sitemap(root, out)
    return out


def _share_image(site: Site, rel: str, url: str) -> list[str]:
    resolved = site.resolve(url, rel)
    if resolved is None or resolved[0] is None:
        return [f"{rel}: og:image {url} is not a file of this site"]
    if not (site.root / resolved[0]).is_file():
        return [f"{rel}: og:image {url}: no file {resolved[0]}"]
    return []


def _search(root: Path, out: Inspection) -> None:
    entry = root / SEARCH_DIR / "pagefind-entry.json"
    for rel in (f"{SEARCH_DIR}/pagefind.js", SEARCH_PAGE, SEARCH_SCRIPT):
        if not (root / rel).is_file():
            out.search_problems.append(f"missing {rel}")
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        out.search_pages = sum(int(lang.get("page_count", 0))
                               for lang in data.get("languages", {}).values())
    except (OSError, ValueError, AttributeError) as err:
        out.search_problems.append(f"no readable {SEARCH_DIR}/pagefind-entry.json ({err})")
        return
    if out.search_pages == 0:
        out.search_problems.append("the search index holds no page")
    search_page = root / SEARCH_PAGE
    if search_page.is_file() and "search.js" not in search_page.read_text(encoding="utf-8"):
        out.search_problems.append(f"{SEARCH_PAGE} does not load search.js")


def _feed(site: Site, out: Inspection) -> None:
    try:
        rss = ET.parse(site.root / FEED).getroot()
    except (OSError, ET.ParseError) as err:
        out.feed_problems.append(f"no readable {FEED} ({err})")
        return
    channel = rss.find("channel")
    items = channel.findall("item") if channel is not None else []
    out.feed_items = len(items)
    if rss.tag != "rss" or channel is None:
        out.feed_problems.append(f"{FEED} is not an RSS channel")
        return
    urls = [(0, channel.findtext("link") or "")]
    urls += [(0, item.findtext("link") or "") for item in items]
    out.feed_problems += [str(f) for f in check_urls(site, urls, FEED)]


def _sitemap(root: Path, out: Inspection) -> None:
    try:
        tree = ET.parse(root / SITEMAP).getroot()
    except (OSError, ET.ParseError) as err:
        out.sitemap_problems.append(f"no readable {SITEMAP} ({err})")
        return
    out.sitemap = sorted((loc.text or "").strip() for loc in tree.iter()
                         if loc.tag.endswith("}loc") or loc.tag == "loc")


@dataclass
class Comparison:
    """A candidate site against the reference."""

    candidate: Inspection
    missing_pages: list[str]
    """In the reference, not in the candidate."""
    extra_pages: list[str]
    """In the candidate, not in the reference."""
    differences: list[str]
    """Counts that differ from the reference (search pages, feed items, sitemap entries)."""

    @property
    def failures(self) -> dict[str, list[str]]:
        c = self.candidate
        found = {"pages missing": self.missing_pages, "extra pages": self.extra_pages,
                 "broken links and anchors": c.broken_links, "unsafe markup": c.unsafe_markup,
                 "search": c.search_problems, "share images": c.share_problems,
                 "feed": c.feed_problems, "sitemap": c.sitemap_problems,
                 "differences from the reference": self.differences}
        return {k: v for k, v in found.items() if v}

    @property
    def passes(self) -> bool:
        return not self.failures


def compare(reference: Inspection, candidate: Inspection) -> Comparison:
    ref, cand = set(reference.pages), set(candidate.pages)
    differences = []
    for what, a, b in (("pages in the search index", reference.search_pages,
                        candidate.search_pages),
                       ("feed items", reference.feed_items, candidate.feed_items)):
        if a != b:
            differences.append(f"{what}: {b} (reference {a})")
    only_ref = sorted(set(reference.sitemap) - set(candidate.sitemap))
    only_cand = sorted(set(candidate.sitemap) - set(reference.sitemap))
    differences += [f"sitemap lacks {u}" for u in only_ref]
    differences += [f"sitemap adds {u}" for u in only_cand]
    return Comparison(candidate, sorted(ref - cand), sorted(cand - ref), differences)


def _lines(items: list[str]) -> list[str]:
    shown = [f"  - `{x}`" for x in items[:SHOWN]]
    if len(items) > SHOWN:
        shown.append(f"  - … and {len(items) - SHOWN} more (see the JSON report)")
    return shown


def format_markdown(reference: Inspection, comparisons: list[Comparison]) -> str:
    out = ["# Engine parity report", "",
           f"Reference: **{reference.name}** (`{reference.root}`).", "",
           ("| site | pages | broken links | search pages | share images broken | feed items "
            "| sitemap entries | verdict |"), "|---|---|---|---|---|---|---|---|"]
    rows = [(reference, None), *((c.candidate, c) for c in comparisons)]
    for site, comparison in rows:
        verdict = "reference" if comparison is None else ("passes" if comparison.passes
                                                          else "differs")
        out.append(f"| {site.name} | {len(site.pages)} | {len(site.broken_links)} | "
                   f"{site.search_pages} | {len(site.share_problems)} | {site.feed_items} | "
                   f"{len(site.sitemap)} | {verdict} |")
    if own_failures(reference):
        out += ["", f"## {reference.name} (reference) has problems of its own", ""]
        out += _section(own_failures(reference))
    for c in comparisons:
        out += ["", f"## {c.candidate.name}", ""]
        same = "Same pages, links, search, share images, feed and sitemap as the reference."
        out += _section(c.failures) if c.failures else [same]
    return "\n".join(out) + "\n"


def own_failures(site: Inspection) -> dict[str, list[str]]:
    found = {"broken links and anchors": site.broken_links, "unsafe markup": site.unsafe_markup,
             "search": site.search_problems, "share images": site.share_problems,
             "feed": site.feed_problems, "sitemap": site.sitemap_problems}
    return {k: v for k, v in found.items() if v}


def _section(failures: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for what, items in failures.items():
        out.append(f"- {what} ({len(items)}):")
        out += _lines(items)
    return out


def to_json(reference: Inspection, comparisons: list[Comparison]) -> str:
    return json.dumps({"reference": asdict(reference),
                       "candidates": [{**asdict(c.candidate), "missing_pages": c.missing_pages,
                                       "extra_pages": c.extra_pages,
                                       "differences": c.differences, "passes": c.passes}
                                      for c in comparisons]},
                      ensure_ascii=False, indent=1) + "\n"
