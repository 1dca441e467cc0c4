"""Stated responses read while coding (claims) and the links made of them, on articles written for the tests."""

from __future__ import annotations

import pytest

from detente import api
from detente.coder import Coder
from detente.records import Document
from detente.store import EventFilter

from .conftest import code_articles


@pytest.fixture(scope="module")
def coder():
    return Coder()


def claims_of(coder, text, day="2021-04-20"):
    from datetime import date
    work = next(coder.work_all([Document(id="t", text=text, date=date.fromisoformat(day), date_source="option")]))
    events = {e.id: e for e in work.events}
    return [(c, events[c.effect], events.get(c.cause)) for c in work.claims]


def _pair(event):
    return (event.actor[0].country, event.recipient[0].country if event.recipient else None)


def test_the_cause_inside_the_cue_phrase(coder):
    found = claims_of(coder, "Russia expelled 20 Czech diplomats on Sunday in retaliation for Prague's "
                             "expulsion of 18 Russian embassy staff.")
    assert len(found) == 1
    claim, effect, cause = found[0]
    assert claim.kind == "retaliation" and claim.cue == "in retaliation for"
    assert _pair(effect) == ("RUS", "CZE") and cause is not None and _pair(cause) == ("CZE", "RUS")


def test_what_a_free_relative_names_is_the_cause(coder):
    """ "in protest at *what it called* Chávez's interference": the interference, not the calling."""
    found = claims_of(coder, "Peru recalled its ambassador from Caracas on Saturday in protest at what it called "
                             "President Hugo Chávez's repeated interference in the election.", "2006-04-30")
    assert [(_pair(effect), cause is not None and _pair(cause)) for _claim, effect, cause in found] == [
        (("PER", "VEN"), ("VEN", "PER"))], found


def test_an_answer_told_with_words_and_a_deed_is_the_deed(coder):
    found = claims_of(coder, "Moscow called the move unfriendly and expelled 60 American diplomats in response to "
                             "the expulsion of 60 Russians by the United States.", day="2018-03-29")
    assert [(effect.event, _pair(effect)) for _claim, effect, _cause in found] == [("SANCTION", ("RUS", "USA"))]


def test_a_cue_that_refers_back_takes_the_event_before(coder):
    found = claims_of(coder, "The State Department ordered Russia to close its consulate in Seattle. "
                             "The move was a response to Moscow's expulsion of 60 American diplomats.",
                      day="2018-04-02")
    assert len(found) == 1
    claim, effect, cause = found[0]
    assert claim.sentence == 1 and effect.sentence == 0
    assert _pair(effect) == ("USA", "RUS")


def test_a_reciprocity_cue_without_a_phrase_keeps_no_cause(coder):
    found = claims_of(coder, "India expelled a senior Canadian diplomat on Tuesday in a tit-for-tat move.",
                      day="2023-09-19")
    assert [(c.kind, cause) for c, _, cause in found] == [("reciprocity", None)]


def test_a_measure_told_with_its_doer_and_its_day_in_the_cue_phrase_is_an_event(coder):
    found = claims_of(coder, "Washington ordered 55 Soviet diplomats to leave on Tuesday in direct retaliation "
                             "for the expulsion of five Americans from Moscow on Sunday.", day="1986-10-22")
    claim, effect, cause = found[0]
    assert _pair(effect) == ("USA", "RUS") and cause is not None
    assert (_pair(cause), cause.event, str(cause.date), cause.status) == (("RUS", "USA"), "SANCTION", "1986-10-19",
                                                                          "actual")


def test_a_measure_without_its_own_day_is_looked_up_not_told(coder):
    found = claims_of(coder, "Washington expelled 55 Soviet diplomats in retaliation for the expulsion of five "
                             "Americans from Moscow.", day="1986-10-22")
    assert [cause for _c, _e, cause in found] == [None]


def test_the_words_of_an_unreported_cause_are_kept(coder):
    found = claims_of(coder, "Moscow ordered 23 British diplomats out in retaliation for the sanctions bill.",
                      day="2018-03-17")
    claim, effect, cause = found[0]
    assert cause is None and "sanctions" in claim.cause_text and "163" in claim.cause_codes


