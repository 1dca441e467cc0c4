"""Alert rules: validated with line-precise errors, fired exactly once per aggregated event or link."""

from __future__ import annotations

import json

import pytest

from detente.errors import DataFileError
from detente.watch import load_alerts, watch

from .conftest import LOCAL
from .pages import MOSCOW, PRAGUE, SAN_FRANCISCO, article, rss


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_an_event_alert_fires_once(site, store, tmp_path):
    out = tmp_path / "alerts.jsonl"
    rules = tmp_path / "alerts.yaml"
    rules.write_text(f"sinks:\n  - jsonl: {out}\n  - webhook: {site.url('/hook')}\nrules:\n"
                     "  - {name: usa-rus-conflict, dyad: USA-RUS, quad_class: [3, 4]}\n"
                     "  - {name: cooperation, dyad: USA-RUS, quad_class: 1}\n", encoding="utf-8")
    alerts = load_alerts(rules)
    feed = site.page("/feed.xml", rss("Wire", [("sf", site.page("/sf", article(SAN_FRANCISCO)))]),
                     content_type="application/rss+xml")

    watch([feed], store, limits=LOCAL, alerts=alerts, once=True)
    fired = _lines(out)
    assert fired and {alert["rule"] for alert in fired} == {"usa-rus-conflict"}
    assert len({alert["target"] for alert in fired}) == len(fired)
    watch([feed], store, limits=LOCAL, alerts=alerts, once=True)
    assert _lines(out) == fired
    assert [json.loads(body)["target"] for body in site.posted] == [alert["target"] for alert in fired]


def test_link_alerts_fire_once_when_the_answer_arrives(site, store, tmp_path):
    out = tmp_path / "alerts.jsonl"
    prague = site.page("/prague", article(PRAGUE))
    feed = site.page("/feed.xml", rss("Wire", [("prague", prague)]), content_type="application/rss+xml")
    watch([feed], store, limits=LOCAL, once=True)
    (czech,) = [row[0] for row in store.connection.execute("SELECT id FROM aggregates")]
    rules = tmp_path / "alerts.yaml"
    rules.write_text(f"sinks: [{{jsonl: {out}}}]\nrules:\n  - {{name: in-kind, answered_in_kind: true}}\n"
                     f"  - {{name: after-prague, link_into: {czech}}}\n", encoding="utf-8")
    alerts = load_alerts(rules)
    watch([feed], store, limits=LOCAL, alerts=alerts, once=True)
    assert _lines(out) == []

    site.page("/feed.xml", rss("Wire", [("moscow", site.page("/moscow", article(MOSCOW))), ("prague", prague)]),
              content_type="application/rss+xml")
    watch([feed], store, limits=LOCAL, alerts=alerts, once=True)
    watch([feed], store, limits=LOCAL, alerts=alerts, once=True)
    fired = _lines(out)
    assert sorted(alert["rule"] for alert in fired) == ["after-prague", "in-kind"]
    assert all(alert["record"]["cause"] == czech for alert in fired)


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("rules:\n  - {name: a, dyad: USA}\n", 2, "two codes joined by a dash"),
    ("rules:\n  - name: a\n    quad_class: [3, 7]\n", 3, "quad_class must be 1, 2, 3 or 4"),
    ("rules:\n  - {name: a, dyad: USA-RUS}\n  - {name: b, colour: red}\n", 3, "unknown rule key 'colour'"),
    ("rules:\n  - {name: a, dyad: USA-RUS, answered_in_kind: true}\n", 2, "not both nor neither"),
    ("rules:\n  - {dyad: USA-RUS}\n", 2, "needs a `name`"),
    ("rules:\n  - {name: a, event: EXPEL}\n  - {name: a, event: EXPEL}\n", 3, "duplicate rule name"),
    ("sinks:\n  - console\n  - email: me@example.org\nrules:\n  - {name: a, event: EXPEL}\n", 3, "sink"),
    ("rules:\n  - {name: a, event: EXPEL\n", 3, "invalid YAML"),
    ("rules:\n  - just a string\n", 2, "expected a mapping"),
])
def test_invalid_alert_files_name_the_line(tmp_path, text, line, reason):
    path = tmp_path / "alerts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_alerts(path)
    assert caught.value.line == line
    assert reason in str(caught.value)
