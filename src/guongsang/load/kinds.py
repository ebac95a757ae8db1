"""Every kind of Markdown file the site reads, declared once.

A kind says where its files are, what their front matter must hold (a tuple of
:class:`~guongsang.schema.Field`), how to build its typed record and where it is published.
The loader (:func:`guongsang.load.corpus.load`) reads every kind the same way, so a kind gets
all of the following without a line of its own:

* reading (:func:`guongsang.load.documents.read_document`): UTF-8 check (``ma-hoa``, the line of
  the first bad byte), NFC, BOM and CRLF, front matter with the real line of every value, YAML
  errors in Vietnamese (``yaml-cu-phap``, anchors, aliases and tags refused, ``khoa-trung``),
  the size limits (``noi-dung-qua-dai``: front matter, body, Markdown that would take hours to
  render), invisible characters in the body (``ky-tu-an``), and a cache for the live preview;
* the schema check (:class:`guongsang.load.conform.Conformer`): unknown keys with "did you
  mean" (``truong-la``), types, references, invisible characters per field (``exact`` fields
  refuse them), and the one bound rule of every date and year field (data/site.yml);
* every rule that walks :meth:`Corpus.records`: unsafe HTML in the body and in every field
  (``html-nguy-hiem``, ``html-trong-truong``, embeds only from hosts listed in data),
  private values of any profile in any spelling (``lo-thong-tin-rieng``), and addresses
  (``trung-dia-chi``: a page of content/ never shares a URL with another page, a record, a
  former address or a generated section);
* for a kind under content/: its page settings (``title``, ``description``, ``hide`` of
  :data:`guongsang.schema.PAGE`) accepted beside its fields, and the file handed to the engine
  only as a :class:`~guongsang.load.documents.PublishedPage` (checked settings + cleaned body;
  :attr:`Corpus.published` by path, :func:`guongsang.load.corpus.published_pages` in order, for
  a staging folder), never as written.

Adding a kind (stories/tin bài, nominations…):

1. ``schema.py``: its fields (a tuple of ``Field``; ``exact=True`` on names and identifiers,
   ``past_only=True`` on dates of what already happened, ``year=True`` on year numbers,
   ``private=True`` on what is never published) and its label in ``KIND_LABELS``; in
   ``SCHEMAS`` too if editors get a JSON Schema, a template and a collection in the web form
   (an internal kind goes in ``PROCESS_SCHEMAS``: a JSON Schema, never the public form).
2. ``records.py``: its record class (a subclass of ``Record``) and a ``*_from`` builder taking
   the checked values.
3. ``project.py``: the folder (``stories_dir = "content/tin-bai"``); ``load/corpus.py``: a dict
   for its records on :class:`Corpus` (``stories: dict[str, Story]``).
4. ``urls.py``: its URL by slug; when a generator (not the engine) writes its pages, an entry
   in ``urls.RESERVED`` too, so no hand-written page can take their place.
5. One :class:`Kind` line in :data:`KINDS`, *before* ``page`` if its folder is under content/
   (``page`` takes every Markdown file of content/ that no kind before it claimed).
   ``public=False`` for internal records (nominations, votes): no address, never handed to
   the engine, and their text may quote private values (it is never published). An internal
   kind's folder must not be under content/, where the engine would look for pages. Internal
   kinds the build must not even read (the process records) go in :data:`INTERNAL_KINDS`
   instead, read by their own loader with :func:`guongsang.load.corpus.read_kinds`.
6. Rules specific to the kind go in ``rules/`` like any other; generators in ``pages/``.
7. ``tests/adversarial/test_every_kind.py`` runs the hostile inputs on every kind of
   :data:`KINDS` and :data:`INTERNAL_KINDS` (it needs the minimal valid front matter of the new
   kind in its table).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import urls
from ..process.records import meeting_from, nomination_from
from ..project import Project
from ..records import (
    Record,
    campaign_from,
    model_from,
    page_from,
    profile_from,
    story_from,
)
from ..schema import (
    CAMPAIGN,
    KIND_LABELS,
    MEETING,
    MODEL,
    NOMINATION,
    PAGE,
    PROFILE,
    STORY,
    Field,
)
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
    """Directory URL of a record's page, by slug (unused when not :attr:`public`)."""
    layout: str = "file"
    """``file``: ``<folder>/<slug>.md``; ``folder``: ``<folder>/<slug>/index.md`` beside its
    photos; ``tree``: every other ``.md`` file under the folder, the slug being its path."""
    public: bool = True
    """False for internal records (nominations, votes): never published, so they have no
    address and may hold private values; they are checked like every other kind."""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.name]

    def directory(self, project: Project) -> str:
        return str(getattr(project, self.folder))

    def published_by_engine(self, project: Project) -> bool:
        """Files under content/ are pages the engine renders: they may carry page settings
        (title, description…) and are handed over cleaned (:attr:`Corpus.published`)."""
        d, c = self.directory(project), project.content_dir
        return self.public and (d == c or d.startswith(c.rstrip("/") + "/"))

    def src_uri(self, project: Project, path: Path) -> str:
        """The file's path inside content/ (what the engine calls it)."""
        return path.relative_to(project.path(project.content_dir)).as_posix()


def _profile(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return profile_from(slug, src, clean, path.parent)


def _model(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return model_from(slug, src, clean)


def _campaign(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return campaign_from(slug, src, clean)


def _story(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return story_from(slug, src, clean, path.parent)


def _page(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return page_from(slug, src, clean, urls.page_url(slug))


KINDS: tuple[Kind, ...] = (
    Kind("profile", "profiles", "profiles_dir", PROFILE, _profile, urls.profile, "folder"),
    Kind("model", "models", "models_dir", MODEL, _model, urls.model),
    Kind("campaign", "campaigns", "campaigns_dir", CAMPAIGN, _campaign, urls.campaign),
    Kind("story", "stories", "stories_dir", STORY, _story, urls.story, "folder"),
    Kind("page", "pages", "content_dir", PAGE, _page, urls.page_url, "tree"),
)


def _nomination(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return nomination_from(slug, src, clean)


def _meeting(slug: str, src: Source, clean: dict[str, Any], path: Path) -> Record:
    return meeting_from(slug, src, clean)


def _no_address(slug: str) -> str:
    return ""


INTERNAL_KINDS: tuple[Kind, ...] = (
    Kind("nomination", "nominations", "nominations_dir", NOMINATION, _nomination, _no_address,
         public=False),
    Kind("meeting", "meetings", "meetings_dir", MEETING, _meeting, _no_address, public=False),
)
"""The internal records of the commendation process. They are not in :data:`KINDS`, which the
site build reads: only ``guongsang check`` and the process commands read them
(:func:`guongsang.process.load.load_process`), from a folder the configuration chooses (a
separate private repository, say), through the same pipeline as every kind."""
