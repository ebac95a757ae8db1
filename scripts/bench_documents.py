#!/usr/bin/env python3
"""Benchmark: the council pack for 200 nominations, as DOCX and PDF (target: under 15 s).

    .venv/bin/python scripts/bench_documents.py [--nominations 200]

A synthetic repository (scripts/synthetic.py, fictional people) gets one nomination per profile
and one council meeting that reviews them all, with recorded votes; the three documents of the
pack (hồ sơ họp, phiếu bầu, biên bản) are then written in both formats. Prints the figures; it
is a benchmark, not a test.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic

from guongsang.check import check
from guongsang.documents.council import council_documents
from guongsang.documents.layout import load_layout
from guongsang.documents.output import render_all
from guongsang.process.check import check_process
from guongsang.project import Project

TODAY = date(2026, 11, 27)
FORMS = ("lao-dong-tien-tien", "chien-si-thi-dua-co-so", "giay-khen-giam-doc",
         "bang-khen-chu-tich-ubnd-tinh")


def build(target: Path, n: int) -> None:
    # About 80 % of synthetic profiles are individuals: draw enough for n nominations.
    synthetic.write_repo(synthetic.generate(n * 5 // 4 + 10), target, target / ".photos")
    corpus, _ = check(Project(root=target), TODAY)
    people = sorted(p for p, rec in corpus.profiles.items() if rec.loai == "ca_nhan")[:n]
    nominations = target / "noi-bo" / "de-nghi"
    nominations.mkdir(parents=True)
    slugs = []
    for i, person in enumerate(people):
        slug = f"2026-{person}"
        slugs.append(slug)
        (nominations / f"{slug}.md").write_text(
            f"---\nho_so: {person}\nhinh_thuc: {FORMS[i % len(FORMS)]}\nnam: 2026\n"
            f"don_vi_de_nghi: cong-doan-co-so\nngay_de_nghi: 03/11/2026\ndong_y_de_nghi: true\n"
            f"---\n\nTóm tắt thành tích năm 2026 của người thứ {i + 1}.\n", encoding="utf-8")
    members = "".join(f"  - {{ho_ten: Thành viên {k}, vai_tro: {'chu_tich' if k == 1 else 'uy_vien'}"
                      ", co_mat: true}\n" for k in range(1, 12))
    agenda = "".join(f"  - {s}\n" for s in slugs)
    votes = "".join(f"  - {{de_nghi: {s}, dong_y: 10, khong_dong_y: 1, ket_qua: dat}}\n"
                    for s in slugs)
    meetings = target / "noi-bo" / "hop-hoi-dong"
    meetings.mkdir(parents=True)
    (meetings / "2026-11-17-binh-xet.md").write_text(
        f"---\nten: Bình xét năm 2026\nngay: 17/11/2026\nnam: 2026\nhinh_thuc_bieu_quyet: "
        f"bo_phieu_kin\nthanh_vien:\n{members}de_nghi:\n{agenda}ket_qua:\n{votes}---\n",
        encoding="utf-8")


def _cpu() -> float:
    """CPU seconds used by this process and the worker processes it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nominations", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "repo"
        build(target, args.nominations)
        project = Project(root=target)
        t0 = time.perf_counter()
        cpu0 = _cpu()
        corpus, _ = check(project, TODAY)
        process, problems = check_process(project, corpus)
        layout, _ = load_layout(project, corpus.ref)
        t1 = time.perf_counter()
        docs = council_documents(process, process.meetings["2026-11-17-binh-xet"], layout)
        t2 = time.perf_counter()
        rendered = render_all(docs, layout)
        t3 = time.perf_counter()
        sizes = {d.name: (len(rendered[f"{d.name}.docx"]), len(rendered[f"{d.name}.pdf"]))
                 for d in docs}
        total = time.perf_counter() - t0
        cpu = _cpu() - cpu0
    print(f"Nominations: {len(process.nominations)} (problems: {len(problems)})")
    print(f"  load + check (public and internal records): {t1 - t0:6.2f} s")
    print(f"  document model (3 documents):                {t2 - t1:6.2f} s")
    print(f"  DOCX + PDF of 3 documents ({os.cpu_count()} cores):   {t3 - t2:6.2f} s")
    for name, (dsize, psize) in sizes.items():
        print(f"    {name}: DOCX {dsize / 1024:.0f} KiB, PDF {psize / 1024:.0f} KiB")
    print(f"Council pack, DOCX + PDF, total: {total:.2f} s wall clock (target: under 15 s)")
    print(f"  CPU time, this process and its workers: {cpu:.2f} s; load average now "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine "
          "lengthens the wall clock, not the CPU time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
