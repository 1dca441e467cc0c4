"""What every test shares: a start-up cache of its own (detente/cache.py), never the user's.

The folder is set in the environment, so the command line and the benchmarks that the tests run as
subprocesses use it too; it is removed at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import tempfile

_FOLDER = tempfile.mkdtemp(prefix="detente-test-cache-")


def pytest_configure(config) -> None:
    os.environ["XDG_CACHE_HOME"] = _FOLDER
    os.environ.pop("DETENTE_CACHE_DIR", None)


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_FOLDER, ignore_errors=True)
