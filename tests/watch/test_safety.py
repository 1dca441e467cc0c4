"""Which addresses may be fetched: private, loopback and link-local ones only when allowed."""

from __future__ import annotations

import httpx
import pytest

from detente.watch import FetchError, fetch, watch
from detente.watch.client import MAX_REDIRECTS, Fetcher
from detente.watch.safety import check_url

from .conftest import LOCAL
from .pages import PRAGUE, article, rss


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/feed", "http://localhost/feed", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fe80::1]/",
    "http://0.0.0.0/",
])
def test_private_addresses_are_refused(url):
    with pytest.raises(FetchError, match="allow-private"):
        check_url(url)
    check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "example.org/feed", "http:///x"])
def test_only_http_addresses_are_fetched(url):
    with pytest.raises(FetchError, match="not an http"):
        check_url(url, allow_private=True)


def test_a_public_address_passes():
    check_url("http://93.184.215.14/feed")


def test_a_redirect_to_a_private_address_is_refused():
    def answer(request):
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data"})

    fetcher = Fetcher(transport=httpx.MockTransport(answer), min_interval=0)
    with pytest.raises(FetchError, match="169.254.169.254"):
        fetcher.get("http://93.184.215.14/article")


def test_redirects_are_limited():
    def answer(request):
        step = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"Location": f"/{step + 1}"})

    fetcher = Fetcher(transport=httpx.MockTransport(answer), min_interval=0)
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetcher.get("http://93.184.215.14/0")


def test_a_streamed_body_is_cut_at_max_bytes():
    def answer(request):
        return httpx.Response(200, content=iter([b"x" * 1000] * 10))

    fetcher = Fetcher(transport=httpx.MockTransport(answer), min_interval=0, max_bytes=5000)
    with pytest.raises(FetchError, match="stopped reading"):
        fetcher.get("http://93.184.215.14/big")


def test_the_local_server_is_refused_without_allow_private(site, store):
    feed = site.page("/feed.xml", rss("Wire", [("p", site.page("/prague", article(PRAGUE)))]))
    report = watch([feed], store, once=True)
    assert "non-public address 127.0.0.1" in str(report.failures[0])
    assert fetch([site.url("/prague")], store).failures
    assert site.requests == []
    assert fetch([site.url("/prague")], store, limits=LOCAL).pages == 1


def test_a_trickling_body_times_out(monkeypatch):
    clock = iter(range(0, 1000, 5))
    monkeypatch.setattr("detente.watch.client.time.monotonic", lambda: next(clock))

    def answer(request):
        return httpx.Response(200, content=iter([b"x"] * 100))

    fetcher = Fetcher(transport=httpx.MockTransport(answer), min_interval=0, timeout=10)
    with pytest.raises(FetchError, match="took over 30 seconds"):
        fetcher.get("http://93.184.215.14/slow")


def test_requests_to_one_host_are_spaced(monkeypatch):
    clock = {"now": 100.0}
    slept = []
    monkeypatch.setattr("detente.watch.client.time.monotonic", lambda: clock["now"])
    monkeypatch.setattr("detente.watch.client.time.sleep", slept.append)
    fetcher = Fetcher(transport=httpx.MockTransport(lambda request: httpx.Response(200, content=b"ok")),
                      min_interval=2.0)
    fetcher.get("http://93.184.215.14/a")
    fetcher.get("http://93.184.215.15/b")
    clock["now"] += 0.5
    fetcher.get("http://93.184.215.14/c")
    assert slept == [1.5]
