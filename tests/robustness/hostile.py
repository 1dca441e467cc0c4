"""The hostile inputs tried on the readers and on `detente code`, each with the outcome it must have.

``CASES`` is the table ``docs/robustness.md`` describes: (file name, bytes, outcome) where the outcome is
``DOCUMENT`` (read as a document, to be coded) or the ``InputError`` class and a part of its one-line message.
The article text is our own.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

ARTICLE = ("Russia expels British diplomats\n\nMOSCOW, March 17, 2018 — Russia expelled 23 British diplomats on "
           "Saturday and ordered the British Council to close, the Foreign Ministry said.\n")
PAGE = (f"<html><head><title>Russia expels British diplomats</title></head><body><article><p>{ARTICLE}</p>"
        "</article></body></html>")
DOCUMENT = "document"
# The size limit the table is read with: small, so that "huge" inputs stay quick to make.
MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    outcome: str  # DOCUMENT, or the name of the InputError class
    message: str = ""  # a part of the one-line message
    documents: int = 0  # documents read before the error (an archive cut short)


def warc(records: list[tuple[str, str, bytes, str]], *, compress: bool = False) -> bytes:
    """A WARC archive of (type, address, body, content type) records; compressed, one gzip member per record."""
    out = b""
    for number, (kind, url, body, content_type) in enumerate(records):
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode()
        block = http + body if kind == "response" else body
        fields = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2021-04-17T10:00:00Z\r\n"
                  f"WARC-Record-ID: <urn:uuid:{number}>\r\nContent-Type: "
                  f"{'application/http; msgtype=response' if kind == 'response' else content_type}\r\n"
                  f"Content-Length: {len(block)}\r\n\r\n").encode()
        record = fields + block + b"\r\n\r\n"
        out += gzip.compress(record) if compress else record
    return out


def gzip_bomb(expanded: int) -> bytes:
    """A .warc.gz of one response record whose body is ``expanded`` bytes of spaces, about 1000 times smaller:
    the same gzip member of 10 MB of spaces, repeated (readers must take a stream of members)."""
    header = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/page\r\n"
              f"WARC-Date: 2021-04-17T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
              f"Content-Type: application/http; msgtype=response\r\nContent-Length: {expanded + 44}\r\n\r\n"
              "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n").encode()
    spaces = gzip.compress(b" " * _BOMB_CHUNK, compresslevel=9)
    return gzip.compress(header) + spaces * (expanded // _BOMB_CHUNK)


_BOMB_CHUNK = 10_000_000
PAGES = [("response", f"http://a.example/{number}", PAGE.replace("23", str(number)).encode(), "text/html")
         for number in (1, 2)]


def _nested_json(depth: int) -> str:
    return '{"text": ' + "[" * depth + "]" * depth + "}"


CASES = [
    Case("empty.txt", b"", "EmptyInputError", "the input is empty or only whitespace"),
    Case("whitespace.txt", " \n\t\r\n \u3000 \n".encode(), "EmptyInputError", "empty or only whitespace"),
    Case("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "BinaryInputError",
         "NUL bytes found"),
    Case("program.txt", b"\x7fELF\x02\x01\x01" + bytes(60), "BinaryInputError", "NUL bytes found"),
    Case("nul-inside.txt", ARTICLE.encode() + b"\x00tail", "BinaryInputError", "NUL bytes found"),
    Case("controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "BinaryInputError", "control characters"),
    Case("invalid-utf8.txt", ARTICLE.encode() + b" \xff\xfe\xc3\x28 caf\xe9", DOCUMENT),
    Case("utf16-bom.txt", ("Saved as UTF-16. " + ARTICLE).encode("utf-16"), DOCUMENT),
    Case("utf16-no-bom.txt", ARTICLE.encode("utf-16-le"), "BinaryInputError",
         "NUL bytes found: this looks like UTF-16 without a byte order mark; re-save the file as UTF-8"),
    Case("utf16-be-no-bom.txt", ARTICLE.encode("utf-16-be"), "BinaryInputError", "looks like UTF-16 without"),
    Case("utf16-bom-odd.txt", ARTICLE.encode("utf-16") + b"\x00", "DecodingError", "UTF-16 byte order mark"),
    Case("latin1.txt", ("Café au Kremlin. " + ARTICLE).encode("latin-1", "replace"), DOCUMENT),
    Case("rtl-and-joiners.txt", "\u202eRussia expelled\u200d 23\u200b British\u200f diplomats.\u202c\n".encode(),
         DOCUMENT),
    Case("too-large.txt", b"Russia expelled diplomats. " * (MAX_BYTES // 20), "TooLargeError",
         "is over the limit of 2,000,000 bytes"),
    Case("long-word.txt", ("Russia expelled " + "x" * 150_000 + " diplomats.\n").encode(), DOCUMENT),
    Case("nested.html", ("<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000).encode(),
         "EmptyInputError", "the page holds no article text"),
    Case("malformed.html", f"<html><body><p>{ARTICLE}<b>23 <i>British</p></div></span><<<>>>&&&;<p".encode(),
         DOCUMENT),
    Case("script-only.html", b"<html><head><script>var a = 'Russia expelled 23 diplomats';</script><style>p{}"
                             b"</style></head><body></body></html>", "EmptyInputError", "no article text"),
    Case("broken-line.jsonl", b'{"id": "x", "text": "Russia expel\n', "FormatError", ":1: invalid JSON"),
    Case("not-an-object.jsonl", b"[1, 2, 3]\n", "FormatError", ':1: expected an object with a "text" field'),
    Case("text-a-number.jsonl", b'{"text": 5}\n', "FormatError", '"text" must be the article as a string'),
    Case("wrong-types.jsonl", json.dumps({"text": ARTICLE, "date": 12345, "id": ["a"], "title": {"x": 1},
                                          "source": False}).encode(), DOCUMENT),
    Case("huge-number.jsonl", b'{"text": "Russia expelled 23 diplomats.", "id": 1' + b"0" * 5000 + b"}\n",
         "FormatError", "JSON number too long to read"),
    Case("huge-float.jsonl", b'{"text": "Russia expelled 23 diplomats.", "id": 1e999}\n', DOCUMENT),
    Case("deep.jsonl", ("[" * 100_000 + "]" * 100_000).encode(), "FormatError", ":1: JSON nested too deeply"),
    Case("deep.json", _nested_json(100_000).encode(), "FormatError", "JSON nested too deeply"),
    Case("truncated.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n",
         "FormatError", "a malformed WARC record"),
    Case("not-a-warc.warc", b"plain text, not an archive\n", "FormatError", "holds no WARC records"),
    Case("not-gzip.warc.gz", b"\x1f\x8b plain bytes after a gzip signature", "FormatError",
         "a corrupt compressed archive"),
    Case("cut-gzip.warc.gz", warc(PAGES, compress=True)[:-200], "FormatError",
         "the compressed archive is cut short (the pages before the cut were read)", documents=1),
    Case("no-pages.warc", warc([("resource", "http://a.example/1", PAGE.encode(), "text/html"),
                                ("response", "http://a.example/2.png", b"\x89PNG", "image/png")]),
         "FormatError", "no archived HTML page"),
    Case("one-page.warc.gz", warc([("response", "http://a.example/1", PAGE.encode(), "text/html")],
                                  compress=True), DOCUMENT),
    Case("gzip-bomb.warc.gz", gzip_bomb(150_000_000), "TooLargeError", "decompresses to over 100,000,000 bytes"),
]
