"""How sure an aggregated event is: its reports' confidences, combined over independent sources.

Each report carries the coder's calibrated confidence (``confidence``, 0-1:
the probability that the report is right).  An event reported by several
outlets is surer than any one report of it, but only when the outlets are
independent: twenty papers printing one wire story are one source.

The rule (docs/reciprocity.md, "Trust"):

1. **Sources.**  The reports of one outlet are one source (an outlet
   repeating itself is not corroboration); reports without an outlet are a
   source per document.  Two sources are one when a sentence of one is a
   *copy* of a sentence of the other: their sets of words (lower case,
   letters and digits) overlap by ``COPY_OVERLAP`` (0.8) or more, as Jaccard
   counts it (shared words over all words).  Wire copy keeps its sentences
   nearly word for word, while two reporters writing of one event share the
   names and the number but seldom four words in five.  Being one source is
   transitive: A copies B and B copies C make one source.
2. **Per source, its best report**: the highest confidence among its
   reports.  Reports without a confidence are left out; a source none of
   whose reports has one counts as a source but adds nothing.
3. **Noisy-or** over the sources: ``1 - (1 - c1)(1 - c2)…``, the probability
   that not every independent source is wrong; at most ``CEILING`` (0.99),
   because the coder's own errors (a phrase every outlet uses, coded
   wrongly each time) are not independent across outlets.
4. **Disagreement**: when the reports disagree on numbers (two counts of the
   same kind of thing, 23 and 25 diplomats) or on dates (two dates their
   texts give), the value is multiplied by ``DISAGREEMENT_FACTOR`` (0.8) for
   each of the two: at least one report misread the event, or two events of
   one day were merged into one, so agreement of the sources on the event
   as recorded is not what they show.  0.8 takes two sources at 0.7 each
   (0.91) back to 0.73: below two that agree, above one clean report.  It
   is chosen, not fitted (the gold has too few aggregated events with
   disagreements to fit it).
5. No report with a confidence: the event's confidence is unknown (None).

``Sources`` keeps this up to date as reports join an event (the aggregation
summarises events incrementally); ``combine`` is steps 3-5.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

COPY_OVERLAP = 0.8
DISAGREEMENT_FACTOR = 0.8
CEILING = 0.99
DISAGREEMENTS = ("numbers", "dates")
_WORD = re.compile(r"\w+")


def words(text: str) -> frozenset[str]:
    """The set of words of a sentence, lower case."""
    return frozenset(_WORD.findall(text.lower()))


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard overlap of two word sets: shared words over all words (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def is_copy(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two sentences are copies of one text (wire copy, a reprint, a lightly edited story)."""
    return overlap(first, second) >= COPY_OVERLAP


def source_key(source: str | None, doc_id: str) -> str:
    """Whose report it is: its outlet (in any case), or its document when it names no outlet."""
    return f"outlet:{source.strip().lower()}" if source and source.strip() else f"document:{doc_id}"


def noisy_or(values: Iterable[float]) -> float | None:
    """``1 - Π(1 - v)``: the probability that not all of independent sources are wrong; None without values."""
    values = list(values)
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    wrong = 1.0
    for value in values:
        wrong *= 1.0 - value
    return 1.0 - wrong


def combine(best: Iterable[float | None], disagreements: Iterable[str] = ()) -> float | None:
    """The confidence of an event from the best confidence of each independent source (None for a source
    without one) and the kinds of disagreement of its reports (``numbers``, ``dates``): steps 3-5 above."""
    known = [value for value in best if value is not None]
    combined = noisy_or(known)
    if combined is None:
        return None
    if len(known) > 1:
        combined = min(combined, CEILING)
    for _ in set(disagreements) & set(DISAGREEMENTS):
        combined *= DISAGREEMENT_FACTOR
    return round(combined, 4)


class Sources:
    """The independent sources of one event's reports, kept up to date as reports are added.

    Outlets are joined (union-find) when they are one source; each distinct
    sentence is kept once as its word set, with an outlet that used it, and a
    new report's sentence is compared with those: the work per report grows
    with the distinct sentences of the event, not with its reports (wire
    copy repeats one sentence).
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._best: dict[str, float] = {}  # outlet (or document) → its best confidence
        self._order: dict[str, int] = {}  # outlet → when it first reported, so that sources keep that order
        self._texts: dict[frozenset[str], str] = {}  # distinct sentence → an outlet that used it

    def add(self, key: str, text: str, confidence: float | None) -> list[str]:
        """Add a report of the outlet ``key`` (``source_key``) with its sentence and confidence; the outlets
        whose sentences it copies (other than its own)."""
        self._parent.setdefault(key, key)
        self._order.setdefault(key, len(self._order))
        if confidence is not None and confidence > self._best.get(key, -1.0):
            self._best[key] = confidence
        sentence = words(text)
        copied: list[str] = []
        if not sentence:
            return copied
        if sentence in self._texts:
            copied.append(self._texts[sentence])
        else:
            copied += [owner for known, owner in self._texts.items() if is_copy(sentence, known)]
            self._texts[sentence] = key
        for owner in copied:
            self._join(key, owner)
        return [owner for owner in dict.fromkeys(copied) if owner != key]

    def groups(self) -> list[list[str]]:
        """The independent sources: each a list of outlets (in the order they first reported)."""
        grouped: dict[str, list[str]] = {}
        for key in sorted(self._parent, key=self._order.__getitem__):
            grouped.setdefault(self._root(key), []).append(key)
        return list(grouped.values())

    def best(self) -> list[float | None]:
        """The best confidence of each independent source (None for one without any), in ``groups`` order."""
        values = []
        for group in self.groups():
            known = [self._best[key] for key in group if key in self._best]
            values.append(max(known) if known else None)
        return values

    def __len__(self) -> int:
        return len({self._root(key) for key in self._parent})

    def _root(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _join(self, first: str, second: str) -> None:
        a, b = self._root(first), self._root(second)
        if a != b:
            # The earlier outlet stays the root, so that groups are the same whatever the order of joining.
            if self._order[a] > self._order[b]:
                a, b = b, a
            self._parent[b] = a
