"""Escalation plots: the Goldstein and PLOVER scores of two directions of a dyad over time, with links.

Pure: series and marks in, one PNG or SVG file out, drawn with matplotlib's Agg-based canvases on a
``Figure`` of its own (no pyplot, no display, no global figure state).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .export import as_date, open_target

FORMATS = {".png": "png", ".svg": "svg"}
PANELS = (("goldstein", "Goldstein score (sum)"), ("plover", "PLOVER score (sum)"))
COLOURS = ("tab:blue", "tab:red", "tab:green", "tab:purple", "tab:orange", "tab:brown")
LINK_STYLES = {"responds_to": ("-", "stated response"), "inferred": ("--", "inferred response")}
MAX_LABELS = 8
FIGURE_SIZE = (11.0, 7.0)
DPI = 150
# Labels sit in a band added above the lines (a fraction of the data height), in rows (fractions of
# the panel height) cycled along the time axis so that neighbouring labels do not sit on each other.
LABEL_BAND = 0.6
LABEL_ROWS = (0.94, 0.84, 0.74)
# Text stays text in SVG (searchable, selectable); fixed ids and no date make the file reproducible.
SVG_SETTINGS = {"svg.fonttype": "none", "svg.hashsalt": "detente"}

Direction = tuple[str, str]


class _Line:
    """One direction (actor → recipient): its periods and the two scores, in time order."""

    def __init__(self, points: list[dict]):
        points = sorted(points, key=lambda point: as_date(point["period"]))
        self.x = np.array([mdates.date2num(as_date(point["period"])) for point in points], dtype=float)
        self.y = {key: np.array([float(point.get(key) or 0.0) for point in points]) for key, _ in PANELS}

    def at(self, day: date, key: str) -> float:
        """The line's height on ``day`` (interpolated between periods, flat beyond the ends)."""
        return float(np.interp(mdates.date2num(day), self.x, self.y[key]))


def plot_escalation(series: Iterable[dict], marks: Iterable[dict], path: str | os.PathLike[str],
                    title: str | None = None, *, max_labels: int = MAX_LABELS) -> str | os.PathLike[str]:
    """Write the escalation plot of ``series`` with ``marks`` to ``path`` (.png or .svg) and return the path.

    ``series``: {"period", "actor", "recipient", "events", "goldstein", "plover"} per direction and period.
    ``marks``: linked events, {"date", "actor", "recipient", "label", "kind", "cause_date"}: each is marked
    on its direction's line with an arrow from its cause's date (solid when stated, dashed when inferred).
    Only the ``max_labels`` most telling marks (stated first, then the largest Goldstein swing) get labels.
    """
    kind = FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(f"{os.fspath(path)}: cannot tell the plot format from the extension; "
                         f"use {' or '.join(FORMATS)}")
    lines = _lines(series)
    colours = {direction: COLOURS[index % len(COLOURS)] for index, direction in enumerate(lines)}
    figure = Figure(figsize=FIGURE_SIZE, layout="constrained")
    axes = figure.subplots(len(PANELS), 1, sharex=True)
    for axis, (key, label) in zip(axes, PANELS, strict=True):
        _draw_lines(axis, lines, colours, key, label)
    marks = [dict(mark, date=as_date(mark["date"]), cause_date=as_date(mark.get("cause_date"))) for mark in marks]
    for axis, (key, _) in zip(axes, PANELS, strict=True):
        _draw_marks(axis, marks, lines, colours, key)
    _draw_labels(axes[0], _labelled(marks, lines, max_labels), lines)
    _legend(axes[0], lines, colours, marks)
    locator = mdates.AutoDateLocator()
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if title:
        figure.suptitle(title)
    if not lines:
        axes[0].text(0.5, 0.5, "no events", transform=axes[0].transAxes, ha="center", va="center")
    with matplotlib.rc_context(SVG_SETTINGS), open_target(path, binary=True) as out:
        figure.savefig(out, format=kind, dpi=DPI, metadata={"Date": None} if kind == "svg" else None)
    return path


def _lines(series: Iterable[dict]) -> dict[Direction, _Line]:
    points: dict[Direction, list[dict]] = {}
    for point in series:
        points.setdefault((str(point["actor"]), str(point["recipient"])), []).append(point)
    return {direction: _Line(found) for direction, found in points.items()}


