"""How much a sentence screen could skip: sentences with a trigger lemma, an actor, neither.

    .venv/bin/python benchmarks/screen.py [INPUTS …]    (default: the bundled examples and the seed articles)

Each sentence of the fully parsed documents is counted as having a trigger
(a token whose lemma is a verb or noun of the lexicon), an actor (a
knowledge-base term or a pronoun, as the resolver sees it) or neither; the
share of tokens in sentences with neither is what a sentence-level fast path
could at most skip (docs/scale.md explains why detente screens documents).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from detente.coder import Coder
from detente.ingest import read_inputs
from detente.records import Document
from detente.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [ROOT / "examples" / "articles", ROOT.parent / "shared" / "corpus" / "seeds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(p) for p in DEFAULT_INPUTS if p.exists()])
    args = parser.parse_args()
    coder = Coder(Settings(fast_path=False))
    lexicon = coder.resources.lexicon
    counts: Counter[str] = Counter()
    documents = [d for d in read_inputs(args.inputs) if isinstance(d, Document)]
    for work in coder.work_all(documents):
        for sent in work.parsed.sents:
            if not sent.text.strip():
                continue
            trigger = any(lexicon.patterns(t.lemma_.lower(), "VERB") or lexicon.patterns(t.lemma_.lower(), "NOUN")
                          for t in sent)
            actor = work.resolver.has_actor(sent.start, sent.end)
            counts["sentences"] += 1
            counts["tokens"] += len(sent)
            counts["trigger"] += trigger
            counts["actor"] += actor
            if not trigger and not actor:
                counts["neither"] += 1
                counts["neither tokens"] += len(sent)
    print(f"{len(documents)} documents, {counts['sentences']} sentences: {counts['trigger']} with a trigger lemma, "
          f"{counts['actor']} with an actor, {counts['neither']} with neither "
          f"({counts['neither tokens'] / max(counts['tokens'], 1):.1%} of the tokens)")


if __name__ == "__main__":
    main()
