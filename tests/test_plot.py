import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta

import pytest

from detente.plot import plot_escalation

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"
START = date(2017, 7, 3)


def week(n):
    return START + timedelta(weeks=n)


def point(n, actor, recipient, goldstein, plover):
    return {"period": week(n), "actor": actor, "recipient": recipient, "events": 2, "goldstein": goldstein,
            "plover": plover}


# The summer of 2017: the Senate's sanctions bill, Moscow's cut of the US mission, Washington's closures.
SERIES = [
    *[point(n, "USA", "RUS", g, p) for n, (g, p) in enumerate([(-1, -1), (-8, -5), (-3, -2), (-2, -1), (-9, -6)])],
    *[point(n, "RUS", "USA", g, p) for n, (g, p) in enumerate([(0, 0), (-2, -1), (-12, -9), (-4, -3), (-1, 0)])],
]
MARKS = [
    {"date": date(2017, 7, 28), "actor": "RUS", "recipient": "USA", "label": "SANCTION 166: cut to 455",
     "kind": "responds_to", "cause_date": date(2017, 7, 27)},
    {"date": date(2017, 7, 30), "actor": "RUS", "recipient": "USA", "label": "SANCTION 166: expel 755",
     "kind": "responds_to", "cause_date": date(2017, 7, 27)},
    {"date": date(2017, 8, 31), "actor": "USA", "recipient": "RUS", "label": "SANCTION 166: close consulate",
     "kind": "inferred", "cause_date": date(2017, 7, 30)},
    {"date": "2017-07-20", "actor": "USA", "recipient": "RUS", "label": "THREATEN 138: sanctions bill",
     "kind": "inferred", "cause_date": None},
]


def svg_texts(path):
    root = ElementTree.parse(path).getroot()
    return [" ".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")]


def test_png_is_a_real_png(tmp_path):
    path = tmp_path / "escalation.png"
    assert plot_escalation(SERIES, MARKS, path, title="USA and Russia, 2017").path == path
    content = path.read_bytes()
    assert content.startswith(PNG_MAGIC)
    assert len(content) > 20_000


def test_svg_parses_and_has_the_legend_and_labels(tmp_path):
    path = tmp_path / "escalation.svg"
    plot_escalation(SERIES, MARKS, str(path), title="USA and Russia, 2017")
    texts = svg_texts(path)
    for expected in ["USA → RUS", "RUS → USA", "stated response", "inferred response", "USA and Russia, 2017",
                     "SANCTION 166: expel 755", "Goldstein score (sum)", "PLOVER score (sum)"]:
        assert expected in texts


def test_only_the_largest_marks_get_labels(tmp_path):
    path = tmp_path / "escalation.svg"
    plot_escalation(SERIES, MARKS, path, max_labels=2)
    texts = svg_texts(path)
    labels = [mark["label"] for mark in MARKS if mark["label"] in texts]
    # Stated links come first, then the largest Goldstein swing.
    assert labels == ["SANCTION 166: cut to 455", "SANCTION 166: expel 755"]


def test_the_svg_is_reproducible(tmp_path):
    first, second = tmp_path / "first.svg", tmp_path / "second.svg"
    plot_escalation(SERIES, MARKS, first)
    plot_escalation(SERIES, MARKS, second)
    assert first.read_bytes() == second.read_bytes()


def test_no_series_still_makes_a_plot(tmp_path):
    path = tmp_path / "empty.svg"
    plot_escalation([], [], path)
    assert "no events" in svg_texts(path)


@pytest.mark.parametrize("name", ["escalation.pdf", "escalation", "escalation.png.txt"])
def test_an_unknown_extension_is_refused(tmp_path, name):
    path = tmp_path / name
    with pytest.raises(ValueError, match=r"escalation.*\.png or \.svg"):
        plot_escalation(SERIES, MARKS, path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_message_names_the_path(tmp_path):
    with pytest.raises(ValueError) as error:
        plot_escalation(SERIES, MARKS, tmp_path / "chart.jpeg")
    assert str(tmp_path / "chart.jpeg") in str(error.value)
