"""The exceptions detente raises.

Library code raises; the command line and the web layer render.  Every
exception the package raises on purpose derives from ``DetenteError``::

    DetenteError
    ├── InputError              an input cannot be read as a document
    │   ├── EmptyInputError       nothing but whitespace or boilerplate
    │   ├── BinaryInputError      not text (NUL bytes, an image, an archive …)
    │   ├── DecodingError         bytes that no supported encoding decodes
    │   ├── FormatError           malformed JSON Lines, HTML, feed …
    │   ├── TooLargeError         over the size limit setting
    │   ├── TimeLimitError        coding took longer than the time limit (detente.limits)
    │   ├── CodingError           a stage failed on this document only (a bug): recorded and skipped
    │   └── RefusedError          the store refused this document's rows (also a StoreError): recorded and skipped
    ├── DataFileError         a packaged or user data file is invalid (names file and line)
    ├── ModelError            the spaCy pipeline is missing or unusable
    ├── StageError            a pipeline stage failed or broke its contract (names the stage)
    ├── StoreError            the database cannot be opened, migrated or written
    ├── NotFoundError         no such event: the number, id or reference names nothing in the store
    ├── BusyError             the service cannot code a request now (detente.serve.coding)
    │   ├── QueueFullError      every coding process is busy and the queue is full: try again later
    │   └── DeadlineError       coding ran past the request's deadline; its process was ended
    └── UsageError            arguments that make no sense together
        └── NotFoundError         the event or report asked for is not in the store

Messages say what happened and how to fix it, on one line, naming the input
or file involved.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""


class InputError(DetenteError):
    """An input cannot be read as a document."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self):  # travels back from worker processes whole
        return type(self), (self.source, self.reason)


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary, not text."""


class DecodingError(InputError):
    """The input's bytes cannot be decoded as text."""


class FormatError(InputError):
    """The input is malformed for its declared format."""


class TooLargeError(InputError):
    """The input is larger than the size limit."""


class CodingError(InputError):
    """A stage of the coder failed on this document (a bug in detente): it is recorded and skipped."""


class DataFileError(DetenteError):
    """A data file (knowledge base, lexicon, code table) is invalid."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class ModelError(DetenteError):
    """The spaCy pipeline cannot be loaded."""


class StageError(DetenteError):
    """A pipeline stage failed or broke its contract."""

    def __init__(self, stage: str, reason: str):
        self.stage = stage
        self.reason = reason
        super().__init__(f"stage {stage}: {reason}")


class StoreError(DetenteError):
    """The store cannot be opened, migrated or written."""


class RefusedError(InputError, StoreError):
    """The store refused the rows of one document (they break one of its constraints): the document's transaction
    is rolled back, what was stored before stays, and a run records it and goes on with the next document."""


class NotFoundError(DetenteError):
    """What a reference names is not in the store (an event number out of range names nothing either)."""


class UsageError(DetenteError):
    """The arguments given make no sense together."""

