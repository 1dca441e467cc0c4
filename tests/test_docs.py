"""The README documents every command, option and setting (taken from the code, not listed by hand)."""

import re
from pathlib import Path

import click
import pytest

from detente.cli import main
from detente.settings import describe

README = Path(__file__).resolve().parent.parent / "README.md"

COMMANDS = sorted(main.commands)
OPTIONS = [
    (name, flag)
    for name, command in [("detente", main), *sorted((f"detente {n}", c) for n, c in main.commands.items())]
    for param in command.params
    if isinstance(param, click.Option)
    for flag in param.opts
    if flag.startswith("--")
]
SETTINGS = [name for name, _, _ in describe()]


@pytest.fixture(scope="module")
def readme():
    return README.read_text(encoding="utf-8") if README.exists() else ""


def mentions(text, words):
    """``words`` as a whole term: ``--db`` is not found in ``--dbx``, nor ``code`` in ``codes``."""
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(readme, command):
    assert mentions(readme, f"detente {command}"), f"{README.name} does not mention `detente {command}`"


@pytest.mark.parametrize(("command", "flag"), OPTIONS, ids=[f"{c} {f}" for c, f in OPTIONS])
def test_option_is_documented(readme, command, flag):
    assert mentions(readme, flag), f"{README.name} does not mention {flag} (an option of `{command}`)"


@pytest.mark.parametrize("setting", SETTINGS)
def test_setting_is_documented(readme, setting):
    assert mentions(readme, setting), f"{README.name} does not mention the setting {setting}"


@pytest.mark.parametrize(
    ("text", "words", "found"),
    [
        ("detente code FILE --db out.sqlite", "--db", True),
        ("detente code FILE --dbx out.sqlite", "--db", False),
        ("`--status`, comma-separated", "--status", True),
        ("--status-all", "--status", False),
        ("see `detente code`.", "detente code", True),
        ("see detente codes", "detente code", False),
        ("max_bytes: 20000000", "max_bytes", True),
        ("max_bytes_total", "max_bytes", False),
    ],
)
def test_mentions(text, words, found):
    assert mentions(text, words) is found
