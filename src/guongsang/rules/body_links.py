"""Links in the body of every page: each relative link and image leads to something the site has.

A link is judged as the engine judges it. A Markdown link or image names a file of the staged
docs folder, relative to where the page is staged (a profile's story at ``ho-so/<slug>/index.md``,
a story at ``tin-bai/<slug>/index.md``, a page of content/ at its path there); the engine turns a
``.md`` path into the page's address, and stops the strict build on a file it does not have or a
folder-style link it cannot check. A raw HTML ``href``/``src`` is left as it is, so the browser
reads it from the page's address: it must name an address (or file) the site has.

``guongsang check`` runs before anything is generated, so it judges against what the records
say will be staged (:class:`SiteMap`): the files of content/ (the staging's own list), the pages
the core hands over, and the page of every published record. A ``.md`` or file link into a part
of the site only the generators write (an honour roll's year, a directory page, a share image)
cannot be judged then (a folder-style link can: the engine refuses it wherever it points):
:func:`generated_link_problems` judges it, and every other link again, against the real staging
of the generated output (:func:`guongsang.site.materialise.stage`) before any engine runs, and
reports what the check did not. External addresses, pure ``#anchor`` links (the site check verifies anchors in the built
HTML) and absolute ``/…`` links (the engine leaves them as they are) are not judged here.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from .. import urls
from ..load.corpus import Corpus
from ..load.kinds import INTERNAL_KINDS, KINDS, Kind
from ..mdlinks import BodyLink, body_links
from ..problems import Problem
from ..records import Record
from ..site.output import SiteOutput
from ..text import slugify
from . import rule

_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_CONTROLS = re.compile(r"[\x00-\x20\x7f]+")
_CLOSE_LIMIT = 2000
"""Names a "did you mean" compares a broken link with, at most (see :meth:`SiteMap.near`)."""


@dataclass(frozen=True)
class Page:
    """A record whose body is published, and where."""

    record: Record
    kind: Kind
    staged: str
    """Docs-relative path of the page (``ho-so/an/index.md``, ``gioi-thieu.md``)."""


@dataclass
class SiteMap:
    """What the site will have: staged files by docs-relative path, and who owns a page."""

    files: set[str] = field(default_factory=set)
    owners: dict[str, str] = field(default_factory=dict)
    """Repository file -> its staged path (``profiles/an/index.md`` -> ``ho-so/an/index.md``)."""
    unpublished: dict[str, str] = field(default_factory=dict)
    """Staged path a record would have -> what it is, for records that are not published."""
    former: dict[str, str] = field(default_factory=dict)
    """Staged path a former address (``slug_cu``) would have -> the record's page now."""
    generated_only: bool = False
    """True at check time: paths under a generated part of the site are not known yet."""
    _urls: dict[str, str] | None = None
    _folded: dict[str, str] | None = None
    _folders: dict[str, list[str]] | None = None
    _sections: dict[str, list[str]] | None = None
    _example: list[str] | None = None

    def by_url(self) -> dict[str, str]:
        """Site address -> staged page (``gioi-thieu/`` -> ``gioi-thieu.md``)."""
        if self._urls is None:
            self._urls = {urls.page_url(f): f for f in sorted(self.files) if f.endswith(".md")}
        return self._urls

    def _records(self) -> dict[str, list[str]]:
        """Section -> names of its ``<section>/<name>/index.md`` pages (profiles, stories)."""
        if self._sections is None:
            self._sections = {}
            for f in sorted(self.files):
                parts = f.split("/")
                if len(parts) == 3 and parts[2] == "index.md":
                    self._sections.setdefault(parts[0], []).append(parts[1])
        return self._sections

    def example(self, staged: str) -> str | None:
        """A real page to show in a hint (a profile's if there is one), not ``staged`` itself."""
        if self._example is None:
            pages = sorted(f for f in self.files if f.endswith(".md"))
            profiles = [f for f in pages if f.startswith(f"{urls.PROFILES}/")
                        and f.endswith("/index.md")]
            self._example = (profiles[:2] or []) + pages[:2]
        return next((f for f in self._example if f != staged), None)

    def near(self, path: str) -> str | None:
        """A staged file the editor probably meant: the same path without case or diacritics,
        a page written as ``x.md`` for ``x/index.md`` (or the other way), or a close spelling
        in the same folder."""
        if self._folded is None:
            self._folded, self._folders = {}, {}
            for f in sorted(self.files):
                self._folded.setdefault(_fold(f), f)
                head, _, name = f.rpartition("/")
                self._folders.setdefault(head, []).append(name)
        hit = self._folded.get(_fold(path))
        if hit is not None and hit != path:
            return hit
        head, _, name = path.rpartition("/")
        assert self._folders is not None
        names = self._folders.get(head, [])
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.75) \
            if len(names) <= _CLOSE_LIMIT else []
        if close:
            return f"{head}/{close[0]}" if head else close[0]
        # ho-so/khong-ai/index.md: a close record folder name (a small section only: this
        # runs per broken link, and a close match over thousands of names costs milliseconds)
        parts = path.split("/")
        if len(parts) == 3 and parts[2] == "index.md":
            folders = self._records().get(parts[0], [])
            close = difflib.get_close_matches(parts[1], folders, n=1, cutoff=0.75) \
                if len(folders) <= _CLOSE_LIMIT else []
            if close:
                return f"{parts[0]}/{close[0]}/index.md"
        return None


