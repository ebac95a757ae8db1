"""Load every record of a repository: parse, check shape, build typed records.

``load(project)`` never raises on bad content: it returns what it could build and the list of
problems, so the caller can report everything at once. Every kind of file is declared in
:mod:`guongsang.load.kinds` and read through :mod:`guongsang.load.documents`.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..problems import Problem
from ..project import Project, is_inside
from ..records import Campaign, ContentPage, Model, Profile, Record, Story
from ..schema import PAGE, PAGE_META_KEYS
from ..site.incremental import reusing
from ..text import slugify
from .conform import Conformer
from .documents import (  # noqa: F401 - re-exported: the limits are part of this module's API
    MAX_BODY_CHARS,
    MAX_FRONT_MATTER_CHARS,
    MAX_MARKUP_WORK,
    PublishedPage,
    _Memo,
    markup_work,
    published_markdown,
    read_document,
)
from .kinds import KINDS, Kind
from .refdata import ReferenceData, load_reference
from .yamlsrc import Source

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Corpus:
    """Every record of the site, by slug, plus the reference data they point into."""

    ref: ReferenceData
    profiles: dict[str, Profile] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    """Stories and news (tin bài) by folder name; every one is published."""
    pages: dict[str, ContentPage] = field(default_factory=dict)
    """Hand-written pages of content/ by their path there (``gioi-thieu.md``)."""
    today: date = field(default_factory=date.today)
    project: Project | None = None
    published: dict[str, PublishedPage] = field(default_factory=dict)
    """Each checked file of content/ as the engine must publish it, by its path there: page
    settings and cleaned body only (:attr:`PublishedPage.markdown`). The engine never reads
    content/ itself: the hook renders these, a staging folder is written from them."""

    @property
    def published_profiles(self) -> list[Profile]:
        return [p for p in self.profiles.values() if p.published]

    def records(self) -> Iterator[tuple[Kind, Record]]:
        """Every record of every kind, with its kind (rules that apply to all use this)."""
        for kind in KINDS:
            for record in getattr(self, kind.store).values():
                yield kind, record


def published_pages(corpus: Corpus) -> list[PublishedPage]:
    """Every Markdown file of content/ as the engine must publish it, in path order.

    For a build from a staging folder: write ``page.markdown`` at ``page.src_uri`` there
    instead of copying content/ (whose files may hold internal notes, invisible characters, or
    a front matter the engine would show as text). ``page.meta`` and ``page.body`` are the
    checked settings and the cleaned body, for an engine that takes them apart.
    """
    return [corpus.published[uri] for uri in sorted(corpus.published)]


def _slug_problem(rel: str, name: str, what: str) -> Problem:
    return Problem(rel, 0, "", "ten-tep",
                   f"Tên {what} \"{name}\" phải viết thường, không dấu, nối bằng dấu gạch ngang.",
                   f"Đổi tên thành \"{slugify(name) or 'ten-ho-so'}\".")


def _inside(path: Path, root: Path) -> bool:
    """False for a symlink (or a path through one) that leads outside the repository."""
    return is_inside(path, root)


OUTSIDE_MESSAGE = "Tệp là liên kết (symlink) trỏ ra ngoài kho; bị bỏ qua."
OUTSIDE_HINT = "Chép nội dung thật vào kho thay vì tạo liên kết."


def escaping_links(project: Project, dirs: tuple[str, ...]) -> list[Problem]:
    """Symlinks under ``dirs`` that lead outside the repository (or loop).

    MkDocs follows symlinks in its docs folder, so one named ``content/x.md`` pointing at a
    file of the build machine would publish that file; reporting it as an error stops the build.
    """
    out: list[Problem] = []
    for d in dirs:
        for dirpath, dirnames, filenames in os.walk(project.path(d)):  # does not follow links
            for name in sorted(dirnames + filenames):
                path = Path(dirpath) / name
                if path.is_symlink() and not _inside(path, project.root):
                    out.append(Problem(project.rel(path), 0, "", "lien-ket-ngoai-kho",
                                       OUTSIDE_MESSAGE, OUTSIDE_HINT))
    return out


def load(project: Project, today: date) -> tuple[Corpus, list[Problem]]:
    ref, problems = load_reference(project.path(project.data_dir), project.root)
    problems.extend(escaping_links(project, (project.content_dir, project.data_dir)))
    corpus = Corpus(ref=ref, today=today, project=project)
    read_kinds(KINDS, project, ref, today, corpus, problems, corpus.published)
    return corpus, problems


def read_kinds(kinds: tuple[Kind, ...], project: Project, ref: ReferenceData, today: date,
               target: object, problems: list[Problem],
               published: dict[str, PublishedPage] | None = None,
               boundary: Path | None = None) -> None:
    """Read every file of ``kinds`` into the dicts of ``target`` named by each kind's
    :attr:`~Kind.store` (a :class:`Corpus`, or the internal records of the process).

    Files are looked for under ``project`` (its root is what messages are relative to) and
    never read through a link that leaves ``boundary`` (the repository by default; the
    internal-records folder when it is a checkout of its own)."""
    claimed: set[Path] = set()
    for kind in kinds:
        store = getattr(target, kind.store)
        engine = published is not None and kind.published_by_engine(project)
        for slug, path in _files(kind, project, claimed, problems, boundary or project.root):
            src, text = read_document(path, project, problems, kind.layout != "tree")
            if src is None:
                continue
            record, meta = _record(kind, slug, src, text, ref, today, problems, path, engine)
            store[slug] = record
            if engine and published is not None:
                uri = kind.src_uri(project, path)
                published[uri] = PublishedPage(uri, meta, src.body)


def _files(kind: Kind, project: Project, claimed: set[Path],
           problems: list[Problem], boundary: Path) -> Iterator[tuple[str, Path]]:
    """(slug, path) of every file of ``kind`` that may be read; problems with the others.

    Paths already claimed by an earlier kind are skipped, and every path yielded is claimed.
    """
    walk = {"folder": _folder_files, "file": _flat_files, "tree": _tree_files}[kind.layout]
    for slug, path in walk(kind, project, problems, boundary):
        key = path.absolute()
        if key in claimed:
            continue
        claimed.add(key)
        yield slug, path


def _folder_files(kind: Kind, project: Project, problems: list[Problem],
                  boundary: Path) -> Iterator[tuple[str, Path]]:
    """``<folder>/<slug>/index.md``, photos beside it (profiles)."""
    folder = kind.directory(project)
    pdir = project.path(folder)
    for entry in sorted(pdir.iterdir()) if pdir.is_dir() else []:
        rel = project.rel(entry)
        if entry.name.startswith(".") or entry.name.lower() in ("readme.md", "_mau"):
            continue
        if entry.is_file():
            if entry.suffix == ".md":
                problems.append(Problem(rel, 0, "", "vi-tri-ho-so",
                                        f"Mỗi {kind.label} phải nằm trong thư mục riêng, tên là "
                                        "index.md.",
                                        f"Chuyển tệp thành {folder}/"
                                        f"{slugify(entry.stem)}/index.md (ảnh để cùng thư mục)."))
            continue
        index = entry / "index.md"
        if not index.is_file():
            problems.append(Problem(rel, 0, "", "vi-tri-ho-so",
                                    f"Thư mục {kind.label} \"{entry.name}\" không có tệp index.md.",
                                    f"Tạo index.md bằng lệnh: guongsang new {kind.name} "
                                    f"\"{_name_label(kind)}\"."))
            continue
        if not _inside(index, boundary):
            problems.append(Problem(rel, 0, "", "lien-ket-ngoai-kho",
                                    f"Thư mục {kind.label} là liên kết (symlink) trỏ ra ngoài kho; "
                                    f"vì an toàn, {kind.label} này bị bỏ qua.",
                                    f"Chép {kind.label} thật vào {folder}/ thay vì tạo liên kết."))
            continue
        if not SLUG_RE.match(entry.name):
            problems.append(_slug_problem(project.rel(index), entry.name, f"thư mục {kind.label}"))
        yield entry.name, index


def _name_label(kind: Kind) -> str:
    """What names a record of ``kind`` ("Họ và tên", "Tiêu đề bài viết"), for a hint."""
    first = next((f for f in kind.fields if f.type == "text" and f.required), None)
    return first.label.split(" (")[0] if first else "Tên"


def _flat_files(kind: Kind, project: Project, problems: list[Problem],
                boundary: Path) -> Iterator[tuple[str, Path]]:
    """``<folder>/<slug>.md`` (models, campaigns, nominations); ``index.md`` is the section's
    own page."""
    ddir = project.path(kind.directory(project))
    for path in sorted(ddir.glob("*.md")) if ddir.is_dir() else []:
        if path.name == "index.md":
            continue
        if not _inside(path, boundary):
            problems.append(Problem(project.rel(path), 0, "", "lien-ket-ngoai-kho",
                                    OUTSIDE_MESSAGE, OUTSIDE_HINT))
            continue
        if not SLUG_RE.match(path.stem):
            problems.append(_slug_problem(project.rel(path), path.stem, "tệp"))
        yield path.stem, path


def _tree_files(kind: Kind, project: Project, problems: list[Problem],
                boundary: Path) -> Iterator[tuple[str, Path]]:
    """Every ``.md`` file under the folder (content pages), followed through symlinks that
    stay inside the repository, as the engine does. Anything else there is an error: the engine
    would copy it to the site as it is, unchecked (an HTML page, a photo with its GPS position)."""
    root = project.path(kind.directory(project))
    for path in _walk(root, boundary, set()):
        rel = project.rel(path)
        inner = path.relative_to(root).as_posix()
        if not _inside(path, boundary):
            problems.append(Problem(rel, 0, "", "lien-ket-ngoai-kho", OUTSIDE_MESSAGE,
                                    OUTSIDE_HINT))
            continue
        if path.suffix != ".md":
            problems.append(Problem(rel, 0, "", "tep-khong-ho-tro",
                                    f"Tệp \"{path.name}\" trong {kind.directory(project)}/ không "
                                    "phải trang Markdown (.md): tệp như vậy sẽ được chép nguyên lên "
                                    "trang mà không được kiểm tra.",
                                    "Chỉ để trang .md trong content/ (đổi đuôi thành .md nếu là "
                                    "trang); ảnh của một gương điển hình để trong thư mục hồ sơ "
                                    "của người đó, ví dụ profiles/nguyen-thi-an/anh.jpg."))
            continue
        parts = inner[:-3].split("/")
        bad = [p for p in parts[:-1] if not SLUG_RE.match(p)]
        if not SLUG_RE.match(parts[-1]) and parts[-1] != "index":
            problems.append(_slug_problem(rel, parts[-1], "tệp"))
        for name in bad:
            problems.append(_slug_problem(rel, name, "thư mục"))
        yield inner, path


def _walk(folder: Path, repo: Path, seen: set[Path]) -> Iterator[Path]:
    """Files under ``folder`` in name order, through symlinked folders that stay inside
    ``repo`` (each real folder once, so a link to a parent cannot loop); names starting with a
    dot are skipped, as the engine skips them."""
    try:
        real = folder.resolve()
        entries = sorted(folder.iterdir())
    except (OSError, RuntimeError):
        return
    if real in seen:
        return
    seen.add(real)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not _inside(entry, repo):
            yield entry  # the caller reports it; never followed or read
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry, repo, seen)
        else:
            yield entry


def _record(kind: Kind, slug: str, src: Source, text: str, ref: ReferenceData, today: date,
            problems: list[Problem], path: Path, engine: bool) -> tuple[Record, dict]:
    """The typed record of one file, checked against its kind's fields, and the page settings
    (title, description…) it gives the engine.

    Under the live preview (:func:`guongsang.site.incremental.reusing`) it is reused from the
    previous load when the file, the reference data and the date are the same (records are
    never modified after loading): a rebuild then checks only the edited files.
    """
    key = (kind.name, src.file, slug)
    hit = _RECORDS.get(key) if reusing() else None
    if hit is not None and hit[0] == text and hit[1] is ref and hit[2] == today:
        problems.extend(hit[4])
        return hit[3], hit[5]
    conf = Conformer(src, ref, today, kind.label)
    # A record kind published by the engine may carry page settings beside its own fields.
    clean = conf.record(kind.fields, engine and kind.fields is not PAGE)
    record = kind.make(slug, src, clean, path)
    meta = {k: v for k, v in clean.items() if k in PAGE_META_KEYS and v not in (None, "", [])}
    if reusing():
        _RECORDS.put(key, (text, ref, today, record, tuple(conf.problems), meta))
    problems.extend(conf.problems)
    return record, meta


_RECORDS = _Memo(50_000)
