"""Twins, copies and re-coding on each backend: what SQLite stores, PostgreSQL stores too."""

from __future__ import annotations

import json

from detente import api
from detente.store import Store

from ..test_recode import EXAMPLES, contents, lexicons  # noqa: F401  (the fixture)


def test_recode_gives_the_store_coded_from_scratch_on_both_backends(database, lexicons, tmp_path):  # noqa: F811
    lexicons(changed_lexicon=True)
    with Store.open(database) as store:
        list(api.code([str(EXAMPLES)], store=store))
    lexicons(changed_lexicon=False)
    with Store.open(database) as store:
        result = api.recode(store)
        assert result.documents == 18 and result.removed + result.added > 0
        recoded = contents(store)
    with Store.open(tmp_path / "scratch.sqlite") as scratch:
        list(api.code([str(EXAMPLES)], store=scratch))
        assert recoded == contents(scratch)


def test_twins_are_copied_on_both_backends(database, tmp_path):
    text = "Russia expelled ten Norwegian diplomats on Friday, the foreign ministry in Moscow said."
    lines = [{"id": f"wire-{outlet}", "source": f"Outlet {outlet}", "date": "2023-04-15", "text": text}
             for outlet in "AB"]
    inputs = tmp_path / "wire.jsonl"
    inputs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Store.open(database) as store:
        report = api.Report()
        list(api.code([str(inputs)], store=store, report=report))
        assert (report.documents, report.copied, report.reports) == (2, 1, 2)
        [event] = api.events(store)
        assert event["sources"] == ["Outlet A", "Outlet B"]
        assert [r["number"] for r in api.reports(store)] == [1, 2]
