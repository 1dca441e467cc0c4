"""Named territories, regions and disputed areas, and the state each belongs to (data/territories.yaml).

The knowledge base knows states and their capitals, the gazetteer cities; neither knows "Crimea", "the
Golan Heights" or "Abu Musa".  An act on such a place falls on the state it belongs to ("Russia annexed
Crimea" is aimed at Ukraine): the state most other states recognise as its sovereign, as the file's
header says, whoever holds it on the day; the states that claim it are kept too ("Peruvian forces captured
Tiwintza" is aimed at Ecuador, which claimed it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .. import datafiles
from ..errors import DataFileError

DATA = Path(__file__).parent / "data" / "territories.yaml"


@dataclass(frozen=True)
class Territory:
    """A territory: the state it belongs to, and the other states that claim it."""

    name: str
    country: str
    claimed_by: tuple[str, ...] = ()


@functools.cache
def load_territories(path: Path = DATA) -> dict[str, Territory]:
    """Every name of every territory of ``path``, with its territory."""
    out: dict[str, Territory] = {}
    data = datafiles.load(path)
    for entry in datafiles.mappings(path, data or [], "territory"):
        place = Territory(str(entry.get("name")), entry.get("country"),
                          tuple(map(str, datafiles.as_list(entry.get("claimed_by")))))
        if not all(isinstance(code, str) and len(code) == 3 for code in (place.country, *place.claimed_by)):
            raise DataFileError(str(path), datafiles.line_of(entry), f"territory {place.name!r}: "
                                "`country` and `claimed_by` must be three-letter codes")
        for name in datafiles.as_list(entry.get("names")) or [place.name]:
            if out.get(str(name), place).country != place.country:
                raise DataFileError(str(path), datafiles.line_of(entry), f"{name!r} names territories of two states")
            out[str(name)] = place
    return out


def territory(name: str) -> Territory | None:
    """The territory ``name`` means ("Crimea", "the Golan Heights"); None for a name the file does not list."""
    bare = name.strip()
    if bare.lower().startswith("the "):
        bare = bare[4:]
    return load_territories().get(bare)
