"""Command line: ``guongsang check|new|report|schema|preview-links|shrink|deploy-s3``, the build
commands ``build|stage|post-build|parity`` and the process commands
``tham-dinh|ghi-khen-thuong|van-ban`` (all text in Vietnamese).

Exit codes: 0 done, 1 the content has errors (or a generated file is out of date, or a record
already exists), 2 the command was written wrongly (unknown option, bad period…).
"""
from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from . import reports
from .check import check
from .editor import decap, json_schema, lawdocs, pr_result, ruledocs, scaffold
from .load.corpus import load
from .load.refdata import load_reference
from .problems import Severity, format_github, format_json, format_report, has_errors
from .process import commands as process_commands
from .project import Project, today
from .site import engines, materialise, parity, postbuild
from .site.preview import changes, comment
from .text import format_count

GUIDE = "HUONG-DAN-BIEN-TAP.md"
SCHEMA_DIR = "schemas"
TEMPLATE_DIR = "mau"
TEMPLATES = {"profile": "ho-so.md", "model": "mo-hinh.md", "campaign": "phong-trao.md",
             "story": "tin-bai.md"}

# argparse's own words, in Vietnamese (looked up through argparse's gettext hook).
_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s chưa rõ, có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


class UsageError(Exception):
    """The command line was understood but cannot be used; exit code 2."""


@contextlib.contextmanager
def _vietnamese() -> Iterator[None]:
    """Translate argparse's built-in texts while our parser runs (restored afterwards)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda s: _VI.get(s, s)  # type: ignore[attr-defined]
    argparse.ngettext = lambda s, p, n: _VI.get(s if n == 1 else p, s if n == 1 else p)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese help and usage errors."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát")

    def parse_args(self, args=None, namespace=None):
        with _vietnamese():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _vietnamese():
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with _vietnamese():
            return super().format_help()

    def format_usage(self) -> str:
        with _vietnamese():
            return super().format_usage()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\nXem hướng dẫn: {self.prog} --help\n")


def _find_root(start: Path) -> Path:
    for d in [start, *start.parents]:
        if (d / "mkdocs.yml").exists() and (d / "data").is_dir():
            return d
    return start


def _mkdocs_dir(root: Path, key: str, default: str) -> str:
    """``docs_dir`` / ``site_dir`` of mkdocs.yml, read as text (the file has Python tags)."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    m = re.search(rf"^{key}:\s*['\"]?([^'\"\s#]+)", text, re.MULTILINE)
    return m.group(1) if m else default


def published_dirs(project: Project) -> list[Path]:
    """Folders whose files can end up on the site (or are the site): reports never go there."""
    root = project.root
    return [(root / _mkdocs_dir(root, "docs_dir", "docs")).resolve(),
            (root / _mkdocs_dir(root, "site_dir", "site")).resolve(),
            (root / materialise.STAGE_DIR).resolve(),  # the staged pages, published as they are
            project.path(project.content_dir).resolve(),
            project.path(project.profiles_dir).resolve(),
            project.path(project.stories_dir).resolve(),
            project.path(project.data_dir).resolve()]


# -- commands ---------------------------------------------------------------------------------

