import re

import pytest

from detente.clean import BOILERPLATE_FILE, clean_text, load_boilerplate, plain_line, plain_text, source_from_text
from detente.errors import DataFileError

BODY = "Russia ordered ten Czech diplomats to leave within a day, the foreign ministry said on Sunday."
SECOND = "Prague had expelled eighteen Russian diplomats on Saturday over a 2014 explosion."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(f"{BODY}\r\n\r\n{SECOND}\r\n", f"{BODY}\n\n{SECOND}", id="crlf"),
        pytest.param(f"{BODY}\r\r{SECOND}", f"{BODY}\n\n{SECOND}", id="old mac newlines"),
        pytest.param(f"{BODY}\n\n\n\n\n{SECOND}", f"{BODY}\n\n{SECOND}", id="blank lines collapse"),
        pytest.param(f"  {BODY}\u00a0 \n\n\t{SECOND}  ", f"{BODY}\n\n{SECOND}", id="spaces and nbsp"),
        pytest.param("Moscow\u200b and  Prague\u00adexpelled envoys.", "Moscow and Pragueexpelled envoys.", id="invisible chars"),
        pytest.param(f"{BODY}\u2029{SECOND}", f"{BODY}\n{SECOND}", id="unicode paragraph separator"),
        pytest.param("Cafe\u0301 talks ended.", "Café talks ended.", id="NFC"),
        pytest.param(f"{BODY}\nA second line of the same paragraph.", f"{BODY}\nA second line of the same paragraph.", id="line in paragraph kept"),
    ],
)
def test_whitespace(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Moscow expels envoys", "Moscow expels envoys"),
        ("### Moscow expels envoys ###", "Moscow expels envoys"),
        ("# *Moscow expels envoys*", "Moscow expels envoys"),
        ("**Moscow** expels *ten* ___envoys___", "Moscow expels ten envoys"),
        ("**Moscow *expels* envoys**", "Moscow expels envoys"),
        ("***Moscow*** and **_Prague_**", "Moscow and Prague"),
        ("Read the [ministry statement](https://mid.example/a?b=(1)) here.", "Read the ministry statement here."),
        ("See [the note][1] again.", "See the note again."),
        ("[1]: https://example.org/note", ""),
        ("<https://example.org/a>", "https://example.org/a"),
        ("![A crowd outside the embassy](pic.jpg) Crowds gathered.", "Crowds gathered."),
        ("> Quoted statement by the ministry.", "Quoted statement by the ministry."),
        ("* a listed point", "a listed point"),
        ("- a listed point", "a listed point"),
        ("-- not a list", "-- not a list"),
        ("The `code` word", "The code word"),
        ("snake_case_name and 3*4*5 stay", "snake_case_name and 3*4*5 stay"),
        (r"Escaped \*stars\* stay", "Escaped *stars* stay"),
    ],
)
def test_plain_line(line, expected):
    assert plain_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Read more at DailyMail.co.uk",
        "READ MORE: Putin orders cut in US embassy staff",
        "Read more:",
        "Share this article",
        "Share",
        "Share on Facebook",
        "Share on Twitter",
        "Share on Facebook | Twitter | Email",
        "Click here to download the full statement",
        "Sign up for our daily briefing",
        "Subscribe to the newsletter",
        "SUBSCRIBE",
        "To contact the editors and the party visit:",
        "Follow us on Twitter @ledger",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "All rights reserved.",
        "© 2021 Northern Ledger. All rights reserved.",
        "© Northern Ledger",
        "(c) 2021 Northern Ledger",
        "Copyright 2021 The Associated Press",
        "Copyright © Northern Ledger",
        "We use cookies to improve your experience.",
        "This website uses cookies.",
        "By continuing to use this site you agree to our terms.",
        "Accept all cookies",
        "https://ledger.example/world/2021/04/18/expulsions",
        "www.ledger.example",
        "**[ledger.example/contact](https://ledger.example/contact)**",
        "Photo: Reuters",
        "(Photo by Jane Doe/AFP via Getty Images)",
        "Image caption, Crowds outside the embassy in Prague",
        "Reuters/Jane Doe",
        "---",
        "* * *",
        "•",
        "Related articles",
        "Reporting by Jane Doe; Editing by John Roe",
        "Tags: Russia, Czech Republic, diplomacy",
        "# ***",
        "Published : 2021-04-18 07:31 Updated : 2021-04-18 10:05",
        "Prague Desk | Sunday 18 April | Last updated 23:48 CEST",
        "Updated 17:52 GMT — adds Slovak reaction, background",
        "Live coverage · Posted 3:41pm, Sunday 18 April — Updated 7:12pm",
        "9:52pm",
        "18:20 GMT",
        "11:30am —",
    ],
)
def test_boilerplate_line_is_dropped(line):
    assert clean_text(f"{BODY}\n\n{line}\n\n{SECOND}") == f"{BODY}\n\n{SECOND}"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said the dispute over copyright law had nothing to do with the expulsions.",
        "Copyright holders in Russia have lost access to Western courts, the minister said.",
        "Both governments share the view that parity must be restored within a month.",
        "Share prices in Moscow fell 3 percent after the announcement on Friday.",
        "Officials said readers could read more about the dispute in the ministry's statement.",
        "The embassy said it would subscribe to the principle of reciprocity.",
        "Washington said all rights reserved under the 1961 Vienna Convention on Diplomatic Relations remain in force.",
        "The Foreign Ministry said it would follow the talks closely.",
        "Photos of the closed consulate appeared on Russian television on Saturday.",
        "By Friday, Moscow must cut the staff of the US mission to 455 people.",
        "Czech shares fell 2 percent after the list of expelled diplomats was published.",
        "Updated figures from the ministry show 18 Russians left on Monday.",
    ],
)
def test_news_sentence_is_kept(sentence):
    text = f"Moscow expels envoys\n\n{BODY}\n\n{sentence}"
    assert clean_text(text) == text


