"""A static file server for tests, behaving like a static host (GitHub Pages, nginx):
directory URLs serve index.html, missing paths get /404.html with status 404, and text
files are sent gzip-compressed to browsers that accept it (so measured bytes are real)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import socket
import sys
import threading
from pathlib import Path


# Types a static host compresses (GitHub Pages and nginx's usual gzip_types).
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
              "image/svg+xml", "text/javascript")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or not ctype.startswith(GZIP_TYPES)):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):  # keep test output quiet
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes its tab mid-download (a test ending while a lazy request is in
        # flight) is normal for a web server; anything else is still printed.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None):
    """Serve `directory` on a free loopback port, sending `headers` with every response;
    yields the base URL."""
    port = free_port()
    handler_class = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
