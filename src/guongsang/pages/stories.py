"""Stories and news (tin bài): each story's page, the index, the archive of each year, and the
"Bài viết liên quan" of every profile, campaign and model a story names.

Addresses (:mod:`guongsang.urls`): ``tin-bai/<slug>/`` for a story; ``tin-bai/`` and
``tin-bai/trang/<n>/`` for the index; ``tin-bai/nam/<yyyy>/`` (and ``…/trang/<n>/``) for a
year. Lists are newest first (date, then title); every page works without JavaScript (the pager
and the years are plain links). A story is a record of the core, not a page of the engine's
blog plugin, so it survives a change of engine; its body is the editor's Markdown, checked like
every record's (:mod:`guongsang.rules.safety`).

The pages a story names (``ho_so``, ``phong_trao``, ``mo_hinh``) list it under "Bài viết liên
quan" (:func:`related_html`); a story never names a profile that is not published
(:mod:`guongsang.rules.stories`), and links to one would be left out here anyway.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..html import demote_headings, esc, front_matter, link, md_text, redirect_html, tag
from ..load.corpus import SLUG_RE
from ..records import Story
from ..site.output import Asset, View
from ..text import format_date, sort_key
from . import Context, generator, lastmod
from .pictures import figure, picture

PER_PAGE = 6
"""Stories per page of the index and of a year's archive."""
TITLE = "Tin bài"
LEAD = ("Tin tức về các phong trào thi đua, câu chuyện của những gương điển hình và mô hình "
        "được nhân rộng")
COVER_SIZES = "(min-width: 76.25em) 38rem, (min-width: 60em) 62vw, 100vw"
"""The cover on the story's page: the width of the text column."""
CARD_SIZES = "(min-width: 76.25em) 20rem, (min-width: 45em) 45vw, 100vw"
RELATED = "Bài viết liên quan"
RELATED_ANCHOR = "gs-bai-viet-lien-quan"
"""Anchor of the "Bài viết liên quan" section (``gs-``: search leaves generated lists out)."""


@dataclass(frozen=True)
class StoryView(View):
    """One story at ``tin-bai/<slug>/``."""

    slug: str = ""


@dataclass(frozen=True)
class StoriesView(View):
    """A page of the index (``year`` 0) or of one year's archive."""

    year: int = 0
    page: int = 1
    pages: int = 1


def newest_first(stories: list[Story]) -> list[Story]:
    """By date, newest first; the same day by title, then by folder (stable output)."""
    return sorted(stories, key=lambda s: (-(s.ngay.toordinal() if s.ngay else 0),
                                          sort_key(s.tieu_de), s.slug))


def all_stories(ctx: Context) -> list[Story]:
    """Every story, newest first (computed once per build)."""
    key = ("stories", "newest")
    if key not in ctx.memo:
        ctx.memo[key] = newest_first(list(ctx.corpus.stories.values()))
    return ctx.memo[key]  # type: ignore[return-value]


def stories_about(ctx: Context, field: str, slug: str) -> list[Story]:
    """Stories whose ``field`` (``ho_so``, ``phong_trao``, ``mo_hinh``) names ``slug``."""
    return [s for s in all_stories(ctx) if slug in getattr(s, field)]


def has_cover(ctx: Context, s: Story) -> bool:
    return s.anh_bia is not None and ctx.photo(s, s.anh_bia) is not None


def dateline(s: Story) -> str:
    """"05/01/2026 · Trung tâm Thông tin Xúc tiến" with a machine-readable date."""
    when = (f'<time datetime="{s.ngay.isoformat()}">{format_date(s.ngay)}</time>'
            if s.ngay else "")
    return " · ".join(x for x in (when, esc(s.tac_gia)) if x)


def story_card(ctx: Context, s: Story, page_url: str, heading: int = 2) -> str:
    """A card: the cover on top, the date, the title (its link covers the card), the summary."""
    cover = (picture(ctx, s, s.anh_bia, page_url, CARD_SIZES) if s.anh_bia else "")
    media = f'<div class="gs-card-media">{cover}</div>' if cover else ""
    href = urls.relative(urls.story(s.slug), page_url)
    body = (f'<p class="gs-card-meta">{dateline(s)}</p>'
            + tag(f"h{heading}", tag("a", esc(s.tieu_de), href=href), class_="gs-card-title")
            + (f'<p class="gs-card-line">{esc(s.tom_tat)}</p>' if s.tom_tat else ""))
    return (f'<article class="gs-card gs-story-card">{media}'
            f'<div class="gs-card-body">{body}</div></article>')


