"""One deadline per fetch, from connect to last byte: servers on 127.0.0.1 that trickle their headers or body."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from click.testing import CliRunner

from detente.cli import PARTIAL_FAILURE, main
from detente.watch import FetchError, Limits
from detente.watch.client import TOTAL_TIMEOUTS, Fetcher

HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"


class Trickle:
    """A server on 127.0.0.1 that answers every request a byte every ``pause`` seconds: the headers when
    ``headers_too``, else the headers at once and then the body."""

    def __init__(self, pause: float, *, headers_too: bool) -> None:
        self.pause = pause
        self.headers_too = headers_too
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/page"
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                if not self.headers_too:
                    connection.sendall(HEADERS)
                for byte in (HEADERS if self.headers_too else b"x" * 100_000):
                    if self.stopped.wait(self.pause):
                        return
                    connection.sendall(bytes([byte]))
            except OSError:
                return

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.fixture(params=[True, False], ids=["headers", "body"])
def trickle(request):
    server = Trickle(0.2, headers_too=request.param)
    yield server
    server.close()


def test_a_trickling_server_is_cut_off_at_the_deadline(trickle):
    fetcher = Fetcher(allow_private=True, timeout=1.0, deadline=1.5, min_interval=0)
    began = time.monotonic()
    with pytest.raises(FetchError, match=r"took over 1.5 seconds, --deadline"):
        fetcher.get(trickle.url)
    assert time.monotonic() - began < 2.5
    fetcher.close()


def test_the_deadline_is_a_few_timeouts_by_default():
    assert Fetcher(timeout=4.0).deadline == 4.0 * TOTAL_TIMEOUTS
    assert Fetcher(timeout=4.0, deadline=7.0).deadline == 7.0
    assert Limits().deadline is None


def test_a_server_that_sends_nothing_is_a_timeout_not_a_deadline():
    listener = socket.create_server(("127.0.0.1", 0))  # accepts (in the kernel's backlog), never answers
    fetcher = Fetcher(allow_private=True, timeout=0.5, deadline=10, min_interval=0)
    began = time.monotonic()
    with pytest.raises(FetchError, match=r"no answer within 0.5 seconds, --timeout"):
        fetcher.get(f"http://127.0.0.1:{listener.getsockname()[1]}/")
    assert time.monotonic() - began < 2
    listener.close()
    fetcher.close()


def test_fetch_on_a_server_that_trickles_headers_ends_within_its_deadline(tmp_path):
    server = Trickle(0.2, headers_too=True)
    try:
        began = time.monotonic()
        result = CliRunner().invoke(main, ["fetch", server.url, "--db", str(tmp_path / "x.sqlite"), "--allow-private",
                                           "--timeout", "1", "--deadline", "2", "--min-interval", "0"])
        took = time.monotonic() - began
    finally:
        server.close()
    assert result.exit_code == PARTIAL_FAILURE
    assert f"error: {server.url}: timed out (the fetch took over 2 seconds, --deadline)" in result.stderr
    assert took < 4


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_deadlines_and_timeouts_must_be_numbers_of_seconds(tmp_path, value):
    for option in ("--deadline", "--timeout"):
        result = CliRunner().invoke(main, ["fetch", "http://127.0.0.1:9/", "--db", str(tmp_path / "x.sqlite"),
                                           option, value])
        assert result.exit_code == 2 and "Invalid value" in result.output
