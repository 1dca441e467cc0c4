"""Which addresses detente may fetch: public ones, unless private ones are allowed explicitly.

A feed or page address is resolved and every address it resolves to is
checked, so a public name pointing at a private address is refused too;
redirect targets are checked the same way before they are followed.  The
check happens just before each request; a name whose address changes
between the check and the request (DNS rebinding) is not caught.

An address is public (``is_public``) when Python calls it global, it is not
multicast, and it is no IPv6 disguise of a private address.  Python's
``is_global`` (3.11) accepts several IPv6 forms that carry an IPv4 address
inside, and routers and NAT64 gateways deliver them to that IPv4 address;
so every IPv4 address an IPv6 address embeds must be public too:

* IPv4-mapped ``::ffff:a.b.c.d`` and IPv4-translated ``::ffff:0:a.b.c.d``;
* IPv4-compatible ``::a.b.c.d`` (deprecated, still routed by some stacks);
* NAT64 ``64:ff9b::a.b.c.d`` (the well-known prefix);
* 6to4 ``2002:AABB:CCDD::`` (the IPv4 address in bits 16–48);
* Teredo ``2001:0::/32`` (its server and, obfuscated, its client).

Whole ranges are refused as well: the local-use NAT64 prefix
``64:ff9b:1::/48`` (its IPv4 address may sit at several places, and it is
not for the public internet) and the deprecated site-local ``fec0::/10``.
"""

from __future__ import annotations

import ipaddress
import socket
from ipaddress import IPv4Address, IPv6Address, IPv6Network
from urllib.parse import urlsplit

from .errors import FetchError

SCHEMES = ("http", "https")

# IPv6 prefixes whose last 32 bits are an IPv4 address.
LAST_32_BITS = (
    IPv6Network("::ffff:0:0/96"),     # IPv4-mapped
    IPv6Network("::ffff:0:0:0/96"),   # IPv4-translated (SIIT)
    IPv6Network("::/96"),             # IPv4-compatible
    IPv6Network("64:ff9b::/96"),      # NAT64, well-known prefix
)
REFUSED = (
    IPv6Network("64:ff9b:1::/48"),    # NAT64, local use
    IPv6Network("fec0::/10"),         # site-local
)


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
        if not is_public(address):
            raise FetchError(url, f"refused: {parts.hostname} resolves to the non-public address {address}; "
                                  "pass --allow-private to fetch from private, loopback or link-local hosts")


def is_public(address: IPv4Address | IPv6Address) -> bool:
    """Whether detente may fetch from ``address``: global, not multicast, and hiding no private IPv4 address."""
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, IPv4Address):
        return True
    if any(address in network for network in REFUSED):
        return False
    return all(is_public(inner) for inner in embedded_ipv4(address))


def embedded_ipv4(address: IPv6Address) -> list[IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (see the module docstring), none for a plain one."""
    found = [IPv4Address(int(address) & 0xFFFFFFFF)] if any(address in net for net in LAST_32_BITS) else []
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found
