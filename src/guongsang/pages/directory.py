"""Exemplar directory: published profiles grouped by kind, unit, field and year recognised.

``guong-dien-hinh/`` lists every group with its count; each non-empty group has a page:

- ``guong-dien-hinh/loai/<kind>/`` (``ca-nhan``, ``tap-the``, ``gia-dinh``),
- ``guong-dien-hinh/don-vi/<unit id>/``,
- ``guong-dien-hinh/linh-vuc/<field id>/``,
- ``guong-dien-hinh/nam/<yyyy>/`` from ``ngay_cong_nhan``; profiles without that date are on
  ``guong-dien-hinh/nam/chua-ghi-nam/`` ("Chưa ghi năm"), listed last among the years. A page of
  its own (rather than a list on the index) keeps the index a short table of contents however
  many profiles lack the date, and gives editors one address to check what still needs it.

Inside a page, people are in Vietnamese given-name order (:func:`~guongsang.text.person_sort_key`)
and collectives and families in name order (:func:`~guongsang.text.sort_key`); pages that mix
kinds have one section per kind. Units, fields and kinds follow the order of ``data/``.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .. import urls
from ..html import esc, front_matter, md_text
from ..records import Profile
from ..site.output import Asset, View
from ..text import slugify
from . import Context, generator, lastmod
from .cards import card, name_key

TITLE = "Gương điển hình"
NO_YEAR = "chua-ghi-nam"
FACETS = (
    ("loai", "Theo loại hồ sơ"),
    ("don-vi", "Theo đơn vị"),
    ("linh-vuc", "Theo lĩnh vực"),
    ("nam", "Theo năm công nhận"),
)


@dataclass(frozen=True)
class DirectoryView(View):
    """The directory index (``facet == ""``) or one group page."""

    facet: str = ""
    """``loai``, ``don-vi``, ``linh-vuc`` or ``nam``; empty for the index."""
    key: str = ""
    """The group's address part: ``ca-nhan``, a unit id, a field id, ``2024``, ``chua-ghi-nam``."""


@dataclass
class Group:
    facet: str
    key: str
    label: str
    """Shown in lists ("Cá nhân", "Phòng Xúc tiến Đầu tư", "2024", "Chưa ghi năm")."""
    title: str
    """Page title."""
    profiles: list[Profile] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{urls.DIRECTORY}{self.facet}/{self.key}/"


def _ordered(known: Sequence[str], present: set[str]) -> list[str]:
    """Ids of ``present`` in the order of ``known`` (the data files), unknown ones last."""
    return [k for k in known if k in present] + sorted(present - set(known))


def groups(ctx: Context, profiles: Sequence[Profile]) -> dict[str, list[Group]]:
    """Non-empty groups of ``profiles`` by facet, each sorted for reading."""
    ref = ctx.ref
    out: dict[str, list[Group]] = {}

    kinds = _ordered(list(ref.vocab.get("loai_ho_so", {})), {p.loai for p in profiles})
    out["loai"] = [Group("loai", k.replace("_", "-"), ref.label("loai_ho_so", k),
                         f"{TITLE}: {ref.label('loai_ho_so', k)}",
                         [p for p in profiles if p.loai == k]) for k in kinds]

    units = _ordered(list(ref.units), {p.don_vi for p in profiles})
    out["don-vi"] = []
    for u in units:
        name = ref.units[u].ten if u in ref.units else u
        out["don-vi"].append(Group("don-vi", slugify(u), name, f"{TITLE}: {name}",
                                   [p for p in profiles if p.don_vi == u]))

    fields = _ordered(list(ref.fields), {f for p in profiles for f in p.linh_vuc})
    out["linh-vuc"] = []
    for f in fields:
        name = ref.fields[f].ten if f in ref.fields else f
        out["linh-vuc"].append(Group("linh-vuc", slugify(f), name, f"{TITLE}: lĩnh vực {name}",
                                     [p for p in profiles if f in p.linh_vuc]))

    years = sorted({p.ngay_cong_nhan.year for p in profiles if p.ngay_cong_nhan}, reverse=True)
    out["nam"] = [Group("nam", str(y), str(y), f"{TITLE} công nhận năm {y}",
                        [p for p in profiles if p.ngay_cong_nhan and p.ngay_cong_nhan.year == y])
                  for y in years]
    undated = [p for p in profiles if not p.ngay_cong_nhan]
    if undated:
        out["nam"].append(Group("nam", NO_YEAR, "Chưa ghi năm",
                                f"{TITLE} chưa ghi năm công nhận", undated))

    for facet in out.values():
        for g in facet:
            g.profiles.sort(key=lambda p: (name_key(p), p.slug))
    return out


