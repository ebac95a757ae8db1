#!/usr/bin/env python3
"""How much one search downloads: type queries on tim-kiem/ of a built site, sum the bytes.

    python scripts/search_weight.py site/                 # the usual queries
    python scripts/synthetic.py /tmp/gs-5000 --profiles 5000 && (cd /tmp/gs-5000 && mkdocs build)
    python scripts/search_weight.py /tmp/gs-5000/site "tran van" "Thủy"

Each query runs in a fresh browser context (nothing cached), after the search page itself has
loaded; every response from then on counts, headers included (Pagefind's script, WebAssembly,
metadata, index chunks and the fragments of the results shown). Text files are sent gzipped,
as GitHub Pages does; --no-gzip measures the worst case of a host that compresses nothing. Exits 1 if a query needs more than --limit KB.
Uses Debian's /usr/bin/chromium through Playwright (never `playwright install`).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from static_server import serve

QUERIES = ["nguyen", "nguyen van", "dang", "thuy", "Thủy", "tran thi thuy", "le"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def measure(site: Path, queries: list[str], chromium: str,
            compress: bool) -> list[tuple[str, int, int, str]]:
    """(query, bytes over the wire, requests, status line) per query."""
    from playwright.sync_api import sync_playwright

    base, server = serve(site, compress=compress)
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + "tim-kiem/", wait_until="networkidle")
                sizes: list[int] = []

                def record(request, sizes=sizes) -> None:
                    try:
                        s = request.sizes()
                        sizes.append(s["responseBodySize"] + s["responseHeadersSize"])
                    except Exception:  # noqa: BLE001, S110 - a request whose page is gone
                        pass

                page.on("requestfinished", record)
                page.fill("#gs-search-q", query)
                page.press("#gs-search-q", "Enter")
                page.wait_for_function(
                    "q => document.querySelector('[data-gs-search-status]').textContent"
                    ".includes('«' + q + '»')", arg=query)
                page.wait_for_load_state("networkidle")
                status = page.inner_text("[data-gs-search-status]")
                page.remove_listener("requestfinished", record)
                rows.append((query, sum(sizes), len(sizes), status))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="thư mục trang đã dựng (có pagefind/)")
    parser.add_argument("queries", nargs="*", default=QUERIES)
    parser.add_argument("--limit", type=float, default=300, help="KB tối đa cho một lần tìm")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--no-gzip", action="store_true",
                        help="gửi mọi tệp không nén (mặc định nén như GitHub Pages)")
    args = parser.parse_args(argv)
    if not (args.site / "pagefind" / "pagefind.js").is_file():
        parser.error(f"{args.site} chưa có chỉ mục tìm kiếm (pagefind/); hãy dựng trang trước")
    pages = len(list((args.site / "pagefind" / "fragment").glob("*.pf_fragment")))
    print(f"Trang trong chỉ mục: {pages}")
    print(f"{'Truy vấn':<18} {'KB':>7} {'Yêu cầu':>8}  Kết quả")
    worst = 0
    how = "không nén" if args.no_gzip else "nén gzip như GitHub Pages"
    print(f"Máy chủ: {how}; tính cả tiêu đề HTTP")
    for query, size, count, status in measure(args.site, args.queries, args.chromium,
                                              not args.no_gzip):
        worst = max(worst, size)
        print(f"{query:<18} {size / 1024:>7.1f} {count:>8}  {status}")
    print(f"Nhiều nhất: {worst / 1024:.1f} KB (giới hạn {args.limit:.0f} KB)")
    return 0 if worst <= args.limit * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
