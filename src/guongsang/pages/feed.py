"""RSS 2.0 feed ``feed.xml``: stories, newly recognised exemplars and new honours, newest first.

Built with :mod:`xml.etree.ElementTree`, so every value from a record is escaped by the XML
writer, never pasted into markup. Only published profiles appear, and only public fields
(name, status, unit, summary, award and decision): nothing from ``rieng_tu``. A story's entry
is its title, its summary and its date; its guid is the story's address.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import urljoin

from .. import urls
from ..load.refdata import ReferenceData
from ..records import Award, Profile, Story
from ..site.output import Asset
from ..text import format_date, sort_key
from . import Context, generator
from .cards import name_key

MAX_ITEMS = 50
VIETNAM = timezone(timedelta(hours=7), "ICT")
"""Decisions carry a date only; it is published as midnight in Vietnam (UTC+7)."""
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Item:
    """One entry of the feed, before it becomes XML."""

    day: date
    title: str
    path: str
    """Site path of the page the entry points to (``ho-so/<slug>/``)."""
    fragment: str
    """Makes the guid unique when several entries point to the same page ("" for a page that
    has one entry: a story)."""
    description: str
    order: tuple
    """Tie-break for entries of the same day (stable output)."""


def absolute(site_url: str, path: str) -> str:
    """``path`` under the site's address, which may itself hold a sub-path."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def rfc822(day: date) -> str:
    """The date format RSS 2.0 asks for: "Tue, 05 Jan 2024 00:00:00 +0700"."""
    return format_datetime(datetime(day.year, day.month, day.day, tzinfo=VIETNAM))


def _unit(ref: ReferenceData, p: Profile) -> str:
    return ref.units[p.don_vi].ten if p.don_vi in ref.units else ""


def recognition_item(ref: ReferenceData, p: Profile) -> Item | None:
    if p.ngay_cong_nhan is None:
        return None
    status = ref.label("trang_thai", p.trang_thai)
    unit = _unit(ref, p)
    who = f"{p.ho_ten} ({unit})" if unit else p.ho_ten
    parts = [f"{who} được công nhận là {status} ngày {format_date(p.ngay_cong_nhan)}."]
    if p.tom_tat:
        parts.append(p.tom_tat)
    return Item(p.ngay_cong_nhan, f"{p.ho_ten}: {status}", urls.profile(p.slug),
                urls.RECOGNITION_ANCHOR, " ".join(parts), (0, name_key(p)))


def award_item(ref: ReferenceData, p: Profile, a: Award) -> Item | None:
    form = ref.awards.get(a.hinh_thuc)
    if a.ngay_quyet_dinh is None or form is None:
        return None
    verb = "đạt danh hiệu" if form.loai == "danh_hieu" else "được tặng"
    decision = f"Quyết định số {a.so_quyet_dinh} ngày {format_date(a.ngay_quyet_dinh)}"
    if a.co_quan:
        decision += f" của {a.co_quan}"
    parts = [f"{p.ho_ten} {verb} {form.ten} năm {a.nam}.", decision + "."]
    if a.ly_do:
        parts.append(a.ly_do.rstrip(".") + ".")
    # The guid's fragment is the award's row on the profile page (stable across re-ordering).
    fragment = urls.award_anchor(a.hinh_thuc, a.nam, a.so_quyet_dinh)
    return Item(a.ngay_quyet_dinh, f"{p.ho_ten} {verb} {form.ten} năm {a.nam}",
                urls.profile(p.slug), fragment, " ".join(parts),
                (1, name_key(p), a.index))


def story_item(s: Story) -> Item | None:
    if s.ngay is None:
        return None
    text = s.tom_tat + (f" ({s.tac_gia})" if s.tac_gia else "")
    return Item(s.ngay, s.tieu_de, urls.story(s.slug), "", text, (-1, sort_key(s.tieu_de), s.slug))


def feed_items(ref: ReferenceData, profiles: list[Profile],
               stories: list[Story] | None = None) -> list[Item]:
    """Stories, and recognitions and awards of ``profiles``, newest first, at most
    :data:`MAX_ITEMS` (a story before the honours of the same day)."""
    items: list[Item] = [i for s in stories or () if (i := story_item(s)) is not None]
    for p in profiles:
        if (item := recognition_item(ref, p)) is not None:
            items.append(item)
        items.extend(i for a in p.khen_thuong if (i := award_item(ref, p, a)) is not None)
    items.sort(key=lambda i: i.order)
    items.sort(key=lambda i: i.day, reverse=True)
    return items[:MAX_ITEMS]


def feed_xml(ref: ReferenceData, profiles: list[Profile], today: date,
             stories: list[Story] | None = None) -> bytes:
    """The RSS 2.0 document for the published ``profiles`` and the ``stories``."""
    site = ref.site
    home = absolute(site.url, "")
    items = feed_items(ref, profiles, stories)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    for tag, text in (("title", site.ten), ("link", home),
                      ("description", site.mo_ta or f"Gương điển hình của {site.co_quan}"),
                      ("language", "vi"),
                      # The channel changed last when its newest entry appeared.
                      ("lastBuildDate", rfc822(items[0].day if items else today))):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, f"{{{ATOM}}}link", href=absolute(site.url, urls.FEED), rel="self",
                  type="application/rss+xml")
    for item in items:
        node = ET.SubElement(channel, "item")
        link = absolute(site.url, item.path)
        ET.SubElement(node, "title").text = item.title
        ET.SubElement(node, "link").text = link
        ET.SubElement(node, "guid", isPermaLink="true").text = (
            f"{link}#{item.fragment}" if item.fragment else link)
        ET.SubElement(node, "pubDate").text = rfc822(item.day)
        ET.SubElement(node, "description").text = item.description
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


@generator
def feed(ctx: Context) -> Iterator[Asset]:
    yield Asset(urls.FEED, content=feed_xml(ctx.ref, ctx.profiles, ctx.corpus.today,
                                            list(ctx.corpus.stories.values())))
