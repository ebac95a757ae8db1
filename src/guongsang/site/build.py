"""From a checked corpus to the generated pages and assets (engine-free)."""
from __future__ import annotations

from ..load.corpus import Corpus
from ..media.images import ImageCache
from ..pages import GENERATORS, Context, cache_dir
from ..rules.addresses import generated_collisions
from .output import SiteOutput


def build_site(corpus: Corpus, images: ImageCache | None = None) -> SiteOutput:
    """Run every registered generator; problems found on the way go to ``output.problems``."""
    output = SiteOutput()
    ctx = Context(corpus, images or ImageCache(cache_dir(corpus)), output)
    for gen in GENERATORS:
        for item in gen(ctx):
            output.add(item)
    output.problems.extend(generated_collisions(corpus, output))
    ctx.images.save_index()
    return output
