import codecs
import datetime
import io
import json
import sys
from pathlib import Path

import pytest

from detente.errors import BinaryInputError, DecodingError, EmptyInputError, FormatError, InputError, TooLargeError
from detente.ingest import read_inputs
from detente.records import Document

SEEDS = Path("/work/shared/corpus/seeds")
RUN_DATE = datetime.date(2030, 1, 2)

HEADLINE = "Moscow expels ten Czech diplomats"
LEAD = "Russia on Sunday ordered ten Czech diplomats to leave the country within a day, the foreign ministry said."
SECOND = "The move answered Prague's expulsion of eighteen Russian diplomats on Saturday."
ARTICLE = f"{HEADLINE}\n\nBy Jane Doe\n18 April 2021\n\n{LEAD}\n\n{SECOND}\n\nShare this article\n\nSource: Northern Ledger\n"

PAGE = """<!DOCTYPE html>
<html><head><title>Moscow expels ten Czech diplomats | Northern Ledger</title>
<meta charset="utf-8">
<meta property="og:site_name" content="Northern Ledger">
<meta property="og:title" content="Moscow expels ten Czech diplomats">
<meta property="article:published_time" content="2021-04-18T10:00:00Z">
<link rel="canonical" href="https://ledger.example/world/expulsions">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Moscow expels ten Czech diplomats</h1>
<p>{lead}</p>
<p>{second}</p>
<p>Share this article</p>
</article>
<footer>Copyright 2021 Northern Ledger. All rights reserved.</footer>
</body></html>
"""


def page(lead=LEAD, second=SECOND, *, head=True):
    markup = PAGE.format(lead=lead, second=second)
    if not head:
        start, end = markup.index("<head>"), markup.index("</head>") + len("</head>")
        markup = markup[:start] + "<head><title>Moscow expels ten Czech diplomats</title></head>" + markup[end:]
    return markup


def read(paths, **options):
    return list(read_inputs([str(p) for p in paths], **options))


def write(folder, name, content):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_document(results):
    assert len(results) == 1, results
    assert isinstance(results[0], Document), results[0]
    return results[0]


# --- plain text ----------------------------------------------------------------


def test_text_file(tmp_path):
    path = write(tmp_path, "czech-expulsions.txt", ARTICLE)
    doc = only_document(read([path]))
    assert doc == Document(
        id="czech-expulsions",
        text=f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}",
        title=HEADLINE,
        date=datetime.date(2021, 4, 18),
        date_source="dateline",
        source="Northern Ledger",
        url=None,
        origin=str(path),
    )


@pytest.mark.parametrize(
    ("content", "title", "first_line"),
    [
        pytest.param(f"# *{HEADLINE}*\n\n{LEAD}", HEADLINE, HEADLINE, id="markdown heading"),
        pytest.param(f"**{HEADLINE}**\n\n{LEAD}", HEADLINE, HEADLINE, id="bold line"),
        pytest.param(f"{LEAD}\n\n{SECOND}", None, LEAD, id="sentence is no headline"),
        pytest.param(f"{HEADLINE}", None, HEADLINE, id="nothing after it"),
        pytest.param(f"Moscow said:\n\n{LEAD}", None, "Moscow said:", id="lead-in is no headline"),
        pytest.param(f"Will Prague answer?\n\n{LEAD}", "Will Prague answer?", "Will Prague answer?", id="question"),
    ],
)
def test_text_title(tmp_path, content, title, first_line):
    doc = only_document(read([write(tmp_path, "a.md", content)]))
    assert doc.title == title
    assert doc.text.split("\n")[0] == first_line


def test_text_file_with_other_suffix_is_sniffed(tmp_path):
    doc = only_document(read([write(tmp_path, "article", ARTICLE)]))
    assert doc.id == "article"
    assert doc.title == HEADLINE


# --- HTML ----------------------------------------------------------------------


def test_html_page(tmp_path):
    path = write(tmp_path, "expulsions.html", page())
    doc = only_document(read([path], date=RUN_DATE, source="Option Outlet"))
    assert doc.id == "expulsions"
    assert doc.origin == str(path)
    assert doc.title == HEADLINE
    assert doc.text == f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}"
    assert (doc.date, doc.date_source) == (datetime.date(2021, 4, 18), "html")
    assert doc.source == "Northern Ledger"
    assert doc.url == "https://ledger.example/world/expulsions"


