"""Escalation plots: the Goldstein and PLOVER scores of two directions of a dyad over time, with links.

Pure: series and marks in, one PNG or SVG file out, drawn with matplotlib's Agg-based canvases on a
``Figure`` of its own (no pyplot, no display, no global figure state).

The layout is fixed in inches, so that where a label goes can be measured before the figure is saved:
title and legend at the top, the Goldstein panel with a band for labels above its lines, the PLOVER
panel, and below them the list of the linked events that got no label.  Labels are placed one by one,
the largest events first (stated links, then the largest Goldstein swing), each where its box overlaps
no other label and stays inside the panel; an event whose label finds no such place, or beyond
``max_labels``, is listed instead.  The figure grows by the height of that list, so the panels keep
their size and no label or line of the list leaves the figure.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from .export import as_date, open_target

FORMATS = {".png": "png", ".svg": "svg"}
PANELS = (("goldstein", "Goldstein score (sum)"), ("plover", "PLOVER score (sum)"))
COLOURS = ("tab:blue", "tab:red", "tab:green", "tab:purple", "tab:orange", "tab:brown")
LINK_STYLES = {"responds_to": ("-", "stated response"), "inferred": ("--", "inferred response")}
MAX_LABELS = 8
DPI = 150
# The layout, in inches: the figure's width, the margins, the two panels, and the list below them.
WIDTH, LEFT, RIGHT = 11.0, 0.95, 0.3
TITLE, LEGEND, GOLDSTEIN, GAP, PLOVER, AXIS = 0.45, 0.4, 3.1, 0.2, 2.2, 0.55
LIST_LINE, LIST_HEAD, LIST_FONT, MAX_LISTED, LIST_CHARS = 0.17, 0.3, 7.0, 40, 170
# Labels sit in a band added above the lines (a fraction of the data height), in rows (fractions of
# the panel height); a label may move sideways from its mark by these fractions of its width.
LABEL_BAND = 0.75
LABEL_ROWS = (0.95, 0.87, 0.79, 0.71)
SHIFTS = (0.0, -0.5, 0.5, -1.0, 1.0)
LABEL_FONT = 7.5
LABEL_PAD = 0.25  # the box around a label, in font sizes
GAP_PIXELS = 3.0  # between two label boxes
# Text stays text in SVG (searchable, selectable); fixed ids and no date make the file reproducible.
SVG_SETTINGS = {"svg.fonttype": "none", "svg.hashsalt": "detente"}

Direction = tuple[str, str]


@dataclass(frozen=True)
class Chart:
    """What was drawn: the file, each label with its box (x0, y0, x1, y1) in pixels of the saved figure (origin
    at the bottom left), the events listed below the panels instead, and the figure's size in pixels."""

    path: str | os.PathLike[str]
    labels: tuple[tuple[str, tuple[float, float, float, float]], ...]
    listed: tuple[str, ...]
    size: tuple[float, float]
    list_box: tuple[float, float, float, float] | None = None


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
                    title: str | None = None, *, max_labels: int = MAX_LABELS,
                    window: tuple[date | None, date | None] = (None, None)) -> Chart:
    """Write the escalation plot of ``series`` with ``marks`` to ``path`` (.png or .svg).

    ``series``: {"period", "actor", "recipient", "events", "goldstein", "plover"} per direction and period.
    ``marks``: linked events, {"date", "actor", "recipient", "label", "kind", "causes"}: each is marked on its
    direction's line (filled when a link is stated) with an arrow from each cause, {"date", "kind"} (solid when
    stated, dashed when inferred); a mark may give one ``cause_date`` instead of ``causes``.
    At most ``max_labels`` of them get a label, the largest first, where a label fits; the others are
    listed below the panels.  ``window`` (since, until) bounds the time axis; without it the axis spans
    the series.
    """
    kind = FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(f"{os.fspath(path)}: cannot tell the plot format from the extension; "
                         f"use {' or '.join(FORMATS)}")
    lines = _lines(series)
    colours = {direction: COLOURS[index % len(COLOURS)] for index, direction in enumerate(lines)}
    marks = [dict(mark, date=as_date(mark["date"]), causes=_causes(mark)) for mark in marks]
    ranked = _ranked(marks, lines)
    with matplotlib.rc_context(SVG_SETTINGS):
        # The panels' size does not depend on the list: place the labels once to know what is listed,
        # then draw the figure with room for that list.
        listed = _place(_figure(lines, colours, marks, title, window, 0)[1][0], ranked, lines, max_labels)[1]
        figure, axes = _figure(lines, colours, marks, title, window, _list_lines(len(listed)))
        placed, listed = _place(axes[0], ranked, lines, max_labels)
        list_box = _draw_list(figure, listed)
        with open_target(path, binary=True) as out:
            figure.savefig(out, format=kind, dpi=DPI, metadata={"Date": None} if kind == "svg" else None)
    width, height = figure.get_size_inches() * DPI
    return Chart(path, tuple(placed), tuple(_list_line(mark) for mark in listed), (float(width), float(height)),
                 list_box)


