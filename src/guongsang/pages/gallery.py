"""The "Người tốt, việc tốt" gallery: one card per good deed, newest first, paged statically.

Pages live at ``nguoi-tot-viec-tot/`` and ``nguoi-tot-viec-tot/trang-N/``. Filters (year, unit,
field, kind) run in the browser (``overrides/assets/js/gallery-filters.js``): each card carries
its filter values as ``data-*`` attributes, and because the cards are split over several pages,
``nguoi-tot-viec-tot/du-lieu.json`` holds every card so a filter shows matches from all pages.
Without JavaScript the static pages and their pager still work.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..html import attrs, esc, front_matter, md_text
from ..records import Deed, Profile
from ..site.output import Asset, View
from ..text import slugify
from . import Context, generator, lastmod
from .cards import card, name_key
from .home import nominate_html

PER_PAGE = 24
"""Cards per static page."""
DATA_FILE = "du-lieu.json"
TITLE = "Người tốt, việc tốt"
PARAMS = ("nam", "don-vi", "linh-vuc", "loai")
"""Query parameters of the filter, in form order (also the keys of the JSON items)."""


@dataclass(frozen=True)
class GalleryView(View):
    """One page of the gallery."""

    page: int = 1
    """1-based page number."""
    pages: int = 1
    """How many pages the gallery has."""


@dataclass(frozen=True)
class Entry:
    """A good deed with the published profile it belongs to."""

    profile: Profile
    deed: Deed
    index: int
    """Position of the deed in the profile's ``viec_tot`` (keeps equal entries stable)."""


def entries(profiles: Sequence[Profile]) -> list[Entry]:
    """Every deed of ``profiles`` (already filtered to published ones), newest first.

    Deeds of the same day follow Vietnamese name order.
    """
    found = [Entry(p, d, i) for p in profiles for i, d in enumerate(p.viec_tot)]
    return sorted(found, key=lambda e: (-e.deed.ngay.toordinal(), name_key(e.profile),
                                        e.profile.slug, e.index))


def title(n: int) -> str:
    return TITLE if n == 1 else f"{TITLE} – trang {n}"


def page_url(n: int) -> str:
    return urls.GALLERY if n == 1 else f"{urls.GALLERY}trang-{n}/"


def data_url() -> str:
    return urls.GALLERY + DATA_FILE


def kind_slug(kind: str) -> str:
    """``ca_nhan`` -> ``ca-nhan``: the form used in addresses and filter values."""
    return kind.replace("_", "-")


def filter_values(e: Entry) -> dict[str, str]:
    """What the filter compares, as strings (fields separated by spaces)."""
    p = e.profile
    return {"nam": str(e.deed.ngay.year), "don-vi": p.don_vi, "linh-vuc": " ".join(p.linh_vuc),
            "loai": kind_slug(p.loai)}


def entry_card(ctx: Context, e: Entry, url: str) -> str:
    return card(ctx, e.profile, url, e.deed.noi_dung, e.deed.ngay, place=e.deed.dia_diem,
                heading=2, data=filter_values(e))


def _windows(page: int, pages: int) -> list[int | None]:
    """Page numbers to show: first, last and two either side of ``page``; ``None`` is a gap."""
    keep = {n for n in (1, pages, *range(page - 2, page + 3)) if 1 <= n <= pages}
    # A gap that would hide a single number saves no room: show the number instead.
    keep |= {n + 1 for n in keep if n + 2 in keep}
    out: list[int | None] = []
    for n in range(1, pages + 1):
        if n in keep:
            out.append(n)
        elif out[-1] is not None:
            out.append(None)
    return out


def pager(page: int, pages: int, url_of: Callable[[int], str], css: str = "") -> str:
    """Numbered pager in Vietnamese that needs no JavaScript; "" for a single page.

    ``url_of(n)`` is the link to page ``n`` relative to the current page; ``css`` adds classes.
    """
    if pages <= 1:
        return ""

    def edge(n: int, text: str, rel: str, ok: bool) -> str:
        css = f"gs-pager-{rel}"
        if not ok:
            return f'<span class="{css}" aria-disabled="true">{text}</span>'
        return f'<a {attrs(class_=css, href=url_of(n), rel=rel)}>{text}</a>'
    items = []
    for n in _windows(page, pages):
        if n is None:
            items.append('<li class="gs-pager-gap" aria-hidden="true">…</li>')
        else:
            a = attrs(href=url_of(n), aria_label=f"Trang {n}",
                      aria_current="page" if n == page else None)
            items.append(f"<li><a {a}>{n}</a></li>")
    return (f'<nav class="{" ".join(["gs-pager", *css.split()])}" aria-label="Phân trang">'
            f'{edge(page - 1, "Trang trước", "prev", page > 1)}'
            f'<ol>{"".join(items)}</ol>'
            f'{edge(page + 1, "Trang sau", "next", page < pages)}</nav>')


