"""Stores shared by the reciprocity tests: the seed articles with the bundled examples, and small
collections of articles written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente import api
from detente.records import Document
from detente.store import Store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS_GOLD = SHARED / "eval" / "seeds-dev.gold.jsonl"
EXAMPLES = ROOT / "examples"


def seed_dates() -> dict[str, date]:
    """The seed articles carry no date; the gold gives their publication dates."""
    lines = SEEDS_GOLD.read_text(encoding="utf-8").splitlines()
    return {record["doc_id"]: date.fromisoformat(record["pub_date"]) for record in map(json.loads, lines)}


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The three seed articles and the bundled examples coded into one store, as `detente code` does."""
    store = Store.open(tmp_path_factory.mktemp("corpus") / "corpus.sqlite")
    for doc_id, day in sorted(seed_dates().items()):
        list(api.code([str(SHARED / "corpus" / "seeds" / f"{doc_id}.txt")], date=day, store=store))
    list(api.code([str(EXAMPLES / "articles")], store=store))
    yield store
    store.close()


@pytest.fixture()
def store(tmp_path) -> Store:
    """An empty store of the test's own."""
    store = Store.open(tmp_path / "store.sqlite")
    yield store
    store.close()


def code_articles(store: Store, articles: list[tuple[str, str, str, str]]) -> None:
    """Code (id, outlet, publication date, text) articles into ``store``."""
    from detente.coder import Coder
    from detente.reciprocity import update

    coder = Coder()
    documents = [Document(id=doc_id, text=text, date=date.fromisoformat(day), date_source="option", source=outlet)
                 for doc_id, outlet, day, text in articles]
    for work in coder.work_all(documents):
        store.add(work.document, work.sentences, work.events, work.claims)
    update(store, coder.settings)
