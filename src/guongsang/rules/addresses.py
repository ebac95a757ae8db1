"""Addresses: two things published at the same URL would overwrite each other in silence.

Every record has an address (:attr:`Kind.url`), and a record with ``slug_cu`` has its former
addresses too. A hand-written page of content/ (models, campaigns and plain pages alike) must
not share one with anything else, nor sit where the generators write (:data:`urls.RESERVED`).
The check needs no generator run; :func:`generated_collisions` compares with what a build really
generated, as a last guard.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import urls
from ..load.corpus import Corpus
from ..problems import Problem
from ..site.output import SiteOutput
from . import rule

_LOST = "hai trang cùng một địa chỉ thì một trang sẽ âm thầm bị mất"
_HINT = "Đổi tên tệp (hoặc chuyển nó sang thư mục khác của content/) để địa chỉ khác đi."


@dataclass(frozen=True)
class Address:
    """One URL something is published at."""

    url: str
    file: str
    line: int
    what: str
    """The owner, for a message: "trang content/gioi-thieu.md", "hồ sơ profiles/an/"…"""
    hand_written: bool
    """A page of content/ (the engine renders the file itself)."""


def addresses(corpus: Corpus) -> list[Address]:
    """Every address of every record, current and former, in a stable order."""
    project = corpus.project
    out: list[Address] = []
    for kind, record in corpus.records():
        if not kind.public:
            continue  # internal records are never published: no address
        hand = project is not None and kind.published_by_engine(project)
        where = record.file if hand else record.file.rsplit("/", 1)[0] + "/"
        if kind.name == "profile" and not getattr(record, "published", True):
            continue  # never published: its address is free
        # A page's address is the whole file: line 1, so that the editor's task (which matches
        # "file:line:") shows it on the file.
        out.append(Address(kind.url(record.slug), record.file, 1 if hand else 0,
                           f"{'trang' if hand else kind.label} {where}", hand))
        for i, old in enumerate(getattr(record, "slug_cu", [])):
            out.append(Address(kind.url(old), record.file,
                               record.source.line_of(("slug_cu", i)),
                               f"địa chỉ cũ \"{old}\" của {kind.label} {where}", hand))
    return out


@rule("trung-dia-chi")
def page_addresses(corpus: Corpus) -> Iterator[Problem]:
    """A page of content/ has an address of its own: not a generated page's, a profile's or
    a former address (``slug_cu``), nor another page's.

    PASS: ``content/huong-dan.md`` (published at huong-dan/)
    FAIL: ``content/vinh-danh/2024.md`` (where the honour roll of 2024 is generated);
          ``content/gioi-thieu.md`` beside ``content/gioi-thieu/index.md``
    """
    by_url: dict[str, list[Address]] = {}
    for a in addresses(corpus):
        by_url.setdefault(a.url.lower(), []).append(a)
    for group in by_url.values():
        for a in group:
            if not a.hand_written:
                continue  # profiles among themselves: rules.duplicates says it
            other = next((b for b in group if b is not a), None)
            if other is not None:
                yield Problem(a.file, a.line, "", "trung-dia-chi",
                              f"Trang này có địa chỉ `{a.url}`, trùng với {other.what}: {_LOST}.",
                              _HINT)
            elif (r := urls.reserved(a.url)) is not None:
                yield Problem(a.file, a.line, "", "trung-dia-chi",
                              f"Trang này có địa chỉ `{a.url}`, nằm trong phần `{r.prefix}` do "
                              f"hệ thống tự tạo ({r.label}): {_LOST}.", _HINT)


def generated_collisions(corpus: Corpus, output: SiteOutput) -> list[Problem]:
    """Hand-written pages whose address a generator also wrote (the build's last guard)."""
    made: dict[str, str] = {}
    for view in output.views:
        made.setdefault(view.url.lower(), f"trang tự tạo “{view.title}”")
    for asset in output.assets:
        made.setdefault(asset.uri.lower(), f"tệp tự tạo `{asset.uri}`")
    out = []
    for a in addresses(corpus):
        if not a.hand_written:
            continue
        for target in _same_place(a.url.lower()):
            if target in made:
                out.append(Problem(a.file, a.line, "", "trung-dia-chi",
                                   f"Trang này có địa chỉ `{a.url}`, trùng với {made[target]}: "
                                   f"{_LOST}.", _HINT))
                break
    return out


def _same_place(url: str) -> Iterable[str]:
    """The generated paths that would land where a page at ``url`` is written: the same page,
    its index.html, or a file of the same name as its folder."""
    return (url, f"{url}index.html", url.rstrip("/"))
