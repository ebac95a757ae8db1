"""From a checked corpus to the generated pages and assets (engine-free)."""
from __future__ import annotations

from datetime import date

from ..check import check
from ..load.corpus import Corpus
from ..media.images import ImageCache
from ..pages import GENERATORS, Context, cache_dir
from ..problems import Problem, has_errors
from ..project import Project
from ..rules.addresses import generated_collisions
from ..rules.body_links import generated_link_problems
from .output import SiteOutput


def build_site(corpus: Corpus, images: ImageCache | None = None) -> SiteOutput:
    """Run every registered generator; problems found on the way go to ``output.problems``."""
    output = SiteOutput()
    ctx = Context(corpus, images or ImageCache(cache_dir(corpus)), output)
    for gen in GENERATORS:
        for item in gen(ctx):
            output.add(item)
    output.problems.extend(generated_collisions(corpus, output))
    # content/ pages are published from the Markdown the core checked and cleaned (page settings
    # and body only), never from the files as they are: materialise writes these.
    output.sources.update({uri: page.markdown for uri, page in corpus.published.items()})
    # Links into generated parts of the site are judged against what was really generated.
    output.problems.extend(generated_link_problems(corpus, output))
    ctx.images.save_index()
    return output


def generate(project: Project, when: date) -> tuple[SiteOutput, list[Problem]]:
    """Check every record, then generate the site unless an error was found. The problems of
    both stages are returned together; an empty output comes with errors."""
    corpus, problems = check(project, when)
    output = build_site(corpus) if not has_errors(problems) else SiteOutput()
    return output, [*problems, *output.problems]