def test_repeated_caption_is_dropped_with_every_copy():
    caption = "Embassy staff leave the compound in Moscow on Saturday"
    text = f"Envoys leave Moscow\n\n{BODY}\n\n{caption}\n\n{SECOND}\n\n{caption}\n\nThe talks will resume in May."
    assert clean_text(text) == f"Envoys leave Moscow\n\n{BODY}\n\n{SECOND}\n\nThe talks will resume in May."


def test_repeated_caption_with_other_quotes_is_dropped():
    text = (
        f"{BODY}\n\n'PARITY': Embassy staff leave Moscow's compound\n\n{SECOND}\n\n"
        "‘PARITY’: Embassy staff leave Moscow’s\u00a0compound"
    )
    assert clean_text(text) == f"{BODY}\n\n{SECOND}"


def test_headline_keeps_its_first_copy():
    text = f"Moscow expels envoys\n\n{BODY}\n\nMoscow expels envoys\n\n{SECOND}"
    assert clean_text(text) == f"Moscow expels envoys\n\n{BODY}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"# Moscow expels envoys\n\nJane Doe  \n29 July 2017\n\n{BODY}",
            f"Moscow expels envoys\n\n{BODY}",
            id="name and date under the headline",
        ),
        pytest.param(
            f"Moscow expels envoys\nBy Jane Doe, Moscow correspondent\nSaturday 29 July 2017 10.04 BST\n\n{BODY}",
            f"Moscow expels envoys\n\n{BODY}",
            id="byline and timestamp",
        ),
        pytest.param(
            f"July 29, 2017\n\nMoscow expels envoys\n\n{BODY}",
            f"Moscow expels envoys\n\n{BODY}",
            id="date above the headline",
        ),
        pytest.param(
            f"Moscow expels envoys\n\nUpdated: 2017-07-29T10:04:00Z\n\n{BODY}",
            f"Moscow expels envoys\n\n{BODY}",
            id="updated timestamp",
        ),
        pytest.param(
            f"Moscow expels envoys\n\n{BODY}\n\n29 July 2017\n\n{SECOND}",
            f"Moscow expels envoys\n\n{BODY}\n\n29 July 2017\n\n{SECOND}",
            id="date below the body start is kept",
        ),
        pytest.param(
            f"Moscow Expels Envoys\n\n{BODY}",
            f"Moscow Expels Envoys\n\n{BODY}",
            id="title case headline kept",
        ),
        pytest.param(
            f"Moscow, July 31 (RHC)-- {BODY}",
            f"Moscow, July 31 (RHC)-- {BODY}",
            id="dateline opening the first paragraph is kept",
        ),
    ],
)
def test_header(text, expected):
    assert clean_text(text) == expected


def test_footer_and_signature():
    text = (
        f"# *Moscow expels envoys*\n\n---\n\n{BODY}\n\n{SECOND}\n\n---\n\n"
        "<https://ledger.example/world/expulsions>\n\n**Northern Ledger**"
    )
    assert clean_text(text) == f"Moscow expels envoys\n\n{BODY}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(f"Source: Northern Ledger\n\n{BODY}", "Northern Ledger", id="source line at top"),
        pytest.param(f"{BODY}\n\nSource: Northern Ledger.", "Northern Ledger", id="source line at bottom"),
        pytest.param(f"{BODY}\n\n{SECOND}\n\nRead more at DailyMail.co.uk", "DailyMail.co.uk", id="read more at"),
        pytest.param(f"{BODY}\n\n**Radio Example**", "Radio Example", id="bold signature"),
        pytest.param(f"{BODY}\n\nThis article originally appeared on Ledger Online.", "Ledger Online", id="republished"),
        pytest.param(f"{BODY}\n\n{SECOND}", None, id="none"),
        pytest.param(f"**Background**\n\n{BODY}\n\n{SECOND}", None, id="bold heading at top is not a source"),
    ],
)
def test_source_from_text(text, expected):
    assert source_from_text(text) == expected