def _fold(path: str) -> str:
    """A path compared without case, diacritics, ``.md`` or a final ``index.md``."""
    head, _, name = path.rstrip("/").rpartition("/")
    stem, _, ext = name.rpartition(".") if "." in name else (name, "", "")
    ext = "" if ext == "md" else ext.lower()
    parts = [slugify(p) or p for p in (head.split("/") if head else [])]
    parts.append(slugify(stem) or stem)
    if len(parts) > 1 and parts[-1] in ("index", "readme"):
        parts.pop()
    return "/".join(parts) + (f".{ext}" if ext else "")


def pages(corpus: Corpus) -> list[Page]:
    """Every public record with its staged page, in a stable order."""
    project = corpus.project
    out: list[Page] = []
    for kind, record in corpus.records():
        if not kind.public:
            continue
        if project is not None and kind.published_by_engine(project):
            staged = PurePosixPath(record.file).relative_to(project.content_dir).as_posix()
        else:
            staged = urls.src_uri(kind.url(record.slug))
        out.append(Page(record, kind, staged))
    return out


def predicted(corpus: Corpus, listed: Iterable[str]) -> SiteMap:
    """The site as the records say it will be staged; ``listed`` are the files of content/."""
    site = SiteMap(files=set(listed) | set(corpus.published) | _theme(corpus), generated_only=True)
    for page in pages(corpus):
        site.owners[page.record.file] = page.staged
        for old in getattr(page.record, "slug_cu", []):
            site.former.setdefault(urls.src_uri(page.kind.url(old)), page.staged)
        if getattr(page.record, "published", True):
            site.files.add(page.staged)
        else:
            site.unpublished[page.staged] = f"{page.kind.label} {page.record.file}"
    return site


def _theme(corpus: Corpus) -> set[str]:
    """Files of the theme folder (overrides/: ``assets/logo.svg``): the engine adds them to the
    site and follows a page's link to one like a link to a staged file."""
    if corpus.project is None:
        return set()
    from ..site.materialise import theme_files
    return theme_files(corpus.project)


def _generated_section(path: str, corpus: Corpus) -> bool:
    """A path only a generator writes (not a record's own page, which the records tell)."""
    parts = path.split("/")
    for kind in KINDS:
        if len(parts) == 3 and parts[2] == "index.md" and \
                urls.src_uri(kind.url(parts[1])) == path:
            return False
    return urls.reserved(urls.page_url(path) if path.endswith(".md") else path) is not None


@dataclass(frozen=True)
class Verdict:
    link: BodyLink
    line: int
    problem: Problem | None
    deferred: bool = False
    """Not judged: the target lies where only the generators write (see module doc)."""


def _internal_dirs(corpus: Corpus) -> list[str]:
    project = corpus.project
    if project is None:
        return []
    return [k.directory(project).rstrip("/") + "/" for k in INTERNAL_KINDS]


