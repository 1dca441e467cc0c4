"""The docs describe what the code and data define (STYLE.md rule 9).

The names checked are read from the package, not listed by hand.
"""

import re
from pathlib import Path

import pytest
import yaml

from detente import datafiles
from detente.actors.knowledge import DATA, REFERENCE_WORDS
from detente.coder import STAGES
from detente.events.lexicon import CONVERSIONS, LEXICON, PATTERN_KEYS, WORD_LISTS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
KNOWLEDGE_BASE = DOCS / "knowledge-base.md"
LEXICON_DOC = DOCS / "lexicon.md"

DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.is_file() and not p.name.startswith("."))
KEYS = sorted(PATTERN_KEYS - {datafiles.LINE})
SECTIONS = sorted(yaml.safe_load(LEXICON.read_text(encoding="utf-8")))
STAGE_NAMES = [stage.name for stage in STAGES]
DOC_FILES = sorted(p.name for p in DOCS.glob("*.md"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def as_code(text: str, name: str) -> bool:
    """``name`` written as code, in backticks, possibly inside a longer code span: `object` or `object: none`."""
    return re.search(rf"`[^`\n]*(?<![\w-]){re.escape(name)}(?![\w-])[^`\n]*`", text) is not None


def mentions(text: str, name: str) -> bool:
    """``name`` as a whole term: ``states.yaml`` is not found in ``states.yaml.bak``, nor ``nlp/v1`` in ``nlp/v10``."""
    return re.search(rf"(?<![\w./-]){re.escape(name)}(?![\w/-]|\.\w)", text) is not None


@pytest.fixture(scope="module")
def lexicon_doc():
    return read(LEXICON_DOC)


@pytest.fixture(scope="module")
def knowledge_doc():
    return read(KNOWLEDGE_BASE)


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_list_is_documented(lexicon_doc, name):
    assert as_code(lexicon_doc, name), f"{LEXICON_DOC.name} does not describe the word list `{name}`"


@pytest.mark.parametrize("key", KEYS)
def test_pattern_key_is_documented(lexicon_doc, key):
    assert as_code(lexicon_doc, key), f"{LEXICON_DOC.name} does not describe the pattern key `{key}`"


@pytest.mark.parametrize("kind", CONVERSIONS)
def test_conversion_is_documented(lexicon_doc, kind):
    assert as_code(lexicon_doc, kind), f"{LEXICON_DOC.name} does not describe the conversion `{kind}`"


@pytest.mark.parametrize("section", SECTIONS)
def test_lexicon_section_is_documented(lexicon_doc, section):
    assert as_code(lexicon_doc, section), f"{LEXICON_DOC.name} does not describe `{section}` of lexicon.yaml"


@pytest.mark.parametrize("name", DATA_FILES)
def test_actor_data_file_is_documented(knowledge_doc, name):
    assert mentions(knowledge_doc, name), f"{KNOWLEDGE_BASE.name} does not describe detente/actors/data/{name}"


@pytest.mark.parametrize("name", REFERENCE_WORDS)
def test_reference_word_list_is_documented(knowledge_doc, name):
    assert as_code(knowledge_doc, name), f"{KNOWLEDGE_BASE.name} does not describe the word list `{name}`"


@pytest.mark.parametrize("name", STAGE_NAMES)
def test_stage_is_documented(name):
    texts = [read(README)] + [read(path) for path in sorted(DOCS.glob("*.md"))]
    assert any(mentions(text, name) for text in texts), f"neither README.md nor docs/*.md mention the stage {name}"


@pytest.mark.parametrize("name", DOC_FILES)
def test_doc_is_listed_in_readme(name):
    assert mentions(read(README), f"docs/{name}"), f"README.md does not list docs/{name}"


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("| `object` | words |", "object", True),
        ("`object: none`", "object", True),
        ("the object of the verb", "object", False),
        ("`objects`", "object", False),
        ("`sub-object`", "object", False),
    ],
)
def test_as_code(text, name, found):
    assert as_code(text, name) is found


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("| `states.yaml` | states |", "states.yaml", True),
        ("see states.yaml.", "states.yaml", True),
        ("states.yaml.bak", "states.yaml", False),
        ("extra_states.yaml", "states.yaml", False),
        ("`nlp/v1` parses", "nlp/v1", True),
        ("`nlp/v10` parses", "nlp/v1", False),
        ("docs/nlp/v1", "nlp/v1", False),
    ],
)
def test_mentions(text, name, found):
    assert mentions(text, name) is found