def cmd_check(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    corpus, problems = check(project, today())
    # Internal records (nominations, meetings) are checked here, never by the site build.
    _, problems = process_commands.with_process(project, corpus, problems, args.noi_bo)
    shown = [p for p in problems if args.all or p.severity is not Severity.INFO]
    if args.format == "github":
        print(format_github(shown))
    elif args.format == "json":
        print(format_json(shown))
    else:
        print(format_report(shown))
    return 1 if has_errors(problems) else 0


def cmd_new(args: argparse.Namespace) -> int:
    if args.kind in process_commands.NEW_KINDS:
        return process_commands.cmd_new_process(args)
    project = Project(root=args.root)
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    try:
        made = scaffold.create(project, ref, args.kind, args.name)
    except scaffold.ScaffoldError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    rel = project.rel(made.path)
    print(f"Đã tạo {rel}")
    print("Tiếp theo: điền các trường BẮT BUỘC (các dòng chưa có giá trị), rồi chạy "
          "`guongsang check` để kiểm tra.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    now = today()
    try:
        period = reports.parse_period(args.period, now)
    except reports.PeriodError as err:
        raise UsageError(str(err)) from err
    out = (args.out if args.out.is_absolute() else Path.cwd() / args.out) if args.out \
        else project.path("reports")
    out = out.resolve()
    for forbidden in published_dirs(project):
        if out == forbidden or out.is_relative_to(forbidden):
            raise UsageError(f"Không ghi báo cáo nội bộ vào {project.rel(out)}: thư mục này được "
                             "công bố hoặc là dữ liệu. Dùng thư mục reports/ (mặc định).")
    corpus, problems = check(project, now)
    errors = [p for p in problems if p.is_error]
    if errors and not args.bo_qua_loi:
        print(format_report(errors), file=sys.stderr)
        print(f"Dữ liệu còn {len(errors)} lỗi nên chưa lập báo cáo (số liệu có thể sai). Sửa các "
              "lỗi trên, hoặc thêm --bo-qua-loi để vẫn lập báo cáo.", file=sys.stderr)
        return 1
    for path in reports.write(reports.build(args.kind, corpus, now, period), out):
        print(f"Đã ghi {project.rel(path)}")
    if errors:
        print(f"Lưu ý: dữ liệu còn {len(errors)} lỗi; báo cáo có thể thiếu.", file=sys.stderr)
    return 0


def generated_files(project: Project) -> dict[Path, str]:
    """Every file generated from schema.py, the reference data and the checks' code."""
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    files = {project.path(SCHEMA_DIR) / name: text
             for name, text in json_schema.expected_files(ref).items()}
    for kind, name in TEMPLATES.items():
        files[project.path(TEMPLATE_DIR) / name] = scaffold.render(kind, ref)
    files.update(decap.expected_files(project, ref))
    guide = project.path(GUIDE)
    if guide.is_file():
        files[guide] = lawdocs.update_text(
            ruledocs.update(guide, ruledocs.collect(ruledocs.package_dir())))
    return files


def cmd_schema(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    stale = [(path, text) for path, text in generated_files(project).items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if args.kiem_tra:
        for path, _ in stale:
            print(f"Đã cũ: {project.rel(path)}")
        if stale:
            print("Chạy `guongsang schema` để tạo lại các tệp trên rồi commit.")
            return 1
        print("Các tệp sinh tự động đều đã cập nhật.")
        return 0
    for path, text in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"Đã ghi {project.rel(path)}")
    if not stale:
        print("Các tệp sinh tự động đều đã cập nhật.")
    return 0


def cmd_preview_links(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    corpus, _ = load(project, today())
    names = args.files if args.files and args.files != ["-"] else sys.stdin.read().splitlines()
    print(comment(changes(names, corpus, project), args.base_url, args.run_url), end="")
    return 0


# -- build: materialise, then let an engine build the staged folder (issue #15) ---------------

def _dirs(args: argparse.Namespace, project: Project) -> tuple[Path, Path]:
    def where(value: Path | None, default: str) -> Path:
        path = value if value is not None else Path(default)
        return (path if path.is_absolute() else project.root / path).absolute()
    return (where(args.stage_dir, materialise.STAGE_DIR),
            where(args.site_dir, _mkdocs_dir(project.root, "site_dir", "site")))


def _print_problems(problems: list) -> None:
    shown = [p for p in problems if p.severity is not Severity.INFO]
    if shown:
        print(format_report(shown), file=sys.stderr)
    notes = len(problems) - len(shown)
    if notes:
        print(f"({notes} lưu ý, xem bằng: guongsang check --all)", file=sys.stderr)


def _stage(args: argparse.Namespace) -> tuple[Project, Path, Path, object | None]:
    project = Project(root=args.root)
    stage_dir, site_dir = _dirs(args, project)
    engine = engines.ENGINES[args.engine]
    try:
        staged, problems = materialise.stage_site(project, today(), engine, stage_dir, site_dir)
    except materialise.StagingError as err:
        raise UsageError(str(err)) from err
    _print_problems(problems)
    # Warnings fail the build too, as `mkdocs build --strict` always did for this site.
    if staged is None or any(p.severity is Severity.WARNING for p in problems):
        print("Hồ sơ có lỗi (hoặc cảnh báo) nên trang chưa được dựng.", file=sys.stderr)
        return project, stage_dir, site_dir, None
    written = staged.written
    print(f"Đã ghi bản dựng tạm vào {project.rel(stage_dir)}/ ({len(written.written)} tệp mới "
          f"hoặc đã đổi, {written.unchanged} giữ nguyên, {len(written.removed)} đã xoá).")
    return project, stage_dir, site_dir, staged


def cmd_stage(args: argparse.Namespace) -> int:
    _, _, _, staged = _stage(args)
    return 0 if staged is not None else 1


def cmd_build(args: argparse.Namespace) -> int:
    project, stage_dir, site_dir, staged = _stage(args)
    if staged is None:
        return 1
    engine = engines.ENGINES[args.engine]
    sys.stdout.flush()  # our lines before the engine's, in a CI log too
    try:
        engines.run(engine, project, staged.config, site_dir)
    except engines.EngineError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    return _post_build(project, stage_dir, site_dir)


def _post_build(project: Project, stage_dir: Path, site_dir: Path) -> int:
    # The steps tell what they did through the logger MkDocs would show ("Pagefind: …").
    logger = logging.getLogger("mkdocs.plugins.guongsang")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level, logger.level = logger.level, logging.INFO
    logger.addHandler(handler)
    try:
        problems = postbuild.run_after_engine(site_dir, stage_dir / materialise.MANIFEST, project)
    except postbuild.NotBuilt as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    _print_problems(problems)
    if problems:
        print("Bước sau khi dựng trang báo lỗi: trang chưa dùng được.", file=sys.stderr)
        return 1
    print(f"Đã dựng trang vào {project.rel(site_dir)}/.")
    return 0


def cmd_post_build(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    stage_dir, site_dir = _dirs(args, project)
    return _post_build(project, stage_dir, site_dir)


def cmd_parity(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    names = args.names.split(",") if args.names else [p.name for p in args.sites]
    if len(names) != len(args.sites) or len(args.sites) < 2:
        raise UsageError("Cần ít nhất hai thư mục trang, và --names (nếu có) đủ một tên cho mỗi "
                         "thư mục, ví dụ: --names mkdocs,properdocs")
    missing = [str(s) for s in args.sites if not (s / "index.html").is_file()]
    if missing:
        raise UsageError("Không thấy trang đã dựng (index.html) trong: " + ", ".join(missing))
    sites = [parity.inspect(n, s, ref.site.url) for n, s in zip(names, args.sites)]
    comparisons = [parity.compare(sites[0], s) for s in sites[1:]]
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    out.mkdir(parents=True, exist_ok=True)
    report = parity.format_markdown(sites[0], comparisons)
    (out / "parity.md").write_text(report, encoding="utf-8")
    (out / "parity.json").write_text(parity.to_json(sites[0], comparisons), encoding="utf-8")
    print(report)
    ok = not parity.own_failures(sites[0]) and all(c.passes for c in comparisons)
    return 0 if ok or args.report_only else 1


def _build_dirs_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site-dir", type=Path, metavar="THƯ_MỤC",
                   help="nơi ghi trang đã dựng (mặc định: site_dir của mkdocs.yml, tức site/)")
    p.add_argument("--stage-dir", type=Path, metavar="THƯ_MỤC",
                   help="thư mục dựng tạm: trang Markdown, tệp và cấu hình cho công cụ dựng "
                        "(mặc định: build/)")


def _engine_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=sorted(engines.ENGINES), default=engines.DEFAULT,
                   metavar="CÔNG_CỤ",
                   help="công cụ dựng trang: " + ", ".join(
                       f"{e.name} ({e.label})" for e in engines.ENGINES.values())
                   + f"; mặc định {engines.DEFAULT}")


def add_build_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="dựng trang: kiểm tra, tạo trang, ghi bản dựng tạm, dựng bằng "
                       "công cụ dựng trang rồi lập chỉ mục tìm kiếm",
                       description="Dựng trang tĩnh qua thư mục dựng tạm:\n"
                       "  1. kiểm tra mọi hồ sơ rồi tạo các trang (như guongsang check);\n"
                       "  2. ghi mọi trang (Markdown kèm front matter) và tệp vào build/docs/, "
                       "cấu hình vào build/mkdocs.yml;\n"
                       "  3. công cụ dựng trang (MkDocs, ProperDocs hoặc Zensical) dựng thư mục đó;"
                       "\n  4. các bước sau khi dựng (chỉ mục tìm kiếm, kiểm tra sitemap), như "
                       "guongsang post-build.",
                       epilog="Ví dụ:\n  guongsang build\n  guongsang build --engine properdocs "
                              "--site-dir build/site-properdocs")
    _engine_option(p)
    _build_dirs_options(p)
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("stage", help="chỉ ghi bản dựng tạm (build/) để tự dựng bằng công cụ khác",
                       description="Kiểm tra, tạo trang rồi ghi thư mục dựng tạm (bước 1–2 của "
                       "guongsang build), không dựng trang.",
                       epilog="Ví dụ:\n  guongsang stage --engine zensical\n"
                              "  .venv-zensical/bin/zensical build -f build/mkdocs.yml")
    _engine_option(p)
    _build_dirs_options(p)
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_stage)

    p = sub.add_parser("post-build", help="các bước sau khi dựng: chỉ mục tìm kiếm, kiểm tra "
                       "sitemap", description="Chạy các bước sau khi dựng trên trang đã dựng từ "
                       "thư mục dựng tạm: lập chỉ mục tìm kiếm Pagefind, kiểm tra mọi trang được "
                       "tạo đều có trong sitemap.xml.",
                       epilog="Ví dụ:\n  guongsang post-build --site-dir build/site-zensical")
    _build_dirs_options(p)
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_post_build)

    p = sub.add_parser("parity", help="so sánh các trang do các công cụ dựng khác nhau dựng ra",
                       description="So sánh trang dựng bằng các công cụ khác nhau từ cùng thư mục "
                       "dựng tạm. Thư mục đầu tiên là mốc (thường là MkDocs). Với mỗi thư mục: "
                       "trang thiếu hoặc thừa so với mốc, liên kết và neo hỏng, tìm kiếm, ảnh "
                       "chia sẻ, nguồn tin (feed.xml), sitemap. Ghi parity.md và parity.json; mã "
                       "thoát 1 nếu có khác biệt (trừ khi có --report-only).",
                       epilog="Ví dụ:\n  guongsang parity site build/site-properdocs "
                              "--names mkdocs,properdocs --out build/parity")
    p.add_argument("sites", nargs="+", type=Path, metavar="THƯ_MỤC_TRANG")
    p.add_argument("--names", metavar="TÊN,TÊN", help="tên hiển thị của từng thư mục, cách nhau "
                   "bằng dấu phẩy (mặc định: tên thư mục)")
    p.add_argument("--out", type=Path, default=Path("build/parity"), metavar="THƯ_MỤC",
                   help="nơi ghi báo cáo (mặc định: build/parity)")
    p.add_argument("--report-only", action="store_true",
                   help="chỉ lập báo cáo, mã thoát 0 kể cả khi có khác biệt")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_parity)