def judge(page: Page, link: BodyLink, line: int, site: SiteMap, corpus: Corpus) -> Verdict:
    """Whether one link of ``page`` leads somewhere, and the problem if not."""
    parts = urlsplit(link.target)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path or path.startswith(("/", "\\")) \
            or _SCHEME.match(_CONTROLS.sub("", link.target)):
        # An address with a scheme, however disguised (java\tscript:), is not a path of the
        # site: the safety rule judges the dangerous ones.
        return Verdict(link, line, None)
    here = page.staged
    in_repo = posixpath.normpath(posixpath.join(posixpath.dirname(page.record.file), path))
    for folder in _internal_dirs(corpus):
        top = folder.split("/")[0] + "/"
        if in_repo.startswith(folder) or (top not in ("./", "../")
                                          and (in_repo + "/").startswith(top)):
            return Verdict(link, line, Problem(
                page.record.file, line, "", "lien-ket-noi-bo",
                f"{_what(link)} \"{link.written}\" trỏ vào hồ sơ nội bộ ({folder}): hồ sơ nội bộ "
                "không bao giờ được đăng lên trang, liên kết chỉ để lộ đường dẫn mà không dẫn "
                "tới đâu.",
                "Bỏ liên kết này; nếu cần nhắc tới đề nghị hay cuộc họp, viết bằng lời, không "
                "kèm đường dẫn."))
    if link.kind == "html":
        return _judge_html(page, link, line, site, path, corpus)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)).lstrip("/")
    if target in site.files:
        return Verdict(link, line, None)
    # A folder-style link is refused by the engine whatever it points at (it looks for a file of
    # that name), so it is judged here even in a generated part of the site.
    folder_style = not posixpath.splitext(path)[1]
    # "ho-so/an.md" when "ho-so/an/index.md" is a record's page: no generator can write a page
    # at that address (it would collide with the record's), so it is judged now, not deferred.
    shadowed = target.endswith(".md") and posixpath.basename(target) != "index.md" \
        and target[:-3] + "/index.md" in site.files
    if site.generated_only and _generated_section(target, corpus) and not folder_style \
            and not shadowed:
        return Verdict(link, line, None, deferred=True)
    meant = _meant(page, path, target, folder_style, site, in_repo)
    hint = _hint(page, link, meant, site, corpus)
    if folder_style and meant is None:
        hint = ("Viết đường dẫn tới tệp .md của trang (tính từ vị trí của trang này trên trang "
                f"web, {here}), ví dụ: {_written_as(link, path.rstrip('/') + '/index.md')}, nếu "
                "trang đó có.")
    if folder_style:
        return Verdict(link, line, Problem(
            page.record.file, line, "", "lien-ket-trong-bai",
            f"{_what(link)} \"{link.written}\" viết kiểu địa chỉ thư mục: trong Markdown, liên "
            "kết tới một trang phải là đường dẫn tới tệp .md của trang đó (công cụ dựng trang "
            "không nhận liên kết này và dừng bản dựng).", hint))
    return Verdict(link, line, Problem(
        page.record.file, line, "", "lien-ket-trong-bai",
        f"{_what(link)} \"{link.written}\": trang web không có "
        f"{'tệp ảnh' if link.kind == 'image' else 'trang hay tệp'} nào ở \"{target}\" (đường "
        f"dẫn tính từ vị trí của trang này trên trang web, {here}){_why(target, site, corpus)}.",
        hint))


def _generated_section_record(url: str) -> bool:
    parts = url.strip("/").split("/")
    return len(parts) == 2 and any(k.url(parts[1]) == url for k in KINDS)


def _from_url(here: str, path: str) -> str:
    """The site path a browser reaches from the page staged at ``here`` (read from its address)."""
    base = urls.page_url(here)
    joined = posixpath.normpath(posixpath.join(base, path)).lstrip("/")
    if joined in (".", ""):
        return ""
    return joined + "/" if path.endswith("/") or not posixpath.splitext(path)[1] else joined


def _meant(page: Page, path: str, target: str, folder_style: bool, site: SiteMap,
           in_repo: str) -> str | None:
    """The staged file the editor most likely meant, or None."""
    if in_repo in site.owners and site.owners[in_repo] in site.files:
        return site.owners[in_repo]  # a path in the repository (../../profiles/an/index.md)
    if site.former.get(target) in site.files:
        return site.former[target]  # a former address: its page is a redirect, not a page
    if folder_style:
        by_url = site.by_url()
        for url in (_from_url(page.staged, path), target.rstrip("/") + "/"):
            if url in by_url:
                return by_url[url]
        for cand in (f"{target}/index.md", f"{target}.md"):
            if cand in site.files:
                return cand
    for cand in (target[:-3] + "/index.md" if target.endswith(".md") else "",
                 target.removesuffix("/index.md") + ".md" if target.endswith("/index.md") else ""):
        if cand and cand in site.files:
            return cand
    # Read from the page's address instead of its file (../x.md written in gioi-thieu.md,
    # published at gioi-thieu/): the engine's own guess.
    from_address = posixpath.normpath(posixpath.join(urls.page_url(page.staged), path)).lstrip("/")
    if from_address in site.files:
        return from_address
    return site.near(target) or (site.near(from_address) if from_address != target else None)


