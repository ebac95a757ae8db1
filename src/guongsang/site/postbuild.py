"""Steps run on the finished site directory (after every page is written).

A step is ``(site_dir, output, project) -> iterable of Problem`` registered with
:func:`post_build`. Keeping them here (not in the MkDocs hook) keeps them engine-free.

Under the live preview a slow step may run in the background (``background=True``): the
preview shows the edited page as soon as the pages are written, and the step's result (the
search index) follows a moment later. Problems it finds are passed to ``report``.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from ..problems import Problem
from ..project import Project
from .output import SiteOutput

Step = Callable[[Path, SiteOutput, Project], Iterable[Problem]]
Report = Callable[[Problem], None]


STEPS: list[Step] = []
IN_BACKGROUND: set[Step] = set()
"""Steps the live preview may run off the build (registered with ``background=True``)."""


def post_build(fn: Step | None = None, *,
               background: bool = False) -> Step | Callable[[Step], Step]:
    """Register a step; ``background=True`` lets the live preview run it off the build."""
    def register(step: Step) -> Step:
        STEPS.append(step)
        if background:
            IN_BACKGROUND.add(step)
        return step
    return register(fn) if fn is not None else register


class NotBuilt(Exception):
    """The post-build steps were asked to run on a site that was not built from the stage."""


def run_after_engine(site_dir: Path, manifest: Path, project: Project) -> list[Problem]:
    """The post-build steps as their own command, on a site an engine built from the staged
    folder: what the generator produced is read from the manifest materialisation wrote."""
    from .materialise import read_manifest

    if not manifest.is_file():
        raise NotBuilt(f"Chưa có {project.rel(manifest)} (danh sách trang được tạo): bản dựng "
                       "tạm chưa được ghi. Chạy `guongsang build`, hoặc `guongsang stage` rồi "
                       "dựng bằng công cụ dựng trang, trước `guongsang post-build`.")
    if not (site_dir / "index.html").is_file():
        raise NotBuilt(f"Thư mục \"{project.rel(site_dir)}\" chưa có trang chủ index.html: "
                       "trang chưa được dựng. Chạy `guongsang build` trước.")
    return run_post_build(site_dir, read_manifest(manifest), project)


def run_post_build(site_dir: Path, output: SiteOutput, project: Project, *, live: bool = False,
                   report: Report | None = None) -> list[Problem]:
    """Run every step; with ``live``, background steps are handed to :class:`Background` and
    their problems go to ``report`` when they finish."""
    problems: list[Problem] = []
    for step in STEPS:
        if live and step in IN_BACKGROUND:
            background(step).request(site_dir, output, project, report or (lambda p: None))
        else:
            problems.extend(step(site_dir, output, project))
    return problems


class Background:
    """One step running in a worker thread, at most one run at a time.

    A request while a run is under way is kept (only the latest) and runs right after it:
    saves come faster than a search index is built, and only the newest site matters.
    """

    def __init__(self, fn: Step):
        self.fn = fn
        self._lock = threading.Lock()
        self._pending: tuple | None = None
        self._thread: threading.Thread | None = None
        self.runs = 0
        """Completed runs (read by tests)."""

    def request(self, site_dir: Path, output: SiteOutput, project: Project,
                report: Report) -> None:
        with self._lock:
            self._pending = (site_dir, output, project, report)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, daemon=True,
                                                name=f"guongsang-{self.fn.__name__}")
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            site_dir, output, project, report = job
            try:
                for problem in self.fn(site_dir, output, project):
                    report(problem)
            except Exception as err:  # noqa: BLE001 - a preview must not die with its helper
                report(Problem("mkdocs.yml", 0, "", "xem-truoc",
                               f"Bản xem trước: bước chạy nền `{self.fn.__name__}` bị lỗi: {err}",
                               "Các trang vẫn xem được, nhưng kết quả của bước này (ví dụ chỉ "
                               "mục tìm kiếm) có thể chưa cập nhật. Lưu lại tệp để chạy lại."))
            self.runs += 1

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no run is under way or pending; False on timeout (for tests)."""
        with self._lock:
            thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()


_BACKGROUND: dict[Step, Background] = {}


def background(fn: Step) -> Background:
    """The worker of ``fn``; one per step for the whole process (kept here, not in the
    adapter, because MkDocs re-imports its hook file on every rebuild)."""
    return _BACKGROUND.setdefault(fn, Background(fn))


def wait_for_background(timeout: float) -> None:
    """Let background steps finish (the preview server is stopping), up to ``timeout`` each."""
    for worker in list(_BACKGROUND.values()):
        worker.wait(timeout)
