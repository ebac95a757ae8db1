"""Links to the preview pages a pull request changes (``guongsang preview-links``).

Input: the paths a pull request touches (``git diff --name-only origin/<base>...HEAD``) and the
address of its preview. Output: the Markdown of the one pull-request comment the preview workflow
keeps up to date, with a direct link per changed profile, model, campaign or content page, and a
plain note for records that have no page (not consented, withdrawn, deleted).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import urls
from ..load.corpus import Corpus
from ..project import Project

MARKER = "<!-- guongsang-preview -->"
"""Hidden first line by which the workflow finds its own comment again."""


@dataclass(frozen=True)
class Change:
    """One changed page (or record without a page) of a pull request."""

    what: str
    """Kind of page, in Vietnamese ("Hồ sơ", "Mô hình, sáng kiến"…)."""
    title: str
    url: str | None
    """Site-relative URL (directory style), or ``None`` when there is no page to look at."""
    note: str = ""


def _content_url(rel: str) -> str:
    """URL MkDocs gives a Markdown page of docs_dir (``use_directory_urls: true``)."""
    path = PurePosixPath(rel)
    if path.name in ("index.md", "README.md"):
        parent = path.parent.as_posix()
        return "" if parent == "." else f"{parent}/"
    return f"{path.with_suffix('').as_posix()}/"


def _page_title(path: Path, fallback: str) -> str:
    """A content page's ``title`` from its front matter, else its first ``# `` heading."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return fallback
    m = re.match(r"^---\n(.*?)\n---", text, re.DOTALL)
    if m and (t := re.search(r"^title:\s*['\"]?(.+?)['\"]?\s*$", m.group(1), re.MULTILINE)):
        return t.group(1)
    if h := re.search(r"^# (.+?)\s*$", text, re.MULTILINE):
        return h.group(1)
    return fallback


def changes(paths: list[str], corpus: Corpus, project: Project) -> list[Change]:
    """The pages touched by ``paths`` (project-relative, forward slashes), each once, in order."""
    out: list[Change] = []
    seen: set[tuple[str, str]] = set()
    data_changed = False
    code_changed = False

    def add(key: tuple[str, str], change: Change) -> None:
        if key not in seen:
            seen.add(key)
            out.append(change)

    for raw in paths:
        rel = raw.strip().removeprefix("./")
        if not rel:
            continue
        parts = PurePosixPath(rel).parts
        if rel.startswith(project.profiles_dir + "/") and len(parts) >= 3:
            slug = parts[1]
            p = corpus.profiles.get(slug)
            if p is None:
                add(("profile", slug), Change("Hồ sơ", slug, None,
                                              "đã xoá hoặc đổi tên, không còn trang"))
            elif p.published:
                add(("profile", slug), Change("Hồ sơ", p.ho_ten, urls.profile(slug)))
            else:
                why = "đã rút khỏi trang" if p.thu_hoi is not None else "chưa đồng ý công bố"
                add(("profile", slug), Change("Hồ sơ", p.ho_ten, None,
                                              f"{why}, không có trang (chỉ được kiểm tra)"))
        elif rel.startswith(project.stories_dir + "/") and len(parts) >= 3:
            slug = parts[1]
            st = corpus.stories.get(slug)
            if st is None:
                add(("story", slug), Change("Tin bài", slug, None, "đã xoá hoặc đổi tên"))
            else:
                add(("story", slug), Change("Tin bài", st.tieu_de, urls.story(slug)))
        elif rel.startswith(project.models_dir + "/") and rel.endswith(".md") and len(parts) == 3:
            slug = PurePosixPath(rel).stem
            m = corpus.models.get(slug)
            if slug == "index":
                add(("page", rel), Change("Trang", "Mô hình, sáng kiến", f"{urls.MODELS}/"))
            elif m is None:
                add(("model", slug), Change("Mô hình, sáng kiến", slug, None, "đã xoá hoặc đổi tên"))
            else:
                add(("model", slug), Change("Mô hình, sáng kiến", m.ten, urls.model(slug)))
        elif rel.startswith(project.campaigns_dir + "/") and rel.endswith(".md") and len(parts) == 3:
            slug = PurePosixPath(rel).stem
            c = corpus.campaigns.get(slug)
            if slug == "index":
                add(("page", rel), Change("Trang", "Phong trào thi đua", f"{urls.CAMPAIGNS}/"))
            elif c is None:
                add(("campaign", slug), Change("Phong trào", slug, None, "đã xoá hoặc đổi tên"))
            else:
                add(("campaign", slug), Change("Phong trào", c.ten, urls.campaign(slug)))
        elif rel.startswith(project.content_dir + "/") and rel.endswith(".md"):
            inner = rel[len(project.content_dir) + 1:]
            page = project.path(rel)
            if page.is_file():
                add(("page", inner), Change("Trang", _page_title(page, inner), _content_url(inner)))
            else:
                add(("page", inner), Change("Trang", inner, None, "đã xoá hoặc đổi tên"))
        elif rel.startswith(project.data_dir + "/"):
            data_changed = True
        else:
            code_changed = True
    if data_changed:
        add(("site", "data"), Change("Dữ liệu tham chiếu", "data/*.yml", "",
                                     "có thể ảnh hưởng nhiều trang; xem trang chủ và trang Tiêu chí"))
    if code_changed and not out:
        add(("site", "code"), Change("Giao diện, mã nguồn", "toàn trang", ""))
    return out


def comment(changed: list[Change], base_url: str, run_url: str = "") -> str:
    """Markdown of the pull-request comment (starts with :data:`MARKER`)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    lines = [MARKER, "### 🔎 Bản xem trước", "",
             f"Toàn bộ trang xem trước: {base}", ""]
    if changed:
        lines += ["Các trang có thay đổi trong pull request này:", ""]
        for c in changed:
            if c.url is not None:
                text = f"- {c.what}: [{c.title}]({base}{c.url})"
            else:
                text = f"- {c.what}: {c.title}"
            if c.note:
                text += f" — {c.note}"
            lines.append(text)
    else:
        lines.append("Pull request này không thay đổi trang nào của hồ sơ, mô hình hay phong trào.")
    lines += ["", ("Trang xem trước được cập nhật vài phút sau mỗi lần đẩy commit (khi quy trình "
              "`deploy` chạy xong) và được gỡ khi pull request đóng. Trang có thẻ `noindex`, "
              "nhưng ai có đường dẫn đều xem được: đừng gửi ra ngoài.")]
    if run_url:
        lines += ["", f"Không mở được? Tải bản dựng (tệp zip) ở mục Artifacts của lần chạy: {run_url}"]
    return "\n".join(lines) + "\n"