def by_kind(ctx: Context, profiles: Sequence[Profile]) -> list[tuple[str, list[Profile]]]:
    """Sections of a mixed list: (kind label, profiles in Vietnamese order), kinds in data order."""
    kinds = _ordered(list(ctx.ref.vocab.get("loai_ho_so", {})), {p.loai for p in profiles})
    return [(ctx.ref.label("loai_ho_so", k),
             sorted((p for p in profiles if p.loai == k), key=lambda p: (name_key(p), p.slug)))
            for k in kinds]


def _count(n: int) -> str:
    return f"{n} hồ sơ"


def profile_card(ctx: Context, p: Profile, url: str, heading: int) -> str:
    return card(ctx, p, url, p.tom_tat, p.ngay_cong_nhan,
                kicker=ctx.ref.label("trang_thai", p.trang_thai),
                date_label="Công nhận", heading=heading)


def render_index(ctx: Context, grouped: dict[str, list[Group]], total: int) -> str:
    url = urls.DIRECTORY
    parts = []
    if total:
        parts.append(f'<p class="gs-lead">{_count(total)} cá nhân, tập thể và gia đình tiêu biểu '
                     "đã được công bố, xếp theo loại, đơn vị, lĩnh vực và năm công nhận.</p>")
        for facet, heading in FACETS:
            items = "".join(
                f'<li><a href="{esc(urls.relative(g.url, url))}">{esc(g.label)}</a> '
                f'<span class="gs-count">{_count(len(g.profiles))}</span></li>'
                for g in grouped[facet])
            if items:
                parts.append(f"## {heading}\n\n"
                             f'<ul class="gs-facet-list" data-facet="{facet}">{items}</ul>')
    else:
        parts.append('<p class="gs-lead">Chưa có hồ sơ nào được công bố.</p>')
    meta = {"title": TITLE,
            "description": "Danh bạ gương điển hình tiên tiến theo loại, đơn vị, lĩnh vực, năm.",
            **_changed(ctx, [p for g in grouped.get("loai", []) for p in g.profiles]),
            "guongsang": {"kind": "directory"}}
    return front_matter(meta) + f"# {TITLE}\n\n" + "\n\n".join(parts) + "\n"


def _changed(ctx: Context, profiles: Sequence[Profile]) -> dict[str, str]:
    return lastmod.meta(lastmod.newest((d for p in profiles for d in lastmod.profile_dates(p)),
                                       ctx.corpus.today))


def render_group(ctx: Context, g: Group) -> str:
    url = g.url
    back = esc(urls.relative(urls.DIRECTORY, url))
    parts = [f'<p class="gs-breadcrumb"><a href="{back}">{TITLE}</a></p>',
             f'<p class="gs-lead">{_count(len(g.profiles))}.</p>']
    if g.facet == "loai":
        parts.append('<div class="gs-cards">'
                     + "".join(profile_card(ctx, p, url, 2) for p in g.profiles) + "</div>")
    else:
        for label, members in by_kind(ctx, g.profiles):
            parts.append(f"## {esc(label)}\n\n"
                         f'<div class="gs-cards">'
                         + "".join(profile_card(ctx, p, url, 3) for p in members) + "</div>")
    meta = {"title": g.title, "description": f"{g.title}: {_count(len(g.profiles))}.",
            # A page of cards: the whole width for them (a kind's page has no headings at all).
            "hide": ["toc"], **_changed(ctx, g.profiles),
            "guongsang": {"kind": "directory", "facet": g.facet, "key": g.key}}
    return front_matter(meta) + f"# {md_text(g.title)}\n\n" + "\n\n".join(parts) + "\n"


@generator
def directory_pages(ctx: Context) -> Iterator[View | Asset]:
    profiles = ctx.profiles
    grouped = groups(ctx, profiles)
    yield DirectoryView(urls.DIRECTORY, TITLE, render_index(ctx, grouped, len(profiles)))
    for facet, _ in FACETS:
        for g in grouped[facet]:
            yield DirectoryView(g.url, g.title, render_group(ctx, g), facet=g.facet, key=g.key)
