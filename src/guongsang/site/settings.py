"""Site-wide settings an engine needs besides the pages: identity, stylesheets, scripts.

They come from data/site.yml and the theme folder, not from mkdocs.yml, so editors change the
site's name or address in one data file. The MkDocs adapter applies them to its configuration
(live preview); :mod:`guongsang.site.materialise` writes them into the staged engine
configuration, so an engine that runs no hook (Zensical) gets the same values.
"""
from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import asdict
from pathlib import Path

from ..load.refdata import load_reference
from ..project import Project

THEME_DIR = "overrides"
"""The theme overrides (Material's ``custom_dir``), relative to the project root."""
BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"


def settings(project: Project, theme_dirs: Iterable[Path], *, extra_css: Iterable[str] = (),
             extra_javascript: Iterable[str] = (), site_url: bool = True) -> dict[str, object]:
    """Top-level configuration values (``site_name``, ``extra``…), by MkDocs' key names.

    ``extra_css`` and ``extra_javascript`` are the lists already configured: every stylesheet
    and script under overrides/assets/{css,js} is added after them, in name order, so a new
    page kind brings its own file without editing mkdocs.yml. ``site_url=False`` keeps the
    engine's own address (the live preview points it at the local server). ``theme.logo`` is
    given as the key ``theme.logo``.
    """
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    site = ref.site
    out: dict[str, object] = {
        "site_name": site.ten_ngan,
        # Plain text: overrides/main.html escapes it where Material's base.html would not.
        "site_description": site.mo_ta,
        "copyright": site.ban_quyen,
    }
    if site_url:
        out["site_url"] = site.url
    if site.logo:
        out["theme.logo"] = site.logo
    theme = project.path(THEME_DIR)
    for kind, configured in (("css", list(extra_css)), ("js", list(extra_javascript))):
        listed = [str(x) for x in configured]
        for path in sorted((theme / "assets" / kind).glob(f"*.{kind}")):
            uri = f"assets/{kind}/{path.name}"
            if uri not in listed:
                listed.append(uri)
        out["extra_css" if kind == "css" else "extra_javascript"] = listed
    out["extra"] = {"guongsang_site": _plain(asdict(site)),
                    "guongsang_theme_script": theme_script(theme_dirs)}
    return out


def _plain(value: object) -> object:
    """Tuples as lists, recursively: the values must read back the same from the YAML of the
    staged configuration (which has no tuples) as they are in the live preview's config."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def watched(project: Project) -> list[str]:
    """Folders outside the docs folder whose changes reload the live preview: profiles/,
    stories/ and data/. Given to the engine here rather than listed in mkdocs.yml, where MkDocs refuses a
    missing folder with its own English error before any hook runs (git leaves no profiles/
    folder once the last profile is deleted)."""
    return [str(project.path(d)) for d in (project.profiles_dir, project.stories_dir,
                                           project.data_dir)
            if project.path(d).is_dir()]


def theme_script(theme_dirs: Iterable[Path]) -> str | None:
    """Site path of the theme's script bundle, which overrides/main.html loads on the reader's
    first interaction instead of at once (see the comment there). ``None`` if not found: the
    theme's own loading stays."""
    for theme_dir in theme_dirs:
        found = sorted(Path(theme_dir).glob(BUNDLE_GLOB))
        if found:
            return f"assets/javascripts/{found[-1].name}"
    return None


def merge(config: MutableMapping, values: dict[str, object]) -> None:
    """Put :func:`settings` into a configuration: a plain mapping read from mkdocs.yml (staged
    build) or MkDocs' own configuration object (live preview). ``theme.*`` keys go under
    ``theme``, stylesheets and scripts are added after the configured ones, ``extra`` is
    merged key by key."""
    for key, value in values.items():
        if key.startswith("theme."):
            theme = config.get("theme")
            if not theme or isinstance(theme, str):
                config["theme"] = theme = {"name": theme} if theme else {}
            theme[key.removeprefix("theme.")] = value
        elif key in ("extra_css", "extra_javascript"):
            listed = config.get(key)
            if listed is None:
                config[key] = listed = []
            known = [str(x) for x in listed]
            listed.extend(v for v in value if v not in known)  # type: ignore[attr-defined]
        elif key == "extra":
            extra = config.get("extra")
            if extra is None:
                config["extra"] = extra = {}
            extra.update(value)  # type: ignore[attr-defined]
        else:
            config[key] = value
