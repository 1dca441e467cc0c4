"""A local HTTP server on 127.0.0.1 serving the feeds and pages a test writes."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from detente.store import Store
from detente.watch import Limits


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0


class Site:
    """Routes by path, and a log of the requests (path, status answered)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, int]] = []
        self.posted: list[bytes] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **kwargs) -> str:
        self.routes[path] = Route(html.encode("utf-8"), **kwargs)
        return self.url(path)

    def hits(self, path: str) -> list[int]:
        return [status for requested, status in self.requests if requested == path]


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            route = site.routes.get(self.path)
            if route is None:
                return self._answer(404, b"not found", {})
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                return self._answer(304, b"", {"ETag": route.etag})
            modified = route.headers.get("Last-Modified")
            if modified and self.headers.get("If-Modified-Since") == modified:
                return self._answer(304, b"", {})
            headers = {"Content-Type": route.content_type, **route.headers}
            if route.etag:
                headers["ETag"] = route.etag
            return self._answer(route.status, route.body, headers)

        def do_POST(self):  # noqa: N802 - the name http.server calls
            site.posted.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            return self._answer(204, b"", {})

        def _answer(self, status, body, headers):
            site.requests.append((self.path, status))
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status not in (204, 304):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status not in (204, 304):
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "watch.sqlite") as opened:
        yield opened


LOCAL = Limits(allow_private=True, timeout=2.0, min_interval=0.0)