@pytest.mark.parametrize("text", [
    "The two ministers met in Geneva after the talks in Vienna had ended.",
    "Russia expelled 20 Czech diplomats after Prague agreed to host the talks.",
])
def test_after_alone_is_no_claim(coder, text):
    assert claims_of(coder, text) == []


# -- links across documents ---------------------------------------------------------------------------

CAUSE = ("cause-1", "Harbour Wire", "2021-04-17",
         "Czech Republic expels 18 Russians\n\nPRAGUE — The Czech Republic on Saturday expelled 18 Russian "
         "diplomats over an explosion at an ammunition depot in 2014.")
ANSWER = ("answer-1", "Evening Courier", "2021-04-19",
          "Russia hits back at Prague\n\nMOSCOW — Russia on Sunday expelled 20 Czech diplomats in retaliation "
          "for the expulsion of 18 Russians.")
UNRELATED = ("later-1", "Harbour Wire", "2021-07-30",
             "Russia expels a Czech attaché\n\nMOSCOW — Russia on Friday expelled a Czech military attaché.")


def _only(store, actor, recipient):
    found = [r for r in api.aggregated(store, EventFilter(dyad=(actor, recipient), event="SANCTION",
                                                           both_directions=False)) if r["mode"] == "expel"]
    return found


def test_a_stated_response_links_to_a_cause_reported_by_another_outlet(store):
    code_articles(store, [CAUSE, ANSWER])
    cause = _only(store, "CZE", "RUS")
    answer = [r for r in _only(store, "RUS", "CZE") if r["date"] == "2021-04-18"]
    assert len(cause) == 1 and len(answer) == 1
    stated = [link for link in answer[0]["links"] if link["type"] == "responds_to"]
    assert [link["event"] for link in stated] == [cause[0]["id"]]
    assert stated[0]["cue"] == "in retaliation for" and "20 Czech diplomats" in stated[0]["evidence"]


def test_a_claim_waits_for_its_cause(store):
    code_articles(store, [ANSWER])
    assert store.unresolved_claims()
    code_articles(store, [CAUSE])
    assert not store.unresolved_claims()
    answer = [r for r in _only(store, "RUS", "CZE") if r["date"] == "2021-04-18"][0]
    assert any(link["type"] == "responds_to" for link in answer["links"])


def test_a_cause_looked_up_is_revised_when_a_better_one_arrives(store):
    """ "in retaliation for the expulsion of 18 Russians": first linked to the only Czech expulsion stored (of
    two), then, when a later run stores the expulsion of 18, to that one."""
    earlier = ("early-1", "Harbour Wire", "2021-04-10",
               "Prague expels two Russians\n\nPRAGUE — The Czech Republic on Saturday expelled two Russian diplomats.")
    code_articles(store, [earlier, ANSWER])
    assert [store.counts_of(link.cause) for link in store.links() if link.type == "responds_to"] == [{2}]
    code_articles(store, [CAUSE])
    assert [store.counts_of(link.cause) for link in store.links() if link.type == "responds_to"
            and link.cue == "in retaliation for"] == [{18}]


def test_a_counter_action_within_the_window_is_an_inferred_link(store):
    quiet_answer = ("answer-2", "Evening Courier", "2021-04-19",
                    "Russia expels 20 Czechs\n\nMOSCOW — Russia on Sunday expelled 20 Czech diplomats.")
    code_articles(store, [CAUSE, quiet_answer, UNRELATED])
    cause = _only(store, "CZE", "RUS")[0]
    by_date = {r["date"]: r for r in _only(store, "RUS", "CZE")}
    inferred = by_date["2021-04-18"]["links"]
    assert [(link["type"], link["event"]) for link in inferred] == [("inferred", cause["id"])]
    assert 0 < inferred[0]["score"] < 1
    assert by_date["2021-07-30"]["links"] == []  # more than 30 days later: not an answer


