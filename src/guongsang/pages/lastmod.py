"""When a page last really changed, for the sitemap's ``<lastmod>``.

Chosen rule: **the newest date recorded in what the page shows**, never later than the build's
"today" (``project.today``). A profile changed when it was last recognised, awarded, followed up
or had a good deed recorded; a list changed when the newest of its entries did. The dates come
from the records, so the value is the same on every build and on every machine, whatever the
git history (CI clones one commit, so every file there has the same commit time) or the file
times (a fresh clone gives every file the time of the clone).

A page with no dated record gets no ``<lastmod>`` at all: the sitemap protocol makes it
optional, and search engines trust a site's dates only while they are right — the build date
on every page, as before, was right for none of them. Generators put the value in the page's
front matter as ``lastmod: yyyy-mm-dd``; ``overrides/sitemap.xml`` writes it.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..records import Campaign, Model, Profile


def newest(days: Iterable[date | None], today: date) -> date | None:
    """The latest of ``days`` that is not after ``today`` (future dates are plans, not changes)."""
    return max((d for d in days if d is not None and d <= today), default=None)


def profile_dates(p: Profile) -> list[date | None]:
    return [p.ngay_cong_nhan,
            *(a.ngay_quyet_dinh for a in p.khen_thuong),
            *(d.ngay for d in p.viec_tot),
            *(f.ngay for f in p.theo_doi)]


def model_dates(m: Model) -> list[date | None]:
    return [m.cong_nhan.ngay_quyet_dinh if m.cong_nhan else None,
            *(r.ngay for r in m.nhan_rong)]


def campaign_dates(c: Campaign) -> list[date | None]:
    return [c.tu_ngay, c.den_ngay]


def meta(day: date | None) -> dict[str, str]:
    """``{"lastmod": "yyyy-mm-dd"}`` for a page's front matter, or nothing."""
    return {"lastmod": day.isoformat()} if day else {}