# -- pr-result: the check on the pull request, for people who edit in the web form ----------

def cmd_pr_result(args: argparse.Namespace) -> int:
    """Write the pull request comment and commit status (posted by .github/workflows/pr.yml).

    Always exits 0: the workflow's own check step is the one that fails."""
    project = Project(root=args.root)
    _, problems = check(project, today())
    stale = [project.rel(path) for path, text in generated_files(project).items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "comment.md").write_text(pr_result.comment(problems, args.run_url, stale),
                                    encoding="utf-8")
    (out / "status.json").write_text(pr_result.status(problems, stale).to_json(),
                                     encoding="utf-8")
    print(f"Đã ghi {out / 'comment.md'} và {out / 'status.json'}")
    return 0


def _pr_result_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pr-result", help="kết quả kiểm tra dạng bình luận và trạng thái cho "
                       "pull request",
                       description="Kiểm tra như `guongsang check`, rồi ghi comment.md (bình luận "
                       "Markdown liệt kê mọi lỗi, cảnh báo) và status.json (trạng thái commit mà "
                       "biểu mẫu /quan-tri/ hiển thị) vào THƯ_MỤC. Quy trình pr.yml đăng hai tệp "
                       "này lên pull request.",
                       epilog="Ví dụ:\n  guongsang pr-result --out ket-qua")
    p.add_argument("--out", type=Path, required=True, metavar="THƯ_MỤC",
                   help="nơi ghi comment.md và status.json")
    p.add_argument("--run-url", default="", metavar="URL",
                   help="địa chỉ lần chạy quy trình (liên kết tới nhật ký)")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_pr_result)