def _why(target: str, site: SiteMap, corpus: Corpus) -> str:
    if target.startswith("../"):
        return ": đường dẫn này ra ngoài trang web"
    if target in site.former:
        return f": đây là địa chỉ cũ (`slug_cu`) của trang {site.former[target]}"
    if target in site.unpublished:
        return f": {site.unpublished[target]} chưa được công bố nên chưa có trang"
    parts = target.split("/")
    for kind in KINDS:
        if len(parts) == 3 and parts[2] == "index.md" and \
                urls.src_uri(kind.url(parts[1])) == target and \
                parts[1] not in getattr(corpus, kind.store):
            return f": không có {kind.label} nào tên \"{parts[1]}\""
    return ""


def _what(link: BodyLink) -> str:
    return {"image": "Ảnh", "reference": "Liên kết tham chiếu", "html":
            f"Thuộc tính {link.text} của thẻ HTML"}.get(link.kind, "Liên kết")


def _written_as(link: BodyLink, target: str) -> str:
    """The link written again with ``target`` (what the editor can paste)."""
    if link.kind == "image":
        return f"![{link.text}]({target})"
    if link.kind == "reference":
        return f"[{link.text}]: {target}"
    if link.kind == "html":
        return f"{link.text}=\"{target}\""
    return f"[{link.text or 'Xem'}]({target})"


def _example(page: Page, corpus: Corpus, site: SiteMap) -> str:
    """A correct link from ``page`` to a real page, for a hint."""
    first = site.example(page.staged)
    return posixpath.relpath(first, posixpath.dirname(page.staged) or ".") if first else ""


_IMAGE_HINT = ("Ảnh của hồ sơ hay tin bài khai báo ở trường `anh` (tin bài: `anh_bia`) với tệp "
               "để cùng thư mục; hệ thống tự đưa ảnh lên trang. Ảnh chèn vào thân bài phải là "
               "tệp có trên trang web.")


def _hint(page: Page, link: BodyLink, meant: str | None, site: SiteMap, corpus: Corpus) -> str:
    if meant is not None:
        rel = posixpath.relpath(meant, posixpath.dirname(page.staged) or ".")
        return f"Có phải ý là \"{rel}\"? Viết: {_written_as(link, rel)}"
    if link.kind == "image":
        return _IMAGE_HINT
    example = _example(page, corpus, site)
    where = f"Trang này nằm ở {page.staged} trên trang web"
    if not example:
        return f"{where}; đường dẫn tính từ đó, tới tệp .md của trang muốn dẫn tới."
    return (f"{where}; đường dẫn tính từ đó, tới tệp .md của trang muốn dẫn tới, ví dụ: "
            f"{_written_as(link, example)}")


def _judge_html(page: Page, link: BodyLink, line: int, site: SiteMap, path: str,
                corpus: Corpus) -> Verdict:
    """A raw tag's address, read by the browser from the page's address."""
    target = _from_url(page.staged, path)
    if target.endswith(".md"):
        exists = False  # the engine never rewrites a raw tag: a .md address is a 404
    elif target.endswith("/") or target == "":
        exists = target in site.by_url()
    else:
        exists = target in site.files and not target.endswith(".md")
    if exists:
        return Verdict(link, line, None)
    if site.generated_only and urls.reserved(target) is not None and \
            not _generated_section_record(target) and not target.endswith(".md"):
        return Verdict(link, line, None, deferred=True)
    meant = None
    staged = posixpath.normpath(posixpath.join(posixpath.dirname(page.staged), path)) \
        .lstrip("/")
    for cand in (staged, target, target + "index.md", target.rstrip("/") + ".md"):
        if cand in site.files and cand.endswith(".md"):
            meant = urls.page_url(cand)
            break
    if meant is None:
        near = site.near(staged if target.endswith(".md") else target.rstrip("/") + "/index.md"
                         if target.endswith("/") else target)
        meant = (urls.page_url(near) if near and near.endswith(".md") else near)
    if meant is not None:
        rel = urls.relative(meant, urls.page_url(page.staged)) if meant.endswith("/") or \
            meant == "" else posixpath.relpath(meant, urls.page_url(page.staged).rstrip("/")
                                               or ".")
        hint = (f"Trong thẻ HTML, viết địa chỉ của trang (không phải tệp .md): "
                f"{_written_as(link, rel)}; hoặc dùng liên kết Markdown.")
    elif link.text == "src":
        hint = _IMAGE_HINT
    else:
        hint = ("Trong thẻ HTML, viết địa chỉ của trang tính từ địa chỉ của trang này "
                f"(/{urls.page_url(page.staged)}), ví dụ {_written_as(link, '../')}; hoặc dùng "
                "liên kết Markdown tới tệp .md của trang.")
    return Verdict(link, line, Problem(
        page.record.file, line, "", "lien-ket-trong-bai",
        f"{_what(link)} \"{link.written}\" dẫn tới \"/{target}\" (tính từ địa chỉ của trang này, "
        f"/{urls.page_url(page.staged)}), nhưng trang web không có trang hay tệp nào ở đó"
        f"{'; thẻ HTML không được đổi đường dẫn .md thành địa chỉ trang' if target.endswith('.md') else ''}.",
        hint))