def test_html_title_is_first_paragraph(tmp_path):
    markup = (
        "<html><head><title>Envoys expelled</title></head><body><article>"
        f"<p>{LEAD}</p><p>{SECOND}</p><p>{LEAD.replace('ten', 'twenty')}</p></article></body></html>"
    )
    doc = only_document(read([write(tmp_path, "a.htm", markup)]))
    assert doc.title == "Envoys expelled"
    assert doc.text.split("\n\n")[0] == "Envoys expelled"
    assert LEAD in doc.text.split("\n\n")


def test_html_in_latin_1_with_declared_charset(tmp_path):
    markup = page(lead="Le ministère a déclaré à Genève que la décision était regrettable et définitive.")
    markup = markup.replace('charset="utf-8"', 'charset="iso-8859-1"')
    doc = only_document(read([write(tmp_path, "fr.html", markup.encode("latin-1"))]))
    assert "Le ministère a déclaré à Genève" in doc.text


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param(f"<p>{LEAD} <b>unclosed bold <i>and italic<p>{SECOND}", id="unclosed tags, no html element"),
        pytest.param(f"<html><body><div><p>{LEAD}<div><p>{SECOND}", id="unclosed blocks"),
        pytest.param(f"<html><p>{LEAD}</p></html>", id="no body"),
        pytest.param(f"<html><body><p>{LEAD}</p></span></div></body></html></html>", id="stray closing tags"),
        pytest.param(f"<html><body><table><tr><td>{LEAD}<tr><td>{SECOND}</table>", id="broken table"),
        pytest.param("<div>" * 200 + LEAD, id="deep nesting"),
    ],
)
def test_malformed_html_gives_text(tmp_path, markup):
    doc = only_document(read([write(tmp_path, "broken.html", markup)]))
    assert "Czech diplomats to leave" in doc.text or "Czech diplomats" in doc.text


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("<html><head><title>Only a title</title></head></html>", id="no body at all"),
        pytest.param("<html><body><script>var a = 1;</script></body></html>", id="only a script"),
        pytest.param("<<<>>>", id="only brackets"),
        pytest.param("<html><body><p>Advertisement</p><p>Share this article</p></body></html>", id="only boilerplate"),
        pytest.param("<!-- a comment -->", id="only a comment"),
        pytest.param("<html><body>" + "<div>" * 3000, id="deep nesting without text"),
        pytest.param("<div>" * 3000 + LEAD, id="nesting deeper than the parser's limit"),
    ],
)
def test_html_without_text_is_an_error_not_a_crash(tmp_path, markup):
    results = read([write(tmp_path, "empty.html", markup)])
    assert len(results) == 1
    assert isinstance(results[0], (EmptyInputError, FormatError)), results[0]
    assert str(results[0]).startswith(str(tmp_path / "empty.html"))


# --- JSON Lines and JSON -----------------------------------------------------------

GOOD = {
    "id": "ledger-1",
    "text": f"{LEAD}\n\nAdvertisement\n\n{SECOND}",
    "date": "2021-04-18",
    "title": HEADLINE,
    "source": "Northern Ledger",
    "url": "https://ledger.example/1",
}


