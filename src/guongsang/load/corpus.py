"""Load every record of a repository: parse, check shape, build typed records.

``load(project)`` never raises on bad content: it returns what it could build and the list of
problems, so the caller can report everything at once.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from ..problems import Problem
from ..project import Project, is_inside
from ..records import Campaign, Model, Profile, campaign_from, model_from, profile_from
from ..schema import CAMPAIGN, KIND_LABELS, MODEL, PROFILE
from ..site.incremental import reusing
from ..text import format_count, slugify
from .conform import Conformer
from .refdata import ReferenceData, load_reference
from .yamlsrc import Source, parse_markdown, read_utf8

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Bodies larger than this are refused: a profile story is a few pages, not a book, and an
# accidental paste of a huge file should not slow every build down.
MAX_BODY_CHARS = 200_000
# Python-Markdown scans ahead from every "[" for its "]", from every "](" for its ")" and from
# every raw "<tag" for its ">"; an opener left open costs a scan to the end of the story, so a
# few dozen kilobytes of "[[[[…" or "<a\n<a\n…" keep a build busy for hours. The work is
# estimated in one pass (:func:`markup_work`, units of roughly a microsecond) and bounded.
MAX_MARKUP_WORK = 5_000_000
_BRACKETS = re.compile(r"(?<!\\)[\[\]]")
_TAGS_AND_PARENS = ((re.compile(r"<[a-zA-Z/!?]|>"), ">", 4), (re.compile(r"\]\(|\)"), ")", 1))
# Front matter beyond this is refused before YAML parsing (thousands of awards fit in a
# fraction of it; PyYAML would need seconds per megabyte).
MAX_FRONT_MATTER_CHARS = 1_000_000


@dataclass
class Corpus:
    """Every record of the site, by slug, plus the reference data they point into."""

    ref: ReferenceData
    profiles: dict[str, Profile] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    project: Project | None = None

    @property
    def published_profiles(self) -> list[Profile]:
        return [p for p in self.profiles.values() if p.published]


def _read(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    return read_utf8(path, rel)


def markup_work(text: str) -> tuple[int, int]:
    """Estimated work of rendering ``text`` as Markdown, and the offset of its costliest opener.

    Each opener costs the distance to its closer (to the end of the text when there is none);
    raw-HTML scans are four times cheaper than bracket scans. Linear in the text.
    """
    n = len(text)
    work, worst, worst_at = 0, -1, 0

    def add(start: int, cost: int) -> None:
        nonlocal work, worst, worst_at
        work += cost
        if cost > worst:
            worst, worst_at = cost, start

    stack: list[int] = []
    for m in _BRACKETS.finditer(text):
        if m.group() == "[":
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            add(start, m.start() - start)
    for start in stack:
        add(start, n - start)
    for pattern, closer, cheaper in _TAGS_AND_PARENS:
        pending: list[int] = []
        for m in pattern.finditer(text):
            if m.group() == closer:
                for start in pending:
                    add(start, (m.start() - start) // cheaper)
                pending.clear()
            else:
                pending.append(m.start())
        for start in pending:
            add(start, (n - start) // cheaper)
    return work, worst_at


def _slug_problem(rel: str, name: str, what: str) -> Problem:
    return Problem(rel, 0, "", "ten-tep",
                   f"Tên {what} \"{name}\" phải viết thường, không dấu, nối bằng dấu gạch ngang.",
                   f"Đổi tên thành \"{slugify(name) or 'ten-ho-so'}\".")


def _parse(path: Path, project: Project, problems: list[Problem]) -> tuple[Source | None, str]:
    """The parsed file and its text ("" when unreadable)."""
    rel = project.rel(path)
    text, probs = _read(path, rel)
    problems.extend(probs)
    if text is None:
        return None, ""
    key = (str(path.absolute()), rel)
    hit = _PARSED.get(key) if reusing() else None
    if hit is not None and hit[0] == text:
        problems.extend(hit[2])
        return hit[1], text
    mine: list[Problem] = []
    src = _parse_text(text, rel, mine)
    if reusing():
        _PARSED.put(key, (text, src, tuple(mine)))
    problems.extend(mine)
    return src, text


def _parse_text(text: str, rel: str, problems: list[Problem]) -> Source | None:
    src, probs = parse_markdown(text, rel, MAX_FRONT_MATTER_CHARS)
    problems.extend(probs)
    if src and len(src.body) > MAX_BODY_CHARS:
        problems.append(Problem(rel, src.body_line, "", "noi-dung-qua-dai",
                                f"Nội dung dài {format_count(len(src.body))} ký tự, vượt giới hạn "
                                f"{format_count(MAX_BODY_CHARS)} ký tự.",
                                "Rút gọn bài viết hoặc tách phần phụ lục ra tài liệu riêng."))
        src.body = ""
    elif src:
        work, at = markup_work(src.body)
        if work > MAX_MARKUP_WORK:
            problems.append(Problem(
                rel, src.body_line + src.body.count("\n", 0, at), "", "noi-dung-qua-dai",
                "Nội dung có quá nhiều dấu [, ( hoặc < không được đóng (từ dòng này): dựng trang "
                "sẽ mất rất lâu, nên bài viết không được xử lý.",
                "Mỗi dấu mở cần dấu đóng: [chữ](https://…), <em>…</em>. Muốn viết chính dấu [ "
                "hoặc <, gõ \\[ hoặc &lt;."))
            src.body = ""
    return src


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

    pdir = project.path(project.profiles_dir)
    for entry in sorted(pdir.iterdir()) if pdir.is_dir() else []:
        rel = project.rel(entry)
        if entry.name.startswith(".") or entry.name.lower() in ("readme.md", "_mau"):
            continue
        if entry.is_file():
            if entry.suffix == ".md":
                problems.append(Problem(rel, 0, "", "vi-tri-ho-so",
                                        "Mỗi hồ sơ phải nằm trong thư mục riêng, tên là index.md.",
                                        f"Chuyển tệp thành {project.profiles_dir}/"
                                        f"{slugify(entry.stem)}/index.md (ảnh để cùng thư mục)."))
            continue
        index = entry / "index.md"
        if not index.is_file():
            problems.append(Problem(rel, 0, "", "vi-tri-ho-so",
                                    f"Thư mục hồ sơ \"{entry.name}\" không có tệp index.md.",
                                    "Tạo index.md bằng lệnh: guongsang new profile \"Họ và tên\"."))
            continue
        if not _inside(index, project.root):
            problems.append(Problem(rel, 0, "", "lien-ket-ngoai-kho",
                                    "Thư mục hồ sơ là liên kết (symlink) trỏ ra ngoài kho; "
                                    "vì an toàn, hồ sơ này bị bỏ qua.",
                                    "Chép hồ sơ thật vào profiles/ thay vì tạo liên kết."))
            continue
        if not SLUG_RE.match(entry.name):
            problems.append(_slug_problem(project.rel(index), entry.name, "thư mục hồ sơ"))
        src, text = _parse(index, project, problems)
        if src is None:
            continue
        corpus.profiles[entry.name] = _record(
            "profile", entry.name, src, text, ref, today, problems,
            partial(_make_profile, entry.name, entry))

    for directory, kind in ((project.models_dir, "model"), (project.campaigns_dir, "campaign")):
        ddir = project.path(directory)
        for path in sorted(ddir.glob("*.md")) if ddir.is_dir() else []:
            if path.name == "index.md":
                continue
            if not _inside(path, project.root):
                problems.append(Problem(project.rel(path), 0, "", "lien-ket-ngoai-kho",
                                        OUTSIDE_MESSAGE, OUTSIDE_HINT))
                continue
            if not SLUG_RE.match(path.stem):
                problems.append(_slug_problem(project.rel(path), path.stem, "tệp"))
            src, text = _parse(path, project, problems)
            if src is None:
                continue
            if kind == "model":
                corpus.models[path.stem] = _record(kind, path.stem, src, text, ref, today,
                                                   problems, partial(_make_model, path.stem))
            else:
                corpus.campaigns[path.stem] = _record(kind, path.stem, src, text, ref, today,
                                                      problems, partial(_make_campaign, path.stem))
    return corpus, problems


RecordT = TypeVar("RecordT", Profile, Model, Campaign)


def _record(kind: str, slug: str, src: Source, text: str, ref: ReferenceData, today: date,
            problems: list[Problem], make: Callable[[Source, Conformer], RecordT]) -> RecordT:
    """The typed record of one file: checked against the schema and built by ``make``.

    Under the live preview (:func:`guongsang.site.incremental.reusing`) it is reused from the
    previous load when the file, the reference data and the date are the same (records are
    never modified after loading): a rebuild then checks only the edited files.
    """
    key = (kind, src.file, slug)
    hit = _RECORDS.get(key) if reusing() else None
    if hit is not None and hit[0] == text and hit[1] is ref and hit[2] == today:
        problems.extend(hit[4])
        return hit[3]
    conf = Conformer(src, ref, today, KIND_LABELS[kind])
    record = make(src, conf)
    if reusing():
        _RECORDS.put(key, (text, ref, today, record, tuple(conf.problems)))
    problems.extend(conf.problems)
    return record


def _make_profile(slug: str, folder: Path, src: Source, conf: Conformer) -> Profile:
    return profile_from(slug, src, conf.record(PROFILE), folder)


def _make_model(slug: str, src: Source, conf: Conformer) -> Model:
    return model_from(slug, src, conf.record(MODEL, True))


def _make_campaign(slug: str, src: Source, conf: Conformer) -> Campaign:
    return campaign_from(slug, src, conf.record(CAMPAIGN, True))


class _Memo:
    """A bounded dict for the in-process caches below (oldest entries go first)."""

    def __init__(self, limit: int):
        self.limit = limit
        self._data: dict[tuple, tuple] = {}

    def get(self, key: tuple) -> tuple | None:
        return self._data.get(key)

    def put(self, key: tuple, value: tuple) -> None:
        self._data.pop(key, None)
        self._data[key] = value
        if len(self._data) > self.limit:
            for old in list(self._data)[: len(self._data) - self.limit]:
                del self._data[old]

    def clear(self) -> None:
        self._data.clear()


# Loads repeated in one process (the live preview rebuilds after every save) parse and check
# only the files whose text changed. Keyed by path and compared by full text, never by
# modification time, so an edit is never missed. Sized for a whole province and then some.
_PARSED = _Memo(50_000)
_RECORDS = _Memo(50_000)
