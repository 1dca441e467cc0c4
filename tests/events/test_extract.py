"""Sentences coded by the whole coder: one row per class of role finding worth guarding.

The sentences are written for these tests; each row names the actor and recipient countries (with the
recipient's sector where it matters) of the event of one PLOVER type.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.coder import Coder
from detente.records import Document


@pytest.fixture(scope="module")
def coder():
    return Coder()


def coded(coder, text: str, day: str = "2018-03-17") -> list[tuple]:
    document = Document(id="case", text=text, date=date.fromisoformat(day))
    return [(event.event, tuple(e.country for e in event.actor),
             tuple(f"{e.country} {e.sector or '-'}" for e in event.recipient)) for event in coder.code(document)]


# (sentence, PLOVER type, actor countries, recipients "COUNTRY SECTOR")
ROLE_CASES = [
    # attacks on an economy or a currency are words or policy, not an assault; said by the victim, an accusation
    ("Peru's president said the tariffs answered attacks by Chile on the Peruvian economy.", "ACCUSE", ("PER",),
     ("CHL -",)),
    # "fired back" in words is a retort, with weapons an attack
    ("The Chilean president fired back on Twitter, saying Peru had lied.", "ACCUSE", ("CHL",), ()),
    # export controls are an embargo; the state the exports go to is the recipient
    ("Chile imposed tighter controls on exports to Peru.", "SANCTION", ("CHL",), ("PER -",)),
    ("Chile ordered the freezing of the assets of Peruvian officials.", "SANCTION", ("CHL",), ("PER GOV",)),
    # the object of a verb that makes someone act does the act ("the poisoning led Britain to expel …")
    ("The raid led Chile to expel three Peruvian diplomats.", "SANCTION", ("CHL",), ("PER GOV",)),
    ("The vote prompted Peru to recall its ambassador from Chile.", "SANCTION", ("PER",), ("CHL -",)),
    # a proposal's author is the recipient of its rejection
    ("Chile rejected a new offer from Peru on the border.", "REJECT", ("CHL",), ("PER -",)),
    # a place named through its modifiers: "X province", "the Ruritanian town of …", "a town in X"
    ("Spain eased the emergency measures in Andorra province.", "CONCEDE", ("ESP",), ("AND -",)),
    # a state's act at home falls on the people of the place
    ("The Kenyan government imposed a curfew in the town of Garissa in Kenya.", "COERCE", ("KEN",),
     ("KEN CVL",)),
    # a state acting on a bare group of its own people
    ("The Chilean police arrested dozens of protesters.", "COERCE", ("CHL",), ("CHL CVL",)),
    ("The Peruvian government accused rebels of the ambush.", "ACCUSE", ("PER",), ("PER REB",)),
    # a threat's recipient is the subject of the condition of the threatened act
    ("Ecuador threatened to halt the talks unless Peru withdrew its troops.", "THREATEN", ("ECU",), ("PER -",)),
    # the target of what a preposition names
    ("Estonia mobilized its reservists on Friday for a war against Russia.", "MOBILIZE", ("EST",), ("RUS -",)),
    # the author of what a prepositional object names ("a demand *from* Chile")
    ("Bolivia refused to answer a demand from Chile to reopen the port.", "REJECT", ("BOL",), ("CHL -",)),
    # a threat is aimed where the threatened act would fall
    ("Sudan threatened to resume air raids in Chad.", "THREATEN", ("SDN",), ("TCD -",)),
    # a purpose clause names the target, and a group is not its own target
    ("Protesters in Lima blocked a highway to show their disapproval of Chile's fishing policy.", "PROTEST", ("PER",),
     ("CHL -",)),
    # the group that staged what a state's body acts on
    ("Kenyan police banned a march organised by students.", "COERCE", ("KEN",), ("KEN EDU",)),
    # those who go to a protest hold it, unless the clause is an event of its own
    ("Thousands of Chileans gathered on Sunday for a rally in Santiago.", "PROTEST", ("CHL",), ("CHL GOV",)),
    # people acting in a participle clause are the actor, placed where their clause is
    ("Kenyan police used tear gas against students protesting fee increases in Nairobi.", "PROTEST", ("KEN",),
     ("KEN GOV",)),
    # what follows from an act falls on the same side
    ("Chilean police fired on protesters in Santiago, wounding four and arresting twenty.", "COERCE", ("CHL",),
     ("CHL CVL",)),
    # troops that arrive are deployed, not visiting
    ("Turkish troops arrived in Qatar on Monday.", "MOBILIZE", ("TUR",), ("QAT -",)),
    ("Nepali peacekeepers arrived in Lebanon on Monday.", "AID", ("NPL",), ("LBN -",)),
    ("The Turkish president arrived in Qatar on Monday.", "CONSULT", ("TUR",), ("QAT -",)),
    # "to" labelled as a dative is still a preposition
    ("Norway is providing military intelligence to Estonia.", "AID", ("NOR",), ("EST -",)),
    # a verbal conflict conjoined to an act of the same actor shares its recipient
    ("Norway was deeply concerned by the detentions and urged the Russian authorities to free the men.",
     "ACCUSE", ("NOR",), ("RUS GOV",)),
    # a state's measure at home (curfew, martial law, its threat or easing) falls on its own people
    ("The Kenyan cabinet said it was ready to impose martial law.", "THREATEN", ("KEN",), ("KEN CVL",)),
    ("Chile lifted the state of emergency in the northern provinces on Friday.", "CONCEDE", ("CHL",),
     ("CHL CVL",)),
    # an attack that only names what killed: the state of its scene is the actor
    ("Two Nigerian soldiers were killed by a roadside device outside of the Malian town of Gao.", "ASSAULT",
     ("MLI",), ("NGA MIL",)),
    ("A bomb blast in Nairobi wounded four policemen on Monday.", "ASSAULT", ("KEN",), ("KEN COP",)),
    # an endorsement denied is a disapproval
    ("Austria said it did not agree with the Hungarian decision.", "ACCUSE", ("AUT",), ("HUN -",)),
    ("Austria disagreed with the Slovak position on the dam.", "ACCUSE", ("AUT",), ("SVK -",)),
    # a speaker's claim about an act with no subject of its own is about the doer of the clause above
    ("The Danish minister said Norway was harming both peoples by breaking a basic principle of diplomacy.",
     "ACCUSE", ("DNK",), ("NOR -",)),
    # people counted by the object and named "among them" or "including"
    ("Iran freed six prisoners on Friday, including two French citizens.", "RETREAT", ("IRN",), ("FRA CVL",)),
    # who takes a measure over an act imputes the act
    ("Canada expelled two Chinese diplomats on Monday over interference in its elections.", "ACCUSE", ("CAN",),
     ("CHN GOV",)),
    # a deadline given for the other side's act is an ultimatum
    ("Norway gave Russia until noon on Friday to let the fishermen go home.", "THREATEN", ("NOR",), ("RUS -",)),
    # a participle after a comma is the clause's, even when the parser hangs it on the object
    ("The step came days after Lisbon expelled two Iranian diplomats it said were spies, accusing Iran's "
     "intelligence ministry of plotting an attack.", "ACCUSE", ("PRT",), ("IRN GOV",)),
    # a speaker's order stated as an obligation
    ("Norway said on Tuesday that four Russian diplomats had to leave the country.", "SANCTION", ("NOR",),
     ("RUS GOV",)),
    # a list whose "and" hangs on a conjunct of an apposition
    ("Chile, the Republic of Peru, Bolivia and Ecuador severed diplomatic relations with Paraguay on Monday.",
     "SANCTION", ("CHL", "PER", "BOL", "ECU"), ("PRY -",)),
    # what a pronoun owns is the actor's own, not the recipient
    ("Chile said it would close its border with Peru. Bolivia also closed its airspace to Peruvian planes.",
     "SANCTION", ("BOL",), ("PER -",)),
    ("Peru opened an office in Santiago. In August, Bolivia recalled its ambassador from Quito.", "SANCTION",
     ("BOL",), ("ECU GOV",)),
    # a material conflict decided is that act
    ("The EU agreed on Monday to ban Belarusian airlines from its airspace.", "SANCTION", ("EU",), ("BLR BUS",)),
    ("Chile's foreign ministry said it was lowering its diplomatic relations with Peru.", "SANCTION", ("CHL",),
     ("PER -",)),
    # names called are a condemnation
    ("Erdoğan called the Dutch government Nazi remnants and fascists.", "ACCUSE", ("TUR",), ("NLD GOV",)),
    # the one asked is who is to act in the demand's clause
    ("Chilean officials repeated their demand that Lima withdraw the curbs.", "REQUEST", ("CHL",), ("PER GOV",)),
    # a measure's target in the phrase of its amount; raising tariffs
    ("Chile imposed an anti-dumping duty of 73.6 percent on Peruvian barley.", "SANCTION", ("CHL",), ("PER -",)),
    ("Chile raised tariffs on Peruvian imports to 25 percent.", "SANCTION", ("CHL",), ("PER -",)),
    # troops leaving or withdrawing, lines cut off, a minister received, forces massed or put on alert
    ("The last Dutch troops left Mali on Friday.", "RETREAT", ("NLD",), ("MLI -",)),
    ("Chilean troops withdrew from northern Peru.", "RETREAT", ("CHL",), ("PER -",)),
    ("Chile cut off all communication lines with Peru.", "SANCTION", ("CHL",), ("PER -",)),
    ("The Chilean president received the Peruvian foreign minister in Santiago.", "CONSULT", ("CHL",),
     ("PER GOV",)),
    ("Ghana flew emergency supplies to Togo on Monday.", "AID", ("GHA",), ("TGO -",)),
    # sanctions suspended, censorship abolished, exports resumed, police deployed, an embassy besieged
    ("Canada suspended its sanctions against Chile on Monday.", "RETREAT", ("CAN",), ("CHL -",)),
    ("Chile's interior ministry abolished the censorship of newspapers.", "CONCEDE", ("CHL",), ("CHL MED",)),
    ("Peru resumed copper exports to Chile on Sunday.", "COOPERATE", ("PER",), ("CHL -",)),
    ("Hundreds of Peruvian protesters besieged the Chilean embassy in Lima.", "PROTEST", ("PER",), ("CHL GOV",)),
    # citizens ordered out are deported, diplomats ordered out expelled
    ("Chile ordered Peruvian citizens living in the country to depart within 14 days.", "COERCE", ("CHL",),
     ("PER CVL",)),
    # talks with, money deposited, held responsible
    ("The Chilean president spoke with his Peruvian counterpart on Friday.", "CONSULT", ("CHL",), ("PER -",)),
    ("Chile deposited 1 billion dollars with Peru's central bank.", "AID", ("CHL",), ("PER GOV",)),
    ("Chile and Ecuador held Peru responsible for the attack.", "ACCUSE", ("CHL", "ECU"), ("PER -",)),
    # a material conflict under a condition is a threat aimed at who sets the condition
    ("Chile said it would close the Strait of Magellan if Peru imposed an embargo on its copper.", "THREATEN",
     ("CHL",), ("PER -",)),
    # a threat without a target is aimed at who did the last hostile act against the speaker, not at the last
    # country named (Sweden)
    ("Norway expelled two Russian diplomats on Monday. Oslo said they were spies. A Swedish newspaper first "
     "reported the story. Moscow said it would respond.", "THREATEN", ("RUS",), ("NOR -",)),
    # "both sides", "the two countries": the two states the document names most
    ("Chile and Peru clashed on the border. Chilean troops shelled a Peruvian post. Brazil urged both sides to "
     "respect the truce.", "REQUEST", ("BRA",), ("CHL -", "PER -")),
    # … the two with events between them, not a mediator named more often
    ("Azerbaijani forces shelled Armenian positions on Monday. Armenia accused Azerbaijan of breaking the truce. "
     "Moscow offered talks, the Kremlin said, and Russia's foreign minister flew to Moscow from Russia's south. "
     "The two sides agreed to a ceasefire on Friday.", "AGREE", ("ARM",), ("AZE -",)),
    # … and when a mediator has as many events with one of them, the pair told first
    ("Chile and Peru held talks in Brasilia on Monday. Brazil's president, who hosted them, urged Chile to stop "
     "the shelling. The two sides agreed to a ceasefire on Friday.", "AGREE", ("CHL",), ("PER -",)),
]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), ROLE_CASES)
def test_roles(coder, text: str, event: str, actor: tuple, recipient: tuple) -> None:
    assert (event, actor, recipient) in coded(coder, text), coded(coder, text)


def test_criticising_the_decision_aims_at_all_who_took_it(coder) -> None:
    events = coded(coder, "Chile and Bolivia cut diplomatic ties with Peru on Monday. Peru said it regretted the "
                          "decision, which it called unjustified.")
    assert [recipient for event, _, recipient in events if event == "ACCUSE"] == [("CHL -", "BOL -")]


def test_the_junta_is_the_military_government_named_before(coder) -> None:
    events = coded(coder, "Chile's military government expelled the Peruvian ambassador. "
                          "The junta then renounced the border treaty with Peru.")
    assert [actor for _, actor, _ in events] == [("CHL",), ("CHL",)]


def test_firing_back_with_weapons_is_an_attack(coder) -> None:
    assert [(event, actor) for event, actor, _ in coded(coder, "Chilean soldiers fired back at Peruvian troops.")] \
        == [("ASSAULT", ("CHL",))]


def test_deportation_gets_no_domestic_recipient(coder) -> None:
    assert ("COERCE", ("RUS",), ()) in coded(coder, "Russia deported two reporters.")


def test_expulsions_of_their_own_aim_at_the_earlier_target(coder) -> None:
    events = coded(coder, "Poland expelled four Belarusian diplomats on Monday. "
                          "Lithuania announced expulsions of its own on Tuesday.")
    assert ("SANCTION", ("LTU",), ("BLR GOV",)) in events, events


def test_facility_taken_away_is_a_sanction(coder) -> None:
    events = coded(coder, "Ottawa took away a residence used by the Iranian embassy.")
    assert any(event == "SANCTION" and actor == ("CAN",) for event, actor, _ in events), events


def test_staff_who_must_stop_working_are_expelled(coder) -> None:
    events = coded(coder, "Two hundred staff will stop working for the Dutch mission, the Iranian minister said.")
    assert any(event == "SANCTION" and actor == ("IRN",) for event, actor, _ in events), events


def dates(coder, text: str, day: str = "2018-03-17") -> list[tuple]:
    document = Document(id="case", text=text, date=date.fromisoformat(day))
    return [(event.event, event.date.isoformat() if event.date else None) for event in coder.code(document)]


def test_pronoun_subject_goes_on_with_the_day_of_the_sentence_before(coder) -> None:
    found = dates(coder, "The Danish prime minister criticised Norway on Tuesday. "
                         "She urged Oslo to release the fishermen.")
    assert ("REQUEST", "2018-03-13") in found, found


def test_other_actor_does_not_take_the_day_of_the_sentence_before(coder) -> None:
    found = dates(coder, "Denmark expelled two Norwegian diplomats on Tuesday. "
                         "It said Norway would answer.")
    assert ("THREATEN", "2018-03-17") in found or ("THREATEN", "2018-03-13") in found, found


def test_called_on_a_day_is_no_appeal(coder) -> None:
    assert [e for e, _ in dates(coder, "On Monday the Austrian chancellor called the talks useful.")
            if e == "REQUEST"] == []


def test_same_day_counts_from_the_event_told_before(coder) -> None:
    found = dates(coder, "On Monday, March 12, Finland expelled two Russian diplomats. "
                         "Estonia expelled diplomats of its own the same day, and on Tuesday Latvia sent home three staff.")
    assert ("SANCTION", "2018-03-12") in found and ("SANCTION", "2018-03-13") in found, found


def test_arrests_during_a_rally_are_not_the_police_protest(coder) -> None:
    events = coded(coder, "Chilean police detained dozens of students during the rally in Santiago.")
    assert [e for e in events if e[0] == "PROTEST"] == [], events


def test_declining_to_comment_rejects_nobody(coder) -> None:
    assert coded(coder, "The Danish ministry declined to comment on the number of Russian diplomats.") == []


def test_charge_named_by_a_noun_is_dated_by_the_speech(coder) -> None:
    found = dates(coder, "The Danish foreign minister said on Tuesday that the move was blackmail by Norway.")
    assert ("ACCUSE", "2018-03-13") in found, found


def test_purpose_clause_does_not_make_the_actors_own_people_the_target(coder) -> None:
    events = coded(coder, "Ottawa closed the Iranian consulate to protect Canadian students.")
    assert ("SANCTION", ("CAN",), ("IRN GOV",)) in events, events


def test_mobilising_support_is_no_mobilisation(coder) -> None:
    assert coded(coder, "Qatar mobilised lobby groups in Washington.") == []


def test_a_victim_of_a_poisoning_names_no_attacker(coder) -> None:
    assert [e for e in coded(coder, "A Russian banker was poisoned in Oslo on Sunday.") if e[0] == "ASSAULT"] == []


def test_a_nouns_date_is_not_that_of_a_place_in_its_phrases(coder) -> None:
    found = dates(coder, "Prague's expulsion of 18 diplomats over the blasts at a depot in 2014 angered Moscow.")
    assert found and ("SANCTION", "2014-01-01") not in found, found


def _hand_parsed(coder, words: list[str], heads: list[int], deps: list[str], pos: list[str], date: tuple[int, int]):
    """A parse as the model might give it, with the date attached to the first verb."""
    from spacy.tokens import Doc, Span

    doc = Doc(coder.resources.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=[w.lower() for w in words])
    doc.ents = [Span(doc, *date, label="DATE")]
    return doc


def test_a_date_after_a_nearer_happening_is_that_happenings(coder) -> None:
    from detente.coder import _event_date

    words = ["Oslo", "called", "them", "accusations", "over", "the", "poisoning", "of", "a", "defector", "on",
             "March", "4", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 6, 9, 7, 1, 10, 11, 1]
    deps = ["nsubj", "ROOT", "nsubj", "oprd", "prep", "det", "pobj", "prep", "det", "pobj", "prep", "pobj",
            "nummod", "punct"]
    pos = ["PROPN", "VERB", "PRON", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "NUM",
           "PUNCT"]
    doc = _hand_parsed(coder, words, heads, deps, pos, (11, 13))
    lexicon = coder.resources.lexicon
    assert _event_date(doc[1], doc[:], date(2018, 3, 17), None, lexicon) is None
    doc = _hand_parsed(coder, [w if w != "poisoning" else "table" for w in words], heads, deps, pos, (11, 13))
    assert _event_date(doc[1], doc[:], date(2018, 3, 17), None, lexicon).date == date(2018, 3, 4)
    # a happening "during" which the event happens is at its time: the date is the event's too
    doc = _hand_parsed(coder, [w if w != "over" else "during" for w in words], heads, deps, pos, (11, 13))
    assert _event_date(doc[1], doc[:], date(2018, 3, 17), None, lexicon).date == date(2018, 3, 4)


def test_the_means_of_a_passive_deed_shares_its_date(coder) -> None:
    """ "was killed by a drone strike on 3 January": the strike is how the deed was done, not a nearer happening
    of its own."""
    from detente.coder import _event_date

    words = ["Soleimani", "was", "killed", "by", "a", "drone", "strike", "on", "3", "January", "."]
    heads = [2, 2, 2, 2, 6, 6, 3, 2, 9, 7, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "det", "compound", "pobj", "prep", "nummod", "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "NOUN", "ADP", "NUM", "PROPN", "PUNCT"]
    doc = _hand_parsed(coder, words, heads, deps, pos, (8, 10))
    assert _event_date(doc[2], doc[:], date(2020, 1, 9), None, coder.resources.lexicon).date == date(2020, 1, 3)


def test_a_decided_material_conflict_is_no_agreement(coder) -> None:
    events = coded(coder, "The EU agreed on Monday to ban Belarusian airlines from its airspace.")
    assert [e for e in events if e[0] in ("AGREE", "THREATEN")] == [], events


def test_a_counted_vote_does_not_take_the_date_of_its_act(coder) -> None:
    found = dates(coder, "The Danish parliament passed new sanctions on Norway by 98 votes to 2 on March 14.")
    assert ("SANCTION", "2018-03-14") in found, found


def test_a_name_the_model_reads_as_a_month_or_a_modal_acts(coder) -> None:
    found = dates(coder, "Prime Minister Theresa May spoke in London. May announced on Wednesday that 23 Russian "
                         "diplomats identified as undeclared intelligence officers had to leave Britain.")
    assert ("SANCTION", "2018-03-14") in found, found


def test_a_definite_subject_goes_on_with_the_day_of_the_sentence_before(coder) -> None:
    found = dates(coder, "On Tuesday, Norway's foreign ministry announced that it was lowering its diplomatic "
                         "relations with Denmark. The statement accused Copenhagen of an egregious act and demanded "
                         "that it correct its mistake.")
    assert ("SANCTION", "2018-03-13") in found and ("ACCUSE", "2018-03-13") in found, found
    assert ("REQUEST", "2018-03-13") in found, found  # a conjunct shares the subject of the first verb


def test_statements_of_one_speaker_share_the_day_of_the_first(coder) -> None:
    found = dates(coder, "Norway's foreign minister Kari Holm said on Tuesday that Norway had expelled two Danish "
                         "diplomats. The rest of the staff stayed. Holm said Denmark had violated the Vienna Convention.")
    assert ("ACCUSE", "2018-03-13") in found, found


def test_a_bare_number_refers_back_to_what_it_counted(coder) -> None:
    events = coded(coder, "On Monday, Norway ordered 15 Russians out of the country. "
                          "Norwegian officials described all 15 as intelligence officers.")
    assert ("ACCUSE", ("NOR",), ("RUS -",)) in events, events


def test_the_next_day_after_a_month_is_that_month(coder) -> None:
    found = dates(coder, "In April, Norway expelled ten Russian diplomats; Moscow replied the next day by expelling "
                         "ten Norwegians.", day="2021-06-17")
    assert found.count(("SANCTION", "2021-04-01")) == 2, found


def test_a_counted_definite_object_mentions_an_event_told_before(coder) -> None:
    found = dates(coder, "On Sunday, Russia expelled 20 Czech diplomats. Prague was furious. "
                         "Moscow answered by expelling the 20 Czechs.", day="2021-04-22")
    assert found.count(("SANCTION", "2021-04-18")) == 2, found
