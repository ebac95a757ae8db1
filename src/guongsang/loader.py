"""Load every record of a repository: parse, check shape, build typed records.

``load(project)`` never raises on bad content: it returns what it could build and the list of
problems, so the caller can report everything at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .conform import Conformer
from .problems import Problem
from .project import Project
from .records import Campaign, Model, Profile, campaign_from, model_from, profile_from
from .refdata import ReferenceData, load_reference
from .schema import CAMPAIGN, KIND_LABELS, MODEL, PROFILE
from .text import slugify
from .yamlsrc import Source, parse_markdown

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Bodies larger than this are refused: a profile story is a few pages, not a book, and an
# accidental paste of a huge file should not slow every build down.
MAX_BODY_CHARS = 200_000


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
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(rel, 0, "", "doc-tep", f"Không đọc được tệp ({err.strerror}).")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, "", "ma-hoa",
                              "Tệp không phải UTF-8 (có thể lưu từ Word hoặc mã TCVN3/VNI).",
                              "Mở tệp bằng VS Code, chọn “Save with Encoding” → UTF-8.")]


def _slug_problem(rel: str, name: str, what: str) -> Problem:
    return Problem(rel, 0, "", "ten-tep",
                   f"Tên {what} \"{name}\" phải viết thường, không dấu, nối bằng dấu gạch ngang.",
                   f"Đổi tên thành \"{slugify(name) or 'ten-ho-so'}\".")


def _parse(path: Path, project: Project, problems: list[Problem]) -> Source | None:
    rel = project.rel(path)
    text, probs = _read(path, rel)
    problems.extend(probs)
    if text is None:
        return None
    src, probs = parse_markdown(text, rel)
    problems.extend(probs)
    if src and len(src.body) > MAX_BODY_CHARS:
        problems.append(Problem(rel, src.body_line, "", "noi-dung-qua-dai",
                                f"Nội dung dài {len(src.body):,} ký tự, vượt giới hạn "
                                f"{MAX_BODY_CHARS:,} ký tự.".replace(",", "."),
                                "Rút gọn bài viết hoặc tách phần phụ lục ra tài liệu riêng."))
        src.body = ""
    return src


def _inside(path: Path, root: Path) -> bool:
    """False for a symlink (or a path through one) that leads outside the repository."""
    return path.resolve().is_relative_to(root.resolve())


def load(project: Project, today: date) -> tuple[Corpus, list[Problem]]:
    ref, problems = load_reference(project.path(project.data_dir), project.root)
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
        src = _parse(index, project, problems)
        if src is None:
            continue
        conf = Conformer(src, ref, today, KIND_LABELS["profile"])
        clean = conf.record(PROFILE)
        problems.extend(conf.problems)
        corpus.profiles[entry.name] = profile_from(entry.name, src, clean, entry)

    for directory, kind in ((project.models_dir, "model"), (project.campaigns_dir, "campaign")):
        ddir = project.path(directory)
        for path in sorted(ddir.glob("*.md")) if ddir.is_dir() else []:
            if path.name == "index.md":
                continue
            if not _inside(path, project.root):
                problems.append(Problem(project.rel(path), 0, "", "lien-ket-ngoai-kho",
                                        "Tệp là liên kết (symlink) trỏ ra ngoài kho; bị bỏ qua.",
                                        "Chép nội dung thật vào kho thay vì tạo liên kết."))
                continue
            if not SLUG_RE.match(path.stem):
                problems.append(_slug_problem(project.rel(path), path.stem, "tệp"))
            src = _parse(path, project, problems)
            if src is None:
                continue
            conf = Conformer(src, ref, today, KIND_LABELS[kind])
            if kind == "model":
                corpus.models[path.stem] = model_from(path.stem, src, conf.record(MODEL, True))
            else:
                corpus.campaigns[path.stem] = campaign_from(path.stem, src,
                                                            conf.record(CAMPAIGN, True))
            problems.extend(conf.problems)
    return corpus, problems