def cmd_shrink(args: argparse.Namespace) -> int:
    """Shrink source photos over the budget in place; or, with --kiem-tra, only list them."""
    from .media import shrink
    from .media.budget import format_bytes

    project = Project(root=args.root)
    ref, _ = load_reference(project.path(project.data_dir), project.root)
    budget = ref.site.anh_goc
    if args.format == "markdown" and not args.kiem_tra:
        raise UsageError("--format markdown chỉ dùng cùng --kiem-tra (bình luận cho pull request).")
    if args.files == ["-"]:
        names = [n for n in sys.stdin.read().replace("\0", "\n").splitlines() if n.strip()]
        paths = [Path(n) if Path(n).is_absolute() else project.root / n for n in names]
    elif args.files:
        paths = [Path(n).resolve() for n in args.files]
    else:
        paths = sorted(x for d in (project.profiles_dir, project.stories_dir)
                       for x in project.path(d).rglob("*")
                       if x.suffix.lower() in shrink.IMAGE_SUFFIXES)
    over: list[tuple[str, shrink.Result]] = []
    changed: list[Path] = []
    failed = 0
    for path in paths:
        if path.suffix.lower() not in shrink.IMAGE_SUFFIXES or path.is_symlink():
            continue  # the pre-commit hook passes every staged file
        rel = project.rel(path)
        if not path.is_file():
            print(f"Không tìm thấy tệp {rel}.", file=sys.stderr)
            failed += 1
            continue
        if shrink.over_budget(path, budget) is None:
            continue
        try:
            result = shrink.shrink(path, budget, write=not args.kiem_tra)
        except shrink.ImageError as err:
            print(f"{rel}: {err}", file=sys.stderr)
            failed += 1
            continue
        over.append((rel, result))
        if args.kiem_tra:
            if args.format == "text":
                after = (f"; thu nhỏ được còn khoảng {format_bytes(result.after)}"
                         if result.changed else "")
                print(f"Quá giới hạn: {rel} ({format_bytes(result.before)}, "
                      f"{result.dims_before[0]}×{result.dims_before[1]} điểm ảnh){after}.")
            continue
        if result.changed:
            changed.append(path)
            print(f"Đã thu nhỏ {rel}: {format_bytes(result.before)} → "
                  f"{format_bytes(result.after)}, {result.dims_before[0]}×"
                  f"{result.dims_before[1]} → {result.dims_after[0]}×{result.dims_after[1]} "
                  "điểm ảnh.")
        if result.note:
            print(f"{rel}: {result.note}")
    if args.ghi_danh_sach:
        args.ghi_danh_sach.write_bytes(b"".join(str(p).encode() + b"\0" for p in changed))
    if args.format == "markdown":
        print(shrink.comment(over, budget), end="")
        return 0
    if args.kiem_tra:
        if over:
            print(f"{len(over)} ảnh vượt giới hạn ({budget.describe()}). Thu nhỏ bằng lệnh: "
                  + shrink.command([rel for rel, _ in over]))
        else:
            print(f"Mọi ảnh đều trong giới hạn ({budget.describe()}).")
        return 1 if over or failed else 0
    saved = sum(r.saved for _, r in over)
    if changed:
        print(f"Xong: thu nhỏ {len(changed)} ảnh, tiết kiệm {format_bytes(saved)}. "
              f"Giới hạn: {budget.describe()} (data/site.yml, mục anh_goc).")
    elif not over:
        print(f"Mọi ảnh đều trong giới hạn ({budget.describe()}).")
    return 1 if failed else 0


