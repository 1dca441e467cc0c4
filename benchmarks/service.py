"""How the service pages a store of 100,000 aggregated events.

    .venv/bin/python benchmarks/service.py [--events 100000]

Builds a SQLite store with that many synthetic aggregated events (one report
each, 40 countries, ten years), then times requests of the page in process
(FastAPI's test client) and prints each as milliseconds and as a ratio to the
baseline request of the same run, `GET /api/health`, which touches no data.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from detente.serve import create_app
from detente.store import Store

COUNTRIES = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IND", "CAN", "CZE", "POL", "UKR", "TUR", "IRN", "ISR",
             "SAU", "JPN", "KOR", "PRK", "BRA", "MEX", "AUS", "NZL", "ZAF", "NGA", "EGY", "ETH", "KEN", "ARG",
             "CHL", "COL", "VEN", "CUB", "ESP", "ITA", "NLD", "BEL", "SWE", "NOR", "FIN", "EST"]
TYPES = [("SANCTION", "161", 4, -4.0), ("ACCUSE", "112", 3, -2.0), ("CONSULT", "040", 1, 1.0),
         ("THREATEN", "130", 3, -4.4), ("AGREE", "030", 1, 4.0)]


def build(path: Path, n: int) -> None:
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO documents VALUES ('h', 'synthetic', NULL, NULL, 'none', 'Bench Wire', NULL, '', '', '', "
               "'h', NULL)")
    random.seed(7)
    start = date(2015, 1, 1)
    events, aggregates, mentions = [], [], []
    for number in range(1, n + 1):
        actor, recipient = random.sample(COUNTRIES, 2)
        event, cameo, quad, goldstein = random.choice(TYPES)
        day = (start + timedelta(days=random.randrange(3650))).isoformat()
        confidence = round(random.random(), 3)
        record = {"id": f"e{number}", "trigger": "acted", "text": f"{actor} acted on {recipient}.", "size": None,
                  "span": [0, 20], "trigger_span": [4, 9], "status": "actual", "event": event, "cameo": cameo,
                  "goldstein": goldstein, "actor": [{"country": actor, "name": actor, "text": actor}],
                  "recipient": [{"country": recipient, "name": recipient, "text": recipient}],
                  "confidence": confidence}
        events.append((f"e{number}", "h", "synthetic", day, "explicit", "day", event, None, cameo, quad, goldstein,
                       "actual", actor, recipient, None, None, number, "Bench Wire", None, json.dumps(record),
                       number, confidence))
        aggregates.append((f"a{number}", number, event, cameo, None, "actual", actor, recipient, day, day, day, day,
                           day, 1, 1, f"e{number}", confidence, 1))
        mentions.append((f"e{number}", f"a{number}"))
    db.executemany(f"INSERT INTO events VALUES ({','.join('?' * 22)})", events)
    db.executemany(f"INSERT INTO aggregates VALUES ({','.join('?' * 18)})", aggregates)
    db.executemany("INSERT INTO mentions VALUES (?, ?)", mentions)
    db.commit()
    db.close()


def timed(client: TestClient, url: str, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.text[:200])
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        build(path, args.events)
        client = TestClient(create_app(str(path)))
        baseline = timed(client, "/api/health", 20)
        print(f"{args.events} aggregated events; baseline GET /api/health {baseline * 1000:.1f} ms")
        for url in ["/api/events?limit=50", "/api/events?limit=50&sort=-date",
                    f"/api/events?limit=50&offset={args.events // 2}&sort=-date",
                    "/api/events?limit=50&dyad=USA-RUS&sort=-date",
                    "/api/events?limit=50&type=SANCTION&since=2020-01-01",
                    "/api/events?limit=50&min_confidence=0.7&sort=-date",
                    f"/api/events/{args.events // 2}", "/api/dyads"]:
            took = timed(client, url)
            print(f"{took * 1000:8.1f} ms  {took / baseline:7.1f} × baseline  GET {url}")


if __name__ == "__main__":
    main()
