"""WARC archives: HTML response records become documents; other records are skipped."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.errors import InputError
from detente.ingest.warc import is_warc, read_warc

from .pages import MOSCOW, PRAGUE, article


def _archive(path, records):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, kind, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers, length=len(body)))


def test_html_responses_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _archive(path, [("https://news.example.org/2021/prague", "text/html; charset=utf-8", article(PRAGUE).encode()),
                    ("https://news.example.org/logo.png", "image/png", b"\x89PNG"),
                    ("https://news.example.org/2021/moscow", "text/html", article(MOSCOW).encode()),
                    ("https://news.example.org/empty", "text/html", b"<html><body></body></html>")])
    assert is_warc(str(path))
    found = list(read_warc(str(path)))
    documents = [item for item in found if not isinstance(item, InputError)]
    assert [d.id for d in documents] == ["news.example.org-2021-prague", "news.example.org-2021-moscow"]
    assert documents[0].title == PRAGUE[0]
    assert str(documents[0].date) == "2021-04-17"
    assert [type(item).__name__ for item in found if isinstance(item, InputError)] == ["EmptyInputError"]


def test_a_broken_archive_is_one_error(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    (error,) = read_warc(str(path))
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}: ")


def test_detente_code_reads_archives(tmp_path):
    """`read_inputs` (and so `detente code`) takes WARC archives, also from folders."""
    from detente.ingest import read_inputs

    archive = tmp_path / "crawl.warc.gz"
    _archive(archive, [("https://news.example.org/2021/prague", "text/html", article(PRAGUE).encode())])
    documents = list(read_inputs([str(tmp_path)]))
    assert [d.id for d in documents] == ["news.example.org-2021-prague"]
