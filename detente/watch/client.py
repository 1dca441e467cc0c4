"""HTTP for feeds and pages: safe addresses, conditional GET, size and time limits, polite pacing.

Redirects are followed by hand so that every target is checked
(``safety.check_url``); at most ``MAX_REDIRECTS``, and a loop is refused.
Bodies are streamed and refused past ``max_bytes``.  Requests to one host
are spaced by at least ``min_interval`` seconds.  ``timeout`` bounds each
connection and read; a whole body must arrive within ``TOTAL_TIMEOUTS``
times it, so a server trickling bytes cannot hold a poll forever.  httpx errors become
``FetchError`` here, at the boundary, each naming the address.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

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

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client with the limits of a watch run."""

    def __init__(self, *, allow_private: bool = False, max_bytes: int = 20_000_000, timeout: float = 10.0,
                 min_interval: float = 1.0, transport: httpx.BaseTransport | None = None) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.min_interval = min_interval
        self.timeout = timeout
        self._last_request: dict[str, float] = {}
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
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
            check_url(current, allow_private=self.allow_private)
            self._pace(current)
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
                                    response.headers.get("Last-Modified"), response.headers.get("Content-Type"))
            except httpx.TimeoutException as error:
                raise FetchError(url, f"timed out ({type(error).__name__})") from error
            except httpx.HTTPError as error:
                raise FetchError(url, f"request failed ({type(error).__name__}: {error})") from error

    def _read(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdecimal() and int(declared) > self.max_bytes:
            raise FetchError(url, f"larger than max_bytes ({declared} > {self.max_bytes} bytes)")
        chunks, size = [], 0
        deadline = time.monotonic() + self.timeout * TOTAL_TIMEOUTS
        for chunk in response.iter_bytes():
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out (the body took over {self.timeout * TOTAL_TIMEOUTS:g} seconds)")
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
