"""A store whose reports carry known confidences, built by hand (no NLP): the filter tests of every command,
endpoint, export and the page read it.

Eight reports in seven documents make five events:

=====  ==================  ==============================================  ===================  ==========
event  who, what, when     reports (outlet, confidence)                    independent sources  confidence
=====  ==================  ==============================================  ===================  ==========
gbr    GBR → RUS SANCTION  Capital Wire 0.9                                1                    0.9
       2018-03-14, 23
usa    USA → RUS ACCUSE    Northern Courier 0.4                            1                    0.4
       2018-03-15
threat RUS → GBR THREATEN  Eurasia Daily, none                             1                    none
       2018-03-16
rus    RUS → GBR SANCTION  Capital Wire 0.7, Harbour Ledger 0.6 (a copy    2                    0.85
       2018-03-17, 23      of Capital Wire's sentence), Northern Courier
                           0.5
shut   GBR → RUS SANCTION  Harbour Ledger 0.8 (2 consulates), Northern     2                    0.752
       2018-03-20          Courier 0.7 (3 consulates: a disagreement)
=====  ==================  ==============================================  ===================  ==========

``rus``: 1 - (1 - 0.7)(1 - 0.5) = 0.85 (the copy adds nothing); ``shut``: 1 - (1 - 0.8)(1 - 0.7) = 0.94,
× 0.8 for the disagreement on numbers = 0.752.
"""

from __future__ import annotations

from datetime import date

from detente.reciprocity import update
from detente.records import Document, Entity, Event, Sentence, Size, stable_id
from detente.store import Store

NAMES = {"RUS": "Russia", "GBR": "United Kingdom", "USA": "United States"}
WIRE_SENTENCE = ("Russia expelled 23 British diplomats on Saturday in retaliation for the poisoning of a former spy "
                 "in Salisbury")

# (document id, outlet, publication date, [(sentence, event type, actor, recipient, size, unit, confidence)])
DOCUMENTS = [
    ("wire-0314", "Capital Wire", date(2018, 3, 14),
     [("Britain expelled 23 Russian diplomats over the attack", "SANCTION", "GBR", "RUS", 23, "diplomats", 0.9)]),
    ("courier-0315", "Northern Courier", date(2018, 3, 15),
     [("The United States accused Russia of the attack", "ACCUSE", "USA", "RUS", None, None, 0.4)]),
    ("daily-0316", "Eurasia Daily", date(2018, 3, 16),
     [("Russia threatened to respond to London", "THREATEN", "RUS", "GBR", None, None, None)]),
    ("wire-0317", "Capital Wire", date(2018, 3, 17),
     [(WIRE_SENTENCE, "SANCTION", "RUS", "GBR", 23, "diplomats", 0.7)]),
    ("ledger-0317", "Harbour Ledger", date(2018, 3, 17),
     [(WIRE_SENTENCE + ", Moscow said", "SANCTION", "RUS", "GBR", 23, "diplomats", 0.6)]),
    ("courier-0317", "Northern Courier", date(2018, 3, 17),
     [("Moscow ordered the expulsion of 23 UK envoys, its foreign ministry announced", "SANCTION", "RUS", "GBR",
       23, "diplomats", 0.5)]),
    ("ledger-0320", "Harbour Ledger", date(2018, 3, 20),
     [("Britain closed 2 Russian consulates", "SANCTION", "GBR", "RUS", 2, "consulates", 0.8)]),
    ("courier-0320", "Northern Courier", date(2018, 3, 20),
     [("Britain shut 3 Russian consulates on Tuesday", "SANCTION", "GBR", "RUS", 3, "consulates", 0.7)]),
]
CAMEO = {"SANCTION": ("166", 4, -4.0), "ACCUSE": ("112", 3, -2.0), "THREATEN": ("130", 3, -4.4)}

# The events by the document of their first report, with their expected confidence and independent sources.
EVENTS = {"gbr": ("wire-0314", 0.9, 1), "usa": ("courier-0315", 0.4, 1), "threat": ("daily-0316", None, 1),
          "rus": ("wire-0317", 0.85, 2), "shut": ("ledger-0320", 0.752, 2)}
# Which events pass each minimum confidence (an event without a confidence passes 0 only).
PASSING = {0.0: {"gbr", "usa", "threat", "rus", "shut"}, 0.7: {"gbr", "rus", "shut"}, 0.8: {"gbr", "rus"},
           0.95: set()}
# Which reports (by document) pass each minimum confidence.
REPORTS_PASSING = {0.0: {doc for doc, *_ in DOCUMENTS},
                   0.7: {"wire-0314", "wire-0317", "ledger-0320", "courier-0320"}}


def entity(country: str) -> Entity:
    return Entity(text=NAMES[country], name=NAMES[country], country=country, sector="GOV", id=f"state:{country}")


def build(store: Store) -> Store:
    """Store the documents with their reports, then aggregate them into events."""
    for doc_id, outlet, day, reports in DOCUMENTS:
        text = " ".join(f"{sentence}." for sentence, *_ in reports)
        document = Document(id=doc_id, text=text, title=doc_id, date=day, date_source="option", source=outlet,
                            url=None, origin=f"{doc_id}.txt")
        sentences, events, start = [], [], 0
        for index, (sentence, kind, actor, recipient, count, unit, confidence) in enumerate(reports):
            sentence += "."
            sentences.append(Sentence(doc_id=doc_id, index=index, start=start, end=start + len(sentence),
                                      text=sentence))
            cameo, quad, goldstein = CAMEO[kind]
            events.append(Event(
                id=stable_id(doc_id, index), doc_id=doc_id, date=day, date_source="explicit", event=kind,
                mode="expel" if kind == "SANCTION" else None, context=("diplomatic",), cameo=cameo, quad_class=quad,
                goldstein=goldstein, actor=(entity(actor),), recipient=(entity(recipient),),
                size=Size(count=count, unit=unit, text=f"{count} {unit}") if count else None, status="actual",
                text=sentence, span=(start, start + len(sentence)), trigger=sentence.split()[1],
                trigger_span=(start, start + 5), sentence=index, date_precision="day", source=outlet,
                confidence=confidence))
            start += len(sentence) + 1
        assert store.add(document, sentences, events)
    update(store)
    return store


def event_names(store: Store) -> dict[int, str]:
    """The number of each event of the table above, by its name."""
    names = {}
    for name, (doc_id, _, _) in EVENTS.items():
        report = store.connection.execute("SELECT id FROM events WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        names[store.aggregate(store.aggregate_of(report)).number] = name
    return names