def test_chain_and_reciprocity(store):
    code_articles(store, [CAUSE, ANSWER])
    answer = [r for r in _only(store, "RUS", "CZE") if r["date"] == "2021-04-18"][0]
    nodes = api.chain(store, str(answer["number"]), all_links=True)  # every link, whatever its score
    # the answer, the expulsion it answers, and the explosion that expulsion was "over" (a cause event)
    assert [n.depth for n in nodes] == [0, -1, -2]
    assert nodes[1].event.actors == "CZE" and nodes[1].link_type == "responds_to"
    assert nodes[2].event.event == "ASSAULT" and nodes[2].event.actors == "RUS" and nodes[2].event.status == "alleged"
    stats = {r.actor: r for r in api.dyad(store, "CZE", "RUS").reciprocity}
    assert stats["CZE"].answered == 1 and stats["CZE"].answered_in_kind == 1
    assert stats["CZE"].median_lag_days == 1
    assert stats["CZE"].proportionality == round(20 / 18, 2)


# -- causes that are deeds, coded by the claims stage -------------------------------------------------------------

CAUSE_CASES = [
    # (text, the cause's type, actor, recipient, status, date)
    ("Britain expelled 23 Russian diplomats on Wednesday over the poisoning of a former spy in Salisbury on "
     "March 4.", "ASSAULT", "RUS", "GBR", "alleged", "2018-03-04"),
    ("Washington imposed sanctions on Moscow over election interference.", "COERCE", "RUS", "USA", "alleged", None),
    ("Prague expelled 18 Russian diplomats over the 2014 explosions at an arms depot.", "ASSAULT", "RUS", "CZE",
     "alleged", "2014-01-01"),
    # a doer the phrase names as a fact
    ("Britain expelled 23 Russian diplomats over Russia's cyberattacks on British ministries.", "COERCE", "RUS",
     "GBR", "actual", None),
]


@pytest.mark.parametrize(("text", "kind", "actor", "recipient", "status", "day"), CAUSE_CASES)
def test_a_deed_named_as_the_cause_is_an_event(coder, text, kind, actor, recipient, status, day):
    [(claim, effect, cause)] = [found for found in claims_of(coder, text, day="2018-03-15")
                                if found[1].quad_class == 4][:1]
    assert cause is not None, claim
    assert (cause.event, _pair(cause), cause.status) == (kind, (actor, recipient), status)
    assert (cause.date.isoformat() if cause.date else None) == day
    assert cause.date_source == ("background" if day is None else cause.date_source)


def test_a_measure_named_as_the_cause_is_looked_up_not_coded(coder):
    [(claim, _effect, cause)] = claims_of(coder, "Moscow ordered 23 British diplomats out in retaliation for "
                                                 "the sanctions bill.", day="2018-03-17")
    assert cause is None and claim.cause_codes


def test_a_negated_answer_is_no_claim(coder):
    text = "Russia expelled 23 British diplomats on Saturday. Britain has not answered with a second round."
    assert [c for c, _e, _c in claims_of(coder, text, day="2018-03-20") if c.sentence == 1] == []


@pytest.mark.parametrize(("text", "answerer", "answered"), [
    ("Britain expelled three Syrian diplomats on Friday, and Damascus answered in kind.", "SYR", "GBR"),
    ("India ordered Pakistan to halve its embassy staff, and Islamabad responded within hours with identical "
     "measures.", "PAK", "IND"),
    ("Germany expelled 40 Russian diplomats on Monday. Russia responded in kind on Wednesday.", "RUS", "DEU"),
    ("The United States closed two Chinese consulates in July. Beijing reciprocated.", "CHN", "USA"),
])
def test_an_answer_in_kind_is_the_same_act_turned_back(coder, text, answerer, answered):
    [(claim, effect, cause)] = claims_of(coder, text)
    assert _pair(effect) == (answerer, answered) and _pair(cause) == (answered, answerer)
    assert effect.cameo == cause.cameo and effect.recipient_source == "answered" and claim.kind == "reciprocity"


