"""Every kind of Markdown file the site publishes, declared once.

A kind says where its files are, what their front matter must hold (a tuple of
:class:`~guongsang.schema.Field`) and how to build its typed record. The loader
(:func:`guongsang.load.corpus.load`) reads every kind the same way: one reading pipeline
(:func:`guongsang.load.documents.read_document`), one schema check, one cache for the live
preview. Rules that walk :meth:`Corpus.records` (unsafe HTML, private values, invisible
characters, URL collisions) then cover a new kind without a line of their own.

Adding a kind (stories, nominations…) is: its fields in ``schema.py`` (and its label in
``KIND_LABELS``), its record class and builder in ``records.py``, a dict for it on
:class:`~guongsang.load.corpus.Corpus`, its URL in ``urls.py``, and one :class:`Kind` line in
:data:`KINDS` *before* ``page`` (which takes every Markdown file of content/ that no kind
before it claimed).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import urls
from ..project import Project
from ..records import Record, campaign_from, model_from, page_from, profile_from
from ..schema import CAMPAIGN, KIND_LABELS, MODEL, PAGE, PROFILE, Field
from .yamlsrc import Source

Make = Callable[[str, Source, dict[str, Any], Path], Record]


@dataclass(frozen=True)
class Kind:
    """One kind of Markdown file and its record."""

    name: str
    """Key of :data:`guongsang.schema.KIND_LABELS` (``profile``, ``model``…)."""
    store: str
    """Attribute of :class:`~guongsang.load.corpus.Corpus` holding the records by slug."""
    folder: str
    """Attribute of :class:`~guongsang.project.Project` naming the folder (``models_dir``)."""
    fields: tuple[Field, ...]
    make: Make
    """Builds the typed record from (slug, source, checked values, path of the file)."""
    url: Callable[[str], str]
    """Directory URL of a record's page, by slug."""
    layout: str = "file"
    """``file``: ``<folder>/<slug>.md``; ``folder``: ``<folder>/<slug>/index.md`` beside its
    photos; ``tree``: every other ``.md`` file under the folder, the slug being its path."""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.name]

    def directory(self, project: Project) -> str:
        return str(getattr(project, self.folder))

    def published_by_engine(self, project: Project) -> bool:
        """Files under content/ are pages the engine renders: they may carry page settings
        (title, description…) and are handed over cleaned (:attr:`Corpus.published`)."""
        d, c = self.directory(project), project.content_dir
        return d == c or d.startswith(c.rstrip("/") + "/")

    def src_uri(self, project: Project, path: Path) -> str:
        """The file's path inside content/ (what the engine calls it)."""
        return path.relative_to(project.path(project.content_dir)).as_posix()


def _profile(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return profile_from(slug, src, clean, path.parent)


def _model(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return model_from(slug, src, clean)


def _campaign(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return campaign_from(slug, src, clean)


def _page(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return page_from(slug, src, clean, urls.page_url(slug))


KINDS: tuple[Kind, ...] = (
    Kind("profile", "profiles", "profiles_dir", PROFILE, _profile, urls.profile, "folder"),
    Kind("model", "models", "models_dir", MODEL, _model, urls.model),
    Kind("campaign", "campaigns", "campaigns_dir", CAMPAIGN, _campaign, urls.campaign),
    Kind("page", "pages", "content_dir", PAGE, _page, urls.page_url, "tree"),
)