def test_jsonl_bad_line_between_good_ones(tmp_path):
    lines = [json.dumps(GOOD), '{"id": "broken", "text": "unterminated', json.dumps({"text": SECOND})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    first, error, third = read([path])
    assert first == Document(
        id="ledger-1",
        text=f"{LEAD}\n\n{SECOND}",
        title=HEADLINE,
        date=datetime.date(2021, 4, 18),
        date_source="jsonl",
        source="Northern Ledger",
        url="https://ledger.example/1",
        origin=str(path),
    )
    assert isinstance(error, FormatError)
    assert str(error).startswith(f"{path}:2: invalid JSON")
    assert "\n" not in str(error)
    assert isinstance(third, Document)
    assert third.id == "feed:3"
    assert third.title is None


@pytest.mark.parametrize(
    ("line", "error", "words"),
    [
        pytest.param('{"id": "x", "text": 42}', FormatError, '"text" must be the article as a string, found a number', id="text is a number"),
        pytest.param('{"id": "x", "text": ["a"]}', FormatError, "found a list", id="text is a list"),
        pytest.param('{"id": "x"}', FormatError, "found no such field", id="text missing"),
        pytest.param('{"id": "x", "text": null}', FormatError, "found no such field", id="text null"),
        pytest.param("[1, 2]", FormatError, "expected an object", id="not an object"),
        pytest.param('"just a string"', FormatError, "expected an object", id="a string"),
        pytest.param("{not json}", FormatError, "invalid JSON", id="invalid json"),
        pytest.param('{"text": "   "}', EmptyInputError, "nothing is left", id="blank text"),
        pytest.param('{"text": "Share this article"}', EmptyInputError, "nothing is left", id="only boilerplate"),
    ],
)
def test_jsonl_bad_line(tmp_path, line, error, words):
    path = write(tmp_path, "feed.ndjson", "\n".join([json.dumps(GOOD), "", line, json.dumps(GOOD)]))
    results = read([path])
    assert [type(r) for r in results] == [Document, error, Document]
    assert str(results[1]).startswith(f"{path}:3: ")
    assert words in str(results[1])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"id": 17}, ("17", None), id="numeric id"),
        pytest.param({"id": ""}, ("feed:1", None), id="empty id"),
        pytest.param({"date": "2021-04-18T23:59:00+03:00"}, ("feed:1", datetime.date(2021, 4, 18)), id="timestamp"),
        pytest.param({"date": "18/04/2021"}, ("feed:1", None), id="not ISO ignored"),
        pytest.param({"date": "2021-02-30"}, ("feed:1", None), id="impossible date ignored"),
        pytest.param({"date": 20210418}, ("feed:1", None), id="number ignored"),
    ],
)
def test_jsonl_fields(tmp_path, fields, expected):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": LEAD} | fields))
    doc = only_document(read([path]))
    assert (doc.id, doc.date) == expected


def test_jsonl_text_may_hold_unicode_line_separators(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": f"{LEAD}\u2028{SECOND}"}, ensure_ascii=False))
    doc = only_document(read([path]))
    assert doc.text == f"{LEAD}\n{SECOND}"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(json.dumps([GOOD, {"text": SECOND}]), [("ledger-1", Document), ("list:2", Document)], id="list"),
        pytest.param(json.dumps(GOOD), [("ledger-1", Document)], id="one object"),
        pytest.param(json.dumps({"text": SECOND}), [("list", Document)], id="one object without id"),
        pytest.param(json.dumps([GOOD, 5, {"text": SECOND}]), [("ledger-1", Document), (None, FormatError), ("list:3", Document)], id="bad item"),
        pytest.param(json.dumps(GOOD) + "\n" + json.dumps({"text": SECOND}), [("ledger-1", Document), ("list:2", Document)], id="json lines named json"),
        pytest.param('[{"text": "a"}', [(None, FormatError)], id="invalid"),
        pytest.param("42", [(None, FormatError)], id="a number"),
    ],
)
def test_json_file(tmp_path, content, expected):
    results = read([write(tmp_path, "list.json", content)])
    assert [(getattr(r, "id", None), type(r)) for r in results] == expected


def test_json_bad_item_is_named(tmp_path):
    path = write(tmp_path, "list.json", json.dumps([GOOD, 5]))
    error = read([path])[1]
    assert str(error).startswith(f"{path}: item 2: expected an object")


# --- folders, standard input, several paths -------------------------------------------