@pytest.mark.parametrize("text", [
    # the answer is told: no second event is made of "in kind"
    "Britain expelled 23 Russian diplomats. Russia responded in kind, expelling 23 British diplomats.",
    # a threat, not an answer given
    "Britain expelled 23 Russian diplomats. Russia will respond in kind, the ministry said.",
    # nothing was done to the one who answers
    "Britain expelled 23 Russian diplomats. Norway answered in kind.",
])
def test_no_answer_in_kind_is_made(coder, text):
    events = [effect for _c, effect, _cause in claims_of(coder, text)]
    assert not [e for e in events if e.recipient_source == "answered"]


def test_a_cue_on_a_noun_of_an_act_told_before_takes_that_act(coder):
    # "the strikes were in retaliation for …": the speaker's word on its own act is no accusation; the claim
    # refers back to the strikes, and the mining is coded as the cause
    text = ("U.S. warships destroyed two Iranian oil platforms in the Gulf on Monday. A Pentagon spokesman told "
            "reporters that the strikes were in retaliation for the mining of an American frigate on Thursday.")
    [(claim, effect, cause)] = claims_of(coder, text, day="1988-04-18")
    assert _pair(effect) == ("USA", "IRN") and effect.sentence == 0
    assert cause is not None and _pair(cause) == ("IRN", "USA") and cause.event == "ASSAULT"
    assert str(cause.date) == "1988-04-14"


def test_a_verdict_answers_the_news_not_the_background_told_after_it(coder):
    """ "called the closures Russophobic": the closure of the day, not the one of last week that the story tells
    after it, though that one is told last and names whom it was done to."""
    text = ("Finland will close three more crossings on its border with Russia from Thursday, the government said "
            "on Wednesday. Helsinki shut four other crossings last week. Moscow called the closures Russophobic on "
            "Wednesday.")
    found = [(effect, cause) for claim, effect, cause in claims_of(coder, text, day="2023-11-22")
             if claim.kind == "judgement"]
    assert [(effect.event, cause.sentence, str(cause.date)) for effect, cause in found] == [
        ("ACCUSE", 0, "2023-11-22")], found


def test_what_the_news_came_after_is_its_cause(coder):
    """ "The move came a day after …": the act the story told first, of the kind the subject names, answers the
    act the clause tells, however far down the story it is said."""
    text = ("Egypt expelled the Turkish ambassador on Saturday. Turkey said it regretted the decision. President "
            "Abdullah Gul said he hoped ties would recover. The move came a day after Prime Minister Recep Tayyip "
            "Erdogan criticised Egypt's army again.")
    found = [(claim, effect, cause) for claim, effect, cause in claims_of(coder, text, day="2013-11-23")
             if claim.kind == "cause"]
    assert [(_pair(effect), effect.event, _pair(cause), cause.event) for _c, effect, cause in found] == [
        (("EGY", "TUR"), "SANCTION", ("TUR", "EGY"), "ACCUSE")], found


def test_what_the_news_came_after_is_no_cause_when_the_news_answers_nothing(coder):
    # Canada's accusation is the news; the arrest it came after was Canada's own act: a time, not a cause
    text = ("Canada accused China of hacking its National Research Council on Tuesday. China urged Ottawa to stop "
            "its groundless accusations. The announcement came a month after Canada arrested a Chinese "
            "businessman in Vancouver.")
    assert [claim for claim, _e, _c in claims_of(coder, text, day="2014-07-30") if claim.kind == "cause"] == []


def test_only_the_acts_of_who_answers_are_the_answer(coder):
    # the answer of "Iran answered within hours" is Iran's attack told next, not the American strikes before
    text = ("U.S. warships destroyed two Iranian oil platforms in the Gulf on Monday. Iran answered within hours. "
            "Iranian speedboats attacked an American frigate.")
    [(claim, effect, _cause)] = claims_of(coder, text, day="1988-04-18")
    assert claim.sentence == 1 and _pair(effect) == ("IRN", "USA") and effect.sentence == 2


