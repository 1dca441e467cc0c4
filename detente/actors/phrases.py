"""Sequences of words found in a document: what spaCy's ``PhraseMatcher`` finds, from patterns kept as words.

spaCy's ``PhraseMatcher`` needs each pattern as a ``Doc``: tokenizing the
knowledge base's ~8,000 names and creating a vocabulary entry for each of their
words took most of a second of every worker's start-up.  ``PhraseIndex``
takes the patterns as tuples of words (tokenized once and kept in the
start-up cache, detente/cache.py) and compares the hashes spaCy gives each
token's text or lowercase form, so nothing is created in the vocabulary.

The matches, and their order, are those of ``PhraseMatcher`` with the same
patterns (``tests/actors/test_phrases.py``): for each start token, left to
right, the patterns that end there, shortest first; ``match_id`` is the hash of
the pattern's key in the vocabulary's strings.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

# The end of a pattern in the trie (no token hash is negative).
_END = -1


class PhraseIndex:
    """Patterns of words matched on one attribute of the tokens: ``ORTH`` (as written) or ``LOWER``."""

    def __init__(self, vocab, attr: str = "ORTH") -> None:
        if attr not in ("ORTH", "LOWER"):
            raise ValueError(f"PhraseIndex matches ORTH or LOWER, not {attr}")
        self.vocab = vocab
        self.attr = ORTH if attr == "ORTH" else LOWER
        self._fold = attr == "LOWER"
        self._trie: dict = {}

    def add(self, key: str, words: tuple[str, ...]) -> None:
        """Find the sequence ``words`` under ``key`` (an empty sequence is never found, as in spaCy)."""
        if not words:
            return
        strings = self.vocab.strings
        match_id = strings.add(key)
        node = self._trie
        for word in words:
            node = node.setdefault(strings[word.lower() if self._fold else word], {})
        keys = node.setdefault(_END, [])
        if match_id not in keys:
            keys.append(match_id)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every occurrence, by start, then by end."""
        if len(doc) == 0:
            return []
        hashes = doc.to_array(self.attr).tolist()
        trie, length = self._trie, len(hashes)
        matches = []
        for start, first in enumerate(hashes):
            node = trie.get(first)
            end = start + 1
            while node is not None:
                for match_id in node.get(_END, ()):
                    matches.append((match_id, start, end))
                if end == length:
                    break
                node = node.get(hashes[end])
                end += 1
        return matches