def _figure(lines: dict[Direction, _Line], colours: dict[Direction, str], marks: list[dict], title: str | None,
            window: tuple[date | None, date | None], list_lines: int) -> tuple[Figure, list[Axes]]:
    """The figure with its lines and marks drawn, laid out in inches with ``list_lines`` lines of list below."""
    list_height = (LIST_HEAD + list_lines * LIST_LINE) if list_lines else 0.0
    height = TITLE + LEGEND + GOLDSTEIN + GAP + PLOVER + AXIS + list_height
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    FigureCanvasAgg(figure)

    def box(top: float, size: float) -> list[float]:
        return [LEFT / WIDTH, 1 - (top + size) / height, 1 - (LEFT + RIGHT) / WIDTH, size / height]

    first = figure.add_axes(box(TITLE + LEGEND, GOLDSTEIN))
    second = figure.add_axes(box(TITLE + LEGEND + GOLDSTEIN + GAP, PLOVER), sharex=first)
    axes = [first, second]
    for axis, (key, label) in zip(axes, PANELS, strict=True):
        _draw_lines(axis, lines, colours, key, label)
    for axis, (key, _) in zip(axes, PANELS, strict=True):
        _draw_marks(axis, marks, lines, colours, key)
    first.tick_params(labelbottom=False)
    locator = mdates.AutoDateLocator()
    second.xaxis.set_major_locator(locator)
    second.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    _limits(first, lines, marks, window)
    if marks:
        low, high = first.get_ylim()
        first.set_ylim(low, high + (high - low) * LABEL_BAND)
    if title:
        figure.text(0.5, 1 - 0.5 * TITLE / height, title, ha="center", va="center", fontsize=12)
    _legend(figure, lines, colours, marks, 1 - (TITLE + 0.5 * LEGEND) / height)
    if not lines:
        first.text(0.5, 0.5, "no events", transform=first.transAxes, ha="center", va="center")
    return figure, axes


def _limits(axis: Axes, lines: dict[Direction, _Line], marks: list[dict],
            window: tuple[date | None, date | None]) -> None:
    """The time axis: the window when given, else the series and the marks, with a margin of a few percent."""
    xs = [x for line in lines.values() for x in line.x] + [mdates.date2num(mark["date"]) for mark in marks]
    since, until = window
    low = mdates.date2num(since) if since else (min(xs) if xs else None)
    high = mdates.date2num(until) if until else (max(xs) if xs else None)
    if low is None or high is None:
        return
    if high <= low:
        low, high = low - 3, high + 3
    margin = (high - low) * 0.03
    axis.set_xlim(low - margin, high + margin)


