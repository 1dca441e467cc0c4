"""Which addresses detente may fetch: public ones, unless private ones are allowed explicitly.

A feed or page address is resolved and every address it resolves to is
checked, so a public name pointing at a private address is refused too;
redirect targets are checked the same way before they are followed.  The
check happens just before each request; a name whose address changes
between the check and the request (DNS rebinding) is not caught.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from .errors import FetchError

SCHEMES = ("http", "https")


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise ``FetchError`` unless ``url`` is http(s) to a host whose addresses are all public."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise FetchError(url, "not an http:// or https:// address; give the full address of the feed or page")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise FetchError(url, f"the host cannot be resolved ({error})") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(url, f"refused: {parts.hostname} resolves to the non-public address {address}; "
                                  "pass --allow-private to fetch from private, loopback or link-local hosts")