def _options(ctx: Context, found: list[Entry]) -> dict[str, list[tuple[str, str]]]:
    """Choices of each filter: only values that some deed has, in a reader's order."""
    ref = ctx.ref
    years = sorted({e.deed.ngay.year for e in found}, reverse=True)
    units = {e.profile.don_vi for e in found}
    fields = {f for e in found for f in e.profile.linh_vuc}
    kinds = {e.profile.loai for e in found}
    # Units, fields and kinds keep the order staff gave them in data/; unknown ids go last.
    unit_ids = [u for u in ref.units if u in units] + sorted(units - set(ref.units))
    field_ids = [f for f in ref.fields if f in fields] + sorted(fields - set(ref.fields))
    known_kinds = list(ref.vocab.get("loai_ho_so", {}))
    kind_ids = [k for k in known_kinds if k in kinds] + sorted(kinds - set(known_kinds))
    return {
        "nam": [(str(y), str(y)) for y in years],
        "don-vi": [(u, ref.units[u].ten if u in ref.units else u) for u in unit_ids],
        "linh-vuc": [(f, ref.fields[f].ten if f in ref.fields else f) for f in field_ids],
        "loai": [(kind_slug(k), ref.label("loai_ho_so", k)) for k in kind_ids],
    }


_LABELS = {"nam": ("Năm", "Tất cả các năm"), "don-vi": ("Đơn vị", "Tất cả đơn vị"),
           "linh-vuc": ("Lĩnh vực", "Tất cả lĩnh vực"), "loai": ("Loại", "Cá nhân, tập thể, gia đình")}