THREAT_STORY = ("threat-1", "Harbour Wire", "2021-04-19",
                "Moscow warns Prague\n\nMOSCOW — The Czech Republic on Saturday expelled 18 Russian diplomats and "
                "threatened further steps against Moscow. The Russian foreign ministry said on Monday that the "
                "move was unfriendly and that Russia would respond.")


def _links_of(store, event_type):
    return [(link["type"], store.aggregate(link["event"]).event)
            for row in api.aggregated(store, EventFilter(event=event_type, all_links=True)) for link in row["links"]]


def test_a_threat_to_respond_answers_a_deed_not_the_other_sides_threat(store):
    code_articles(store, [THREAT_STORY])
    stated = [cause_type for kind, cause_type in _links_of(store, "THREATEN") if kind == "responds_to"]
    assert "THREATEN" not in stated and stated  # the expulsion, not Prague's warning


def test_the_cue_that_is_a_threats_own_word_links_only_the_threat(store):
    # "the move was unfriendly" answers the expulsion it judges (a judgement), not "Russia would respond"
    code_articles(store, [THREAT_STORY])
    assert [link for link in _links_of(store, "ACCUSE") if link[0] == "responds_to"] in ([], [("responds_to",
                                                                                              "SANCTION")])


FURY_STORY = ("fury-1", "Harbour Wire", "2008-10-08",
              "Britain freezes Icelandic bank's assets\n\nLONDON — Britain froze the British assets of the "
              "Icelandic bank Landsbanki on Wednesday. Prime Minister Gordon Brown called Iceland's actions "
              "illegal. Reykjavik reacted with fury. The Icelandic prime minister called the freeze an "
              "unfriendly act.")


def test_a_verdict_with_no_cause_named_answers_the_deed_not_the_words(store):
    code_articles(store, [FURY_STORY])
    stated = [cause_type for kind, cause_type in _links_of(store, "ACCUSE") if kind == "responds_to"]
    assert stated and set(stated) == {"SANCTION"}, stated


@pytest.mark.parametrize("answer", ["in response", "in return", "in reply"])
def test_an_answer_told_without_its_cause_is_a_response(coder, answer):
    """ "Rwanda expelled six South African diplomats *in response*": a response cue with nothing after it."""
    found = claims_of(coder, f"South Africa expelled three Rwandan diplomats on Friday. Rwanda expelled six South "
                             f"African diplomats {answer}.", day="2014-03-08")
    assert [(claim.kind, claim.cue, _pair(effect)) for claim, effect, _cause in found] == [
        ("response", answer, ("RWA", "ZAF"))], found


JUDGEMENTS = [
    # (text, judge → judged, the type of the act judged)
    ("Britain expelled 23 Russian diplomats on Tuesday. On Wednesday Moscow called the expulsion unfounded.",
     ("RUS", "GBR"), "SANCTION"),
    ("Britain accused Russia of the attack on Monday. Russia rejected the accusations on Tuesday.",
     ("RUS", "GBR"), "ACCUSE"),
    ("Slovakia barred the Hungarian president from entering on Friday. Hungary said it deeply regrets the decision.",
     ("HUN", "SVK"), "SANCTION"),
    ("Ottawa froze new trade talks with Riyadh on Monday. The Saudi foreign ministry said it was disappointed by "
     "the move.", ("SAU", "CAN"), "SANCTION"),
    ("Kenya accused Somalia of sheltering the gunmen. Somalia denied any involvement.", ("SOM", "KEN"), "ACCUSE"),
    # what was done to a third party: the doer is judged all the same
    ("U.S. warplanes bombed targets in Tripoli on Tuesday. Greece condemned the raids.", ("GRC", "USA"), "ASSAULT"),
    # a refusal that names nothing answers the demand just made
    ("Thailand asked Cambodia on Monday to extradite the fugitive. Cambodia refused on Wednesday.", ("KHM", "THA"),
     "REQUEST"),
    # a verdict in the clause a speaker reports: on its subject
    ("Washington accused Beijing of the hacking on Monday. On Tuesday a Chinese spokeswoman said the American "
     "accusation was groundless.", ("CHN", "USA"), "ACCUSE"),
    # a demand to undo an act told before answers it
    ("Beijing banned seafood imports from Japan on Thursday. Tokyo demanded the immediate lifting of the ban.",
     ("JPN", "CHN"), "SANCTION"),
    ("Japan tightened export controls on three chemicals bound for South Korea on Thursday. Seoul urged Tokyo to "
     "withdraw the curbs.", ("KOR", "JPN"), "SANCTION"),
]


