"""HTTP for feeds and pages: safe addresses, conditional GET, size and time limits, polite pacing.

Redirects are followed by hand so that every target is checked
(``safety.check_url``); at most ``MAX_REDIRECTS``, and a loop is refused; a
refused target is named with the address that led to it.  Bodies are
streamed and refused past ``max_bytes``.  Requests to one host are spaced by
at least ``min_interval`` seconds.

Two time limits: ``timeout`` bounds each connection and each read (the wait
for the next bytes); ``deadline`` (default ``TOTAL_TIMEOUTS`` × ``timeout``)
bounds the whole fetch, redirects included, from connect to last byte.  The
deadline is kept by the sockets themselves (``_DeadlineBackend``): each wait
is cut to the time left, so a server that trickles its headers or its body a
byte at a time cannot hold a poll past it.  Name resolution and a TLS
handshake trickled a byte at a time are bounded by ``timeout`` per read only.
httpx errors become ``FetchError`` here, at the boundary, each naming the
address.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .errors import FetchError
from .safety import check_url

MAX_REDIRECTS = 5
TOTAL_TIMEOUTS = 3
USER_AGENT = "detente-watch (+https://example.org/detente)"


@dataclass(frozen=True)
class Response:
    """What a GET returned: the final address, the body (empty when not modified) and validators."""

    url: str
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)  # every response header, names in lower case

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client with the limits of a watch run."""

    def __init__(self, *, allow_private: bool = False, max_bytes: int = 20_000_000, timeout: float = 10.0,
                 deadline: float | None = None, min_interval: float = 1.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.min_interval = min_interval
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else timeout * TOTAL_TIMEOUTS
        self._clock = _Clock()
        self._last_request: dict[str, float] = {}
        self._client = httpx.Client(timeout=timeout, follow_redirects=False,
                                    transport=transport or _DeadlineTransport(self._clock),
                                    headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when validators are given); ``FetchError`` on any failure."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [url]
        current = url
        while True:
            self._check(url, current)
            self._pace(current)
            if len(seen) == 1:
                self._clock.start(self.deadline)
            try:
                with self._client.stream("GET", current, headers=headers) as response:
                    if response.has_redirect_location:
                        target = urljoin(current, response.headers.get("Location", ""))
                        if target in seen:
                            raise FetchError(url, f"redirect loop ({' → '.join(seen + [target])})")
                        if len(seen) > MAX_REDIRECTS:
                            raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")
                        seen.append(target)
                        current = target
                        continue
                    if response.status_code == 304:
                        return Response(current, 304, b"", etag, last_modified)
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                    body = self._read(url, response)
                    return Response(current, response.status_code, body, response.headers.get("ETag"),
                                    response.headers.get("Last-Modified"), response.headers.get("Content-Type"),
                                    {name.lower(): value for name, value in response.headers.items()})
            except httpx.TimeoutException as error:
                raise FetchError(url, self._late(error)) from error
            except httpx.HTTPError as error:
                raise FetchError(url, f"request failed ({type(error).__name__}: {error})") from error

    def _check(self, url: str, current: str) -> None:
        """``check_url`` on each address; a refused redirect target is named with the address that led to it."""
        if current == url:
            check_url(url, allow_private=self.allow_private)
            return
        try:
            check_url(current, allow_private=self.allow_private)
        except FetchError as error:
            raise FetchError(url, f"redirected to {current}: {error.reason}") from None

    def _late(self, error: httpx.TimeoutException) -> str:
        if self._clock.past():
            return f"timed out (the fetch took over {self.deadline:g} seconds, --deadline)"
        return f"timed out ({type(error).__name__}: no answer within {self.timeout:g} seconds, --timeout)"

    def _read(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdecimal() and int(declared) > self.max_bytes:
            raise FetchError(url, f"larger than max_bytes ({declared} > {self.max_bytes} bytes)")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            if self._clock.past():  # the sockets keep the deadline too; this catches a transport that does not
                raise FetchError(url, f"timed out (the fetch took over {self.deadline:g} seconds, --deadline)")
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"larger than max_bytes ({self.max_bytes} bytes); stopped reading")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.min_interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()


class _Clock:
    """The deadline of the fetch under way (a fetcher does one at a time)."""

    def __init__(self) -> None:
        self.end: float | None = None

    def start(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def past(self) -> bool:
        return self.end is not None and time.monotonic() >= self.end

    def cut(self, timeout: float | None, late: type[Exception]) -> float | None:
        """``timeout`` cut to the time left; ``late`` raised when none is left."""
        if self.end is None:
            return timeout
        left = self.end - time.monotonic()
        if left <= 0:
            raise late("the fetch's deadline has passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every wait ends by the deadline of the fetch under way."""

    def __init__(self, stream: httpcore.NetworkStream, clock: _Clock) -> None:
        self._stream = stream
        self._clock = clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._clock.cut(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._clock.cut(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        secure = self._stream.start_tls(ssl_context, server_hostname, self._clock.cut(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(secure, self._clock)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, with connections that keep the fetch's deadline."""

    def __init__(self, backend: httpcore.NetworkBackend, clock: _Clock) -> None:
        self._backend = backend
        self._clock = clock

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, self._clock.cut(timeout, httpcore.ConnectTimeout),
                                           local_address=local_address, socket_options=socket_options)
        return _DeadlineStream(stream, self._clock)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options=None) -> httpcore.NetworkStream:  # pragma: no cover - not used
        stream = self._backend.connect_unix_socket(path, self._clock.cut(timeout, httpcore.ConnectTimeout),
                                                   socket_options=socket_options)
        return _DeadlineStream(stream, self._clock)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over ``_DeadlineBackend``.

    httpx offers no total timeout and no way to pass a network backend, so the backend of the transport's
    connection pool is wrapped; ``tests/watch/test_deadline.py`` fails if an upgrade of httpx or httpcore
    breaks this.
    """

    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self._pool._network_backend = _DeadlineBackend(self._pool._network_backend, clock)
