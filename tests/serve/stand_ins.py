"""Stand-ins for what a coding process loads and runs, so the pool's rules are tested in a fraction of a second.

They live in a module of their own: a coding process is a new interpreter, which imports them by name.
"""

from __future__ import annotations

import os
import time

from detente.errors import InputError


def load_nothing(settings) -> None:
    """Start at once."""


def load_slowly(settings) -> None:
    time.sleep(1.5)


def run(job, settings, max_chars):
    """The job's text says what to do: `sleep SECONDS`, `crash`, `refuse`, or anything else to answer it."""
    word, _, argument = job.text.partition(" ")
    if word == "sleep":
        time.sleep(float(argument))
    elif word == "crash":
        os._exit(3)
    elif word == "refuse":
        raise InputError("text", "refused by the stand-in")
    return [(job.text, os.getpid())]