@pytest.mark.parametrize(("text", "pair", "judged"), JUDGEMENTS)
def test_a_verdict_on_an_act_told_before_answers_it(coder, text, pair, judged):
    """ "Moscow called *the expulsion* unfounded": the verdict names what it answers (claim kind ``judgement``)."""
    found = [(claim, effect, cause) for claim, effect, cause in claims_of(coder, text) if claim.kind == "judgement"]
    assert [(_pair(effect), _pair(cause)[0], cause.event) for _claim, effect, cause in found] == [
        (pair, pair[1], judged)], found


@pytest.mark.parametrize("text", [
    # nothing the judged side did to the judge is told before
    "Moscow called the expulsion unfounded.",
    # the act judged is the judge's own side's
    "Russia expelled 23 British diplomats on Tuesday. Russia called the expulsion justified and Britain "
    "condemned it.",
    # "sanctions" in general, not an act told before
    "Britain imposed sanctions on Iran on Monday. Iran condemned sanctions as a weapon of the weak.",
    # an accusation rejected, when the side judged only expelled: no accusation to answer
    "Britain expelled two Iranian diplomats on Monday. Iran rejected the accusations.",
    # a demand to undo what was not told: sanctions in general
    "Britain imposed a travel ban on two Iranian officials. Iran demanded the lifting of sanctions.",
    # a refusal that names nothing, long after the demand: not its answer
    "Thailand asked Cambodia on Monday to extradite the fugitive. Cambodia expelled a Thai diplomat. Thailand "
    "recalled its ambassador. Cambodia closed the border. Cambodia refused on Wednesday.",
])
def test_no_verdict_answers_what_was_not_done_to_the_judge(coder, text):
    assert [claim for claim, _e, _c in claims_of(coder, text) if claim.kind == "judgement"] == []


def test_a_measure_against_who_did_something_to_a_third_party_answers_it(coder):
    """ "broke off relations with Bonn *in retaliation for Bonn's decision* to establish relations with Israel":
    the cause was done to Israel, and the answer punishes its doer."""
    found = claims_of(coder, "Egypt broke off relations with West Germany on Friday in retaliation for Bonn's "
                             "decision to establish diplomatic relations with Israel.", day="1965-05-14")
    assert [(claim.kind, _pair(effect), cause is not None and _pair(cause)) for claim, effect, cause in found] == [
        ("retaliation", ("EGY", "DEU"), ("DEU", "ISR"))], found


@pytest.mark.parametrize(("text", "cue"), [
    ("Britain expelled two Iranian diplomats on Monday. Iran hit back on Tuesday, expelling two British diplomats.",
     "hit back"),
    ("Peru expelled the Venezuelan ambassador on Monday. Venezuela recalled its ambassador from Lima in protest.",
     "in protest"),
])
def test_an_answer_told_by_its_manner_is_a_response(coder, text, cue):
    """ "hit back", "in protest" with nothing after them: responses whose cause is looked up."""
    found = [(claim.kind, claim.cue, effect.sentence) for claim, effect, _cause in claims_of(coder, text)]
    assert found == [("response", cue, 1)], found


@pytest.mark.parametrize(("text", "cue", "pairs"), [
    ("Honiara signed a security agreement with Beijing in April, prompting warnings from Australia and New Zealand.",
     "prompting", [(("AUS", "SLB"), ("SLB", "CHN"))]),
    # the launch names no victim: the side that answered it is taken for the one it was aimed at
    ("Pyongyang fired four ballistic missiles into the sea off Japan yesterday, drawing condemnation from Tokyo.",
     "drawing", [(("JPN", "PRK"), ("PRK", "JPN"))]),
])
def test_a_reaction_a_participle_draws_answers_the_act_of_its_clause(coder, text, cue, pairs):
    """ "…, *prompting* warnings from Australia": the reaction answers the act of the clause the participle hangs
    on, also when a third side reacts."""
    found = claims_of(coder, text, day="2023-05-04")
    assert [(claim.kind, claim.cue) for claim, _e, _c in found] == [("response", cue)], found
    assert [(_pair(effect), _pair(cause)) for _claim, effect, cause in found] == pairs, found