def test_source_lines_are_dropped():
    text = f"Source: Northern Ledger\n\n{BODY}\n\nRead more at Ledger.example"
    assert clean_text(text) == BODY


@pytest.mark.parametrize("text", ["", "   \n\n", "Advertisement\n\n---\n\nShare this article", "© 2021 Ledger"])
def test_nothing_left(text):
    assert clean_text(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("UPDATE 2-Japan protests to China over incursion", "Japan protests to China over incursion",
                     id="reuters update"),
        pytest.param("FLASH — Britain and the US blame Russia", "Britain and the US blame Russia", id="flash"),
        pytest.param("BREAKING: Turkey recalls its ambassador", "Turkey recalls its ambassador", id="breaking"),
        pytest.param("EXCLUSIVE-Iran seized the tanker", "Iran seized the tanker", id="exclusive"),
        pytest.param("Flash floods — killed 12 people in Kenya.", "Flash floods — killed 12 people in Kenya.",
                     id="a word that is no slug"),
        pytest.param("The update - slow.", "The update - slow.", id="not at the start"),
    ],
)
def test_a_wire_slug_is_removed_and_the_line_kept(text, expected):
    assert clean_text(text) == expected


def test_plain_text_keeps_every_line():
    assert plain_text("# Title\n\n29 July 2017\n**Body**") == "Title\n\n29 July 2017\nBody"


def test_clean_is_idempotent():
    text = f"# Moscow expels envoys\n\nBy Jane Doe\n\n{BODY}\n\nShare this article\n\n{SECOND}"
    once = clean_text(text)
    assert clean_text(once) == once


# --- the data file -------------------------------------------------------------


def test_packaged_boilerplate_loads_once():
    table = load_boilerplate()
    assert table is load_boilerplate()
    assert table.lines and table.header and table.source and table.slugs
    assert all(pattern.why for pattern in table.lines + table.header + table.source + table.slugs)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        pytest.param("lines:\n  - pattern: 'ok'\n    why: fine\n  - pattern: 'bad(['\n    why: broken\n", 4, "bad regular expression", id="bad regex"),
        pytest.param("lines:\n  - pattern: 'x'\n", 2, "needs a `why`", id="no why"),
        pytest.param("lines:\n  - 'x'\n", None, "mapping", id="not a mapping"),
        pytest.param("source:\n  - pattern: 'source: (.*)'\n    why: no group\n", 2, "group named `source`", id="source without group"),
        pytest.param("source:\n  - pattern: '(?P<source>.*)'\n    why: x\n    where: middle\n", 2, "`where`", id="bad where"),
        pytest.param("lines:\n  - pattern: 'x'\n    why: y\n    colour: red\n", 2, "unknown key", id="unknown key"),
        pytest.param("footer:\n  - pattern: 'x'\n    why: y\n", 1, "unknown section", id="unknown section"),
        pytest.param("lines: [unclosed\n", None, "invalid YAML", id="bad yaml"),
        pytest.param("- just a list\n", None, "expected a mapping", id="not a mapping at top"),
    ],
)
def test_bad_boilerplate_file(tmp_path, content, line, message):
    path = tmp_path / "boilerplate.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_boilerplate(path)
    assert raised.value.path == str(path)
    if line is not None:
        assert raised.value.line == line
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_every_pattern_compiles_and_is_documented():
    assert BOILERPLATE_FILE.exists()
    for pattern in load_boilerplate().lines:
        assert isinstance(pattern.regex, re.Pattern)


def test_a_paragraph_run_twice_keeps_its_first_copy():
    paragraph = ("On Wednesday the presidency said it was suspending the treaty with immediate effect. It accused the "
                 "other government of an unjustifiable turn in its position on the disputed territory.")
    text = f"Treaty suspended\n\n{BODY}\n\n{paragraph}\n\n{SECOND}\n\n{paragraph}"
    assert clean_text(text) == f"Treaty suspended\n\n{BODY}\n\n{paragraph}\n\n{SECOND}"


def test_a_long_caption_in_brackets_run_twice_is_dropped():
    caption = ("[Photo: Smoke rises from the building housing the consulate on Sunday, after crowds set it alight in "
               "the afternoon. Photograph: Agency staff photographer for the wire]")
    text = f"Consulate burned\n\n{BODY}\n\n{caption}\n\n{SECOND}\n\n{caption}"
    assert clean_text(text) == f"Consulate burned\n\n{BODY}\n\n{SECOND}"
