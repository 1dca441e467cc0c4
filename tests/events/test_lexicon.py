"""Tests of detente.events.lexicon: the packaged trigger lexicon and its validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.codebook import NO_EVENT, load_codebook
from detente.events.lexicon import LEXICON, WORD_LISTS, load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def all_patterns(lexicon):
    return [p for table in (lexicon.verbs, lexicon.nouns) for patterns in table.values() for p in patterns]


def test_packaged_lexicon_has_verbs_and_nouns(lexicon) -> None:
    assert lexicon.verbs and lexicon.nouns


def test_every_pattern_has_a_coded_cameo_event(lexicon) -> None:
    codes = load_codebook()
    assert [(p.lemma, p.cameo) for p in all_patterns(lexicon)
            if p.cameo not in codes or codes[p.cameo].event == NO_EVENT] == []


def test_every_pattern_knows_its_line(lexicon) -> None:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    assert [(p.lemma, p.line) for p in all_patterns(lexicon) if f'cameo: "{p.cameo}"' not in lines[p.line - 1]] == []


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_list_is_not_empty(lexicon, name: str) -> None:
    assert lexicon.word_list(name)


# (lemma, part of speech, a CAMEO code among its patterns)
TRIGGER_CASES = [
    ("expel", "VERB", "161"),
    ("expulsion", "NOUN", "161"),
    ("sanction", "VERB", "163"),
    ("sanction", "NOUN", "163"),
    ("meet", "VERB", "040"),
    ("accuse", "VERB", "112"),
]


@pytest.mark.parametrize(("lemma", "pos", "code"), TRIGGER_CASES)
def test_trigger(lexicon, lemma: str, pos: str, code: str) -> None:
    assert code in [p.cameo for p in lexicon.patterns(lemma, pos)]


def test_word_classes_are_expanded(lexicon) -> None:
    objects = [p.object for p in lexicon.patterns("expel", "VERB") if p.object]
    assert any("diplomat" in words and "consulate" in words for words in objects)
    assert not any(word.startswith("@") for p in all_patterns(lexicon) for word in p.object or ())


def test_unknown_lemma_has_no_patterns(lexicon) -> None:
    assert lexicon.patterns("photosynthesise", "VERB") == ()


def test_response_cue(lexicon) -> None:
    assert any(cue.words == ("in", "retaliation", "for") and cue.kind == "retaliation" for cue in lexicon.cues)


FIRST_VERB_PATTERN = re.compile(r"^verbs:\n(?:\s*#.*\n)*  (\w+):\n( +)- \{.*\}$", re.MULTILINE)

# (the first verb pattern is replaced by this, words the error must contain; {lemma} is the verb)
BROKEN_CASES = [
    ('{cameo: "999"}', "{lemma}: '999' is not a coded CAMEO event"),
    ('{cameo: "010"}', "{lemma}: '010' is not a coded CAMEO event"),
    ('{cameo: "161", objekt: [diplomat]}', "{lemma}: unknown keys ['objekt']"),
    ('{cameo: "161", object: "@nope"}', "unknown word class '@nope'"),
    ('{cameo: "161", when: sometime}', "{lemma}: `when` must be future or past"),
    ('{cameo: "161", actor: target}', "{lemma}: `actor` can only be speaker"),
    ('{cameo: "161", object: [diplomat], object: [envoy]}', "duplicate key 'object'"),
    ('"expel them"', "{lemma}: a pattern must be a mapping"),
]


@pytest.mark.parametrize(("pattern", "message"), BROKEN_CASES)
def test_broken_lexicon_names_the_line(tmp_path: Path, pattern: str, message: str) -> None:
    original = LEXICON.read_text(encoding="utf-8")
    found = FIRST_VERB_PATTERN.search(original)
    assert found is not None
    lemma, indent = found.group(1), found.group(2)
    line = original[: found.end()].count("\n") + 1
    start = original.rindex("\n", 0, found.end()) + 1
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(f"{original[:start]}{indent}- {pattern}{original[found.end():]}", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_lexicon(str(broken))
    assert message.format(lemma=lemma) in raised.value.reason
    assert raised.value.line == line
    assert f"lexicon.yaml:{line}: " in str(raised.value)


def test_missing_word_list_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(LEXICON.read_text(encoding="utf-8").replace("\nspeech_verbs:", "\nspeech_verb:", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="lexicon.yaml: missing word list `speech_verbs`"):
        load_lexicon(str(broken))


def test_unknown_class_in_a_class_names_its_line(tmp_path: Path) -> None:
    original = LEXICON.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    start = lines.index("classes:\n")
    second = [i for i in range(start + 1, len(lines)) if re.match(r"  \w+: \[", lines[i])][1]
    lines[second] = lines[second].replace("[", '["@nope", ', 1)
    broken = tmp_path / "lexicon.yaml"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown word class '@nope'") as raised:
        load_lexicon(str(broken))
    assert raised.value.line == second + 1


def test_a_sentiment_class_takes_in_vaders_most_negative_words(lexicon) -> None:
    verdicts = [p.complement for p in lexicon.patterns("call", "VERB") if p.cameo == "111" and p.complement]
    named = next(words for words in verdicts if "vile" in words)
    assert {"unjustified", "provocation"} <= named  # the lexicon's own words of condemnation stay
    considered = [p.complement for p in lexicon.patterns("consider", "VERB") if p.cameo == "111"]
    assert all("vile" not in words for words in considered)  # only what a state calls or describes so
    assert not {"disappointment", "concern", "decision"} & named  # mild or neutral words are not verdicts


@pytest.mark.parametrize("bounds", ["{}", "[-2]", "{below: -2}"])
def test_a_sentiment_class_without_bounds_is_refused(tmp_path: Path, bounds: str) -> None:
    original = LEXICON.read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(re.sub(r"(?m)^  named_verdict: \{.*\}$", f"  named_verdict: {bounds}", original, count=1),
                      encoding="utf-8")
    with pytest.raises(DataFileError, match="sentiment class named_verdict: needs `at_most` or `at_least`"):
        load_lexicon(str(broken))
