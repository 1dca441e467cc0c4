"""What a watch remembers between polls, in three small tables of the store.

``watch_feeds`` keeps each feed's validators (ETag, Last-Modified) for
conditional GETs; ``watch_items`` the feed items and pages already coded
(so an updated feed adds only its new items); ``watch_alerts`` which alert
fired for which aggregated event or link (so an alert fires once).  The SQL
is portable: SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timezone

from ..store import Store

_TABLES = (
    "CREATE TABLE IF NOT EXISTS watch_feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, "
    "checked TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS watch_items (item TEXT PRIMARY KEY, url TEXT, seen TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS watch_alerts (rule TEXT NOT NULL, target TEXT NOT NULL, fired TEXT NOT NULL, "
    "PRIMARY KEY (rule, target))",
)


class WatchState:
    """The watch tables of one store."""

    def __init__(self, store: Store) -> None:
        self.connection = store.connection
        for sql in _TABLES:
            self.connection.execute(sql)

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self.connection.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?",
                                      (feed,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def remember_validators(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        self.connection.execute("DELETE FROM watch_feeds WHERE url = ?", (feed,))
        self.connection.execute("INSERT INTO watch_feeds (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)",
                                (feed, etag, last_modified, _now()))

    def seen(self, item: str) -> bool:
        return self.connection.execute("SELECT 1 FROM watch_items WHERE item = ?", (item,)).fetchone() is not None

    def remember_item(self, item: str, url: str | None) -> None:
        if not self.seen(item):
            self.connection.execute("INSERT INTO watch_items (item, url, seen) VALUES (?, ?, ?)",
                                    (item, url, _now()))

    def fired(self, rule: str, target: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM watch_alerts WHERE rule = ? AND target = ?",
                                      (rule, target)).fetchone()
        return row is not None

    def remember_alert(self, rule: str, target: str) -> None:
        self.connection.execute("INSERT INTO watch_alerts (rule, target, fired) VALUES (?, ?, ?)",
                                (rule, target, _now()))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
