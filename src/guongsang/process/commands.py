"""The process commands of ``guongsang`` (registered in their own block of :mod:`guongsang.cli`).

    guongsang new de-nghi HỒ_SƠ --hinh-thuc … --nam … --don-vi …   a nomination, filled in
    guongsang new hop-hoi-dong "Tên" --ngay dd/mm/yyyy --nam …      a meeting with its agenda
    guongsang tham-dinh [TỆP…] [--format markdown]                  verdicts, per condition
    guongsang ghi-khen-thuong [ĐỀ_NGHỊ…]                            decisions into profiles
    guongsang van-ban ho-so-hop|bao-cao-thanh-tich|bao-cao-dinh-ky  DOCX + PDF documents
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .. import reports
from ..check import check
from ..documents.achievement import achievement_report
from ..documents.council import council_documents
from ..documents.layout import load_layout
from ..documents.model import Document
from ..documents.output import FORMATS, write_documents
from ..documents.periodic import periodic_report
from ..editor.scaffold import ScaffoldError
from ..load.corpus import Corpus
from ..problems import Problem, format_report, sort_problems
from ..project import Project, today
from ..text import parse_date
from . import comment
from .check import check_process
from .load import Process
from .scaffold import new_meeting, new_nomination
from .writeback import WriteError, write_award

NEW_KINDS = {"de-nghi": "nomination", "hop-hoi-dong": "meeting"}
"""``guongsang new`` kinds handled here (the others are public records)."""


class CommandError(Exception):
    """Exit code 1 with a Vietnamese message."""


def noi_bo_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--noi-bo", dest="noi_bo", type=Path, default=None, metavar="THƯ_MỤC",
                        help="thư mục hồ sơ nội bộ (đề nghị, họp Hội đồng); mặc định: biến "
                             "GUONGSANG_NOI_BO, khoá noi_bo trong data/site.yml, hoặc noi-bo/")


def extend_new(parser: argparse.ArgumentParser) -> None:
    """Options of ``guongsang new`` used by the process kinds."""
    parser.add_argument("--hinh-thuc", metavar="MÃ", help="de-nghi: hình thức đề nghị (id trong "
                        "data/danh-muc-khen-thuong.yml)")
    parser.add_argument("--nam", type=int, metavar="NĂM", help="de-nghi, hop-hoi-dong: năm thành "
                        "tích (mặc định: năm nay)")
    parser.add_argument("--don-vi", metavar="MÃ", help="de-nghi: phòng hoặc đoàn thể đề nghị "
                        "(mặc định: đơn vị của hồ sơ)")
    parser.add_argument("--ngay", metavar="dd/mm/yyyy", help="hop-hoi-dong: ngày họp")
    noi_bo_option(parser)


def with_process(project: Project, corpus: Corpus, problems: list[Problem],
                 option: Path | None) -> tuple[Process, list[Problem]]:
    process, found = check_process(project, corpus, option)
    return process, sort_problems(set(problems) | set(found))


def _load(args: argparse.Namespace) -> tuple[Project, Process, list[Problem]]:
    project = Project(root=args.root)
    corpus, problems = check(project, today())
    process, problems = with_process(project, corpus, problems, args.noi_bo)
    return project, process, problems


def cmd_new_process(args: argparse.Namespace) -> int:
    kind = NEW_KINDS[args.kind]
    project = Project(root=args.root)
    corpus, _ = check(project, today())
    process, _ = with_process(project, corpus, [], args.noi_bo)
    now = today()
    try:
        if kind == "nomination":
            if not args.hinh_thuc:
                raise ScaffoldError("Cần --hinh-thuc, ví dụ: --hinh-thuc chien-si-thi-dua-co-so")
            profile = corpus.profiles.get(args.name)
            unit = args.don_vi or (profile.don_vi_de_xuat or profile.don_vi if profile else "")
            made = new_nomination(process, args.name, args.hinh_thuc, args.nam or now.year, unit,
                                  now)
        else:
            day = parse_date(args.ngay) if args.ngay else now
            if day is None:
                raise ScaffoldError(f"Ngày họp \"{args.ngay}\" không hợp lệ (viết dd/mm/yyyy).")
            made = new_meeting(process, args.name, day, args.nam or day.year)
    except ScaffoldError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    print(f"Đã tạo {process.paths.rel(project, made.path)}")
    print("Tiếp theo: điền các trường còn trống, chạy `guongsang check` rồi mở pull request.")
    return 0


def cmd_tham_dinh(args: argparse.Namespace) -> int:
    _, process, problems = _load(args)
    names = args.files if args.files != ["-"] else sys.stdin.read().splitlines()
    chosen = comment.selected(process, [n for n in names if n.strip()])
    if args.format == "markdown":
        print(comment.render(process, chosen, problems), end="")
        return 0
    from .eligibility import assess
    from .state import state_label
    for n in chosen:
        a = assess(process, n)
        print(f"{n.slug}: {state_label(process, n)}; "
              + (f"{a.word.lower()}; căn cứ {a.basis()}" if a else "chưa thẩm định được"))
        for gap in a.verdict.basis.gaps if a else ():
            print(f"  lưu ý: {gap}")
        for r in a.rows(process.corpus) if a else ():
            print(f"{'    ' * (r.depth + 1)}- [{r.word.lower()}] {r.label}: {r.found}")
        for bad in a.invalid_grounds(process.corpus) if a else ():
            print(f"  - [căn cứ chưa hợp lệ] {bad}")
    return 0


def cmd_ghi_khen_thuong(args: argparse.Namespace) -> int:
    project, process, _ = _load(args)
    order = {f: i for i, f in enumerate(process.corpus.ref.awards)}
    # Lower titles first (catalogue order), as a decision list reads.
    wanted = args.de_nghi or [n.slug for n in sorted(
        process.nominations.values(), key=lambda n: (n.ho_so, order.get(n.hinh_thuc, 99), n.slug))
        if n.quyet_dinh is not None and n.khong_dat is None]
    failed = 0
    for slug in wanted:
        slug = Path(slug).stem
        n = process.nominations.get(slug)
        if n is None:
            print(f"Lỗi: không có đề nghị \"{slug}\".", file=sys.stderr)
            failed += 1
            continue
        profile = process.corpus.profiles.get(n.ho_so)
        if profile is None or profile.folder is None:
            print(f"Lỗi: đề nghị {slug} nhắc tới hồ sơ \"{n.ho_so}\" không có.", file=sys.stderr)
            failed += 1
            continue
        form = process.corpus.ref.awards.get(n.hinh_thuc)
        path = profile.folder / "index.md"
        try:
            done = write_award(path, project.rel(path), n, form.co_quan if form else "")
        except WriteError as err:
            print(f"Lỗi: {err}", file=sys.stderr)
            failed += 1
            continue
        print(done.message)
    if not wanted:
        print("Chưa có đề nghị nào có quyết định.")
    return 1 if failed else 0


def _out_dir(args: argparse.Namespace, project: Project, default: str) -> Path:
    from ..cli import UsageError, published_dirs
    out = (args.out if args.out.is_absolute() else Path.cwd() / args.out) if args.out \
        else project.path("reports") / default
    out = out.resolve()
    for forbidden in published_dirs(project):
        if out == forbidden or out.is_relative_to(forbidden):
            raise UsageError(f"Không ghi văn bản nội bộ vào {project.rel(out)}: thư mục này được "
                             "công bố hoặc là dữ liệu. Dùng thư mục reports/ (mặc định).")
    return out


def _formats(text: str) -> tuple[str, ...]:
    from ..cli import UsageError
    chosen = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise UsageError(f"Định dạng {', '.join(bad) or '(trống)'} không hỗ trợ; dùng docx, pdf "
                         "hoặc docx,pdf.")
    return chosen


def cmd_van_ban(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    formats = _formats(args.dinh_dang)
    project, process, problems = _load(args)
    layout, layout_problems = load_layout(project, process.corpus.ref)
    errors = [p for p in [*problems, *layout_problems] if p.is_error]
    if errors and not args.bo_qua_loi:
        print(format_report(errors), file=sys.stderr)
        print(f"Dữ liệu còn {len(errors)} lỗi nên chưa lập văn bản. Sửa các lỗi trên, hoặc thêm "
              "--bo-qua-loi để vẫn lập.", file=sys.stderr)
        return 1
    docs: list[Document]
    if args.kind == "ho-so-hop":
        meeting = process.meetings.get(Path(args.hop or "").stem)
        if meeting is None:
            raise UsageError("Cần --hop TÊN_CUỘC_HỌP (tên tệp trong hop-hoi-dong/). Có: "
                             + (", ".join(sorted(process.meetings)) or "chưa có cuộc họp nào") + ".")
        docs, where = council_documents(process, meeting, layout), f"hop-hoi-dong/{meeting.slug}"
    elif args.kind == "bao-cao-thanh-tich":
        slugs = [Path(s).stem for s in args.de_nghi]
        if args.hop:
            meeting = process.meetings.get(Path(args.hop).stem)
            if meeting is None:
                raise UsageError(f"Không có cuộc họp \"{args.hop}\".")
            slugs += meeting.de_nghi
        missing = [s for s in slugs if s not in process.nominations]
        if missing or not slugs:
            raise UsageError("Không có đề nghị: " + (", ".join(missing) or "(chưa chọn)")
                             + ". Dùng --de-nghi TÊN hoặc --hop CUỘC_HỌP.")
        docs = [achievement_report(process, process.nominations[s], layout) for s in dict.fromkeys(slugs)]
        where = "bao-cao-thanh-tich"
    else:
        try:
            period = reports.parse_period(args.period, today())
        except reports.PeriodError as err:
            raise UsageError(str(err)) from err
        docs, where = [periodic_report(process.corpus, today(), period, layout)], "bao-cao-dinh-ky"
    out = _out_dir(args, project, f"van-ban/{where}")
    for path in write_documents(docs, out, layout, formats):
        print(f"Đã ghi {project.rel(path)}")
    return 0


def add_commands(sub: argparse._SubParsersAction, root_option: Callable[..., None]) -> None:
    p = sub.add_parser("tham-dinh", help="kết quả thẩm định đề nghị khen thưởng, theo từng điều kiện",
                       description="In kết quả thẩm định (đủ/chưa đủ điều kiện, từng điều kiện và "
                       "căn cứ trong hồ sơ) của các đề nghị khen thưởng. Danh sách tệp thay đổi lấy "
                       "từ tham số hoặc từ đầu vào chuẩn (-); bỏ trống: mọi đề nghị.",
                       epilog="Ví dụ:\n  guongsang tham-dinh\n  git diff --name-only origin/main... "
                              "| guongsang tham-dinh - --format markdown")
    p.add_argument("files", nargs="*", metavar="TỆP", help="tệp đề nghị hoặc cuộc họp đã thay đổi")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="text (cho người đọc) hoặc markdown (bình luận trên pull request)")
    noi_bo_option(p)
    root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_tham_dinh)

    p = sub.add_parser("ghi-khen-thuong", help="ghi quyết định của đề nghị vào hồ sơ (không gõ lại)",
                       description="Ghi khen thưởng của các đề nghị đã có quyết định (khối "
                       "quyet_dinh) vào mục khen_thuong của hồ sơ. Chạy lại không ghi trùng.",
                       epilog="Ví dụ:\n  guongsang ghi-khen-thuong\n"
                              "  guongsang ghi-khen-thuong 2026-nguyen-thi-hoa-lao-dong-tien-tien")
    p.add_argument("de_nghi", nargs="*", metavar="ĐỀ_NGHỊ",
                   help="tên tệp đề nghị (bỏ trống: mọi đề nghị đã có quyết định)")
    noi_bo_option(p)
    root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_ghi_khen_thuong)

    p = sub.add_parser("van-ban", help="lập văn bản DOCX và PDF: hồ sơ họp, báo cáo thành tích, "
                       "báo cáo định kỳ",
                       description="Lập văn bản nội bộ (DOCX để sửa trước khi ký, PDF để in) vào "
                       "reports/van-ban/:\n  ho-so-hop: hồ sơ họp Hội đồng (thẩm định từng đề nghị), "
                       "phiếu bầu, biên bản họp (--hop)\n  bao-cao-thanh-tich: báo cáo thành tích "
                       "theo mẫu của nghị định (--de-nghi hoặc --hop)\n  bao-cao-dinh-ky: báo cáo "
                       "định kỳ gửi Ban Thi đua – Khen thưởng tỉnh (--period)",
                       epilog="Ví dụ:\n  guongsang van-ban ho-so-hop --hop 2026-11-17-binh-xet-nam-2026\n"
                              "  guongsang van-ban bao-cao-thanh-tich --hop 2026-11-17-binh-xet-nam-2026\n"
                              "  guongsang van-ban bao-cao-dinh-ky --period 2026")
    p.add_argument("kind", choices=("ho-so-hop", "bao-cao-thanh-tich", "bao-cao-dinh-ky"),
                   metavar="LOẠI", help="ho-so-hop, bao-cao-thanh-tich, bao-cao-dinh-ky")
    p.add_argument("--hop", metavar="CUỘC_HỌP", help="tên tệp cuộc họp trong hop-hoi-dong/")
    p.add_argument("--de-nghi", action="append", default=[], metavar="ĐỀ_NGHỊ",
                   help="tên tệp đề nghị (có thể lặp lại)")
    p.add_argument("--period", metavar="KỲ", help="bao-cao-dinh-ky: một năm (2026) hoặc khoảng "
                   "ngày (01/01/2026-30/06/2026); mặc định: năm nay")
    p.add_argument("--dinh-dang", default="docx,pdf", metavar="DẠNG",
                   help="docx, pdf hoặc docx,pdf (mặc định)")
    p.add_argument("--out", type=Path, metavar="THƯ_MỤC",
                   help="nơi ghi (mặc định: reports/van-ban/…; không được nằm trong content/, "
                        "site/, profiles/, data/)")
    p.add_argument("--bo-qua-loi", action="store_true",
                   help="vẫn lập văn bản khi dữ liệu còn lỗi")
    noi_bo_option(p)
    root_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_van_ban)
