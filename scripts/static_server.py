"""A local static server for measuring a built site as a real host serves it.

Used by scripts/lighthouse.py and scripts/search_weight.py. Text files are sent
gzip-compressed, as GitHub Pages and most hosts do: without it, Lighthouse and the search
weight would measure a host nobody uses (Material's stylesheet alone is 130 KB uncompressed,
about 20 KB gzipped). Pagefind's own index files are compressed already and go as they are.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path
from typing import ClassVar


class _Handler(http.server.SimpleHTTPRequestHandler):
    COMPRESS: ClassVar[set[str]] = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
    compress = True
    cache_control: str | None = None

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (self.compress and path.suffix in self.COMPRESS and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            if self.cache_control:
                self.send_header("Cache-Control", self.cache_control)
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path, *, compress: bool = True,
          cache_control: str | None = None) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``site`` from 127.0.0.1 in a daemon thread; returns (base URL, server)."""
    handler = type("Handler", (_Handler,), {"compress": compress, "cache_control": cache_control})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