def test_folder_is_walked_in_sorted_order(tmp_path):
    write(tmp_path, "b.txt", f"Second file\n\n{LEAD}")
    write(tmp_path, "a.html", page())
    write(tmp_path, "z.MD", f"Last file\n\n{LEAD}")
    write(tmp_path, "sub/c.jsonl", json.dumps({"text": LEAD}) + "\n" + json.dumps({"text": SECOND}) + "\n")
    write(tmp_path, "sub/deeper/d.text", f"Deep file\n\n{LEAD}")
    write(tmp_path, ".hidden.txt", LEAD)
    write(tmp_path, ".git/e.txt", LEAD)
    write(tmp_path, "notes.pdf", b"%PDF-1.4 \x00\x01")
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00")
    results = read([tmp_path])
    assert all(isinstance(r, Document) for r in results), results
    assert [r.id for r in results] == ["a", "b", "z", "c:1", "c:2", "d"]
    assert results[3].origin == str(tmp_path / "sub" / "c.jsonl")


def test_empty_folder(tmp_path):
    write(tmp_path, "notes.pdf", b"%PDF")
    (error,) = read([tmp_path])
    assert type(error) is InputError
    assert str(error).startswith(f"{tmp_path}: the folder holds no files to read")


@pytest.mark.parametrize(
    ("stream", "expected_id", "expected_title"),
    [
        pytest.param(io.StringIO(ARTICLE), "stdin", HEADLINE, id="text"),
        pytest.param(io.BytesIO(ARTICLE.encode("utf-16")), "stdin", HEADLINE, id="utf-16 bytes"),
        pytest.param(io.BytesIO(("\n" + json.dumps({"text": LEAD, "title": "T"})).encode()), "stdin:2", "T", id="jsonl"),
        pytest.param(io.BytesIO(json.dumps([{"text": LEAD, "title": "T"}]).encode()), "stdin:1", "T", id="json list"),
        pytest.param(io.BytesIO(page().encode()), "stdin", HEADLINE, id="html"),
    ],
)
def test_stdin(stream, expected_id, expected_title):
    doc = only_document(list(read_inputs(["-"], stdin=stream)))
    assert (doc.id, doc.origin, doc.title) == (expected_id, "-", expected_title)


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode()), encoding="utf-8"))
    doc = only_document(list(read_inputs(["-"])))
    assert doc.id == "stdin"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        pytest.param("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", BinaryInputError, id="png bytes"),
        pytest.param("empty.txt", b"", EmptyInputError, id="empty"),
        pytest.param("blank.txt", b"  \n\n\t \r\n", EmptyInputError, id="whitespace"),
        pytest.param("blank.jsonl", b"\n\n", EmptyInputError, id="whitespace jsonl"),
        pytest.param("noise.txt", bytes(range(0x80, 0x100)) * 2, DecodingError, id="undecodable"),
        pytest.param("boiler.txt", b"Advertisement\n\nShare this article\n", EmptyInputError, id="only boilerplate"),
    ],
)
def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path, name, content, error):
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "good.txt", ARTICLE)
    first, second = read([bad, good])
    assert type(first) is error
    assert str(first).startswith(f"{bad}: ")
    assert "\n" not in str(first)
    assert isinstance(second, Document)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(f"{HEADLINE}\n\nLe ministère a déclaré à Genève que la décision était regrettable.".encode("latin-1"), "Le ministère a déclaré à Genève", id="latin-1"),
        pytest.param(codecs.BOM_UTF16_LE + f"{HEADLINE}\n\nGenève talks ended.".encode("utf-16-le"), "Genève talks ended.", id="utf-16 BOM"),
        pytest.param(codecs.BOM_UTF8 + f"{HEADLINE}\n\nGenève talks ended.".encode(), "Genève talks ended.", id="utf-8 BOM"),
    ],
)
def test_encodings(tmp_path, content, expected):
    doc = only_document(read([write(tmp_path, "a.txt", content)]))
    assert expected in doc.text
    assert doc.title == HEADLINE


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path, "big.txt", ARTICLE * 10)
    (error,) = read([path], max_bytes=100)
    assert isinstance(error, TooLargeError)
    assert str(error).startswith(f"{path}: ")


def test_missing_path_is_reported_and_the_run_goes_on(tmp_path):
    good = write(tmp_path, "good.txt", ARTICLE)
    error, doc = read([tmp_path / "missing.txt", good])
    assert type(error) is InputError
    assert str(error) == f"{tmp_path / 'missing.txt'}: no such file or folder; check the path"
    assert isinstance(doc, Document)


# --- precedence of dates and sources ---------------------------------------------------