# -- the links of every body, read once ------------------------------------------------------

_memo: dict[str, tuple[Record, list[tuple[BodyLink, int]]]] = {}


def links_of(record: Record) -> list[tuple[BodyLink, int]]:
    """The links of ``record``'s body with their real lines (kept while the record object stays
    the same: check and build share one reading)."""
    hit = _memo.get(record.file)
    if hit is not None and hit[0] is record:
        return hit[1]
    src = record.source
    body = src.body
    found: list[tuple[BodyLink, int]] = []
    line, pos = src.body_line, 0
    for link in body_links(body):
        line += body.count("\n", pos, link.offset)
        pos = link.offset
        found.append((link, line))
    _memo[record.file] = (record, found)
    return found


def verdicts(corpus: Corpus, site: SiteMap) -> Iterator[Verdict]:
    for page in pages(corpus):
        for link, line in links_of(page.record):
            yield judge(page, link, line, site, corpus)


def _content_listing(corpus: Corpus) -> list[str]:
    from ..site.materialise import content_files
    return [uri for uri, _ in content_files(corpus.project)] if corpus.project else []


@rule("lien-ket-trong-bai")
def page_links(corpus: Corpus) -> Iterator[Problem]:
    """Every relative link and image in a page's body leads to a page or file the site has.

    Paths are relative to where the page is on the site: a profile's story is the page
    ``ho-so/<slug>/index.md``, a story ``tin-bai/<slug>/index.md``, ``content/gioi-thieu.md`` is
    ``gioi-thieu.md``. A link into internal records (``noi-bo/``) is reported as
    ``lien-ket-noi-bo``.

    PASS: ``[Giới thiệu](gioi-thieu.md)`` in content/index.md;
          ``[Anh Đức](../../ho-so/tran-van-duc/index.md)`` in a story
    FAIL: ``[Xem](khong-co.md)`` -> no page khong-co.md;
          ``[Hồ sơ](../ho-so/tran-van-duc/)`` -> folder-style, write ``…/index.md``;
          ``[Đề nghị](../noi-bo/de-nghi/a.md)`` -> internal record
    """
    if not any(links_of(p.record) for p in pages(corpus)):
        return
    site = predicted(corpus, _content_listing(corpus))
    for v in verdicts(corpus, site):
        if v.problem is not None:
            yield v.problem


def generated_link_problems(corpus: Corpus, output: SiteOutput) -> list[Problem]:
    """Links judged against the real staging of ``output`` (the files
    :func:`~guongsang.site.materialise.stage` writes), reported when the check could not judge
    them (a generated part of the site) or judged them otherwise. Staged only when a body has a
    link at all."""
    if corpus.project is None or not any(links_of(p.record) for p in pages(corpus)):
        return []
    from ..site.materialise import flat_paths
    before = predicted(corpus, _content_listing(corpus))
    # The paths before nesting: links are judged as the editor wrote them, from the page's
    # path under content/; the staging then rewrites every link that resolves (site/relink.py).
    real = SiteMap(files=flat_paths(corpus.project, output) | _theme(corpus),
                   owners=before.owners,
                   unpublished=before.unpublished, former=before.former)
    out = []
    for early, late in zip(verdicts(corpus, before), verdicts(corpus, real)):
        if late.problem is not None and early.problem is None:
            out.append(late.problem)
    return out
