"""Command line: ``guongsang check|new|report|schema|preview-links`` and the process commands
``tham-dinh|ghi-khen-thuong|van-ban`` (all text in Vietnamese).

Exit codes: 0 done, 1 the content has errors (or a generated file is out of date, or a record
already exists), 2 the command was written wrongly (unknown option, bad period…).
"""
from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from . import reports
from .check import check
from .editor import json_schema, ruledocs, scaffold
from .load.corpus import load
from .load.refdata import load_reference
from .problems import Severity, format_github, format_json, format_report, has_errors
from .process import commands as process_commands
from .project import Project, today
from .site.preview import changes, comment

GUIDE = "HUONG-DAN-BIEN-TAP.md"
SCHEMA_DIR = "schemas"
TEMPLATE_DIR = "mau"
TEMPLATES = {"profile": "ho-so.md", "model": "mo-hinh.md", "campaign": "phong-trao.md"}

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
            project.path(project.content_dir).resolve(),
            project.path(project.profiles_dir).resolve(),
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
    guide = project.path(GUIDE)
    if guide.is_file():
        files[guide] = ruledocs.update(guide, ruledocs.collect(ruledocs.package_dir()))
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

    p = sub.add_parser("new", help="tạo hồ sơ, mô hình hoặc phong trào mới từ mẫu",
                       description="Tạo tệp mới có đủ mọi trường, mỗi trường kèm lời hướng dẫn. "
                       "Không ghi đè tệp đã có.",
                       epilog="Ví dụ:\n  guongsang new profile \"Trần Thị Đào\"\n"
                              "    -> profiles/tran-thi-dao/index.md\n"
                              "  guongsang new model \"Sổ tay nhà đầu tư điện tử\"\n"
                              "    -> content/mo-hinh/so-tay-nha-dau-tu-dien-tu.md\n"
                              "  guongsang new campaign \"Thi đua chuyển đổi số 2026\"\n"
                              "    -> content/phong-trao/thi-dua-chuyen-doi-so-2026.md\n"
                              "  guongsang new de-nghi nguyen-thi-hoa --hinh-thuc "
                              "chien-si-thi-dua-co-so --nam 2026\n"
                              "    -> noi-bo/de-nghi/2026-nguyen-thi-hoa-chien-si-thi-dua-co-so.md\n"
                              "  guongsang new hop-hoi-dong \"Bình xét năm 2026\" --ngay 17/11/2026\n"
                              "    -> noi-bo/hop-hoi-dong/2026-11-17-binh-xet-nam-2026.md")
    p.add_argument("kind", choices=sorted([*scaffold.KIND_ALIASES, *process_commands.NEW_KINDS]),
                   metavar="LOẠI",
                   help="profile (hoặc ho-so), model (mo-hinh), campaign (phong-trao); hồ sơ nội "
                        "bộ: de-nghi (TÊN là tên thư mục hồ sơ), hop-hoi-dong")
    p.add_argument("name", metavar="TÊN",
                   help="họ tên (hoặc tên mô hình, phong trào), đặt trong ngoặc kép; "
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
                       "trình soạn thảo)\n  mau/*.md (mẫu hồ sơ, mô hình, phong trào để sao chép "
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
