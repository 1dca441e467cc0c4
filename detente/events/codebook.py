"""The CAMEO code table: each code's PLOVER event, mode, contexts, quad class and Goldstein score.

The table is data (``data/cameo.csv``, documented in ``docs/codes.md``); this
module loads and checks it once.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError

TABLE = Path(__file__).parent / "data" / "cameo.csv"
PLOVER_EVENTS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NO_EVENT = "NONE"
# GDELT's rule: roots 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict,
# 14-20 material conflict.
QUAD_OF_ROOT = {root: 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4 for root in range(1, 21)}
COLUMNS = ["code", "name", "plover_event", "plover_mode", "plover_context", "quad_class", "goldstein"]


@dataclass(frozen=True)
class Code:
    """One CAMEO code and what it means in PLOVER."""

    code: str
    name: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    quad_class: int
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]


@functools.cache
def load_codebook(path: str | None = None) -> dict[str, Code]:
    """CAMEO code → ``Code``, checked row by row."""
    table = Path(path) if path else TABLE
    codes: dict[str, Code] = {}
    try:
        handle = table.open(encoding="utf-8", newline="")
    except OSError as error:
        raise DataFileError(str(table), None, f"cannot read: {error}") from error
    with handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise DataFileError(str(table), 1, f"expected the columns {','.join(COLUMNS)}")
        for row in reader:
            line = reader.line_num
            if None in row.values() or None in row:
                raise DataFileError(str(table), line, f"expected {len(COLUMNS)} columns: {','.join(COLUMNS)}")
            code = row["code"].strip()
            if not code.isdigit() or not 2 <= len(code) <= 4:
                raise DataFileError(str(table), line, f"bad CAMEO code {code!r}")
            if code in codes:
                raise DataFileError(str(table), line, f"code {code} appears twice")
            event = row["plover_event"].strip()
            if event not in PLOVER_EVENTS and event != NO_EVENT:
                raise DataFileError(str(table), line, f"unknown PLOVER event {event!r}")
            try:
                quad, goldstein = int(row["quad_class"]), float(row["goldstein"])
            except ValueError:
                raise DataFileError(str(table), line, "quad_class and goldstein must be numbers") from None
            if quad not in (1, 2, 3, 4) or not -10 <= goldstein <= 10:
                raise DataFileError(str(table), line, "quad_class must be 1-4 and goldstein within -10..10")
            if quad != QUAD_OF_ROOT[int(code[:2])]:
                raise DataFileError(str(table), line, f"code {code} is in root {code[:2]}, whose quad class is "
                                                      f"{QUAD_OF_ROOT[int(code[:2])]}")
            codes[code] = Code(
                code=code,
                name=row["name"].strip(),
                event=event,
                mode=row["plover_mode"].strip() or None,
                context=tuple(c.strip() for c in row["plover_context"].split(";") if c.strip()),
                quad_class=quad,
                goldstein=goldstein,
            )
    for code in codes:
        if code[:2] not in codes:
            raise DataFileError(str(table), None, f"code {code} has no root row {code[:2]}")
    return codes