DATELINE_LEAD = f"MOSCOW, April 20, 2021 — {LEAD}"
PLAIN_LEAD = LEAD


@pytest.mark.parametrize(
    ("name", "content", "option", "expected"),
    [
        pytest.param("a.jsonl", json.dumps({"text": DATELINE_LEAD, "date": "2021-04-18"}), RUN_DATE, (datetime.date(2021, 4, 18), "jsonl"), id="jsonl field first"),
        pytest.param("a.jsonl", json.dumps({"text": DATELINE_LEAD}), RUN_DATE, (datetime.date(2021, 4, 20), "dateline"), id="jsonl then dateline"),
        pytest.param("a.jsonl", json.dumps({"text": PLAIN_LEAD}), RUN_DATE, (RUN_DATE, "option"), id="jsonl then option"),
        pytest.param("a.jsonl", json.dumps({"text": PLAIN_LEAD}), None, (None, "none"), id="jsonl none"),
        pytest.param("a.html", page(lead=DATELINE_LEAD), RUN_DATE, (datetime.date(2021, 4, 18), "html"), id="html metadata first"),
        pytest.param("a.html", page(lead=DATELINE_LEAD, head=False), RUN_DATE, (datetime.date(2021, 4, 20), "dateline"), id="html then dateline"),
        pytest.param("a.html", page(head=False), RUN_DATE, (RUN_DATE, "option"), id="html then option"),
        pytest.param("a.html", page(head=False), None, (None, "none"), id="html none"),
        pytest.param("a.txt", f"{HEADLINE}\n\n{DATELINE_LEAD}", RUN_DATE, (datetime.date(2021, 4, 20), "dateline"), id="text dateline first"),
        pytest.param("a.txt", f"{HEADLINE}\n\n18 April 2021\n\n{PLAIN_LEAD}", RUN_DATE, (datetime.date(2021, 4, 18), "dateline"), id="text date line"),
        pytest.param("a.txt", f"{HEADLINE}\n\n{PLAIN_LEAD}", RUN_DATE, (RUN_DATE, "option"), id="text then option"),
        pytest.param("a.txt", f"{HEADLINE}\n\n{PLAIN_LEAD}", None, (None, "none"), id="text none"),
    ],
)
def test_date_precedence(tmp_path, name, content, option, expected):
    doc = only_document(read([write(tmp_path, name, content)], date=option))
    assert (doc.date, doc.date_source) == expected


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        pytest.param("a.jsonl", json.dumps({"text": f"{LEAD}\n\nSource: Text Line", "source": "Field"}), "Field", id="jsonl field first"),
        pytest.param("a.jsonl", json.dumps({"text": f"{LEAD}\n\nSource: Text Line"}), "Text Line", id="jsonl then text line"),
        pytest.param("a.jsonl", json.dumps({"text": LEAD}), "Option", id="jsonl then option"),
        pytest.param("a.html", page(), "Northern Ledger", id="html site name"),
        pytest.param("a.txt", f"{HEADLINE}\n\n{LEAD}\n\nRead more at DailyMail.co.uk", "DailyMail.co.uk", id="read more at"),
        pytest.param("a.txt", f"Source: Northern Ledger\n\n{HEADLINE}\n\n{LEAD}", "Northern Ledger", id="source line at top"),
        pytest.param("a.txt", f"{HEADLINE}\n\n{LEAD}", "Option", id="text then option"),
    ],
)
def test_source_precedence(tmp_path, name, content, expected):
    doc = only_document(read([write(tmp_path, name, content)], source="Option"))
    assert doc.source == expected


# --- the seed articles ---------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed corpus is not present")
def test_seed_articles():
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths
    results = list(read_inputs([str(SEEDS)]))
    assert [r.id for r in results] == [p.stem for p in paths]
    for doc in results:
        assert isinstance(doc, Document)
        lines = [line for line in doc.text.split("\n") if line]
        assert not [line for line in lines if line.startswith(("Read more at", "To contact"))]
        assert len(lines) == len(set(lines)), "a line appears twice"
        assert doc.title and doc.text.startswith(doc.title)
        assert "\n\n\n" not in doc.text