def filter_form(ctx: Context, found: list[Entry], url: str,
                options: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """A real GET form with labelled selects; the script makes it filter in place.

    ``options`` (from :func:`_options`) saves scanning every deed again for each page.
    """
    fields = []
    for param, choices in (_options(ctx, found) if options is None else options).items():
        label, everything = _LABELS[param]
        sid = f"gs-loc-{param}"
        opts = f'<option value="">{esc(everything)}</option>' + "".join(
            f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in choices)
        fields.append(f'<p class="gs-field"><label for="{sid}">{label}</label>'
                      f'<select id="{sid}" name="{param}">{opts}</select></p>')
    return (f'<form {attrs(class_="gs-filter", method="get", action=urls.relative(urls.GALLERY, url))} '
            f'data-gs-gallery="{esc(urls.relative(data_url(), url))}">'
            # Disabled until the script runs (it filters in place): without JavaScript a submit
            # would only reload an unfiltered page 1. The note below says where to look instead.
            f'<fieldset disabled><legend>Lọc việc tốt</legend><div class="gs-filter-fields">{"".join(fields)}</div>'
            '<p class="gs-filter-actions"><button type="submit" class="md-button md-button--primary">'
            'Lọc</button> <a class="md-button gs-filter-reset" '
            f'href="{esc(urls.relative(urls.GALLERY, url))}">Bỏ lọc</a></p>'
            "</fieldset></form>")


@dataclass(frozen=True)
class Facets:
    """The years, units and fields that occur in a gallery, in the order the note lists them."""
    years: tuple[int, ...]
    units: tuple[str, ...]
    fields: tuple[str, ...]


def facets_of(ctx: Context, found: list[Entry]) -> Facets:
    """One pass over the deeds (computed once per gallery, not once per page: at 5,000 profiles
    a scan per page and per unit was 12 % of the whole staging step)."""
    years = {e.profile.ngay_cong_nhan.year for e in found if e.profile.ngay_cong_nhan}
    units = {e.profile.don_vi for e in found}
    fields = {f for e in found for f in e.profile.linh_vuc}
    return Facets(tuple(sorted(years, reverse=True)), tuple(u for u in ctx.ref.units if u in units),
                  tuple(f for f in ctx.ref.fields if f in fields))


def no_script_note(ctx: Context, facets: Facets, url: str) -> str:
    """What a reader without JavaScript is told: the filter needs it; the directory lists the
    same people by year, unit and field, on pages that need none."""
    years, units, fields = facets.years, facets.units, facets.fields

    def links(facet: str, items: list[tuple[str, str]]) -> str:
        return ", ".join(f'<a href="{esc(urls.relative(f"{urls.DIRECTORY}{facet}/{key}/", url))}">'
                         f"{esc(label)}</a>" for key, label in items)
    parts = [("năm công nhận", links("nam", [(str(y), str(y)) for y in years])),
             ("đơn vị", links("don-vi", [(slugify(u), ctx.ref.units[u].ten) for u in units])),
             ("lĩnh vực", links("linh-vuc", [(slugify(f), ctx.ref.fields[f].ten) for f in fields]))]
    listed = "".join(f"<li>Theo {name}: {html}</li>" for name, html in parts if html)
    return ('<noscript><div class="gs-note gs-noscript"><p>Bộ lọc cần JavaScript, đang bị tắt '
            "trong trình duyệt này. Các trang dưới đây vẫn xem được; danh bạ "
            f'<a href="{esc(urls.relative(urls.DIRECTORY, url))}">Gương điển hình</a> xếp những '
            f"người này theo năm, đơn vị và lĩnh vực:</p><ul>{listed}</ul></div></noscript>")


def render_page(ctx: Context, found: list[Entry], page: int, pages: int,
                people: int | None = None,
                options: dict[str, list[tuple[str, str]]] | None = None,
                facets: Facets | None = None, changed: date | None = None) -> str:
    """One static page; ``people`` and ``options`` describe all of ``found`` (computed once by
    the caller, so a gallery of N pages does not scan every deed N times)."""
    url = page_url(page)
    chunk = found[(page - 1) * PER_PAGE: page * PER_PAGE]
    if people is None:
        people = len({e.profile.slug for e in found})
    parts = []
    if found:
        parts.append(f'<p class="gs-lead">Những việc làm tốt, cụ thể của cán bộ, viên chức, người '
                     f"lao động và các tập thể, gia đình: {len(found)} việc tốt của {people} "
                     "gương, mới nhất trước.</p>")
        parts.append(no_script_note(ctx, facets or facets_of(ctx, found), url))
        parts.append(filter_form(ctx, found, url, options))
        parts.append('<p class="gs-filter-status" role="status" aria-live="polite"></p>')
        parts.append('<div class="gs-cards gs-gallery-results" hidden></div>')
        parts.append('<div class="gs-cards gs-gallery-static">'
                     + "".join(entry_card(ctx, e, url) for e in chunk) + "</div>")
        # Hidden with the static cards while a filter shows matches from every page.
        nav = pager(page, pages, lambda n: urls.relative(page_url(n), url), "gs-gallery-static")
        if nav:
            parts.append(nav)
    else:
        parts.append('<p class="gs-lead">Chưa có việc tốt nào được công bố.</p>')
    if nominate := nominate_html(ctx.ref.site.de_cu):
        parts.append(nominate)
    if changed is None:  # the whole gallery's last change: the same on every page
        changed = lastmod.newest((e.deed.ngay for e in found), ctx.corpus.today)
    meta = {"title": title(page),
            "description": "Gương “Người tốt, việc tốt”: những việc làm tốt được ghi nhận.",
            # The cards take the whole width: a table of contents would be empty.
            "hide": ["toc"], **lastmod.meta(changed),
            "guongsang": {"kind": "gallery", "page": page, "pages": pages}}
    return (front_matter(meta) + f"# {md_text(title(page))}\n\n" + '<div class="gs-gallery">\n\n'
            + "\n\n".join(parts) + "\n\n</div>\n")


def data_json(ctx: Context, found: list[Entry]) -> str:
    """Every card of every page, with its filter values, for the script.

    Links inside ``html`` are relative to ``nguoi-tot-viec-tot/`` (where this file lives); the
    script resolves them against the file's own address, so any page can show them.
    """
    items = []
    for e in found:
        values = filter_values(e)
        items.append({"nam": values["nam"], "don-vi": values["don-vi"],
                      "linh-vuc": list(e.profile.linh_vuc), "loai": values["loai"],
                      "html": entry_card(ctx, e, urls.GALLERY)})
    return json.dumps({"tong": len(items), "muc": items}, ensure_ascii=False,
                      separators=(",", ":")) + "\n"


@generator
def gallery_pages(ctx: Context) -> Iterator[View | Asset]:
    found = entries(ctx.profiles)
    pages = max(1, -(-len(found) // PER_PAGE))
    people, options = len({e.profile.slug for e in found}), _options(ctx, found)
    facets = facets_of(ctx, found)
    changed = lastmod.newest((e.deed.ngay for e in found), ctx.corpus.today)
    for n in range(1, pages + 1):
        yield GalleryView(page_url(n), title(n),
                          render_page(ctx, found, n, pages, people, options, facets, changed),
                          page=n, pages=pages)
    yield Asset(data_url(), content=data_json(ctx, found))
