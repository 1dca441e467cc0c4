"""Reading the package's YAML data files with line numbers, for precise errors.

Every mapping loaded through ``load`` carries the line it starts on under the
key ``__line__``, so that a validator can say ``states.yaml:412: unknown
sector 'GVO'``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
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
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
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


def as_list(value: Any) -> list[Any]:
    """A YAML value that may be a single item or a list, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
