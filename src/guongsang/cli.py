"""Command line: ``guongsang check|new|report`` (messages and help in Vietnamese)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check
from .problems import Severity, format_github, format_json, format_report, has_errors
from .project import Project, today


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\nXem hướng dẫn: guongsang --help\n")


def _find_root(start: Path) -> Path:
    for d in [start, *start.parents]:
        if (d / "mkdocs.yml").exists() and (d / "data").is_dir():
            return d
    return start


def cmd_check(args: argparse.Namespace) -> int:
    project = Project(root=args.root)
    _, problems = check(project, today())
    shown = [p for p in problems if args.all or p.severity is not Severity.INFO]
    if args.format == "github":
        print(format_github(shown))
    elif args.format == "json":
        print(format_json(shown))
    else:
        print(format_report(shown))
    return 1 if has_errors(problems) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="guongsang", description="Công cụ biên tập Gương sáng.")
    parser.add_argument("--root", type=Path, default=None,
                        help="thư mục gốc của kho (mặc định: tìm từ thư mục hiện tại)")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    p = sub.add_parser("check", help="kiểm tra mọi hồ sơ, mô hình, phong trào và dữ liệu tham chiếu")
    p.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="dạng kết quả: text (cho người đọc), github (chú thích trên pull request), json")
    p.add_argument("--all", action="store_true", help="hiện cả các lưu ý (hồ sơ chưa công bố…)")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    args.root = (args.root or _find_root(Path.cwd())).resolve()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
