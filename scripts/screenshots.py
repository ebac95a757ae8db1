#!/usr/bin/env python3
"""Screenshots of every page kind at phone and desktop width, for a person to look at.

    make screenshots                          # builds the sample site, then shoots it
    python scripts/screenshots.py --site site/ --out screenshots/ ho-so-co-anh

Each page of ``scripts/page_kinds.py`` is opened in Debian's Chromium (Playwright with
``executable_path``, never ``playwright install``) at 390 × 844 (a phone, touch, 3× pixels
scaled down to 1×) and at 1366 × 768 (a laptop), and saved twice: the first screen as the
reader sees it on arrival (``…-390-dau.png``) and the whole page (``…-390.png``). Nothing is
requested from outside 127.0.0.1 (other requests are blocked and listed at the end).
The folder's ``index.html`` shows all pictures side by side.
"""
from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from page_kinds import PAGE_KINDS
from static_server import serve

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 768}}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def build(site: Path) -> None:
    """The sample site as `make build` builds it (staged, then the engine), into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "guongsang.cli", "build", "--site-dir", str(site),
                    "--stage-dir", str(site.parent / "build")], cwd=ROOT, env=env, check=True)


def shoot(base: str, pages: dict[str, str], out: Path, chrome: str) -> list[str]:
    """Write the PNGs; returns the requests that were blocked (should be none)."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def route(r) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort("blockedbyclient")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chrome, args=CHROMIUM_ARGS)
        for width, viewport in WIDTHS.items():
            phone = width == "390"
            context = browser.new_context(viewport=viewport, locale="vi-VN", is_mobile=phone,
                                          has_touch=phone, device_scale_factor=1)
            context.route("**/*", route)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path, wait_until="networkidle")
                # The first screen as it arrives, before any interaction loads Material's
                # script (assets/theme/lazy-bundle.js) and its header animation starts.
                page.screenshot(path=out / f"{name}-{width}-dau.png")
                # Lazy images below the first screen: scroll through, then back to the top.
                page.evaluate("""async () => { for (let y = 0; y < document.body.scrollHeight;
                    y += innerHeight) { scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); }
                    scrollTo(0, 0); }""")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(400)  # the header's title transition after scrolling
                page.screenshot(path=out / f"{name}-{width}.png", full_page=True)
                print(f"  {name}-{width}.png")
            context.close()
        browser.close()
    return blocked


def write_index(out: Path, pages: dict[str, str]) -> None:
    rows = "".join(
        f"<section><h2>{html.escape(name)} <small>/{html.escape(path)}</small></h2>"
        + "".join(f'<a href="{name}-{w}.png"><img src="{name}-{w}-dau.png" alt="{name} {w} px" '
                  f'loading="lazy"></a>' for w in WIDTHS)
        + "</section>" for name, path in pages.items())
    (out / "index.html").write_text(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Ảnh chụp các trang</title>'
        "<style>body{font-family:sans-serif} img{max-height:420px;border:1px solid #ccc;"
        "margin:0 .5rem .5rem 0;vertical-align:top}</style><h1>Ảnh chụp các trang</h1>"
        f"<p>Màn hình đầu tiên; bấm vào ảnh để xem cả trang.</p>{rows}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="trang đã dựng sẵn (mặc định: dựng trang mẫu)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots",
                        help="thư mục lưu ảnh (mặc định: screenshots/)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("pages", nargs="*", help=f"chỉ chụp các trang này ({', '.join(PAGE_KINDS)})")
    args = parser.parse_args(argv)
    unknown = [p for p in args.pages if p not in PAGE_KINDS]
    if unknown:
        parser.error(f"không có loại trang: {', '.join(unknown)}")
    if not Path(args.chrome).exists():
        parser.error(f"không thấy Chromium ở {args.chrome}: sudo apt-get install chromium")
    pages = {k: PAGE_KINDS[k] for k in args.pages} if args.pages else PAGE_KINDS
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="guongsang-shots-") as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        base, server = serve(site)
        try:
            blocked = shoot(base, pages, args.out, args.chrome)
        finally:
            server.shutdown()
    write_index(args.out, pages)
    print(f"Đã lưu {2 * len(pages) * len(WIDTHS)} ảnh vào {args.out}/ (xem {args.out}/index.html).")
    if blocked:
        print("Yêu cầu tới máy khác đã bị chặn:\n  " + "\n  ".join(sorted(set(blocked))))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