def test_a_reaction_drawn_from_the_side_that_acted_answers_nothing(coder):
    found = claims_of(coder, "Honiara signed a security agreement with Beijing, prompting praise from Honiara's "
                             "own parliament.", day="2023-05-04")
    assert found == [], found


@pytest.mark.parametrize(("text", "effect", "cause"), [
    # a verdict two days after a deed of the side it is aimed at
    ("The United States expelled two Russian diplomats on Monday. On Wednesday the Russian foreign ministry "
     "accused Washington of seeking confrontation.", ("ACCUSE", ("RUS", "USA")), ("SANCTION", ("USA", "RUS"))),
    # a threat answers a deed
    ("Pakistani jets struck targets inside Iran on Tuesday. On Thursday Tehran warned Islamabad of serious "
     "consequences.", ("THREATEN", ("IRN", "PAK")), ("ASSAULT", ("PAK", "IRN"))),
    # a measure answers a measure, the date of the news named without a comma after it
    ("China banned imports of Australian barley on Monday. On Wednesday Canberra imposed tariffs on Chinese "
     "steel.", ("SANCTION", ("AUS", "CHN")), ("SANCTION", ("CHN", "AUS"))),
])
def test_an_answer_no_word_ties_to_a_cause_answers_the_other_sides_act_of_the_days_before(coder, text, effect,
                                                                                          cause):
    """No cue, no judged noun: the act of the other side done to the answer's actor one to three days before
    (kind ``sequence``)."""
    found = [(c.kind, (e.event, _pair(e)), cause_event and (cause_event.event, _pair(cause_event)))
             for c, e, cause_event in claims_of(coder, text, day="2021-04-23")]
    assert found == [("sequence", effect, cause)], found


@pytest.mark.parametrize("text", [
    # the same day: which came first is not told
    "Britain expelled two Iranian diplomats on Monday. Iran accused Britain of hostility on Monday.",
    # weeks later: background, not the news it answers
    "Britain expelled two Iranian diplomats on 2 March. On 20 March Iran accused Britain of hostility.",
    # a threat after words only
    "Iran accused Pakistan of harbouring militants on Monday. Pakistan warned Iran on Wednesday of serious "
    "consequences.",
    # the act of the answer's own side
    "Britain expelled two Iranian diplomats on Monday. On Wednesday Britain accused Iran of plotting attacks.",
])
def test_no_answer_without_a_cue_is_made_of_what_the_days_do_not_order(coder, text):
    assert [c for c, _e, _cause in claims_of(coder, text, day="2021-04-23") if c.kind == "sequence"] == []


@pytest.mark.parametrize("text, effect, cause", [
    # an accord between two others, answered by a third against one of them
    ("Morocco and Israel agreed on Thursday to restore diplomatic relations. Algeria condemned the move. In answer "
     "to the deal, Algeria recalled its ambassador from Rabat on Friday.",
     ("DZA", "MAR"), ("MAR", "ISR")),
    # a deed told sentences before, which the cue names with "the"
    ("Indian jets struck targets inside Pakistan on Tuesday. The government in Islamabad met in emergency session "
     "and its army chief visited the border. Pakistan expelled India's deputy high commissioner on Wednesday in "
     "retaliation for the strikes.", ("PAK", "IND"), ("IND", "PAK")),
])
def test_a_cue_phrase_that_names_an_act_told_before_names_the_last_such_act(coder, text, effect, cause):
    found = [(_pair(e), _pair(c)) for _claim, e, c in claims_of(coder, text) if c is not None]
    assert (effect, cause) in found, found