def _causes(mark: dict) -> list[dict]:
    """The causes a mark's arrows start from: its ``causes`` ({"date", "kind"}), or its one ``cause_date``."""
    if "causes" in mark:
        return [{"date": as_date(c["date"]), "kind": c.get("kind")} for c in mark["causes"] if as_date(c["date"])]
    day = as_date(mark.get("cause_date"))
    return [{"date": day, "kind": mark.get("kind")}] if day else []


def _lines(series: Iterable[dict]) -> dict[Direction, _Line]:
    points: dict[Direction, list[dict]] = {}
    for point in series:
        points.setdefault((str(point["actor"]), str(point["recipient"])), []).append(point)
    return {direction: _Line(found) for direction, found in points.items()}


def _draw_lines(axis: Axes, lines: dict[Direction, _Line], colours: dict[Direction, str], key: str,
                label: str) -> None:
    axis.axhline(0, color="0.55", linewidth=0.8, zorder=1)
    for direction, line in lines.items():
        axis.plot(line.x, line.y[key], color=colours[direction], linewidth=1.4, marker=".", markersize=3,
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
        axis.plot([x], [y], marker="o", markersize=6, color=colour, markerfacecolor=colour if stated else "white",
                  markeredgewidth=1.3, linestyle="none", zorder=4)
        for cause in mark["causes"]:
            # The cause is usually the other side's act: start the arrow on the reverse direction when drawn.
            reverse = (direction[1], direction[0])
            day = cause["date"]
            start = (mdates.date2num(day), _height(lines, reverse if reverse in lines else direction, day, key))
            line_style, _ = LINK_STYLES.get(cause.get("kind"), LINK_STYLES["inferred"])
            axis.annotate("", xy=(x, y), xytext=start, zorder=3,
                          arrowprops={"arrowstyle": "-|>", "linestyle": line_style, "color": colour,
                                      "linewidth": 1.0, "connectionstyle": "arc3,rad=0.25", "shrinkA": 3,
                                      "shrinkB": 5})


def _ranked(marks: list[dict], lines: dict[Direction, _Line]) -> list[dict]:
    """The marks with a label, largest first: stated links, then the largest Goldstein swing, then by date."""
    def weight(mark: dict) -> tuple[bool, float, date]:
        direction = (str(mark["actor"]), str(mark["recipient"]))
        return (mark.get("kind") != "responds_to", -abs(_height(lines, direction, mark["date"], "goldstein")),
                mark["date"])

    return sorted((mark for mark in marks if mark.get("label")), key=weight)


def _place(axis: Axes, ranked: list[dict], lines: dict[Direction, _Line],
           limit: int) -> tuple[list[tuple[str, tuple[float, float, float, float]]], list[dict]]:
    """Label the marks in order where each label fits; the labels placed with their boxes, and the marks
    listed instead (in date order)."""
    renderer = axis.figure.canvas.get_renderer()
    bounds = axis.get_window_extent(renderer)
    transform = axis.get_xaxis_transform()
    placed: list[tuple[str, tuple[float, float, float, float]]] = []
    boxes: list[Bbox] = []
    listed: list[dict] = []
    for mark in ranked:
        spot = _spot(axis, mark, boxes, bounds, renderer) if len(placed) < max(limit, 0) else None
        if spot is None:
            listed.append(mark)
            continue
        (x, row), box = spot
        direction = (str(mark["actor"]), str(mark["recipient"]))
        xy = (mdates.date2num(mark["date"]), _height(lines, direction, mark["date"], "goldstein"))
        axis.annotate(str(mark["label"]), xy=xy, xytext=(x, row), textcoords=transform, ha="center", va="center",
                      fontsize=LABEL_FONT, zorder=5, annotation_clip=False,
                      bbox={"boxstyle": f"round,pad={LABEL_PAD}", "facecolor": "white", "edgecolor": "0.7",
                            "alpha": 0.95},
                      arrowprops={"arrowstyle": "-", "color": "0.6", "linewidth": 0.6, "shrinkA": 0, "shrinkB": 4})
        boxes.append(box)
        placed.append((str(mark["label"]), (box.x0, box.y0, box.x1, box.y1)))
    return placed, sorted(listed, key=lambda mark: mark["date"])


def _spot(axis: Axes, mark: dict, boxes: list[Bbox], bounds: Bbox, renderer) -> tuple[tuple[float, float], Bbox] | None:
    """Where a mark's label fits (x in data, row in axes fraction) with its box in pixels, or None."""
    probe = axis.text(0, 0, str(mark["label"]), fontsize=LABEL_FONT)
    extent = probe.get_window_extent(renderer)
    probe.remove()
    pad = LABEL_PAD * LABEL_FONT * axis.figure.dpi / 72
    width, height = extent.width + 2 * pad, extent.height + 2 * pad
    centre = axis.transData.transform((mdates.date2num(mark["date"]), 0))[0]
    for row in LABEL_ROWS:
        y = axis.transAxes.transform((0, row))[1]
        for shift in SHIFTS:
            x = centre + shift * width
            box = Bbox.from_bounds(x - width / 2, y - height / 2, width, height)
            inside = (box.x0 >= bounds.x0 and box.x1 <= bounds.x1 and box.y0 >= bounds.y0 and box.y1 <= bounds.y1)
            if inside and not any(_overlap(box, other) for other in boxes):
                return (axis.transData.inverted().transform((x, 0))[0], row), box
    return None


def _overlap(first: Bbox, second: Bbox) -> bool:
    return not (first.x1 + GAP_PIXELS <= second.x0 or second.x1 + GAP_PIXELS <= first.x0
                or first.y1 + GAP_PIXELS <= second.y0 or second.y1 + GAP_PIXELS <= first.y0)


def _list_lines(listed: int) -> int:
    """Lines the list takes: one per event up to MAX_LISTED, and one saying how many more there are."""
    return min(listed, MAX_LISTED) + (1 if listed > MAX_LISTED else 0)


def _list_line(mark: dict) -> str:
    line = f"{mark['date'].isoformat()}  {mark['actor']} → {mark['recipient']}  {mark['label']}"
    return line if len(line) <= LIST_CHARS else line[:LIST_CHARS - 1] + "…"


def _draw_list(figure: Figure, listed: list[dict]) -> tuple[float, float, float, float] | None:
    """The linked events without a label, below the panels, one a line; its box in pixels."""
    if not listed:
        return None
    lines = [_list_line(mark) for mark in listed[:MAX_LISTED]]
    if len(listed) > MAX_LISTED:
        lines.append(f"… and {len(listed) - MAX_LISTED} more linked events (detente events lists them all)")
    height = figure.get_size_inches()[1]
    top = 1 - (TITLE + LEGEND + GOLDSTEIN + GAP + PLOVER + AXIS) / height
    text = figure.text(LEFT / WIDTH, top, "Linked events without a label:\n" + "\n".join(lines), ha="left", va="top",
                       fontsize=LIST_FONT, linespacing=1.35)
    box = text.get_window_extent(figure.canvas.get_renderer())
    return (box.x0, box.y0, box.x1, box.y1)


def _legend(figure: Figure, lines: dict[Direction, _Line], colours: dict[Direction, str], marks: list[dict],
            y: float) -> None:
    handles: list[Any] = [Line2D([], [], color=colours[direction], linewidth=1.6,
                                 label=f"{direction[0]} → {direction[1]}") for direction in lines]
    kinds = {mark.get("kind") for mark in marks}
    for kind, (style, label) in LINK_STYLES.items():
        if kind in kinds:
            handles.append(Line2D([], [], color="0.3", linestyle=style, marker="o",
                                  markerfacecolor="0.3" if style == "-" else "white", label=label))
    if handles:
        figure.legend(handles=handles, loc="center", bbox_to_anchor=(0.5, y), ncol=len(handles), fontsize=8,
                      frameon=False)

