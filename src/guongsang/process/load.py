"""Read the internal records: parse, check their shape, build typed records.

Like :func:`guongsang.load.corpus.load`, this never raises on bad content; every mistake is a
:class:`~guongsang.problems.Problem` with its file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..load.conform import Conformer
from ..load.corpus import Corpus
from ..load.yamlsrc import parse_markdown, read_utf8
from ..problems import Problem
from ..project import Project, is_inside
from ..schema import KIND_LABELS, MEETING, NOMINATION
from ..text import slugify
from .config import InternalPaths, internal_paths
from .council import CouncilData, load_council
from .records import Meeting, Nomination, meeting_from, nomination_from

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_CHARS = 1_000_000


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
    for directory, kind in ((paths.nominations, "nomination"), (paths.meetings, "meeting")):
        for path in sorted(directory.glob("*.md")) if directory.is_dir() else []:
            rel = paths.rel(project, path)
            if path.name.lower() == "readme.md":
                continue
            if not is_inside(path, paths.root):
                problems.append(Problem(rel, 0, "", "lien-ket-ngoai-kho",
                                        "Tệp là liên kết (symlink) trỏ ra ngoài thư mục hồ sơ nội "
                                        "bộ; bị bỏ qua.",
                                        "Chép nội dung thật vào thư mục thay vì tạo liên kết."))
                continue
            if not SLUG_RE.match(path.stem):
                problems.append(Problem(rel, 0, "", "ten-tep",
                                        f"Tên tệp \"{path.stem}\" phải viết thường, không dấu, nối "
                                        "bằng dấu gạch ngang.",
                                        f"Đổi tên thành \"{slugify(path.stem) or 'de-nghi'}.md\"."))
            text, probs = read_utf8(path, rel)
            problems.extend(probs)
            if text is None:
                continue
            src, probs = parse_markdown(text, rel, MAX_FILE_CHARS)
            problems.extend(probs)
            if src is None:
                continue
            conf = Conformer(src, corpus.ref, corpus.today, KIND_LABELS[kind])
            if kind == "nomination":
                process.nominations[path.stem] = nomination_from(path.stem, src,
                                                                 conf.record(NOMINATION))
            else:
                process.meetings[path.stem] = meeting_from(path.stem, src, conf.record(MEETING))
            problems.extend(conf.problems)
    return process, problems
