"""Read the internal records: parse, check their shape, build typed records.

Nominations and meetings are kinds of :data:`guongsang.load.kinds.INTERNAL_KINDS`, read by the
same pipeline as every page (:func:`guongsang.load.corpus.read_kinds`: encoding, YAML errors in
Vietnamese, invisible characters, size limits, the schema check with the one date and year
bound rule), only from the folder the configuration names and never by the site build. Like
:func:`guongsang.load.corpus.load`, this never raises on bad content; every mistake is a
:class:`~guongsang.problems.Problem` with its file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..load.corpus import Corpus, read_kinds
from ..load.kinds import INTERNAL_KINDS
from ..problems import Problem
from ..project import Project
from .config import MEETINGS_DIR, NOMINATIONS_DIR, InternalPaths, internal_paths
from .council import CouncilData, load_council
from .records import Meeting, Nomination


@dataclass
class Process:
    """Everything the process checks and documents need, on top of the public corpus."""

    corpus: Corpus
    paths: InternalPaths
    council: CouncilData
    nominations: dict[str, Nomination] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.corpus.today

    def meetings_of(self, nomination: str) -> list[Meeting]:
        """Meetings that put ``nomination`` on their agenda or recorded a vote on it, by date."""
        found = [m for m in self.meetings.values()
                 if nomination in m.de_nghi or m.vote_for(nomination) is not None]
        return sorted(found, key=lambda m: (m.ngay or date.min, m.slug))


def _published(project: Project) -> list[Path]:
    from ..cli import published_dirs  # the CLI knows mkdocs.yml's docs_dir and site_dir
    return [d for d in published_dirs(project)
            if d != project.path(project.data_dir).resolve()
            and d != project.path(project.profiles_dir).resolve()]


def _placement_problem(project: Project, paths: InternalPaths) -> Problem | None:
    """Internal records inside a folder that is published (content/, site/…) would be public."""
    where = paths.root.resolve()
    for folder in _published(project):
        if where == folder or where.is_relative_to(folder) or folder.is_relative_to(where):
            return Problem(paths.rel(project, paths.root), 0, "", "noi-bo-sai-cho",
                           f"Thư mục hồ sơ nội bộ ({paths.origin}) nằm trong hoặc chứa thư mục "
                           f"được công bố {project.rel(folder)}/: đề nghị, phiếu bầu sẽ bị đưa "
                           "lên trang. Hồ sơ nội bộ không được đọc.",
                           "Dùng thư mục noi-bo/ ở gốc kho (mặc định) hoặc một kho riêng, ví dụ: "
                           "noi_bo: ../guongsang-noi-bo trong data/site.yml.")
    if where == project.root.resolve():
        return Problem(paths.rel(project, paths.root), 0, "", "noi-bo-sai-cho",
                       "Thư mục hồ sơ nội bộ không được là chính thư mục gốc của kho.",
                       "Dùng noi-bo/ (mặc định).")
    return None


def load_process(project: Project, corpus: Corpus,
                 option: Path | str | None = None) -> tuple[Process, list[Problem]]:
    paths = internal_paths(project, option)
    problems: list[Problem] = []
    council, probs = load_council(project, set(corpus.ref.awards))
    problems.extend(probs)
    process = Process(corpus, paths, council)
    misplaced = _placement_problem(project, paths)
    if misplaced:
        problems.append(misplaced)
        return process, problems
    if not paths.root.is_dir():
        if paths.origin != "mặc định":
            problems.append(Problem(paths.rel(project, paths.root), 0, "", "noi-bo-sai-cho",
                                    f"Không có thư mục hồ sơ nội bộ {paths.root} ({paths.origin}).",
                                    "Kiểm tra lại đường dẫn, hoặc sao chép (clone) kho hồ sơ nội "
                                    "bộ về đúng chỗ."))
        return process, problems
    base = project.root if paths.root.resolve().is_relative_to(project.root.resolve()) \
        else paths.root.parent
    prefix = paths.rel(project, paths.root)
    where = replace(project, root=base, nominations_dir=f"{prefix}/{NOMINATIONS_DIR}",
                    meetings_dir=f"{prefix}/{MEETINGS_DIR}")
    read_kinds(INTERNAL_KINDS, where, corpus.ref, corpus.today, process, problems,
               boundary=paths.root)
    return process, problems
