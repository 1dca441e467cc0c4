"""Which addresses may be fetched: private, loopback and link-local ones only when allowed."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from detente.watch import FetchError, fetch, watch
from detente.watch.client import MAX_REDIRECTS, Fetcher
from detente.watch.safety import check_url, embedded_ipv4, is_public

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


# IPv6 forms that Python 3.11 calls global although they reach a private, loopback or link-local IPv4 address
# (or a range not for the internet).  Checked on the address itself and on a URL with the literal address,
# which getaddrinfo reads without asking any server: no test connects anywhere.
DISGUISED = [
    ("::127.0.0.1", "IPv4-compatible loopback"),
    ("::ffff:0:7f00:1", "IPv4-translated loopback"),
    ("::ffff:169.254.169.254", "IPv4-mapped metadata address"),
    ("64:ff9b::7f00:1", "NAT64 of loopback"),
    ("64:ff9b::a9fe:a9fe", "NAT64 of the cloud metadata address"),
    ("64:ff9b::a00:1", "NAT64 of 10.0.0.1"),
    ("64:ff9b:1::a9fe:a9fe", "local-use NAT64 prefix"),
    ("64:ff9b:1:ffff::808:808", "local-use NAT64 prefix, even of a public address"),
    ("2002:a9fe:a9fe::", "6to4 of the metadata address"),
    ("2002:7f00:1::1", "6to4 of loopback"),
    ("2002:c0a8:1::", "6to4 of 192.168.0.1"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"),
    ("2001:0:a9fe:a9fe::1", "Teredo with the metadata address as its server"),
    ("fec0::1", "site-local"),
    ("fec0:1234::5", "site-local"),
]


@pytest.mark.parametrize("text, form", DISGUISED, ids=[form for _, form in DISGUISED])
def test_ipv6_forms_of_private_addresses_are_refused(text, form):
    assert not is_public(ipaddress.ip_address(text))
    with pytest.raises(FetchError, match="non-public address"):
        check_url(f"http://[{text}]/latest/meta-data")


@pytest.mark.parametrize("text", ["2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8",
                                  "64:ff9b::808:808", "2002:808:808::1", "93.184.215.14"])
def test_public_addresses_and_their_ipv6_forms_pass(text):
    assert is_public(ipaddress.ip_address(text))


@pytest.mark.parametrize("text, inner", [
    ("::ffff:10.1.2.3", ["10.1.2.3"]), ("::ffff:0:10.1.2.3", ["10.1.2.3"]), ("::10.1.2.3", ["10.1.2.3"]),
    ("64:ff9b::10.1.2.3", ["10.1.2.3"]), ("2002:a01:203::", ["10.1.2.3"]),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", ["65.54.227.120", "192.0.2.45"]),
    ("2606:4700:4700::1111", []),
])
def test_the_ipv4_addresses_an_ipv6_address_carries(text, inner):
    assert [str(a) for a in embedded_ipv4(ipaddress.ip_address(text))] == inner


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "example.org/feed", "http:///x"])
def test_only_http_addresses_are_fetched(url):
    with pytest.raises(FetchError, match="not an http"):
        check_url(url, allow_private=True)


def test_a_public_address_passes():
    check_url("http://93.184.215.14/feed")


def test_a_redirect_to_a_private_address_is_refused_and_named_with_the_address_that_led_there():
    def answer(request):
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data"})

    fetcher = Fetcher(transport=httpx.MockTransport(answer), min_interval=0)
    with pytest.raises(FetchError, match="169.254.169.254") as refused:
        fetcher.get("http://93.184.215.14/article")
    assert str(refused.value).startswith("http://93.184.215.14/article: redirected to "
                                         "http://169.254.169.254/latest/meta-data: refused")


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