def _draw_lines(axis: Axes, lines: dict[Direction, _Line], colours: dict[Direction, str], key: str,
                label: str) -> None:
    axis.axhline(0, color="0.55", linewidth=0.8, zorder=1)
    for direction, line in lines.items():
        axis.plot(line.x, line.y[key], color=colours[direction], linewidth=1.6, marker=".", markersize=4,
                  label=f"{direction[0]} → {direction[1]}", zorder=2)
    axis.set_ylabel(label)
    axis.grid(axis="y", color="0.9", linewidth=0.6)


def _height(lines: dict[Direction, _Line], direction: Direction, day: date, key: str) -> float:
    line = lines.get(direction)
    return line.at(day, key) if line else 0.0


def _draw_marks(axis: Axes, marks: list[dict], lines: dict[Direction, _Line], colours: dict[Direction, str],
                key: str) -> None:
    for mark in marks:
        direction = (str(mark["actor"]), str(mark["recipient"]))
        colour = colours.get(direction, "0.3")
        style, _ = LINK_STYLES.get(mark.get("kind"), LINK_STYLES["inferred"])
        x, y = mdates.date2num(mark["date"]), _height(lines, direction, mark["date"], key)
        stated = style == "-"
        axis.plot([x], [y], marker="o", markersize=7, color=colour, markerfacecolor=colour if stated else "white",
                  markeredgewidth=1.4, linestyle="none", zorder=4)
        cause = mark["cause_date"]
        if cause is None:
            continue
        # The cause is usually the other side's act: start the arrow on the reverse direction when drawn.
        reverse = (direction[1], direction[0])
        start = (mdates.date2num(cause), _height(lines, reverse if reverse in lines else direction, cause, key))
        axis.annotate("", xy=(x, y), xytext=start, zorder=3,
                      arrowprops={"arrowstyle": "-|>", "linestyle": style, "color": colour, "linewidth": 1.1,
                                  "connectionstyle": "arc3,rad=0.25", "shrinkA": 3, "shrinkB": 5})


def _labelled(marks: list[dict], lines: dict[Direction, _Line], limit: int) -> list[dict]:
    """The marks worth a label: stated links first, then the largest Goldstein swings; in time order."""
    def weight(mark: dict) -> tuple[bool, float]:
        direction = (str(mark["actor"]), str(mark["recipient"]))
        return mark.get("kind") != "responds_to", -abs(_height(lines, direction, mark["date"], "goldstein"))

    chosen = sorted((mark for mark in marks if mark.get("label")), key=weight)[:max(limit, 0)]
    return sorted(chosen, key=lambda mark: mark["date"])


def _draw_labels(axis: Axes, marks: list[dict], lines: dict[Direction, _Line]) -> None:
    """Labels in a band above the lines, in rows cycled along time, each with a leader to its mark."""
    if not marks:
        return
    low, high = axis.get_ylim()
    axis.set_ylim(low, high + (high - low) * LABEL_BAND)
    for index, mark in enumerate(marks):
        direction = (str(mark["actor"]), str(mark["recipient"]))
        x = mdates.date2num(mark["date"])
        axis.annotate(str(mark["label"]), xy=(x, _height(lines, direction, mark["date"], "goldstein")),
                      xytext=(x, LABEL_ROWS[index % len(LABEL_ROWS)]), textcoords=axis.get_xaxis_transform(),
                      ha="center", va="center", fontsize=7.5, zorder=5,
                      bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "0.7", "alpha": 0.9},
                      arrowprops={"arrowstyle": "-", "color": "0.6", "linewidth": 0.6, "shrinkA": 0, "shrinkB": 4})


def _legend(axis: Axes, lines: dict[Direction, _Line], colours: dict[Direction, str], marks: list[dict]) -> None:
    handles: list[Any] = [Line2D([], [], color=colours[direction], linewidth=1.6,
                                 label=f"{direction[0]} → {direction[1]}") for direction in lines]
    kinds = {mark.get("kind") for mark in marks}
    for kind, (style, label) in LINK_STYLES.items():
        if kind in kinds:
            handles.append(Line2D([], [], color="0.3", linestyle=style, marker="o",
                                  markerfacecolor="0.3" if style == "-" else "white", label=label))
    if handles:
        axis.legend(handles=handles, loc="best", fontsize=8, framealpha=0.9)