def cmd_deploy_s3(args: argparse.Namespace) -> int:
    """Make an S3-compatible bucket an exact copy of the built site (see site/deploy_s3.py)."""
    from .media.budget import format_bytes
    from .site import deploy_s3

    project = Project(root=args.root)
    site_dir = args.site or project.root / _mkdocs_dir(project.root, "site_dir", "site")
    if not args.bucket:
        raise UsageError("Thiếu tên bucket: --bucket TÊN (hoặc biến môi trường GUONGSANG_S3_BUCKET).")
    where = f"s3://{args.bucket}/{args.prefix.strip('/')}"
    try:
        client = deploy_s3.client_for(args.endpoint, args.region)
        work = deploy_s3.deploy(site_dir, client, args.bucket, args.prefix, args.dry_run)
    except deploy_s3.DeployError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    sent = sum(f.size for f in work.uploads)
    verb = "Thử (chưa gửi gì), sẽ" if args.dry_run else "Đã"
    print(f"{verb} xuất bản lên {where}: tải lên {format_count(len(work.uploads))} tệp "
          f"({format_bytes(sent)}; {format_count(len(work.upload_assets))} tệp đặt tên theo "
          f"nội dung, {format_count(len(work.upload_pages))} trang và tệp khác), giữ nguyên "
          f"{format_count(work.unchanged)} tệp, xoá {format_count(len(work.delete))} tệp cũ.")
    return 0


