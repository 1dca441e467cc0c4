"""What the coder has told so far, looked up by position in the text in logarithmic time.

The records stage dates an event from the events told before it ("three days
later"), and a mention of an event from the nearest dated mention of the same
event.  Scanning every earlier event for each new one made the stage's cost
grow with the square of the number of events in a document; these indexes
give the same answers by bisection (``tests/test_positions.py`` checks them
against the scans they replace).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")


class Latest:
    """Tuples (position, …) told so far; the greatest one before a position.

    ``before(p)`` is ``sorted(t for t in told if t[0] < p)[-1]``, or None.
    """

    def __init__(self) -> None:
        self._told: list[tuple] = []

    def add(self, item: tuple) -> None:
        insort(self._told, item)

    def before(self, position: int) -> tuple | None:
        i = bisect_left(self._told, (position,))
        return self._told[i - 1] if i else None


class ByPosition(Generic[Item]):
    """Items with a position, kept in the order of a stable sort by position (equal positions in the order
    they were added); the items whose position is in a range."""

    def __init__(self, position: Callable[[Item], int]) -> None:
        self._position = position
        self.items: list[Item] = []

    def add(self, item: Item) -> None:
        insort(self.items, item, key=self._position)  # after the items of equal position, as a stable sort

    def between(self, start: int, end: int) -> list[Item]:
        """The items with ``start <= position < end``, in order."""
        lo = bisect_left(self.items, start, key=self._position)
        hi = bisect_left(self.items, end, key=self._position)
        return self.items[lo:hi]

    def __iter__(self):
        return iter(self.items)


class Nearest(Generic[Item]):
    """Items filed under keys with a sentence number; for a key, the item of the nearest sentence.

    ``nearest(key, s)`` is ``min(items of key, key=lambda item: abs(sentence(item) - s))``: among items at
    the same distance, the one added first.  ``latest_before(key, s, accept)`` is the same ``min`` over the
    items of key before sentence ``s`` that ``accept`` accepts.
    """

    def __init__(self, items: Iterable[Item], keys: Callable[[Item], Iterable[Hashable]],
                 sentence: Callable[[Item], int]) -> None:
        firsts: dict[Hashable, dict[int, tuple[int, Item]]] = {}
        self._all: dict[Hashable, list[tuple[int, int, Item]]] = {}  # (sentence, order, item), sorted
        for order, item in enumerate(items):
            for key in keys(item):
                firsts.setdefault(key, {}).setdefault(sentence(item), (order, item))
                self._all.setdefault(key, []).append((sentence(item), order, item))
        for filed in self._all.values():
            filed.sort(key=lambda entry: entry[:2])
        self._sentences: dict[Hashable, list[int]] = {}
        self._firsts: dict[Hashable, list[tuple[int, Item]]] = {}
        for key, by_sentence in firsts.items():
            ordered = sorted(by_sentence)
            self._sentences[key] = ordered
            self._firsts[key] = [by_sentence[s] for s in ordered]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._sentences

    def nearest(self, key: Hashable, sentence: int) -> Any:
        """The item of ``key`` nearest ``sentence``, or None when ``key`` has none."""
        sentences = self._sentences.get(key)
        if not sentences:
            return None
        firsts = self._firsts[key]
        i = bisect_left(sentences, sentence)
        if i == len(sentences):
            return firsts[i - 1][1]
        after = firsts[i]
        if i == 0 or sentences[i] == sentence:
            return after[1]
        before = firsts[i - 1]
        distance_before, distance_after = sentence - sentences[i - 1], sentences[i] - sentence
        if distance_before != distance_after:
            return before[1] if distance_before < distance_after else after[1]
        return before[1] if before[0] < after[0] else after[1]

    def latest_before(self, key: Hashable, sentence: int, accept: Callable[[Any], bool]) -> Any:
        """The accepted item of ``key`` of the last sentence before ``sentence`` (the first added among those
        of that sentence), or None.  Looks back from ``sentence`` only as far as the first accepted item."""
        filed = self._all.get(key, ())
        i = bisect_left(filed, (sentence,), key=lambda entry: entry[:1]) - 1
        found = None
        while i >= 0:
            entry_sentence, _, item = filed[i]
            if found is not None and entry_sentence != found[0]:
                break
            if accept(item):
                found = (entry_sentence, item)  # going back: an earlier-added item of the same sentence wins
            i -= 1
        return found[1] if found is not None else None
