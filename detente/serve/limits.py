"""The service's limits, defined once as (name, default, help): ``detente serve`` makes an option of each.

They keep one client from stalling the service: a body limit read before
the body is, a character limit for coding, a small pool of coding processes
with a queue in front of it, and a deadline after which a coding process is
ended.  ``docs/service.md`` says what each does under a flood of requests.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError


def _limit(default: Any, help: str, low: float, high: float) -> Any:
    return field(default=default, metadata={"help": help, "range": (low, high)})


@dataclass(frozen=True)
class ServiceLimits:
    """How much one request, and all coding requests together, may take of the service."""

    max_request_bytes: int = _limit(2_000_000, "larger request bodies are refused (413) before they are read whole",
                                    1, 2**40)
    max_code_chars: int = _limit(
        20_000, "most characters of article text one coding request may have coded (413 over it); an HTML page may "
                "be longer, the text read from it may not", 1, 10**9)
    coding_processes: int = _limit(1, "processes that code texts for POST /api/code and /api/documents", 1, 64)
    coding_queue: int = _limit(
        2, "coding requests that may wait for a process, counted apart for /api/code and /api/documents; one "
           "more is refused (429)", 0, 10_000)
    coding_deadline: float = _limit(
        20.0, "seconds a coding request may take from arrival to answer, waiting included; past it the request "
              "is answered 503 (still waiting) or 504 (coding, its process ended)", 0.1, 86_400)

    def __post_init__(self) -> None:
        for item in dataclasses.fields(self):
            low, high = item.metadata["range"]
            value = getattr(self, item.name)
            if not low <= value <= high:  # also refuses NaN, which every comparison fails
                raise UsageError(f"{item.name} must be between {low:g} and {high:g}, not {value}")


def describe() -> list[tuple[str, Any, str, tuple[float, float]]]:
    """(name, default, help, range) for every limit, in order."""
    return [(f.name, f.default, f.metadata["help"], f.metadata["range"]) for f in dataclasses.fields(ServiceLimits)]