# -- parser -----------------------------------------------------------------------------------

def _root_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--thu-muc", "--root", dest="root", type=Path, default=default,
                        metavar="THƯ_MỤC",
                        help="thư mục gốc của kho (mặc định: tìm từ thư mục hiện tại lên trên)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="guongsang", description="Công cụ biên tập Gương sáng: kiểm tra, tạo hồ sơ mới, "
        "lập báo cáo nội bộ.",
        epilog="Mã thoát: 0 xong; 1 dữ liệu có lỗi (hoặc tệp đã có, tệp sinh tự động đã cũ); "
               "2 viết sai lệnh.\nHướng dẫn biên tập: HUONG-DAN-BIEN-TAP.md")
    _root_option(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser,
                                title="các lệnh")

    p = sub.add_parser("check", help="kiểm tra mọi hồ sơ, mô hình, phong trào và dữ liệu tham chiếu",
                       description="Kiểm tra mọi hồ sơ, mô hình, phong trào và dữ liệu tham chiếu; "
                       "in mọi lỗi cùng lúc.",
                       epilog="Ví dụ:\n  guongsang check\n  guongsang check --format github")
    p.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="dạng kết quả: text (cho người đọc), github (chú thích trên pull request), "
                        "json")
    p.add_argument("--all", action="store_true", help="hiện cả các lưu ý (hồ sơ chưa công bố…)")
    process_commands.noi_bo_option(p)
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("new", help="tạo hồ sơ, mô hình, phong trào hoặc tin bài mới từ mẫu",
                       description="Tạo tệp mới có đủ mọi trường, mỗi trường kèm lời hướng dẫn. "
                       "Không ghi đè tệp đã có.",
                       epilog="Ví dụ:\n  guongsang new profile \"Trần Thị Đào\"\n"
                              "    -> profiles/tran-thi-dao/index.md\n"
                              "  guongsang new model \"Sổ tay nhà đầu tư điện tử\"\n"
                              "    -> content/mo-hinh/so-tay-nha-dau-tu-dien-tu.md\n"
                              "  guongsang new campaign \"Thi đua chuyển đổi số 2026\"\n"
                              "    -> content/phong-trao/thi-dua-chuyen-doi-so-2026.md\n"
                              "  guongsang new story \"Tổng kết phong trào năm 2026\"\n"
                              "    -> stories/tong-ket-phong-trao-nam-2026/index.md\n"
                              "  guongsang new de-nghi nguyen-thi-hoa --hinh-thuc "
                              "chien-si-thi-dua-co-so --nam 2026\n"
                              "    -> noi-bo/de-nghi/2026-nguyen-thi-hoa-chien-si-thi-dua-co-so.md\n"
                              "  guongsang new hop-hoi-dong \"Bình xét năm 2026\" --ngay 17/11/2026\n"
                              "    -> noi-bo/hop-hoi-dong/2026-11-17-binh-xet-nam-2026.md")
    p.add_argument("kind", choices=sorted([*scaffold.KIND_ALIASES, *process_commands.NEW_KINDS]),
                   metavar="LOẠI",
                   help="profile (hoặc ho-so), model (mo-hinh), campaign (phong-trao), "
                        "story (tin-bai); hồ sơ nội bộ: de-nghi (TÊN là tên thư mục hồ sơ), "
                        "hop-hoi-dong")
    p.add_argument("name", metavar="TÊN",
                   help="họ tên (hoặc tên mô hình, phong trào, tiêu đề tin bài), đặt trong "
                        "ngoặc kép; "
                        "tên thư mục/tệp được tạo từ tên này, bỏ dấu (đ thành d)")
    process_commands.extend_new(p)
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_new)

    kinds = reports.report_kinds()
    p = sub.add_parser("report", help="lập báo cáo nội bộ vào thư mục reports/",
                       description="Lập báo cáo nội bộ (không công bố) vào thư mục reports/.\n"
                       + "\n".join(f"  {k}: {v}" for k, v in kinds.items())
                       + "\n  all: mọi báo cáo trên",
                       epilog="Ví dụ:\n  guongsang report eligibility --period 2026\n"
                              "  guongsang report follow-up\n"
                              "  guongsang report periodic --period 01/01/2026-30/06/2026")
    p.add_argument("kind", choices=[*kinds, "all"], metavar="LOẠI",
                   help=", ".join([*kinds, "all"]))
    p.add_argument("--period", metavar="KỲ",
                   help="một năm (2026) hoặc một khoảng ngày (01/01/2026-30/06/2026); "
                        "mặc định: năm nay")
    p.add_argument("--out", type=Path, metavar="THƯ_MỤC",
                   help="nơi ghi báo cáo (mặc định: reports/ trong kho; không được nằm trong "
                        "content/, site/, profiles/, data/)")
    p.add_argument("--bo-qua-loi", action="store_true",
                   help="vẫn lập báo cáo khi dữ liệu còn lỗi (số liệu có thể thiếu)")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("schema", help="tạo lại các tệp sinh tự động (JSON Schema, mẫu, bảng mã lỗi)",
                       description="Tạo lại các tệp sinh tự động từ src/guongsang/schema.py, "
                       "data/*.yml và mã kiểm tra:\n  schemas/*.schema.json (JSON Schema cho "
                       "trình soạn thảo)\n  quan-tri/config.yml (biểu mẫu biên tập trên web)\n  mau/*.md (mẫu hồ sơ, mô hình, phong trào để sao chép "
                       "trên GitHub)\n  bảng mã lỗi trong HUONG-DAN-BIEN-TAP.md",
                       epilog="Ví dụ:\n  guongsang schema\n  guongsang schema --kiem-tra")
    p.add_argument("--kiem-tra", "--check", dest="kiem_tra", action="store_true",
                   help="chỉ kiểm tra các tệp đã cập nhật chưa (mã thoát 1 nếu đã cũ), không ghi")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("preview-links", help="liên kết tới các trang xem trước mà pull request thay đổi",
                       description="In nội dung bình luận (Markdown) liệt kê liên kết tới trang "
                       "xem trước của từng hồ sơ, mô hình, phong trào có thay đổi. Danh sách tệp "
                       "lấy từ tham số hoặc từ đầu vào chuẩn (mỗi dòng một tệp).",
                       epilog="Ví dụ:\n  git diff --name-only origin/main...HEAD | guongsang "
                              "preview-links --base-url https://x.github.io/guongsang/pr-preview/pr-7/")
    p.add_argument("files", nargs="*", metavar="TỆP", help="các tệp thay đổi (bỏ trống: đọc từ "
                   "đầu vào chuẩn)")
    p.add_argument("--base-url", required=True, metavar="URL", help="địa chỉ gốc của bản xem trước")
    p.add_argument("--run-url", default="", metavar="URL",
                   help="địa chỉ lần chạy quy trình (để tải bản dựng dạng zip)")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_preview_links)

    add_build_commands(sub)
    _pr_result_parser(sub)
    p = sub.add_parser("shrink", help="thu nhỏ tại chỗ các ảnh gốc vượt giới hạn của kho",
                       description="Thu nhỏ tại chỗ các ảnh vượt giới hạn ảnh gốc (data/site.yml, "
                       "mục anh_goc): xoay đúng chiều, bỏ thông tin máy ảnh và vị trí GPS, nén "
                       "với chất lượng đủ để ảnh trên trang không kém nét, rồi báo số byte tiết "
                       "kiệm được. Ảnh trong giới hạn được giữ nguyên.",
                       epilog="Ví dụ:\n  guongsang shrink                 (mọi ảnh trong profiles/ và stories/)\n"
                              "  guongsang shrink profiles/tran-van-an/chan-dung.jpg\n"
                              "  guongsang shrink --kiem-tra      (chỉ liệt kê, không sửa)")
    p.add_argument("files", nargs="*", metavar="TỆP",
                   help="các ảnh cần thu nhỏ (bỏ trống: mọi ảnh trong profiles/ và stories/; '-': đọc danh "
                        "sách từ đầu vào chuẩn, mỗi dòng một tệp); tệp không phải ảnh được bỏ qua")
    p.add_argument("--kiem-tra", "--check", dest="kiem_tra", action="store_true",
                   help="chỉ liệt kê ảnh vượt giới hạn, không sửa tệp (mã thoát 1 nếu có)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="dạng kết quả của --kiem-tra: text, hoặc markdown (bình luận cho pull "
                        "request)")
    p.add_argument("--ghi-danh-sach", type=Path, metavar="TỆP",
                   help="ghi đường dẫn các ảnh đã sửa vào tệp này, ngăn bằng ký tự NUL (cho hook "
                        "pre-commit)")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_shrink)

    env = os.environ.get
    p = sub.add_parser("deploy-s3", help="xuất bản site/ lên kho lưu trữ đối tượng tương thích S3",
                       description="Đưa trang đã dựng (site/) lên một bucket tương thích S3 (Amazon "
                       "S3, Cloudflare R2, MinIO…), thường đặt sau một CDN: chỉ gửi tệp đã đổi; tệp "
                       "đặt tên theo nội dung được lưu đệm một năm, trang HTML năm phút; tệp không "
                       "còn trên trang bị xoá khỏi bucket. Khoá truy cập lấy từ biến môi trường "
                       "AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY.",
                       epilog="Ví dụ:\n  guongsang deploy-s3 --bucket guongsang --endpoint "
                              "https://s3.example.vn\n  guongsang deploy-s3 --bucket guongsang "
                              "--thu --prefix ban-thu")
    p.add_argument("--bucket", default=env("GUONGSANG_S3_BUCKET"), metavar="TÊN",
                   help="tên bucket (mặc định: biến GUONGSANG_S3_BUCKET)")
    p.add_argument("--endpoint", default=env("GUONGSANG_S3_ENDPOINT"), metavar="URL",
                   help="địa chỉ dịch vụ S3 (mặc định: biến GUONGSANG_S3_ENDPOINT; bỏ trống: "
                        "Amazon S3)")
    p.add_argument("--region", default=env("GUONGSANG_S3_REGION") or env("AWS_REGION"),
                   metavar="VÙNG", help="vùng (region) của bucket, nếu dịch vụ cần")
    p.add_argument("--prefix", default=env("GUONGSANG_S3_PREFIX", ""), metavar="THƯ_MỤC",
                   help="thư mục trong bucket (mặc định: gốc của bucket); chỉ đối tượng trong "
                        "thư mục này bị xoá khi không còn trên trang")
    p.add_argument("--site", type=Path, metavar="THƯ_MỤC",
                   help="thư mục trang đã dựng (mặc định: site_dir của mkdocs.yml)")
    p.add_argument("--thu", "--dry-run", dest="dry_run", action="store_true",
                   help="chỉ tính xem sẽ gửi, giữ, xoá những gì; không đổi gì trên bucket")
    _root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_deploy_s3)

    # -- the commendation process: nominations, council meetings, decisions, documents --------
    process_commands.add_commands(sub, _root_option)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    args.root = (args.root or _find_root(Path.cwd())).resolve()
    try:
        return int(args.func(args))
    except process_commands.CommandError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    except UsageError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
