import codecs
import io
import random

import pytest

from detente.errors import BinaryInputError, DecodingError, EmptyInputError, InputError, TooLargeError
from detente.ingest import decode as decode_module
from detente.ingest.decode import check_text, decode, read_file, read_stream

FRENCH = "Le ministre a déclaré à Genève que la décision était très regrettable, à cause de l'été."
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
# High bytes in no order a text encoding would produce: no encoding reads them as text.
_RANDOM = random.Random(7)
NOISE = bytes(_RANDOM.randrange(0x80, 0x100) for _ in range(200))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Moscow expelled ten diplomats.", "Moscow expelled ten diplomats.", id="ascii"),
        pytest.param("Zürich talks — “parity”".encode(), "Zürich talks — “parity”", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + "Genève".encode(), "Genève", id="utf-8 with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + "Genève talks".encode("utf-16-le"), "Genève talks", id="utf-16-le BOM"),
        pytest.param(codecs.BOM_UTF16_BE + "Genève talks".encode("utf-16-be"), "Genève talks", id="utf-16-be BOM"),
        pytest.param("Genève talks".encode("utf-16"), "Genève talks", id="utf-16 native BOM"),
        pytest.param(codecs.BOM_UTF32_LE + "Genève".encode("utf-32-le"), "Genève", id="utf-32-le BOM"),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, id="latin-1"),
        pytest.param("Señor Martínez, año, mañana.".encode("latin-1"), "Señor Martínez, año, mañana.", id="latin-1 short"),
        pytest.param(
            "The minister said “no” – twice, and “never” again.".encode("cp1252"),
            "The minister said “no” – twice, and “never” again.",
            id="windows-1252 quotes",
        ),
        pytest.param(
            "Министерство иностранных дел России заявило о высылке дипломатов.".encode("cp1251"),
            "Министерство иностранных дел России заявило о высылке дипломатов.",
            id="windows-1251",
        ),
        pytest.param(b"Tabs\tand\r\nnewlines\x0cand escape \x1b[0m", "Tabs\tand\r\nnewlines\x0cand escape \x1b[0m", id="text controls"),
    ],
)
def test_decode(data, expected):
    assert decode(data, "in.txt") == expected


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param(PNG_HEADER, BinaryInputError, id="png header"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", BinaryInputError, id="zip header"),
        pytest.param(bytes(range(1, 32)) * 10, BinaryInputError, id="control characters"),
        pytest.param(b"", EmptyInputError, id="empty"),
        pytest.param(b" \n\t\r\n  ", EmptyInputError, id="whitespace"),
        pytest.param(codecs.BOM_UTF8 + b"\n\n", EmptyInputError, id="BOM and newlines"),
        pytest.param(codecs.BOM_UTF16_LE + "   ".encode("utf-16-le"), EmptyInputError, id="utf-16 whitespace"),
        pytest.param(NOISE, DecodingError, id="undecodable"),
        pytest.param(codecs.BOM_UTF16_LE + b"a\x00b", DecodingError, id="truncated utf-16"),
        pytest.param(b"text \x00 with a NUL", BinaryInputError, id="NUL byte"),
    ],
)
def test_decode_refuses(data, error):
    with pytest.raises(error) as raised:
        decode(data, "in.txt")
    _assert_one_line_naming(raised.value, "in.txt")


@pytest.mark.parametrize(
    ("declared", "body", "encoding"),
    [
        pytest.param("iso-8859-1", "Genève", "latin-1", id="latin-1 label"),
        pytest.param("ISO-8859-1", "“Genève”", "cp1252", id="latin-1 label read as cp1252"),
        pytest.param("koi8-r", "Москва и Киев", "koi8-r", id="koi8-r"),
        pytest.param("iso-8859-1", "Genève", "utf-8", id="utf-8 wins over a wrong label"),
        pytest.param("no-such-charset", "Genève, la décision est définitive", "latin-1", id="unknown label"),
    ],
)
def test_decode_uses_declared_encoding(declared, body, encoding):
    page = f'<html><head><meta charset="{declared}"></head><body><p>{body}</p></body></html>'
    assert decode(page.encode(encoding), "page.html") == page


def test_check_text_refuses_nul_characters():
    with pytest.raises(BinaryInputError):
        check_text("a\x00b", "-")


def test_read_file_checks_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(decode_module, "open", no_reading, raising=False)
    with pytest.raises(TooLargeError) as raised:
        read_file(str(path), max_bytes=100)
    _assert_one_line_naming(raised.value, str(path))
    assert "max_bytes" in str(raised.value)


def test_read_file_within_limit(tmp_path):
    path = tmp_path / "small.txt"
    path.write_bytes(b"x" * 100)
    assert read_file(str(path), max_bytes=100) == b"x" * 100


@pytest.mark.parametrize(
    ("stream", "expected"),
    [
        pytest.param(io.BytesIO("Genève".encode()), "Genève", id="bytes"),
        pytest.param(io.TextIOWrapper(io.BytesIO("Genève".encode("utf-16")), encoding="ascii"), "Genève", id="text with buffer"),
        pytest.param(io.StringIO("Genève"), "Genève", id="text without buffer"),
    ],
)
def test_read_stream(stream, expected):
    assert read_stream(stream, "-", max_bytes=1000) == expected


@pytest.mark.parametrize("stream", [io.BytesIO(b"x" * 50), io.StringIO("x" * 50)], ids=["bytes", "text"])
def test_read_stream_over_limit(stream):
    with pytest.raises(TooLargeError) as raised:
        read_stream(stream, "-", max_bytes=10)
    _assert_one_line_naming(raised.value, "-")


def _assert_one_line_naming(error: InputError, name: str) -> None:
    message = str(error)
    assert message.startswith(f"{name}: ")
    assert "\n" not in message
    assert ";" in message, "the message should say what to do"
