"""The start-up cache (detente/cache.py): built once, read back, rebuilt when its files or code change, and a
damaged entry rebuilt, never trusted."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest

from detente import cache as cache_module
from detente.cache import OFF, StartupCache, default_folder
from detente.coder import Coder
from detente.events.lexicon import NO_THEME, load_lexicon
from detente.ingest import read_inputs
from detente.records import Document
from detente.settings import Settings


class Builds:
    """A builder that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("words: [expel, recall]\n", encoding="utf-8")
    return path


def test_an_entry_is_built_once_and_read_back(tmp_path, data):
    build = Builds({"words": ["expel", "recall"]})
    first = StartupCache(tmp_path / "cache").load("words", [data], build)
    second = StartupCache(tmp_path / "cache").load("words", [data], build)
    assert first == second == {"words": ["expel", "recall"]}
    assert build.calls == 1
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 1


def test_a_changed_data_file_builds_the_entry_again(tmp_path, data):
    cache = StartupCache(tmp_path / "cache")
    assert cache.load("words", [data], Builds("old")) == "old"
    data.write_text("words: [expel, recall, withdraw]\n", encoding="utf-8")
    build = Builds("new")
    assert cache.load("words", [data], build) == "new"
    assert build.calls == 1
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 1  # the stale entry is gone


def test_changed_code_builds_the_entry_again(tmp_path, data, monkeypatch):
    cache = StartupCache(tmp_path / "cache")
    cache.load("words", [data], Builds("old"))
    monkeypatch.setattr(cache_module, "code_version", lambda: "another version of the code")
    build = Builds("new")
    assert cache.load("words", [data], build) == "new" and build.calls == 1


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],                              # cut short
    lambda raw: raw[:-5] + bytes(b ^ 0xFF for b in raw[-5:]),      # bytes altered: the hash no longer matches
    lambda raw: b"garbage",                                        # not a cache file at all
    lambda raw: raw.split(b"\n", 2)[0] + b"\n" + b"0" * 64 + b"\n" + pickle.dumps("forged"),  # a hash that lies
], ids=["truncated", "altered", "garbage", "wrong-hash"])
def test_a_damaged_entry_is_rebuilt_never_trusted(tmp_path, data, damage, caplog):
    cache = StartupCache(tmp_path / "cache")
    cache.load("words", [data], Builds("good"))
    [path] = (tmp_path / "cache").glob("words-*.pickle")
    path.write_bytes(damage(path.read_bytes()))
    build = Builds("good")
    with caplog.at_level(logging.WARNING, logger="detente.cache"):
        assert cache.load("words", [data], build) == "good"
    assert build.calls == 1
    assert "could not be read" in caplog.text and "building it again" in caplog.text
    assert StartupCache(tmp_path / "cache").load("words", [data], Builds("not called")) == "good"  # rewritten


def test_an_unwritable_folder_builds_without_keeping(tmp_path, data, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    build = Builds("value")
    with caplog.at_level(logging.WARNING, logger="detente.cache"):
        assert StartupCache(blocker / "cache").load("words", [data], build) == "value"
    assert "not kept" in caplog.text


def test_off_builds_every_time(data):
    build = Builds("value")
    StartupCache(OFF).load("words", [data], build)
    StartupCache(OFF).load("words", [data], build)
    assert build.calls == 2


def test_the_tests_use_a_cache_folder_of_their_own():
    assert "detente-test-cache-" in str(default_folder())


def test_a_coder_from_the_cache_codes_as_one_built_from_the_data_files(tmp_path):
    article = Document(id="a", text="Russia expelled 23 British diplomats on Friday in retaliation for the "
                                    "expulsion of its envoys from London.")
    fresh = Coder(Settings(cache_dir=OFF)).code(article)
    Coder(Settings(cache_dir=str(tmp_path))).code(article)  # builds the entries
    assert {p.name.rsplit("-", 1)[0] for p in tmp_path.glob("*.pickle")} == {"knowledge", "actor-words", "gazetteer",
                                                                          "lexicon"}
    assert Coder(Settings(cache_dir=str(tmp_path))).code(article) == fresh  # reads them


@pytest.mark.parametrize("inputs", ["examples/articles", "examples/second-set/articles.jsonl",
                                    "examples/blind-1/articles.jsonl", "examples/blind-2/articles.jsonl"])
def test_coders_from_the_cache_and_from_the_data_files_code_every_set_alike(tmp_path, inputs):
    """What is read back must behave as what was built: equal values, and the same objects where the code
    tests identity (the lexicon's NO_THEME)."""
    root = Path(__file__).resolve().parents[1]
    documents = [d for d in read_inputs([str(root / inputs)]) if isinstance(d, Document)]
    fresh = list(Coder(Settings(cache_dir=OFF)).code_all(documents))
    Coder(Settings(cache_dir=str(tmp_path)))  # builds the entries
    assert list(Coder(Settings(cache_dir=str(tmp_path))).code_all(documents)) == fresh


def test_no_theme_is_itself_after_pickling():
    lexicon = load_lexicon()
    back = pickle.loads(pickle.dumps(lexicon))
    objects = [p.object for table in (back.verbs, back.nouns, back.adjectives) for ps in table.values() for p in ps]
    assert any(o is NO_THEME for o in objects)
    assert not any(o == NO_THEME and o is not NO_THEME for o in objects)
