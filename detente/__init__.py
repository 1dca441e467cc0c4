"""detente: event data that knows about reciprocity.

The public API::

    from detente import code, Coder, Settings, Store

    for event in code(["articles/"], date=datetime.date(2017, 7, 29)):
        print(event.to_dict())

``code`` reads and codes inputs (see ``detente.api``); ``Coder`` codes
``Document`` records one by one; ``Store`` is the store (SQLite or PostgreSQL);
``events`` lists its events (each real-world event once), ``reports`` its
reports, ``recode`` codes its texts again; ``evaluate`` scores events against
gold.  Every error raised on purpose derives from
``DetenteError`` (the tree is drawn in ``detente.errors``).
"""

from .api import DEFAULT_STATUSES, Report, code, events, recode, reports, summary, timeline
from .coder import Coder
from .errors import (
    DataFileError,
    DetenteError,
    InputError,
    ModelError,
    NotFoundError,
    StageError,
    StoreError,
    UsageError,
)
from .evaluate import evaluate
from .records import Document, Entity, Event, Sentence, Size
from .settings import Settings
from .store import EventFilter, Store

__all__ = [
    "DEFAULT_STATUSES",
    "Coder",
    "DataFileError",
    "DetenteError",
    "Document",
    "Entity",
    "Event",
    "EventFilter",
    "InputError",
    "ModelError",
    "NotFoundError",
    "Report",
    "Sentence",
    "Settings",
    "Size",
    "StageError",
    "Store",
    "StoreError",
    "UsageError",
    "code",
    "evaluate",
    "events",
    "recode",
    "reports",
    "summary",
    "timeline",
]
