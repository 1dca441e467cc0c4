"""The error of a feed or page that cannot be fetched, in the package's one exception tree.

``FetchError`` is an ``InputError``: it names the address and says why, on one line.
"""

from __future__ import annotations

from ..errors import InputError


class FetchError(InputError):
    """A feed or page cannot be fetched: refused address, timeout, HTTP error, redirect loop, too large."""
