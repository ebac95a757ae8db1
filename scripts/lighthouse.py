#!/usr/bin/env python3
"""Lighthouse scores of the main pages (mobile), against the project's targets.

    make lighthouse                       # builds the sample site, then audits it
    python scripts/lighthouse.py --site site/   # audit an already built site

Serves the site from 127.0.0.1 (gzip for text, like GitHub Pages) and runs npm's lighthouse (node_modules/.bin/lighthouse, pinned
in package.json; `npm ci` installs it) with Debian's Chromium (CHROME_PATH=/usr/bin/chromium),
with Lighthouse's default mobile settings, three times per page (the median counts: the
performance score moves with the machine's load). Prints one line per page with the four
scores and exits 1 if any score is below its target. JSON reports go to reports/lighthouse/.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from static_server import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "Trang chủ": "",
    "Tin bài": "tin-bai/",
    "Một tin bài": "tin-bai/tong-ket-thi-dua-chuyen-doi-so/",
    "Người tốt, việc tốt": "nguoi-tot-viec-tot/",
    "Gương điển hình": "guong-dien-hinh/",
    "Hồ sơ": "ho-so/dang-thi-thuy/",
    "Phong trào": "phong-trao/thi-dua-chuyen-doi-so-2024/",
    "Mô hình": "mo-hinh/so-hoa-ho-so-luu-tru/",
    "Bảng vinh danh": "vinh-danh/2025/",
    "Thống kê": "thong-ke/",
    "Tìm kiếm": "tim-kiem/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
LABELS = {"performance": "Hiệu năng", "accessibility": "Tiếp cận", "best-practices": "Thực hành",
          "seo": "SEO"}
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                "--no-first-run --disable-background-networking --disable-component-update "
                "--disable-sync")


def build(site: Path) -> None:
    """The sample site as `make build` builds it (staged, then the engine), into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "guongsang.cli", "build", "--site-dir", str(site),
                    "--stage-dir", str(site.parent / "build")], cwd=ROOT, env=env, check=True)


def audit(url: str, out: Path, chrome: str) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": chrome}
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    report = json.loads(out.read_text("utf-8"))
    return {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}


def audit_median(url: str, out: Path, chrome: str, runs: int) -> dict[str, int]:
    """Median of ``runs`` audits per category (Lighthouse's own advice against run-to-run
    noise; performance depends on how busy the machine is). Keeps the median run's report."""
    results = []
    for n in range(runs):
        target = out.with_name(f"{out.stem}.{n}.json")
        results.append((audit(url, target, chrome), target))
    results.sort(key=lambda r: r[0]["performance"])
    scores = {c: sorted(r[0][c] for r in results)[len(results) // 2] for c in CATEGORIES}
    median_report = results[len(results) // 2][1]
    median_report.replace(out)
    for _, target in results:
        target.unlink(missing_ok=True)
    return scores


def failing_audits(out: Path, category: str) -> list[str]:
    """Titles of the audits that cost points in ``category`` (for the printout)."""
    report = json.loads(out.read_text("utf-8"))
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        a = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 0.9:
            lost.append(f"{a['id']} ({a.get('displayValue') or a['score']})")
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="trang đã dựng sẵn (mặc định: dựng trang mẫu)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--reports", type=Path, default=ROOT / "reports" / "lighthouse")
    parser.add_argument("--runs", type=int, default=3, help="số lần chấm mỗi trang (lấy trung vị)")
    parser.add_argument("pages", nargs="*", help="chỉ chấm các địa chỉ này (vd: ho-so/a/)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        parser.error("chưa có node_modules/.bin/lighthouse: hãy chạy `npm ci`")
    if not Path(args.chrome).exists():
        parser.error(f"không thấy Chromium ở {args.chrome}: sudo apt-get install chromium")

    with tempfile.TemporaryDirectory(prefix="guongsang-lh-") as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        base, server = serve(site, cache_control="max-age=600")
        pages = {p or "(trang chủ)": p for p in args.pages} if args.pages else PAGES
        args.reports.mkdir(parents=True, exist_ok=True)
        print(f"{'Trang':<22}" + "".join(f"{LABELS[c]:>11}" for c in CATEGORIES))
        print(f"{'(mục tiêu)':<22}" + "".join(
            f"{('≥' if TARGETS[c] < 100 else '') + str(TARGETS[c]):>11}" for c in CATEGORIES))
        below = []
        try:
            for name, path in pages.items():
                slug = path.strip("/").replace("/", "_") or "trang-chu"
                out = args.reports / f"{slug}.json"
                scores = audit_median(base + path, out, args.chrome, args.runs)
                print(f"{name:<22}" + "".join(f"{scores[c]:>11}" for c in CATEGORIES))
                for c in CATEGORIES:
                    if scores[c] < TARGETS[c]:
                        below.append(f"{name} – {LABELS[c]} {scores[c]} < {TARGETS[c]}: "
                                     + ", ".join(failing_audits(out, c)))
        finally:
            server.shutdown()
    if below:
        print("\nChưa đạt mục tiêu:\n  " + "\n  ".join(below))
        return 1
    print("\nMọi trang đạt mục tiêu.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
