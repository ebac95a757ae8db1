"""Page generators: each module turns the corpus into views and assets of one kind.

A generator is a function ``(ctx) -> iterable of View | Asset`` registered with
:func:`generator`. :func:`guongsang.site.build.build_site` runs them in registration order.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..load.corpus import Corpus
from ..load.yamlsrc import format_path
from ..media.images import ImageCache, ImageError, Processed
from ..problems import Problem
from ..records import Photo, Profile
from ..rules.photos import Owner, photo_path, photos_of
from ..site.output import Asset, SiteOutput, View

Generator = Callable[["Context"], Iterable[View | Asset]]
GENERATORS: list[Generator] = []


def generator(fn: Generator) -> Generator:
    GENERATORS.append(fn)
    return fn


IMAGE_DIR = "assets/anh"


@dataclass
class Context:
    """What generators share: the records, the image cache, and the output under way."""

    corpus: Corpus
    images: ImageCache
    output: SiteOutput
    _photos: dict[tuple[str, int], Processed | None] = field(default_factory=dict)
    memo: dict[tuple, object] = field(default_factory=dict)
    """Values many pages of this build ask for again (a profile's avatar address…)."""
    _emitted: set[str] = field(default_factory=set)

    @property
    def ref(self):
        return self.corpus.ref

    @property
    def profiles(self) -> list[Profile]:
        """Published profiles only: everything public is generated from these."""
        return self.corpus.published_profiles

    def photo(self, p: Owner, ph: Photo) -> Processed | None:
        """Processed variants of a photo of a profile or a story (published once as assets),
        or ``None`` if unusable."""
        key = (p.file, ph.index)
        if key in self._photos:
            return self._photos[key]
        result: Processed | None = None
        src = photo_path(p, ph)
        if src is not None and src.is_file():
            try:
                result = self.images.process(src)
            except ImageError as err:
                where = next((x.path for x in photos_of(p) if x.photo is ph), ("anh", ph.index))
                self.output.problems.append(Problem(
                    p.file, p.source.line_of((*where, "tep")),
                    format_path((*where, "tep")), "anh-hong", f"\"{ph.tep}\": {err}",
                    "Mở ảnh bằng trình xem ảnh rồi lưu lại dạng .jpg."))
        if result:
            # Only the variants a layout shows: cards show a profile's first photo (a story's
            # card shows its cover at page widths).
            for v in result.published(in_cards=isinstance(p, Profile) and ph.index == 0):
                if v.file not in self._emitted:
                    self._emitted.add(v.file)
                    self.output.add(Asset(f"{IMAGE_DIR}/{v.file}", path=self.images.path(v.file)))
        self._photos[key] = result
        return result

    def publish(self, uri: str, path: Path) -> None:
        """Add a cached file to the site at ``uri`` once, however many pages use it."""
        if uri not in self._emitted:
            self._emitted.add(uri)
            self.output.add(Asset(uri, path=path))

    def image_url(self, file: str) -> str:
        return f"{IMAGE_DIR}/{file}"


def cache_dir(corpus: Corpus) -> Path:
    project = corpus.project
    assert project is not None
    return project.path(project.cache_dir)


def _import_all() -> None:
    """Import every module of this package (each registers its generators).

    New page kinds are added by dropping a module here; sorted order keeps output stable.
    """
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}")


_import_all()
