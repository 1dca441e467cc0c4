"""Reading the package's YAML data files with line numbers, for precise errors.

Every mapping loaded through ``load`` carries the line it starts on under the
key ``__line__``, and remembers the line of each key (``key_line``); every
list remembers the line of each item (``item_line``).  A validator can then
say ``states.yaml:412: unknown sector 'GVO'``, also for an item that is not a
mapping.  Dates stay text: the validators parse them and say which line is
wrong.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

LINE = "__line__"


class LineDict(dict):
    """A mapping that knows the line of each of its keys."""

    key_lines: dict[Any, int]


class LineList(list):
    """A list that knows the line of each of its items."""

    item_lines: list[int]


# libyaml's parser when PyYAML was built with it (the wheels are): the knowledge base loads ten times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader that records where each mapping starts.

    Only ``true`` and ``false`` are booleans: in word lists "on", "off", "no"
    and "yes" are words (YAML 1.1 would read them as booleans).
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        mapping = LineDict(super().construct_mapping(node, deep=deep))
        mapping.key_lines = {self.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value}
        mapping[LINE] = node.start_mark.line + 1
        return mapping

    def construct_line_dict(self, node: yaml.MappingNode):
        mapping = LineDict()
        yield mapping
        built = self.construct_mapping(node)
        mapping.update(built)
        mapping.key_lines = built.key_lines

    def construct_line_list(self, node: yaml.SequenceNode):
        items = LineList()
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield items
        items.extend(self.construct_sequence(node))


_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_line_list)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_dict)
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _LineLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list(_first)
    )


def load(path: str | Path) -> Any:
    """The content of a YAML file; a syntax error becomes a ``DataFileError`` naming the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), None, f"cannot read: {error}") from error
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataFileError(str(path), line, f"invalid YAML: {error.problem}") from error
    except yaml.YAMLError as error:
        raise DataFileError(str(path), None, f"invalid YAML: {error}") from error


def line_of(entry: Any) -> int | None:
    """The line a mapping started on, if it was loaded by ``load``."""
    return entry.get(LINE) if isinstance(entry, dict) else None


def key_line(mapping: Any, key: Any) -> int | None:
    """The line of a key of a mapping loaded by ``load`` (else the mapping's own line)."""
    lines = getattr(mapping, "key_lines", None)
    return lines.get(key, line_of(mapping)) if lines is not None else line_of(mapping)


def item_line(items: Any, index: int) -> int | None:
    """The line of item ``index`` of a list loaded by ``load``."""
    lines = getattr(items, "item_lines", None)
    return lines[index] if lines is not None and index < len(lines) else None


def mappings(path: str | Path, items: Any, what: str = "entry"):
    """The items of a list, each checked to be a mapping (an error names the item's line)."""
    for index, item in enumerate(items if isinstance(items, list) else as_list(items)):
        if not isinstance(item, dict):
            raise DataFileError(str(path), item_line(items, index),
                                f"each {what}: expected a mapping, found {type(item).__name__} {item!r}")
        yield item


def as_list(value: Any) -> list[Any]:
    """A YAML value that may be a single item or a list, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