def cards_html(ctx: Context, stories: list[Story], page_url: str, heading: int = 2) -> str:
    return ('<div class="gs-cards gs-story-cards">'
            + "".join(story_card(ctx, s, page_url, heading) for s in stories) + "</div>")


def related_html(ctx: Context, field: str, slug: str, page_url: str) -> str:
    """The "Bài viết liên quan" section of a profile, campaign or model page ("" if none)."""
    found = stories_about(ctx, field, slug)
    if not found:
        return ""
    # Starts with a blank line: it follows other generated Markdown.
    return (f"\n## {RELATED} {{#{RELATED_ANCHOR}}}\n\n" + cards_html(ctx, found, page_url, 3)
            + "\n")


def related_dates(ctx: Context, field: str, slug: str) -> list:
    """Dates of the stories a page lists (a new story changes the page)."""
    return [s.ngay for s in stories_about(ctx, field, slug)]


# -- one story ---------------------------------------------------------------------------------

def _named(ctx: Context, s: Story, page_url: str) -> str:
    """What the story is about, linked: published profiles, campaigns, models."""
    ref, corpus = ctx.ref, ctx.corpus
    groups = [
        ("Gương điển hình", [
            f"{link(urls.relative(urls.profile(p.slug), page_url), p.ho_ten)} "
            f'<span class="gs-muted">({esc(ref.label("trang_thai", p.trang_thai))})</span>'
            for slug in s.ho_so if (p := corpus.profiles.get(slug)) is not None and p.published]),
        ("Phong trào thi đua", [
            link(urls.relative(urls.campaign(c.slug), page_url), c.ten)
            for slug in s.phong_trao if (c := corpus.campaigns.get(slug)) is not None]),
        ("Mô hình, sáng kiến", [
            link(urls.relative(urls.model(m.slug), page_url), m.ten)
            for slug in s.mo_hinh if (m := corpus.models.get(slug)) is not None]),
    ]
    items = "".join(f"<dt>{esc(label)}</dt>" + "".join(f"<dd>{x}</dd>" for x in links)
                    for label, links in groups if links)
    if not items:
        return ""
    return f'## Trong bài này {{#gs-trong-bai}}\n\n<dl class="gs-story-links">{items}</dl>'


def _neighbours(ctx: Context, s: Story, page_url: str) -> str:
    """Links to the next newer and the next older story."""
    order = all_stories(ctx)
    i = order.index(s)
    newer = order[i - 1] if i > 0 else None
    older = order[i + 1] if i + 1 < len(order) else None
    parts = []
    for other, label, css in ((newer, "Bài mới hơn", "next"), (older, "Bài trước đó", "prev")):
        if other is not None:
            parts.append(f'<p class="gs-story-nav-{css}"><span class="gs-muted">{label}</span> '
                         f"{link(urls.relative(urls.story(other.slug), page_url), other.tieu_de)}"
                         "</p>")
    if not parts:
        return ""
    return f'<nav class="gs-story-nav" aria-label="Bài viết khác">{"".join(parts)}</nav>'


def render_story(ctx: Context, s: Story) -> str:
    url = urls.story(s.slug)
    cover = figure(ctx, s, s.anh_bia, url, COVER_SIZES, eager=True) if s.anh_bia else ""
    parts = [f"# {md_text(s.tieu_de)}",
             '<div class="gs-story-head">'
             f'<p class="gs-kicker">{dateline(s)}</p>'
             + (f'<p class="gs-lead">{esc(s.tom_tat)}</p>' if s.tom_tat else "")
             + (f'<div class="gs-story-cover">{cover}</div>' if cover else "") + "</div>"]
    if s.body.strip():
        parts.append(demote_headings(s.body.strip(), top=2))
    for block in (_named(ctx, s, url), _neighbours(ctx, s, url)):
        if block:
            parts.append(block)
    parts.append(f'<p class="gs-back">{link(urls.relative(urls.stories_page(), url), "← Tất cả tin bài")}</p>')
    meta = {"title": s.tieu_de, "description": s.tom_tat,
            **lastmod.meta(lastmod.newest([s.ngay], ctx.corpus.today)),
            "guongsang": {"kind": "story", "slug": s.slug}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


# -- lists ---------------------------------------------------------------------------------------

def pages_of(stories: list[Story]) -> int:
    return max(1, -(-len(stories) // PER_PAGE))


def years(stories: list[Story]) -> dict[int, list[Story]]:
    """Stories by year, newest year first (each list newest first)."""
    out: dict[int, list[Story]] = {}
    for s in stories:
        out.setdefault(s.year, []).append(s)
    return dict(sorted(out.items(), reverse=True))


def _years_nav(by_year: dict[int, list[Story]], page_url: str, current: int = 0) -> str:
    items = "".join(
        "<li>" + (f'<a href="{esc(urls.relative(urls.stories_page(1, y), page_url))}"'
                  + (' aria-current="page"' if y == current else "") + f">Năm {y}</a>")
        + f' <span class="gs-count">{len(group)} bài</span></li>'
        for y, group in by_year.items() if y)
    if not items:
        return ""
    return (f'<nav class="gs-story-years" aria-labelledby="gs-theo-nam">'
            f'<h2 id="gs-theo-nam">Theo năm</h2><ul class="gs-facet-list">{items}</ul></nav>')


def render_list(ctx: Context, stories: list[Story], page: int, year: int = 0) -> str:
    """Page ``page`` of the index (``year`` 0) or of the archive of ``year``."""
    from .gallery import pager

    url = urls.stories_page(page, year or None)
    pages = pages_of(stories)
    heading = TITLE if not year else f"{TITLE} năm {year}"
    title = heading if page == 1 else f"{heading} – trang {page}"
    chunk = stories[(page - 1) * PER_PAGE: page * PER_PAGE]
    parts = [f"# {md_text(title)}"]
    if year:
        parts.append(f'<p class="gs-breadcrumb">{link(urls.relative(urls.stories_page(), url), "Tất cả tin bài")}</p>')
    if stories:
        what = f"Năm {year} có {len(stories)} bài viết" if year else f"{LEAD}: {len(stories)} bài"
        parts.append(f'<p class="gs-lead">{esc(what)}, mới nhất trước.</p>')
        parts.append(cards_html(ctx, chunk, url))
        nav = pager(page, pages, lambda n: urls.relative(urls.stories_page(n, year or None), url))
        if nav:
            parts.append(nav)
    else:
        parts.append('<p class="gs-lead">Chưa có tin bài nào.</p>')
    if years_nav := _years_nav(years(all_stories(ctx)), url, year):
        parts.append(years_nav)
    changed = lastmod.newest((s.ngay for s in stories), ctx.corpus.today)
    meta = {"title": title,
            "description": (f"Tin bài năm {year} của {ctx.ref.site.co_quan}." if year
                            else f"{LEAD}."),
            "hide": ["toc"], **lastmod.meta(changed),
            "guongsang": {"kind": "stories", "year": year, "page": page, "pages": pages}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


@generator
def story_pages(ctx: Context) -> Iterator[View | Asset]:
    ordered = all_stories(ctx)
    for s in ordered:
        url = urls.story(s.slug)
        yield StoryView(url, s.tieu_de, render_story(ctx, s), slug=s.slug)
        for old in s.slug_cu:
            if old in ctx.corpus.stories or old in urls.STORY_LISTINGS or not SLUG_RE.match(old):
                continue  # reported by the rules; never shadow a real page
            yield Asset(f"{urls.story(old)}index.html",
                        content=redirect_html(urls.relative(url, urls.story(old)), s.tieu_de))
    lists: list[tuple[int, list[Story]]] = [(0, ordered)]
    lists += [(y, group) for y, group in years(ordered).items() if y]
    for year, group in lists:
        pages = pages_of(group)
        for n in range(1, pages + 1):
            title = (TITLE if not year else f"{TITLE} năm {year}") + (f" – trang {n}" if n > 1 else "")
            yield StoriesView(urls.stories_page(n, year or None), title,
                              render_list(ctx, group, n, year), year=year, page=n, pages=pages)
